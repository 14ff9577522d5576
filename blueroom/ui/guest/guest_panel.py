"""The guest panel (touch screen): where the guest is in the hour, and the mirror.

Big, calm and impossible to get lost in: the current step, large; the steps of the
hour as a row of dots; a live, mirrored preview of the camera, as in a mirror. During
the questions step the mirror gives way to the pick view: the approved questions as
big cards the guest taps to answer. Without a picture the mirror says why, calmly ("No
camera", "Reconnecting…"), decided from the camera's slot within a frame.
"""

from __future__ import annotations

import math
import time
from contextlib import suppress

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPainterPath, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QWidget

from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.capture.picture import Picture, picture
from blueroom.core.actions import RoomActions
from blueroom.core.readers import BoardReader, SessionReader
from blueroom.core.session import SessionSnapshot
from blueroom.ui import theme
from blueroom.ui.guest.booth_view import BoothView
from blueroom.ui.guest.picker import QuestionPicker
from blueroom.ui.i18n import translate
from blueroom.ui.pacing import FrameTimer
from blueroom.ui.widgets.camera_slate import mirror_line, mirror_title, paint_camera_glyph
from blueroom.ui.widgets.prepared_frames import PreparedFrames, bgr_image
from blueroom.ui.widgets.text import TextFits


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


class GuestPanel(QWidget):
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
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("GuestPanel", "Blue Room — guest panel"))
        self._session = session
        self._frames = frames
        self._guest_name = guest_name
        self._snapshot: SessionSnapshot = session.latest()
        self.prepared = PreparedFrames(frames, mirror=True, on_ready=self._frame_prepared)
        # queued from the preparer's thread: each camera frame taken as soon as it is ready,
        # not at the next tick (ticks and frames beat against each other: frames were lost)
        self.frame_ready.connect(self._take_frame)
        self._shown_seq = 0
        self._mirror: np.ndarray | None = None  # the frame, mirrored, at the mirror's size
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
        self._frames_timer = FrameTimer(self, frame_rate, self._tick)

    def _tick(self) -> None:
        snapshot = self._session.latest()
        if snapshot.version != self._snapshot.version or snapshot.current != self._snapshot.current:
            self._snapshot = snapshot
            self._background = None
            self._place_picker()
            self.update()
        self._place_booth()
        if self.picking or self.booth_covers:
            self.prepared.pause()  # the pick view or the booth covers the mirror: no frame
            return
        box = self._mirror_box()
        shown = self._judge()
        if shown != self.picture:
            self.picture = shown
            self.update(box.toAlignedRect())
        ratio = self.devicePixelRatioF()
        self.prepared.set_size(round(box.width() * ratio), round(box.height() * ratio))
        self._take_frame()

    def _frame_prepared(self) -> None:
        """On the preparer's thread: a frame is ready for the mirror."""
        with suppress(RuntimeError):  # the panel was closed meanwhile
            self.frame_ready.emit()

    def _take_frame(self) -> None:
        """The newest prepared frame into the mirror, if it is new and at the mirror's size."""
        if self.picking or self.booth_covers:
            return
        box = self._mirror_box()
        ratio = self.devicePixelRatioF()
        size = (round(box.width() * ratio), round(box.height() * ratio))
        latest = self.prepared.latest()
        if latest is not None and latest[0] != self._shown_seq and latest[1] == size:
            self._shown_seq = latest[0]
            self._mirror = latest[2]
            self.update(box.toAlignedRect())

    @property
    def frame_seq(self) -> int:
        """The camera frame the mirror shows (its number in the slot; 0: none yet)."""
        return self._shown_seq

    def _judge(self) -> Picture:
        frames = self._frames
        return picture(frames.status(), frames.last_put_at(), time.monotonic())

    @property
    def booth_showing(self) -> bool:
        """The mirror and the final selfie: the photo booth runs in the mirror."""
        return self.booth is not None and self._snapshot.step.shows == "booth"

    @property
    def booth_covers(self) -> bool:
        """The booth's steps from review on cover the whole panel, the mirror with it."""
        return self.booth_showing and self.booth is not None and not self.booth.over_mirror

    @property
    def portrait_booth(self) -> bool:
        return self.booth_showing and self.height() > self.width()

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

    def _mirror_box(self) -> QRectF:
        """Whole pixels: a new frame's update is exactly the box its image covers."""
        w, h = self.width(), self.height()
        if self.portrait_booth:  # the title above, the mirror the whole width below
            m = w * 0.05
            top = h * 0.2
            return QRectF(round(m), round(top), round(w - 2 * m), round(h - top - m))
        m = h * 0.06
        left_w = w * self._left_share()
        return QRectF(
            round(left_w + m * 0.5), round(m), round(w - left_w - m * 1.5), round(h - 2 * m)
        )

    def _left_share(self) -> float:
        return 0.36 if self.picking else 0.55

    @property
    def picking(self) -> bool:
        """The questions step: the pick view takes the mirror's place."""
        return self.picker is not None and self._snapshot.step.shows == "pick"

    def _place_picker(self) -> None:
        if self.picker is None:
            return
        if self.picking:
            self.picker.setGeometry(self._mirror_box().toAlignedRect())
            self.picker.show()
        else:
            self.picker.hide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._background = None
        self._mirror = None
        self._shown_seq = 0
        self._place_picker()
        super().resizeEvent(event)

    @property
    def current_step(self) -> int:
        return self._snapshot.current

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._background is None:
            self._background = self._render_background()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = self._mirror_box()
        showing = self._mirror is not None and self.picture is Picture.LIVE
        mirror_only = showing and not self.picking and box.toRect().contains(event.rect())
        if not mirror_only:  # a new frame covers its box: no backdrop under it
            painter.drawPixmap(0, 0, self._background)
        if not self.picking:
            self._paint_mirror(painter, box)
        painter.end()

    def _render_background(self) -> QPixmap:
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        theme.paint_backdrop(painter, w, h)
        snapshot = self._snapshot
        step = snapshot.step
        m = h * 0.06
        left_w = w * self._left_share()
        painter.setPen(theme.ACCENT_SOFT)
        painter.setFont(theme.font(h * 0.03, QFont.Weight.Bold))
        painter.drawText(
            QRectF(m, m, left_w, h * 0.05),
            Qt.AlignmentFlag.AlignLeft,
            translate("GuestPanel", "STEP {number} OF {steps}").format(
                number=snapshot.current + 1, steps=len(snapshot.steps)
            ),
        )
        painter.setPen(theme.TEXT)
        painter.setFont(theme.font(h * 0.075, QFont.Weight.Black))
        title_box = QRectF(m, m + h * 0.07, left_w - m, h * 0.26)
        # The step's title and guidance are the script's own text (a script per language
        # is to come), not translated here.
        if self.portrait_booth:
            title_box = QRectF(w * 0.05, m + h * 0.05, w * 0.9, h * 0.12)
        painter.drawText(
            title_box, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, step.title
        )
        if self.portrait_booth:  # the mirror takes the rest of the screen
            painter.end()
            self._caps = corner_caps(pixmap, self._mirror_box(), min(w, h) * 0.03)
            return pixmap
        painter.setPen(theme.MUTED)
        painter.setFont(theme.font(h * 0.036, QFont.Weight.Medium))
        painter.drawText(
            QRectF(m, m + h * 0.35, left_w - m, h * 0.3),
            Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
            step.guidance,
        )
        self._paint_progress(painter, QRectF(m, h * 0.78, left_w - m, h * 0.14))
        painter.end()
        self._caps = corner_caps(pixmap, self._mirror_box(), h * 0.03)
        return pixmap

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
            painter.setFont(
                theme.font(h * (0.016 if self.picking else 0.02), QFont.Weight.DemiBold)
            )
            painter.drawText(
                QRectF(x - spacing * 0.6 + radius, y + radius * 2.2, spacing * 1.2, h * 0.06),
                Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap,
                step.short,
            )

    def _paint_mirror(self, painter: QPainter, box: QRectF) -> None:
        h = self.height()
        path = QPainterPath()
        path.addRoundedRect(box, h * 0.03, h * 0.03)
        if self._mirror is None or self.picture is not Picture.LIVE:
            self._paint_slate(painter, box, path)
            return
        # An opaque copy, then the backdrop's four corner caps over it: a rounded clip
        # path on a full-size image costs several times as much, every frame.
        painter.drawImage(box.topLeft(), bgr_image(self._mirror, self.devicePixelRatioF()))
        for corner, cap in self._caps:
            painter.drawPixmap(corner, cap)
        painter.setPen(QPen(theme.LINE, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(theme.TEXT)
        painter.setFont(theme.font(h * 0.028, QFont.Weight.Bold))
        painter.drawText(
            box.adjusted(h * 0.03, 0, 0, -h * 0.03),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom,
            translate("GuestPanel", "THE MIRROR"),
        )

    def slate_words(self) -> tuple[str, str] | None:
        """What the mirror says without a picture (a title, a line), None with one."""
        if self.picking or (self._mirror is not None and self.picture is Picture.LIVE):
            return None
        shown = self._slate_picture()
        return mirror_title(shown), mirror_line(shown)

    def _slate_picture(self) -> Picture:
        # Live, but its first frame not yet scaled for the mirror: still waking up.
        return Picture.STARTING if self.picture is Picture.LIVE else self.picture

    def _paint_slate(self, painter: QPainter, box: QRectF, path: QPainterPath) -> None:
        """The mirror without a picture: what is happening, in a few calm words."""
        h = self.height()
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
