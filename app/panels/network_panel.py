"""The network: an editable list of hidden layers, the output layer, the parameter count and a diagram."""
from __future__ import annotations

import copy
import dataclasses
import math
import re

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSignalBlocker, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QListWidget, QPushButton,
                               QSizePolicy, QVBoxLayout, QWidget)

from app import display_names
from app.i18n import format_integer, format_number
from app.panels import help_texts
from app.panels.base import OPTIONS, ConfigPanel, problem_text
from app.panels.help_texts import CONTROLS
from app.panels.training_panel import carried_options, hyperparameter_defaults
from app.panels.widgets import ChoiceBox, FractionBox, HyperparameterForm, IntegerBox, hyperparameter_of, set_help
from core import activations, initializers
from core.config import MAX_HIDDEN_LAYERS, LayerConfig

_HIDDEN_FIELD = re.compile(r"network\.hidden\[(\d+)\]\.(\w+)")


def describe_layer(index: int, layer: LayerConfig) -> str:
    """The layer's line in the list, in the interface language: "1.  64 × ReLU · BN · dropout 0.2"."""
    text = f"{index + 1}.  {_count(layer.units)} × {display_names.label('activation', layer.activation)}"
    if layer.batch_norm:
        text += " · BN"
    if isinstance(layer.dropout, (int, float)) and layer.dropout > 0:
        text += " · " + QCoreApplication.translate("NetworkPanel", "dropout %1").replace(
            "%1", format_number(layer.dropout, 6, fixed=False))
    return text


class ArchitectureDiagram(QWidget):
    """Input, hidden and output layers as columns whose heights grow with log(units)."""

    COLOURS = {"input": QColor("#90a4ae"), "hidden": QColor("#42a5f5"), "output": QColor("#ffa726")}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._columns: list[tuple[str, str, int | None]] = []
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_columns(self, columns: list[tuple[str, str, int | None]]) -> None:
        """Columns as (kind, caption, units); kind is input, hidden or output; units None = unknown."""
        self._columns = columns
        self.setAccessibleDescription(" → ".join(caption for _, caption, _ in columns))
        self.update()

    def paintEvent(self, event) -> None:
        if not self._columns:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, height = self.width(), self.height()
        caption_height = painter.fontMetrics().height() * 2 + 4
        top, usable = 6, height - caption_height - 10
        largest = max((units or 1) for _, _, units in self._columns)
        slot = width / len(self._columns)
        bar = min(26.0, slot * 0.4)
        centres = []
        for index, (kind, caption, units) in enumerate(self._columns):
            share = math.log1p(units or 1) / math.log1p(max(largest, 2))
            bar_height = max(8.0, usable * share)
            x = slot * (index + 0.5)
            y = top + (usable - bar_height) / 2
            centres.append((x, top + usable / 2, bar_height))
            painter.setPen(QPen(self.COLOURS[kind].darker(130), 1))
            painter.setBrush(self.COLOURS[kind])
            painter.drawRoundedRect(QRectF(x - bar / 2, y, bar, bar_height), 4, 4)
            painter.setPen(self.palette().text().color())
            text_rect = QRectF(x - slot / 2, top + usable + 4, slot, caption_height)
            # Lines too long for the column end in "…" rather than run into the next column's caption.
            fitted = "\n".join(painter.fontMetrics().elidedText(line, Qt.TextElideMode.ElideRight, int(slot))
                                for line in caption.split("\n"))
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, fitted)
        painter.setPen(QPen(self.palette().mid().color(), 1.5))
        for (x0, y0, _), (x1, y1, _) in zip(centres, centres[1:]):
            painter.drawLine(QPointF(x0 + bar / 2 + 2, y0), QPointF(x1 - bar / 2 - 2, y1))
        painter.end()


class NetworkPanel(ConfigPanel):
    prefixes = ("network",)
    guide_section = "network"

    def __init__(self, model, parent: QWidget | None = None):
        super().__init__(model, parent)
        self._n_inputs: int | None = None
        self._n_outputs: int | None = None
        self._n_parameters: int | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        self.diagram = ArchitectureDiagram()
        set_help(self.diagram, self.tr("The architecture: input features, each hidden layer, the outputs."),
                 self.tr("Architecture diagram"))
        layout.addWidget(self.diagram)
        self.parameter_count = QLabel()
        self.parameter_count.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        set_help(self.parameter_count, self.tr("Learnable numbers: a Dense layer has (inputs + 1) × units "
                                               "(weights and biases), batch norm 2 × units (γ and β)."),
                 self.tr("Parameter count"))
        layout.addWidget(self.parameter_count)
        layout.addWidget(self._build_layer_list())
        layout.addWidget(self._build_layer_editor())
        layout.addWidget(self._build_output_group())
        layout.addStretch(1)
        self.refresh()
        self.show_errors(model.errors)

    # ------------------------------------------------------------------ construction
    def _build_layer_list(self) -> QGroupBox:
        group = QGroupBox(self.tr("Hidden layers"))
        layout = QVBoxLayout(group)
        self.layers = QListWidget()
        self.layers.setMaximumHeight(130)
        set_help(self.layers, help_texts.text(CONTROLS, "layers"), self.tr("Hidden layers"))
        self.bind("network.hidden", self.layers)  # the list as a whole: how many layers, how large together
        self.layers.currentRowChanged.connect(self._selection_changed)
        layout.addWidget(self.layers)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("&Add"))
        self.remove_button = QPushButton(self.tr("Re&move"))
        self.up_button = QPushButton(self.tr("Move &up"))
        self.down_button = QPushButton(self.tr("Move &down"))
        for button, text, slot in (
                (self.add_button, self.tr("Add a hidden layer after the selected one (a copy of it)."), self._add),
                (self.remove_button, self.tr("Remove the selected hidden layer."), self._remove),
                (self.up_button, self.tr("Move the selected layer towards the input."), lambda: self._move(-1)),
                (self.down_button, self.tr("Move the selected layer towards the output."), lambda: self._move(1))):
            set_help(button, text, button.text().replace("&", ""))
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        return group

    def _build_layer_editor(self) -> QGroupBox:
        self.editor = QGroupBox()
        form = QFormLayout(self.editor)
        # Said here, wrapped: a group box's title is one line, and this one widened the panel beyond its dock.
        self.no_layer_note = QLabel(self.tr("A single-layer network: lecture 000's perceptron. Add puts a hidden "
                                            "layer in."))
        self.no_layer_note.setWordWrap(True)
        form.addRow(self.no_layer_note)
        self.units = IntegerBox(1, 100_000)
        set_help(self.units, help_texts.text(CONTROLS, "units"), self.tr("Units"))
        self.units.valueChanged.connect(lambda value: self._set_layer_field("units", value))
        form.addRow(self.tr("U&nits"), self.units)
        self.activation = ChoiceBox(activations.names(), kind="activation")
        set_help(self.activation, help_texts.text(CONTROLS, "activation"), self.tr("Activation"))
        self.activation.chosen.connect(self._activation_chosen)
        form.addRow(self.tr("Ac&tivation"), self.activation)
        self.activation_options = HyperparameterForm(lambda key: help_texts.text(help_texts.ACTIVATION, key))
        self.activation_options.edited.connect(
            lambda key, value: self._set_layer_field(f"activation_options.{key}", value))
        form.addRow(self.activation_options)
        self.init = ChoiceBox(initializers.names(), kind="initializer")
        set_help(self.init, help_texts.text(CONTROLS, "init"), self.tr("Weight initialiser"))
        self.init.chosen.connect(lambda name: self._set_layer_field("init", name))
        form.addRow(self.tr("&Initialiser"), self.init)
        self.batch_norm = QCheckBox(self.tr("&Batch normalisation"))
        set_help(self.batch_norm, help_texts.text(CONTROLS, "batch_norm"), self.tr("Batch normalisation"))
        self.batch_norm.toggled.connect(lambda checked: self._set_layer_field("batch_norm", checked))
        form.addRow(self.batch_norm)
        self.dropout = FractionBox(0.0, 0.95, 0.05)
        set_help(self.dropout, help_texts.text(CONTROLS, "dropout"), self.tr("Dropout rate"))
        self.dropout.valueChanged.connect(lambda value: self._set_layer_field("dropout", value))
        form.addRow(self.tr("Dr&opout p"), self.dropout)
        self._editor_controls = {"units": self.units, "activation": self.activation, "init": self.init,
                                 "batch_norm": self.batch_norm, "dropout": self.dropout}
        return self.editor

    def _build_output_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Output layer and precision"))
        form = QFormLayout(group)
        self.output_init = ChoiceBox(initializers.names(), kind="initializer")
        set_help(self.output_init, help_texts.text(CONTROLS, "output_init"), self.tr("Output initialiser"))
        self.output_init.chosen.connect(lambda name: self.model.set("network.output_init", name))
        self.bind("network.output_init", self.output_init)
        form.addRow(self.tr("Output initialiser"), self.output_init)
        self.dtype = ChoiceBox(["float32", "float64"], kind="dtype")
        set_help(self.dtype, help_texts.text(CONTROLS, "dtype"), self.tr("Precision"))
        self.dtype.chosen.connect(lambda name: self.model.set("network.dtype", name))
        self.bind("network.dtype", self.dtype)
        form.addRow(self.tr("&Precision"), self.dtype)
        return group

    # ------------------------------------------------------------------ edits
    @property
    def selected(self) -> int:
        return self.layers.currentRow()

    def _set_layer_field(self, field: str, value) -> None:
        if self.selected >= 0:
            self.model.set(f"network.hidden[{self.selected}].{field}", value)

    def _activation_chosen(self, name: str) -> None:
        if self.selected < 0:
            return
        layer = self.config.network.hidden[self.selected]
        options = carried_options(layer.activation_options, hyperparameter_defaults(activations, layer.activation),
                                  hyperparameter_defaults(activations, name))
        self.model.set(f"network.hidden[{self.selected}]",
                       dataclasses.replace(layer, activation=name, activation_options=options))

    def _set_layers(self, layers: list[LayerConfig], selected: int) -> None:
        self.model.set("network.hidden", layers)
        self.layers.setCurrentRow(selected)

    def _add(self) -> None:
        layers = copy.deepcopy(self.config.network.hidden)
        template = layers[self.selected] if self.selected >= 0 else LayerConfig()
        position = self.selected + 1 if self.selected >= 0 else len(layers)
        layers.insert(position, copy.deepcopy(template))
        self._set_layers(layers, position)

    def _remove(self) -> None:
        if self.selected < 0:
            return
        layers = copy.deepcopy(self.config.network.hidden)
        del layers[self.selected]
        self._set_layers(layers, min(self.selected, len(layers) - 1))

    def _move(self, offset: int) -> None:
        source, target = self.selected, self.selected + offset
        layers = copy.deepcopy(self.config.network.hidden)
        if source < 0 or not 0 <= target < len(layers):
            return
        layers[source], layers[target] = layers[target], layers[source]
        self._set_layers(layers, target)

    def _selection_changed(self, row: int) -> None:
        self._refresh_editor()
        self._update_buttons()
        self.show_errors(self.model.errors)

    # ------------------------------------------------------------------ model → widgets
    def set_shape(self, n_inputs: int | None, n_outputs: int | None, n_parameters: int | None) -> None:
        """Input and output widths and the parameter count of the built network (None: not built)."""
        self._n_inputs, self._n_outputs, self._n_parameters = n_inputs, n_outputs, n_parameters
        self._refresh_summary()

    def refresh(self) -> None:
        hidden = self.config.network.hidden
        with QSignalBlocker(self.layers):
            selected = self.layers.currentRow()
            self.layers.clear()
            for index, layer in enumerate(hidden):
                self.layers.addItem(describe_layer(index, layer))
            if hidden:
                self.layers.setCurrentRow(min(max(selected, 0), len(hidden) - 1))
        self.output_init.set_value(self.config.network.output_init)
        self.dtype.set_value(self.config.network.dtype)
        self._refresh_editor()
        self._update_buttons()
        self._refresh_summary()

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange and hasattr(self, "diagram"):
            self.refresh()  # composed texts and numbers: compose them again
        super().changeEvent(event)

    def _refresh_editor(self) -> None:
        row = self.selected
        self.editor.setEnabled(row >= 0)
        self.no_layer_note.setVisible(row < 0)
        if row < 0:
            self.editor.setTitle(self.tr("No hidden layer"))
            return
        layer = self.config.network.hidden[row]
        self.editor.setTitle(self.tr("Hidden layer %1").replace("%1", str(row + 1)))
        self.units.set_value(layer.units)
        self.activation.set_value(layer.activation)
        self.activation_options.set_values(hyperparameter_defaults(activations, layer.activation),
                                           layer.activation_options)
        self.init.set_value(layer.init)
        with QSignalBlocker(self.batch_norm):
            self.batch_norm.setChecked(bool(layer.batch_norm))
        self.dropout.set_value(layer.dropout)

    def _update_buttons(self) -> None:
        row, count = self.selected, self.layers.count()
        self.remove_button.setEnabled(row >= 0)
        self.add_button.setEnabled(count < MAX_HIDDEN_LAYERS)  # validation's limit: no button that only errs
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)

    def _refresh_summary(self) -> None:
        columns = [("input", self.tr("%1 in").replace("%1", _count(self._n_inputs)), self._n_inputs)]
        for layer in self.config.network.hidden:
            units = layer.units if isinstance(layer.units, int) else None
            columns.append(("hidden", f"{_count(units)}\n{display_names.label('activation_short', layer.activation)}",
                            units))
        columns.append(("output", self.tr("%1 out").replace("%1", _count(self._n_outputs)), self._n_outputs))
        self.diagram.set_columns(columns)
        if self._n_parameters is None:
            self.parameter_count.setText(self.tr("parameters: — (the network is not built)"))
        else:
            self.parameter_count.setText(self.tr("%1 parameters").replace("%1", _count(self._n_parameters)))

    # ------------------------------------------------------------------ errors
    def control_for(self, error):
        match = _HIDDEN_FIELD.match(error.field)
        if match is None:
            return super().control_for(error)
        if int(match.group(1)) != self.selected:
            return self.layers
        if error.field.endswith(OPTIONS):
            return self.activation_options.control_for(error) or self.activation
        return self._editor_controls.get(match.group(2))

    def located_problem(self, error):
        """As every panel's; a hidden layer the editor does not show names an activation's bad
        hyperparameter by its row's label, as the editor would ("Hidden layer 2, α (alpha)")."""
        control, name, problem = super().located_problem(error)
        match = _HIDDEN_FIELD.match(error.field)
        if match is not None and control is self.layers and error.field.endswith(OPTIONS) \
                and isinstance(error.value, dict) and (key := hyperparameter_of(error, error.value)) is not None:
            name = self._layer_field(match, display_names.label("hyperparameter", key))
            problem = problem_text(error, subject=False)
        return control, name, problem

    def describe_field(self, error, control) -> str:
        match = _HIDDEN_FIELD.match(error.field)
        if match is None:
            return super().describe_field(error, control)
        if control is None or control is self.layers:  # a layer the editor does not show: its field's control
            control = self._editor_controls.get(match.group(2))
        return self._layer_field(match, (control.accessibleName() if control is not None else "") or match.group(2))

    def _layer_field(self, match: re.Match, what: str) -> str:
        """"Hidden layer <n>, <what>" for a field path matched by _HIDDEN_FIELD."""
        return self.tr("Hidden layer %1, %2").replace("%1", str(int(match.group(1)) + 1)).replace("%2", what)

    def _all_controls(self):
        return [*super()._all_controls(), self.layers, *self._editor_controls.values(),
                *self.activation_options.controls().values()]


def _count(value) -> str:
    """A whole number as the interface language writes it (4,810 / 4 810); "?" for None, anything
    else (a value being corrected) as it is."""
    if value is None:
        return "?"
    return format_integer(value) if isinstance(value, int) and not isinstance(value, bool) else str(value)
