"""Loading data sets off the GUI thread (MNIST takes seconds to decompress the first time).

Loaded data sets are kept in a small cache shared by every window: a :class:`core.datasets.Dataset`
is immutable (read-only arrays), so runs and windows can share one.
"""
from __future__ import annotations

import functools
import os
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal

from app.dataset_download import unavailable_text
from app.display_names import label
from app.i18n import english_plural, format_integer, format_number, os_error_reason
from app.worker_thread import Outbox
from core import experiment
from core.datasets import csv_import
from core.datasets.csv_import import CsvProblem
from core.datasets.mnist import DatasetUnavailableError
from core.datasets.split import SplitProblem
from core.datasets.user_digits import TooFewDrawnDigits, digit_list, shortfall_groups, user_digits_path
from core.config import RunConfig
from core.experiment import data_key, optimizer_key

CACHE_SIZE = 2
"""Data sets kept in memory (MNIST is about 200 MB as float32)."""

_cache: OrderedDict[str, tuple[object, tuple | None]] = OrderedDict()  # key -> (data set, file_stamp)


def file_stamp(config: RunConfig) -> tuple | None:
    """The modification time and size of the file the data are read from (a CSV file, or the digits drawn
    in the Draw view for my_digits and MNIST mixed with them), or None: a file saved again since it was
    loaded is loaded again (its data key, a path or none, is the same)."""
    path = config.data.options.get("path")
    if config.data.dataset == "my_digits" or config.data.options.get("mix_user_digits") is True:
        path = str(user_digits_path())  # "Add to my digits" saves to it while the window is open
    try:
        status = os.stat(path) if isinstance(path, str) else None
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size) if status is not None else None


def cached(key: str, stamp: tuple | None = None):
    """The data set loaded under ``key`` from a file of ``stamp`` (see :func:`file_stamp`), or None."""
    if key in _cache and _cache[key][1] == stamp:
        _cache.move_to_end(key)
        return _cache[key][0]
    return None


def _remember(key: str, dataset, stamp: tuple | None) -> None:
    _cache[key] = dataset, stamp
    _cache.move_to_end(key)
    while len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)


def run_optimizer(run) -> tuple:
    """What decides the optimiser's kernels in ``run``: its name and hyperparameters (not the rate)."""
    return optimizer_key(run.config.optimizer.name, run.config.optimizer.options)


CSV_PROBLEMS = {
    "not a path": QT_TRANSLATE_NOOP("CsvProblems", "{path} is not a file name; choose a CSV file"),
    "unknown task": QT_TRANSLATE_NOOP("CsvProblems", "{path}: task {task!r} is not one of {tasks}"),
    "no such file": QT_TRANSLATE_NOOP("CsvProblems", "{path}: cannot read it: there is no such file; choose an "
                                                     "existing CSV file"),
    "a folder": QT_TRANSLATE_NOOP("CsvProblems", "{path} is a folder; choose a CSV file"),
    "not text": QT_TRANSLATE_NOOP("CsvProblems", "{path} is not a text file (it holds bytes no text has); export it "
                                                 "from your spreadsheet as CSV"),
    "unreadable": QT_TRANSLATE_NOOP("CsvProblems", "{path}: cannot read it ({reason})"),
    "no rows": QT_TRANSLATE_NOOP("CsvProblems", "{path}: the file has no rows"),
    "no data rows": QT_TRANSLATE_NOOP("CsvProblems", "{path}: the file has a header but no data rows"),
    "short row": QT_TRANSLATE_NOOP("CsvProblems", "{path}: row {row} has {cells} cells but the first row has "
                                                  "{width}: {column} is missing"),
    "short row under a header": QT_TRANSLATE_NOOP("CsvProblems", "{path}: row {row} has {cells} cells but the header "
                                                                 "has {width}: {column} is missing"),
    "long row": QT_TRANSLATE_NOOP("CsvProblems", "{path}: row {row} has {cells} cells but the first row has "
                                                 "{width}: {column} is extra"),
    "long row under a header": QT_TRANSLATE_NOOP("CsvProblems", "{path}: row {row} has {cells} cells but the header "
                                                                "has {width}: {column} is extra"),
    "only the label": QT_TRANSLATE_NOOP("CsvProblems", "{path}: the only column is the label; a data set needs at "
                                                       "least one feature column"),
    "missing label": QT_TRANSLATE_NOOP("CsvProblems", "{path}: row {row}, {column}: the label is missing"),
    "one class": QT_TRANSLATE_NOOP("CsvProblems", "{path}: {column}: every row has the label {label!r}; "
                                                  "classification needs at least two classes (choose another label "
                                                  "column, or the task 'regression')"),
    "not two classes": QT_TRANSLATE_NOOP("CsvProblems", "{path}: {column} has {count} classes ({classes}); the task "
                                                        "'binary' needs exactly two"),
    "missing value": QT_TRANSLATE_NOOP("CsvProblems", "{path}: row {row}, {column}: missing value ({cell!r})"),
    "not a number": QT_TRANSLATE_NOOP("CsvProblems", "{path}: row {row}, {column}: {cell!r} is not a number"),
    "text column": QT_TRANSLATE_NOOP("CsvProblems", "{path}: {column} holds text ({cell!r}, …), not numbers: if it "
                                                    "holds the labels, choose it as the label column"),
    "text targets": QT_TRANSLATE_NOOP("CsvProblems", "{path}: the labels in {column} are text ({cell!r}); the task "
                                                     "'regression' needs numbers: choose the task 'multiclass' (or "
                                                     "'binary')"),
    "too large": QT_TRANSLATE_NOOP("CsvProblems", "{path}: row {row}, {column}: {cell!r} is beyond ±1.7e38, the "
                                                  "largest value the engine can scale in its 32-bit numbers (±3.4e38); "
                                                  "rescale that column (other units)"),
    "open quote": QT_TRANSLATE_NOOP("CsvProblems", "{path}: row {row}: a quote (\") opens a cell that does not end "
                                                   "on that row; close or remove that quote"),
    "unended quote": QT_TRANSLATE_NOOP("CsvProblems", "{path}: a quote (\") opens a cell that never ends (read up to "
                                                      "row {row}); close or remove that quote"),
    "a name without a header": QT_TRANSLATE_NOOP("CsvProblems", "{path}: the label column {label!r} is a name, but "
                                                                "the file has no header; give its 0-based index"),
    "no such column": QT_TRANSLATE_NOOP("CsvProblems", "{path}: no column named {label!r}; the columns are: {names}"),
    "bad label column": QT_TRANSLATE_NOOP("CsvProblems", "{path}: the label column {label!r} must be a column name "
                                                         "or an index in {low} … {high}"),
}
"""The words of ``core.datasets.csv_import.PROBLEMS``, to translate (their ``{fields}`` kept)."""

CSV_COLUMNS = (QT_TRANSLATE_NOOP("CsvProblems", "column {number}"),
               QT_TRANSLATE_NOOP("CsvProblems", "column {number} ({name!r})"))
"""The words of ``core.datasets.csv_import.COLUMNS``."""


def csv_problem_text(problem: CsvProblem) -> str:
    """What is wrong with a CSV file, in the window's language."""
    translate = functools.partial(QCoreApplication.translate, "CsvProblems")
    return csv_import.word(problem.problem, problem.fields, {key: translate(text) for key, text in CSV_PROBLEMS.items()},
                           tuple(map(translate, CSV_COLUMNS)))


def digits_to_draw_text(needed) -> str:
    """How many more of which digits to draw, in the window's language: "0–9: 2 each", "1, 7: 11 each; …"."""
    each = QCoreApplication.translate("MyDigits", "{digits}: {count} each")
    one = QCoreApplication.translate("MyDigits", "{digits}: {count}")  # "each" of one digit read oddly
    return "; ".join((one if len(digits) == 1 else each).format(digits=digit_list(digits), count=format_integer(count))
                     for count, digits in shortfall_groups(needed))


def too_few_digits_text(error: TooFewDrawnDigits) -> str:
    """Why my_digits cannot be split and what to do, in the window's language (which names it as the Data
    panel does, not by its identifier)."""
    text = QCoreApplication.translate(
        "MyDigits", "The data set “{data}” is too small to take {test} off for the test set and {validation} for "
                    "validation with every digit in each part. Draw more digits in the Draw view — {groups}.").format(
        data=label("dataset", "my_digits"), test=format_number(error.test_split, 6, fixed=False),
        validation=format_number(error.validation_split, 6, fixed=False), groups=digits_to_draw_text(error.needed))
    if error.enough_without_validation:
        text += " " + QCoreApplication.translate("MyDigits", "Or set the validation split to 0 (no validation data).")
    return text


SPLIT_PARTS = {"test": QT_TRANSLATE_NOOP("SplitProblems", "the test set"),
               "validation": QT_TRANSLATE_NOOP("SplitProblems", "validation")}
"""What a split takes its part off for (``core.datasets.dataset.SPLIT_PARTS``; max_train is worded apart)."""

SPLIT_REASONS = {
    "a part would be empty": QT_TRANSLATE_NOOP("SplitProblems", "one of the two parts would be empty"),
    "a single example": QT_TRANSLATE_NOOP("SplitProblems", "class {label} has a single example, and every class "
                                                           "needs one in each part (if the labels are measurements "
                                                           "rather than classes, choose the task “regression”)"),
    "classes do not fit": QT_TRANSLATE_NOOP("SplitProblems", "parts of {taken} and {kept} examples cannot each hold "
                                                             "all {classes} classes"),
}
"""The reasons of :class:`core.datasets.split.SplitProblem`, by its ``problem``."""

SPLIT_ADVICE = {
    "test": QT_TRANSLATE_NOOP("SplitProblems", "Set “Test split” to 0 (no test set), or give the data more "
                                               "examples."),
    "validation": QT_TRANSLATE_NOOP("SplitProblems", "Set “Validation split” to 0 (no validation data), or give the "
                                                     "data more examples."),
    "max_train": QT_TRANSLATE_NOOP("SplitProblems", "Raise “Training examples at most”, or set it to all."),
}
"""What to do about a split that cannot be made, by its part (the Data panel's names of the settings)."""


def split_problem_text(problem: SplitProblem) -> str:
    """Why a data set cannot be split as asked and what to do, in the window's language."""
    translate = functools.partial(QCoreApplication.translate, "SplitProblems")
    fields = problem.fields
    numbers = {key: format_integer(fields[key]) for key in ("taken", "kept", "classes") if key in fields}
    reason = translate(SPLIT_REASONS[problem.problem]).format(label=fields.get("label"), **numbers)
    data, size, part = label("dataset", fields["dataset"]), fields["size"], fields["part"]
    if part == "max_train":
        count = fields["n"] - size
        said = english_plural(QCoreApplication.translate(
            "SplitProblems", "“{data}” cannot be cut down to {count} training example(s): {reason}."), count)
        said = said.format(data=data, count=format_integer(count), reason=reason)
    else:
        said = QCoreApplication.translate(
            "SplitProblems", "“{data}” is too small to take {size} of its {n} examples off for {part}: "
                             "{reason}.")
        said = said.format(data=data, size=format_number(size, 6, fixed=False), n=format_integer(fields["n"]),
                           part=translate(SPLIT_PARTS[part]), reason=reason)
    return f"{said} {translate(SPLIT_ADVICE[part])}"


def describe_load_error(error: BaseException) -> str:
    """What went wrong, for a person: the loaders' ValueErrors say it already; a file error names the file;
    data that is not on this computer is offered for download (see :mod:`app.dataset_download`)."""
    if isinstance(error, DatasetUnavailableError):
        return unavailable_text(error)
    if isinstance(error, CsvProblem):
        return csv_problem_text(error)
    if isinstance(error, TooFewDrawnDigits):
        return too_few_digits_text(error)
    if isinstance(error, SplitProblem):
        return split_problem_text(error)
    if isinstance(error, ValueError):
        return str(error)
    if isinstance(error, OSError) and error.strerror:
        if not error.filename:
            return os_error_reason(error)
        return QCoreApplication.translate("DataLoader", "Cannot read %1: %2").replace("%1", str(error.filename)) \
            .replace("%2", os_error_reason(error))
    return f"{type(error).__name__}: {error}"


class LoadAbandoned(Exception):
    """Raised in the helper thread to end a load nobody waits for any more."""


class DatasetLoader(QObject):
    """Loads the data of a configuration on one helper thread; answers in the GUI thread."""

    loaded = Signal(str, object)
    """loaded(key, dataset): the data of :func:`core.experiment.data_key` ``key`` is ready (and cached)."""

    failed = Signal(str, str, object)
    """failed(key, message, error): the data could not be loaded; the message says why and what to do
    (the exception, for what a window words in its own language)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="dataset-loader")
        self._loading: dict[str, tuple[Future, tuple | None]] = {}  # key -> (its load, file_stamp)
        self._engine: tuple | None = None  # (network, optimiser key, future) of the last prepare_engine
        self._aside: dict[int, tuple[Future, object]] = {}  # id(future) -> (a run_aside's work, its on_done)
        self._shut_down = False
        # The loader's thread never calls Qt (see app.worker_thread): a finished load wakes the GUI thread.
        self._done = Outbox()
        self._notifier = self._done.notify(self._report_done, self)

    def request(self, config: RunConfig) -> str:
        """Start loading the data of ``config`` unless it is cached or already loading; returns its key."""
        key, stamp = data_key(config), file_stamp(config)  # the file's before it is read: a later save is news
        if cached(key, stamp) is not None:
            self.loaded.emit(key, cached(key, stamp))
        elif key not in self._loading:
            future = self._executor.submit(experiment.load_data, config.copy(), self._go_on)
            self._loading[key] = future, stamp
            future.add_done_callback(lambda _: self._done.put("done", (key,)))
        return key

    def run_aside(self, work, on_done) -> None:
        """Run ``work()`` on the helper thread, after what was asked of it before (a large network to build:
        drawing tens of millions of initial weights took seconds of the GUI thread); ``on_done(future)`` is
        then called in the GUI thread, unless the window has closed. ``work`` must not call Qt."""
        future = self._executor.submit(work)
        self._aside[id(future)] = future, on_done
        future.add_done_callback(lambda done: self._done.put("aside", (id(done),)))

    def prepare_engine(self, run) -> None:
        """Compile the kernels ``run`` (a :class:`core.experiment.Experiment`) trains with, or load
        them from numba's disk cache (about a second; seconds the first time on a computer), on the
        helper thread: a training process forked afterwards has them. Nothing once shut down."""
        if not self._shut_down:
            self._engine = (run.network, run_optimizer(run), self._executor.submit(run.prepare))

    def engine_prepared(self, run) -> bool:
        """Whether :meth:`prepare_engine` has finished for ``run``'s network and optimiser: the
        helper thread compiles nothing now, and a process forked now needs to compile nothing."""
        if self._engine is None:
            return False
        network, optimizer, preparation = self._engine
        return preparation.done() and network is run.network and optimizer == run_optimizer(run)

    def is_loading(self) -> bool:
        return bool(self._loading)

    def _report_done(self) -> None:
        for name, (key,) in self._done.drain():
            if name == "aside":
                future, on_done = self._aside.pop(key)
                if not (future.cancelled() or self._shut_down):
                    on_done(future)
                continue
            future, stamp = self._loading.pop(key, (None, None))
            if future is None or future.cancelled() or self._shut_down:  # the window closed: nobody waits for it
                continue
            error = future.exception()
            if error is None:
                _remember(key, future.result(), stamp)
                self.loaded.emit(key, future.result())
            else:
                self.failed.emit(key, describe_load_error(error), error)

    def _go_on(self, done: int, total: int) -> None:
        """A load's progress (in the helper thread): it ends here once the window closes."""
        if self._shut_down:
            raise LoadAbandoned

    def shutdown(self) -> None:
        """Stop the helper thread (the window is closing): a large CSV file being read stops within a
        fraction of a second (at 200 MB the window stayed frozen for 20 s), a compilation ends first."""
        self._shut_down = True
        self._executor.shutdown(wait=True, cancel_futures=True)
        # Nothing is loading now, and nothing it sent is answered any more. The notifier stops here, in the GUI
        # thread: a loader left in a reference cycle is collected in whichever thread the collector runs, and a
        # notifier destroyed while still enabled in another thread stays watched by the GUI thread's event loop
        # (Qt refuses to disable it from there), which then crashes on it.
        self._loading.clear()
        self._aside.clear()
        self._notifier.setEnabled(False)
        self._done.close()
