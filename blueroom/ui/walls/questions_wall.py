"""The questions wall: the question on air, very large; the next ones below; live counters.

Only approved questions ever reach this wall. With nothing on air it stays alive:
it rotates through the approved questions, or invites the room to ask — only while the
Q&A is open (closed, it thanks the room instead).

The session's switches (``core/switches.py``: a segment's cue or the console) can turn
the wall off: it then rests on a calm screen, the event's hashtag and the guest's name,
never blank, until it is turned on again.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QRectF, Qt, QVariantAnimation
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QWidget

from blueroom.core.broadcast_stats import FrameMeter
from blueroom.core.events import QuestionState
from blueroom.core.questions import BoardSnapshot, Question
from blueroom.core.readers import BoardReader, MetricsReader, SessionReader
from blueroom.core.switches import Switches
from blueroom.ui import theme
from blueroom.ui.clock import Clock, SystemClock, clock_text
from blueroom.ui.i18n import number, translate
from blueroom.ui.pacing import FrameTimer, MeteredWindow
from blueroom.ui.widgets.text import (
    WALL_TEXT_LIMIT,
    FittedText,
    TextFits,
    is_right_to_left,
    wall_text,
)

_PENDING = QuestionState.PENDING
ROTATE_SECONDS = 8.0
COUNTER_SECONDS = 1.0
UP_NEXT = 3
UP_NEXT_LIMIT = 160


def _count(value: int) -> str:
    return number(value)


class QuestionsWall(MeteredWindow, QWidget):
    def __init__(
        self,
        board: BoardReader,
        metrics: MetricsReader,
        *,
        hashtag: str,
        guest_name: str,
        refresh_hz: float = 10.0,
        clock: Clock | None = None,
        session: SessionReader | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock or SystemClock()
        self.setWindowTitle(translate("QuestionsWall", "Blue Room — questions wall"))
        self._board = board
        self._metrics = metrics
        self._session = session  # the switches: the wall on, the Q&A open (None: both)
        self._switches = self._read_switches()
        self._hashtag = hashtag
        self._guest_first = (
            guest_name.split()[0] if guest_name.strip() else translate("QuestionsWall", "our guest")
        )
        self._snapshot: BoardSnapshot | None = None
        self._shown_id: str | None = None
        self._mode = "invite"
        self._rotation = 0
        self._rotated_at = time.monotonic()
        self._counted_at = 0.0
        self._shown_key: tuple[object, ...] = ()
        self._background: QPixmap | None = None
        self._background_key: tuple[object, ...] = ()
        self.setMinimumSize(480, 270)

        bold = QFont.Weight.Bold
        self.main_text = FittedText(max_px=80, min_px=22, weight=QFont.Weight.DemiBold, parent=self)
        self.main_author = FittedText(
            max_px=30, min_px=12, color=theme.ACCENT_SOFT, wrap=False, parent=self
        )
        self.next_texts = [
            FittedText(max_px=30, min_px=11, weight=QFont.Weight.Medium, parent=self)
            for _ in range(UP_NEXT)
        ]
        self.next_authors = [
            FittedText(max_px=20, min_px=9, color=theme.MUTED, wrap=False, parent=self)
            for _ in range(UP_NEXT)
        ]
        self.hashtag_text = FittedText(
            hashtag, max_px=64, min_px=16, weight=bold, wrap=False, color=theme.TEXT, parent=self
        )
        # The fade blits the question's cached pixmap at a rising opacity (a graphics
        # effect would render the widget off screen at every frame).
        self._fade_animation = QVariantAnimation(self)
        self._fade_animation.setDuration(450)
        # From a third: the new question is on the wall from its first frame, then fades up.
        self._fade_animation.setStartValue(0.35)
        self._fade_animation.setEndValue(1.0)
        self._fade_animation.valueChanged.connect(lambda v: self.main_text.setOpacity(float(v)))

        self.resting = RestingScreen(self, hashtag, guest_name)
        self.resting.set_open(self._switches.questions_open)
        self.resting.setVisible(not self._switches.questions_wall)
        self.frame_meter = FrameMeter()  # the console's broadcast stats
        self._frames_timer = FrameTimer(self, refresh_hz, self.refresh, meter=self.frame_meter)
        self.refresh()

    # -- data -----------------------------------------------------------------------
    def _read_switches(self) -> Switches:
        return self._session.latest().switches if self._session is not None else Switches()

    @property
    def shown(self) -> bool:
        """The questions are on the wall (else it rests on the hashtag and the guest)."""
        return self._switches.questions_wall

    def refresh(self) -> None:
        switches = self._read_switches()
        if switches != self._switches:
            self._switches = switches
            self.resting.set_open(switches.questions_open)
            if self.resting.isVisible() == switches.questions_wall:
                self.resting.setGeometry(self.rect())
                self.resting.setVisible(not switches.questions_wall)
                if not switches.questions_wall:
                    self.resting.raise_()
            self._shown_key = ()  # the invitation depends on the Q&A's switch
        snapshot = self._board.latest()
        changed = self._display_key(snapshot) != self._shown_key
        self._snapshot = snapshot
        now = time.monotonic()
        rotate = now - self._rotated_at >= ROTATE_SECONDS
        if changed or rotate:
            if rotate:
                self._rotated_at = now
                self._rotation += 1
            self._show(snapshot)
            if changed and self.isVisible():
                # A decision: the question goes on the wall now, before the other windows'
                # paints; the rest of the wall follows in the next frame.
                self.repaint()
            else:
                self.update()
        elif now - self._counted_at >= COUNTER_SECONDS:
            # Counters and clock: a repaint a second is lively enough from five metres,
            # and only of their strips (the big question is not redrawn for them).
            self._counted_at = now
            w, h = self.width(), self.height()
            self.update(self._geometry()["header"].toAlignedRect().adjusted(-4, -4, 4, 4))
            self.update(QRectF(0, h * 0.95, w, h * 0.05).toAlignedRect())

    def _display_key(self, snapshot: BoardSnapshot) -> tuple[object, ...]:
        """What this wall shows; new pending posts (not shown) do not repaint it."""
        approved = tuple(q.tweet_id for q in snapshot.approved[: UP_NEXT + 1])
        on_air = snapshot.on_air.tweet_id if snapshot.on_air else None
        return (on_air, approved, len(snapshot.approved), snapshot.counts.get(_PENDING, 0) > 0)

    def _featured(self, snapshot: BoardSnapshot) -> tuple[str, Question | None]:
        if snapshot.on_air is not None:
            return "on_air", snapshot.on_air
        if snapshot.approved:
            return "rotating", snapshot.approved[self._rotation % len(snapshot.approved)]
        return ("invite" if self._switches.questions_open else "closed"), None

    def _show(self, snapshot: BoardSnapshot) -> None:
        self._shown_key = self._display_key(snapshot)
        mode, featured = self._featured(snapshot)
        self._mode = mode
        featured_id = featured.tweet_id if featured else None
        if featured is None and mode == "closed":  # the Q&A is closed: no invitation
            text = translate("QuestionsWall", "Thank you for your questions")
            author = translate("QuestionsWall", "Follow {guest} with {hashtag}").format(
                guest=self._guest_first, hashtag=self._hashtag
            )
        elif featured is None:
            text = translate("QuestionsWall", "Ask {guest} anything").format(
                guest=self._guest_first
            )
            author = translate("QuestionsWall", "Post your question with {hashtag}").format(
                hashtag=self._hashtag
            )
        else:
            text = self.wall_text(featured)
            author = _author_line(featured)
        if featured_id != self._shown_id:
            self._shown_id = featured_id
            self._fade_animation.stop()
            self._fade_animation.start()
        self.main_text.setText(text)
        self.main_author.setText(author)
        self.main_author.setAlignment(_reading_side(text))
        following = [q for q in snapshot.approved if q.tweet_id != featured_id]
        if mode == "rotating" and following:
            start = self._rotation % len(following)
            following = following[start:] + following[:start]
        for index in range(UP_NEXT):
            if index < len(following):
                shown = self.wall_text(following[index], UP_NEXT_LIMIT)
                self.next_texts[index].setText(shown)
                self.next_authors[index].setText(_author_line(following[index]))
                self.next_authors[index].setAlignment(_reading_side(shown))
            else:
                self.next_texts[index].setText("")
                self.next_authors[index].setText("")

    def wall_text(self, question: Question, limit: int = WALL_TEXT_LIMIT) -> str:
        """A question as this wall shows it: one paragraph, without the event's hashtag
        (it is the wall's title), cut at a word past ``limit`` characters."""
        return wall_text(question.text, self._hashtag, limit)

    @property
    def mode(self) -> str:
        return self._mode

    # -- layout and painting ----------------------------------------------------------
    def _geometry(self) -> dict[str, QRectF]:
        w, h = self.width(), self.height()
        m = w * 0.04
        header = QRectF(m, h * 0.05, w - 2 * m, h * 0.1)
        card = QRectF(m, h * 0.19, w - 2 * m, h * 0.5)
        up_next = QRectF(m, h * 0.74, w - 2 * m, h * 0.2)
        return {"header": header, "card": card, "next": up_next}

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.resting.setGeometry(self.rect())
        g = self._geometry()
        h = self.height()
        header, card = g["header"], g["card"]
        self.hashtag_text.setPixelSizes(h * 0.065, h * 0.02)
        self.hashtag_text.setGeometry(header.adjusted(0, 0, -header.width() * 0.45, 0).toRect())
        pad = card.height() * 0.1
        self.main_text.setPixelSizes(h * 0.075, h * 0.03)
        self.main_text.setGeometry(
            card.adjusted(pad, pad * 1.6, -pad, -card.height() * 0.22).toRect()
        )
        self.main_author.setPixelSizes(h * 0.03, h * 0.014)
        self.main_author.setGeometry(
            QRectF(
                card.left() + pad,
                card.bottom() - card.height() * 0.2,
                card.width() - 2 * pad,
                card.height() * 0.12,
            ).toRect()
        )
        for index, box in enumerate(self.up_next_boxes()):
            inner = _inside(box, h)
            self.next_texts[index].setPixelSizes(h * 0.026, h * 0.015)
            self.next_texts[index].setGeometry(
                inner.adjusted(0, 0, 0, -inner.height() * 0.28).toRect()
            )
            self.next_authors[index].setPixelSizes(h * 0.018, h * 0.01)
            self.next_authors[index].setGeometry(
                QRectF(
                    inner.left(),
                    inner.bottom() - inner.height() * 0.24,
                    inner.width(),
                    inner.height() * 0.24,
                ).toRect()
            )
        super().resizeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        # What changes only with the layout or the mode is drawn once into a pixmap: a
        # decision repaints the wall at once, and a 1080p gradient each time cost ~4 ms.
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._static_background())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        g = self._geometry()
        self._paint_counters(painter, g["header"])
        self._paint_waiting(painter, g["card"])
        self._paint_clock(painter)
        painter.end()

    def _static_background(self) -> QPixmap:
        filled = tuple(bool(t.text()) for t in self.next_texts)
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio, self._mode, filled)
        if self._background is not None and key == self._background_key:
            return self._background
        pixmap = QPixmap(round(self.width() * ratio), round(self.height() * ratio))
        pixmap.setDevicePixelRatio(ratio)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        theme.paint_backdrop(painter, self.width(), self.height())
        g = self._geometry()
        self._paint_card(painter, g["card"])
        self._paint_up_next(painter, g["next"])
        self._paint_footer(painter)
        painter.end()
        self._background, self._background_key = pixmap, key
        return pixmap

    def _paint_counters(self, painter: QPainter, header: QRectF) -> None:
        snapshot = self._snapshot
        metrics = self._metrics.latest()
        received = snapshot.received if snapshot else 0
        answered = snapshot.counts.get(QuestionState.ANSWERED, 0) if snapshot else 0
        figures = [
            (_count(metrics.posts), translate("QuestionsWall", "posts")),
            (_count(received), translate("QuestionsWall", "questions")),
            (_count(answered), translate("QuestionsWall", "answered")),
        ]
        h = self.height()
        right = header.right()
        for value, caption in reversed(figures):
            painter.setFont(theme.font(h * 0.05, QFont.Weight.Bold))
            value_width = painter.fontMetrics().horizontalAdvance(value)
            painter.setFont(theme.font(h * 0.017, QFont.Weight.DemiBold))
            caption_width = painter.fontMetrics().horizontalAdvance(caption.upper())
            width = max(value_width, caption_width)
            box = QRectF(right - width, header.top(), width, header.height() * 0.7)
            painter.setPen(theme.TEXT)
            painter.setFont(theme.font(h * 0.05, QFont.Weight.Bold))
            painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom, value)
            painter.setPen(theme.MUTED)
            painter.setFont(theme.font(h * 0.017, QFont.Weight.DemiBold))
            painter.drawText(
                QRectF(right - width, box.bottom(), width, header.height() * 0.3),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop,
                caption.upper(),
            )
            right -= width + h * 0.05

    def _paint_card(self, painter: QPainter, card: QRectF) -> None:
        h = self.height()
        radius = h * 0.025
        painter.setPen(QPen(theme.LINE, 2))
        painter.setBrush(theme.with_alpha(theme.PANEL, 0.92))
        painter.drawRoundedRect(card, radius, radius)
        if self._mode == "on_air":
            label, colour = translate("QuestionsWall", "ON AIR"), theme.LIVE
        elif self._mode == "rotating":
            label, colour = translate("QuestionsWall", "FROM THE AUDIENCE"), theme.ACCENT
        else:
            label, colour = _your_questions(), theme.ACCENT
        pad = card.height() * 0.1
        painter.setFont(theme.font(h * 0.022, QFont.Weight.Bold))
        text_width = painter.fontMetrics().horizontalAdvance(label)
        pill = QRectF(card.left() + pad, card.top() + pad * 0.6, text_width + h * 0.05, h * 0.04)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(theme.TEXT)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_waiting(self, painter: QPainter, card: QRectF) -> None:
        h = self.height()
        pad = card.height() * 0.1
        painter.setFont(theme.font(h * 0.022, QFont.Weight.Bold))
        label_w = painter.fontMetrics().horizontalAdvance(_your_questions())
        pill = QRectF(card.left() + pad, card.top() + pad * 0.6, label_w + h * 0.05, h * 0.04)
        if self._mode == "invite" and self._snapshot is not None:
            waiting = self._snapshot.counts.get(QuestionState.PENDING, 0)
            if waiting:
                painter.setPen(theme.MUTED)
                painter.setFont(theme.font(h * 0.02, QFont.Weight.Medium))
                painter.drawText(
                    QRectF(pill.right() + h * 0.02, pill.top(), card.width() * 0.6, pill.height()),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    _being_read(waiting),
                )

    def _paint_up_next(self, painter: QPainter, area: QRectF) -> None:
        """The next questions' cards, only those there are: an empty box would look like
        a question that failed to load, so with none the band stays calm and empty."""
        filled = [bool(t.text()) for t in self.next_texts]
        if not any(filled):
            return
        h = self.height()
        painter.setPen(theme.MUTED)
        painter.setFont(theme.font(h * 0.02, QFont.Weight.Bold))
        painter.drawText(
            QRectF(area.left(), area.top(), area.width(), area.height() * 0.18),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            translate("QuestionsWall", "UP NEXT"),
        )
        radius = h * 0.016
        for box, shown in zip(self.up_next_boxes(), filled, strict=True):
            if shown:
                painter.setPen(QPen(theme.LINE, 1.5))
                painter.setBrush(theme.with_alpha(theme.PANEL, 0.75))
                painter.drawRoundedRect(box, radius, radius)

    def up_next_boxes(self) -> list[QRectF]:
        """The up-next cards' places, drawn or not."""
        area = self._geometry()["next"]
        gap = area.width() * 0.02
        cell = (area.width() - gap * (UP_NEXT - 1)) / UP_NEXT
        top = area.top() + area.height() * 0.2
        return [
            QRectF(area.left() + index * (cell + gap), top, cell, area.height() * 0.8)
            for index in range(UP_NEXT)
        ]

    def _paint_footer(self, painter: QPainter) -> None:
        w, h = self.width(), self.height()
        painter.setPen(theme.DIM)
        painter.setFont(theme.font(h * 0.017, QFont.Weight.Medium))
        painter.drawText(
            QRectF(w * 0.04, h * 0.955, w * 0.92, h * 0.035),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            translate("QuestionsWall", "Questions appear here once the team has read them"),
        )

    def _paint_clock(self, painter: QPainter) -> None:
        w, h = self.width(), self.height()
        painter.setPen(theme.DIM)
        painter.setFont(theme.font(h * 0.017, QFont.Weight.Medium))
        painter.drawText(
            QRectF(w * 0.04, h * 0.955, w * 0.92, h * 0.035),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            clock_text(self._clock, seconds=False),
        )


class RestingScreen(QWidget):
    """The questions wall while it is off: the hashtag, large, and the guest's name, on
    the room's backdrop (never blank; no question, no figure). While the Q&A is open it
    also says how to ask."""

    def __init__(self, wall: QWidget, hashtag: str, guest_name: str) -> None:
        super().__init__(wall)
        self.setObjectName("restingScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._hashtag = hashtag
        self._guest = guest_name.strip()
        self._open = True
        self._texts = TextFits()
        self.setGeometry(wall.rect())

    def set_open(self, open_: bool) -> None:
        if open_ != self._open:
            self._open = open_
            self.update()

    def words(self) -> tuple[str, str, str]:
        """(the hashtag, the guest line, the invitation or "")."""
        guest = (
            translate("QuestionsWall", "With {guest}").format(guest=self._guest)
            if self._guest
            else ""
        )
        invite = (
            translate("QuestionsWall", "Your questions appear here soon: post them with {hashtag}")
            if self._open
            else ""
        )
        return self._hashtag, guest, invite.format(hashtag=self._hashtag)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h = self.width(), self.height()
        theme.paint_backdrop(painter, w, h)
        hashtag, guest, invite = self.words()
        unit = max(8.0, min(w / 16, h / 9) / 6)  # 1920×1080: 20 px
        centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter
        middle = QRectF(w * 0.05, h * 0.3, w * 0.9, unit * 7)
        self._texts.draw(
            painter, middle, hashtag, theme.TEXT, max_px=unit * 4.4, min_px=unit * 1.5,
            weight=QFont.Weight.Black, max_lines=1, align=centre,
        )  # fmt: skip
        if guest:
            self._texts.draw(
                painter, QRectF(w * 0.05, middle.bottom(), w * 0.9, unit * 3.4), guest,
                theme.ACCENT_SOFT, max_px=unit * 2.2, min_px=unit, weight=QFont.Weight.DemiBold,
                max_lines=1, align=centre,
            )  # fmt: skip
        if invite:
            self._texts.draw(
                painter, QRectF(w * 0.05, h * 0.8, w * 0.9, unit * 3), invite, theme.MUTED,
                max_px=unit * 1.3, min_px=unit * 0.7, weight=QFont.Weight.Medium, max_lines=2,
                align=centre,
            )  # fmt: skip
        painter.end()


def _reading_side(text: str) -> Qt.AlignmentFlag:
    """Who asked sits on the side the question starts from."""
    side = Qt.AlignmentFlag.AlignRight if is_right_to_left(text) else Qt.AlignmentFlag.AlignLeft
    return side | Qt.AlignmentFlag.AlignVCenter


def _inside(box: QRectF, height: float) -> QRectF:
    """A card's box less its padding, in proportion to the wall (it may be shown small)."""
    return box.adjusted(height * 0.017, height * 0.013, -height * 0.017, -height * 0.013)


def _being_read(waiting: int) -> str:
    return translate(
        "QuestionsWall", "%n question(s) are being read by the team", None, _count, waiting
    )


def _your_questions() -> str:
    return translate("QuestionsWall", "YOUR QUESTIONS")


def _author_line(question: Question) -> str:
    parts = [question.handle or question.name or translate("QuestionsWall", "a fan")]
    others = question.supporters - 1  # supporters count the asker
    if others > 0:
        parts.append(translate("QuestionsWall", "+%n asking the same", None, _count, others))
    return "  ·  ".join(parts)
