"""Gradient check: backpropagation against numerical central differences, tensor by tensor.

For a parameter entry θ the numerical derivative is

    ∂L/∂θ ≈ (L(θ + ε) − L(θ − ε)) / (2ε)

and each tensor's relative error is ‖g_backprop − g_numeric‖ / max(‖g_backprop‖ + ‖g_numeric‖, 10⁻³).
The floor keeps a tensor whose true gradient is 0 (a bias just before batch norm) from dividing
rounding noise (~10⁻¹⁰) by rounding noise; a wrong gradient of any visible size still stands out.
The check runs on a float64 copy of the network with dropout masks frozen, so that L is the same
function at every evaluation; errors below ~1e-6 mean backpropagation is right.

Where L has a kink at θ (a ReLU whose input is 0 for some example: zero biases after a layer that
outputs 0) there is no derivative to compare, and the central difference averages the two sides.
The one-sided differences f = (L(θ + h) − L(θ)) / h and b = (L(θ) − L(θ − h)) / h tell it: where L is
smooth they differ by ~h·|L''|, at a kink by the jump of the derivative, whatever h. An entry whose
f and b differ at h = ε is measured again at h = ε/10: if the gap shrank (about tenfold) L is smooth
there and the central difference at ε/10 is compared (it also avoids a kink between ε/10 and ε); if
it did not, the entry is left out and counted apart. A tensor with every entry left out is not checked.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.layers import Dropout

TOLERANCE = 1e-6
NORM_FLOOR = 1e-3
KINK_TOLERANCE = 1e-3
"""One-sided differences further apart than this share of their size (or of NORM_FLOOR) are measured again."""
REFINEMENT = 10
"""How much smaller the second step h = ε / REFINEMENT is; a gap that did not shrink by half of it is a kink."""


@dataclass(frozen=True)
class GradientCheckRow:
    name: str
    shape: tuple
    entries_checked: int
    backprop_norm: float
    """‖g‖ over the checked entries: backpropagation's gradient."""
    numeric_norm: float
    """‖ĝ‖ over the checked entries: the central differences'."""
    max_abs_error: float
    relative_error: float
    entries_at_kinks: int = 0
    """Entries within ε of a kink of L (see the module docstring), left out of the other columns."""

    @property
    def passed(self) -> bool:
        return self.relative_error < TOLERANCE

    @property
    def checked(self) -> bool:
        """Whether any entry was compared (not every one at a kink)."""
        return self.entries_checked > 0


def gradient_check(network, X, y, regularizer=None, eps: float = 1e-6, max_entries: int = 30,
                   seed: int = 0) -> list[GradientCheckRow]:
    """Check every parameter tensor of ``network`` on the batch (X, y); the network is not changed.

    At most ``max_entries`` randomly chosen entries of each tensor are perturbed.
    """
    twin = network.copy(dtype=np.float64)
    X = twin.check_inputs(X)
    y = np.asarray(y)
    twin.loss.check_targets(y, twin.n_outputs)
    dropouts = [layer for layer in twin.layers if isinstance(layer, Dropout)]

    def loss_value() -> float:
        output = twin.forward(X, training=True)
        value = twin.loss.forward(output, y) + twin.activity_penalty()
        if regularizer is not None:
            value += regularizer.penalty(twin.parameters(), twin.parameter_kinds())
        return value

    # One pass draws the dropout masks; freezing them makes L deterministic for the differences.
    twin.forward(X, training=True)
    for layer in dropouts:
        layer.freeze_mask = True
    twin.loss_and_gradients(X, y, regularizer)
    analytic = [grad.copy() for grad in twin.gradients()]
    # BatchNorm's running statistics change on each training pass but do not enter L, so they can drift.
    unperturbed = loss_value()
    rng = np.random.default_rng(seed)
    rows = []
    for name, param, grad in zip(twin.parameter_names(), twin.parameters(), analytic):
        flat_param, flat_grad = param.reshape(-1), grad.reshape(-1)
        count = min(max_entries, flat_param.size)
        chosen = rng.choice(flat_param.size, size=count, replace=False)
        numeric, smooth = np.empty(count), np.ones(count, dtype=bool)

        def one_sided(index: int, step: float) -> tuple[float, float]:
            """(f, b) at ``step`` (see the module docstring); the entry is restored."""
            original = flat_param[index]
            flat_param[index] = original + step
            plus = loss_value()
            flat_param[index] = original - step
            minus = loss_value()
            flat_param[index] = original
            return (plus - unperturbed) / step, (unperturbed - minus) / step

        for k, index in enumerate(chosen):
            forward, backward = one_sided(index, eps)
            numeric[k] = (forward + backward) / 2  # the central difference
            gap = abs(forward - backward)
            if gap > KINK_TOLERANCE * max(abs(forward) + abs(backward), NORM_FLOOR):
                forward, backward = one_sided(index, eps / REFINEMENT)
                numeric[k] = (forward + backward) / 2
                smooth[k] = abs(forward - backward) < gap * 2 / REFINEMENT
        backprop, numeric = flat_grad[chosen][smooth], numeric[smooth]
        difference = np.abs(backprop - numeric)
        backprop_norm, numeric_norm = float(np.linalg.norm(backprop)), float(np.linalg.norm(numeric))
        relative = float(np.linalg.norm(backprop - numeric) / max(backprop_norm + numeric_norm, NORM_FLOOR))
        rows.append(GradientCheckRow(name, tuple(param.shape), int(smooth.sum()), backprop_norm, numeric_norm,
                                     float(difference.max(initial=0.0)), relative, int(count - smooth.sum())))
    return rows


def _result(row: GradientCheckRow) -> str:
    return "not checked" if not row.checked else "ok" if row.passed else "FAIL"


def shape_text(shape: tuple) -> str:
    """A tensor's shape as a reader writes it: 64 × 10 (inputs × units), a vector as its length alone (64)."""
    return " × ".join(map(str, shape))


TABLE_COLUMNS = (("tensor", "<"), ("shape", ">"), ("checked", ">"), ("at kinks", ">"), ("‖g‖ backprop", ">"),
                 ("‖ĝ‖ numeric", ">"), ("max |Δ|", ">"), ("relative error", ">"), ("result", "<"))
"""The plain-text table's headings and alignments: names to the left, numbers to the right."""


def _table_cells(row: GradientCheckRow) -> list[str]:
    """A row's cells: the norms and errors to three significant digits, 1.23e-09, so that the magnitudes down
    a column compare by their exponents; a dash for a tensor whose every entry sits at a kink (nothing compared)."""
    errors = [f"{value:.2e}" if row.checked else "—"
              for value in (row.backprop_norm, row.numeric_norm, row.max_abs_error, row.relative_error)]
    return [row.name, shape_text(row.shape), str(row.entries_checked), str(row.entries_at_kinks), *errors,
            _result(row)]


def format_table(rows: list[GradientCheckRow]) -> str:
    """The check as a plain-text table (the command line prints it; the GUI shows the same rows), each column as
    wide as its longest cell, so that the columns stay aligned whatever the tensors' names and shapes."""
    cells = [[heading for heading, _ in TABLE_COLUMNS], *(_table_cells(row) for row in rows)]
    widths = [max(len(line[column]) for line in cells) for column in range(len(TABLE_COLUMNS))]

    def line(texts: list[str]) -> str:
        return "  ".join(f"{text:{align}{width}}" for text, (_, align), width in zip(texts, TABLE_COLUMNS, widths)
                         ).rstrip()

    header = line(cells[0])
    return "\n".join([header, "-" * len(header), *(line(texts) for texts in cells[1:])])
