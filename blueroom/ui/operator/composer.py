"""The composer: a post written by the operator, sent only after one explicit Send and a
confirmation that shows exactly what will be posted, and from which account.

Three kinds: a reply to the author of the question on air (sending it marks the question
answered), a free post (the event's hashtag added when missing), and a post with a photo
(a JPEG or PNG, or a clip: the booth's boomerang as MP4 or GIF, picked in the
session's photos folder or anywhere). The character count
is X's (280, a URL counts 23: ``core/post_text.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from blueroom.core.actions import RoomActions
from blueroom.core.cost import CostSettings, draft_cost
from blueroom.core.events import PostKind
from blueroom.core.outbox import PostingInfo
from blueroom.core.post_text import MAX_POST_LENGTH, post_length, with_hashtag
from blueroom.core.posting import Draft
from blueroom.core.questions import Question
from blueroom.ui import theme
from blueroom.ui.i18n import translate
from blueroom.ui.operator.labels import plain_label
from blueroom.ui.widgets.text import single_line

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png")
CLIP_SUFFIXES = (".mp4", ".gif")  # uploaded in chunks (x/poster.py)
BANNER_STYLE = (
    f"color: {theme.NIGHT.name()}; background: {theme.AMBER.name()};"
    " padding: 4px 8px; font-weight: 700;"
)
# Asks the person; True to go on. (parent, title, text)
Confirm = Callable[[QWidget, str, str], bool]
# Extra lines for the confirmation (the cost of a post with a link goes here).
Warnings = Callable[[Draft], Sequence[str]]


def cost_warnings(draft: Draft, prices: CostSettings) -> Sequence[str]:
    """What posting ``draft`` costs, said before Send when it costs more than a plain
    post (a link: X bills it about 13 times as much; media with a price)."""
    amount, why = draft_cost(draft, prices)
    if amount <= prices.post_created:
        return ()
    return (translate("Composer", "This costs more on X: {why}").format(why=why),)


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


def no_warnings(draft: Draft) -> Sequence[str]:
    return ()


def account_words(posting: PostingInfo) -> str:
    if posting.account:
        return posting.account
    if posting.cannot_post:
        return translate("Composer", "no account (no posting credentials)")
    # credentials that can post, whose account X has not named yet (it does at the first post)
    return translate("Composer", "the room's X account")


class Composer(QDialog):
    def __init__(
        self,
        kind: PostKind,
        actions: RoomActions,
        posting: PostingInfo,
        *,
        hashtag: str,
        question: Question | None = None,
        photos_folder: Path | None = None,
        confirm: Confirm = ask_yes_no,
        extra_warnings: Warnings = no_warnings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self._actions = actions
        self._posting = posting
        self._hashtag = hashtag
        self._question = question
        self._photos_folder = photos_folder
        self._confirm = confirm
        self._extra_warnings = extra_warnings
        self.photo: Path | None = None
        self.sent_entry = ""  # the outbox entry made by Send
        self.setWindowTitle(self._title())
        self.setMinimumWidth(460)
        box = QVBoxLayout(self)
        self.what = plain_label(self._what())
        self.what.setWordWrap(True)
        box.addWidget(self.what)
        if posting.rehearsal:
            banner = plain_label(translate("Composer", "REHEARSAL — nothing will be posted"))
            banner.setObjectName("rehearsalBanner")
            banner.setStyleSheet(BANNER_STYLE)
            box.addWidget(banner)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            translate("Composer", "The answer, as the guest gave it")
            if kind is PostKind.REPLY
            else translate("Composer", "What the room says")
        )
        self.text.textChanged.connect(self._update)
        box.addWidget(self.text, 1)
        self.count = plain_label("")
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight)
        box.addWidget(self.count)
        if kind is PostKind.PHOTO:
            row = QHBoxLayout()
            self.photo_label = plain_label(translate("Composer", "No photo chosen"))
            self.photo_label.setWordWrap(True)
            choose = QPushButton(translate("Composer", "Choose a photo…"))
            choose.clicked.connect(self.choose_photo)
            row.addWidget(self.photo_label, 1)
            row.addWidget(choose)
            box.addLayout(row)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        cancel = QPushButton(translate("Composer", "Cancel"))
        cancel.clicked.connect(self.reject)
        self.send_button = QPushButton(translate("Composer", "Send…"))
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send)
        buttons.addWidget(cancel)
        buttons.addWidget(self.send_button)
        box.addLayout(buttons)
        self._update()

    # -- what it says ---------------------------------------------------------------------
    def _title(self) -> str:
        match self.kind:
            case PostKind.REPLY:
                return translate("Composer", "Reply to the question on air")
            case PostKind.PHOTO:
                return translate("Composer", "Post a photo")
            case _:
                return translate("Composer", "New post")

    def _what(self) -> str:
        account = account_words(self._posting)
        question = self._question
        if self.kind is PostKind.REPLY and question is not None:
            text = single_line(question.text)
            if len(text) > 140:
                text = text[:139] + "…"
            return translate("Composer", "From {account}, in reply to {who}: “{question}”").format(
                account=account, who=question.handle or question.name, question=text
            )
        return translate("Composer", "From {account}; {hashtag} is added when missing").format(
            account=account, hashtag=self._hashtag
        )

    def draft(self) -> Draft:
        """The post exactly as it will be sent."""
        typed = self.text.toPlainText().strip()
        if self.kind is PostKind.REPLY:
            reply_to = self._question.tweet_id if self._question is not None else ""
            return Draft(text=typed, reply_to=reply_to)
        media = (str(self.photo),) if self.kind is PostKind.PHOTO and self.photo else ()
        return Draft(text=with_hashtag(typed, self._hashtag), media=media)

    def problem(self) -> str:
        """Why it cannot be sent as it is ("" when it can)."""
        draft = self.draft()
        if self.kind is PostKind.REPLY and not draft.reply_to:
            return translate("Composer", "No question is on air to reply to")
        if not self.text.toPlainText().strip() and self.kind is not PostKind.PHOTO:
            return translate("Composer", "Nothing written yet")
        length = post_length(draft.text)
        if length > MAX_POST_LENGTH:
            return translate("Composer", "{over} characters too long").format(
                over=length - MAX_POST_LENGTH
            )
        if self.kind is PostKind.PHOTO:
            if self.photo is None:
                return translate("Composer", "Choose a photo")
            if self.photo.suffix.lower() not in PHOTO_SUFFIXES + CLIP_SUFFIXES:
                return translate("Composer", "A photo is a JPEG or PNG file, a clip an MP4 or GIF")
            if not self.photo.is_file():
                return translate("Composer", "The photo is no longer there: {path}").format(
                    path=self.photo
                )
        return ""

    def confirmation(self, draft: Draft) -> str:
        """Exactly what will be posted, from which account, and what to know first."""
        posting = self._posting
        lines = [
            translate("Composer", "Post this from {account}?").format(
                account=account_words(posting)
            )
        ]
        if draft.reply_to and self._question is not None:
            lines.append(
                translate("Composer", "In reply to {who} (post {id}).").format(
                    who=self._question.handle or self._question.name, id=draft.reply_to
                )
            )
        lines += ["", draft.text, ""]
        for path in draft.media:
            name = Path(path).name
            lines.append(
                translate("Composer", "With the clip {name}").format(name=name)
                if Path(path).suffix.lower() in CLIP_SUFFIXES
                else translate("Composer", "With the photo {name}").format(name=name)
            )
        lines.append(
            translate("Composer", "{count} of {most} characters").format(
                count=post_length(draft.text), most=MAX_POST_LENGTH
            )
        )
        if self.kind is PostKind.REPLY:
            lines.append(translate("Composer", "The question will be marked answered."))
        # The place for what else a person should know before sending (a link's cost).
        lines += list(self._extra_warnings(draft))
        if posting.rehearsal:
            lines.append(translate("Composer", "REHEARSAL: nothing will be posted."))
        elif posting.cannot_post:
            lines.append(
                translate("Composer", "It will be saved, not posted: {reason}").format(
                    reason=posting.cannot_post
                )
            )
        return "\n".join(lines)

    # -- acting ---------------------------------------------------------------------------
    def _update(self) -> None:
        draft = self.draft()
        length = post_length(draft.text)
        self.count.setText(f"{length} / {MAX_POST_LENGTH}")
        colour = theme.LIVE if length > MAX_POST_LENGTH else theme.MUTED
        self.count.setStyleSheet(f"color: {colour.name()};")
        problem = self.problem()
        self.send_button.setEnabled(not problem)
        self.send_button.setToolTip(problem)

    def set_photo(self, path: Path) -> None:
        self.photo = path
        if self.kind is PostKind.PHOTO:
            self.photo_label.setText(path.name)
        self._update()

    def choose_photo(self) -> None:
        folder = self._photos_folder
        start = str(folder) if folder is not None and folder.is_dir() else str(Path.home())
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            translate("Composer", "Choose a photo"),
            start,
            translate(
                "Composer",
                "Photos and clips (*.jpg *.jpeg *.png *.mp4 *.gif *.JPG *.JPEG *.PNG *.MP4 *.GIF)",
            ),
        )
        if chosen:
            self.set_photo(Path(chosen))

    def send(self) -> bool:
        """The one explicit Send: confirmed, then queued in the outbox. True when queued."""
        if self.problem():
            return False
        draft = self.draft()
        if not self._confirm(self, self._title(), self.confirmation(draft)):
            return False
        question_id = self._question.tweet_id if self._question is not None else ""
        if self.kind is not PostKind.REPLY:
            question_id = ""
        self.sent_entry = self._actions.post(draft, self.kind, question_id)
        self.accept()
        return True
