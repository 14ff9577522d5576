"""Reading posts as a person does: the hand-labelled rows, each a case with its reason."""

from __future__ import annotations

import pytest

from blueroom.core import asking
from blueroom.core.asking import Guest, read_post
from blueroom.core.detect import looks_like_question
from tests.labelled import (
    DATA,
    QuestionRow,
    load_guests,
    load_questions,
    read,
    reader_for,
    score_detection,
)

GUESTS = load_guests()
KNOWN = reader_for(GUESTS)
DEV = load_questions(DATA / "questions-dev.tsv")
OURS = load_questions(DATA / "questions-ours.tsv")
# Our rows the reading still gets wrong, with why (they stay here to be seen, not hidden).
OURS_MISSED = {
    7: "a statement to the guest with no mark and no question word: read as a statement",
}
LEA = Guest.named("Léa Marchand", ["@leamarchand"], ["@BlueRoomFR"])


def _case(row: QuestionRow) -> str:
    return f"{row.line}-{'question' if row.question else 'not'}-{row.why}"


@pytest.mark.parametrize("row", DEV, ids=_case)
def test_the_development_set_reads_as_labelled(row: QuestionRow) -> None:
    reading = read(row.text, GUESTS, KNOWN)
    assert reading.question == row.question, f"{row.why}: read as {reading.reason.code}"


@pytest.mark.parametrize(
    "row",
    [
        pytest.param(r, marks=pytest.mark.xfail(reason=OURS_MISSED[r.line], strict=True))
        if r.line in OURS_MISSED
        else r
        for r in OURS
    ],
    ids=_case,
)
def test_our_own_rows_read_as_labelled(row: QuestionRow) -> None:
    reading = read(row.text, GUESTS, KNOWN)
    assert reading.question == row.question, f"{row.why}: read as {reading.reason.code}"


@pytest.mark.parametrize("rows", [DEV, OURS], ids=["development set", "our rows"])
def test_precision_and_recall_of_question_reach_95_percent(rows: list[QuestionRow]) -> None:
    score, _ = score_detection(rows, GUESTS)
    assert score.precision >= 0.95 and score.recall >= 0.95


def test_the_cheap_pass_lets_every_labelled_question_through() -> None:
    missed = [r.text for r in DEV + OURS if r.question and not looks_like_question(r.text)]
    assert missed == ["@inesduval tu joues encore à Metz l'an prochain"]  # OURS_MISSED[7]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Léa, tu reviens quand à Lyon ? #AskBlueRoom", asking.ASKS),
        ("Léa tu reviens quand à Lyon #AskBlueRoom", asking.ASKS_UNMARKED),
        ("Je me demandais si tu écrivais la nuit #AskBlueRoom", asking.ASKS_INDIRECTLY),
        ("Léa, un duo avec Kofi ? #AskBlueRoom", asking.ELLIPTIC),
        ("Quelle voix ce soir !! #AskBlueRoom", asking.EXCLAMATION),
        ("What a night #AskBlueRoom", asking.EXCLAMATION),
        ("Qui regarde depuis Nantes ? #AskBlueRoom", asking.TO_FANS),
        ("Le son ? #AskBlueRoom", asking.TO_PRODUCTION),
        ("@BlueRoomFR c'est quoi le lien du replay ?", asking.TO_PRODUCTION),
        ("Elle a dit quoi là ?! #AskBlueRoom", asking.ABOUT_GUEST),
        ("« Tu chantes Néons ? » meilleure question 😂 #AskBlueRoom", asking.QUOTED),
        ("Qui n'a pas pleuré ce soir ? #AskBlueRoom", asking.RHETORICAL),
        ("Pourquoi les places sont chères ? Parce que c'est Paris #AskBlueRoom", asking.ANSWERED),
        ("On dit quoi Léa ? #AskBlueRoom", asking.GREETING),
        ("Merci Léa ❤️ #AskBlueRoom", asking.NO_QUESTION),
    ],
)
def test_each_reading_says_why(text: str, reason: asking.Phrase) -> None:
    reading = read_post(text, LEA)
    assert reading.reason is reason
    assert reading.question == (reason in asking.QUESTION_REASONS)


def test_a_title_in_quotes_is_part_of_the_question() -> None:
    reading = read_post("Léa, tu peux chanter « Les Lilas » ? 🙏 #AskBlueRoom", LEA)
    assert reading.question and reading.reason is asking.ASKS


@pytest.mark.parametrize(
    "text",
    [
        "<b>Léa</b> <img src=x onerror=alert(1)> tu viens quand ?",
        "Léa " + "é" * 4_000 + " ?",
        "\u202eLéa tu viens\u202c quand ?\x00\x07",
        "لماذا باريس ؟ #AskBlueRoom",
        "Z̸̢̛a̴l̷g̶o̵ pourquoi ?" * 300,
        "?" * 4_000,
        "",
    ],
)
def test_hostile_text_is_read_without_harm(text: str) -> None:
    reading = read_post(text, LEA)
    assert reading.reason in asking.QUESTION_REASONS + asking.NOT_QUESTION_REASONS


def test_the_guests_names_are_folded_from_the_settings() -> None:
    guest = Guest.named("Inès Duval", ["@InesDuval"], ["@BlueRoomFR"])
    assert {"ines", "duval"} <= guest.names and "inesduval" in guest.handles
    assert read_post("INÈS, t'as commencé à quel âge", guest).question
