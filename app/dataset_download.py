"""Downloading a data set's files from the window, with progress and Cancel (MNIST, Fashion-MNIST).

When MNIST is nowhere on the computer the Data panel offers its download. :class:`DatasetDownload`
runs :func:`core.datasets.mnist.download` (every file checked by MD5 and renamed into place only
when complete) on a thread of its own while a progress dialog, which does not block the window,
says how far it is; Cancel stops it at the next chunk and leaves no partial file. The thread never
calls Qt: the GUI thread reads its progress ten times a second.
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app import display_names
from app.i18n import format_number, os_error_reason
from core.datasets import mnist
from core.datasets.locations import cache_folder

POLL_MS = 100
PROGRESS_STEPS = 1000


class DownloadCancelled(Exception):
    """Raised in the download thread's progress callback once the user pressed Cancel."""


def megabytes(count: int) -> str:
    return format_number(count / 1e6, 1)


def unavailable_text(error: mnist.DatasetUnavailableError) -> str:
    """What the Data panel says when the files of ``error.source`` are nowhere on this computer (and
    what the folder the user chose lacks), or only damaged."""
    source = error.source
    if isinstance(error, mnist.DatasetDamagedError):
        where, problem = error.damaged[0]
        return (QCoreApplication.translate(
            "DatasetDownload", "The %1 files in %2 are damaged (%3). Download a good copy with the button below "
            "(%4 MB, kept in %5), or replace them with good copies.")
            .replace("%1", display_names.label("dataset", source.name)).replace("%2", str(where))
            .replace("%3", problem).replace("%4", megabytes(source.download_bytes))
            .replace("%5", str(cache_folder() / source.folder_name)))
    text = (QCoreApplication.translate(
        "DatasetDownload", "%1 is not on this computer. Download it with the button below (%2 MB, once: it is "
        "kept in %3), or choose the folder that holds its four IDX files.")
        .replace("%1", display_names.label("dataset", source.name)).replace("%2", megabytes(source.download_bytes))
        .replace("%3", str(cache_folder() / source.folder_name)))
    folder, missing = error.given_folder, error.missing_there
    if folder is None:
        return text
    if not folder.is_dir():
        state = QCoreApplication.translate("DatasetDownload", "The folder chosen, %1, does not exist.")
    elif len(missing) == len(mnist.PARTS):
        state = QCoreApplication.translate(
            "DatasetDownload", "The folder chosen, %1, holds none of the four files, which must be named %2 "
                               "(or without .gz): rename them if they are named otherwise.")
    else:
        state = QCoreApplication.translate("DatasetDownload", "The folder chosen, %1, lacks %2.")
    return text + " " + state.replace("%1", str(folder)).replace("%2", ", ".join(missing))


class DatasetDownload(QObject):
    """One download of ``source``'s missing files into the cache folder, shown in a progress dialog
    over ``parent``. ``finished(succeeded, message)`` comes once, in the GUI thread: the message says
    what went wrong ("" after success or Cancel)."""

    finished = Signal(bool, str)

    def __init__(self, source: mnist.IdxSource, parent: QWidget):
        super().__init__(parent)
        self.source = source
        self._received = (0, source.download_bytes)  # (bytes done, bytes in all), written by the thread
        self._outcome: BaseException | bool | None = None  # True, or the error, once the thread ends
        self._cancelled = threading.Event()
        name = display_names.label("dataset", source.name)
        self.dialog = QProgressDialog(self.tr("Downloading %1…").replace("%1", name), self.tr("Cancel"),
                                      0, PROGRESS_STEPS, parent)
        self.dialog.setWindowTitle(self.tr("Download %1").replace("%1", name))
        self.dialog.setWindowModality(Qt.WindowModality.NonModal)  # the window stays usable meanwhile
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._thread = threading.Thread(target=self._download, name="dataset-download", daemon=True)

    def start(self) -> None:
        self._thread.start()
        self._timer.start()
        self.dialog.setValue(0)
        self.dialog.show()

    def cancel(self) -> None:
        """Stop at the next chunk (the thread ends by itself; nothing half-written is kept)."""
        if self._timer.isActive():
            self._cancelled.set()
            self._end(False, "")

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the download thread to end (tests, and a window closing); whether it has."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _download(self) -> None:
        def report(done: int, total: int) -> None:
            if self._cancelled.is_set():
                raise DownloadCancelled
            self._received = (done, total)

        try:
            mnist.download(self.source, progress=report)
            self._outcome = True
        except BaseException as error:  # handed to the GUI thread, which says what went wrong
            self._outcome = error

    def _poll(self) -> None:
        done, total = self._received
        self.dialog.setValue(min(PROGRESS_STEPS, PROGRESS_STEPS * done // max(total, 1)))
        self.dialog.setLabelText(self.tr("Downloading %1: %2 of %3 MB").replace(
            "%1", display_names.label("dataset", self.source.name)).replace("%2", megabytes(done))
            .replace("%3", megabytes(total)))
        outcome = self._outcome
        if outcome is True:
            self._end(True, "")
        elif outcome is not None:
            self._end(False, self._failure_text(outcome))

    def _failure_text(self, error: BaseException) -> str:
        name = display_names.label("dataset", self.source.name)
        if isinstance(error, mnist.DownloadError):
            return (self.tr("Could not download %1: no mirror gave a good copy. Check the internet connection "
                            "and try again, or copy the four files from a computer that has them and choose "
                            "their folder.\n%2").replace("%1", name).replace("%2", str(error)))
        if isinstance(error, OSError):
            folder = cache_folder() / self.source.folder_name
            return (self.tr("Could not save %1 in %2: %3. Free some space or make the folder writable, "
                            "then try again.").replace("%1", name).replace("%2", str(folder))
                    .replace("%3", os_error_reason(error)))
        return self.tr("Could not download %1: %2").replace("%1", name).replace("%2", str(error))

    def _end(self, succeeded: bool, message: str) -> None:
        self._timer.stop()
        self.dialog.hide()
        self.finished.emit(succeeded, message)
        self.dialog.deleteLater()
        self.deleteLater()  # its thread, if Cancel left it running, touches no Qt object
