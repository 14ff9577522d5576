"""The live video wall: the camera's picture with the programme drawn over it.

The overlays, the booth photo and the holding slate are the programme's
(``core/programme.py``), drawn by ``ui/programme.py``'s renderer at this wall's size, as
the recording draws them at its own. Frames come from the camera's latest-frame slot
(never a queue) and are wrapped, not copied. Without a picture the wall shows a slate
that says why ("No camera", "Reconnecting…"), decided from the slot within a frame
(``capture/picture.py``).

The overlays have fixed places (:meth:`VideoWall.overlay_rects`): the top band
(hashtag, badge, clock), the slate's words between it and the lower third, and the
lower third at the bottom; none covers another at any size.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from contextlib import suppress

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.capture.picture import Picture, picture
from blueroom.core.broadcast_stats import FrameMeter
from blueroom.core.events import CameraState, Event
from blueroom.core.programme import Card, ProgrammeDirector
from blueroom.core.readers import BoardReader, MetricsReader, SessionReader
from blueroom.ui import theme, words
from blueroom.ui.clock import Clock, SystemClock
from blueroom.ui.i18n import translate
from blueroom.ui.pacing import FrameTimer, MeteredWindow
from blueroom.ui.programme import PhotoShelf, ProgrammeRenderer, live_label, on_camera_label
from blueroom.ui.widgets.camera_slate import paint_camera_glyph, wall_title
from blueroom.ui.widgets.image_loader import ImageLoader
from blueroom.ui.widgets.prepared_frames import Prepared, PreparedFrames
from blueroom.ui.widgets.text import TextFits, single_line

REPAINT_SECONDS = 0.1  # the LIVE dot pulses and the clock ticks between frames
ANIMATING_SECONDS = 1 / 30  # while an overlay moves, at least this often


class VideoWall(MeteredWindow, QWidget):
    frame_ready = Signal()  # emitted on the preparer's thread, received on the GUI's

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
        session: SessionReader | None = None,
        programme: ProgrammeDirector | None = None,
        photos: PhotoShelf | None = None,
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
        self.programme = programme or ProgrammeDirector(
            board,
            session,
            hashtag=hashtag,
            guest_name=guest_name,
            fan=translate("VideoWall", "A fan"),
            wall_clock=self._clock.now,
            monotonic=self._clock.monotonic,
        )
        # A photo sent from the console's gallery (PhotoOnWall), decoded off this thread
        # by the shelf's loader (started by the composition root), shown for its seconds.
        self.shelf = photos or PhotoShelf(self.programme, ImageLoader("wall-photo"))
        self.photos = self.shelf.loader
        self.renderer = ProgrammeRenderer(
            self.width(), self.height(), hashtag=hashtag, photos=self.shelf
        )
        self.prepared = PreparedFrames(frames, on_ready=self._frame_prepared)
        # queued from the preparer's thread: each frame taken as soon as it is ready
        self.frame_ready.connect(self._take_frame)
        self._frame: Prepared | None = None  # the camera's frame at the widget's size
        self._painted_at = 0.0
        self._texts = TextFits()
        self._slate: tuple[tuple[object, ...], QPixmap] | None = None
        self.picture = self._judge()
        self.painted_frames = 0
        self.setMinimumSize(480, 270)
        self.frame_meter = FrameMeter(shows_camera=True)  # the console's broadcast stats
        self._frames_timer = FrameTimer(self, frame_rate, self._tick, meter=self.frame_meter)

    def camera_frame_shown(self) -> int:
        return self.frame_seq if self.live else 0

    # -- a photo from the gallery ---------------------------------------------------------
    def on_events(self, events: Iterable[Event]) -> None:
        """The room's committed events: a ``PhotoOnWall`` puts that photo up."""
        ratio = self.devicePixelRatioF()
        self.shelf.want_size(round(self.width() * ratio), round(self.height() * ratio))
        self.shelf.on_events(events)

    @property
    def showing_photo(self) -> bool:
        return self.shelf.showing

    @property
    def photos_shown(self) -> int:
        return self.shelf.shown

    @property
    def photos_missed(self) -> int:
        return self.shelf.missed

    def _tick(self) -> None:
        if self.shelf.follow():
            self.update()
        ratio = self.devicePixelRatioF()
        size = (round(self.width() * ratio), round(self.height() * ratio))
        if self.prepared.threaded and not self.isVisible():
            self.prepared.pause()  # a wall not shown wants no frame made, and sheds none
        else:
            self.prepared.set_size(*size)
        fresh = self._take_frame()
        shown = self._judge()
        since = time.monotonic() - self._painted_at
        moving = self._moving() and since >= ANIMATING_SECONDS
        if fresh or moving or shown != self.picture or since >= REPAINT_SECONDS:
            self.picture = shown
            self.update()

    def _frame_prepared(self) -> None:
        """On the preparer's thread: a frame is ready for the wall."""
        with suppress(RuntimeError):  # the wall was closed meanwhile
            self.frame_ready.emit()

    def _take_frame(self) -> bool:
        """The next camera frame onto the wall, once the one before is on the screen."""
        taken = self.prepared.take()
        if taken is None:
            return False
        self._frame = taken
        self.update()
        return True

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.UpdateRequest:  # painted and on the screen
            self.prepared.on_screen()
            if self.prepared.waiting():  # the next one at once, outside this update
                QTimer.singleShot(0, self, self._take_frame)
        return handled

    def _moving(self) -> bool:
        """An overlay is coming in or going out (painted at the frame rate until done)."""
        now = self.programme.programme()
        fading = [s.presence for s in now.lower]
        if now.photo is not None:
            fading.append(now.photo.presence)
        fading += [now.badge, now.on_camera, now.hashtag_shown, now.clock, now.held]
        return any(0.0 < presence < 1.0 for presence in fading)

    def _judge(self) -> Picture:
        frames = self._frames
        return picture(frames.status(), frames.last_put_at(), time.monotonic())

    @property
    def frame_seq(self) -> int:
        """The camera frame the wall shows (its number in the slot; 0: none yet)."""
        return self._frame.seq if self._frame is not None else 0

    @property
    def frames_shed(self) -> int:
        """Camera frames the wall never showed: it (or the preparer) fell behind."""
        return self.prepared.shed

    def paintEvent(self, event: QPaintEvent) -> None:
        self._painted_at = time.monotonic()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.picture = self._judge()
        if self.live:
            assert self._frame is not None
            self._frame.paint(painter, 0.0, 0.0, self.devicePixelRatioF())
            self.painted_frames += 1
        else:
            painter.drawPixmap(0, 0, self._slate_pixmap())
        renderer = self.renderer
        renderer.resize(self.width(), self.height(), self.devicePixelRatioF())
        renderer.paint(painter, self.programme.programme())
        painter.end()
        if not (self.isWindow() and self.isVisible()):  # no screen update follows
            self.prepared.on_screen()

    def _unit(self) -> float:
        return min(float(self.height()), self.width() * 9 / 16)

    @property
    def live(self) -> bool:
        """A picture from the camera is on the wall."""
        return self.picture is Picture.LIVE and self._frame is not None

    def _card(self) -> Card | None:
        lower = self.programme.programme().lower
        return lower[-1].content if lower else None

    @property
    def badge_words(self) -> str:
        """The badge on the wall now: "LIVE", "ON CAMERA", or "" (none)."""
        now = self.programme.programme()
        if now.badge > 0.0:
            return live_label()
        return on_camera_label() if now.on_camera > 0.0 else ""

    def overlay_rects(self) -> dict[str, QRectF]:
        """Where each overlay is drawn: the badge, the hashtag, the clock, the slate's
        words, and the lower third (the question on air, or the guest's name strap)."""
        self.renderer.resize(self.width(), self.height(), self.devicePixelRatioF())
        return self.renderer.places(self._card())

    def lower_third_text_rects(self) -> dict[str, QRectF]:
        """The boxes the lower third's words are fitted to (the question's, and who asks)."""
        self.renderer.resize(self.width(), self.height(), self.devicePixelRatioF())
        return self.renderer.lower_text_places(self._card())

    def lower_third_text(self) -> str:
        """The question on air as the lower third shows it, before it is fitted (and cut)."""
        card = self._card()
        return "" if card is None or card.is_strap else self.renderer.question_text(card)

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
