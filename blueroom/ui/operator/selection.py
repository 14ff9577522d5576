"""The question the operator picked, in whichever of the console's lists they last picked
in: the moderation queue or the approved list. Never an implicit one (rows move at every
refresh), and one at a time: picking in one list clears the other.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from blueroom.core.questions import Question
from blueroom.ui.operator.queue_list import QueueList


class QuestionSelection(QObject):
    changed = Signal(object)  # Question | None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lists: list[QueueList] = []
        self._active: QueueList | None = None  # the list the operator last picked in

    def watch(self, queue_list: QueueList) -> None:
        """Follow a list's picks; the first list watched is asked first."""
        self._lists.append(queue_list)
        queue_list.selection_changed.connect(lambda q: self._picked(queue_list, q))

    def _picked(self, source: QueueList, question: Question | None) -> None:
        if question is not None:
            self._active = source
            for other in self._lists:
                if other is not source:
                    other.select(None)
        self.changed.emit(question)

    def question(self) -> Question | None:
        for candidate in (self._active, *self._lists):
            if candidate is not None:
                question = candidate.selected()
                if question is not None:
                    return question
        return None

    def act(self, act: Callable[[str], None], *, leaves: bool = True) -> bool:
        """``act`` on the picked question, keeping the operator's place: when it leaves its
        list, the next one slides into its place. False when nothing is picked."""
        question = self.question()
        if question is None:
            return False
        self.act_on(question.tweet_id, act, leaves=leaves)
        return True

    def act_on(self, tweet_id: str, act: Callable[[str], None], *, leaves: bool = True) -> None:
        """``act`` on a question picked a moment ago (a reason was asked for meanwhile):
        if it is still the picked one, the next one slides into its place."""
        source = self._active or self._lists[0]
        still = source.selected() is not None and source.selected().tweet_id == tweet_id  # type: ignore[union-attr]
        successor = source.next_after(tweet_id) if leaves and still else None
        act(tweet_id)
        if still:
            source.select(successor if leaves else tweet_id)
