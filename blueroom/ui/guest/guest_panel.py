"""The guest panel (touch screen): where the guest is in the hour, and the mirror.

Big, calm and impossible to get lost in: the current step as a card (its title and
text, large), what comes next, the hour's progress (the steps as dots, and a bar
weighted by their planned minutes); a live, mirrored preview of the camera, as in a
mirror. A new step lights the card with a soft glow that fades (an animation, never a
blink). In landscape the card is at the left; in portrait, on top.

What the stage beside the card shows follows the step (``Step.shows``): the mirror;
the pick view (the approved questions as big cards the guest taps to answer); the
booth; the first post (a composer with an on-screen keyboard, posting from the guest's
own account: ``first_post.py``); or, on the live step, the camera as the video wall
shows it, "on camera", with a LIVE badge only while a stream really runs. Without a
picture the mirror says why, calmly ("No camera", "Reconnecting…"), decided from the
camera's slot within a frame.

Over it all: the team's cue, one at a time, with an OK; and the guest's "Ask for help".
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from contextlib import suppress

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QPointF,
    QRectF,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QWidget

from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.capture.picture import Picture, picture
from blueroom.core.actions import RoomActions
from blueroom.core.broadcast_stats import FrameMeter
from blueroom.core.guest_cues import empty_cues
from blueroom.core.readers import BoardReader, CuesReader, SessionReader
from blueroom.core.session import SessionSnapshot
from blueroom.ui import theme
from blueroom.ui.guest.booth_view import BoothView
from blueroom.ui.guest.cues import CueCard, HelpButton
from blueroom.ui.guest.first_post import FirstPostView
from blueroom.ui.guest.picker import QuestionPicker
from blueroom.ui.i18n import translate
from blueroom.ui.pacing import FrameTimer, MeteredWindow
from blueroom.ui.widgets.camera_slate import mirror_line, mirror_title, paint_camera_glyph
from blueroom.ui.widgets.prepared_frames import Prepared, PreparedFrames
from blueroom.ui.widgets.text import TextFits

FLASH_MS = 1600  # a new step's glow fades over this long


def corner_caps(background: QPixmap, box: QRectF, radius: float) -> list[tuple[QPointF, QPixmap]]:
    """The backdrop outside ``box``'s rounded corners, as four small pixmaps to lay over."""
    ratio = background.devicePixelRatio()
    size = math.ceil(radius) + 1
    square, rounded = QPainterPath(), QPainterPath()
    square.addRect(box)
    rounded.addRoundedRect(box, radius, radius)
    outside = square.subtracted(rounded)
    caps: list[tuple[QPointF, QPixmap]] = []
    for corner in (
        box.topLeft(),
        QPointF(box.right() - size, box.top()),
        QPointF(box.left(), box.bottom() - size),
        QPointF(box.right() - size, box.bottom() - size),
    ):
        cap = QPixmap(round(size * ratio), round(size * ratio))
        cap.setDevicePixelRatio(ratio)
        cap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(cap)
        painter.translate(-corner)
        painter.setClipPath(outside)
        painter.drawPixmap(0, 0, background)
        painter.end()
        caps.append((corner, cap))
    return caps


class GuestPanel(MeteredWindow, QWidget):
    frame_ready = Signal()  # emitted on the preparer's thread, received on the GUI's

    def __init__(
        self,
        session: SessionReader,
        frames: LatestFrameSlot,
        *,
        guest_name: str,
        board: BoardReader | None = None,
        actions: RoomActions | None = None,
        confirm_with_operator: bool = False,
        frame_rate: int = 30,
        booth: BoothView | None = None,
        cues: CuesReader | None = None,
        first_post: FirstPostView | None = None,
        streaming: Callable[[], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("GuestPanel", "Blue Room — guest panel"))
        self._session = session
        self._frames = frames
        self._guest_name = guest_name
        self._snapshot: SessionSnapshot = session.latest()
        self.prepared = PreparedFrames(frames, mirror=True, on_ready=self._frame_prepared)
        # the live step: the camera as the video wall shows it (not mirrored)
        self.on_camera = PreparedFrames(frames, mirror=False, on_ready=self._frame_prepared)
        # queued from the preparer's thread: each camera frame taken as soon as it is ready,
        # not at the next tick (ticks and frames beat against each other: frames were lost)
        self.frame_ready.connect(self._take_frame)
        # whether the programme's stream is running (issue 17); None: this room has none
        self._streaming = streaming
        self._mirror: Prepared | None = None  # the camera's frame at the stage's size
        self._background: QPixmap | None = None  # everything but the mirror, redrawn on change
        self._caps: list[tuple[QPointF, QPixmap]] = []
        self._texts = TextFits()
        self.picture = self._judge()
        self.setMinimumSize(480, 300)
        # Every paint covers its whole area (the backdrop, or the mirror's opaque frame):
        # Qt need not clear it first, 25 times a second.
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.picker: QuestionPicker | None = None
        if board is not None and actions is not None:
            self.picker = QuestionPicker(
                board, actions, confirm_with_operator=confirm_with_operator, parent=self
            )
            self.picker.hide()
        self.booth = booth  # the mirror's photo booth, on the mirror and selfie steps
        if booth is not None:
            booth.setParent(self)
            booth.hide()
            booth.shown_changed.connect(self._place_booth)  # the local shutter's review
        self.first_post = first_post  # the first-post step's composer
        if first_post is not None:
            first_post.setParent(self)
            first_post.hide()
        # a new step: the card glows, then the glow fades (never a blink)
        self.flash = 0.0
        self.flashes = 0
        self._flash = QVariantAnimation(self)
        self._flash.setStartValue(1.0)
        self._flash.setEndValue(0.0)
        self._flash.setDuration(FLASH_MS)
        self._flash.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._flash.valueChanged.connect(self._flash_step)
        # the team's cue and the guest's call for help
        self._cues = cues
        self.cue_card: CueCard | None = None
        self.help_button: HelpButton | None = None
        if cues is not None and actions is not None:
            self.cue_card = CueCard(actions, self)
            self.help_button = HelpButton(actions, parent=self)
        self.frame_meter = FrameMeter(shows_camera=True)  # the console's broadcast stats
        self._frames_timer = FrameTimer(self, frame_rate, self._tick, meter=self.frame_meter)

    # -- following the room -----------------------------------------------------------------
    def _tick(self) -> None:
        snapshot = self._session.latest()
        if snapshot.version != self._snapshot.version or snapshot.current != self._snapshot.current:
            moved = snapshot.current != self._snapshot.current
            self._snapshot = snapshot
            self._background = None
            self._mirror = None
            self._place_children()
            if moved:
                self._start_flash()
            self.update()
        self._place_booth()
        self._follow_cues()
        if self.picker is not None:
            self.picker.set_open(snapshot.switches.questions_open)
        if self.first_post is not None and self.composing:
            self.first_post.refresh()
        if self.picking or self.composing or self.booth_covers:
            self.prepared.pause()  # the stage is covered: no frame to scale
            self.on_camera.pause()
            return
        box = self._mirror_box()
        shown = self._judge()
        if shown != self.picture:
            self.picture = shown
            self.update(box.toAlignedRect())
        ratio = self.devicePixelRatioF()
        using, idle = self._stage_frames()
        idle.pause()
        using.set_size(round(box.width() * ratio), round(box.height() * ratio))
        if using.awaiting_screen:  # asked again: an update asked from within one can be lost
            self.update(box.toAlignedRect())
        self._take_frame()

    def _stage_frames(self) -> tuple[PreparedFrames, PreparedFrames]:
        """(the frames the stage shows, the ones it does not): the camera as the video wall
        shows it on the live step, else the mirror."""
        if self.on_camera_step:
            return self.on_camera, self.prepared
        return self.prepared, self.on_camera

    def _frame_prepared(self) -> None:
        """On the preparer's thread: a frame is ready for the stage."""
        with suppress(RuntimeError):  # the panel was closed meanwhile
            self.frame_ready.emit()

    def _take_frame(self) -> None:
        """The next prepared frame onto the stage, in order, once the one before is on the
        screen."""
        if self.picking or self.composing or self.booth_covers:
            return
        box = self._mirror_box()
        ratio = self.devicePixelRatioF()
        using, _ = self._stage_frames()
        using.set_size(round(box.width() * ratio), round(box.height() * ratio))  # none stale
        taken = using.take()
        if taken is not None:
            self._mirror = taken
            self.update(box.toAlignedRect())

    def camera_frame_shown(self) -> int:
        """The camera frame on the stage, 0 while the stage is covered or shows a slate."""
        covered = self.picking or self.composing or self.booth_covers
        live = self._mirror is not None and self.picture is Picture.LIVE
        return self.frame_seq if live and not covered else 0

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.UpdateRequest:  # painted and on the screen
            self._on_screen()
        return handled

    def _on_screen(self) -> None:
        for frames in (self.prepared, self.on_camera):
            frames.on_screen()
        using, _ = self._stage_frames()
        if using.waiting():  # the next one at once, outside this update
            QTimer.singleShot(0, self, self._take_frame)

    @property
    def frame_seq(self) -> int:
        """The camera frame the stage shows (its number in the slot; 0: none yet)."""
        return self._mirror.seq if self._mirror is not None else 0

    @property
    def frames_shed(self) -> int:
        """Camera frames the stage never showed while it showed the camera (it, or the
        preparer, fell behind)."""
        return self.prepared.shed + self.on_camera.shed

    def _judge(self) -> Picture:
        frames = self._frames
        return picture(frames.status(), frames.last_put_at(), time.monotonic())

    def _start_flash(self) -> None:
        self.flashes += 1
        self._flash.stop()
        self.flash = 1.0  # lit at once; the animation fades it
        self._flash.start()

    def end_glow(self) -> None:
        """The new step's glow faded at once (screenshots and approved images are taken
        as the guest sees the step once it settled)."""
        self._flash.stop()
        self.flash = 0.0
        self.update()

    def _flash_step(self, value: object) -> None:
        self.flash = float(value) if isinstance(value, int | float) else 0.0
        self.update(self._card_box().adjusted(-12, -12, 12, 12).toAlignedRect())

    def _follow_cues(self) -> None:
        if self._cues is None:
            return
        cues = self._cues.latest() if self._cues is not None else empty_cues()
        if self.cue_card is not None:
            was = self.cue_card.cue
            self.cue_card.show_cue(cues.showing)
            if cues.showing is not None and cues.showing != was:
                self._place_overlays()
        if self.help_button is not None:
            self.help_button.follow(cues)

    # -- what the stage shows ------------------------------------------------------------------
    @property
    def shows(self) -> str:
        return self._snapshot.step.shows

    @property
    def booth_showing(self) -> bool:
        """The mirror and the final selfie: the photo booth runs in the mirror."""
        return self.booth is not None and self.shows == "booth"

    @property
    def booth_covers(self) -> bool:
        """The booth from review on covers the whole panel: no mirror to scale under it."""
        return self.booth_showing and self.booth is not None and not self.booth.over_mirror

    @property
    def portrait(self) -> bool:
        return self.height() > self.width()

    @property
    def portrait_booth(self) -> bool:
        return self.booth_showing and self.portrait

    @property
    def picking(self) -> bool:
        """The questions step: the pick view takes the mirror's place."""
        return self.picker is not None and self.shows == "pick"

    @property
    def composing(self) -> bool:
        """The first-post step: the composer takes the panel below a slim title."""
        return self.first_post is not None and self.shows == "composer"

    @property
    def on_camera_step(self) -> bool:
        """The live step: the stage shows the camera as the video wall does."""
        return self.shows == "live"

    @property
    def streaming(self) -> bool:
        """A stream actually runs (never assumed: without one, no LIVE badge): the
        streamer says so here, or the room (``StreamStateChanged``)."""
        told = self._streaming is not None and self._streaming()
        return told or self._session.latest().streaming

    @property
    def live_badge_shown(self) -> bool:
        return self.on_camera_step and self.streaming

    def on_camera_words(self) -> tuple[str, str] | None:
        """On the live step: (the badge, the line under the picture); None elsewhere."""
        if not self.on_camera_step:
            return None
        if self.streaming:
            return (
                translate("GuestPanel", "LIVE"),
                translate("GuestPanel", "You are live: everyone following sees you now."),
            )
        return (
            translate("GuestPanel", "ON CAMERA"),
            translate(
                "GuestPanel",
                "This is what the room's video wall shows. This room is not streaming.",
            ),
        )

    # -- where things go --------------------------------------------------------------------
    def _margin(self) -> float:
        return min(self.width(), self.height()) * 0.05

    def _header_box(self) -> QRectF:
        """The composer's slim title strip (the help button at its right end)."""
        m = self._margin()
        height = max(64.0, min(96.0, self.height() * 0.08))
        return QRectF(m * 0.4, m * 0.4, self.width() - m * 0.8, height)

    def _card_box(self) -> QRectF:
        w, h = self.width(), self.height()
        m = self._margin()
        if self.composing:
            return self._header_box()
        if self.portrait_booth:
            return QRectF(w * 0.05, m, w * 0.9, h * 0.2 - 1.5 * m)
        if self.portrait:
            return QRectF(m, m, w - 2 * m, h * 0.42 - m)
        return QRectF(m, m, w * self._left_share() - m, h - 2 * m)

    def _mirror_box(self) -> QRectF:
        """The stage (mirror, pick view, booth, composer), in whole pixels: a new frame's
        update is exactly the box its image covers."""
        w, h = self.width(), self.height()
        m = self._margin()
        if self.composing:
            header = self._header_box()
            top = header.bottom() + m * 0.5
            return QRectF(round(m), round(top), round(w - 2 * m), round(h - top - m))
        if self.portrait_booth:  # the title above, the mirror the whole width below
            top = h * 0.2
            return QRectF(round(m), round(top), round(w - 2 * m), round(h - top - m))
        if self.portrait:
            top = h * 0.42 + m * 0.5
            return QRectF(round(m), round(top), round(w - 2 * m), round(h - top - m))
        left_w = w * self._left_share()
        return QRectF(
            round(left_w + m * 0.6), round(m), round(w - left_w - m * 1.6), round(h - 2 * m)
        )

    def _left_share(self) -> float:
        return 0.36 if self.picking else 0.42

    def _place_children(self) -> None:
        self._place_picker()
        if self.first_post is not None:
            if self.composing:
                self.first_post.setGeometry(self._mirror_box().toAlignedRect())
                self.first_post.show()
                self.first_post.refresh()
            else:
                self.first_post.hide()
        self._place_overlays()

    def _place_picker(self) -> None:
        if self.picker is None:
            return
        if self.picking:
            self.picker.setGeometry(self._mirror_box().toAlignedRect())
            self.picker.show()
        else:
            self.picker.hide()

    def _place_overlays(self) -> None:
        """The help button in the top-right corner, the cue card at the top, both on top."""
        w, h = self.width(), self.height()
        m = self._margin()
        if self.help_button is not None:
            height = round(max(64.0, min(96.0, h * 0.08)))
            width = round(max(240.0, min(420.0, w * 0.24)))
            self.help_button.setGeometry(round(w - m * 0.4 - width), round(m * 0.4), width, height)
            self.help_button.show()
            self.help_button.raise_()
        if self.cue_card is not None:
            # over the stage, under the help button: the step's title stays in sight
            stage = self._mirror_box()
            pad = m * 0.4
            height = round(max(150.0, min(240.0, h * 0.2)))
            top = stage.top() + pad
            if self.help_button is not None:
                top = max(top, self.help_button.geometry().bottom() + pad)
            width = round(max(min(stage.width() - 2 * pad, 900.0), min(w - 2 * m, 520.0)))
            left = round(min(stage.left() + pad, w - m * 0.4 - width))
            self.cue_card.setGeometry(left, round(top), width, height)
            self.cue_card.raise_()

    def _place_booth(self) -> None:
        booth = self.booth
        if booth is None:
            return
        if not self.booth_showing:
            booth.hide()
            return
        booth.refresh()
        area = self._mirror_box() if booth.over_mirror else QRectF(self.rect())
        if booth.geometry() != area.toAlignedRect():
            booth.setGeometry(area.toAlignedRect())
        if booth.isHidden():
            booth.show()
            booth.raise_()
            self._place_overlays()  # the cue and the help button stay over the booth

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._background = None
        self._mirror = None
        self._place_children()
        super().resizeEvent(event)

    @property
    def current_step(self) -> int:
        return self._snapshot.current

    # -- painting -----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        if self._background is None:
            self._background = self._render_background()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = self._mirror_box()
        showing = self._mirror is not None and self.picture is Picture.LIVE
        stage_only = showing and not self.picking and box.toRect().contains(event.rect())
        if not stage_only:  # a new frame covers its box: no backdrop under it
            painter.drawPixmap(0, 0, self._background)
            if self.flash > 0.0:
                self._paint_flash(painter)
        if not (self.picking or self.composing):
            self._paint_mirror(painter, box)
        painter.end()
        if not (self.isWindow() and self.isVisible()):  # no screen update follows
            for frames in (self.prepared, self.on_camera):
                frames.on_screen()

    def _paint_flash(self, painter: QPainter) -> None:
        """A soft glow over the card, fading: the step changed (over the title alone, with
        no outline, where the booth in portrait leaves no card)."""
        card = self._card_box()
        radius = min(card.width(), card.height()) * 0.06
        painter.save()
        painter.setBrush(theme.with_alpha(theme.ACCENT, 0.16 * self.flash))
        if self.portrait_booth:
            painter.setPen(Qt.PenStyle.NoPen)
        else:
            painter.setPen(QPen(theme.with_alpha(theme.ACCENT_SOFT, 0.85 * self.flash), 4))
        painter.drawRoundedRect(card, radius, radius)
        painter.restore()

    def _render_background(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        theme.paint_backdrop(painter, w, h)
        if self.composing:
            self._paint_header(painter)
        elif self.portrait_booth:
            self._paint_title_only(painter)
        else:
            self._paint_card(painter)
        painter.end()
        self._caps = corner_caps(pixmap, self._mirror_box(), min(w, h) * 0.03)
        return pixmap

    def _step_words(self) -> str:
        snapshot = self._snapshot
        return translate("GuestPanel", "STEP {number} OF {steps}").format(
            number=snapshot.current + 1, steps=len(snapshot.steps)
        )

    def _paint_header(self, painter: QPainter) -> None:
        """The composer's slim strip: the step, its title (the help button at its right)."""
        card = self._header_box()
        s = min(self.width(), self.height())
        radius = card.height() * 0.3
        painter.setPen(QPen(theme.LINE, 2))
        painter.setBrush(theme.with_alpha(theme.PANEL, 0.85))
        painter.drawRoundedRect(card, radius, radius)
        box = card.adjusted(s * 0.03, 0, -s * 0.03, 0)
        reserved = (self.help_button.width() + s * 0.02) if self.help_button else 0.0
        painter.setPen(theme.ACCENT_SOFT)
        painter.setFont(theme.font(s * 0.026, QFont.Weight.Bold))
        step = QRectF(box.left(), box.top(), s * 0.2, box.height())
        painter.drawText(
            step, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._step_words()
        )
        title = QRectF(step.right(), box.top(), box.width() - step.width() - reserved, box.height())
        # The step's title is the script's own text, in the session's language.
        self._texts.draw(
            painter, title, self._snapshot.step.title, theme.TEXT,
            max_px=s * 0.05, min_px=s * 0.025, weight=QFont.Weight.Black, max_lines=1,
        )  # fmt: skip

    def _paint_title_only(self, painter: QPainter) -> None:
        """The booth in portrait: the step and its title above the mirror, no card."""
        box = self._card_box()
        s = min(self.width(), self.height())
        step_line = QRectF(box.left(), box.top(), box.width(), s * 0.05)
        painter.setPen(theme.ACCENT_SOFT)
        painter.setFont(theme.font(s * 0.03, QFont.Weight.Bold))
        painter.drawText(
            step_line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            self._step_words(),
        )  # fmt: skip
        title = QRectF(
            box.left(), step_line.bottom(), box.width(), box.bottom() - step_line.bottom()
        )
        self._texts.draw(
            painter, title, self._snapshot.step.title, theme.TEXT,
            max_px=s * 0.075, min_px=s * 0.03, weight=QFont.Weight.Black, max_lines=2,
        )  # fmt: skip

    def _paint_card(self, painter: QPainter) -> None:
        """The step as a big calm card: its title and text, what comes next, the progress."""
        card = self._card_box()
        s = min(self.width(), self.height())
        radius = min(card.width(), card.height()) * 0.06
        painter.setPen(QPen(theme.LINE, 2))
        painter.setBrush(theme.with_alpha(theme.PANEL, 0.85))
        painter.drawRoundedRect(card, radius, radius)
        pad = s * 0.045
        inner = card.adjusted(pad, pad * 0.9, -pad, -pad * 0.8)
        portrait = self.portrait
        snapshot = self._snapshot
        step = snapshot.step
        painter.setPen(theme.ACCENT_SOFT)
        painter.setFont(theme.font(s * 0.03, QFont.Weight.Bold))
        step_line = QRectF(inner.left(), inner.top(), inner.width(), s * 0.045)
        painter.drawText(step_line, Qt.AlignmentFlag.AlignLeft, self._step_words())
        progress_h = s * (0.14 if not portrait else 0.12)
        next_h = s * 0.06
        progress = QRectF(inner.left(), inner.bottom() - progress_h, inner.width(), progress_h)
        after = QRectF(inner.left(), progress.top() - next_h - s * 0.02, inner.width(), next_h)
        body_top = step_line.bottom() + s * 0.015
        body = QRectF(inner.left(), body_top, inner.width(), after.top() - body_top - s * 0.02)
        title_h = body.height() * (0.42 if not portrait else 0.4)
        # The step's title and text are the script's own, in the session's language.
        self._texts.draw(
            painter, QRectF(body.left(), body.top(), body.width(), title_h), step.title,
            theme.TEXT, max_px=s * 0.075, min_px=s * 0.032, weight=QFont.Weight.Black,
            max_lines=3, align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
        )  # fmt: skip
        self._texts.draw(
            painter,
            QRectF(body.left(), body.top() + title_h + s * 0.015, body.width(),
                   body.height() - title_h - s * 0.015),
            step.guidance, theme.MUTED, max_px=s * 0.038, min_px=s * 0.022,
            weight=QFont.Weight.Medium, max_lines=7,
            align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
        )  # fmt: skip
        painter.setPen(QPen(theme.LINE, 1))
        painter.drawLine(QPointF(after.left(), after.top()), QPointF(after.right(), after.top()))
        upcoming = (
            snapshot.steps[snapshot.current + 1].title
            if snapshot.current + 1 < len(snapshot.steps)
            else ""
        )
        label = (
            translate("GuestPanel", "NEXT") if upcoming else translate("GuestPanel", "LAST STEP")
        )
        painter.setPen(theme.DIM)
        painter.setFont(theme.font(s * 0.022, QFont.Weight.Bold))
        label_w = painter.fontMetrics().horizontalAdvance(label) + s * 0.025
        painter.drawText(
            QRectF(after.left(), after.top(), label_w, after.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            label,
        )
        if upcoming:
            self._texts.draw(
                painter, after.adjusted(label_w, 0, 0, 0), upcoming, theme.TEXT,
                max_px=s * 0.032, min_px=s * 0.018, weight=QFont.Weight.DemiBold, max_lines=1,
            )  # fmt: skip
        self._paint_progress(painter, progress)

    def hour_done(self) -> float:
        """The share of the hour's planned minutes in the steps already done."""
        steps = self._snapshot.steps
        total = sum(max(0, step.minutes) for step in steps) or 1
        done = sum(max(0, step.minutes) for step in steps[: self._snapshot.current])
        return done / total

    def _paint_progress(self, painter: QPainter, area: QRectF) -> None:
        steps = self._snapshot.steps
        s = min(self.width(), self.height())
        bar_h = max(6.0, s * 0.01)
        bar = QRectF(area.left(), area.top(), area.width(), bar_h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.PANEL_HI)
        painter.drawRoundedRect(bar, bar_h / 2, bar_h / 2)
        done = self.hour_done()
        if done > 0:
            painter.setBrush(theme.GREEN)
            painter.drawRoundedRect(
                QRectF(bar.left(), bar.top(), bar.width() * done, bar_h), bar_h / 2, bar_h / 2
            )
        spacing = area.width() / max(1, len(steps))
        radius = s * 0.013
        y = bar.bottom() + s * 0.035
        label_font = theme.font(s * (0.016 if self.picking else 0.019), QFont.Weight.DemiBold)
        widest = max(
            (
                QFontMetricsF(label_font).horizontalAdvance(word)
                for st in steps
                for word in st.short.split()
            ),
            default=0.0,
        )
        if widest > spacing * 0.9:  # every word of every label inside its own column
            label_font.setPixelSize(max(9, int(label_font.pixelSize() * spacing * 0.9 / widest)))
        for index, step in enumerate(steps):
            x = area.left() + spacing * index + spacing / 2
            if index < len(steps) - 1:
                painter.setPen(QPen(theme.LINE, s * 0.004))
                painter.drawLine(QPointF(x + radius * 2, y), QPointF(x + spacing - radius * 2, y))
            current = index == self._snapshot.current
            finished = index < self._snapshot.current
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(
                theme.ACCENT if current else theme.GREEN if finished else theme.PANEL_HI
            )
            r = radius * (1.6 if current else 1.0)
            painter.drawEllipse(QRectF(x - r, y - r, 2 * r, 2 * r))
            painter.setPen(theme.TEXT if current else theme.DIM)
            painter.setFont(label_font)
            painter.drawText(
                QRectF(x - spacing / 2, y + radius * 2.2, spacing, area.bottom() - y - radius * 2),
                Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
                step.short,
            )

    def _paint_mirror(self, painter: QPainter, box: QRectF) -> None:
        s = min(self.width(), self.height())
        path = QPainterPath()
        path.addRoundedRect(box, s * 0.03, s * 0.03)
        frame = self._mirror
        wrong_frame = frame is not None and frame.mirror == self.on_camera_step  # the other's
        if frame is None or self.picture is not Picture.LIVE or wrong_frame:
            self._paint_slate(painter, box, path)
            return
        # An opaque copy, then the backdrop's four corner caps over it: a rounded clip
        # path on a full-size image costs several times as much, every frame.
        frame.paint(painter, box.left(), box.top(), self.devicePixelRatioF())
        for corner, cap in self._caps:
            painter.drawPixmap(corner, cap)
        painter.setPen(QPen(theme.LINE, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        words = self.on_camera_words()
        if words is not None:
            self._paint_on_camera(painter, box, *words)
            return
        painter.setPen(theme.TEXT)
        painter.setFont(theme.font(s * 0.028, QFont.Weight.Bold))
        painter.drawText(
            box.adjusted(s * 0.03, 0, 0, -s * 0.03),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            translate("GuestPanel", "THE MIRROR"),
        )

    def _paint_on_camera(self, painter: QPainter, box: QRectF, badge: str, line: str) -> None:
        """The live step's badge over the picture: ON CAMERA, or LIVE when a stream runs."""
        s = min(self.width(), self.height())
        painter.setFont(theme.font(s * 0.03, QFont.Weight.Black))
        pad = s * 0.02
        badge_w = painter.fontMetrics().horizontalAdvance(badge) + pad * 2.4
        badge_box = QRectF(box.left() + pad * 1.5, box.top() + pad * 1.5, badge_w, s * 0.055)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.LIVE if self.streaming else theme.with_alpha(theme.NIGHT, 0.75))
        painter.drawRoundedRect(badge_box, badge_box.height() / 2, badge_box.height() / 2)
        if not self.streaming:
            painter.setPen(QPen(theme.ACCENT_SOFT, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(badge_box, badge_box.height() / 2, badge_box.height() / 2)
        painter.setPen(theme.TEXT)
        painter.drawText(badge_box, Qt.AlignmentFlag.AlignCenter, badge)
        strip = QRectF(box.left(), box.bottom() - s * 0.1, box.width(), s * 0.1)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.with_alpha(theme.NIGHT, 0.7))
        painter.drawRect(strip.adjusted(0, 0, 0, -s * 0.03 * 0.3))
        self._texts.draw(
            painter, strip.adjusted(pad * 1.5, 0, -pad * 1.5, 0), line, theme.TEXT,
            max_px=s * 0.03, min_px=s * 0.016, weight=QFont.Weight.DemiBold, max_lines=2,
        )  # fmt: skip

    def slate_words(self) -> tuple[str, str] | None:
        """What the mirror says without a picture (a title, a line), None with one."""
        if (
            self.picking
            or self.composing
            or (self._mirror is not None and self.picture is Picture.LIVE)
        ):
            return None
        shown = self._slate_picture()
        return mirror_title(shown), mirror_line(shown)

    def _slate_picture(self) -> Picture:
        # Live, but its first frame not yet scaled for the mirror: still waking up.
        return Picture.STARTING if self.picture is Picture.LIVE else self.picture

    def _paint_slate(self, painter: QPainter, box: QRectF, path: QPainterPath) -> None:
        """The mirror without a picture: what is happening, in a few calm words."""
        h = min(self.width(), self.height())
        shown = self._slate_picture()
        painter.setPen(QPen(theme.LINE, 2))
        painter.setBrush(theme.PANEL)
        painter.drawPath(path)
        glyph = min(box.width() * 0.18, box.height() * 0.16)
        paint_camera_glyph(
            painter,
            QPointF(box.center().x(), box.top() + box.height() * 0.36),
            glyph,
            shown,
            theme.MUTED,
        )
        inner = box.adjusted(box.width() * 0.08, 0, -box.width() * 0.08, 0)
        title = QRectF(inner.left(), box.top() + box.height() * 0.47, inner.width(), h * 0.07)
        self._texts.draw(
            painter,
            title,
            mirror_title(shown),
            theme.TEXT,
            max_px=h * 0.045,
            min_px=h * 0.02,
            weight=QFont.Weight.Bold,
            max_lines=1,
            align=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
        )
        line = mirror_line(shown)
        if line:
            self._texts.draw(
                painter,
                QRectF(inner.left(), title.bottom(), inner.width(), h * 0.1),
                line,
                theme.MUTED,
                max_px=h * 0.028,
                min_px=h * 0.016,
                weight=QFont.Weight.Medium,
                max_lines=2,
                align=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            )
