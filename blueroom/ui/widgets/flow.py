"""A row of buttons that wraps onto more lines when its panel is narrow.

Each line is filled edge to edge (its items share the spare width), so that a wide
console keeps its even row of buttons and a laptop's narrower one gets two tidy lines
instead of buttons pushed off the window.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget, QWidgetItem


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # -- QLayout's protocol -------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addWidget(self, widget: QWidget) -> None:
        self.addChildWidget(widget)
        self.addItem(QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._lay_out(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._lay_out(rect, place=True)

    def sizeHint(self) -> QSize:
        """One line of every item."""
        visible = self._visible()
        width = sum(i.sizeHint().width() for i in visible) + self._spacing * max(
            len(visible) - 1, 0
        )
        height = max((i.sizeHint().height() for i in visible), default=0)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        """The widest item: everything else can wrap."""
        visible = self._visible()
        width = max((i.minimumSize().width() for i in visible), default=0)
        height = max((i.minimumSize().height() for i in visible), default=0)
        margins = self.contentsMargins()
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    # -- lines ----------------------------------------------------------------------------
    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def lines(self, width: int) -> list[list[QLayoutItem]]:
        """The items in as few lines as fit this width, as evenly shared as they go (six
        buttons wrap three and three, not five and one)."""
        items = self._visible()
        widths = [item.sizeHint().width() for item in items]
        for count in range(1, len(items) + 1):
            lines = _shared(items, count)
            start = 0
            fits = True
            for line in lines:
                used = sum(widths[start : start + len(line)]) + self._spacing * (len(line) - 1)
                start += len(line)
                fits = fits and (used <= width or len(line) == 1)
            if fits:
                return lines
        return [[item] for item in items]

    def _lay_out(self, rect: QRect, *, place: bool) -> int:
        margins = self.contentsMargins()
        inner = rect.marginsRemoved(margins)
        y = inner.y()
        lines = self.lines(inner.width())
        for number, line in enumerate(lines):
            height = max(item.sizeHint().height() for item in line)
            if place:
                wanted = [item.sizeHint().width() for item in line]
                spare = inner.width() - sum(wanted) - self._spacing * (len(line) - 1)
                x = inner.x()
                for index, item in enumerate(line):
                    share = spare // len(line) + (1 if index < spare % len(line) else 0)
                    width = max(wanted[index] + share, item.minimumSize().width())
                    width = min(width, inner.right() + 1 - x)
                    item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
                    x += width + self._spacing
            y += height + (self._spacing if number < len(lines) - 1 else 0)
        return y - rect.y() + margins.bottom()


def _shared(items: list[QLayoutItem], count: int) -> list[list[QLayoutItem]]:
    """The items in ``count`` lines, in order, the first lines one longer when uneven."""
    size, extra = divmod(len(items), count)
    lines, start = [], 0
    for number in range(count):
        length = size + (1 if number < extra else 0)
        if length:
            lines.append(items[start : start + length])
        start += length
    return lines
