"""The real tweepy client against HTTP exchanges written from X's API documentation
(docs.x.com: filtered stream rules, recent search, the rate-limit headers; no exchange
could be recorded here: no network), replayed with ``responses``."""

from __future__ import annotations

import json

import pytest
import responses

from blueroom.settings import EventSettings
from blueroom.x.api import XHttpError, XReader
from blueroom.x.reading import CredentialsMissing, bearer_token, search_query, stream_rules

RULES_URL = "https://api.twitter.com/2/tweets/search/stream/rules"
RECENT_URL = "https://api.twitter.com/2/tweets/search/recent"
EVENT = EventSettings(hashtag="#AskGuetta", guest_handle="@davidguetta", room_handle="@BlueRoomFR")


@responses.activate
def test_rules_are_synced_tagged_and_a_rule_without_tag_is_listed_not_removed() -> None:
    # GET rules: the documented answer, one rule of ours and one left without a tag.
    responses.get(
        RULES_URL,
        json={
            "data": [
                {"id": "1", "value": "#AskGuetta", "tag": "blueroom:hashtag:askguetta"},
                {"id": "2", "value": "cat has:images"},
            ],
            "meta": {"sent": "2026-12-04T10:00:00.000Z", "result_count": 2},
        },
    )
    added = responses.post(
        RULES_URL,
        status=201,
        json={
            "data": [
                {"value": "@davidguetta OR from:davidguetta", "tag": "blueroom:guest:davidguetta", "id": "3"},
                {"value": "@BlueRoomFR OR from:BlueRoomFR", "tag": "blueroom:room:blueroomfr", "id": "4"},
            ],
            "meta": {"sent": "2026-12-04T10:00:01.000Z",
                     "summary": {"created": 2, "not_created": 0, "valid": 2, "invalid": 0}},
        },
    )  # fmt: skip
    reader = XReader("token", "")
    report = reader.sync_rules(stream_rules(EVENT), remove_foreign=False)
    assert report.kept == 1 and len(report.added) == 2
    assert report.foreign == ["cat has:images [no tag]"]
    sent = json.loads(added.calls[0].request.body)
    assert all(rule["tag"].startswith("blueroom:") for rule in sent["add"])
    assert "delete" not in sent
    assert responses.calls[0].request.headers["Authorization"] == "Bearer token"


@responses.activate
def test_a_search_page_keeps_its_bytes_and_reads_the_rate_limit_headers() -> None:
    body = (
        b'{"data":[{"id":"20","text":"Q? #AskGuetta","edit_history_tweet_ids":["20"]}],'
        b'"meta":{"newest_id":"20","oldest_id":"20","result_count":1}}'
    )
    responses.get(
        RECENT_URL,
        body=body,
        headers={"x-rate-limit-limit": "450", "x-rate-limit-remaining": "449",
                 "x-rate-limit-reset": "1764842400"},
    )  # fmt: skip
    reader = XReader("token", "")
    raw, _ = reader.search_page(search_query(EVENT), since_id="10")
    assert raw == body
    query = responses.calls[0].request.params
    assert query["since_id"] == "10" and query["max_results"] == "100"
    assert (
        query["query"]
        == "#AskGuetta OR (@davidguetta OR from:davidguetta) OR (@BlueRoomFR OR from:BlueRoomFR)"
    )
    budget = reader.search_budget
    assert (budget.limit, budget.remaining, budget.reset_at) == (450, 449, 1764842400.0)


@responses.activate
def test_a_429_on_search_becomes_an_error_with_its_reset() -> None:
    responses.get(
        RECENT_URL,
        status=429,
        json={"title": "Too Many Requests", "detail": "Too Many Requests", "type": "about:blank", "status": 429},
        headers={"x-rate-limit-limit": "450", "x-rate-limit-remaining": "0", "x-rate-limit-reset": "1764842400"},
    )  # fmt: skip
    reader = XReader("token", "")
    with pytest.raises(XHttpError) as raised:
        reader.search_page("#AskGuetta", None)
    assert raised.value.status == 429 and raised.value.reset_at == 1764842400.0
    assert reader.search_budget.remaining == 0


def test_the_bearer_token_comes_from_the_environment_or_one_clear_line() -> None:
    assert bearer_token({"BLUEROOM_X_BEARER_TOKEN": " abc \n"}).reveal() == "abc"
    with pytest.raises(CredentialsMissing, match="set BLUEROOM_X_BEARER_TOKEN"):
        bearer_token({})
