"""What the training worker sends the GUI thread: throttled, immutable, owned copies."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Progress:
    """Everything that happened since the previous message (sent at most ~30 times a second).

    ``batches`` and ``epochs`` are the engine's events in order; ``inspection`` is a
    :class:`core.inspection.Inspection` computed in the worker from a copy of the network, or None
    when none was due; ``snapshot`` is a :class:`core.events.Snapshot` of the weights, or None.
    """

    batches: tuple = ()
    epochs: tuple = ()
    inspection: object = None
    snapshot: object = None
