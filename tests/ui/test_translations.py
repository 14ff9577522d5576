"""Every word the screens show goes through Qt's translation, and the translation files
follow the code.

* No string literal with letters reaches a Qt text call (a label, a button, a title, a
  placeholder, a painted text, a status message...) in blueroom/ui/ or blueroom/app.py
  without going through ``translate``.
* Every ``translate`` call is one pyside6-lupdate can read (a literal context and text, a
  count as a bare name), and lupdate finds exactly the messages the code asks for.
* blueroom/assets/i18n/*.ts hold exactly the messages lupdate finds today (``make
  translations`` updates them), their translations keep the fields of their source, and
  the committed .qm files are what lrelease builds from them.
* blueroom_fr.ts translates every message, with every plural form: none unfinished,
  empty, or kept for a text the code no longer has (vanished or obsolete).
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "blueroom" / "assets" / "i18n"
LANGUAGES = ("en", "fr")
# As the Makefile's `translations` target runs it.
LUPDATE_OPTIONS = (
    "-silent",
    "-extensions",
    "py",
    "-locations",
    "none",
    "-source-language",
    "en",
    "-no-obsolete",
)
LUPDATE_SOURCES = ("blueroom/ui", "blueroom/app.py")
SOURCES = [*sorted((ROOT / "blueroom" / "ui").rglob("*.py")), ROOT / "blueroom" / "app.py"]

# Calls whose string arguments a person reads.
TEXT_CALLS = frozenset(
    {
        "QLabel",
        "QPushButton",
        "QCheckBox",
        "QRadioButton",
        "QGroupBox",
        "QAction",
        "QToolButton",
        "QStaticText",
        "FittedText",
        "plain_label",
        "title_label",
        "setText",
        "setPlainText",
        "appendPlainText",
        "setHtml",
        "setWindowTitle",
        "setPlaceholderText",
        "setToolTip",
        "setStatusTip",
        "setWhatsThis",
        "setTitle",
        "setSuffix",
        "setPrefix",
        "setSpecialValueText",
        "setLabelText",
        "drawText",
        "addItem",
        "addItems",
        "insertItem",
        "setItemText",
        "addTab",
        "insertTab",
        "setTabText",
        "setTabToolTip",
        "addRow",
        "showMessage",
        "question",
        "information",
        "warning",
        "critical",
        "about",
        "getSaveFileName",
        "getOpenFileName",
        "getExistingDirectory",
        "say",
        "_say",
        "emit",
        "_paint_strap",
    }
)
# Literals with letters that are not words to translate, should one ever be needed here.
NOT_WORDS: frozenset[str] = frozenset()
_LETTER = re.compile(r"[^\W\d_]")
_FIELD = re.compile(r"\{(\w*)\}")


def _name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _untranslated(node: ast.expr) -> Iterator[str]:
    """The literal words in an argument that reach the screen as they are."""
    match node:
        case ast.Constant(value=str() as text):
            if _LETTER.search(text) and text not in NOT_WORDS:
                yield text
        case ast.JoinedStr(values=values):
            for part in values:
                if isinstance(part, ast.Constant):
                    yield from _untranslated(part)
                elif isinstance(part, ast.FormattedValue):
                    yield from _untranslated(part.value)
        case ast.IfExp(body=body, orelse=orelse):
            yield from _untranslated(body)
            yield from _untranslated(orelse)
        case ast.BinOp(left=left, right=right):
            yield from _untranslated(left)
            yield from _untranslated(right)
        case ast.BoolOp(values=values):
            for value in values:
                yield from _untranslated(value)
        case ast.Dict(values=values):
            for value in values:
                if value is not None:
                    yield from _untranslated(value)
        case ast.Tuple(elts=elts) | ast.List(elts=elts):
            for element in elts:
                yield from _untranslated(element)


def _trees() -> Iterator[tuple[Path, ast.Module]]:
    for path in SOURCES:
        yield path, ast.parse(path.read_text(encoding="utf-8"), str(path))


def _translate_calls(tree: ast.Module) -> Iterator[ast.Call]:
    """``translate(...)`` and ``QCoreApplication.translate(...)`` calls with a text."""
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and _name(node.func) == "translate"
            and len(node.args) >= 2
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node


def _command_line(path: Path, call: ast.Call) -> bool:
    """app.py's bare ``say(...)`` prints to the command line, which stays English."""
    return path.name == "app.py" and isinstance(call.func, ast.Name) and call.func.id == "say"


def test_no_literal_words_reach_a_qt_text_call_untranslated() -> None:
    found = []
    for path, tree in _trees():
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and _name(node.func) in TEXT_CALLS
                and not _command_line(path, node)
            ):
                for argument in [*node.args, *(k.value for k in node.keywords)]:
                    for text in _untranslated(argument):
                        where = f"{path.relative_to(ROOT)}:{node.lineno}"
                        found.append(f"{where} {_name(node.func)}({text!r})")
            # Texts kept for a later paint: ``list.empty_text = "..."``
            if isinstance(node, ast.Assign) and any(
                _name(target).endswith("text") for target in node.targets
            ):
                for text in _untranslated(node.value):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno} = {text!r}")
    assert not found, "words shown without translate():\n" + "\n".join(found)


def test_translate_is_called_by_its_name() -> None:
    """lupdate reads ``translate(...)`` calls only: a call through another name (``t =
    translate``) is never extracted, and its words never translated."""
    found = []
    for path, tree in _trees():
        for node in ast.walk(tree):
            value = node.value if isinstance(node, ast.Assign | ast.AnnAssign) else None
            if isinstance(value, ast.Name | ast.Attribute) and _name(value) == "translate":
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not found, "translate() called through another name:\n" + "\n".join(found)


def test_the_scan_finds_words_left_untranslated() -> None:
    tree = ast.parse(
        "label = QLabel('Approve')\n"
        "button.setText(f'Take {key}')\n"
        "painter.drawText(box, flags, 'LIVE' if live else translate('W', 'OFF AIR'))\n"
        "self.say(translate('C', 'fine') + ' and this')\n"
        "self.queue.empty_text = 'Nothing'\n"
        "painter.drawText(box, flags, f'{value}  ·  {other}')\n"
        "title_label(translate('C', 'Moderation'))\n"
    )
    flagged = [
        text
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and _name(node.func) in TEXT_CALLS
        for argument in node.args
        for text in _untranslated(argument)
    ]
    assert flagged == ["Approve", "Take ", "LIVE", " and this"]


@dataclass(frozen=True, order=True)
class Message:
    context: str
    source: str
    comment: str = ""
    numerus: bool = False


def test_every_translate_call_is_one_lupdate_reads() -> None:
    wrong = []
    for path, tree in _trees():
        for call in _translate_calls(tree):
            where = f"{path.relative_to(ROOT)}:{call.lineno}"
            args = call.args
            text = args[1]
            if call.keywords:
                wrong.append(f"{where}: keyword arguments (lupdate skips the call)")
            if not (isinstance(text, ast.Constant) and isinstance(text.value, str)):
                wrong.append(f"{where}: the text is not a literal (an f-string?)")
                continue
            if len(args) >= 3 and not (
                isinstance(args[2], ast.Constant) and isinstance(args[2].value, str | None)
            ):
                wrong.append(f"{where}: the disambiguation is not a literal or None")
            counted = "%n" in text.value
            if counted and not (len(args) == 5 and all(isinstance(a, ast.Name) for a in args[3:])):
                wrong.append(f"{where}: a count needs (context, text, None, write, count) by names")
            if not counted and len(args) > 3:
                wrong.append(f"{where}: a count without %n in the text")
    assert not wrong, "\n".join(wrong)


def code_messages() -> set[Message]:
    """What the code asks for, read from its syntax tree."""
    found = set()
    for _, tree in _trees():
        for call in _translate_calls(tree):
            text = call.args[1]
            assert isinstance(text, ast.Constant)
            comment = call.args[2] if len(call.args) >= 3 else None
            found.add(
                Message(
                    str(call.args[0].value),  # type: ignore[attr-defined]
                    str(text.value),
                    str(comment.value)
                    if isinstance(comment, ast.Constant) and comment.value
                    else "",
                    len(call.args) == 5,
                )
            )
    return found


def _tool(name: str) -> Path:
    tool = Path(sys.executable).parent / f"pyside6-{name}"
    if not tool.exists():
        pytest.fail(f"{tool} is missing: PySide6 installs it (make test builds .venv)")
    return tool


def _ts_messages(path: Path) -> set[Message]:
    """The messages of a .ts file still in the code (obsolete and vanished ones left out)."""
    found = set()
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else ""
            if kind in ("obsolete", "vanished"):
                continue
            found.add(
                Message(
                    name,
                    message.findtext("source", ""),
                    message.findtext("comment", ""),
                    message.get("numerus") == "yes",
                )
            )
    return found


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> set[Message]:
    """What pyside6-lupdate finds in the sources today."""
    target = tmp_path_factory.mktemp("lupdate") / "blueroom_fr.ts"
    subprocess.run(
        [_tool("lupdate"), *LUPDATE_OPTIONS, *LUPDATE_SOURCES, "-ts", str(target)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return _ts_messages(target)


def test_lupdate_finds_every_message_the_code_asks_for(extracted: set[Message]) -> None:
    code = code_messages()
    assert len(code) > 200
    assert sorted(code - extracted) == [], "asked for but not extracted (a trailing comma?)"
    assert sorted(extracted - code) == [], "extracted but not asked for by translate()"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_ts_files_hold_what_the_code_asks_for(language: str, extracted: set[Message]) -> None:
    committed = _ts_messages(I18N / f"blueroom_{language}.ts")
    missing, gone = sorted(extracted - committed), sorted(committed - extracted)
    assert not missing and not gone, (
        f"blueroom_{language}.ts is not up to date with the code (run `make translations`):"
        f"\nmissing {missing}\nno longer in the code {gone}"
    )


def untranslated(ts: Path) -> list[str]:
    """The messages of a translation file that a screen would show in English: unfinished,
    empty (or a plural form empty or missing), or no longer in the code."""
    root = ET.parse(ts).getroot()
    forms = 2 if root.get("language", "").startswith("fr") else 1  # French: one, many
    found = []
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            where = f"{name}: {message.findtext('source', '')!r}"
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "missing"
            if kind in ("vanished", "obsolete"):
                found.append(f"{where} is no longer in the code ({kind})")
                continue
            if kind:
                found.append(f"{where} is {kind}")
                continue
            assert translation is not None
            if message.get("numerus") == "yes":
                written = sum(1 for f in translation.iter("numerusform") if (f.text or "").strip())
                if written < forms:
                    found.append(f"{where} lacks a plural form ({written} of {forms})")
            elif not (translation.text or "").strip():
                found.append(f"{where} is empty")
    return found


def test_every_french_message_is_translated() -> None:
    found = untranslated(I18N / "blueroom_fr.ts")
    assert not found, (
        f"blueroom_fr.ts: {len(found)} message(s) the French screens would show in English or"
        " keep for nothing (translate them in Qt Linguist; `make translations` drops the"
        " vanished):\n" + "\n".join(found)
    )


def test_the_check_finds_every_kind_of_untranslated_message(tmp_path: Path) -> None:
    ts = tmp_path / "blueroom_fr.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="fr_FR" sourcelanguage="en">
<context><name>W</name>
<message><source>Done</source><translation>Fait</translation></message>
<message><source>New</source><translation type="unfinished"></translation></message>
<message><source>Draft</source><translation type="unfinished">Brouillon</translation></message>
<message><source>Blank</source><translation>  </translation></message>
<message><source>Gone</source><translation type="vanished">Parti</translation></message>
<message><source>Old</source><translation type="obsolete">Vieux</translation></message>
<message numerus="yes"><source>%n post(s)</source><translation>
<numerusform>%n envoi</numerusform><numerusform>%n envois</numerusform></translation></message>
<message numerus="yes"><source>%n try(ies)</source><translation>
<numerusform>%n essai</numerusform><numerusform></numerusform></translation></message>
</context></TS>""",
        encoding="utf-8",
    )
    assert untranslated(ts) == [
        "W: 'New' is unfinished",
        "W: 'Draft' is unfinished",
        "W: 'Blank' is empty",
        "W: 'Gone' is no longer in the code (vanished)",
        "W: 'Old' is no longer in the code (obsolete)",
        "W: '%n try(ies)' lacks a plural form (1 of 2)",
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_fields_of_their_source(language: str) -> None:
    wrong = []
    for message in ET.parse(I18N / f"blueroom_{language}.ts").getroot().iter("message"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        if translation is None:
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        for form in filter(None, forms):
            if sorted(_FIELD.findall(form)) != sorted(_FIELD.findall(source)):
                wrong.append(f"{source!r} → {form!r}: other fields")
            if ("%n" in form) != ("%n" in source):
                wrong.append(f"{source!r} → {form!r}: %n")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_committed_qm_files_are_built_from_the_ts(language: str, tmp_path: Path) -> None:
    built = tmp_path / f"blueroom_{language}.qm"
    subprocess.run(
        [_tool("lrelease"), "-silent", str(I18N / f"blueroom_{language}.ts"), "-qm", str(built)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    committed = I18N / f"blueroom_{language}.qm"
    assert committed.read_bytes() == built.read_bytes(), (
        f"{committed.name} is older than its .ts: run `make translations`"
    )
