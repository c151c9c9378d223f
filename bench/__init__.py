"""Benchmarks of the NumPy engine against scikit-learn, PyTorch and the matmul floor (issue 4).

Run ``python -m bench`` (see ``bench/README.md`` for the options, the workloads and the last run's
figures). Modules: :mod:`bench.timing` (alternating rounds, summaries), :mod:`bench.contenders`
(the same training in every library), one module per workload — :mod:`bench.training_speed`
(1, 2), :mod:`bench.inference` (3), :mod:`bench.mnist_recipe` (4), :mod:`bench.machine` (5) —
and :mod:`bench.report` (tables and the README).
"""
