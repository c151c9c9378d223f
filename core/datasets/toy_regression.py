"""2-D regression toys (TensorFlow Playground's "Regression" problems) whose prediction surface can be
watched while a network learns.

The points x = (x₁, x₂) are uniform on the square [−R, R]², R = :data:`RADIUS`, and the target is a
function f(x) of the point in [−1, 1], plus Gaussian noise: y = f(x) + noise·ε, ε ~ N(0, 1).

* ``regression_plane`` — a tilted plane, f(x) = (x₁ + x₂) / (2R): −1 in one corner, +1 in the opposite.
* ``multi_gaussian`` — six Gaussian bumps of alternating sign, f(x) = Σₖ sₖ·exp(−‖x − cₖ‖² / (2σ²)), the
  centres cₖ at x₁ ∈ {−4, 0, 4}, x₂ ∈ {−2.5, 2.5} with signs sₖ = ±1 like a chequerboard and σ =
  :data:`BUMP_WIDTH`; the bumps lie so far apart (≥ 4σ) that each peak is ±1 to within 10⁻³.

Both take ``n_samples`` (total), ``noise``, ``seed`` (another seed draws another sample of the same size and
noise), ``scaling``, the split options and ``features`` of the points (:mod:`core.datasets.plane`).
Targets are float32 (N, 1).
"""
from __future__ import annotations

import numpy as np

from core.datasets.dataset import DATASETS, Dataset, check_generator_options
from core.datasets.plane import make_planar

NAMES = ("regression_plane", "multi_gaussian")
"""The data sets of this module, registered below."""
RADIUS = 6.0
"""Half the side of the square the points are drawn on (Playground's)."""
BUMPS = ((-4.0, 2.5, 1.0), (0.0, 2.5, -1.0), (4.0, 2.5, 1.0), (-4.0, -2.5, -1.0), (0.0, -2.5, 1.0), (4.0, -2.5, -1.0))
"""(c₁, c₂, s) of each bump of ``multi_gaussian``: its centre and its sign (Playground's)."""
BUMP_WIDTH = 1.0
"""σ of each bump: its value falls to e⁻² ≈ 0.14 two units from its centre."""


def plane_target(X: np.ndarray) -> np.ndarray:
    """f(x) = (x₁ + x₂) / (2R) of (n, 2) points: in [−1, 1] on the square."""
    return (X[:, 0] + X[:, 1]) / (2 * RADIUS)


def gaussian_bumps_target(X: np.ndarray) -> np.ndarray:
    """f(x) = Σₖ sₖ·exp(−‖x − cₖ‖² / (2σ²)) of (n, 2) points, over the :data:`BUMPS`."""
    total = np.zeros(len(X))
    for c1, c2, sign in BUMPS:
        squared_distance = (X[:, 0] - c1) ** 2 + (X[:, 1] - c2) ** 2
        total += sign * np.exp(-squared_distance / (2 * BUMP_WIDTH ** 2))
    return total


def _sample(name, target_of, n_samples, noise, seed, scaling, split_options) -> Dataset:
    """n_samples points uniform on [−R, R]², their targets f(x) + noise·ε, split and scaled."""
    n_samples, noise = check_generator_options(name, n_samples, noise, min_samples=10)
    rng = np.random.default_rng(seed)
    X = rng.uniform(-RADIUS, RADIUS, size=(n_samples, 2))
    y = target_of(X) + noise * rng.standard_normal(n_samples)
    return make_planar(name, "regression", X, y[:, None], feature_names=("x1", "x2"), scaling=scaling, seed=seed,
                       **split_options)


@DATASETS.register("regression_plane")
def load_regression_plane(*, n_samples: int = 400, noise: float = 0.1, seed: int = 0, scaling: str = "standardize",
                          **split_options) -> Dataset:
    """y = (x₁ + x₂) / 12 + noise·ε on the square [−6, 6]²: a tilted plane, −1 to +1 (Playground's "Plane")."""
    return _sample("regression_plane", plane_target, n_samples, noise, seed, scaling, split_options)


@DATASETS.register("multi_gaussian")
def load_multi_gaussian(*, n_samples: int = 400, noise: float = 0.1, seed: int = 0, scaling: str = "standardize",
                        **split_options) -> Dataset:
    """y = six Gaussian bumps of height ±1 in a chequerboard on [−6, 6]², plus noise·ε (Playground's
    "Multi Gaussian")."""
    return _sample("multi_gaussian", gaussian_bumps_target, n_samples, noise, seed, scaling, split_options)
