"""Compiled kernels: the engine's loops turned into machine code by numba, on first need.

A few steps of training are loops over every element of a large array — an optimiser's update, the
softmax cross-entropy of a batch, ReLU — and a single drawn digit goes through the whole network in
one loop (``core.network.row_forward_kernel``). Written with NumPy's whole-array operations each
makes several passes over memory and pays a few µs per call; written as the loop of its formula and
compiled, it makes one. The loop stays plain Python next to its formula, and runs as such when
numba is not asked to compile it (the tests compare both bit for bit).

numba is imported by :func:`compiled`, never by ``import core``: its import takes about a second that
neither a script nor the app's launch should pay. Compiling takes seconds once per computer (numba
then loads the machine code from its disk cache): each module's ``prepare`` does it ahead, in the
thread that will use the kernels, before any clock starts.
"""
from __future__ import annotations

import functools


@functools.cache
def compiled(kernel):
    """``kernel`` compiled by numba (imported here, on first need); each dtype compiles on its first call.

    ``cache=True`` keeps the machine code on disk for the next process; ``error_model="numpy"``
    gives inf/NaN for a division by zero, as NumPy does, instead of raising; ``nogil`` lets other
    threads (the GUI) run while a kernel does. No fastmath: results stay IEEE, equal to NumPy's.
    """
    import numba

    return numba.njit(cache=True, error_model="numpy", nogil=True)(kernel)
