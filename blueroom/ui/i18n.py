"""Qt's translation for every word the screens show, and the language the room speaks.

Every string a person reads goes through :func:`translate`, with a literal context (the
view's name) and a literal English text, so that ``pyside6-lupdate`` finds it (``make
translations`` writes ``blueroom/assets/i18n/blueroom_*.ts`` and builds the ``.qm``).
What comes from outside (a post, a name, a path, an error's text) is never translated:
it fills a named field after translation, and numbers are written as before::

    translate("RunningOrder", "Export failed: {error}").format(error=result.error)

A count chooses a plural form with ``%n`` in the text, a function writing the number as
the fourth argument and the count as the fifth, both bare names and no comma after the
count (lupdate's Python reader takes the fourth for an encoding, marks the message as
plural only when a fifth follows, and skips the call on ``self.count`` or ``count,)``;
tests/ui/test_translations.py fails on a call it would miss)::

    translate("ModerationQueue", "%n question(s)", None, number, total)

English is the source language: with no translation, "(s)" is resolved for the count;
blueroom_en.ts gives the English forms "(s)" cannot ("is being read" / "are being read").

The room speaks one language, the session's (``[session] language`` in the settings, or
``BLUEROOM_LANGUAGE`` for a run: blueroom/settings.py): the app calls
:func:`install_translations` with it before it builds a window, and the guest's texts
come from the session script in the same language. Windows built before a change of
language keep their words.

Numbers, decimals, shares, times of day and dates are written here alone, for the
language installed (:func:`number`, :func:`decimal`, :func:`percent`, :func:`clock_time`,
:func:`date_text`, :func:`compact`): French writes "1 234" (a narrow no-break space),
"2,5", "12 %", "18:30", "6 décembre 2026"; English "1,234", "2.5", "12%", "18:30", "6
December 2026" (a studio clock runs on 24 hours in both).
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, Qt, QTime, QTranslator

from blueroom.paths import BUNDLED, assets
from blueroom.settings import LANGUAGES

__all__ = [
    "LANGUAGES",
    "SOURCE_LANGUAGE",
    "Installed",
    "clock_time",
    "compact",
    "date_text",
    "decimal",
    "duration",
    "install_translations",
    "language",
    "money",
    "number",
    "percent",
    "remove_translations",
    "translate",
    "translations_folder",
]

SOURCE_LANGUAGE = "en"  # the code's texts: no file needed
ROOM_TRANSLATOR = "blueroom-translator"  # object names: the translators installed here
QT_TRANSLATOR = "qt-translator"
LANGUAGE_PROPERTY = "blueroom-language"  # the application's: the language installed
LOCALES = {"en": "en_GB", "fr": "fr_FR"}  # how each language writes numbers and times
_ENGLISH_PLURAL = re.compile(r"\(s\)")


def language() -> str:
    """The language installed on the running application (English before any)."""
    application = QCoreApplication.instance()
    chosen = application.property(LANGUAGE_PROPERTY) if application is not None else None
    return chosen if isinstance(chosen, str) and chosen in LOCALES else SOURCE_LANGUAGE


@cache
def _locale_of(code: str) -> QLocale:
    chosen = QLocale(LOCALES[code])
    chosen.setNumberOptions(QLocale.NumberOption.DefaultNumberOptions)  # group thousands
    return chosen


def _locale() -> QLocale:
    return _locale_of(language())


def number(value: int) -> str:
    """A count as the screens write it: "1,234" in English, "1 234" in French."""
    return _locale().toString(int(value))


def decimal(value: float, places: int | None = None) -> str:
    """A measure: "2.5" / "2,5"; ``places`` fixed, or as few as it needs (up to 6 digits)."""
    if places is None:
        return _locale().toString(float(value), "g", 6)
    return _locale().toString(float(value), "f", places)


def percent(share: float, places: int = 0) -> str:
    """A share of 1 as a percentage: "12%" / "12 %"."""
    digits = decimal(share * 100, places)
    return f"{digits}\u202f%" if language() == "fr" else f"{digits}%"


def money(amount: float, currency: str = "USD") -> str:
    """An amount, to the tenth of a cent when it has one: "$20.00", "$0.015", "12.50 EUR" /
    "20,00 $", "0,015 $", "12,50 EUR"."""
    digits = decimal(amount, 3)
    if digits.endswith("0"):
        digits = digits[:-1]
    if language() == "fr":
        return f"{digits}\u00a0{'$' if currency == 'USD' else currency}"
    return f"${digits}" if currency == "USD" else f"{digits} {currency}"


def compact(value: int) -> str:
    """A big count in a few characters: "1.2k", "12k", "3.4M" / "1,2 k", "12 k", "3,4 M"."""
    space = "\u202f" if language() == "fr" else ""
    if value >= 1_000_000:
        return f"{decimal(value / 1_000_000, 1)}{space}M"
    if value >= 10_000:
        return f"{number(round(value / 1_000))}{space}k"
    if value >= 1_000:
        return f"{decimal(value / 1_000, 1)}{space}k"
    return number(value)


def clock_time(at: float, *, seconds: bool = False) -> str:
    """A time of day (``at`` in seconds since the epoch, the room's local time): "18:30",
    with ``seconds`` "18:30:05"."""
    moment = time.localtime(at)
    pattern = _locale().timeFormat(QLocale.FormatType.ShortFormat)
    if seconds and "ss" not in pattern:
        pattern = pattern.replace("mm", "mm:ss", 1)
    return _locale().toString(QTime(moment.tm_hour, moment.tm_min, moment.tm_sec), pattern)


def date_text(at: float) -> str:
    """A day (``at`` in seconds since the epoch): "6 December 2026" / "6 décembre 2026"."""
    moment = time.localtime(at)
    day = QDate(moment.tm_year, moment.tm_mon, moment.tm_mday)
    return _locale().toString(day, "d MMMM yyyy")


def duration(seconds: float) -> str:
    """Time elapsed or left, as a clock counts it: "4:05", "1:02:03" (a minus sign before
    time past)."""
    whole = round(seconds)
    sign, whole = ("−", -whole) if whole < 0 else ("", whole)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


def translate(
    context: str,
    text: str,
    disambiguation: str | None = None,
    write: Callable[[int], str] | None = None,
    n: int = -1,
) -> str:
    """``text`` in the screens' language; with ``write`` and a count ``n``, the plural form
    for ``n`` with ``%n`` written by ``write(n)``."""
    if write is None or n < 0:
        return QCoreApplication.translate(context, text, disambiguation)
    return _plural_form(context, text, disambiguation, n).replace("%n", write(n))


def _plural_form(context: str, text: str, disambiguation: str | None, n: int) -> str:
    """The form for ``n``, ``%n`` left in: QCoreApplication.translate would write it as
    plain digits (1234), so the room's translators are asked themselves, newest first."""
    application = QCoreApplication.instance()
    if application is not None:
        for translator in reversed(_translators(application, ROOM_TRANSLATOR)):
            form = translator.translate(context, text, disambiguation, n)
            if form:
                return form
    return _ENGLISH_PLURAL.sub("" if n == 1 else "s", text)


def translations_folder() -> Path:
    """Where the .qm files are: the assets in use, else the package's own."""
    chosen = assets().root / "i18n"
    return chosen if chosen.is_dir() else BUNDLED / "i18n"


@dataclass(frozen=True, slots=True)
class Installed:
    language: str
    files: tuple[Path, ...]  # translations loaded, Qt's own included
    problems: tuple[str, ...]  # one line each, for the command line


def install_translations(language: str, *, folder: Path | None = None) -> Installed:
    """Speak ``language`` (one of :data:`LANGUAGES`) on the running application, in place
    of any installed before: Blue Room's translations, Qt's own (dialog buttons, text
    fields' menus) when Qt ships them, and the language's way of writing numbers and
    times, here and in Qt's widgets (a spin box's decimal comma).

    The one function the app calls with the session's language, before it builds the
    windows. English needs no file: a missing one is a problem only for another language.
    """
    application = QCoreApplication.instance()
    if application is None:
        raise RuntimeError("install_translations() needs a QApplication first")
    if language not in LANGUAGES:
        raise ValueError(f"the room speaks {', '.join(LANGUAGES)}, not {language!r}")
    problems: list[str] = []
    remove_translations()
    application.setProperty(LANGUAGE_PROPERTY, language)
    QLocale.setDefault(_locale_of(language))
    files: list[Path] = []
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    qt_file = qt_folder / f"qtbase_{language}.qm"
    if _install(application, qt_file, QT_TRANSLATOR):
        files.append(qt_file)
    room_file = (folder or translations_folder()) / f"blueroom_{language}.qm"
    if _install(application, room_file, ROOM_TRANSLATOR):
        files.append(room_file)
    elif language != SOURCE_LANGUAGE:
        problems.append(f"no translation in {room_file}: the screens speak English")
    return Installed(language, tuple(files), tuple(problems))


def _translators(application: QCoreApplication, name: str) -> list[QTranslator]:
    """The application's translators of that name, oldest first."""
    return application.findChildren(QTranslator, name, Qt.FindChildOption.FindDirectChildrenOnly)


def _install(application: QCoreApplication, path: Path, name: str) -> bool:
    if not path.is_file():
        return False
    translator = QTranslator(application)  # the application keeps it
    translator.setObjectName(name)
    if not translator.load(str(path)) or not application.installTranslator(translator):
        translator.setParent(None)
        return False
    return True


def remove_translations() -> None:
    """Back to the source language: the translators installed here are removed."""
    application = QCoreApplication.instance()
    if application is None:
        return
    application.setProperty(LANGUAGE_PROPERTY, SOURCE_LANGUAGE)
    QLocale.setDefault(_locale_of(SOURCE_LANGUAGE))
    for name in (ROOM_TRANSLATOR, QT_TRANSLATOR):
        for translator in _translators(application, name):
            application.removeTranslator(translator)
            translator.setParent(None)  # no longer the application's: freed with this reference
