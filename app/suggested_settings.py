"""Settings suggested for the data set the user chooses (:mod:`core.datasets.suggestions`), and taken back on request.

Choosing a data set in the Data panel gives the layers, loss, optimiser, epochs and batch size suggested for it to the
settings the user has not changed since the configuration was opened (:meth:`app.config_model.ConfigModel.edited`);
a field the user set is theirs and stays. The message bar says what changed, with "Keep my settings", which puts back
what the suggestion replaced. Opening a configuration, a lab, a run or a model brings its own settings: the window
suggests nothing then (:meth:`app.main_window.MainWindow.open_config` replaces the configuration, which withdraws the
offer).
"""
from __future__ import annotations

import copy
import functools

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from app import display_names
from app.i18n import english_plural, format_integer, format_significant
from core.datasets.suggestions import Suggestion, suggestion


class SettingsSuggester(QObject):
    """Applies a data set's suggested settings to a :class:`~app.config_model.ConfigModel` and offers, in a
    :class:`~app.message_bar.MessageBar`, to keep the settings they replaced (:attr:`keep_action`). The training
    settings are set through ``set_training(key, value, by_user=…)`` as their boxes set them
    (:meth:`app.panels.training_panel.TrainingPanel.set_training_setting`): a schedule fitted to the run's length
    follows the epochs suggested as it follows the epochs typed."""

    def __init__(self, model, message_bar, set_training, parent: QObject | None = None):
        super().__init__(parent)
        self.model, self.message_bar, self._set_training = model, message_bar, set_training
        self.keep_action = QAction(self.tr("&Keep my settings"), self)
        self.keep_action.setToolTip(self.tr("Put back the settings that those suggested for the data set replaced"))
        self.keep_action.triggered.connect(self.keep_previous)
        self._replaced: dict[str, tuple[object, object]] = {}  # path → (its value before, the value suggested)
        model.changed.connect(self._config_changed)

    def suggest(self, name: str) -> None:
        """Give the settings the user has not edited the values suggested for the data set ``name``; the message
        bar says which changed and offers them back."""
        self._withdraw()
        suggested = suggestion(name)
        if suggested is None:
            return
        model = self.model
        # Copies: the model's value is edited in place later (a layer's units), the one kept must not follow.
        changes = {path: (copy.deepcopy(model.get(path)), copy.deepcopy(value))
                   for path, value in suggested.settings().items() if not model.edited(path) and model.get(path) != value}
        for path, (_, value) in changes.items():
            self._set(path, copy.deepcopy(value), by_user=False)
        self._replaced = changes
        if changes:
            compose = functools.partial(self.describe, name, suggested, tuple(changes))
            self.message_bar.show_message(compose(), "info", self.keep_action, compose=compose)

    def keep_previous(self) -> None:
        """Put back the values the last suggestion replaced, as the user's own; a field changed since keeps its
        newer value."""
        replaced = self._replaced
        self._withdraw()
        for path, (before, suggested) in replaced.items():
            if self.model.get(path) == suggested:
                self._set(path, before, by_user=True)

    def describe(self, name: str, suggested: Suggestion, paths: tuple[str, ...]) -> str:
        """What the suggestion for the data set ``name`` set: the settings at ``paths``, in the interface language."""
        parts = {
            "network.hidden": lambda: self.tr("no hidden layer") if not suggested.layers else english_plural(
                self.tr("%Ln hidden layer(s) of %1 %2 units", None, suggested.layers), suggested.layers)
            .replace("%1", format_integer(suggested.units))
            .replace("%2", display_names.label("activation_short", suggested.activation)),
            "loss.name": lambda: self.tr("the loss “%1”").replace("%1", display_names.label("loss", suggested.loss)),
            "optimizer": lambda: self.tr("%1 with η = %2").replace("%1", display_names.label("optimizer",
                                                                                            suggested.optimizer))
            .replace("%2", format_significant(suggested.lr)),
            "training.epochs": lambda: english_plural(self.tr("%Ln epoch(s)", None, suggested.epochs),
                                                      suggested.epochs),
            "training.batch_size": lambda: self.tr("batches of %1").replace("%1",
                                                                           format_integer(suggested.batch_size)),
        }
        return self.tr("Settings suggested for “%1”: %2.").replace("%1", display_names.label("dataset", name)) \
            .replace("%2", "; ".join(parts[path]() for path in paths))

    def _set(self, path: str, value, *, by_user: bool) -> None:
        training_key = path.removeprefix("training.")
        if training_key != path:
            self._set_training(training_key, value, by_user=by_user)
        else:
            self.model.set(path, value, by_user=by_user)

    def _withdraw(self) -> None:
        self._replaced = {}
        self.message_bar.withdraw(self.keep_action)

    def _config_changed(self, path: str) -> None:
        if path == "":  # another configuration opened: the values kept were of the one before
            self._withdraw()
