"""Collect the app's texts into the translation sources and compile them: ``python scripts/update_translations.py``.

1. ``pyside6-lupdate`` reads every ``app/**/*.py`` and updates
   ``resources/translations/mlp_workbench_<language>.ts`` (new texts are added untranslated,
   texts no longer in the code are dropped, translations of the others are kept);
2. ``pyside6-lrelease`` compiles each ``.ts`` into the ``.qm`` the app loads (never edit a .qm).

Translate new texts in the ``.ts`` (Qt Linguist, or any editor: fill ``<translation>`` and drop
``type="unfinished"``), then run the script again. ``--check`` changes nothing: it fails when a
``.ts`` lacks texts of the code, has untranslated ones, or a ``.qm`` is not compiled from its ``.ts``.
Both tools ship with PySide6-Essentials.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from app.i18n import LANGUAGES, SOURCE_LANGUAGE, qm_path, ts_path  # noqa: E402

TRANSLATED = [language for language in LANGUAGES if language != SOURCE_LANGUAGE]


def tool(name: str) -> str:
    """The path of a Qt tool shipped with PySide6 (``lupdate`` or ``lrelease``)."""
    import PySide6

    for candidate in (Path(PySide6.__file__).parent / name, Path(PySide6.__file__).parent / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(f"{name} was not found: install PySide6-Essentials (it ships pyside6-{name})")
    return found


def sources() -> list[str]:
    return sorted(str(path.relative_to(ROOT)) for path in (ROOT / "app").rglob("*.py"))


def lupdate(ts_file: Path, language: str) -> None:
    subprocess.run([tool("lupdate"), "-silent", "-locations", "none", "-no-obsolete", "-source-language",
                    SOURCE_LANGUAGE, "-target-language", language, *sources(), "-ts", str(ts_file)],
                   cwd=ROOT, check=True)


def lrelease(ts_file: Path, qm_file: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts_file), "-qm", str(qm_file)], cwd=ROOT, check=True)


def messages(ts_file: Path) -> list[tuple[str, str, str | None]]:
    """(context, source, translation or None when unfinished) of every message of a .ts file. A message
    with plural forms (``tr(source, None, count)``) is translated when each form is; its translation is
    its forms, one per line."""
    found = []
    for context in ElementTree.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = [] if translation is None else [form.text or "" for form in translation.iter("numerusform")]
            text = "\n".join(forms) if forms else (translation.text if translation is not None else None)
            done = translation is not None and translation.get("type") not in ("unfinished", "vanished", "obsolete") \
                and all((form or "").strip() for form in forms or [text])
            found.append((name, message.findtext("source") or "", text if done else None))
    return found


def missing_sources(language: str) -> set[str]:
    """Texts of the code that the language's catalogue does not translate where the code asks for
    them: absent from the .ts, untranslated, or under no context (the code's context is unknown)."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / ts_path(language).name
        if ts_path(language).is_file():
            shutil.copy(ts_path(language), fresh)
        lupdate(fresh, language)
        return {source for context, source, translation in messages(fresh) if translation is None or not context}


def problems(language: str) -> list[str]:
    """What is out of date or missing for ``language`` (empty when all is well)."""
    found = []
    ts_file, qm_file = ts_path(language), qm_path(language)
    if not ts_file.is_file():
        return [f"{ts_file.relative_to(ROOT)} is missing: run scripts/update_translations.py"]
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / ts_file.name
        shutil.copy(ts_file, fresh)
        lupdate(fresh, language)
        committed = {(context, source) for context, source, _ in messages(ts_file)}
        for context, source, _ in messages(fresh):
            if (context, source) not in committed:
                found.append(f"not in {ts_file.name}: [{context or 'no context'}] {source!r}")
        compiled = Path(folder) / qm_file.name
        lrelease(ts_file, compiled)
        if not qm_file.is_file() or compiled.read_bytes() != qm_file.read_bytes():
            found.append(f"{qm_file.name} is not compiled from {ts_file.name}: run scripts/update_translations.py")
    for context, source, translation in messages(ts_file):
        if translation is None:
            found.append(f"untranslated in {ts_file.name}: [{context or 'no context'}] {source!r}")
        if not context:
            found.append(f"no context (call QCoreApplication.translate(context, text) with literal strings): "
                         f"{source!r}")
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail if anything is out of date")
    args = parser.parse_args(argv)
    if args.check:
        found = [problem for language in TRANSLATED for problem in problems(language)]
        print("\n".join(found) or "translations are up to date")
        return 1 if found else 0
    for language in TRANSLATED:
        ts_path(language).parent.mkdir(parents=True, exist_ok=True)
        lupdate(ts_path(language), language)
        lrelease(ts_path(language), qm_path(language))
        missing = [source for _, source, translation in messages(ts_path(language)) if translation is None]
        print(f"{ts_path(language).relative_to(ROOT)}: {len(missing)} text(s) to translate")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
