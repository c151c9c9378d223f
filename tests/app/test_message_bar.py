"""The message strip keeps the latest messages at their most severe level until dismissed."""
import pytest

from app.message_bar import MAX_LINES, TALLEST_LINES, MessageBar

LONG_ERROR = ("The run diverged: the loss became infinite at epoch 3 of 20. " * 60)[:3000]
LONG_PATH = "/home/student/" + "Coursework_MachineLearning_Week3_" * 12 + "data.csv"


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


@pytest.mark.parametrize("text", [LONG_ERROR, f"Could not read {LONG_PATH}: no such file"], ids=["3000 characters", "path"])
def test_a_long_message_takes_at_most_a_few_lines_of_the_window_and_scrolls_to_the_rest(window, qtbot, text):
    """A run's error of 3,000 characters took 213 of a 520-pixel window's height, squeezing the views below their
    smallest size, and was cut off where the bar ended, the rest out of reach."""
    window.resize(800, 700)
    window.show()
    window.views  # every view made: each one's minimum counts
    bar = window.message_bar
    bar.show_message("The run diverged.", "error")
    qtbot.waitUntil(lambda: bar.isVisible() and bar.height() == bar.sizeHint().height())
    smallest, least_height, short_bar = window.minimumSizeHint(), window.minimumHeight(), bar.height()
    bar.dismiss()
    bar.show_message(text, "error")
    qtbot.wait(20)
    qtbot.waitUntil(lambda: bar.height() == bar.sizeHint().height())
    assert window.minimumSizeHint() == smallest and window.minimumHeight() == least_height
    line = bar.fontMetrics().lineSpacing()
    assert short_bar < bar.height() <= short_bar + (TALLEST_LINES - 1) * line
    scroll_bar = bar.text_area.verticalScrollBar()
    assert scroll_bar.isVisible() and scroll_bar.value() == 0, "its start in sight, the rest scrolled to"
    label = bar.text
    assert label.height() >= label.heightForWidth(label.width()) > bar.text_area.viewport().height()
    assert bar.message() == text, "all of it, to read and copy"
    window.resize(window.minimumSizeHint())
    qtbot.waitUntil(lambda: window.size() == window.minimumSizeHint())
    qtbot.wait(20)
    assert window.central_pages.height() >= window.central_pages.minimumSizeHint().height(), "the views not squeezed"
    assert bar.height() >= bar.minimumSizeHint().height() and scroll_bar.maximum() > 0, "still scrolls to the rest"


def test_a_message_added_under_a_long_one_is_scrolled_into_sight(qtbot):
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.resize(500, 100)
    bar.show()
    bar.show_message(LONG_ERROR, "error")
    scroll_bar = bar.text_area.verticalScrollBar()
    qtbot.waitUntil(lambda: scroll_bar.maximum() > 0)
    assert scroll_bar.value() == 0
    bar.show_message("Reset to epoch 2.", "info")
    qtbot.wait(20)
    top = bar.text.mapTo(bar.text_area.viewport(), bar.text.rect().bottomLeft()).y()
    assert scroll_bar.value() == scroll_bar.maximum() and top <= bar.text_area.viewport().height(), \
        "the newest message, the last line, in sight"
