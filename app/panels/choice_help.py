"""What each item of the window's lists means, with its formula: the tooltip of each item, and of a
list's box for the item chosen (:class:`app.panels.widgets.ChoiceBox`).

Written here for the people who choose, not taken from the engine's docstrings: those are written
for the code's readers, and showed how a kernel is compiled and what a state is keyed by. Texts are
marked with ``QT_TRANSLATE_NOOP`` (context "Choices") and translated when shown. The lists are keyed
as :data:`app.display_names.LABELS` is (a kind, then the engine's identifier); a component the
engine registers without a text here has no help (tests/app/test_panels.py lists the missing).
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.i18n import format_number
from core import initializers

CHOICES: dict[str, dict[str, str]] = {
    "activation": {
        "identity": QT_TRANSLATE_NOOP("Choices", "Linear: φ(z) = z, φ′(z) = 1 (the output layer of a regression "
                                                 "network)."),
        "step": QT_TRANSLATE_NOOP("Choices", "Unit step (Heaviside): φ(z) = 0 for z < 0, ½ for z = 0, 1 for z > 0 "
                                             "(lecture 000). φ′(z) = 0 wherever it exists, so no gradient passes: "
                                             "a network of steps cannot learn by backpropagation."),
        "sign": QT_TRANSLATE_NOOP("Choices", "Signum: φ(z) = −1 for z < 0, 0 for z = 0, 1 for z > 0 (lecture 000); "
                                             "φ′(z) = 0, so no gradient passes."),
        "piecewise_linear": QT_TRANSLATE_NOOP("Choices", "Piece-wise linear unit of lecture 000: "
                                                         "φ(z) = clip(z + ½, 0, 1); φ′(z) = 1 for −½ < z < ½ and 0 "
                                                         "elsewhere."),
        "sigmoid": QT_TRANSLATE_NOOP("Choices", "Logistic sigmoid: φ(z) = 1 / (1 + e^(−z)), φ′(z) = a(1 − a) with "
                                                "a = φ(z)."),
        "tanh": QT_TRANSLATE_NOOP("Choices", "Hyperbolic tangent: φ(z) = (e^z − e^(−z)) / (e^z + e^(−z)), "
                                             "φ′(z) = 1 − a² with a = φ(z)."),
        "relu": QT_TRANSLATE_NOOP("Choices", "Rectified linear unit: φ(z) = max(0, z), φ′(z) = 1 for z > 0 and 0 "
                                             "for z ≤ 0."),
        "leaky_relu": QT_TRANSLATE_NOOP("Choices", "Leaky ReLU: φ(z) = z for z ≥ 0 and αz for z < 0; φ′(z) = 1 for "
                                                   "z > 0 and α for z ≤ 0, with a small α ≥ 0 (α = 0 is ReLU)."),
        "elu": QT_TRANSLATE_NOOP("Choices", "Exponential linear unit: φ(z) = z for z > 0 and α(e^z − 1) for z ≤ 0; "
                                            "φ′(z) = 1 for z > 0 and αe^z for z ≤ 0."),
        "softplus": QT_TRANSLATE_NOOP("Choices", "Softplus, a smooth ReLU: φ(z) = ln(1 + e^z), φ′(z) = σ(z) "
                                                 "(lecture 003 shows it as the sum Σᵢ σ(z + ½ − i))."),
    },
    "initializer": {
        "zeros": QT_TRANSLATE_NOOP("Choices", "w = 0. Right for biases; weights all 0 leave every neuron of a layer "
                                              "the same, and they stay the same while training."),
        "constant": QT_TRANSLATE_NOOP("Choices", "w = {value} for every weight, as with Zeros: the window sets no "
                                                 "other value."),
        "uniform": QT_TRANSLATE_NOOP("Choices", "w ~ U(−a, a) with a = {a}: a fixed range whatever the layer's "
                                                "size."),
        "normal": QT_TRANSLATE_NOOP("Choices", "w ~ N(0, std²) with std = {std}: a fixed spread whatever the layer's "
                                               "size (lecture 003's small random weights)."),
        "lecun_uniform": QT_TRANSLATE_NOOP("Choices", "LeCun: w ~ U(−√(3·Var), √(3·Var)) with Var(w) = 1 / fan_in "
                                                      "(fan_in: the layer's inputs)."),
        "lecun_normal": QT_TRANSLATE_NOOP("Choices", "LeCun: w ~ N(0, Var) with Var(w) = 1 / fan_in (fan_in: the "
                                                     "layer's inputs)."),
        "xavier_uniform": QT_TRANSLATE_NOOP("Choices", "Xavier (Glorot): w ~ U(−√(3·Var), √(3·Var)) with "
                                                       "Var(w) = 2 / (fan_in + fan_out), the layer's inputs and "
                                                       "outputs. Suits tanh and the sigmoid."),
        "xavier_normal": QT_TRANSLATE_NOOP("Choices", "Xavier (Glorot): w ~ N(0, Var) with "
                                                      "Var(w) = 2 / (fan_in + fan_out), the layer's inputs and "
                                                      "outputs. Suits tanh and the sigmoid."),
        "he_uniform": QT_TRANSLATE_NOOP("Choices", "He: w ~ U(−√(3·Var), √(3·Var)) with Var(w) = 2 / fan_in "
                                                   "(fan_in: the layer's inputs). Suits ReLU."),
        "he_normal": QT_TRANSLATE_NOOP("Choices", "He: w ~ N(0, Var) with Var(w) = 2 / fan_in (fan_in: the layer's "
                                                  "inputs). Suits ReLU."),
    },
    "loss": {
        "softmax_cross_entropy": QT_TRANSLATE_NOOP(
            "Choices", "Softmax cross-entropy (lecture 000), on raw scores o of K classes and labels y: "
                       "pₖ = e^(oₖ) / Σⱼ e^(oⱼ), E = −ln p_y, ∂E/∂oₖ = pₖ − [k = y]; averaged over the batch."),
        "binary_cross_entropy": QT_TRANSLATE_NOOP(
            "Choices", "Binary cross-entropy on one output z and labels y ∈ {0, 1}: p = σ(z), "
                       "E = −y ln p − (1 − y) ln(1 − p), ∂E/∂z = p − y; averaged over the batch. Class 1 when z > 0."),
        "mse": QT_TRANSLATE_NOOP("Choices", "Mean squared error, for regression: E = (1/K) Σₖ (oₖ − tₖ)² over the K "
                                            "outputs, ∂E/∂oₖ = 2(oₖ − tₖ)/K; averaged over the batch."),
        "hinge": QT_TRANSLATE_NOOP("Choices", "Multiclass SVM (hinge) loss, as in cs231n: "
                                              "E = Σ_{j≠y} max(0, oⱼ − o_y + 1); averaged over the batch. The "
                                              "scores are no probabilities."),
        "perceptron": QT_TRANSLATE_NOOP("Choices", "Rosenblatt's perceptron criterion (lecture 003) on one output "
                                                   "o, with t = ±1 for the classes 1 and 0: E = max(0, −t·o), only "
                                                   "misclassified examples count; averaged over the batch."),
    },
    "optimizer": {
        "sgd": QT_TRANSLATE_NOOP("Choices", "Plain (stochastic) gradient descent: θ ← θ − η·g, with g = ∇E + λθ."),
        "momentum": QT_TRANSLATE_NOOP("Choices", "Gradient descent with momentum γ: v ← γ·v + g, θ ← θ − η·v "
                                                 "(lecture 003's u = η·v)."),
        "nesterov": QT_TRANSLATE_NOOP("Choices", "Nesterov momentum: the step looks ahead along v: v ← γ·v + g, "
                                                 "θ ← θ − η·(g + γ·v)."),
        "adagrad": QT_TRANSLATE_NOOP("Choices", "Adagrad: each parameter's rate shrinks with its sum of squared "
                                                "gradients: G ← G + g², θ ← θ − η·g / (√G + ε)."),
        "rmsprop": QT_TRANSLATE_NOOP("Choices", "RMSProp: divide by a running root mean square of the gradient: "
                                                "G ← ρ·G + (1 − ρ)·g², θ ← θ − η·g / (√G + ε)."),
        "adadelta": QT_TRANSLATE_NOOP("Choices", "Adadelta: RMSProp with a running mean of the squared steps in the "
                                                 "numerator: s ← ρ·s + (1 − ρ)·g², Δ = √(u + ε) / √(s + ε)·g, "
                                                 "u ← ρ·u + (1 − ρ)·Δ², θ ← θ − η·Δ."),
        "adam": QT_TRANSLATE_NOOP("Choices", "Adam: momentum on g and RMSProp on g², bias-corrected: "
                                             "m ← β₁·m + (1 − β₁)·g, v ← β₂·v + (1 − β₂)·g², "
                                             "θ ← θ − η·m̂ / (√v̂ + ε) with m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ)."),
        "adamw": QT_TRANSLATE_NOOP("Choices", "AdamW: Adam with decoupled weight decay: θ ← θ·(1 − η·λ), then Adam's "
                                              "step with g = ∇E (λθ does not enter the moments)."),
    },
    "schedule": {
        "constant": QT_TRANSLATE_NOOP("Choices", "Constant: η(t) = η₀."),
        "step": QT_TRANSLATE_NOOP("Choices", "Step decay: η(t) = η₀·q^⌊t / k⌋, multiplied by q every k steps or "
                                             "epochs."),
        "exponential": QT_TRANSLATE_NOOP("Choices", "Exponential decay (lecture 003): η(t) = η₀·e^(−t/T), e times "
                                                    "smaller every T."),
        "linear": QT_TRANSLATE_NOOP("Choices", "Linear decay (lecture 003): η(t) = η₀·max(1 − t/T, end_factor), "
                                               "never below end_factor·η₀."),
        "inverse_time": QT_TRANSLATE_NOOP("Choices", "Inverse time decay: η(t) = η₀ / (1 + decay·t), halved at "
                                                     "t = 1/decay."),
        "cosine": QT_TRANSLATE_NOOP("Choices", "Cosine annealing from η₀ to lr_min over T, after w steps of linear "
                                               "warm-up: η(t) = lr_min + (η₀ − lr_min)·(1 + cos(π·(t − w)/T))/2, "
                                               "then lr_min."),
        "cyclic": QT_TRANSLATE_NOOP("Choices", "Triangular cycles (Smith 2015, lecture 003): η climbs linearly from "
                                               "η₀ to max_lr in step_size steps, comes back down in as many, and "
                                               "repeats."),
        "reduce_on_plateau": QT_TRANSLATE_NOOP("Choices", "Reduce on plateau: η ← factor·η when the validation loss "
                                                          "has not improved for more than patience validations in "
                                                          "a row (at the (patience + 1)-th), never below min_lr."),
    },
    "schedule_unit": {
        "step": QT_TRANSLATE_NOOP("Choices", "t counts the optimiser's steps: one per batch."),
        "epoch": QT_TRANSLATE_NOOP("Choices", "t counts epochs: η changes once per pass over the training data."),
    },
    "dataset": {
        "digits": QT_TRANSLATE_NOOP("Choices", "1,797 handwritten digits of 8×8 pixels (scikit-learn), ten classes: "
                                               "small enough to train in seconds."),
        "mnist": QT_TRANSLATE_NOOP("Choices", "MNIST: 60,000 training and 10,000 test images of handwritten digits, "
                                              "28×28 pixels, ten classes."),
        "fashion_mnist": QT_TRANSLATE_NOOP("Choices", "Fashion-MNIST: 60,000 training and 10,000 test images of "
                                                      "clothes, 28×28 pixels, ten classes: harder than MNIST."),
        "my_digits": QT_TRANSLATE_NOOP("Choices", "The digits you drew and saved in the Draw view, in MNIST's format "
                                                  "(28×28, ten classes)."),
        "wine": QT_TRANSLATE_NOOP("Choices", "178 wines of three cultivars, 13 chemical measurements each."),
        "wine_2d": QT_TRANSLATE_NOOP("Choices", "Lecture 001's wines: two cultivars (classes 0 and 1) by two "
                                                "features, alcohol and proline."),
        "xor": QT_TRANSLATE_NOOP("Choices", "x₁ XOR x₂: class 1 when exactly one input is 1. No straight line "
                                            "separates the classes; with noise, clouds of points around the corners."),
        "xnor": QT_TRANSLATE_NOOP("Choices", "x₁ XNOR x₂ (lecture 001): class 1 when both inputs are equal; with "
                                             "noise, clouds of points around the corners."),
        "sine": QT_TRANSLATE_NOOP("Choices", "Regression: y = sin(x) + σ·ε on x ∈ [−π, π]."),
        "diabetes": QT_TRANSLATE_NOOP("Choices", "Regression: the disease's progression after one year (25 to 346) "
                                                 "from 10 baseline measurements of 442 patients."),
        "moons": QT_TRANSLATE_NOOP("Choices", "Two interleaving half circles, a class each (scikit-learn's "
                                              "make_moons)."),
        "circles": QT_TRANSLATE_NOOP("Choices", "A circle of one class inside a ring of the other: no line separates "
                                                "them, x₁² and x₂² do."),
        "spirals": QT_TRANSLATE_NOOP("Choices", "Spiral arms winding around the centre, one class each "
                                                "(TensorFlow Playground's hard case)."),
        "blobs": QT_TRANSLATE_NOOP("Choices", "Round Gaussian clouds of points, one class each."),
        "regression_plane": QT_TRANSLATE_NOOP("Choices", "Regression: y = (x₁ + x₂) / 12 + σ·ε on [−6, 6]², a tilted "
                                                         "plane from −1 to 1 (TensorFlow Playground's “Plane”)."),
        "multi_gaussian": QT_TRANSLATE_NOOP("Choices", "Regression: six Gaussian bumps of height ±1 in a chequerboard "
                                                       "on [−6, 6]², plus σ·ε (TensorFlow Playground's “Multi "
                                                       "Gaussian”)."),
        "csv": QT_TRANSLATE_NOOP("Choices", "Your own table: a CSV file, one example per row, numbers and a label "
                                            "column (classes, or a number to predict)."),
    },
    "scaling": {
        "default": QT_TRANSLATE_NOOP("Choices", "What suits the data set: images ÷ the largest pixel value, "
                                                "measurements standardised, XOR's 0 and 1 as they are."),
        "standardize": QT_TRANSLATE_NOOP("Choices", "x′ = (x − μ) / σ per feature, μ and σ of the training split: "
                                                    "every feature centred at 0 with spread 1."),
        "unit": QT_TRANSLATE_NOOP("Choices", "x′ = (x − min) / (max − min) per feature, of the training split: every "
                                             "feature in [0, 1]; images ÷ the largest pixel value."),
        "none": QT_TRANSLATE_NOOP("Choices", "The numbers as they are. Features of very different sizes slow "
                                             "gradient descent down."),
    },
    "target_scaling": {
        "default": QT_TRANSLATE_NOOP("Choices", "What suits the data set: the targets as they are, the diabetes "
                                                "data's standardised."),
        "standardize": QT_TRANSLATE_NOOP("Choices", "y′ = (y − μ) / σ, μ and σ of the training split's targets: the "
                                                    "network learns targets centred at 0 with spread 1, and its "
                                                    "predictions ŷ = μ + σ·ŷ′ are shown in the data's units."),
        "unit": QT_TRANSLATE_NOOP("Choices", "y′ = (y − min) / (max − min) of the training split's targets, in "
                                             "[0, 1]; the predictions ŷ = min + (max − min)·ŷ′ are shown in the "
                                             "data's units."),
        "none": QT_TRANSLATE_NOOP("Choices", "The targets as they are. Large ones (prices of 100,000) make the "
                                             "squared error and its gradients huge: learning diverges or crawls."),
    },
    "dtype": {
        "float32": QT_TRANSLATE_NOOP("Choices", "Single precision, about 7 significant digits: about twice as fast."),
        "float64": QT_TRANSLATE_NOOP("Choices", "Double precision, about 16 significant digits: for precise "
                                                "experiments (a gradient check)."),
    },
    "task": {
        "binary": QT_TRANSLATE_NOOP("Choices", "The label column holds exactly two classes."),
        "multiclass": QT_TRANSLATE_NOOP("Choices", "The label column holds classes, any number of them."),
        "regression": QT_TRANSLATE_NOOP("Choices", "The label column holds a number to predict."),
    },
}


def text(kind: str, name: str) -> str:
    """What item ``name`` of a list of ``kind`` means, in the interface language ("" without a text).

    An initialiser's text holds the numbers it draws with ({std}, …): the engine's defaults, which a
    configuration cannot change."""
    source = CHOICES.get(kind, {}).get(name)
    if not source:
        return ""
    translated = QCoreApplication.translate("Choices", source)
    if kind != "initializer":
        return translated
    numbers = initializers.create(name).hyperparameters
    return translated.format(**{key: format_number(value, fixed=False) for key, value in numbers.items()})
