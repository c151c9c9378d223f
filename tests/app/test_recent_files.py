"""File ▸ Open recent: the configurations and models opened or saved through the File menu, newest first,
each once, kept across launches; each opens as its Open action opens it, and one that is gone or cannot be
read is said so and leaves the list."""
import json
import os

import pytest
from PySide6.QtWidgets import QFileDialog

from app import recent_files, settings
from core.config import RunConfig


@pytest.fixture(autouse=True)
def user_folder(tmp_path, monkeypatch):
    """Each test's settings (and so its list) in a folder of its own."""
    monkeypatch.setenv("MLP_WORKBENCH_USER_DIR", str(tmp_path / "user"))
    return tmp_path / "user"


def config_file(path, lr: float = 0.001):
    config = RunConfig()
    config.optimizer.options["lr"] = lr
    path.write_text(config.to_json())
    return path


def entries(window) -> list[tuple[str, str]]:
    """The submenu's files as the File menu shows them: (text, tooltip)."""
    window.menuBar().actions()[0].menu().aboutToShow.emit()  # the File menu reads the list as it opens
    return [(action.text(), action.toolTip()) for action in window.recent_menu.file_actions]


def choose(window, index: int) -> None:
    window.menuBar().actions()[0].menu().aboutToShow.emit()
    window.recent_menu.file_actions[index].trigger()


def test_files_opened_and_saved_through_the_file_menu_are_listed_newest_first_and_kept_for_the_next_launch(
        window, open_window, tmp_path, monkeypatch, user_folder):
    assert not window.recent_menu.menuAction().isEnabled(), "nothing opened yet: the submenu is disabled"
    opened = config_file(tmp_path / "opened.json")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(opened), "")))
    window._open_config_dialog()
    monkeypatch.setattr("app.main_window.ask_save_path", lambda *args: str(tmp_path / "saved as.json"))
    window._save_config_as_dialog()
    monkeypatch.setattr("app.main_window.ask_save_path", lambda *args: str(tmp_path / "model.npz"))
    window._save_model_dialog()
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *args, **kwargs: (str(tmp_path / "model.npz"), "")))
    window._open_model_dialog()  # listed already: it stays once, first
    assert window.recent_menu.menuAction().isEnabled()
    assert entries(window) == [
        ("&1 model.npz", f"Open the model model.npz from the folder {tmp_path}"),
        ("&2 saved as.json", f"Open the configuration saved as.json from the folder {tmp_path}"),
        ("&3 opened.json", f"Open the configuration opened.json from the folder {tmp_path}")]
    window.close()
    stored = json.loads((user_folder / settings.FILE_NAME).read_text(encoding="utf-8"))
    assert stored["recent_files"] == [str(tmp_path / name) for name in ("model.npz", "saved as.json", "opened.json")]
    assert [text for text, _ in entries(open_window())] == ["&1 model.npz", "&2 saved as.json", "&3 opened.json"]


def test_the_list_keeps_ten_files_each_once_by_its_resolved_path(window, tmp_path):
    folder = tmp_path / "configs"
    folder.mkdir()
    for number in range(12):
        assert window.save_config(str(folder / f"run{number}.json"))
    os.symlink(folder, tmp_path / "link")
    assert window.load_config(str(tmp_path / "link" / "run5.json"))  # the same file by another way
    assert window.load_config(str(folder / "run7.json"))
    assert window.save_config(str(folder / ".." / "configs" / "run7.json"))
    assert window.load_config(os.path.relpath(folder / "run9.json"))
    texts = [text for text, _ in entries(window)]
    assert texts == ["&1 run9.json", "&2 run7.json", "&3 run5.json", "&4 run11.json", "&5 run10.json",
                     "&6 run8.json", "&7 run6.json", "&8 run4.json", "&9 run3.json", "1&0 run2.json"]


def test_a_listed_configuration_opens_as_open_configuration_does_offering_changed_settings_back(window, tmp_path):
    first, second = config_file(tmp_path / "first.json", 0.01), config_file(tmp_path / "second.json", 0.02)
    assert window.load_config(str(first)) and window.load_config(str(second))
    window.model.set("optimizer.options.lr", 0.05)
    choose(window, 1)
    assert window.model.config.optimizer.lr == 0.01 and window.config_path == str(first)
    assert window.windowTitle() == "first.json[*] — MLP Workbench" and not window.isWindowModified()
    assert window.message_bar.message() == "The settings you had changed were replaced by those of first.json."
    window.restore_settings_action.trigger()
    assert window.model.config.optimizer.lr == 0.05
    assert [text for text, _ in entries(window)] == ["&1 first.json", "&2 second.json"]


def test_a_listed_file_chosen_while_training_asks_first_as_open_does(window, tmp_path, qtbot, small_config):
    path = config_file(tmp_path / "other.json", 0.02)
    assert window.load_config(str(path))
    window.model.replace(small_config(epochs=500))
    qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
    questions = []
    window.confirm_reset = lambda question: questions.append(question) or False
    window.start()
    try:
        qtbot.waitUntil(lambda: window.steps_done > 0, timeout=10_000)
        assert window.recent_menu.menuAction().isEnabled() and window.open_action.isEnabled()
        choose(window, 0)
        assert questions == ["Opening a configuration stops the current run. Continue?"]
        assert window.session is not None and window.model.config.training.epochs == 500, "the run goes on"
        assert [text for text, _ in entries(window)] == ["&1 other.json"]
    finally:
        window.stop()
        qtbot.waitUntil(lambda: window.session is None, timeout=10_000)


def test_a_listed_model_opens_as_open_model_does(window, open_window, tmp_path, qtbot):
    path = tmp_path / "model.npz"
    assert window.save_model(path)
    other = open_window()
    assert [text for text, _ in entries(other)] == ["&1 model.npz"]
    choose(other, 0)
    assert other.draw_view.current_model().source == "the model in model.npz"
    assert other.windowTitle() == "model.npz[*] — MLP Workbench"


def test_a_file_gone_or_unreadable_is_said_so_by_name_and_leaves_the_list(window, tmp_path):
    gone, damaged = config_file(tmp_path / "gone.json"), config_file(tmp_path / "damaged.json")
    model = tmp_path / "model.npz"
    assert window.save_model(model) and window.load_config(str(gone)) and window.load_config(str(damaged))
    gone.unlink()
    damaged.write_text("{ not JSON")
    model.write_bytes(b"PK and no more")
    window.message_bar.dismiss()
    choose(window, 1)
    assert window.message_bar.message() == f"{gone} no longer exists (was it moved, renamed or deleted?); open it " \
                                           "from where it is now. It is removed from File ▸ Open recent."
    assert window.message_bar.level == "error"
    window.message_bar.dismiss()
    choose(window, 0)
    message = window.message_bar.message()
    assert message.startswith(f"Could not open the configuration: {damaged}")
    assert message.endswith(" It is removed from File ▸ Open recent.")
    assert [text for text, _ in entries(window)] == ["&1 model.npz"]
    window.message_bar.dismiss()
    choose(window, 0)
    assert window.message_bar.message() == f"Could not open the model: {model} is not a readable model file " \
                                           "(truncated or damaged?) It is removed from File ▸ Open recent."
    assert entries(window) == [] and not window.recent_menu.menuAction().isEnabled()


def test_clear_list_empties_and_disables_the_submenu_and_keeps_the_files(window, tmp_path):
    path = config_file(tmp_path / "kept.json")
    assert window.load_config(str(path))
    assert window.recent_menu.actions()[-1] is window.recent_menu.clear_action, "at the bottom"
    window.recent_menu.clear_action.trigger()
    assert entries(window) == [] and not window.recent_menu.menuAction().isEnabled()
    assert path.exists() and settings.load().recent_files == []


def test_a_hand_edited_list_keeps_only_its_paths(user_folder):
    user_folder.mkdir()
    (user_folder / settings.FILE_NAME).write_text(json.dumps({"schema_version": 1, "language": "ru",
                                                              "recent_files": ["/a/run.json", 3, None, "", "/b.npz"]}))
    assert recent_files.listed() == ["/a/run.json", "/b.npz"]
    assert settings.load().language == "ru"


def test_the_submenu_speaks_russian(window, tmp_path, switch_language):
    assert window.load_config(str(config_file(tmp_path / "run.json")))
    switch_language("ru")
    assert window.recent_menu.title() == "&Недавние файлы"
    assert entries(window) == [("&1 run.json", f"Открыть конфигурацию run.json из папки {tmp_path}")]
    assert window.recent_menu.clear_action.text() == "&Очистить список"
    switch_language("en")
    assert window.recent_menu.title() == "Open &recent"
