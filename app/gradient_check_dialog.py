"""The "Check gradients" result: backpropagation against central differences, one row per tensor."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout

from core.gradient_check import TOLERANCE, GradientCheckRow


class GradientCheckDialog(QDialog):
    """A table of :class:`core.gradient_check.GradientCheckRow` with a pass/fail colour per row."""

    def __init__(self, rows: list[GradientCheckRow], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Gradient check"))
        self.rows = rows
        layout = QVBoxLayout(self)
        failed = sum(not row.passed for row in rows)
        verdict = (self.tr("Backpropagation agrees with the numerical gradient for every tensor.") if not failed else
                   self.tr("%1 tensor(s) disagree: their backpropagated gradient is wrong.").replace("%1", str(failed)))
        explanation = QLabel(
            self.tr("Each entry's derivative is estimated numerically, ∂L/∂θ ≈ (L(θ + ε) − L(θ − ε)) / 2ε, on a "
                    "float64 copy of the network with dropout masks frozen, and compared with backpropagation: "
                    "relative error = ‖g_backprop − g_numeric‖ / (‖g_backprop‖ + ‖g_numeric‖). "
                    "Below %1 the gradients agree.").replace("%1", f"{TOLERANCE:g}") + "\n\n" + verdict)
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.table = QTableWidget(len(rows), 6)
        self.table.setHorizontalHeaderLabels([self.tr("Tensor"), self.tr("Shape"), self.tr("Entries checked"),
                                              self.tr("Max |Δ|"), self.tr("Relative error"), self.tr("Result")])
        self.table.setAccessibleName(self.tr("Gradient check results"))
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for index, row in enumerate(rows):
            cells = [row.name, "×".join(map(str, row.shape)), str(row.entries_checked), f"{row.max_abs_error:.2e}",
                     f"{row.relative_error:.2e}", self.tr("ok") if row.passed else self.tr("FAIL")]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 5:
                    item.setForeground(QBrush(QColor("#2e7d32" if row.passed else "#c62828")))
                self.table.setItem(index, column, item)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 360)
