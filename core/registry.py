"""Name → implementation tables.

The GUI fills its combo boxes from ``names()`` and builds components with
``create(name, **hyperparameters)``; nothing anywhere parses component strings.
"""
from __future__ import annotations

import functools
import inspect
from typing import Callable, Generic, TypeVar

T = TypeVar("T")


@functools.cache
def _signature(factory: Callable) -> inspect.Signature:
    """The factory's signature, found once: ``inspect.signature`` takes ~0.1 ms, and the window
    validates every component of a configuration at each edit (a few dozen creations)."""
    return inspect.signature(factory)


class Registry(Generic[T]):
    """A table of named factories of one kind of component (activation, loss, …)."""

    def __init__(self, kind: str):
        self.kind = kind
        self._factories: dict[str, Callable[..., T]] = {}

    def register(self, name: str) -> Callable[[Callable[..., T]], Callable[..., T]]:
        """Decorator: ``@REGISTRY.register("relu")`` on a class or factory function."""

        def add(factory: Callable[..., T]) -> Callable[..., T]:
            if name in self._factories:
                raise ValueError(f"{self.kind} {name!r} is registered twice")
            self._factories[name] = factory
            return factory

        return add

    def names(self) -> list[str]:
        """Registered names, in registration order (the order the GUI lists them)."""
        return list(self._factories)

    def get(self, name: str) -> Callable[..., T]:
        try:
            return self._factories[name]
        except (KeyError, TypeError):
            allowed = ", ".join(self._factories)
            raise ValueError(f"unknown {self.kind} {name!r}; choose one of: {allowed}") from None

    def create(self, name: str, /, **hyperparameters) -> T:
        """Build the component ``name``; unknown names and hyperparameters raise ValueError."""
        factory = self.get(name)
        # Check the names against the signature first, so a TypeError raised inside the factory
        # (a bug) is not mistaken for a user's unknown hyperparameter.
        try:
            _signature(factory).bind(**hyperparameters)
        except TypeError as error:
            raise ValueError(f"{self.kind} {name!r}: bad hyperparameters {hyperparameters}: {error}") from None
        return factory(**hyperparameters)

    def __contains__(self, name: object) -> bool:
        return name in self._factories
