"""The console's feed rows (source, camera, journal, bus queues), painted as one widget.

Their texts change every second. As labels in a grid, each change laid the whole
console out again (~1 ms) and repainted what moved, on the GUI thread, once a second.
Painted here, a new text repaints its own row, and the console is laid out again only
when the panel needs a different height (a state wrapping onto one more line). Each
text is laid out once, when it changes (a plain-text ``QStaticText``), not at every paint.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QStaticText,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from blueroom.ui import theme

ROW_GAP = 6
COLUMN_GAP = 12
MAX_LINES = 3  # a longer state is cut (the activity log has it whole)


@dataclass(slots=True)
class _Row:
    text: str
    alert: bool
    wrap: bool
    top: float = 0.0
    height: float = 0.0
    name: QStaticText | None = None
    value: QStaticText | None = None  # laid out at ``laid_width``
    laid_width: float = -1.0


def _static(text: str, font: QFont, width: float | None = None) -> QStaticText:
    static = QStaticText(text)
    static.setTextFormat(Qt.TextFormat.PlainText)  # text from outside: never markup
    if width is not None:
        static.setTextWidth(width)
    static.prepare(QTransform(), font)
    return static


class HealthPanel(QWidget):
    """Rows of name → state; a state can be raised as an alert (drawn in red)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: dict[str, _Row] = {}
        self._name_font = theme.font(14, QFont.Weight.DemiBold)
        self._value_font = theme.font(14, QFont.Weight.Normal)
        self._name_width = 0.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(0)

    def text(self, key: str) -> str:
        return self._rows[key].text

    def has_row(self, key: str) -> bool:
        return key in self._rows

    def is_alert(self, key: str) -> bool:
        return self._rows[key].alert

    def row_top(self, key: str) -> int:
        return round(self._rows[key].top)

    def set_row(self, key: str, text: str, *, alert: bool = False, wrap: bool = True) -> None:
        """A row's new state; only that row repaints unless the panel's height changes."""
        row = self._rows.get(key)
        if row is not None and row.text == text and row.alert == alert:
            return
        if row is None:
            self._rows[key] = _Row(text, alert, wrap, name=_static(key, self._name_font))
            self._name_width = max(  # a wider name moves the values: _arrange lays them out
                QFontMetricsF(self._name_font).horizontalAdvance(name) for name in self._rows
            )
        else:
            if row.text != text:
                row.value = None
            row.text, row.alert = text, alert
        if not self._arrange() and row is not None:
            self.update(QRectF(0, row.top, self.width(), row.height).toAlignedRect())

    def remove_row(self, key: str) -> None:
        """A row that has nothing more to say (its state is told by another row now)."""
        if self._rows.pop(key, None) is not None:
            self._name_width = max(
                (QFontMetricsF(self._name_font).horizontalAdvance(name) for name in self._rows),
                default=0.0,
            )
            self._arrange()
            self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange()
        super().resizeEvent(event)

    def _value_box(self, top: float, height: float) -> QRectF:
        left = self._name_width + COLUMN_GAP
        return QRectF(left, top, max(1.0, self.width() - left), height)

    def _arrange(self) -> bool:
        """Place the rows at the current width; True if the panel's height changed."""
        metrics = QFontMetricsF(self._value_font)
        line = metrics.height()
        width = self._value_box(0, line).width()
        top = 0.0
        for row in self._rows.values():
            if row.value is None or row.laid_width != width:
                row.laid_width = width
                if row.wrap:
                    row.value = _static(row.text, self._value_font, width)
                else:
                    elided = metrics.elidedText(row.text, Qt.TextElideMode.ElideRight, width)
                    row.value = _static(elided, self._value_font)
            lines = max(1, min(MAX_LINES, round(row.value.size().height() / line)))
            if row.top != top or row.height != lines * line:
                self.update()  # rows below moved
            row.top, row.height = top, lines * line
            top += row.height + ROW_GAP
        height = max(0, round(top - ROW_GAP))
        if height == self.height():
            return False
        self.setFixedHeight(height)
        self.update()
        return True

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        dirty = QRectF(event.rect())
        for row in self._rows.values():
            if row.top > dirty.bottom() or row.top + row.height < dirty.top():
                continue
            if row.name is not None:
                painter.setFont(self._name_font)
                painter.setPen(theme.MUTED)
                painter.drawStaticText(QPointF(0, row.top), row.name)
            if row.value is not None:
                painter.setFont(self._value_font)
                painter.setPen(theme.LIVE if row.alert else theme.TEXT)
                box = self._value_box(row.top, row.height)
                painter.save()
                painter.setClipRect(box)  # a long state is cut after MAX_LINES
                painter.drawStaticText(box.topLeft(), row.value)
                painter.restore()
        painter.end()
