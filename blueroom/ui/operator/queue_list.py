"""The moderation queue: one painted card per question, thousands of them without lag.

Only the visible rows are painted, straight from the ``Question`` records of the page
(no item model, no per-cell calls). The selection follows a question, not a row:
rows move with every refresh, and an action only ever applies to the question the
operator picked. All text is drawn with ``drawText`` on plain strings: a post's
markup is shown, never interpreted.
"""

from __future__ import annotations

import zlib
from collections import OrderedDict

from PySide6.QtCore import QPoint, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

from blueroom.core.events import QuestionState
from blueroom.core.questions import Question
from blueroom.ui import theme, words
from blueroom.ui.clock import Clock, SystemClock
from blueroom.ui.i18n import compact, number, translate
from blueroom.ui.widgets.text import single_line

ROW_HEIGHT = 78
ROW_CACHE = 96  # rows kept painted (~290 KB each at 930 px): the visible ones, and more
AVATAR = 40
_AVATAR_COLOURS = tuple(
    QColor(c) for c in ("#3D6BFF", "#8A4DFF", "#00A6A6", "#E0567A", "#E08A1E", "#2E9E5B")
)


def state_label(state: QuestionState) -> tuple[str, QColor]:
    """The badge of a card's state in the approved list."""
    match state:
        case QuestionState.PENDING:
            return translate("QueueList", "PENDING"), theme.MUTED
        case QuestionState.APPROVED:
            return translate("QueueList", "APPROVED"), theme.GREEN
        case QuestionState.REJECTED:
            return translate("QueueList", "TRASH"), theme.LIVE
        case QuestionState.ON_AIR:
            return translate("QueueList", "ON AIR"), theme.LIVE
        case QuestionState.ANSWERED:
            return translate("QueueList", "ANSWERED"), theme.ACCENT_SOFT
        case QuestionState.STASHED:
            return translate("QueueList", "STASHED"), theme.AMBER
        case QuestionState.NOT_QUESTION:
            return translate("QueueList", "NOT A QUESTION"), theme.MUTED
        case _:
            return str(state).upper(), theme.MUTED


def age(seconds: float) -> str:
    if seconds < 60:
        return translate("QueueList", "now")
    if seconds < 3600:
        return translate("QueueList", "{minutes} min").format(minutes=int(seconds // 60))
    return translate("QueueList", "{hours} h").format(hours=int(seconds // 3600))


def avatar_colour(handle: str) -> QColor:
    return _AVATAR_COLOURS[zlib.crc32(handle.encode()) % len(_AVATAR_COLOURS)]


def support_line(question: Question) -> str:
    parts = []
    asked, supporters = question.asked_by, question.supporters
    if asked > 1:
        parts.append(translate("QueueList", "asked by %n", None, number, asked))
    parts.append(translate("QueueList", "%n supporter(s)", None, number, supporters))
    if question.likes:
        parts.append(f"♥ {compact(question.likes)}")
    if question.retweets:
        parts.append(f"⟳ {compact(question.retweets)}")
    if question.new_supporters:
        new = question.new_supporters
        parts.append(translate("QueueList", "%n new account(s) not counted", None, number, new))
    return "  ·  ".join(parts)


def decision_line(question: Question) -> tuple[str, QColor] | None:
    """The reason the operator must see: a rule's rejection, a flag, an automatic
    approval; else why the post was read as a question (or not)."""
    if question.state is QuestionState.NOT_QUESTION:
        return f"⌀ {single_line(words.asks(question.asks))}", theme.MUTED
    if question.state is QuestionState.REJECTED:
        who = words.actor(question.actor or "operator")
        why = single_line(words.reason(question.reason, question.rule))
        why = why or translate("QueueList", "rejected")
        return translate("QueueList", "✕ {who}: {reason}").format(who=who, reason=why), theme.LIVE
    if question.flag:
        why = words.reason(question.flag_reason, question.flag) or question.flag
        return f"⚑ {single_line(why)}", theme.AMBER
    if question.actor == "rule" and question.reason:
        return f"✓ {single_line(words.reason(question.reason, question.rule))}", theme.GREEN
    if question.asks:
        return f"? {single_line(words.asks(question.asks))}", theme.DIM
    return None


class QueueList(QAbstractScrollArea):
    """Painted question cards with a selection that follows the question."""

    selection_changed = Signal(object)  # Question | None
    activated = Signal(object)  # Question: Enter on the picked one

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        show_state: bool = False,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock or SystemClock()
        self._rows: tuple[Question, ...] = ()
        self._selected: str | None = None
        self.show_state = show_state
        self.empty_text = translate("QueueList", "Nothing here")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Always there (it is the list's colour when there is nothing to scroll): a bar
        # that came and went would change the rows' width, and every cached row with it.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.verticalScrollBar().setSingleStep(ROW_HEIGHT // 2)
        self.verticalScrollBar().valueChanged.connect(lambda _: self.viewport().update())
        self._fonts = {
            "handle": theme.font(15, QFont.Weight.Bold),
            "meta": theme.font(13, QFont.Weight.Medium),
            "text": theme.font(16, QFont.Weight.Normal),
            "small": theme.font(12.5, QFont.Weight.DemiBold),
            "avatar": theme.font(15, QFont.Weight.Bold),
        }
        self._metrics = {name: QFontMetrics(f) for name, f in self._fonts.items()}
        self._row_cache: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()
        # A page whose visible rows are still being painted, a slice per event-loop turn:
        # at thousands of questions a minute every row of "newest first" is new at each
        # refresh, and painting them all at once would hold the GUI thread too long.
        self._coming: tuple[Question, ...] | None = None
        self._new_above = 0
        self._painter_timer = QTimer(self)
        self._painter_timer.setInterval(0)
        self._painter_timer.timeout.connect(self._paint_coming_rows)

    # -- data -------------------------------------------------------------------------
    def set_rows(self, rows: tuple[Question, ...], *, at_once: bool = False) -> None:
        """New rows; the selection stays on its question if it is still listed.

        Shown at once when asked (the operator changed the view) or when every visible
        row is painted already; otherwise the page shown stays until the new one's
        visible rows are painted, one row per turn of the event loop (a row costs ~1 ms,
        three times that when both cores are busy): the operator never sees a
        half-painted list, and the walls never miss a frame for it.
        """
        if rows == self._rows:
            self._coming = None
            return
        if at_once or not self._unpainted(rows):
            self._coming = None
            self._show(rows)
            return
        self._coming = rows
        if not self._painter_timer.isActive():
            self._painter_timer.start()

    def _show(self, rows: tuple[Question, ...]) -> None:
        """The new page; a selected card stays where the operator's eyes are: rows that
        arrive above it scroll the list by as much, and are counted in a "N new" pill
        at the top (Home, or a click on it, goes up to them)."""
        before = self.row_of(self._selected) if self._selected is not None else None
        if before is not None and not self._in_sight(before):
            before = None  # the operator scrolled away from it: the list is theirs
        old_ids = {q.tweet_id for q in self._rows[:before]} if before is not None else set()
        self._rows = rows
        self._update_scrollbar()
        if self._selected is not None and self.row_of(self._selected) is None:
            self._selected = None
            self.selection_changed.emit(None)
        after = self.row_of(self._selected) if self._selected is not None else None
        if before is not None and after is not None and after != before:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + (after - before) * ROW_HEIGHT)
            arrived = sum(q.tweet_id not in old_ids for q in rows[:after])
            self._new_above += max(0, arrived)
        if self.verticalScrollBar().value() == 0:
            self._new_above = 0
        self.viewport().update()

    def _in_sight(self, row: int) -> bool:
        top = row * ROW_HEIGHT - self.verticalScrollBar().value()
        return -ROW_HEIGHT < top < self.viewport().height()

    @property
    def new_above(self) -> int:
        """Rows that arrived above the selected card and are scrolled out of sight."""
        return self._new_above

    def go_to_top(self) -> None:
        self._new_above = 0
        self.verticalScrollBar().setValue(0)
        self.select_row(0)

    def _span(self, count: int) -> tuple[int, range]:
        """(scroll offset, indices of the visible rows) for a list of ``count`` rows."""
        height = self.viewport().height()
        offset = min(self.verticalScrollBar().value(), max(0, count * ROW_HEIGHT - height))
        return offset, range(offset // ROW_HEIGHT, min(count, (offset + height) // ROW_HEIGHT + 1))

    def _visible(self, rows: tuple[Question, ...]) -> tuple[Question, ...]:
        span = self._span(len(rows))[1]
        return rows[span.start : span.stop]

    def _unpainted(self, rows: tuple[Question, ...]) -> int:
        width, now, focused = self.viewport().width(), self._clock.now(), self.hasFocus()
        return sum(
            self._row_key(q, width, now, focused) not in self._row_cache
            for q in self._visible(rows)
        )

    def _paint_coming_rows(self) -> None:
        rows = self._coming
        if rows is None:
            self._painter_timer.stop()
            return
        width, now, focused = self.viewport().width(), self._clock.now(), self.hasFocus()
        for question in self._visible(rows):
            if self._row_key(question, width, now, focused) not in self._row_cache:
                self._row_pixmap(question, width, now, focused)
                return  # one new row per turn of the event loop: the walls go first
        self._painter_timer.stop()
        self._coming = None
        self._show(rows)

    def flush(self) -> None:
        """Show a coming page now, painted or not (tests, and before a screenshot)."""
        if self._coming is not None:
            rows, self._coming = self._coming, None
            self._painter_timer.stop()
            self._show(rows)

    @property
    def rows(self) -> tuple[Question, ...]:
        return self._rows

    def row_of(self, tweet_id: str) -> int | None:
        for index, question in enumerate(self._rows):
            if question.tweet_id == tweet_id:
                return index
        return None

    def selected(self) -> Question | None:
        if self._selected is None:
            return None
        row = self.row_of(self._selected)
        return self._rows[row] if row is not None else None

    def select(self, tweet_id: str | None) -> None:
        if tweet_id == self._selected:
            return
        self._selected = tweet_id
        row = self.row_of(tweet_id) if tweet_id is not None else None
        if row is not None:
            self._scroll_to(row)
        self.viewport().update()
        self.selection_changed.emit(self.selected())

    def select_row(self, row: int) -> None:
        if self._rows:
            row = max(0, min(len(self._rows) - 1, row))
            self.select(self._rows[row].tweet_id)

    def next_after(self, tweet_id: str) -> str | None:
        """The question that slides into this one's place when it leaves the list."""
        row = self.row_of(tweet_id)
        if row is None:
            return None
        for candidate in (row + 1, row - 1):
            if 0 <= candidate < len(self._rows):
                return self._rows[candidate].tweet_id
        return None

    # -- geometry -----------------------------------------------------------------------
    def _update_scrollbar(self) -> None:
        total = len(self._rows) * ROW_HEIGHT
        bar = self.verticalScrollBar()
        bar.setPageStep(self.viewport().height())
        bar.setRange(0, max(0, total - self.viewport().height()))

    def _scroll_to(self, row: int) -> None:
        bar = self.verticalScrollBar()
        top, bottom = row * ROW_HEIGHT, (row + 1) * ROW_HEIGHT
        if top < bar.value():
            bar.setValue(top)
        elif bottom > bar.value() + self.viewport().height():
            bar.setValue(bottom - self.viewport().height())

    def row_at(self, point: QPoint) -> int | None:
        row = (point.y() + self.verticalScrollBar().value()) // ROW_HEIGHT
        return row if 0 <= row < len(self._rows) else None

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._update_scrollbar()

    # -- input ----------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if self._new_above and self._pill().contains(point):
            self.go_to_top()
        else:
            row = self.row_at(point)
            if row is not None:
                self.select(self._rows[row].tweet_id)
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    def wheelEvent(self, event: QWheelEvent) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() - event.angleDelta().y() // 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        current = self.row_of(self._selected) if self._selected is not None else None
        # Page Up/Down are the session's keys (a presenter's clicker sends them).
        moves = {Qt.Key.Key_Down: 1, Qt.Key.Key_J: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_K: -1}
        step = moves.get(Qt.Key(key))
        if step is not None:
            self.select_row(-1 + step if current is None else current + step)
        elif key == Qt.Key.Key_Home:
            self.go_to_top()
        elif key == Qt.Key.Key_End:
            self.select_row(len(self._rows) - 1)
        elif key == Qt.Key.Key_Escape:
            self.select(None)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected() is not None:
            self.activated.emit(self.selected())
        else:
            super().keyPressEvent(event)

    # -- painting -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        viewport = self.viewport()
        painter = QPainter(viewport)
        width, height = viewport.width(), viewport.height()
        painter.fillRect(0, 0, width, height, theme.DEEP)
        if not self._rows:
            painter.setPen(theme.DIM)
            painter.setFont(self._fonts["text"])
            painter.drawText(
                QRect(0, 0, width, height), Qt.AlignmentFlag.AlignCenter, self.empty_text
            )
            return
        offset, span = self._span(len(self._rows))
        now = self._clock.now()
        focused = self.hasFocus()
        for row in span:
            top = row * ROW_HEIGHT - offset
            painter.drawPixmap(0, top, self._row_pixmap(self._rows[row], width, now, focused))
        if self._new_above and offset > 0:
            pill = self._pill()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.ACCENT)
            painter.drawRoundedRect(QRectF(pill), pill.height() / 2, pill.height() / 2)
            painter.setPen(theme.DEEP)
            painter.setFont(self._fonts["small"])
            painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, self._pill_text())
        painter.end()

    def _pill_text(self) -> str:
        arrived = self._new_above
        return translate("QueueList", "↑ %n new", None, number, arrived)

    def _pill(self) -> QRect:
        """The "N new" pill, top centre of the list."""
        width = self._metrics["small"].horizontalAdvance(self._pill_text()) + 28
        return QRect((self.viewport().width() - width) // 2, 6, width, 24)

    def _row_key(
        self, question: Question, width: int, now: float, focused: bool
    ) -> tuple[object, ...]:
        selected = question.tweet_id == self._selected
        shown_age = age(max(0.0, now - question.received_at))
        return (question, width, selected, selected and focused, shown_age)

    def _row_pixmap(self, question: Question, width: int, now: float, focused: bool) -> QPixmap:
        """A row as painted before, if nothing it shows has changed: new posts scroll the
        list several times a second, and a blit costs far less than laying out text."""
        key = self._row_key(question, width, now, focused)
        cache = self._row_cache
        cached = cache.get(key)
        if cached is not None:
            cache.move_to_end(key)
            return cached
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(round(width * ratio), round(ROW_HEIGHT * ratio))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(theme.DEEP)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_row(painter, question, QRect(0, 0, width, ROW_HEIGHT), now, focused)
        painter.end()
        cache[key] = pixmap
        while len(cache) > ROW_CACHE:
            cache.popitem(last=False)
        return pixmap

    def _paint_row(
        self, painter: QPainter, question: Question, box: QRect, now: float, focused: bool
    ) -> None:
        selected = question.tweet_id == self._selected
        card = QRectF(box).adjusted(6, 3, -6, -3)
        painter.setPen(Qt.PenStyle.NoPen)
        if selected:
            painter.setBrush(theme.PANEL_HI if focused else theme.PANEL)
            painter.drawRoundedRect(card, 8, 8)
            painter.setBrush(theme.ACCENT if focused else theme.DIM)
            painter.drawRoundedRect(QRectF(card.left(), card.top(), 4, card.height()), 2, 2)
        else:
            painter.setBrush(theme.PANEL)
            painter.drawRoundedRect(card, 8, 8)
        left = int(card.left()) + 14
        # Avatar: initials on a colour of the handle.
        avatar = QRectF(left, card.top() + 10, AVATAR, AVATAR)
        painter.setBrush(avatar_colour(question.handle or question.name))
        painter.drawEllipse(avatar)
        painter.setPen(theme.TEXT)
        painter.setFont(self._fonts["avatar"])
        painter.drawText(avatar, Qt.AlignmentFlag.AlignCenter, question.initials)
        x = left + AVATAR + 14
        right = int(card.right()) - 14
        # Line 1: who, and what the operator needs about them.
        line1 = int(card.top()) + 8
        author = question.handle or question.name or translate("QueueList", "unknown author")
        handle = single_line(author)[:60]
        painter.setFont(self._fonts["handle"])
        painter.setPen(theme.TEXT)
        handle_w = self._metrics["handle"].horizontalAdvance(handle)
        painter.drawText(QRect(x, line1, handle_w + 2, 20), Qt.AlignmentFlag.AlignVCenter, handle)
        meta = []
        if question.name and question.handle:
            meta.append(single_line(question.name)[:40])
        followers = question.followers
        meta.append(translate("QueueList", "%n follower(s)", None, compact, followers))
        if question.lang:
            meta.append(question.lang.upper()[:5])
        meta.append(age(max(0.0, now - question.received_at)))
        right_label = ""
        if self.show_state:
            right_label, right_colour = state_label(question.state)
        if question.starred:
            right_label = "★ " + right_label if right_label else "★"
            right_colour = theme.AMBER if not self.show_state else right_colour
        painter.setFont(self._fonts["meta"])
        right_w = self._metrics["meta"].horizontalAdvance(right_label) + 4 if right_label else 0
        painter.setPen(theme.MUTED)
        meta_box = QRect(x + handle_w + 10, line1, max(0, right - right_w - x - handle_w - 20), 20)
        painter.drawText(
            meta_box,
            Qt.AlignmentFlag.AlignVCenter,
            self._metrics["meta"].elidedText(
                "  ·  ".join(meta), Qt.TextElideMode.ElideRight, meta_box.width()
            ),
        )
        if right_label:
            painter.setPen(right_colour)
            painter.drawText(
                QRect(right - right_w, line1, right_w, 20),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                right_label,
            )
        # Line 2: the question, on one line (the detail pane shows all of it).
        painter.setFont(self._fonts["text"])
        painter.setPen(theme.TEXT)
        text_box = QRect(x, line1 + 22, right - x, 24)
        text = self._metrics["text"].elidedText(
            single_line(question.text[:600]), Qt.TextElideMode.ElideRight, text_box.width()
        )
        painter.drawText(text_box, Qt.AlignmentFlag.AlignVCenter, text)
        # Line 3: support, and the reason of any automatic decision.
        painter.setFont(self._fonts["small"])
        line3 = QRect(x, line1 + 46, right - x, 18)
        support = support_line(question)
        support_w = min(line3.width() // 2, self._metrics["small"].horizontalAdvance(support) + 2)
        painter.setPen(theme.ACCENT_SOFT)
        painter.drawText(
            QRect(line3.left(), line3.top(), support_w, line3.height()),
            Qt.AlignmentFlag.AlignVCenter,
            self._metrics["small"].elidedText(support, Qt.TextElideMode.ElideRight, support_w),
        )
        reason = decision_line(question)
        if reason is not None:
            text, colour = reason
            reason_box = line3.adjusted(support_w + 18, 0, 0, 0)
            painter.setPen(colour)
            painter.drawText(
                reason_box,
                Qt.AlignmentFlag.AlignVCenter,
                self._metrics["small"].elidedText(
                    text, Qt.TextElideMode.ElideRight, reason_box.width()
                ),
            )
