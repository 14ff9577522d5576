"""Fonts shipped with Blue Room and their registration with Qt.

The walls show text from the internet: emoji, accented Latin, Arabic, Hebrew...
On a bare machine Qt finds no colour emoji font and draws empty boxes, so the
app ships the fonts it relies on in ``assets/fonts/`` (licences in
``assets/fonts/LICENSES/``) and registers them once at start-up::

    app = QApplication(sys.argv)
    report = register_bundled_fonts()
    font = QFont(UI_FAMILY)

What registration does:

* every ``*.ttf``/``*.otf``/``*.ttc``/``*.otc`` file in the font directory is
  added with ``QFontDatabase.addApplicationFont``;
* Noto Color Emoji is put first in the emoji font list
  (``QFontDatabase.setApplicationEmojiFontFamilies``, Qt >= 6.9), so emoji in
  any font are drawn in colour by the bundled font;
* the script fallbacks (Noto Sans Arabic, Noto Sans Hebrew, Noto Color Emoji)
  are installed as font *substitutions* of the UI family with
  ``QFont.insertSubstitutions``: when a character is missing from Inter, Qt
  tries the substitutes before asking the system. (Qt >= 6.8 has
  ``QFontDatabase::addApplicationFallbackFontFamily(QChar::Script, ...)``, but
  PySide6 6.11 does not bind it, because ``QChar`` is not wrapped; it is used
  when a later binding exposes it.)

Nothing here raises on a missing or broken file: it is reported in the
returned :class:`FontReport` so the operator console can show it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6 import QtCore
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from blueroom.paths import BUNDLED, Assets, assets

__all__ = [
    "ARABIC_FAMILY",
    "BUNDLED_FONT_FILES",
    "DEFAULT_FONT_DIR",
    "EMOJI_FAMILY",
    "FALLBACK_FAMILIES",
    "HEBREW_FAMILY",
    "UI_FAMILY",
    "FontReport",
    "register_bundled_fonts",
    "ui_font",
]

#: The UI and wall typeface (family name as Qt reports it for the bundled files).
UI_FAMILY = "Inter"
#: Colour emoji font, used for every emoji whatever the widget's font.
EMOJI_FAMILY = "Noto Color Emoji"
ARABIC_FAMILY = "Noto Sans Arabic"
HEBREW_FAMILY = "Noto Sans Hebrew"
#: Families tried, in order, for characters that Inter lacks.
FALLBACK_FAMILIES: tuple[str, ...] = (ARABIC_FAMILY, HEBREW_FAMILY, EMOJI_FAMILY)

#: The fonts shipped with the package (``BLUEROOM_ASSETS`` may point elsewhere).
DEFAULT_FONT_DIR = Assets(BUNDLED).fonts

#: Files the app expects to find in the font directory; a missing one is reported.
BUNDLED_FONT_FILES: tuple[str, ...] = (
    "Inter-Regular.otf",
    "Inter-Medium.otf",
    "Inter-SemiBold.otf",
    "Inter-Bold.otf",
    "Inter-ExtraBold.otf",
    "Inter-Black.otf",
    "NotoColorEmoji.ttf",
    "NotoSansArabic-Regular.ttf",
    "NotoSansArabic-Bold.ttf",
    "NotoSansHebrew-Regular.ttf",
    "NotoSansHebrew-Bold.ttf",
)

_FONT_SUFFIXES = frozenset({".ttf", ".otf", ".ttc", ".otc"})


@dataclass(frozen=True, slots=True)
class FontReport:
    """What :func:`register_bundled_fonts` did.

    ``families``: family names Qt registered, sorted. ``loaded``: font files
    added. ``failed``: ``(file, reason)`` for every file that is missing or
    that Qt refused. ``emoji_families``: Qt's application emoji list after
    registration. ``fallbacks``: the substitutes installed for the UI family.
    """

    font_dir: Path
    families: tuple[str, ...]
    loaded: tuple[Path, ...]
    failed: tuple[tuple[Path, str], ...]
    emoji_families: tuple[str, ...]
    fallbacks: tuple[str, ...]

    @property
    def ok(self) -> bool:
        """True when every file loaded and the UI, emoji and fallback families exist."""
        needed = {UI_FAMILY, *FALLBACK_FAMILIES}
        return not self.failed and needed.issubset(self.families)


_lock = threading.Lock()
_cache: dict[Path, FontReport] = {}


def register_bundled_fonts(font_dir: Path | None = None) -> FontReport:
    """Register the fonts in ``font_dir`` (default ``assets/fonts``) with Qt.

    Call once, on the GUI thread, after the ``QApplication`` exists. Calling it
    again with the same directory returns the first report without adding the
    files twice. Never raises for missing or unreadable fonts: they are listed
    in ``FontReport.failed``. Raises ``RuntimeError`` only when there is no
    ``QGuiApplication`` yet (Qt's font database needs one).
    """
    if not isinstance(QGuiApplication.instance(), QGuiApplication):
        raise RuntimeError("register_bundled_fonts() needs a QApplication first")
    directory = (font_dir if font_dir is not None else assets().fonts).resolve()
    with _lock:
        cached = _cache.get(directory)
        if cached is not None:
            return cached
        report = _register(directory)
        _cache[directory] = report
        return report


def ui_font(pixel_size: int, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    """A ``QFont`` of the UI family at ``pixel_size`` px with the fallbacks listed.

    ``QFont.setFamilies`` makes the fallbacks explicit per font as well, so the
    text is right even if another part of the app changes the substitutions.
    """
    font = QFont()
    font.setFamilies([UI_FAMILY, *FALLBACK_FAMILIES])
    font.setPixelSize(pixel_size)
    font.setWeight(weight)
    return font


def _register(directory: Path) -> FontReport:
    loaded: list[Path] = []
    failed: list[tuple[Path, str]] = []
    families: set[str] = set()

    if not directory.is_dir():
        failed.append((directory, "font directory not found"))
        files: list[Path] = []
    else:
        files = sorted(
            p for p in directory.iterdir() if p.suffix.lower() in _FONT_SUFFIXES and p.is_file()
        )
        present = {p.name for p in files}
        failed.extend(
            (directory / name, "file missing") for name in BUNDLED_FONT_FILES if name not in present
        )

    for path in files:
        try:
            font_id = QFontDatabase.addApplicationFont(str(path))
        except (OSError, RuntimeError, TypeError, ValueError) as exc:  # never stop the app
            failed.append((path, f"{type(exc).__name__}: {exc}"))
            continue
        if font_id < 0:
            failed.append((path, "Qt could not load the font (addApplicationFont returned -1)"))
            continue
        names = QFontDatabase.applicationFontFamilies(font_id)
        if not names:
            failed.append((path, "Qt loaded the file but reported no family"))
            continue
        loaded.append(path)
        families.update(names)

    if EMOJI_FAMILY in families:
        others = [f for f in QFontDatabase.applicationEmojiFontFamilies() if f != EMOJI_FAMILY]
        QFontDatabase.setApplicationEmojiFontFamilies([EMOJI_FAMILY, *others])

    fallbacks = tuple(f for f in FALLBACK_FAMILIES if f in families)
    if fallbacks:
        existing = [f for f in QFont.substitutes(UI_FAMILY) if f not in fallbacks]
        QFont.removeSubstitutions(UI_FAMILY)
        QFont.insertSubstitutions(UI_FAMILY, [*fallbacks, *existing])
        _add_script_fallbacks(fallbacks)

    return FontReport(
        font_dir=directory,
        families=tuple(sorted(families)),
        loaded=tuple(loaded),
        failed=tuple(failed),
        emoji_families=tuple(QFontDatabase.applicationEmojiFontFamilies()),
        fallbacks=fallbacks,
    )


def _add_script_fallbacks(fallbacks: tuple[str, ...]) -> None:
    """Use ``addApplicationFallbackFontFamily`` when this binding exposes it.

    PySide6 6.11 does not (it needs ``QChar.Script``); substitutions do the job
    then. Kept so that a later PySide6 gets per-script fallbacks for every
    family, not only for the UI family.
    """
    add = getattr(QFontDatabase, "addApplicationFallbackFontFamily", None)
    if add is None:
        return
    qchar = getattr(QtCore, "QChar", None)
    if qchar is None:
        return
    scripts = {ARABIC_FAMILY: "Script_Arabic", HEBREW_FAMILY: "Script_Hebrew"}
    for family, script_name in scripts.items():
        script = getattr(getattr(qchar, "Script", None), script_name, None)
        if family in fallbacks and script is not None:
            add(script, family)
