"""The data: which dataset, its own options (sample count, noise, file…), validation split and scaling."""
from __future__ import annotations

import dataclasses
import inspect

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (QCheckBox, QFileDialog, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)

from app import display_names
from app.dataset_download import megabytes
from app.i18n import english_plural, format_integer, format_significant
from app.panels import help_texts
from app.panels.base import ConfigPanel
from app.panels.help_texts import CONTROLS
from app.panels.widgets import (ChoiceBox, FractionBox, HyperparameterForm, IntegerBox, breakable, named_key,
                               set_help)
from core import datasets
from core.config import SCALINGS, ConfigError
from core.datasets import plane
from core.datasets.augment import Augmenter
from core.datasets.csv_import import FALLBACK_ENCODING
from core.datasets.dataset import DEFAULT_TEST_SPLIT, TASKS
from core.datasets.locations import cache_folder
from core.datasets.magnitudes import FEATURES, is_scaled
from core.experiment import data_seed

SHARED_OPTIONS = {"seed", "scaling", "validation_split", "test_split", "max_train", "target_scaling",
                  "progress", "download", "mirrors", "header", "delimiter", "user_folder"}
"""Loader parameters the panel does not show per dataset: set elsewhere (split, scaling; the seed is the
training seed, or the Data seed row's for the generated sets) or automatic (header/delimiter detection). A
download is offered by a button when the files are missing (:meth:`DataPanel.offer_download`); other mirrors
are a setting of the MNIST tools, not of the panel."""

AUGMENTATION_DEFAULTS = {key: value for key, value in Augmenter((1, 1)).hyperparameters.items() if key != "fill"}
"""Augmentation strengths the panel offers (0 = off); ``fill`` follows the data's scaling, so it is left alone."""
PREVIEW_IMAGES, PREVIEW_COPIES, PREVIEW_TILE_PIXELS = 3, 7, 36

REQUIRED = inspect.Parameter.empty
PATH_OPTIONS = {"path": "file", "folder": "folder"}


def dataset_options(name: str) -> dict:
    """The options a dataset's loader takes that the panel shows, with their defaults (REQUIRED if none)."""
    try:
        loader = datasets.DATASETS.get(name)
    except ValueError:
        return {}
    return {parameter.name: parameter.default for parameter in inspect.signature(loader).parameters.values()
            if parameter.kind is not inspect.Parameter.VAR_KEYWORD and parameter.name not in SHARED_OPTIONS}


def missing_options(config) -> list[ConfigError]:
    """Errors for options the chosen dataset needs and the configuration does not give (a CSV's path)."""
    data = config.data
    # Only paths are required (a CSV's file); "file" and "folder" are rules of app.panels.base.PROBLEM_RULES.
    return [ConfigError(f"data.options.{key}", None, f"choose a {PATH_OPTIONS[key]}", PATH_OPTIONS[key])
            for key, default in dataset_options(data.dataset).items()
            if default is REQUIRED and data.options.get(key) in (None, "")]


def grey_image(values: np.ndarray, tile_height: int, image_height: int) -> QPixmap:
    """A pixmap of a 2-D array, darkest = smallest value, enlarged without smoothing to show pixels."""
    low, high = float(values.min()), float(values.max())
    scaled = np.zeros(values.shape, np.uint8) if high <= low else \
        np.ascontiguousarray(255 - (values - low) * (255.0 / (high - low)), dtype=np.uint8)
    height, width = scaled.shape
    image = QImage(scaled.data, width, height, width, QImage.Format.Format_Grayscale8).copy()
    factor = max(1, tile_height // image_height)
    return QPixmap.fromImage(image).scaled(width * factor, height * factor, Qt.AspectRatioMode.KeepAspectRatio,
                                           Qt.TransformationMode.FastTransformation)


def describe(dataset) -> str:
    """One line about the loaded data in the interface language (as ``Dataset.describe``)."""
    task = display_names.label("task", dataset.task)
    kind = task if dataset.task == "regression" else \
        QCoreApplication.translate("DataPanel", "%1, %2 classes").replace("%1", task) \
        .replace("%2", format_integer(dataset.n_classes))
    features = english_plural(QCoreApplication.translate("DataPanel", "%1 feature(s)"), dataset.n_features) \
        .replace("%1", format_integer(dataset.n_features))
    if dataset.image_shape is not None:
        features += QCoreApplication.translate("DataPanel", " (%1 images)").replace(
            "%1", "×".join(map(str, dataset.image_shape)))
    summary = (QCoreApplication.translate("DataPanel", "%1, %2; %3 train / %4 validation / %5 test")
               .replace("%1", kind).replace("%2", features)
               .replace("%3", format_integer(len(dataset.X_train))).replace("%4", format_integer(len(dataset.X_val)))
               .replace("%5", format_integer(len(dataset.X_test))))
    # A built-in data set is named by the list above; a file's data by the file.
    summary = summary if dataset.name in datasets.names() else f"{dataset.name}: {summary}"
    if dataset.encoding is None:
        return summary
    if dataset.encoding == FALLBACK_ENCODING:  # a guess, which may read letters wrong
        read = QCoreApplication.translate("DataPanel", "Read as %1: the file is not UTF-8 text. If its names or labels "
                                                       "show wrong letters, save it from your spreadsheet as CSV UTF-8.")
    else:
        read = QCoreApplication.translate("DataPanel", "Read as %1, the encoding the mark at the file's start names.")
    return f"{summary}\n{read.replace('%1', dataset.encoding)}"


NAMED_COLUMNS = 3
"""Columns a warning names; it counts the others (a wide file's hundreds would fill the panel)."""


def column_list(names: tuple[str, ...]) -> str:
    """“price”, “area”, “rooms” and 4 more: the first :data:`NAMED_COLUMNS` of ``names``, quoted (all of them
    when one more would be counted: its name is as short as "and 1 more")."""
    quote = QCoreApplication.translate("DataPanel", "“%1”")  # a language's own quotation marks: «%1» in Russian
    if len(names) <= NAMED_COLUMNS + 1:
        return ", ".join(quote.replace("%1", name) for name in names)
    quoted = ", ".join(quote.replace("%1", name) for name in names[:NAMED_COLUMNS])
    return QCoreApplication.translate("DataPanel", "%1 and %2 more").replace("%1", quoted) \
        .replace("%2", format_integer(len(names) - NAMED_COLUMNS))


def large_values_text(dataset, large, on_purpose: bool = False) -> str:
    """Why ``large`` (a :class:`core.datasets.magnitudes.LargeValues` of ``dataset``) will train badly, and what
    to do, in the interface language: choose a scaling of the features, or of the targets (by the names the
    Scaling and Target scaling lists show), or, where they are scaled already, look for wrong values. With
    ``on_purpose`` (a lab's variant leaves them unscaled to show what that does), what to watch for instead: the
    advice to scale them would give the lesson's answer away."""
    # Thousands as such (1,680); larger values by their power of ten (3·10³⁷), as "1.68e+03" reads worse.
    value = format_integer(large.largest) if abs(large.largest) < 1e6 else format_significant(large.largest, 2)
    if large.part == FEATURES:
        found = QCoreApplication.translate("DataPanel", "Feature values reach %1 (in %2).") \
            .replace("%1", value).replace("%2", column_list(tuple(display_names.data_label(dataset, "feature", name)
                                                                  for name in large.columns)))
    else:
        found = QCoreApplication.translate("DataPanel", "The regression targets reach %1.").replace("%1", value)
    if on_purpose:
        return " ".join((found, QCoreApplication.translate(
            "DataPanel", "This variant of the lab trains on them unscaled on purpose: far beyond the ±1 or so that a "
                         "network's initial weights are made for, they saturate its units or make its sums huge. "
                         "Watch how slowly the loss falls (or whether it overflows).")))
    why = QCoreApplication.translate("DataPanel", "That is far beyond the ±1 or so that a network's initial "
                                                  "weights are made for: its units saturate or its sums grow huge, "
                                                  "and learning crawls or overflows.")
    if is_scaled(dataset, large.part):
        advice = QCoreApplication.translate("DataPanel", "Even scaled, they lie far outside the training data: check "
                                                         "those values in the file (a typing error? other units?).")
    elif large.part == FEATURES:
        advice = QCoreApplication.translate("DataPanel", "Choose the scaling “%1” (or “%2”).") \
            .replace("%1", display_names.label("scaling", "standardize")) \
            .replace("%2", display_names.label("scaling", "unit"))
    else:
        advice = QCoreApplication.translate("DataPanel", "Choose the target scaling “%1” (or “%2”): the network "
                                                         "then learns scaled targets, and its predictions are shown "
                                                         "in the data's units.") \
            .replace("%1", display_names.label("target_scaling", "standardize")) \
            .replace("%2", display_names.label("target_scaling", "unit"))
    return " ".join((found, why, advice))


class TextEdit(QLineEdit):
    """Free text; committed on Enter or leaving the field. With ``integers`` (a column given by name
    or by index) an integer is handed on as an int; a path stays text ("2024" is a file name)."""

    def __init__(self, on_commit, parent: QWidget | None = None, *, integers: bool = False):
        super().__init__(parent)
        self.integers = integers
        self.editingFinished.connect(lambda: on_commit(self.value()))

    def value(self):
        text = self.text().strip()
        if self.integers:
            try:
                return int(text)
            except ValueError:
                pass
        return text or None

    def set_value(self, value) -> None:
        with QSignalBlocker(self):
            self.setText("" if value in (None, REQUIRED) else str(value))


class PathEdit(QWidget):
    """A file or folder path with a Browse… button."""

    def __init__(self, kind: str, on_commit, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind, self._on_commit = kind, on_commit
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = TextEdit(on_commit)
        self.browse = QPushButton(self.tr("Browse…"))
        if kind == "folder":
            set_help(self.browse, self.tr("Choose the folder that holds the data set's files."),
                     self.tr("Browse for the data folder"))
        else:
            set_help(self.browse, self.tr("Choose the CSV file to learn from."), self.tr("Browse for the CSV file"))
        self.browse.clicked.connect(self._browse)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.browse)

    def set_value(self, value) -> None:
        self.text.set_value(value)

    def setToolTip(self, text: str) -> None:
        super().setToolTip(text)
        self.text.setToolTip(text)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.text.setAccessibleName(name)  # the field itself, where the focus goes

    def _browse(self) -> None:
        if self.kind == "folder":
            path = QFileDialog.getExistingDirectory(self, self.tr("Choose the data folder"))
        else:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a CSV file"), "",
                                                  self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if path:
            self.text.set_value(path)
            self._on_commit(path)


class DatasetOptionsForm(HyperparameterForm):
    """A dataset loader's own options: numbers and flags as usual, plus paths, a task and a column."""

    def make_control(self, key: str, default):
        if key in PATH_OPTIONS:
            control = PathEdit(PATH_OPTIONS[key], lambda value: self.emit_edit(control, value))
            return control
        if key == "label_column":
            control = TextEdit(lambda value: self.emit_edit(control, value), integers=True)
            return control
        if key == "task":
            control = ChoiceBox(list(TASKS), kind="task")
            control.chosen.connect(lambda value: self.emit_edit(control, value))
            return control
        return super().make_control(key, default)


def is_sampled(data) -> bool:
    """Whether ``data`` (a :class:`core.config.DataConfig`) are drawn at random, so that a seed of their own
    draws them again: the toy sets, and XOR/XNOR with noise (Playground's XOR is such a cloud)."""
    noise = data.options.get("noise", 0)
    return data.dataset in datasets.GENERATED_PLANES or (data.dataset in datasets.NOISY_TRUTH_TABLES
                                                         and isinstance(noise, (int, float))
                                                         and not isinstance(noise, bool) and noise > 0)


def is_truth_table(data) -> bool:
    """Whether ``data`` are the four corners of XOR's or XNOR's truth table (:func:`core.datasets.is_truth_table`):
    no split nor limit applies to them."""
    return datasets.is_truth_table(data.dataset, data.options)


def takes_features(data) -> bool:
    """Whether the inputs of ``data``'s points can be chosen (:func:`core.datasets.takes_features`), or features
    are set (to be seen and undone)."""
    return datasets.takes_features(data.dataset, data.options) or "features" in data.options


class DataPanel(ConfigPanel):
    prefixes = ("data",)
    guide_section = "data"

    download_requested = Signal(object)
    """download_requested(source): the user asked for the files of the data set offered by :meth:`offer_download`."""

    dataset_chosen = Signal(str)
    """dataset_chosen(name): the user chose the data set ``name`` in the list (the configuration has it by then)."""

    def __init__(self, model, parent: QWidget | None = None):
        super().__init__(model, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problems)
        group = QGroupBox(self.tr("Dataset"))
        form = QFormLayout(group)
        self.dataset = ChoiceBox(datasets.names(), kind="dataset")
        set_help(self.dataset, help_texts.text(CONTROLS, "dataset"), self.tr("Dataset"))
        self.dataset.chosen.connect(self._dataset_chosen)
        self.bind("data.dataset", self.dataset)
        form.addRow(self.tr("&Dataset"), self.dataset)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(self.tr("Dataset summary"))
        form.addRow(self.summary)
        self.data_warning = QLabel()
        self.data_warning.setObjectName("dataWarning")
        self.data_warning.setWordWrap(True)
        self.data_warning.setAccessibleName(self.tr("Data warning"))
        form.addRow(self.data_warning)
        self._large_values = ()  # the loaded data's, see set_large_values
        self._on_purpose = ()
        self.download_button = QPushButton()
        set_help(self.download_button, self.tr("Downloads the data set, shown when its files are not on this "
                                               "computer."), self.tr("Download the data set"))
        self.download_button.clicked.connect(lambda: self.download_requested.emit(self._downloadable))
        self.download_button.hide()
        self._downloadable = None
        form.addRow(self.download_button)
        self.options = DatasetOptionsForm(lambda key: help_texts.text(help_texts.DATASET_OPTIONS, key),
                                          self.tr("(this dataset has no options)"))
        self.options.edited.connect(self._option_edited)
        self.follow_refusals(self.options)
        form.addRow(self.options)
        self.dataset_form = form
        form.addRow(self.tr("Data s&eed"), self._build_data_seed_row())
        form.addRow(self.tr("Inputs"), self._build_features_row())
        layout.addWidget(group)

        split_group = QGroupBox(self.tr("Split and scaling"))
        split_form = QFormLayout(split_group)
        self.validation_split = FractionBox(0.0, 0.9, 0.05)
        set_help(self.validation_split, help_texts.text(CONTROLS, "validation_split"), self.tr("Validation split"))
        self.validation_split.valueChanged.connect(lambda value: self.model.set("data.validation_split", value))
        self.bind("data.validation_split", self.validation_split)
        split_form.addRow(self.tr("Valida&tion split"), self.validation_split)
        self.test_split = FractionBox(0.0, 0.9, 0.05)
        set_help(self.test_split, help_texts.text(CONTROLS, "test_split"), self.tr("Test split"))
        self.test_split.valueChanged.connect(self._test_split_edited)
        self.bind("data.options.test_split", self.test_split)
        split_form.addRow(self.tr("Test s&plit"), self.test_split)
        self.split_form = split_form
        self.max_train = IntegerBox(0, 10_000_000)
        self.max_train.setSpecialValueText(self.tr("all"))  # 0: no limit
        set_help(self.max_train, help_texts.text(CONTROLS, "max_train"), self.tr("Training examples at most"))
        self.max_train.valueChanged.connect(lambda value: self._option_edited("max_train", value or None))
        self.bind("data.options.max_train", self.max_train)
        split_form.addRow(self.tr("Training e&xamples at most"), self.max_train)
        self.scaling = ChoiceBox(list(SCALINGS), kind="scaling")
        set_help(self.scaling, help_texts.text(CONTROLS, "scaling"), self.tr("Scaling"))
        self.scaling.chosen.connect(lambda value: self.model.set("data.scaling", value))
        self.bind("data.scaling", self.scaling)
        split_form.addRow(self.tr("S&caling"), self.scaling)
        self.target_scaling = ChoiceBox(list(SCALINGS), kind="target_scaling")
        set_help(self.target_scaling, help_texts.text(CONTROLS, "target_scaling"), self.tr("Target scaling"))
        self.target_scaling.chosen.connect(lambda value: self.model.set("data.target_scaling", value))
        self.bind("data.target_scaling", self.target_scaling)
        split_form.addRow(self.tr("T&arget scaling"), self.target_scaling)
        split_form.setRowVisible(self.target_scaling, False)  # regression data only: see _show_target_scaling
        layout.addWidget(split_group)
        layout.addWidget(self._build_augmentation_group())
        layout.addStretch(1)
        self._dataset = None
        self._show_large_values()
        self.refresh()
        self.show_errors(model.errors)

    def _build_data_seed_row(self) -> QWidget:
        """The seed of a generated data set, apart from the training seed, and a button that draws the data
        again (TensorFlow Playground's "Regenerate"); shown for randomly drawn data only (:func:`is_sampled`)."""
        self.data_seed_row = row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.data_seed = IntegerBox(0, 2**31 - 1)  # the training seed's range
        set_help(self.data_seed, help_texts.text(CONTROLS, "data_seed"), self.tr("Data seed"))
        self.data_seed.valueChanged.connect(self._data_seed_edited)
        self.bind("data.options.seed", self.data_seed)
        self.regenerate = QPushButton(self.tr("Re&generate"))
        set_help(self.regenerate, help_texts.text(CONTROLS, "regenerate"), self.tr("Regenerate the data"))
        self.regenerate.clicked.connect(self._regenerate)
        layout.addWidget(self.data_seed, 1)
        layout.addWidget(self.regenerate)
        return row

    def _build_features_row(self) -> QWidget:
        """Which features of a point the network is given (TensorFlow Playground's "features"): its
        coordinates, or also x₁², x₂², x₁x₂, sin x₁, sin x₂; shown for randomly drawn points (:func:`is_sampled`)."""
        self.features_row = row = QWidget()
        layout = QGridLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        self.feature_boxes = {}
        for index, name in enumerate(plane.FEATURES.names()):
            box = QCheckBox(plane.SYMBOLS[name])
            set_help(box, help_texts.text(CONTROLS, "features"), self.tr("Input %1").replace("%1", plane.SYMBOLS[name]))
            box.toggled.connect(self._features_edited)
            layout.addWidget(box, *divmod(index, 4))
            self.feature_boxes[name] = box
        self.bind("data.options.features", row)
        return row

    def _features_edited(self) -> None:
        """The coordinates alone are not written: configurations without features keep their data. The last
        input checked stays checked: a network needs one (unchecked, it gave an engine's message on the data)."""
        chosen = tuple(name for name, box in self.feature_boxes.items() if box.isChecked())
        if not chosen:
            with QSignalBlocker(self.sender()):
                self.sender().setChecked(True)
            return
        self._option_edited("features", None if chosen == plane.COORDINATES else list(chosen))

    def _data_seed_edited(self, seed: int) -> None:
        self._option_edited("seed", seed)

    def _regenerate(self) -> None:
        """Another sample of the same distribution, size and noise: the next data seed, so that each sample
        seen can be drawn again by its number (Playground's button draws a seed at random)."""
        self._option_edited("seed", (data_seed(self.config) + 1) % (self.data_seed.maximum() + 1))

    def _build_augmentation_group(self) -> QGroupBox:
        self.augmentation_group = QGroupBox(self.tr("Augmentation of training images"))
        set_help(self.augmentation_group, help_texts.text(CONTROLS, "augmentation"), self.tr("Augmentation"))
        form = QFormLayout(self.augmentation_group)
        self.augmentation = HyperparameterForm(lambda key: help_texts.text(help_texts.AUGMENTATION, key), "")
        self.augmentation.edited.connect(self._augmentation_edited)
        self.bind("data.augmentation", self.augmentation)
        form.addRow(self.augmentation)
        self.augmentation_preview = QLabel()
        self.augmentation_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        set_help(self.augmentation_preview, self.tr("Three training images (left) and random augmented copies "
                                                    "of them, as the network will see them."),
                 self.tr("Augmentation preview"))
        form.addRow(self.augmentation_preview)
        self.augmentation_group.hide()
        return self.augmentation_group

    def _augmentation_edited(self, key: str, value) -> None:
        augmentation = dict(self.config.data.augmentation)
        if value == 0:
            augmentation.pop(key, None)
        else:
            augmentation[key] = value
        self.model.set("data.augmentation", augmentation)

    def _update_augmentation_preview(self) -> None:
        dataset = self._dataset
        images = dataset is not None and dataset.image_shape is not None
        self.augmentation_group.setVisible(images)
        if not images:
            return
        try:
            augmenter = Augmenter(dataset.image_shape, **self.config.data.augmentation)
        except (ValueError, TypeError):
            self.augmentation_preview.clear()
            return
        grid = augmenter.preview_grid(dataset.X_train[:PREVIEW_IMAGES], n=PREVIEW_COPIES)
        self.augmentation_preview.setPixmap(grey_image(grid, PREVIEW_TILE_PIXELS, dataset.image_shape[0]))

    def _dataset_chosen(self, name: str) -> None:
        self.model.set("data", dataclasses.replace(self.config.data, dataset=name, options={}))
        self.dataset_chosen.emit(name)

    def _test_split_edited(self, value: float) -> None:
        """The default share is not written: configurations without it keep their data as they were."""
        self._option_edited("test_split", None if value == DEFAULT_TEST_SPLIT else value)

    def _show_test_split(self) -> None:
        """Shown for data the test set is split off here (TensorFlow Playground's "ratio of training to test
        data"), not for data with a test set of their own (MNIST) or a fixed table (XOR's four corners);
        while data load, as it was."""
        if self._dataset is not None:
            self.split_form.setRowVisible(self.test_split, self._dataset.test_split is not None)

    def _show_target_scaling(self) -> None:
        """Shown for data with regression targets, which it scales; not for classes, which are not scaled. While
        data load, as it was."""
        if self._dataset is not None:
            self.split_form.setRowVisible(self.target_scaling, self._dataset.task == "regression")

    def _option_edited(self, key: str, value) -> None:
        options = dict(self.config.data.options)
        if value is None:
            options.pop(key, None)
        else:
            options[key] = value
        self.model.set("data.options", options)

    def _on_model_changed(self, path: str) -> None:
        super()._on_model_changed(path)
        # The data seed shown is the training seed while the data have none of their own.
        if path.startswith("training"):
            self.data_seed.set_value(data_seed(self.config))

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.LanguageChange and getattr(self, "_dataset", None) is not None:
            self.summary.setText(describe(self._dataset))  # composed texts: compose them again
            self._show_large_values()
        if event.type() == QEvent.Type.LanguageChange and getattr(self, "_downloadable", None) is not None:
            self.offer_download(self._downloadable)
        super().changeEvent(event)

    def offer_download(self, source, downloading: bool = False) -> None:
        """Show a button that downloads ``source``'s files (an IdxSource; None hides it), disabled
        while ``downloading``."""
        self._downloadable = source
        self.download_button.setVisible(source is not None)
        if source is None:
            return
        name = display_names.label("dataset", source.name)
        self.download_button.setText(self.tr("Download %1 (%2 MB)").replace("%1", name)
                                     .replace("%2", megabytes(source.download_bytes)))
        set_help(self.download_button, self.tr(
            "Fetches the four files of %1 from its public mirrors, checks each against its published MD5 "
            "checksum and keeps them in %2, where the next start finds them. Offline, ask for the files (a "
            "teacher's lab pack) and choose their folder instead, or point MLP_WORKBENCH_DATA at a folder "
            "with a '%3' sub-folder holding them.").replace("%1", name)
            .replace("%2", str(cache_folder() / source.folder_name))
            .replace("%3", source.folder_name), self.tr("Download the data set"))
        self.download_button.setEnabled(not downloading)

    def set_dataset(self, dataset, loading: bool = False) -> None:
        """Describe the loaded data (or say it is loading / not loaded); no warning of large values until
        :meth:`set_large_values` gives them."""
        self._dataset = None if loading else dataset
        self.set_large_values(())
        if loading:
            self.summary.setText(self.tr("Loading…"))
        elif dataset is None:
            self.summary.setText(self.tr("Not loaded."))
        else:
            self.summary.setText(describe(dataset))
        self._show_test_split()
        self._show_target_scaling()
        self._update_augmentation_preview()

    def set_large_values(self, found: tuple, on_purpose: tuple = ()) -> None:
        """Warn under the summary that the loaded data have the ``found`` values, too large to train well
        (:func:`core.datasets.magnitudes.find_large_values`); none: no warning. ``on_purpose``: the parts
        (features, targets) that a lab's variant leaves unscaled to show what that does, of which the panel
        says what to watch for rather than warn."""
        self._large_values = found
        self._on_purpose = on_purpose
        self._show_large_values()

    def _show_large_values(self) -> None:
        shown = self._dataset is not None and bool(self._large_values)
        if shown:
            warned = any(large.part not in self._on_purpose for large in self._large_values)
            self.data_warning.setText(breakable(("⚠ " if warned else "") + " ".join(
                large_values_text(self._dataset, large, large.part in self._on_purpose)
                for large in self._large_values)))
        self.dataset_form.setRowVisible(self.data_warning, shown)

    def refresh(self) -> None:
        data = self.config.data
        self.dataset.set_value(data.dataset)
        defaults = dataset_options(data.dataset)
        self.options.set_values(defaults, data.options)
        self.dataset_form.setRowVisible(self.data_seed_row, is_sampled(data))
        self.dataset_form.setRowVisible(self.features_row, takes_features(data))
        for row in (self.validation_split, self.max_train):
            self.split_form.setRowVisible(row, not is_truth_table(data))
        chosen = data.options.get("features", plane.COORDINATES)
        for name, box in self.feature_boxes.items():
            with QSignalBlocker(box):
                box.setChecked(isinstance(chosen, (list, tuple)) and name in chosen)
        self.data_seed.set_value(data_seed(self.config))
        self.validation_split.set_value(data.validation_split)
        self.test_split.set_value(data.options.get("test_split", DEFAULT_TEST_SPLIT))
        self.max_train.set_value(data.options.get("max_train") or 0)
        self.scaling.set_value(data.scaling)
        self.target_scaling.set_value(data.target_scaling)
        self.augmentation.set_values(AUGMENTATION_DEFAULTS, data.augmentation)
        self._update_augmentation_preview()

    def control_for(self, error):
        if error.field == "data.options" and self._downloadable is not None:  # the data is missing, not an option
            return self.dataset
        if error.field == "data.options" and named_key(error.message, ["seed"]) is not None:  # "moons: seed …"
            return self.data_seed
        if error.field == "data.options":
            return self.options.control_for(error) or self.dataset
        if error.field.startswith("data.options."):
            return self.options.controls().get(error.field.removeprefix("data.options.")) or super().control_for(error)
        return super().control_for(error)

    def _all_controls(self):
        return [*super()._all_controls(), *self.options.controls().values()]
