"""The start page: shown over the views at launch, every lab listed and opened as the Labs menu opens
it, the first steps leading to their views, recent runs reopened, the startup choice kept in the
settings, and every text following a language switch."""
import json

import pytest
from PySide6.QtWidgets import QAbstractButton, QFileDialog

from app import settings
from app.main_window import MainWindow
from core import labs, runs
from core.config import RunConfig
from tests.app.saved_runs import wait_until_saved


@pytest.fixture(autouse=True)
def user_folder(tmp_path, monkeypatch):
    """Each test's settings and saved runs in a folder of its own."""
    monkeypatch.setenv("MLP_WORKBENCH_USER_DIR", str(tmp_path / "user"))
    monkeypatch.setenv(runs.RUNS_VARIABLE, str(tmp_path / "runs"))
    return tmp_path


def wait_built(qtbot, window):
    """Until the run of the window's configuration is built (closing a window while its data loads
    would leave the loading thread running)."""
    qtbot.waitUntil(lambda: window.experiment is not None and window.start_action.isEnabled()
                    and window.experiment.config == window.model.config, timeout=20_000)


@pytest.fixture
def open_window(qtbot):
    def make(config=None) -> MainWindow:
        window = MainWindow(config)
        qtbot.addWidget(window)
        window.confirm_reset = lambda question: True
        wait_built(qtbot, window)
        return window

    return make


def choose_file(monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(path), "")))


def test_the_page_is_shown_at_launch_lists_every_lab_and_leads_to_the_draw_and_compare_views(open_window):
    window = open_window()
    page = window.start_page
    assert page.is_shown() and window.central_pages.currentWidget() is page and page.action.isChecked()
    assert window.view_tabs.currentWidget() is window.draw_view, "the views behind it are as they always were"
    expected = [labs.load(lab_id) for lab_id in labs.names()]
    assert [button.title.text() for button in page.lab_buttons] == [f"{lab.number}. {lab.title['en']}"
                                                                     for lab in expected]
    assert [button.description.text() for button in page.lab_buttons] == [lab.summary["en"] for lab in expected]
    buttons = page.findChildren(QAbstractButton)
    assert len(buttons) >= len(expected) + 7
    assert all(button.toolTip() for button in buttons), [b.accessibleName() for b in buttons if not b.toolTip()]
    assert page.action in window.view_menu.actions() and page.action.toolTip()

    window.view_tabs.setCurrentWidget(window.views[0])
    page.draw_button.click()
    assert not page.is_shown() and not page.action.isChecked() and window.view_tabs.currentWidget() is window.draw_view
    page.action.trigger()
    assert page.is_shown()
    page.compare_button.click()
    assert not page.is_shown() and type(window.view_tabs.currentWidget()).__name__ == "CompareView"


def test_a_lab_opens_as_from_the_labs_menu_and_the_view_menu_brings_the_page_back(open_window, qtbot):
    window = open_window()
    page = window.start_page
    lab = labs.load("04-xnor")
    page.lab_buttons[labs.names().index(lab.id)].click()
    assert window.labs.lab.id == lab.id
    assert window.model.config.to_dict() == lab.variant().config.to_dict()
    dock = window.labs.dock
    assert dock.isVisibleTo(window) and dock.pages.currentIndex() == 1
    assert lab.sheet("en").splitlines()[0].lstrip("# ").strip() in dock.sheet.toPlainText()
    assert not page.is_shown() and not page.action.isChecked()
    assert window.view_tabs.currentWidget() is window.labs.view_for(lab.views[0].name)

    window.view_menu.actions()[0].trigger()
    assert page.is_shown() and page.action.isChecked()
    window.labs.lab_actions[0].trigger()  # a lab opened from the menu leaves the page too
    assert window.labs.lab.id == labs.names()[0] and not page.is_shown()
    page.action.trigger()
    page.views_button.click()
    assert not page.is_shown()
    wait_built(qtbot, window)


def test_train_opens_the_default_run_and_starts_it_once_its_data_is_loaded(open_window, qtbot, small_config):
    window = open_window(small_config(epochs=2))
    window.labs.open_lab("04-xnor")
    page = window.start_page
    page.show_page()
    page.train_button.click()
    assert window.model.config == RunConfig() and window.labs.lab is None
    qtbot.waitUntil(lambda: window.session is not None, timeout=20_000)
    assert window.experiment.config == RunConfig() and window.state == "running"
    assert not page.is_shown() and window.view_tabs.currentWidget() is window.labs.view_for("loss")
    window.stop()
    qtbot.waitUntil(lambda: window.session is None, timeout=20_000)
    window.model.set("network.hidden[0].units", 16)
    wait_built(qtbot, window)
    assert window.session is None, "a later build does not start by itself"


def test_start_pressed_over_the_page_shows_the_loss_view_rather_than_the_draw_view(open_window, qtbot, small_config):
    window = open_window(small_config(epochs=1))
    page = window.start_page
    page.show_page()
    window.view_tabs.setCurrentWidget(window.draw_view)
    window.step_batch()
    assert not page.is_shown() and window.view_tabs.currentWidget() is window.labs.view_for("loss")
    window.stop()
    qtbot.waitUntil(lambda: window.session is None, timeout=20_000)

    weights = window.labs.view_for("weights")
    window.view_tabs.setCurrentWidget(weights)  # a view the user chose stays
    page.show_page()
    with qtbot.waitSignal(window.run_finished, timeout=20_000):
        window.start()
    assert not page.is_shown() and window.view_tabs.currentWidget() is weights


def test_files_and_recent_runs_open_from_the_page(open_window, qtbot, small_config, tmp_path, monkeypatch):
    window = open_window(small_config(epochs=1))
    page = window.start_page
    page.refresh_runs()
    assert not page.run_buttons and page.no_runs.isVisibleTo(page)
    with qtbot.waitSignal(window.run_finished, timeout=20_000):
        window.start()
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    wait_until_saved(window)  # the model file and the run opened below read the run's history
    assert window.save_config(str(tmp_path / "run.json")) and window.save_model(tmp_path / "model.npz")

    page.show_page()
    page.refresh_runs()
    saved = runs.list_runs()
    assert [button.title.text() for button in page.run_buttons] == [info.name for info in saved[:5]]
    assert not page.no_runs.isVisibleTo(page) and all(button.toolTip() for button in page.run_buttons)
    assert page.run_buttons[0].description.text().startswith("8×8 digits · network 16 · ")  # the lists' names
    window.model.set("training.epochs", 7)
    page.run_buttons[0].click()
    assert window.model.config == runs.load_config(saved[0].folder)
    assert not page.is_shown() and window.view_tabs.currentWidget() is window.labs.view_for("loss")

    page.show_page()
    choose_file(monkeypatch, tmp_path / "run.json")
    page.open_config_button.click()
    assert window.config_path == str(tmp_path / "run.json") and not page.is_shown()

    page.show_page()
    window.view_tabs.setCurrentWidget(window.views[0])
    before = window.draw_view.current_model()
    choose_file(monkeypatch, tmp_path / "model.npz")
    page.open_model_button.click()
    assert window.draw_view.current_model() is not before
    assert not page.is_shown() and window.view_tabs.currentWidget() is window.draw_view
    wait_built(qtbot, window)


def test_the_startup_choice_is_kept_in_the_settings(open_window, user_folder):
    first = open_window()
    assert first.start_page.startup_box.isChecked() and settings.load().show_start_page
    first.start_page.startup_box.setChecked(False)
    saved = json.loads(settings.path().read_text(encoding="utf-8"))
    assert saved["show_start_page"] is False and settings.path().parent == user_folder / "user"

    second = open_window()
    page = second.start_page
    assert not page.is_shown() and second.central_pages.currentWidget() is second.view_tabs
    assert not page.startup_box.isChecked() and not page.action.isChecked()
    page.action.trigger()
    assert page.is_shown()
    page.startup_box.setChecked(True)
    assert settings.load().show_start_page


def test_settings_of_the_wrong_type_are_left_at_their_default(user_folder):
    settings.path().parent.mkdir(parents=True)
    settings.path().write_text(json.dumps({"schema_version": 1, "show_start_page": "no", "language": "ru"}),
                               encoding="utf-8")
    loaded = settings.load()
    assert loaded.show_start_page is True and loaded.language == "ru"
    loaded.show_start_page = False
    settings.save(loaded)
    assert settings.load() == settings.Settings(language="ru", show_start_page=False)


def test_a_language_switch_retitles_the_entries(open_window, switch_language):
    window = open_window()
    page = window.start_page
    ordered = [labs.load(lab_id) for lab_id in labs.names()]
    switch_language("ru")
    assert page.draw_button.title.text() == "Нарисовать цифру"
    assert page.labs_heading.text() == "Лабораторные работы"
    assert page.action.text() == "&Стартовая страница"
    assert page.startup_box.text() == "Показывать эту страницу при запуске"
    assert [button.title.text() for button in page.lab_buttons] == [f"{lab.number}. {lab.title['ru']}"
                                                                     for lab in ordered]
    assert [button.description.text() for button in page.lab_buttons] == [lab.summary["ru"] for lab in ordered]
    assert page.open_model_button.toolTip() == window.open_model_action.statusTip() != \
        "Open a saved model: the Draw view classifies with it, and its settings and weights are restored"
    switch_language("en")
    assert page.draw_button.title.text() == "Draw a digit" and page.labs_heading.text() == "Labs"
    assert [button.title.text() for button in page.lab_buttons] == [f"{lab.number}. {lab.title['en']}"
                                                                     for lab in ordered]


def test_a_model_without_settings_opened_from_the_file_menu_shows_the_draw_view(open_window, qtbot, tmp_path):
    from core import model_io
    from core.layers import Dense
    from core.network import Network

    window = open_window()
    wait_built(qtbot, window)
    path = tmp_path / "bare.npz"
    model_io.save_model(path, Network([Dense(784, 10)], seed=3), image_shape=[28, 28])  # no settings recorded
    assert window.start_page.is_shown()
    assert window.load_model(path)
    assert not window.start_page.is_shown() and window.view_tabs.currentWidget() is window.draw_view
    assert window.message_bar.message().startswith("The Draw view classifies with bare.npz.")


def test_a_model_that_cannot_classify_drawings_opened_from_the_file_menu_shows_the_run_s_views(open_window, qtbot,
                                                                                                tmp_path):
    from core import model_io
    from core.layers import Dense
    from core.network import Network

    window = open_window()
    wait_built(qtbot, window)
    path = tmp_path / "bare.npz"
    model_io.save_model(path, Network([Dense(64, 10)], seed=3))  # neither settings nor image shape recorded
    assert window.view_tabs.currentWidget() is window.draw_view
    assert window.load_model(path)
    assert not window.start_page.is_shown() and window.view_tabs.currentWidget() is window.views[0], \
        "the run's first view, not a Draw view saying 'drawing unavailable'"
    assert window.message_bar.message().startswith("The Draw view cannot classify drawings with bare.npz: this "
                                                   "model was trained on unnamed data, which is not images")


def test_draw_a_digit_classifies_with_the_shipped_model_as_it_says_after_a_run_on_other_data(open_window, qtbot,
                                                                                            small_config):
    config = small_config(epochs=1)
    config.data.dataset = "moons"
    window = open_window(config)
    with qtbot.waitSignal(window.run_finished, timeout=30_000):
        window.start()
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    draw_view = window.draw_view
    draw_view.set_model(window.experiment.network, {"dataset": "moons"}, source="a moons model")  # as Open model
    assert draw_view.current_model().target is None
    page = window.start_page
    page.show_page()
    assert "shipped model" in page.draw_button.toolTip()
    page.draw_button.click()
    assert window.view_tabs.currentWidget() is draw_view and not draw_view.note.isVisibleTo(draw_view)
    assert draw_view.current_model().source.startswith("the shipped MNIST model")
    assert draw_view.current_model().target == "mnist" and not draw_view.shipped_button.isEnabled()


def test_draw_a_digit_keeps_a_model_that_classifies_drawn_digits_and_replaces_any_other(open_window, qtbot,
                                                                                       small_config):
    """A student who had just trained on the 8×8 digits pressed "Draw a digit" and lost the model: the entry swapped
    it for the shipped one. It keeps a model of digits; an untrained one, or one of garments, it replaces."""
    from app.views.draw_view import SHIPPED_MODEL
    from core import model_io

    window = open_window(small_config(epochs=1))
    window.confirm_reset = lambda question: True
    with qtbot.waitSignal(window.run_finished, timeout=30_000):
        window.start()
    qtbot.waitUntil(lambda: window.session is None, timeout=10_000)
    draw_view, page = window.draw_view, window.start_page
    trained = draw_view.current_model()
    assert trained.source.startswith("the model trained on 8×8 digits") and trained.target == "digits"
    assert draw_view.classifies_drawn_digits()
    page.show_page()
    page.draw_button.click()
    assert window.view_tabs.currentWidget() is draw_view
    assert draw_view.current_model() is trained and draw_view.shipped_button.isEnabled()

    window.reset()  # the run's untrained weights take over at once: they classify nothing yet
    assert draw_view.current_model().source.startswith("the untrained model of 8×8 digits")
    assert not draw_view.classifies_drawn_digits()
    page.show_page()
    page.draw_button.click()
    assert draw_view.current_model().source.startswith("the shipped MNIST model")

    network, _ = model_io.load_model(SHIPPED_MODEL)
    garments = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag",
                "Ankle boot"]
    draw_view.set_model(network, {"dataset": "fashion_mnist", "image_shape": [28, 28], "class_names": garments})
    assert draw_view.current_model().target == "fashion" and not draw_view.classifies_drawn_digits()
    page.show_page()
    page.draw_button.click()
    assert draw_view.current_model().source.startswith("the shipped MNIST model")
    assert draw_view.current_model().target == "mnist" and not draw_view.shipped_button.isEnabled()


def test_compare_optimisers_chosen_before_the_tools_are_made_shows_the_race_rather_than_an_error(open_window):
    """The tools beside the Draw view are made a turn at a time after the window's first paint: chosen on the
    page before then, "Compare optimisers" said "This tool failed to start: its tab says why." over the Draw view."""
    window = open_window()
    window.start_page.compare_optimisers()
    assert type(window.view_tabs.currentWidget()).__name__ == "CompareView"
    assert not window.start_page.is_shown() and window.message_bar.message() == ""
