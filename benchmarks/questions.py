"""The question path: detection + moderation + near-duplicate clustering, posts per second.

Every post of the demo event (parsed beforehand: parsing has its own benchmark) goes
through the question board in batches, as on the engine's model thread; the event
is looped with fresh ids and new authors' wording kept, as a long evening would be.
Then the same with 50,000 distinct questions already pending. Prints one line per
figure (the target is 20,000 posts/s).

    python benchmarks/questions.py [--posts 200000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from demo_posts import demo_posts, looped  # noqa: E402

from blueroom.core.detect import QuestionRules  # noqa: E402
from blueroom.core.events import Event, TweetReceived  # noqa: E402
from blueroom.core.questions import QuestionBoard, QueueOrder, QueueQuery, QueueView  # noqa: E402
from blueroom.core.tweet import Author, Tweet  # noqa: E402

BATCH = 500
RULES = QuestionRules(
    hashtags=frozenset({"askblueroom"}),
    guest_handles=frozenset({"leamarchand"}),
    room_handles=frozenset({"blueroomfr"}),
)
TOPICS = (
    "ton prochain album", "la tournée", "Paris", "ton chat Pistache", "le cinéma", "tes fans",
    "your next album", "the tour", "London", "your cat", "the movie", "your first song",
)  # fmt: skip
OPENINGS = (
    "Est-ce que tu penses à {t} {n} ?", "Pourquoi {t} {n} ?", "Quand sort {t} {n} ?",
    "What do you think of {t} {n}?", "How was {t} {n}?", "Will you talk about {t} {n}?",
)  # fmt: skip


def distinct_questions(count: int) -> list[Event]:
    rng = random.Random(3)
    events: list[Event] = []
    for n in range(count):
        text = rng.choice(OPENINGS).format(t=rng.choice(TOPICS), n=n) + " #AskBlueRoom"
        author = Author(id=f"q{n}", username=f"asker{n}", created_at="2015-01-01T00:00:00Z")
        tweet = Tweet(id=f"q{n}", text=text, author=author, hashtags=("AskBlueRoom",))
        events.append(TweetReceived(tweet=tweet, at=1_790_000_000.0 + n * 0.01))
    return events


def run(board: QuestionBoard, events: list[Event]) -> float:
    started = time.perf_counter()
    for start in range(0, len(events), BATCH):
        board.apply(events[start : start + BATCH])
        board.snapshot()  # as the model thread does after each batch
    return len(events) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=200_000)
    args = parser.parse_args()
    tweets = demo_posts()
    events = looped(tweets, args.posts)

    first = QuestionBoard(RULES, ignored_words=("Léa", "Marchand"))
    rate = run(first, events[: len(tweets)])
    print(
        f"questions: detection + moderation + clustering, the demo event once:"
        f" {rate:,.0f} posts/s ({len(tweets):,} posts, {first.snapshot().received:,} questions)"
    )
    board = QuestionBoard(RULES, ignored_words=("Léa", "Marchand"))
    rate = run(board, events)
    snapshot = board.snapshot()
    print(
        f"questions: the demo event looped: {rate:,.0f} posts/s ({len(events):,} posts,"
        f" {snapshot.received:,} questions on {snapshot.cards:,} cards)"
    )
    loaded = QuestionBoard(RULES, ignored_words=("Léa", "Marchand"))
    questions = distinct_questions(50_000)
    rate = run(loaded, questions)
    print(f"questions: 50,000 distinct new questions (no duplicate to find): {rate:,.0f} posts/s")
    pending = loaded.snapshot().count(QueueView.PENDING)
    rate = run(loaded, events[:100_000])
    print(f"questions: the demo event with {pending:,} questions pending: {rate:,.0f} posts/s")
    started = time.perf_counter()
    for _ in range(20):
        loaded.page(QueueQuery())
    page_ms = (time.perf_counter() - started) / 20 * 1000
    print(f"questions: a console page (newest 300 of {pending:,} pending): {page_ms:.1f} ms")
    started = time.perf_counter()
    for _ in range(5):
        loaded.page(QueueQuery(order=QueueOrder.SUPPORT, search="album"))
    page_ms = (time.perf_counter() - started) / 5 * 1000
    print(f"questions: a console page searched and sorted by support: {page_ms:.1f} ms")


if __name__ == "__main__":
    main()
