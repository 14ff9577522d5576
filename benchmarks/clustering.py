"""Question clustering: adds/s with 50,000 clusters loaded, from empty, and on the demo.

python benchmarks/clustering.py

Questions come from French and English templates filled with made-up places, songs and
artists; 60 % of the stream re-asks an earlier question (case, accents dropped, emoji,
hashtags, mentions, a greeting; one in five with a typo), 40 % asks a new one. The
labels the generator knows give the share of re-asks found and of new questions merged
(mostly made-up names an accent or a typo apart: "Chufe" and "Chufé", "Gébru" and
"Gibru"). Last, the demo event's own question posts (real texts, as the app sees them).
"""

from __future__ import annotations

import gzip
import json
import pickle
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from blueroom.core.clusters import QuestionClusters  # noqa: E402
from blueroom.core.detect import looks_like_question  # noqa: E402
from blueroom.paths import assets  # noqa: E402

DEMO_EVENT = assets().demo_event

PRELOADED = 50_000
STREAM = 100_000
REPEAT_SHARE = 0.6
GUEST = ("Léa", "Marchand")

TEMPLATES = (
    "When are you coming to {place}?",
    "Will you ever play {song} live?",
    "What do you think of {artist}?",
    "Have you ever been to {place}?",
    "Any plans to collab with {artist}?",
    "What's the story behind {song}?",
    "Is {song} about someone real?",
    "Would you sing {song} in {place}?",
    "What was it like to work with {artist} on {song}?",
    "Quand est-ce que tu viens à {place} ?",
    "Tu chantes {song} ce soir ?",
    "Tu penses quoi de {artist} ?",
    "C'est quoi l'histoire derrière {song} ?",
    "Un featuring avec {artist} un jour ?",
    "Pourquoi tu ne passes jamais par {place} ?",
    "Tu reviens quand en concert à {place} ?",
    "Il y aura un clip pour {song} ?",
    "Est-ce que {artist} t'a aidée à écrire {song} ?",
)
GREETINGS = ("Hi Léa! ", "Hey @leamarchand ", "Coucou Léa ! ", "Léa, ", "Bonsoir ! ", "")
EMOJI = ("😍", "🥺", "🙏", "💙", "🔥🔥", "😭😭😭", "✨", "🎤")
TAGS = (" #AskBlueRoom", " #askblueroom", " #AskBlueRoom #LéaMarchand", "")
ACCENTS = str.maketrans("éèêàâîôûçÉ", "eeeaaioucE")


class Generator:
    """Deterministic questions: ``base(n)`` the n-th distinct one, ``variant`` a re-ask."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        names: set[str] = set()
        onsets = ("b", "c", "d", "f", "g", "j", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z")
        onsets += ("br", "cr", "dr", "gr", "pr", "tr", "ch")
        vowels = ("a", "e", "i", "o", "u", "ou", "ai", "ei", "é", "è")
        while len(names) < 60_000:
            syllables = self.rng.randint(2, 4)
            name = "".join(
                self.rng.choice(onsets) + self.rng.choice(vowels) for _ in range(syllables)
            )
            names.add(name.capitalize())
        self.names = sorted(names)
        self.rng.shuffle(self.names)

    def base(self, n: int) -> str:
        template = TEMPLATES[n % len(TEMPLATES)]
        names = self.names
        k = n // len(TEMPLATES)
        return template.format(
            place=names[k % len(names)],
            song=names[(k * 7 + 1) % len(names)] + " " + names[(k * 13 + 5) % len(names)],
            artist=names[(k * 31 + 11) % len(names)],
        )

    def variant(self, text: str) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.25:
            text = text.lower()
        elif roll < 0.3:
            text = text.upper()
        if rng.random() < 0.3:
            text = text.translate(ACCENTS)
        if rng.random() < 0.3:
            text = text.rstrip("?").rstrip() + rng.choice(("??", " ?!", "", "???"))
        if rng.random() < 0.2:
            text = self.typo(text)
        text = rng.choice(GREETINGS) + text
        if rng.random() < 0.5:
            text += " " + rng.choice(EMOJI)
        return text + rng.choice(TAGS)

    def typo(self, text: str) -> str:
        words = text.split()
        long = [i for i, w in enumerate(words) if len(w) >= 6 and w.isalpha()]
        if not long:
            return text
        i = self.rng.choice(long)
        word = words[i]
        j = self.rng.randrange(1, len(word) - 1)
        match self.rng.randrange(3):
            case 0:
                word = word[:j] + word[j + 1] + word[j] + word[j + 2 :]  # swap
            case 1:
                word = word[:j] + word[j + 1 :]  # drop
            case _:
                word = word[:j] + word[j] + word[j:]  # double
        words[i] = word
        return " ".join(words)


def stream(generator: Generator, first_new: int, length: int) -> list[tuple[str, str, int]]:
    """(text, kind, base) with kind "new" or "again"; re-asks pick any earlier base."""
    rng = generator.rng
    items: list[tuple[str, str, int]] = []
    next_new = first_new
    for _ in range(length):
        if next_new > 0 and rng.random() < REPEAT_SHARE:
            n = rng.randrange(next_new)
            items.append((generator.variant(generator.base(n)), "again", n))
        else:
            items.append((generator.base(next_new), "new", next_new))
            next_new += 1
    return items


def timed(
    state: bytes, ids: list[str], texts: list[str], repeats: int
) -> tuple[list[float], QuestionClusters]:
    """Adds/s of ``repeats`` runs, each from the same pickled state (the machine may be busy)."""
    rates = []
    for _ in range(repeats):
        clusters: QuestionClusters = pickle.loads(state)
        add = clusters.add
        started = time.perf_counter()
        for question_id, text in zip(ids, texts, strict=True):
            add(question_id, text)
        rates.append(len(texts) / (time.perf_counter() - started))
    return rates, clusters


def run(preloaded: int, repeats: int = 3) -> None:
    generator = Generator(seed=7)
    loaded = QuestionClusters(ignored_words=GUEST)
    bases = 0
    while len(loaded) < preloaded:  # a few made-up names are typos of others: they merge
        loaded.add(f"b{bases}", generator.base(bases))
        bases += 1
    items = stream(generator, bases, STREAM)
    ids = [f"q{i}" for i in range(len(items))]
    rates, clusters = timed(pickle.dumps(loaded), ids, [text for text, _, _ in items], repeats)

    base_cluster = {n: clusters.cluster_of(f"b{n}") for n in range(bases)}
    found = asked_again = merged = new = 0
    for question_id, (_, kind, n) in zip(ids, items, strict=True):
        cluster = clusters.cluster_of(question_id)
        if kind == "new":
            new += 1
            merged += cluster != question_id
            base_cluster[n] = cluster
        else:
            asked_again += 1
            found += cluster == base_cluster[n]
    rate = max(rates)
    start = f"with {preloaded:,} clusters" if preloaded else "starting empty"
    print(
        f"clustering: {rate:,.0f} questions/s {start} ({1e6 / rate:.1f} µs a question; "
        f"best of {repeats}, worst {min(rates):,.0f}/s; {len(clusters):,} clusters after "
        f"{len(items):,} adds)"
    )
    print(
        f"clustering quality {start}: {found / asked_again:.1%} of re-asks found, "
        f"{merged / new:.2%} of new questions merged with another"
    )


def run_demo(repeats: int = 3) -> None:
    """The demo event's own question posts, in order, from empty."""
    texts = []
    with gzip.open(DEMO_EVENT, "rt", encoding="utf-8") as lines:
        for line in lines:
            try:
                text = json.loads(line)["data"]["text"]
            except (ValueError, KeyError, TypeError):
                continue  # the demo holds malformed lines on purpose
            if isinstance(text, str) and not text.startswith("RT @") and looks_like_question(text):
                texts.append(text)
    ids = [f"d{i}" for i in range(len(texts))]
    state = pickle.dumps(QuestionClusters(ignored_words=GUEST))
    rates, clusters = timed(state, ids, texts, repeats)
    rate = max(rates)
    print(
        f"clustering: {rate:,.0f} questions/s on the demo event's {len(texts):,} question "
        f"posts, starting empty ({1e6 / rate:.1f} µs a question; {len(clusters):,} clusters)"
    )


def main() -> None:
    run(PRELOADED)
    run(0)
    run_demo()


if __name__ == "__main__":
    main()
