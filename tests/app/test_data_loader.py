"""The window's dataset loader: answers in the GUI thread, and a load cancelled at closing says nothing."""
import os
import string
import threading
import weakref

import numpy as np
import pytest

from app.data_loader import CSV_COLUMNS, CSV_PROBLEMS, DatasetLoader, LoadAbandoned, cached, csv_problem_text
from core.datasets import csv_import
from core.config import RunConfig
from core.experiment import Experiment


def test_a_load_answers_once_with_the_dataset_and_caches_it(qtbot):
    loader = DatasetLoader()
    with qtbot.waitSignal(loader.loaded, timeout=15_000) as blocker:
        key = loader.request(RunConfig())
    answered_key, dataset = blocker.args
    assert answered_key == key and dataset.X_train.shape[1] == 64
    assert cached(key) is dataset and not loader.is_loading()
    loader.shutdown()


def test_a_csv_file_saved_again_is_loaded_again(qtbot, tmp_path):
    path = tmp_path / "table.csv"
    path.write_text("x,label\n" + "".join(f"{i},{i % 2}\n" for i in range(60)))
    config = RunConfig()
    config.data.dataset, config.data.options = "csv", {"path": str(path)}
    loader = DatasetLoader()
    with qtbot.waitSignal(loader.loaded, timeout=15_000) as first:
        loader.request(config)
    assert first.args[1].n_classes == 2
    with qtbot.waitSignal(loader.loaded, timeout=1000) as again:
        loader.request(config)  # unchanged: from the cache, at once
    assert again.args[1] is first.args[1]
    saved = path.stat().st_mtime_ns
    path.write_text("x,label\n" + "".join(f"{i},{i % 3}\n" for i in range(60)))  # edited in a spreadsheet
    os.utime(path, ns=(saved + 2_000_000_000,) * 2)  # saved two seconds later (the same size: 3 classes, not 2)
    with qtbot.waitSignal(loader.loaded, timeout=15_000) as edited:
        loader.request(config)
    assert edited.args[0] == first.args[0] and edited.args[1].n_classes == 3
    loader.shutdown()


def test_digits_drawn_since_my_digits_were_loaded_are_in_its_next_load(qtbot, tmp_path, monkeypatch):
    from core.datasets.locations import USER_DIR_VARIABLE
    from core.datasets.user_digits import add_user_digit

    monkeypatch.setenv(USER_DIR_VARIABLE, str(tmp_path))
    rng = np.random.default_rng(0)
    for label in list(range(10)) * 12:
        add_user_digit(rng.random((28, 28)), label)
    config = RunConfig()
    config.data.dataset, config.data.options = "my_digits", {}
    loader = DatasetLoader()
    with qtbot.waitSignal(loader.loaded, timeout=15_000) as first:
        loader.request(config)
    sizes = len(first.args[1].y_train) + len(first.args[1].y_val) + len(first.args[1].y_test)
    assert sizes == 120
    add_user_digit(rng.random((28, 28)), 7)  # "Add to my digits" in the Draw view, the window still open
    with qtbot.waitSignal(loader.loaded, timeout=15_000) as again:
        loader.request(config)  # a new run on my_digits
    assert again.args[0] == first.args[0]
    assert len(again.args[1].y_train) + len(again.args[1].y_val) + len(again.args[1].y_test) == 121
    loader.shutdown()


def test_loads_queued_behind_another_are_cancelled_at_shutdown_without_an_answer(qtbot):
    loader = DatasetLoader()
    gate = threading.Event()
    loader._executor.submit(gate.wait)  # the helper thread is busy: the next requests queue behind it
    answers = []
    loader.loaded.connect(lambda *args: answers.append(("loaded", args)))
    loader.failed.connect(lambda *args: answers.append(("failed", args)))
    moons, reseeded = RunConfig(), RunConfig()
    moons.data.dataset = "moons"
    reseeded.training.seed = 99
    assert loader.request(moons) != loader.request(reseeded) and loader.is_loading()
    threading.Timer(0.3, gate.set).start()  # after shutdown has cancelled the queue
    loader.shutdown()
    qtbot.wait(200)  # a cancelled future's report put off to the event loop would have come by now
    assert answers == [] and not loader.is_loading()


def test_a_large_csv_file_being_read_stops_at_shutdown_instead_of_being_read_to_the_end(qtbot, tmp_path,
                                                                                       monkeypatch):
    """Closing the window while a 200 MB file was read kept it frozen for 20 s."""
    monkeypatch.setattr(csv_import, "PARSED_LINES", 100)
    path = tmp_path / "large.csv"
    path.write_text("x,y,label\n" + "".join(f"{i},{i * 0.5},{i % 2}\n" for i in range(5000)))
    config = RunConfig()
    config.data.dataset, config.data.options = "csv", {"path": str(path)}
    loader = DatasetLoader()
    reached, calls = threading.Event(), []
    go_on = loader._go_on

    def first_part_read(done, total):
        calls.append((done, total))
        reached.set()
        for _ in range(1000):  # until the window closes
            if loader._shut_down:
                break
            threading.Event().wait(0.01)
        go_on(done, total)

    loader._go_on = first_part_read
    answers = []
    loader.loaded.connect(lambda *args: answers.append(args))
    loader.failed.connect(lambda *args: answers.append(args))
    key = loader.request(config)
    future = loader._loading[key][0]
    assert reached.wait(15)
    loader.shutdown()
    assert isinstance(future.exception(), LoadAbandoned)
    assert calls == [(100, 10002)], "stopped after the first lines read"
    qtbot.wait(100)
    assert answers == []


def test_a_loader_shut_down_may_be_freed_in_any_thread(qtbot, qtlog):
    """The large-CSV test's loader above, held in a reference cycle, was collected in a later test's helper thread: its
    socket notifier, destroyed there, stayed registered with the GUI thread's event loop, which then watched a closed
    socket through a deleted notifier ("QSocketNotifier: Invalid socket", then a segfault or a corrupted heap)."""
    loader = DatasetLoader()
    moons = RunConfig()
    moons.data.dataset = "moons"
    with qtbot.waitSignal(loader.loaded, timeout=15_000):
        loader.request(moons)
    loader.shutdown()
    gone, last_reference = weakref.ref(loader), [loader]
    del loader
    # Its last reference dropped in another thread, as a collection there would: only it is freed there (a full
    # collection in a foreign thread would free earlier tests' garbage there too).
    elsewhere = threading.Thread(target=last_reference.clear, name="another-thread")
    elsewhere.start()
    elsewhere.join()
    assert gone() is None
    # Had its notifier not been stopped, Qt would say "Socket notifiers cannot be enabled or disabled from another
    # thread" here, and the event loop would crash next.
    assert [record.message for record in qtlog.records] == []
    qtbot.wait(50)  # the event loop runs on
    assert [record.message for record in qtlog.records] == []


def test_the_engine_is_prepared_on_the_helper_thread_for_one_network_and_optimiser(qtbot):
    threads = []
    run = Experiment(RunConfig())
    run.prepare = lambda: threads.append(threading.current_thread().name)
    loader = DatasetLoader()
    assert not loader.engine_prepared(run)
    loader.prepare_engine(run)
    qtbot.waitUntil(lambda: loader.engine_prepared(run), timeout=5000)
    assert threads[0].startswith("dataset-loader"), "off the GUI thread"
    another_optimiser = Experiment(run.config.copy(), dataset=run.dataset, network=run.network)
    another_optimiser.config.optimizer.name = "sgd"
    assert not loader.engine_prepared(another_optimiser)
    assert not loader.engine_prepared(Experiment(run.config.copy(), dataset=run.dataset)), "another network"
    loader.shutdown()
    loader.prepare_engine(another_optimiser)  # a run built as the window closes: nothing is started
    assert threads == [threads[0]] and not loader.engine_prepared(another_optimiser)


def test_the_window_s_words_for_csv_problems_are_the_engine_s():
    assert CSV_PROBLEMS == csv_import.PROBLEMS and CSV_COLUMNS == csv_import.COLUMNS  # lupdate needs the literals


def sample_problem(problem: str) -> csv_import.CsvProblem:
    fields = {name: 7 for _, name, _, _ in string.Formatter().parse(csv_import.PROBLEMS[problem]) if name}
    if "column" in fields:
        fields["column"] = (3, "age")
    return csv_import.CsvProblem(problem, **fields)


@pytest.mark.parametrize("problem", sorted(csv_import.PROBLEMS))
def test_every_csv_problem_is_worded_in_russian_with_its_specifics(qapp, problem, switch_language):
    error = sample_problem(problem)
    assert csv_problem_text(error) == str(error)
    switch_language("ru")
    russian = csv_problem_text(error)
    switch_language("en")
    assert russian != str(error) and "7" in russian
    if "column" in error.fields:
        assert "№ 3 ('age')" in russian


def test_a_file_the_system_refuses_is_named_with_the_system_s_reason_in_the_window_s_language(qapp, switch_language):
    from app.data_loader import describe_load_error

    refused = PermissionError(13, "Permission denied", "/lab/share/table.csv")
    assert describe_load_error(refused) == "Cannot read /lab/share/table.csv: Permission denied"
    assert describe_load_error(OSError(5, "Input/output error")) == "Input/output error"
    assert describe_load_error(OSError(121, "Remote I/O error")) == "Remote I/O error"  # a rare one: as it came
    switch_language("ru")
    assert describe_load_error(refused) == "Не удаётся прочитать /lab/share/table.csv: нет прав доступа"


def test_the_digits_still_to_draw_say_each_only_of_several(qapp):
    import numpy as np

    from app.data_loader import digits_to_draw_text

    needed = np.zeros(10, dtype=int)
    needed[[1, 7]], needed[4] = 2, 11
    assert digits_to_draw_text(needed) == "4: 11; 1, 7: 2 each"


def xnor_table_problem(tmp_path, **options):
    """The split problem of the lecture's XNOR truth table read from a four-row CSV file named like the built-in
    table (its messages name the file, not the built-in)."""
    from core.datasets.split import SplitProblem

    path = tmp_path / "xnor.csv"
    path.write_text("x1,x2,y\n0,0,1\n0,1,0\n1,0,0\n1,1,1\n", encoding="utf-8")
    with pytest.raises(SplitProblem) as refused:
        csv_import.load_csv(path, "y", **options)
    return refused.value


def test_data_too_small_to_split_says_in_the_window_s_language_which_setting_to_change(qapp, tmp_path, switch_language):
    from app.data_loader import describe_load_error

    test_part = xnor_table_problem(tmp_path)
    validation_part = xnor_table_problem(tmp_path, test_split=0.0)
    assert describe_load_error(test_part) == (
        "“xnor.csv” is too small to take 0.2 of its 4 examples off for the test set: parts of 1 and 3 "
        "examples cannot each hold all 2 classes. Set “Test split” to 0 (no test set), or give the data more examples.")
    assert describe_load_error(validation_part).endswith(
        "off for validation: parts of 1 and 3 examples cannot each hold all 2 classes. Set “Validation split” to 0 "
        "(no validation data), or give the data more examples.")
    switch_language("ru")
    assert describe_load_error(test_part) == (
        "«xnor.csv» слишком мал, чтобы отделить 0,2 из 4 примеров на тестовую выборку: части из 1 и 3 "
        "примеров не могут каждая вместить все классы (классов: 2). Поставьте 0 в поле «Доля теста» (без тестовой "
        "выборки) или добавьте в данные больше примеров.")


def test_a_limit_on_training_examples_too_low_for_every_class_says_to_raise_it(qapp, tmp_path, switch_language):
    from app.data_loader import describe_load_error

    problem = xnor_table_problem(tmp_path, test_split=0.0, validation_split=0.0, max_train=1)
    assert describe_load_error(problem) == (
        "“xnor.csv” cannot be cut down to 1 training example: parts of 3 and 1 examples cannot each hold all "
        "2 classes. Raise “Training examples at most”, or set it to all.")
    switch_language("ru")
    assert describe_load_error(problem).startswith("«xnor.csv» нельзя сократить до такого числа обучающих примеров "
                                                   "(1): ")
