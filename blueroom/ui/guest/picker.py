"""The guest's pick view: big touch cards of the approved questions.

The guest taps a card, then confirms on the card itself ("Answer this one"): one
mistaken touch never puts anything on air. When the operator requires it, the pick
goes to the operator's preview instead, and the card says it is waiting for the team.
The question on air is marked; answered ones leave with a short fade and slide.

While the Q&A is closed (``set_open``: the session's switch, a segment's cue or the
console) the view says the questions open later and shows no card to tap; questions
still arrive and are moderated meanwhile.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from blueroom.core.actions import RoomActions
from blueroom.core.questions import BoardSnapshot, Question
from blueroom.core.readers import BoardReader
from blueroom.ui import theme
from blueroom.ui.i18n import number, translate
from blueroom.ui.pacing import FrameTimer
from blueroom.ui.widgets.text import TextFits, clip, is_right_to_left, single_line

CARDS = 6
COLUMNS = 2
LEAVE_SECONDS = 0.6
CONFIRM_SECONDS = 8.0  # an open confirmation closes by itself
CARD_TEXT_LIMIT = 1_000  # characters laid out at most: a card holds far fewer


@dataclass(frozen=True, slots=True)
class _Leaving:
    question: Question
    rect: QRectF
    since: float


class QuestionPicker(QWidget):
    def __init__(
        self,
        board: BoardReader,
        actions: RoomActions,
        *,
        confirm_with_operator: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._board = board
        self._actions = actions
        self.confirm_with_operator = confirm_with_operator
        self._snapshot: BoardSnapshot = board.latest()
        self._page = 0
        self._shown: tuple[Question, ...] = self.cards()  # approved before it opened (a restart)
        self._rects: dict[str, QRectF] = {}
        self._leaving: list[_Leaving] = []
        self._confirming: tuple[str, float] | None = None
        self._picked: str | None = None  # sent to the operator, waiting to be taken
        self.open = True  # the Q&A is open (closed: "the questions open later", no card)
        self._texts = TextFits(size=4 * CARDS)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, False)  # mouse is synthesised
        self._frames_timer = FrameTimer(self, 30, self.refresh)

    def set_open(self, open_: bool) -> None:
        if open_ != self.open:
            self.open = open_
            self._confirming = None
            self.update()

    # -- data -------------------------------------------------------------------------
    def cards(self) -> tuple[Question, ...]:
        """What the guest sees: the question on air first, then the approved ones."""
        snapshot = self._snapshot
        listed = ((snapshot.on_air,) if snapshot.on_air else ()) + snapshot.approved
        pages = max(1, -(-len(listed) // CARDS))
        self._page %= pages
        return listed[self._page * CARDS : (self._page + 1) * CARDS]

    @property
    def shown(self) -> tuple[Question, ...]:
        """The cards on screen now (``cards`` once the picker has refreshed)."""
        return self._shown

    @property
    def pages(self) -> int:
        snapshot = self._snapshot
        count = len(snapshot.approved) + (1 if snapshot.on_air else 0)
        return max(1, -(-count // CARDS))

    def refresh(self) -> None:
        snapshot = self._board.latest()
        now = time.monotonic()
        changed = snapshot.version != self._snapshot.version
        if changed:
            before = {q.tweet_id: q for q in self._shown}
            self._snapshot = snapshot
            shown = self.cards()
            kept = {q.tweet_id for q in shown}
            for tweet_id, question in before.items():
                rect = self._rects.get(tweet_id)
                if tweet_id not in kept and rect is not None:
                    self._leaving.append(_Leaving(question, rect, now))
            self._shown = shown
            if self._picked is not None and (
                snapshot.on_air is not None and snapshot.on_air.tweet_id == self._picked
            ):
                self._picked = None
        self._leaving = [x for x in self._leaving if now - x.since < LEAVE_SECONDS]
        if self._confirming is not None and now - self._confirming[1] > CONFIRM_SECONDS:
            self._confirming = None
            changed = True
        if changed or self._leaving:
            self.update()

    # -- touch --------------------------------------------------------------------------
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.tap(event.position())

    def tap(self, point: QPointF) -> None:
        if not self.open:
            return  # no card to tap while the Q&A is closed
        self._rects = self._layout()
        if self._pager_rect().contains(point) and self.pages > 1:
            self._page += 1
            self._confirming = None
            self._shown = self.cards()
            self.update()
            return
        for question in self._shown:
            rect = self._rects.get(question.tweet_id)
            if rect is None or not rect.contains(point):
                continue
            on_air = self._snapshot.on_air
            if on_air is not None and on_air.tweet_id == question.tweet_id:
                return  # already being answered
            confirming = self._confirming
            if confirming is not None and confirming[0] == question.tweet_id:
                yes, no = self._confirm_buttons(rect)
                if yes.contains(point):
                    self._choose(question)
                elif no.contains(point):
                    self._confirming = None
            else:
                self._confirming = (question.tweet_id, time.monotonic())
            self.update()
            return
        self._confirming = None
        self.update()

    def _choose(self, question: Question) -> None:
        self._confirming = None
        if self.confirm_with_operator:
            self._picked = question.tweet_id
            self._actions.arm(question.tweet_id, actor="guest")
        else:
            self._actions.put_on_air(question.tweet_id, actor="guest")

    # -- painting -----------------------------------------------------------------------
    def _layout(self) -> dict[str, QRectF]:
        w, h = self.width(), self.height()
        gap = h * 0.025
        top = h * 0.1
        rows = -(-CARDS // COLUMNS)
        card_w = (w - gap * (COLUMNS - 1)) / COLUMNS
        card_h = (h - top - gap * rows - h * 0.08) / rows
        rects: dict[str, QRectF] = {}
        for index, question in enumerate(self._shown):
            row, column = divmod(index, COLUMNS)
            rects[question.tweet_id] = QRectF(
                column * (card_w + gap), top + row * (card_h + gap), card_w, card_h
            )
        return rects

    def _pager_rect(self) -> QRectF:
        w, h = self.width(), self.height()
        return QRectF(w - w * 0.3, h - h * 0.07, w * 0.3, h * 0.07)

    def _confirm_buttons(self, rect: QRectF) -> tuple[QRectF, QRectF]:
        pad = rect.height() * 0.08
        height = rect.height() * 0.3
        width = (rect.width() - pad * 3) / 2
        y = rect.bottom() - pad - height
        yes = QRectF(rect.left() + pad, y, width * 1.2, height)
        no = QRectF(yes.right() + pad, y, rect.width() - width * 1.2 - pad * 3, height)
        return yes, no

    def closed_words(self) -> tuple[str, str]:
        """What the view says while the Q&A is closed (a title, a line)."""
        return (
            translate("QuestionPicker", "The questions open a little later"),
            translate(
                "QuestionPicker",
                "Your fans are already writing them: the team reads each one for you.",
            ),
        )

    def _paint_closed(self, painter: QPainter) -> None:
        w, h = self.width(), self.height()
        title, line = self.closed_words()
        box = QRectF(w * 0.06, h * 0.22, w * 0.88, h * 0.5)
        painter.setPen(QPen(theme.LINE, 2))
        painter.setBrush(theme.with_alpha(theme.PANEL, 0.85))
        painter.drawRoundedRect(box, h * 0.03, h * 0.03)
        inner = box.adjusted(w * 0.05, h * 0.05, -w * 0.05, -h * 0.05)
        self._texts.draw(
            painter, QRectF(inner.left(), inner.top(), inner.width(), inner.height() * 0.5),
            title, theme.TEXT, max_px=h * 0.06, min_px=h * 0.03, weight=QFont.Weight.Bold,
            max_lines=2, align=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
        )  # fmt: skip
        self._texts.draw(
            painter,
            QRectF(inner.left(), inner.top() + inner.height() * 0.56, inner.width(),
                   inner.height() * 0.44),
            line, theme.MUTED, max_px=h * 0.035, min_px=h * 0.02, weight=QFont.Weight.Medium,
            max_lines=3, align=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
        )  # fmt: skip

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if not self.open:
            self._paint_closed(painter)
            painter.end()
            return
        w, h = self.width(), self.height()
        painter.setPen(theme.TEXT)
        painter.setFont(theme.font(h * 0.045, QFont.Weight.Bold))
        painter.drawText(
            QRectF(0, 0, w, h * 0.08),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            translate("QuestionPicker", "Tap a question to answer it"),
        )
        self._rects = self._layout()
        now = time.monotonic()
        for leaving in self._leaving:
            progress = min(1.0, (now - leaving.since) / LEAVE_SECONDS)
            painter.setOpacity(1.0 - progress)
            self._paint_card(
                painter, leaving.rect.translated(-w * 0.25 * progress, 0), leaving.question
            )
        painter.setOpacity(1.0)
        if not self._shown:
            painter.setPen(theme.MUTED)
            painter.setFont(theme.font(h * 0.04, QFont.Weight.Medium))
            painter.drawText(
                QRectF(0, h * 0.2, w, h * 0.5),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                translate("QuestionPicker", "The team is choosing the first questions for you…"),
            )
        for question in self._shown:
            self._paint_card(painter, self._rects[question.tweet_id], question)
        if self.pages > 1:
            pager = self._pager_rect()
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.PANEL_HI)
            painter.drawRoundedRect(pager.adjusted(0, h * 0.01, 0, 0), 14, 14)
            painter.setPen(theme.TEXT)
            painter.setFont(theme.font(h * 0.03, QFont.Weight.Bold))
            painter.drawText(
                pager.adjusted(0, h * 0.01, 0, 0),
                Qt.AlignmentFlag.AlignCenter,
                translate("QuestionPicker", "More questions ▸  {page}/{pages}").format(
                    page=self._page + 1, pages=self.pages
                ),
            )
        painter.end()

    def _label(self, question: Question) -> str:
        on_air = self._snapshot.on_air
        if on_air is not None and on_air.tweet_id == question.tweet_id:
            return translate("QuestionPicker", "ON AIR — you are answering")
        if question.tweet_id == self._picked:
            return translate("QuestionPicker", "Sent to the team — on air in a moment")
        return ""

    def card_text_boxes(self, question: Question, rect: QRectF | None = None) -> dict[str, QRectF]:
        """Where a card's words are fitted: its label (if any), the question, who asks."""
        rect = rect if rect is not None else self._layout()[question.tweet_id]
        h = self.height()
        pad = rect.height() * 0.09
        inner = rect.adjusted(pad, pad, -pad, -pad)
        boxes: dict[str, QRectF] = {}
        if self._label(question):
            boxes["label"] = QRectF(inner.left(), inner.top(), inner.width(), h * 0.035)
            inner = inner.adjusted(0, h * 0.04, 0, 0)
        boxes["author"] = QRectF(inner.left(), inner.bottom() - h * 0.03, inner.width(), h * 0.03)
        boxes["question"] = inner.adjusted(0, 0, 0, -h * 0.04)
        if self._confirming is not None and self._confirming[0] == question.tweet_id:
            boxes["question"] = QRectF(
                inner.left(), inner.top(), inner.width(), rect.height() * 0.3
            )
        return boxes

    def _paint_card(self, painter: QPainter, rect: QRectF, question: Question) -> None:
        h = self.height()
        on_air = self._snapshot.on_air is not None and (
            self._snapshot.on_air.tweet_id == question.tweet_id
        )
        waiting = question.tweet_id == self._picked
        confirming = self._confirming is not None and self._confirming[0] == question.tweet_id
        border = theme.LIVE if on_air else theme.AMBER if (waiting or confirming) else theme.LINE
        width = 4 if (on_air or confirming or waiting) else 2
        painter.setPen(QPen(border, max(1.0, min(width, h * width / 800))))
        painter.setBrush(theme.PANEL)
        radius = min(18.0, rect.height() * 0.09)  # never past the padding, at any size
        painter.drawRoundedRect(rect, radius, radius)
        boxes = self.card_text_boxes(question, rect)
        label = self._label(question)
        if label:
            self._texts.draw(
                painter,
                boxes["label"],
                label,
                theme.LIVE if on_air else theme.AMBER,
                max_px=h * 0.022,
                min_px=h * 0.014,
                weight=QFont.Weight.Black,
                max_lines=1,
            )
        author = single_line(
            question.handle or question.name or translate("QuestionPicker", "a fan")
        )
        if question.asked_by > 1:
            asked = question.asked_by
            author = translate(
                "QuestionPicker", "{who}  ·  asked by %n", None, number, asked
            ).format(who=author)
        text = clip(single_line(question.text), CARD_TEXT_LIMIT)
        side = Qt.AlignmentFlag.AlignRight if is_right_to_left(text) else Qt.AlignmentFlag.AlignLeft
        self._texts.draw(
            painter,
            boxes["author"],
            author,
            theme.ACCENT_SOFT,
            max_px=h * 0.022,
            min_px=h * 0.014,
            weight=QFont.Weight.Bold,
            max_lines=1,
            align=side | Qt.AlignmentFlag.AlignVCenter,
        )
        # The whole question, at the largest size its card holds, else cut at a word.
        self._texts.draw(
            painter,
            boxes["question"],
            text,
            theme.TEXT,
            max_px=h * 0.03,
            min_px=h * 0.02,
            weight=QFont.Weight.DemiBold,
            align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
        )
        if confirming:
            yes, no = self._confirm_buttons(rect)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.LIVE)
            painter.drawRoundedRect(yes, 14, 14)
            painter.setBrush(theme.PANEL_HI)
            painter.drawRoundedRect(no, 14, 14)
            painter.setPen(theme.TEXT)
            painter.setFont(theme.font(h * 0.028, QFont.Weight.Bold))
            painter.drawText(
                yes, Qt.AlignmentFlag.AlignCenter, translate("QuestionPicker", "Answer this one")
            )
            painter.drawText(
                no, Qt.AlignmentFlag.AlignCenter, translate("QuestionPicker", "Not now")
            )
