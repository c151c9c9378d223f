"""A small network drawn as a graph: units as nodes, weights as links."""
from __future__ import annotations

import html

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QPoint, QPointF, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSizePolicy,
                               QVBoxLayout, QWidget)

from app import display_names, palette
from app.i18n import format_number, format_significant
from app.panels.widgets import parse_number, set_help
from app.views.base import TranslatedText, View
from core.label_layout import labels_along_links

MAX_UNITS = 64
"""The inspection gives weight matrices only when no layer is wider than this."""
LEVELS = 4
"""Links are drawn in this many widths per sign (one plot item each, so a redraw is a few setData)."""
MAX_LABELS = 20
"""Inputs and outputs are labelled with feature and class names up to this many units."""
MAX_VALUE_LABELS = 32
"""Each link and unit is labelled with its weight or bias up to this many links (XNOR's 2-2-1 has 6, the
2-4-4-2 of TensorFlow Playground's default 32; more crowd the view)."""
MARGIN = 0.08
"""Room around the units (at y from -1 to 1, x one per layer), in plot units."""
NAMES_MARGIN = (0.35, 0.4)
"""Room left of the inputs and right of the outputs, in plot units, at the least."""
NAMES_SHARE = 0.45
"""The share of the plot's width the input names, and the output names, may take at the most."""
BIAS_LABEL_DROP = 1.25
"""How far a bias label reaches below its unit, in label heights: its anchor's 0.25 and the label
itself."""
LARGEST_HAND_SET = 1000.0
"""A weight or bias typed by hand is at most this large: the lectures' steepest units take ±30, and a
sigmoid of 1000·x is a step already."""
MAX_LISTED = 2000
"""The list of parameters to set by hand names each one up to this many (the 8×8 digits' 64-16-10 has 1,210;
a list of thousands is no way to find one)."""
UNIT_REACH_PX = 9
"""A double click this close to a unit (in pixels) sets its bias."""
LINK_REACH_PX = 6
"""A double click this close to a link (in pixels) sets its weight."""


def nearest_segment(point: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> tuple[int, float]:
    """(index, distance) of the segment starts[k]–ends[k] nearest to ``point``: the distance to the
    segment's closest point s + t·(e − s), t = clamp((p − s)·(e − s) / |e − s|², 0, 1)."""
    direction = ends - starts
    length2 = np.maximum((direction ** 2).sum(axis=1), 1e-12)
    t = np.clip(((point - starts) * direction).sum(axis=1) / length2, 0.0, 1.0)
    distances = np.hypot(*(starts + t[:, None] * direction - point).T)
    index = int(np.argmin(distances))
    return index, float(distances[index])


class WeightEditor(QFrame):
    """The box a double click opens over the graph: what is set, the number typed (Enter sets it,
    Esc closes the box) and, below, what is wrong with it."""

    closed = Signal()
    """closed(): the box was put away (set, Esc, a click beside it, the network trains or changes)."""

    def __init__(self, parent):
        super().__init__(parent)
        self.setObjectName("weightEditor")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.caption = QLabel(self)
        self.edit = QLineEdit(self)
        self.edit.setMaximumWidth(160)
        self.retranslate()
        self.problem = QLabel(self)
        self.problem.setObjectName("problems")
        self.problem.setWordWrap(True)
        for widget in (self.caption, self.edit, self.problem):
            layout.addWidget(widget)
        self.target: tuple[int, int, int] | None = None  # (layer, source or -1 for the bias, unit)
        self.hide()

    def retranslate(self) -> None:
        self.edit.setToolTip(self.tr("The value to set, with a decimal point or the language's decimal separator: Enter "
                                     "sets it, Esc closes this box."))
        self.edit.setAccessibleName(self.tr("Weight set by hand"))

    def hideEvent(self, event) -> None:
        self.closed.emit()
        super().hideEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)


def node_positions(widths: list[int]) -> list[np.ndarray]:
    """y of each unit, layer by layer, from the top: the widest layer spans [−1, 1] and a layer
    of w units √(w / widest) of that, so narrow layers neither crowd nor fan out too far."""
    widest = max(widths)
    return [np.linspace(-1, 1, width) * np.sqrt(width / widest) if width > 1 else np.zeros(1) for width in widths]


def link_pen(sign: int, level: int, n_links: int) -> pg.QtGui.QPen:
    """More opaque with the level, and the strongest links twice as thick; fainter overall the
    more links there are, so that thousands of links still show their pattern rather than a
    solid block of colour. (Lines wider than one pixel cost ten times more to paint, so only
    the few strongest links get them.)"""
    density = min(1.0, np.sqrt(400 / max(n_links, 1)))
    tint = palette.signed_color(sign)
    # An opacity is an amount of ink over white: the signed map's blue is light in every channel (red 58), so it
    # takes more opacity to darken white as deeply as a colour with a channel at 0 would; without it the weak
    # negative links of a network of thousands faded into the white.
    deepest = 255 - min(tint.getRgb()[:3])
    tint.setAlpha(min(255, int(255 * density * (level + 1) / LEVELS * 255 / deepest)))
    return pg.mkPen(tint, width=2 if level == LEVELS - 1 else 1)


def link_levels(W: np.ndarray) -> np.ndarray:
    """Each weight's level 0…LEVELS−1 by |w| relative to the layer's largest |w| (equal quarters)."""
    largest = float(np.abs(W).max()) or 1.0
    return np.minimum((np.abs(W) / largest * LEVELS).astype(np.int64), LEVELS - 1)


class NetworkView(View):
    """Columns of units from the inputs (left) to the outputs (right). A link's opacity (and,
    for the strongest, thickness) grows with |w| relative to its layer's largest, in the signed map's
    ends (olive yellow for w > 0, blue for w < 0); a unit's colour is its bias in the same map.
    A network of a few links (a lecture's XNOR) shows every weight and bias as a number too."""

    title = TranslatedText("NetworkView", QT_TRANSLATE_NOOP("NetworkView", "Network"))
    guide_section = "view-network"

    weight_set = Signal(int, int, int, float)
    """weight_set(layer, source, unit, value): the user typed ``value`` for the weight from unit ``source`` of
    the layer below (−1: the bias) to unit ``unit`` of Dense layer ``layer`` (all counted from 0)."""

    undo_requested = Signal()
    """undo_requested(): set the last weight set by hand back to what it was (Undo, Ctrl+Z)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.plot = self.new_picture_plot()
        self.links = {}
        for sign in (-1, 1):
            for level in range(LEVELS):
                item = pg.PlotCurveItem(connect="pairs")
                item.setZValue(level)  # strong links on top of weak ones, whatever their sign
                self.plot.addItem(item)
                self.links[sign, level] = item
        self.nodes = pg.ScatterPlotItem(size=9, pen=pg.mkPen(palette.FOREGROUND, width=0.8))
        self.nodes.setZValue(LEVELS)
        self.plot.addItem(self.nodes)
        self.labels: list[pg.TextItem] = []
        self._labelled: tuple | None = None  # the names the labels show: see prepare
        self.weight_labels: list[pg.TextItem] = []  # link by link, in the order of link_x (empty: too many)
        self.bias_labels: list[pg.TextItem] = []  # unit by unit, inputs excepted
        self.weights = None
        self.link_x = self.link_y = np.zeros(0)
        self.input_count = 0
        self.layer_count = 0
        self._framed = True  # the plot frames the network, not a place the user zoomed or panned to
        # Labels keep their size on screen: in plot units they grow as the plot shrinks.
        self.plot.vb.sigTransformChanged.connect(self._place_weight_labels)
        self.plot.vb.sigResized.connect(self._frame_network)
        self.plot.vb.sigRangeChangedManually.connect(self._zoomed)
        self.widths: list[int] = []
        self.input_names: tuple[str, ...] = ()
        self.at_rest = False  # the window's network does not train now: its weights may be set by hand
        self.editor = WeightEditor(self.graphics)
        self.editor.edit.returnPressed.connect(self._typed)
        # The link or unit whose value the box sets, drawn over the others while it is open.
        self.chosen_link = pg.PlotCurveItem(pen=pg.mkPen(palette.FOREGROUND, width=4))
        self.chosen_unit = pg.ScatterPlotItem(size=17, brush=None, pen=pg.mkPen(palette.FOREGROUND, width=2.5))
        for item in (self.chosen_link, self.chosen_unit):
            item.setZValue(LEVELS + 0.5)  # over links and units, under the values written on them
            self.plot.addItem(item)
        self.editor.closed.connect(self._unmark)
        self.graphics.scene().sigMouseClicked.connect(self._clicked)
        self._build_parameter_row()

    def _build_parameter_row(self) -> None:
        """Under the graph: the list of the network's weights and biases, Set… (the box for the one chosen) and
        Undo (Ctrl+Z: the last weight set by hand back to what it was)."""
        self.parameter_row = QWidget(self)
        row = QHBoxLayout(self.parameter_row)
        row.setContentsMargins(6, 2, 6, 4)
        self.parameter_box = QComboBox(self.parameter_row)
        self.parameter_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.parameter_box.setMinimumContentsLength(12)  # it grows with the view; a narrow view keeps its graph
        self.parameter_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        set_help(self.parameter_box, self.tr("Every weight and bias of the network, named by its layer and units: "
                                             "choose one and press Set… to give it a value by hand."),
                 self.tr("Weight or bias to set"))
        self.parameter_label = QLabel(self.tr("&Weight:"), self.parameter_row)
        self.parameter_label.setBuddy(self.parameter_box)
        self.set_button = QPushButton(self.tr("Set…"), self.parameter_row)
        set_help(self.set_button, self.tr("Open the box that sets the weight or bias chosen in the list."))
        self.set_button.clicked.connect(self.open_chosen)
        self.undo_button = QPushButton(self.tr("Undo"), self.parameter_row)
        set_help(self.undo_button, self.tr("Set the last weight set by hand back to the value it had before (Ctrl+Z)."))
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self._undo_if_available)
        self.parameter_box.setMaximumWidth(460)  # the longest name, "Layer 3, weight from unit 64 to unit 64"
        for widget, stretch in ((self.parameter_label, 0), (self.parameter_box, 1), (self.set_button, 0),
                                (self.undo_button, 0)):
            row.addWidget(widget, stretch)
        row.addStretch(0)
        self.layout().addWidget(self.parameter_row)
        self.parameter_row.hide()  # until the network's weights are shown
        self._listed: tuple | None = None  # the widths and input names the list names: see _list_parameters
        self._list_order: list[tuple[int, int, int]] = []  # (layer, source or −1, unit) of each item of the list
        self._list_index: dict[tuple[int, int, int], int] = {}
        # Ctrl+Z wherever the view has the keyboard; the box's own line keeps its Ctrl+Z (Qt asks it first).
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._undo_if_available)

    @classmethod
    def applies_to(cls, dataset) -> bool:
        return dataset.n_features <= MAX_UNITS

    def requirement(self):
        return self.tr("data with at most {limit} features").format(limit=MAX_UNITS)

    def prepare(self, experiment):
        network, dataset = experiment.network, experiment.dataset
        dense = [layer for layer in network.layers if hasattr(layer, "n_in")]
        widths = [dense[0].n_in] + [layer.n_out for layer in dense]
        ys = node_positions(widths)
        self.node_xy = np.column_stack([np.repeat(np.arange(len(widths), dtype=float), widths), np.concatenate(ys)])
        self.input_count = widths[0]
        self.widths = widths
        self.editor.hide()
        # Link (i → j) of layer l runs from (l, y_l[i]) to (l + 1, y_(l+1)[j]); links are listed
        # layer by layer in the row-major order of each W, two points per link. None when a layer is too
        # wide to draw (the note says so): 17 M links took the GUI thread a second for nothing.
        if max(widths) <= MAX_UNITS:
            starts_y = np.concatenate([np.repeat(ys[l], len(ys[l + 1])) for l in range(len(dense))])
            ends_y = np.concatenate([np.tile(ys[l + 1], len(ys[l])) for l in range(len(dense))])
            starts_x = np.concatenate([np.full(layer.n_in * layer.n_out, float(l)) for l, layer in enumerate(dense)])
            self.link_x = np.column_stack([starts_x, starts_x + 1]).ravel()
            self.link_y = np.column_stack([starts_y, ends_y]).ravel()
        else:
            self.link_x = self.link_y = np.zeros(0)
        outputs = tuple(display_names.data_label(dataset, "class", name) for name in dataset.class_names) \
            if len(dataset.class_names) == widths[-1] else ()
        inputs = tuple(display_names.data_label(dataset, "feature", name) for name in dataset.feature_names)
        self.input_names = inputs
        labelled = [(names, x, ys_of_layer, anchor) for names, x, ys_of_layer, anchor
                    in ((inputs, 0, ys[0], (1.3, 0.5)), (outputs, len(widths) - 1, ys[-1], (-0.3, 0.5)))
                    if len(names) <= MAX_LABELS]
        # Labels of the same names are moved, not made anew: the digits' 74 took 12 ms of every rebuild.
        if (inputs, outputs) != self._labelled:
            self._labelled = inputs, outputs
            for label in self.labels:
                self.plot.removeItem(label)
            self.labels = []
            for names, _, _, anchor in labelled:
                for name in names:
                    self.labels.append(pg.TextItem(name, color=palette.FOREGROUND, anchor=anchor))
                    self.plot.addItem(self.labels[-1])
        places = [(x, y) for _, x, ys_of_layer, _ in labelled for y in ys_of_layer]
        for label, (x, y) in zip(self.labels, places):
            label.setPos(x, y)
        self.weights = None
        n_links = sum(layer.n_in * layer.n_out for layer in dense)
        self._place_value_labels(n_links)
        for (sign, level), item in self.links.items():
            item.setPen(link_pen(sign, level, n_links))
            item.setData([], [])
        self.nodes.setData(pos=self.node_xy, brush=pg.mkBrush(palette.REFERENCE))
        self.layer_count, self._framed = len(widths), True
        self._frame_network()
        self._set_title()
        self._list_parameters()

    def _set_title(self) -> None:
        """The architecture, and under it what the colours mean: on screen and in an exported picture alike (the
        view's colours were explained only in the guide)."""
        if not self.widths:
            return
        sample = '<span style="color:{colour}; font-weight:bold">━━</span> {text}'
        key = ("&nbsp;" * 4).join([
            sample.format(colour=palette.signed_color(1).name(), text=html.escape(self.tr("weight > 0"))),
            sample.format(colour=palette.signed_color(-1).name(), text=html.escape(self.tr("weight < 0"))),
            html.escape(self.tr("the larger |w|, the bolder; a unit's colour is its bias, in the same colours"))])
        self.plot.setTitle(f'{" → ".join(map(str, self.widths))}<br><span style="font-size:8pt">{key}</span>',
                           color=palette.FOREGROUND)

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.editor.retranslate()
            self.editor.hide()  # its caption was in the language before
            self._listed = None  # each name is composed: the list is named anew
            self._list_parameters()
            self._set_title()
            if self.weights is not None:
                self._show_hint()
        super().changeEvent(event)

    def _show_hint(self) -> None:
        """How to set a weight, above the graph (not on it: an exported picture is of the network alone)."""
        self.show_note(self.tr("Double-click a weight or a bias, or choose it in the list below, to set it by hand.")
                       if self.weight_labels else None)

    def _frame_network(self) -> None:
        """Show every unit, with room for the values written at the top and bottom units: a weight
        centred on a link between top units, a bias below a bottom unit. Labels keep their size on
        screen, so a plot only a few labels high needs more room in plot units."""
        if not self._framed or not self.layer_count:
            return
        height = self.plot.vb.height()
        # A label's height (and a pixel to spare) as a share of the plot's.
        label = (self.bias_labels[0].textItem.boundingRect().height() + 1) / height \
            if self.bias_labels and height > 0 else 0.0
        # Units span y from -1 (top; y grows downwards) to 1; the range, 2 + above + below, is found
        # by iterating: the room a label needs in plot units grows with the range it is shown in.
        above = below = MARGIN
        for _ in range(12):
            span = 2 + above + below
            above = max(MARGIN, min(0.5, 0.5 * label) * span)
            below = max(MARGIN, min(0.5, BIAS_LABEL_DROP * label) * span)
        # The names beside the inputs and outputs keep their size on screen too: a fixed 0.35 of a layer cut the wine's
        # long Russian feature names at the left edge. Each side keeps at most NAMES_SHARE of the width for them.
        width = self.plot.vb.width()
        left_share, right_share = (min(NAMES_SHARE, reach / width) if width > 0 else 0.0 for reach in self._name_reach())
        left, right = NAMES_MARGIN
        for _ in range(12):
            span = self.layer_count - 1 + left + right
            left, right = max(NAMES_MARGIN[0], left_share * span), max(NAMES_MARGIN[1], right_share * span)
        self.plot.setRange(xRange=(-left, self.layer_count - 1 + right), yRange=(-1 - above, 1 + below), padding=0)

    def _name_reach(self) -> tuple[float, float]:
        """How far, in pixels, the names reach left of the inputs and right of the outputs (a few pixels to spare)."""
        reach = [0.0, 0.0]
        for label in self.labels:
            extent, anchor = label.textItem.boundingRect().width(), label.anchor.x()
            # A label at x spans from x − anchor·width to x + (1 − anchor)·width.
            side = 0 if anchor > 0 else 1
            reach[side] = max(reach[side], extent * (anchor if side == 0 else 1 - anchor) + 4)
        return reach[0], reach[1]

    def _zoomed(self, _axes=None) -> None:
        self._framed = False

    def _place_value_labels(self, n_links: int) -> None:
        for label in self.weight_labels + self.bias_labels:
            self.plot.removeItem(label)
        self.weight_labels, self.bias_labels = [], []
        if n_links > MAX_VALUE_LABELS:
            return
        self.weight_labels = [self._value_label(0.0, 0.0, (0.5, 0.5)) for _ in range(n_links)]
        self.bias_labels = [self._value_label(x, y, (0.5, -0.25)) for x, y in self.node_xy[self.input_count:]]

    def _value_label(self, x: float, y: float, anchor: tuple[float, float]) -> pg.TextItem:
        label = pg.TextItem("", color=palette.FOREGROUND, anchor=anchor, fill=pg.mkBrush(255, 255, 255, 210))
        label.setZValue(LEVELS + 1)
        label.setPos(x, y)
        self.plot.addItem(label)
        return label

    def show_inspection(self, inspection):
        self.weights = inspection.small_network
        self.parameter_row.setVisible(self.weights is not None and self.parameter_box.count() > 0)
        if self.weights is not None:
            self._show_hint()
        else:
            self.show_note(self.tr("A layer of this network has more than {limit} units: too many links to draw.")
                           .format(limit=MAX_UNITS))

    def redraw(self):
        if self.weights is None:
            return
        levels = np.concatenate([link_levels(W).ravel() for W, _ in self.weights])
        positive = np.concatenate([W.ravel() >= 0 for W, _ in self.weights])
        group = positive * LEVELS + levels
        order = np.argsort(group, kind="stable")
        bounds = np.searchsorted(group[order], np.arange(2 * LEVELS + 1))
        for (sign, level), item in self.links.items():
            index = (sign > 0) * LEVELS + level
            links = order[bounds[index]:bounds[index + 1]]
            points = (2 * links[:, None] + np.array([0, 1])).ravel()
            item.setData(self.link_x[points], self.link_y[points])
        biases = np.concatenate([b for _, b in self.weights])
        largest = float(np.abs(biases).max()) or 1.0
        colours = palette.signed_colormap().map((biases / largest + 1) / 2, mode="qcolor")
        brushes = [pg.mkBrush(palette.REFERENCE)] * self.input_count + [pg.mkBrush(colour) for colour in colours]
        self.nodes.setBrush(brushes)
        weights = np.concatenate([W.ravel() for W, _ in self.weights]) if self.weight_labels else ()
        for label, value in zip(self.weight_labels, weights):
            label.setText(format_significant(value, 3))
        for label, value in zip(self.bias_labels, biases):
            label.setText("b = " + format_significant(value, 3))
        self._place_weight_labels()

    def _place_weight_labels(self) -> None:
        """Give each weight's value a place along its link where it covers no other value (see
        :func:`core.label_layout.labels_along_links`); a value with no free place is left out
        (every weight is in the CSV export). All are given the room of the widest, so that a label's
        place changes with the widest value, not with each value's own digits."""
        if not self.weight_labels or self.weights is None:
            return
        for label in self.weight_labels:
            label.show()  # to be measured at the plot's scale: left out again below if there is no room
        covered = [self._covered(label) for label in self.weight_labels]
        room = (max(box.width() for box in covered), max(box.height() for box in covered))
        biases = np.array([box.getCoords() for box in map(self._covered, self.bias_labels)]).reshape(-1, 4)
        centres = labels_along_links(np.column_stack([self.link_x[0::2], self.link_y[0::2]]),
                                     np.column_stack([self.link_x[1::2], self.link_y[1::2]]), room, biases)
        for label, (x, y) in zip(self.weight_labels, centres):
            label.setVisible(not np.isnan(x))
            if not np.isnan(x):
                label.setPos(x, y)

    def _covered(self, label: pg.TextItem) -> pg.QtCore.QRectF:
        """The box, in plot units, that ``label`` covers at the plot's current scale."""
        label.updateTransform(force=True)
        return label.mapRectToView(label.boundingRect()).normalized()

    # ------------------------------------------------------------------ weights set by hand
    def set_network_at_rest(self, at_rest: bool) -> None:
        """The window says whether its network is still (not trained now): only then are weights set by hand."""
        self.at_rest = at_rest
        if not self.editor.isVisible() or self.editor.edit.isEnabled() == at_rest:
            return
        if at_rest:  # the box opened while training said to pause: now its value can be typed
            self.open_editor(*self.editor.target, self.graphics.mapToScene(self.editor.pos() - QPoint(8, 8)))
        else:
            self.editor.hide()  # a value typed for weights that training changes meanwhile would be set blindly

    def _clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if not event.double():
            self.editor.hide()  # a click beside the box puts it away, as Esc does
            return
        found = self.parameter_at(event.scenePos())
        if found is not None:
            event.accept()
            self.open_editor(*found, event.scenePos())

    def parameter_at(self, scene_pos) -> tuple[int, int, int] | None:
        """(layer, source or −1 for the bias, unit) of the value label, unit or link at ``scene_pos``
        (scene coordinates), in that order of precedence; None if there is none, or no values are shown."""
        if self.weights is None or not self.weight_labels:
            return None
        point = self.plot.vb.mapSceneToView(scene_pos)
        for k, label in enumerate(self.weight_labels):
            if label.isVisible() and self._covered(label).contains(point):
                return self._link_parameter(k)
        for k, label in enumerate(self.bias_labels):
            if self._covered(label).contains(point):
                return self._bias_parameter(k)
        where = np.array([scene_pos.x(), scene_pos.y()])
        units = self._in_scene(self.node_xy[self.input_count:])
        distances = np.hypot(*(units - where).T)
        if distances.min() <= UNIT_REACH_PX:
            return self._bias_parameter(int(np.argmin(distances)))
        link, distance = nearest_segment(where, self._in_scene(np.column_stack([self.link_x[0::2], self.link_y[0::2]])),
                                         self._in_scene(np.column_stack([self.link_x[1::2], self.link_y[1::2]])))
        return self._link_parameter(link) if distance <= LINK_REACH_PX else None

    def _in_scene(self, points: np.ndarray) -> np.ndarray:
        mapped = [self.plot.vb.mapViewToScene(QPointF(float(x), float(y))) for x, y in points]
        return np.array([[point.x(), point.y()] for point in mapped]).reshape(-1, 2)

    def _link_parameter(self, link: int) -> tuple[int, int, int]:
        """Links are listed layer by layer, each layer's in the row-major order of its W (source, unit)."""
        for layer, (n_in, n_out) in enumerate(zip(self.widths, self.widths[1:])):
            if link < n_in * n_out:
                return layer, link // n_out, link % n_out
            link -= n_in * n_out
        raise IndexError(link)

    def _link_index(self, layer: int, source: int, unit: int) -> int:
        """The link of (layer, source, unit): :meth:`_link_parameter` inverted."""
        before = sum(n_in * n_out for n_in, n_out in zip(self.widths[:layer], self.widths[1:layer + 1]))
        return before + source * self.widths[layer + 1] + unit

    def _bias_parameter(self, unit: int) -> tuple[int, int, int]:
        for layer, width in enumerate(self.widths[1:]):
            if unit < width:
                return layer, -1, unit
            unit -= width
        raise IndexError(unit)

    def current_value(self, layer: int, source: int, unit: int) -> float:
        W, b = self.weights[layer]
        return float(b[unit] if source < 0 else W[source, unit])

    def parameter_name(self, layer: int, source: int, unit: int) -> str:
        """What the list and the box call the weight (``source`` ≥ 0) or bias (``source`` −1), counted from 1:
        "Layer 1, weight from input x2 to unit 1"."""
        if source < 0:
            name = self.tr("Layer {layer}, bias of unit {unit}")
        elif layer == 0 and source < len(self.input_names):
            name = self.tr("Layer {layer}, weight from input {source} to unit {unit}")
        else:
            name = self.tr("Layer {layer}, weight from unit {source} to unit {unit}")
        source_name = self.input_names[source] if layer == 0 and 0 <= source < len(self.input_names) else source + 1
        return name.format(layer=layer + 1, source=source_name, unit=unit + 1)

    def _list_parameters(self) -> None:
        """Name each weight and bias in the list, layer by layer (its weights row by row, then its biases), when
        the network has at most MAX_LISTED; unchanged while the network's shape and input names are."""
        listed = tuple(self.widths), self.input_names
        if listed == self._listed:
            return
        self._listed = listed
        self.parameter_box.clear()
        self._list_order = [] if sum((n_in + 1) * n_out for n_in, n_out in zip(self.widths, self.widths[1:])) \
            > MAX_LISTED else [parameter for layer, (n_in, n_out) in enumerate(zip(self.widths, self.widths[1:]))
                               for parameter in [(layer, source, unit) for source in range(n_in) for unit in range(n_out)]
                               + [(layer, -1, unit) for unit in range(n_out)]]
        self._list_index = {parameter: index for index, parameter in enumerate(self._list_order)}
        self.parameter_box.addItems([self.parameter_name(*parameter) for parameter in self._list_order])
        if not self._list_order:
            self.parameter_row.hide()

    def open_chosen(self) -> None:
        """Set…: the box for the weight or bias chosen in the list."""
        if self.weights is not None and self.parameter_box.currentIndex() >= 0:
            self.open_editor(*self._list_order[self.parameter_box.currentIndex()])

    def set_undo_available(self, available: bool) -> None:
        """The window says whether Undo has a weight set by hand to set back now."""
        self.undo_button.setEnabled(available)

    def _undo_if_available(self) -> None:
        if self.undo_button.isEnabled():
            self.undo_requested.emit()

    def open_editor(self, layer: int, source: int, unit: int, scene_pos=None) -> None:
        """Open the box that sets the weight (``source`` ≥ 0) or bias (``source`` −1) by hand, at ``scene_pos``
        (else at the plot's centre), with its value to be typed over — or, while the network trains, say why not.
        The list shows the same one chosen."""
        editor = self.editor
        editor.target = layer, source, unit
        editor.caption.setText(self.parameter_name(layer, source, unit) + ":")
        with QSignalBlocker(self.parameter_box):
            self.parameter_box.setCurrentIndex(self._list_index.get((layer, source, unit), -1))
        editor.edit.setEnabled(self.at_rest)
        editor.edit.setText(format_number(self.current_value(layer, source, unit), 6, fixed=False))
        editor.edit.selectAll()
        self._show_problem(None if self.at_rest else self.tr(
            "The network is training: pause it, or wait for the run to end, to set its weights by hand."))
        if scene_pos is None:
            scene_pos = self.plot.vb.mapViewToScene(self.plot.vb.viewRect().center())
        self._unmark()
        if source < 0:
            self.chosen_unit.setData(pos=self.node_xy[self.input_count + sum(self.widths[1:layer + 1]) + unit][None])
        else:
            link = self._link_index(layer, source, unit)
            self.chosen_link.setData(self.link_x[2 * link:2 * link + 2], self.link_y[2 * link:2 * link + 2])
        editor.adjustSize()
        place = self.graphics.mapFromScene(scene_pos)
        editor.move(max(0, min(place.x() + 8, self.graphics.width() - editor.width())),
                    max(0, min(place.y() + 8, self.graphics.height() - editor.height())))
        editor.show()
        editor.raise_()
        editor.edit.setFocus()

    def _unmark(self) -> None:
        self.chosen_link.setData([], [])
        self.chosen_unit.setData([])

    def _show_problem(self, text: str | None) -> None:
        self.editor.problem.setText(text or "")
        self.editor.problem.setVisible(bool(text))
        self.editor.adjustSize()

    def _typed(self) -> None:
        """Enter in the box: a number within ±LARGEST_HAND_SET is handed to the window; anything else is said
        below it, and the box stays for the number to be corrected."""
        if self.editor.target is None or not self.at_rest:
            return
        text = self.editor.edit.text().replace("−", "-")  # the minus sign as printed, not only as typed
        value = parse_number(text)
        largest = format_number(LARGEST_HAND_SET, 0)
        if isinstance(value, str):
            problem = self.tr("“{text}” is not a number: type one such as -20 or 0.5, then Enter (Esc closes this "
                              "box).").format(text=value) if value else self.tr("Type a number, then Enter (Esc closes "
                                                                                "this box).")
        elif not np.isfinite(value):
            problem = self.tr("A weight must be a finite number: type one between -{largest} and {largest}.").format(
                largest=largest)
        elif abs(value) > LARGEST_HAND_SET:
            problem = self.tr("{value} is too large for a weight set by hand: type a number between -{largest} and "
                              "{largest}.").format(value=text.strip(), largest=largest)
        else:
            self.editor.hide()
            self.weight_set.emit(*self.editor.target, value)
            return
        self._show_problem(problem)

    def table(self):
        rows = []
        for layer, (W, b) in enumerate(self.weights or (), start=1):
            rows += [[layer, i + 1, j + 1, float(W[i, j])] for i in range(W.shape[0]) for j in range(W.shape[1])]
            rows += [[layer, "", j + 1, float(value)] for j, value in enumerate(b)]
        return [self.tr("layer"), self.tr("from unit (empty: bias)"), self.tr("to unit"), self.tr("weight")], rows
