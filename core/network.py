"""The network: a chain of layers, a loss, and one flat buffer for all parameters.

Keeping every parameter in one contiguous array (and every gradient in another) lets an optimiser
update the whole network with a handful of fused NumPy operations instead of one small call per
tensor; each layer sees its ``W``, ``b``, … as views into those buffers.
"""
from __future__ import annotations

import math
import mmap
import threading
from dataclasses import dataclass

import numpy as np

from core import layers as layer_registry
from core import losses
from core._checks import check_number
from core.compiled import compiled, machine_code

SUPPORTED_DTYPES = {"float32": np.float32, "float64": np.float64}
#: Inputs with at least this many entries are checked for NaN and ±∞ through X·X first (Network._all_finite).
QUICK_FINITE_CHECK_MIN_SIZE = 65_536
#: A one-row product with fewer weights than this is cheaper whole than finding the input's zeros.
SPARSE_ROW_MIN_WEIGHTS = 65_536
#: Parameter buffers of at least this many bytes go on 2 MB pages where the system has them (parameter_buffer).
HUGE_PAGE_MIN_BYTES = 512 * 1024
HUGE_PAGE = 2 * 1024 * 1024


def resolve_dtype(dtype) -> np.dtype:
    """Accept np.float32 / np.float64 / their names; refuse anything else."""
    name = np.dtype(dtype).name if not isinstance(dtype, str) else dtype
    if name not in SUPPORTED_DTYPES:
        raise ValueError(f"dtype must be one of {', '.join(SUPPORTED_DTYPES)}, got {dtype!r}")
    return np.dtype(SUPPORTED_DTYPES[name])


def parameter_buffer(size: int, dtype) -> np.ndarray:
    """np.zeros(size, dtype), on transparent huge pages (2 MB) when it takes HUGE_PAGE_MIN_BYTES or more
    and the system offers them (Linux; elsewhere, and for smaller buffers, ordinary 4 KB pages).

    A drawn digit's single-row pass reads a few hundred rows of weights scattered over the buffer:
    on 4 KB pages they lie on some 150 pages, each a page-table walk once other work has pushed it
    out of the TLB (in a virtual machine each walk goes through the host's tables too); one 2 MB page
    holds the 784-256-128-10 network whole. Measured: 10-12 % off that pass when other work has left
    the caches cold. Costs at most one 2 MB page's worth of memory more than the buffer.
    """
    dtype = np.dtype(dtype)
    nbytes = size * dtype.itemsize
    if nbytes < HUGE_PAGE_MIN_BYTES or not hasattr(mmap, "MADV_HUGEPAGE"):
        return np.zeros(size, dtype)
    length = -(-nbytes // HUGE_PAGE) * HUGE_PAGE
    # Anonymous and private (a shared mapping would be shared memory, which takes no transparent huge
    # pages), zero-filled, with a huge page's worth of slack to start on a huge page's boundary.
    region = mmap.mmap(-1, length + HUGE_PAGE, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
    raw = np.frombuffer(region, np.uint8)
    start = -raw.__array_interface__["data"][0] % HUGE_PAGE
    try:
        region.madvise(mmap.MADV_HUGEPAGE, start, length)
    except OSError:  # a kernel built without transparent huge pages: the region stays on 4 KB pages
        pass
    return raw[start:start + nbytes].view(dtype)


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


#: Step kinds of a :class:`RowPlan`: a dense layer, or one of the elementwise activations the
#: compiled single-row pass knows (other layers and activations keep a network on the NumPy path).
DENSE_STEP, RELU_STEP, LEAKY_RELU_STEP, SIGMOID_STEP, TANH_STEP, SOFTMAX_STEP = range(6)
ROW_ACTIVATIONS = {"relu": RELU_STEP, "leaky_relu": LEAKY_RELU_STEP, "sigmoid": SIGMOID_STEP, "tanh": TANH_STEP}
#: Layers that are the identity at inference (and activations that always are): no step of their own.
_SKIPPED_AT_INFERENCE = (layer_registry.Dropout, layer_registry.ActivityRegularization)

_compiled_row_dtypes: set[np.dtype] = set()
_compiling = threading.Lock()


def row_forward_kernel(X, parameters, steps, alphas, values, nonzero):
    """One input row x (X of shape (1, n_in), as the caller holds it) through the steps of a
    :class:`RowPlan`, in one compiled loop; False if x holds NaN or ±∞ (then nothing is computed).

    Each step s reads values[source:source + n_in] (x itself for source < 0: no copy of it is made)
    and writes values[target:target + n_out]:

        dense        y_j = b_j + Σ_{i: z_i ≠ 0} z_i W_ij   (W, b at their offsets in ``parameters``;
                     rows of zero inputs are skipped: a drawn digit inks a fifth of MNIST's pixels;
                     ``nonzero`` is scratch for the indices of the others)
        relu         a = max(z, 0)
        leaky_relu   a = z for z ≥ 0, αz for z < 0         (α = alphas[s])
        sigmoid      a = 1 / (1 + e^(−z)) for z ≥ 0, e^z / (1 + e^z) for z < 0
        tanh         a = tanh z
        softmax      p_j = e^(z_j − m) / Σ_k e^(z_k − m),  m = max_k z_k   (the probabilities of
                     softmax cross-entropy, as :func:`core.losses.softmax`)

    A one-row pass does little arithmetic: in NumPy its time went on calling a dozen functions
    (2–5 µs each), which a compiled loop does not pay. A dense step adds eight rows of W per sweep
    over y: y is then loaded and stored an eighth as often, and eight rows stream from memory at
    once (with four rows per sweep and a branch per input to find the non-zero ones, a pass took
    18 % longer). The 784-256-128-10 network's pass on a drawn digit takes about 6 µs while its
    weights stay in the core's cache, 15-20 µs a call when other work has pushed them out in between.
    """
    x = X[0]
    finite = True
    for i in range(x.shape[0]):  # no early exit: the loop is vectorised (about 0.5 µs less a pass)
        finite &= np.isfinite(x[i])
    if not finite:
        return False
    for s in range(steps.shape[0]):
        kind, n_in, n_out, weights, bias, source, target = steps[s]
        inputs = x if source < 0 else values[source:source + n_in]
        outputs = values[target:target + n_out]
        if kind == DENSE_STEP:
            W = parameters[weights:weights + n_in * n_out].reshape((n_in, n_out))
            outputs[:] = parameters[bias:bias + n_out]
            count = 0
            for i in range(n_in):  # no branch: a drawn digit's zeros and ink come in no order a CPU predicts
                nonzero[count] = i
                count += inputs[i] != 0
            first = count % 8
            for k in range(first):
                z, row = inputs[nonzero[k]], W[nonzero[k]]
                for j in range(n_out):
                    outputs[j] += z * row[j]
            for k in range(first, count, 8):
                i0, i1, i2, i3 = nonzero[k], nonzero[k + 1], nonzero[k + 2], nonzero[k + 3]
                i4, i5, i6, i7 = nonzero[k + 4], nonzero[k + 5], nonzero[k + 6], nonzero[k + 7]
                z0, z1, z2, z3 = inputs[i0], inputs[i1], inputs[i2], inputs[i3]
                z4, z5, z6, z7 = inputs[i4], inputs[i5], inputs[i6], inputs[i7]
                row0, row1, row2, row3 = W[i0], W[i1], W[i2], W[i3]
                row4, row5, row6, row7 = W[i4], W[i5], W[i6], W[i7]
                for j in range(n_out):
                    outputs[j] += (((z0 * row0[j] + z1 * row1[j]) + (z2 * row2[j] + z3 * row3[j]))
                                   + ((z4 * row4[j] + z5 * row5[j]) + (z6 * row6[j] + z7 * row7[j])))
        elif kind == SOFTMAX_STEP:
            largest = inputs.max()
            for j in range(n_out):
                outputs[j] = np.exp(inputs[j] - largest)
            outputs /= outputs.sum()
        elif kind == RELU_STEP:
            for j in range(n_out):
                z = inputs[j]
                outputs[j] = z if z > 0 else 0
        elif kind == LEAKY_RELU_STEP:
            alpha = alphas[s]
            for j in range(n_out):
                z = inputs[j]
                outputs[j] = z if z >= 0 else alpha * z
        elif kind == SIGMOID_STEP:
            for j in range(n_out):
                z = inputs[j]
                e = np.exp(-abs(z))
                outputs[j] = 1 / (1 + e) if z >= 0 else e / (1 + e)
        else:
            for j in range(n_out):
                outputs[j] = np.tanh(inputs[j])
    return True


def prepare_row_kernels(dtype=np.float32) -> None:
    """Compile the single-row kernel for ``dtype`` (or load it from numba's disk cache): seconds the
    first time on a computer, so call it from a worker thread. Until it is done, single rows take
    the NumPy path."""
    dtype = resolve_dtype(dtype)
    with _compiling:
        if dtype in _compiled_row_dtypes:
            return
        empty, no_steps = np.zeros(0, dtype), np.zeros((0, 7), np.int64)
        compiled(row_forward_kernel)(np.zeros((1, 0), dtype), empty, no_steps, empty, empty, np.zeros(0, np.int32))
        _compiled_row_dtypes.add(dtype)


def row_kernels_ready(dtype) -> bool:
    """Whether :func:`prepare_row_kernels` has compiled the kernel for ``dtype``."""
    return np.dtype(dtype) in _compiled_row_dtypes


@dataclass(frozen=True)
class RowPlan:
    """A network of dense layers and elementwise activations as a table for :func:`row_forward_kernel`.

    ``steps`` (int64, one row per step): kind, n_in, n_out, W offset, b offset (in the flat parameter
    buffer), source, target (in ``values``, which holds each step's output; a negative source is the
    input row, read where the caller holds it rather than copied). With softmax cross-entropy a last
    softmax step turns the outputs into probabilities.
    ``alphas``: each step's leak α (leaky_relu), in the network's dtype. ``values`` is scratch that
    every pass overwrites: after a pass it holds every step's output.
    ``nonzero``: scratch for a dense step's indices of non-zero inputs (int32: half the memory an
    int64 would have each pass write). ``outputs`` and ``probabilities`` are the rows (1, n_out) of
    ``values`` where the last step before the softmax and the softmax (None without one) write, and
    ``kernel`` the machine code of :func:`row_forward_kernel` for these arrays and a C-contiguous input
    row of the network's dtype (:func:`core.compiled.machine_code`, which checks no argument's dtype:
    the callers do): made and looked up once, because the canvas asks on every mouse move, and while
    other work has the caches each NumPy, numba or Python call costs µs.
    """

    parameters: np.ndarray
    steps: np.ndarray
    alphas: np.ndarray
    values: np.ndarray
    nonzero: np.ndarray
    outputs: np.ndarray
    probabilities: np.ndarray | None
    kernel: object

    @classmethod
    def of(cls, network: "Network") -> "RowPlan | None":
        """The plan of ``network``, or None when a layer has no step (batch norm, PReLU, …)."""
        parameters = network.flat_parameters
        address, itemsize = parameters.__array_interface__["data"][0], parameters.itemsize
        steps, alphas, width, end = [], [], network.n_inputs, 0
        for layer in network.layers:
            if isinstance(layer, _SKIPPED_AT_INFERENCE) or (
                    isinstance(layer, layer_registry.Activation) and layer.function.name == "identity"):
                continue
            if isinstance(layer, layer_registry.Dense):
                W, b = ((array.__array_interface__["data"][0] - address) // itemsize for array in (layer.W, layer.b))
                step, alpha, n_out = (DENSE_STEP, layer.n_in, layer.n_out, W, b), 0.0, layer.n_out
            elif isinstance(layer, layer_registry.Activation) and layer.function.name in ROW_ACTIVATIONS:
                alpha = layer.function.hyperparameters.get("alpha", 0.0)
                step, n_out = (ROW_ACTIVATIONS[layer.function.name], width, width, 0, 0), width
            else:
                return None
            steps.append(step + (end - width, end))
            alphas.append(alpha)
            width, end = n_out, end + n_out
        outputs, probabilities = slice(end - width, end), None
        if network.loss_name == "softmax_cross_entropy":
            steps.append((SOFTMAX_STEP, width, width, 0, 0, end - width, end))
            alphas.append(0.0)
            probabilities, end = slice(end, end + width), end + width
        values = np.zeros(end, network.dtype)
        steps, alphas = np.array(steps, np.int64).reshape(-1, 7), np.array(alphas, network.dtype)
        nonzero = np.zeros(steps[:, 1].max(initial=0), np.int32)
        kernel = machine_code(row_forward_kernel, np.zeros((1, network.n_inputs), network.dtype), parameters, steps,
                              alphas, values, nonzero)
        return cls(parameters, steps, alphas, values, nonzero, values[outputs].reshape(1, -1),
                   None if probabilities is None else values[probabilities].reshape(1, -1), kernel)

    def run(self, X: np.ndarray) -> bool:
        """Fill ``values`` for one C-contiguous input row X (1, n_in) of the network's dtype, which is
        not checked here (see ``kernel``); False if X is not finite."""
        return self.kernel(X, self.parameters, self.steps, self.alphas, self.values, self.nonzero)

    def forward(self, X: np.ndarray) -> np.ndarray | None:
        """The output row (1, n_out) for X, or None if X is not finite."""
        return self.outputs.copy() if self.run(X) else None


class Network:
    """A feed-forward network ``layers`` trained with ``loss``.

    ``seed`` seeds the network's own ``np.random.Generator`` (initial weights, dropout masks);
    the global NumPy seed is never used.
    """

    def __init__(self, layers, dtype=np.float32, seed: int = 0, loss: str = "softmax_cross_entropy",
                 loss_options: dict | None = None, initialize: bool = True):
        """``initialize=False`` leaves the weights at 0 for :meth:`load_state` to fill: drawing them first
        took seconds for tens of millions of weights (a copy, a model file opened), to no use."""
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
        self._allocate(initialize)

    # ----------------------------------------------------------------- parameters
    def _allocate(self, initialize: bool) -> None:
        specs = [(layer, layer.parameter_specs()) for layer in self.layers]
        total = sum(int(np.prod(spec.shape)) for _, layer_specs in specs for spec in layer_specs)
        self.flat_parameters = parameter_buffer(total, self.dtype)
        self.flat_gradients = np.zeros(total, dtype=self.dtype)
        self._names, self._kinds, self._params, self._grads = [], [], [], []
        offset = 0
        for index, (layer, layer_specs) in enumerate(specs):
            params, grads = [], []
            for spec in layer_specs:
                size = int(np.prod(spec.shape))
                param = self.flat_parameters[offset:offset + size].reshape(spec.shape)
                if initialize:
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
    def min_training_batch(self) -> int:
        """The fewest examples a training batch may have (2 with batch normalisation, else 1)."""
        return max(layer.min_training_rows for layer in self.layers)

    def _hidden_ends(self) -> list[int]:
        """The index of each hidden layer's activation (where a hidden layer ends: its dropout follows it)."""
        return [index for index, layer in enumerate(self.layers[:-1]) if isinstance(layer, layer_registry.Activation)]

    @property
    def dropout_rates(self) -> list[float]:
        """Each hidden layer's dropout rate p, in order: 0 where no Dropout layer follows its activation."""
        following = [self.layers[end + 1] for end in self._hidden_ends()]
        return [layer.p if isinstance(layer, layer_registry.Dropout) else 0.0 for layer in following]

    def set_dropout(self, rates) -> None:
        """Give the hidden layers' Dropout layers the rates ``rates`` (one per hidden layer, in order; 0 where a
        layer has none), between batches. Switching dropout on or off is refused: it would add or take out a
        layer, and the layers' positions name the parameters (``layer2.W``) and the inspections' layers."""
        current = self.dropout_rates
        if len(rates) != len(current):
            raise ValueError(f"{len(rates)} dropout rates for {len(current)} hidden layers")
        rates = [check_number("dropout p", rate, low=0.0, high=1.0, high_open=True) for rate in rates]
        if any((rate > 0) != (now > 0) for rate, now in zip(rates, current)):
            raise ValueError("switching dropout on or off changes the network's layers: build a new network")
        for end, rate in zip(self._hidden_ends(), rates):
            if rate > 0:
                self.layers[end + 1].p = rate

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

    def check_weight(self, layer: int, source: int | None, target: int, value: float) -> float:
        """``value`` as a float, if it can be set by hand (:meth:`set_weight`) at the weight w_ij from unit
        ``source`` = i to unit ``target`` = j of the ``layer``-th Dense layer (the bias b_j when ``source`` is None);
        else ValueError naming the layer or link the network lacks, or the value that is not a finite number."""
        chosen = self._dense_layer(layer)
        if not 0 <= target < chosen.n_out or (source is not None and not 0 <= source < chosen.n_in):
            raise ValueError(f"Dense layer {layer} has {chosen.n_in} inputs and {chosen.n_out} units, no link "
                             f"from {source} to {target}")
        value = float(value)
        if not np.isfinite(value):
            raise ValueError(f"a weight must be a finite number, got {value}")
        return value

    def weight(self, layer: int, source: int | None, target: int) -> float:
        """The weight w_ij from unit ``source`` = i to unit ``target`` = j of the ``layer``-th Dense layer, or
        its bias b_j when ``source`` is None (counted as :meth:`set_weight` counts them)."""
        self.check_weight(layer, source, target, 0.0)
        chosen = self._dense_layer(layer)
        return float(chosen.b[target] if source is None else chosen.W[source, target])

    def set_weight(self, layer: int, source: int | None, target: int, value: float) -> None:
        """Set one parameter by hand, as the lectures set XNOR's (w = 20, b = −30): in the ``layer``-th
        Dense layer (from 0), whose unit j computes z_j = Σ_i x_i·w_ij + b_j, the weight w_ij from unit
        ``source`` = i of the layer below to unit ``target`` = j, or the bias b_j when ``source`` is None.
        ValueError for a unit the layer does not have or a value that is not a finite number."""
        value = self.check_weight(layer, source, target, value)
        chosen = self._dense_layer(layer)
        if source is None:
            chosen.b[target] = value
        else:
            chosen.W[source, target] = value

    def _dense_layer(self, layer: int):
        dense = [each for each in self.layers if isinstance(each, layer_registry.Dense)]
        if not 0 <= layer < len(dense):
            raise ValueError(f"the network has {len(dense)} Dense layers, not a layer {layer}")
        return dense[layer]

    # ----------------------------------------------------------------- passes
    def check_inputs(self, X: np.ndarray) -> np.ndarray:
        """Return X as a C-contiguous array of the network's dtype, or raise ValueError."""
        X = np.asarray(X)
        if X.ndim != 2 or X.shape[1] != self.n_inputs:
            raise ValueError(f"the network takes inputs of shape (N, {self.n_inputs}), got {X.shape}")
        # np.issubdtype(dtype, np.number), without its microseconds: the canvas calls this on every move.
        if X.dtype.kind not in "iufc":
            raise ValueError(f"inputs must be numbers, got dtype {X.dtype}")
        X = np.ascontiguousarray(X, dtype=self.dtype)
        if not self._all_finite(X):
            raise ValueError("inputs contain NaN or infinity; clean or impute the data first")
        return X

    @staticmethod
    def _all_finite(X: np.ndarray) -> bool:
        """Whether every entry of X is finite.

        A large X is first summed as X·X (its entries as one vector: one BLAS pass), which is finite
        exactly when they all are, unless the sum of squares overflows; only then is each entry tested,
        through a boolean array the size of X: 72 ms for MNIST's 60,000 × 784 training set, 19 for the pass.
        """
        if X.size >= QUICK_FINITE_CHECK_MIN_SIZE:
            flat = X.reshape(-1)
            with np.errstate(over="ignore", invalid="ignore"):  # an overflow here only sends us to the exact test
                if math.isfinite(float(np.dot(flat, flat))):
                    return True
        return bool(np.logical_and.reduce(np.isfinite(X), axis=None))  # isfinite(X).all() less ndarray.all's wrapper

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

        Once :func:`prepare_row_kernels` has compiled its kernel, a network of dense layers and
        elementwise activations takes the whole pass in :func:`row_forward_kernel` instead.
        Layers that are instances of ``keep_caches_of`` run their training-mode forward, which keeps
        what their backward step needs; name only layer types that compute the same function either
        way (saliency backpropagates through activations this way).
        """
        plan = None if keep_caches_of else self.row_plan()
        if plan is not None:
            return plan.forward(X)
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

    def row_plan(self) -> RowPlan | None:
        """The compiled single-row pass of this network (:class:`RowPlan`), or None while its kernel
        is not compiled or when the network has a layer it cannot run."""
        cached = self.__dict__.get("_row_plan")
        if cached is not None and cached[0] is self.flat_parameters:
            return cached[1]
        if self.dtype not in _compiled_row_dtypes:
            return None
        self._row_plan = (self.flat_parameters, RowPlan.of(self))
        return self._row_plan[1]

    def _row_pass(self, X) -> RowPlan | None:
        """The compiled pass over X, if X is one finite row that needs no conversion: its plan, whose
        ``values`` then hold the pass's outputs; else None, and the caller takes the checked path (whose
        check_inputs converts X, or raises the usual error for NaN and ±∞). The Draw view's call on every
        mouse move skips check_inputs. A (1, n) array whose entries are adjacent is C-contiguous: its
        strides say so without the flags object. The dtype is checked by identity (NumPy has one float32
        and one float64 of the machine's byte order; one with metadata takes the checked path): dtype ==
        dtype goes through NumPy's casting tables, about 1 µs more a call when other work has left the
        caches cold. The kernel's machine code reads X as the network's dtype whatever it is, so no row
        of another dtype, shape or stride may get past. The plan's cache and kernel are used here as
        :meth:`row_plan` and :meth:`RowPlan.run` would, without their two Python calls (about 1 µs).
        """
        if type(X) is np.ndarray and X.dtype is self.dtype and X.shape == (1, self.n_inputs) \
                and X.strides[1] == X.itemsize:
            cached = self.__dict__.get("_row_plan")
            plan = cached[1] if cached is not None and cached[0] is self.flat_parameters else self.row_plan()
            if plan is not None and plan.kernel(X, plan.parameters, plan.steps, plan.alphas, plan.values,
                                                plan.nonzero):
                return plan
        return None

    def backward(self, d_output: np.ndarray) -> None:
        """Backpropagate ∂L/∂output; fills the gradient buffer (layers may overwrite d_output)."""
        grad = d_output
        for layer in reversed(self.layers):
            grad = layer.backward(grad)

    def activity_penalty(self) -> float:
        return sum(layer.penalty() for layer in self.layers)

    def loss_and_gradients(self, X, y, regularizer=None, on_data_gradients=None) -> tuple[float, float, np.ndarray]:
        """One training pass over a batch: fills the gradient buffer with ∂J/∂θ and returns
        (L, P, the batch's predictions) for the objective J = L + P that a step lowers, where

            L = the loss of the batch's outputs (what a validation set is scored with too),
            P = λ₁Σ|w| + λ₂Σw² (``regularizer``) + the layers' activity penalties.

        ``on_data_gradients()``, if given, is called while the buffer holds the gradient without the
        weight penalty's, λ₁·sign(w) + 2λ₂·w (the trainer reads the gradient norms of the data there).
        """
        output = self.forward(X, training=True)
        loss, predictions = self.loss.forward_and_predict(output, y)
        penalty = self.activity_penalty()
        self.backward(self.loss.backward())
        if on_data_gradients is not None:
            on_data_gradients()
        if regularizer is not None:
            penalty += regularizer.penalty(self._params, self._kinds)
            regularizer.add_gradient(self._params, self._grads, self._kinds)
        return loss, float(penalty), predictions

    def predict_output(self, X, batch_size: int = 4096) -> np.ndarray:
        """Raw outputs in inference mode, computed in chunks to bound memory."""
        plan = self._row_pass(X)
        if plan is not None:
            return plan.outputs.copy()
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
        plan = self._row_pass(X)
        if plan is not None and plan.probabilities is not None:
            return plan.probabilities.copy()
        probabilities = self.loss.probabilities(self.predict_output(X) if plan is None else plan.outputs.copy())
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
    def from_config(cls, config: dict, dtype=None, initialize: bool = True) -> "Network":
        """The network ``config`` (:meth:`config`) describes; ``initialize=False`` for weights loaded next."""
        try:
            layer_configs = config["layers"]
            built = [layer_registry.create(entry["type"], **{k: v for k, v in entry.items() if k != "type"})
                     for entry in layer_configs]
            return cls(built, dtype=dtype or config.get("dtype", "float32"), seed=config.get("seed", 0),
                       loss=config.get("loss", "softmax_cross_entropy"), loss_options=config.get("loss_options"),
                       initialize=initialize)
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
        twin = Network.from_config(saved["config"], initialize=False)
        twin.load_state(saved["state"])
        twin.rng.bit_generator.state = saved["rng"]
        self.__dict__.update(twin.__dict__)

    def copy(self, dtype=None) -> "Network":
        """An independent network with the same architecture and weights (optionally in another dtype)."""
        twin = Network.from_config(self.config(), dtype=dtype or self.dtype, initialize=False)
        twin.load_state(self.state())
        return twin

    def summary(self) -> str:
        lines = [f"{index}: {layer.describe()}" for index, layer in enumerate(self.layers)]
        lines.append(f"{self.n_parameters:,} parameters, {self.dtype.name}, loss {self.loss_name}")
        return "\n".join(lines)
