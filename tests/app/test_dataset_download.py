"""MNIST missing from the computer: the window offers its download, with progress, Cancel and clear failures."""
from __future__ import annotations

import collections
import threading
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app import data_loader, dataset_download
from app.panels.widgets import unbroken
from core.datasets import mnist
from core.datasets.mnist import PARTS, files_in
from tests.core.datasets.fakes import Mirror, fake_arrays, gz_files, source_for


@pytest.fixture
def mnist_elsewhere(tmp_path, monkeypatch):
    """No MNIST on this computer (an empty shared folder and cache), and a local mirror that has it."""
    monkeypatch.setenv("MLP_WORKBENCH_DATA", str(tmp_path / "shared"))
    monkeypatch.setenv("MLP_WORKBENCH_CACHE_DIR", str(tmp_path / "cache"))
    for variable in ("no_proxy", "NO_PROXY"):
        monkeypatch.setenv(variable, "127.0.0.1,localhost")
    monkeypatch.setattr(data_loader, "_cache", collections.OrderedDict())  # MNIST loaded by an earlier test
    server = Mirror()
    server.files.update(gz_files(fake_arrays(n_train=100, n_test=40)))
    monkeypatch.setitem(mnist.SOURCES, "mnist", source_for(server.files, [server.url("a")]))
    yield server
    server.close()


def choose_mnist(window, qtbot):
    window.model.set("data.dataset", "mnist")
    qtbot.waitUntil(lambda: not window.data_panel.download_button.isHidden(), timeout=10_000)


def test_missing_mnist_is_offered_for_download_and_trains_once_downloaded(window, qtbot, mnist_elsewhere, tmp_path):
    choose_mnist(window, qtbot)
    button = window.data_panel.download_button
    assert not window.start_action.isEnabled() and button.isEnabled()
    assert "MNIST digits is not on this computer" in window.data_panel.problems.text()
    assert "Error" not in window.data_panel.problems.text()  # no exception's class name
    assert "MB" in button.text() and "MD5" in button.toolTip()
    assert mnist_elsewhere.requests == []  # nothing is fetched until asked
    button.click()
    assert not button.isEnabled()  # one download at a time
    assert window._download.dialog.windowModality() == Qt.WindowModality.NonModal, "the window stays usable"
    qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
    assert button.isHidden() and window.data_panel.problems.text() == ""
    assert "60 train / 40 test" not in window.data_panel.summary.text()  # the fake set: 90 train, 10 validation
    assert "90 train / 10 validation / 40 test" in window.data_panel.summary.text()
    assert sorted(files_in(tmp_path / "cache" / "mnist")) == sorted(PARTS)
    assert "downloaded" in window.message_bar.message()


def test_a_failed_download_says_why_and_can_be_tried_again(window, qtbot, mnist_elsewhere, tmp_path):
    for name in mnist_elsewhere.files:
        mnist_elsewhere.failures[("a", name)] = "missing"
    choose_mnist(window, qtbot)
    window.data_panel.download_button.click()
    qtbot.waitUntil(window.data_panel.download_button.isEnabled, timeout=15_000)
    message = window.message_bar.message()
    assert window.message_bar.level == "error"
    assert message.startswith("Could not download MNIST digits: no mirror gave a good copy")
    assert "404" in message and "Traceback" not in message
    assert not window.start_action.isEnabled() and files_in(tmp_path / "cache" / "mnist") == {}
    mnist_elsewhere.failures.clear()  # the connection is back
    window.data_panel.download_button.click()
    qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)


def test_a_cache_folder_that_cannot_hold_the_files_is_named_not_the_connection(window, qtbot, mnist_elsewhere,
                                                                              tmp_path):
    choose_mnist(window, qtbot)
    (tmp_path / "cache").write_text("")  # a file where the cache folder should be
    window.data_panel.download_button.click()
    qtbot.waitUntil(window.data_panel.download_button.isEnabled, timeout=15_000)
    message = window.message_bar.message()
    assert message.startswith(f"Could not save MNIST digits in {tmp_path / 'cache' / 'mnist'}: Not a directory. "
                              f"Free some space or make the folder writable"), message
    assert mnist_elsewhere.requests == [], "no mirror is asked for a file that cannot be saved"


def test_a_run_built_on_other_data_during_the_download_stays_when_it_ends(window, qtbot, mnist_elsewhere, monkeypatch):
    release = threading.Event()
    real_download = dataset_download.mnist.download
    monkeypatch.setattr(dataset_download.mnist, "download",
                        lambda source, progress: (release.wait(10), real_download(source, progress=progress))[1])
    choose_mnist(window, qtbot)
    window.data_panel.download_button.click()
    window.model.set("data.dataset", "digits")  # the window is not blocked: the user goes on meanwhile
    qtbot.waitUntil(lambda: window.experiment is not None and window.start_action.isEnabled(), timeout=15_000)
    built = window.experiment
    release.set()
    qtbot.waitUntil(lambda: window._download is None, timeout=15_000)
    assert "downloaded" in window.message_bar.message()
    assert window.experiment is built, "the digits run is not rebuilt by MNIST's arrival"
    assert window.data_panel.download_button.isHidden(), "no offer to download MNIST beside the digits"


def test_a_folder_chosen_without_the_files_is_told_what_it_lacks(tmp_path, mnist_elsewhere):
    from core import datasets
    from core.datasets.mnist import FILE_NAMES, DatasetUnavailableError
    from tests.core.datasets.fakes import write_fake_set

    def said_for(folder):
        with pytest.raises(DatasetUnavailableError) as caught:
            datasets.load("mnist", folder=folder)
        return data_loader.describe_load_error(caught.value)

    assert said_for(tmp_path / "nowhere").endswith(f"The folder chosen, {tmp_path / 'nowhere'}, does not exist.")
    write_fake_set(tmp_path / "three")
    (tmp_path / "three" / (FILE_NAMES["test_labels"] + ".gz")).unlink()
    assert said_for(tmp_path / "three").endswith(f"The folder chosen, {tmp_path / 'three'}, lacks "
                                                 f"t10k-labels-idx1-ubyte.gz.")
    kaggle = tmp_path / "kaggle"
    kaggle.mkdir()
    (kaggle / "train-images.idx3-ubyte").write_bytes(b"")  # named otherwise
    assert "holds none of the four files, which must be named train-images-idx3-ubyte.gz, " \
           "train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz (or without .gz): " \
           "rename them" in said_for(kaggle)


def test_damaged_files_in_a_shared_folder_are_named_and_a_good_copy_offered(window, qtbot, mnist_elsewhere, tmp_path):
    shared = tmp_path / "shared" / "mnist"
    shared.mkdir(parents=True)
    for name, data in mnist_elsewhere.files.items():
        (shared / name).write_bytes(data[:100] if "t10k-images" in name else data)
    choose_mnist(window, qtbot)
    shown = unbroken(window.data_panel.problems.text())  # without the label's breaks in long words
    assert shown.startswith(f"⚠ Dataset: The MNIST digits files in {shared} are damaged")
    window.data_panel.download_button.click()  # into the cache, looked in after the share
    qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
    assert window.data_panel.problems.text() == ""


def endless_download(source, progress):
    while True:  # a slow line: bytes keep coming until the progress callback refuses them
        progress(1, 2)
        time.sleep(0.005)


def test_cancel_stops_the_download_and_keeps_the_offer(window, qtbot, mnist_elsewhere, monkeypatch):
    monkeypatch.setattr(mnist, "download", endless_download)
    choose_mnist(window, qtbot)
    window.data_panel.download_button.click()
    download = window._download
    qtbot.waitUntil(lambda: download.dialog.value() > 0, timeout=5_000)  # half of it, by the progress bar
    download.dialog.findChild(QPushButton).click()  # the dialog's Cancel
    assert download.wait(timeout=5)  # the thread ended at its next chunk
    assert isinstance(download._outcome, dataset_download.DownloadCancelled)
    assert window._download is None and window.data_panel.download_button.isEnabled()
    assert window.message_bar.level != "error" and not window.start_action.isEnabled()


def test_closing_the_window_cancels_its_download(open_window, qtbot, mnist_elsewhere, monkeypatch):
    monkeypatch.setattr(mnist, "download", endless_download)
    window = open_window()
    choose_mnist(window, qtbot)
    window.data_panel.download_button.click()
    download = window._download
    window.close()
    assert download.wait(timeout=5) and isinstance(download._outcome, dataset_download.DownloadCancelled)


def test_the_offer_follows_the_language(window, qtbot, mnist_elsewhere, switch_language):
    choose_mnist(window, qtbot)
    switch_language("ru")
    assert window.data_panel.download_button.text() == "Скачать «Цифры MNIST» (0,1 МБ)"
    assert "Набора «Цифры MNIST» нет на этом компьютере" in window.data_panel.problems.text()
    switch_language("en")
    assert window.data_panel.download_button.text() == "Download MNIST digits (0.1 MB)"  # the fake set's size
    assert "MNIST digits is not on this computer" in window.data_panel.problems.text()
