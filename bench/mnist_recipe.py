"""Workload 4: time to reach 98.0 % test accuracy on real MNIST, headless, and the run's peak memory.

The recipe (:data:`RECIPE`) is this engine's :class:`Trainer` as the app runs it. The training clock
runs only while the trainer works: after every epoch the clock stops, the test accuracy is
measured, and the time to 98 % is the training time at the end of the first epoch that reaches it.

The run happens in a child process (``python -m bench.mnist_recipe``) so that its peak resident
memory is its own — no PyTorch or earlier workloads in it — and is printed as JSON.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from bench import contenders as c
from bench import data
from bench.results import Target, WorkloadResult

GOAL = 0.98
REPOSITORY = Path(__file__).resolve().parents[1]  # where `python -m bench.mnist_recipe` finds the packages


@dataclass(frozen=True)
class Recipe:
    sizes: tuple[int, ...]
    batch_size: int
    epochs: int
    lr: float
    schedule: str
    schedule_options: dict


# Picked among a few recipes by test accuracy per epoch (deterministic: the seeds are fixed):
# 784-256-128-10 and 784-512-10 stay below 98 % within 5 epochs; this one passes 98 % after 3 epochs
# (98.20 %; 98.16 % before the softmax cross-entropy became one compiled pass, which rounds differently).
# Batch 512 makes an epoch cheaper than batch 128 (fewer optimiser steps); the larger rate
# suits it. The cosine spans 4 epochs although 3 reach the goal: annealed over 2 or 3 epochs the same
# network ends at 97.3 % and 97.8 %, and batch 256 over 3 epochs reaches 98.06 % only in its third.
RECIPE = Recipe(sizes=(784, 512, 256, 10), batch_size=512, epochs=4, lr=3e-3,
                schedule="cosine", schedule_options={"lr_min": 1e-5})
QUICK_TRAIN = 1000  # synthetic images the --quick run trains on: checks the code path, not the accuracy


def quick_data() -> data.TrainingData:
    images = data.synthetic_mnist(QUICK_TRAIN + QUICK_TRAIN // 4, why="quick mode")
    return data.TrainingData(images.description, images.X[:QUICK_TRAIN], images.y[:QUICK_TRAIN],
                             images.X[QUICK_TRAIN:], images.y[QUICK_TRAIN:])


def run(recipe: Recipe, quick: bool = False) -> dict:
    """Train the recipe; returns per-epoch (training seconds, test accuracy) and the peak RSS in MB."""
    from core import optimizers, schedules
    from core.events import EpochFinished
    from core.trainer import Trainer

    mnist = quick_data() if quick else data.real_mnist()
    if mnist is None:
        return {"error": "real MNIST not found: set MLP_WORKBENCH_DATA to a folder with a mnist/ sub-folder"}
    network = c.relu_network(recipe.sizes)
    steps = recipe.epochs * -(-len(mnist.X) // recipe.batch_size)
    schedule = schedules.create(recipe.schedule, lr0=recipe.lr, T=steps, **recipe.schedule_options)
    trainer = Trainer(network, optimizers.create("adam", lr=recipe.lr), mnist.X, mnist.y,
                      batch_size=recipe.batch_size, epochs=recipe.epochs, schedule=schedule, schedule_unit="step")
    epochs, training_seconds = [], 0.0
    loop = trainer.run()
    while True:
        start = time.perf_counter()
        event = next(loop, None)
        training_seconds += time.perf_counter() - start
        if event is None:
            break
        if isinstance(event, EpochFinished):
            accuracy = float((network.predict(mnist.X_test) == mnist.y_test).mean())
            epochs.append({"epoch": event.epoch, "training_seconds": training_seconds, "test_accuracy": accuracy})
    return {"recipe": asdict(recipe), "data": mnist.description, "n_train": len(mnist.X), "epochs": epochs,
            "peak_rss_mb": peak_rss_mb()}


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB.

    Linux's VmHWM is the high-water mark of this program's own memory; ``ru_maxrss`` is not: it
    survives ``exec``, so a child would report the parent's size at the fork if that was larger."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux, bytes on macOS


def in_child_process(quick: bool) -> dict:
    command = [sys.executable, "-m", "bench.mnist_recipe"] + (["--quick"] if quick else [])
    finished = subprocess.run(command, capture_output=True, text=True, check=False, cwd=REPOSITORY)
    if finished.returncode != 0:
        return {"error": f"the child process failed:\n{finished.stderr.strip()}"}
    return json.loads(finished.stdout)


def time_to_accuracy(quick: bool = False) -> WorkloadResult:
    outcome = in_child_process(quick)
    title = "Workload 4: time to 98.0 % MNIST test accuracy (this engine, headless)"
    if "error" in outcome:
        return WorkloadResult(title, "s", {}, absent=[outcome["error"]])
    recipe = Recipe(**{**outcome["recipe"], "sizes": tuple(outcome["recipe"]["sizes"])})
    reached = next((epoch for epoch in outcome["epochs"] if epoch["test_accuracy"] >= GOAL), None)
    final = outcome["epochs"][-1]
    notes = [f"recipe: {'-'.join(map(str, recipe.sizes))} ReLU, softmax cross-entropy, Adam lr {recipe.lr:g} "
             f"with a {recipe.schedule} schedule per step {recipe.schedule_options}, batch {recipe.batch_size}, "
             f"{recipe.epochs} epochs on {outcome['n_train']:,} images ({outcome['data']}), float32",
             "test accuracy after each epoch: " + ", ".join(
                 f"{e['test_accuracy']:.2%} at {e['training_seconds']:.1f} s" for e in outcome["epochs"])]
    result = WorkloadResult(title, "s", {}, notes=notes)
    result.figures = [("training time to reach 98.0 %", "s", reached["training_seconds"] if reached else float("nan")),
                      ("final test accuracy", "%", 100 * final["test_accuracy"]),
                      ("training time of the whole recipe", "s", final["training_seconds"]),
                      ("peak RSS of the run", "MB", outcome["peak_rss_mb"])]
    if not quick:
        result.targets = [
            Target("training time to 98.0 % test accuracy", reached["training_seconds"] if reached else float("nan"),
                   10.0, False, " s"),
            Target("peak RSS", outcome["peak_rss_mb"], 1536.0, False, " MB"),
        ]
    return result


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help=f"one epoch on {QUICK_TRAIN} synthetic images")
    options = parser.parse_args(argv)
    recipe = Recipe(**{**asdict(RECIPE), "epochs": 1}) if options.quick else RECIPE
    print(json.dumps(run(recipe, options.quick)))


if __name__ == "__main__":
    main()
