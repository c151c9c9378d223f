"""Save dialogs add the chosen file type's extension, and ask before replacing the file they name."""
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

import pytest

from app.file_dialogs import extension_of, save_dialog


def answer_no_later() -> list[str]:
    """The questions the next modal box asks, answered "no" (as the user does once the dialog has asked)."""
    questions = []

    def answer_no() -> None:
        box = QApplication.activeModalWidget()
        questions.append(box.text())
        box.reject()

    QTimer.singleShot(50, answer_no)
    return questions


def test_the_extension_of_a_file_type_is_its_first_pattern_s():
    assert extension_of("CSV data (*.csv)") == "csv"
    assert extension_of("MLP Workbench models (*.npz)") == "npz"
    assert extension_of("Run configurations (*.json *.JSON)") == "json"
    assert extension_of("All files (*)") == ""


def test_a_name_typed_without_extension_gets_the_selected_type_s(qtbot, tmp_path):
    dialog = save_dialog(None, "Export view", str(tmp_path / "plot"), "PNG image (*.png);;SVG drawing (*.svg)")
    qtbot.addWidget(dialog)
    dialog.selectNameFilter("SVG drawing (*.svg)")
    dialog.filterSelected.emit("SVG drawing (*.svg)")  # as the user's choice in the type box does
    assert dialog.defaultSuffix() == "svg"
    dialog.accept()
    assert dialog.result() == QFileDialog.DialogCode.Accepted
    assert dialog.selectedFiles() == [str(tmp_path / "plot.svg")]


def test_typing_an_existing_file_s_name_without_extension_asks_before_replacing_it(qtbot, tmp_path):
    (tmp_path / "mine.json").write_text("{}")
    dialog = save_dialog(None, "Export my result", str(tmp_path / "lab_anna.json"), "Lab results (*.json)")
    qtbot.addWidget(dialog)
    dialog.selectFile("mine")
    questions = answer_no_later()
    dialog.show()
    dialog.accept()
    assert questions and "mine.json" in questions[0]
    assert dialog.result() != QFileDialog.DialogCode.Accepted
    assert (tmp_path / "mine.json").read_text() == "{}"


@pytest.mark.parametrize("typed", ["mine", "mine.v2", "mine.v2.json"])
def test_a_name_with_another_extension_gets_the_types_and_the_question_before_replacing(qtbot, tmp_path, typed):
    """"anna.v2" got no extension from the dialog; the caller added .json after it, and replaced anna.v2.json
    without a question."""
    written = tmp_path / (typed if typed.endswith(".json") else f"{typed}.json")
    written.write_text("{}")
    dialog = save_dialog(None, "Export my result", str(tmp_path / "lab_anna.json"), "Lab results (*.json *.JSON)")
    qtbot.addWidget(dialog)
    dialog.selectFile(str(tmp_path / typed))
    questions = answer_no_later()
    dialog.show()
    dialog.accept()
    assert questions and written.name in questions[0]
    assert dialog.result() != QFileDialog.DialogCode.Accepted


def test_a_name_with_another_extension_is_saved_with_the_types_added(qtbot, tmp_path):
    dialog = save_dialog(None, "Export my result", "", "Lab results (*.json *.JSON)")
    qtbot.addWidget(dialog)
    dialog.selectFile(str(tmp_path / "anna.v2"))
    dialog.accept()
    assert dialog.result() == QFileDialog.DialogCode.Accepted
    assert dialog.selectedFiles() == [str(tmp_path / "anna.v2.json")]
    upper = save_dialog(None, "Export my result", "", "Lab results (*.json)")
    qtbot.addWidget(upper)
    upper.selectFile(str(tmp_path / "ANNA.JSON"))
    upper.accept()
    assert upper.selectedFiles() == [str(tmp_path / "ANNA.JSON")], "a name of the type's is left as typed"


def test_a_name_of_another_offered_type_keeps_its_extension_and_selects_that_type(qtbot, tmp_path):
    """"plot.svg" typed with PNG selected became plot.svg.png, a PNG image."""
    dialog = save_dialog(None, "Export view", "", "PNG (*.png);;SVG (*.svg);;CSV (*.csv)")
    qtbot.addWidget(dialog)
    dialog.selectFile(str(tmp_path / "plot.svg"))
    dialog.accept()
    assert dialog.selectedFiles() == [str(tmp_path / "plot.svg")] and dialog.selectedNameFilter() == "SVG (*.svg)"
    other = save_dialog(None, "Export view", "", "PNG (*.png);;SVG (*.svg);;CSV (*.csv)")
    qtbot.addWidget(other)
    other.selectFile(str(tmp_path / "plot.jpg"))
    other.accept()
    assert other.selectedFiles() == [str(tmp_path / "plot.jpg.png")], "a type not offered: the selected one's"


def test_in_russian_the_dialog_s_own_labels_and_a_folder_s_type_are_russian(qtbot, tmp_path, switch_language):
    """Qt's Russian catalogue lacks "Look in:", "Files of type:" and a folder's type "Folder": the app's supplies them."""
    from PySide6.QtWidgets import QLabel, QTreeView

    (tmp_path / "models").mkdir()
    switch_language("ru")
    dialog = save_dialog(None, "Сохранить модель", str(tmp_path / "anna"), "Модели (*.npz)")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the widgets a desktop without a native one shows
    dialog.show()
    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "&Папка:" and labels["fileTypeLabel"] == "&Тип файлов:"
    listing = dialog.findChild(QTreeView)
    folder = listing.model().index(str(tmp_path / "models"))
    qtbot.waitUntil(lambda: listing.model().data(folder.siblingAtColumn(2)) == "Папка", timeout=5_000)
