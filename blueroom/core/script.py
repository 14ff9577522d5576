"""Session scripts: the guest's hour as segments, read from a TOML file a studio writes.

A script names its segments in order; each says what the guest reads (a title and a
text, French and English), what the staff need to know (notes), how long it lasts and
when it turns amber (``wrap_up`` minutes left) and red (``danger`` minutes left), how it
starts (``manual``, ``follow`` when the previous one ends, or ``at 18:30``), which guests
it is for (first-timer, regular, expert), what the guest panel shows (a card, the pick
view, the booth, a composer, the camera for the live step) and the cues it sends on entering and leaving (the
questions wall on, the Q&A opened, the booth armed, the LIVE badge on, the map zoomed
to the guest's city...). Every problem is one line naming the file, the line and what
is wrong, so that a studio can fix its script without reading code::

    musician.toml:42: segment "qa": wrap_up (12) must be less than minutes (10)

Texts may name ``{first_name}``, ``{guest}``, ``{hashtag}``, filled in for the session.
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

from blueroom.core.session import Step

LANGUAGES: Final = ("fr", "en")
PLACEHOLDERS: Final = frozenset({"first_name", "guest", "hashtag"})
MAX_SEGMENT_MINUTES: Final = 180.0
# The cues a segment may send, entering or leaving it (what the room does then).
CUES: Final = frozenset(
    {
        "questions-wall.on",
        "questions-wall.off",
        "qa.open",
        "qa.close",
        "booth.arm",
        "booth.disarm",
        "live-badge.on",
        "live-badge.off",
        "map.world",
        "map.europe",
        "map.france",
        "map.paris",
        "map.guest-city",
        "walls.hold",
        "walls.release",
    }
)
_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
_AT = re.compile(r"^at ([01]\d|2[0-3]):([0-5]\d)$")
_SCRIPT_KEYS: Final = frozenset({"id", "title", "about", "levels"})
_SEGMENT_KEYS: Final = frozenset(
    {
        "id",
        "title",
        "text",
        "notes",
        "minutes",
        "wrap_up",
        "danger",
        "trigger",
        "levels",
        "shows",
        "on_enter",
        "on_leave",
        "label",
    }
)


class Level(StrEnum):
    FIRST_TIMER = "first-timer"
    REGULAR = "regular"
    EXPERT = "expert"


class Shows(StrEnum):
    """What the guest panel shows during a segment."""

    CARD = "card"  # the step as a big calm card
    PICK = "pick"  # the questions to pick from
    BOOTH = "booth"  # the mirror's photo booth
    COMPOSER = "composer"  # a post to write (the guest's own account)
    LIVE = "live"  # the camera as the video wall shows it: "on camera", LIVE only when streaming


class TriggerKind(StrEnum):
    MANUAL = "manual"  # the staff start it
    FOLLOW = "follow"  # when the previous segment ends
    AT = "at"  # at a clock time


@dataclass(frozen=True, slots=True)
class Trigger:
    kind: TriggerKind
    at: tuple[int, int] | None = None  # (hour, minute) for ``AT``


@dataclass(frozen=True, slots=True)
class Text:
    """The same words in each language."""

    fr: str
    en: str

    def in_language(self, language: str) -> str:
        return self.fr if language == "fr" else self.en


@dataclass(frozen=True, slots=True)
class Segment:
    id: str
    title: Text
    text: Text
    notes: str
    minutes: float
    wrap_up: float  # minutes left when it turns amber
    danger: float  # minutes left when it turns red (0: at its end)
    trigger: Trigger
    levels: frozenset[Level]
    shows: Shows
    on_enter: tuple[str, ...]
    on_leave: tuple[str, ...]
    label: Text  # a word or two for the progress row


@dataclass(frozen=True, slots=True)
class Script:
    id: str
    title: Text
    about: str  # for the staff: whom it was written for
    levels: frozenset[Level]
    segments: tuple[Segment, ...]

    def for_level(self, level: Level) -> tuple[Segment, ...]:
        return tuple(s for s in self.segments if level in s.levels)

    def minutes(self, level: Level) -> float:
        return sum(s.minutes for s in self.for_level(level))

    def steps(self, level: Level, language: str, **names: str) -> tuple[Step, ...]:
        """The segments for ``level`` as the session's steps, in ``language``, with the
        guest's names filled in (``first_name``, ``guest``, ``hashtag``)."""
        fill = {name: names.get(name, "") for name in PLACEHOLDERS}
        return tuple(
            Step(
                segment.id,
                segment.title.in_language(language).format(**fill),
                segment.text.in_language(language).format(**fill),
                round(segment.minutes),
                label=segment.label.in_language(language).format(**fill),
                shows=segment.shows.value,
            )
            for segment in self.for_level(level)
        )


class ScriptError(Exception):
    """A script that cannot be used: ``file:line: problem``, one line."""


def load_script(path: Path) -> Script:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ScriptError(f"{path}: cannot read it ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise ScriptError(f"{path}: not UTF-8 text") from None
    return parse_script(text, str(path))


def parse_script(text: str, name: str = "<script>") -> Script:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        found = re.search(r"\(at line (\d+), column \d+\)", str(error))
        where = f"{name}:{found.group(1)}" if found else name
        message = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(error))
        raise ScriptError(f"{where}: not TOML: {message}") from None
    return _Reader(text, name).script(raw)


class _Reader:
    """Turns the TOML's tables into a ``Script``, saying where each problem is."""

    def __init__(self, text: str, name: str) -> None:
        self._lines = text.splitlines()
        self._name = name

    # -- where things are -------------------------------------------------------------
    def _headers(self, header: str) -> list[int]:
        pattern = re.compile(rf"^\s*\[{re.escape(header)}\]\s*(#.*)?$")
        return [n for n, line in enumerate(self._lines) if pattern.match(line)]

    def _line_of(self, section: str, index: int, key: str | None) -> int:
        """The 1-based line of ``key`` in the ``index``-th ``section`` table (its header
        when the key is absent or not given)."""
        headers = self._headers(section)
        if index >= len(headers):
            return 1
        start = headers[index]
        end = next(
            (
                n
                for n in range(start + 1, len(self._lines))
                if self._lines[n].lstrip().startswith("[")
            ),
            len(self._lines),
        )
        if key is not None:
            pattern = re.compile(rf"^\s*{re.escape(key)}\s*[=.]")
            for n in range(start + 1, end):
                if pattern.match(self._lines[n]):
                    return n + 1
        return start + 1

    def _fail(self, section: str, index: int, key: str | None, message: str) -> ScriptError:
        return ScriptError(f"{self._name}:{self._line_of(section, index, key)}: {message}")

    # -- the script ---------------------------------------------------------------------
    def script(self, raw: Mapping[str, Any]) -> Script:
        unknown = set(raw) - {"script", "segment"}
        if unknown:
            raise ScriptError(
                f"{self._name}:1: unknown table {sorted(unknown)[0]!r}: a script has [script] "
                "and [[segment]] tables"
            )
        head = raw.get("script")
        if not isinstance(head, dict):
            raise ScriptError(f"{self._name}:1: no [script] table (its id and title)")
        self._no_unknown_keys(head, _SCRIPT_KEYS, "script", 0, "[script]")
        script_id = self._id(head.get("id"), "script", 0, "[script]")
        title = self._text(head.get("title"), "script", 0, "title", "[script]")
        about = head.get("about", "")
        if not isinstance(about, str):
            raise self._fail("script", 0, "about", "[script]: about must be text")
        levels = self._levels(
            head.get("levels", [lv.value for lv in Level]), "script", 0, "[script]"
        )
        raw_segments = raw.get("segment")
        if not isinstance(raw_segments, list) or not raw_segments:
            raise ScriptError(f"{self._name}:1: no [[segment]]: a script needs at least one")
        segments = tuple(self._segment(s, n) for n, s in enumerate(raw_segments))
        seen: dict[str, int] = {}
        for n, segment in enumerate(segments):
            if segment.id in seen:
                raise self._fail("[segment]", n, "id", f"segment id {segment.id!r} is used twice")
            seen[segment.id] = n
        for level in levels:
            if not any(level in s.levels for s in segments):
                raise self._fail(
                    "script", 0, "levels", f"[script]: no segment is for {level.value!r} guests"
                )
        return Script(script_id, title, about, levels, segments)

    def _segment(self, raw: object, n: int) -> Segment:
        where = "[segment]"
        if not isinstance(raw, dict):
            raise self._fail(where, n, None, "a [[segment]] must be a table")
        name = (
            f"segment {raw.get('id')!r}" if isinstance(raw.get("id"), str) else f"segment {n + 1}"
        )
        self._no_unknown_keys(raw, _SEGMENT_KEYS, where, n, name)
        segment_id = self._id(raw.get("id"), where, n, name)
        name = f"segment {segment_id!r}"
        title = self._text(raw.get("title"), where, n, "title", name)
        text = self._text(raw.get("text"), where, n, "text", name)
        label = self._text(raw.get("label", raw.get("title")), where, n, "label", name)
        notes = raw.get("notes", "")
        if not isinstance(notes, str):
            raise self._fail(where, n, "notes", f"{name}: notes must be text")
        minutes = self._number(raw.get("minutes"), where, n, "minutes", name, above=0.0)
        if minutes > MAX_SEGMENT_MINUTES:
            raise self._fail(
                where,
                n,
                "minutes",
                f"{name}: minutes ({minutes:g}) is over {MAX_SEGMENT_MINUTES:g}",
            )
        wrap_up = self._number(raw.get("wrap_up", min(2.0, minutes / 5)), where, n, "wrap_up", name)
        danger = self._number(raw.get("danger", 0.0), where, n, "danger", name)
        if wrap_up >= minutes:
            raise self._fail(
                where, n, "wrap_up",
                f"{name}: wrap_up ({wrap_up:g}) must be less than minutes ({minutes:g})",
            )  # fmt: skip
        if danger > wrap_up:
            raise self._fail(
                where, n, "danger",
                f"{name}: danger ({danger:g} minutes left) must come after wrap_up"
                f" ({wrap_up:g} minutes left)",
            )  # fmt: skip
        trigger = self._trigger(raw.get("trigger", "manual"), where, n, name)
        if n == 0 and trigger.kind is TriggerKind.FOLLOW:
            raise self._fail(where, n, "trigger", f"{name}: the first segment follows nothing")
        levels = self._levels(raw.get("levels", [lv.value for lv in Level]), where, n, name)
        shows_raw = raw.get("shows", "card")
        try:
            shows = Shows(shows_raw)
        except ValueError:
            known = ", ".join(s.value for s in Shows)
            raise self._fail(
                where, n, "shows", f"{name}: shows {shows_raw!r} is not one of {known}"
            ) from None
        on_enter = self._cues(raw.get("on_enter", []), where, n, "on_enter", name)
        on_leave = self._cues(raw.get("on_leave", []), where, n, "on_leave", name)
        return Segment(
            segment_id, title, text, notes, minutes, wrap_up, danger, trigger, levels, shows,
            on_enter, on_leave, label,
        )  # fmt: skip

    # -- the parts ------------------------------------------------------------------------
    def _no_unknown_keys(
        self, raw: Mapping[str, Any], known: frozenset[str], where: str, n: int, name: str
    ) -> None:
        for key in raw:
            if key not in known:
                raise self._fail(
                    where,
                    n,
                    key,
                    f"{name}: unknown key {key!r} (known: {', '.join(sorted(known))})",
                )

    def _id(self, value: object, where: str, n: int, name: str) -> str:
        if not isinstance(value, str) or not _ID.match(value):
            raise self._fail(
                where, n, "id",
                f"{name}: id must be a short name in lower case, digits and dashes"
                f" (got {value!r})",
            )  # fmt: skip
        return value

    def _text(self, value: object, where: str, n: int, key: str, name: str) -> Text:
        if not isinstance(value, dict):
            raise self._fail(where, n, key, f"{name}: {key} needs fr and en ({key}.fr, {key}.en)")
        words: dict[str, str] = {}
        for language in LANGUAGES:
            said = value.get(language)
            if not isinstance(said, str) or not said.strip():
                raise self._fail(where, n, key, f"{name}: {key}.{language} is missing or empty")
            for _, field, _, _ in string.Formatter().parse(said):
                if field is not None and field not in PLACEHOLDERS:
                    raise self._fail(
                        where, n, key,
                        f"{name}: {key}.{language} names {{{field}}}; a text may name"
                        f" {', '.join('{' + p + '}' for p in sorted(PLACEHOLDERS))}",
                    )  # fmt: skip
            words[language] = said.strip()
        extra = set(value) - set(LANGUAGES)
        if extra:
            raise self._fail(where, n, key, f"{name}: {key}.{sorted(extra)[0]}: fr and en only")
        return Text(words["fr"], words["en"])

    def _number(
        self, value: object, where: str, n: int, key: str, name: str, above: float | None = None
    ) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self._fail(where, n, key, f"{name}: {key} must be a number of minutes")
        number = float(value)
        if number != number or number < 0 or (above is not None and number <= above):
            raise self._fail(
                where, n, key, f"{name}: {key} must be above 0" if above is not None
                else f"{name}: {key} must be 0 or more",
            )  # fmt: skip
        return number

    def _trigger(self, value: object, where: str, n: int, name: str) -> Trigger:
        if value == "manual":
            return Trigger(TriggerKind.MANUAL)
        if value == "follow":
            return Trigger(TriggerKind.FOLLOW)
        found = _AT.match(value) if isinstance(value, str) else None
        if found is None:
            raise self._fail(
                where, n, "trigger",
                f'{name}: trigger {value!r} is not "manual", "follow" or "at HH:MM"',
            )  # fmt: skip
        return Trigger(TriggerKind.AT, (int(found.group(1)), int(found.group(2))))

    def _levels(self, value: object, where: str, n: int, name: str) -> frozenset[Level]:
        if not isinstance(value, list) or not value:
            raise self._fail(where, n, "levels", f"{name}: levels must list at least one level")
        levels: set[Level] = set()
        for item in value:
            try:
                levels.add(Level(item))
            except ValueError:
                known = ", ".join(lv.value for lv in Level)
                raise self._fail(
                    where, n, "levels", f"{name}: level {item!r} is not one of {known}"
                ) from None
        return frozenset(levels)

    def _cues(self, value: object, where: str, n: int, key: str, name: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            raise self._fail(where, n, key, f"{name}: {key} must be a list of cues")
        for cue in value:
            if cue not in CUES:
                raise self._fail(
                    where, n, key, f"{name}: {key}: unknown cue {cue!r} (known: {_cue_list()})"
                )
        return tuple(value)


def _cue_list(cues: Iterable[str] = CUES) -> str:
    return ", ".join(sorted(cues))
