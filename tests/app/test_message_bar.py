"""The message strip keeps the latest messages at their most severe level until dismissed."""
import pytest

from app.message_bar import MAX_LINES, MessageBar


def test_messages_accumulate_at_the_most_severe_level_until_dismissed(qtbot):
    bar = MessageBar()
    qtbot.addWidget(bar)
    assert bar.message() == ""
    bar.show_message("loaded", "info")
    bar.show_message("diverged", "error")
    bar.show_message("switched loss", "warning")
    assert bar.message() == "loaded\ndiverged\nswitched loss" and bar.level == "error"
    for index in range(MAX_LINES):
        bar.show_message(f"m{index}")
    assert bar.message().splitlines() == [f"m{index}" for index in range(MAX_LINES)]
    bar.close_button.click()
    assert bar.message() == ""
    bar.show_message("fresh", "info")
    assert bar.message() == "fresh" and bar.level == "info"


def test_an_unknown_level_is_refused(qtbot):
    bar = MessageBar()
    qtbot.addWidget(bar)
    with pytest.raises(ValueError, match="message level must be one of info, warning, error, got 'fatal'"):
        bar.show_message("x", "fatal")


def test_a_message_s_action_is_a_button_until_the_bar_is_dismissed(qtbot):
    from PySide6.QtGui import QAction

    bar = MessageBar()
    qtbot.addWidget(bar)
    triggered = []
    action = QAction("Go back to epoch 3", bar)
    action.triggered.connect(lambda: triggered.append(True))
    bar.show_message("diverged", "error", action)
    bar.show_message("and a note", "info")  # a later message keeps the offer
    assert not bar.action_button.isHidden() and bar.action_button.text() == "Go back to epoch 3"
    bar.action_button.click()
    assert triggered == [True]
    bar.dismiss()
    bar.show_message("fresh", "info")
    assert bar.action_button.isHidden(), "the offer went with its message"
