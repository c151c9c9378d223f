"""Labs in the real window: every lab opens with its configuration, sheet, locked and hidden
controls; hand-set weights survive Reset; a student's result goes out and comes back in the
teacher's table."""
import csv
import errno
import json
import shutil

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument

from app import i18n, labs_ui
from app.panels.widgets import unbroken
from app.teacher import ACCURACY_DECIMALS, NARROWED_COLUMNS, ResultsDialog, field_controls
from core import labs, runs
from core.config import RunConfig
from core.languages import text_in
from tests.app.saved_runs import wait_until_saved


def wait_built(qtbot, window):
    # Not Start's state: Start stands aside while a lab's variants or race are shown, built or not.
    qtbot.waitUntil(lambda: window._is_built() and window.model.is_valid
                    and window.experiment.config.to_dict()["network"] == window.model.config.to_dict()["network"],
                    timeout=20_000)


def panel_of(window, control):
    for panel in (window.data_panel, window.network_panel, window.training_panel):
        if panel.isAncestorOf(control):
            return panel
    raise AssertionError(f"{control} is in no panel")


def test_every_lab_opens_with_its_config_sheet_and_teacher_rules(window):
    for lab_id in labs.names():
        lab = labs.load(lab_id)
        assert window.labs.open_lab(lab_id), lab_id
        variant = lab.variants[0]
        config = window.model.config
        assert config.to_dict() == variant.config.to_dict(), lab_id
        assert window.data_panel.dataset.current_name() == config.data.dataset
        assert window.training_panel.optimizer.current_name() == config.optimizer.name
        assert window.training_panel.epochs.value() == config.training.epochs
        assert window.training_panel.seed.value() == config.training.seed
        assert window.training_panel.batch_size.value() == config.training.batch_size
        assert window.network_panel.layers.count() == len(config.network.hidden)
        dock = window.labs.dock
        assert dock.isVisibleTo(window) and dock.pages.currentIndex() == 1
        heading = lab.sheet("en").splitlines()[0].lstrip("# ").strip()
        assert heading in dock.sheet.toPlainText(), lab_id
        assert dock.variant_row.isVisibleTo(dock) == (len(lab.variants) > 1)
        assert dock.variants.count() == len(lab.variants)
        assert lab.title["en"] in window.windowTitle()
        locked_seen = hidden_seen = 0
        for path, controls in field_controls(window):
            for control in controls:
                if window.labs.controls.locked(path):
                    locked_seen += 1
                    assert not control.isEnabled(), f"{lab_id}: {path} is locked but its control is enabled"
                    assert "locks this setting" in control.toolTip()
                if lab.hides(path):
                    hidden_seen += 1
                    assert not control.isVisibleTo(panel_of(window, control)), f"{lab_id}: {path} is shown"
        assert locked_seen and hidden_seen, lab_id
        first_view = window.labs.view_for(lab.views[0].name)
        if first_view is not None:
            assert window.view_tabs.indexOf(first_view) == 0, f"{lab_id}: its first view is not brought forward"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_no_lab_sheet_scrolls_sideways_at_the_lesson_widths_of_small_screens(qtbot, language, switch_language):
    """Qt drew the tables of labs 2 and 12 a pixel wider than the sheet: a scroll bar for one pixel."""
    from app.lesson_dock import LessonDock

    dock = LessonDock()
    qtbot.addWidget(dock)
    dock.show()
    switch_language(language)
    for width in (380, 420, 520):
        dock.resize(width, 700)
        for lab_id in labs.names():
            lab = labs.load(lab_id)
            dock.show_lab(lab, lab.variants[0].name)
            qtbot.waitUntil(lambda: dock.sheet.viewport().width() < width)
            assert dock.sheet.horizontalScrollBar().maximum() == 0, (lab_id, width)


def test_a_variant_title_cut_in_a_narrow_lesson_is_whole_in_its_tooltip_and_the_chooser_s(qtbot, switch_language):
    """At the lesson's narrowest, lab 5's Russian “без масштабирования (исходные спирт и пролин)” was cut with no way
    to read it whole."""
    from app.lesson_dock import LessonDock

    dock = LessonDock()
    qtbot.addWidget(dock)
    dock.resize(dock.minimumWidth(), 600)
    dock.show()
    switch_language("ru")
    lab = labs.load("05-feature-scaling")
    dock.show_lab(lab, "unscaled")
    box = dock.variants
    title = "без масштабирования (исходные спирт и пролин)"
    assert box.fontMetrics().horizontalAdvance(title) > box.width() - 30, "cut at this width"
    for language in ("ru", "en"):
        switch_language(language)
        titles = [text_in(variant.title, language) for variant in lab.variants]
        assert [box.itemData(index, Qt.ItemDataRole.ToolTipRole) for index in range(box.count())] == titles
        assert box.toolTip().startswith(f"{titles[0]}\n\n"), "the variant shown, whole"
    assert box.toolTip().endswith("\n\nThe runs this lab compares: choosing one sets the panels to it and "
                                  "re-initialises the network.")
    box.setCurrentIndex(1)
    assert box.toolTip().startswith("standardised (x − μ) / σ\n\n"), "the variant shown"


@pytest.mark.parametrize("width, configuration_shown, beside", [(1920, True, True), (1366, True, False),
                                                                 (1024, True, False), (1024, False, True)])
def test_the_lesson_opens_beside_the_views_where_it_fits_else_as_a_tab_beside_the_configuration(
        open_window, qtbot, width, configuration_shown, beside):
    window = open_window()
    window._make_pending_pages()  # as after the window's first paint
    window.configuration_dock.setVisible(configuration_shown)  # hidden (View menu): its room is free
    window.resize(width, 768)
    window.show()
    qtbot.waitExposed(window)
    assert window.labs.open_lab("04-xnor")
    qtbot.wait(50)
    tabbed = window.tabifiedDockWidgets(window.labs.dock)
    assert tabbed == ([] if beside else [window.configuration_dock])
    assert window.minimumSizeHint().width() <= width, "the window fits the screen it was made for"
    if not beside:
        assert window.labs.dock.visibleRegion().isEmpty() is False, "the lesson is the tab shown"


def test_the_lab_list_opens_a_lab_with_the_keyboard(window, qtbot):
    window.labs.list_action.trigger()
    dock = window.labs.dock
    assert dock.isVisibleTo(window) and dock.pages.currentIndex() == 0
    assert dock.lab_list.count() == len(labs.names())
    dock.lab_list.setCurrentRow(3)
    dock.open_button.click()
    assert window.labs.lab.id == labs.names()[3]


def test_the_labs_menu_numbers_the_labs_as_the_class_does(window, switch_language):
    texts = [action.text() for action in window.labs.lab_actions]
    assert texts[0].startswith("&1  ") and texts[8].startswith("&9  ")
    assert [text.split()[0] for text in texts[9:12]] == ["10", "11", "12"]
    # After 9, a letter of the title's that the menu's other items (Lab &list…) leave free.
    assert texts[9:12] == ["10  Learning-&rate schedules", "11  &Momentum and adaptive optimisers",
                           "12  &The computational graph and the gradient check"]
    switch_language("ru")
    assert [action.text() for action in window.labs.lab_actions][9:12] == [
        "10  &Расписания скорости обучения", "11  &Метод моментов и адаптивные оптимизаторы",
        "12  &Вычислительный граф и проверка градиента"]


@pytest.mark.parametrize("title, taken, expected", [
    ("Loss & learning rate", {"l"}, "Loss && learning &rate"),  # an ampersand of the title is shown as one
    ("Loss & learning rate", {"l", "r"}, "L&oss && learning rate"),  # no word's first letter left: another
    ("Lab", {"l", "a", "b"}, "Lab")])  # no letter left: none
def test_a_lab_after_the_ninth_takes_a_free_letter_of_its_title_preferring_a_word_s_first(title, taken, expected):
    assert labs_ui.with_mnemonic(title, set(taken)) == expected


def test_closing_a_lab_unlocks_and_shows_every_setting_again(window):
    window.labs.open_lab("01-perceptron")
    assert not window.training_panel.seed.isEnabled()
    assert not window.network_panel.layers.isVisibleTo(window.network_panel)
    window.labs.close_lab()
    assert window.training_panel.seed.isEnabled() and window.data_panel.dataset.isEnabled()
    assert window.network_panel.layers.isVisibleTo(window.network_panel)
    assert window.training_panel.schedule.isVisibleTo(window.training_panel)
    assert window.labs.dock.pages.currentIndex() == 0 and not window.labs.export_action.isEnabled()


def wait_large_values_checked(window, qtbot, dataset_name):
    qtbot.waitUntil(lambda: window.experiment is not None and window.experiment.dataset.name == dataset_name
                    and window._large_values is not None and window._large_values[0] is window.experiment.dataset,
                    timeout=20_000)


UNSCALED_ON_PURPOSE = ("Feature values reach 1680 (in “proline, mg/l”). This variant of the lab trains on them "
                       "unscaled on purpose: far beyond the ±1 or so that a network's initial weights are made for, "
                       "they saturate its units or make its sums huge. Watch how slowly the loss falls (or whether "
                       "it overflows).")


def test_lab_5_s_unscaled_variant_says_it_trains_on_large_values_on_purpose_rather_than_to_scale_them(
        window, qtbot, switch_language):
    """Opening lab 5 warned “Choose the scaling “standardise …”” in the message bar and the Data panel: the answer
    to the lesson, against the variant that trains the raw alcohol and proline to show the crawl."""
    warning = window.data_panel.data_warning
    assert window.labs.open_lab("05-feature-scaling", "unscaled")
    wait_large_values_checked(window, qtbot, "wine_2d")
    assert window.message_bar.message() == UNSCALED_ON_PURPOSE and window.message_bar.level == "info"
    assert not warning.isHidden() and unbroken(warning.text()) == UNSCALED_ON_PURPOSE, "no ⚠, no advice to scale"
    switch_language("ru")
    russian = ("Значения признаков достигают 1\u00a0680 (в «пролин, мг/л»). В этом варианте лабораторной сеть "
               "намеренно обучается на них без масштабирования: далеко за пределами примерно ±1, на которые рассчитаны "
               "начальные веса сети, они насыщают нейроны или делают суммы огромными. Следите, как медленно падают "
               "потери (или не возникает ли переполнение).")
    assert unbroken(warning.text()) == russian and window.message_bar.message() == russian
    switch_language("en")
    # Outside the lab, the same data are warned of as any others.
    window.labs.close_lab()
    assert unbroken(warning.text()).endswith("Choose the scaling “standardise: (x − μ) / σ” (or “min–max to [0, 1]”).")
    assert window.message_bar.message() == unbroken(warning.text())[2:] and window.message_bar.level == "warning"
    assert unbroken(warning.text()).startswith("⚠ Feature values reach 1680")


def test_a_configuration_opened_in_a_lab_leaves_it_unless_it_keeps_what_the_lab_sets(window, tmp_path):
    """A file opened in a lab kept the lab open: its settings showed under the lab's locks, values the lab does
    not allow on controls the student could not change."""
    window.labs.open_lab("01-perceptron")
    window.model.set("optimizer.options.lr", 0.3)
    assert window.save_config(str(tmp_path / "mine.json"))  # saved in the lab: it keeps what the lab sets
    other = tmp_path / "other.json"
    other.write_text(RunConfig().to_json())

    assert window.load_config(str(other))
    assert window.labs.lab is None and window.training_panel.seed.isEnabled(), "the lab's locks are gone"
    assert window.network_panel.layers.isVisibleTo(window.network_panel)
    assert window.message_bar.message() == (
        "The lab “The 10-neuron perceptron on the 8×8 digits” is closed: other.json sets what the lab sets for you "
        "(hidden layers). To work in the lab, open it again from the Labs menu.")
    assert window.windowTitle() == "other.json[*] — MLP Workbench"

    window.labs.open_lab("01-perceptron")
    assert window.load_config(str(tmp_path / "mine.json"))
    assert window.labs.lab.id == "01-perceptron" and not window.training_panel.seed.isEnabled(), "it stays in"
    assert window.model.config.optimizer.lr == 0.3

    assert window.open_recent_file(str(other)) and window.labs.lab is None, "File ▸ Open recent: the same"


def test_settings_a_lab_replaced_come_back_in_their_lab_and_a_lab_s_settings_leave_the_next_lab(window, tmp_path):
    other = tmp_path / "other.json"
    other.write_text(RunConfig().to_json())
    window.labs.open_lab("01-perceptron")
    window.model.set("optimizer.options.lr", 0.3)
    assert window.load_config(str(other)) and window.labs.lab is None
    window.restore_settings_action.trigger()
    assert window.labs.lab.id == "01-perceptron" and window.model.config.optimizer.lr == 0.3
    assert not window.training_panel.seed.isEnabled() and window.isWindowModified()

    window.labs.open_lab("11-optimizers")  # the perceptron's changed settings are offered back: in their lab
    window.restore_settings_action.trigger()
    assert window.labs.lab.id == "01-perceptron" and window.model.config.optimizer.lr == 0.3


def test_xnor_hand_set_weights_are_set_again_after_reset_and_left_out_for_the_trained_variant(window, qtbot):
    lab = labs.load("04-xnor")
    window.labs.open_lab("04-xnor")
    wait_built(qtbot, window)
    names = window.experiment.network.parameter_names()
    weights = dict(zip(names, window.experiment.network.parameters()))
    for name, values in lab.variant("hand_set").weights.items():
        np.testing.assert_array_equal(weights[name], values)
    first = window.experiment
    window.reset_action.trigger()
    qtbot.waitUntil(lambda: window.experiment is not first and window.experiment is not None, timeout=20_000)
    again = dict(zip(names, window.experiment.network.parameters()))
    np.testing.assert_array_equal(again["layer0.W"], lab.variant("hand_set").weights["layer0.W"])
    # The goal belongs to the trained variant only.
    assert not window.labs.dock.goal_row.isVisibleTo(window.labs.dock)
    window.labs.dock.variants.setCurrentIndex(1)
    window.labs.dock.variants.activated.emit(1)
    assert window.labs.variant.name == "trained"
    wait_built(qtbot, window)
    trained = dict(zip(names, window.experiment.network.parameters()))
    assert not np.array_equal(trained["layer0.W"], lab.variant("hand_set").weights["layer0.W"])
    assert window.labs.dock.goal_row.isVisibleTo(window.labs.dock)
    assert window.labs.dock.goal_status.text() == "not yet"


def test_a_students_result_goes_out_as_one_file_and_into_the_teachers_table(window, qtbot, tmp_path):
    window.labs.open_lab("04-xnor", "trained")
    window.model.set("training.epochs", 40)
    wait_built(qtbot, window)
    # Two weights set by hand, one of them undone: the result counts the one that stands.
    assert window.set_weight(0, 0, 0, 20.0) and window.set_weight(0, 1, 0, 20.0) and window.undo_weight_set()
    train_to_the_end(qtbot, window)
    path = window.labs.export_result(tmp_path, student="Anna Petrova")
    assert path is not None and path.parent == tmp_path
    result = labs.read_result(path)
    assert (result.lab, result.variant, result.student) == ("04-xnor", "trained", "Anna Petrova")
    assert result.locked_changed == () and len(result.curves["epochs"]) == 40 and result.weights_set_by_hand == 1
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")

    dialog = ResultsDialog(str(tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1
    headers = [dialog.table.horizontalHeaderItem(i).text() for i in range(dialog.table.columnCount())]
    assert headers[:3] == ["Student", "Lab", "Variant"] and "validation accuracy" in headers
    assert dialog.table.item(0, 0).text() == "Anna Petrova"
    xnor = labs.load("04-xnor")
    assert dialog.table.item(0, 1).text() == f"4. {xnor.title['en']}", "the lab's title, not its identifier"
    assert dialog.table.item(0, 2).text() == xnor.variant("trained").title["en"]
    assert dialog.table.item(0, headers.index("Weights set by hand")).text() == "1"
    assert "broken.json" in dialog.summary.text()
    summary = dialog.summary.text()
    assert not dialog.save_csv(tmp_path / "no such folder" / "table.csv")
    assert dialog.summary.text() == summary, "a failed save leaves the summary as it was"
    assert dialog.save_status.text().startswith("Could not save") and dialog.save_status.isVisibleTo(dialog)
    csv_path = tmp_path / "table.csv"
    assert dialog.save_csv(csv_path)
    assert dialog.save_status.text() == f"Saved the table to {csv_path}."
    assert csv_path.read_bytes().startswith("\ufeff".encode()), "marked as UTF-8 for spreadsheets"
    with csv_path.open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [f"{heading}, %" if heading.endswith("accuracy") else heading for heading in headers]
    assert rows[1][:3] == [dialog.table.item(0, column).text() for column in range(3)]
    column = rows[0].index("validation accuracy, %")
    assert float(rows[1][column]) == pytest.approx(100 * result.metrics["val_accuracy"]), "in percent, as its goal"
    assert rows[1][rows[0].index("Saved")] == result.saved.replace("T", " "), "a date any spreadsheet reads"
    assert rows[1][rows[0].index("Weights set by hand")] == "1"


def test_a_result_holds_the_configuration_that_trained_it_and_needs_a_run_and_a_name(window, qtbot, tmp_path,
                                                                                  monkeypatch):
    window.labs.open_lab("04-xnor", "trained")
    wait_built(qtbot, window)
    assert window.labs.export_result(tmp_path) is None, "nothing trained yet: nothing to export"
    assert window.message_bar.message().startswith("Train the lab first"), "the lab is open already"
    window.model.set("training.epochs", 3)
    train_to_the_end(qtbot, window)
    trained_lr = window.experiment.config.optimizer.options["lr"]
    window.model.set("optimizer.options", {"lr": trained_lr * 10})  # typed after training, not trained with
    path = window.labs.export_result(tmp_path, student="Anna")
    assert labs.read_result(path).config.optimizer.options["lr"] == trained_lr
    assert window.open_run(window.recording.folder), "the run reopened from the library, the lab still open"
    reopened = labs.read_result(window.labs.export_result(tmp_path / "again.json", student="Anna"))
    assert len(reopened.curves["epochs"]) == 3, "its curves from the run library (a reopened run exported none)"
    monkeypatch.setattr(labs_ui.QInputDialog, "getText", lambda *args: ("  ", True))
    window.labs.export_dialog()
    assert "Give your name" in window.message_bar.message()


def test_a_result_the_disk_refuses_is_explained_in_the_window_s_language(window, qtbot, tmp_path, monkeypatch,
                                                                         switch_language):
    """A full memory stick: the Russian window said "[Errno 28] No space left on device: '…'"."""
    window.labs.open_lab("04-xnor", "trained")
    window.model.set("training.epochs", 2)
    train_to_the_end(qtbot, window)

    def full(path, text):
        raise OSError(errno.ENOSPC, "No space left on device", str(path) + ".tmp")

    monkeypatch.setattr(labs, "write_text_atomically", full)
    switch_language("ru")
    assert window.labs.export_result(tmp_path / "anna.json", student="Анна") is None
    message = window.message_bar.message()
    switch_language("en")
    assert message == f"Не удалось экспортировать результат в {tmp_path / 'anna.json'}: на диске нет места"


def test_export_my_result_says_why_it_cannot_export_before_asking_for_a_name_and_a_file(window, qtbot,
                                                                                         monkeypatch):
    """The student typed a name and chose a file, and only then heard that the run had to be paused."""
    asked = []
    monkeypatch.setattr(labs_ui.QInputDialog, "getText", lambda *args: asked.append("name") or ("Anna", True))
    monkeypatch.setattr(labs_ui, "ask_save_path", lambda *args: asked.append("file") or "")
    window.labs.open_lab("04-xnor", "trained")
    wait_built(qtbot, window)
    window.labs.dock.export_button.click()
    assert asked == [] and window.message_bar.message().startswith("Train the lab first")
    window.model.set("training.epochs", 10_000)
    wait_built(qtbot, window)
    window.start_action.trigger()
    qtbot.waitUntil(lambda: window.epochs_done > 0, timeout=20_000)
    window.labs.dock.export_button.click()
    assert asked == [] and window.message_bar.message() == "Pause or stop the run before exporting its result."
    with qtbot.waitSignal(window.run_finished, timeout=10_000):
        window.stop_action.trigger()
    qtbot.waitUntil(lambda: window.state == "idle", timeout=10_000)
    wait_until_saved(window)
    window.labs.dock.export_button.click()
    assert asked == ["name", "file"], "trained and stopped: the name and the file are asked for"


def test_the_name_for_an_exported_result_is_offered_again_only_in_the_same_window(open_window, qtbot, tmp_path,
                                                                                  monkeypatch):
    """Kept in the settings, the last student's name greeted the next on a lab's shared computer."""
    offered = []

    def answer(parent, title, label, mode, text):
        offered.append(text)
        return "Anna Petrova", True

    monkeypatch.setattr(labs_ui.QInputDialog, "getText", answer)
    monkeypatch.setattr(labs_ui, "ask_save_path", lambda *args: str(tmp_path / "anna.json"))
    for _ in range(2):
        window = open_window()
        window.confirm_reset = lambda question: True
        window.labs.open_lab("04-xnor", "trained")
        window.model.set("training.epochs", 2)
        train_to_the_end(qtbot, window)
        window.labs.export_dialog()
        window.labs.export_dialog()
        window.close()
    assert offered == ["", "Anna Petrova", "", "Anna Petrova"]
    assert labs.read_result(tmp_path / "anna.json").student == "Anna Petrova"


def test_every_control_of_the_collect_results_dialog_says_what_it_does(qtbot, tmp_path):
    dialog = ResultsDialog(str(tmp_path))
    qtbot.addWidget(dialog)
    for control in (dialog.folder, dialog.browse, dialog.read_button, dialog.save_button):
        assert len(control.toolTip()) > 20 and control.accessibleName(), control.text()


def test_a_results_folder_that_cannot_be_read_is_said_so_in_the_dialog(qtbot, tmp_path, monkeypatch):
    """A folder the teacher may not list (another user's, a network share): Read raised in the slot and the
    dialog said nothing."""
    def refused(folder):
        raise PermissionError(errno.EACCES, "Permission denied", str(folder))

    monkeypatch.setattr(labs, "collect_results", refused)
    dialog = ResultsDialog(str(tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.summary.text() == f"Could not read the folder “{tmp_path}”: Permission denied"
    assert dialog.table.rowCount() == 0 and not dialog.save_button.isEnabled()


def test_collect_results_opens_again_on_the_folder_it_last_read(window, qtbot, tmp_path, monkeypatch):
    """A teacher collecting each week browsed to the results folder every time: the dialog forgot it."""
    from tests.core.test_labs import student_run

    monkeypatch.setenv("MLP_WORKBENCH_USER_DIR", str(tmp_path / "user"))
    config, history, metrics = student_run("Anna")
    results = tmp_path / "week 1"
    labs.export_result(results / "anna.json", labs.load("01-perceptron"), "perceptron", config, history, metrics,
                       student="Anna")
    first = window.labs.collect_dialog()
    assert first.folder.text() == "", "nothing read yet"
    first.folder.setText(str(results))
    first.read_folder()
    first.close()
    again = window.labs.collect_dialog()
    assert again.folder.text() == str(results) and again.table.rowCount() == 1, "offered, and read again"
    again.close()
    shutil.rmtree(results)  # a memory stick taken out
    gone = window.labs.collect_dialog()
    assert gone.folder.text() == ""
    gone.close()


def test_a_result_file_that_cannot_be_read_says_why_in_the_dialog_s_language(qtbot, tmp_path, monkeypatch,
                                                                             switch_language):
    """The Russian dialog listed "anna.json: файл не читается (Permission denied)": the system's reason stayed
    English."""
    (tmp_path / "anna.json").write_text("{}", encoding="utf-8")
    read_text = labs.Path.read_text

    def refused(path, *args, **kwargs):
        if path.name == "anna.json":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return read_text(path, *args, **kwargs)

    monkeypatch.setattr(labs.Path, "read_text", refused)
    switch_language("ru")
    dialog = ResultsDialog(str(tmp_path))
    qtbot.addWidget(dialog)
    summary = dialog.summary.text()
    switch_language("en")
    assert "• anna.json: файл не читается (нет прав доступа)" in summary


def test_a_results_folder_pasted_with_quotes_or_typed_with_a_tilde_is_read(qtbot, tmp_path, monkeypatch):
    """Windows' "Copy as path" gives "C:\\…\\results" in quotes, and the dialog said it was not a folder."""
    from tests.core.test_labs import student_run

    config, history, metrics = student_run("Anna")
    labs.export_result(tmp_path / "results" / "anna.json", labs.load("01-perceptron"), "perceptron", config,
                       history, metrics, student="Anna")
    monkeypatch.setenv("HOME", str(tmp_path))
    for typed in (f'"{tmp_path / "results"}"', "~/results"):
        dialog = ResultsDialog(typed)
        qtbot.addWidget(dialog)
        assert dialog.table.rowCount() == 1, typed


def test_the_collect_results_dialog_words_its_own_texts_when_the_language_changes(qtbot, tmp_path):
    """Its Browse…, Read and Save as CSV… buttons were left to the texts the window's translator had recorded, and
    stayed English where it had recorded none (a dialog made before the translator was installed)."""
    dialog = ResultsDialog(str(tmp_path))
    qtbot.addWidget(dialog)

    def texts():
        return (dialog.windowTitle(), dialog.browse.text(), dialog.read_button.text(), dialog.save_button.text(),
                dialog.browse.toolTip(), dialog.folder.placeholderText())

    english = texts()
    try:
        i18n.install("ru")  # the translators alone: no recorded text of the dialog is translated for it
        QCoreApplication.sendEvent(dialog, QEvent(QEvent.Type.LanguageChange))
        assert texts() == ("Сбор результатов", "&Обзор…", "&Прочитать", "&Сохранить в CSV…",
                           "Выбрать папку с файлами результатов и прочитать её.", "Папка с файлами результатов")
    finally:
        i18n.set_language("en")
    assert texts() == english


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_teachers_table_is_readable_at_its_default_size_and_shows_when_each_result_was_saved_at_1100_pixels(
        qtbot, tmp_path, language, switch_language):
    """In Russian the heading "Цель достигнута" was cut, the goal was split from its bound at 190 pixels, and even
    at 1100 pixels the day a result was saved was cut at the table's right edge."""
    from tests.core.test_labs import student_run

    config, history, metrics = student_run("Anna")
    perceptron = labs.load("01-perceptron")
    changed = config.copy()
    changed.training.seed, changed.loss.name = 7, "mse"  # two settings lab 1 locks
    for student in ("Александра Константинова", "Boris Ivanov"):  # a name cut at the column's 130 pixels
        labs.export_result(tmp_path / f"{len(student)}.json", perceptron, "perceptron", changed, history, metrics,
                           student=student)
    switch_language(language)
    dialog = ResultsDialog(str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    table, header = dialog.table, dialog.table_data.header
    assert dialog.width() == 960
    for column, name in enumerate(header):
        assert table.horizontalHeader().sectionSizeHint(column) <= table.columnWidth(column), name
        if name in NARROWED_COLUMNS:
            assert all(table.item(row, column).toolTip() == table.item(row, column).text() for row in range(2))
        else:
            assert table.sizeHintForColumn(column) <= table.columnWidth(column), f"{name} is cut"
    lines = table.fontMetrics().lineSpacing()
    assert all(table.rowHeight(row) >= 2 * lines for row in range(2)), "two lines of a title or goal fit"
    goal = header.index("goal")
    assert table.columnViewportPosition(goal) + table.columnWidth(goal) <= table.viewport().width()
    dialog.resize(1100, 460)
    saved = header.index("saved")
    assert table.columnViewportPosition(saved) + table.columnWidth(saved) <= table.viewport().width()


def test_the_teachers_table_sorts_numbers_by_value(qtbot, tmp_path, switch_language):
    from tests.core.test_labs import student_run

    config, history, metrics = student_run("Anna")
    perceptron = labs.load("01-perceptron")
    for student, loss in (("A", 0.3), ("B", 12.0), ("C", 2.5)):
        labs.export_result(tmp_path / f"{student}.json", perceptron, "perceptron", config, history,
                           {**metrics, "val_loss": loss}, student=student)
    dialog = ResultsDialog(str(tmp_path))
    qtbot.addWidget(dialog)
    column = dialog.table_data.header.index("val_loss")
    dialog.table.sortItems(column)
    assert [dialog.table.item(row, 0).text() for row in range(3)] == ["A", "C", "B"], "0.3, 2.5, 12 (not as text)"
    goal = dialog.table_data.header.index("goal met")
    assert {dialog.table.item(row, goal).text() for row in range(3)} <= {"yes", "no"}
    switch_language("ru")
    assert {dialog.table.item(row, goal).text() for row in range(3)} <= {"да", "нет"}, "in the new language"


def test_the_teachers_table_and_its_csv_follow_the_interface_language(qtbot, tmp_path, monkeypatch, switch_language):
    """In Russian the table showed "01-perceptron", "perceptron" and "2026-11-30T10:00:00", and its CSV,
    comma-separated with 0.95 for numbers, came into a Russian spreadsheet as one column of text."""
    from tests.core.test_labs import student_run

    config, history, metrics = student_run("Anna")
    perceptron, xnor = labs.load("01-perceptron"), labs.load("04-xnor")
    stamps = iter(["2026-11-30T10:00:00", "2026-12-01T09:00:00"])
    monkeypatch.setattr(labs.time, "strftime", lambda pattern, *args: next(stamps))
    changed = config.copy()
    changed.training.seed, changed.loss.name = 7, "mse"  # two settings lab 1 locks
    labs.export_result(tmp_path / "anna.json", perceptron, "perceptron", changed, history,
                       {**metrics, "val_accuracy": 0.95}, student="Anna")
    labs.export_result(tmp_path / "boris.json", xnor, "trained", xnor.variant("trained").config, history,
                       {**metrics, "val_accuracy": 0.5}, student="=Boris")
    switch_language("ru")
    dialog = ResultsDialog(str(tmp_path))
    qtbot.addWidget(dialog)
    header = dialog.table_data.header
    anna = next(row for row in range(2) if dialog.table.item(row, 0).text() == "Anna")
    assert dialog.table.item(anna, header.index("lab")).text() == f"1. {perceptron.title['ru']}"
    assert dialog.table.item(anna, header.index("variant")).text() == perceptron.variant("perceptron").title["ru"]
    assert dialog.table.item(anna, header.index("saved")).text() == "30 нояб. 2026 10:00"
    assert dialog.table.item(anna, header.index("locked fields changed")).text() == "функция потерь, зерно", \
        "the settings by name in the interface language, not loss.name, training.seed"
    dialog.table.sortItems(header.index("saved"), Qt.SortOrder.DescendingOrder)
    assert dialog.table.item(0, 0).text() == "=Boris", "1 December after 30 November (not as text)"
    dialog.table.sortItems(header.index("lab"), Qt.SortOrder.DescendingOrder)
    assert dialog.table.item(0, 0).text() == "=Boris", "lab 4 after lab 1"
    headings = [dialog.heading(name) for name in header]
    assert dialog.save_csv(tmp_path / "table.csv")
    with (tmp_path / "table.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    switch_language("en")
    accuracy = header.index("val_accuracy")
    assert rows[0] == [heading + ", %" if name.endswith("accuracy") else heading
                       for name, heading in zip(header, headings)] and headings[0] != "Student", \
        "the headings as the table shows them, an accuracy's saying its numbers are in percent"
    assert {row[0] for row in rows[1:]} == {"Anna", "'=Boris"}, "a name that starts a formula stays text"
    assert sorted(row[accuracy] for row in rows[1:]) == ["50,0", "95,0"], "in percent, as the goals, as numbers"
    assert {row[header.index("goal")] for row in rows[1:]} == {"точность на валидации ≥ 94,0 %",
                                                                "точность на валидации ≥ 100,0 %"}
    assert all(len(row) == len(header) for row in rows)


@pytest.mark.parametrize("locale", ["C", "en_US", "en_GB", "ru_RU"])
def test_the_teachers_table_writes_the_day_a_result_was_saved_so_that_no_locale_mistakes_it(locale):
    """In English under the C locale the table read "30 11 2026 10:00"; in the US locale 11/30/26."""
    from PySide6.QtCore import QLocale

    from app.teacher import saved_text

    previous = QLocale()
    QLocale.setDefault(QLocale.c() if locale == "C" else QLocale(locale))
    try:
        shown = saved_text("2026-11-30T10:00:00")
    finally:
        QLocale.setDefault(previous)
    assert shown == {"ru_RU": "30 нояб. 2026 10:00"}.get(locale, "30 Nov 2026 10:00")
    assert saved_text("yesterday") == "yesterday", "a stamp that is no date is shown as written"


def test_the_teachers_table_greys_out_a_result_exported_again_and_counts_the_newest(qtbot, tmp_path, monkeypatch):
    from PySide6.QtGui import QPalette

    from tests.core.test_labs import student_run

    config, history, metrics = student_run("Anna")
    perceptron = labs.load("01-perceptron")
    stamps = iter(["2026-11-30T10:00:00", "2026-11-30T11:00:00"])
    monkeypatch.setattr(labs.time, "strftime", lambda pattern, *args: next(stamps))
    for name, accuracy in (("first", 0.99), ("again", 0.5)):  # the goal (94 %) reached, then no longer
        labs.export_result(tmp_path / f"{name}.json", perceptron, "perceptron", config, history,
                           {**metrics, "val_accuracy": accuracy}, student="Anna")
    dialog = ResultsDialog(str(tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert dialog.summary.text().startswith("1 results; 0 reached their goal. Results replaced by a later export")
    files = dialog.table_data.header.index("file")
    row = next(row for row in range(2) if dialog.table.item(row, files).text() == "first.json")
    greyed = dialog.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert dialog.table.item(row, 0).foreground().color() == greyed
    assert dialog.table.item(1 - row, 0).foreground().color() != greyed


def test_the_teachers_table_shows_accuracies_in_percent_with_one_decimal_as_its_goals_and_its_csv_in_full(
        qtbot, tmp_path):
    """The accuracy read 0.9512 beside its goal of ≥ 94.0 %: the teacher compared a fraction with a percentage.
    Then 95.12 % by ≥ 94.0 %: digits the goal does not have. The CSV, for a spreadsheet's sums, keeps them all."""
    from tests.core.test_labs import student_run

    config, history, metrics = student_run("Anna")
    for student, accuracy in (("Anna", 0.951234), ("Boris", 0.95149)):
        labs.export_result(tmp_path / f"{student.lower()}.json", labs.load("01-perceptron"), "perceptron", config,
                           history, {**metrics, "val_accuracy": accuracy, "val_loss": 0.25}, student=student)
    dialog = ResultsDialog(str(tmp_path))
    qtbot.addWidget(dialog)
    header = dialog.table_data.header
    dialog.table.sortItems(0)

    def cell(row, name):
        return dialog.table.item(row, header.index(name)).text()

    assert ACCURACY_DECIMALS == 1
    assert [cell(row, "val_accuracy") for row in range(2)] == ["95.1 %", "95.1 %"]
    assert cell(0, "goal") == "validation accuracy\n≥ 94.0 %"
    assert cell(0, "val_loss") == "0.2500", "a loss is no fraction of anything: as it was"
    assert all(cell(0, name).endswith(" %") for name in header if name.endswith("accuracy"))
    dialog.table.sortItems(header.index("val_accuracy"))
    assert [cell(row, "student") for row in range(2)] == ["Anna", "Boris"], "sorted by the full value"
    dialog.table.sortItems(header.index("val_accuracy"), Qt.SortOrder.DescendingOrder)
    assert [cell(row, "student") for row in range(2)] == ["Boris", "Anna"]
    assert dialog.save_csv(tmp_path / "table.csv")
    with (tmp_path / "table.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    column = rows[0].index("validation accuracy, %")
    assert {row[0]: row[column] for row in rows[1:]} == {"Anna": "95.1234", "Boris": "95.149"}, "every digit"


def test_two_students_of_one_name_in_two_groups_are_two_rows_told_apart_by_their_folder(qtbot, tmp_path,
                                                                                        monkeypatch):
    """Two groups each with an Ivanov: one Ivanov's result was greyed out as replaced by the other's."""
    from PySide6.QtGui import QPalette

    from tests.core.test_labs import student_run

    config, history, metrics = student_run("Anna")
    stamps = iter(["2026-11-30T10:00:00", "2026-11-30T11:00:00"])
    monkeypatch.setattr(labs.time, "strftime", lambda pattern, *args: next(stamps))
    for group in ("group-1", "group-2"):
        (tmp_path / group).mkdir()
        labs.export_result(tmp_path / group / "ivanov.json", labs.load("01-perceptron"), "perceptron", config,
                           history, {**metrics, "val_accuracy": 0.95}, student="Ivanov")
    dialog = ResultsDialog(str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    header = dialog.table_data.header
    folder = header.index("folder")
    assert dialog.table.horizontalHeaderItem(folder).text() == "Folder" and folder == 1, "beside the name"
    assert sorted(dialog.table.item(row, folder).text() for row in range(2)) == ["group-1", "group-2"]
    greyed = dialog.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    assert all(dialog.table.item(row, 0).foreground().color() != greyed for row in range(2))
    assert dialog.summary.text() == "2 results; 2 reached their goal."
    viewport = dialog.table.viewport().width()
    for name in ("student", "folder", "lab", "variant", "goal met", "val_accuracy", "goal"):
        column = header.index(name)
        assert dialog.table.columnViewportPosition(column) + dialog.table.columnWidth(column) <= viewport, name


def test_the_teachers_table_shows_the_goal_applied_and_why_a_goal_was_not_judged_here(qtbot, tmp_path, monkeypatch):
    """Collected without the students' lab pack, results were accused of being edited; a foreign lab's verdict
    looked checked; and the goal's metric was past the table's right edge even at 1300 pixels."""
    from tests.core.test_labs import student_run

    config, history, metrics = student_run("Anna")
    perceptron = labs.load("01-perceptron")
    for student in ("Anna Ivanova-Sokolova-Petrovskaya", "Boris", "Kirill", "Lena"):
        labs.export_result(tmp_path / f"{student}.json", perceptron, "perceptron", config, history,
                           {**metrics, "val_accuracy": 0.95}, student=student)
    # Boris's file is of a version of MLP Workbench that recorded no lab version: only its goal tells another one.
    for student, change in (("Boris", {"goal": {"metric": "val_accuracy", "at_least": 0.96}, "goal_met": False,
                                       "lab_fingerprint": None}),
                            ("Kirill", {"lab": "13-my-lab"}), ("Lena", {"variant": "deep"})):
        record = json.loads((tmp_path / f"{student}.json").read_text(encoding="utf-8"))
        (tmp_path / f"{student}.json").write_text(json.dumps({**record, **change}), encoding="utf-8")
    dialog = ResultsDialog(str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    header = dialog.table_data.header
    rows = {dialog.table.item(row, 0).text(): row for row in range(dialog.table.rowCount())}

    def cell(student, name):
        return dialog.table.item(rows[student], header.index(name)).text()

    assert cell("Boris", "goal") == "validation accuracy\n≥ 94.0 %" and cell("Boris", "goal met") == "yes"
    assert cell("Kirill", "goal met") == "not checked: lab not installed here"
    assert cell("Kirill", "goal") == "validation accuracy\n≥ 94.0 %", "the goal its file records, not a dash"
    goal_tip = dialog.table.item(rows["Kirill"], header.index("goal")).toolTip()
    assert goal_tip == "The goal its file records; not checked: lab not installed here"
    assert cell("Lena", "goal met") == "not checked: variant not in the installed lab"
    assert dialog.table.item(rows["Lena"], header.index("goal met")).toolTip() == \
        "not checked: variant not in the installed lab\nThe file says: yes (validation accuracy ≥ 94.0 %)"
    lines = dialog.summary.text().splitlines()
    assert lines[0] == "4 results; 2 reached their goal.", "verdicts not judged here are not counted"
    assert lines[1] == "Goals not checked, of a lab or variant not installed here: 2 (not counted as reached)."
    assert lines[2].startswith("Made with another version of the lab (its goal differs from the one installed "
                               "here): Boris.json.") and "MLP_WORKBENCH_DATA" in lines[2]
    assert "edited?" not in dialog.summary.text()
    assert dialog.width() == 960
    viewport = dialog.table.viewport().width()
    for name in ("student", "lab", "variant", "goal met", "val_accuracy", "goal"):
        column = header.index(name)
        assert dialog.table.columnViewportPosition(column) + dialog.table.columnWidth(column) <= viewport, name


def test_the_teachers_summary_counts_only_results_with_a_goal_where_it_speaks_of_goals(qtbot, tmp_path):
    """A lab without a goal (lab 2), collected with others: its results were counted among those that missed their
    goal, and, of a lab not installed here, among the goals not checked."""
    from tests.core.test_labs import student_run

    config, history, metrics = student_run("Anna")
    perceptron = labs.load("01-perceptron")
    for student in ("Anna", "Boris", "Kirill", "Lena"):
        labs.export_result(tmp_path / f"{student}.json", perceptron, "perceptron", config, history,
                           {**metrics, "val_accuracy": 0.95}, student=student)
    no_goal = {"goal": None, "goal_met": None, "lab_fingerprint": None}
    for student, change in (("Boris", {**no_goal, "lab": "02-gd-sgd-minibatch", "variant": "mini_batch"}),
                            ("Kirill", {**no_goal, "lab": "13-my-lab"}), ("Lena", {"lab": "13-my-lab"})):
        record = json.loads((tmp_path / f"{student}.json").read_text(encoding="utf-8"))
        (tmp_path / f"{student}.json").write_text(json.dumps({**record, **change}), encoding="utf-8")
    dialog = ResultsDialog(str(tmp_path))
    qtbot.addWidget(dialog)
    verdicts = {dialog.table.item(row, 0).text(): dialog.table.item(row, dialog.table_data.header.index("goal met"))
                for row in range(4)}
    assert {student: item.text() for student, item in verdicts.items()} == {
        "Anna": "yes", "Boris": "no goal", "Kirill": "no goal", "Lena": "not checked: lab not installed here"}, \
        "a result without a goal says so, as the summary counts it: not \"not checked\", not a dash"
    assert verdicts["Kirill"].toolTip() == "not checked: lab not installed here\nThe file says: no goal"
    lines = dialog.summary.text().splitlines()
    assert lines[0] == "4 results; 2 of them have a goal, and 1 reached it."
    assert lines[1].startswith("Goals not checked, of a lab or variant not installed here: 1 (not counted as "
                               "reached).")
    for student in ("Anna", "Lena"):
        (tmp_path / f"{student}.json").unlink()
    assert dialog.read_folder() is not None
    assert dialog.summary.text() == "2 results, none with a goal to reach."


def test_the_teachers_table_says_how_to_check_the_goals_of_a_lab_not_installed_here(qtbot, tmp_path):
    """A teacher's own lab, collected on a computer without the class's lab pack: every row said "not checked: lab
    not installed here", and nothing said how to have them checked."""
    from tests.core.test_labs import student_run

    config, history, metrics = student_run("Anna")
    path = labs.export_result(tmp_path / "anna.json", labs.load("01-perceptron"), "perceptron", config, history,
                              metrics, student="Anna")
    path.write_text(json.dumps({**json.loads(path.read_text(encoding="utf-8")), "lab": "13-my-lab"}),
                    encoding="utf-8")
    dialog = ResultsDialog(str(tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.summary.text().splitlines()[1] == (
        "Goals not checked, of a lab or variant not installed here: 1 (not counted as reached). To check them, "
        "collect the results with the lab pack the students used (MLP_WORKBENCH_DATA pointing at it).")


def test_the_teachers_table_names_each_results_lab_version(qtbot, tmp_path, switch_language):
    """Results of a lab edited since (its lab.json, not only its goal) were taken for this version's."""
    from tests.core.test_labs import student_run

    config, history, metrics = student_run("Anna")
    perceptron = labs.load("01-perceptron")
    for student in ("Anna", "Boris", "Kirill", "Lena", "Maria"):
        labs.export_result(tmp_path / f"{student}.json", perceptron, "perceptron", config, history,
                           {**metrics, "val_accuracy": 0.95}, student=student)
    other = "sha256:" + "ab12cd34" * 8  # a lab pack's lab 1 whose seed the teacher unlocked, say
    for student, change in (("Boris", {"lab_fingerprint": other}), ("Kirill", {"lab_fingerprint": None}),
                            ("Lena", {"lab_fingerprint": None, "goal": {"metric": "val_accuracy", "at_least": 0.9}}),
                            ("Maria", {"lab": "13-my-lab"})):
        record = json.loads((tmp_path / f"{student}.json").read_text(encoding="utf-8"))
        record.update(change)
        (tmp_path / f"{student}.json").write_text(json.dumps(record), encoding="utf-8")
    dialog = ResultsDialog(str(tmp_path))
    qtbot.addWidget(dialog)
    column = dialog.table_data.header.index("lab version")
    assert dialog.table.horizontalHeaderItem(column).text() == "Lab version"

    def versions():
        return {dialog.table.item(row, 0).text(): dialog.table.item(row, column).text()
                for row in range(dialog.table.rowCount())}

    assert versions() == {"Anna": "as installed here", "Boris": "another: ab12cd34", "Kirill": "not recorded",
                          "Lena": "another (its goal differs)",
                          "Maria": labs.short_fingerprint(perceptron.fingerprint)}
    lines = dialog.summary.text().splitlines()
    assert lines[2:4] == ["Made with another version of the lab (its settings, locks, variants or goal differ from "
                          "the lab installed here): Boris.json.",
                          "Made with another version of the lab (its goal differs from the one installed here): "
                          "Lena.json. Their goals were judged by the lab installed here; to judge them as the students "
                          "saw them, collect the results with the lab pack the students used (MLP_WORKBENCH_DATA "
                          "pointing at it)."]
    assert dialog.save_csv(tmp_path / "table.csv")
    with (tmp_path / "table.csv").open(encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    assert {row[0]: row[column] for row in rows[1:]}["Boris"] == "another: ab12cd34"
    switch_language("ru")
    assert versions() == {"Anna": "как установлена здесь", "Boris": "другая: ab12cd34", "Kirill": "не записана",
                          "Lena": "другая (у неё другая цель)",
                          "Maria": labs.short_fingerprint(perceptron.fingerprint)}
    assert dialog.summary.text().splitlines()[2].startswith("Сделаны с другой версией лабораторной работы (её "
                                                            "настройки, фиксированные настройки, варианты")


def test_the_teachers_table_says_why_a_file_was_not_read_in_the_interface_language(qtbot, tmp_path, switch_language):
    import json

    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    (tmp_path / "notes.json").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "future.json").write_text(json.dumps({"format": labs.RESULT_FORMAT, "version": 99}), encoding="utf-8")
    (tmp_path / "cut.json").write_text(json.dumps({"format": labs.RESULT_FORMAT, "version": 1}), encoding="utf-8")
    dialog = ResultsDialog(str(tmp_path))
    qtbot.addWidget(dialog)
    lines = dialog.summary.text().splitlines()
    assert lines[1:] == ["Other .json files, not lab results: 1.", "Not read:", "• broken.json: not a JSON file",
                         "• cut.json: an incomplete lab result (missing or malformed: 'goal')",
                         "• future.json: written by another version of MLP Workbench (result version 99)"]
    switch_language("ru")
    lines = dialog.summary.text().splitlines()
    assert "• broken.json: это не файл JSON" in lines
    assert "• cut.json: неполный результат лабораторной работы (нет или неверно: 'goal')" in lines


def test_many_files_that_are_not_results_keep_the_teachers_table_in_sight(qtbot, tmp_path):
    """Sixty saved configurations in the results folder made the dialog over 1,000 pixels tall."""
    for index in range(60):
        (tmp_path / f"run{index}.json").write_text("{}", encoding="utf-8")
    for index in range(8):
        (tmp_path / f"broken{index}.json").write_text("{", encoding="utf-8")
    dialog = ResultsDialog(str(tmp_path))
    qtbot.addWidget(dialog)
    lines = dialog.summary.text().splitlines()
    assert "Other .json files, not lab results: 60." in lines
    assert len(lines) == 3 + 5 + 1 and lines[-1] == "… and 3 more (see the tooltip)."
    assert len(dialog.summary.toolTip().splitlines()) == 8
    assert dialog.sizeHint().height() < 700
    dialog.folder.setText("  ")
    assert dialog.read_folder() is None and dialog.summary.text() == "Choose the folder of the result files (Browse…)."
    assert dialog.table.rowCount() == 0


def test_a_lab_packs_broken_lab_is_named_and_the_shipped_one_offered(open_window, tmp_path, monkeypatch):
    """A trailing comma in a pack's lab 1 left the Labs menu starting at lab 2, with nothing said."""
    broken = tmp_path / "pack" / "labs" / "01-perceptron"
    broken.mkdir(parents=True)
    text = (labs.SHIPPED_LABS / "01-perceptron" / "lab.json").read_text()[:-3] + ",}"
    (broken / "lab.json").write_text(text)
    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(tmp_path / "pack"))
    window = open_window()
    assert [lab.id for lab in window.labs.available_labs] == labs.names()
    assert window.labs.available_labs[0].folder == labs.SHIPPED_LABS / "01-perceptron"
    assert unbroken(window.message_bar.message()).splitlines() == [
        "These labs cannot be used; the shipped lab of the same number is offered instead, where there is one. "
        f"To see every problem: mlp-workbench lab check {tmp_path / 'pack' / 'labs'}",
        str(broken / "lab.json"),
        f"• lab.json: not valid JSON, at line {len(text.splitlines())}, column 5: a name in double quotes is expected "
        "here (is there a comma after the last item, or a name in single quotes?)",
        "• sheet.en.md: the English task sheet is missing"]
    window.confirm_reset = lambda question: True
    assert window.labs.open_lab("01-perceptron"), "the shipped lab offered opens (it read the broken one again)"
    assert window.labs.lab.folder == labs.SHIPPED_LABS / "01-perceptron"
    listed = window.labs.dock.lab_list
    assert listed.item(0).data(Qt.ItemDataRole.UserRole) == "01-perceptron", "listed in the lesson as in the menu"


def test_two_labs_of_one_number_are_told_apart_in_the_window_and_the_clash_is_said(open_window, tmp_path,
                                                                                     monkeypatch, switch_language):
    """A pack's 04-my-xnor beside the shipped 04-xnor: the lab list showed two "4. XNOR", and only
    `mlp-workbench lab check` warned."""
    folder = tmp_path / "pack" / "labs" / "04-my-xnor"
    shutil.copytree(labs.SHIPPED_LABS / "04-xnor", folder)
    raw = json.loads((folder / "lab.json").read_text(encoding="utf-8"))
    raw["id"] = "04-my-xnor"
    (folder / "lab.json").write_text(json.dumps(raw), encoding="utf-8")
    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(tmp_path / "pack"))
    window = open_window()
    window.confirm_reset = lambda question: True
    xnor = labs.load("04-xnor").title["en"]
    listed = window.labs.dock.lab_list
    items = {listed.item(row).data(Qt.ItemDataRole.UserRole): listed.item(row) for row in range(listed.count())}
    assert items["04-my-xnor"].text() == f"4. {xnor} (04-my-xnor)" and items["04-xnor"].text() == f"4. {xnor} (04-xnor)"
    assert items["04-xnor"].toolTip().endswith("⚠ Number 4 is also that of: 04-my-xnor")
    marks = {lab_id: item.icon().cacheKey() for lab_id, item in items.items()}
    assert marks["04-xnor"] == marks["04-my-xnor"] != marks["01-perceptron"] == marks["05-feature-scaling"], \
        "the two labs marked, the others not (but kept in line with them)"
    assert items["01-perceptron"].text() == f"1. {labs.load('01-perceptron').title['en']}", "no clash, no folder"
    menu = {action.data(): action.text() for action in window.labs.lab_actions}
    assert menu["04-my-xnor"] == f"&4  {xnor} (04-my-xnor)" and menu["04-xnor"] == f"&4  {xnor} (04-xnor)"
    buttons = [button.title.text() for button in window.start_page.lab_buttons]
    assert f"4. {xnor} (04-my-xnor)" in buttons and f"4. {xnor} (04-xnor)" in buttons, "on the start page too"
    assert unbroken(window.message_bar.message()).splitlines() == [
        "Labs offered here share a number: 4 (04-my-xnor, 04-xnor). The lists of labs name each by its folder; "
        "before handing the labs out, give each a number of its own. To see every warning: mlp-workbench lab check "
        f"{tmp_path / 'pack' / 'labs'}",  # the pack, where the lab to fix is: not the shipped labs
        str(folder / "lab.json"),
        "• the shipped 04-xnor has number 4 too, and MLP Workbench offers the shipped labs this pack has none of by "
        "name beside its own: the students see two labs numbered 4; to hand this lab out in the place of 04-xnor, "
        "name its folder and id 04-xnor, or give it a number of its own"]
    assert window.message_bar.level == "warning"
    assert window.labs.open_lab("04-my-xnor")
    assert window.labs.dock.title.text() == f"4. {xnor} (04-my-xnor)", "the lesson names which of the two is open"
    switch_language("ru")
    assert unbroken(window.message_bar.message()).startswith("Предлагаемые здесь лабораторные имеют общий номер")
    assert items_text(listed, "04-xnor") == f"4. {labs.load('04-xnor').title['ru']} (04-xnor)"


def test_two_labs_of_one_title_are_told_apart_by_their_folder_in_the_lesson_s_heading_and_the_window_s_title(
        open_window, tmp_path, monkeypatch):
    """A pack's lab 13 titled as the shipped lab 4: the window's title said "XNOR … — MLP Workbench" for either, and
    the lesson's heading differed only by the number. Each is named by its folder too; a lab of its own title is not."""
    folder = tmp_path / "pack" / "labs" / "13-xnor-again"
    shutil.copytree(labs.SHIPPED_LABS / "04-xnor", folder)
    raw = json.loads((folder / "lab.json").read_text(encoding="utf-8"))
    raw["id"], raw["number"] = "13-xnor-again", 13
    (folder / "lab.json").write_text(json.dumps(raw), encoding="utf-8")
    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(tmp_path / "pack"))
    window = open_window()
    window.confirm_reset = lambda question: True
    xnor = labs.load("04-xnor").title
    assert window.labs.open_lab("13-xnor-again")
    assert window.labs.dock.title.text() == f"13. {xnor['en']} (13-xnor-again)"
    assert window.windowTitle() == f"{xnor['en']} (13-xnor-again)[*] — MLP Workbench"
    assert window.labs.open_lab("04-xnor")
    assert window.labs.dock.title.text() == f"4. {xnor['en']} (04-xnor)"
    assert window.windowTitle() == f"{xnor['en']} (04-xnor)[*] — MLP Workbench"
    assert items_text(window.labs.dock.lab_list, "13-xnor-again") == f"13. {xnor['en']} (13-xnor-again)"
    i18n.set_language("ru")
    try:
        assert window.windowTitle() == f"{xnor['ru']} (04-xnor)[*] — MLP Workbench"
        assert window.labs.dock.title.text() == f"4. {xnor['ru']} (04-xnor)"
    finally:
        i18n.set_language("en")
    perceptron = labs.load("01-perceptron").title["en"]
    assert window.labs.open_lab("01-perceptron")
    assert window.windowTitle() == f"{perceptron}[*] — MLP Workbench", "a title of its own, no folder"


def items_text(listed, lab_id):
    return next(listed.item(row).text() for row in range(listed.count())
                if listed.item(row).data(Qt.ItemDataRole.UserRole) == lab_id)


def test_a_task_sheet_shows_the_pictures_kept_in_its_lab_s_folder(open_window, tmp_path, monkeypatch):
    """A teacher's sheet with ![the network](scheme.png) showed a broken-image icon: the sheet's text was read from
    the lab's folder, its pictures looked for in the folder the app was started in."""
    pack = broken_pack(tmp_path, "04-xnor", change=lambda raw: None)
    picture = QImage(40, 20, QImage.Format.Format_RGB32)
    picture.fill(Qt.GlobalColor.blue)
    assert picture.save(str(pack / "labs" / "04-xnor" / "scheme.png"))
    sheet = pack / "labs" / "04-xnor" / "sheet.en.md"
    sheet.write_text(sheet.read_text(encoding="utf-8") + "\n![the network](scheme.png)\n", encoding="utf-8")
    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(pack))
    window = open_window()
    window.labs.open_lab("04-xnor")
    shown = window.labs.dock.sheet.loadResource(QTextDocument.ResourceType.ImageResource, QUrl("scheme.png"))
    assert shown is not None and QImage.fromData(shown).size() == picture.size()


def broken_pack(tmp_path, *lab_ids, change):
    """A lab pack in ``tmp_path`` holding the shipped ``lab_ids``, each lab.json changed by ``change(raw)``."""
    for lab_id in lab_ids:
        folder = tmp_path / "pack" / "labs" / lab_id
        shutil.copytree(labs.SHIPPED_LABS / lab_id, folder)
        raw = json.loads((folder / "lab.json").read_text(encoding="utf-8"))
        change(raw)
        (folder / "lab.json").write_text(json.dumps(raw), encoding="utf-8")
    return tmp_path / "pack"


def test_a_lab_packs_invalid_variant_is_explained_in_the_window_s_language(open_window, tmp_path, monkeypatch,
                                                                           switch_language):
    def two_problems(raw):
        raw["variants"][0]["config"]["optimizer"]["options"]["lr"] = -1
        raw["locked"].append("training.sed")

    pack = broken_pack(tmp_path, "01-perceptron", change=two_problems)
    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(pack))
    switch_language("ru")
    window = open_window()
    russian = unbroken(window.message_bar.message()).splitlines()
    switch_language("en")
    english = unbroken(window.message_bar.message()).splitlines()
    switch_language("en")
    name = labs.read_lab(labs.SHIPPED_LABS / "01-perceptron").variants[0].name
    assert russian == [
        "Эти лабораторные нельзя использовать; вместо каждой предлагается встроенная с тем же номером, если она "
        f"есть. Все ошибки покажет команда mlp-workbench lab check {pack / 'labs'}",
        str(pack / "labs" / "01-perceptron" / "lab.json"),
        f"• вариант '{name}', оптимизатор: sgd lr: должно быть ≥ 0,0, введено -1,0",
        "• locked: 'training.sed' — не настройка конфигурации запуска"]
    assert english[2:] == [f"• variant '{name}', optimiser: sgd lr must be ≥ 0.0, got -1.0",
                           "• locked: 'training.sed' is not a setting of the run configuration"], \
        "the words of mlp-workbench lab check, again in the language chosen"


def test_many_broken_labs_keep_the_message_short_and_point_at_lab_check(open_window, tmp_path, monkeypatch):
    def three_problems(raw):
        raw["goal"] = {"metric": "accuracy"}
        raw["locked"].append("training.sed")
        raw["hidden"].append("training.sed")

    pack = broken_pack(tmp_path, "01-perceptron", "02-gd-sgd-minibatch", "03-activations", "04-xnor",
                       "05-feature-scaling", change=three_problems)
    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(pack))
    window = open_window()
    lines = unbroken(window.message_bar.message()).splitlines()
    assert lines[0].endswith(f"To see every problem: mlp-workbench lab check {pack / 'labs'}")
    assert lines[1:5] == [str(pack / "labs" / "01-perceptron" / "lab.json"),
                          "• locked: 'training.sed' is not a setting of the run configuration",
                          "• hidden: 'training.sed' is not a setting of the run configuration", "• … 1 more"]
    assert lines[-1] == "Other labs that cannot be used: 2" and len(lines) == 1 + 3 * 4 + 1
    assert [lab.folder.parent for lab in window.labs.available_labs[:5]] == [labs.SHIPPED_LABS] * 5


def test_the_goal_indicator_follows_the_run(window, qtbot):
    window.labs.open_lab("01-perceptron")
    dock = window.labs.dock
    assert dock.goal.text() == "Goal: validation accuracy ≥ 94.0 %"
    assert dock.goal_status.text() == "not yet"
    window.model.set("training.epochs", 15)
    wait_built(qtbot, window)
    with qtbot.waitSignal(window.run_finished, timeout=30_000):
        window.start_action.trigger()
    accuracy = window.labs.metrics["val_accuracy"]
    assert dock.goal_status.text() == ("✓ reached" if accuracy >= 0.94 else "not yet")
    assert accuracy >= 0.94, "the lecture's perceptron reaches 94 % on the digits"


def test_the_goal_indicator_judges_the_weights_the_run_ended_with_as_the_exported_result_does(window, qtbot,
                                                                                                tmp_path):
    """Early stopping brings the best epoch's weights back: the indicator judged the last epoch's
    metrics ("not yet") while the exported result of the same weights met the goal."""
    window.labs.open_lab("01-perceptron")
    window.model.set("optimizer.options.lr", 1.0)
    window.model.set("training.patience", 1)
    train_to_the_end(qtbot, window)
    judged, shown = window.labs.metrics["val_accuracy"], window.labs.dock.goal_status.text()
    result = labs.read_result(window.labs.export_result(tmp_path / "anna.json", student="Anna"))
    assert judged == pytest.approx(result.metrics["val_accuracy"])
    assert shown == ("✓ reached" if result.goal_met else "not yet")


def train_to_the_end(qtbot, window) -> None:
    """Train the window's run to its end, and wait until its end is saved: a result, a reopening or a Start with
    other settings read its history, which a writer behind it (a loaded machine, a slow disk) has refused."""
    wait_built(qtbot, window)
    with qtbot.waitSignal(window.run_finished, timeout=30_000):
        window.start_action.trigger()
    qtbot.waitUntil(lambda: window.state == "idle", timeout=10_000)
    wait_until_saved(window)


def test_a_run_trained_in_a_lab_reopens_with_its_lab_and_exports_under_it(window, qtbot, tmp_path):
    window.labs.open_lab("04-xnor", "trained")
    window.model.set("training.epochs", 3)
    train_to_the_end(qtbot, window)
    folder = window.recording.folder
    assert runs.RunInfo.read(folder).lab == {"lab": "04-xnor", "variant": "trained"}
    window.labs.close_lab()
    window.labs.open_lab("01-perceptron")

    assert window.open_run(folder)
    assert (window.labs.lab.id, window.labs.variant.name) == ("04-xnor", "trained"), "its lab came back with it"
    qtbot.waitUntil(lambda: "val_accuracy" in window.labs.metrics, timeout=5000)  # its goal judged, not "not yet"
    assert window.labs.dock.goal_status.text() == ("✓ reached" if window.labs.metrics["val_accuracy"] >= 1.0
                                                   else "not yet")
    assert window.model.config.training.epochs == 3, "with the run's own settings, not the variant's"
    assert window.labs.dock.isVisibleTo(window) and "XNOR" in window.labs.dock.title.text()
    assert window.labs.controls.locked("data.dataset")
    result = labs.read_result(window.labs.export_result(tmp_path / "anna.json", student="Anna"))
    assert (result.lab, result.variant, len(result.curves["epochs"])) == ("04-xnor", "trained", 3)


def test_a_run_trained_in_a_lab_is_named_by_its_variant_s_title_in_the_window_s_language(window, qtbot,
                                                                                          switch_language):
    """The Runs list named it by the lab file's configuration name, “XNOR, trained”, in Russian too."""
    switch_language("ru")
    window.labs.open_lab("04-xnor", "trained")
    window.model.set("training.epochs", 1)
    train_to_the_end(qtbot, window)
    lab = labs.load("04-xnor")
    title = f"{text_in(lab.title, 'ru')} · {text_in(lab.variant('trained').title, 'ru')}"
    assert runs.RunInfo.read(window.recording.folder).name == title
    window.labs.close_lab()
    window.model.set("training.epochs", 2)
    train_to_the_end(qtbot, window)
    assert runs.RunInfo.read(window.recording.folder).name == "XNOR, trained", "outside its lab, by its settings"


def test_a_lab_s_network_trained_on_with_the_lab_closed_is_no_longer_the_lab_s(window, qtbot, tmp_path):
    """Closed, the lab's locks do not hold: a student trained its network further with another learning
    rate, put the lab's back, reopened the run and exported it as the lab's with nothing changed."""
    window.labs.open_lab("04-xnor", "trained")
    window.model.set("training.epochs", 2)
    train_to_the_end(qtbot, window)
    lab_run = window.recording.folder
    window.labs.close_lab()
    window.model.set("optimizer.options", {"lr": window.model.config.optimizer.lr * 3})
    train_to_the_end(qtbot, window)
    outside = window.recording.folder
    assert outside != lab_run and window.run_lab is None
    assert runs.RunInfo.read(outside).lab is None and runs.RunInfo.read(lab_run).lab is not None

    assert window.open_run(lab_run)  # its lab comes back with it; trained on in it, it stays the lab's
    window.model.set("training.epochs", 3)
    train_to_the_end(qtbot, window)
    assert window.run_lab == {"lab": "04-xnor", "variant": "trained"}
    assert runs.RunInfo.read(window.recording.folder).lab == window.run_lab
    assert window.labs.export_result(tmp_path / "anna.json", student="Anna") is not None

    assert window.open_run(outside)
    assert window.labs.lab is None, "reopened outside the lab: nothing to export as its result"


def test_a_run_or_model_of_no_lab_is_not_exported_as_the_open_lab_s_result(window, qtbot, tmp_path):
    window.model.set("training.epochs", 2)
    train_to_the_end(qtbot, window)
    recording = window.recording
    folder = recording.folder
    window.labs.open_lab("01-perceptron")
    qtbot.waitUntil(lambda: recording.done, timeout=5000)  # its writer ends on its own: the window does not wait
    assert runs.RunInfo.read(folder).lab is None

    assert window.open_run(folder)
    assert window.labs.lab is None, "a run of no lab closes the lab: its locks and goal are not the run's"
    window.labs.open_lab("01-perceptron")
    assert window.load_model(folder / "best.npz")  # its curves come with it from the run folder
    assert window.labs.lab is None, "nor do a model file's settings, which the lab does not allow, stay in it"
    assert "The lab “The 10-neuron perceptron on the 8×8 digits” is closed: best.npz sets" \
        in window.message_bar.message()

    window.labs.open_lab("01-perceptron")
    window.labs.close_lab()
    train_to_the_end(qtbot, window)  # the lab's settings, trained with the lab closed
    recording = window.recording
    window.labs.open_lab("01-perceptron")
    qtbot.waitUntil(lambda: recording.done, timeout=5000)  # its writer ends on its own: the window does not wait
    assert window.load_model(recording.folder / "best.npz")
    assert window.labs.lab.id == "01-perceptron", "settings the lab allows stay in it"
    assert window.labs.export_result(tmp_path, student="Anna") is None
    assert "was not trained in this lab's variant" in window.message_bar.message()
    assert "Open the variant again" in window.message_bar.message()
    assert not list(tmp_path.iterdir())
    assert window.labs.dock.goal_status.text() == "not yet", "no result of the lab's to judge"


def test_a_model_made_in_a_lab_reopens_in_it_from_its_run_folder_or_saved_with_file_save_model(window, qtbot,
                                                                                               tmp_path):
    """Such a model stayed in the lab open only when its settings happened to keep the lab's: a student's best.npz
    of lab 4 opened in lab 1 closed it, and reopened in lab 4 was not exported as lab 4's."""
    from core import model_io

    window.labs.open_lab("04-xnor", "trained")
    window.model.set("training.epochs", 2)
    train_to_the_end(qtbot, window)
    best = window.recording.folder / "best.npz"
    assert window.save_model(tmp_path / "xnor.npz")
    assert model_io.load_model(tmp_path / "xnor.npz")[1]["lab"] == {"lab": "04-xnor", "variant": "trained"}

    for model in (best, tmp_path / "xnor.npz"):
        window.labs.open_lab("01-perceptron")
        assert window.load_model(model)
        assert (window.labs.lab.id, window.labs.variant.name) == ("04-xnor", "trained"), model
        assert window.labs.controls.locked("loss.name") and window.model.config.training.epochs == 2
        wait_built(qtbot, window)
        qtbot.waitUntil(lambda: window.run_lab == window.labs.open_variant(), timeout=5000)  # the lab's network
        assert window.open_recent_file(str(model)) and window.labs.lab.id == "04-xnor", "File ▸ Open recent too"
    # The run folder's model comes with its curves: a result of the lab.
    window.load_model(best)
    wait_built(qtbot, window)
    qtbot.waitUntil(lambda: window.run_lab == window.labs.open_variant(), timeout=5000)
    result = labs.read_result(window.labs.export_result(tmp_path / "anna.json", student="Anna"))
    assert (result.lab, result.variant, len(result.curves["epochs"])) == ("04-xnor", "trained", 2)
    (best.parent / "run.json").write_text("{", encoding="utf-8")
    window.labs.open_lab("01-perceptron")
    assert window.load_model(best) and window.labs.lab is None, "a damaged run.json: the model opens, of no lab"


def test_a_model_saved_in_a_lab_and_opened_again_exports_the_result_it_had(window, qtbot, tmp_path):
    """Students save the model and hand the result in later: a model saved with File ▸ Save model had no curves,
    and reopened in its lab could not be exported without training it again."""
    from core import model_io

    window.labs.open_lab("04-xnor", "trained")
    window.model.set("training.epochs", 3)
    train_to_the_end(qtbot, window)
    before = labs.read_result(window.labs.export_result(tmp_path / "before.json", student="Anna"))
    assert window.save_model(tmp_path / "xnor.npz")
    window.labs.open_lab("01-perceptron")

    assert window.load_model(tmp_path / "xnor.npz")
    wait_built(qtbot, window)
    qtbot.waitUntil(lambda: window.run_lab == window.labs.open_variant(), timeout=5000)
    assert window.labs.lab.id == "04-xnor"
    after = labs.read_result(window.labs.export_result(tmp_path / "after.json", student="Anna"))
    assert after.curves == before.curves and len(after.curves["epochs"]) == 3
    assert (after.metrics, after.goal_met, after.locked_changed) == (before.metrics, before.goal_met, ())

    # Saved by an older version: no curves. It opens in its lab as it did; the export says why it needs a run.
    network, metadata = model_io.load_model(tmp_path / "xnor.npz")
    del metadata["history"]
    model_io.save_model(tmp_path / "older.npz", network, **metadata)
    assert window.load_model(tmp_path / "older.npz")
    wait_built(qtbot, window)
    qtbot.waitUntil(lambda: window.run_lab == window.labs.open_variant(), timeout=5000)
    assert window.labs.export_result(tmp_path / "older.json", student="Anna") is None
    assert "This network's curves were not kept, and a result is made of them: it was opened from a model file " \
           "that holds none" in window.message_bar.message()
    assert not (tmp_path / "older.json").exists()

    # Curves damaged by hand: the message names the file and what is wrong, and nothing changes.
    metadata["history"] = {"epochs": [{"epoch": "one"}], "batches": []}
    model_io.save_model(tmp_path / "edited.npz", network, **metadata)
    assert not window.load_model(tmp_path / "edited.npz")
    assert "edited.npz: epoch in entry 1 of epochs of its recorded history must be a whole number ≥ 0, got 'one'" \
        in window.message_bar.message()


def lab_13_broken_since_the_window_opened(tmp_path, monkeypatch) -> str:
    """A lab pack's lab 13 (lab 4's copy, its id not changed: it has problems), not there when the window opened."""
    broken = shutil.copytree(labs.SHIPPED_LABS / "04-xnor", tmp_path / "pack" / "labs" / "13-xnor-again")
    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(tmp_path / "pack"))
    assert broken.name in labs.names()
    return broken.name


def test_a_model_whose_lab_cannot_be_opened_or_sets_otherwise_now_opens_outside_the_labs_saying_why(
        window, qtbot, tmp_path, monkeypatch):
    from core import model_io

    window.labs.open_lab("04-xnor", "trained")
    window.model.set("training.epochs", 2)
    train_to_the_end(qtbot, window)
    assert window.save_model(tmp_path / "xnor.npz")
    network, metadata = model_io.load_model(tmp_path / "xnor.npz")
    tanh = window.model.config.to_dict()
    tanh["network"]["hidden"][0]["activation"] = "tanh"
    cases = [
        ("gone.npz", {"lab": {"lab": "13-gone", "variant": "trained"}},
         "“gone.npz” was made in the lab 13-gone, which cannot be opened now: it is not installed on this computer. "
         "It is opened outside any lab."),
        ("broken.npz", {"lab": {"lab": lab_13_broken_since_the_window_opened(tmp_path, monkeypatch),
                                "variant": "trained"}},
         "“broken.npz” was made in the lab 13-xnor-again, which cannot be opened now: it has problems: id: "
         "'04-xnor' must be the folder's name, '13-xnor-again'. It is opened outside any lab."),
        # Made in lab 4 before it locked another activation, say: its settings are not those the lab allows now.
        ("older.npz", {"config": tanh},
         "“older.npz” was made in the lab “XNOR from AND, OR and NOT neurons”, but does not keep what the lab sets "
         "now (activation): it is opened outside the lab. To work in the lab, open it again from the Labs menu.")]
    for name, changes, message in cases:
        model_io.save_model(tmp_path / name, network, **{**metadata, **changes})
        window.labs.open_lab("01-perceptron")
        assert window.load_model(tmp_path / name)
        assert window.labs.lab is None and window.training_panel.seed.isEnabled(), name
        assert window.message_bar.message().endswith(message), window.message_bar.message()


def test_a_run_brought_back_whose_lab_cannot_be_opened_leaves_the_open_lab_saying_why(window, qtbot, tmp_path,
                                                                                       monkeypatch):
    """Reopened from the Runs view, it left the open lab, an unrelated one, around its settings: the lab's locks
    over values it does not allow, its goal and export over a run that is not its own."""
    window.labs.open_lab("04-xnor", "trained")
    window.model.set("training.epochs", 2)
    train_to_the_end(qtbot, window)
    recording = window.recording
    run = recording.folder
    window.labs.open_lab("01-perceptron")  # the run's recording ends: its run.json is written, on its writer's thread
    qtbot.waitUntil(lambda: recording.done, timeout=5000)
    info = json.loads((run / "run.json").read_text(encoding="utf-8"))
    for tag, why in (({"lab": "13-gone", "variant": "trained"}, "it is not installed on this computer"),
                     ({"lab": lab_13_broken_since_the_window_opened(tmp_path, monkeypatch), "variant": "trained"},
                      "it has problems: id: '04-xnor' must be the folder's name, '13-xnor-again'"),
                     ({"lab": "04-xnor", "variant": "tuned"}, "it no longer has the variant “tuned”")):
        window.labs.open_lab("01-perceptron")
        (run / "run.json").write_text(json.dumps({**info, "lab": tag}), encoding="utf-8")
        assert window.open_run(run)
        assert window.labs.lab is None and window.training_panel.seed.isEnabled(), tag
        assert window.message_bar.message().endswith(
            f"“{info['name']}” was made in the lab {tag['lab']}, which cannot be opened now: {why}. It is opened "
            "outside any lab."), window.message_bar.message()


def test_settings_brought_back_whose_lab_cannot_be_opened_now_leave_the_open_lab_saying_why(window, qtbot, tmp_path,
                                                                                            monkeypatch):
    """The labs the window offers are read once, as it opens, and cannot become unopenable; a lab a pack gained
    since is read when a model made in it opens, and again when settings changed in it are brought back: by then a
    teacher's edit may have broken it. The settings came back in the lab open then, under its locks."""
    from app import run_library
    from core import model_io

    folder = shutil.copytree(labs.SHIPPED_LABS / "04-xnor", tmp_path / "pack" / "labs" / "13-xnor-again")
    raw = json.loads((folder / "lab.json").read_text(encoding="utf-8"))
    (folder / "lab.json").write_text(json.dumps({**raw, "id": folder.name, "number": 13}), encoding="utf-8")
    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(tmp_path / "pack"))
    window.labs.open_lab("04-xnor", "trained")
    wait_built(qtbot, window)
    tag = {"lab": folder.name, "variant": "trained"}
    model_io.save_model(tmp_path / "xnor.npz", window.experiment.network,
                        **run_library.model_metadata(window.experiment, epoch=0, step=0, lab=tag))
    window.labs.open_lab("01-perceptron")
    assert window.load_model(tmp_path / "xnor.npz")
    assert window.labs.open_variant() == tag and folder.name not in [lab.id for lab in window.labs.available_labs]
    window.model.set("training.epochs", 7)
    window.labs.open_lab("01-perceptron")  # the changed settings are offered back, in lab 13
    (folder / "lab.json").write_text(json.dumps(raw), encoding="utf-8")  # its id is no longer its folder's

    window.restore_settings_action.trigger()
    assert window.model.config.training.epochs == 7 and window.model.config.data.dataset == "xnor"
    assert window.labs.lab is None and window.training_panel.seed.isEnabled(), "lab 1's locks are gone"
    assert window.message_bar.message().endswith(
        # named by its folder too: lab 4 has its title
        f"“{text_in(raw['title'], 'en')} (13-xnor-again)” was made in the lab 13-xnor-again, which cannot be opened "
        "now: it has "
        "problems: id: '04-xnor' must be the folder's name, '13-xnor-again'. It is opened outside any lab."), \
        window.message_bar.message()


def test_training_on_past_the_epochs_a_lab_locks_is_flagged_at_start_and_in_the_result(window, qtbot, tmp_path):
    window.labs.open_lab("11-optimizers", "sgd")
    # The lab opens on its race, whose own Start the toolbar's stands aside for: the variant trains beside it.
    window.start_page.show_views(next(view for view in window.views if type(view).__name__ == "LossView"))
    train_to_the_end(qtbot, window)
    first = labs.read_result(window.labs.export_result(tmp_path / "first.json", student="Anna"))
    assert first.locked_changed == ()

    window.start_action.trigger()  # as many epochs more
    assert "training on past them" in window.message_bar.message()
    qtbot.waitUntil(lambda: window.state == "idle", timeout=30_000)
    wait_until_saved(window)
    assert window.epochs_done == 20
    second = labs.read_result(window.labs.export_result(tmp_path / "second.json", student="Anna"))
    assert second.locked_changed == ("training.epochs",)


def test_the_overfitting_lab_locks_its_data_seed_and_keeps_the_data_it_had(window, qtbot):
    """Lab 8's 40 moons are the sample of its training seed: the Data seed row may not draw others."""
    from core.experiment import load_data

    assert window.labs.open_lab("08-overfitting")
    wait_built(qtbot, window)
    panel = window.data_panel
    assert panel.data_seed.isVisibleTo(panel) and panel.data_seed.value() == 0
    assert not panel.data_seed.isEnabled() and not panel.regenerate.isEnabled()
    written_before = labs.load("08-overfitting").variants[0].config.copy()
    del written_before.data.options["seed"]  # as the lab was written before it had one
    np.testing.assert_array_equal(window.experiment.dataset.X_train, load_data(written_before).X_train)
