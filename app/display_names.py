"""What the interface calls the engine's components and settings, in the interface language.

The engine names things by identifiers (``he_uniform``, ``softmax_cross_entropy``, ``wine_2d``):
what a configuration file stores and a script passes to ``create``. The lists of the window show a
person's name for each instead ("He, uniform"), translated like every other text (context
"Names"), and keep the identifier as the item's data and in its tooltip. A name without an entry
here (a component registered later) is shown as its identifier.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.datasets.plane import SYMBOLS as PLANE_SYMBOLS

LABELS: dict[str, dict[str, str]] = {
    "dataset": {
        "digits": QT_TRANSLATE_NOOP("Names", "8×8 digits"),
        "mnist": QT_TRANSLATE_NOOP("Names", "MNIST digits"),
        "fashion_mnist": QT_TRANSLATE_NOOP("Names", "Fashion-MNIST"),
        "my_digits": QT_TRANSLATE_NOOP("Names", "My drawn digits"),
        "wine": QT_TRANSLATE_NOOP("Names", "Wine, 13 features"),
        "wine_2d": QT_TRANSLATE_NOOP("Names", "Wine: alcohol and proline"),
        "xor": QT_TRANSLATE_NOOP("Names", "XOR truth table"),
        "xnor": QT_TRANSLATE_NOOP("Names", "XNOR truth table"),
        "sine": QT_TRANSLATE_NOOP("Names", "Sine curve (regression)"),
        "diabetes": QT_TRANSLATE_NOOP("Names", "Diabetes (regression)"),
        "moons": QT_TRANSLATE_NOOP("Names", "Two moons"),
        "circles": QT_TRANSLATE_NOOP("Names", "Circles"),
        "spirals": QT_TRANSLATE_NOOP("Names", "Spirals"),
        "blobs": QT_TRANSLATE_NOOP("Names", "Gaussian blobs"),
        "regression_plane": QT_TRANSLATE_NOOP("Names", "Plane (regression)"),
        "multi_gaussian": QT_TRANSLATE_NOOP("Names", "Gaussian bumps (regression)"),
        "csv": QT_TRANSLATE_NOOP("Names", "CSV file"),
    },
    "task": {
        "binary": QT_TRANSLATE_NOOP("Names", "binary classification"),
        "multiclass": QT_TRANSLATE_NOOP("Names", "multiclass classification"),
        "regression": QT_TRANSLATE_NOOP("Names", "regression"),
    },
    "scaling": {
        "default": QT_TRANSLATE_NOOP("Names", "the dataset's default"),
        "standardize": QT_TRANSLATE_NOOP("Names", "standardise: (x − μ) / σ"),
        "unit": QT_TRANSLATE_NOOP("Names", "min–max to [0, 1]"),
        "none": QT_TRANSLATE_NOOP("Names", "none: raw values"),
    },
    "target_scaling": {  # of the regression targets (the scaling's names are of features x)
        "default": QT_TRANSLATE_NOOP("Names", "the dataset's default"),
        "standardize": QT_TRANSLATE_NOOP("Names", "standardise: (y − μ) / σ"),
        "unit": QT_TRANSLATE_NOOP("Names", "min–max to [0, 1]"),
        "none": QT_TRANSLATE_NOOP("Names", "none: raw values"),
    },
    "activation": {
        "identity": QT_TRANSLATE_NOOP("Names", "Identity (linear)"),
        "step": QT_TRANSLATE_NOOP("Names", "Unit step (Heaviside)"),
        "sign": QT_TRANSLATE_NOOP("Names", "Sign (signum)"),
        "piecewise_linear": QT_TRANSLATE_NOOP("Names", "Piece-wise linear"),
        "sigmoid": QT_TRANSLATE_NOOP("Names", "Logistic sigmoid"),
        "tanh": QT_TRANSLATE_NOOP("Names", "Hyperbolic tangent"),
        "relu": QT_TRANSLATE_NOOP("Names", "ReLU"),
        "leaky_relu": QT_TRANSLATE_NOOP("Names", "Leaky ReLU"),
        "elu": QT_TRANSLATE_NOOP("Names", "ELU"),
        "softplus": QT_TRANSLATE_NOOP("Names", "Softplus"),
        "softmax": QT_TRANSLATE_NOOP("Names", "Softmax"),  # no layer's: the output's (core.losses)
    },
    "activation_short": {  # under a column of the architecture diagram
        "identity": QT_TRANSLATE_NOOP("Names", "linear"),
        "step": QT_TRANSLATE_NOOP("Names", "step"),
        "sign": QT_TRANSLATE_NOOP("Names", "sign"),
        "piecewise_linear": QT_TRANSLATE_NOOP("Names", "piece-wise"),
        "sigmoid": QT_TRANSLATE_NOOP("Names", "sigmoid"),
        "tanh": QT_TRANSLATE_NOOP("Names", "tanh"),
    },
    "initializer": {
        "zeros": QT_TRANSLATE_NOOP("Names", "Zeros"),
        "constant": QT_TRANSLATE_NOOP("Names", "Constant"),
        "uniform": QT_TRANSLATE_NOOP("Names", "Uniform"),
        "normal": QT_TRANSLATE_NOOP("Names", "Normal"),
        "lecun_uniform": QT_TRANSLATE_NOOP("Names", "LeCun, uniform"),
        "lecun_normal": QT_TRANSLATE_NOOP("Names", "LeCun, normal"),
        "xavier_uniform": QT_TRANSLATE_NOOP("Names", "Xavier (Glorot), uniform"),
        "xavier_normal": QT_TRANSLATE_NOOP("Names", "Xavier (Glorot), normal"),
        "he_uniform": QT_TRANSLATE_NOOP("Names", "He, uniform"),
        "he_normal": QT_TRANSLATE_NOOP("Names", "He, normal"),
    },
    "loss": {
        "softmax_cross_entropy": QT_TRANSLATE_NOOP("Names", "Softmax cross-entropy"),
        "binary_cross_entropy": QT_TRANSLATE_NOOP("Names", "Binary cross-entropy"),
        "mse": QT_TRANSLATE_NOOP("Names", "Mean squared error"),
        "hinge": QT_TRANSLATE_NOOP("Names", "Hinge"),
        "perceptron": QT_TRANSLATE_NOOP("Names", "Perceptron criterion"),
    },
    "optimizer": {
        "sgd": QT_TRANSLATE_NOOP("Names", "SGD"),
        "momentum": QT_TRANSLATE_NOOP("Names", "SGD with momentum"),
        "nesterov": QT_TRANSLATE_NOOP("Names", "Nesterov momentum"),
        "adagrad": QT_TRANSLATE_NOOP("Names", "Adagrad"),
        "rmsprop": QT_TRANSLATE_NOOP("Names", "RMSProp"),
        "adadelta": QT_TRANSLATE_NOOP("Names", "Adadelta"),
        "adam": QT_TRANSLATE_NOOP("Names", "Adam"),
        "adamw": QT_TRANSLATE_NOOP("Names", "AdamW"),
        "newton": QT_TRANSLATE_NOOP("Names", "Newton's method"),  # only in the Loss surfaces playground
    },
    "schedule": {
        "constant": QT_TRANSLATE_NOOP("Names", "Constant rate"),
        "step": QT_TRANSLATE_NOOP("Names", "Step decay"),
        "exponential": QT_TRANSLATE_NOOP("Names", "Exponential decay"),
        "linear": QT_TRANSLATE_NOOP("Names", "Linear decay"),
        "inverse_time": QT_TRANSLATE_NOOP("Names", "Inverse-time decay"),
        "cosine": QT_TRANSLATE_NOOP("Names", "Cosine annealing"),
        "cyclic": QT_TRANSLATE_NOOP("Names", "Cyclic"),
        "reduce_on_plateau": QT_TRANSLATE_NOOP("Names", "Reduce on plateau"),
    },
    # Rows of the hyperparameter forms: the lectures' symbol beside the engine's (torch's) name,
    # or a word where the name is one (it would stay English in another language).
    "hyperparameter": {
        "lr": QT_TRANSLATE_NOOP("Names", "η (lr)"),
        "momentum": QT_TRANSLATE_NOOP("Names", "γ (momentum)"),
        "weight_decay": QT_TRANSLATE_NOOP("Names", "λ (weight_decay)"),
        "eps": QT_TRANSLATE_NOOP("Names", "ε (eps)"),
        "alpha": QT_TRANSLATE_NOOP("Names", "α (alpha)"),
        "rho": QT_TRANSLATE_NOOP("Names", "ρ (rho)"),
        "betas": QT_TRANSLATE_NOOP("Names", "β₁, β₂ (betas)"),
        "initial_accumulator_value": QT_TRANSLATE_NOOP("Names", "G₀ (initial_accumulator_value)"),
        "step_size": QT_TRANSLATE_NOOP("Names", "k (step_size)"),
        "gamma": QT_TRANSLATE_NOOP("Names", "q (gamma)"),  # lecture 003's γ is the momentum's
        "warmup": QT_TRANSLATE_NOOP("Names", "w (warmup)"),
        "lr_min": QT_TRANSLATE_NOOP("Names", "η_min (lr_min)"),
        "min_lr": QT_TRANSLATE_NOOP("Names", "η_min (min_lr)"),
        "max_lr": QT_TRANSLATE_NOOP("Names", "η_max (max_lr)"),
        "lr_decay": QT_TRANSLATE_NOOP("Names", "η decay (lr_decay)"),
        "amsgrad": QT_TRANSLATE_NOOP("Names", "AMSGrad"),
        "bias_correction": QT_TRANSLATE_NOOP("Names", "Bias correction"),
        "eps_inside_root": QT_TRANSLATE_NOOP("Names", "ε inside the root"),
        "centered": QT_TRANSLATE_NOOP("Names", "Centred"),
        "decay": QT_TRANSLATE_NOOP("Names", "Decay"),
        "end_factor": QT_TRANSLATE_NOOP("Names", "End factor"),
        "factor": QT_TRANSLATE_NOOP("Names", "Factor"),
        "patience": QT_TRANSLATE_NOOP("Names", "Patience"),
        "threshold": QT_TRANSLATE_NOOP("Names", "Threshold"),
        "shift": QT_TRANSLATE_NOOP("Names", "Shift, px"),
        "rotation": QT_TRANSLATE_NOOP("Names", "Rotation, °"),
        "scale": QT_TRANSLATE_NOOP("Names", "Scale"),
        "thickness": QT_TRANSLATE_NOOP("Names", "Thickness"),
        "noise": QT_TRANSLATE_NOOP("Names", "Noise"),
        "n_samples": QT_TRANSLATE_NOOP("Names", "Examples"),
        "n_classes": QT_TRANSLATE_NOOP("Names", "Classes"),
        "sweep": QT_TRANSLATE_NOOP("Names", "Arm sweep, rad"),
        "folder": QT_TRANSLATE_NOOP("Names", "Folder"),
        "path": QT_TRANSLATE_NOOP("Names", "File"),
        "label_column": QT_TRANSLATE_NOOP("Names", "Label column"),
        "task": QT_TRANSLATE_NOOP("Names", "Task"),
        "mix_user_digits": QT_TRANSLATE_NOOP("Names", "Add my digits"),
    },
    # An optimiser's row where its symbol differs from another component's: RMSProp's α (torch's
    # name) is lecture 003's ρ, a leaky ReLU's α stays α. Other keys are looked up as "hyperparameter".
    "optimizer_hyperparameter": {
        "alpha": QT_TRANSLATE_NOOP("Names", "ρ (alpha)"),
    },
    "schedule_unit": {
        "step": QT_TRANSLATE_NOOP("Names", "steps"),
        "epoch": QT_TRANSLATE_NOOP("Names", "epochs"),
    },
    # Columns and classes of the data sets of NAMED_DATA (see data_label): scikit-learn's wine names
    # them by identifiers.
    "feature": {
        "alcohol": QT_TRANSLATE_NOOP("Names", "alcohol, %"),
        "malic_acid": QT_TRANSLATE_NOOP("Names", "malic acid"),
        "ash": QT_TRANSLATE_NOOP("Names", "ash"),
        "alcalinity_of_ash": QT_TRANSLATE_NOOP("Names", "alcalinity of ash"),
        "magnesium": QT_TRANSLATE_NOOP("Names", "magnesium"),
        "total_phenols": QT_TRANSLATE_NOOP("Names", "total phenols"),
        "flavanoids": QT_TRANSLATE_NOOP("Names", "flavanoids"),
        "nonflavanoid_phenols": QT_TRANSLATE_NOOP("Names", "nonflavanoid phenols"),
        "proanthocyanins": QT_TRANSLATE_NOOP("Names", "proanthocyanins"),
        "color_intensity": QT_TRANSLATE_NOOP("Names", "colour intensity"),
        "hue": QT_TRANSLATE_NOOP("Names", "hue"),
        "od280/od315_of_diluted_wines": QT_TRANSLATE_NOOP("Names", "OD280/OD315 of diluted wines"),
        "proline": QT_TRANSLATE_NOOP("Names", "proline, mg/l"),
    },
    "class": {
        "class_0": QT_TRANSLATE_NOOP("Names", "class 0"),
        "class_1": QT_TRANSLATE_NOOP("Names", "class 1"),
        "class_2": QT_TRANSLATE_NOOP("Names", "class 2"),
        # Fashion-MNIST's garments (core.datasets.mnist)
        "T-shirt/top": QT_TRANSLATE_NOOP("Names", "T-shirt/top"),
        "Trouser": QT_TRANSLATE_NOOP("Names", "Trouser"),
        "Pullover": QT_TRANSLATE_NOOP("Names", "Pullover"),
        "Dress": QT_TRANSLATE_NOOP("Names", "Dress"),
        "Coat": QT_TRANSLATE_NOOP("Names", "Coat"),
        "Sandal": QT_TRANSLATE_NOOP("Names", "Sandal"),
        "Shirt": QT_TRANSLATE_NOOP("Names", "Shirt"),
        "Sneaker": QT_TRANSLATE_NOOP("Names", "Sneaker"),
        "Bag": QT_TRANSLATE_NOOP("Names", "Bag"),
        "Ankle boot": QT_TRANSLATE_NOOP("Names", "Ankle boot"),
    },
}


FALLBACK_KINDS = {"optimizer_hyperparameter": "hyperparameter", "activation_short": "activation"}
"""Where a name missing from a kind of :data:`LABELS` is looked up next."""


def label(kind: str, name: str) -> str:
    """The name a person reads for the identifier ``name`` of a ``kind`` of :data:`LABELS`."""
    text = LABELS.get(kind, {}).get(name)
    if text is None and kind in FALLBACK_KINDS:
        return label(FALLBACK_KINDS[kind], name)
    return name if text is None else QCoreApplication.translate("Names", text)


NAMED_DATA = ("wine", "wine_2d", "fashion_mnist")
"""The data sets whose columns and classes the kinds "feature" and "class" name; any other's (a CSV
file with a column called alcohol) are shown as they are."""


def data_label(dataset, kind: str, name: str) -> str:
    """The name a person reads for the column or class ``name`` (``kind`` "feature" or "class") of ``dataset``."""
    if kind == "feature" and getattr(dataset, "plane", None) is not None:
        return PLANE_SYMBOLS.get(name, name)  # x₁², sin x₁: features computed from the plane's points
    return label(kind, name) if dataset.name in NAMED_DATA else name
