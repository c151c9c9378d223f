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


def read_texts(raw, where: str) -> dict:
    """Validate a text read from a file: ValueError naming ``where`` and what is wrong."""
    if not isinstance(raw, dict) or not isinstance(raw.get("en"), str) or not raw["en"].strip():
        raise ValueError(f"{where} must be an object with an English text under \"en\", got {raw!r}")
    for language, value in raw.items():
        if language not in LANGUAGES:
            raise ValueError(f"{where}: language {language!r} is not one of: {', '.join(LANGUAGES)}")
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{where}: the {language} text must be a non-empty string, got {value!r}")
    return dict(raw)
