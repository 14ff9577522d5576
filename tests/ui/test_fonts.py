"""The bundled fonts render emoji in colour, Arabic, Hebrew and French accents.

Two layers:

* in-process tests (pytest-qt) register ``assets/fonts`` and look at pixels and
  at the font Qt actually shaped each text with;
* isolation tests run this file as a script in a subprocess whose fontconfig
  sees *no* system font at all (``FONTCONFIG_FILE`` pointing at an empty
  configuration), so the only fonts are the ones registered from the bundle.
  With the bundle the probes pass; with only Inter registered they fail. That
  proves the checks rely on the bundled files, not on fonts apt put on this
  machine, and that they can fail.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QImage, QPalette, QTextLayout
from PySide6.QtWidgets import QApplication, QLabel

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # pragma: no cover - when run as a script
    sys.path.insert(0, str(ROOT))

from blueroom.ui.fonts import (  # noqa: E402
    ARABIC_FAMILY,
    DEFAULT_FONT_DIR,
    EMOJI_FAMILY,
    HEBREW_FAMILY,
    UI_FAMILY,
    register_bundled_fonts,
)

EMOJI = "\N{PARTY POPPER}"  # 🎉
ARABIC = "مرحبا"
HEBREW = "שלום"
FRENCH = "Élève à l'été : ça déçoit, où est Noël ?"
FRENCH_BARE = "Eleve a l'ete : ca decoit, ou est Noel ?"
TOFU = "\U0010ffff"  # a noncharacter: no font has a glyph for it
PIXEL_SIZE = 48


# --------------------------------------------------------------------------- helpers


def ui_test_font() -> QFont:
    font = QFont(UI_FAMILY)
    font.setPixelSize(PIXEL_SIZE)
    return font


def render(text: str, width: int = 0) -> np.ndarray:
    """Render ``text`` in a plain-text Inter 48 px QLabel, black on white, as RGB."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setFont(ui_test_font())
    label.setAutoFillBackground(True)
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("white"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("black"))
    label.setPalette(palette)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    label.setText(text)
    label.adjustSize()
    if width:
        label.resize(width, label.height())
    image = label.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    label.deleteLater()
    h, w, stride = image.height(), image.width(), image.bytesPerLine()
    data = np.frombuffer(image.constBits(), dtype=np.uint8, count=h * stride)
    return data.reshape(h, stride)[:, : w * 3].reshape(h, w, 3).copy()


def ink_pixels(rgb: np.ndarray) -> int:
    """Pixels that are clearly not the white background."""
    return int((rgb.astype(np.int16).min(axis=2) < 200).sum())


def saturated_pixels(rgb: np.ndarray) -> int:
    """Strongly coloured pixels: a wide spread between channels (grey has none)."""
    spread = rgb.max(axis=2).astype(np.int16) - rgb.min(axis=2).astype(np.int16)
    return int((spread > 90).sum())


def crop_to_ink(rgb: np.ndarray) -> np.ndarray:
    """The bounding box of the ink: comparisons must not depend on alignment (RTL)."""
    mask = rgb.astype(np.int16).min(axis=2) < 200
    if not mask.any():
        return rgb[:0, :0]
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    return rgb[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]


def differing_pixels(a: np.ndarray, b: np.ndarray) -> int:
    """How many pixels differ between the inked parts of two renderings."""
    a, b = crop_to_ink(a), crop_to_ink(b)
    h, w = max(a.shape[0], b.shape[0]), max(a.shape[1], b.shape[1])
    pad_a = np.full((h, w, 3), 255, np.int16)
    pad_b = np.full((h, w, 3), 255, np.int16)
    pad_a[: a.shape[0], : a.shape[1]] = a
    pad_b[: b.shape[0], : b.shape[1]] = b
    return int((np.abs(pad_a - pad_b).max(axis=2) > 60).sum())


def shaped_with(text: str) -> list[tuple[str, list[int]]]:
    """(family, glyph indexes) of every glyph run Qt shapes ``text`` into with Inter."""
    layout = QTextLayout(text, ui_test_font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [
        (run.rawFont().familyName(), [int(g) for g in run.glyphIndexes()])
        for run in layout.glyphRuns()
    ]


def probe() -> dict[str, Any]:
    """Every measurement the tests assert on, as plain JSON-able data."""
    result: dict[str, Any] = {}
    emoji = render(EMOJI)
    result["emoji"] = {
        "saturated": saturated_pixels(emoji),
        "ink": ink_pixels(emoji),
        "runs": shaped_with(EMOJI),
    }
    for key, text in (("arabic", ARABIC), ("hebrew", HEBREW)):
        width = 360
        img, tofu = render(text, width), render(TOFU * len(text), width)
        result[key] = {
            "ink": ink_pixels(img),
            "diff_vs_tofu": differing_pixels(img, tofu),
            "runs": shaped_with(text),
        }
    accented, bare = render(FRENCH), render(FRENCH_BARE)
    result["french"] = {
        "ink": ink_pixels(accented),
        "extra_ink_vs_bare": ink_pixels(accented) - ink_pixels(bare),
        "runs": shaped_with(FRENCH),
    }
    return result


def families(runs: list[list[Any]] | list[tuple[str, list[int]]]) -> set[str]:
    return {str(run[0]).casefold() for run in runs}


def has_notdef(runs: list[list[Any]] | list[tuple[str, list[int]]]) -> bool:
    return any(0 in run[1] for run in runs)


def assert_probe_passes(p: dict[str, Any]) -> None:
    emoji = p["emoji"]
    assert families(emoji["runs"]) == {EMOJI_FAMILY.casefold()}, emoji["runs"]
    assert not has_notdef(emoji["runs"])
    # A 48 px colour emoji has hundreds of strongly coloured pixels; tofu has none.
    assert emoji["saturated"] > 200, emoji

    for key, family in (("arabic", ARABIC_FAMILY), ("hebrew", HEBREW_FAMILY)):
        q = p[key]
        assert families(q["runs"]) == {family.casefold()}, (key, q["runs"])
        assert not has_notdef(q["runs"]), (key, q["runs"])
        assert q["ink"] > 150, (key, q)
        assert q["diff_vs_tofu"] > 300, (key, q)

    french = p["french"]
    assert families(french["runs"]) == {UI_FAMILY.casefold()}, french["runs"]
    assert not has_notdef(french["runs"])
    assert french["ink"] > 1000, french
    # Eight accented letters must draw their accents: more ink than the bare text.
    assert french["extra_ink_vs_bare"] > 40, french


# --------------------------------------------------------------------------- in-process


def test_register_reports_bundled_families(qapp: QApplication) -> None:
    report = register_bundled_fonts()
    assert report.failed == ()
    assert report.ok
    for family in (UI_FAMILY, EMOJI_FAMILY, ARABIC_FAMILY, HEBREW_FAMILY):
        assert family in report.families
    assert report.emoji_families[0] == EMOJI_FAMILY
    assert len(report.loaded) >= 11
    assert all(path.parent == DEFAULT_FONT_DIR for path in report.loaded)
    # Second call: same report, nothing added twice.
    assert register_bundled_fonts() is report
    # Inter comes in the weights the walls use.
    assert {"Regular", "Medium", "Semi Bold", "Bold", "Extra Bold", "Black"} <= set(_inter_styles())


def _inter_styles() -> list[str]:
    return QFontDatabase.styles(UI_FAMILY)


def test_emoji_renders_in_colour(qtbot: QtBot) -> None:
    register_bundled_fonts()
    p = probe()
    emoji = p["emoji"]
    assert families(emoji["runs"]) == {EMOJI_FAMILY.casefold()}
    assert emoji["saturated"] > 200, emoji


def test_arabic_and_hebrew_render_not_tofu(qtbot: QtBot) -> None:
    register_bundled_fonts()
    p = probe()
    for key, family in (("arabic", ARABIC_FAMILY), ("hebrew", HEBREW_FAMILY)):
        assert families(p[key]["runs"]) == {family.casefold()}, p[key]
        assert p[key]["ink"] > 150, p[key]
        assert p[key]["diff_vs_tofu"] > 300, p[key]
        assert not has_notdef(p[key]["runs"])


def test_all_probes_pass_in_process(qtbot: QtBot) -> None:
    register_bundled_fonts()
    assert_probe_passes(probe())


def test_missing_and_broken_files_are_reported(qapp: QApplication, tmp_path: Path) -> None:
    missing = register_bundled_fonts(tmp_path / "no-such-dir")
    assert not missing.ok
    assert missing.families == ()
    assert "not found" in missing.failed[0][1]

    broken_dir = tmp_path / "broken"
    broken_dir.mkdir()
    (broken_dir / "Broken.ttf").write_bytes(b"this is not a font")
    broken = register_bundled_fonts(broken_dir)
    reasons = dict(broken.failed)
    assert "could not load" in reasons[broken_dir / "Broken.ttf"]
    assert reasons[broken_dir / "NotoColorEmoji.ttf"] == "file missing"
    assert broken.loaded == ()


# --------------------------------------------------------------------------- isolated


def run_isolated(font_dir: Path, tmp_path: Path) -> dict[str, Any]:
    """Run :func:`probe` in a process that sees no system font, only ``font_dir``."""
    cache = tmp_path / "fc-cache"
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig><cachedir>{cache}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "FONTCONFIG_FILE": str(conf),
        "XDG_CACHE_HOME": str(tmp_path),
        "HOME": str(tmp_path),
    }
    env.pop("FONTCONFIG_PATH", None)
    proc = subprocess.run(
        [sys.executable, __file__, "--probe", str(font_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = proc.stdout.strip().splitlines()[-1]
    return json.loads(out)


def test_isolated_bundle_only_passes(tmp_path: Path) -> None:
    p = run_isolated(DEFAULT_FONT_DIR, tmp_path)
    assert p["system_families"] == [], p["system_families"]
    assert_probe_passes(p)


def test_isolated_without_bundled_fallbacks_fails(tmp_path: Path) -> None:
    """Only Inter registered (no emoji/Arabic/Hebrew font): the checks must fail."""
    inter_only = tmp_path / "inter-only"
    inter_only.mkdir()
    shutil.copy(DEFAULT_FONT_DIR / "Inter-Regular.otf", inter_only)
    p = run_isolated(inter_only, tmp_path)
    assert p["emoji"]["saturated"] < 20, p["emoji"]
    for key in ("arabic", "hebrew"):
        # Drawn as Inter's .notdef box: pixel-identical to the noncharacter.
        assert has_notdef(p[key]["runs"]), p[key]
        assert p[key]["diff_vs_tofu"] < 50, p[key]
    try:
        assert_probe_passes(p)
    except AssertionError:
        pass
    else:  # pragma: no cover - would mean the probe cannot fail
        raise AssertionError("font probes passed without the bundled fallback fonts")


def _main(argv: list[str]) -> int:
    """``test_fonts.py --probe FONT_DIR``: register FONT_DIR, print probe() as JSON."""
    if len(argv) != 3 or argv[1] != "--probe":
        print("usage: test_fonts.py --probe FONT_DIR", file=sys.stderr)
        return 2
    app = QApplication([])
    system_families = list(QFontDatabase.families())
    report = register_bundled_fonts(Path(argv[2]))
    result = probe()
    # Qt lists generic aliases (Sans Serif, Serif, Monospace) even with no font.
    generic = {"sans serif", "serif", "monospace"}
    result["system_families"] = [f for f in system_families if f.casefold() not in generic]
    result["registered"] = list(report.families)
    print(json.dumps(result))
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(_main(sys.argv))
