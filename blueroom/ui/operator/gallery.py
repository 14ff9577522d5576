"""The session's photos on the console: each photo and clip of the photos folder as a
thumbnail (made off the GUI thread, kept), with what the outbox did with it (saved,
queued, posted with its link, failed with the reason), and what the staff can do: post
it (only ever as a new post, through the composer and its confirmation), put a photo on
the video wall for a few seconds, open a clip in the system's player, show its
take-home QR code, open the folder, or delete it (moved to ``deleted/`` after a
confirmation, never erased). A line says how the booth's boomerangs go (made, failed
and why, shed).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from blueroom.capture.boomerang import BoomerangStats
from blueroom.capture.handoff import PhotoHandoff
from blueroom.capture.still import KeptPhoto
from blueroom.core.actions import RoomActions
from blueroom.core.outbox import OutboxEntry, OutboxSnapshot
from blueroom.core.readers import OutboxReader
from blueroom.store.gallery import (
    DELETED,
    PhotoFile,
    PhotoKind,
    PhotoState,
    media_index,
    move_to_deleted,
    photo_state,
    session_photos,
)
from blueroom.ui import theme
from blueroom.ui.guest.take_home import TakeHome, take_home_for
from blueroom.ui.i18n import decimal, number, translate
from blueroom.ui.operator.composer import Confirm, ask_yes_no
from blueroom.ui.operator.labels import plain_label, title_label
from blueroom.ui.operator.outbox import ROW_STYLE, state_colour, state_word
from blueroom.ui.widgets.flow import FlowLayout
from blueroom.ui.widgets.image_loader import ImageLoader

SHOWN_PHOTOS = 60  # the newest; the count of the others is said
SCAN_SECONDS = 2.0  # the folder is listed at most this often
THUMB_W, THUMB_H = 96, 72  # logical pixels
WALL_SECONDS = 8.0
ComposePhoto = Callable[[Path], object]
AskCaption = Callable[[QWidget], "str | None"]  # the text typed, or None (cancelled)
ChooseFolder = Callable[[QWidget], "Path | None"]  # a folder chosen, or None (cancelled)


class KeptPhotos(Protocol):
    """Photos the disk refused, held in memory (``capture/still.py``'s ``StillCapture``)."""

    @property
    def kept(self) -> list[KeptPhoto]: ...

    def save_kept(self, folder: Path) -> list[Path]: ...

    def discard_kept(self) -> int: ...


class ClipMaker(Protocol):
    """The booth's boomerangs (``capture/boomerang.py``'s ``Boomerangs``)."""

    def stats(self) -> BoomerangStats: ...


def clip_words(stats: BoomerangStats) -> str:
    """How the booth's boomerangs go, in one line ("" before the first)."""
    made, failed, shed, missed = stats.made, stats.failed, stats.shed, stats.missed
    if not (made or failed or shed or stats.building):
        return ""
    # fmt: off
    parts = [translate("GalleryPanel", "Boomerangs: %n made", None, number, made)]
    # fmt: on
    if stats.building:
        parts.append(translate("GalleryPanel", "one in the making"))
    if shed:
        # fmt: off
        parts.append(translate("GalleryPanel", "%n shed (the clip maker was busy)", None, number, shed))
        # fmt: on
    if missed:
        # fmt: off
        parts.append(translate("GalleryPanel", "%n camera frame(s) missed while collecting", None, number, missed))
        # fmt: on
    if failed:
        # fmt: off
        said = translate("GalleryPanel", "%n failed, the last: {reason}", None, number, failed)
        # fmt: on
        parts.append(said.format(reason=stats.last_reason))
    return " · ".join(parts)


def clip_thumbnail_source(photo: PhotoFile) -> Path | None:
    """What a row's thumbnail is made of: the photo, a GIF itself, an MP4's GIF beside it
    (Qt reads no MP4), or nothing."""
    suffix = photo.path.suffix.lower()
    if photo.kind is not PhotoKind.CLIP or suffix == ".gif":
        return photo.path
    gif = photo.path.with_suffix(".gif")
    return gif if gif.is_file() else None


def choose_folder(parent: QWidget) -> Path | None:
    chosen = QFileDialog.getExistingDirectory(
        parent, translate("GalleryPanel", "Save the photos kept in memory to…")
    )
    return Path(chosen) if chosen else None


def ask_caption(parent: QWidget) -> str | None:
    """The operator types the booth's caption ("" withdraws it)."""
    text, ok = QInputDialog.getText(
        parent,
        translate("GalleryPanel", "Booth caption"),
        translate(
            "GalleryPanel",
            "A caption offered to the guest on the booth's frame step (empty: none)",
        ),
    )
    return text if ok else None


def kind_word(kind: PhotoKind) -> str:
    match kind:
        case PhotoKind.SIGNED:
            return translate("GalleryPanel", "signed")
        case PhotoKind.FINAL:
            return translate("GalleryPanel", "final")
        case PhotoKind.CLIP:
            return translate("GalleryPanel", "clip")
    return translate("GalleryPanel", "original")


class PhotoRow(QFrame):
    """One photo: its thumbnail, name, state, link or reason, and its buttons."""

    def __init__(self, photo: PhotoFile, entry: OutboxEntry | None, panel: GalleryPanel) -> None:
        super().__init__()
        self.photo = photo
        self.entry = entry
        self.state = photo_state(entry)
        self.setObjectName("outboxEntry")
        self.setStyleSheet(ROW_STYLE)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 6, 6, 6)
        row.setSpacing(8)
        self.thumbnail = QLabel()
        self.thumbnail.setFixedSize(THUMB_W, THUMB_H)
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnail.setStyleSheet(f"background: {theme.DEEP.name()}; border-radius: 4px;")
        self.has_thumbnail = False
        row.addWidget(self.thumbnail, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(2)
        row.addLayout(text, 1)
        self.name = plain_label(f"{photo.path.name}  ·  {kind_word(photo.kind)}")
        self.name.setWordWrap(True)
        text.addWidget(self.name)
        self.state_label = plain_label(self._state_words())
        self.state_label.setWordWrap(True)
        colour = state_colour(entry.state) if entry is not None else theme.MUTED
        self.state_label.setStyleSheet(f"color: {colour.name()}; font-weight: 700;")
        text.addWidget(self.state_label)
        detail = ""
        if entry is not None and self.state is PhotoState.POSTED:
            detail = entry.url
        elif entry is not None and entry.reason:
            detail = entry.reason
        self.detail = plain_label(detail)
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet(f"color: {theme.MUTED.name()};")
        self.detail.setVisible(bool(detail))
        text.addWidget(self.detail)
        buttons = FlowLayout(spacing=6)
        self.buttons: dict[str, QPushButton] = {}
        posted_before = entry is not None
        self._button(
            buttons,
            "post",
            translate("GalleryPanel", "Post again…")
            if posted_before
            else translate("GalleryPanel", "Post…"),
            panel.post,
        )
        if photo.kind is PhotoKind.CLIP:
            self._button(buttons, "open", translate("GalleryPanel", "Play"), panel.open_clip)
        else:
            self._button(buttons, "wall", translate("GalleryPanel", "On the wall"), panel.on_wall)
        self._button(buttons, "qr", translate("GalleryPanel", "Take-home QR"), panel.take_home)
        self._button(buttons, "delete", translate("GalleryPanel", "Delete…"), panel.delete)
        text.addLayout(buttons)

    def _state_words(self) -> str:
        if self.entry is None:
            return translate("GalleryPanel", "SAVED — not posted")
        return state_word(self.entry)

    def _button(
        self, row: FlowLayout, name: str, text: str, act: Callable[[PhotoFile], object]
    ) -> None:
        button = QPushButton(text)
        button.setStyleSheet("padding: 4px 10px;")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda: act(self.photo))
        row.addWidget(button)
        self.buttons[name] = button


class TakeHomeDialog(QDialog):
    """The take-home QR codes of one photo, for the staff to show a guest."""

    def __init__(self, widget: TakeHome, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("GalleryPanel", "Take home: {name}").format(name=name))
        self.setStyleSheet(f"QDialog {{ background: {theme.NIGHT.name()}; }}")
        self.take_home = widget
        box = QVBoxLayout(self)
        box.addWidget(widget)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        box.addWidget(close)


class GalleryPanel(QWidget):
    def __init__(
        self,
        outbox: OutboxReader,
        actions: RoomActions,
        *,
        folder: Path | None,
        handoff: PhotoHandoff | None = None,
        compose_photo: ComposePhoto | None = None,
        say: Callable[[str], None] = lambda message: None,
        confirm: Confirm = ask_yes_no,
        open_url: Callable[[QUrl], object] = QDesktopServices.openUrl,
        wall_seconds: float = WALL_SECONDS,
        ask_caption: AskCaption = ask_caption,
        kept: KeptPhotos | None = None,
        clips: ClipMaker | None = None,
        choose: ChooseFolder = choose_folder,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._kept = kept
        self._clips = clips
        self._choose = choose
        self._outbox = outbox
        self._actions = actions
        self.folder = folder
        self.handoff = handoff
        self._compose_photo = compose_photo
        self._say = say
        self._confirm = confirm
        self._open_url = open_url
        self.wall_seconds = wall_seconds
        self._ask_caption = ask_caption
        # started by the composition root; without it (tests) thumbnails are made on demand
        self.thumbnails = ImageLoader("gallery-thumbnails")
        self._shown: tuple[object, ...] = ()
        self._scanned_at = -SCAN_SECONDS
        self._photos: list[PhotoFile] = []
        self.rows: list[PhotoRow] = []
        self.dialog: TakeHomeDialog | None = None
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(8)
        box.addWidget(title_label(translate("GalleryPanel", "Photos")))
        top = FlowLayout(spacing=6)
        self.open_button = QPushButton(translate("GalleryPanel", "Open folder"))
        self.open_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.open_button.clicked.connect(self.open_folder)
        top.addWidget(self.open_button)
        self.caption_button = QPushButton(translate("GalleryPanel", "Booth caption…"))
        self.caption_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.caption_button.clicked.connect(self.booth_caption)
        top.addWidget(self.caption_button)
        box.addLayout(top)
        # photos the disk refused: said in red, until saved elsewhere or discarded
        self.kept_line = plain_label("")
        self.kept_line.setWordWrap(True)
        self.kept_line.setStyleSheet(f"color: {theme.LIVE.name()};")
        kept_buttons = FlowLayout(spacing=6)
        self.save_kept_button = QPushButton(translate("GalleryPanel", "Save them elsewhere…"))
        self.save_kept_button.clicked.connect(self.save_kept_photos)
        self.discard_kept_button = QPushButton(translate("GalleryPanel", "Discard them…"))
        self.discard_kept_button.clicked.connect(self.discard_kept_photos)
        for button in (self.save_kept_button, self.discard_kept_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            kept_buttons.addWidget(button)
        box.addWidget(self.kept_line)
        box.addLayout(kept_buttons)
        self._show_kept(0, "")
        self.clips_line = plain_label("")
        self.clips_line.setWordWrap(True)
        self.clips_line.hide()
        box.addWidget(self.clips_line)
        self.summary = plain_label("")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(f"color: {theme.MUTED.name()};")
        box.addWidget(self.summary)
        self.entries = QVBoxLayout()
        self.entries.setSpacing(6)
        box.addLayout(self.entries)
        self.older = plain_label("")
        self.older.setStyleSheet(f"color: {theme.MUTED.name()};")
        self.older.hide()
        box.addWidget(self.older)
        box.addStretch(1)
        self.refresh(force=True)

    # -- photos kept in memory ---------------------------------------------------------------
    def _show_kept(self, count: int, reason: str) -> None:
        if count:
            # fmt: off
            line = translate("GalleryPanel", "⚠ %n photo(s) kept in memory, not on disk: {reason}", None, number, count)
            # fmt: on
            self.kept_line.setText(line.format(reason=reason))
        for widget in (self.kept_line, self.save_kept_button, self.discard_kept_button):
            widget.setVisible(count > 0)

    def _show_clips(self) -> None:
        stats = self._clips.stats() if self._clips is not None else None
        words = clip_words(stats) if stats is not None else ""
        if words != self.clips_line.text():
            self.clips_line.setText(words)
            trouble = stats is not None and (stats.failed or stats.shed)
            colour = theme.AMBER if trouble else theme.MUTED
            self.clips_line.setStyleSheet(f"color: {colour.name()};")
        self.clips_line.setVisible(bool(words))

    def save_kept_photos(self) -> None:
        if self._kept is None or not self._kept.kept:
            return
        folder = self._choose(self)
        if folder is None:
            return
        try:
            saved = self._kept.save_kept(folder)
        except OSError as error:
            self._say(
                translate("GalleryPanel", "Could not save them in {folder}: {error}").format(
                    folder=folder, error=error.strerror or error
                )
            )
            return
        count = len(saved)
        # fmt: off
        done = translate("GalleryPanel", "%n photo(s) saved in {folder}", None, number, count)
        # fmt: on
        self._say(done.format(folder=folder))
        self.refresh(force=True)

    def discard_kept_photos(self) -> None:
        if self._kept is None or not self._kept.kept:
            return
        count = len(self._kept.kept)
        # fmt: off
        question = translate("GalleryPanel", "Discard %n photo(s) kept in memory? They were never saved.", None, number, count)
        # fmt: on
        if not self._confirm(self, translate("GalleryPanel", "Discard photos"), question):
            return
        self._kept.discard_kept()
        self.refresh(force=True)

    # -- what it shows --------------------------------------------------------------------
    def snapshot(self) -> OutboxSnapshot:
        return self._outbox.latest()

    def refresh(self, *, force: bool = False) -> None:
        """The folder listed again (at most every ``SCAN_SECONDS``), the rows rebuilt when
        a photo or the outbox changed, and the thumbnails that are ready put in."""
        now = time.monotonic()
        if force or now - self._scanned_at >= SCAN_SECONDS:
            self._scanned_at = now
            self._photos = session_photos(self.folder) if self.folder is not None else []
        kept = list(self._kept.kept) if self._kept is not None else []
        self._show_kept(len(kept), kept[-1].reason if kept else "")
        self._show_clips()
        snapshot = self.snapshot()
        shown = (tuple(p.key for p in self._photos), snapshot.version)
        if force or shown != self._shown:
            self._shown = shown
            self._rebuild(snapshot)
        self._fill_thumbnails()

    def _rebuild(self, snapshot: OutboxSnapshot) -> None:
        for row in self.rows:
            self.entries.removeWidget(row)
            row.deleteLater()
        index = media_index(snapshot)
        photos = self._photos[:SHOWN_PHOTOS]
        self.rows = [PhotoRow(p, index.get(_resolved(p.path)), self) for p in photos]
        ratio = self.devicePixelRatioF()
        for row in self.rows:
            self.entries.addWidget(row)
            source = clip_thumbnail_source(row.photo)
            if source is not None:
                self.thumbnails.request(
                    row.photo.key, source, round(THUMB_W * ratio), round(THUMB_H * ratio)
                )
            else:
                row.thumbnail.setText(kind_word(row.photo.kind))
        hidden = len(self._photos) - len(photos)
        # fmt: off
        older = translate("GalleryPanel", "… and %n older photo(s)", None, number, hidden)
        # fmt: on
        self.older.setText(older if hidden else "")
        self.older.setVisible(hidden > 0)
        posted = sum(1 for row in self.rows if row.state is PhotoState.POSTED)
        count = len(self._photos)
        # fmt: off
        summary = translate("GalleryPanel", "%n photo(s) in {folder}", None, number, count)
        # fmt: on
        summary = summary.format(folder=self.folder)
        if posted:
            summary += translate("GalleryPanel", " · {posted} posted").format(posted=posted)
        if not self._photos:
            summary = translate("GalleryPanel", "No photos yet in {folder}").format(
                folder=self.folder
            )
        self.summary.setText(summary)

    def _fill_thumbnails(self) -> None:
        for row in self.rows:
            if row.has_thumbnail:
                continue
            image = self.thumbnails.take(row.photo.key)
            if image is None:
                continue
            row.has_thumbnail = True
            if image.isNull():
                row.thumbnail.setText(kind_word(row.photo.kind))
                continue
            image.setDevicePixelRatio(self.devicePixelRatioF())
            row.thumbnail.setPixmap(QPixmap.fromImage(image))

    def row_for(self, path: Path) -> PhotoRow | None:
        for row in self.rows:
            if row.photo.path == path:
                return row
        return None

    # -- acting ---------------------------------------------------------------------------
    def open_folder(self) -> None:
        if self.folder is None or not self.folder.is_dir():
            self._say(
                translate("GalleryPanel", "No photos yet: {folder} does not exist").format(
                    folder=self.folder
                )
            )
            return
        self._open_url(QUrl.fromLocalFile(str(self.folder)))

    def booth_caption(self) -> None:
        """The operator's caption for the booth, offered to the guest (journalled)."""
        text = self._ask_caption(self)
        if text is None:
            return
        self._actions.booth_caption(text)
        caption = " ".join(text.split())
        self._say(
            translate("GalleryPanel", "Booth caption offered: {caption}").format(caption=caption)
            if caption
            else translate("GalleryPanel", "Booth caption withdrawn")
        )

    def post(self, photo: PhotoFile) -> None:
        """A new post of this photo: the composer, with its own confirmation."""
        if self._compose_photo is None:
            self._say(translate("GalleryPanel", "Posting is not available here"))
            return
        self._compose_photo(photo.path)

    def open_clip(self, photo: PhotoFile) -> None:
        """The clip in the system's own player (the console does not play videos)."""
        if not photo.path.is_file():
            self._say(
                translate("GalleryPanel", "{name} is no longer there").format(name=photo.path.name)
            )
            return
        self._open_url(QUrl.fromLocalFile(str(photo.path)))

    def on_wall(self, photo: PhotoFile) -> None:
        self._actions.show_photo_on_wall(str(photo.path), self.wall_seconds)
        self._say(
            translate("GalleryPanel", "{name} on the video wall for {seconds} s").format(
                name=photo.path.name, seconds=decimal(self.wall_seconds)
            )
        )

    def take_home(self, photo: PhotoFile) -> TakeHomeDialog:
        widget = take_home_for(self.handoff, photo.path, side=240)
        widget.follow(self.snapshot())
        self.dialog = TakeHomeDialog(widget, photo.path.name, self)
        self.dialog.open()
        return self.dialog

    def delete(self, photo: PhotoFile) -> None:
        question = translate(
            "GalleryPanel",
            "Delete {name}? It is moved to the {deleted} folder beside it (not erased)."
            " A post already made stays on the account.",
        ).format(name=photo.path.name, deleted=DELETED)
        if not self._confirm(self, translate("GalleryPanel", "Delete a photo"), question):
            return
        if self.folder is None:
            return
        try:
            moved = move_to_deleted(photo.path, self.folder)
        except (OSError, ValueError) as error:
            self._say(
                translate("GalleryPanel", "Could not delete {name}: {error}").format(
                    name=photo.path.name, error=error
                )
            )
            return
        self._say(translate("GalleryPanel", "Moved to {path}").format(path=moved))
        self.refresh(force=True)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path
