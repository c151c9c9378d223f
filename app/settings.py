"""The user's settings, kept as ``settings.json`` in the user data folder (see
:mod:`core.datasets.locations`), with a schema version so that later versions can migrate them.

Only what the user chose is stored: an empty ``language`` means "follow the system's locale".
"""
from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field

from app.i18n import json_syntax_text
from app.panels.base import refusal_text
from app.race_setup import RaceSetup
from core import config as run_config
from core._checks import JsonSyntaxError
from core.datasets.locations import data_folder
from core.model_io import write_text_atomically

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
FILE_NAME = "settings.json"
LAST_CONFIG_FILE = "last_config.json"
"""The window's configuration when it last closed, which the next launch opens on."""
LAST_RACE_FILE = "last_race.json"
"""The Compare optimisers view's setup as the user last left it (:mod:`app.race_setup`), which the next launch opens
the view on."""


@dataclass
class Settings:
    language: str = ""
    """"en", "ru", or "" to follow the system's locale."""
    show_start_page: bool = True
    """Whether the window opens on its start page (:mod:`app.start_page`) rather than on the views."""
    window_geometry: str = ""
    """The window's size and place when it last closed (``QWidget.saveGeometry``, base64), or "" for the default."""
    window_state: str = ""
    """Where its toolbar and its configuration dock were, and the dock's width (``QMainWindow.saveState``, base64)."""
    panel: int = 0
    """The configuration panel shown last (0 Data, 1 Network, 2 Training)."""
    view: str = ""
    """The class name of the view or tool shown last ("LossView"), or "" for the first."""
    recent_files: list[str] = field(default_factory=list)
    """The configurations and models last opened or saved, newest first (see :mod:`app.recent_files`)."""
    results_folder: str = ""
    """The folder of result files Collect results last read (:mod:`app.teacher`), which it opens on again."""


def path():
    return data_folder() / FILE_NAME


def migrate(raw: dict) -> dict:
    """Bring settings of an older schema version up to :data:`SCHEMA_VERSION` (none older exists yet)."""
    return {key: value for key, value in raw.items() if key != "schema_version"}


def load() -> Settings:
    """The saved settings; defaults when there are none or they cannot be read (logged, never fatal)."""
    try:
        raw = json.loads(path().read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Settings()
    except (OSError, ValueError) as error:
        log.warning("ignoring unreadable settings %s: %s", path(), error)
        return Settings()
    if not isinstance(raw, dict) or not isinstance(raw.get("schema_version"), int) \
            or raw["schema_version"] > SCHEMA_VERSION:
        log.warning("ignoring settings %s of an unknown version", path())
        return Settings()
    # A value of another type than its default (a hand-edited file) is left at its default.
    defaults = asdict(Settings())
    values = {key: value for key, value in migrate(raw).items()
              if key in defaults and type(value) is type(defaults[key])}
    if "recent_files" in values:  # and a list's items of another type than a path's are left out
        values["recent_files"] = [item for item in values["recent_files"] if isinstance(item, str) and item]
    return Settings(**values)


def save(settings: Settings) -> None:
    """Write the settings atomically; an unwritable folder is logged, not raised (the app goes on)."""
    try:
        write_text_atomically(path(), json.dumps({"schema_version": SCHEMA_VERSION, **asdict(settings)},
                                                 indent=1, ensure_ascii=False))
    except OSError as error:
        log.warning("could not save the settings to %s: %s", path(), error)


def save_last_config(config: run_config.RunConfig) -> None:
    """Keep the window's configuration for the next launch (settings typed and never saved were lost
    with the window), invalid values as typed, an η of "inf" too (it raised as the window closed, which then
    left runs unfinished); an unwritable folder is logged, not raised."""
    try:
        write_text_atomically(data_folder() / LAST_CONFIG_FILE, config.to_json(keep_non_finite=True))
    except OSError as error:
        log.warning("could not keep the configuration in %s: %s", data_folder() / LAST_CONFIG_FILE, error)


def load_last_config() -> tuple[run_config.RunConfig | None, str | None]:
    """(the configuration the window last closed with, or None when there is none or it cannot be read;
    why it cannot be read, or None). It is not validated: a value left invalid is marked in its panel,
    as it was when the window closed, rather than all the settings lost for it."""
    path = data_folder() / LAST_CONFIG_FILE
    if not path.is_file():
        return None, None
    try:
        return run_config.RunConfig.from_json(path.read_text(encoding="utf-8")), None
    except OSError as error:
        return None, f"{path}: {error.strerror or error}"
    except JsonSyntaxError as error:
        return None, json_syntax_text(error.at(path))
    except (UnicodeDecodeError, ValueError) as error:
        return None, f"{path}: {refusal_text(error)}"


def save_last_race(setup: RaceSetup) -> None:
    """Keep the race set up in the Compare view for the next launch (six contenders set up by hand were lost with
    the window); an unwritable folder is logged, not raised."""
    path = data_folder() / LAST_RACE_FILE
    try:
        write_text_atomically(path, json.dumps(setup.to_dict(), indent=1, ensure_ascii=False))
    except (OSError, TypeError, ValueError) as error:  # nor a value JSON cannot hold: the window is closing
        log.warning("could not keep the race in %s: %s", path, error)


def load_last_race() -> tuple[RaceSetup | None, str | None]:
    """(the race set up when the window last closed, or None when there is none or it cannot be read; why it cannot
    be read, or None). Its values are not validated: the view marks a wrong one, as it did when the window closed."""
    path = data_folder() / LAST_RACE_FILE
    if not path.is_file():
        return None, None
    try:
        return RaceSetup.from_dict(json.loads(path.read_text(encoding="utf-8"))), None
    except OSError as error:
        return None, f"{path}: {error.strerror or error}"
    except json.JSONDecodeError as error:
        return None, json_syntax_text(JsonSyntaxError(error, path))
    except (UnicodeDecodeError, RecursionError, ValueError) as error:
        return None, f"{path}: {error}"
