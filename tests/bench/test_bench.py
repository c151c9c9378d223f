"""The benchmark suite in its quick mode (tiny sizes), so that it cannot rot between full runs."""
from __future__ import annotations

import json
import math
import subprocess
import sys

import numpy as np
import pytest

from bench import __main__ as suite
from bench import bench_gui, contenders, data, machine, mnist_recipe, report
from bench.results import Target
from bench.timing import Summary, alternate


def test_quick_suite_without_torch_prints_every_workload_and_writes_the_readme(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(machine, "torch_or_none", lambda: None)  # as if PyTorch were not installed
    readme = tmp_path / "README.md"
    assert suite.main(["--quick", "--readme", str(readme)]) == 0
    printed = capsys.readouterr().out
    for heading in ("Workload 1", "batch 128", "batch 512", "Workload 2", "Workload 3a", "Workload 3b",
                    "Workload 4", "Workload 6", "event-loop lag, p99", "BLAS: openblas"):
        assert heading in printed, heading
    assert "absent: PyTorch Adam(fused=True)" in printed
    for row in (contenders.ENGINE, contenders.SKLEARN_64, contenders.SKLEARN_32, contenders.FLOOR):
        assert f"| {row} |" in printed
    written = readme.read_text(encoding="utf-8")
    assert written.startswith("# Benchmarks") and "python -m bench" in written and printed.strip() in written


def test_quick_mode_leaves_the_committed_readme_alone(monkeypatch, capsys):
    before = suite.README.read_bytes() if suite.README.exists() else None
    monkeypatch.setattr(machine, "torch_or_none", lambda: None)
    assert suite.main(["--quick", "--workloads", "2"]) == 0
    assert (suite.README.read_bytes() if suite.README.exists() else None) == before
    assert "Workload 2" in capsys.readouterr().out


def test_torch_contenders_train_the_same_network():
    torch = pytest.importorskip("torch")
    torch.set_num_threads(1)
    images = data.synthetic_mnist(64)
    for fused in (False, True):
        seconds = contenders.pytorch(images.X, images.y, (784, 16, 10), 32, 1, 1e-3, fused)()
        assert seconds > 0


def test_the_engine_contender_learns():
    images = data.synthetic_mnist(600)
    network = contenders.relu_network((784, 32, 10))
    assert [type(layer).__name__ for layer in network.layers] == ["Dense", "Activation", "Dense"]
    assert contenders.engine(images.X, images.y, (784, 32, 10), 64, 2, 1e-3)() > 0


def test_alternate_rotates_and_reverses_the_order_and_summarises_each_contender():
    calls = []
    rows = alternate({name: (lambda name=name: calls.append(name) or float(len(calls))) for name in "abcd"},
                     rounds=4, warmup=False)
    assert calls == list("abcd" "adcb" "cdab" "cbad")  # rounds 2 and 4 rotated, then reversed
    predecessors = {calls[i - 1] for i in range(1, len(calls)) if calls[i] == "d"}
    assert predecessors == {"a", "c"}  # rotation alone would always put c before d
    assert rows["a"].samples == (1.0, 5.0, 11.0, 15.0) and rows["a"].median == 8.0
    assert (rows["a"].low, rows["a"].high) == (1.0, 15.0)


def test_percentile_is_a_measured_value_by_nearest_rank():
    summary = Summary(tuple(float(i) for i in range(1, 101)))
    assert summary.percentile(99) == 99.0 and summary.percentile(50) == 50.0 and summary.percentile(0) == 1.0


def test_targets_compare_in_the_stated_direction_and_nan_is_never_met():
    assert Target("x", 1.2, 1.1, True).met and not Target("x", 1.0, 1.1, True).met
    assert Target("t", 20.0, 25.0, False, " µs").met and Target("t", 20.0, 25.0, False, " µs").requirement == "≤ 25 µs"
    assert not Target("x", float("nan"), 1.0, True).met


def test_synthetic_images_keep_mnist_black_border():
    images = data.synthetic_mnist(200).X.reshape(-1, 28, 28)
    assert images.dtype == np.float32 and images[:, :4].max() == 0 and images[:, :, -4:].max() == 0
    assert 0.1 < np.count_nonzero(images) / images.size < 0.3


def test_the_child_reports_its_own_peak_memory_not_its_larger_parents():
    ballast = np.ones(300 * 2**20 // 8)  # 300 MB resident in this (parent) process
    report = subprocess.run([sys.executable, "-c", "from bench.mnist_recipe import peak_rss_mb; print(peak_rss_mb())"],
                            capture_output=True, text=True, check=True, cwd=mnist_recipe.REPOSITORY)
    assert ballast.sum() > 0 and float(report.stdout) < 200


def window_result():
    """A workload-6 result as bench_gui.measure makes one (its figures made up)."""
    result = bench_gui.WorkloadResult(bench_gui.TITLE, "samples/s", {
        "headless engine, every BLAS thread": Summary((20_000.0, 22_000.0)),
        "in the window, every tab shown in turn": Summary((18_000.0,))},
        reference="headless engine, every BLAS thread", notes=["tab Loss: lag p99 12.0 ms"])
    result.figures = [("event-loop lag, p99", "ms", 12.0),
                      ("largest RSS change after the first tenth", "%", float("nan"))]
    result.targets = [Target("p99 event-loop lag while training", 12.0, bench_gui.P99_LAG_MS, False, " ms"),
                      Target("frames drawn per second (views drawn from every batch)", 14.0, bench_gui.MIN_FPS, True,
                             " fps")]
    return result


def test_workload_6_comes_back_from_its_child_process_as_it_was_measured():
    result = window_result()
    back = bench_gui.result_from_json(json.loads(json.dumps(bench_gui.result_to_json(result))))
    assert back.rows == result.rows and back.targets == result.targets and back.notes == result.notes
    assert back.figures[0] == result.figures[0] and math.isnan(back.figures[1][2])
    assert back.ratio("in the window, every tab shown in turn") == pytest.approx(18_000 / 21_000)


def test_workload_6_is_reported_with_its_figures_and_targets():
    description = {"cpu": "test CPU", "cores": 2, "platform": "test", "load_average": 0.1, "versions": {},
                   "blas": [], "idle_spin_ms": 0.0, "two_thread_speedup": 1.234, "environment": {}}
    text = report.results_markdown([window_result()], description, 0.2, 60.0)
    assert "### Workload 6: the workbench window while training (issue 5)" in text
    assert "- two BLAS threads make a 128×784 by 784×256 product 1.23× as fast as one" in text
    assert "- event-loop lag, p99: 12.0 ms" in text and "- tab Loss: lag p99 12.0 ms" in text
    assert "| Workload 6 | p99 event-loop lag while training | ≤ 20 ms | 12.0 ms | yes |" in text
    assert ("| Workload 6 | frames drawn per second (views drawn from every batch) | ≥ 20 fps | 14.0 fps | **no** |"
            in text)
    assert "6. The workbench window" in report.readme(text)


def test_a_failed_window_benchmark_is_reported_as_absent(monkeypatch):
    monkeypatch.setattr(bench_gui.subprocess, "run", lambda *args, **kwargs: subprocess.CompletedProcess(args, 1, ""))
    result = bench_gui.in_child_process(quick=True)
    assert result.title == bench_gui.TITLE and not result.rows
    assert "exit status 1" in result.absent[0]
