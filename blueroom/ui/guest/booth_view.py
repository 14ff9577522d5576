"""The mirror's photo booth as the guest sees it: one calm screen per step.

The view only reads the booth's snapshot (``BoothReader``) and the outbox's (whether the
room can post); every touch is a ``BoothTouched`` published through the actions, and
the booth decides where it leads. Over the live mirror (attract, preview, countdown,
capture) it is see-through: one huge button, the 3-2-1 numerals, the white flash. From
review on it covers the guest panel: the photo fitted whole (never cropped), big
buttons (at least 96 px, readable from the sofa, usable with a mouse), in a row in
landscape and a column in portrait.

The finish step offers the frames (big thumbnails of the photo in each) and the
captions (three suggestions with the guest's name and the hashtag, none, or the
operator's), the preview composed as it will be saved; each choice is a journalled
``BoothStyled`` that never moves the step. Continue composes the final JPEG at full
resolution on the disk worker (``Composer.save_final``), then moves on; the share and
done steps show it. The preview, the thumbnails and the final are drawn from the
untouched original and the signature's vectors read back from beside it (the same after
a restart), the signature last, over the frame; vectors that cannot be read leave the
signed photo under the frame instead (counted).

The share step lets the guest choose what Post sends, the photo (the default) or its
boomerang (``clips``: made on the screens' workers, offered once written; chosen, it
plays in place of the photo); the choice is a journalled ``BoothClipChosen`` that never
moves the step, and only Post posts.

The done screen keeps a place at the right for the take-home QR (``set_take_home``).

The shutter is local (``shutter``, the still capture's ``shoot``): a precise timer falls
at the countdown's deadline, takes the newest full frame and shows it on the review
screen at once, before the engine's clock and snapshot catch up. Until the booth's
snapshot says review for that photo, a touch on Retake or Keep is held and sent then
(the booth decides); a shot the booth refused goes away from the screen (the still
capture keeps it on disk).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QIcon,
    QImage,
    QMovie,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from blueroom.capture.still import Shot
from blueroom.core.actions import RoomActions
from blueroom.core.booth import (
    BoothPhoto,
    BoothState,
    PhotoFate,
    final_path,
    idle_booth,
    posted_path,
    signature_path,
    signed_path,
    styled_path,
    vectors_path,
)
from blueroom.core.events import BoothAction, BoothStep
from blueroom.core.frames import FrameSpec
from blueroom.core.outbox import EntryState
from blueroom.core.readers import BoothReader, OutboxReader
from blueroom.core.signature import Signature, from_json
from blueroom.paths import assets
from blueroom.ui import theme
from blueroom.ui.fonts import UI_FAMILY
from blueroom.ui.guest.compose import Composer
from blueroom.ui.guest.signature_pad import COLORS, SignaturePad, render_signed
from blueroom.ui.i18n import translate
from blueroom.ui.widgets.text import single_line

BUTTON_PADDING = 28  # px each side of a button's word
MIN_TARGET = 96  # px: the smallest touch target
OVER_MIRROR = frozenset(
    {
        BoothStep.ATTRACT,
        BoothStep.PREVIEW,
        BoothStep.COUNTDOWN,
        BoothStep.CAPTURE,
        BoothStep.DISARMED,
    }
)
SaveJob = Callable[[Callable[[], None]], None]
Shutter = Callable[[int], Shot | None]  # the countdown's move → the shot taken, if any
HELD_ACTIONS = frozenset({BoothAction.RETAKE, BoothAction.KEEP})  # on a shot not yet confirmed
PREVIEW_WIDTH = 1280  # px: the finish step's composed preview
THUMB_WIDTH = 320  # px: a frame's thumbnail


def frame_title(spec: FrameSpec) -> str:
    """A frame's name for the guest: the bundled frames' in the guest's language, another
    folder's as its manifest says."""
    known = {
        "Studio": translate("BoothView", "Studio"),
        "Polaroid": translate("BoothView", "Polaroid"),
        "Broadcast": translate("BoothView", "Broadcast"),
    }
    return known.get(spec.title, spec.title)


def taken_at(path: str, otherwise: float) -> float:
    """When the photo was taken: its original's file time (written at the shutter)."""
    try:
        return Path(path).stat().st_mtime
    except OSError:
        return otherwise


class PhotoArea(QWidget):
    """The photo, fitted whole and centred."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image: QImage | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_image(self, image: QImage | None) -> None:
        self.image = image
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        image = self.image
        if image is None or image.isNull():
            return
        scale = min(self.width() / image.width(), self.height() / image.height())
        w, h = image.width() * scale, image.height() * scale
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.drawImage(QRectF((self.width() - w) / 2, (self.height() - h) / 2, w, h), image)
        painter.end()


def shot_image(shot: Shot) -> QImage:
    """The shot as Qt shows it (a copy Qt owns: 4 ms for 1080p here)."""
    image = shot.image
    height, width = int(image.shape[0]), int(image.shape[1])
    wrapped = QImage(image.data, width, height, image.strides[0], QImage.Format.Format_BGR888)
    return wrapped.convertToFormat(QImage.Format.Format_RGB32)


class BoothView(QWidget):
    shown_changed = Signal()  # the screen changed between two looks (the local shutter)

    def __init__(
        self,
        booth: BoothReader,
        outbox: OutboxReader,
        actions: RoomActions,
        *,
        save: SaveJob | None = None,  # the disk worker (None: at once, in tests)
        take_home: Callable[[Path], QWidget] | None = None,  # the done step's QR codes
        clock: Callable[[], float] = time.time,
        hashtag: str = "",
        guest_name: str = "",
        frames: Path | None = None,  # the frames' folder (default: the bundled ones)
        shutter: Shutter | None = None,  # the local shutter (None: the still worker shoots)
        clips: bool = False,  # each photo gets a boomerang (the share step offers it)
        on_problem: Callable[[str, str], None] | None = None,  # (where, what): the console's
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.hashtag = hashtag
        self.guest_name = guest_name
        self.composer = Composer(frames if frames is not None else assets().frames)
        self._booth = booth
        self._outbox = outbox
        self._actions = actions
        self._save = save
        self._make_take_home = take_home
        self._take_home_for = ""  # the photo the take-home widget offers
        self._clock = clock
        self.state: BoothState = idle_booth()
        self._shown: tuple[object, ...] | None = None  # (move, words, style) last laid out
        self._photo_id = ""
        self._image: QImage | None = None
        self._numeral = 0
        self._button_px = 28
        self._styled = (0, 0)  # the words' sizes the style sheet has
        self.saving = False
        self._on_problem = on_problem
        self.sign_failures = 0  # signed photos the disk refused (the photo goes on unsigned)
        self.compose_failures = 0  # final photos not written (the photo goes on as it was)
        # signatures whose vectors could not be read back: framed from the signed photo
        self.signature_fallbacks = 0
        self._vectors: tuple[str, Signature | None] = ("", None)  # a photo's, read back
        self._signature: Signature | None = None  # drawn over the shown image, last
        self.composing = False
        self._preview_key: tuple[object, ...] = ()
        self._thumbs_for = ""  # the photo the frames' thumbnails show
        self.touches = 0
        # the local shutter: its timer, the shot shown before the booth confirms it
        self._shutter = shutter
        self._shutter_move = -1  # the countdown the timer fell (or is set) for
        self._shutter_timer = QTimer(self)
        self._shutter_timer.setSingleShot(True)
        self._shutter_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._shutter_timer.timeout.connect(self._shoot)
        self.shot: Shot | None = None  # shown as review, not yet the booth's
        self._shot_image: tuple[str, QImage] | None = None  # the last shot, as shown
        self._held: BoothAction | None = None  # a touch on the shot, sent once confirmed
        self.held_dropped = 0  # touches on a shot the booth refused (never sent)
        self.clips = clips
        self.movie: QMovie | None = None  # the chosen boomerang, playing
        self._movie_path = ""

        self.headline = self._label(bold=True)
        self.detail = self._label()
        self.photo = PhotoArea()
        self.pad = SignaturePad()
        self._take_home = QWidget()
        self._take_home_layout = QVBoxLayout(self._take_home)
        self._take_home_layout.setContentsMargins(0, 0, 0, 0)
        self.take_home: QWidget | None = None
        self.buttons: dict[BoothAction, QPushButton] = {}
        self.captions: dict[BoothAction, QLabel] = {}
        self._tools: list[QPushButton] = []
        # the finish step: a row of frames, a column of captions
        self.frame_buttons: dict[str, QToolButton] = {}
        self.caption_buttons: list[tuple[str, QPushButton]] = []
        self._frames_row = QWidget()
        frames_layout = QHBoxLayout(self._frames_row)
        frames_layout.setContentsMargins(0, 0, 0, 0)
        for name, title in (
            ("", translate("BoothView", "No frame")),
            *((spec.name, frame_title(spec)) for spec in self._frame_specs()),
        ):
            button = QToolButton()
            button.setText(title)
            button.setCheckable(True)
            button.setMinimumSize(MIN_TARGET, MIN_TARGET)
            button.setProperty("choice", True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            button.clicked.connect(partial(self._choose, frame=name))
            frames_layout.addWidget(button)
            self.frame_buttons[name] = button
        # the share step: the photo or its boomerang
        self._media_row = QWidget()
        media_layout = QHBoxLayout(self._media_row)
        media_layout.setContentsMargins(0, 0, 0, 0)
        self.media_buttons: dict[bool, QPushButton] = {}
        for clip, title in (
            (False, translate("BoothView", "Photo")),
            (True, translate("BoothView", "Boomerang clip")),
        ):
            choice = self._choice(title, partial(self._choose_media, clip))
            choice.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            media_layout.addWidget(choice)
            self.media_buttons[clip] = choice
        self._captions_box = QWidget()
        self._captions_layout = QVBoxLayout(self._captions_box)
        self._captions_layout.setContentsMargins(0, 0, 0, 0)
        self._captions_layout.setAlignment(Qt.AlignmentFlag.AlignTop)

        self._middle = middle = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        middle.addWidget(self.photo, 1)
        middle.addWidget(self.pad, 1)
        middle.addWidget(self._take_home)
        middle.addWidget(self._captions_box)
        self._tool_row = QVBoxLayout()  # the swatches, then the pen's tools
        self._swatches, self._pen_tools = QHBoxLayout(), QHBoxLayout()
        self._tool_row.addLayout(self._swatches)
        self._tool_row.addLayout(self._pen_tools)
        for color in COLORS:
            self._tool("", partial(self.pad.set_color, color), f"background:{color}")
        self._tool(translate("BoothView", "Thin"), lambda: self.pad.set_thick(False))
        self._tool(translate("BoothView", "Thick"), lambda: self.pad.set_thick(True))
        self._tool(translate("BoothView", "Undo"), self.pad.undo)
        self._tool(translate("BoothView", "Clear"), self.pad.clear)
        self._action_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        for action, text in (
            (BoothAction.START, translate("BoothView", "Take a photo")),
            (BoothAction.CANCEL, translate("BoothView", "Cancel")),
            (BoothAction.SHOOT, translate("BoothView", "Shoot")),
            (BoothAction.RETAKE, translate("BoothView", "Retake")),
            (BoothAction.KEEP, translate("BoothView", "Keep")),
            (BoothAction.SKIP, translate("BoothView", "Skip")),
            (BoothAction.SIGNED, translate("BoothView", "Done")),
            (BoothAction.FINISHED, translate("BoothView", "Continue")),
            (BoothAction.POST, translate("BoothView", "Post")),
            (BoothAction.SAVE, translate("BoothView", "Save only")),
            (BoothAction.DISCARD, translate("BoothView", "Discard")),
            (BoothAction.CLOSE, translate("BoothView", "Finish")),
        ):
            self._button(action, text)
        root = QVBoxLayout(self)
        root.addWidget(self.headline)
        root.addLayout(middle, 1)
        root.addWidget(self._frames_row)
        root.addWidget(self._media_row)
        root.addLayout(self._tool_row)
        root.addLayout(self._action_row)
        root.addWidget(self.detail)
        self._lay_out()

    # -- building ----------------------------------------------------------------------
    def _label(self, bold: bool = False) -> QLabel:
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setProperty("bold", bold)
        return label

    def _tool(self, text: str, slot: Callable[[], None], style: str = "") -> None:
        button = QPushButton(text)
        button.setMinimumSize(MIN_TARGET, MIN_TARGET)
        if style:
            button.setStyleSheet(style)
        button.clicked.connect(slot)
        button.setProperty("tool", True)
        (self._pen_tools if text else self._swatches).addWidget(button)
        self._tools.append(button)

    def _frame_specs(self) -> list[FrameSpec]:
        return list(self.composer.frames.values())

    def _choice(self, text: str, slot: Callable[[], None]) -> QPushButton:
        """A big checkable choice of the finish step (a frame or a caption)."""
        button = QPushButton(text)
        button.setCheckable(True)
        button.setMinimumSize(MIN_TARGET, MIN_TARGET)
        button.setProperty("choice", True)
        button.clicked.connect(slot)
        return button

    def _button(self, action: BoothAction, text: str) -> None:
        column = QVBoxLayout()
        button = QPushButton(text)
        button.setMinimumHeight(MIN_TARGET)
        button.setMinimumWidth(MIN_TARGET * 2)
        button.clicked.connect(lambda: self.touch(action))
        caption = self._label()
        # a caption wraps under its button and never widens the button's column
        caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        caption.hide()
        column.addWidget(button)
        column.addWidget(caption)
        self._action_row.addLayout(column)
        self.buttons[action] = button
        self.captions[action] = caption

    def set_take_home(self, widget: QWidget) -> None:
        """The take-home QR (another part builds it): shown at the right of the done step."""
        if self.take_home is not None:
            self._take_home_layout.removeWidget(self.take_home)
            self.take_home.setParent(None)
        self.take_home = widget
        self._take_home_layout.addWidget(widget)

    # -- the guest's touches -----------------------------------------------------------------
    def touch(self, action: BoothAction) -> None:
        self.touches += 1
        if self.shot is not None:
            if action in HELD_ACTIONS:
                self._held = action  # sent when the booth shows this photo for review
            return
        if action is BoothAction.SIGNED:
            self._sign()
            return
        if action is BoothAction.FINISHED:
            self._finish()
            return
        self._actions.booth(action)

    # -- the finish step: frame and caption --------------------------------------------------
    def caption_choices(self) -> list[str]:
        """The captions offered: the operator's (when typed), three suggestions with the
        guest's first name and the hashtag, and none ("")."""
        first = self.guest_name.split()[0] if self.guest_name.strip() else ""
        hashtag = self.hashtag
        suggestions = [
            translate("BoothView", "Thank you {hashtag}!").format(hashtag=hashtag)
            if hashtag
            else translate("BoothView", "Thank you!"),
            translate("BoothView", "An unforgettable moment in the Blue Room"),
            translate("BoothView", "{name}, live from the Blue Room").format(name=first)
            if first
            else translate("BoothView", "Live from the Blue Room"),
        ]
        offered = self.state.offered_caption
        return [*([offered] if offered and offered not in suggestions else []), *suggestions, ""]

    def _choose(self, *, frame: str | None = None, caption: str | None = None) -> None:
        """A frame or a caption touched: published with the other one as it is."""
        photo = self.state.photo
        if photo is None or self.state.step is not BoothStep.FINISH:
            return
        self.touches += 1
        self._actions.booth_style(
            photo.photo_id,
            photo.frame if frame is None else frame,
            photo.caption if caption is None else caption,
        )
        self.refresh()

    # -- the share step: photo or boomerang ---------------------------------------------------
    def _choose_media(self, clip: bool) -> None:
        """Photo or boomerang for the post (journalled; the booth says which holds)."""
        photo = self.state.photo
        if photo is None or self.state.step is not BoothStep.SHARE:
            return
        self.touches += 1
        if clip and not photo.clip_mp4:
            return  # not written yet: the button says so
        self._actions.booth_clip(photo.photo_id, clip)
        self.refresh()

    def _show_media_choice(self) -> bool:
        """The share step's choice, as the photo has it; False when there is no clip to
        offer (clips off, or none for this photo)."""
        photo = self.state.photo
        if photo is None or not self.clips or photo.clip_problem:
            return False
        ready = bool(photo.clip_mp4)
        clip = self.media_buttons[True]
        clip.setEnabled(ready)
        clip.setText(
            translate("BoothView", "Boomerang clip")
            if ready
            else translate("BoothView", "Boomerang: a moment…")
        )
        for shared, button in self.media_buttons.items():
            button.setChecked(shared == (photo.share_clip and ready))
        return True

    def _play_clip(self, path: str) -> None:
        """The boomerang's GIF playing in the photo's place ("" stops it)."""
        if path == self._movie_path:
            return
        if self.movie is not None:
            self.movie.stop()
            self.movie.deleteLater()
            self.movie = None
        self._movie_path = path
        if not path:
            return
        movie = QMovie(path, parent=self)
        if not movie.isValid():
            self._movie_path = ""
            movie.deleteLater()
            return
        movie.frameChanged.connect(lambda _: self.photo.set_image(movie.currentImage()))
        self.movie = movie
        movie.start()

    def _event_words(self) -> str:
        return " · ".join(part for part in ("Blue Room", self.hashtag, self.guest_name) if part)

    def _finish(self) -> None:
        """Continue: the final JPEG composed at full resolution on the disk worker, then
        FINISHED; a failure goes on with the photo as it was (counted)."""
        photo = self.state.photo
        if photo is None or (not photo.frame and not photo.caption):
            self._actions.booth(BoothAction.FINISHED)  # nothing to compose
            return
        if self.composing:
            return
        self.composing = True
        composer, hashtag, guest = self.composer, self.hashtag, self.guest_name
        event = self._event_words()
        signature = self.signature_of(photo)
        source = photo.path if signature is not None else styled_path(photo)

        def job() -> None:
            try:
                composer.save_final(
                    Path(source),
                    Path(final_path(photo)),
                    photo.frame,
                    hashtag=hashtag,
                    guest=guest,
                    caption=photo.caption,
                    taken_at=taken_at(photo.path, self._clock()),
                    event=event,
                    signature=signature,
                )
            except OSError as error:
                self.compose_failures += 1
                self._problem(
                    translate("BoothView", "booth · final photo"),
                    translate(
                        "BoothView", "{name} could not be written ({error}): it goes on as it was"
                    ).format(name=Path(final_path(photo)).name, error=_why(error)),
                )
            else:
                self._actions.photo_composed(photo.photo_id, final_path(photo))
            finally:
                self.composing = False
            self._actions.booth(BoothAction.FINISHED)

        if self._save is None:
            job()
        else:
            self._save(job)

    def _style_key(self) -> tuple[object, ...]:
        photo = self.state.photo
        if photo is None:
            return ()
        return (
            photo.frame,
            photo.caption,
            photo.composed,
            self.state.offered_caption,
            photo.clip_mp4,
            photo.clip_problem,
            photo.share_clip,
        )

    def _show_style(self) -> None:
        """The finish step's choices checked as the photo has them, its captions listed,
        the frames' thumbnails (once per photo) and the composed preview."""
        photo = self.state.photo
        if photo is None or self._image is None or self._image.isNull():
            return
        for name, button in self.frame_buttons.items():
            button.setChecked(name == photo.frame)
        choices = self.caption_choices()
        if [text for text, _ in self.caption_buttons] != choices:
            for _, choice in self.caption_buttons:
                self._captions_layout.removeWidget(choice)
                choice.deleteLater()
            self.caption_buttons = []
            for text in choices:
                shown = text or translate("BoothView", "No caption")
                choice = self._choice(shown, partial(self._choose, caption=text))
                self._captions_layout.addWidget(choice)
                self.caption_buttons.append((text, choice))
        for text, choice in self.caption_buttons:
            choice.setChecked(text == photo.caption)
        small = self._image.scaledToWidth(
            min(PREVIEW_WIDTH, self._image.width()), Qt.TransformationMode.SmoothTransformation
        )
        if self._thumbs_for != photo.photo_id:
            self._thumbs_for = photo.photo_id
            thumb = small.scaledToWidth(THUMB_WIDTH, Qt.TransformationMode.SmoothTransformation)
            for name, button in self.frame_buttons.items():
                framed = self.composer.compose(
                    thumb, name, hashtag=self.hashtag, guest=self.guest_name, caption="",
                    signature=self._signature,
                )  # fmt: skip
                button.setIcon(QIcon(QPixmap.fromImage(framed)))
        key = (photo.photo_id, *self._style_key())
        if key != self._preview_key:
            self._preview_key = key
            self.photo.set_image(
                self.composer.compose(
                    small,
                    photo.frame,
                    hashtag=self.hashtag,
                    guest=self.guest_name,
                    caption=photo.caption,
                    signature=self._signature,
                )
            )

    def _sign(self) -> None:
        """Done: the signature's SVG and the signed photo written (on the disk worker),
        then SIGNED; no stroke is a Skip; a refusing disk goes on unsigned, counted."""
        photo = self.state.photo
        signature = self.pad.signature()
        if photo is None or not signature.strokes:
            self._actions.booth(BoothAction.SKIP)
            return
        if self.saving:
            return
        self.saving = True

        def job() -> None:
            try:
                render_signed(
                    Path(photo.path),
                    signature,
                    Path(signed_path(photo)),
                    Path(signature_path(photo)),
                    Path(vectors_path(photo)),
                )
            except OSError as error:
                self.sign_failures += 1
                self._problem(
                    translate("BoothView", "booth · signed photo"),
                    translate(
                        "BoothView", "{name} could not be written ({error}): it goes on unsigned"
                    ).format(name=Path(signed_path(photo)).name, error=_why(error)),
                )
                self._actions.booth(BoothAction.SKIP)
            else:
                self._actions.booth(BoothAction.SIGNED)
            finally:
                self.saving = False

        if self._save is None:
            job()
        else:
            self._save(job)

    # -- reading the booth -------------------------------------------------------------------
    @property
    def step(self) -> BoothStep:
        """The step on screen: the booth's, or review as soon as the local shutter fell."""
        return BoothStep.REVIEW if self.shot is not None else self.state.step

    @property
    def over_mirror(self) -> bool:
        """See-through over the live mirror (else it covers the guest panel)."""
        return self.step in OVER_MIRROR

    # -- the local shutter -------------------------------------------------------------------
    def _arm_shutter(self) -> None:
        """The shutter's timer set for the countdown's deadline (once per countdown), and
        stopped when the countdown is left before it (Cancel)."""
        state = self.state
        if self._shutter is None:
            return
        if state.step is not BoothStep.COUNTDOWN or not state.deadline:
            self._shutter_timer.stop()
            return
        if state.move == self._shutter_move:
            return
        self._shutter_move = state.move
        wait_ms = max(0.0, (state.deadline - self._clock()) * 1000.0)
        self._shutter_timer.start(math.ceil(wait_ms))

    def _shoot(self) -> None:
        """The countdown's deadline: the newest full frame taken and shown as review."""
        if self._shutter is None or self.shot is not None:
            return
        state = self._booth.latest()
        if state.step is not BoothStep.COUNTDOWN or state.move != self._shutter_move:
            return  # left (or never this countdown): the booth decides without us
        left = state.deadline - self._clock()
        if left > 0.001:  # a coarse timer woke early: the rest of the countdown first
            self._shutter_timer.start(math.ceil(left * 1000.0))
            return
        shot = self._shutter(state.move)
        if shot is None:
            return  # no fresh frame: the still worker takes it at capture, as before
        self.shot = shot
        self._shot_image = (shot.photo_id, shot_image(shot))
        self.refresh()
        self.shown_changed.emit()

    def _follow_shot(self) -> None:
        """The shot stays shown while the booth has not moved past its capture; then it is
        the booth's review (the held touch sent) or refused (dropped from the screen)."""
        shot, state = self.shot, self.state
        if shot is None:
            return
        if state.move <= shot.move or (
            state.step is BoothStep.CAPTURE and state.move == shot.move + 1
        ):
            return
        self.shot = None
        held, self._held = self._held, None
        confirmed = (
            state.step is BoothStep.REVIEW
            and state.photo is not None
            and state.photo.photo_id == shot.photo_id
        )
        if held is not None:
            if confirmed:
                self._actions.booth(held)
            else:
                self.held_dropped += 1

    def refresh(self) -> None:
        """A look at the snapshots (the guest panel's frame clock): re-laid out on a move."""
        self.state = self._booth.latest()
        self._follow_shot()
        self._arm_shutter()
        words = self._posting_words()
        if self.state.step is BoothStep.DONE:
            words += "\n" + self._done_words()  # "Posting…" becomes "Posted" on the spot
        shown = (self.state.move, self.shot is not None, words, *self._style_key())
        if self._shown != shown:
            self._shown = shown
            self._load_photo()
            self._lay_out()
            self.update()
        if self.step is BoothStep.COUNTDOWN:
            numeral = max(1, math.ceil(self.state.deadline - self._clock()))
            if numeral != self._numeral:
                self._numeral = numeral
                self.update()
        elif self.step is BoothStep.SIGN:
            self.update(self._bar_rect().toAlignedRect())

    def _load_photo(self) -> None:
        if self.shot is not None:
            assert self._shot_image is not None
            self._photo_id, self._image = self._shot_image
            self._signature = None
            self.pad.set_photo(self._image)  # the photo to sign, once the booth confirms it
            return
        photo = self.state.photo
        if photo is None:
            self._photo_id, self._image, self._signature = "", None, None
            return
        final = photo.composed and self.state.step in (BoothStep.SHARE, BoothStep.DONE)
        # the finish step frames the original, the signature drawn last from its vectors
        drawn = (
            None if final or self.state.step is not BoothStep.FINISH else self.signature_of(photo)
        )
        if final:
            key, path = photo.photo_id + "-final", final_path(photo)
        elif drawn is not None:
            key, path = photo.photo_id + "-vectors", photo.path
        else:
            key, path = photo.photo_id + ("-signed" if photo.signed else ""), styled_path(photo)
        if key == self._photo_id:
            return
        shot = self._shot_image
        image = shot[1] if shot is not None and shot[0] == key else QImage(path)
        if image.isNull() and final:
            image = QImage(styled_path(photo))
        if image.isNull() and photo.signed and drawn is None:
            image = QImage(photo.path)
        self._photo_id, self._image, self._signature = key, image, drawn
        if not photo.signed:
            self.pad.set_photo(image)

    def signature_of(self, photo: BoothPhoto) -> Signature | None:
        """The photo's signature read back from its vectors beside it (once per photo):
        None when unsigned, or when they cannot be read (counted; its frame then goes
        over the signed photo, as the signed photo is all there is)."""
        if not photo.signed:
            return None
        if self._vectors[0] != photo.photo_id:
            try:
                signature: Signature | None = from_json(Path(vectors_path(photo)).read_bytes())
            except (OSError, ValueError) as error:
                signature = None
                self.signature_fallbacks += 1
                self._problem(
                    translate("BoothView", "booth · signature"),
                    translate(
                        "BoothView",
                        "{name} could not be read ({error}): the frame goes over the signed photo",
                    ).format(name=Path(vectors_path(photo)).name, error=_why(error)),
                )
            self._vectors = (photo.photo_id, signature)
        return self._vectors[1]

    def _problem(self, where: str, what: str) -> None:
        """A photo that goes on, but not as asked: counted here, said on the console."""
        if self._on_problem is not None:
            self._on_problem(where, what)

    def _offer_take_home(self) -> None:
        """The photo's take-home QR codes, made once per photo (each makes a new link)."""
        photo = self.state.photo
        if photo is None or self._make_take_home is None:
            return
        final = posted_path(photo)
        if final != self._take_home_for:
            self._take_home_for = final
            self.set_take_home(self._make_take_home(Path(final)))

    def _posting_words(self) -> str:
        posting = self._outbox.latest().posting
        if posting.rehearsal:
            return translate("BoothView", "rehearsal: saved, not posted")
        if posting.cannot_post:
            return translate("BoothView", "saved, not posted: no X account")
        return ""

    def _done_words(self) -> str:
        photo = self.state.photo
        if photo is None or photo.fate is not PhotoFate.POST or self._posting_words():
            return translate("BoothView", "Saved")
        entry = self._outbox.latest().entry("booth-" + photo.photo_id)
        if entry is not None and entry.state is EntryState.POSTED:
            return translate("BoothView", "Posted")
        return translate("BoothView", "Posting…")

    def _lay_out(self) -> None:
        step = self.step
        shown: set[BoothAction] = set()
        headline, detail = "", ""
        photo_shown = pad_shown = tools = take_home = styling = media = False
        if step is BoothStep.ATTRACT:
            shown = {BoothAction.START}
        elif step is BoothStep.PREVIEW:
            headline = translate("BoothView", "Strike a pose")
            shown = {BoothAction.SHOOT, BoothAction.CANCEL}
        elif step is BoothStep.COUNTDOWN:
            shown = {BoothAction.CANCEL}
        elif step is BoothStep.REVIEW:
            headline, photo_shown = translate("BoothView", "Keep this one?"), True
            shown = {BoothAction.RETAKE, BoothAction.KEEP}
        elif step is BoothStep.SIGN:
            headline, pad_shown, tools = (
                translate("BoothView", "Sign it with your finger"),
                True,
                True,
            )
            shown = {BoothAction.SKIP, BoothAction.SIGNED}
        elif step is BoothStep.FINISH:
            headline = translate("BoothView", "Pick a frame and a caption")
            photo_shown, styling, shown = True, True, {BoothAction.FINISHED}
        elif step is BoothStep.SHARE:
            headline, photo_shown = translate("BoothView", "Share it?"), True
            shown = {BoothAction.POST, BoothAction.SAVE, BoothAction.DISCARD}
            media = self._show_media_choice()
        elif step is BoothStep.DONE:
            headline, photo_shown, take_home = self._done_words(), True, True
            shown = {BoothAction.CLOSE}
            self._offer_take_home()
        elif step is BoothStep.ONE_MOMENT:
            headline, detail = translate("BoothView", "One moment…"), self.state.trouble
        elif step is BoothStep.DISARMED:  # not armed yet: the segment's cue opens it
            headline = translate("BoothView", "The mirror opens in a moment")
            detail = translate("BoothView", "The team is getting the photo booth ready for you.")
        self.headline.setText(headline)
        self.headline.setVisible(bool(headline))
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        photo = self.state.photo
        playing = (
            photo is not None
            and photo_shown
            and step in (BoothStep.SHARE, BoothStep.DONE)
            and photo.share_clip
            and bool(photo.clip_gif)
        )
        self._play_clip(photo.clip_gif if playing and photo is not None else "")
        if not playing:
            self.photo.set_image(self._image if photo_shown else None)
        self.photo.setVisible(photo_shown)
        self._media_row.setVisible(media)
        self._frames_row.setVisible(styling and bool(self.frame_buttons))
        self._captions_box.setVisible(styling)
        # in portrait the choices, or the take-home codes, go below the photo (beside it,
        # the photo had no width left on the done step)
        portrait = (styling or take_home) and self.height() > self.width()
        self._middle.setDirection(
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        if styling:
            self._preview_key = ()
            self._show_style()
        self.pad.setVisible(pad_shown)
        self._take_home.setVisible(take_home)
        for tool in self._tools:
            tool.setVisible(tools)
        for action, button in self.buttons.items():
            button.setVisible(action in shown)
            button.setEnabled(action in shown)
        captions = self._share_captions() if step is BoothStep.SHARE else {}
        for action, caption in self.captions.items():
            caption.setText(captions.get(action, ""))
            caption.setVisible(action in captions)
        self._arrange_row()

    def _arrange_row(self) -> None:
        """The step's buttons side by side when their words fit the width, else one above
        the other (no button's word is ever cut: "Save only" in a narrow portrait)."""
        shown = [b for b in self.buttons.values() if b.isVisibleTo(self)]
        metrics = QFontMetricsF(theme.font(self._button_px, QFont.Weight.Bold))
        needed = sum(metrics.horizontalAdvance(b.text()) + 2 * BUTTON_PADDING + 24 for b in shown)
        self._action_row.setDirection(
            QBoxLayout.Direction.TopToBottom
            if needed > self.width()
            else QBoxLayout.Direction.LeftToRight
        )

    def _share_captions(self) -> dict[BoothAction, str]:
        cannot = self._posting_words()
        return {
            BoothAction.POST: cannot
            or translate("BoothView", "posted on X by the room, with the event's hashtag"),
            BoothAction.SAVE: translate("BoothView", "kept by the team, not posted"),
            BoothAction.DISCARD: translate("BoothView", "not posted, not kept for the event"),
        }

    # -- geometry and painting ---------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        w, h = self.width(), self.height()
        # The words' sizes follow the screen (the guest panel), not the view: the same
        # over the mirror and on the whole panel, and the style sheet (15-25 ms to apply
        # to every button) is set again only when the screen's size changes.
        screen = self.parentWidget() or self
        side = min(screen.width(), screen.height())
        big = max(28, round(side * 0.05))
        self._button_px = big
        small = max(20, round(side * 0.03))
        if (big, small) != self._styled:
            self._styled = (big, small)
            self._set_style(big, small)
        thumb = max(MIN_TARGET, min(round((w - 40) / 4 - 48), round(h * 0.13 * 16 / 9)))
        for button in self.frame_buttons.values():
            button.setIconSize(QSize(thumb, round(thumb * 9 / 16)))
        super().resizeEvent(event)
        self._arrange_row()
        if self.state.step in (BoothStep.FINISH, BoothStep.DONE):
            self._lay_out()

    def _set_style(self, big: int, small: int) -> None:
        self.setStyleSheet(
            f'QPushButton, QToolButton, QLabel {{ font-family: "{UI_FAMILY}"; }}'
            f" QPushButton {{ font-size: {big}px; font-weight: 700; color: {theme.TEXT.name()};"
            f" background: {theme.ACCENT.name()}; border: none; border-radius: 24px;"
            f" padding: 12px {BUTTON_PADDING}px; }}"
            f' QPushButton[tool="true"] {{ font-size: {small}px; padding: 8px 12px;'
            f" background: {theme.PANEL_HI.name()}; }}"
            f' *[choice="true"] {{ font-size: {small}px; padding: 8px 16px; border-radius: 24px;'
            f" color: {theme.TEXT.name()};"
            f" background: {theme.PANEL_HI.name()}; border: 4px solid {theme.PANEL_HI.name()};"
            " }"
            f' *[choice="true"]:checked {{ border: 4px solid {theme.AMBER.name()}; }}'
            f" QLabel {{ color: {theme.TEXT.name()}; font-size: {small}px; }}"
            f' QLabel[bold="true"] {{ font-size: {big}px; font-weight: 800; }}'
        )

    def _bar_rect(self) -> QRectF:
        return QRectF(0, 0, self.width(), max(8.0, self.height() * 0.012))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        step, w, h = self.step, self.width(), self.height()
        if step is BoothStep.CAPTURE:
            # the flash, over the mirror and its rounded corners
            screen = self.parentWidget() or self
            radius = screen.height() * 0.03 if screen is not self else 0.0
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("white"))
            painter.drawRoundedRect(QRectF(self.rect()), radius, radius)
        elif not self.over_mirror:
            painter.fillRect(event.rect(), theme.NIGHT)
        if step is BoothStep.COUNTDOWN and self._numeral:
            # white with a dark outline: readable over any picture the camera gives
            font = theme.font(min(w, h) * 0.55, QFont.Weight.Black)
            text = str(self._numeral)
            metrics = QFontMetricsF(font)
            box = metrics.tightBoundingRect(text)
            path = QPainterPath()
            path.addText(
                (w - box.width()) / 2 - box.left(), (h - box.height()) / 2 - box.top(), font, text
            )
            painter.strokePath(path, QPen(theme.with_alpha(theme.NIGHT, 0.75), max(4.0, h * 0.012)))
            painter.fillPath(path, theme.TEXT)
        if step is BoothStep.SIGN and self.state.deadline > self.state.entered_at:
            span = self.state.deadline - self.state.entered_at
            left = max(0.0, min(1.0, (self.state.deadline - self._clock()) / span))
            bar = self._bar_rect()
            painter.fillRect(bar, theme.PANEL_HI)
            painter.fillRect(QRectF(0, 0, bar.width() * left, bar.height()), theme.AMBER)
        painter.end()


def _why(error: Exception) -> str:
    """An error in a few words for the console (the OS's reason, or the parser's)."""
    if isinstance(error, OSError) and error.strerror:
        return single_line(error.strerror)
    return single_line(str(error))[:120] or type(error).__name__
