"""The gradient check in the window: backpropagation against central differences, one row per tensor.

:class:`GradientCheckSession` runs :func:`core.gradient_check.gradient_check` the way the window does
it (a few training examples, the configuration's penalty) on a thread of its own; :class:`GradientCheckTable`
shows its rows, in the Run ▸ Check gradients dialog (:class:`GradientCheckDialog`) and in the Gradient
check view.
"""
from __future__ import annotations

import logging
import re

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QFontMetrics
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QStyle, QTableWidget, QTableWidgetItem,
                               QVBoxLayout)

from app import palette
from app.i18n import as_power_of_ten, format_significant
from app.training_worker import describe_failure
from app.worker_thread import Outgoing, Worker, WorkerThread
from core.experiment import build_regularizer
from core.gradient_check import NORM_FLOOR, TOLERANCE, GradientCheckRow, gradient_check, shape_text
from core.network import Network

log = logging.getLogger(__name__)

CHECK_EXAMPLES = 16
"""Training examples in the checked batch: enough to involve every unit, few enough to be quick."""
PASSED_COLOUR, FAILED_COLOUR = palette.named_color("bluish_green"), palette.named_color("vermillion")
SYMBOLS = {"gamma": "γ", "beta": "β", "alpha": "α"}
"""Batch normalisation's parameters as its formula writes them, ẑ = γ·(z − μ_B)/√(σ²_B + ε) + β, and PReLU's slope α."""


class GradientCheckWorker(Worker):
    """The check of a network as it was when the worker was made, in the worker's thread: two forward passes
    per checked entry in float64 took 5 s for 17 M weights and 26 s for 88 M, which froze the window."""

    checked = Outgoing()
    """checked(rows): the check's :class:`~core.gradient_check.GradientCheckRow` list."""

    failed = Outgoing()
    """failed(message): the check could not be made; the message says why."""

    def __init__(self, network, dataset, config):
        """The network's weights are copied now (a memory copy): what trains afterwards is not what is checked.
        ``config`` (a :class:`core.config.RunConfig`) gives the penalty whose gradient is checked too."""
        super().__init__()
        self.saved = network.__getstate__()  # the network's own pickling: its settings and a copy of its weights
        count = min(CHECK_EXAMPLES, len(dataset.X_train))
        self.X, self.y = dataset.X_train[:count].copy(), dataset.y_train[:count].copy()
        self.regularizer = build_regularizer(config)

    def run(self) -> None:
        try:
            twin = Network.__new__(Network)
            twin.__setstate__(self.saved)
            self.checked.emit(gradient_check(twin, self.X, self.y, regularizer=self.regularizer))
        except Exception as error:  # the boundary of the thread
            if not isinstance(error, ValueError):
                log.exception("the gradient check failed")
            self.failed.emit(describe_failure(error))


class _RunsToItsEnd:
    """A check is not stopped half-way (its thread is a daemon: a closing window does not wait for it)."""

    def stop(self) -> None:
        pass


class GradientCheckSession(WorkerThread):
    """A :class:`GradientCheckWorker` on a thread of its own; ``checked`` or ``failed``, then ``ended``."""

    checked = Signal(object)
    failed = Signal(str)

    def __init__(self, network, dataset, config, parent: QObject | None = None):
        super().__init__(GradientCheckWorker(network, dataset, config), _RunsToItsEnd(), "gradient-check", parent)

    @property
    def examples(self) -> int:
        """How many training examples are checked: CHECK_EXAMPLES, or all of them if the data has fewer."""
        return len(self.worker.X)


def shown_names(names: list[str]) -> list[str]:
    """The engine's tensor names ("layer2.W": the network's layer index, activations counted) as the Weights and
    Network views name layers, Dense layers counted from 1: "Layer 2 · W", batch norm's "layer3.gamma" under the
    Dense layer it follows, "Layer 2 · γ". A weight matrix starts a Dense layer: the engine lists each one's W first,
    then its b, then its batch norm's (Network.parameter_names). A name of another form is shown as it is."""
    shown, dense, last_index = [], 0, None
    for name in names:
        match = re.fullmatch(r"layer(\d+)\.(\w+)", name)
        if match is None:
            shown.append(name)
            continue
        index, tensor = match.groups()
        if tensor == "W" and index != last_index:
            dense, last_index = dense + 1, index
        shown.append(QCoreApplication.translate("GradientCheckTable", "Layer {number} · {tensor}")
                     .format(number=max(dense, 1), tensor=SYMBOLS.get(tensor, tensor)))
    return shown


def two_lines(text: str, metrics: QFontMetrics) -> str:
    """``text`` broken at the space that makes its wider line the narrowest ("Relative\nerror"); one word as it is."""
    words = text.split(" ")
    breaks = [" ".join(words[:cut]) + "\n" + " ".join(words[cut:]) for cut in range(1, len(words))]
    return min(breaks, key=lambda broken: line_width(broken, metrics), default=text)


def line_width(text: str, metrics: QFontMetrics) -> int:
    return max(metrics.horizontalAdvance(line) for line in text.split("\n"))


def format_scientific(value: float) -> str:
    """``value`` to three significant digits times a power of ten, 1,23·10⁻⁸ as the window writes tiny numbers
    elsewhere (Qt's 1,23e-08 only here), in the language's decimals; 0,5 too (5,00·10⁻¹), so that the magnitudes
    down a column compare by their exponents; 0 as 0."""
    return "0" if value == 0 else as_power_of_ten(QLocale().toString(float(value), "e", 2))


class GradientCheckTable(QTableWidget):
    """One row per parameter tensor of a gradient check; the result coloured, pass or fail."""

    RESULT_COLUMN = 8

    def __init__(self, parent=None):
        super().__init__(0, self.RESULT_COLUMN + 1, parent)
        self.rows: list[GradientCheckRow] = []
        self.headings: list[str] = []  # each column's heading on one line (see _fit_columns)
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustToContents)  # as tall as its rows
        # The columns fit the view (_fit_columns): a sideways scroll bar hid the Result column at 1100×700.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        # Narrower than its default of 100 pixels, so that the Result column, left with less, is cut short in sight.
        self.horizontalHeader().setMinimumSectionSize(3 * self.fontMetrics().averageCharWidth())
        self.verticalHeader().hide()
        self._set_headers()

    @staticmethod
    def explanation() -> str:
        """How the check works and when a tensor passes."""
        return (QCoreApplication.translate(
            "GradientCheckTable",
            "Each entry's derivative is estimated numerically, ∂L/∂θ ≈ (L(θ + ε) − L(θ − ε)) / 2ε, on a float64 "
            "copy of the network with dropout masks frozen, and compared with backpropagation. Per tensor, with g "
            "the backpropagated gradient and ĝ the numerical one: relative error = ‖g − ĝ‖ / max(‖g‖ + ‖ĝ‖, %2). "
            "Below %1 the gradients agree. An entry within ε of a kink of the loss (a ReLU whose input is 0), "
            "where there is no derivative to compare, is left out and counted apart.")
            .replace("%1", format_significant(TOLERANCE, 3))
            .replace("%2", format_significant(NORM_FLOOR, 3)))

    @staticmethod
    def verdict(rows: list[GradientCheckRow]) -> str:
        failed = sum(row.checked and not row.passed for row in rows)
        unchecked = sum(not row.checked for row in rows)
        kinks = sum(row.entries_at_kinks for row in rows)
        if failed:
            verdict = QCoreApplication.translate("GradientCheckTable",
                                                 "%1 tensor(s) disagree: their backpropagated gradient is wrong."
                                                 ).replace("%1", str(failed))
        elif unchecked:
            verdict = QCoreApplication.translate(
                "GradientCheckTable", "Backpropagation agrees with the numerical gradient for every tensor checked; "
                                      "tensors not checked (every entry at a kink): %1.").replace("%1", str(unchecked))
        else:
            verdict = QCoreApplication.translate("GradientCheckTable",
                                                 "Backpropagation agrees with the numerical gradient for every tensor.")
        if kinks:
            verdict += " " + QCoreApplication.translate(
                "GradientCheckTable", "Entries left out at a kink (a ReLU input at 0), where there is no derivative: "
                                      "%1.").replace("%1", str(kinks))
        return verdict

    @classmethod
    def alignment(cls, column: int) -> Qt.AlignmentFlag:
        """Where a column's cells and its heading sit: the tensor's name to the left, shapes and numbers to the
        right (a bias's length under its weights' last dimension, exponents under exponents), the result centred
        (to the left it read as one with the relative error's heading)."""
        side = {0: Qt.AlignmentFlag.AlignLeft, cls.RESULT_COLUMN: Qt.AlignmentFlag.AlignHCenter}
        return side.get(column, Qt.AlignmentFlag.AlignRight) | Qt.AlignmentFlag.AlignVCenter

    def show_rows(self, rows: list[GradientCheckRow]) -> None:
        self.rows = list(rows)
        self.setRowCount(len(self.rows))
        bold = QFont(self.font())
        bold.setBold(True)
        for index, (row, name) in enumerate(zip(self.rows, shown_names([row.name for row in self.rows]))):
            # A tensor whose every entry sits at a kink compared nothing: a dash, not norms and errors of 0.
            errors = [format_scientific(value) if row.checked else "—"
                      for value in (row.backprop_norm, row.numeric_norm, row.max_abs_error, row.relative_error)]
            cells = [name, shape_text(row.shape), QLocale().toString(row.entries_checked),
                     QLocale().toString(row.entries_at_kinks), *errors,
                     self.tr("not checked") if not row.checked else self.tr("ok") if row.passed else self.tr("FAIL")]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setTextAlignment(self.alignment(column))
                if column == self.RESULT_COLUMN and row.checked:
                    item.setForeground(QBrush(PASSED_COLOUR if row.passed else FAILED_COLOUR))
                    item.setFont(bold)
                self.setItem(index, column, item)
            # Lab 12's sheet and the exported table give the engine's name: the row says which it is.
            self.item(index, 0).setToolTip(self.tr("The engine's name: {name}").format(name=row.name))
        self._fit_columns()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._fit_columns()  # hidden, it kept the headings as written (its width then says nothing)

    def _fit_columns(self) -> None:
        """Columns as wide as their cells and headings, the Result column taking the room left. Where they do not
        fit the view (lab 12's table scrolled sideways to its Result at 1100×700), the headings of more than one
        word that are wider than their cells go onto two lines, and the gaps between columns narrow; narrower still,
        the Result column keeps what is left, its words cut short (whole in their tooltips)."""
        if not self.headings or not self.isVisible():
            return
        header = self.horizontalHeader()
        metrics = header.fontMetrics()
        margin = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin)
        cells = [self.sizeHintForColumn(column) if self.rowCount() else 0 for column in range(self.columnCount())]
        available = self.viewport().width()

        def widths(headings: list[str], gap: int) -> list[int]:
            return [max(cell, line_width(heading, metrics) + margin) + gap for cell, heading in zip(cells, headings)]

        # Fitted to their contents alone, a heading ran into the next ("‖g‖ backprop‖ĝ‖ numerical"): a gap of two
        # characters, less where they do not fit (lab 12's Russian table beside its sheet), the headings' margins at
        # the least.
        character = self.fontMetrics().averageCharWidth()
        for gap in (2 * character, character, 0):
            headings = self.headings
            if sum(widths(headings, gap)) > available:  # only a heading wider than its cells gains by two lines
                headings = [two_lines(heading, metrics) if line_width(heading, metrics) + margin > cell else heading
                            for cell, heading in zip(cells, headings)]
            if sum(widths(headings, gap)) <= available:
                break
        sizes = widths(headings, gap)
        # The Result column takes the room left: the header's own stretch kept it at least 100 pixels wide.
        left = max(available - sum(sizes[:self.RESULT_COLUMN]), header.minimumSectionSize())
        sizes[self.RESULT_COLUMN] = left
        for column, (heading, size) in enumerate(zip(headings, sizes)):
            self.horizontalHeaderItem(column).setText(heading)
            self.setColumnWidth(column, size)
        for row in range(self.rowCount()):
            item = self.item(row, self.RESULT_COLUMN)
            cut = QFontMetrics(item.font()).horizontalAdvance(item.text()) + margin > left
            item.setToolTip(item.text() if cut else "")

    def _set_headers(self) -> None:
        self.setAccessibleName(self.tr("Gradient check results"))
        headers = [
            (self.tr("Tensor"), self.tr("The parameter tensor: its layer, counted from 1 as in the Weights and "
                                        "Network views, then W (weights), b (biases) or γ, β (batch "
                                        "normalisation); its tooltip gives the engine's name (layer0.W)")),
            (self.tr("Shape"), self.tr("The tensor's shape: inputs × units for weights (W), the number of "
                                       "units for biases (b) and batch normalisation's gamma, beta")),
            (self.tr("Entries checked"), self.tr("How many randomly chosen entries were perturbed by ±ε and "
                                                 "compared")),
            (self.tr("At kinks"), self.tr("Entries within ε of a kink of the loss (a ReLU input at 0): no "
                                          "derivative exists there to compare, so they are left out")),
            (self.tr("‖g‖ backprop"), self.tr("The norm of backpropagation's gradient over the checked entries")),
            (self.tr("‖ĝ‖ numerical"), self.tr("The norm of the numerical gradient over the checked entries")),
            (self.tr("Max |Δ|"), self.tr("The largest difference between the two derivatives of one entry")),
            (self.tr("Relative error"), self.tr("‖g − ĝ‖ / max(‖g‖ + ‖ĝ‖, %1) over the checked entries")
             .replace("%1", format_significant(NORM_FLOOR, 3))),
            (self.tr("Result"), self.tr("ok when the relative error is below %1")
             .replace("%1", format_significant(TOLERANCE, 3))),
        ]
        self.headings = [text for text, _ in headers]
        for column, (text, tip) in enumerate(headers):
            item = QTableWidgetItem(text)
            item.setToolTip(tip)
            item.setTextAlignment(self.alignment(column))
            self.setHorizontalHeaderItem(column, item)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._set_headers()
            self.show_rows(self.rows)  # "ok", "FAIL" and the decimal separator
        super().changeEvent(event)


class GradientCheckDialog(QDialog):
    """The check's explanation, verdict and table, for Run ▸ Check gradients."""

    def __init__(self, rows: list[GradientCheckRow], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Gradient check"))
        layout = QVBoxLayout(self)
        explanation = QLabel(GradientCheckTable.explanation() + "\n\n" + GradientCheckTable.verdict(rows))
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.table = GradientCheckTable()
        self.table.show_rows(rows)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 360)
