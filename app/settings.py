"""The user's settings, kept as ``settings.json`` in the user data folder (see
:mod:`core.datasets.locations`), with a schema version so that later versions can migrate them.

Only what the user chose is stored: an empty ``language`` means "follow the system's locale".
"""
from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass

from core.datasets.locations import data_folder
from core.model_io import write_text_atomically

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
FILE_NAME = "settings.json"


@dataclass
class Settings:
    language: str = ""
    """"en", "ru", or "" to follow the system's locale."""
    show_start_page: bool = True
    """Whether the window opens on its start page (:mod:`app.start_page`) rather than on the views."""


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
    return Settings(**values)


def save(settings: Settings) -> None:
    """Write the settings atomically; an unwritable folder is logged, not raised (the app goes on)."""
    try:
        write_text_atomically(path(), json.dumps({"schema_version": SCHEMA_VERSION, **asdict(settings)},
                                                 indent=1, ensure_ascii=False))
    except OSError as error:
        log.warning("could not save the settings to %s: %s", path(), error)
