"""The contenders: one way each to train a ReLU MLP with softmax cross-entropy and Adam.

Every factory takes the same data, layer sizes, batch size, number of epochs and learning rate
and returns a callable that trains a fresh network from scratch and returns the seconds it took
per epoch. Each contender does what its users would write: this engine's :class:`Trainer` (the
loop the app runs, events and all), ``MLPClassifier.fit``, and the textbook PyTorch loop. The
clock covers building the model and training it; loading and converting the data stays outside.

The floor is not a contender but the bound the others are measured against: the same
matrix multiplications per batch (forward, then the weight gradients and, except for the first
layer, the input gradients) with nothing else — no bias, activation, loss, shuffling or update.
"""
from __future__ import annotations

import time
import warnings
from typing import Callable

import numpy as np

from bench import machine
from core import optimizers
from core.layers import Activation, Dense
from core.network import Network
from core.trainer import Trainer

ENGINE = "this engine"
SKLEARN_64 = "scikit-learn float64"
SKLEARN_32 = "scikit-learn float32"
TORCH = "PyTorch Adam"
TORCH_FUSED = "PyTorch Adam(fused=True)"
FLOOR = "NumPy matmul floor"

Contender = Callable[[], float]


def relu_network(sizes: tuple[int, ...], seed: int = 0, dtype=np.float32) -> Network:
    """This engine's n₀-n₁-…-n_L network: Dense layers with ReLU between them, softmax cross-entropy."""
    layers = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:]):
        layers += [Dense(n_in, n_out), Activation("relu")]
    return Network(layers[:-1], dtype=dtype, seed=seed)


def engine(X, y, sizes, batch_size, epochs, lr) -> Contender:
    def run() -> float:
        start = time.perf_counter()
        network = relu_network(sizes)
        trainer = Trainer(network, optimizers.create("adam", lr=lr), X, y, batch_size=batch_size, epochs=epochs)
        for _ in trainer.run():
            pass
        return (time.perf_counter() - start) / epochs

    return run


def sklearn(X, y, sizes, batch_size, epochs, lr, dtype) -> Contender:
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier

    X = X.astype(dtype)

    def run() -> float:
        start = time.perf_counter()
        # tol=0 and a patience longer than the run: every epoch is trained, none skipped.
        model = MLPClassifier(hidden_layer_sizes=sizes[1:-1], activation="relu", solver="adam", alpha=0.0,
                              batch_size=batch_size, learning_rate_init=lr, max_iter=epochs, shuffle=True,
                              random_state=0, tol=0.0, n_iter_no_change=epochs + 1)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)  # max_iter reached: that is the plan
            model.fit(X, y)
        return (time.perf_counter() - start) / epochs

    return run


def pytorch(X, y, sizes, batch_size, epochs, lr, fused: bool) -> Contender:
    torch = machine.torch_or_none()
    # Copies: the data sets' arrays are read-only, which torch.from_numpy warns about.
    X_tensor, y_tensor = torch.from_numpy(X.copy()), torch.from_numpy(y.copy())

    def run() -> float:
        start = time.perf_counter()
        torch.manual_seed(0)
        layers = []
        for n_in, n_out in zip(sizes[:-1], sizes[1:]):
            layers += [torch.nn.Linear(n_in, n_out), torch.nn.ReLU()]
        model = torch.nn.Sequential(*layers[:-1])
        optimizer = torch.optim.Adam(model.parameters(), lr=lr, fused=fused)
        loss_function = torch.nn.CrossEntropyLoss()
        n = X_tensor.shape[0]
        for _ in range(epochs):
            order = torch.randperm(n)
            loss_sum = 0.0
            for first in range(0, n, batch_size):
                index = order[first:first + batch_size]
                optimizer.zero_grad(set_to_none=True)
                loss = loss_function(model(X_tensor.index_select(0, index)), y_tensor.index_select(0, index))
                loss.backward()
                optimizer.step()
                loss_sum += loss.item()  # as a user's loop tracks the loss, like the engine's events
        return (time.perf_counter() - start) / epochs

    return run


def matmul_floor(X, sizes, batch_size, epochs) -> Contender:
    """The floor: per batch, x·W for every layer, then Xᵀ·dY for every layer and dY·Wᵀ for all but the first."""
    rng = np.random.default_rng(0)
    weights = [rng.standard_normal((n_in, n_out), dtype=np.float32) * np.float32(np.sqrt(2.0 / n_in))
               for n_in, n_out in zip(sizes[:-1], sizes[1:])]
    weight_gradients = [np.empty_like(W) for W in weights]
    n = X.shape[0]
    buffers: dict[int, tuple[list[np.ndarray], list[np.ndarray]]] = {}

    def buffers_for(rows: int):
        if rows not in buffers:
            buffers[rows] = ([np.empty((rows, W.shape[1]), np.float32) for W in weights],
                             [np.empty((rows, W.shape[0]), np.float32) for W in weights])
        return buffers[rows]

    def run() -> float:
        start = time.perf_counter()
        for _ in range(epochs):
            for first in range(0, n, batch_size):
                x = X[first:first + batch_size]
                outputs, input_gradients = buffers_for(x.shape[0])
                activations = [x]
                for W, out in zip(weights, outputs):
                    activations.append(np.matmul(activations[-1], W, out=out))
                d = outputs[-1]
                for layer in range(len(weights) - 1, -1, -1):
                    np.matmul(activations[layer].T, d, out=weight_gradients[layer])
                    if layer > 0:
                        d = np.matmul(d, weights[layer].T, out=input_gradients[layer])
        return (time.perf_counter() - start) / epochs

    return run


def training_contenders(X, y, sizes, batch_size, epochs, lr=1e-3) -> tuple[dict[str, Contender], list[str]]:
    """All contenders for one training workload, and the names of those that are absent."""
    contenders = {
        ENGINE: engine(X, y, sizes, batch_size, epochs, lr),
        SKLEARN_64: sklearn(X, y, sizes, batch_size, epochs, lr, np.float64),
        SKLEARN_32: sklearn(X, y, sizes, batch_size, epochs, lr, np.float32),
    }
    absent = []
    if machine.torch_or_none() is not None:
        contenders[TORCH] = pytorch(X, y, sizes, batch_size, epochs, lr, fused=False)
        contenders[TORCH_FUSED] = pytorch(X, y, sizes, batch_size, epochs, lr, fused=True)
    else:
        absent += [TORCH, TORCH_FUSED]
    contenders[FLOOR] = matmul_floor(X, sizes, batch_size, epochs)
    return contenders, absent
