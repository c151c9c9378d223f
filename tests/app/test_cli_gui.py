"""``mlp-workbench`` without a subcommand: options, clear refusals, and Qt only when a window opens."""
import math
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from app import cli
from app.main_window import MainWindow
from core.config import RunConfig

ROOT = Path(__file__).resolve().parents[2]


def parse(*argv):
    return cli.build_parser().parse_args(list(argv))


def test_the_default_is_the_digits_and_a_dataset_option_overrides_a_config(tmp_path):
    assert cli.initial_config(parse()) == RunConfig()
    config = RunConfig()
    config.training.epochs = 3
    config.data.options = {"n_samples": 50}
    path = tmp_path / "run.json"
    path.write_text(config.to_json(), encoding="utf-8")
    loaded = cli.initial_config(parse("--config", str(path)))
    assert loaded == config
    moons = cli.initial_config(parse("--config", str(path), "--dataset", "moons"))
    assert (moons.data.dataset, moons.data.options, moons.training.epochs) == ("moons", {}, 3)


def test_unknown_datasets_and_bad_files_are_refused_with_exit_code_2(tmp_path, capsys):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--dataset", "nope"])
    assert exit_info.value.code == 2
    assert "unknown dataset 'nope'; choose one of: digits" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.main(["--config", str(tmp_path / "missing.json")])
    assert "cannot read the configuration" in capsys.readouterr().err


def test_a_model_that_is_not_a_readable_model_file_is_refused_with_exit_code_2(tmp_path, capsys):
    for path, words in ((tmp_path / "missing.npz", "does not exist"), (ROOT / "README.md", "not a readable .npz")):
        with pytest.raises(SystemExit) as exit_info:
            cli.main(["--model", str(path)])
        assert exit_info.value.code == 2
        assert words in capsys.readouterr().err


def test_parsing_and_preparing_the_config_never_import_qt():
    probe = ("import sys, app.cli as c; c.initial_config(c.build_parser().parse_args(['--dataset', 'moons']));"
             "bad = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))]; assert not bad, bad")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_open_gui_shows_the_window_on_the_chosen_data_with_its_notices(qtbot, monkeypatch):
    seen = []

    def run_event_loop():
        # Only the shown window: those of earlier tests are closed (and may be deleted while this one loads).
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        for window in shown:
            qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
            seen.append((window.isVisible(), window.experiment.dataset.name, window.model.config.loss.name,
                         window.message_bar.message()))
            window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(run_event_loop))
    config = RunConfig()
    config.data.dataset = "sine"
    assert cli.open_gui(config, ["--model: not yet"], fit_loss_to_data=True) == 0
    assert len(seen) == 1
    visible, dataset, loss, message = seen[0]
    assert visible and dataset == "sine" and loss == "mse"
    # The loss switch comes before or after the notice, depending on whether sine was loaded already.
    assert sorted(message.splitlines()) == ["--model: not yet", "The loss is now Mean squared error, which suits "
                                                                "this data (regression)."]


def test_the_window_opens_on_the_settings_it_last_closed_with(qtbot, monkeypatch, tmp_path):
    """Settings typed and never saved were lost with the window: the next launch opened on the defaults."""
    from app import settings

    monkeypatch.setenv("MLP_WORKBENCH_USER_DIR", str(tmp_path))
    opened, races = [], []

    def run_event_loop():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        qtbot.waitUntil(lambda: window.start_action.isEnabled() or bool(window.model.validation_errors),
                        timeout=15_000)
        opened.append((window.model.config.copy(), window.message_bar.message()))
        race = next(tool for tool in window.tools if type(tool).__name__ == "CompareView")
        races.append(race.preset_box.currentIndex())
        if len(opened) == 1:  # typed in the first session, one of them invalid, never saved
            window.model.set("data.dataset", "moons")
            window.model.set("training.epochs", 77)
            window.model.set("optimizer.options", {"lr": math.inf})  # typed "inf": closing raised
            race.apply_preset(2)  # and a race set up
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(run_event_loop))
    assert cli.main([]) == 0 and opened[0][0] == RunConfig(), "the first launch: the defaults"
    assert cli.main([]) == 0
    restored, message = opened[1]
    assert (restored.data.dataset, restored.training.epochs, restored.optimizer.options) == ("moons", 77, {"lr": math.inf})
    assert message == "" and races[:2] == [0, 2], "the race set up too"
    assert cli.main(["--dataset", "digits"]) == 0 and opened[2][0].training.epochs == 20, "options open what they say"
    (tmp_path / settings.LAST_CONFIG_FILE).write_text("{ damaged", encoding="utf-8")
    assert cli.main([]) == 0
    defaults, message = opened[3]
    assert defaults == RunConfig()
    assert message.startswith("The settings the window last closed with could not be read (")
    (tmp_path / settings.LAST_CONFIG_FILE).write_text('{"data": {"options": [1, 2]}}', encoding="utf-8")
    assert cli.main([]) == 0, "a list where the panels take an object crashed every launch"
    defaults, message = opened[4]
    assert defaults == RunConfig() and "data.options must be an object" in message


def test_a_configuration_given_on_the_command_line_is_the_file_save_writes_to(qtbot, monkeypatch, tmp_path):
    """With --config the title named no file, Ctrl+S asked for a name and File ▸ Open recent did not list it."""
    from app import recent_files

    monkeypatch.setenv("MLP_WORKBENCH_USER_DIR", str(tmp_path))
    config = RunConfig()
    config.training.epochs = 3
    path = tmp_path / "lab-run.json"
    path.write_text(config.to_json(), encoding="utf-8")
    opened = []

    def run_event_loop():
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
        opened.append((window.config_path, window.windowTitle(), window.isWindowModified()))
        if window.config_path is not None:
            window.model.set("training.epochs", 4)
            window.save_action.trigger()  # no dialog: it writes to the file
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(run_event_loop))
    assert cli.main(["--config", str(path)]) == 0
    assert opened[0] == (str(path), "lab-run.json[*] — MLP Workbench", False)
    assert RunConfig.from_json(path.read_text(encoding="utf-8")).training.epochs == 4
    assert recent_files.listed() == [recent_files.resolved(path)]
    assert cli.main(["--config", str(path), "--dataset", "moons"]) == 0
    assert opened[1][0] is None, "the settings are no longer the file's"
