"""tools/make_demo_event.py writes a realistic, well-formed, deterministic X stream recording.

The file is read back with the stdlib ``json`` module only, line by line, as a replay
source would read it; nothing here trusts the generator's own bookkeeping except its
summary, which is checked against the file.
"""

from __future__ import annotations

import gzip
import importlib.util
import itertools
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "tools" / "make_demo_event.py"
POSTS = 3000
SEED = 7
TWITTER_EPOCH_MS = 1_288_834_974_657


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_demo_event", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve their module by name
    spec.loader.exec_module(module)
    return module


mde = _load_script()
Json = dict[str, Any]


@dataclass
class Recording:
    path: Path
    raw: bytes
    lines: list[str]
    summary: Any
    problems: list[str]  # per line: "" when the line is a valid post message
    posts: list[Json]  # the valid post messages, in file order


def _problem(line: str) -> str:
    """Why a line is not a usable post message ("" when it is)."""
    try:
        msg = json.loads(line)
    except json.JSONDecodeError:
        return "not json"
    data = msg.get("data")
    if not isinstance(data, dict):
        return "no data"
    if not isinstance(data.get("id"), str):
        return "no id"
    if not isinstance(data.get("text"), str):
        return "text not a string"
    coords = data.get("geo", {}).get("coordinates")
    if coords is not None:
        lon, lat = coords["coordinates"]
        if not all(isinstance(v, int | float) for v in (lon, lat)):
            return "coordinate not a number"
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            return "coordinate out of range"
        places = {p["id"]: p for p in msg["includes"].get("places", [])}
        west, south, east, north = places[data["geo"]["place_id"]]["geo"]["bbox"]
        slack = 0.01  # a point of interest has a zero-size box
        if not (west - slack <= lon <= east + slack and south - slack <= lat <= north + slack):
            return "coordinates outside their place"
    return ""


def _read(path: Path) -> tuple[bytes, list[str]]:
    raw = path.read_bytes()
    text = gzip.decompress(raw).decode("utf-8")
    assert text.endswith("\n")
    return raw, text[:-1].split("\n")


@pytest.fixture(scope="module")
def rec(tmp_path_factory: pytest.TempPathFactory) -> Recording:
    path = tmp_path_factory.mktemp("event") / "event.jsonl.gz"
    summary = mde.generate_event(path, seed=SEED, posts=POSTS)
    raw, lines = _read(path)
    problems = [_problem(line) for line in lines]
    posts = [json.loads(line) for line, p in zip(lines, problems, strict=True) if not p]
    return Recording(path, raw, lines, summary, problems, posts)


def _users(msg: Json) -> dict[str, Json]:
    return {u["id"]: u for u in msg["includes"]["users"]}


def _author(msg: Json) -> Json:
    return _users(msg)[msg["data"]["author_id"]]


def _ts(created_at: str) -> float:
    return datetime.fromisoformat(created_at.replace("Z", "+00:00")).timestamp()


def _share(count: int, total: int) -> float:
    return 100.0 * count / total


# -- the file ----------------------------------------------------------------------


def test_line_count_matches_the_summary(rec: Recording) -> None:
    assert rec.summary.posts == POSTS
    assert len(rec.lines) == rec.summary.lines == POSTS + rec.summary.malformed
    assert len(rec.posts) == POSTS
    assert rec.summary.size == len(rec.raw)
    assert rec.raw[4:8] == b"\0\0\0\0", "gzip mtime must be 0 for reproducible bytes"


def test_a_few_malformed_lines_and_the_rest_parse(rec: Recording) -> None:
    bad = [p for p in rec.problems if p]
    assert len(bad) == rec.summary.malformed
    assert 5 <= len(bad) <= max(8, len(rec.lines) // 1000)
    kinds = Counter(bad)
    assert kinds["not json"] >= 1, "a truncated line"
    assert {"no data", "no id", "text not a string"} <= set(kinds)
    assert {"coordinate out of range", "coordinate not a number"} <= set(kinds)
    assert "coordinates outside their place" in kinds, "swapped latitude and longitude"
    for line, problem in zip(rec.lines, rec.problems, strict=True):
        if problem != "not json":
            json.loads(line)


def test_same_seed_same_bytes_other_seed_other_bytes(rec: Recording, tmp_path: Path) -> None:
    again = tmp_path / "again.jsonl.gz"
    mde.generate_event(again, seed=SEED, posts=POSTS)
    assert again.read_bytes() == rec.raw
    other = tmp_path / "other.jsonl.gz"
    mde.generate_event(other, seed=SEED + 1, posts=POSTS)
    assert other.read_bytes() != rec.raw


def test_ordered_by_time_with_ids_from_the_time(rec: Recording) -> None:
    stamps: list[str] = []
    ids: list[int] = []
    for line, problem in zip(rec.lines, rec.problems, strict=True):
        if problem == "not json":
            continue
        data = json.loads(line).get("data") or {}
        if "created_at" in data:
            stamps.append(data["created_at"])
        if "id" in data:
            ids.append(int(data["id"]))
            ms = (int(data["id"]) >> 22) + TWITTER_EPOCH_MS
            assert abs(ms / 1000 - _ts(data["created_at"])) < 1.0, data["id"]
    assert stamps == sorted(stamps)
    assert all(a < b for a, b in itertools.pairwise(ids)), "ids strictly increase"
    assert stamps[0].startswith("2026-11-24T17:1") and stamps[-1] < "2026-11-24T19:30:01"


# -- the messages ------------------------------------------------------------------


def test_every_post_has_the_stream_shape(rec: Recording) -> None:
    tags: Counter[str] = Counter()
    for msg in rec.posts:
        data, includes = msg["data"], msg["includes"]
        assert set(msg) == {"data", "includes", "matching_rules"}
        assert data["author_id"] in _users(msg), "author expanded in includes.users"
        assert data["edit_history_tweet_ids"] == [data["id"]]
        assert data["conversation_id"].isdigit() and data["lang"]
        assert set(data["public_metrics"]) == {
            "retweet_count",
            "reply_count",
            "like_count",
            "quote_count",
            "impression_count",
        }
        assert data.get("entities", True), "no empty entities object"
        assert len(data["text"]) <= 280
        place_id = data.get("geo", {}).get("place_id")
        places = [p["id"] for p in includes.get("places", [])]
        assert places == ([place_id] if place_id else []), "places only with a place_id"
        rules = msg["matching_rules"]
        assert rules and {r["tag"] for r in rules} <= {"askblueroom", "guest"}
        tags.update(r["tag"] for r in rules)
        for user in includes["users"]:
            assert re.fullmatch(r"[A-Za-z0-9_]{1,15}", user["username"])
            assert {"id", "username", "name", "created_at", "verified", "public_metrics"} <= set(
                user
            )
            assert user.get("location", "x"), "no empty location key: X omits it"
    assert tags["askblueroom"] > 0.8 * len(rec.posts) and tags["guest"] > 0


def test_long_posts_carry_a_note_tweet(rec: Recording) -> None:
    notes = [m["data"] for m in rec.posts if "note_tweet" in m["data"]]
    assert len(notes) >= 5
    for data in notes:
        note = data["note_tweet"]["text"]
        assert 280 < len(note) <= 4000
        assert data["text"].endswith("…") and len(data["text"]) <= 280
        assert note.startswith(data["text"][:-1].rstrip())
    assert max(len(d["note_tweet"]["text"]) for d in notes) > 1500


def test_referenced_originals_are_included(rec: Recording) -> None:
    kinds: Counter[str] = Counter()
    for msg in rec.posts:
        data = msg["data"]
        included = {t["id"]: t for t in msg["includes"].get("tweets", [])}
        users = _users(msg)
        for ref in data.get("referenced_tweets", []):
            kinds[ref["type"]] += 1
            original = included[ref["id"]]
            assert original["author_id"] in users, "the original's author is in users"
            assert original["created_at"] <= data["created_at"]
            if ref["type"] == "retweeted":
                handle = users[original["author_id"]]["username"]
                head = f"RT @{handle}: "
                assert data["text"].startswith(head)
                assert original["text"].startswith(data["text"][len(head) :].rstrip("…"))
                assert data["lang"] == original["lang"]
            if ref["type"] == "replied_to":
                assert data["in_reply_to_user_id"] == original["author_id"]
    n = len(rec.posts)
    assert 25 <= _share(kinds["retweeted"], n) <= 42
    assert kinds["replied_to"] > 0.04 * n and kinds["quoted"] > 0.01 * n


def test_entity_offsets_match_the_text(rec: Recording) -> None:
    checked = 0

    def check(text: str, entities: Json, users: dict[str, Json] | None) -> None:
        """Offsets of every entity; ``users``: the mentioned users must be expanded."""
        nonlocal checked
        names = {u["username"].lower(): u["id"] for u in (users or {}).values()}
        for tag in entities.get("hashtags", []):
            assert text[tag["start"] : tag["end"]] == "#" + tag["tag"], text
            checked += 1
        for mention in entities.get("mentions", []):
            assert text[mention["start"] : mention["end"]] == "@" + mention["username"], text
            if users is not None:
                assert names[mention["username"].lower()] == mention["id"]
            checked += 1
        for url in entities.get("urls", []):
            assert text[url["start"] : url["end"]] == url["url"]
            assert url["expanded_url"].startswith("https://")
            checked += 1
        # Every #AskBlueRoom in the text is an entity, whatever its case.
        found = len(re.findall(r"(?<![\w#&])#askblueroom(?!\w)", text, re.IGNORECASE))
        listed = sum(1 for t in entities.get("hashtags", []) if t["tag"].lower() == "askblueroom")
        assert found == listed, text

    for msg in rec.posts:
        users = _users(msg)
        data = msg["data"]
        check(data["text"], data.get("entities", {}), users)
        if "note_tweet" in data:
            check(data["note_tweet"]["text"], data["note_tweet"].get("entities", {}), None)
        for original in msg["includes"].get("tweets", []):
            check(original["text"], original.get("entities", {}), None)
    assert checked > 2 * len(rec.posts)


# -- the content -------------------------------------------------------------------


def test_geo_shares_are_those_of_x(rec: Recording) -> None:
    n = len(rec.posts)
    coords = place = profile = 0
    countries: Counter[str] = Counter()
    types: Counter[str] = Counter()
    junk = set(mde.JUNK_LOCATIONS)
    for msg in rec.posts:
        geo = msg["data"].get("geo")
        if geo:
            place += 1
            coords += "coordinates" in geo
            (p,) = msg["includes"]["places"]
            countries[p["country_code"]] += 1
            types[p["place_type"]] += 1
            west, south, east, north = p["geo"]["bbox"]
            assert west <= east and south <= north
        else:
            location = _author(msg).get("location", "")
            profile += bool(location) and location not in junk
    assert 1.0 <= _share(coords, n) <= 3.5
    assert 27 <= _share(place, n) <= 37
    assert 34 <= _share(profile, n) <= 46
    assert countries["FR"] > 0.4 * place, "weighted toward France"
    assert len(countries) >= 15, "and the rest of the world"
    assert {"city", "admin", "country"} <= set(types)
    assert types["city"] > 0.7 * place


def test_languages(rec: Recording) -> None:
    langs = Counter(m["data"]["lang"] for m in rec.posts)
    n = len(rec.posts)
    assert 52 <= _share(langs["fr"], n) <= 68
    assert 26 <= _share(langs["en"], n) <= 40
    assert sum(1 for lang in ("es", "pt", "ar", "de", "it") if langs[lang]) >= 4
    others = sum(langs[lang] for lang in ("es", "pt", "ar", "de", "it"))
    assert 1.5 <= _share(others, n) <= 10


def test_build_up_spike_and_tail(rec: Recording) -> None:
    per_minute: Counter[str] = Counter(m["data"]["created_at"][11:16] for m in rec.posts)

    def rate(first: str, last: str) -> float:
        minutes = [k for k in per_minute if first <= k <= last]
        span = int(last[3:]) - int(first[3:]) + 1 + 60 * (int(last[:2]) - int(first[:2]))
        return sum(per_minute[k] for k in minutes) / span

    early, late_build = rate("17:18", "17:22"), rate("17:50", "17:54")
    spike, tail = rate("18:00", "18:03"), rate("19:22", "19:29")
    assert late_build > 2 * early, "anticipation grows"
    assert spike > 5 * early and spike > 1.5 * late_build, "spike at 18:00"
    assert tail < spike / 3


def test_room_answers_every_four_to_five_minutes(rec: Recording) -> None:
    answers = [
        m
        for m in rec.posts
        if _author(m)["username"] == "BlueRoomFR" and m["data"]["text"].startswith("Léa répond à @")
    ]
    assert len(answers) >= 10
    times = [_ts(m["data"]["created_at"]) for m in answers]
    start = _ts("2026-11-24T18:00:00.000Z")
    assert start < times[0] and times[-1] < start + 3600
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert all(200 <= g <= 340 for g in gaps), gaps
    retweeted = Counter(
        ref["id"]
        for m in rec.posts
        for ref in m["data"].get("referenced_tweets", [])
        if ref["type"] == "retweeted"
    )
    for msg in answers:
        data = msg["data"]
        (ref,) = data["referenced_tweets"]
        question = msg["includes"]["tweets"][0]
        asker = _users(msg)[question["author_id"]]["username"]
        assert ref["type"] == "replied_to" and data["text"].startswith(f"Léa répond à @{asker} ")
        assert retweeted[data["id"]] >= 5, "each answer sets off a burst of retweets"


def test_questions_repeat_and_gather_support(rec: Recording) -> None:
    def flat(text: str) -> str:
        decomposed = unicodedata.normalize("NFD", text.lower())
        return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")

    originals = [m["data"]["text"] for m in rec.posts if "referenced_tweets" not in m["data"]]
    album = [t for t in originals if "album" in flat(t) or "quand" in flat(t)]
    assert len(set(album)) >= 20, "the same question, rephrased by many fans"
    without_mark = [t for t in originals if re.search(r"\b(est-ce que|pourquoi|what|how)\b", t)]
    assert any("?" not in t for t in without_mark), "questions without a question mark"
    retweets = Counter(
        (m["includes"]["tweets"][0]["author_id"], m["includes"]["tweets"][0]["text"])
        for m in rec.posts
        if m["data"].get("referenced_tweets", [{}])[0].get("type") == "retweeted"
    )
    fans = [n for (_, text), n in retweets.items() if "?" in text and "Léa répond" not in text]
    # Spread evenly, the ~1,500 retweets would give each question two or three at most.
    assert max(fans) >= 6, "a popular fan question is retweeted by many"


LEET = str.maketrans(
    {"4": "a", "@": "a", "3": "e", "1": "i", "!": "i", "0": "o", "$": "s", "7": "t", "v": "u"}
)
HOMOGLYPHS = str.maketrans({"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "υ": "u"})
# Spelled with single letters: repeated letters are collapsed before matching.
PROFANITY = (
    "merde", "putain", "bordel", "conard", "conase", "petase", "salope", "abruti", "debile",
    "encule", "fuck", "shit", "bitch", "idiot", "loser", "ashole", "dumbas", "clown",
)  # fmt: skip
# A star may stand for a vowel: f*ck, m*rde, c*nard.
PROFANITY_RE = re.compile(
    "|".join("".join(f"[{c}*]" if c in "aeiou" else c for c in w) for w in PROFANITY)
)


def _collapse(text: str) -> str:
    return re.sub(r"(.)\1+", r"\1", text)


def _flatten(text: str) -> str:
    """Undo the usual disguises: case, accents, leet, homoglyphs, spacing, repeats."""
    text = unicodedata.normalize("NFKD", text.lower().translate(HOMOGLYPHS))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn").translate(LEET)
    return _collapse(re.sub(r"[\s.]", "", text))


def test_material_for_moderation(rec: Recording) -> None:
    texts = [m["data"]["text"] for m in rec.posts]
    # Profanity, some of it disguised so that a plain word list misses it.
    plain = [t for t in texts if any(w in _collapse(t.lower()) for w in PROFANITY)]
    disguised = [t for t in texts if PROFANITY_RE.search(_flatten(t)) and t not in plain]
    assert len(plain) >= 5
    assert len(disguised) >= 5, "obfuscated profanity (leet, stars, spaces, homoglyphs)"
    spam = [t for t in texts if "https://t.co/" in t and re.search(r"iPhone|BTC|crypto", t, re.I)]
    assert len(spam) >= 10
    assert any(len(re.findall(r"@\w+", t)) >= 8 for t in texts), "@-spam"
    assert any(re.fullmatch(r"(#\w+\s*){5,}", t) for t in texts), "hashtag bomb"
    # One author floods: dozens of posts within a minute.
    by_author: dict[str, list[float]] = {}
    for m in rec.posts:
        by_author.setdefault(m["data"]["author_id"], []).append(_ts(m["data"]["created_at"]))
    burst = 0
    for times in by_author.values():
        j = 0
        for i, t in enumerate(times):
            while t - times[j] > 60:
                j += 1
            burst = max(burst, i - j + 1)
    assert burst >= 24
    fresh = [m for m in rec.posts if _author(m)["created_at"].startswith("2026-11-24")]
    assert len(fresh) >= 30 and len({m["data"]["author_id"] for m in fresh}) >= 15


def test_hostile_but_valid_texts(rec: Recording) -> None:
    texts = [m["data"]["text"] for m in rec.posts]
    joined = "\n".join(texts)
    assert "<img src=x onerror=alert(1)>" in joined and "<a href=" in joined and "<b>" in joined
    assert re.search(r"[\u0600-\u06ff]", joined) and re.search(r"[\u0590-\u05ff]", joined)
    assert re.search(r"[\x00-\x08\x1b]", joined), "control characters"
    assert "\u202e" in joined, "right-to-left override"
    assert any(sum(unicodedata.category(c) == "Mn" for c in t) > 30 for t in texts), "zalgo"
    assert any(len(re.findall(r"[\U0001F300-\U0001FAFF]", t)) >= 80 for t in texts), "emoji run"


def test_users_look_like_a_crowd(rec: Recording) -> None:
    users: dict[str, Json] = {}
    for msg in rec.posts:
        users.update(_users(msg))
    authors = {m["data"]["author_id"] for m in rec.posts}
    assert len(authors) >= 600
    followers = sorted(u["public_metrics"]["followers_count"] for u in users.values())
    assert followers[-1] > 1000 * followers[len(followers) // 2], "a few big accounts"
    years = {u["created_at"][:4] for u in users.values()}
    assert len(years) >= 12
    assert sum(1 for u in users.values() if re.search(r"[^\x00-\u024f]", u["name"])) > 50
    posts_per_author = sorted(Counter(m["data"]["author_id"] for m in rec.posts).values())
    assert posts_per_author[-1] > 15 * posts_per_author[len(posts_per_author) // 2]
