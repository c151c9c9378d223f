"""Settings that train each built-in data set well out of the box, as TensorFlow Playground's do.

:data:`SUGGESTIONS` maps a data set's name to a :class:`Suggestion`: the hidden layers (how many, how wide, which
activation), the loss where the task needs one, the optimiser and its learning rate, the epochs and the batch size.
The window applies it when a data set is chosen, to the settings the user has not changed
(:mod:`app.suggested_settings`). Each was chosen by training the data set with it from its default seed and options,
and ``tests/core/datasets/test_suggestions.py`` trains the small ones again and checks the result:

* the 2-D classification sets (moons, circles, spirals, blobs, wine_2d): two layers of 8 tanh units bend a smooth
  boundary around the classes (Playground's own network is 4-2 tanh); with Adam at 0.03 and 100 epochs of 32 points
  they reach 99 % on moons' held-out points in a fraction of a second. Blobs stop at about 94 %: its clusters
  overlap. Tanh units take Xavier's initialisation, which is made for them;
* xor, xnor: one layer of 4 tanh units is the smallest network that separates the truth table (a single layer of
  units cannot); a batch of the four corners and Adam at 0.1 classify all four within 200 epochs;
* sine, the 1-D regression: two layers of 16 tanh units draw the smooth curve (R² 0.97, the noise allowing 0.98);
  mean squared error, as for every regression set;
* regression_plane: no hidden layer: the plane (x₁ + x₂)/12 is linear, so the output unit alone fits it, to the R²
  of 0.94 its noise allows;
* multi_gaussian: six bumps need more units: two layers of 32 tanh units, 300 epochs of 16 points (R² about 0.85
  on held-out points; 0.93 is what the noise allows, its 288 training points are few);
* diabetes: a linear model (no hidden layer): the ten measurements explain about half of the progression, and a
  hidden layer only overfits the 300 training patients;
* wine: 13 standardised measurements and three well-separated cultivars: one layer of 16 ReLU units, 50 epochs;
* digits: the window's default network (one layer of 64 ReLU units, Adam 0.001, 20 epochs of 32), about 95 %;
* mnist, fashion_mnist: one layer of 256 ReLU units, Adam 0.001, 10 epochs of 128 images: the shipped MNIST model's
  architecture (98 % on MNIST after 10 epochs; about 88 % on Fashion-MNIST). Not trained in the tests: too large;
* my_digits: the drawn digits are few (about a dozen of each): a layer of 64 ReLU units, more epochs of smaller
  batches;
* csv: a file's task is known only once it is read: a middling ReLU network, and no loss (the window fits the loss
  to the data once they are loaded).
"""
from __future__ import annotations

from dataclasses import dataclass

from core.config import LayerConfig, OptimizerConfig

INITIALIZERS = {"tanh": "xavier_uniform", "relu": "he_uniform"}
"""The initialiser of a suggested layer, by its activation: Xavier's keeps tanh units out of saturation, He's keeps
ReLU units' outputs from shrinking layer by layer."""

FIELDS = ("network.hidden", "loss.name", "optimizer", "training.epochs", "training.batch_size")
"""The settings a suggestion sets, by their path in the run configuration; each is one choice (the layers together,
the optimiser with its hyperparameters), kept whole when the user changed any part of it."""


@dataclass(frozen=True)
class Suggestion:
    """``layers`` hidden layers of ``units`` units with ``activation``; the ``optimizer`` with learning rate ``lr``;
    ``epochs`` of batches of ``batch_size``; the ``loss``, or None where the data's task is not known before they are
    loaded."""

    layers: int
    units: int
    activation: str
    optimizer: str
    lr: float
    epochs: int
    batch_size: int
    loss: str | None

    def settings(self) -> dict[str, object]:
        """The values it gives the fields of :data:`FIELDS`, by path (not the loss when it has none)."""
        hidden = [LayerConfig(units=self.units, activation=self.activation, init=INITIALIZERS[self.activation])
                  for _ in range(self.layers)]
        values = {"network.hidden": hidden, "loss.name": self.loss, "optimizer": OptimizerConfig(self.optimizer,
                                                                                                   {"lr": self.lr}),
                  "training.epochs": self.epochs, "training.batch_size": self.batch_size}
        if self.loss is None:
            del values["loss.name"]
        return values


CLASSES, REGRESSION = "softmax_cross_entropy", "mse"
_PLANE_CLASSES = Suggestion(2, 8, "tanh", "adam", 0.03, 100, 32, CLASSES)
_LINEAR = Suggestion(0, 0, "", "adam", 0.01, 100, 32, REGRESSION)  # no hidden layer: no units, no activation
_IMAGES = Suggestion(1, 256, "relu", "adam", 0.001, 10, 128, CLASSES)

SUGGESTIONS: dict[str, Suggestion] = {
    "digits": Suggestion(1, 64, "relu", "adam", 0.001, 20, 32, CLASSES),
    "mnist": _IMAGES,
    "fashion_mnist": _IMAGES,
    "my_digits": Suggestion(1, 64, "relu", "adam", 0.001, 50, 16, CLASSES),
    "wine": Suggestion(1, 16, "relu", "adam", 0.01, 50, 16, CLASSES),
    "wine_2d": _PLANE_CLASSES,
    "xor": Suggestion(1, 4, "tanh", "adam", 0.1, 200, 4, CLASSES),
    "xnor": Suggestion(1, 4, "tanh", "adam", 0.1, 200, 4, CLASSES),
    "sine": Suggestion(2, 16, "tanh", "adam", 0.01, 300, 32, REGRESSION),
    "diabetes": _LINEAR,
    "moons": _PLANE_CLASSES,
    "circles": _PLANE_CLASSES,
    "spirals": _PLANE_CLASSES,
    "blobs": _PLANE_CLASSES,
    "regression_plane": _LINEAR,
    "multi_gaussian": Suggestion(2, 32, "tanh", "adam", 0.01, 300, 16, REGRESSION),
    "csv": Suggestion(1, 32, "relu", "adam", 0.001, 50, 32, None),
}
"""The suggested settings of each built-in data set, by its name (see the module's text for why)."""


def suggestion(name: str) -> Suggestion | None:
    """The suggested settings of the data set ``name``, or None for one without (registered by someone else)."""
    return SUGGESTIONS.get(name)
