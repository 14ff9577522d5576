"""Confidence monitors: the walls and the guest panel, small, on the console (as a
broadcast multiview). Each is the real window painted into a small picture, a few times a
second, one window per tick so that no tick costs much; nothing is painted while the
monitors are out of sight. A click asks for that window to be brought to the front.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPaintEvent, QRegion
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QWidget

from blueroom.ui import theme
from blueroom.ui.i18n import translate

# Every window repainted this often, one per tick.
REFRESH_PER_WINDOW_HZ = 2.5
CAPTION_HEIGHT = 20


def window_title(name: str) -> str:
    """A watched window's name, as the monitor's caption says it."""
    match name:
        case "questions_wall":
            return translate("Monitors", "Questions wall")
        case "video_wall":
            return translate("Monitors", "Live video wall")
        case "heatmap_wall":
            return translate("Monitors", "Heat-map wall")
        case "guest_panel":
            return translate("Monitors", "Guest panel")
        case _:
            return name


class WallMonitor(QWidget):
    """One window, small: its latest picture, its name and where it is."""

    clicked = Signal(str)

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.title = title
        self.where = ""
        self.picture: QImage | None = None
        self.closed = False
        self.setMinimumSize(120, 68 + CAPTION_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(translate("Monitors", "Click: bring this window to the front"))

    def picture_size(self) -> QSize:
        """16:9 inside the space left by the caption."""
        room = QSize(self.width(), max(1, self.height() - CAPTION_HEIGHT))
        return QSize(16, 9).scaled(room, Qt.AspectRatioMode.KeepAspectRatio)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(self.name)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        size = self.picture_size()
        frame = QRect(QPoint((self.width() - size.width()) // 2, 0), size)
        painter.fillRect(frame, theme.DEEP)
        if self.picture is not None and not self.closed:
            painter.drawImage(frame, self.picture)
        else:
            painter.setPen(theme.DIM)
            painter.setFont(theme.font(12))
            said = (
                translate("Monitors", "closed — click to reopen")
                if self.closed
                else translate("Monitors", "…")
            )
            painter.drawText(frame, Qt.AlignmentFlag.AlignCenter, said)
        painter.setPen(QColor(theme.LINE))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(QRectF(frame).adjusted(0.5, 0.5, -0.5, -0.5))
        caption = QRect(frame.left(), frame.bottom() + 3, frame.width(), CAPTION_HEIGHT - 3)
        painter.setFont(theme.font(12))
        painter.setPen(theme.MUTED)
        text = f"{self.title}  ·  {self.where}" if self.where else self.title
        painter.drawText(
            caption,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, caption.width()),
        )
        painter.end()


class Monitors(QWidget):
    """The watched windows in a 2×2 grid. ``watch`` them (the composition root does)."""

    present = Signal(str)  # the window to bring to the front (or to reopen)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 4, 0, 0)
        self._grid.setSpacing(8)
        self._windows: dict[str, QWidget] = {}
        self._where: dict[str, Callable[[], str]] = {}
        self.monitors: dict[str, WallMonitor] = {}
        self._next = 0
        self.last_cost = 0.0  # seconds, the last window painted small
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh_next)

    def watch(self, name: str, title: str, window: QWidget, where: Callable[[], str]) -> None:
        monitor = WallMonitor(name, title)
        monitor.clicked.connect(self.present)
        count = len(self.monitors)
        self._grid.addWidget(monitor, count // 2, count % 2)
        self.monitors[name] = monitor
        self._windows[name] = window
        self._where[name] = where
        self._timer.setInterval(round(1000 / (REFRESH_PER_WINDOW_HZ * len(self.monitors))))
        if not self._timer.isActive():
            self._timer.start()

    def refresh_next(self) -> None:
        """Paints the next window small, if the monitors are in sight."""
        if not self.monitors or not self.isVisible():
            return
        names = list(self.monitors)
        name = names[self._next % len(names)]
        self._next += 1
        self.refresh(name)

    def refresh(self, name: str) -> None:
        monitor, window = self.monitors[name], self._windows[name]
        monitor.where = self._where[name]()
        monitor.closed = not window.isVisible()
        if not monitor.closed and window.width() > 0 and window.height() > 0:
            started = time.perf_counter()
            monitor.picture = small_picture(
                window, monitor.picture_size(), self.devicePixelRatioF()
            )
            self.last_cost = time.perf_counter() - started
        monitor.update()

    def stop(self) -> None:
        self._timer.stop()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.monitors:
            return
        painter = QPainter(self)
        painter.setPen(theme.DIM)
        painter.setFont(theme.font(13))
        painter.drawText(
            self.rect().adjusted(8, 8, -8, -8),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            translate("Monitors", "No wall open: each wall and the guest panel show here, small"),
        )
        painter.end()


def small_picture(window: QWidget, size: QSize, ratio: float) -> QImage:
    """The window as it paints now, drawn straight at the monitor's size (a full-size
    grab would fill millions of pixels to keep thousands)."""
    image = QImage(
        max(1, round(size.width() * ratio)),
        max(1, round(size.height() * ratio)),
        QImage.Format.Format_RGB32,
    )
    image.setDevicePixelRatio(ratio)
    image.fill(theme.DEEP)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.scale(size.width() / window.width(), size.height() / window.height())
    window.render(painter, QPoint(0, 0), QRegion(), QWidget.RenderFlag.DrawChildren)
    painter.end()
    return image
