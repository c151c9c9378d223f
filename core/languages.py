"""Texts in several languages: the titles, summaries and labels of labs and race presets.

Such a text is a dict by language code, ``{"en": "Loss", "ru": "Потери"}``. English is required
and fills the gaps: a text shown in a language it lacks is shown in English.
"""
from __future__ import annotations

LANGUAGES = ("en", "ru")
"""The languages a text may come in; English first, as every text needs it."""


def text_in(texts: dict, language: str) -> str:
    """``texts`` in ``language``, falling back to English."""
    return texts.get(language) or texts["en"]


TEXT_PROBLEMS = {"no english": 'must be an object with an English text under "en", got {value}',
                 "language": "language {language} is not one of: {languages}",
                 "empty": "the {language} text must be a non-empty string, got {value}"}
"""What can be wrong with a text read from a file, in English (``{value}`` is what the file holds, as Python
writes it): :func:`text_problem`'s words, which a window words in its language."""


def text_problem(raw) -> tuple[str, dict] | None:
    """The first problem of a text read from a file as (a key of :data:`TEXT_PROBLEMS`, the values of its
    template, as text), or None if it is a valid text."""
    if not isinstance(raw, dict) or not isinstance(raw.get("en"), str) or not raw["en"].strip():
        return "no english", {"value": repr(raw)}
    for language, value in raw.items():
        if language not in LANGUAGES:
            return "language", {"language": repr(language), "languages": ", ".join(LANGUAGES)}
        if not isinstance(value, str) or not value.strip():
            return "empty", {"language": language, "value": repr(value)}
    return None


def read_texts(raw, where: str) -> dict:
    """Validate a text read from a file: ValueError naming ``where`` and what is wrong."""
    problem = text_problem(raw)
    if problem is not None:
        kind, values = problem
        raise ValueError(f"{where}: {TEXT_PROBLEMS[kind].format(**values)}")
    return dict(raw)
