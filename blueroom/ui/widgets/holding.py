"""The holding slate: what every wall and the guest panel show while the operator holds
them (the panic key), laid over the window whatever it was showing, until released.

``HoldingSlates`` follows the session's ``held`` (journalled, so a restart keeps it) a
few times a second and shows or hides one slate per window, at once.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QFont, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from blueroom.core.readers import SessionReader
from blueroom.ui import theme
from blueroom.ui.i18n import translate

CHECKS_PER_SECOND = 10


class HoldingSlate(QWidget):
    """A calm full-window slate: the event's hashtag and "we'll be right back"."""

    def __init__(self, window: QWidget, hashtag: str) -> None:
        super().__init__(window)
        self._window = window
        self.setObjectName("holdingSlate")
        self._hashtag = hashtag
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.hide()
        window.installEventFilter(self)
        self.setGeometry(window.rect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False

    def hold(self, held: bool) -> None:
        if held and not self.isVisible():
            self.setGeometry(self._window.rect())
            self.show()
            self.raise_()
        elif held:
            siblings = self._window.children()
            if siblings and siblings[-1] is not self:
                self.raise_()  # a panel the window opened since stays under the slate
        elif self.isVisible():
            self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        paint_holding(painter, self.width(), self.height(), self._hashtag)
        painter.end()


def paint_holding(painter: QPainter, width: int, height: int, hashtag: str) -> None:
    """The holding slate at ``width``×``height``: the windows' and the programme's."""
    theme.paint_backdrop(painter, width, height)
    unit = max(8.0, min(width / 16, height / 9) / 6)  # 1920×1080: 20 px
    painter.setPen(theme.TEXT)
    painter.setFont(theme.font(unit * 3.2, QFont.Weight.Bold))
    middle = QRect(0, round(height * 0.30), width, round(unit * 5))
    painter.drawText(
        middle,
        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
        translate("HoldingSlate", "We'll be right back"),
    )
    painter.setPen(theme.ACCENT_SOFT)
    painter.setFont(theme.font(unit * 2, QFont.Weight.DemiBold))
    below = QRect(0, middle.bottom() + round(unit), width, round(unit * 3))
    painter.drawText(below, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter, hashtag)


class HoldingSlates(QObject):
    """One slate per window, shown while the session says the walls are held."""

    def __init__(self, session: SessionReader, windows: Iterable[QWidget], hashtag: str) -> None:
        super().__init__()
        self._session = session
        self.slates = [HoldingSlate(window, hashtag) for window in windows]
        self._timer = QTimer(self)
        self._timer.setInterval(1000 // CHECKS_PER_SECOND)
        self._timer.timeout.connect(self.check)
        self._timer.start()
        self.check()

    @property
    def held(self) -> bool:
        return self._session.latest().held

    def check(self) -> None:
        held = self.held
        for slate in self.slates:
            slate.hold(held)

    def stop(self) -> None:
        self._timer.stop()
