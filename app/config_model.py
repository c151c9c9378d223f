"""The one run configuration the window edits: widgets change it by field path and listen to it.

Model emits, widget binds: a panel calls :meth:`ConfigModel.set` when the user edits a control and
updates its controls from :attr:`ConfigModel.changed` (under a ``QSignalBlocker``, so a control set
by the model does not echo back). Paths are the ones :func:`core.config.validate` reports, e.g.
``"optimizer.options.lr"`` or ``"network.hidden[1].units"``, so an error finds its control.

The model also remembers which fields the user has set since the configuration was last replaced
(:meth:`ConfigModel.edited`): settings suggested for a data set leave those alone.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QObject, Signal

from core import config as run_config
from core.config import ConfigError, RunConfig

_SEGMENT = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def _segments(path: str) -> list:
    """``"network.hidden[1].units"`` → ``["network", "hidden", 1, "units"]``."""
    return [int(index) if index else name for name, index in _SEGMENT.findall(path)]


def _child(node, key):
    if isinstance(node, (dict, list)):
        return node[key]
    return getattr(node, key)


def within(path: str, field: str) -> bool:
    """Whether ``path`` is ``field`` or a path inside it ("network.hidden[0].units" is within "network.hidden")."""
    return path == field or path.startswith((field + ".", field + "["))


def get_path(config: RunConfig, path: str):
    node = config
    for key in _segments(path):
        node = _child(node, key)
    return node


def set_path(config: RunConfig, path: str, value) -> None:
    """Set one field; a missing key of an options dict is created, a missing attribute is an error."""
    *parents, last = _segments(path)
    node = config
    for key in parents:
        node = _child(node, key)
    if isinstance(node, (dict, list)):
        node[last] = value
    elif hasattr(node, last):
        setattr(node, last, value)
    else:
        raise KeyError(f"the run configuration has no field {path!r}")


class ConfigModel(QObject):
    """Holds the :class:`~core.config.RunConfig`; every change goes through :meth:`set` or :meth:`replace`."""

    changed = Signal(str)
    """changed(path): the field at ``path`` (or everything under it) has a new value; "" = all of it."""

    errors_changed = Signal(list)
    """errors_changed(errors): the list of :class:`~core.config.ConfigError` after a change."""

    def __init__(self, config: RunConfig | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._config = config.copy() if config is not None else RunConfig()
        self._build_errors: list[ConfigError] = []
        self._errors = run_config.validate(self._config)
        self._generation = 0
        self._edited: set[str] = set()  # paths set by the user since the last replace (see edited)

    @property
    def generation(self) -> int:
        """How many changes have been announced: what is worked out from the configuration is worked out again
        only when this has moved."""
        return self._generation

    @property
    def config(self) -> RunConfig:
        """The live configuration: read it, but change it only through :meth:`set`/:meth:`replace`."""
        return self._config

    @property
    def errors(self) -> list[ConfigError]:
        """Problems of the configuration itself, then problems found when building its run."""
        return self._errors + self._build_errors

    @property
    def validation_errors(self) -> list[ConfigError]:
        """Problems of the configuration itself (:func:`core.config.validate`), without build problems."""
        return list(self._errors)

    @property
    def is_valid(self) -> bool:
        return not self.errors

    def get(self, path: str):
        return get_path(self._config, path)

    def edited(self, field: str) -> bool:
        """Whether the user has set ``field``, a field inside it or one holding it since the configuration was last
        replaced: what they chose, which a suggestion keeps."""
        return any(within(path, field) or within(field, path) for path in self._edited)

    def set(self, path: str, value, *, by_user: bool = True) -> None:
        """Change one field (a no-op when the value is the same) and announce it. Set ``by_user`` (a control's
        edit), it counts as :meth:`edited`; set by the window (a suggestion, a loss fitted to the data), it and the
        fields inside it no longer do."""
        try:
            if get_path(self._config, path) == value and type(get_path(self._config, path)) is type(value):
                return
        except (KeyError, IndexError):
            pass
        set_path(self._config, path, value)
        self._edited = {edited for edited in self._edited if not within(edited, path)}
        if by_user:
            self._edited.add(path)
        self._announce(path)

    def replace(self, config: RunConfig, *, keep_edits: bool = False) -> None:
        """Swap in a whole configuration (opening a file, resetting to the default): none of its fields counts as
        :meth:`edited`, unless ``keep_edits`` (the settings of a run going on, put back)."""
        self._config = config.copy()
        if not keep_edits:
            self._edited.clear()
        self._announce("")

    def set_build_errors(self, errors: list[ConfigError]) -> None:
        """Problems found by building the run (the data cannot be loaded, the loss does not fit it)."""
        if errors != self._build_errors:
            self._build_errors = list(errors)
            self.errors_changed.emit(self.errors)

    def _announce(self, path: str) -> None:
        self._errors = run_config.validate(self._config)
        self._generation += 1
        self.changed.emit(path)
        self.errors_changed.emit(self.errors)
