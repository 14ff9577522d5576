"""Translation files made for a test: a .ts written here, built with pyside6-lrelease."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "blueroom" / "assets" / "i18n"

# (context, source) → the translation, or its plural forms (French: one, many)
Translations = Mapping[tuple[str, str], str | tuple[str, ...]]


def tool(name: str) -> Path:
    found = Path(sys.executable).parent / f"pyside6-{name}"
    if not found.exists():
        pytest.fail(f"{found} is missing: PySide6 installs it (make test builds .venv)")
    return found


def build(folder: Path, language: str, translations: Translations) -> Path:
    """blueroom_<language>.ts and .qm in ``folder``, holding ``translations``; the folder."""
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    by_context: dict[str, ET.Element] = {}
    for (context, source), translated in translations.items():
        if context not in by_context:
            by_context[context] = ET.SubElement(root, "context")
            ET.SubElement(by_context[context], "name").text = context
        message = ET.SubElement(by_context[context], "message")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        if isinstance(translated, tuple):
            message.set("numerus", "yes")
            for form in translated:
                ET.SubElement(translation, "numerusform").text = form
        else:
            translation.text = translated
    ts = folder / f"blueroom_{language}.ts"
    ET.ElementTree(root).write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run(
        [tool("lrelease"), "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return folder


def pseudo(folder: Path, mark: Callable[[str], str]) -> Path:
    """Every message of the real blueroom_fr.ts translated as ``mark(source)``: a screen
    showing ``mark``'s brackets went through the translation."""
    translations: dict[tuple[str, str], str | tuple[str, ...]] = {}
    for context in ET.parse(I18N / "blueroom_fr.ts").getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            numerus = message.get("numerus") == "yes"
            translations[name, source] = (mark(source), mark(source)) if numerus else mark(source)
    return build(folder, "fr", translations)
