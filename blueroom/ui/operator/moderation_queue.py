"""The moderation queue: search, order and view tabs, the cards of one view (a page the
engine answers for the view, order and search), the picked question in full, and the
moderation buttons with their keys.

Actions apply only to the question the operator picked (see ``QuestionSelection``) and
go through ``RoomActions``; the console's keyboard shortcuts call the same methods.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from blueroom.core.actions import RoomActions
from blueroom.core.events import QuestionState
from blueroom.core.questions import (
    OPERATOR_REJECTED,
    BoardSnapshot,
    Question,
    QueueOrder,
    QueueQuery,
    QueueView,
)
from blueroom.core.readers import BoardReader
from blueroom.core.rejections import REJECT_REASONS
from blueroom.ui import theme, words
from blueroom.ui.clock import Clock
from blueroom.ui.i18n import number, translate
from blueroom.ui.operator.labels import plain_label, title_label
from blueroom.ui.operator.queue_list import ROW_HEIGHT, QueueList
from blueroom.ui.operator.selection import QuestionSelection
from blueroom.ui.widgets.flow import FlowLayout
from blueroom.ui.widgets.text import displayable, single_line

QUEUE_ROWS = 400
# Views whose counts only a decision changes (not a new post): shown without delay.
DECIDED_VIEWS = (QueueView.APPROVED, QueueView.STARRED, QueueView.STASHED, QueueView.ANSWERED)


def view_label(view: QueueView) -> str:
    match view:
        case QueueView.PENDING:
            return translate("ModerationQueue", "Pending")
        case QueueView.FLAGGED:
            return translate("ModerationQueue", "Flagged")
        case QueueView.APPROVED:
            return translate("ModerationQueue", "Approved")
        case QueueView.STARRED:
            return translate("ModerationQueue", "Starred")
        case QueueView.STASHED:
            return translate("ModerationQueue", "Stashed")
        case QueueView.ANSWERED:
            return translate("ModerationQueue", "Answered")
        case QueueView.TRASH:
            return translate("ModerationQueue", "Trash")
        case QueueView.NOT_QUESTIONS:
            return translate("ModerationQueue", "Not questions")
        case QueueView.ALL:
            return translate("ModerationQueue", "All")


def _empty_view(view: QueueView) -> str:
    """What the list says with nothing in ``view``."""
    match view:
        case QueueView.PENDING:
            return translate("ModerationQueue", "No question waiting — new ones appear here")
        case QueueView.FLAGGED:
            return translate("ModerationQueue", "Nothing in flagged")
        case QueueView.APPROVED:
            return translate("ModerationQueue", "Nothing in approved")
        case QueueView.STARRED:
            return translate("ModerationQueue", "Nothing in starred")
        case QueueView.STASHED:
            return translate("ModerationQueue", "Nothing in stashed")
        case QueueView.ANSWERED:
            return translate("ModerationQueue", "Nothing in answered")
        case QueueView.TRASH:
            return translate("ModerationQueue", "Nothing in trash")
        case QueueView.NOT_QUESTIONS:
            return translate(
                "ModerationQueue",
                "Posts for the guest that ask nothing appear here: Q takes one as a question",
            )
        case QueueView.ALL:
            return translate("ModerationQueue", "Nothing in all")


def order_label(order: QueueOrder) -> str:
    match order:
        case QueueOrder.NEWEST:
            return translate("ModerationQueue", "Newest first")
        case QueueOrder.SUPPORT:
            return translate("ModerationQueue", "Most supported")
        case QueueOrder.STARRED:
            return translate("ModerationQueue", "Starred first")


def keys_help() -> str:
    return translate(
        "ModerationQueue",
        "F1 or ? every key · J K move · A approve · Enter approve and preview · R reject"
        " with a reason · P preview · T take on air · D answered · Ctrl+Z undo · / search",
    )


def button_label(key: str) -> str:
    """A moderation button's label, with its key."""
    match key:
        case "approve":
            return translate("ModerationQueue", "Approve  A")
        case "reject":
            return translate("ModerationQueue", "Reject  R")
        case "star":
            return translate("ModerationQueue", "Star  S")
        case "stash":
            return translate("ModerationQueue", "Stash  H")
        case "back to queue":
            return translate("ModerationQueue", "Back to queue  Q")
        case "not a question":
            return translate("ModerationQueue", "Not a question  N")
        case "preview":
            return translate("ModerationQueue", "Preview  P")
        case "take":
            return translate("ModerationQueue", "Take  T")
        case "on air now":
            return translate("ModerationQueue", "On air now  O")
        case "answered":
            return translate("ModerationQueue", "Answered  D")
        case "undo":
            return translate("ModerationQueue", "Undo  Ctrl+Z")
        case _:
            raise KeyError(key)


def _trash_not_on_air() -> str:
    return translate(
        "ModerationQueue", "A question in the trash cannot go on air: put it back first (Q)"
    )


class ModerationQueue(QWidget):
    def __init__(
        self,
        board: BoardReader,
        actions: RoomActions,
        selection: QuestionSelection,
        say: Callable[[str], None],
        *,
        reject_reasons: Sequence[str] = (),
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        """``reject_reasons``: what R offers (the settings'), else the presets."""
        super().__init__(parent)
        self._reject_reasons = tuple(reject_reasons) or tuple(r.say() for r in REJECT_REASONS)
        self.reject_menu: QMenu | None = None
        self.reason_dialog: QInputDialog | None = None
        self._board = board
        self._actions = actions
        self._selection = selection
        self._say = say
        self._view = QueueView.PENDING
        self._order = QueueOrder.NEWEST
        self._board_version = -1
        self._page_key: tuple[object, ...] = ()
        self._shown_query: QueueQuery | None = None
        self._tab_counts: dict[QueueView, int] = {}
        self._tabs_board: BoardSnapshot | None = None  # counts not shown on the tabs yet

        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(title_label(translate("ModerationQueue", "Moderation")))
        top.addStretch(1)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            translate("ModerationQueue", "Search text or @author  ( / )")
        )
        self.search.setClearButtonEnabled(True)
        # as wide as its hint in the screens' language, and the clear button beside it
        hint = self.search.fontMetrics().horizontalAdvance(self.search.placeholderText())
        self.search.setMinimumWidth(max(180, hint + 36))
        self.search.textChanged.connect(lambda _: self._query_changed())
        self.search.returnPressed.connect(self._focus_queue)
        self.search.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # / or a click: never first
        leave = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.search)
        leave.setContext(Qt.ShortcutContext.WidgetShortcut)
        leave.activated.connect(self._focus_queue)
        self.order = QComboBox()
        for order in QueueOrder:
            self.order.addItem(order_label(order), order.value)
        self.order.currentIndexChanged.connect(self._order_changed)
        top.addWidget(self.search)
        top.addWidget(self.order)
        box.addLayout(top)
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        self.tabs.setDrawBase(False)
        for view in QueueView:
            self.tabs.addTab(view_label(view))
        self.tabs.currentChanged.connect(self._view_changed)
        box.addWidget(self.tabs)
        self.queue = QueueList(clock=clock)
        selection.watch(self.queue)
        self.queue.activated.connect(lambda _: self.approve_and_arm())
        selection.changed.connect(self._show_detail)
        box.addWidget(self.queue, 4)
        self.queue_total = plain_label("")
        self.queue_total.setStyleSheet(f"color: {theme.MUTED.name()}; font-size: 12px;")
        box.addWidget(self.queue_total)
        self.detail = QPlainTextEdit()
        self.detail.setReadOnly(True)
        # Two lines on a laptop, up to five on a large screen: the queue's cards come first.
        self.detail.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
        self.detail.setMinimumHeight(52)
        self.detail.setMaximumHeight(110)
        self.detail.setPlaceholderText(
            translate("ModerationQueue", "The selected question, in full")
        )
        box.addWidget(self.detail, 1)
        # (key in self.buttons and of its label, style name, action)
        rows: list[list[tuple[str, str, Callable[[], None]]]] = [
            [
                ("approve", "approve", self.approve_selected),
                ("reject", "reject", self.reject_selected),
                ("star", "", self.star_selected),
                ("stash", "", self.stash_selected),
                ("back to queue", "", self.requeue_selected),
                ("not a question", "", self.demote_selected),
            ],
            [
                ("preview", "preview", self.arm_selected),
                ("take", "onair", self.take),
                ("on air now", "onair", self.on_air_selected),
                ("answered", "", self.answered_current),
                ("undo", "", self.undo),
            ],
        ]
        self.buttons: dict[str, QPushButton] = {}
        for row in rows:
            line = FlowLayout()  # two lines of each on a laptop
            for key, name, slot in row:
                button = QPushButton(button_label(key))
                button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
                if name:
                    button.setObjectName(name)
                button.clicked.connect(slot)
                line.addWidget(button)
                self.buttons[key] = button
            box.addLayout(line)
        help_line = plain_label(keys_help())
        help_line.setWordWrap(True)
        help_line.setStyleSheet(f"color: {theme.DIM.name()}; font-size: 12px;")
        box.addWidget(help_line)

    # -- the query --------------------------------------------------------------------
    @property
    def query(self) -> QueueQuery:
        return QueueQuery(
            view=self._view, order=self._order, search=self.search.text(), limit=QUEUE_ROWS
        )

    def show_view(self, index: int) -> None:
        self.tabs.setCurrentIndex(index)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _view_changed(self, index: int) -> None:
        self._view = list(QueueView)[index]
        self.queue.empty_text = _empty_view(self._view)
        self._query_changed()

    def _order_changed(self, index: int) -> None:
        self._order = QueueOrder(self.order.itemData(index))
        self._query_changed()

    def _focus_queue(self) -> None:
        self.queue.setFocus()

    def _query_changed(self) -> None:
        self._page_key = ()
        self.refresh()

    # -- refresh --------------------------------------------------------------------
    def refresh(self) -> None:
        """The page of the current query, once the engine has answered it."""
        board = self._board.latest()
        if board.version != self._board_version:
            self._board_version = board.version
            self._tabs_board = board
        query = self.query
        page = self._board.page(query)
        key = (page.query, page.version)
        if key == self._page_key:
            return
        self._page_key = key
        if page.query != query:
            return  # the engine has not answered this query yet
        # A view, search or order the operator just chose shows at once; new posts
        # arriving in the same view may take a few frames to paint (see QueueList).
        chosen = self._shown_query is not None and page.query != self._shown_query
        self.queue.set_rows(page.rows, at_once=chosen)
        self._shown_query = page.query
        shown, count = len(page.rows), page.total
        if shown < count:
            total = translate(
                "ModerationQueue", "%n question(s) — showing the first {shown}", None, number, count
            ).format(shown=number(shown))
        else:
            total = translate("ModerationQueue", "%n question(s)", None, number, count)
        self.queue_total.setText(total)
        self._show_detail(self._selection.question())

    def refresh_tabs(self, *, on_their_tick: bool) -> None:
        """Counts on the view tabs: at once when a decision moved a card, else once a
        second on a tick of their own (new posts change them constantly, and each new
        text lays the tabs out: not on the tick that refreshes the feeds)."""
        board = self._tabs_board
        if board is None:
            return
        counts = {view: board.count(view) for view in QueueView}
        shown = self._tab_counts
        decided = any(counts[view] != shown.get(view) for view in DECIDED_VIEWS)
        if counts != shown and not decided and not on_their_tick:
            return  # kept for the tabs' tick
        self._tabs_board = None
        if counts == shown:
            return
        self._tab_counts = counts
        for index, view in enumerate(QueueView):
            label = f"{view_label(view)}  {number(counts[view])}"
            if self.tabs.tabText(index) != label:
                self.tabs.setTabText(index, label)

    def _show_detail(self, question: Question | None) -> None:
        if question is None:
            self.detail.setPlainText("")
            return
        text = displayable(question.text)
        if question.asks:
            text += "\n— " + words.asks(question.asks)
        if self.detail.toPlainText() != text:
            self.detail.setPlainText(text)

    # -- actions --------------------------------------------------------------------
    def _act(self, act: Callable[[str], None], *, leaves: bool = True) -> None:
        if not self._selection.act(act, leaves=leaves):
            self._say(
                translate("ModerationQueue", "Select a question first (click it, or use ↑ ↓)")
            )

    def approve_selected(self) -> None:
        self._act(self._actions.approve, leaves=self._view is not QueueView.ALL)

    def reject_selected(self) -> None:
        """Asks why, one key: 1–9 a preset reason, 0 one typed, R again none."""
        question = self._selection.question()
        if question is None:
            self._say(translate("ModerationQueue", "Select a question to reject"))
            return
        menu = QMenu(self)
        menu.setObjectName("rejectReasons")
        for index, reason in enumerate(self._reject_reasons[:9], 1):
            action = menu.addAction(f"&{index}  {words.reason(reason)}")
            action.triggered.connect(partial(self._reject, question.tweet_id, reason))
        menu.addSeparator()
        typed = menu.addAction(translate("ModerationQueue", "&0  Another reason…"))
        typed.triggered.connect(partial(self._ask_reason, question.tweet_id))
        # The journal and the CSV export keep a preset in English; the screens word it.
        none = menu.addAction(translate("ModerationQueue", "&R  No reason"))
        none.triggered.connect(partial(self._reject, question.tweet_id, OPERATOR_REJECTED.say()))
        self.reject_menu = menu
        menu.popup(self._menu_place())

    def _menu_place(self) -> QPoint:
        """Under the picked card, or at the reject button."""
        queue = self.queue
        row = queue.row_of(queue.selected().tweet_id) if queue.selected() else None  # type: ignore[union-attr]
        if row is not None:
            top = row * ROW_HEIGHT - queue.verticalScrollBar().value() + ROW_HEIGHT
            top = max(0, min(top, queue.viewport().height()))
            return queue.viewport().mapToGlobal(QPoint(80, top))
        button = self.buttons["reject"]
        return button.mapToGlobal(QPoint(0, button.height()))

    def _reject(self, tweet_id: str, reason: str) -> None:
        self._selection.act_on(tweet_id, lambda chosen: self._actions.reject(chosen, reason=reason))

    def _ask_reason(self, tweet_id: str) -> None:
        dialog = QInputDialog(self)
        dialog.setObjectName("typedReason")
        dialog.setWindowTitle(translate("ModerationQueue", "Reject"))
        dialog.setLabelText(
            translate("ModerationQueue", "Why (shown in the trash and the export):")
        )
        dialog.setTextValue("")
        dialog.textValueSelected.connect(
            lambda text: self._reject(tweet_id, single_line(text)[:200] or OPERATOR_REJECTED.say())
        )
        self.reason_dialog = dialog
        dialog.open()

    def approve_and_arm(self) -> None:
        """One key: approved, and in preview, ready to take with T."""
        question = self._selection.question()
        if question is None:
            self._say(translate("ModerationQueue", "Select a question to approve and preview"))
            return
        if question.state is QuestionState.REJECTED:
            self._say(_trash_not_on_air())
            return
        if question.state is not QuestionState.APPROVED:
            self._act(self._actions.approve, leaves=self._view is not QueueView.ALL)
        self._actions.arm(question.tweet_id)

    def stash_selected(self) -> None:
        self._act(self._actions.stash)

    def requeue_selected(self) -> None:
        """Back to the queue; from the "not questions" list: taken as a question."""
        question = self._selection.question()
        if question is not None and question.state is QuestionState.NOT_QUESTION:
            self._act(self._actions.promote)
            return
        self._act(self._actions.requeue)

    def demote_selected(self) -> None:
        question = self._selection.question()
        if question is not None and question.state is QuestionState.ON_AIR:
            self._say(translate("ModerationQueue", "The question on air cannot be demoted"))
            return
        self._act(self._actions.demote)

    def star_selected(self) -> None:
        question = self._selection.question()
        if question is None:
            self._say(translate("ModerationQueue", "Select a question to star"))
            return
        self._actions.star(question.tweet_id, not question.starred)

    def arm_selected(self) -> None:
        question = self._selection.question()
        if question is None:
            self._say(translate("ModerationQueue", "Select a question to preview"))
            return
        if question.state is QuestionState.REJECTED:
            self._say(_trash_not_on_air())
            return
        self._actions.arm(question.tweet_id)

    def take(self) -> None:
        armed = self._board.latest().armed
        if armed is None:
            self._say(
                translate("ModerationQueue", "Nothing in preview: select a question and press P")
            )
            return
        self._actions.take(armed.tweet_id)

    def on_air_selected(self) -> None:
        question = self._selection.question()
        if question is None:
            self._say(translate("ModerationQueue", "Select a question to put on air"))
            return
        if question.state is QuestionState.REJECTED:
            self._say(_trash_not_on_air())
            return
        self._act(self._actions.put_on_air, leaves=False)

    def answered_current(self) -> None:
        on_air = self._board.latest().on_air
        if on_air is not None:
            self._actions.mark_answered(on_air.tweet_id)

    def undo(self) -> None:
        self._actions.undo()
