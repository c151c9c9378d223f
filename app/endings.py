"""Why a run ended (:class:`core.events.TrainingFinished`), in the window's language.

The engine's ``message`` is English, for logs and the command line. The window words it from the
event's fields instead, so that a lab in Russian reads why its run diverged in Russian.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.i18n import format_integer, format_significant
from core import events
from core.trainer import MAX_WEIGHT_NORM

NONFINITE = {"weights": QT_TRANSLATE_NOOP("Endings", "the weights %1 became non-finite"),
             "gradient": QT_TRANSLATE_NOOP("Endings", "the gradient of %1 became non-finite"),
             "grew": QT_TRANSLATE_NOOP("Endings", "the weights grew past a norm of %2, most in %1"),
             "output": QT_TRANSLATE_NOOP("Endings", "the output of %1 overflowed"),
             "loss": QT_TRANSLATE_NOOP("Endings", "the loss became non-finite")}
"""The texts of :data:`core.events.NONFINITE`; ``%1`` is where, ``%2`` the largest norm allowed."""


def describe(event: events.TrainingFinished) -> str:
    """The reason ``event`` gives for the end of its run, in the current language."""
    if event.reason == events.DIVERGED and event.nonfinite:
        what, where = event.nonfinite
        text = QCoreApplication.translate(
            "Endings", "training diverged at epoch %1, step %2: %3. The last finite weights were kept. Try a lower "
                       "learning rate (now %4), gradient-friendlier initialisation or scaled inputs.")
        found = (QCoreApplication.translate("Endings", NONFINITE[what]).replace("%1", where)
                 .replace("%2", format_significant(MAX_WEIGHT_NORM)))
        return (text.replace("%1", format_integer(event.epoch + 1)).replace("%2", format_integer(event.step + 1))
                .replace("%4", format_significant(event.lr, 6)).replace("%3", found))
    if event.reason == events.EARLY_STOPPED:  # it stops once `patience` epochs passed the best one
        waited = event.epoch - event.best_epoch
        text = QCoreApplication.translate("Endings", "no improvement for 1 epoch; restored the best weights from "
                                                     "epoch %2") if waited == 1 else \
            QCoreApplication.translate("Endings", "no improvement for %1 epochs; restored the best weights from epoch %2")
        return text.replace("%1", format_integer(waited)).replace("%2", format_integer(event.best_epoch))
    if event.reason == events.COMPLETED:
        if event.epoch == 1:
            return QCoreApplication.translate("Endings", "finished 1 epoch")
        return QCoreApplication.translate("Endings", "finished %1 epochs").replace("%1", format_integer(event.epoch))
    if event.reason == events.STOPPED:
        return QCoreApplication.translate("Endings", "stopped by the user")
    return event.message
