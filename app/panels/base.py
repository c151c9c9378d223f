"""What every configuration panel does: follow the model, write edits to it, show its errors in place."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from app.config_model import ConfigModel
from app.panels.widgets import HyperparameterForm, mark
from core.config import ConfigError

OPTIONS = " options"
"""core.config.validate reports a component's bad hyperparameters at "<field> options"."""


class ConfigPanel(QWidget):
    """A panel editing the fields under ``prefixes`` of the window's :class:`ConfigModel`.

    Subclasses build their controls, :meth:`bind` each to its field path, and implement
    :meth:`refresh` (set every control from the model). Errors of the panel's fields are marked at
    their control and listed in :attr:`problems`.
    """

    prefixes: tuple[str, ...] = ()

    def __init__(self, model: ConfigModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = model
        self._controls: dict[str, QWidget] = {}
        self.problems = QLabel()
        self.problems.setObjectName("problems")
        self.problems.setWordWrap(True)
        self.problems.setVisible(False)
        self.problems.setAccessibleName(self.tr("Problems"))
        model.changed.connect(self._on_model_changed)
        model.errors_changed.connect(self.show_errors)

    @property
    def config(self):
        return self.model.config

    def owns(self, field: str) -> bool:
        return any(field.startswith(prefix) for prefix in self.prefixes)

    def bind(self, field: str, control: QWidget) -> None:
        """``control`` shows ``field`` (a validate() path; a component's options use "<field> options")."""
        self._controls[field] = control

    def control_for(self, error: ConfigError) -> QWidget | None:
        control = self._controls.get(error.field)
        if isinstance(control, HyperparameterForm):
            return control.control_for(error.message) or self._controls.get(error.field.removesuffix(OPTIONS))
        return control

    def describe_field(self, error: ConfigError, control: QWidget | None) -> str:
        """How the problem list names the field: its control's accessible name, else the path."""
        return (control.accessibleName() if control is not None else "") or error.field

    def refresh(self) -> None:
        raise NotImplementedError

    def _on_model_changed(self, path: str) -> None:
        if not path or self.owns(path):
            self.refresh()

    def show_errors(self, errors: list[ConfigError]) -> None:
        """Mark each owned error at its control and list all of them, in words, at the top."""
        problems: dict[int, str] = {}
        lines = []
        for error in errors:
            if not self.owns(error.field):
                continue
            control = self.control_for(error)
            if control is not None:
                problems.setdefault(id(control), error.message)
            lines.append(f"⚠ {self.describe_field(error, control)}: {error.message}")
        for control in self._all_controls():
            mark(control, problems.get(id(control)))
        self.problems.setText("\n".join(lines))
        self.problems.setVisible(bool(lines))

    def _all_controls(self) -> list[QWidget]:
        controls = []
        for control in self._controls.values():
            if isinstance(control, HyperparameterForm):
                controls.extend(control.controls().values())
            else:
                controls.append(control)
        return controls
