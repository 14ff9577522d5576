"""The outbox on the console: every post the room made or means to make, its state in a
word and a colour, its link once posted, the platform's reason when it failed, and what
the operator can do about it (retry, edit, cancel; mark posted or retry when the room
could not tell whether it went out). The buttons above it open the composer.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QInputDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from blueroom.core.actions import RoomActions
from blueroom.core.events import PostKind
from blueroom.core.outbox import (
    CANCELLABLE,
    EDITABLE,
    MARKABLE,
    RETRYABLE,
    EntryState,
    OutboxEntry,
    OutboxSnapshot,
)
from blueroom.core.post_text import MAX_POST_LENGTH, post_length
from blueroom.core.readers import BoardReader, OutboxReader
from blueroom.ui import theme
from blueroom.ui.i18n import clock_time, number, translate
from blueroom.ui.operator.composer import (
    BANNER_STYLE,
    Composer,
    Confirm,
    Warnings,
    account_words,
    ask_yes_no,
    no_warnings,
)
from blueroom.ui.operator.labels import plain_label, title_label
from blueroom.ui.widgets.flow import FlowLayout

SHOWN_ENTRIES = 40  # the newest; the count of the others is said
ROW_STYLE = (
    f"QFrame#outboxEntry {{ background: {theme.PANEL.name()}; border: 1px solid"
    f" {theme.LINE.name()}; border-radius: 8px; }}"
    f" QFrame#outboxEntry QLabel {{ background: transparent; border: none;"
    f" color: {theme.TEXT.name()}; }}"
)
# Asks for a text; None when the person cancels. (parent, title, current text)
AskText = Callable[[QWidget, str, str], str | None]


def ask_text(parent: QWidget, title: str, text: str) -> str | None:
    new, accepted = QInputDialog.getMultiLineText(
        parent, title, translate("OutboxPanel", "The post's text:"), text
    )
    return new if accepted else None


def state_word(entry: OutboxEntry) -> str:
    match entry.state:
        case EntryState.QUEUED:
            return translate("OutboxPanel", "QUEUED")
        case EntryState.SENDING:
            return translate("OutboxPanel", "SENDING…")
        case EntryState.CHECKING:
            return translate("OutboxPanel", "OUTCOME UNKNOWN — reading the account")
        case EntryState.POSTED:
            return translate("OutboxPanel", "POSTED")
        case EntryState.FAILED:
            return translate("OutboxPanel", "FAILED — next try at {time}").format(
                time=clock_time(entry.due_at, seconds=True)
            )
        case EntryState.NEEDS_PERSON if entry.unresolved:
            return translate("OutboxPanel", "NEEDS YOU — posted or not?")
        case EntryState.NEEDS_PERSON:
            return translate("OutboxPanel", "NEEDS YOU")
        case EntryState.CANCELLED:
            return translate("OutboxPanel", "CANCELLED")
        case EntryState.SAVED:
            return translate("OutboxPanel", "SAVED, NOT POSTED")
        case EntryState.REHEARSAL:
            return translate("OutboxPanel", "REHEARSAL — not posted")
    return entry.state.value


def state_colour(state: EntryState) -> QColor:
    if state is EntryState.POSTED:
        return theme.GREEN
    if state is EntryState.NEEDS_PERSON:
        return theme.LIVE
    if state in (EntryState.FAILED, EntryState.CHECKING, EntryState.SAVED, EntryState.REHEARSAL):
        return theme.AMBER
    if state is EntryState.CANCELLED:
        return theme.DIM
    return theme.ACCENT_SOFT


def kind_word(kind: PostKind) -> str:
    match kind:
        case PostKind.REPLY:
            return translate("OutboxPanel", "reply")
        case PostKind.PHOTO:
            return translate("OutboxPanel", "photo")
    return translate("OutboxPanel", "post")


class EntryRow(QFrame):
    """One entry: its state, text, link or reason, tries, and the buttons that apply."""

    def __init__(self, entry: OutboxEntry, panel: OutboxPanel) -> None:
        super().__init__()
        self.entry = entry
        self.setObjectName("outboxEntry")
        self.setStyleSheet(ROW_STYLE)
        box = QVBoxLayout(self)
        box.setContentsMargins(8, 6, 8, 6)
        box.setSpacing(3)
        attempts = entry.attempts
        # fmt: off
        tries = translate("OutboxPanel", "%n attempt(s)", None, number, attempts)
        # fmt: on
        self.state = plain_label(f"{state_word(entry)}  ·  {kind_word(entry.kind)}  ·  {tries}")
        self.state.setWordWrap(True)
        self.state.setStyleSheet(f"color: {state_colour(entry.state).name()}; font-weight: 700;")
        box.addWidget(self.state)
        self.text = plain_label(entry.draft.text)
        self.text.setWordWrap(True)
        box.addWidget(self.text)
        for path in entry.draft.media:
            box.addWidget(
                plain_label(translate("OutboxPanel", "📷 {name}").format(name=Path(path).name))
            )
        self.detail = plain_label(self._detail(entry))
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet(f"color: {theme.MUTED.name()};")
        self.detail.setVisible(bool(self.detail.text()))
        box.addWidget(self.detail)
        buttons = FlowLayout(spacing=6)  # wraps in the laptop's narrow side column
        self.buttons: dict[str, QPushButton] = {}
        state = entry.state
        if state in MARKABLE and (entry.unresolved or state is EntryState.CHECKING):
            self._button(
                buttons, "mark", translate("OutboxPanel", "Mark posted"), panel.mark_posted
            )
        if state in RETRYABLE:
            self._button(buttons, "retry", translate("OutboxPanel", "Retry"), panel.retry)
        if state in EDITABLE:
            self._button(buttons, "edit", translate("OutboxPanel", "Edit…"), panel.edit)
        if state in CANCELLABLE:
            self._button(buttons, "cancel", translate("OutboxPanel", "Cancel"), panel.cancel)
        if self.buttons:
            box.addLayout(buttons)

    def _button(
        self, row: FlowLayout, name: str, text: str, act: Callable[[OutboxEntry], None]
    ) -> None:
        button = QPushButton(text)
        button.setStyleSheet("padding: 4px 10px;")  # smaller than the console's buttons
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.clicked.connect(lambda: act(self.entry))
        row.addWidget(button)
        self.buttons[name] = button

    @staticmethod
    def _detail(entry: OutboxEntry) -> str:
        lines = []
        if entry.state is EntryState.POSTED:
            lines.append(entry.url or translate("OutboxPanel", "marked posted by a person"))
        elif entry.reason:
            lines.append(entry.reason)
        if entry.unresolved:
            lines.append(
                translate(
                    "OutboxPanel",
                    "Check the account: if the post is there, Mark posted; if not, Retry.",
                )
            )
        if entry.note:
            lines.append(entry.note)
        return "\n".join(lines)


class OutboxPanel(QWidget):
    def __init__(
        self,
        outbox: OutboxReader,
        questions: BoardReader,
        actions: RoomActions,
        *,
        hashtag: str,
        photos_folder: Path | None = None,
        say: Callable[[str], None] = lambda message: None,
        confirm: Confirm = ask_yes_no,
        ask: AskText = ask_text,
        extra_warnings: Warnings = no_warnings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._outbox = outbox
        self._questions = questions
        self._actions = actions
        self._hashtag = hashtag
        self._photos_folder = photos_folder
        self._say = say
        self._confirm = confirm
        self._ask = ask
        self._extra_warnings = extra_warnings
        self._version = -2
        self.rows: list[EntryRow] = []
        self.composer: Composer | None = None
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(8)
        box.addWidget(title_label(translate("OutboxPanel", "Outbox")))
        self.banner = plain_label("")
        self.banner.setObjectName("outboxBanner")
        self.banner.setWordWrap(True)
        box.addWidget(self.banner)
        compose = FlowLayout(spacing=6)
        self.reply_button = QPushButton(translate("OutboxPanel", "Reply…"))
        self.post_button = QPushButton(translate("OutboxPanel", "Post…"))
        self.photo_button = QPushButton(translate("OutboxPanel", "Photo…"))
        for button, kind in (
            (self.reply_button, PostKind.REPLY),
            (self.post_button, PostKind.POST),
            (self.photo_button, PostKind.PHOTO),
        ):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, kind=kind: self.compose(kind))
            compose.addWidget(button)
        box.addLayout(compose)
        self.entries = QVBoxLayout()
        self.entries.setSpacing(6)
        box.addLayout(self.entries)
        self.older = plain_label("")
        self.older.setStyleSheet(f"color: {theme.MUTED.name()};")
        self.older.hide()
        box.addWidget(self.older)
        box.addStretch(1)
        self.refresh()

    # -- what it shows -------------------------------------------------------------------
    def snapshot(self) -> OutboxSnapshot:
        return self._outbox.latest()

    def needing_attention(self) -> int:
        return self.snapshot().count(EntryState.NEEDS_PERSON, EntryState.FAILED)

    def refresh(self) -> None:
        snapshot = self.snapshot()
        on_air = self._questions.latest().on_air
        self.reply_button.setEnabled(on_air is not None)
        self.reply_button.setToolTip(
            translate("OutboxPanel", "Reply to {who}, whose question is on air").format(
                who=on_air.handle or on_air.name
            )
            if on_air is not None
            else translate("OutboxPanel", "No question is on air")
        )
        if snapshot.version == self._version:
            return
        self._version = snapshot.version
        self._show_banner(snapshot)
        for row in self.rows:
            self.entries.removeWidget(row)
            row.deleteLater()
        self.rows = [EntryRow(entry, self) for entry in snapshot.entries[:SHOWN_ENTRIES]]
        for row in self.rows:
            self.entries.addWidget(row)
        hidden = len(snapshot.entries) - len(self.rows)
        # fmt: off
        older = translate("OutboxPanel", "… and %n older post(s)", None, number, hidden)
        # fmt: on
        self.older.setText(older if hidden else "")
        self.older.setVisible(hidden > 0)

    def _show_banner(self, snapshot: OutboxSnapshot) -> None:
        posting = snapshot.posting
        if posting.rehearsal:
            text = translate("OutboxPanel", "REHEARSAL — nothing is posted")
            style = BANNER_STYLE
        elif posting.cannot_post:
            text = translate("OutboxPanel", "Not posting: {reason}").format(
                reason=posting.cannot_post
            )
            style = BANNER_STYLE
        else:
            text = translate("OutboxPanel", "Posting as {account}").format(
                account=account_words(posting)
            )
            style = f"color: {theme.MUTED.name()};"
        self.banner.setText(text)
        self.banner.setStyleSheet(style)

    # -- composing ------------------------------------------------------------------------
    def compose(self, kind: PostKind, *, modal: bool = True) -> Composer | None:
        question = self._questions.latest().on_air
        if kind is PostKind.REPLY and question is None:
            self._say(translate("OutboxPanel", "No question is on air to reply to"))
            return None
        self.composer = Composer(
            kind,
            self._actions,
            self.snapshot().posting,
            hashtag=self._hashtag,
            question=question if kind is PostKind.REPLY else None,
            photos_folder=self._photos_folder,
            confirm=self._confirm,
            extra_warnings=self._extra_warnings,
            parent=self,
        )
        self.composer.setStyleSheet(theme.CONSOLE_STYLE)
        self.composer.accepted.connect(self._composed)
        if modal:
            self.composer.open()
        return self.composer

    def _composed(self) -> None:
        composer = self.composer
        if composer is None:
            return
        if composer.kind is PostKind.REPLY:
            self._say(translate("OutboxPanel", "Reply queued; the question is marked answered"))
        else:
            self._say(translate("OutboxPanel", "Post queued"))

    # -- acting on an entry ----------------------------------------------------------------
    def retry(self, entry: OutboxEntry) -> None:
        if entry.unresolved:
            account = account_words(self.snapshot().posting)
            question = translate(
                "OutboxPanel",
                "Send it again? Only if it is not on {account}: the room could not tell"
                " whether it went out.\n\n{text}",
            ).format(account=account, text=entry.draft.text)
            if not self._confirm(self, translate("OutboxPanel", "Retry"), question):
                return
        self._actions.retry_post(entry.id)
        self._say(translate("OutboxPanel", "Trying again"))

    def edit(self, entry: OutboxEntry) -> None:
        text = self._ask(self, translate("OutboxPanel", "Edit the post"), entry.draft.text)
        if text is None or text.strip() == entry.draft.text.strip():
            return
        text = text.strip()
        if not text:
            self._say(translate("OutboxPanel", "A post needs some text: not changed"))
            return
        if post_length(text) > MAX_POST_LENGTH:
            self._say(
                translate("OutboxPanel", "{over} characters too long: not changed").format(
                    over=post_length(text) - MAX_POST_LENGTH
                )
            )
            return
        self._actions.edit_post(entry.id, text)

    def cancel(self, entry: OutboxEntry) -> None:
        self._actions.cancel_post(entry.id)
        self._say(translate("OutboxPanel", "Post cancelled"))

    def mark_posted(self, entry: OutboxEntry) -> None:
        self._actions.mark_posted(entry.id)
        self._say(translate("OutboxPanel", "Marked posted"))
