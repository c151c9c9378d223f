"""The network: a chain of layers, a loss, and one flat buffer for all parameters.

Keeping every parameter in one contiguous array (and every gradient in another) lets an optimiser
update the whole network with a handful of fused NumPy operations instead of one small call per
tensor; each layer sees its ``W``, ``b``, … as views into those buffers.
"""
from __future__ import annotations

import numpy as np

from core import layers as layer_registry
from core import losses
from core._checks import check_number

SUPPORTED_DTYPES = {"float32": np.float32, "float64": np.float64}
#: A one-row product with fewer weights than this is cheaper whole than finding the input's zeros.
SPARSE_ROW_MIN_WEIGHTS = 65_536


def resolve_dtype(dtype) -> np.dtype:
    """Accept np.float32 / np.float64 / their names; refuse anything else."""
    name = np.dtype(dtype).name if not isinstance(dtype, str) else dtype
    if name not in SUPPORTED_DTYPES:
        raise ValueError(f"dtype must be one of {', '.join(SUPPORTED_DTYPES)}, got {dtype!r}")
    return np.dtype(SUPPORTED_DTYPES[name])


def row_product(x: np.ndarray, W: np.ndarray) -> np.ndarray:
    """x W for a single input row x of shape (n_in,), reading only the rows of W that x does not zero.

    x W = Σᵢ xᵢ Wᵢ  (Wᵢ the i-th row of W), and a term with xᵢ = 0 adds nothing, so
    x W = x_S W_S  with S = {i : xᵢ ≠ 0}.
    A one-row product waits for memory, not arithmetic, and a drawn digit inks about a fifth of
    MNIST's 784 pixels: the product then reads a fifth of W. Equal to ``x @ W`` up to float rounding
    (the sum is taken in another order), for finite W. Dense inputs and small W take ``x @ W``.
    """
    if W.size < SPARSE_ROW_MIN_WEIGHTS:
        return x @ W
    nonzero = (x != 0).nonzero()[0]
    if 2 * nonzero.size > x.size:
        return x @ W
    return x[nonzero] @ W.take(nonzero, axis=0)


class Network:
    """A feed-forward network ``layers`` trained with ``loss``.

    ``seed`` seeds the network's own ``np.random.Generator`` (initial weights, dropout masks);
    the global NumPy seed is never used.
    """

    def __init__(self, layers, dtype=np.float32, seed: int = 0, loss: str = "softmax_cross_entropy",
                 loss_options: dict | None = None):
        self.layers = list(layers)
        if not self.layers:
            raise ValueError("a network needs at least one layer")
        self.dtype = resolve_dtype(dtype)
        self.seed = check_number("seed", seed, low=0, integer=True)
        self.rng = np.random.default_rng(self.seed)
        self.loss = losses.create(loss, **(loss_options or {}))
        self.loss_name, self.loss_options = loss, dict(loss_options or {})
        first_dense = next((layer for layer in self.layers if hasattr(layer, "n_in")), None)
        if first_dense is None:
            raise ValueError("a network needs at least one Dense layer to know its input width")
        self.n_inputs = first_dense.n_in
        width = self.n_inputs
        for layer in self.layers:
            width = layer.build(width)
            layer.rng = self.rng
        self.n_outputs = width
        self.layers[0].needs_input_gradient = False
        self._allocate()

    # ----------------------------------------------------------------- parameters
    def _allocate(self) -> None:
        specs = [(layer, layer.parameter_specs()) for layer in self.layers]
        total = sum(int(np.prod(spec.shape)) for _, layer_specs in specs for spec in layer_specs)
        self.flat_parameters = np.zeros(total, dtype=self.dtype)
        self.flat_gradients = np.zeros(total, dtype=self.dtype)
        self._names, self._kinds, self._params, self._grads = [], [], [], []
        offset = 0
        for index, (layer, layer_specs) in enumerate(specs):
            params, grads = [], []
            for spec in layer_specs:
                size = int(np.prod(spec.shape))
                param = self.flat_parameters[offset:offset + size].reshape(spec.shape)
                param[...] = spec.initializer(spec.shape, self.rng, self.dtype)
                params.append(param)
                grads.append(self.flat_gradients[offset:offset + size].reshape(spec.shape))
                self._names.append(f"layer{index}.{spec.name}")
                self._kinds.append(spec.kind)
                offset += size
            layer.bind(params, grads)
            self._params.extend(params)
            self._grads.extend(grads)

    def parameters(self) -> list[np.ndarray]:
        """Every learnable array, in layer order (a Dense layer contributes W then b)."""
        return list(self._params)

    def gradients(self) -> list[np.ndarray]:
        """The gradient arrays, aligned with :meth:`parameters`."""
        return list(self._grads)

    def parameter_names(self) -> list[str]:
        return list(self._names)

    def parameter_kinds(self) -> list[str]:
        return list(self._kinds)

    @property
    def n_parameters(self) -> int:
        return self.flat_parameters.size

    def reinitialize(self, seed: int | None = None) -> None:
        """Draw fresh initial weights (same seed → same weights) and reset running statistics."""
        if seed is not None:
            self.seed = check_number("seed", seed, low=0, integer=True)
        self.rng = np.random.default_rng(self.seed)
        for layer in self.layers:
            layer.rng = self.rng
            for name, buffer in layer.buffers().items():
                buffer[...] = 1.0 if name == "running_var" else 0.0
        for layer in self.layers:
            for spec, param in zip(layer.parameter_specs(), layer.params):
                param[...] = spec.initializer(spec.shape, self.rng, self.dtype)

    # ----------------------------------------------------------------- passes
    def check_inputs(self, X: np.ndarray) -> np.ndarray:
        """Return X as a C-contiguous array of the network's dtype, or raise ValueError."""
        X = np.asarray(X)
        if X.ndim != 2 or X.shape[1] != self.n_inputs:
            raise ValueError(f"the network takes inputs of shape (N, {self.n_inputs}), got {X.shape}")
        if X.dtype.kind not in "iufc":  # np.issubdtype(dtype, np.number), without its µs: the canvas calls this per move
            raise ValueError(f"inputs must be numbers, got dtype {X.dtype}")
        X = np.ascontiguousarray(X, dtype=self.dtype)
        if not np.logical_and.reduce(np.isfinite(X), axis=None):  # isfinite(X).all() less ndarray.all's wrapper
            raise ValueError("inputs contain NaN or infinity; clean or impute the data first")
        return X

    def prepare(self) -> None:
        """Compile ahead (or load from numba's disk cache) the compiled code of the layers' and the loss's
        passes for this network's dtype, so that no batch waits for it; a trainer calls this before its clock."""
        for layer in self.layers:
            layer.prepare(self.dtype)
        self.loss.prepare(self.dtype)

    def forward(self, X: np.ndarray, training: bool = False) -> np.ndarray:
        """The network's raw output (logits / scores / values) for a batch X of shape (N, n_in)."""
        out = X
        for layer in self.layers:
            out = layer.forward(out, training)
        return out

    def forward_row(self, X: np.ndarray, keep_caches_of: tuple[type, ...] = ()) -> np.ndarray:
        """The inference-mode output (1, n_out) for one checked input row X (1, n_in), as the Draw
        view asks on every mouse move: :meth:`forward` with a first Dense layer's y = x W + b taken
        by :func:`row_product`.

        Layers that are instances of ``keep_caches_of`` run their training-mode forward, which keeps
        what their backward step needs; name only layer types that compute the same function either
        way (saliency backpropagates through activations this way).
        """
        layers = self.layers
        out = X
        if isinstance(layers[0], layer_registry.Dense):
            first, layers = layers[0], layers[1:]
            out = row_product(X[0], first.W)
            out += first.b
            out = out.reshape(1, -1)
        for layer in layers:
            out = layer.forward(out, isinstance(layer, keep_caches_of))
        return out

    def backward(self, d_output: np.ndarray) -> None:
        """Backpropagate ∂L/∂output; fills the gradient buffer (layers may overwrite d_output)."""
        grad = d_output
        for layer in reversed(self.layers):
            grad = layer.backward(grad)

    def activity_penalty(self) -> float:
        return sum(layer.penalty() for layer in self.layers)

    def loss_and_gradients(self, X, y, regularizer=None) -> tuple[float, np.ndarray]:
        """One training pass over a batch: fills the gradient buffer and returns
        (loss + penalties, the batch's predictions)."""
        output = self.forward(X, training=True)
        value = self.loss.forward(output, y) + self.activity_penalty()
        predictions = self.loss.predict(output)
        self.backward(self.loss.backward())
        if regularizer is not None:
            value += regularizer.penalty(self._params, self._kinds)
            regularizer.add_gradient(self._params, self._grads, self._kinds)
        return value, predictions

    def predict_output(self, X, batch_size: int = 4096) -> np.ndarray:
        """Raw outputs in inference mode, computed in chunks to bound memory."""
        X = self.check_inputs(X)
        if X.shape[0] == 1:
            return self.forward_row(X)
        if X.shape[0] <= batch_size:
            return self.forward(X, training=False)
        return np.concatenate([self.forward(X[i:i + batch_size], training=False)
                               for i in range(0, X.shape[0], batch_size)])

    def predict(self, X) -> np.ndarray:
        """Predicted labels (classification) or values (regression)."""
        return self.loss.predict(self.predict_output(X))

    def predict_proba(self, X) -> np.ndarray:
        """Class probabilities, shape (N, n_classes); ValueError for a regression loss."""
        probabilities = self.loss.probabilities(self.predict_output(X))
        if probabilities is None:
            raise ValueError(f"the {self.loss_name} loss gives scores, not class probabilities; "
                             f"train with softmax_cross_entropy or binary_cross_entropy for probabilities")
        return probabilities

    # ----------------------------------------------------------------- serialisation
    def config(self) -> dict:
        """A JSON-serialisable description; :meth:`from_config` rebuilds the same architecture."""
        return {
            "dtype": self.dtype.name,
            "seed": self.seed,
            "loss": self.loss_name,
            "loss_options": dict(self.loss_options),
            "layers": [{"type": layer.type_name, **layer.config()} for layer in self.layers],
        }

    @classmethod
    def from_config(cls, config: dict, dtype=None) -> "Network":
        try:
            layer_configs = config["layers"]
            built = [layer_registry.create(entry["type"], **{k: v for k, v in entry.items() if k != "type"})
                     for entry in layer_configs]
            return cls(built, dtype=dtype or config.get("dtype", "float32"), seed=config.get("seed", 0),
                       loss=config.get("loss", "softmax_cross_entropy"), loss_options=config.get("loss_options"))
        except (KeyError, TypeError) as error:
            raise ValueError(f"not a valid network description: missing or malformed {error}") from None

    def state(self) -> dict[str, np.ndarray]:
        """Copies of every parameter and buffer, keyed ``layer<i>.<name>``."""
        state = {name: param.copy() for name, param in zip(self._names, self._params)}
        for index, layer in enumerate(self.layers):
            for name, buffer in layer.buffers().items():
                state[f"layer{index}.{name}"] = buffer.copy()
        return state

    def load_state(self, state: dict[str, np.ndarray]) -> None:
        """Copy arrays from :meth:`state` into this network; shapes must match exactly."""
        targets = dict(zip(self._names, self._params))
        for index, layer in enumerate(self.layers):
            for name, buffer in layer.buffers().items():
                targets[f"layer{index}.{name}"] = buffer
        missing = sorted(set(targets) - set(state))
        if missing:
            raise ValueError(f"the saved weights lack {', '.join(missing)}: they belong to another network")
        for name, target in targets.items():
            source = np.asarray(state[name])
            if source.shape != target.shape:
                raise ValueError(f"saved {name} has shape {source.shape}, the network needs {target.shape}")
            target[...] = source

    def __getstate__(self) -> dict:
        # Pickling the layers would turn their views into separate arrays, silently cut off from
        # the flat buffers the optimiser updates; rebuild from config and state instead.
        return {"config": self.config(), "state": self.state(), "rng": self.rng.bit_generator.state}

    def __setstate__(self, saved: dict) -> None:
        twin = Network.from_config(saved["config"])
        twin.load_state(saved["state"])
        twin.rng.bit_generator.state = saved["rng"]
        self.__dict__.update(twin.__dict__)

    def copy(self, dtype=None) -> "Network":
        """An independent network with the same architecture and weights (optionally in another dtype)."""
        twin = Network.from_config(self.config(), dtype=dtype or self.dtype)
        twin.load_state(self.state())
        return twin

    def summary(self) -> str:
        lines = [f"{index}: {layer.describe()}" for index, layer in enumerate(self.layers)]
        lines.append(f"{self.n_parameters:,} parameters, {self.dtype.name}, loss {self.loss_name}")
        return "\n".join(lines)
