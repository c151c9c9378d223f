"""Help ▸ Keyboard shortcuts, Files and folders, About: built from the window and the computer as they are."""
import dataclasses

import numpy as np
import pytest
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence

from app import help_menu
from app.help_menu import AboutDialog, FilesDialog, ShortcutsDialog
from core.datasets import mnist


def native(key) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def test_the_help_menu_comes_last_and_each_of_its_entries_opens_its_dialog(window, monkeypatch):
    assert window.menuBar().actions()[-1].menu() is window.help_menu
    opened = []
    for dialog in (ShortcutsDialog, FilesDialog, AboutDialog):
        monkeypatch.setattr(dialog, "exec", lambda self: opened.append(type(self)))
    monkeypatch.setattr(help_menu.QMessageBox, "aboutQt", lambda parent, title: opened.append(title))
    menu = window.help_menu
    for action in (menu.shortcuts_action, menu.files_action, menu.about_action, menu.about_qt_action):
        action.trigger()
    assert opened == [ShortcutsDialog, FilesDialog, AboutDialog, "About Qt"]


def test_the_shortcuts_are_those_of_the_menus_and_views_even_one_added_later(window):
    window.run_menu_extra = QAction("Frobnicate", window)
    window.run_menu_extra.setShortcut(QKeySequence("Ctrl+Alt+J"))
    window.menuBar().actions()[1].menu().addAction(window.run_menu_extra)

    sections = dict(ShortcutsDialog.sections(window))
    assert ("Start", "F5") in sections["Run"]
    assert ("Step one batch", "F7") in sections["Run"]
    assert ("Frobnicate", native("Ctrl+Alt+J")) in sections["Run"]
    assert ("Open configuration…", native(QKeySequence.StandardKey.Open)) in sections["File"]
    assert ("Lab list…", native("Ctrl+L")) in sections["Labs"]
    assert sections["Draw view"] == [("Wipe the canvas to draw another digit", "Esc"),
                                     ("Take back the last stroke", native(QKeySequence.StandardKey.Undo))]
    assert ("Rename the selected run", "F2") in sections["Runs view"]
    listed = {(command, keys) for entries in sections.values() for command, keys in entries}
    for action in window.findChildren(QAction):
        if action.shortcut().isEmpty() or not action.associatedObjects():
            continue
        assert (help_menu.plain(action.text()), native(action.shortcut())) in listed, action.text()

    dialog = ShortcutsDialog(window)
    shown = [dialog.table.item(row, 0).text() for row in range(dialog.table.rowCount())]
    assert shown.index("Run") < shown.index("Frobnicate") < shown.index("Draw view")


def test_the_shortcuts_dialog_speaks_the_window_s_language(window, switch_language):
    switch_language("ru")
    sections = dict(ShortcutsDialog.sections(window))
    assert ("Обучить", "F5") in sections["Запуск"]
    assert "Вкладка «Рисование»" in sections
    assert ShortcutsDialog(window).windowTitle() == "Сочетания клавиш"


def make_idx_folder(folder):
    folder.mkdir(parents=True)
    for stem in mnist.FILE_NAMES.values():
        (folder / f"{stem}.gz").write_bytes(b"")  # where they are is all the dialog asks
    return folder


def row_text(dialog: FilesDialog, key: str) -> str:
    return dialog.rows[key][0].text()


def test_files_and_folders_shows_where_each_data_set_is_found_or_how_to_provide_it(window, tmp_path, monkeypatch):
    shared = tmp_path / "class"
    make_idx_folder(shared / "mnist")
    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(shared))
    monkeypatch.setenv("MLP_WORKBENCH_CACHE_DIR", str(tmp_path / "cache"))
    # Not where Debian's package would put it on the computer running the tests.
    monkeypatch.setitem(mnist.SOURCES, "fashion_mnist", dataclasses.replace(mnist.SOURCES["fashion_mnist"],
                                                                            system_folders=()))

    dialog = FilesDialog(window)
    assert row_text(dialog, "mnist").startswith(str(shared / "mnist"))
    assert "found" in row_text(dialog, "mnist") and dialog.rows["mnist"][1].isEnabled()
    fashion = row_text(dialog, "fashion_mnist")
    assert "not on this computer" in fashion and str(tmp_path / "cache" / "fashion-mnist") in fashion
    assert "30.9 MB" in fashion
    assert not dialog.rows["fashion_mnist"][1].isEnabled()
    assert row_text(dialog, "shared").startswith(str(shared))
    assert "not made yet" in row_text(dialog, "cache") and not dialog.rows["cache"][1].isEnabled()

    make_idx_folder(tmp_path / "cache" / "fashion_mnist")  # copied in while the app runs: found next time
    assert row_text(FilesDialog(window), "fashion_mnist").startswith(str(tmp_path / "cache" / "fashion_mnist"))

    monkeypatch.delenv("MLP_WORKBENCH_DATA")
    dialog = FilesDialog(window)
    assert row_text(dialog, "shared") == "MLP_WORKBENCH_DATA is not set"
    assert not dialog.rows["shared"][1].isEnabled()
    assert "not on this computer" in row_text(dialog, "mnist")
    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(tmp_path / "nowhere"))
    assert "no such folder" in row_text(FilesDialog(window), "shared")


def test_open_folder_shows_the_folder_the_row_names(window, tmp_path, monkeypatch):
    runs_folder = tmp_path / "user" / "runs"
    runs_folder.mkdir(parents=True)
    monkeypatch.setenv("MLP_WORKBENCH_USER_DIR", str(tmp_path / "user"))
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    dialog = FilesDialog(window)
    dialog.rows["runs"][1].click()
    assert opened == [str(runs_folder)]
    assert dialog.rows["my_digits"][1].isEnabled()  # no drawing saved yet, but its folder exists
    dialog.rows["my_digits"][1].click()
    assert opened[-1] == str(tmp_path / "user")


def test_about_lists_the_versions_in_use_and_copies_them(window, monkeypatch):
    import PySide6
    import sklearn

    dialog = AboutDialog(window)
    rows = {dialog.table.item(row, 0).text(): dialog.table.item(row, 1).text()
            for row in range(dialog.table.rowCount())}
    assert rows["NumPy"] == np.__version__
    assert rows["scikit-learn"] == sklearn.__version__
    assert rows["Qt / PySide6"].endswith(PySide6.__version__)
    assert rows["MLP Workbench"] == help_menu.version()
    assert any(name.startswith("openblas") and "threads" in detail for name, detail in rows.items())
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert f"NumPy: {np.__version__}" in copied.splitlines()
    assert dialog.copy_button.text() == "Copied"


def test_about_says_when_the_workbench_is_not_installed(monkeypatch):
    def missing(name):
        raise help_menu.importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(help_menu.importlib.metadata, "version", missing)
    assert help_menu.version() == "not installed"
    assert ("numba", "not installed: the engine runs its loops as NumPy operations") in AboutDialog.components()


@pytest.mark.parametrize("text, expected", [("&Help", "Help"), ("About &Qt", "About Qt"),
                                            ("Save && quit", "Save & quit")])
def test_menu_texts_lose_their_mnemonic(text, expected):
    assert help_menu.plain(text) == expected


def test_save_as_and_quit_have_keys_where_the_platform_binds_none(monkeypatch):
    """Qt binds Save As and Quit to nothing on Windows: the menus showed no key there."""
    from app.main_window import key_sequence

    assert key_sequence("F5") == QKeySequence("F5")
    assert key_sequence(QKeySequence.StandardKey.Open) == QKeySequence(QKeySequence.StandardKey.Open)
    monkeypatch.setattr(QKeySequence, "keyBindings", staticmethod(lambda key: []))
    assert key_sequence(QKeySequence.StandardKey.SaveAs) == QKeySequence("Ctrl+Shift+S")
    assert key_sequence(QKeySequence.StandardKey.Quit) == QKeySequence("Ctrl+Q")
