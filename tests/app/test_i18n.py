"""English and Russian: the translation files are complete and compiled, switching the language
translates every text of the window (widgets, menus, actions, tooltips, plot labels) and back,
keeps a run going, and numbers change their decimal separator on screen only."""
import importlib.util
import json
import re
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QTableWidget, QTabWidget

from app import i18n
from app.main_window import MainWindow
from app.panels.widgets import VerticalScrollArea

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("update_translations", ROOT / "scripts" / "update_translations.py")
update_translations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(update_translations)

LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_']{3,}")
ALLOWED_WORDS = {
    # the product, data sets and people's names, formats, units and the engine's identifiers shown as values
    "Workbench", "MNIST", "Fashion", "digits", "moons", "circles", "blobs", "spiral", "xnor", "wine", "iris",
    "PNG", "SVG", "CSV", "JSON", "ReLU", "LeakyReLU", "ELU", "Adam", "AdamW", "AMSGrad", "RMSProp", "Adagrad",
    "Adadelta", "Nesterov", "Newton", "Xavier", "Dense", "BatchNorm", "Dropout", "softmax", "float", "Ctrl",
    "Shift", "Esc", "step", "epoch", "none", "unit", "default", "standardize", "relu", "sigmoid", "tanh",
    "identity", "sign", "hard", "leaky", "elu", "softplus", "xavier", "normal", "uniform", "zeros", "lecun",
    "constant", "linear", "exponential", "cosine", "cyclic", "plateau", "inverse", "time", "cross", "entropy",
    "binary", "multiclass", "regression", "sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop", "adagrad",
    "adadelta", "layer", "mse", "mae", "huber", "float32", "float64", "logloss", "my_digits", "English", "E_min",
    # in the formulas of the lists' help: functions and variables, and the names of the works cited
    "clip", "fan_in", "fan_out", "value", "torch", "scikit", "learn", "make_moons", "TensorFlow", "Playground",
    "Plane", "Multi", "Gaussian", "Smith", "cs231n", "Enter",
    # the scores of regression, as both languages write them
    "RMSE",
    # the Latin name of a function, which the Russian names keep: "Знак (signum)"
    "signum",
}


def engine_names() -> set[str]:
    """Component, data set and hyperparameter names: identifiers the panels show as values and labels."""
    from app.panels import help_texts
    from core import activations, datasets, initializers, losses, optimizers, schedules, surfaces

    names = {*activations.names(), *initializers.names(), *losses.names(), *optimizers.names(),
             *schedules.names(), *datasets.names(), *surfaces.names(), *surfaces.optimizer_names()}
    for table in (help_texts.OPTIMIZER, help_texts.OPTIMIZER_BY_METHOD, help_texts.SCHEDULE, help_texts.ACTIVATION,
                  help_texts.AUGMENTATION, help_texts.DATASET_OPTIONS):
        names.update(table)
    return names


def english_sources() -> dict[str, str]:
    """English source → Russian translation, for every translated text of the catalogue."""
    return {source: translation for context, source, translation in
            update_translations.messages(i18n.ts_path("ru")) if translation is not None and context}


def shown_texts(window) -> list[tuple[str, str]]:
    """(where, text) of every text a person can see or hear in the window and its menus, each view shown in turn
    (a switch translates a view's page when it is shown: see test_a_view_not_shown_is_translated_when_shown)."""
    shown = window.view_tabs.currentIndex()
    for index in range(window.view_tabs.count()):
        window.view_tabs.setCurrentIndex(index)
    window.view_tabs.setCurrentIndex(shown)
    texts = []

    def add(where, text):
        if isinstance(text, str) and text.strip():
            texts.append((where, text))

    widgets = [window, *window.findChildren(pg.QtWidgets.QWidget)]
    for widget in widgets:
        name = type(widget).__name__
        for getter in ("windowTitle", "toolTip", "statusTip", "whatsThis", "accessibleName", "accessibleDescription",
                       "text", "title", "placeholderText", "suffix", "prefix"):
            method = getattr(widget, getter, None)
            if callable(method) and not (getter == "text" and isinstance(widget, (QComboBox, QAbstractSpinBox))):
                try:
                    add(f"{name}.{getter}", method())
                except TypeError:
                    continue
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                add(f"{name}.tabText", widget.tabText(index))
        if isinstance(widget, QTableWidget):
            for index in range(widget.columnCount()):
                item = widget.horizontalHeaderItem(index)
                add(f"{name}.header", item.text() if item else "")
        if isinstance(widget, pg.GraphicsView) and widget.scene() is not None:
            for item in widget.scene().items():
                if isinstance(item, pg.LabelItem):  # rich text at times: its words as shown
                    add("plot title", QTextDocumentFragment.fromHtml(item.text).toPlainText())
                elif isinstance(item, pg.AxisItem):
                    add("axis label", item.labelText)
    for action in window.findChildren(pg.QtGui.QAction):
        for getter in ("text", "toolTip", "statusTip"):
            add(f"QAction.{getter}", getattr(action, getter)())
    return texts


@pytest.fixture
def window(qtbot, tmp_path, monkeypatch):
    # Settings of its own: File ▸ Open recent listed the files other tests had saved, in folders named in English.
    monkeypatch.setenv("MLP_WORKBENCH_USER_DIR", str(tmp_path / "user"))
    i18n.set_language("en")
    made = MainWindow()
    qtbot.addWidget(made)
    made.confirm_reset = lambda question: True
    qtbot.waitUntil(made.start_action.isEnabled, timeout=15_000)
    yield made
    i18n.set_language("en")


def test_the_translation_is_complete_and_compiled_from_its_source():
    problems = update_translations.problems("ru")
    compiled = [problem for problem in problems if ".qm" in problem]
    untranslated = [problem for problem in problems if problem.startswith("untranslated")]
    assert not compiled, compiled
    assert not untranslated, untranslated


def test_every_text_of_the_code_is_in_the_translation_source():
    missing = [problem for problem in update_translations.problems("ru") if problem.startswith(("not in", "no context"))]
    assert not missing, ("texts added to the code since the last scripts/update_translations.py "
                         "(run it and translate them):\n" + "\n".join(missing))


def test_the_help_of_every_offered_component_follows_the_language(window):
    """The engine's docstrings (an optimiser's update rule, an initialiser's variance) were shown in
    English in the Russian window, and the data sets' always."""
    from PySide6.QtCore import Qt

    from app.panels import choice_help

    box, datasets = window.training_panel.optimizer, window.data_panel.dataset
    index, moons = box.findData("adam"), datasets.findData("moons")
    english = box.itemData(index, Qt.ItemDataRole.ToolTipRole)
    assert english == choice_help.text("optimizer", "adam") + "\n\nIn configuration files: adam"
    english_box, english_moons = box.toolTip(), datasets.itemData(moons, Qt.ItemDataRole.ToolTipRole)
    i18n.set_language("en")
    i18n.set_language("ru")
    try:
        russian = box.itemData(index, Qt.ItemDataRole.ToolTipRole)
        assert russian.endswith("\n\nВ файлах конфигурации: adam") and russian.startswith("Adam: момент")
        assert box.toolTip().startswith("Как градиент g превращается в шаг весов θ.\n\n")
        assert box.toolTip().endswith(choice_help.text("optimizer", box.current_name()))
        assert datasets.itemData(moons, Qt.ItemDataRole.ToolTipRole).startswith("Два переплетённых полукруга")
    finally:
        i18n.set_language("en")
    assert box.itemData(index, Qt.ItemDataRole.ToolTipRole) == english and box.toolTip() == english_box
    assert datasets.itemData(moons, Qt.ItemDataRole.ToolTipRole) == english_moons


def test_no_code_comment_reaches_the_translator_as_a_note_on_a_text():
    """lupdate takes a "#:" comment (documenting a constant) for a note to the translator on the next
    translated text: "Сеть" came with six sentences on the network view's link widths."""
    source = (i18n.TRANSLATIONS / f"{i18n.CATALOGUE}_ru.ts").read_text(encoding="utf-8")
    assert "<extracomment>" not in source


def test_russian_names_a_view_as_a_tab_not_as_a_form():
    """Leaving a lab's trained run, the message said the network was “сохранена в виде «Запуски»”, which reads
    “saved in the form of «Runs»”: the views are tabs, as the other messages say (“на вкладке «Рисование»”)."""
    source = (i18n.TRANSLATIONS / f"{i18n.CATALOGUE}_ru.ts").read_text(encoding="utf-8")
    assert re.findall(r"[^.>]*в виде «[^.<]*", source) == []


def test_russian_names_the_unit_step_as_the_activation_list_does(switch_language):
    """The list offered «Единичный скачок (Хевисайд)», its help and the Gradients view spoke of «Единичная
    ступенька», the architecture diagram of a «ступенька»: one function, two names."""
    from app import display_names
    from app.panels import choice_help

    source = (i18n.TRANSLATIONS / f"{i18n.CATALOGUE}_ru.ts").read_text(encoding="utf-8")
    assert "ступеньк" not in source.lower()
    switch_language("ru")
    listed = display_names.label("activation", "step")
    assert listed == "Единичный скачок (Хевисайд)"
    assert choice_help.text("activation", "step").startswith("Единичный скачок (функция Хевисайда)")
    assert display_names.label("activation_short", "step") == "скачок"


def test_russian_leaves_no_english_text_and_english_comes_back(window, qtbot):
    window.labs.open_lab("04-xnor")
    qtbot.waitUntil(lambda: window.experiment is not None and window.start_action.isEnabled(), timeout=20_000)
    english = sorted(set(shown_texts(window)))
    sources = english_sources()
    allowed = {word.lower() for word in ALLOWED_WORDS | engine_names()}

    i18n.set_language("ru")
    untranslated = []
    for where, text in sorted(set(shown_texts(window))):
        for part in {text, *text.split("\n")}:
            if part in sources and sources[part] != part:
                untranslated.append((where, part))
        words = [word for word in LATIN_WORD.findall(text) if word.lower() not in allowed]
        if words:
            untranslated.append((where, text))
    assert not untranslated, "\n".join(f"{where}: {text!r}" for where, text in untranslated)
    assert window.start_action.text() == "&Обучить"
    assert window.labs.menu.title() == "&Лабораторные"
    assert "Граница решений" in [window.view_tabs.tabText(i) for i in range(window.view_tabs.count())]
    assert window.labs.dock.title.text().startswith("4. XNOR из нейронов")
    assert "Что сделать" in window.labs.dock.sheet.toPlainText()

    i18n.set_language("en")
    back = set(shown_texts(window))
    assert not set(english) ^ back, (sorted(set(english) - back), sorted(back - set(english)))


def test_switching_language_mid_run_keeps_the_run_going(window, qtbot, small_config):
    window.open_config(small_config(epochs=500), "test", "")
    qtbot.waitUntil(lambda: window.start_action.isEnabled() and window.experiment.config.training.epochs == 500,
                    timeout=15_000)
    window.start_action.trigger()
    qtbot.waitUntil(lambda: window.steps_done > 5, timeout=10_000)
    session, experiment, config = window.session, window.experiment, window.model.config.to_dict()
    i18n.set_language("ru")
    assert window.session is session and window.experiment is experiment and window.state == "running"
    assert window.model.config.to_dict() == config
    assert window.status_labels["state"].text() == "Обучение"
    reached = window.steps_done
    qtbot.waitUntil(lambda: window.steps_done > reached + 20, timeout=10_000)
    qtbot.waitUntil(lambda: window.status_labels["step"].text().startswith("шаг "), timeout=5_000)
    with qtbot.waitSignal(window.run_finished, timeout=10_000):
        window.stop_action.trigger()
    assert window.status_labels["state"].text() == "Готово"


def test_numbers_show_the_languages_decimal_separator_but_files_keep_points(window, tmp_path):
    i18n.set_language("ru")
    assert QLocale().decimalPoint() == ","
    assert i18n.format_number(0.25, 2) == "0,25"
    assert window.data_panel.validation_split.text().count(",") == 1  # a spin box: "0,100"
    path = tmp_path / "run.json"
    window.model.set("data.validation_split", 0.25)
    assert window.save_config(str(path))
    assert '"validation_split": 0.25' in path.read_text(encoding="utf-8")
    i18n.set_language("en")
    assert i18n.format_number(0.25, 2) == "0.25"


def test_the_language_menu_switches_and_remembers_the_choice(window):
    from app import settings

    menu = next(action.menu() for action in window.menuBar().actions() if action.menu() is not None
                and any(isinstance(sub.menu(), i18n.LanguageMenu) for sub in action.menu().actions()))
    language_menu = next(sub.menu() for sub in menu.actions() if isinstance(sub.menu(), i18n.LanguageMenu))
    russian = next(action for action in language_menu.language_actions if action.data() == "ru")
    try:
        russian.trigger()
        assert i18n.current_language() == "ru" and settings.load().language == "ru"
        assert window.pause_action.toolTip().startswith("Пауза")
        assert i18n.startup_language() == "ru"
    finally:
        language_menu.system_action.trigger()
        assert settings.load().language == ""
    assert i18n.current_language() == i18n.system_language()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_race_results_fit_beside_the_configuration_in_a_1360_pixel_window(qtbot, language):
    i18n.set_language(language)
    try:
        made = MainWindow()
        qtbot.addWidget(made)
        made.resize(1360, 860)
        made.show()
        qtbot.waitUntil(made.start_action.isEnabled, timeout=15_000)
        compare = next(tool for tool in made.tools if type(tool).__name__ == "CompareView")
        made.start_page.show_views(compare)
        compare.epochs.setValue(1)
        compare.start()
        qtbot.waitUntil(lambda: not compare.running, timeout=60_000)
        qtbot.wait(50)
        table = compare.summary_table
        assert table.rowCount() == len(compare.labels) > 0
        widths = [table.columnWidth(column) for column in range(table.columnCount())]
        assert not table.horizontalScrollBar().isVisible(), (widths, table.viewport().width())
    finally:
        i18n.set_language("en")


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_window_fits_a_1024_pixel_screen_and_a_1280_one_with_a_lesson(window, qtbot, language):
    i18n.set_language(language)
    window.show()
    window.views  # every view and tool made: each one's minimum counts
    assert window.minimumSizeHint().width() <= 1024, "the Runs and Draw views' buttons once made it 1124 in Russian"
    window.labs.open_lab("11-optimizers")
    qtbot.waitUntil(lambda: window.labs.dock.isVisible(), timeout=10_000)
    assert window.minimumSizeHint().width() <= 1280, "with the Lesson panel: 1481 in Russian, 1287 in English"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_window_fits_a_laptop_screen_700_pixels_high(window, qtbot, language):
    # 700 pixels less the title and task bars: the Draw view's rows once made the window at least 595 high
    # (623 in Russian); it scrolls instead, and no other view may ask for more.
    i18n.set_language(language)
    window.show()
    window.views  # every view and tool made: each one's minimum counts
    assert window.minimumSizeHint().height() <= 520
    window.resize(window.minimumSizeHint())
    draw = window.draw_view
    window.start_page.show_views(draw)
    qtbot.waitUntil(lambda: window.height() <= 520 and draw.isVisible())
    qtbot.wait(20)
    assert draw.page.height() >= draw.page.minimumSizeHint().height(), "the rows scroll, none is squeezed"
    scroll_bar = draw.findChild(VerticalScrollArea).verticalScrollBar()
    assert scroll_bar.isVisible() and scroll_bar.maximum() > 0, "the status and the buttons below are scrolled to"
    window.labs.open_lab("12-gradient-check")  # the lesson beside the views, the gradient check's table in front
    qtbot.waitUntil(lambda: window.labs.dock.isVisible(), timeout=10_000)
    assert window.minimumSizeHint().height() <= 520


def test_a_column_of_controls_widens_with_the_longer_texts_of_another_language(qtbot, window):
    window.resize(1360, 860)
    window.show()
    compare = next(tool for tool in window.tools if type(tool).__name__ == "CompareView")
    window.start_page.show_views(compare)
    column = compare.findChild(VerticalScrollArea)
    english = column.minimumWidth()
    i18n.set_language("ru")
    qtbot.waitUntil(lambda: column.minimumWidth() != english, timeout=5_000)
    assert column.minimumWidth() >= column.widget().minimumSizeHint().width()
    assert column.widget().width() >= column.widget().minimumSizeHint().width(), "nothing cut off at the right"


def test_the_items_of_the_views_lists_follow_the_language(window):
    compare = next(tool for tool in window.tools if type(tool).__name__ == "CompareView")
    playground = next(tool for tool in window.tools if type(tool).__name__ == "PlaygroundView")
    boxes = [compare.x_axis, playground.surface_box, window.training_panel.optimizer]

    def items():
        return [[box.itemText(index) for index in range(box.count())] for box in boxes]

    english = items()
    i18n.set_language("ru")
    window.start_page.show_views(compare)
    window.start_page.show_views(playground)
    russian = items()
    assert "эпохи" in russian[0] and "Момент Нестерова" in russian[2]
    assert "Цифры 8×8" in compare.runs_on.text()
    assert all(ru != en for ru, en in zip(russian, english)), russian
    i18n.set_language("en")
    window.start_page.show_views(compare)
    window.start_page.show_views(playground)
    assert items() == english and "8×8 digits" in compare.runs_on.text()


@pytest.mark.parametrize("dataset, options, marked, english, russian", [
    # an option its loader refuses, named by its control's label, not by the engine's "moons: noise"
    ("moons", {"noise": -1.0}, "noise", "Noise: must be ≥ 0.0, got -1.0",
     "Шум: должно быть ≥ 0,0, введено -1,0"),
    ("csv", {"path": "table.csv"}, "path", "row 3, column 2 ('b'): 'x' is not a number",
     "строка 3, столбец № 2 ('b'): 'x' — не число"),
    ("csv", {"path": "table.csv", "label_column": "kind"}, "label_column",
     "no column named 'kind'; the columns are: a, b, label", "нет столбца с именем 'kind'; столбцы: a, b, label")])
def test_data_that_fails_to_load_is_explained_in_the_window_s_language(window, qtbot, tmp_path, dataset, options,
                                                                       marked, english, russian):
    (tmp_path / "table.csv").write_text("a,b,label\n1,2,yes\n1,x,no\n", encoding="utf-8")
    window.model.set("data.dataset", dataset)
    window.model.set("data.options", {key: str(tmp_path / value) if key == "path" else value
                                      for key, value in options.items()})
    qtbot.waitUntil(lambda: english in window.data_panel.problems.text(), timeout=10_000)  # on the loader's thread
    assert window.data_panel.options.controls()[marked].toolTip().startswith("⚠")  # what to change is marked
    try:
        i18n.set_language("ru")
        assert russian in window.data_panel.problems.text()
    finally:
        i18n.set_language("en")
    assert english in window.data_panel.problems.text()


def test_a_message_with_plural_forms_is_translated_when_each_form_is(tmp_path):
    ts_file = tmp_path / "plural_ru.ts"
    ts_file.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="ru"><context>'
        '<name>DrawView</name>'
        '<message numerus="yes"><source>%Ln digit(s)</source><translation>'
        '<numerusform>%Ln цифра</numerusform><numerusform>%Ln цифры</numerusform>'
        '<numerusform>%Ln цифр</numerusform>'
        '</translation></message>'
        '<message numerus="yes"><source>%Ln step(s)</source><translation>'
        '<numerusform>%Ln шаг</numerusform><numerusform></numerusform><numerusform></numerusform>'
        '</translation></message>'
        '<message><source>Draw</source><translation>Рисование</translation></message>'
        '</context></TS>\n', encoding="utf-8")
    assert update_translations.messages(ts_file) == [
        ("DrawView", "%Ln digit(s)", "%Ln цифра\n%Ln цифры\n%Ln цифр"),
        ("DrawView", "%Ln step(s)", None),
        ("DrawView", "Draw", "Рисование")]


def test_a_view_not_shown_is_translated_as_it_is_shown_or_a_moment_after_the_switch(window, qtbot):
    """Translating every view's page at once held the window 150–240 ms. A view not shown waits: its texts, and
    those it composes itself on LanguageChange (the Compare view's presets), change when it is shown, or soon."""
    compare = next(tool for tool in window.tools if type(tool).__name__ == "CompareView")
    playground = next(tool for tool in window.tools if type(tool).__name__ == "PlaygroundView")
    window.start_page.show_views(window.draw_view)
    english_preset, english_surface = compare.preset_box.itemText(0), playground.surface_box.itemText(0)
    i18n.set_language("ru")
    assert window.start_action.text() == "&Обучить" and window.draw_view.clear_button.text() != "Clear (Esc)"
    assert (compare.preset_box.itemText(0), playground.surface_box.itemText(0)) == (english_preset, english_surface)
    window.start_page.show_views(compare)
    russian_preset = compare.preset_box.itemText(0)
    assert russian_preset != english_preset and "Цифры 8×8" in compare.runs_on.text()

    i18n.set_language("en")  # the Playground view was never shown in Russian: it has nothing to change back
    assert compare.preset_box.itemText(0) == english_preset and "8×8 digits" in compare.runs_on.text()
    window.start_page.show_views(playground)
    assert playground.surface_box.itemText(0) == english_surface

    i18n.set_language("ru")
    assert compare.preset_box.itemText(0) == english_preset
    qtbot.waitUntil(lambda: compare.preset_box.itemText(0) == russian_preset, timeout=5_000)  # not shown, soon
    assert "Цифры 8×8" in compare.runs_on.text()


def test_a_switch_sends_each_widget_one_language_change(window, qtbot):
    """Qt posts a LanguageChange of its own to every window as translators change: every widget's texts were
    composed a second time, 30 ms, in the next turn of the event loop."""
    from PySide6.QtCore import QEvent, QObject

    class Counter(QObject):
        changes = 0

        def eventFilter(self, watched, event):
            Counter.changes += event.type() == QEvent.Type.LanguageChange
            return False

    counter = Counter()
    window.data_panel.installEventFilter(counter)
    i18n.set_language("ru")
    qtbot.wait(100)
    assert Counter.changes == 1
    window.data_panel.removeEventFilter(counter)


@pytest.mark.qt_log_ignore("does not support grabbing the keyboard", "does not support raise")  # offscreen menus
def test_a_plot_menu_of_no_window_is_translated_as_it_opens(qtbot):
    """pyqtgraph's plot menus belong to no window (1,400 widgets of them in the window): left until they open."""
    i18n.set_language("en")  # the translator that records the texts to translate, as the window installs it
    plot = pg.PlotItem()
    i18n.set_language("ru")
    try:
        assert plot.ctrlMenu.title() == "Plot Options"
        plot.ctrlMenu.show()
        assert plot.ctrlMenu.title() == "Параметры графика"
        plot.ctrlMenu.close()
    finally:
        i18n.set_language("en")
    plot.ctrlMenu.show()
    assert plot.ctrlMenu.title() == "Plot Options"
    plot.ctrlMenu.close()


def test_a_file_that_is_not_valid_json_says_where_and_what_is_wrong_in_the_window_s_language(
        switch_language, tmp_path, monkeypatch):
    """A damaged configuration, kept race or lab file was refused with Python's "Unterminated string starting at: line 1
    column 10 (char 9)", in a Russian window too."""
    from app import lab_problems, settings
    from app.panels.base import refusal_text
    from core import config as run_config
    from core import labs

    switch_language("ru")
    damaged = tmp_path / "damaged.json"
    damaged.write_text('{"name": "a run', encoding="utf-8")
    with pytest.raises(ValueError) as raised:
        run_config.load(damaged)
    assert refusal_text(raised.value) == f"{damaged} не является правильным JSON: строка 1, столбец 10: текст в кавычках не закрыт"
    monkeypatch.setattr(settings, "data_folder", lambda: tmp_path)
    (tmp_path / settings.LAST_RACE_FILE).write_text('{"contenders": [1 2]}', encoding="utf-8")
    assert settings.load_last_race() == (None, f"{tmp_path / settings.LAST_RACE_FILE} не является правильным JSON: "
                                               "строка 1, столбец 19: между двумя элементами пропущена запятая")
    (tmp_path / settings.LAST_CONFIG_FILE).write_text('{"name": }', encoding="utf-8")
    assert settings.load_last_config()[1].startswith(f"{tmp_path / settings.LAST_CONFIG_FILE} не является правильным JSON: "
                                                     "строка 1, столбец 10: здесь пропущено или написано с ошибкой")
    lab = tmp_path / "04-xnor"
    lab.mkdir()
    (lab / "lab.json").write_text('{"id": "04-xnor",\n "number": 4,}', encoding="utf-8")
    problem = labs.check_lab(lab)[1][0]
    assert lab_problems.lab_problem_text(problem) == (
        "lab.json: не является правильным JSON, строка 2, столбец 14: здесь ожидается имя в двойных кавычках (нет ли запятой "
        "после последнего элемента или имени в одинарных кавычках?)")


def test_a_configuration_file_with_a_part_of_another_kind_says_so_in_the_window_s_language(switch_language, tmp_path,
                                                                                            monkeypatch):
    """"loss must be an object, got 7" was shown in English in a Russian window, beside its rules' problems in
    Russian: opened, kept from the last session, or recorded in a model file (from_dict)."""
    from app import settings
    from app.panels.base import refusal_text
    from core import config as run_config

    monkeypatch.setattr(settings, "data_folder", lambda: tmp_path)
    switch_language("ru")
    for raw, said in (({"loss": 7}, "loss: должно быть объектом {…}, введено 7"),
                      ({"network": {"hidden": 3}}, "network.hidden: должно быть списком слоёв, введено 3"),
                      ({"schema_version": "2"}, "schema_version: должно быть целым числом, введено '2'")):
        path = tmp_path / "kinds.json"
        path.write_text(json.dumps(raw), encoding="utf-8")
        with pytest.raises(ValueError) as raised:
            run_config.load(path)
        assert refusal_text(raised.value) == f"{path}: {said}"
        with pytest.raises(ValueError) as raised:
            run_config.RunConfig.from_dict(raw)
        assert refusal_text(raised.value) == said
        (tmp_path / settings.LAST_CONFIG_FILE).write_text(json.dumps(raw), encoding="utf-8")
        assert settings.load_last_config() == (None, f"{tmp_path / settings.LAST_CONFIG_FILE}: {said}")


def test_a_configuration_file_with_an_unknown_field_or_no_object_says_so_in_the_window_s_language(switch_language,
                                                                                                   tmp_path,
                                                                                                   monkeypatch):
    """"unknown field training.epoch; allowed fields: …" and "a run configuration must be a JSON object {…}, got
    null" were shown in English in a Russian window: opened, kept from the last session, or recorded in a model file."""
    import dataclasses

    from app import settings
    from app.panels.base import refusal_text
    from core import config as run_config

    def fields(kind) -> str:
        return ", ".join(field.name for field in dataclasses.fields(kind))

    monkeypatch.setattr(settings, "data_folder", lambda: tmp_path)
    switch_language("ru")
    for raw, said in (
            (None, "конфигурация запуска должна быть объектом JSON {…}, а здесь null"),
            ([1, 2], "конфигурация запуска должна быть объектом JSON {…}, а здесь список (массив JSON)"),
            ("digits", "конфигурация запуска должна быть объектом JSON {…}, а здесь строка"),
            ({"training": {"epoch": 3}},
             f"неизвестное поле training.epoch; допустимые поля: {fields(run_config.TrainingConfig)}"),
            ({"colour": 1}, f"неизвестное поле colour; допустимые поля: {fields(run_config.RunConfig)}")):
        path = tmp_path / "shapes.json"
        path.write_text(json.dumps(raw), encoding="utf-8")
        with pytest.raises(ValueError) as raised:
            run_config.load(path)
        assert refusal_text(raised.value) == f"{path}: {said}"
        with pytest.raises(ValueError) as raised:
            run_config.RunConfig.from_dict(raw)
        assert refusal_text(raised.value) == said
        (tmp_path / settings.LAST_CONFIG_FILE).write_text(json.dumps(raw), encoding="utf-8")
        assert settings.load_last_config() == (None, f"{tmp_path / settings.LAST_CONFIG_FILE}: {said}")
