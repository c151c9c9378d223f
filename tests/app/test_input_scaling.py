"""A model reopened in the window is given the inputs it learnt to read: its features scaled by the scaler its file
records, not by one fitted again on its data as they are now (a CSV file edited since, more digits drawn)."""
import threading

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication

from app import data_loader, display_names
from core import model_io, runs
from core.config import LayerConfig, RunConfig
from core.datasets import Dataset
from core.datasets.user_digits import user_digits_path
from core.experiment import load_data
from core.trainer import evaluate
from tests.app.test_draw_view import HAND_DRAWN, draw, mnist_test_set
from tests.core.test_input_scaling import edit_training_rows, students_config, write_students

# The offscreen platform warns whenever a shown top-level window's size constraints change.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def library(tmp_path, monkeypatch):
    monkeypatch.setenv(runs.RUNS_VARIABLE, str(tmp_path / "runs"))
    return tmp_path / "runs"


def trained_window(open_window, qtbot, config):
    """A window that has trained ``config``, its run recorded; the data's own test split scored then."""
    window = open_window(config)
    window.confirm_reset = lambda question: True
    with qtbot.waitSignal(window.run_finished, timeout=60_000):
        window.start()
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    assert window.recording.wait(10), "its run folder holds the last weights"
    return window


def reopen(window, qtbot, opened: str, path, folder) -> None:
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        assert window.load_model(path) if opened == "model file" else window.open_run(folder)
    qtbot.waitUntil(lambda: window._saved_run is None, timeout=10_000)


@pytest.mark.parametrize("opened", ["model file", "run"])
def test_a_reopened_model_scores_what_it_did_after_its_training_rows_were_edited(open_window, qtbot, tmp_path,
                                                                                 library, opened):
    """Hours ten times as long in the training rows: a scaler fitted again on them gave the network other inputs
    for the very same test rows. Reopened, it is given those it learnt with, and scores what it did."""
    path = write_students(tmp_path / "students.csv")
    window = trained_window(open_window, qtbot, students_config(path, epochs=15))
    trained = window.experiment
    saved = trained.dataset.scaler
    probabilities = trained.network.predict_proba(trained.dataset.X_test)
    accuracy = evaluate(trained.network, trained.dataset.X_test, trained.dataset.y_test)[1]
    assert window.save_model(tmp_path / "students.npz")
    folder = window.recording.folder
    edit_training_rows(path, trained.dataset)

    reopen(window, qtbot, opened, tmp_path / "students.npz", folder)
    reopened = window.experiment
    assert reopened.dataset is not trained.dataset and reopened.network is not trained.network, "loaded again"
    assert reopened.dataset.scaler.offset.tolist() == saved.offset.tolist()
    assert reopened.dataset.scaler.scale.tolist() == saved.scale.tolist()
    np.testing.assert_allclose(reopened.network.predict_proba(reopened.dataset.X_test), probabilities,
                               rtol=1e-5, atol=1e-6)
    assert evaluate(reopened.network, reopened.dataset.X_test, reopened.dataset.y_test)[1] == accuracy
    assert window.message_bar.message() == "", "nothing to say"

    with qtbot.waitSignal(window.run_finished, timeout=60_000):  # trains on with the scaler it learnt with
        window.start()
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    branched = model_io.load_model(window.recording.folder / "last.npz")[1]
    assert model_io.recorded_scaler(branched, "scaler").offset.tolist() == saved.offset.tolist()


def test_the_data_of_a_reopened_model_are_scaled_again_off_the_gui_thread(open_window, qtbot, tmp_path, library,
                                                                         monkeypatch):
    """Scaling the data again as the file records took 0.3 s of the GUI thread for MNIST-sized data."""
    path = write_students(tmp_path / "students.csv")
    window = trained_window(open_window, qtbot, students_config(path, epochs=2))
    saved = window.experiment.dataset.scaler
    assert window.save_model(tmp_path / "students.npz")
    edit_training_rows(path, window.experiment.dataset)
    threads = []
    with_scaler = Dataset.with_scaler

    def noting_the_thread(dataset, scaler):
        threads.append(threading.current_thread())
        return with_scaler(dataset, scaler)

    monkeypatch.setattr(Dataset, "with_scaler", noting_the_thread)
    reopen(window, qtbot, "model file", tmp_path / "students.npz", None)
    assert threads and threading.main_thread() not in threads
    assert window.experiment.dataset.scaler.offset.tolist() == saved.offset.tolist(), "scaled as before"


def test_a_model_saved_before_the_input_scaler_was_recorded_opens_with_one_fitted_again(open_window, qtbot,
                                                                                        tmp_path, library):
    """A run folder's file of an older version records no scaler: its data's own is fitted, as then, silently."""
    path = write_students(tmp_path / "students.csv")
    window = trained_window(open_window, qtbot, students_config(path, epochs=2))
    run_folder = window.recording.folder
    network, metadata = model_io.load_model(run_folder / "last.npz")
    model_io.save_model(run_folder / "last.npz", network, **{key: value for key, value in metadata.items()
                                                            if key not in ("scaling", "scaler")})
    edit_training_rows(path, window.experiment.dataset)

    window.message_bar.dismiss()
    reopen(window, qtbot, "run", None, run_folder)
    np.testing.assert_array_equal(window.experiment.network.flat_parameters, network.flat_parameters)
    refitted = load_data(window.experiment.config).scaler
    assert window.experiment.dataset.scaler.offset.tolist() == refitted.offset.tolist()
    assert window.message_bar.message() == ""


@pytest.mark.parametrize("language", ["en", "ru"])
def test_a_model_whose_recorded_scaler_does_not_fit_the_file_s_columns_opens_with_fresh_weights_saying_why(
        open_window, qtbot, tmp_path, library, language, switch_language):
    """The file has another column now: neither the recorded scaler nor the weights fit its three features."""
    path = write_students(tmp_path / "students.csv")
    window = trained_window(open_window, qtbot, students_config(path, epochs=2))
    assert window.save_model(tmp_path / "students.npz")
    rows = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([rows[0].replace("hours,", "hours,age,")] +
                              [row.replace(",", ",20,", 1) for row in rows[1:]]) + "\n", encoding="utf-8")
    switch_language(language)
    window.message_bar.dismiss()
    reopen(window, qtbot, "model file", tmp_path / "students.npz", None)
    qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
    expected = QCoreApplication.translate(
        "MainWindow", "The weights of %1 do not fit the network its data set needs here (%2): it was trained on "
                      "other data. Its settings are opened, with fresh weights.")
    assert window.message_bar.message().startswith(expected.split("%1")[0])
    message = window.message_bar.message()
    assert "3 → 8 → 2 (3 layers), Softmax cross-entropy" in message if language == "en" else \
        "3 → 8 → 2 (слоёв: 3), " in message, "the network in the window's words"
    assert display_names.label("loss", window.experiment.network.loss_name) in message
    assert window.experiment.network.n_inputs == 3 and window.epochs_done == 0


def write_my_digits(images, labels, per_digit: int, start: int = 0) -> None:
    """``per_digit`` MNIST test images of each digit, from the ``start``-th on, as the digits drawn."""
    chosen = np.concatenate([np.flatnonzero(labels == digit)[start:start + per_digit] for digit in range(10)])
    user_digits_path().parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(user_digits_path(), images=images[chosen], labels=labels[chosen].astype(np.int64))


def test_the_draw_view_classifies_a_drawing_as_before_with_a_model_of_my_digits_reopened_after_more_were_drawn(
        open_window, qtbot, tmp_path, library, monkeypatch):
    """Standardised pixels of "My drawn digits": twice as many digits drawn since move every pixel's mean and
    deviation. The Draw view scales a drawing by the scaler the model learnt with, and gives what it gave."""
    monkeypatch.setenv("MLP_WORKBENCH_USER_DIR", str(tmp_path / "user"))
    images, labels = mnist_test_set()
    write_my_digits(images, labels, 20)
    config = RunConfig(name="mine")
    config.data.dataset, config.data.scaling = "my_digits", "standardize"
    config.network.hidden = [LayerConfig(units=16)]
    config.training.epochs = 3
    window = trained_window(open_window, qtbot, config)
    assert window.save_model(tmp_path / "mine.npz")
    trained_on = len(window.experiment.dataset.X_train)
    window.show()
    window.start_page.show_views(window.draw_view)
    qtbot.waitExposed(window.draw_view.canvas)
    draw(window.draw_view.canvas, HAND_DRAWN[7])
    window.draw_view.predict()
    before = window.draw_view.chart.probabilities()
    write_my_digits(images, labels, 40, start=20)
    data_loader._cache.clear()  # as in a later session: the window reads my_digits again

    reopen(window, qtbot, "model file", tmp_path / "mine.npz", None)
    window.draw_view.predict()
    assert len(window.experiment.dataset.X_train) == 2 * trained_on
    np.testing.assert_allclose(window.draw_view.chart.probabilities(), before, rtol=1e-5, atol=1e-6)
