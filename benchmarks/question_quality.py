"""How well the room reads questions, on posts written and labelled by people.

For each labelled set (the development set written for the project, our own rows, or
any other file in the same format, such as a hold-out set): detection accuracy, and the
precision and recall of "question"; with and without the rows marked borderline. For
each set of pairs: the share of "same" pairs put on one card and of "different" pairs
kept apart. Targets: 95 % for detection's precision and recall, 95 % on "same", 98 %
on "different".

    python benchmarks/question_quality.py [--questions FILE ...] [--pairs FILE ...]
                                          [--guests FILE] [--errors]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.labelled import (  # noqa: E402
    DATA,
    load_guests,
    load_pairs,
    load_questions,
    merged_among,
    score_detection,
    score_pairs,
)


def _existing(*names: str) -> list[Path]:
    return [DATA / name for name in names if (DATA / name).exists()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=Path, nargs="*")
    parser.add_argument("--pairs", type=Path, nargs="*")
    parser.add_argument("--guests", type=Path, default=DATA / "guests.tsv")
    parser.add_argument("--errors", action="store_true", help="list the rows read wrongly")
    args = parser.parse_args()
    guests = load_guests(args.guests)
    questions = args.questions
    pairs = args.pairs
    if questions is None and pairs is None:
        questions = _existing("questions-dev.tsv", "questions-ours.tsv")
        pairs = _existing("clusters-dev.tsv", "clusters-ours.tsv")
    for path in questions or []:
        rows = load_questions(path)
        for label, chosen in (
            ("all rows", rows),
            ("without borderline", [r for r in rows if not r.borderline]),
        ):
            score, wrong = score_detection(chosen, guests)
            print(
                f"detection, {path.name}, {label} ({score.rows}): accuracy"
                f" {score.accuracy:.1%}, precision {score.precision:.1%}, recall"
                f" {score.recall:.1%} ({score.false_positive} taken wrongly,"
                f" {score.false_negative} missed)"
            )
            if args.errors and label == "all rows":
                for row, reading in wrong:
                    said = "question" if reading.question else "not"
                    print(
                        f"  {path.name}:{row.line} said {said} ({reading.reason.code}):"
                        f" {row.text}  [{row.why}]"
                    )
    for path in pairs or []:
        rows = load_pairs(path)
        for label, chosen in (
            ("all pairs", rows),
            ("without borderline", [r for r in rows if not r.borderline]),
        ):
            score, wrong = score_pairs(chosen, guests)
            print(
                f"clustering, {path.name}, {label}: same {score.same_accuracy:.1%}"
                f" ({score.same_right}/{score.same}), different"
                f" {score.different_accuracy:.1%} ({score.different_right}/{score.different})"
            )
            if args.errors and label == "all pairs":
                for row in wrong:
                    said = "merged" if row.same is False else "apart"
                    print(f"  {path.name}:{row.line} {said}: {row.a} | {row.b}  [{row.why}]")
    for path in questions or []:
        asked = [r for r in load_questions(path) if r.question]
        merged_pairs, total = merged_among(asked, guests)
        print(
            f"clustering, {path.name}, every two of its {len(asked)} questions to one guest"
            f" ({total:,} pairs, nearly all asking different things): {len(merged_pairs)}"
            f" put on one card ({len(merged_pairs) / max(total, 1):.2%})"
        )
        if args.errors:
            for a, b in merged_pairs:
                print(f"  {path.name}:{a.line}+{b.line} merged: {a.text} | {b.text}")


if __name__ == "__main__":
    main()
