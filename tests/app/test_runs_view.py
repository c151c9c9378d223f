"""The run library in the window: every run saved, the Runs view (list, rename, delete/undo, overlay),
reopening, rewinding into a branched run, continuing, and crash recovery."""
import contextlib
import errno
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app import i18n, palette, training_process
from app.main_window import MainWindow
from app.panels.widgets import unbroken
from app.views.runs_view import RunsView
from core import events, model_io, runs
from core.config import OptimizerConfig, RunConfig
from core.experiment import Experiment
from tests.app.saved_runs import wait_until_saved


@pytest.fixture
def library(tmp_path, monkeypatch):
    monkeypatch.setenv(runs.RUNS_VARIABLE, str(tmp_path / "runs"))
    return tmp_path / "runs"


@pytest.fixture
def open_window(open_window, library):
    """Windows made after the run library has moved to the test's folder."""
    return open_window


def train(window, qtbot):
    with qtbot.waitSignal(window.run_finished, timeout=30_000) as finished:
        window.start()
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    window.recording.wait()
    return finished.args[0]


def recorded_run(config, checkpoint_every=2):
    """A run trained and saved without the window (as the command line does)."""
    experiment = Experiment(config)
    recorder = runs.RunRecorder(config, experiment.network, config.data.dataset, checkpoint_every=checkpoint_every)
    for event in experiment.make_trainer().run():
        recorder.record(event)
    return recorder.folder


def quick_config(small_config, name, lr=0.05, epochs=4):
    config = small_config(epochs=epochs)
    config.name = name
    config.optimizer = OptimizerConfig("sgd", {"lr": lr})
    return config


def test_every_window_run_is_saved_and_listed(open_window, qtbot, small_config, library):
    window = open_window(small_config(epochs=3))
    assert window.runs_view is not None  # made when asked for, if the window's first paint has not yet made it
    assert window.view_tabs.tabText(0) == "Draw" and window.view_tabs.currentIndex() == 0
    assert window.view_tabs.tabText(window.view_tabs.count() - 1) == "Runs"
    train(window, qtbot)
    folder = window.recording.folder
    assert folder.parent == library
    assert {path.name for path in folder.iterdir()} >= {"run.json", "config.json", "history.json", "best.npz",
                                                        "last.npz"}
    last, metadata = runs.load_weights(folder, "last")
    np.testing.assert_array_equal(last.flat_parameters, window.experiment.network.flat_parameters)
    assert (metadata["epoch"], metadata["dataset"]) == (3, "digits")
    view = window.runs_view
    view.refresh_list()
    (info,) = view.runs()
    assert (info.name, info.dataset, info.network, info.optimizer, info.status, info.epochs_done) == \
        ("digits · 16relu · sgd 0.05", "digits", "16", "sgd", "completed", 3)
    row = [view.tree.topLevelItem(0).text(column) for column in range(len(view.columns))]
    assert row[:4] == ["digits · 16relu · sgd 0.05", "8×8 digits", "16", "SGD"]  # the lists' names
    assert info.task == "classification" and row[4] == f"{100 * info.best_metric:.1f} %"  # as the status bar writes it
    assert row[5] == "3" and row[7] == "completed"
    assert view.tree.topLevelItem(0).font(0).bold(), "the window's current run stands out"


def test_starting_again_with_the_same_settings_goes_on_in_the_same_run_and_other_settings_branch(
        open_window, qtbot, small_config, library):
    window = open_window(small_config(epochs=2))
    train(window, qtbot)
    first = window.recording.folder
    train(window, qtbot)
    assert window.recording.folder == first and runs.RunInfo.read(first).epochs_done == 4
    window.model.set("optimizer.options.lr", 0.01)
    train(window, qtbot)
    branch = window.recording.folder
    assert branch != first
    info = runs.RunInfo.read(branch)
    assert info.parent == {"run": first.name, "epoch": 4} and info.epochs_done == 6
    assert [entry["epoch"] for entry in runs.load_history(branch)["epochs"]] == [1, 2, 3, 4, 5, 6]
    assert runs.RunInfo.read(first).status == "completed"


def test_rename_delete_and_undo(qtbot, small_config, library):
    older = recorded_run(quick_config(small_config, "older", epochs=2))
    newer = recorded_run(quick_config(small_config, "newer", epochs=2))
    view = RunsView()
    qtbot.addWidget(view)
    view.refresh_list()
    assert sorted(info.name for info in view.runs()) == ["newer", "older"]
    item = view.item(older)
    item.setText(0, "renamed by hand")  # what editing the name cell does
    assert runs.RunInfo.read(older).name == "renamed by hand"
    assert not view.rename(newer, "   ") and "non-empty name" in view.status.text()
    assert runs.RunInfo.read(newer).name == "newer"

    view.select([older, newer])
    assert view.delete_selected()
    assert view.runs() == [] and not older.exists() and view.undo_strip.isVisibleTo(view)
    assert view.undo_label.text() == "Deleted 2 runs."
    assert view.undo_delete()
    assert sorted(info.name for info in view.runs()) == ["newer", "renamed by hand"]
    assert set(view.selected()) == {older, newer} and not view.undo_strip.isVisibleTo(view)
    assert not view.undo_delete(), "nothing left to undo"


def test_a_save_updates_only_its_own_row_without_reading_the_library_again(qtbot, small_config, library,
                                                                           monkeypatch):
    older = recorded_run(quick_config(small_config, "older", epochs=2))
    newer = recorded_run(quick_config(small_config, "newer", epochs=2))
    view = RunsView()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: len(view.runs()) == 2)
    listed = []
    monkeypatch.setattr(runs, "list_runs", lambda *args: listed.append(args) or [])
    meta = json.loads((older / "run.json").read_text(encoding="utf-8"))
    (older / "run.json").write_text(json.dumps({**meta, "epochs_done": 99, "status": "diverged"}), encoding="utf-8")
    view.show_saved(older)
    qtbot.waitUntil(lambda: view.item(older).text(5) == "99")
    assert view.item(older).foreground(7).color().name() == QColor(palette.OKABE_ITO["vermillion"]).name()
    assert view.item(newer).text(5) == "2" and view.item(newer).foreground(7).style() == Qt.BrushStyle.NoBrush
    assert listed == [] and {info.folder for info in view.runs()} == {older, newer}


def test_the_window_s_current_run_cannot_be_deleted_and_is_renamed_through_its_recording(
        open_window, qtbot, small_config):
    window = open_window(small_config(epochs=2))
    train(window, qtbot)
    view, folder = window.runs_view, window.recording.folder
    assert not view.delete([folder]) and folder.exists()
    assert "current run" in view.status.text()
    assert view.rename(folder, "my run")
    train(window, qtbot)  # a later save must keep the new name
    assert runs.RunInfo.read(folder).name == "my run"


def test_the_curves_of_the_selected_runs_are_overlaid_in_palette_colours(qtbot, small_config, library, tmp_path):
    folders = [recorded_run(quick_config(small_config, name, lr)) for name, lr in (("slow", 0.01), ("fast", 0.2))]
    view = RunsView()
    qtbot.addWidget(view)
    view.refresh_list()
    view.select(folders)
    view.curve_box.setCurrentIndex(view.curve_box.findData("val_metric"))
    curves = {name: (x, y) for name, x, y in view.overlaid()}
    assert set(curves) == {"slow", "fast"}
    for folder in folders:
        history = runs.load_history(folder)["epochs"]
        x, y = curves[runs.RunInfo.read(folder).name]
        np.testing.assert_array_equal(x, [entry["epoch"] for entry in history])
        np.testing.assert_allclose(y, [entry["val_metric"] for entry in history])
    drawn = [item for item in view.plot.listDataItems()]
    assert [item.opts["pen"].color().name() for item in drawn] == \
        [palette.series_color(0).name(), palette.series_color(1).name()]
    view.export(tmp_path / "overlay.csv")
    assert (tmp_path / "overlay.csv").read_text(encoding="utf-8").count("\n") == 1 + 2 * 4
    view.export(tmp_path / "overlay.png")
    assert (tmp_path / "overlay.png").stat().st_size > 1000


def test_the_overlay_s_legend_hides_no_curve_of_a_run_whose_loss_did_not_fall(qtbot, small_config, library):
    """A loss climbing to the top right corner, as a run diverging or not learning draws it: the legend, kept there
    for losses, hid its last epochs."""
    folder = recorded_run(quick_config(small_config, "climbing", epochs=8))
    path = folder / "history.json"
    history = json.loads(path.read_text(encoding="utf-8"))
    for entry, loss in zip(history["epochs"], (0.5, 0.5, 0.52, 0.55, 0.6, 0.7, 0.85, 1.0)):
        entry["val_loss"] = loss
    path.write_text(json.dumps(history), encoding="utf-8")
    view = RunsView()
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    view.refresh_list()
    view.select([folder])
    assert view.curve_box.currentData() == "val_loss"
    view.graphics.grab()  # painted: the axes fit the curve
    legend = view.legend.mapRectToScene(view.legend.boundingRect())
    (_, x, y), = view.overlaid()
    line = [view.plot.vb.mapViewToScene(pg.QtCore.QPointF(a + (b - a) * t, c + (d - c) * t))
            for a, b, c, d in zip(x, x[1:], y, y[1:]) for t in np.linspace(0, 1, 11)]
    assert not [point for point in line if legend.contains(point)]


def test_switching_language_translates_the_statuses_data_sets_checkpoints_and_curves_listed(qtbot, small_config,
                                                                                            library, switch_language):
    folder = recorded_run(quick_config(small_config, "run"))
    view = RunsView()
    qtbot.addWidget(view)
    view.refresh_list()
    view.select([folder])
    row = view.tree.topLevelItem(0)
    texts = [row.text(column) for column in range(view.tree.columnCount())]
    (info,) = view.runs()
    assert f"{100 * info.best_metric:.1f} %" in texts
    assert "completed" in texts and "8×8 digits" in texts and view.checkpoint_box.currentText() == "epoch 4"
    assert view.curve_box.currentText() == "validation loss"
    switch_language("ru")
    row = view.tree.topLevelItem(0)
    texts = [row.text(column) for column in range(view.tree.columnCount())]
    assert "завершено" in texts and "completed" not in texts
    assert "Цифры 8×8" in texts and "8×8 digits" not in texts
    assert f"{100 * info.best_metric:.1f} %".replace(".", ",") in texts  # the language's decimal comma
    assert view.checkpoint_box.currentText() == "эпоха 4" and view.selected() == [folder]
    assert view.curve_box.currentText() == "потери на валидации"


def test_reopening_a_run_restores_its_settings_plots_and_weights(open_window, qtbot, small_config, library):
    config = quick_config(small_config, "to reopen", lr=0.07, epochs=4)
    config.network.hidden[0].units = 24
    folder = recorded_run(config)
    window = open_window()
    window.runs_view.refresh_list()
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        window.runs_view.select([folder])
        window.runs_view.open_selected()
    assert window.model.config.network.hidden[0].units == 24
    assert window.model.config.optimizer.options["lr"] == 0.07
    assert window.training_panel.optimizer_options.controls()["lr"].value() == 0.07
    last, _ = runs.load_weights(folder, "last")
    np.testing.assert_array_equal(window.experiment.network.flat_parameters, last.flat_parameters)
    history = runs.load_history(folder)
    assert (window.epochs_done, window.steps_done) == (4, history["epochs"][-1]["step"])
    loss_view = next(view for view in window.views if type(view).__name__ == "LossView")
    loss_view.refresh()
    np.testing.assert_allclose(loss_view.loss_series[3].y, [entry["val_loss"] for entry in history["epochs"]])
    assert len(loss_view.loss_series[0]) == len(history["batches"])
    assert window.draw_view.current_model().source == "the run “to reopen” at epoch 4"
    assert window.status_labels["epoch"].text() == "epoch 4/4"


def test_new_weights_for_changed_data_say_where_the_trained_network_is_and_bring_it_back(open_window, qtbot,
                                                                                         small_config, library):
    """Changing the data after a run threw the trained weights away without a word (the run was in the
    library, but nothing said so); Reset and a reopened run say it too."""
    window = open_window(quick_config(small_config, "digits before", epochs=2))
    window.confirm_reset = lambda question: True
    train(window, qtbot)
    trained = window.experiment.network.flat_parameters.copy()
    folder = window.recording.folder
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        window.model.set("data.dataset", "moons")
    assert window.message_bar.message() == "New weights: the network trained before is kept in the Runs view as " \
                                           "“digits before”."
    assert window.message_bar.action_button.defaultAction() is window.reopen_replaced_action
    assert not window.message_bar.action_button.isHidden()
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        assert window.reopen_replaced_run()
    assert window.current_history() is not None and window._origin[0] == folder, "that very run"
    np.testing.assert_array_equal(window.experiment.network.flat_parameters, trained)
    assert window.model.config.data.dataset == "digits" and window.steps_done > 0
    assert "New weights" not in window.message_bar.message(), "opening a run replaces nothing unsaid"
    window.message_bar.dismiss()
    assert window.statusBar().currentMessage().startswith("Opened the run “digits before”")
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        window.reset()
    assert window.statusBar().currentMessage() == "", "nothing said of the network before beside fresh weights"
    assert window.message_bar.message().endswith("“digits before”.")
    # Reopened (or rewound, or gone back), the network was not the run's last weights' by recording: named only.
    assert window.message_bar.action_button.isHidden() and not window.reopen_replaced_run()
    window.message_bar.dismiss()
    train(window, qtbot)  # trained into a run of its own: reopened, it gives these weights back
    trained_on = window.experiment.network.flat_parameters.copy()
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        window.reset()
    assert not window.message_bar.action_button.isHidden()
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        assert window.reopen_replaced_run()
    np.testing.assert_array_equal(window.experiment.network.flat_parameters, trained_on)
    for _ in range(2):  # the reopened network named; then fresh weights, never trained: nothing to keep
        window.message_bar.dismiss()
        with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
            window.reset()
    assert window.message_bar.message() == "" and not window.reopen_replaced_run()


def test_a_run_the_library_cannot_save_says_so_until_dismissed(open_window, qtbot, small_config, monkeypatch,
                                                               tmp_path):
    """The warning was shown, then dismissed by the same Start a moment later: the user never knew."""
    window = open_window(small_config(epochs=2))

    def read_only(*args, **kwargs):
        raise OSError(30, "Read-only file system", "/media/readonly/runs")

    monkeypatch.setattr(runs, "RunRecorder", read_only)
    window.show()
    with qtbot.waitSignal(window.run_finished, timeout=30_000):
        window.start()
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    assert window.message_bar.message().startswith("This run is not saved:")
    assert "Read-only file system: /media/readonly/runs" in window.message_bar.message()
    assert "save the model (File ▸ Save model)" in window.message_bar.message()
    assert not window.export_metrics(tmp_path / "metrics.csv")
    assert "not recorded: the run library could not be written" in window.message_bar.message()


class FullDisk:
    """Every file written under ``folder`` fails as on a full disk while :attr:`full` is set."""

    def __init__(self, monkeypatch, folder):
        self.folder, self.full, self._atomic_file = folder, False, model_io.atomic_file
        monkeypatch.setattr(model_io, "atomic_file", self.atomic_file)

    @contextlib.contextmanager
    def atomic_file(self, path):
        if self.full and self.folder in Path(path).parents:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        with self._atomic_file(path) as stream:
            yield stream


def test_a_disk_filling_up_mid_run_is_told_once_loses_no_training_and_marks_the_run_once_room_is_made(
        open_window, qtbot, small_config, monkeypatch, tmp_path):
    """The run.json of a run whose files failed stayed "running": the next launch offered it as killed."""
    disk = FullDisk(monkeypatch, tmp_path)
    window = open_window(small_config(epochs=30))
    window.pace_box.setCurrentIndex(1)  # 10 epochs a second: the disk fills up while it trains
    told = []
    monkeypatch.setattr(window.message_bar, "show_message", lambda text, *args: told.append(text))
    with qtbot.waitSignal(window.run_finished, timeout=60_000) as finished:
        window.start()
        folder = window.recording.folder
        qtbot.waitUntil(lambda: runs.RunInfo.read(folder).epochs_done >= 2, timeout=20_000)
        disk.full = True
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    assert finished.args[0].reason == "completed" and window.epochs_done == 30
    assert told == [f"This run is no longer saved: No space left on device ({folder}). Training goes on; to keep "
                    "its network, make room or save the model (File ▸ Save model) into a folder you can write to."]
    assert runs.RunInfo.read(folder).status == "running", "the full disk refused run.json too"

    assert not window.save_model(tmp_path / "model.npz")
    disk.full = False  # room made: the network trained past the run's files is saved whole
    assert window.save_model(tmp_path / "model.npz")
    saved, _ = model_io.load_model(tmp_path / "model.npz")
    np.testing.assert_array_equal(saved.flat_parameters, window.experiment.network.flat_parameters)
    window.close()
    info = runs.RunInfo.read(folder)
    assert info.status == runs.RECORDING_STOPPED and 2 <= info.epochs_done < 30, "as its files hold it"
    view = RunsView()
    qtbot.addWidget(view)
    view.refresh_list()
    assert view.item(folder).text(7) == "saving stopped"


@pytest.fixture
def disk_full_at_the_end(monkeypatch):
    """Run recordings fail on a full disk as they write a run's end (its TrainingFinished), once the test sets the
    event returned: until then they wait there, as a slow disk's writer would."""
    release = threading.Event()
    record = runs.RunRecorder.record

    def full_at_the_end(recorder, event, *args, **kwargs):
        if isinstance(event, events.TrainingFinished):
            assert release.wait(30)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        record(recorder, event, *args, **kwargs)

    monkeypatch.setattr(runs.RunRecorder, "record", full_at_the_end)
    yield release
    release.set()


@pytest.mark.parametrize("worker", ["process", "thread"])
def test_a_run_whose_end_the_full_disk_refuses_says_its_training_has_ended_and_how_to_keep_its_weights(
        open_window, qtbot, small_config, monkeypatch, tmp_path, disk_full_at_the_end, worker):
    """The warning said "Training goes on" of a run that had ended."""
    if worker == "thread":  # a thread's run hands its end to the writer before the window hears of it
        monkeypatch.setattr(training_process, "available", lambda: False)
    window = open_window(small_config(epochs=2))
    window.confirm_reset = lambda question: True
    told = []
    monkeypatch.setattr(window.message_bar, "show_message", lambda text, *args, **kwargs: told.append(text))
    with qtbot.waitSignal(window.run_finished, timeout=30_000):
        window.start()
    folder = window.recording.folder
    disk_full_at_the_end.set()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert told == [f"The end of this run could not be saved: No space left on device ({folder}). Its training has "
                    "ended; the run library lacks the weights it ended with and its curves since the last save. To "
                    "keep them, make room or save the model (File ▸ Save model) into a folder you can write to."]
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    assert window.save_model(tmp_path / "model.npz"), "the window holds them"
    saved, metadata = model_io.load_model(tmp_path / "model.npz")
    np.testing.assert_array_equal(saved.flat_parameters, window.experiment.network.flat_parameters)
    assert len(metadata["history"]["epochs"]) == 2

    # A run the window has left (Reset) before its end failed: the weights it ended with are gone.
    disk_full_at_the_end.clear()
    with qtbot.waitSignal(window.run_finished, timeout=30_000):
        window.start()
    folder = window.recording.folder
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    window.reset()
    assert window.recording is None or window.recording.folder != folder
    told.clear()  # Reset says where the run is kept
    disk_full_at_the_end.set()
    qtbot.waitUntil(lambda: bool(told), timeout=10_000)
    assert told == [f"The end of the run in {folder} could not be saved: No space left on device. Its training had "
                    "ended; the run library keeps it as of its last save, without the weights it ended with."]


def test_the_window_s_run_whose_files_the_full_disk_refuses_is_listed_as_saving_stopped_though_run_json_says_running(
        open_window, qtbot, small_config, monkeypatch, tmp_path):
    """The full disk refused the mark in run.json too: the Runs view, which reads it, listed the run as running after
    it had finished, until the window closed, and again once the window had let go of the run (Reset)."""
    disk = FullDisk(monkeypatch, tmp_path)
    window = open_window(small_config(epochs=30))
    window.pace_box.setCurrentIndex(1)  # 10 epochs a second: the disk fills up while it trains
    monkeypatch.setattr(window.message_bar, "show_message", lambda *args: None)
    window.show()
    view = window.runs_view
    window.view_tabs.setCurrentWidget(view)
    with qtbot.waitSignal(window.run_finished, timeout=60_000):
        window.start()
        folder = window.recording.folder
        qtbot.waitUntil(lambda: view.item(folder) is not None and int(view.item(folder).text(5)) >= 2, timeout=20_000)
        assert view.item(folder).text(7) == "running"
        disk.full = True
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    assert runs.RunInfo.read(folder).status == "running", "the full disk refused run.json too"
    qtbot.waitUntil(lambda: view.item(folder).text(7) == "saving stopped", timeout=5_000)
    assert view.item(folder).foreground(7).color().name() == QColor(palette.OKABE_ITO["vermillion"]).name()
    view.refresh_list()
    assert view.item(folder).text(7) == "saving stopped", "whatever run.json says"
    window.confirm_reset = lambda question: True
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        window.reset()  # the window lets go of the run: its recording tries the mark once more, on a disk still full
    assert view.active_recording is None and runs.RunInfo.read(folder).status == "running"
    view.refresh_list()
    assert view.item(folder).text(7) == "saving stopped"


def test_the_window_is_gone_before_it_waits_for_the_run_to_stop(open_window, qtbot, small_config, monkeypatch):
    """A batch of 98 M weights kept a closed window on the screen, frozen, for 20 s."""
    window = open_window(small_config(epochs=50))
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.state == "running", timeout=10_000)
    shown_while_waiting = []
    discard = window._discard_session
    monkeypatch.setattr(window, "_discard_session", lambda: (shown_while_waiting.append(window.isVisible()),
                                                             discard()))
    window.close()
    assert shown_while_waiting == [False] and window.session is None


def test_rewinding_to_a_checkpoint_with_other_settings_trains_a_branched_run(open_window, qtbot, small_config,
                                                                              library):
    old = recorded_run(quick_config(small_config, "original", epochs=4))
    window = open_window()
    window.runs_view.refresh_list()
    window.runs_view.select([old])
    assert [window.runs_view.checkpoint_box.itemData(i) for i in range(window.runs_view.checkpoint_box.count())] \
        == [2, 4]
    window.runs_view.checkpoint_box.setCurrentIndex(0)
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        window.runs_view.rewind_selected()
    checkpoint, metadata = runs.load_weights(old, "epoch-0002")
    np.testing.assert_array_equal(window.experiment.network.flat_parameters, checkpoint.flat_parameters)
    assert (window.epochs_done, window.steps_done) == (2, metadata["step"])
    window.model.set("optimizer.options.lr", 0.2)
    window.model.set("training.epochs", 3)
    train(window, qtbot)
    new = window.recording.folder
    info = runs.RunInfo.read(new)
    assert info.parent == {"run": old.name, "epoch": 2} and info.epochs_done == 5
    history = runs.load_history(new)
    assert [entry["epoch"] for entry in history["epochs"]] == [1, 2, 3, 4, 5]
    assert history["epochs"][:2] == runs.load_history(old)["epochs"][:2]
    assert runs.load_config(new).optimizer.options["lr"] == 0.2
    view = window.runs_view
    view.refresh_list()
    parent_item = view.item(old)
    assert parent_item.childCount() == 1 and parent_item.child(0) is view.item(new)
    assert view.item(new).text(view.columns.index("Branched from")) == "original at epoch 2"


def test_a_reopened_or_rewound_run_goes_on_with_its_optimiser_state(open_window, qtbot, small_config, library):
    config = small_config(epochs=6)  # a checkpoint at epoch 5
    config.name, config.optimizer = "adam run", OptimizerConfig("adam", {"lr": 0.01})
    window = open_window(config)
    train(window, qtbot)
    folder, trained = window.recording.folder, window.experiment.optimizer()
    at_end = trained.state_arrays()
    assert trained.step_count == window.steps_done > 0

    reopened = open_window()
    reopened.runs_view.refresh_list()
    with qtbot.waitSignal(reopened.experiment_changed, timeout=15_000):
        reopened.runs_view.select([folder])
        reopened.runs_view.open_selected()
    restored = reopened.experiment.optimizer()
    assert restored.step_count == reopened.steps_done == trained.step_count
    for key, array in restored.state_arrays().items():
        np.testing.assert_array_equal(array, at_end[key])
    reopened.step_batch()  # Start goes on with it: Adam's moments and bias correction where they were
    # The step's count and the optimiser's state come in separate messages from a training process, in either
    # order (the state with the pause after the batch): wait for both, which a fresh optimiser never gives.
    qtbot.waitUntil(lambda: reopened.steps_done == restored.step_count == trained.step_count + 1, timeout=60_000)
    assert reopened.experiment.optimizer() is restored
    reopened.close()  # waits for its run to end, however long a loaded machine takes to stop a niced process

    rewound = open_window()
    rewound.runs_view.refresh_list()
    rewound.runs_view.select([folder])
    rewound.runs_view.checkpoint_box.setCurrentIndex(rewound.runs_view.checkpoint_box.findData(5))
    with qtbot.waitSignal(rewound.experiment_changed, timeout=15_000):
        rewound.runs_view.rewind_selected()
    checkpoint = runs.load_optimizer_state(runs.model_path(folder, "epoch-0005"))
    assert rewound.experiment.optimizer().step_count == rewound.steps_done == checkpoint["step"] < trained.step_count
    np.testing.assert_array_equal(rewound.experiment.optimizer().state[0]["v"], checkpoint["arrays"]["0/v"])


def waiting_text(folder) -> str:
    return f"Waiting for the run in {folder} to be saved: it opens as soon as it is."


def test_the_current_run_reopened_as_it_ends_opens_once_saved_and_the_window_is_not_held_meanwhile(
        open_window, qtbot, small_config, library, held_writer):
    """The recording's writer saves in the background: reopened right after the run ended, the run gave the
    last.npz of an epoch before (or none yet, and no weights at all); then the window waited for the writer,
    frozen for up to 3 s."""
    window = open_window(quick_config(small_config, "just ended", epochs=3))
    with qtbot.waitSignal(window.run_finished, timeout=30_000):
        window.start()
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    trained, folder, experiment = window.experiment.network.flat_parameters.copy(), window.recording.folder, \
        window.experiment
    assert window.open_run(folder)  # returns at once, the writer held
    assert window.message_bar.message() == waiting_text(folder) and window.experiment is experiment
    assert window.open_run(folder)  # asked twice: opened once, and said once
    assert window.message_bar.message() == waiting_text(folder)
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        held_writer.set()
    assert window.epochs_done == 3 and not window.message_bar.shows(waiting_text(folder))
    np.testing.assert_array_equal(window.experiment.network.flat_parameters, trained)
    assert runs.RunInfo.read(folder).epochs_done == 3


def test_a_run_whose_writer_stays_behind_is_not_opened_and_it_is_said(open_window, qtbot, small_config, library,
                                                                      held_writer, monkeypatch):
    from app import main_window

    monkeypatch.setattr(main_window, "SAVING_WAIT_S", 0.2)
    window = open_window(quick_config(small_config, "slow disk", epochs=2))
    with qtbot.waitSignal(window.run_finished, timeout=30_000):
        window.start()
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    folder, experiment = window.recording.folder, window.experiment
    assert window.load_model(folder / "last.npz")
    assert window.message_bar.message() == waiting_text(folder)
    given_up = f"The run in {folder} was not opened: it is still being saved (is the disk busy or slow?). Open it " \
               "again in a moment."
    qtbot.waitUntil(lambda: window.message_bar.shows(given_up), timeout=5_000)
    assert not window.message_bar.shows(waiting_text(folder))
    held_writer.set()
    assert window.recording.wait(10)
    # The writer's "saved" of the run's end reaches the window, which connected to it first: nothing is opened by then
    # (a wait of 50 ms checked nothing when the message came later, on a loaded machine).
    qtbot.waitSignal(window.recording.saved, timeout=10_000).wait()
    assert window.experiment is experiment and runs.RunInfo.read(folder).epochs_done == 2


def train_with_its_end_held(window, qtbot) -> None:
    """Train the window's run to its end, whose saving :func:`held_writer` holds."""
    with qtbot.waitSignal(window.run_finished, timeout=30_000):
        window.start()
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)


def test_reset_leaves_the_run_s_writer_to_end_on_its_own_and_closing_loses_nothing(open_window, qtbot, small_config,
                                                                                     library, held_writer):
    """Reset closed the run's recording and waited for its writer in the GUI thread: 60-280 ms at every Reset, for
    as long as the disk took. It now returns at once; the writer ends on its own (its run cannot be deleted until
    then), and closing waits for it."""
    window = open_window(quick_config(small_config, "reset while saving", epochs=2))
    train_with_its_end_held(window, qtbot)
    recording, folder = window.recording, window.recording.folder
    with qtbot.waitSignal(window.experiment_built, timeout=15_000):
        window.reset()  # the writer is held: waited for, this never returned
    assert window.recording is None and recording.closed and not recording.done
    assert runs.RunInfo.read(folder).status == "running", "its end is not written yet"
    assert not window.runs_view.delete([folder]) and folder.is_dir(), "its writer would write into the trash"
    assert window.runs_view.status.text().endswith("is still being saved: try again in a moment.")
    with qtbot.waitSignal(recording.ended, timeout=15_000):
        held_writer.set()
    assert recording.done and runs.RunInfo.read(folder).status == "completed"
    assert window.runs_view.delete([folder]) and not folder.exists(), "saved: it may go"
    assert window.runs_view.undo_delete() and folder.is_dir()

    # The fresh network's run, reset while its end is held, then the window closed.
    train_with_its_end_held(window, qtbot)
    held_writer.clear()
    recording, folder = window.recording, window.recording.folder
    with qtbot.waitSignal(window.experiment_built, timeout=15_000):
        window.reset()
    threading.Timer(0.3, held_writer.set).start()  # the disk catches up while the window closes
    window.close()
    assert recording.done and runs.RunInfo.read(folder).status == "completed" and \
        runs.RunInfo.read(folder).epochs_done == 2


def test_the_history_of_a_run_still_being_saved_is_refused_with_a_message_not_a_frozen_window(
        open_window, qtbot, small_config, library, held_writer, tmp_path):
    window = open_window(quick_config(small_config, "slow disk", epochs=2))
    train_with_its_end_held(window, qtbot)
    folder = window.recording.folder
    began = time.perf_counter()
    assert not window.export_metrics(tmp_path / "metrics.csv")
    assert time.perf_counter() - began < 1, "it waited a quarter of a second for the writer, not for the disk"
    assert window.message_bar.shows(f"The run in {folder} is still being saved; try again in a moment.")
    assert not window.save_model(tmp_path / "model.npz") and not (tmp_path / "model.npz").exists()
    try:
        i18n.set_language("ru")
        assert not window.export_metrics(tmp_path / "metrics.csv")
        assert window.message_bar.shows(f"Запуск в {folder} всё ещё сохраняется; попробуйте снова через "
                                        "несколько секунд.")
    finally:
        i18n.set_language("en")
    held_writer.set()
    wait_until_saved(window)  # a "saved" signal may be an earlier save's, delivered late: the writer itself is asked
    assert window.export_metrics(tmp_path / "metrics.csv") and window.save_model(tmp_path / "model.npz")
    assert len((tmp_path / "metrics.csv").read_text().splitlines()) == 3, "a header and two epochs"


def test_training_on_or_closing_while_a_reopening_waits_drops_it_and_loses_nothing(open_window, qtbot, small_config,
                                                                                   library, held_writer):
    window = open_window(quick_config(small_config, "changed my mind", epochs=2))
    with qtbot.waitSignal(window.run_finished, timeout=30_000):
        window.start()
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    folder = window.recording.folder
    assert window.open_run(folder)
    window.start()  # two epochs more, in the same run: the reopening waited for would have stopped them
    assert not window.message_bar.shows(waiting_text(folder))
    experiment = window.experiment
    with qtbot.waitSignal(window.run_finished, timeout=30_000):
        held_writer.set()
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    assert window.experiment is experiment and window.epochs_done == 4

    held_writer.clear()
    with qtbot.waitSignal(window.run_finished, timeout=30_000):
        window.start()
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    trained = window.experiment.network.flat_parameters.copy()
    assert window.open_run(folder)
    held_writer.set()
    window.close()  # waits, with the window gone, for the writer to save the run's end; opens nothing
    assert runs.RunInfo.read(folder).epochs_done == 6
    np.testing.assert_array_equal(runs.load_weights(folder, "last")[0].flat_parameters, trained)


def test_an_unreadable_optimiser_state_is_named_and_the_run_opens_with_a_fresh_optimiser(open_window, qtbot,
                                                                                         small_config, library):
    folder = recorded_run(quick_config(small_config, "damaged", epochs=2))
    runs.optimizer_state_path(folder / "last.npz").write_bytes(b"half a file")
    window = open_window()
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        assert window.open_run(folder)
    message = window.message_bar.message()
    assert "optimiser's saved state cannot be read" in message and "last.optimizer.npz" in message
    last, _ = runs.load_weights(folder, "last")
    np.testing.assert_array_equal(window.experiment.network.flat_parameters, last.flat_parameters)
    assert window.experiment.optimizer().step_count == 0 and window.steps_done > 0


def test_declining_to_stop_the_current_run_for_a_damaged_run_says_nothing_about_its_optimiser(
        open_window, qtbot, small_config, library):
    folder = recorded_run(quick_config(small_config, "damaged", epochs=2))
    runs.optimizer_state_path(folder / "last.npz").write_bytes(b"half a file")
    window = open_window(small_config(epochs=100_000))
    qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
    window.start()
    qtbot.waitUntil(lambda: window.steps_done > 0, timeout=10_000)
    questions = []
    window.confirm_reset = lambda question: questions.append(question) or False
    assert not window.open_run(folder)
    assert len(questions) == 1 and window.session is not None, "asked, and the run goes on"
    assert "optimiser" not in window.message_bar.message()
    window.stop()
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)


def test_opening_a_damaged_run_says_which_file_is_wrong_and_the_library_lists_every_other_run(
        open_window, qtbot, small_config, library):
    good = recorded_run(quick_config(small_config, "good", epochs=1))
    damages = {  # file: what it holds instead, and what the message names
        "run.json": [([], "run.json: its content must be an object {…}, got []"),
                     (None, "run.json: its content must be an object {…}, got None"),
                     ({"name": 5}, "run.json: name must be a text, got 5")],
        "history.json": [([], "history.json: its content must be an object {…}, got []"),
                         ({"epochs": [1, 2], "batches": []}, "history.json: entry 1 of epochs must be an object"),
                         ({"epochs": [{"epoch": "one"}], "batches": []},
                          "history.json: epoch in entry 1 of epochs must be a whole number ≥ 0, got 'one'")],
    }
    window = open_window()
    before = window.model.config
    for file, contents in damages.items():
        for number, (content, named) in enumerate(contents):
            folder = recorded_run(quick_config(small_config, f"{file} damaged {number}", epochs=1))
            (folder / file).write_text(json.dumps(content), encoding="utf-8")
            assert not window.open_run(folder)
            message = window.message_bar.message()
            assert message.startswith("Could not open the run: ") and str(folder / named) in message, message
            assert window.model.config == before
    window.runs_view.refresh_list()
    assert sorted(info.name for info in window.runs_view.runs()) == \
        ["good", "history.json damaged 0", "history.json damaged 1", "history.json damaged 2"]
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        assert window.open_run(good)


def test_a_run_whose_last_weights_are_damaged_opens_at_its_newest_readable_checkpoint(open_window, qtbot,
                                                                                       small_config, library):
    """A last.npz cut short (the disk filled up) made the whole run impossible to reopen."""
    folder = recorded_run(quick_config(small_config, "cut short", epochs=4), checkpoint_every=1)
    assert runs.checkpoints(folder) == [1, 2, 3, 4]
    with open(folder / "last.npz", "r+b") as handle:
        handle.truncate(1000)
    with open(runs.model_path(folder, runs.checkpoint_name(4)), "r+b") as handle:
        handle.truncate(500)
    window = open_window()
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        assert window.open_run(folder)
    assert window.message_bar.message().startswith("The run's last weights cannot be read (")
    assert window.message_bar.message().endswith("it is opened at its newest readable checkpoint, epoch 3.")
    three, _ = runs.load_weights(folder, runs.checkpoint_name(3))
    np.testing.assert_array_equal(window.experiment.network.flat_parameters, three.flat_parameters)
    assert window.epochs_done == 3
    for epoch in (1, 2, 3):
        runs.model_path(folder, runs.checkpoint_name(epoch)).write_bytes(b"")
    window.message_bar.dismiss()
    assert not window.open_run(folder)
    assert window.message_bar.message().startswith("Could not open the run: ") and "last.npz" in \
        window.message_bar.message()


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def interrupted(folder, **damage):
    """Mark the run in ``folder`` as killed while it trained, with the fields in ``damage`` changed."""
    meta = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    meta.update(status="running", pid=dead_pid(), **damage)
    (folder / "run.json").write_text(json.dumps(meta), encoding="utf-8")


def test_a_run_interrupted_by_a_crash_is_offered_once_and_reopened_with_its_last_weights(qtbot, small_config,
                                                                                          library):
    folder = recorded_run(quick_config(small_config, "crashed", epochs=4))
    interrupted(folder)
    window = MainWindow()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.recovery_box is not None, timeout=10_000)
    assert "“crashed” (4 epochs saved)" in window.recovery_box.text()
    # Nor a crash for sure: a full disk that refused even run.json's last word leaves it the same.
    assert "MLP Workbench was closed while it trained, or the disk was full." in window.recovery_box.text()
    reopen = next(button for button in window.recovery_box.buttons() if button.text() == "Reopen it")
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        reopen.click()
    last, _ = runs.load_weights(folder, "last")
    qtbot.waitUntil(lambda: np.array_equal(window.experiment.network.flat_parameters, last.flat_parameters),
                    timeout=15_000)
    assert window.epochs_done == 4 and runs.RunInfo.read(folder).status == "interrupted"
    assert runs.interrupted_runs() == [] and window.offer_recovery() == [], "offered once"


def test_dismissing_the_recovery_marks_the_run_and_changes_nothing(qtbot, small_config, library):
    folder = recorded_run(quick_config(small_config, "crashed", epochs=2))
    interrupted(folder)
    window = MainWindow()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.recovery_box is not None, timeout=10_000)
    next(button for button in window.recovery_box.buttons() if button.text() == "Dismiss").click()
    qtbot.waitUntil(lambda: window.recovery_box is None, timeout=5000)
    assert runs.RunInfo.read(folder).status == "interrupted"
    assert window.model.config == RunConfig()


def test_runs_with_a_damaged_run_json_are_left_out_and_the_others_listed_and_offered(qtbot, small_config,
                                                                                     library):
    interrupted(recorded_run(quick_config(small_config, "good", epochs=1)))
    interrupted(recorded_run(quick_config(small_config, "named by a number", epochs=1)), name=5)
    interrupted(recorded_run(quick_config(small_config, "branched from nowhere", epochs=1)), parent="x")
    (recorded_run(quick_config(small_config, "emptied", epochs=1)) / "run.json").write_text("null")
    window = MainWindow()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.recovery_box is not None, timeout=10_000)
    assert "“good” (1 epochs saved)" in window.recovery_box.text() and "other interrupted" not in \
        window.recovery_box.text()
    window.start_page.refresh_runs()
    assert [button.title.text() for button in window.start_page.run_buttons] == ["good"]
    assert not window.start_page.no_runs.isVisibleTo(window.start_page)
    window.runs_view.refresh_list()
    assert [info.name for info in window.runs_view.runs()] == ["good"]
    assert window.runs_view.tree.topLevelItemCount() == 1
    damaged = unbroken(window.runs_view.damaged.text())
    assert window.runs_view.damaged.isVisibleTo(window.runs_view) and damaged.startswith(
        "Not listed, as their files cannot be read: "), "a damaged run is named, not silently missing"
    assert damaged.count("run.json") == 3 and "name must be a text, got 5" in damaged


def test_the_view_empties_the_trash_of_runs_deleted_long_ago_once(qtbot, small_config, library):
    kept = runs.delete_run(recorded_run(quick_config(small_config, "deleted today", epochs=1)))
    expired = runs.delete_run(recorded_run(quick_config(small_config, "deleted long ago", epochs=1)))
    long_ago = time.time() - (runs.TRASH_KEPT_DAYS + 1) * 86400
    os.utime(expired, (long_ago, long_ago))
    view = RunsView()
    qtbot.addWidget(view)
    view.refresh_list()
    assert kept.exists() and not expired.exists()


def test_the_best_metric_reads_as_an_accuracy_an_r2_or_as_recorded_before_runs_said_which(qtbot, small_config,
                                                                                          library):
    # Listed as 0.9514 beside the status bar's "validation accuracy 93.1 %", and an R² the same way.
    config = quick_config(small_config, "curve", epochs=2)
    config.data.dataset, config.loss.name = "sine", "mse"
    recorded_run(config)
    older = recorded_run(quick_config(small_config, "older", epochs=2))
    meta = json.loads((older / "run.json").read_text(encoding="utf-8"))
    del meta["task"]  # a run recorded by an earlier version
    (older / "run.json").write_text(json.dumps(meta), encoding="utf-8")
    view = RunsView()
    qtbot.addWidget(view)
    view.refresh_list()
    shown = {info.name: (info, view.item(info.folder).text(4)) for info in view.runs()}
    curve, r2 = shown["curve"]
    assert curve.task == "regression" and r2 == f"R² {curve.best_metric:.4f}"
    before, number = shown["older"]
    assert before.task is None and number == f"{before.best_metric:.4f}"


def test_the_overlay_plot_says_how_to_fill_it_until_a_run_is_selected(qtbot, small_config, library):
    folder = recorded_run(quick_config(small_config, "run", epochs=2))
    view = RunsView()
    qtbot.addWidget(view)
    view.refresh_list()
    view.select([])
    assert view.plot.titleLabel.text.startswith("Select runs in the list above")
    view.select([folder])
    assert view.plot.titleLabel.text == "" and len(view.overlaid()) == 1
    view.resize(800, 500)
    view.show()
    qtbot.waitExposed(view)
    ticks = [value for level in view.plot.getAxis("bottom").tick_levels() for value in level]
    assert ticks and all(float(value).is_integer() for value in ticks), f"epochs are whole: {ticks}"


def branched_run(config, parent: Path, epoch: int) -> Path:
    """A run saved as trained on from ``parent``'s weights at ``epoch`` (as the window saves one)."""
    experiment = Experiment(config)
    recorder = runs.RunRecorder(config, experiment.network, config.data.dataset, checkpoint_every=2,
                                parent={"run": parent.name, "epoch": epoch})
    for event in experiment.make_trainer().run():
        recorder.record(event)
    return recorder.folder


def runs_view_shown(window, qtbot):
    """The window on screen, its Runs view the tab shown."""
    window.show()
    qtbot.waitExposed(window)
    window.central_pages.setCurrentWidget(window.view_tabs)
    window.view_tabs.setCurrentWidget(window.runs_view)
    return window.runs_view


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_long_names_are_cut_short_in_the_middle_whole_in_their_tooltips_and_every_column_stays_in_sight(
        open_window, qtbot, small_config, library, switch_language):
    """In English the Branched-from column was cut mid-word behind a scroll bar in a 1400-pixel window; in Russian
    the Status column was out of sight at 1300."""
    first = recorded_run(quick_config(small_config, "Compare optimisers: Adam against SGD with momentum, digits",
                                      epochs=2))
    hand_set = branched_run(quick_config(small_config, "Compare optimisers: Adam against SGD with momentum, digits "
                                         "· set by hand", epochs=2), first, 2)
    branched_run(quick_config(small_config, "Draw my own digits, trained on MNIST then on my drawings", epochs=2),
                 hand_set, 2)
    window = open_window()
    view = runs_view_shown(window, qtbot)
    tree, header = view.tree, view.tree.header()

    def every_column_in_sight(width: int, at_epoch: str) -> None:
        window.resize(width, 900)
        qtbot.waitUntil(lambda: tree.topLevelItemCount() == 1 and tree.viewport().width() < width - 300)
        qtbot.wait(50)  # the list lays its columns out for the width it is given
        assert not tree.horizontalScrollBar().isVisible()
        assert header.length() <= tree.viewport().width()
        for column in range(header.count()):
            assert header.sectionViewportPosition(column) + header.sectionSize(column) <= tree.viewport().width()
        for column in range(1, 8):  # data, network, optimiser, metric, epochs, started, status: whole
            assert header.sectionSize(column) >= tree.sizeHintForColumn(column), view.columns[column]
        last = tree.topLevelItem(0).child(0).child(0)
        assert header.sectionSize(0) < tree.sizeHintForColumn(0), "a name cut short, in this test"
        assert header.sectionSize(8) < tree.sizeHintForColumn(8), "the run it branched from cut short, in this test"
        assert last.toolTip(0).splitlines()[0] == last.text(0) == runs.RunInfo.read(
            Path(last.data(0, Qt.ItemDataRole.UserRole))).name
        assert last.toolTip(8) == last.text(8) == \
            f"Compare optimisers: Adam against SGD with momentum, digits · set by hand {at_epoch} 2"

    every_column_in_sight(1400, "at epoch")
    switch_language("ru")
    every_column_in_sight(1300, "на эпохе")


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_titles_wider_than_their_cells_are_cut_short_before_the_names(open_window, qtbot, small_config, library,
                                                                     switch_language):
    """In Russian a lab's run name got 99 pixels ("XNO…ную") beside "Лучшая метрика на вал.", 175 pixels over
    "100,0 %"."""
    switch_language("ru")
    recorded_run(quick_config(small_config, "XNOR из нейронов И, ИЛИ и НЕ · веса из лекции, заданные вручную",
                              epochs=2))
    window = open_window()
    window.resize(1300, 900)
    view = runs_view_shown(window, qtbot)
    tree, header = view.tree, view.tree.header()
    metric = view.columns.index("Лучшая метрика на вал.")
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 1 and header.sectionSize(metric) < 150)
    titles = tree.headerItem()
    assert header.sectionSize(0) < tree.sizeHintForColumn(0), "the name is cut short, in this test"
    assert header.sectionSize(0) > 200
    assert tree.sizeHintForColumn(metric) <= header.sectionSize(metric) < header.sectionSizeHint(metric)
    assert titles.toolTip(metric) == "Лучшая метрика на вал.", "a title cut short is whole in its tooltip"
    assert titles.toolTip(header.count() - 2) == "", "a whole title needs none"
    for column in range(1, 8):  # every cell but the names' whole
        assert header.sectionSize(column) >= tree.sizeHintForColumn(column), view.columns[column]
    window.resize(2400, 900)  # room for every title
    qtbot.waitUntil(lambda: header.sectionSize(metric) >= header.sectionSizeHint(metric))
    assert titles.toolTip(metric) == ""
