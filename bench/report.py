"""Turning results into Markdown: the tables printed by the suite and written to ``bench/README.md``.

The README is generated whole by :func:`readme` from the last full run, so its figures are never
typed by hand; its fixed text (how to run, what is measured) lives here with the code.
"""
from __future__ import annotations

import math
import time

from bench.machine import blas_line
from bench.results import WorkloadResult

HOW_TO_RUN = """\
Run the whole suite (about 6–8 minutes on 2 cores; it prints every table and rewrites this file):

    MLP_WORKBENCH_DATA=/path/to/data python -m bench

`MLP_WORKBENCH_DATA` points at a folder with a `mnist/` sub-folder holding MNIST's four IDX files
(the suite never downloads; without real MNIST, workload 1 trains on MNIST-shaped synthetic data
and workload 4 is reported as absent; workload 6 then tours the window on the 8×8 digits). PyTorch is
optional (`pip install torch==2.13.0`); without it its rows are reported as absent. Options: `--quick`
(tiny sizes, under a minute; what the test suite runs), `--workloads 1,3` (a subset), `--rounds N`,
`--threads N` (BLAS and PyTorch threads of workloads 1-4; workload 6 sets its own),
`--no-readme` (print only). Run it on a quiet machine: the load average is recorded with the figures.
Where `OPENBLAS_CORETYPE`/`OPENBLAS_L2_SIZE` force an older kernel, unset both for that command
alone (`env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python -m bench`) and check the kernel below.
"""

WHAT_IS_MEASURED = """\
1. One epoch of MNIST-sized data (60,000 × 784), network 784-256-128-10, ReLU, softmax
   cross-entropy, Adam lr 1e-3, batch 128 and batch 512. Every round trains a fresh network for
   3 epochs (later epochs are where subnormal Adam moments slow naive code down) and reports
   seconds per epoch, model construction included, data loading excluded.
2. 100 epochs on the 8×8 digits (1,437 training images), network 64-64-10, batch 128: per-call
   overhead dominates.
3. Single-sample inference latency 784 → 10 probabilities, as the drawing canvas asks on every
   mouse move (median and p99 of single calls); drawn-digit preprocessing time.
4. Time to reach 98.0 % MNIST test accuracy with this engine's Trainer (training time only; the
   test evaluation after each epoch is outside the clock) and the peak RSS of that run, which
   runs in a child process of its own.
5. The BLAS library, kernel and thread count in use (threadpoolctl).
6. The workbench window (`python -m bench.bench_gui`, in a child process, offscreen) while it
   trains MNIST (784-256-128-10, batch 32) and every tab is shown in turn for 3 s: how late a
   10 ms timer comes (the event loop's longest block and p99), frames painted per second on the
   views drawn from every batch, training speed in the window against the headless engine (its
   faster BLAS setting), RSS over 200 epochs on the 8×8 digits, and the median of 3 launches to
   the window's first paint (and to Start enabled), with Python's bytecode cache as every launch
   after the first finds it (a first launch fills it and is reported apart, not counted; where
   `PYTHONDONTWRITEBYTECODE` is set the children keep their cache in a temporary folder all the
   same). Targets from issue 5: lag ≤ 50 ms and p99
   ≤ 20 ms, throughput ≥ 85 %, ≥ 20 fps, RSS within ±5 %, shown within 2 s.

Contenders, on the same data, network, batch size, epochs and float32 where they allow it: this
engine (`core.trainer.Trainer`, events and all), scikit-learn `MLPClassifier` (float64, and
float32 input), PyTorch CPU eager with `torch.optim.Adam` and `Adam(fused=True)`, and the floor:
the same matrix multiplications per batch alone in NumPy (forward; weight gradients; input
gradients except the first layer's). Contenders alternate within each round; tables give the
median with min – max, and "× engine" = contender's median / the engine's (above 1: the engine is
faster).
"""


def _number(value: float) -> str:
    if math.isnan(value):
        return "—"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}"


def workload_table(result: WorkloadResult) -> list[str]:
    lines = [f"### {result.title}", ""]
    if result.rows:
        ratio_column = f" × {result.reference} |" if result.reference else ""
        lines += [f"| contender | median {result.unit} | min – max |{ratio_column}",
                  "| --- | ---: | ---: |" + (" ---: |" if result.reference else "")]
        for name, summary in result.rows.items():
            ratio = f" {result.ratio(name):.2f} |" if result.reference else ""
            lines.append(f"| {name} | {_number(summary.median)} | {_number(summary.low)} – {_number(summary.high)} |"
                         + ratio)
        lines.append("")
    for name in result.absent:
        lines.append(f"- absent: {name}")
    for label, unit, value in result.figures:
        lines.append(f"- {label}: {_number(value)} {unit}")
    for note in result.notes:
        lines.append(f"- {note}")
    lines.append("")
    return lines


def targets_table(results: list[WorkloadResult]) -> list[str]:
    lines = ["| workload | target | required | measured | met |", "| --- | --- | ---: | ---: | :---: |"]
    for result in results:
        label = result.title.split(":")[0]
        for target in result.targets:
            lines.append(f"| {label} | {target.description} | {target.requirement} | "
                         f"{_number(target.measured)}{target.unit} | {'yes' if target.met else '**no**'} |")
    return lines


def machine_lines(machine: dict, load_after: float, seconds: float) -> list[str]:
    versions = ", ".join(f"{name} {version}" for name, version in machine["versions"].items())
    lines = [f"- CPU: {machine['cpu']}, {machine['cores']} logical cores; {machine['platform']}",
             f"- load average (1 min): {machine['load_average']:.2f} at the start, {load_after:.2f} at the end",
             f"- {versions}"]
    lines += [f"- BLAS: {blas_line(pool)}" for pool in machine["blas"]]
    lines.append(f"- idle BLAS threads after a 512×512 matmul burn {machine['idle_spin_ms']:.1f} ms of CPU "
                 "during the next 200 ms, while the only Python thread sleeps")
    speedup = machine.get("two_thread_speedup")
    if speedup is not None:
        lines.append(f"- two BLAS threads make a 128×784 by 784×256 product {speedup:.2f}× as fast as one (best of 40 "
                     "each; two whole cores: about 2×)")
    forced = machine["environment"]
    lines.append("- environment: " + (", ".join(f"{k}={v}" for k, v in forced.items()) if forced
                                      else "no OPENBLAS_*/OMP_* variables set"))
    lines.append(f"- the suite took {seconds / 60:.1f} min")
    return lines


def results_markdown(results: list[WorkloadResult], machine: dict, load_after: float, seconds: float,
                     quick: bool = False) -> str:
    lines = ["## Machine", ""] + machine_lines(machine, load_after, seconds) + ["", "## Targets", ""]
    lines += ["Not judged in the quick mode: its sizes are too small to mean anything."] if quick \
        else targets_table(results)
    lines += ["", "## Tables", ""]
    for result in results:
        lines += workload_table(result)
    return "\n".join(lines).rstrip() + "\n"


def readme(results_text: str) -> str:
    stamp = time.strftime("%Y-%m-%d %H:%M %Z")
    return (f"# Benchmarks\n\n{HOW_TO_RUN}\n## What is measured\n\n{WHAT_IS_MEASURED}\n"
            f"# Last run ({stamp})\n\nWritten by `python -m bench`; do not edit by hand.\n\n{results_text}")
