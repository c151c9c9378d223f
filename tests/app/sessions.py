"""What the tests of training sessions (a thread's, a process's) share: every signal, recorded."""
import math

SIGNALS = ("started", "progress", "paused", "finished", "failed")


def recorded(session):
    """``(session, received)``: ``received[name]`` lists the arguments of each of the session's ``name`` signals."""
    received = {name: [] for name in SIGNALS}
    for name in SIGNALS:
        getattr(session, name).connect(received[name].append)
    return session, received


def batches_of(received):
    return [batch for progress in received["progress"] for batch in progress.batches]


def steps_per_epoch(experiment):
    return math.ceil(len(experiment.dataset.X_train) / experiment.config.training.batch_size)
