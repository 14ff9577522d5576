"""Sentences the room records in English and the screens say in their own language.

A reason, a feed's detail or a camera's detail is a code with values. What is recorded
(in events, the journal, snapshots, the CSV export and the command line's output) is
its English sentence, as before, so nothing stored changes shape; ``Phrase.read`` gives
the values back from a sentence it wrote, and the screens word the code in their
language (``blueroom/ui/words.py``) with those values. A sentence no phrase wrote (an
error's text, a reason typed by someone) is shown as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from string import Formatter

__all__ = ["Phrase", "read_any"]

# A number as the room writes it: 12, 1,234, 2.5, 60
_NUMBER = r"-?[0-9][0-9,]*(?:\.[0-9]+)?"


@dataclass(frozen=True, slots=True)
class Phrase:
    """``english`` has named fields ("link: {host}"); those named in ``numbers`` hold a
    number, the others any text. ``code`` names the phrase for the screens."""

    code: str
    english: str
    numbers: tuple[str, ...] = ()
    _pattern: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        parts = []
        for literal, name, spec, conversion in Formatter().parse(self.english):
            parts.append(re.escape(literal))
            if name is None:
                continue
            if not name.isidentifier() or spec or conversion:
                raise ValueError(f"{self.code}: a field is a plain name, not {name!r}")
            parts.append(f"(?P<{name}>{_NUMBER if name in self.numbers else '.*?'})")
        object.__setattr__(self, "_pattern", re.compile("".join(parts), re.DOTALL))

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(name for _, name, _, _ in Formatter().parse(self.english) if name)

    def say(self, **values: object) -> str:
        """The English sentence with these values (as the journal and the export keep it)."""
        return self.english.format(**values)

    def read(self, text: str) -> dict[str, str] | None:
        """The values of a sentence ``say`` wrote; None for any other text."""
        match = self._pattern.fullmatch(text)
        return match.groupdict() if match is not None else None


def read_any(phrases: Iterable[Phrase], text: str) -> tuple[Phrase, dict[str, str]] | None:
    """The first of ``phrases`` that wrote ``text``, with its values."""
    for phrase in phrases:
        values = phrase.read(text)
        if values is not None:
            return phrase, values
    return None
