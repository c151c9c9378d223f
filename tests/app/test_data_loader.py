"""The window's dataset loader: answers in the GUI thread, and a load cancelled at closing says nothing."""
import threading

from app.data_loader import DatasetLoader, cached
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
    qtbot.wait(200)  # the cancelled futures' reports reach the GUI thread
    assert answers == [] and not loader.is_loading()


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
