"""The live video wall: the camera preview with broadcast overlays.

LIVE badge, clock, the hashtag, and the question on air as a lower third. Frames come
from the camera's latest-frame slot (never a queue) and are wrapped, not copied. Without
a picture the wall shows a slate that says why ("No camera", "Reconnecting…"), decided
from the slot within a frame (``capture/picture.py``).

The overlays have fixed places (:meth:`VideoWall.overlay_rects`): the top band (badge,
hashtag, clock), the slate's words between it and the lower third, and the lower third
at the bottom; none covers another at any size.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.capture.picture import Picture, picture
from blueroom.core.events import CameraState, Event, PhotoOnWall
from blueroom.core.readers import BoardReader, MetricsReader
from blueroom.ui import theme, words
from blueroom.ui.clock import Clock, SystemClock, clock_text
from blueroom.ui.i18n import translate
from blueroom.ui.pacing import FrameTimer
from blueroom.ui.widgets.camera_slate import paint_camera_glyph, wall_title
from blueroom.ui.widgets.image_loader import ImageLoader
from blueroom.ui.widgets.prepared_frames import PreparedFrames, bgr_image
from blueroom.ui.widgets.text import FittedLayout, TextFits, single_line, wall_text

REPAINT_SECONDS = 0.1  # the LIVE dot pulses and the clock ticks between frames
LOWER_THIRD_LIMIT = 400  # characters: two lines hold far fewer; the rest is not laid out
PHOTO_LOAD_SECONDS = 5.0  # a photo not decoded by then is not shown (it is said why)


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
        self._texts = TextFits()
        self._slate: tuple[tuple[object, ...], QPixmap] | None = None
        self.picture = self._judge()
        self.painted_frames = 0
        # A photo sent from the console's gallery (PhotoOnWall), decoded off this thread
        # by ``photos`` (started by the composition root), shown for its seconds.
        self.photos = ImageLoader("wall-photo")
        self._photo_asked: tuple[tuple[str, int], float, float] | None = None  # key, s, asked
        self._photo: QImage | None = None
        self._photo_until = 0.0
        self._photo_count = 0
        self.photos_shown = 0
        self.photos_missed = 0  # sent, and unreadable or not decoded in time
        self.setMinimumSize(480, 270)
        self._frames_timer = FrameTimer(self, frame_rate, self._tick)

    # -- a photo from the gallery ---------------------------------------------------------
    def on_events(self, events: Iterable[Event]) -> None:
        """The room's committed events: a ``PhotoOnWall`` puts that photo up."""
        for event in events:
            if isinstance(event, PhotoOnWall) and event.seconds > 0:
                self._photo_count += 1
                key = (event.path, self._photo_count)
                ratio = self.devicePixelRatioF()
                width, height = round(self.width() * ratio), round(self.height() * ratio)
                self.photos.request(key, Path(event.path), width, height)
                self._photo_asked = (key, event.seconds, time.monotonic())

    @property
    def showing_photo(self) -> bool:
        return self._photo is not None

    def _follow_photo(self) -> bool:
        """True when what the wall shows changed (a photo came up or went)."""
        now = time.monotonic()
        changed = False
        if self._photo_asked is not None:
            key, seconds, asked = self._photo_asked
            image = self.photos.take(key)
            if image is not None and not image.isNull():
                self._photo_asked = None
                image.setDevicePixelRatio(self.devicePixelRatioF())
                self._photo, self._photo_until = image, now + seconds
                self.photos_shown += 1
                changed = True
            elif image is not None or now - asked > PHOTO_LOAD_SECONDS:
                self._photo_asked = None
                self.photos_missed += 1
        if self._photo is not None and now >= self._photo_until:
            self._photo = None
            changed = True
        return changed

    def _paint_photo(self, painter: QPainter, photo: QImage) -> None:
        painter.fillRect(self.rect(), QColor(0, 0, 0))
        ratio = photo.devicePixelRatio()
        size = QSizeF(photo.width() / ratio, photo.height() / ratio)
        size.scale(QSizeF(self.size()), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF(
            (self.width() - size.width()) / 2,
            (self.height() - size.height()) / 2,
            size.width(),
            size.height(),
        )
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(target, photo)

    def _tick(self) -> None:
        if self._follow_photo():
            self.update()
        ratio = self.devicePixelRatioF()
        size = (round(self.width() * ratio), round(self.height() * ratio))
        self.prepared.set_size(*size)
        latest = self.prepared.latest()
        fresh = latest is not None and latest[0] != self._shown_seq and latest[1] == size
        if fresh and latest is not None:
            self._shown_seq = latest[0]
            self._prepared = latest[2]
            self._image = bgr_image(self._prepared, ratio)
        shown = self._judge()
        if fresh or shown != self.picture or time.monotonic() - self._painted_at >= REPAINT_SECONDS:
            self.picture = shown
            self.update()

    def _judge(self) -> Picture:
        frames = self._frames
        return picture(frames.status(), frames.last_put_at(), time.monotonic())

    @property
    def frame_seq(self) -> int:
        return self._shown_seq

    def paintEvent(self, event: QPaintEvent) -> None:
        self._painted_at = time.monotonic()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        self.picture = self._judge()
        live = self.live
        photo = self._photo
        if photo is not None:  # the whole wall is the guest's photo: no overlay on it
            self._paint_photo(painter, photo)
            painter.end()
            return
        if live:
            assert self._image is not None
            painter.drawImage(0, 0, self._image)
            self.painted_frames += 1
        else:
            painter.drawPixmap(0, 0, self._slate_pixmap())
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

    def _unit(self) -> float:
        """What the overlays' sizes are in proportion to: the height, or for a wall
        narrower than 16:9 (a screen on its side), the height it would have at 16:9."""
        return min(float(self.height()), self.width() * 9 / 16)

    @property
    def live(self) -> bool:
        """A picture from the camera is on the wall."""
        return self.picture is Picture.LIVE and self._image is not None

    def overlay_rects(self) -> dict[str, QRectF]:
        """Where each overlay is drawn: the badge, the hashtag, the clock, the slate's
        words, and the lower third (the question on air, or the guest's name strap)."""
        w, h = self.width(), self.height()
        u = self._unit()
        m = u * 0.045
        pill_h = u * 0.06
        label = _badge_label(self.live)
        badge_w = _advance(theme.font(u * 0.032, QFont.Weight.Black), label) + u * 0.085
        badge = QRectF(m, m, badge_w, pill_h)
        clock_w = _advance(theme.font(u * 0.032, QFont.Weight.Bold), "00:00:00") + u * 0.04
        clock = QRectF(w - m - clock_w, m, clock_w, pill_h)
        tag_w = _advance(theme.font(u * 0.03, QFont.Weight.Bold), self._hashtag) + u * 0.04
        room = max(0.0, clock.left() - badge.right() - u * 0.03)
        hashtag = QRectF(badge.right() + u * 0.015, m, min(tag_w, room), pill_h)
        lower = self._lower_third_box(w, h)
        slate_top = badge.bottom() + u * 0.04
        slate = QRectF(w * 0.1, slate_top, w * 0.8, h * 0.7 - slate_top)
        return {
            "badge": badge,
            "hashtag": hashtag,
            "clock": clock,
            "slate": slate,
            "lower_third": lower,
        }

    def slate_words(self) -> tuple[str, str] | None:
        """What the slate says (a title, a detail), None while the picture is shown."""
        if self.live:
            return None
        # Live, but its first frame not yet scaled for the wall: still starting.
        shown = Picture.STARTING if self.picture is Picture.LIVE else self.picture
        status = self._frames.status()
        if status is None:
            detail = translate("VideoWall", "This room runs without a camera")
        elif status.state is CameraState.LIVE and shown is Picture.RECONNECTING:
            detail = translate("VideoWall", "The camera stopped sending pictures")
        elif not status.detail:
            detail = ""
        else:
            detail = single_line(words.camera_detail(status.detail))
            if shown in (Picture.NO_CAMERA, Picture.RECONNECTING):
                detail = translate("VideoWall", "{detail} · trying again").format(detail=detail)
        return wall_title(shown), detail

    def _slate_pixmap(self) -> QPixmap:
        """The designed slate instead of a picture, drawn once per change."""
        shown = Picture.STARTING if self.picture is Picture.LIVE else self.picture
        title, said = self.slate_words() or (wall_title(shown), "")
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio, shown, title, said)
        if self._slate is not None and self._slate[0] == key:
            return self._slate[1]
        w, h = self.width(), self.height()
        pixmap = QPixmap(max(1, round(w * ratio)), max(1, round(h * ratio)))
        pixmap.setDevicePixelRatio(ratio)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        theme.paint_backdrop(painter, w, h)
        area = self.overlay_rects()["slate"]
        glyph = min(area.height() * 0.3, area.width() * 0.2)
        paint_camera_glyph(
            painter,
            QPointF(area.center().x(), area.top() + glyph * 0.5),
            glyph,
            shown,
            theme.MUTED,
        )
        title_box = QRectF(area.left(), area.top() + glyph * 1.2, area.width(), area.height() * 0.3)
        self._texts.draw(
            painter,
            title_box,
            title,
            theme.TEXT,
            max_px=self._unit() * 0.07,
            min_px=self._unit() * 0.02,
            weight=QFont.Weight.Bold,
            max_lines=1,
            align=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
        )
        if said:
            self._texts.draw(
                painter,
                QRectF(
                    area.left(),
                    title_box.bottom(),
                    area.width(),
                    area.bottom() - title_box.bottom(),
                ),
                said,
                theme.MUTED,
                max_px=self._unit() * 0.026,
                min_px=self._unit() * 0.012,
                weight=QFont.Weight.Medium,
                max_lines=2,
                align=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            )
        painter.end()
        self._slate = (key, pixmap)
        return pixmap

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
        h = self._unit()  # a size, not a place: a narrow wall scales by its width
        m = h * 0.045
        dot = h * 0.014
        return QRectF(m + h * 0.022, m + h * 0.03 - dot / 2, dot, dot)

    def _paint_pulse(self, painter: QPainter, live: bool) -> None:
        pulse = 0.55 + 0.45 * math.sin(self._clock.monotonic() * 4.0) if live else 0.5
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.with_alpha(QColor("#FFFFFF"), pulse))
        painter.drawEllipse(self._dot_rect())

    def _paint_badge(self, painter: QPainter, live: bool) -> None:
        h = self._unit()  # a size, not a place: a narrow wall scales by its width
        places = self.overlay_rects()
        pill = places["badge"]
        painter.setFont(theme.font(h * 0.032, QFont.Weight.Black))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.LIVE if live else theme.with_alpha(theme.PANEL_HI, 0.9))
        painter.drawRoundedRect(pill, h * 0.012, h * 0.012)
        painter.setPen(theme.TEXT)
        painter.drawText(
            pill.adjusted(h * 0.05, 0, 0, 0),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            _badge_label(live),
        )
        tag = places["hashtag"]
        if tag.width() <= h * 0.04:
            return  # a window too narrow for it: the clock keeps its place
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.with_alpha(theme.NIGHT, 0.65))
        painter.drawRoundedRect(tag, h * 0.012, h * 0.012)
        self._texts.draw(
            painter,
            tag.adjusted(h * 0.02, 0, -h * 0.02, 0),
            self._hashtag,
            theme.TEXT,
            max_px=h * 0.03,
            min_px=h * 0.015,
            weight=QFont.Weight.Bold,
            max_lines=1,
            align=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
        )

    def _paint_clock(self, painter: QPainter) -> None:
        h = self._unit()  # a size, not a place: a narrow wall scales by its width
        box = self.overlay_rects()["clock"]
        painter.setFont(theme.font(h * 0.032, QFont.Weight.Bold))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.with_alpha(theme.NIGHT, 0.65))
        painter.drawRoundedRect(box, h * 0.012, h * 0.012)
        painter.setPen(theme.TEXT)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, clock_text(self._clock))

    def lower_third_text_rects(self) -> dict[str, QRectF]:
        """The boxes the lower third's words are fitted to (the question's, and who asks)."""
        h = self._unit()  # a size, not a place: a narrow wall scales by its width
        box = self.overlay_rects()["lower_third"]
        if self._board.latest().on_air is None:
            inner = box.adjusted(h * 0.035, h * 0.012, -h * 0.02, -h * 0.012)
            split = inner.top() + inner.height() * 0.58
            return {
                "title": QRectF(inner.left(), inner.top(), inner.width(), split - inner.top()),
                "subtitle": QRectF(inner.left(), split, inner.width(), inner.bottom() - split),
            }
        inner = box.adjusted(h * 0.04, h * 0.014, -h * 0.04, -h * 0.018)
        who = QRectF(inner.left(), inner.top(), inner.width(), h * 0.042)
        question = QRectF(inner.left(), who.bottom(), inner.width(), inner.bottom() - who.bottom())
        return {"who": who, "question": question}

    def _lower_third_box(self, w: int, h: int) -> QRectF:
        """The question's box: at most two lines, and no taller than its lines."""
        on_air = self._board.latest().on_air
        u = self._unit()
        if on_air is None:  # the guest's name strap
            return QRectF(w * 0.05, h * 0.8, max(w * 0.42, min(w * 0.9, u * 0.7)), h * 0.11)
        tallest = QRectF(w * 0.05, h * 0.74, w * 0.9, h * 0.19)
        inner = tallest.adjusted(u * 0.04, u * 0.014, -u * 0.04, -u * 0.018)
        room = QRectF(0, 0, inner.width(), inner.height() - u * 0.042)
        spare = max(0.0, room.height() - self._fit_question(room).needed - 1.0)
        return tallest.adjusted(0, spare, 0, 0)

    def lower_third_text(self) -> str:
        """The question on air as the lower third shows it, before it is fitted (and cut)."""
        on_air = self._board.latest().on_air
        return wall_text(on_air.text, self._hashtag, LOWER_THIRD_LIMIT) if on_air else ""

    def _fit_question(self, box: QRectF) -> FittedLayout:
        text = self.lower_third_text()
        h = self._unit()  # a size, not a place: a narrow wall scales by its width
        # Two lines at most, as a broadcast lower third: a longer question is cut at a word.
        return self._texts.fit(
            text,
            box,
            max_px=h * 0.036,
            min_px=h * 0.031,
            weight=QFont.Weight.DemiBold,
            max_lines=2,
            align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
        )

    def _paint_lower_third(self, painter: QPainter) -> None:
        h = self._unit()  # a size, not a place: a narrow wall scales by its width
        on_air = self._board.latest().on_air
        box = self.overlay_rects()["lower_third"]
        places = self.lower_third_text_rects()
        if on_air is None:
            # The guest's name strap, as on any broadcast.
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.with_alpha(theme.NIGHT, 0.78))
            painter.drawRoundedRect(box, h * 0.01, h * 0.01)
            painter.setBrush(theme.ACCENT)
            painter.drawRoundedRect(QRectF(box.left(), box.top(), h * 0.012, box.height()), 3, 3)
            subtitle = translate("VideoWall", "Live in the Blue Room · {hashtag}")
            self._texts.draw(
                painter,
                places["title"],
                single_line(self._guest_name),
                theme.TEXT,
                max_px=h * 0.042,
                min_px=h * 0.02,
                weight=QFont.Weight.Bold,
                max_lines=1,
            )
            self._texts.draw(
                painter,
                places["subtitle"],
                subtitle.format(hashtag=self._hashtag),
                theme.ACCENT_SOFT,
                max_px=h * 0.024,
                min_px=h * 0.014,
                weight=QFont.Weight.Medium,
                max_lines=1,
                align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            )
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.with_alpha(QColor("#FFFFFF"), 0.94))
        painter.drawRoundedRect(box, h * 0.01, h * 0.01)
        painter.setBrush(theme.LIVE)
        painter.drawRoundedRect(
            QRectF(box.left(), box.top(), h * 0.014, box.height()), h * 0.007, h * 0.007
        )
        who = single_line(on_air.handle or on_air.name or translate("VideoWall", "A fan"))
        self._texts.draw(
            painter,
            places["who"],
            translate("VideoWall", "{who} asks").format(who=who),
            theme.LIVE,
            max_px=h * 0.026,
            min_px=h * 0.016,
            weight=QFont.Weight.Bold,
            max_lines=1,
        )
        question = places["question"]
        self._fit_question(question).draw(painter, question.topLeft(), theme.NIGHT)


def _badge_label(live: bool) -> str:
    return translate("VideoWall", "LIVE") if live else translate("VideoWall", "OFF AIR")


def _advance(font: QFont, text: str) -> float:
    return QFontMetricsF(font).horizontalAdvance(text)
