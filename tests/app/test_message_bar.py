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


def test_a_long_file_name_wraps_instead_of_widening_the_window(qtbot):
    """A message naming a 90-character path made a 1024-pixel window 1090 pixels wide."""
    path = "/home/student/Users_OneDrive_Documents_Coursework_MachineLearning_Week3_Assignment_2024/data.csv"
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show_message("short", "info")
    narrow = bar.minimumSizeHint().width()
    bar.show_message(f"Could not open {path}: no such file", "error")
    assert bar.minimumSizeHint().width() <= narrow + 250
    assert bar.message().endswith(f"Could not open {path}: no such file"), "the message as written, to copy"



def test_a_language_change_composes_a_message_again_or_translates_it_whole(qtbot):
    """A warning of several translated sentences was half translated by the window's generic translation
    ("…достигают 9·10³⁷ (в «price”). That is far beyond…"): its owner composes it again instead."""
    bar = MessageBar()
    qtbot.addWidget(bar)
    language = ["en"]
    bar.show_message("Saved.", "info")
    bar.show_message("Values are large. Scale them.", "warning",
                     compose=lambda: "Значения велики. Масштабируйте их." if language == ["ru"] else "?")
    language[0] = "ru"
    bar.retranslate_texts(lambda text: {"Saved.": "Сохранено."}.get(text, text))
    assert bar.message() == "Сохранено.\nЗначения велики. Масштабируйте их."
    assert bar.shows("Значения велики. Масштабируйте их.") and not bar.shows("Values are large. Scale them.")


def test_a_message_that_no_longer_holds_is_removed_and_the_bar_goes_with_the_last(qtbot):
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show_message("first", "info")
    bar.show_message("second", "warning")
    bar.remove("not shown")
    bar.show_message("third", "info")
    bar.remove("first")
    bar.remove("second")
    assert bar.message() == "third" and bar.level == "info", "at the level of the messages left"
    bar.remove("third")
    assert bar.isHidden() and bar.message() == ""


def test_each_message_s_offer_is_a_button_of_its_own_and_goes_with_its_message(qtbot):
    """Choosing a data set after a run offered "Keep my settings" and "Reopen it" at once: the bar showed
    "Reopen it" only, with "Keep my settings" hidden in a menu behind it."""
    from PySide6.QtGui import QAction

    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show()
    keep, reopen = QAction("Keep my settings", bar), QAction("Reopen it", bar)
    bar.show_message("Settings suggested.", "info", keep)
    bar.show_message("New weights.", "info", reopen)
    shown = [button for button in bar.action_buttons if button.isVisible()]
    assert [button.text() for button in shown] == ["Keep my settings", "Reopen it"]
    assert all(button.actions() == [button.defaultAction()] for button in shown), "no menu behind a button"
    bar.withdraw(keep)
    assert bar.message() == "New weights." and [button.text() for button in bar.action_buttons
                                                if button.isVisible()] == ["Reopen it"]
    bar.withdraw(reopen)
    assert bar.isHidden() and not any(button.isVisible() for button in bar.action_buttons)
