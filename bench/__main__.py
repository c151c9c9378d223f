"""``python -m bench``: run the workloads, print the tables, and write bench/README.md."""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from threadpoolctl import threadpool_limits

from bench import inference, machine, mnist_recipe, report, training_speed

README = Path(__file__).with_name("README.md")
QUIET_LOAD = 0.5


def parse(argv):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes: checks that the suite runs, in seconds")
    parser.add_argument("--workloads", default="1,2,3,4,6", help="comma-separated subset of 1,2,3,4,6 (5 always runs)")
    parser.add_argument("--rounds", type=int, help="rounds of workload 1 (default 5)")
    parser.add_argument("--threads", type=int, help="BLAS and PyTorch threads (default: all the BLAS has)")
    parser.add_argument("--readme", type=Path, help=f"where to write the README (default {README} after a full run)")
    parser.add_argument("--no-readme", action="store_true", help="only print the results")
    options = parser.parse_args(argv)
    try:
        options.workloads = {int(part) for part in options.workloads.split(",")}
    except ValueError:
        parser.error(f"--workloads must be numbers separated by commas, got {options.workloads!r}")
    if not options.workloads <= {1, 2, 3, 4, 6}:
        parser.error(f"--workloads must be among 1,2,3,4,6, got {sorted(options.workloads)}")
    return options


def run(options, say) -> list:
    plan = training_speed.QUICK if options.quick else training_speed.FULL
    if options.rounds:
        plan = type(plan)(**{**plan.__dict__, "rounds": options.rounds})
    inference_plan = inference.QUICK if options.quick else inference.FULL
    results = []
    if 1 in options.workloads:
        for batch_size in (128, 512):
            say(f"workload 1, batch {batch_size} …")
            results.append(training_speed.mnist_epochs(plan, batch_size, progress=say))
    if 2 in options.workloads:
        say("workload 2 …")
        results.append(training_speed.digits_epochs(plan, progress=say))
    if 3 in options.workloads:
        say("workload 3 …")
        results += [inference.latency(inference_plan), inference.preprocessing(inference_plan)]
    if 4 in options.workloads:
        say("workload 4 (child process) …")
        results.append(mnist_recipe.time_to_accuracy(quick=options.quick))
    if 6 in options.workloads:
        say("workload 6 (child process: the window) …")
        from bench import bench_gui  # imported here: it imports Qt, which the other workloads do without

        results.append(bench_gui.in_child_process(quick=options.quick))
    return results


def main(argv=None) -> int:
    options = parse(argv)

    def say(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    description = machine.describe()
    say("\n".join(report.machine_lines(description, machine.load_average(), 0.0)[:-1]))
    if description["load_average"] > QUIET_LOAD and not options.quick:
        say(f"warning: load average {description['load_average']:.2f} > {QUIET_LOAD}: other processes share "
            "the cores and the figures will be noisy")
    torch = machine.torch_or_none()
    threads = options.threads or max(pool["threads"] for pool in description["blas"])
    if torch is not None:
        torch.set_num_threads(threads)
    start = time.perf_counter()
    with threadpool_limits(limits=options.threads):
        results = run(options, say)
    text = report.results_markdown(results, description, machine.load_average(), time.perf_counter() - start,
                                   quick=options.quick)
    print(text)
    target = options.readme or (None if options.quick else README)
    if target is not None and not options.no_readme:
        target.write_text(report.readme(text), encoding="utf-8")
        say(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
