"""Text from outside, drawn as plain text and fitted to its box.

Every text a person reads on a wall, a card or a lower third goes through
:func:`fit_text`: a ``QTextLayout`` on a plain string (markup such as ``<img>`` is
shown literally, never interpreted), in the largest size from ``max_px`` down to
``min_px`` at which it fits; past that, it is cut at a word with an ellipsis. What
it promises:

* every line is drawn wholly inside its box, or not at all: never a row of letters
  cut through by the box's edge;
* lines are evenly spaced whatever the script: each line's baseline is one pitch
  below the last, the pitch being the tallest line's (an Arabic or emoji fallback
  font no longer pushes its own line down);
* a paragraph whose first letter is Arabic or Hebrew is laid out right to left and
  aligned right, so a hashtag at its end stays at its end (on the left).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import OrderedDict
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTextBoundaryFinder
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QPixmap,
    QTextLayout,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from blueroom.ui import theme

WALL_TEXT_LIMIT = 420
ELLIPSIS = "…"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BLANKS = re.compile(r"[^\S\n]+")
_BREAKS = re.compile(r"\s*\n\s*")
_TAG = re.compile(r"(?:[#@][\w\u200c\u200d]+|https?://\S+)")
_FIRST_STRONG_ISOLATE, _POP_ISOLATE = "\u2068", "\u2069"
_LINE_SEPARATOR = "\u2028"
# A French "?" or "!" never starts a line alone: the space before it does not break.
_NO_BREAK_BEFORE = re.compile(
    r" (?=[?!:;»](?:\s|$))"
)  # QTextLayout breaks a line here (it draws "\n" as a space)
_TRAILING = " \t\u2028,;:–—-"
# Never cut between these and what they join (a zero-width joiner's emoji, a variation).
_JOINERS = frozenset("\u200d\ufe0e\ufe0f")
_HALIGN = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignHCenter
# Fewer characters than this a pixel-size squared per pixel of box cannot be drawn:
# a text longer than the box holds at its smallest size is first trimmed (4,000 at most).
_NARROWEST_GLYPH_EM = 0.2
# Where the letters of every bundled script end, in em (measured: Hebrew rises to 1.07,
# Arabic falls to 0.43): a line's pitch, whatever its fonts' own line boxes say.
_ASCENT_EM = 1.07
_DESCENT_EM = 0.45
# A pixel of air above and below the ink: antialiasing never touches the box's edge.
_MARGIN = 1.0
# Each glyph's ink, top and bottom from its baseline, by font and size (GUI thread only).
_GLYPH_INK: dict[tuple[tuple[str, str, float], int], tuple[float, float]] = {}


def displayable(text: str) -> str:
    """Text safe to draw: control characters removed (the parser does it too; views don't rely on it)."""
    return _CONTROL.sub("", text)


def single_line(text: str) -> str:
    return " ".join(displayable(text).split())


def paragraphs(text: str) -> str:
    """Spaces collapsed, blank lines removed: one line break at most between two lines."""
    text = _BLANKS.sub(" ", displayable(text)).strip()
    return _BREAKS.sub("\n", text)


def _grapheme_safe(text: str, cut: int) -> int:
    """``cut`` moved back so as not to split a letter from its marks or an emoji sequence."""
    while 0 < cut < len(text) and (
        unicodedata.combining(text[cut])
        or text[cut] in _JOINERS
        or text[cut - 1] == "\u200d"
        or unicodedata.category(text[cut]) == "Mn"
    ):
        cut -= 1
    return cut


def clip(text: str, limit: int = WALL_TEXT_LIMIT) -> str:
    """Whole words up to ``limit`` characters, with an ellipsis when cut.

    Cut at the last space before ``limit``; a text without a space there (a long link)
    is cut between two letters, never inside an emoji or a letter with its accents.
    """
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit + 1]
    space = max(cut.rfind(" "), cut.rfind("\n"))
    end = space if space > 0 else _grapheme_safe(text, limit)
    return text[:end].rstrip(_TRAILING) + ELLIPSIS


def without_hashtag(text: str, hashtag: str) -> str:
    """``text`` without the event's ``hashtag`` (a wall shows it in its title).

    Whole tags only (``#AskBlueRoomFR`` stays), any case; a post that is nothing but
    the hashtag is kept as it is.
    """
    tag = hashtag.strip()
    if not tag:
        return text
    if not tag.startswith("#"):
        tag = "#" + tag
    pattern = re.compile(rf"(?<![\w#]){re.escape(tag)}(?![\w])", re.IGNORECASE)
    stripped = pattern.sub("", text)
    stripped = re.sub(r"[^\S\n]{2,}", " ", stripped)
    stripped = re.sub(r"[^\S\n]+([,.!?;:…])(?=\s|$)", _french_space, stripped).strip()
    return stripped if stripped else text


def _french_space(match: re.Match[str]) -> str:
    # "Tu viens ? #Tag" loses the tag, not the space French puts before its "?".
    return (" " if match.group(1) in "?!;:" else "") + match.group(1)


def wall_text(text: str, hashtag: str = "", limit: int = WALL_TEXT_LIMIT) -> str:
    """A question as the walls show it: one paragraph, the event hashtag left to the
    title, at most ``limit`` characters cut at a word."""
    return clip(single_line(without_hashtag(displayable(text), hashtag)), limit)


def is_right_to_left(text: str) -> bool:
    """Whether ``text`` reads right to left: its first strong letter, skipping the
    mentions, hashtags and links a post starts with (``@fan لماذا`` is Arabic)."""
    first: bool | None = None
    for word in text.split():
        skip = word.startswith(("@", "#", "http"))
        for char in word:
            kind = unicodedata.bidirectional(char)
            if kind in ("R", "AL", "L"):
                if not skip:
                    return kind != "L"
                if first is None:
                    first = kind != "L"
                break
    return bool(first)


def isolate_tags(text: str) -> str:
    """Hashtags, mentions and links set apart for the bidirectional algorithm, in a text
    that mixes directions: ``#AskBlueRoom`` at the end of an Arabic question is drawn
    whole at its end, not as ``AskBlueRoom#``."""
    if not any(unicodedata.bidirectional(char) in ("R", "AL") for char in text):
        return text
    return _TAG.sub(lambda m: _FIRST_STRONG_ISOLATE + m.group(0) + _POP_ISOLATE, text)


def _utf16_offsets(text: str) -> list[int] | None:
    """Where each character starts in UTF-16 (Qt's units), None when they are the same."""
    if all(ord(char) < 0x10000 for char in text):
        return None
    offsets = [0]
    for char in text:
        offsets.append(offsets[-1] + (2 if ord(char) >= 0x10000 else 1))
    return offsets


def _to_index(offsets: list[int] | None, position: int) -> int:
    """A Python index from a UTF-16 position."""
    if offsets is None:
        return position
    low, high = 0, len(offsets) - 1
    while low < high:
        middle = (low + high + 1) // 2
        if offsets[middle] <= position:
            low = middle
        else:
            high = middle - 1
    return low


@dataclass(frozen=True, slots=True, eq=False)
class FittedLayout:
    """A text laid out in a box: draw it with :meth:`draw` at the box's top-left corner."""

    font: QFont
    text: str  # as drawn: trimmed and with its ellipsis when cut
    layout: QTextLayout | None  # None: not a line fits, nothing is drawn
    lines: int
    pitch: float  # from one baseline to the next
    top: float  # where the first line starts, from the box's top
    height: float  # of the block of lines
    needed: float  # the height it needs, any ink beyond its lines included
    cut: bool
    right_to_left: bool

    def draw(self, painter: QPainter, origin: QPointF, color: QColor | None = None) -> None:
        if self.layout is None:
            return
        if color is not None:
            painter.setPen(color)
        self.layout.draw(painter, QPointF(origin.x(), origin.y() + self.top))

    def line_rects(self) -> list[QRectF]:
        """Each line's box, in the text box's coordinates (for tests and debugging)."""
        if self.layout is None:
            return []
        rects = []
        for index in range(self.layout.lineCount()):
            line = self.layout.lineAt(index)
            rects.append(line.naturalTextRect().translated(0, self.top))
        return rects


@dataclass(frozen=True, slots=True)
class _Lines:
    layout: QTextLayout
    count: int  # lines laid out
    complete: bool  # the whole text is in them
    ascent: float
    descent: float
    pitch: float
    ends: tuple[int, ...]  # where each line ends (UTF-16)
    starts: tuple[int, ...]
    extents: dict[int, tuple[float, float]] = field(default_factory=dict)

    def block(self, lines: int) -> float:
        return (lines - 1) * self.pitch + self.ascent + self.descent if lines else 0.0

    def extent(self, lines: int) -> tuple[float, float]:
        """From the top of the block, where the ink of its first ``lines`` lines begins
        and ends: the block's lines, and any mark drawn beyond them (a Zalgo stack)."""
        if not lines:
            return 0.0, 0.0
        found = self.extents.get(lines)
        if found is None:
            top, _ = _ink(self.layout, 0)
            _, bottom = _ink(self.layout, lines - 1)
            found = self.extents[lines] = (min(0.0, top), max(self.block(lines), bottom))
        return found


def _ink(layout: QTextLayout, index: int) -> tuple[float, float]:
    """Where the glyphs of one line are inked, top and bottom, in the layout's coordinates."""
    line = layout.lineAt(index)
    top, bottom = math.inf, -math.inf
    for run in layout.glyphRuns(line.textStart(), line.textLength()):
        raw = run.rawFont()
        font_key = (raw.familyName(), raw.styleName(), raw.pixelSize())
        for glyph, position in zip(run.glyphIndexes(), run.positions(), strict=False):
            key = (font_key, glyph)
            span = _GLYPH_INK.get(key)
            if span is None:
                box = raw.boundingRect(glyph)
                span = (box.top(), box.bottom()) if not box.isEmpty() else (0.0, 0.0)
                if len(_GLYPH_INK) > 20_000:
                    _GLYPH_INK.clear()
                _GLYPH_INK[key] = span
            if span[0] == span[1]:
                continue
            top = min(top, position.y() + span[0])
            bottom = max(bottom, position.y() + span[1])
    if top > bottom:
        return line.y(), line.y()
    return top, bottom


def _lay_out(
    text: str, font: QFont, width: float, limit: int, rtl: bool, halign: Qt.AlignmentFlag
) -> _Lines:
    layout = QTextLayout(text.replace("\n", _LINE_SEPARATOR), font)
    option = QTextOption(halign | Qt.AlignmentFlag.AlignAbsolute)
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    option.setTextDirection(
        Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
    )
    layout.setTextOption(option)
    layout.setCacheEnabled(True)
    total = len(text.encode("utf-16-le")) // 2
    layout.beginLayout()
    lines: list[QTextLine] = []
    while len(lines) < limit:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        lines.append(line)
        if line.textStart() + line.textLength() >= total:
            break
    layout.endLayout()
    complete = not lines or lines[-1].textStart() + lines[-1].textLength() >= total
    # A fallback font's line box (Noto Sans Arabic's is 2.1 em) is far taller than its
    # letters: the pitch follows the letters, capped where the scripts' ink ends.
    metrics = QFontMetricsF(font)
    size = font.pixelSize()
    ascent = max([metrics.ascent(), *(min(line.ascent(), size * _ASCENT_EM) for line in lines)])
    descent = max([metrics.descent(), *(min(line.descent(), size * _DESCENT_EM) for line in lines)])
    pitch = max(metrics.lineSpacing(), ascent + descent)
    for index, line in enumerate(lines):  # every baseline one pitch below the last
        line.setPosition(QPointF(0.0, index * pitch + ascent - line.ascent()))
    return _Lines(
        layout,
        len(lines),
        complete,
        ascent,
        descent,
        pitch,
        tuple(line.textStart() + line.textLength() for line in lines),
        tuple(line.textStart() for line in lines),
    )


def fit_text(
    text: str,
    width: float,
    height: float,
    *,
    max_px: float,
    min_px: float,
    weight: QFont.Weight = QFont.Weight.Normal,
    max_lines: int | None = None,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
) -> FittedLayout:
    """``text`` in the largest size that fits ``width`` × ``height``, or cut at a word.

    ``align``'s left means the reading side: right for a right-to-left text.
    """
    text = isolate_tags(_NO_BREAK_BEFORE.sub("\u00a0", paragraphs(text)))
    rtl = is_right_to_left(text)
    horizontal = align & _HALIGN
    if horizontal & Qt.AlignmentFlag.AlignHCenter:
        halign = Qt.AlignmentFlag.AlignHCenter
    elif bool(horizontal & Qt.AlignmentFlag.AlignRight) != rtl:
        halign = Qt.AlignmentFlag.AlignRight
    else:
        halign = Qt.AlignmentFlag.AlignLeft
    width, height = max(1.0, width), max(0.0, height)
    low = max(1, math.floor(min_px))
    high = max(low, round(max_px))

    def limit_for(font: QFont) -> int:
        fitting = int(height // max(1.0, QFontMetricsF(font).lineSpacing())) + 1
        return max(1, min(fitting, max_lines or fitting))

    def fitting(size: int) -> tuple[QFont, _Lines] | None:
        """The text at ``size`` if its lines fit (their ink is checked once chosen)."""
        font = theme.font(size, weight)
        laid = _lay_out(text, font, width, limit_for(font), rtl, halign)
        fits = laid.complete and _within(laid, laid.count, height, ink=False)
        return (font, laid) if fits else None

    # A text far longer than the box holds at its smallest size: trimmed first.
    capacity = (width / (low * _NARROWEST_GLYPH_EM) + 1) * (height / low + 1)
    trimmed = len(text) > capacity
    if trimmed:
        text = text[: _grapheme_safe(text, int(capacity))]
    size, chosen = high, None if trimmed else fitting(high)
    if chosen is None and not trimmed and fitting(low) is not None:
        lo, hi = low, high - 1  # the largest size between that fits
        while lo <= hi:
            middle = (lo + hi) // 2
            found = fitting(middle)
            if found is not None:
                size, chosen, lo = middle, found, middle + 1
            else:
                hi = middle - 1
    while chosen is not None and not _within(chosen[1], chosen[1].count, height):
        size -= 1  # a mark or a fallback glyph inked beyond its line: a size smaller
        chosen = fitting(size) if size >= low else None
    if chosen is not None:
        font, laid = chosen
        return _placed(font, text, laid, laid.count, height, align, cut=False, rtl=rtl)
    font = theme.font(low, weight)
    return _cut(text, font, width, height, limit_for(font), rtl, halign, align)


def _cut(
    text: str,
    font: QFont,
    width: float,
    height: float,
    limit: int,
    rtl: bool,
    halign: Qt.AlignmentFlag,
    align: Qt.AlignmentFlag,
) -> FittedLayout:
    """The first lines that fit, the last one cut at a word with an ellipsis."""
    laid = _lay_out(text, font, width, limit, rtl, halign)
    keep = min(laid.count, limit)
    while keep and not _within(laid, keep, height):
        keep -= 1
    offsets = _utf16_offsets(text)

    def candidate(cut: int) -> str:
        return text[:cut].rstrip(_TRAILING) + ELLIPSIS

    def fits(cut: int) -> _Lines | None:
        tried = _lay_out(candidate(cut), font, width, keep, rtl, halign)
        ok = tried.complete and _within(tried, tried.count, height, ink=False)
        return tried if ok else None

    while keep:
        start = _to_index(offsets, laid.starts[keep - 1])
        end = _to_index(offsets, laid.ends[keep - 1])
        words = [p for p in range(start + 1, end + 1) if p == len(text) or text[p].isspace()]
        found: tuple[int, _Lines] | None = None
        for cuts in (words, _graphemes(text, start, end)):
            lo, hi = 0, len(cuts) - 1
            while lo <= hi:  # the longest cut that fits: a longer one never fits if this fails
                middle = (lo + hi) // 2
                tried = fits(cuts[middle])
                if tried is not None:
                    found, lo = (cuts[middle], tried), middle + 1
                else:
                    hi = middle - 1
            if found is not None:
                break
        if found is None:
            cut = start
            tried = fits(cut)
            while tried is None and cut > 0:  # the ellipsis alone did not fit on the line
                cut = _grapheme_safe(text, cut - 1)
                tried = fits(cut)
            if tried is not None:
                found = (cut, tried)
        if found is not None and _within(found[1], found[1].count, height):
            cut, final = found
            return _placed(
                font, candidate(cut), final, final.count, height, align, cut=True, rtl=rtl
            )
        keep -= 1  # its ink, or the ellipsis, needs one line less
    return FittedLayout(font, "", None, 0, laid.pitch, 0.0, 0.0, 0.0, True, rtl)


def _within(laid: _Lines, lines: int, height: float, *, ink: bool = True) -> bool:
    """Whether ``lines`` of ``laid`` fit ``height``: their boxes, and (``ink``) any mark
    drawn beyond them, with a pixel of air above and below."""
    if laid.block(lines) > height - 2 * _MARGIN + 0.01:
        return False
    if not ink:
        return True
    top, bottom = laid.extent(lines)
    return bottom - top <= height - 2 * _MARGIN + 0.01


def _graphemes(text: str, start: int, end: int) -> list[int]:
    """Every place between two letters (as a reader counts them) in ``text[start:end]``."""
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Grapheme, text)
    offsets = _utf16_offsets(text)
    begin = start if offsets is None else offsets[start]
    finder.setPosition(begin)
    cuts = []
    while True:
        position = finder.toNextBoundary()
        if position < 0:
            break
        index = _to_index(offsets, position)
        if index > end:
            break
        if index > start:
            cuts.append(index)
    return cuts


def _placed(
    font: QFont,
    text: str,
    laid: _Lines,
    lines: int,
    height: float,
    align: Qt.AlignmentFlag,
    *,
    cut: bool,
    rtl: bool,
) -> FittedLayout:
    ink_top, ink_bottom = laid.extent(lines)
    if align & Qt.AlignmentFlag.AlignTop:
        top = _MARGIN - ink_top
    elif align & Qt.AlignmentFlag.AlignBottom:
        top = height - _MARGIN - ink_bottom
    else:
        top = (height - (ink_bottom - ink_top)) / 2 - ink_top
    block = laid.block(lines)
    needed = ink_bottom - ink_top + 2 * _MARGIN
    return FittedLayout(font, text, laid.layout, lines, laid.pitch, top, block, needed, cut, rtl)


class TextFits:
    """A view's fitted texts, kept while their text and box stay the same."""

    def __init__(self, size: int = 48) -> None:
        self._size = size
        self._fits: OrderedDict[tuple[object, ...], FittedLayout] = OrderedDict()

    def fit(
        self,
        text: str,
        box: QRectF,
        *,
        max_px: float,
        min_px: float,
        weight: QFont.Weight = QFont.Weight.Normal,
        max_lines: int | None = None,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    ) -> FittedLayout:
        key = (text, box.width(), box.height(), max_px, min_px, weight, max_lines, int(align.value))
        found = self._fits.get(key)
        if found is None:
            found = fit_text(
                text,
                box.width(),
                box.height(),
                max_px=max_px,
                min_px=min_px,
                weight=weight,
                max_lines=max_lines,
                align=align,
            )
            self._fits[key] = found
            if len(self._fits) > self._size:
                self._fits.popitem(last=False)
        else:
            self._fits.move_to_end(key)
        return found

    def draw(
        self,
        painter: QPainter,
        box: QRectF,
        text: str,
        color: QColor,
        *,
        max_px: float,
        min_px: float,
        weight: QFont.Weight = QFont.Weight.Normal,
        max_lines: int | None = None,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
    ) -> FittedLayout:
        fitted = self.fit(
            text,
            box,
            max_px=max_px,
            min_px=min_px,
            weight=weight,
            max_lines=max_lines,
            align=align,
        )
        fitted.draw(painter, box.topLeft(), color)
        return fitted


class FittedText(QWidget):
    def __init__(
        self,
        text: str = "",
        *,
        max_px: float = 48,
        min_px: float = 14,
        weight: QFont.Weight = QFont.Weight.Normal,
        color: QColor = theme.TEXT,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        wrap: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._text = displayable(text)
        self._max_px = max_px
        self._min_px = min_px
        self._weight = weight
        self._color = QColor(color)
        self._align = align
        self._wrap = wrap
        self._fit_key: tuple[object, ...] | None = None
        self._fit: FittedLayout | None = None
        self._opacity = 1.0
        self._pixmap: tuple[tuple[object, ...], QPixmap] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.update()

    def setColor(self, color: QColor) -> None:
        self._color = QColor(color)
        self.update()

    def setMaxPixelSize(self, max_px: float) -> None:
        self.setPixelSizes(max_px, self._min_px)

    def setPixelSizes(self, max_px: float, min_px: float) -> None:
        """The sizes the text may take, largest first (a wall scales them with its height)."""
        if (max_px, min_px) != (self._max_px, self._min_px):
            self._max_px, self._min_px = max_px, min_px
            self._fit_key = None
            self.update()

    def setAlignment(self, align: Qt.AlignmentFlag) -> None:
        if align != self._align:
            self._align = align
            self._fit_key = None
            self._pixmap = None
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(200, int(self._max_px * 1.4))

    def layout_for(self, width: int, height: int) -> FittedLayout:
        """The text laid out in a box of this size (cached while nothing changes)."""
        key = (self._text, width, height, self._max_px, self._min_px)
        if self._fit_key == key and self._fit is not None:
            return self._fit
        self._fit = fit_text(
            self._text,
            width,
            height,
            max_px=self._max_px,
            min_px=self._min_px,
            weight=self._weight,
            max_lines=None if self._wrap else 1,
            align=self._align,
        )
        self._fit_key = key
        return self._fit

    def fitted(self, width: int, height: int) -> tuple[QFont, str]:
        """The largest font that fits the box, and the text as it will be drawn."""
        fitted = self.layout_for(width, height)
        return fitted.font, fitted.text

    def setOpacity(self, opacity: float) -> None:
        """For fades: painted with this opacity (cheaper than a graphics effect)."""
        if opacity != self._opacity:
            self._opacity = opacity
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._text or self._opacity <= 0.0:
            return
        painter = QPainter(self)
        painter.setOpacity(self._opacity)
        painter.drawPixmap(0, 0, self._rendered())
        painter.end()

    def _rendered(self) -> QPixmap:
        """The text laid out and drawn once per change: repaints (a wall's neighbours
        changing, a fade's frames) only blit it, and text drawn at partial opacity would
        be several times slower than a pixmap."""
        ratio = self.devicePixelRatioF()
        key = (
            self._text,
            self.width(),
            self.height(),
            ratio,
            self._max_px,
            self._min_px,
            self._color.rgba(),
        )
        if self._pixmap is not None and self._pixmap[0] == key:
            return self._pixmap[1]
        pixmap = QPixmap(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.layout_for(self.width(), self.height()).draw(painter, QPointF(0, 0), self._color)
        painter.end()
        self._pixmap = (key, pixmap)
        return pixmap
