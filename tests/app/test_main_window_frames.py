"""The window's frames while training: drawn as soon as the frame rate allows, views get every
frame, the status bar four a second, and the last numbers of a run are shown when it pauses or ends."""
import time

import pytest

from app import main_window
from app.i18n import format_integer
from app.messages import Progress
from core import events


@pytest.fixture
def window(open_window, small_config):
    # Runs until the test stops it: 200 epochs of the digits took under 1.5 s once the engine's kernels were compiled.
    return open_window(small_config(epochs=10_000))


def test_the_status_bar_changes_four_times_a_second_while_the_views_get_every_frame(window, qtbot, monkeypatch):
    frames, status = [], []
    draw_frame, show_progress = window._draw_frame, window._show_progress
    monkeypatch.setattr(window, "_draw_frame", lambda: frames.append(time.perf_counter()) or draw_frame())
    monkeypatch.setattr(window, "_show_progress", lambda: status.append(time.perf_counter()) or show_progress())
    window.start()
    qtbot.wait(1500)
    with qtbot.waitSignal(window.run_finished, timeout=10_000):
        window.stop()
    qtbot.waitUntil(lambda: window.session is None, timeout=5000)
    during_run = [moment for moment in status if moment <= frames[-1]]
    assert len(frames) > len(during_run) + 5
    gaps = [later - earlier for earlier, later in zip(during_run, during_run[1:])]
    assert gaps and min(gaps) >= main_window.STATUS_INTERVAL_S - 0.01


def test_the_status_bar_shows_where_the_run_stopped(window, qtbot):
    window.start()
    qtbot.waitUntil(lambda: window.steps_done > 20, timeout=10_000)
    with qtbot.waitSignal(window.run_finished, timeout=10_000) as finished:
        window.stop()
    assert finished.args[0].reason == events.STOPPED
    assert window.status_labels["step"].text() == f"step {format_integer(finished.args[0].step)}"


def test_the_status_bar_shows_the_step_a_paused_run_waits_at(window, qtbot):
    window.start()
    qtbot.waitUntil(lambda: window.steps_done > 20, timeout=10_000)
    window.pause()
    qtbot.waitUntil(lambda: window._worker_waiting, timeout=10_000)
    assert window.status_labels["step"].text() == f"step {format_integer(window.steps_done)}"
    window.stop()
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)


def batch(step):
    return events.BatchFinished(epoch=0, step=step, batch_in_epoch=step, batch_size=32, loss=1.0, metric=0.5,
                                lr=0.01, samples_seen=32 * step, elapsed=0.01 * step)


def test_a_message_is_drawn_at_once_if_the_last_frame_began_long_enough_ago(window):
    window._next_frame = time.perf_counter() - 1.0
    window._on_progress(Progress((batch(1),)))
    assert window._frame_timer.isActive() and window._frame_timer.interval() == 0
    window._frame_timer.stop()


def test_a_message_waits_only_for_the_rest_of_the_frame_interval(window):
    window._next_frame = time.perf_counter() + 0.025
    window._on_progress(Progress((batch(1),)))
    assert window._frame_timer.isActive() and 0 < window._frame_timer.interval() <= 25
    window._frame_timer.stop()


@pytest.mark.parametrize("took, interval", [(0.005, main_window.FRAME_INTERVAL_MS / 1000), (0.1, 0.2),
                                            (8.0, main_window.LONGEST_FRAME_INTERVAL_S)])  # the thread held elsewhere
def test_frames_begin_a_frame_interval_apart_or_twice_the_last_frames_duration(window, took, interval):
    began = time.perf_counter() - took
    window._frame_done(began)
    assert window._next_frame == pytest.approx(began + interval, abs=0.004)
