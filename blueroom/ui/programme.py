"""The programme drawn: one renderer for every output, at that output's own size.

``ProgrammeRenderer`` draws a ``core/programme.py`` ``Programme`` — the overlays, the
booth photo, the holding slate — with QPainter, at the size it is given: the video wall
at its screen's, the recording at its own. Every layer is laid out and drawn from the
output's size (never a smaller render scaled up); each overlay is drawn once per
change into a QImage of its own and then only placed, with its presence as opacity and
a short slide. Everything here is QImage, so a renderer may run on any one thread (the
recording's worker composes its frames with its own renderer).

``PhotoShelf`` decodes the photos sent to the wall (``PhotoOnWall``) off the GUI thread
and tells the director when one is ready; each renderer scales it to its size.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import numpy.typing as npt
from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from blueroom.core.events import Event, PhotoOnWall
from blueroom.core.programme import Card, Programme, ProgrammeDirector, Shown
from blueroom.ui import theme
from blueroom.ui.i18n import translate
from blueroom.ui.widgets.holding import paint_holding
from blueroom.ui.widgets.image_loader import ImageLoader
from blueroom.ui.widgets.prepared_frames import bgr_image, cover_into
from blueroom.ui.widgets.text import FittedLayout, TextFits, single_line, wall_text

LOWER_THIRD_LIMIT = 400  # characters: two lines hold far fewer; the rest is not laid out
PHOTO_LOAD_SECONDS = 5.0  # a photo not decoded by then is not shown (it is counted)
SLIDE = 0.06  # how far (in units of the output's height) an overlay slides as it comes


def _advance(font: QFont, text: str) -> float:
    return QFontMetricsF(font).horizontalAdvance(text)


def live_label() -> str:
    return translate("Programme", "LIVE")


def on_camera_label() -> str:
    return translate("Programme", "ON CAMERA")


def clock_words(wall_time: float) -> str:
    return time.strftime("%H:%M:%S", time.localtime(wall_time))


class ProgrammeRenderer:
    """Draws the programme at one output's size (logical pixels, with a pixel ratio)."""

    def __init__(
        self,
        width: int,
        height: int,
        *,
        hashtag: str,
        ratio: float = 1.0,
        photos: PhotoShelf | None = None,
    ) -> None:
        self.hashtag = hashtag
        self._photos = photos
        self._texts = TextFits()
        self._cache: dict[str, tuple[tuple[object, ...], QImage]] = {}
        self._photo: tuple[tuple[object, ...], QImage] | None = None
        self.width, self.height, self.ratio = max(1, width), max(1, height), ratio

    def resize(self, width: int, height: int, ratio: float = 1.0) -> None:
        self.width, self.height, self.ratio = max(1, width), max(1, height), ratio

    # -- the places, from the output's size ----------------------------------------------
    @property
    def unit(self) -> float:
        """What sizes are in proportion to: the height, or for an output narrower than
        16:9 (a screen on its side), the height it would have at 16:9."""
        return min(float(self.height), self.width * 9 / 16)

    def places(self, card: Card | None = None) -> dict[str, QRectF]:
        """Where each overlay is drawn: the hashtag, the LIVE badge, the clock, the
        slate's words, and the lower third (for ``card``: a question or the name strap)."""
        w, h, u = self.width, self.height, self.unit
        m = u * 0.045
        pill_h = u * 0.06
        clock_w = _advance(theme.font(u * 0.032, QFont.Weight.Bold), "00:00:00") + u * 0.04
        clock = QRectF(w - m - clock_w, m, clock_w, pill_h)
        badge_w = _advance(theme.font(u * 0.032, QFont.Weight.Black), live_label()) + u * 0.085
        badge = QRectF(clock.left() - u * 0.015 - badge_w, m, badge_w, pill_h)
        tag_w = _advance(theme.font(u * 0.03, QFont.Weight.Bold), self.hashtag) + u * 0.04
        room = max(0.0, badge.left() - m - u * 0.03)
        hashtag = QRectF(m, m, min(tag_w, room), pill_h)
        slate_top = m + pill_h + u * 0.04
        slate = QRectF(w * 0.1, slate_top, w * 0.8, h * 0.7 - slate_top)
        return {
            "badge": badge,
            "hashtag": hashtag,
            "clock": clock,
            "slate": slate,
            "lower_third": self._lower_box(card),
        }

    def on_camera_box(self) -> QRectF:
        """ON CAMERA in the LIVE badge's place, right-aligned to it (it is wider)."""
        u = self.unit
        badge = self.places()["badge"]
        width = _advance(theme.font(u * 0.032, QFont.Weight.Black), on_camera_label()) + u * 0.06
        return QRectF(badge.right() - width, badge.top(), width, badge.height())

    def _lower_box(self, card: Card | None) -> QRectF:
        """The lower third's box: the name strap's, or the question's, at most two lines
        and no taller than its lines."""
        w, h, u = self.width, self.height, self.unit
        if card is None or card.is_strap:
            return QRectF(w * 0.05, h * 0.8, max(w * 0.42, min(w * 0.9, u * 0.7)), h * 0.11)
        tallest = QRectF(w * 0.05, h * 0.74, w * 0.9, h * 0.19)
        inner = tallest.adjusted(u * 0.04, u * 0.014, -u * 0.04, -u * 0.018)
        room = QRectF(0, 0, inner.width(), inner.height() - u * 0.042)
        spare = max(0.0, room.height() - self._fit_question(card, room).needed - 1.0)
        return tallest.adjusted(0, spare, 0, 0)

    def lower_text_places(self, card: Card | None) -> dict[str, QRectF]:
        """The boxes the lower third's words are fitted to."""
        u = self.unit
        box = self._lower_box(card)
        if card is None or card.is_strap:
            inner = box.adjusted(u * 0.035, u * 0.012, -u * 0.02, -u * 0.012)
            split = inner.top() + inner.height() * 0.58
            return {
                "title": QRectF(inner.left(), inner.top(), inner.width(), split - inner.top()),
                "subtitle": QRectF(inner.left(), split, inner.width(), inner.bottom() - split),
            }
        inner = box.adjusted(u * 0.04, u * 0.014, -u * 0.04, -u * 0.018)
        who = QRectF(inner.left(), inner.top(), inner.width(), u * 0.042)
        question = QRectF(inner.left(), who.bottom(), inner.width(), inner.bottom() - who.bottom())
        return {"who": who, "question": question}

    def question_text(self, card: Card) -> str:
        """The question as the lower third shows it, before it is fitted (and cut)."""
        return wall_text(card.text, self.hashtag, LOWER_THIRD_LIMIT)

    def _fit_question(self, card: Card, box: QRectF) -> FittedLayout:
        u = self.unit
        # Two lines at most, as a broadcast lower third: a longer question is cut at a word.
        return self._texts.fit(
            self.question_text(card),
            box,
            max_px=u * 0.036,
            min_px=u * 0.031,
            weight=QFont.Weight.DemiBold,
            max_lines=2,
            align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
        )

    # -- drawing -------------------------------------------------------------------------
    def paint(self, painter: QPainter, programme: Programme) -> None:
        """Every layer over what the painter already holds (the camera's picture)."""
        photo = programme.photo
        photo_presence = 0.0
        if photo is not None and self._photos is not None:
            image = self._photos.image(photo.content)
            if image is not None:
                photo_presence = photo.presence
                self._paint_photo(painter, image, photo.presence)
        over = 1.0 - photo_presence  # a photo is shown whole: the overlays make way
        if over > 0.0:
            self._paint_overlays(painter, programme, over)
        if programme.held > 0.0:
            painter.save()
            painter.setOpacity(programme.held)
            paint_holding(painter, self.width, self.height, programme.hashtag)
            painter.restore()

    def _paint_overlays(self, painter: QPainter, programme: Programme, over: float) -> None:
        places = self.places()
        u = self.unit
        for shown in programme.lower:
            self._paint_lower(painter, shown, over)
        if programme.hashtag_shown > 0.0 and places["hashtag"].width() > u * 0.04:
            self._place(
                painter, "hashtag", (self.hashtag,), places["hashtag"], self._draw_hashtag,
                programme.hashtag_shown * over, QPointF(0, -SLIDE * u * 0.5),
            )  # fmt: skip
        if programme.clock > 0.0:
            words = clock_words(programme.wall_time)
            self._place(
                painter, "clock", (words,), places["clock"],
                lambda p, box: self._draw_clock(p, box, words),
                programme.clock * over, QPointF(0, -SLIDE * u * 0.5),
            )  # fmt: skip
        if programme.on_camera > 0.0:
            self._place(
                painter, "on_camera", (on_camera_label(),), self.on_camera_box(),
                self._draw_on_camera, programme.on_camera * over, QPointF(0, -SLIDE * u * 0.5),
            )  # fmt: skip
        if programme.badge > 0.0:
            badge = places["badge"]
            presence = programme.badge * over
            self._place(
                painter, "badge", (live_label(),), badge, self._draw_badge, presence,
                QPointF(0, -SLIDE * u * 0.5),
            )  # fmt: skip
            pulse = 0.55 + 0.45 * math.sin(programme.at * 4.0)
            painter.save()
            painter.setOpacity(presence * presence)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.with_alpha(QColor("#FFFFFF"), pulse))
            dot = u * 0.014
            painter.drawEllipse(
                QRectF(badge.left() + u * 0.022, badge.center().y() - dot / 2, dot, dot)
            )
            painter.restore()

    def _paint_lower(self, painter: QPainter, shown: Shown[Card], over: float) -> None:
        card = shown.content
        box = self._lower_box(card)
        key = ("strap", card.who) if card.is_strap else ("question", card.key, card.text, card.who)
        self._place(
            painter,
            f"lower:{card.key}",
            key,
            box,
            lambda p, b: self._draw_lower(p, b, card),
            shown.presence * over,
            QPointF(-SLIDE * self.unit, 0),
        )

    def _place(
        self,
        painter: QPainter,
        name: str,
        key: tuple[object, ...],
        box: QRectF,
        draw: object,
        presence: float,
        slide: QPointF,
    ) -> None:
        """The overlay ``name`` drawn once per change into its own image, then placed."""
        full = (self.width, self.height, self.ratio, *key)
        cached = self._cache.get(name)
        if cached is None or cached[0] != full:
            margin = 2.0
            image = QImage(
                max(1, math.ceil((box.width() + 2 * margin) * self.ratio)),
                max(1, math.ceil((box.height() + 2 * margin) * self.ratio)),
                QImage.Format.Format_ARGB32_Premultiplied,
            )
            image.setDevicePixelRatio(self.ratio)
            image.fill(Qt.GlobalColor.transparent)
            inner = QPainter(image)
            inner.setRenderHint(QPainter.RenderHint.Antialiasing)
            inner.translate(margin - box.left(), margin - box.top())
            draw(inner, box)  # type: ignore[operator]
            inner.end()
            if len(self._cache) > 16:  # questions come and go: keep the few in use
                self._cache.clear()
            cached = self._cache[name] = (full, image)
        if presence <= 0.0:
            return
        painter.save()
        painter.setOpacity(presence)
        offset = slide * (1.0 - presence)
        painter.drawImage(box.topLeft() - QPointF(2.0, 2.0) + offset, cached[1])
        painter.restore()

    def _draw_hashtag(self, painter: QPainter, tag: QRectF) -> None:
        u = self.unit
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.with_alpha(theme.NIGHT, 0.65))
        painter.drawRoundedRect(tag, u * 0.012, u * 0.012)
        self._texts.draw(
            painter,
            tag.adjusted(u * 0.02, 0, -u * 0.02, 0),
            self.hashtag,
            theme.TEXT,
            max_px=u * 0.03,
            min_px=u * 0.015,
            weight=QFont.Weight.Bold,
            max_lines=1,
            align=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
        )

    def _draw_badge(self, painter: QPainter, pill: QRectF) -> None:
        u = self.unit
        painter.setFont(theme.font(u * 0.032, QFont.Weight.Black))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.LIVE)
        painter.drawRoundedRect(pill, u * 0.012, u * 0.012)
        painter.setPen(theme.TEXT)
        painter.drawText(
            pill.adjusted(u * 0.05, 0, 0, 0),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            live_label(),
        )

    def _draw_on_camera(self, painter: QPainter, pill: QRectF) -> None:
        """The camera is on, nothing streams: a calm outlined pill, never the LIVE red."""
        u = self.unit
        painter.setFont(theme.font(u * 0.032, QFont.Weight.Black))
        painter.setPen(QPen(theme.ACCENT_SOFT, max(1.0, u * 0.003)))
        painter.setBrush(theme.with_alpha(theme.NIGHT, 0.75))
        painter.drawRoundedRect(pill, u * 0.012, u * 0.012)
        painter.setPen(theme.TEXT)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, on_camera_label())

    def _draw_clock(self, painter: QPainter, box: QRectF, words: str) -> None:
        u = self.unit
        painter.setFont(theme.font(u * 0.032, QFont.Weight.Bold))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.with_alpha(theme.NIGHT, 0.65))
        painter.drawRoundedRect(box, u * 0.012, u * 0.012)
        painter.setPen(theme.TEXT)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, words)

    def _draw_lower(self, painter: QPainter, box: QRectF, card: Card) -> None:
        u = self.unit
        places = self.lower_text_places(card)
        if card.is_strap:  # the guest's name strap, as on any broadcast
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.with_alpha(theme.NIGHT, 0.78))
            painter.drawRoundedRect(box, u * 0.01, u * 0.01)
            painter.setBrush(theme.ACCENT)
            painter.drawRoundedRect(QRectF(box.left(), box.top(), u * 0.012, box.height()), 3, 3)
            subtitle = translate("VideoWall", "Live in the Blue Room · {hashtag}")
            self._texts.draw(
                painter,
                places["title"],
                single_line(card.who),
                theme.TEXT,
                max_px=u * 0.042,
                min_px=u * 0.02,
                weight=QFont.Weight.Bold,
                max_lines=1,
            )
            self._texts.draw(
                painter,
                places["subtitle"],
                subtitle.format(hashtag=self.hashtag),
                theme.ACCENT_SOFT,
                max_px=u * 0.024,
                min_px=u * 0.014,
                weight=QFont.Weight.Medium,
                max_lines=1,
                align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            )
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.with_alpha(QColor("#FFFFFF"), 0.94))
        painter.drawRoundedRect(box, u * 0.01, u * 0.01)
        painter.setBrush(theme.LIVE)
        painter.drawRoundedRect(
            QRectF(box.left(), box.top(), u * 0.014, box.height()), u * 0.007, u * 0.007
        )
        self._texts.draw(
            painter,
            places["who"],
            translate("VideoWall", "{who} asks").format(who=single_line(card.who)),
            theme.LIVE,
            max_px=u * 0.026,
            min_px=u * 0.016,
            weight=QFont.Weight.Bold,
            max_lines=1,
        )
        question = places["question"]
        self._fit_question(card, question).draw(painter, question.topLeft(), theme.NIGHT)

    def _paint_photo(self, painter: QPainter, photo: QImage, presence: float) -> None:
        """The photo whole, centred on black, scaled once per photo and output size."""
        w, h = self.width, self.height
        key = (photo.cacheKey(), w, h, self.ratio)
        if self._photo is None or self._photo[0] != key:
            size = QSizeF(photo.width(), photo.height())
            size.scale(QSizeF(w * self.ratio, h * self.ratio), Qt.AspectRatioMode.KeepAspectRatio)
            scaled = photo.scaled(
                max(1, round(size.width())),
                max(1, round(size.height())),
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            scaled.setDevicePixelRatio(self.ratio)
            self._photo = (key, scaled)
        scaled = self._photo[1]
        painter.save()
        painter.setOpacity(presence)
        painter.fillRect(QRectF(0, 0, w, h), QColor(0, 0, 0))
        shown_w, shown_h = scaled.width() / self.ratio, scaled.height() / self.ratio
        painter.drawImage(QPointF((w - shown_w) / 2, (h - shown_h) / 2), scaled)
        painter.restore()

    # -- a whole frame (the recording) ---------------------------------------------------
    def compose(
        self,
        frame: npt.NDArray[np.uint8],
        programme: Programme,
        out: npt.NDArray[np.uint8] | None = None,
    ) -> npt.NDArray[np.uint8]:
        """The camera's frame filling this output, with every layer drawn over it: a BGRA
        array of the output's size, ``out`` if given (reused frame after frame), else a
        new one (the frame itself is never written to)."""
        shape = (self.height, self.width, 4)
        if out is None or out.shape != shape:
            out = np.empty(shape, np.uint8)
        picture = cover_into(frame, out)
        image = bgr_image(picture)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, programme)
        painter.end()
        return picture


class PhotoShelf:
    """The photos sent to the wall, decoded off the GUI thread, then put on the programme.

    ``on_events`` (GUI thread) asks for a ``PhotoOnWall``'s photo; ``follow`` (the video
    wall's tick) tells the director once it is decoded, for its seconds from then. A
    photo unreadable, or not decoded within ``PHOTO_LOAD_SECONDS``, is counted, not shown.
    """

    def __init__(self, director: ProgrammeDirector, loader: ImageLoader | None = None) -> None:
        self.director = director
        self.loader = loader or ImageLoader("wall-photo")
        self._lock = threading.Lock()
        self._images: dict[str, QImage] = {}
        self._asked: tuple[tuple[str, int], float, float] | None = None  # key, seconds, when
        self._count = 0
        self._size = (1920, 1080)
        self._until = 0.0
        self.shown = 0
        self.missed = 0

    def want_size(self, width: int, height: int) -> None:
        """An output of this size shows photos: they are decoded at least this big."""
        self._size = (max(self._size[0], width), max(self._size[1], height))

    def on_events(self, events: Iterable[Event]) -> None:
        for event in events:
            if isinstance(event, PhotoOnWall) and event.seconds > 0:
                self._count += 1
                key = (event.path, self._count)
                self.loader.request(key, Path(event.path), *self._size)
                self._asked = (key, event.seconds, time.monotonic())

    def follow(self) -> bool:
        """True when a photo was just put on the programme."""
        if self._asked is None:
            return False
        now = time.monotonic()
        key, seconds, asked = self._asked
        image = self.loader.take(key)
        if image is not None and not image.isNull():
            self._asked = None
            with self._lock:
                self._images = {key[0]: image}  # the photo on air, alone
            self.director.show_photo(key[0], seconds)
            self._until = now + seconds
            self.shown += 1
            return True
        if image is not None or now - asked > PHOTO_LOAD_SECONDS:
            self._asked = None
            self.missed += 1
        return False

    @property
    def showing(self) -> bool:
        return time.monotonic() < self._until

    def image(self, path: str) -> QImage | None:
        with self._lock:
            return self._images.get(path)
