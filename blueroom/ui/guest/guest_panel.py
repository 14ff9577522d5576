"""The guest panel (touch screen): where the guest is in the hour, and the mirror.

Big, calm and impossible to get lost in: the current step, large; the steps of the
hour as a row of dots; a live, mirrored preview of the camera, as in a mirror.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QFont, QPainter, QPainterPath, QPaintEvent, QPen, QTransform
from PySide6.QtWidgets import QWidget

from blueroom.capture.frames import Frame, LatestFrameSlot
from blueroom.core.session import SessionScript, SessionSnapshot
from blueroom.ui import theme
from blueroom.ui.walls.video_wall import frame_to_image


class GuestPanel(QWidget):
    def __init__(
        self,
        session: SessionScript,
        frames: LatestFrameSlot,
        *,
        guest_name: str,
        frame_rate: int = 30,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Blue Room — guest panel")
        self._session = session
        self._frames = frames
        self._guest_name = guest_name
        self._snapshot: SessionSnapshot = session.latest()
        self._frame: Frame | None = None
        self.setMinimumSize(480, 300)
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, int(1000 / frame_rate)))
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        self._snapshot = self._session.latest()
        frame = self._frames.latest()
        if frame is not None:
            self._frame = frame
        self.update()

    @property
    def current_step(self) -> int:
        return self._snapshot.current

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        w, h = self.width(), self.height()
        theme.paint_backdrop(painter, w, h)
        snapshot = self._snapshot
        step = snapshot.step
        m = h * 0.06
        left_w = w * 0.55
        painter.setPen(theme.ACCENT_SOFT)
        painter.setFont(theme.font(h * 0.03, QFont.Weight.Bold))
        painter.drawText(
            QRectF(m, m, left_w, h * 0.05),
            Qt.AlignmentFlag.AlignLeft,
            f"STEP {snapshot.current + 1} OF {len(snapshot.steps)}",
        )
        painter.setPen(theme.TEXT)
        painter.setFont(theme.font(h * 0.075, QFont.Weight.Black))
        title_box = QRectF(m, m + h * 0.07, left_w - m, h * 0.26)
        painter.drawText(
            title_box, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, step.title
        )
        painter.setPen(theme.MUTED)
        painter.setFont(theme.font(h * 0.036, QFont.Weight.Medium))
        painter.drawText(
            QRectF(m, m + h * 0.35, left_w - m, h * 0.3),
            Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
            step.guidance,
        )
        self._paint_progress(painter, QRectF(m, h * 0.78, left_w - m, h * 0.14))
        self._paint_mirror(painter, QRectF(left_w + m * 0.5, m, w - left_w - m * 1.5, h - 2 * m))
        painter.end()

    def _paint_progress(self, painter: QPainter, area: QRectF) -> None:
        steps = self._snapshot.steps
        h = self.height()
        spacing = area.width() / max(1, len(steps))
        radius = h * 0.014
        y = area.top() + radius * 2
        for index, step in enumerate(steps):
            x = area.left() + spacing * index + radius
            if index < len(steps) - 1:
                painter.setPen(QPen(theme.LINE, h * 0.004))
                painter.drawLine(int(x + radius * 2), int(y), int(x + spacing - radius * 2), int(y))
            current = index == self._snapshot.current
            done = index < self._snapshot.current
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.ACCENT if current else theme.GREEN if done else theme.PANEL_HI)
            r = radius * (1.6 if current else 1.0)
            painter.drawEllipse(QRectF(x - r, y - r, 2 * r, 2 * r))
            painter.setPen(theme.TEXT if current else theme.DIM)
            painter.setFont(theme.font(h * 0.02, QFont.Weight.DemiBold))
            painter.drawText(
                QRectF(x - spacing / 2 + radius, y + radius * 2.2, spacing - 4, h * 0.06),
                Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
                step.title.split(",")[0],
            )

    def _paint_mirror(self, painter: QPainter, box: QRectF) -> None:
        h = self.height()
        path = QPainterPath()
        path.addRoundedRect(box, h * 0.03, h * 0.03)
        painter.setPen(QPen(theme.LINE, 2))
        painter.setBrush(theme.PANEL)
        painter.drawPath(path)
        frame = self._frame
        if frame is None:
            painter.setPen(theme.MUTED)
            painter.setFont(theme.font(h * 0.03, QFont.Weight.Medium))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "The mirror wakes up…")
            return
        image = frame_to_image(frame.image)
        painter.save()
        painter.setClipPath(path)
        scale = max(box.width() / image.width(), box.height() / image.height())
        draw_w, draw_h = image.width() * scale, image.height() * scale
        # A mirror: flip horizontally around the box's centre.
        centre_x = box.center().x()
        painter.setTransform(
            QTransform().translate(centre_x, 0).scale(-1, 1).translate(-centre_x, 0)
        )
        painter.drawImage(
            QRectF(centre_x - draw_w / 2, box.center().y() - draw_h / 2, draw_w, draw_h), image
        )
        painter.restore()
        painter.setPen(theme.TEXT)
        painter.setFont(theme.font(h * 0.028, QFont.Weight.Bold))
        painter.drawText(
            box.adjusted(h * 0.03, 0, 0, -h * 0.03),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            "THE MIRROR",
        )
