"""Near-duplicate questions: which merge, which stay apart, and how clusters behave."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from blueroom.core.clusters import QuestionClusters, normalise_question
from blueroom.core.wording import DEFAULT_OVERLAP, Wording

ROOT = Path(__file__).resolve().parents[2]

SAME_QUESTION = [
    ("Quel est ton film préféré ? #AskBlueRoom", "quel est ton film prefere??"),
    ("Quel est ton film préféré ?", "@guest quel est ton film préféré 😍"),
    ("What's your favourite film?", "what is your favorite film"),
    ("Where do you live?", "WHERE DO YOU LIVE ??? 🏠"),
    ("C'est quoi ton film préféré ?", "Quel est ton film préféré ?"),
    ("Ton film préféré ?", "Quel est ton film préféré ?"),
    (
        "When is the new album coming out?",
        "Hey @leamarchand when's the new album coming out?? 🔥🔥 #AskBlueRoom",
    ),
    (
        "Est-ce que tu vas faire une tournée au Québec ?",
        "est ce que tu vas faire une tournee au quebec",
    ),
    ("Do you still play the guitar?", "do you still play the guitr?"),
    (
        "Tu écris d'abord la musique ou les paroles ?",
        "Tu ecris d’abord la musique ou les paroles?!",
    ),
    (
        "Which of your songs do you love performing the most?",
        "which of ur songs do u love performing the most",
    ),
    (
        "Who inspired you to become a singer?",
        "Who inspired you to become a singer? https://t.co/a1",
    ),
    (
        "Will you ever release a song in English?",
        "Will you ever release a song in English? 💜🙏 #AskBlueRoom #LéaMarchand",
    ),
    ("Pourquoi tu ne passes jamais par Toulouse ?", "pourqoui tu ne passes jamais par toulouse"),
    ("Any book or movie recommendations?", "any book or movie recommendation ??"),
    ("Tu chantes Cœur pixel ce soir ?", "tu chantes coeur pixel ce soir"),
    ("How do you deal with stage fright?", "how do you deal w/ stage fright??"),
    ("Le nouvel album sort quand ?", "Quand sort le nouvel album ?"),
    ("𝐖𝐡𝐞𝐫𝐞 𝐝𝐨 𝐲𝐨𝐮 𝐥𝐢𝐯𝐞?", "where do you live"),
    ("Can you tell us anything about album 3?", "can you tell us anything about allbum 3 ?!"),
    ("What is your biggest dream now?", "What's yur biggest dream now? ✨"),
    ("Quelles sont tes plus grandes inspirations ?", "quelles sont tes plus grandes inspiratons"),
]

DIFFERENT_QUESTIONS = [
    ("Quel est ton film préféré ?", "Quel est ton livre préféré ?"),
    ("Where do you live?", "Where do you work?"),
    ("What is your favourite film?", "What is your favourite book?"),
    ("When are you coming to Paris?", "When are you coming to Lyon?"),
    ("Where do you write your songs?", "How do you write your songs?"),
    ("Can you tell us anything about album 3?", "Can you tell us anything about album 2?"),
    ("Tu viens à Nice ?", "Tu viens à Nîmes ?"),
    ("Do you like cats?", "Do you like dogs?"),
    ("What's your favourite song?", "What's your favourite French song?"),
    ("Quelle est ta chanson préférée ?", "Quelle est ta chanson la moins aimée ?"),
    ("What do you do?", "What is it?"),
    ("Will you tour in Canada?", "Will you tour in Japan?"),
    ("Qui t'a donné envie de chanter ?", "Qui t'a donné envie de danser ?"),
    ("Do you prefer the guitar or the piano?", "Do you prefer the guitar or the drums?"),
    ("Are you vegan?", "Are you vegetarian?"),
    ("What's your favourite film?", "What was your first film?"),
    ("Comment tu écris tes chansons ?", "Pourquoi tu écris tes chansons ?"),
    ("Est-ce que tu vas chanter Boréale ce soir ?", "Est-ce que tu vas chanter Boréale demain ?"),
    ("Is there a new album coming soon?", "Is there a new tour coming soon?"),
    ("What's your favourite song on the album?", "What's your least favourite song on the album?"),
    ("Do you still get stage fright?", "Do you never get stage fright?"),
    ("😍😍😍", "🔥🔥🔥"),
]


def clustered(
    first: str,
    second: str,
    overlap: float = DEFAULT_OVERLAP,
    ignored_words: tuple[str, ...] = (),
) -> bool:
    clusters = QuestionClusters(overlap, ignored_words=ignored_words)
    clusters.add("a", first)
    return clusters.add("b", second) == "a"


@pytest.mark.parametrize(("first", "second"), SAME_QUESTION)
def test_the_same_question_in_other_words_joins_the_first(first: str, second: str) -> None:
    assert clustered(first, second)
    assert clustered(second, first)


@pytest.mark.parametrize(("first", "second"), DIFFERENT_QUESTIONS)
def test_different_questions_stay_apart(first: str, second: str) -> None:
    assert not clustered(first, second)
    assert not clustered(second, first)


def test_the_default_overlap_sits_inside_the_working_range() -> None:
    """Every table row holds a tenth either side of the default: not on a knife edge."""
    for overlap in (DEFAULT_OVERLAP - 0.1, DEFAULT_OVERLAP + 0.1):
        assert all(clustered(a, b, overlap) for a, b in SAME_QUESTION)
        assert not any(clustered(a, b, overlap) for a, b in DIFFERENT_QUESTIONS)


def test_ignored_words_such_as_the_guests_name_carry_nothing() -> None:
    question = "Léa, what did you want to be as a kid?"
    assert "lea" in Wording().signature(question).words
    assert Wording(["Léa"]).signature(question) == Wording().signature(
        "what did you want to be as a kid?"
    )
    assert clustered(
        question, "Malik, what did you want to be as a kid?", ignored_words=("Léa", "Malik")
    )


def test_normalise_question() -> None:
    assert normalise_question("Quel est ton film préféré ? #AskBlueRoom") == (
        "quel est ton film prefere"
    )
    assert normalise_question("@guest  What's   your FAVOURITE film?!😍 https://t.co/x") == (
        "what is your favourite film"
    )
    assert normalise_question("I won't, can't, don't") == "i will not can not do not"
    assert normalise_question("L’album sort-il en vinyle ?") == "l album sort il en vinyle"
    assert normalise_question("Z̸̢͇a̷l̴g̵o̶ ̷t̸e̵x̴t̶") == "zalgo text"
    assert normalise_question("Ｆｕｌｌ ｗｉｄｔｈ") == "full width"
    assert normalise_question("😍🔥✨") == ""
    assert normalise_question("") == ""


def test_members_sizes_and_cluster_ids() -> None:
    clusters = QuestionClusters()
    assert clusters.add("q1", "Where do you live?") == "q1"
    assert clusters.add("q2", "Where do you work?") == "q2"
    assert clusters.add("q3", "where do you live ?? 🏠") == "q1"
    assert clusters.add("q4", "WHERE DO YOU LIVE") == "q1"
    assert len(clusters) == 2
    assert clusters.members("q1") == ("q1", "q3", "q4")
    assert clusters.size("q1") == 3
    assert clusters.size("q2") == 1
    assert clusters.cluster_of("q4") == "q1"
    assert clusters.cluster_of("nope") is None
    assert clusters.members("nope") == ()
    assert clusters.size("nope") == 0


def test_adding_a_known_id_again_changes_nothing() -> None:
    clusters = QuestionClusters()
    clusters.add("q1", "Where do you live?")
    assert clusters.add("q1", "Something else entirely, about cats?") == "q1"
    assert clusters.members("q1") == ("q1",)
    assert len(clusters) == 1


def test_removing_the_representative_hands_the_cluster_to_the_next_member() -> None:
    clusters = QuestionClusters()
    for question_id in ("q1", "q2", "q3"):
        clusters.add(question_id, "Quel est ton film préféré ?")
    assert clusters.remove("q1") == "q2"
    assert clusters.cluster_of("q3") == "q2"
    assert clusters.members("q2") == ("q2", "q3")
    assert clusters.members("q1") == ()
    assert clusters.cluster_of("q1") is None
    assert clusters.add("q4", "quel est ton film prefere") == "q2"
    assert len(clusters) == 1


def test_removing_another_member_keeps_the_cluster_id() -> None:
    clusters = QuestionClusters()
    for question_id in ("q1", "q2", "q3"):
        clusters.add(question_id, "Where do you live?")
    assert clusters.remove("q2") == "q1"
    assert clusters.members("q1") == ("q1", "q3")


def test_removing_the_last_member_removes_the_cluster() -> None:
    clusters = QuestionClusters()
    clusters.add("q1", "Where do you live?")
    clusters.add("q2", "Where do you work?")
    assert clusters.remove("q1") is None
    assert clusters.remove("q1") is None
    assert clusters.remove("unknown") is None
    assert len(clusters) == 1
    assert clusters.add("q3", "Where do you live?") == "q3"
    assert clusters.add("q1", "where do you live") == "q3"  # a removed id may come back


def test_after_a_handover_the_cluster_matches_on_its_new_representative() -> None:
    clusters = QuestionClusters()
    clusters.add("q1", "Est-ce que tu vas faire une tournée au Québec ?")
    clusters.add("q2", "Tu vas faire une tournée au Québec cet été ?")  # one extra word
    clusters.remove("q1")
    assert clusters.add("q3", "tu vas faire une tournee au quebec cet ete") == "q2"
    assert clusters.add("q4", "tu vas faire une tournee au quebec cet ete ?? #askblueroom") == "q2"


def test_a_key_freed_by_its_last_question_goes_elsewhere() -> None:
    clusters = QuestionClusters()
    clusters.add("q1", "What is your favourite film?")
    clusters.add("q2", "what's your favorite film")  # joins q1 by the fuzzy path
    clusters.remove("q2")
    assert clusters.add("q3", "what's your favorite film") == "q1"
    clusters.remove("q1")
    assert clusters.cluster_of("q3") == "q3"
    assert clusters.add("q4", "What is your favourite film?") == "q3"


def replay(seed: int) -> list[str | None]:
    rng = random.Random(seed)
    texts = [a for a, _ in SAME_QUESTION + DIFFERENT_QUESTIONS]
    texts += [b for _, b in SAME_QUESTION + DIFFERENT_QUESTIONS]
    rng.shuffle(texts)
    clusters = QuestionClusters()
    for n, text in enumerate(texts):
        clusters.add(f"q{n}", text)
        if n % 7 == 6:
            clusters.remove(f"q{n - 3}")
    return [clusters.cluster_of(f"q{n}") for n in range(len(texts))]


def test_the_same_adds_give_the_same_clusters() -> None:
    assert replay(1) == replay(1)
    assert replay(2) == replay(2)


def test_the_same_adds_give_the_same_clusters_whatever_the_hash_seed() -> None:
    script = "from tests.core.test_clusters import replay; print(replay(3))"
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=ROOT,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outputs) == 1


HOSTILE = [
    "",
    " ",
    "?",
    "😍🔥✨🙏",
    "😍🔥✨🙏",
    "🏳️‍🌈👨‍👩‍👧‍👦🇫🇷",
    "Z̸̢͇̣̲̙a̷̛̖̺͚l̴̡͎͖̿g̵̨̛͎o̶̡̝͊ ̷̰̈́q̸̜̈́ú̵͈e̴͚͛s̷͕̈́t̸̰̅ḯ̵͜o̵̘̿n̴̰̈́ ̸̱̾?" * 50,
    "هل ستغني في باريس؟",
    "هل ستغني في باريس؟ 😍 #AskBlueRoom",
    "מתי תבואי לתל אביב?",
    "‮?evil esrever‬ rtl override",
    "a" * 10_000,
    "why " * 2_500,
    "Quel est ton film préféré ? " * 400,
    " ".join(f"mot{n}" for n in range(2_000)),
    "\x00\x01\x02 control \u200b\u200d zero width \ufeff",
    "@a @b @c #x #y #z https://t.co/x",
    "_" * 5_000,
    "𝕎𝕙𝕖𝕣𝕖 𝕕𝕠 𝕪𝕠𝕦 𝕝𝕚𝕧𝕖?",
    "ﾅﾆ?",
    "你最喜欢的电影是什么？",
]


def test_hostile_text_neither_crashes_nor_stalls() -> None:
    clusters = QuestionClusters()
    started = time.perf_counter()
    for n, text in enumerate(HOSTILE * 3):
        cluster = clusters.add(f"h{n}", text)
        assert clusters.cluster_of(f"h{n}") == cluster
        normalise_question(text)
    assert time.perf_counter() - started < 2.0
    assert clusters.cluster_of(f"h{len(HOSTILE) + 3}") == "h3"  # the emoji only, again
    assert clusters.cluster_of("h4") == "h3"
    assert clusters.cluster_of("h5") == "h5"
    assert clusters.cluster_of("h8") == "h7"  # the Arabic question, with emoji and hashtag
    assert len(clusters) < len(HOSTILE)


def test_a_question_and_its_normalised_form_are_the_same_question() -> None:
    texts = [t for pair in SAME_QUESTION + DIFFERENT_QUESTIONS for t in pair] + HOSTILE
    for text in texts:
        normalised = normalise_question(text[:1_000])
        if normalised:
            assert clustered(text, normalised), text


def test_zalgo_and_rtl_marks_fold_to_plain_words() -> None:
    assert normalise_question("Z̸̢͇̣̲̙a̷̛̖̺͚l̴̡͎͖̿g̵̨̛͎o̶̡̝͊") == "zalgo"
    assert normalise_question("هَلْ سَتُغَنِّي") == normalise_question("هل ستغني")


def test_fifty_thousand_distinct_questions_keep_add_correct() -> None:
    templates = (
        "Will you play song number {n} at the {n} show?",
        "Quand est-ce que tu chantes la chanson {n} ?",
        "What is the story behind track {n}?",
        "Tu penses quoi du titre {n} ?",
    )
    count = 50_000
    clusters = QuestionClusters()
    for n in range(count):
        assert clusters.add(f"q{n}", templates[n % 4].format(n=n)) == f"q{n}"
    assert len(clusters) == count
    rng = random.Random(5)
    for n in rng.sample(range(count), 300):
        again = templates[n % 4].format(n=n).upper().replace("?", "??") + " 😍 #AskBlueRoom"
        assert clusters.add(f"again{n}", again) == f"q{n}"
        typo = templates[n % 4].format(n=n).replace("story", "stroy").replace("chanson", "chason")
        assert clusters.add(f"typo{n}", typo) == f"q{n}"
    assert len(clusters) == count
