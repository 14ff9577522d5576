"""The first-post step on the guest panel: the guest writes a post and sends it from
their own X account.

Four calm pages, one at a time:

* **sign in** — when the guest is not signed in: the login's QR code to scan with their
  phone (``x/guest.py``; the same link as the console's Guest menu shows), and where the
  sign-in stands; without a login for this room it says so, plainly;
* **write** — a text box, the on-screen keyboard (``keyboard.py``: AZERTY or QWERTY,
  the accents in sight), a few suggested texts to pick, the characters left as X counts
  them (``core/post_text.py``: 280, a URL 23, an emoji 2), the event's hashtag added
  when missing and said so, and a Post button;
* **confirm** — exactly what will be posted, and from which account, with "Post it" and
  "Back";
* **status** — the post's state in the outbox (``core/outbox.py``): sending, posted
  with its link (and a QR code to open it on the phone), or why it did not go out.

Posting publishes one ``OutboxQueued`` asked as the guest (``PostAs.GUEST``); the
outbox sends it once, from the guest's account. The step finds the guest's post in the
outbox snapshot, so a restart shows its state rather than offering to post again.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from functools import partial
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPixmap, QResizeEvent, QTextCursor
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from blueroom.core.actions import RoomActions
from blueroom.core.events import PostAs, PostKind
from blueroom.core.outbox import EntryState, OutboxEntry
from blueroom.core.post_text import MAX_POST_LENGTH, post_length, with_hashtag
from blueroom.core.posting import Draft
from blueroom.core.readers import OutboxReader
from blueroom.ui import theme
from blueroom.ui.fonts import UI_FAMILY
from blueroom.ui.guest.keyboard import Layout, OnScreenKeyboard
from blueroom.ui.i18n import number, translate
from blueroom.ui.widgets.qr import qr_image
from blueroom.x.guest import GuestState, GuestStatus

MIN_TARGET = 96  # px: the smallest touch target of a choice


class GuestSignIn(Protocol):
    """What the step needs of the guest's login (``x/guest.py``'s ``GuestLogin``)."""

    def status(self) -> GuestStatus: ...

    def begin(self) -> str: ...

    def cannot_sign_in(self) -> str: ...


class Page(StrEnum):
    SIGN_IN = "sign in"
    WRITE = "write"
    CONFIRM = "confirm"
    STATUS = "status"


def suggested_posts(hashtag: str, guest_name: str) -> list[str]:
    """A few first posts to pick (each names the hashtag: nothing is added to them)."""
    first = guest_name.split()[0] if guest_name.strip() else ""
    tag = hashtag or "#BlueRoom"
    signed = (
        translate(
            "FirstPostView", "{name} here, live from the Blue Room. See you in a moment! {hashtag}"
        ).format(name=first, hashtag=tag)
        if first
        else translate(
            "FirstPostView", "Live from the Blue Room. See you in a moment! {hashtag}"
        ).format(hashtag=tag)
    )
    return [
        translate(
            "FirstPostView",
            "Hello everyone! I'm in the Blue Room right now: ask me your questions with {hashtag}",
        ).format(hashtag=tag),
        translate(
            "FirstPostView", "Happy to be here today. Your questions, live, with {hashtag} ✨"
        ).format(hashtag=tag),
        signed,
    ]


class IdeaButton(QPushButton):
    """A suggested text, cut to the button's width (the whole of it goes in the box)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.full_text = text
        self.setProperty("idea", True)
        self.setToolTip(text)
        self.setAccessibleName(text)
        self.setMinimumHeight(64)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(40, self.width() - 40)
        self.setText(
            self.fontMetrics().elidedText(self.full_text, Qt.TextElideMode.ElideRight, width)
        )


def guest_post(entries: Sequence[OutboxEntry]) -> OutboxEntry | None:
    """The guest's own post of this session, newest first (a cancelled one does not count)."""
    for entry in entries:
        if entry.post_as is PostAs.GUEST and entry.state is not EntryState.CANCELLED:
            return entry
    return None


class FirstPostView(QWidget):
    def __init__(
        self,
        outbox: OutboxReader,
        actions: RoomActions,
        login: GuestSignIn | None,
        *,
        hashtag: str,
        guest_name: str = "",
        language: str = "fr",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstPost")
        self._outbox = outbox
        self._actions = actions
        self._login = login
        self.hashtag = hashtag
        self.page = Page.WRITE
        self.entry_id = ""  # the guest's post, once asked for
        self.asked = 0  # posts this view asked for (one, unless the team cancelled it)
        self._shown: tuple[object, ...] = ()
        self._qr_for = ""
        self._big = 28

        # -- sign in --
        self.sign_in_page = QWidget()
        self.qr = QLabel()
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.sign_in_title = self._label(
            translate("FirstPostView", "Sign in to post from your own account"), bold=True
        )
        self.sign_in_line = self._label("")
        self.new_code = self._button(translate("FirstPostView", "Show a new code"), self._begin)
        sign_in_text = QVBoxLayout()
        sign_in_text.addStretch(1)
        sign_in_text.addWidget(self.sign_in_title)
        sign_in_text.addWidget(self.sign_in_line)
        sign_in_text.addWidget(self.new_code, 0, Qt.AlignmentFlag.AlignLeft)
        sign_in_text.addStretch(1)
        self._sign_in_box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.sign_in_page)
        self._sign_in_box.addWidget(self.qr)
        self._sign_in_box.addLayout(sign_in_text, 1)

        # -- write --
        self.write_page = QWidget()
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("postText")
        self.editor.setPlaceholderText(
            translate("FirstPostView", "Write your first post, or pick an idea below")
        )
        self.editor.textChanged.connect(self._text_changed)
        self.left = self._label("")
        self.left.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.hashtag_note = self._label("")
        self.hashtag_note.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.post_button = self._button(translate("FirstPostView", "Post…"), self.ask_to_post)
        self.post_button.setObjectName("post")
        side = QVBoxLayout()
        side.addWidget(self.left)
        side.addWidget(self.hashtag_note, 1)
        side.addWidget(self.post_button)
        top = QHBoxLayout()
        top.addWidget(self.editor, 3)
        top.addLayout(side, 1)
        self.ideas: list[tuple[str, QPushButton]] = []
        ideas = QHBoxLayout()
        ideas.setSpacing(10)
        for text in suggested_posts(hashtag, guest_name):
            button = IdeaButton(text)
            button.clicked.connect(partial(self.pick, text))
            ideas.addWidget(button, 1)
            self.ideas.append((text, button))
        self.keyboard = OnScreenKeyboard(
            Layout.AZERTY if language.startswith("fr") else Layout.QWERTY
        )
        self.keyboard.typed.connect(self.type_text)
        self.keyboard.erased.connect(self.erase)
        write = QVBoxLayout(self.write_page)
        write.setContentsMargins(0, 0, 0, 0)
        write.addLayout(top, 3)
        write.addLayout(ideas)
        write.addWidget(self.keyboard, 6)

        # -- confirm --
        self.confirm_page = QWidget()
        self.confirm_title = self._label(translate("FirstPostView", "Post this?"), bold=True)
        self.preview = self._label("")
        self.preview.setObjectName("preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.account_line = self._label("")
        self.confirm_button = self._button(translate("FirstPostView", "Post it"), self.post)
        self.confirm_button.setObjectName("post")
        self.back_button = self._button(translate("FirstPostView", "Back"), self.back)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.confirm_button)
        confirm = QVBoxLayout(self.confirm_page)
        confirm.addWidget(self.confirm_title)
        confirm.addWidget(self.preview, 1)
        confirm.addWidget(self.account_line)
        confirm.addLayout(buttons)

        # -- status --
        self.status_page = QWidget()
        self.status_title = self._label("", bold=True)
        self.status_line = self._label("")
        self.status_text = self._label("")
        self.status_text.setObjectName("preview")
        self.link = self._label("")
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.link_qr = QLabel()
        self.link_qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        status_text = QVBoxLayout()
        status_text.addWidget(self.status_title)
        status_text.addWidget(self.status_line)
        status_text.addWidget(self.status_text, 1)
        status_text.addWidget(self.link)
        self._status_box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self.status_page)
        self._status_box.addLayout(status_text, 1)
        self._status_box.addWidget(self.link_qr)

        self.pages = QStackedLayout(self)
        for widget in (self.sign_in_page, self.write_page, self.confirm_page, self.status_page):
            self.pages.addWidget(widget)
        self._text_changed()

    # -- building -----------------------------------------------------------------------
    def _label(self, text: str, bold: bool = False) -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)  # the guest's words and X's, as text
        label.setWordWrap(True)
        label.setProperty("bold", bold)
        return label

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setMinimumSize(MIN_TARGET * 2, MIN_TARGET)
        button.clicked.connect(slot)
        return button

    # -- what the guest does ----------------------------------------------------------------
    @property
    def final_text(self) -> str:
        """What will be posted: the guest's text, the hashtag added when missing."""
        return with_hashtag(self.editor.toPlainText().strip(), self.hashtag)

    def type_text(self, text: str) -> None:
        self.editor.insertPlainText(text)
        self.editor.ensureCursorVisible()

    def erase(self) -> None:
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            # a whole character, an emoji of several code points included
            cursor.movePosition(
                QTextCursor.MoveOperation.PreviousCharacter, QTextCursor.MoveMode.KeepAnchor
            )
        cursor.removeSelectedText()
        self.editor.setTextCursor(cursor)

    def pick(self, text: str) -> None:
        """A suggested text into the box, where the guest may change it."""
        self.editor.setPlainText(text)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)

    def _text_changed(self) -> None:
        text = self.editor.toPlainText().strip()
        final = self.final_text
        left = MAX_POST_LENGTH - post_length(final)
        if left >= 0:
            # fmt: off
            self.left.setText(translate("FirstPostView", "%n character(s) left", None, number, left))
            # fmt: on
        else:
            over = -left
            # fmt: off
            self.left.setText(translate("FirstPostView", "%n character(s) too many", None, number, over))
            # fmt: on
        self.left.setProperty("over", left < 0)
        self.left.setStyleSheet(f"color: {(theme.LIVE if left < 0 else theme.MUTED).name()};")
        tag = "#" + self.hashtag.lstrip("#") if self.hashtag.strip() else ""
        self.hashtag_note.setText(
            translate("FirstPostView", "{hashtag} will be added at the end").format(hashtag=tag)
            if tag and text and final != text
            else ""
        )
        self.post_button.setEnabled(bool(text) and left >= 0)

    def ask_to_post(self) -> None:
        """Post… : the confirmation, with exactly what goes out."""
        if not self.post_button.isEnabled():
            return
        self.preview.setText(self.final_text)
        status = self._login.status() if self._login is not None else None
        handle = status.handle if status is not None else ""
        self.account_line.setText(
            translate("FirstPostView", "From your account {handle}, for everyone to see.").format(
                handle=handle
            )
        )
        self.confirm_button.setEnabled(True)
        self._show(Page.CONFIRM)

    def back(self) -> None:
        self._show(Page.WRITE)

    def post(self) -> None:
        """Post it: one entry in the outbox, asked as the guest (never twice)."""
        if self.page is not Page.CONFIRM or self.entry_id or not self.confirm_button.isEnabled():
            return
        self.confirm_button.setEnabled(False)
        text = self.final_text
        if not text or post_length(text) > MAX_POST_LENGTH:
            self._show(Page.WRITE)
            return
        self.entry_id = self._actions.post(
            Draft(text=text), PostKind.POST, actor="guest", post_as=PostAs.GUEST
        )
        self.asked += 1
        self._show(Page.STATUS)
        self.refresh()

    def _begin(self) -> None:
        if self._login is not None and not self._login.cannot_sign_in():
            self._login.begin()
        self.refresh()

    # -- following the room --------------------------------------------------------------
    def entry(self) -> OutboxEntry | None:
        entries = self._outbox.latest().entries
        if self.entry_id:
            for entry in entries:
                if entry.id == self.entry_id:
                    return entry
            return None  # asked a moment ago: the engine has not answered yet
        return guest_post(entries)

    def signed_in(self) -> bool:
        return self._login is not None and self._login.status().state == GuestState.SIGNED_IN

    def refresh(self) -> None:
        """Follow the login and the outbox (cheap when nothing changed)."""
        entry = self.entry()
        if entry is not None and entry.state is EntryState.CANCELLED and self.entry_id:
            self.entry_id = ""  # the team cancelled it: the guest may write again
            entry = None
        if self.entry_id or entry is not None:
            if entry is not None and not self.entry_id:
                self.entry_id = entry.id
            self._show(Page.STATUS)
            self._show_status(entry)
            return
        if not self.signed_in():
            self._show(Page.SIGN_IN)
            self._show_sign_in()
            return
        if self.page is not Page.CONFIRM:
            self._show(Page.WRITE)

    def _show(self, page: Page) -> None:
        if self.page is page and self.pages.currentIndex() == list(Page).index(page):
            return
        self.page = page
        self.pages.setCurrentIndex(list(Page).index(page))
        if page is Page.WRITE:
            self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_sign_in(self) -> None:
        login = self._login
        problem = "none" if login is None else login.cannot_sign_in()
        if login is None or problem:
            # the technical reason is the console's (its Guest menu says it): calm words here
            key: tuple[object, ...] = ("cannot", problem)
            if key != self._shown:
                self._shown = key
                self.sign_in_line.setText(
                    translate(
                        "FirstPostView",
                        "Signing in to X is not set up in this room today: the team will help"
                        " you post from your phone.",
                    )
                )
                self.qr.clear()
                self._qr_for = ""
                self.new_code.hide()
            return
        status = login.status()
        if status.state == GuestState.SIGNED_OUT:
            login.begin()  # the code is shown at once: no tap needed to ask for it
            status = login.status()
        key = ("login", status.state, status.authorize_url, status.detail)
        if key == self._shown:
            return
        self._shown = key
        self.new_code.setVisible(status.state == GuestState.FAILED)
        if status.state == GuestState.WAITING and status.authorize_url:
            self.sign_in_line.setText(
                translate(
                    "FirstPostView",
                    "Scan this code with your phone's camera, then approve on X. Your post will"
                    " go out from your own account.",
                )
            )
            self._set_qr(status.authorize_url)
        elif status.state == GuestState.FAILED:
            self.sign_in_line.setText(
                translate("FirstPostView", "Sign-in did not work: {reason}").format(
                    reason=status.detail
                )
            )
            self.qr.clear()
            self._qr_for = ""

    def _set_qr(self, url: str) -> None:
        side = max(240, min(self.width() // 3, self.height() - 40, 520))
        if (url, side) == (self._qr_for, self.qr.width()):
            return
        self._qr_for = url
        self.qr.setPixmap(QPixmap.fromImage(qr_image(url, side)))
        self.qr.setFixedSize(side, side)

    def _show_status(self, entry: OutboxEntry | None) -> None:
        posting = self._outbox.latest().posting
        key = (
            "status",
            entry.state if entry else None,
            entry.url if entry else "",
            entry.reason if entry else "",
            posting.rehearsal,
        )
        if key == self._shown:
            return
        self._shown = key
        link = ""
        if entry is None or entry.state in (
            EntryState.QUEUED,
            EntryState.SENDING,
            EntryState.CHECKING,
        ):
            title = translate("FirstPostView", "Posting…")
            line = translate("FirstPostView", "Your post is on its way to X.")
        elif entry.state is EntryState.POSTED:
            title = translate("FirstPostView", "Posted!")
            line = translate("FirstPostView", "Your first post is on X. Scan the code to see it.")
            link = entry.url
        elif entry.state is EntryState.FAILED:
            title = translate("FirstPostView", "Not yet…")
            line = translate(
                "FirstPostView", "X did not take it yet ({reason}). It is tried again by itself."
            ).format(reason=entry.reason)
        elif entry.state is EntryState.REHEARSAL:
            title = translate("FirstPostView", "Rehearsal")
            line = translate("FirstPostView", "This is a rehearsal: nothing was posted.")
        else:  # needs a person, or saved: it did not go out
            title = translate("FirstPostView", "It did not go out")
            line = translate("FirstPostView", "{reason}. The team has been told.").format(
                reason=entry.reason.rstrip(".")
            )
        self.status_title.setText(title)
        self.status_line.setText(line)
        self.status_text.setText(entry.draft.text if entry is not None else self.final_text)
        self.link.setText(link)
        if link:
            side = max(200, min(self.width() // 4, self.height() // 2, 420))
            self.link_qr.setPixmap(QPixmap.fromImage(qr_image(link, side)))
            self.link_qr.show()
        else:
            self.link_qr.clear()
            self.link_qr.hide()

    # -- size -------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        w, h = self.width(), self.height()
        portrait = h > w
        big = max(24, round(min(w, h) * 0.045))
        self._big = big
        text = max(20, round(min(w, h) * 0.035))
        small = max(16, round(min(w, h) * 0.025))
        self.setStyleSheet(
            f'* {{ font-family: "{UI_FAMILY}"; }}'
            f"QLabel {{ color: {theme.TEXT.name()}; font-size: {text}px; }}"
            f' QLabel[bold="true"] {{ font-size: {big}px; font-weight: 800; }}'
            f" QLabel#preview {{ font-size: {big}px; font-weight: 600;"
            f" background: {theme.PANEL.name()}; border-radius: 18px; padding: 18px; }}"
            f" QPlainTextEdit {{ font-size: {text}px; color: {theme.TEXT.name()};"
            f" background: {theme.PANEL.name()}; border: 2px solid {theme.LINE.name()};"
            " border-radius: 18px; padding: 10px; }"
            f" QPlainTextEdit:focus {{ border-color: {theme.ACCENT.name()}; }}"
            f" QPushButton {{ font-size: {text}px; font-weight: 700; color: {theme.TEXT.name()};"
            f" background: {theme.PANEL_HI.name()}; border: none; border-radius: 24px;"
            " padding: 10px 24px; }"
            f" QPushButton#post {{ background: {theme.ACCENT.name()}; }}"
            f" QPushButton#post:disabled {{ background: {theme.PANEL.name()};"
            f" color: {theme.DIM.name()}; }}"
            f' QPushButton[idea="true"] {{ font-size: {small}px; font-weight: 600;'
            f" text-align: left; padding: 6px 16px; border-radius: 16px;"
            f" border: 2px solid {theme.LINE.name()}; background: {theme.PANEL.name()}; }}"
        )
        self.editor.setFont(theme.font(text, QFont.Weight.Medium))
        direction = (
            QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
        )
        self._sign_in_box.setDirection(direction)
        self._status_box.setDirection(direction)
        super().resizeEvent(event)
        self._shown = ()  # the QR codes at the new size
        self._qr_for = ""
        self.refresh()
