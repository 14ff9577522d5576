"""Phrases, without Qt: the room records codes with values as English sentences, and reads
the values back from the sentences it wrote (the screens then word them in their language)."""

from __future__ import annotations

import itertools

import pytest

from blueroom.capture import camera
from blueroom.core import moderation
from blueroom.core.moderation import REASONS, RULE_PRIORITY, ModerationRules, Moderator
from blueroom.core.phrases import Phrase, read_any
from blueroom.core.questions import AUTO_APPROVED, OPERATOR_REJECTED, SUPPORT_BURST
from blueroom.core.tweet import Author, Tweet
from blueroom.sources import replay

GROUPS = {
    "reasons": tuple(
        itertools.chain(*REASONS.values(), (SUPPORT_BURST, AUTO_APPROVED, OPERATOR_REJECTED))
    ),
    "source details": (*replay.DETAILS, replay.POSITION),
    "camera details": (camera.LABEL, *camera.DETAILS),
}
# Values as the room writes them: text from outside may hold quotes, colons, "at", spaces...
SAMPLES = {
    "handle": "fan_42",
    "reason": "not tonight",
    "excerpt": 'f u c k: "x"',
    "term": "fuck",
    "tags": "4",
    "host": "evil.example",
    "count": "5",
    "most": "3",
    "posts": "1,234",
    "seconds": "2.5",
    "supporters": "6",
    "days": "7",
    "file": "demo at home.jsonl.gz",
    "speed": "10",
    "loop": "2",
    "line": "12,345",
    "error": "OSError: [Errno 5] at line 3",
    "label": "/videos/demo.mp4",
    "index": "0",
    "width": "1280",
    "height": "720",
    "fps": "29.97",
    "path": "/videos/demo: take 2.mp4",
    "frames": "12",
}


def test_a_phrase_says_its_sentence_and_reads_it_back() -> None:
    phrase = Phrase("link", "link: {host} ({count} times)", numbers=("count",))
    text = phrase.say(host="a.example", count=3)
    assert text == "link: a.example (3 times)"
    assert phrase.read(text) == {"host": "a.example", "count": "3"}
    assert phrase.fields == ("host", "count")
    assert phrase.read("link: a.example (three times)") is None, "a number field holds a number"
    assert phrase.read("a link: a.example (3 times)") is None, "the whole sentence, not a part"
    assert phrase.read("") is None


def test_a_field_is_a_plain_name() -> None:
    with pytest.raises(ValueError, match="plain name"):
        Phrase("bad", "{value:,} posts")
    with pytest.raises(ValueError, match="plain name"):
        Phrase("bad", "{0} posts")


@pytest.mark.parametrize("group", GROUPS)
def test_every_phrase_reads_back_its_own_sentence_first(group: str) -> None:
    phrases = GROUPS[group]
    assert len({p.code for p in phrases}) == len(phrases), "codes are unique"
    for phrase in phrases:
        values = {name: SAMPLES[name] for name in phrase.fields}
        found = read_any(phrases, phrase.say(**values))
        assert found is not None and found[0] is phrase, phrase.code
        assert found[1] == values


def test_every_rule_writes_its_reasons_with_its_phrases() -> None:
    assert set(REASONS) == set(RULE_PRIORITY)
    rules = ModerationRules(blocked_words=("ananas",), blocked_users=("troll",), flood_posts=1)
    checker = Moderator(rules)

    def check(text: str, handle: str = "fan", **more: object) -> tuple[str, str]:
        author = Author(id=handle, username=handle)
        verdict = checker.check(Tweet(id=text, text=text, author=author, **more), 0.0)
        return verdict.rule, verdict.reason

    verdicts = [
        check("why?", handle="troll"),
        check("t'es un pd", lang="fr"),
        check("do you like ananas?"),
        check("what the fuck?", lang="en"),
        check("why are you such an idiot?", lang="en"),
        check("#a #b #c #d"),
        check("look https://evil.example/x why?", urls=("https://evil.example/x",)),
        check("@a @b @c @d @e why?", mentions=("a", "b", "c", "d", "e")),
        check("why once?", handle="flooder"),
        check("why twice?", handle="flooder"),
    ]
    rules_seen = set()
    for rule, reason in verdicts:
        if not rule:
            continue
        rules_seen.add(rule)
        found = read_any(REASONS[rule], reason)
        assert found is not None, (rule, reason)
    assert rules_seen == set(RULE_PRIORITY)


def test_the_english_sentences_are_unchanged() -> None:
    """The journal, the CSV export and the command line keep the words they had."""
    assert moderation.FLOOD_UNKNOWN_AUTHOR.say(posts=5, seconds="60") == (
        "flood: over 5 posts in 60 s from one author"
    )
    assert replay.PLAYING.say(file="demo.jsonl.gz", speed="10", loop=2) == (
        "demo.jsonl.gz at 10×, loop 2"
    )
    assert (
        replay.PLAYING_AT_MAX.say(file="demo.jsonl.gz", loop=1)
        == "demo.jsonl.gz at max speed, loop 1"
    )
    assert replay.POSITION.say(loop=1, line="1,234") == "loop 1, line 1,234"
    assert camera.LIVE.say(label="camera 0", width=1280, height=720, fps="30") == (
        "camera 0 1280x720 @ 30 fps"
    )
    assert SUPPORT_BURST.say(supporters=5, days=7) == (
        "support burst: 5 supporters have accounts under 7 days old (not counted)"
    )
    assert OPERATOR_REJECTED.say() == "rejected by operator"
