"""Hand-labelled posts and question pairs, read and scored (for the tests and benchmarks).

``tests/data/questions/`` holds the development set written by hand for the project
(``questions-dev.tsv``, ``clusters-dev.tsv``, copied from the shared data, never edited)
and our own hand-written rows for the gaps we found (``questions-ours.tsv``,
``clusters-ours.tsv``), scored apart. ``guests.tsv`` names the guests the posts speak to.
The files are tab-separated with one header line; a ``why`` starting with
``borderline:`` marks a row careful people could disagree on.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from blueroom.core.asking import Guest, Reading, read_post
from blueroom.core.clusters import QuestionClusters
from blueroom.core.wording import Wording, same_question


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


DATA = Path(__file__).parent / "data" / "questions"


@dataclass(frozen=True, slots=True)
class QuestionRow:
    text: str
    question: bool
    lang: str
    why: str
    line: int

    @property
    def borderline(self) -> bool:
        return self.why.startswith("borderline")


@dataclass(frozen=True, slots=True)
class PairRow:
    a: str
    b: str
    same: bool
    lang: str
    why: str
    line: int

    @property
    def borderline(self) -> bool:
        return self.why.startswith("borderline")


@dataclass(frozen=True, slots=True)
class GuestRow:
    name: str
    handle: str
    hashtag: str
    also: tuple[str, ...] = ()  # what else stands for the guest (event.guest_also)


def _rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as file:
        reader = csv.DictReader(file, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [(number, row) for number, row in enumerate(reader, 2)]


def load_questions(path: Path) -> list[QuestionRow]:
    rows = []
    for line, row in _rows(path):
        if row["expected"] not in ("question", "not"):
            raise ValueError(f"{path.name}:{line}: expected is question or not")
        rows.append(
            QuestionRow(row["text"], row["expected"] == "question", row["lang"], row["why"], line)
        )
    return rows


def load_pairs(path: Path) -> list[PairRow]:
    rows = []
    for line, row in _rows(path):
        if row["expected"] not in ("same", "different"):
            raise ValueError(f"{path.name}:{line}: expected is same or different")
        rows.append(
            PairRow(row["a"], row["b"], row["expected"] == "same", row["lang"], row["why"], line)
        )
    return rows


def load_guests(path: Path = DATA / "guests.tsv") -> list[GuestRow]:
    return [
        GuestRow(r["name"], r["handle"], r["hashtag"], tuple(filter(None, r["also"].split(","))))
        for _, r in _rows(path)
    ]


ROOM_HANDLE = "@BlueRoomFR"


def guest_for(text: str, guests: Sequence[GuestRow]) -> GuestRow | None:
    """The guest a post speaks to: by the event's hashtag or the guest's handle."""
    folded = _fold(text)
    for guest in guests:
        if _fold(guest.hashtag) in folded or _fold(guest.handle) in folded:
            return guest
    words = set(re.findall(r"\w+", folded))
    for guest in guests:
        if _fold(guest.name.split()[0]) in words:  # "Léa", not the "lea" of "league"
            return guest
    return None


def reader_for(guests: Sequence[GuestRow]) -> dict[str, Guest]:
    return {
        g.name: Guest.named(g.name, handles=(g.handle,), room_handles=(ROOM_HANDLE,))
        for g in guests
    }


def read(text: str, guests: Sequence[GuestRow], known: dict[str, Guest]) -> Reading:
    row = guest_for(text, guests)
    if row is None:  # no guest named: any of them, the words alone decide
        guest = Guest(room_handles=frozenset({ROOM_HANDLE.lstrip("@").casefold()}))
    else:
        guest = known[row.name]
    return read_post(text, guest)


@dataclass(frozen=True, slots=True)
class DetectionScore:
    rows: int
    correct: int
    true_positive: int
    false_positive: int
    false_negative: int

    @property
    def accuracy(self) -> float:
        return self.correct / self.rows if self.rows else 0.0

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 0.0

    @property
    def recall(self) -> float:
        real = self.true_positive + self.false_negative
        return self.true_positive / real if real else 0.0


def score_detection(
    rows: Iterable[QuestionRow], guests: Sequence[GuestRow]
) -> tuple[DetectionScore, list[tuple[QuestionRow, Reading]]]:
    """The score, and the rows read wrongly with their reading."""
    known = reader_for(guests)
    wrong = []
    total = correct = tp = fp = fn = 0
    for row in rows:
        reading = read(row.text, guests, known)
        total += 1
        if reading.question == row.question:
            correct += 1
            tp += row.question
        else:
            wrong.append((row, reading))
            fp += reading.question
            fn += row.question
    return DetectionScore(total, correct, tp, fp, fn), wrong


@dataclass(frozen=True, slots=True)
class PairScore:
    same: int
    same_right: int
    different: int
    different_right: int

    @property
    def same_accuracy(self) -> float:
        return self.same_right / self.same if self.same else 0.0

    @property
    def different_accuracy(self) -> float:
        return self.different_right / self.different if self.different else 0.0


def merged(a: str, b: str, guests: Sequence[GuestRow], lang: str = "") -> bool:
    """Whether the room puts ``b`` on ``a``'s card (a fresh board for each pair)."""
    row = guest_for(a + " " + b, guests)
    ignored = (*row.name.split(), *row.also) if row is not None else ()
    clusters = QuestionClusters(ignored_words=ignored)
    first = clusters.add("a", a, lang)
    return clusters.add("b", b, lang) == first


def score_pairs(
    rows: Iterable[PairRow], guests: Sequence[GuestRow]
) -> tuple[PairScore, list[PairRow]]:
    same = same_right = different = different_right = 0
    wrong = []
    for row in rows:
        together = merged(row.a, row.b, guests, row.lang)
        if row.same:
            same += 1
            same_right += together
        else:
            different += 1
            different_right += not together
        if together != row.same:
            wrong.append(row)
    return PairScore(same, same_right, different, different_right), wrong


def merged_among(
    rows: Sequence[QuestionRow], guests: Sequence[GuestRow]
) -> tuple[list[tuple[QuestionRow, QuestionRow]], int]:
    """Every two questions to the same guest that the room puts on one card, and how many
    pairs were tried: the labelled questions are distinct posts, nearly all asking
    different things, so this counts merges of unrelated questions."""
    by_guest: dict[str, list[QuestionRow]] = {}
    for row in rows:
        guest = guest_for(row.text, guests)
        if guest is not None:
            by_guest.setdefault(guest.name, []).append(row)
    known = {g.name: g for g in guests}
    merged_pairs = []
    total = 0
    for name, asked in by_guest.items():
        guest = known[name]
        wording = Wording((*guest.name.split(), *guest.also))
        signatures = [(row, wording.signature(row.text, _lang(row.lang))) for row in asked]
        for i, (a, first) in enumerate(signatures):
            for b, second in signatures[i + 1 :]:
                total += 1
                if same_question(first, second):
                    merged_pairs.append((a, b))
    return merged_pairs, total


def _lang(lang: str) -> str:
    return lang if lang in ("fr", "en") else ""
