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


def machine_code(kernel, *examples):
    """``compiled(kernel)``'s machine code for arguments of the types of ``examples``, called without its
    dispatcher; the dispatcher itself while it has compiled no code for those types.

    On every call a dispatcher looks up each argument's numba type and the code compiled for them: 4-5 µs
    more than the machine code alone when other work has left the CPU's caches cold, while a single drawn
    digit's pass through the MNIST network takes 10-20. The machine code trusts its arguments (an array of
    another dtype or number of dimensions is read as if it had those it was compiled for), so its caller
    checks them. ``overloads`` is read as it is, without compiling: numba's compile lock can be held for
    seconds by another thread compiling.
    """
    import numba

    dispatcher = compiled(kernel)
    overload = dispatcher.overloads.get(tuple(numba.typeof(example) for example in examples))
    return dispatcher if overload is None else overload.entry_point
