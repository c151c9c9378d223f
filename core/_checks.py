"""Validation helpers shared by every module: errors name the thing, the value and what is allowed."""
from __future__ import annotations

import math


def check_number(what: str, value, *, low=None, high=None, low_open=False, high_open=False, integer=False):
    """Return ``value`` as float/int if it lies in the allowed range, else raise ValueError.

    ``low_open``/``high_open`` make the bound exclusive. Booleans and NaN are refused.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)) and not hasattr(value, "__float__"):
        raise ValueError(f"{what} must be a number, got {value!r}")
    if integer:
        if float(value) != int(value):
            raise ValueError(f"{what} must be a whole number, got {value!r}")
        value = int(value)
    else:
        value = float(value)
    if math.isnan(value):
        raise ValueError(f"{what} must be a number, got NaN")
    if low is not None and (value < low or (low_open and value == low)):
        raise ValueError(f"{what} must be {'>' if low_open else '≥'} {low}, got {value!r}")
    if high is not None and (value > high or (high_open and value == high)):
        raise ValueError(f"{what} must be {'<' if high_open else '≤'} {high}, got {value!r}")
    return value
