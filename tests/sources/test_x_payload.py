"""The X API v2 parser: real shapes in, flat tweets out; anything else a reason, never a crash."""

from __future__ import annotations

import json
from typing import Any

import pytest

from blueroom.sources.x_payload import MAX_TEXT_CHARS, PayloadParser
from tests.conftest import post


def parse(message: dict[str, Any] | str | bytes) -> Any:
    raw = message if isinstance(message, str | bytes) else json.dumps(message)
    return PayloadParser().parse(raw)


def test_a_full_stream_message_becomes_one_flat_tweet() -> None:
    message = post(
        "1862000000000000001",
        "@leamarchand pourquoi Paris ? #AskBlueRoom https://t.co/x",
        lang="fr",
        conversation_id="1862000000000000001",
        public_metrics={"retweet_count": 3, "reply_count": 1, "like_count": 12, "quote_count": 0},
        entities={
            "hashtags": [{"start": 30, "end": 42, "tag": "AskBlueRoom"}],
            "mentions": [{"start": 0, "end": 12, "username": "leamarchand", "id": "7"}],
            "urls": [
                {
                    "start": 43,
                    "end": 56,
                    "url": "https://t.co/x",
                    "expanded_url": "https://ex.am/ple",
                }
            ],
        },
        geo={"place_id": "p1", "coordinates": {"type": "Point", "coordinates": [2.35, 48.85]}},
        referenced_tweets=[{"type": "replied_to", "id": "5"}],
        in_reply_to_user_id="7",
        author={
            "id": "42",
            "username": "fan42",
            "name": "Fan 42",
            "location": "Lyon 🇫🇷",
            "public_metrics": {"followers_count": 321},
            "verified": False,
        },
    )
    message["includes"]["places"] = [
        {
            "id": "p1",
            "full_name": "Paris, France",
            "country_code": "FR",
            "place_type": "city",
            "geo": {"type": "Feature", "bbox": [2.22, 48.81, 2.47, 48.9], "properties": {}},
        }
    ]
    result = parse(message)
    assert result.problems == []
    (tweet,) = result.tweets
    assert tweet.id == "1862000000000000001"
    assert tweet.author.username == "fan42" and tweet.author.followers == 321
    assert tweet.author.location == "Lyon 🇫🇷"
    assert tweet.lang == "fr"
    assert tweet.metrics.likes == 12 and tweet.metrics.retweets == 3
    assert tweet.hashtags == ("AskBlueRoom",)
    assert tweet.mentions == ("leamarchand",)
    assert tweet.urls == ("https://ex.am/ple",)
    assert (tweet.coordinates.lon, tweet.coordinates.lat) == (2.35, 48.85)
    assert tweet.place.full_name == "Paris, France" and tweet.place.country_code == "FR"
    assert tweet.place.centre.lat == pytest.approx(48.855)
    assert tweet.reply_to == "5" and tweet.reply_to_user == "7"
    assert tweet.matching_tags == ("askblueroom",)
    assert tweet.created_at == pytest.approx(1795543200.0)


def test_posts_in_a_row_keep_their_own_times() -> None:
    """One parser reads a stream: a time shared with the post before, a new time, an
    unreadable one and none at all each give that post's own time."""
    parser = PayloadParser()
    times = [
        "2026-11-24T18:00:00.000Z",
        "2026-11-24T18:00:00.000Z",
        "2026-11-24T18:00:01.000Z",
        "yesterday",
        None,
        "2026-11-24T18:00:01.000Z",
        "2026-11-24T19:00:00+01:00",
    ]
    got = []
    for n, when in enumerate(times):
        message = post(str(n + 1), "hello")
        if when is None:
            del message["data"]["created_at"]
        else:
            message["data"]["created_at"] = when
        (tweet,) = parser.parse(json.dumps(message)).tweets
        got.append(tweet.created_at)
    start = 1795543200.0
    assert got == [start, start, start + 1, 0.0, 0.0, start + 1, start]


def test_a_post_with_nothing_but_id_and_text_is_accepted() -> None:
    result = parse({"data": {"id": "1", "text": "hello", "edit_history_tweet_ids": ["1"]}})
    assert result.problems == []
    assert result.tweets[0].text == "hello"
    assert result.tweets[0].author is None and result.tweets[0].location is None


def test_new_post_field_names_are_read_like_the_old_ones() -> None:
    message = {
        "data": {
            "id": "2",
            "text": "RT @a: short…",
            "referenced_posts": [{"type": "retweeted", "id": "1"}],
            "note_post": {"text": "the whole long text"},
        }
    }
    (tweet,) = parse(message).tweets
    assert tweet.retweet_of == "1"
    assert tweet.text == "the whole long text"


def test_a_search_page_gives_every_post() -> None:
    page = {
        "data": [{"id": "1", "text": "a"}, {"id": "2", "text": "b"}],
        "meta": {"result_count": 2},
    }
    assert [t.id for t in parse(page).tweets] == ["1", "2"]


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ('{"data": {"id": ', "not valid JSON"),
        ("not json at all", "not valid JSON"),
        ("[1, 2, 3]", "not an X post"),
        ('{"data": {"id": "1", "text": 42}}', "not an X post"),
        ('{"data": {"text": "no id"}}', "not an X post"),
        ('{"data": {"id": "", "text": "empty id"}}', "post id is empty"),
        ('{"includes": {}}', "no post in the message"),
        (
            '{"errors": [{"title": "ConnectionException", "detail": "too many connections"}]}',
            "too many connections",
        ),
        (b'{"data": {"id": "1", "text": "\xff\xfe"}}', "not valid JSON"),
    ],
)
def test_malformed_payloads_are_reported_with_a_reason(raw: str | bytes, reason: str) -> None:
    result = parse(raw)
    assert result.tweets == []
    (problem,) = result.problems
    assert reason in problem.reason
    assert problem.dropped
    assert len(problem.excerpt) <= 160


@pytest.mark.parametrize(
    ("coordinates", "why"),
    [
        ([2.35, 123.0], "swapped"),
        ([500.0, 10.0], "out of range"),
        (["NaN", 1.0], "not two finite numbers"),
        ([1.0], "not two finite numbers"),
        ([1.0, 2.0, 3.0], "not two finite numbers"),
    ],
)
def test_impossible_coordinates_are_dropped_and_counted_but_the_post_is_kept(
    coordinates: list[Any], why: str
) -> None:
    message = {
        "data": {
            "id": "1",
            "text": "hi",
            "geo": {"coordinates": {"type": "Point", "coordinates": coordinates}},
        }
    }
    result = parse(message)
    (tweet,) = result.tweets
    assert tweet.coordinates is None
    (problem,) = result.problems
    assert why in problem.reason and not problem.dropped


def test_a_place_with_a_broken_bounding_box_keeps_its_name_but_no_position() -> None:
    message = {
        "data": {"id": "1", "text": "hi", "geo": {"place_id": "p"}},
        "includes": {
            "places": [{"id": "p", "full_name": "Nowhere", "geo": {"bbox": [1, 2, "x", 4]}}]
        },
    }
    (tweet,) = parse(message).tweets
    assert tweet.place.full_name == "Nowhere"
    assert tweet.location is None


def test_hostile_text_is_cleaned_of_control_characters_and_capped_but_otherwise_kept() -> None:
    hostile = "<img src=x onerror=alert(1)>\x00\x07bell\u202eRTL\r\nnext 🎉 مرحبا Z̴̡a̷l̸g̵o"
    (tweet,) = parse({"data": {"id": "1", "text": hostile}}).tweets
    assert "\x00" not in tweet.text and "\x07" not in tweet.text and "\r" not in tweet.text
    assert tweet.text.startswith("<img src=x onerror=alert(1)>")
    assert "🎉 مرحبا" in tweet.text and "\u202e" in tweet.text
    (long,) = parse({"data": {"id": "2", "text": "x" * 100_000}}).tweets
    assert len(long.text) == MAX_TEXT_CHARS and long.text.endswith("…")


def test_an_author_missing_from_includes_still_gives_the_author_id() -> None:
    (tweet,) = parse({"data": {"id": "1", "text": "hi", "author_id": "77"}}).tweets
    assert tweet.author.id == "77" and tweet.author.username == ""


def test_a_broken_included_user_loses_only_the_author_details() -> None:
    message = post("9", "what next?", author={"id": "42", "username": 7})
    result = parse(message)
    assert [t.id for t in result.tweets] == ["9"]
    assert result.tweets[0].author is not None and result.tweets[0].author.id == "42"
    assert result.tweets[0].author.username == ""
    (problem,) = result.problems
    assert "included user" in problem.reason and not problem.dropped


def test_authors_and_places_seen_before_come_back_identical_from_the_cache() -> None:
    parser = PayloadParser()
    message = post("1", "why?", author={"id": "42", "username": "fan", "location": "Lyon"})
    message["data"]["geo"] = {"place_id": "p1"}
    message["includes"]["places"] = [{"id": "p1", "full_name": "Lyon, France"}]
    first = parser.parse(json.dumps(message)).tweets[0]
    message["data"]["id"] = "2"
    second = parser.parse(json.dumps(message)).tweets[0]
    assert second.author is first.author and second.place is first.place
    message["includes"]["users"][0]["location"] = "Paris"  # a fan who moved: re-read
    message["data"]["id"] = "3"
    third = parser.parse(json.dumps(message)).tweets[0]
    assert third.author is not None and third.author.location == "Paris"


@pytest.mark.parametrize(
    ("sent", "meant"),
    [
        ("Q&amp;A with Léa", "Q&A with Léa"),
        ("is 3 &lt; 5 &gt; 2?", "is 3 < 5 > 2?"),
        ("&lt;b&gt;bold&lt;/b&gt; &amp; proud", "<b>bold</b> & proud"),
        ("I typed &amp;lt; myself", "I typed &lt; myself"),  # unescaped once, not twice
        ("&amp;amp;", "&amp;"),
        ("caf&eacute; &quot;x&quot; &#38; &AMP;", "caf&eacute; &quot;x&quot; &#38; &AMP;"),
        ("a bare & stays, so does &amp", "a bare & stays, so does &amp"),
        ("no entity at all", "no entity at all"),
    ],
)
def test_the_three_entities_x_escapes_are_unescaped_exactly_once(sent: str, meant: str) -> None:
    (tweet,) = parse({"data": {"id": "1", "text": sent}}).tweets
    assert tweet.text == meant


def test_a_long_post_author_and_place_are_unescaped_too() -> None:
    message = post(
        "1",
        "Q&amp;A short…",
        note_tweet={"text": "Q&amp;A: the whole &lt;long&gt; text"},
        geo={"place_id": "p1"},
        author={
            "id": "42",
            "username": "fan42",
            "name": "Tom &amp; Jerry &lt;3",
            "location": "Paris &gt; Lyon",
        },
    )
    message["includes"]["places"] = [
        {"id": "p1", "full_name": "Saint-Jean-d&amp;Angély, France", "country": "A &amp; B"}
    ]
    (tweet,) = parse(message).tweets
    assert tweet.text == "Q&A: the whole <long> text"
    assert tweet.author.name == "Tom & Jerry <3"
    assert tweet.author.location == "Paris > Lyon"
    assert tweet.place.full_name == "Saint-Jean-d&Angély, France"
    assert tweet.place.country == "A & B"
    message["data"]["note_post"] = message["data"].pop("note_tweet")
    (tweet,) = parse(message).tweets
    assert tweet.text == "Q&A: the whole <long> text"


def test_the_cap_applies_to_the_unescaped_text() -> None:
    (tweet,) = parse({"data": {"id": "1", "text": "&amp;" * MAX_TEXT_CHARS}}).tweets
    assert tweet.text == "&" * MAX_TEXT_CHARS


def test_a_lookup_page_with_partial_errors_keeps_its_posts_and_counts_the_errors() -> None:
    # As X documents a lookup of several ids where some are gone: data and errors side by side.
    page = {
        "data": [{"id": "1", "text": "kept", "edit_history_tweet_ids": ["1"]}],
        "errors": [
            {
                "value": "2",
                "detail": "Could not find tweet with ids: [2].",
                "title": "Not Found Error",
                "resource_type": "tweet",
                "parameter": "ids",
                "resource_id": "2",
                "type": "https://api.twitter.com/2/problems/resource-not-found",
            }
        ],
    }
    parsed = parse(page)
    assert [t.id for t in parsed.tweets] == ["1"]
    assert parsed.api_errors == 1
    (problem,) = parsed.problems
    assert not problem.dropped and "Could not find tweet with ids: [2]." in problem.reason


def test_an_empty_search_page_is_nothing_not_a_problem() -> None:
    parsed = parse({"meta": {"result_count": 0}})
    assert parsed.tweets == [] and parsed.problems == []


def test_an_edited_post_names_the_versions_it_replaces_in_either_field_name() -> None:
    (old_name,) = parse(post("12", "v2", edit_history_tweet_ids=["10", "12"])).tweets
    (new_name,) = parse(
        {"data": {"id": "13", "text": "v3", "edit_history_post_ids": ["10", "12", "13"]}}
    ).tweets
    (unedited,) = parse(post("14", "v1")).tweets
    assert old_name.replaces == ("10",)
    assert new_name.replaces == ("10", "12")
    assert unedited.replaces == ()


def test_a_long_post_under_the_new_name_wins_over_its_cut_text() -> None:
    message = {"data": {"id": "1", "text": "cut…", "note_post": {"text": "the whole &amp; text"}}}
    (tweet,) = parse(message).tweets
    assert tweet.text == "the whole & text"


def test_a_compliance_deletion_gives_the_id_deleted_not_a_problem() -> None:
    line = {
        "data": {
            "delete": {
                "tweet": {"id": "1500", "author_id": "9"},
                "event_at": "2026-11-24T18:00:00.000Z",
            }
        }
    }
    parsed = parse(line)
    assert parsed.deleted == ["1500"] and parsed.problems == [] and parsed.tweets == []


def test_entities_in_names_descriptions_places_are_unescaped_once() -> None:
    message = post(
        "1",
        "a &lt;b&gt; &amp;amp;",
        author={"id": "9", "username": "x", "name": "Tom &amp; Jerry", "location": "&lt;Paris&gt;"},
    )
    (tweet,) = parse(message).tweets
    assert tweet.text == "a <b> &amp;"
    assert tweet.author is not None
    assert (tweet.author.name, tweet.author.location) == ("Tom & Jerry", "<Paris>")
