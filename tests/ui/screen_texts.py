"""What a window shows in words, and what is wrong with it: a text left in English on a
French screen, a text cut by its widget.

:func:`shown_texts` walks a window's visible widgets (labels, buttons, tab bars, group
boxes, line edits' placeholders, header sections, combo boxes, menus, the window's title
and tooltips); :func:`untranslated` finds the English sources of blueroom_fr.ts whose
French differs among them; :func:`cut_texts` finds texts wider or taller than their
widget, elided tabs and header sections, and texts our code elided without a tooltip
giving them whole.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6 import QtGui
from PySide6.QtCore import QPoint, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFontMetrics,
    QFontMetricsF,
    QPaintDevice,
    QPaintEngine,
    QPaintEngineState,
    QPixmap,
    QTextDocument,
    QTextItem,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPushButton,
    QStyle,
    QStyleOptionButton,
    QTabBar,
    QToolButton,
    QWidget,
)

from blueroom.ui.widgets.text import FittedText

ELLIPSIS = "…"
SLACK = 1  # pixels: a measure rounded the other way


@dataclass(frozen=True, slots=True)
class Shown:
    widget: QWidget
    kind: str  # "label", "button", "tab", "title", "placeholder", "header", ...
    text: str
    where: str  # the widget's class and object name, for the message

    def __str__(self) -> str:
        return f"{self.where} {self.kind} {self.text!r}"


def _where(widget: QWidget) -> str:
    name = widget.objectName()
    parent = widget.parentWidget()
    owner = ""
    while parent is not None and not owner:
        owner = (type(parent).__module__.startswith("blueroom") and type(parent).__name__) or ""
        parent = parent.parentWidget()
    return f"{owner + '/' if owner else ''}{type(widget).__name__}{'#' + name if name else ''}"


def _plain(label: QLabel) -> str:
    text = label.text()
    if label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
    ):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def _showing(widget: QWidget, window: QWidget) -> bool:
    return widget is window or widget.isVisibleTo(window)


def shown_texts(window: QWidget) -> Iterator[Shown]:
    """Every text a person reads on ``window`` as it is now (hidden widgets left out)."""
    if window.windowTitle():
        yield Shown(window, "window title", window.windowTitle(), _where(window))
    for widget in [window, *window.findChildren(QWidget)]:
        if not _showing(widget, window):
            continue
        where = _where(widget)
        if widget.toolTip():
            yield Shown(widget, "tooltip", widget.toolTip(), where)
        if isinstance(widget, QLabel) and widget.text():
            yield Shown(widget, "label", _plain(widget), where)
        elif isinstance(widget, QAbstractButton) and widget.text():
            yield Shown(
                widget,
                "button",
                widget.text().replace("&&", "\0").replace("&", "").replace("\0", "&"),
                where,
            )
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabVisible(index):
                    yield Shown(widget, f"tab {index}", widget.tabText(index), where)
        elif isinstance(widget, QGroupBox) and widget.title():
            yield Shown(widget, "title", widget.title(), where)
        elif isinstance(widget, QLineEdit) and widget.placeholderText() and not widget.text():
            yield Shown(widget, "placeholder", widget.placeholderText(), where)
        elif isinstance(widget, QHeaderView):
            yield from _header_texts(widget, where)
        elif isinstance(widget, QComboBox):
            for index in range(widget.count()):
                yield Shown(widget, f"item {index}", widget.itemText(index), where)
        elif isinstance(widget, QMenuBar | QMenu):
            yield from _menu_texts(widget, where)
        elif isinstance(widget, FittedText) and widget.text():
            yield Shown(widget, "fitted", widget.text(), where)  # fits by design: cut, ellipsis


def _header_texts(header: QHeaderView, where: str) -> Iterator[Shown]:
    model = header.model()
    if model is None:
        return
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        text = model.headerData(section, header.orientation(), Qt.ItemDataRole.DisplayRole)
        if isinstance(text, str) and text:
            yield Shown(header, f"section {section}", text, where)


def _menu_texts(menu: QWidget, where: str) -> Iterator[Shown]:
    for action in menu.actions():
        if action.isVisible() and action.text():
            yield Shown(menu, "menu", action.text().replace("&", ""), where)
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            yield from _menu_texts(submenu, where)


# -- untranslated ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EnglishSources:
    """The English texts of blueroom_fr.ts that French says otherwise: seen whole on a
    French screen, a text was not translated."""

    exact: frozenset[str]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (source, its shape with any values)
    french: tuple[re.Pattern[str], ...]  # every translation's shape: French, not English
    written: tuple[re.Pattern[str], ...]  # every source's shape and every translation's

    def known(self, text: str) -> bool:
        """Whether ``text`` is a message whole, in either language (not cut short)."""
        return any(shape.fullmatch(text) for shape in self.written)

    def match(self, text: str) -> str | None:
        """The source ``text`` (or a line, or a part between " · ") is, if any."""
        for part in _parts(text):
            source = self._source(part)
            if source is not None and not any(f.fullmatch(part) for f in self.french):
                return source
        return None

    def _source(self, part: str) -> str | None:
        if part in self.exact:
            return part
        for source, pattern in self.patterns:
            if pattern.fullmatch(part):
                return source
        return None


_FIELD = re.compile(r"\{\w*\}|%n")
_WORD = re.compile(r"[^\W\d_]{2,}")


def _parts(text: str) -> Iterator[str]:
    yield text.strip()
    for line in text.splitlines():
        if line.strip() != text.strip():
            yield line.strip()
        for part in re.split(r"\s+·\s+", line):
            if part.strip() != line.strip():
                yield part.strip()


def _shape(source: str) -> re.Pattern[str]:
    """``source`` with any value in its fields, and English plurals resolved either way."""
    pieces = []
    position = 0
    for field in _FIELD.finditer(source):
        pieces.append(_literal(source[position : field.start()]))
        pieces.append(r"[\d\u202f\u00a0,.]+" if field.group() == "%n" else r".+?")
        position = field.end()
    pieces.append(_literal(source[position:]))
    return re.compile("".join(pieces), re.DOTALL)


def _literal(text: str) -> str:
    escaped = re.escape(text)
    escaped = escaped.replace(re.escape("y(ies)"), "(?:y|ies)")
    return escaped.replace(re.escape("(s)"), "s?")


def english_sources(ts: Path, code: Iterable[str] = ()) -> EnglishSources:
    """The sources of ``ts`` that French says otherwise; every source of ``ts`` and of
    ``code`` (the texts the code asks for, which ``ts`` may not hold yet) is known."""
    exact: set[str] = set()
    patterns: list[tuple[str, re.Pattern[str]]] = []
    french: list[re.Pattern[str]] = []
    written: list[re.Pattern[str]] = []
    translated: dict[str, list[str]] = {source: [] for source in code}  # none yet: English
    for message in ET.parse(ts).getroot().iter("message"):
        source = message.findtext("source", "")
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("vanished", "obsolete"):
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        translated[source] = translated.get(source, []) + forms
    for source, forms in translated.items():
        shapes = [_shape(form) for form in forms if form]
        french += shapes
        written += [_shape(source), *shapes]
        if source in forms:
            continue  # French says it the same way ("Paris", "Live", "OK")
        if not _FIELD.search(source):
            exact.add(source)
        elif len(_WORD.findall(_FIELD.sub(" ", source))) >= 2:
            patterns.append((source, _shape(source)))
        # else: a word or none around values ("{who}: {reason}", "{amount} of {budget}")
        # would match a post's text: left to the translation files' own checks
    return EnglishSources(frozenset(exact), tuple(patterns), tuple(french), tuple(written))


def untranslated(texts: Iterable[Shown], sources: EnglishSources) -> list[str]:
    found = []
    for shown in texts:
        source = sources.match(shown.text)
        if source is not None:
            found.append(f"{shown} is English ({source!r})")
    return found


# -- cut ---------------------------------------------------------------------------------


def cut_texts(texts: Iterable[Shown], messages: EnglishSources) -> list[str]:
    found = []
    for shown in texts:
        problem = _cut(shown)
        if (
            not problem
            and shown.kind == "label"
            and shown.text.endswith(ELLIPSIS)
            and not shown.widget.toolTip()
            and not messages.known(shown.text)
        ):
            problem = "elided, and no tooltip gives it whole"
        if problem:
            found.append(f"{shown}: {problem}")
    return found


def _cut(shown: Shown) -> str:
    widget = shown.widget
    if shown.kind == "label":
        assert isinstance(widget, QLabel)
        return _label_cut(widget, shown.text)
    if shown.kind == "button":
        assert isinstance(widget, QAbstractButton)
        return _button_cut(widget)
    if shown.kind.startswith("tab "):
        assert isinstance(widget, QTabBar)
        index = int(shown.kind.split()[1])
        needed, given = widget.tabSizeHint(index).width(), widget.tabRect(index).width()
        if given + SLACK < needed and widget.elideMode() != Qt.TextElideMode.ElideNone:
            return f"elided: {given} px of {needed}"
        return ""
    if shown.kind == "title":
        assert isinstance(widget, QGroupBox)
        needed = QFontMetrics(widget.font()).horizontalAdvance(shown.text)
        return f"{needed} px wide in {widget.width()}" if needed > widget.width() else ""
    if shown.kind == "placeholder":
        assert isinstance(widget, QLineEdit)
        room = (
            widget.contentsRect().width()
            - widget.textMargins().left()
            - widget.textMargins().right()
            - 4
        )
        needed = QFontMetrics(widget.font()).horizontalAdvance(shown.text)
        return f"{needed} px wide in {room}" if needed > room + SLACK else ""
    if shown.kind.startswith("section "):
        assert isinstance(widget, QHeaderView)
        section = int(shown.kind.split()[1])
        needed = widget.sectionSizeFromContents(section)
        size = widget.sectionSize(section)
        along = (
            needed.width() if widget.orientation() == Qt.Orientation.Horizontal else needed.height()
        )
        return f"{size} px of {along}" if size + SLACK < along else ""
    if shown.kind.startswith("item ") and isinstance(widget, QComboBox):
        if int(shown.kind.split()[1]) != widget.currentIndex():
            return ""  # the list opens as wide as its longest item
        text = QFontMetrics(widget.font()).horizontalAdvance(shown.text)
        hint = widget.sizeHint().width()
        if widget.width() + SLACK < hint and text + 40 > widget.width():
            return f"{widget.width()} px of {hint}"
        return ""
    return ""


def _label_cut(label: QLabel, text: str) -> str:
    if label.pixmap() is not None and not label.pixmap().isNull():
        return ""
    room = label.contentsRect().adjusted(
        label.margin(), label.margin(), -label.margin(), -label.margin()
    )
    if label.indent() > 0:
        room.adjust(label.indent(), 0, 0, 0)
    metrics = QFontMetrics(label.font())
    if label.wordWrap():
        needed = label.heightForWidth(label.width())
        return f"{needed} px tall in {label.height()}" if needed > label.height() + SLACK else ""
    lines = text.split("\n")
    wide = max(metrics.horizontalAdvance(line) for line in lines)
    tall = metrics.height() + (len(lines) - 1) * metrics.lineSpacing()
    if wide > room.width() + SLACK:
        return f"{wide} px wide in {room.width()}"
    if tall > room.height() + SLACK and room.height() > 0:
        return f"{tall} px tall in {room.height()}"
    return ""


def _mnemonic_free(text: str) -> str:
    """A button's text as drawn: "&&" is one ampersand, a lone "&" marks a shortcut."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _button_cut(button: QAbstractButton) -> str:
    if isinstance(button, QPushButton):
        option = QStyleOptionButton()
        button.initStyleOption(option)
        contents = button.style().subElementRect(
            QStyle.SubElement.SE_PushButtonContents, option, button
        )
        metrics = QFontMetrics(button.font())
        lines = _mnemonic_free(button.text()).split("\n")
        wide = max(metrics.horizontalAdvance(line) for line in lines)
        if not button.icon().isNull():
            wide += button.iconSize().width() + 4
        if wide > contents.width() + SLACK:
            return f"{wide} px wide in {contents.width()}"
        return ""
    metrics = QFontMetrics(button.font())
    wide = max(metrics.horizontalAdvance(line) for line in button.text().split("\n"))
    beside = not isinstance(button, QToolButton) or (
        button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    )
    if beside and not button.icon().isNull():
        wide += button.iconSize().width() + 4
    if not isinstance(button, QToolButton):  # a check box's or a radio button's mark
        wide += button.sizeHint().width() - metrics.horizontalAdvance(button.text())
    return f"{wide} px wide in {button.width()}" if wide > button.width() + SLACK else ""


# -- painted -----------------------------------------------------------------------------


class _TextRecorder(QPaintEngine):
    """A paint engine that draws nothing and keeps every text item: what, and where on
    the device (through the painter's transform), with the clip it was drawn under."""

    def __init__(self) -> None:
        super().__init__(QPaintEngine.PaintEngineFeature.AllFeatures)
        self.items: list[tuple[str, QRectF, QRectF | None]] = []
        self._transform = QTransform()
        self._clip: QRectF | None = None

    def begin(self, device: QPaintDevice) -> bool:
        return True

    def end(self) -> bool:
        return True

    def type(self) -> QPaintEngine.Type:
        return QPaintEngine.Type.User

    def updateState(self, state: QPaintEngineState) -> None:
        flags = state.state()
        if flags & QPaintEngine.DirtyFlag.DirtyTransform:
            self._transform = QTransform(state.transform())  # a copy: the state is reused
        if flags & (
            QPaintEngine.DirtyFlag.DirtyClipRegion
            | QPaintEngine.DirtyFlag.DirtyClipPath
            | QPaintEngine.DirtyFlag.DirtyClipEnabled
        ):
            if not state.isClipEnabled() or state.clipOperation() == Qt.ClipOperation.NoClip:
                self._clip = None
            else:
                path = state.clipPath() if flags & QPaintEngine.DirtyFlag.DirtyClipPath else None
                box = (
                    path.boundingRect()
                    if path is not None
                    else QRectF(state.clipRegion().boundingRect())
                )
                self._clip = self._transform.mapRect(box) if box.isValid() else self._clip

    def drawTextItem(self, p: QPointF, item: QTextItem) -> None:
        font = item.font()
        metrics = QFontMetricsF(font)
        box = QRectF(p.x(), p.y() - metrics.ascent(), item.width(), metrics.height())
        self.items.append((item.text(), self._transform.mapRect(box), self._clip))

    # everything else is drawn nowhere
    def drawPixmap(self, r: QRectF, pm: QPixmap, sr: QRectF) -> None:
        pass

    def drawImage(self, *args: object) -> None:
        pass

    def drawTiledPixmap(self, *args: object) -> None:
        pass

    def drawPolygon(self, *args: object) -> None:
        pass

    def drawRects(self, *args: object) -> None:
        pass

    def drawPath(self, *args: object) -> None:
        pass

    def drawLines(self, *args: object) -> None:
        pass

    def drawEllipse(self, *args: object) -> None:
        pass

    def drawPoints(self, *args: object) -> None:
        pass


class _Recording(QPaintDevice):
    def __init__(self, width: int, height: int) -> None:
        super().__init__()
        self.engine = _TextRecorder()
        self._size = (width, height)

    def paintEngine(self) -> QPaintEngine:
        return self.engine

    def metric(self, metric: QPaintDevice.PaintDeviceMetric) -> int:
        m = QPaintDevice.PaintDeviceMetric
        values = {
            m.PdmWidth: self._size[0],
            m.PdmHeight: self._size[1],
            m.PdmWidthMM: round(self._size[0] * 25.4 / 96),
            m.PdmHeightMM: round(self._size[1] * 25.4 / 96),
            m.PdmDpiX: 96,
            m.PdmDpiY: 96,
            m.PdmPhysicalDpiX: 96,
            m.PdmPhysicalDpiY: 96,
            m.PdmDepth: 32,
            m.PdmNumColors: 0xFFFFFF,
            m.PdmDevicePixelRatio: 1,
            m.PdmDevicePixelRatioScaled: round(QPaintDevice.devicePixelRatioFScale()),
        }
        return values.get(metric, 0)


@dataclass(frozen=True, slots=True)
class PaintedText:
    text: str
    box: QRectF  # on the window
    clip: QRectF | None


def painted_texts(window: QWidget) -> list[PaintedText]:
    """The texts ``window`` and its children paint (not those inside a cached picture)."""
    device = _Recording(window.width(), window.height())
    window.render(device)
    return [PaintedText(text, box, clip) for text, box, clip in device.engine.items]


def painted_problems(
    window: QWidget, texts: Iterable[PaintedText], sources: EnglishSources | None
) -> list[str]:
    """Painted texts past the window's edge or their clip, and (with ``sources``) English
    on a French screen."""
    found = []
    bounds = QRectF(window.rect())
    # A tab bar too narrow for its tabs scrolls them (its arrows reach each one): a tab
    # at its edge is partly hidden, not cut; an elided tab is (``cut_texts``).
    scrolling = [
        QRectF(bar.mapTo(window, QPoint(0, 0)), QSizeF(bar.size()))
        for bar in window.findChildren(QTabBar)
        if _showing(bar, window)
    ]
    for painted in texts:
        shown = f"painted {painted.text!r}"
        if sources is not None and (source := sources.match(painted.text)) is not None:
            found.append(f"{shown} is English ({source!r})")
        clip = painted.clip
        if clip is not None and any(bar.adjusted(-1, -1, 1, 1).contains(clip) for bar in scrolling):
            continue  # a tab, clipped to its bar
        inside = bounds if painted.clip is None else bounds.intersected(painted.clip)
        box = painted.box
        over = max(inside.left() - box.left(), box.right() - inside.right())
        if over > 2 and painted.text.strip():
            found.append(
                f"{shown} cut: {over:.0f} px past its {'clip' if painted.clip else 'window'}"
            )
    return found
