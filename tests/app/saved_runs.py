"""What the window's tests share about its run library's writer, which saves a run on a thread of its own."""


def wait_until_saved(window) -> None:
    """Wait for the writer to save the run just ended (if it records one). A result, a model file, a reopening, a Go
    back or a Start with other settings read the run's history next; a writer behind it (a loaded machine, a slow
    disk) has them refused as "still being saved; try again in a moment", as a user clicking at once is told."""
    assert window.recording is None or window.recording.wait(10), "the run's end is saved"
