"""The live video wall: the camera preview with broadcast overlays.

LIVE badge, clock, the hashtag, and the question on air as a lower third. Frames come
from the camera's latest-frame slot (never a queue) and are wrapped, not copied.
"""

from __future__ import annotations

import math
import time

import numpy as np
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QWidget

from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.core.events import CameraState
from blueroom.core.readers import BoardReader, MetricsReader
from blueroom.ui import theme, words
from blueroom.ui.clock import Clock, SystemClock, clock_text
from blueroom.ui.i18n import translate
from blueroom.ui.pacing import FrameTimer
from blueroom.ui.widgets.prepared_frames import PreparedFrames, bgr_image
from blueroom.ui.widgets.text import clip, single_line

REPAINT_SECONDS = 0.1  # the LIVE dot pulses and the clock ticks between frames


class VideoWall(QWidget):
    def __init__(
        self,
        frames: LatestFrameSlot,
        board: BoardReader,
        metrics: MetricsReader,
        *,
        hashtag: str,
        guest_name: str,
        frame_rate: int = 60,
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock or SystemClock()
        self.setWindowTitle(translate("VideoWall", "Blue Room — live video wall"))
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._frames = frames
        self._board = board
        self._metrics = metrics
        self._hashtag = hashtag
        self._guest_name = guest_name
        self.prepared = PreparedFrames(frames)
        self._shown_seq = 0
        self._prepared: np.ndarray | None = None  # the frame at the widget's size
        self._image: QImage | None = None
        self._painted_at = 0.0
        self._bands: dict[str, tuple[tuple[object, ...], QPixmap]] = {}
        self.painted_frames = 0
        self.setMinimumSize(480, 270)
        self._frames_timer = FrameTimer(self, frame_rate, self._tick)

    def _tick(self) -> None:
        ratio = self.devicePixelRatioF()
        size = (round(self.width() * ratio), round(self.height() * ratio))
        self.prepared.set_size(*size)
        latest = self.prepared.latest()
        fresh = latest is not None and latest[0] != self._shown_seq and latest[1] == size
        if fresh and latest is not None:
            self._shown_seq = latest[0]
            self._prepared = latest[2]
            self._image = bgr_image(self._prepared, ratio)
        if fresh or time.monotonic() - self._painted_at >= REPAINT_SECONDS:
            self.update()

    @property
    def frame_seq(self) -> int:
        return self._shown_seq

    def paintEvent(self, event: QPaintEvent) -> None:
        self._painted_at = time.monotonic()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        if self._image is not None:
            painter.drawImage(0, 0, self._image)
            self.painted_frames += 1
        else:
            painter.fillRect(0, 0, w, h, theme.NIGHT)
        metrics = self._metrics.latest()
        live = metrics.camera is CameraState.LIVE and self._image is not None
        if not live:
            self._paint_no_signal(painter, metrics.camera, metrics.camera_detail)
        # The overlays change once a second at most: drawn into two cached bands, and
        # only the LIVE dot's pulse is painted every frame.
        on_air = self._board.latest().on_air
        top_key = (w, h, live, clock_text(self._clock), self._hashtag)
        bottom_key = (w, h, on_air.tweet_id if on_air else None, on_air.text if on_air else "")
        painter.drawPixmap(0, 0, self._band("top", top_key, 0.0, h * 0.16, live))
        bottom_top = h * 0.7
        painter.drawPixmap(
            0, round(bottom_top), self._band("bottom", bottom_key, bottom_top, h, live)
        )
        self._paint_pulse(painter, live)
        painter.end()

    def _band(
        self, name: str, key: tuple[object, ...], top: float, bottom: float, live: bool
    ) -> QPixmap:
        cached = self._bands.get(name)
        if cached is not None and cached[0] == key:
            return cached[1]
        ratio = self.devicePixelRatioF()
        band = QPixmap(round(self.width() * ratio), max(1, round((bottom - round(top)) * ratio)))
        band.setDevicePixelRatio(ratio)
        band.fill(Qt.GlobalColor.transparent)
        painter = QPainter(band)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(0, -round(top))
        if name == "top":
            self._paint_badge(painter, live)
            self._paint_clock(painter)
        else:
            self._paint_lower_third(painter)
        painter.end()
        self._bands[name] = (key, band)
        return band

    def _dot_rect(self) -> QRectF:
        h = self.height()
        m = h * 0.045
        dot = h * 0.014
        return QRectF(m + h * 0.022, m + h * 0.03 - dot / 2, dot, dot)

    def _paint_pulse(self, painter: QPainter, live: bool) -> None:
        pulse = 0.55 + 0.45 * math.sin(self._clock.monotonic() * 4.0) if live else 0.5
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.with_alpha(QColor("#FFFFFF"), pulse))
        painter.drawEllipse(self._dot_rect())

    def _paint_no_signal(self, painter: QPainter, state: CameraState | None, detail: str) -> None:
        w, h = self.width(), self.height()
        painter.fillRect(0, 0, w, h, theme.with_alpha(theme.NIGHT, 0.72))
        title = _no_picture(state)
        painter.setPen(theme.TEXT)
        painter.setFont(theme.font(h * 0.05, QFont.Weight.Bold))
        painter.drawText(QRectF(0, h * 0.38, w, h * 0.1), Qt.AlignmentFlag.AlignCenter, title)
        if detail:
            painter.setPen(theme.MUTED)
            painter.setFont(theme.font(h * 0.025, QFont.Weight.Medium))
            painter.drawText(
                QRectF(w * 0.1, h * 0.5, w * 0.8, h * 0.08),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                single_line(words.camera_detail(detail)),
            )

    def _paint_badge(self, painter: QPainter, live: bool) -> None:
        h = self.height()
        m = h * 0.045
        label = translate("VideoWall", "LIVE") if live else translate("VideoWall", "OFF AIR")
        painter.setFont(theme.font(h * 0.032, QFont.Weight.Black))
        text_w = painter.fontMetrics().horizontalAdvance(label)
        pill = QRectF(m, m, text_w + h * 0.085, h * 0.06)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.LIVE if live else theme.with_alpha(theme.PANEL_HI, 0.9))
        painter.drawRoundedRect(pill, h * 0.012, h * 0.012)
        painter.setPen(theme.TEXT)
        painter.drawText(
            pill.adjusted(h * 0.05, 0, 0, 0),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            label,
        )
        painter.setFont(theme.font(h * 0.03, QFont.Weight.Bold))
        tag_w = painter.fontMetrics().horizontalAdvance(self._hashtag) + h * 0.04
        tag = QRectF(pill.right() + h * 0.015, pill.top(), tag_w, pill.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.with_alpha(theme.NIGHT, 0.65))
        painter.drawRoundedRect(tag, h * 0.012, h * 0.012)
        painter.setPen(theme.TEXT)
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, self._hashtag)

    def _paint_clock(self, painter: QPainter) -> None:
        w, h = self.width(), self.height()
        m = h * 0.045
        text = clock_text(self._clock)
        painter.setFont(theme.font(h * 0.032, QFont.Weight.Bold))
        text_w = painter.fontMetrics().horizontalAdvance("00:00:00") + h * 0.04
        box = QRectF(w - m - text_w, m, text_w, h * 0.06)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.with_alpha(theme.NIGHT, 0.65))
        painter.drawRoundedRect(box, h * 0.012, h * 0.012)
        painter.setPen(theme.TEXT)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_lower_third(self, painter: QPainter) -> None:
        w, h = self.width(), self.height()
        on_air = self._board.latest().on_air
        left = w * 0.05
        width = w * 0.9
        top = h * 0.74
        height = h * 0.19
        if on_air is None:
            # The guest's name strap, as on any broadcast.
            strap = QRectF(left, h * 0.8, w * 0.42, h * 0.11)
            subtitle = translate("VideoWall", "Live in the Blue Room · {hashtag}")
            self._paint_strap(
                painter, strap, self._guest_name, subtitle.format(hashtag=self._hashtag)
            )
            return
        box = QRectF(left, top, width, height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.with_alpha(QColor("#FFFFFF"), 0.94))
        painter.drawRoundedRect(box, h * 0.01, h * 0.01)
        painter.setBrush(theme.LIVE)
        painter.drawRoundedRect(QRectF(left, top, h * 0.014, height), h * 0.007, h * 0.007)
        who = single_line(on_air.handle or on_air.name or translate("VideoWall", "A fan"))
        painter.setPen(theme.LIVE)
        painter.setFont(theme.font(h * 0.026, QFont.Weight.Bold))
        painter.drawText(
            QRectF(left + h * 0.04, top + h * 0.015, width, h * 0.04),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            translate("VideoWall", "{who} asks").format(who=who),
        )
        painter.setPen(QPen(theme.NIGHT))
        painter.setFont(theme.font(h * 0.036, QFont.Weight.DemiBold))
        text_box = QRectF(left + h * 0.04, top + h * 0.06, width - h * 0.08, height - h * 0.07)
        text = painter.fontMetrics().elidedText(
            single_line(clip(on_air.text, 200)),
            Qt.TextElideMode.ElideRight,
            int(text_box.width() * 2),
        )
        painter.drawText(text_box, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, text)

    def _paint_strap(self, painter: QPainter, box: QRectF, title: str, subtitle: str) -> None:
        h = self.height()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.with_alpha(theme.NIGHT, 0.78))
        painter.drawRoundedRect(box, h * 0.01, h * 0.01)
        painter.setBrush(theme.ACCENT)
        painter.drawRoundedRect(QRectF(box.left(), box.top(), h * 0.012, box.height()), 3, 3)
        painter.setPen(theme.TEXT)
        painter.setFont(theme.font(h * 0.042, QFont.Weight.Bold))
        painter.drawText(
            box.adjusted(h * 0.035, h * 0.005, 0, -box.height() * 0.45),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            title,
        )
        painter.setPen(theme.ACCENT_SOFT)
        painter.setFont(theme.font(h * 0.024, QFont.Weight.Medium))
        painter.drawText(
            box.adjusted(h * 0.035, box.height() * 0.55, 0, -h * 0.005),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            subtitle,
        )


def _no_picture(state: CameraState | None) -> str:
    """What the wall says over its picture while the camera gives none."""
    match state:
        case CameraState.LOST:
            return translate("VideoWall", "Camera lost — reconnecting…")
        case CameraState.STOPPED:
            return translate("VideoWall", "Camera off")
        case CameraState.LIVE:
            return translate("VideoWall", "Waiting for the first picture…")
        case _:
            return translate("VideoWall", "Starting the camera…")
