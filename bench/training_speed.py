"""Workloads 1 and 2: training speed against scikit-learn, PyTorch and the matmul floor.

1. MNIST-sized data (60,000 × 784), network 784-256-128-10, ReLU, softmax cross-entropy,
   Adam lr = 1e-3, batch 128 and batch 512; every round trains a fresh network for a few epochs
   (not only the first: naive code slows down in later epochs, when Adam's moments of the
   always-black pixels' weights become subnormal numbers). Unit: seconds per epoch.
2. 100 epochs on the 8×8 digits, network 64-64-10, batch 128, where per-call Python overhead
   dominates. Unit: seconds for the 100 epochs.
"""
from __future__ import annotations

from dataclasses import dataclass

from bench import contenders as c
from bench import data
from bench.results import Target, WorkloadResult
from bench.timing import alternate

MNIST_SIZES = (784, 256, 128, 10)
DIGITS_SIZES = (64, 64, 10)


@dataclass(frozen=True)
class Plan:
    n_train: int      # training examples for workload 1
    epochs: int       # epochs per round in workload 1
    rounds: int
    digits_epochs: int
    digits_rounds: int
    real_mnist: bool  # False: synthetic images even where MNIST is present (no seconds spent loading it)
    warmup: bool      # an untimed first call of every contender


FULL = Plan(n_train=60_000, epochs=3, rounds=4, digits_epochs=100, digits_rounds=7, real_mnist=True,
            warmup=True)
QUICK = Plan(n_train=512, epochs=1, rounds=1, digits_epochs=2, digits_rounds=1, real_mnist=False,
             warmup=False)


def mnist_epochs(plan: Plan, batch_size: int, progress=None) -> WorkloadResult:
    training = (plan.real_mnist and data.real_mnist(plan.n_train)) or data.synthetic_mnist(
        plan.n_train, why="real MNIST not found" if plan.real_mnist else "quick mode")
    contenders, absent = c.training_contenders(training.X, training.y, MNIST_SIZES, batch_size, plan.epochs)
    rows = alternate(contenders, plan.rounds, plan.warmup, progress)
    result = WorkloadResult(
        f"Workload 1: one epoch of {len(training.X):,} × 784, 784-256-128-10 ReLU, Adam, batch {batch_size}",
        "s/epoch", rows, reference=c.ENGINE, absent=absent,
        notes=[f"{training.description}; each round trains a fresh network for {plan.epochs} epoch(s) and "
               f"reports their mean; {plan.rounds} round(s), contenders alternating"])
    torch_bound = 1.1 if batch_size == 128 else 1.0
    result.targets = [
        Target(f"batch {batch_size}: faster than PyTorch fused Adam by", result.ratio(c.TORCH_FUSED), torch_bound,
               True),
        Target(f"batch {batch_size}: faster than scikit-learn float64 by", result.ratio(c.SKLEARN_64), 3.5, True),
        Target(f"batch {batch_size}: engine time / matmul floor", 1.0 / result.ratio(c.FLOOR), 1.6, False),
    ]
    return result


def digits_epochs(plan: Plan, progress=None) -> WorkloadResult:
    training = data.digits()
    epochs = plan.digits_epochs
    contenders, absent = c.training_contenders(training.X, training.y, DIGITS_SIZES, 128, epochs)
    per_epoch = alternate(contenders, plan.digits_rounds, plan.warmup, progress)
    rows = {name: type(summary)(tuple(s * epochs for s in summary.samples)) for name, summary in per_epoch.items()}
    result = WorkloadResult(f"Workload 2: {epochs} epochs on the 8×8 digits, 64-64-10 ReLU, Adam, batch 128",
                            f"s/{epochs} epochs", rows, reference=c.ENGINE, absent=absent,
                            notes=[f"{training.description}; {plan.digits_rounds} round(s), contenders alternating"])
    sklearn_best = min(result.ratio(c.SKLEARN_64), result.ratio(c.SKLEARN_32))
    torch_best = min(result.ratio(c.TORCH), result.ratio(c.TORCH_FUSED))
    result.targets = [Target("faster than the faster scikit-learn by", sklearn_best, 3.0, True),
                      Target("faster than the faster PyTorch Adam by", torch_best, 3.0, True)]
    return result
