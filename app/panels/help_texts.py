"""Tooltips of the configuration controls: what each setting does, with its formula.

Texts are marked with ``QT_TRANSLATE_NOOP`` (context "Help") and translated when shown, so the
Russian translation can be added without touching the panels. The items of the lists (activations,
optimisers, data sets, …) are described in :mod:`app.panels.choice_help`; these texts cover the
components' hyperparameters and the fixed settings.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

OPTIMIZER = {
    "lr": QT_TRANSLATE_NOOP("Help", "Learning rate η, the size of each step: θ ← θ − η·g. Too large and the "
                                    "loss explodes, too small and it crawls. Can be changed while training."),
    "momentum": QT_TRANSLATE_NOOP("Help", "Momentum γ: v ← γ·v + g, θ ← θ − η·v (the lecture's u = η·v) — "
                                          "successive gradients are averaged, so steps speed up along a "
                                          "consistent direction (0 = none)."),
    "weight_decay": QT_TRANSLATE_NOOP("Help", "Weight decay λ: g = ∇E + λθ on every parameter, biases included "
                                              "(AdamW: θ ← θ·(1 − ηλ), decoupled from the moments). Pulls the "
                                              "weights towards 0: the steps of the L2 penalty with λ₂ = λ/2 and "
                                              "biases penalised, but not counted in the penalty shown."),
    "alpha": QT_TRANSLATE_NOOP("Help", "RMSProp's smoothing constant (the lecture's ρ; torch calls it alpha): "
                                       "G ← ρ·G + (1 − ρ)·g²."),
    "rho": QT_TRANSLATE_NOOP("Help", "Adadelta's decay ρ of its running means: s ← ρ·s + (1 − ρ)·g²."),
    "betas": QT_TRANSLATE_NOOP("Help", "Adam's decay rates (β₁, β₂): m ← β₁·m + (1 − β₁)·g, "
                                       "v ← β₂·v + (1 − β₂)·g². Type two numbers, e.g. 0.9, 0.999."),
    "amsgrad": QT_TRANSLATE_NOOP("Help", "AMSGrad: divide by the running maximum v̄ = max(v̄, v) instead of v."),
    "bias_correction": QT_TRANSLATE_NOOP("Help", "Divide the moments by 1 − βᵗ so that the first steps are not "
                                                 "biased towards 0 (PyTorch, the paper). Off: no correction, as "
                                                 "in lecture 003: θ ← θ − η·m / (√v + ε), whose first step is "
                                                 "about 3η long (the lecture writes √(v + ε): tick "
                                                 "“ε inside the root” too for its form)."),
    "centered": QT_TRANSLATE_NOOP("Help", "Centred RMSProp: divide by √(s − ḡ²), the gradient's variance, "
                                          "instead of its mean square."),
    "lr_decay": QT_TRANSLATE_NOOP("Help", "Adagrad's rate decay: η_t = η / (1 + (t − 1)·lr_decay)."),
    "initial_accumulator_value": QT_TRANSLATE_NOOP("Help", "Adagrad's starting sum of squared gradients G₀: "
                                                           "G ← G + g², θ ← θ − η·g / (√G + ε)."),
}

OPTIMIZER_BY_METHOD = {
    "eps": {
        "adam": QT_TRANSLATE_NOOP("Help", "Adam's ε in the denominator, θ ← θ − η·m / (√v + ε) (bias corrections "
                                          "left out): keeps the step finite when v is close to 0."),
        "rmsprop": QT_TRANSLATE_NOOP("Help", "RMSProp's ε in the denominator, θ ← θ − η·g / (√G + ε): keeps the "
                                             "step finite when G is close to 0."),
        "adagrad": QT_TRANSLATE_NOOP("Help", "Adagrad's ε in the denominator, θ ← θ − η·g / (√G + ε): keeps the "
                                             "step finite while G is close to 0."),
        "adadelta": QT_TRANSLATE_NOOP("Help", "Adadelta's ε inside both square roots, Δ = √(u + ε) / √(s + ε)·g: "
                                              "with u = 0 at the start it sets the first steps, about η·√ε / √(1 − ρ) "
                                              "long (0.003 with ε = 10⁻⁶, ρ = 0.9), so a larger ε starts faster."),
    },
    "eps_inside_root": {
        "adam": QT_TRANSLATE_NOOP("Help", "Where ε goes. Off, PyTorch's: θ ← θ − η·m̂ / (√v̂ + ε). On, lecture "
                                          "003's: θ ← θ − η·m̂ / √(v̂ + ε); with Bias correction off too, the "
                                          "lecture's u = η·m / √(v + ε). They differ only while v is small: "
                                          "√(v̂ + ε) is at least √ε (10⁻⁴ for ε = 10⁻⁸), √v̂ + ε at least ε."),
        "rmsprop": QT_TRANSLATE_NOOP("Help", "Where ε goes. Off, PyTorch's: θ ← θ − η·g / (√G + ε). On, lecture "
                                             "003's: θ ← θ − η·g / √(G + ε). They differ only while G is small: "
                                             "√(G + ε) is at least √ε (10⁻⁴ for ε = 10⁻⁸), √G + ε at least ε."),
        "adagrad": QT_TRANSLATE_NOOP("Help", "Where ε goes. Off, PyTorch's: θ ← θ − η·g / (√G + ε). On, lecture "
                                             "003's: θ ← θ − η·g / √(G + ε). They differ only while G is small: "
                                             "√(G + ε) is at least √ε (10⁻⁵ for ε = 10⁻¹⁰), √G + ε at least ε."),
    },
}
"""Hyperparameters whose meaning depends on the optimiser: key → optimiser → help (ε sits in Adam's
denominator but inside both of Adadelta's square roots)."""
for _by_method in OPTIMIZER_BY_METHOD.values():
    _by_method["adamw"] = _by_method["adam"]  # AdamW's step is Adam's

SCHEDULE = {
    "step_size": QT_TRANSLATE_NOOP("Help", "Step: every k = step_size steps (or epochs) η is multiplied by q. "
                                           "Cyclic: half a cycle, η₀ → max_lr in step_size steps."),
    "gamma": QT_TRANSLATE_NOOP("Help", "q, the factor applied every step_size: η(t) = η₀·q^⌊t / k⌋, a geometric "
                                       "progression with ratio q."),
    "T": QT_TRANSLATE_NOOP("Help", "The time scale T: exponential η₀·e^(−t/T), linear η₀·max(1 − t/T, end), "
                                   "cosine: the length of the half cosine."),
    "end_factor": QT_TRANSLATE_NOOP("Help", "Linear: η never falls below end_factor·η₀: "
                                            "η(t) = η₀·max(1 − t/T, end_factor)."),
    "decay": QT_TRANSLATE_NOOP("Help", "Inverse time decay: η(t) = η₀ / (1 + decay·t)."),
    "lr_min": QT_TRANSLATE_NOOP("Help", "Cosine: the rate at the end, "
                                        "η(t) = lr_min + (η₀ − lr_min)·(1 + cos(π·t/T))/2."),
    "warmup": QT_TRANSLATE_NOOP("Help", "Cosine: w steps of linear warm-up, η(t) = η₀·(t + 1)/(w + 1), "
                                        "before the cosine starts."),
    "max_lr": QT_TRANSLATE_NOOP("Help", "Cyclic: the top of the triangle, η(t) = η₀ + (max_lr − η₀)·max(0, 1 − x)."),
    "factor": QT_TRANSLATE_NOOP("Help", "Reduce on plateau: η ← factor·η each time the validation loss stalls."),
    "patience": QT_TRANSLATE_NOOP("Help", "Reduce on plateau: validations in a row without improvement that leave η "
                                          "as it is; the next one lowers it (0: the first lowers it)."),
    "threshold": QT_TRANSLATE_NOOP("Help", "Reduce on plateau: an improvement counts only if "
                                           "loss < best·(1 − threshold)."),
    "min_lr": QT_TRANSLATE_NOOP("Help", "Reduce on plateau: η is never lowered below min_lr."),
}

ACTIVATION = {
    "alpha": QT_TRANSLATE_NOOP("Help", "α — LeakyReLU: the slope for z < 0, φ(z) = αz; "
                                       "ELU: the level it saturates at, φ(z) = α(eᶻ − 1) for z ≤ 0."),
}

AUGMENTATION = {
    "shift": QT_TRANSLATE_NOOP("Help", "Random shift of each training image by up to this many pixels."),
    "rotation": QT_TRANSLATE_NOOP("Help", "Random rotation of each training image by up to this many degrees."),
    "scale": QT_TRANSLATE_NOOP("Help", "Random zoom of each training image by a factor in [1 − s, 1 + s]."),
    "thickness": QT_TRANSLATE_NOOP("Help", "Random change of stroke thickness (dilation or erosion strength)."),
    "noise": QT_TRANSLATE_NOOP("Help", "Gaussian pixel noise added to each training image: x' = x + σ·ε."),
}

DATASET_OPTIONS = {
    "n_samples": QT_TRANSLATE_NOOP("Help", "Number of generated examples (before the split)."),
    "noise": QT_TRANSLATE_NOOP("Help", "Standard deviation σ of the Gaussian noise in the generated data: on each "
                                       "point's coordinates for the classification sets, on each target for the "
                                       "regression ones (y = f(x) + σ·ε)."),
    "n_classes": QT_TRANSLATE_NOOP("Help", "Number of classes to generate."),
    "sweep": QT_TRANSLATE_NOOP("Help", "How far each spiral arm winds from the centre to the rim, in radians: "
                                       "θ = 2π·j/K + sweep·t. TensorFlow Playground's spiral, its hard case, is 11 "
                                       "(almost two turns)."),
    "folder": QT_TRANSLATE_NOOP("Help", "Folder holding the four IDX files; empty: the usual places "
                                        "($MLP_WORKBENCH_DATA, the cache)."),
    "path": QT_TRANSLATE_NOOP("Help", "The CSV file: one example per row, numbers only except the label column."),
    "label_column": QT_TRANSLATE_NOOP("Help", "The label column: its number (0 = first, −1 = last) or its "
                                              "header name."),
    "task": QT_TRANSLATE_NOOP("Help", "binary or multiclass (labels are classes), regression (the label is a "
                                      "number to predict)."),
    "mix_user_digits": QT_TRANSLATE_NOOP("Help", "Add the digits you drew and saved to MNIST's training split."),
}

CONTROLS = {
    "loss": QT_TRANSLATE_NOOP("Help", "The loss E the optimiser minimises, averaged over the batch. "
                                      "Classification: softmax cross-entropy E = −log p_y; regression: "
                                      "mean squared error E = (o − y)²."),
    "optimizer": QT_TRANSLATE_NOOP("Help", "How a gradient g becomes a step of the weights θ."),
    "schedule": QT_TRANSLATE_NOOP("Help", "How the learning rate changes during training: η(t) from the base "
                                          "rate η₀ = the optimiser's lr. The plot shows η over the planned run."),
    "schedule_unit": QT_TRANSLATE_NOOP("Help", "What t counts in η(t): optimiser steps (batches) or epochs."),
    "l1": QT_TRANSLATE_NOOP("Help", "L1 penalty λ₁: E + λ₁·Σ|w|, gradient + λ₁·sign(w). Drives weights to "
                                    "exactly 0 (sparse). Can be changed while training."),
    "l2": QT_TRANSLATE_NOOP("Help", "L2 penalty λ₂: E + λ₂·Σw², gradient + 2λ₂·w. Keeps weights small. "
                                    "Can be changed while training."),
    "biases": QT_TRANSLATE_NOOP("Help", "Also penalise the biases b (usually only the weights W are)."),
    "epochs": QT_TRANSLATE_NOOP("Help", "Epochs: passes over the whole training set that Start trains. A stopped "
                                        "run goes on until it has trained this many (this many more if it already "
                                        "has). Can be changed while training: an epoch under way is finished first."),
    "batch_size": QT_TRANSLATE_NOOP("Help", "Examples per gradient step: 1 = stochastic gradient descent, "
                                            "all = full-batch gradient descent. steps per epoch = ⌈N / batch⌉. "
                                            "A change during training takes effect at the next epoch."),
    "early_stopping": QT_TRANSLATE_NOOP("Help", "Stop when the validation loss has not improved for this many "
                                                "epochs, and restore the best weights."),
    "seed": QT_TRANSLATE_NOOP("Help", "Seed of the random numbers (initial weights, batch order, dropout, split; "
                                      "generated data without a data seed of their own): the same seed gives the "
                                      "same run."),
    "units": QT_TRANSLATE_NOOP("Help", "Neurons in this layer: z = x·W + b with W of shape (inputs, units)."),
    "activation": QT_TRANSLATE_NOOP("Help", "The nonlinearity a = φ(z) applied to each neuron's weighted sum."),
    "init": QT_TRANSLATE_NOOP("Help", "How the layer's weights W are drawn before training "
                                      "(biases start at 0). He suits ReLU, Xavier suits tanh/sigmoid."),
    "output_init": QT_TRANSLATE_NOOP("Help", "How the output layer's weights are drawn before training."),
    "batch_norm": QT_TRANSLATE_NOOP("Help", "Batch normalisation before the activation: "
                                            "ẑ = γ·(z − μ_B)/√(σ²_B + ε) + β; running statistics at inference."),
    "dropout": QT_TRANSLATE_NOOP("Help", "Dropout rate p after the activation: each unit is zeroed with "
                                         "probability p during training and the rest scaled by 1/(1 − p). "
                                         "Can be changed while training between rates above 0, each layer's "
                                         "own; switching dropout on or off needs a new run."),
    "dtype": QT_TRANSLATE_NOOP("Help", "Floating-point precision of the weights and computations: float32 is "
                                       "about twice as fast; float64 for precise experiments."),
    "layers": QT_TRANSLATE_NOOP("Help", "The hidden layers, input to output. Each is Dense → [BatchNorm] → "
                                        "activation → [Dropout]; the output layer is added to fit the data."),
    "dataset": QT_TRANSLATE_NOOP("Help", "The data to learn from."),
    "validation_split": QT_TRANSLATE_NOOP("Help", "Share of the training examples held out to measure the "
                                                  "validation loss (not trained on)."),
    "features": QT_TRANSLATE_NOOP("Help", "What the network is given of each point: its coordinates x₁, x₂, "
                                          "or features computed from them. With x₁² and x₂² one layer draws a "
                                          "circle; x₁x₂ parts XOR's quadrants; sin x₁, sin x₂ help with spirals."),
    "test_split": QT_TRANSLATE_NOOP("Help", "Share of all the examples held out as the test set, which the "
                                            "network is measured on once a run ends (never trained on)."),
    "max_train": QT_TRANSLATE_NOOP("Help", "Train on at most this many examples, a subset with the classes in "
                                           "their proportions (all: every training example). Few examples make "
                                           "overfitting easy to see."),
    "scaling": QT_TRANSLATE_NOOP("Help", "Feature scaling, fitted on the training split only. Standardise: "
                                         "x' = (x − μ)/σ. Min–max to [0, 1]: x' = (x − min)/(max − min), images "
                                         "÷ max pixel. None: raw numbers. The dataset's default: what suits it."),
    "target_scaling": QT_TRANSLATE_NOOP("Help", "Scaling of the regression target (the label column), fitted on "
                                                "the training split only. The network learns y′; its predictions "
                                                "are mapped back, so the views, R², RMSE and exported values are in "
                                                "the data's units, while the loss is that of y′. Standardise: "
                                                "y′ = (y − μ)/σ. Min–max: y′ = (y − min)/(max − min). None: raw "
                                                "numbers."),
    "data_seed": QT_TRANSLATE_NOOP("Help", "Which random sample of the distribution is drawn, and how it is split "
                                           "into training, validation and test data. The training seed until it "
                                           "is changed here; changing it leaves the initial weights as they are."),
    "regenerate": QT_TRANSLATE_NOOP("Help", "Draw a new sample of the same distribution, with the same number of "
                                            "examples and the same noise (the next data seed). The network starts "
                                            "again from the same initial weights."),
    "augmentation": QT_TRANSLATE_NOOP("Help", "Random changes to each training batch of images, so that the "
                                              "network learns what does not matter. 0 switches one off."),
}


def text(table: dict, key: str) -> str:
    """The translated help for ``key`` in ``table`` ("" when there is none)."""
    return QCoreApplication.translate("Help", table[key]) if key in table else ""


def optimizer_text(method: str, key: str) -> str:
    """The translated help for the optimiser ``method``'s hyperparameter ``key``."""
    return text(OPTIMIZER_BY_METHOD.get(key, OPTIMIZER), method if key in OPTIMIZER_BY_METHOD else key)
