"""The Compare optimisers view's setup as the user left it: its contenders (each one's optimiser, schedule,
hyperparameters, how its label was set and its colour), the epochs, the preset in use with its own data and network,
and the display's choices — not the curves nor the results. :mod:`app.settings` keeps it as ``last_race.json`` beside
the window's last configuration, and the next launch opens the view on it
(:meth:`app.main_window.MainWindow.restore_race`).

Values are kept as they were, also invalid ones (the view marks them again); what is not of the shape written here
(a damaged or hand-edited file, a newer version) is a ValueError naming the field, and the view keeps its default.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from core import race
from core._checks import json_kind
from core.config import SCHEMA_VERSION, DataConfig, NetworkConfig, RunConfig
from core.languages import read_texts

VERSION = 1
"""The version of the file's shape; a newer one is not read (it may mean something else)."""


@dataclass(frozen=True)
class Naming:
    """Where a contender's label comes from: the user typed it (``typed``: it stays as typed), a preset
    or a lab wrote it in each language it has (``texts``), or neither: the default label, made from
    the contender's optimiser, learning rate and schedule, which follows them as they are edited.
    ``rate_typed``: the user typed its learning rate, which its optimiser changed may keep
    (:func:`core.race.switched_rate`)."""

    texts: dict | None = None
    typed: bool = False
    rate_typed: bool = False


@dataclass
class RaceSetup:
    contenders: tuple
    """The :class:`core.race.Contender` s, their labels as shown when kept."""
    namings: tuple
    """Each contender's :class:`Naming`."""
    config: RunConfig | None = None
    """The data and network of the preset in use that brings its own, or None: the race runs on the workbench's."""
    preset: str | None = None
    """The id of the preset whose description is shown (its contenders may have been edited since), or None."""
    epochs: int = 1
    """The number in the Epochs box."""
    epochs_for: tuple[DataConfig, NetworkConfig] | None = None
    """The data and network for which the user chose ``epochs``, or None: the box follows the configuration's."""
    selected: int = 0
    """The row of the contender shown in the editor."""
    x_axis: str = "steps"
    log_scale: bool = True
    target: float | str = ""
    """The target loss as typed: a number, the text typed when it is not one, or "" for the automatic one."""
    colours: tuple | None = None
    """Each contender's series colour (an index of :data:`app.palette.SERIES`), kept so that a contender's colour
    is the same after the next launch; None in a setup kept before colours were: 0, 1, … in their order."""

    def to_dict(self) -> dict:
        """As plain JSON values (a NaN or infinite hyperparameter typed stays one: Python's JSON writes them)."""
        return {
            "version": VERSION,
            "config_schema_version": SCHEMA_VERSION,
            "contenders": [{"label": contender.label,
                            "optimizer": dataclasses.asdict(contender.optimizer),
                            "schedule": dataclasses.asdict(contender.schedule),
                            "label_texts": naming.texts, "label_typed": naming.typed,
                            "rate_typed": naming.rate_typed, "colour": colour}
                           for contender, naming, colour in zip(self.contenders, self.namings,
                                                                self.colours or range(len(self.contenders)))],
            "config": self.config.to_dict() if self.config is not None else None,
            "preset": self.preset,
            "epochs": self.epochs,
            "epochs_for": None if self.epochs_for is None else {"data": dataclasses.asdict(self.epochs_for[0]),
                                                                "network": dataclasses.asdict(self.epochs_for[1])},
            "selected": self.selected, "x_axis": self.x_axis, "log_scale": self.log_scale, "target": self.target}

    @classmethod
    def from_dict(cls, raw) -> RaceSetup:
        """The setup :meth:`to_dict` wrote; ValueError naming what is not of its shape."""
        if not isinstance(raw, dict):
            raise ValueError(f"it must be a JSON object {{…}}, got {json_kind(raw)}")
        version = raw.get("version")
        if not _is_whole(version) or version < 1:
            raise ValueError(f"version must be a whole number from 1, got {version!r}")
        if version > VERSION:
            raise ValueError(f"it was written by a newer MLP Workbench (version {version}; this one reads "
                             f"{VERSION})")
        schema = raw.get("config_schema_version")
        entries = raw.get("contenders")
        if not isinstance(entries, list) or not race.MIN_CONTENDERS <= len(entries) <= race.MAX_CONTENDERS:
            raise ValueError(f"contenders must be a list of {race.MIN_CONTENDERS} to {race.MAX_CONTENDERS}, "
                             f"got {entries!r}")
        contenders, namings, colours = [], [], []
        for index, entry in enumerate(entries):
            where = f"contenders[{index}]"
            if not isinstance(entry, dict) or not isinstance(entry.get("label"), str) \
                    or not isinstance(entry.get("label_typed"), bool) \
                    or not isinstance(entry.get("rate_typed", False), bool):  # written since: absent, not typed
                raise ValueError(f"{where} must be an object with a label, optimizer, schedule, label_texts, "
                                 f"label_typed and rate_typed, got {entry!r}")
            pieces = _configuration({"optimizer": entry.get("optimizer"), "schedule": entry.get("schedule")},
                                    schema, where)
            texts = entry.get("label_texts")
            namings.append(Naming(None if texts is None else read_texts(texts, f"{where}.label_texts"),
                                  entry["label_typed"], entry.get("rate_typed", False)))
            contenders.append(race.Contender(entry["label"], pieces.optimizer, pieces.schedule))
            colour = entry.get("colour")  # written since: absent, by order
            if colour is not None and not (_is_whole(colour) and 0 <= colour < race.MAX_CONTENDERS):
                raise ValueError(f"{where}.colour must be a whole number from 0 to {race.MAX_CONTENDERS - 1}, "
                                 f"got {colour!r}")
            colours.append(colour)
        given = [colour for colour in colours if colour is not None]
        if given and (len(given) < len(colours) or len(set(given)) < len(given)):
            raise ValueError(f"the contenders' colours must be one each, none shared, got {colours!r}")
        config = None
        if raw.get("config") is not None:
            try:
                config = RunConfig.from_dict(raw["config"])
            except ValueError as error:
                raise ValueError(f"config: {error}") from None
        epochs_for = raw.get("epochs_for")
        if epochs_for is not None:
            if not isinstance(epochs_for, dict) or set(epochs_for) != {"data", "network"}:
                raise ValueError(f"epochs_for must be an object of data and network, got {epochs_for!r}")
            pieces = _configuration(epochs_for, schema, "epochs_for")
            epochs_for = (pieces.data, pieces.network)
        checks = {"preset": (lambda value: value is None or isinstance(value, str), "an id or null"),
                  "epochs": (lambda value: _is_whole(value) and value >= 1, "a whole number from 1"),
                  "selected": (_is_whole, "a whole number"),
                  "x_axis": (lambda value: isinstance(value, str), "a text"),
                  "log_scale": (lambda value: isinstance(value, bool), "true or false"),
                  "target": (lambda value: isinstance(value, (int, float, str)) and not isinstance(value, bool),
                             "a number or a text")}
        for key, (valid, kind) in checks.items():
            if not valid(raw.get(key)):
                raise ValueError(f"{key} must be {kind}, got {raw.get(key)!r}")
        return cls(tuple(contenders), tuple(namings), config, raw["preset"], raw["epochs"], epochs_for,
                   raw["selected"], raw["x_axis"], raw["log_scale"], raw["target"],
                   tuple(given) or None)


def _is_whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _configuration(pieces: dict, schema, where: str) -> RunConfig:
    """A configuration with ``pieces`` (its optimizer and schedule, or data and network) as a file of the schema
    ``schema`` wrote them (migrated to the current one), the rest default: not validated, so that a value left
    invalid is restored as it was."""
    try:
        return RunConfig.from_dict({**pieces, "schema_version": schema})
    except ValueError as error:
        raise ValueError(f"{where}: {error}") from None
