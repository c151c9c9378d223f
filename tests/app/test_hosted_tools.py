"""The tools hosted beside the live views: the Draw view first and following the run, Compare following
the configuration, and a tool that fails to start leaving a note instead of a broken window."""
import numpy as np
import pytest

import app.main_window
import app.views
from app.main_window import MainWindow
from core import runs


@pytest.fixture(autouse=True)
def library(tmp_path, monkeypatch):
    monkeypatch.setenv(runs.RUNS_VARIABLE, str(tmp_path / "runs"))


def tab_titles(window):
    """The tabs' titles, every view and tool made (a window makes them after its first paint, or when asked for)."""
    assert window.tools
    return [window.view_tabs.tabText(index) for index in range(window.view_tabs.count())]


def test_the_views_and_tools_are_made_after_the_windows_first_paint_one_per_turn(qtbot, small_config):
    window = MainWindow(small_config(epochs=2))
    qtbot.addWidget(window)
    assert window.view_tabs.count() == 1 and window.draw_view is not None  # the window paints sooner
    window.show()
    qtbot.waitExposed(window)
    made = window.view_tabs.count()
    qtbot.waitUntil(lambda: window.view_tabs.count() == len(app.views.all_views()) + len(app.main_window.HOSTED_TOOLS))
    assert made < window.view_tabs.count()
    titles = [window.view_tabs.tabText(index) for index in range(window.view_tabs.count())]
    assert titles[:2] == ["Draw", "Loss"] and titles[-1] == "Runs"


def test_the_draw_view_comes_first_and_classifies_with_the_network_being_trained(qtbot, small_config):
    window = MainWindow(small_config(epochs=2))
    qtbot.addWidget(window)
    titles = tab_titles(window)
    assert titles[0] == "Draw" and window.view_tabs.currentWidget() is window.draw_view
    assert titles[-3:] == ["Compare optimisers", "Loss surfaces", "Runs"]
    assert window.draw_view.current_model().source.startswith("the shipped MNIST model")
    qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
    with qtbot.waitSignal(window.run_finished, timeout=30_000):
        window.start()
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    model = window.draw_view.current_model()
    assert model.source.startswith("the model trained on 8×8 digits") and model.target == "digits"  # the run is over
    np.testing.assert_array_equal(model.network.flat_parameters, window.experiment.network.flat_parameters)


def test_compare_races_on_the_window_s_configuration_as_it_is_edited(qtbot, small_config):
    window = MainWindow(small_config(epochs=2))
    qtbot.addWidget(window)
    compare = next(tool for tool in window.tools if type(tool).__name__ == "CompareView")
    window.model.set("network.hidden[0].units", 24)
    assert compare.race_config().network.hidden[0].units == 24
    window.model.set("network.hidden[0].units", -3)  # invalid: the race keeps the last valid settings
    assert compare.race_config().network.hidden[0].units == 24


def test_closing_the_window_during_a_race_stops_the_race(qtbot, small_config):
    window = MainWindow(small_config(epochs=2))
    qtbot.addWidget(window)
    compare = next(tool for tool in window.tools if type(tool).__name__ == "CompareView")
    compare.set_config(small_config(epochs=100_000))
    compare.start()
    thread = compare.session.thread
    qtbot.waitUntil(lambda: len(compare.summary) > 0, timeout=30_000)  # the contenders are racing
    window.close()
    assert not thread.is_alive()


def test_the_views_leave_the_draw_tab_for_data_that_is_not_images(qtbot, small_config):
    config = small_config(epochs=2)
    config.data.dataset = "moons"
    window = MainWindow(config)
    qtbot.addWidget(window)
    qtbot.waitUntil(window.start_action.isEnabled, timeout=15_000)
    assert window.view_tabs.currentWidget() is window.views[0], "the first live view, not 'drawing unavailable'"


def test_a_tool_that_fails_to_start_leaves_a_note_in_its_tab(qtbot, monkeypatch):
    monkeypatch.setattr(app.main_window, "HOSTED_TOOLS",
                        (("app.views.draw_view", "DrawView"), ("app.views.no_such_view", "MissingView"),
                         ("app.views.runs_view", "RunsView")))
    window = MainWindow()
    qtbot.addWidget(window)
    index = tab_titles(window).index("Missing")
    assert "failed to start" in window.view_tabs.widget(index).text()
    assert window.draw_view is not None and window.runs_view is not None


@pytest.mark.parametrize("module, class_name", [("app.views.compare_view", "CompareView"),
                                                ("app.views.variants_view", "VariantsView"),
                                                ("app.views.playground_view", "PlaygroundView")])
def test_a_tool_s_export_buttons_explain_themselves_and_say_why_an_export_failed(qtbot, tmp_path, module, class_name):
    import importlib

    from PySide6.QtWidgets import QPushButton

    tool = getattr(importlib.import_module(module), class_name)()
    qtbot.addWidget(tool)
    buttons = tool.export_buttons
    assert all(button.toolTip() for button in buttons.findChildren(QPushButton))  # what each one saves
    assert not buttons.export_to(str(tmp_path / "curves.txt"))
    assert not buttons.problem.isHidden() and "must end in .png, .svg, .csv" in buttons.problem.text()
    assert not buttons.export_to(str(tmp_path / "no such folder" / "curves.png"))
    assert "Could not export to" in buttons.problem.text() and "the folder exists" in buttons.problem.text()
    if not tool.table()[1]:  # nothing ran yet (the race, the variants): no file of headings alone
        assert not buttons.export_to(str(tmp_path / "curves.csv")) and not (tmp_path / "curves.csv").exists()
        assert "There is nothing to export yet" in buttons.problem.text()
    else:  # the loss surfaces' paths begin at their start point
        assert buttons.export_to(str(tmp_path / "curves.csv")) and (tmp_path / "curves.csv").exists()
    assert buttons.export_to(str(tmp_path / "curves.png")) and (tmp_path / "curves.png").exists()
    assert buttons.problem.isHidden()


def test_data_that_is_not_images_chosen_while_drawing_leaves_the_user_drawing(window, qtbot, tmp_path):
    """Choosing Two moons on the Draw tab jumped to the Loss tab, though drawings were still classified
    (by the shipped model); a moons model file opened jumped to the Draw tab to say 'drawing unavailable'."""
    window.view_tabs.setCurrentWidget(window.draw_view)
    with qtbot.waitSignal(window.experiment_changed, timeout=15_000):
        window.model.set("data.dataset", "moons")
    assert window.view_tabs.currentWidget() is window.draw_view
    assert not window.draw_view.current_model().unavailable, "it goes on classifying with the shipped model"
    moons_model = tmp_path / "moons.npz"
    assert window.save_model(moons_model)
    window.view_tabs.setCurrentWidget(window.views[0])
    assert window.load_model(moons_model)
    assert window.view_tabs.currentWidget() is window.views[0], "not to the Draw view, which cannot use it"
