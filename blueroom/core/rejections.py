"""Why the operator rejected a question: preset reasons, picked with one key.

Recorded in English in the journal and the CSV export (each a ``Phrase``), worded in the
screens' language by ``ui/words.py``. The settings may replace the list
(``moderation_reasons`` in ``[console]``); a reason typed at the console is kept as typed.
"""

from __future__ import annotations

from blueroom.core.phrases import Phrase

OFF_TOPIC = Phrase("off_topic", "off topic")
ALREADY_ANSWERED = Phrase("already_answered", "already answered")
OFFENSIVE = Phrase("offensive", "offensive")
SPAM = Phrase("spam", "spam or promotion")
PRIVATE = Phrase("private", "too personal")
NOT_FOR_GUEST = Phrase("not_for_guest", "not for the guest")

REJECT_REASONS = (OFF_TOPIC, ALREADY_ANSWERED, OFFENSIVE, SPAM, PRIVATE, NOT_FOR_GUEST)
