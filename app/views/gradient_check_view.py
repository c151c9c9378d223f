"""The gradient check as a view (lab 12): backpropagation against central differences, tensor by tensor.

The view checks the window's network (:class:`app.gradient_check_dialog.GradientCheckSession`, off the GUI
thread) each time a run is built or reset, once the view is shown, and again on "Check now" — never during
training (the weights would change under the check), and not per batch: a check costs two loss evaluations
per checked entry. Above, how the check works and its verdict; below, the table of
:class:`app.gradient_check_dialog.GradientCheckTable` and each tensor's relative error on a
logarithmic axis beside the tolerance, pass in green, fail in red.
"""
from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app import palette
from app.gradient_check_dialog import (FAILED_COLOUR, PASSED_COLOUR, GradientCheckSession, GradientCheckTable,
                                      shown_names)
from app.i18n import english_plural
from app.panels.widgets import set_help
from app.views.base import DecadeAxis, TranslatedText, View
from core.gradient_check import TOLERANCE

SHOWN_FLOOR = 1e-18
"""A relative error of exactly 0 (a tensor whose sampled entries have no gradient at all, both ways)
is drawn at this floor of the logarithmic axis; the table gives the exact value."""
CHART_MIN_HEIGHT = 220


class GradientCheckView(View):
    """The gradient check of the window's current network: explanation, verdict, table and chart."""

    title = TranslatedText("GradientCheckView", QT_TRANSLATE_NOOP("GradientCheckView", "Gradient check"))
    guide_section = "view-gradient-check"

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rows = []
        self.config = None  # the window's configuration as edited: its L1/L2 penalty is part of L
        self.network_at_rest = True
        self.problem: str | None = None
        self._check_due = False
        self._step = 0  # the optimiser steps the network has taken since it was built
        self._checked_step: int | None = None
        self._checked_examples = 0
        self.session: GradientCheckSession | None = None  # a check under way
        # The window shows and hides each tab's page in one turn of the event loop to lay it out beforehand
        # (MainWindow._prepare_next_page): a check due starts a turn after the view is shown, if it still is.
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(0)
        self._check_timer.timeout.connect(self._check_if_shown)
        self._build()
        self._show_status()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        explanation = QLabel(GradientCheckTable.explanation())
        explanation.setWordWrap(True)
        self.check_button = QPushButton(self.tr("Check now"))
        set_help(self.check_button, self.tr("Check the network's current weights (the check also runs by itself "
                                            "whenever the network is built or reset)"), self.tr("Check now"))
        self.check_button.clicked.connect(self.check)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.status, 1)
        header = QWidget()
        column = QVBoxLayout(header)
        column.setContentsMargins(8, 8, 8, 4)
        column.addWidget(explanation)
        column.addLayout(row)
        self.results = GradientCheckTable()

        layout = self.layout()
        layout.insertWidget(0, header)
        layout.insertWidget(2, self.results)  # between the note and the chart, as tall as its rows
        self.graphics.setMinimumHeight(CHART_MIN_HEIGHT)

        self.plot = self.new_plot(0, 0, self.tr("Relative error per tensor"))
        self.plot.setAxisItems({"bottom": DecadeAxis("bottom")})
        palette.style_plot(self.plot)
        self.plot.setLabel("bottom", self.tr("relative error (log scale); dashed: the tolerance"),
                           color=palette.FOREGROUND)
        self.plot.setLogMode(x=True)
        self.plot.invertY(True)
        self.points = self.plot.plot(pen=None, symbol="o", symbolSize=11, symbolPen=pg.mkPen(palette.FOREGROUND))
        tolerance_pen = pg.mkPen(palette.FOREGROUND, width=1.5, style=Qt.PenStyle.DashLine)
        self.tolerance_line = pg.InfiniteLine(pos=math.log10(TOLERANCE), angle=90, pen=tolerance_pen)
        self.plot.addItem(self.tolerance_line, ignoreBounds=True)

    # ------------------------------------------------------------------ the window's API
    def reset(self, experiment) -> None:
        """A new or re-initialised network: check it once the view is shown."""
        if self.session is not None:  # checking the network replaced: its rows are not this one's
            self.session.checked.disconnect(self._checked)
            self.session.failed.disconnect(self._check_failed)
        self.experiment = experiment
        self.rows, self.problem = [], None
        self._step, self._checked_step = 0, None
        self._check_due = True
        self._show_status()
        self._changed()

    def on_progress(self, progress) -> None:
        """Training changes the weights: say that the shown check is of older ones (no new check: it is costly)."""
        if progress.batches:
            outdated = self._outdated()
            self._step = progress.batches[-1].step
            if self._outdated() != outdated:
                self._show_status()

    def set_config(self, config) -> None:
        """The window's configuration as edited; the next check uses its regularisation."""
        self.config = config.copy()

    def set_network_at_rest(self, at_rest: bool) -> None:
        """Whether the network's weights stand still (no run, or a paused one): only then can it be checked."""
        if at_rest == self.network_at_rest:
            return
        self.network_at_rest = at_rest
        self._show_status()
        if at_rest and self._check_due and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        if self._check_due and self.network_at_rest and self.experiment is not None:
            self._check_timer.start()  # the check redraws
        elif self._stale:
            self._stale = False
            self.redraw()

    def _check_if_shown(self) -> None:
        if self._check_due and self.isVisible():
            self.check()

    # ------------------------------------------------------------------ checking
    def check(self) -> GradientCheckSession | None:
        """Check the network's current weights (refused while it trains or a check is under way): the
        session checking them, whose rows the view shows when it is done, or None."""
        if self.experiment is None or not self.network_at_rest or self.session is not None:
            return None
        self._check_due = False
        config = self.config if self.config is not None else self.experiment.config
        self.session = GradientCheckSession(self.experiment.network, self.experiment.dataset, config, self)
        self.session.checked.connect(self._checked)
        self.session.failed.connect(self._check_failed)
        self.session.ended.connect(self._check_ended)
        self._checking_step, self._checking_examples = self._step, self.session.examples
        self.session.start()
        self._show_status()
        return self.session

    def _checked(self, rows: list) -> None:
        self.rows, self.problem = rows, None
        self._checked_step, self._checked_examples = self._checking_step, self._checking_examples
        self._changed()

    def _check_failed(self, message: str) -> None:
        self.rows, self.problem = [], self.tr("The gradient check failed: %1").replace("%1", message)
        self._checked_step = self._checking_step
        self._changed()

    def _check_ended(self) -> None:
        self.session = None
        self._show_status()
        if self._check_due and self.isVisible():  # the network was replaced during the check
            self.refresh()

    def _outdated(self) -> bool:
        return self._checked_step is not None and self._step != self._checked_step

    def _show_status(self) -> None:
        if self.experiment is None:
            lines = [self.tr("The check runs once a network is built.")]
        elif self.session is not None:
            lines = [self.tr("Checking…")]
        elif self.problem is not None:
            lines = [self.problem]
        elif self._checked_step is None:
            lines = [self.tr("The check runs when this tab is shown.") if self.network_at_rest else
                     self.tr("Pause or stop training to check: the weights must not change during the check.")]
        else:
            steps, examples = self._checked_step, self._checked_examples
            after = english_plural(self.tr("Checked on the weights after %Ln step(s)", None, steps), steps)
            lines = [GradientCheckTable.verdict(self.rows),
                     english_plural(self.tr("%1, on the first %Ln training example(s).", None, examples), examples)
                     .replace("%1", after)]
            if self._outdated():
                lines.append(self.tr("The network has trained since: press Check now to check its current weights.")
                             if self.network_at_rest else
                             self.tr("The network has trained since: pause or stop training to check it again."))
        self.status.setText("\n".join(lines))
        self.check_button.setEnabled(self.experiment is not None and self.network_at_rest and self.session is None)
        failed = any(not row.passed for row in self.rows) or self.problem is not None
        self.status.setStyleSheet(f"color: {FAILED_COLOUR.name()};" if failed else "")

    # ------------------------------------------------------------------ drawing and export
    def redraw(self) -> None:
        self.results.show_rows(self.rows)
        errors = np.array([row.relative_error for row in self.rows], dtype=np.float64)
        self.points.setData(np.maximum(errors, SHOWN_FLOOR), np.arange(len(self.rows)),
                            symbolBrush=[pg.mkBrush(PASSED_COLOUR if row.passed else FAILED_COLOUR)
                                         for row in self.rows])
        self.plot.getAxis("left").setTicks([list(enumerate(shown_names([row.name for row in self.rows])))])
        decades = [math.log10(TOLERANCE)] + [math.log10(max(error, SHOWN_FLOOR)) for error in errors]
        self.plot.setXRange(math.floor(min(decades)) - 1, math.ceil(max(decades)) + 1, padding=0)
        self.plot.setYRange(-0.5, max(len(self.rows), 1) - 0.5, padding=0)

    def table(self) -> tuple[list[str], list[list]]:
        """One row per tensor, in the engine's terms (for scripts, not translated)."""
        header = ["tensor", "shape", "entries_checked", "entries_at_kinks", "backprop_norm", "numeric_norm",
                  "max_abs_error", "relative_error", "passed"]
        return header, [[row.name, "x".join(map(str, row.shape)), row.entries_checked, row.entries_at_kinks,
                         row.backprop_norm, row.numeric_norm, row.max_abs_error, row.relative_error, row.passed]
                        for row in self.rows]

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._show_status()
        super().changeEvent(event)
