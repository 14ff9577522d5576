"""What reading from X needs: the bearer token, the stream rules and search query built
from the event, the fields the room reads, and an HTTP session that never waits forever.

The token comes from the credentials (``x/credentials.py``: the environment's
``BLUEROOM_X_BEARER_TOKEN``, else the system keyring), held in a ``Secret``: it is never
logged, never written to a setting, a recording or the journal.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from blueroom.settings import EventSettings
from blueroom.x.credentials import BEARER, Secret, load_credentials

BEARER_VARIABLE = BEARER
TAG_PREFIX = "blueroom:"  # every rule the room makes is tagged so; others are foreign
MAX_QUERY_CHARS = 512  # recent search's query length on the basic access
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 30.0  # a request other than the stream (rules, search)

# What the room reads of a post: author, place and position, metrics, the posts it
# refers to, long text, edit history, entities, language, time.
EXPANSIONS = "author_id,geo.place_id,referenced_tweets.id,in_reply_to_user_id"
TWEET_FIELDS = (
    "author_id,created_at,lang,conversation_id,in_reply_to_user_id,public_metrics,"
    "entities,geo,referenced_tweets,note_tweet,edit_history_tweet_ids,edit_controls"
)
USER_FIELDS = "username,name,location,created_at,verified,public_metrics"
PLACE_FIELDS = "id,full_name,name,country,country_code,place_type,geo"
FIELDS: Mapping[str, str] = {
    "expansions": EXPANSIONS,
    "tweet.fields": TWEET_FIELDS,
    "user.fields": USER_FIELDS,
    "place.fields": PLACE_FIELDS,
}


class CredentialsMissing(Exception):
    """No credentials to read with; the message says what to set, in one line."""


def bearer_token(environ: Mapping[str, str] | None = None) -> Secret:
    """The app's bearer token for reading (the environment, else the keyring; only the
    given environment when one is given)."""
    found = (
        load_credentials() if environ is None else load_credentials(environ, store=None)
    ).bearer
    if found is None or not found.secret:
        raise CredentialsMissing(
            f"no X bearer token: set {BEARER_VARIABLE} (the app's bearer token from the"
            " X developer portal) or keep it in the system keyring to read from X"
        )
    return found.secret


@dataclass(frozen=True, slots=True)
class Rule:
    """A filtered-stream rule: what it matches and the tag that names it as the room's."""

    value: str
    tag: str


def _word(handle: str) -> str:
    return handle.strip().lstrip("@#").strip()


def stream_rules(event: EventSettings) -> list[Rule]:
    """The rules that bring the event's posts: its hashtag, posts to and from the guest,
    posts to and from the room's account. Every rule is tagged (tweepy 4.17 dies on a
    stream message whose rule has no tag; and a tag tells the room's rules apart)."""
    rules: list[Rule] = []
    tag = _word(event.hashtag)
    if tag:
        rules.append(Rule(f"#{tag}", f"{TAG_PREFIX}hashtag:{tag.lower()}"))
    for who, handle in (("guest", event.guest_handle), ("room", event.room_handle)):
        name = _word(handle)
        if name:
            rules.append(Rule(f"@{name} OR from:{name}", f"{TAG_PREFIX}{who}:{name.lower()}"))
    return rules


def search_query(event: EventSettings) -> str:
    """The same posts as the rules, as one recent-search query."""
    rules = stream_rules(event)
    query = " OR ".join(
        rule.value if " " not in rule.value else f"({rule.value})" for rule in rules
    )
    if len(query) > MAX_QUERY_CHARS:
        raise ValueError(f"the search query is {len(query)} characters, X takes {MAX_QUERY_CHARS}")
    return query


def is_ours(tag: str | None) -> bool:
    return bool(tag) and str(tag).startswith(TAG_PREFIX)
