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

The language is chosen once, at start (:func:`install_translations`): ``BLUEROOM_LANGUAGE``
("en", "fr") if set, else the system's, else English. Windows built before a change of
language keep their words.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

from blueroom.paths import BUNDLED, assets

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "LANGUAGE_VARIABLE",
    "Installed",
    "chosen_language",
    "install_translations",
    "number",
    "remove_translations",
    "translate",
    "translations_folder",
]

LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"
LANGUAGE_VARIABLE = "BLUEROOM_LANGUAGE"
ROOM_TRANSLATOR = "blueroom-translator"  # object names: the translators installed here
QT_TRANSLATOR = "qt-translator"
_ENGLISH_PLURAL = re.compile(r"\(s\)")


def number(value: int) -> str:
    """A count as the screens write it: 1,234."""
    return f"{value:,}"


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


def chosen_language(
    environ: Mapping[str, str] = os.environ, system: QLocale | None = None
) -> tuple[str, str | None]:
    """The language to speak and, if ``BLUEROOM_LANGUAGE`` was not understood, why."""
    problem = None
    wanted = environ.get(LANGUAGE_VARIABLE, "").strip()
    if wanted:
        code = _code(wanted)
        if code in LANGUAGES:
            return code, None
        problem = (
            f"{LANGUAGE_VARIABLE} must be one of {', '.join(LANGUAGES)}, not {wanted!r}:"
            " the language of the system is used"
        )
    for name in (system or QLocale.system()).uiLanguages():
        code = _code(name)
        if code in LANGUAGES:
            return code, problem
    return DEFAULT_LANGUAGE, problem


def _code(name: str) -> str:
    """ "fr", "fr_FR", "fr-CA", "fr_FR.UTF-8" → "fr"."""
    return re.split(r"[-_.@]", name.strip(), maxsplit=1)[0].lower()


def translations_folder() -> Path:
    """Where the .qm files are: the assets in use, else the package's own."""
    chosen = assets().root / "i18n"
    return chosen if chosen.is_dir() else BUNDLED / "i18n"


@dataclass(frozen=True, slots=True)
class Installed:
    language: str
    files: tuple[Path, ...]  # translations loaded, Qt's own included
    problems: tuple[str, ...]  # one line each, for the command line


def install_translations(
    language: str | None = None,
    *,
    environ: Mapping[str, str] = os.environ,
    folder: Path | None = None,
) -> Installed:
    """Install the translations of ``language`` (default: :func:`chosen_language`) on the
    running application, in place of any installed before: Blue Room's own, and Qt's
    (dialog buttons, text fields' menus) when Qt ships them.

    English needs no file: a missing one is a problem only for another language.
    """
    application = QCoreApplication.instance()
    if application is None:
        raise RuntimeError("install_translations() needs a QApplication first")
    problems: list[str] = []
    if language is None:
        language, problem = chosen_language(environ)
        if problem:
            problems.append(problem)
    remove_translations()
    files: list[Path] = []
    qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    qt_file = qt_folder / f"qtbase_{language}.qm"
    if _install(application, qt_file, QT_TRANSLATOR):
        files.append(qt_file)
    room_file = (folder or translations_folder()) / f"blueroom_{language}.qm"
    if _install(application, room_file, ROOM_TRANSLATOR):
        files.append(room_file)
    elif language != DEFAULT_LANGUAGE:
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
    for name in (ROOM_TRANSLATOR, QT_TRANSLATOR):
        for translator in _translators(application, name):
            application.removeTranslator(translator)
            translator.setParent(None)  # no longer the application's: freed with this reference
