"""The window's benchmark (``python -m bench.bench_gui``) in its quick mode, so that it cannot rot:
it must run to the end and print every figure and every target. No timing is asserted."""
import math
import sys

import pytest

from bench import bench_gui

pytestmark = pytest.mark.slow


def test_quick_gui_benchmark_runs_and_prints_every_figure_and_target(monkeypatch, capsys):
    results = []
    measure = bench_gui.measure
    monkeypatch.setattr(bench_gui, "measure", lambda *args: results.append(measure(*args)) or results[-1])
    assert bench_gui.main(["--quick"]) == 0
    printed = capsys.readouterr().out
    (result,) = results
    measured_everywhere = sys.platform == "linux"  # the RSS comes from /proc
    for label, _, value in result.figures:
        assert f"- {label}:" in printed
        assert math.isfinite(value) or not measured_everywhere, label
    assert [target.description.split()[0] for target in result.targets] == [
        "longest", "p99", "throughput", "frames", "RSS", "launch"]
    for target in result.targets:
        assert f"| {target.description} |" in printed
        assert math.isfinite(target.measured) or not measured_everywhere, target.description
    for row in result.rows:
        assert f"| {row} |" in printed
    for shown in ("tab Loss:", "tab Gradients:", "closed windows freed:", "load average (1 min):"):
        assert shown in printed
