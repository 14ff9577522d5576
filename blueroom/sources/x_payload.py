"""One parser for X API v2 payloads, shared by the replay and the live X source.

It reads a stream message (``{"data": {...}, "includes": {...}, "matching_rules": [...]}``)
or a search page (``"data": [...]``) and returns flat :class:`Tweet` records. Nothing
from outside can crash it: a payload it cannot use becomes a :class:`Problem` with a
reason; a post with one bad part (impossible coordinates) is kept without that part.
Both the historical ``*_tweet*`` field names and the newer ``*_post*`` ones are read.
X sends ``&``, ``<`` and ``>`` in text as HTML entities; they are unescaped here, once,
so every view gets the text as the author wrote it (and shows it as plain text).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import datetime

import msgspec

from blueroom.core.tweet import Author, GeoPoint, Metrics, Place, Tweet
from blueroom.sources.loops import LoopShift

MAX_TEXT_CHARS = 25_000
EXCERPT_CHARS = 160

# --- the wire format, as loose as the API is -------------------------------------
# Decoded from JSON, these never hold a reference cycle: untracked by the GC, which
# would otherwise walk thousands of them a second at full speed.


class _Hashtag(msgspec.Struct, gc=False):
    tag: str = ""


class _Mention(msgspec.Struct, gc=False):
    username: str = ""


class _Url(msgspec.Struct, gc=False):
    url: str = ""
    expanded_url: str | None = None


class _Entities(msgspec.Struct, gc=False):
    hashtags: list[_Hashtag] = []
    mentions: list[_Mention] = []
    urls: list[_Url] = []


class _Point(msgspec.Struct, gc=False):
    coordinates: list[float | str | None] = []
    type: str = "Point"


class _Geo(msgspec.Struct, gc=False):
    place_id: str | None = None
    coordinates: _Point | None = None


class _TweetMetrics(msgspec.Struct, gc=False):
    retweet_count: int = 0
    reply_count: int = 0
    like_count: int = 0
    quote_count: int = 0


class _Reference(msgspec.Struct, gc=False):
    type: str
    id: str


class _Note(msgspec.Struct, gc=False):
    text: str = ""


class _RawTweet(msgspec.Struct, gc=False):
    id: str
    text: str
    author_id: str | None = None
    created_at: str | None = None
    lang: str | None = None
    conversation_id: str | None = None
    in_reply_to_user_id: str | None = None
    public_metrics: _TweetMetrics | None = None
    entities: _Entities | None = None
    geo: _Geo | None = None
    referenced_tweets: list[_Reference] | None = None
    referenced_posts: list[_Reference] | None = None
    note_tweet: _Note | None = None
    note_post: _Note | None = None
    edit_history_tweet_ids: list[str] | None = None
    edit_history_post_ids: list[str] | None = None


class _UserMetrics(msgspec.Struct, gc=False):
    followers_count: int = 0


class _RawUser(msgspec.Struct, gc=False):
    id: str
    username: str = ""
    name: str = ""
    location: str | None = None
    created_at: str | None = None
    verified: bool | None = None
    public_metrics: _UserMetrics | None = None


class _PlaceGeo(msgspec.Struct, gc=False):
    bbox: list[float | str | None] | None = None


class _RawPlace(msgspec.Struct, gc=False):
    id: str
    full_name: str = ""
    name: str = ""
    country: str = ""
    country_code: str = ""
    place_type: str = ""
    geo: _PlaceGeo | None = None


class _Includes(msgspec.Struct, gc=False):
    # Kept raw: the same fans and places come back post after post, so each is decoded
    # once and then found by its bytes (users) or its id (places).
    users: list[msgspec.Raw] = []
    places: list[msgspec.Raw] = []


class _Rule(msgspec.Struct, gc=False):
    tag: str | None = None


class _ApiError(msgspec.Struct, gc=False):
    title: str = ""
    detail: str = ""
    resource_id: str = ""


class _Meta(msgspec.Struct, gc=False):
    result_count: int = 0
    newest_id: str | None = None
    next_token: str | None = None


class _Message(msgspec.Struct, gc=False):
    data: _RawTweet | list[_RawTweet] | None = None
    includes: _Includes | None = None
    matching_rules: list[_Rule] | None = None
    errors: list[_ApiError] | None = None
    meta: _Meta | None = None  # a search page's: an empty page has no "data"


class _DeletedRef(msgspec.Struct, gc=False):
    id: str


class _Deletion(msgspec.Struct, gc=False):
    tweet: _DeletedRef | None = None
    post: _DeletedRef | None = None


class _ComplianceData(msgspec.Struct, gc=False):
    delete: _Deletion


class _ComplianceMessage(msgspec.Struct, gc=False):
    """A compliance line: ``{"data": {"delete": {"tweet": {"id": ...}, "event_at": ...}}}``."""

    data: _ComplianceData


_decoder = msgspec.json.Decoder(_Message)
_compliance_decoder = msgspec.json.Decoder(_ComplianceMessage)
_user_decoder = msgspec.json.Decoder(_RawUser)
_place_decoder = msgspec.json.Decoder(_RawPlace)
MAX_CACHED_AUTHORS = 200_000
MAX_CACHED_PLACES = 100_000

# --- the result ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Problem:
    """Why (part of) a payload was not used. ``dropped``: the post itself was lost."""

    reason: str
    excerpt: str
    dropped: bool = True


@dataclass(slots=True)
class Parsed:
    tweets: list[Tweet] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)  # post ids X says were deleted
    api_errors: int = 0  # partial errors beside the posts of a page (each also a problem)


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """Remove control characters (keeping newlines and tabs) and cap the length."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    if len(text) > MAX_TEXT_CHARS:
        text = text[: MAX_TEXT_CHARS - 1] + "…"
    return text


def unescape(text: str) -> str:
    """The text with X's three entities (``&amp;`` ``&lt;`` ``&gt;``) unescaped, once.

    ``&amp;`` goes last, so ``&amp;lt;`` (someone who typed "&lt;") gives "&lt;"; X
    escapes nothing else, so "&eacute;" or "&quot;" were typed as they are.
    """
    if "&" not in text:
        return text
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def excerpt(raw: bytes | str) -> str:
    text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    text = clean_text(text[: EXCERPT_CHARS * 2]).replace("\n", " ")
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"


_MINUTES: dict[str, float] = {}  # "2026-11-24T18:05" → its epoch seconds (UTC)
_DIGITS = frozenset("0123456789")


def parse_time(value: str | None) -> float:
    """Epoch seconds of an ISO 8601 time, 0.0 when unknown or unreadable.

    The API's own form ("2026-11-24T18:05:09.000Z") takes a fast path: its minute is
    looked up, its seconds added (a post's time is read for every post).
    """
    if not value:
        return 0.0
    if (
        len(value) == 24
        and value[19] == "."
        and value[23] == "Z"
        and value[16] == ":"
        and _DIGITS.issuperset(value[17:19] + value[20:23])
        and value[17:19] < "60"
    ):
        minute = _MINUTES.get(value[:16])
        if minute is None:
            minute = _slow_time(value[:16] + ":00+00:00")
            if minute and len(_MINUTES) < 100_000:
                _MINUTES[value[:16]] = minute
        if minute:
            return minute + int(value[17:19]) + int(value[20:23]) / 1000.0
    return _slow_time(value)


def _slow_time(value: str) -> float:
    try:
        return datetime.fromisoformat(value).timestamp()
    except ValueError:
        return 0.0


def _finite(values: list[float | str | None]) -> list[float] | None:
    out: list[float] = []
    for value in values:
        if isinstance(value, str) or value is None:
            return None
        number = float(value)
        if not math.isfinite(number):
            return None
        out.append(number)
    return out


def check_point(values: list[float | str | None]) -> tuple[GeoPoint | None, str]:
    """A GeoJSON [lon, lat] pair, or None with the reason it is impossible."""
    numbers = _finite(values)
    if numbers is None or len(numbers) != 2:
        return None, f"coordinates are not two finite numbers: {values!r:.60}"
    lon, lat = numbers
    if -180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0:
        return GeoPoint(lon, lat), ""
    if -90.0 <= lon <= 90.0 and -180.0 <= lat <= 180.0:
        return None, f"coordinates look swapped (lat/lon): [{lon}, {lat}]"
    return None, f"coordinates out of range: [{lon}, {lat}]"


def check_bbox(
    values: list[float | str | None] | None,
) -> tuple[float, float, float, float] | None:
    if values is None:
        return None
    numbers = _finite(values)
    if numbers is None or len(numbers) != 4:
        return None
    west, south, east, north = numbers
    if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
        return None
    return (west, south, east, north)


class PayloadParser:
    """Stateless apart from its caches; one per source thread."""

    def __init__(self) -> None:
        self._place_cache: dict[str, Place] = {}
        self._author_cache: dict[bytes, Author] = {}
        # The API gives whole seconds: posts in a row often share their time string.
        self._last_time: tuple[str | None, float] = (None, 0.0)

    def parse(self, raw: bytes | str, shift: LoopShift | None = None) -> Parsed:
        """The posts of one stream message (or the reasons there are none).

        With ``shift``, posts are built as on that loop of a looping replay (the same
        as ``shift(post)``, without making each post twice).
        """
        parsed = Parsed()
        if not raw or (raw[:1].isspace() and not raw.strip()):
            return parsed
        try:
            message = _decoder.decode(raw)
        except msgspec.ValidationError as error:
            if not self._deletion(raw, parsed, shift):
                parsed.problems.append(Problem(f"not an X post: {error}", excerpt(raw)))
            return parsed
        except msgspec.DecodeError as error:
            parsed.problems.append(Problem(f"not valid JSON: {error}", excerpt(raw)))
            return parsed
        except UnicodeDecodeError as error:
            reason = f"not valid JSON: not UTF-8 text at byte {error.start}"
            parsed.problems.append(Problem(reason, excerpt(raw)))
            return parsed
        if message.data is None:
            if message.meta is not None and not message.errors:
                return parsed  # a search page with no post: nothing new
            if message.errors:
                first = message.errors[0]
                reason = f"API error: {first.title} {first.detail}".strip()
            else:
                reason = "no post in the message (no 'data')"
            parsed.problems.append(Problem(reason, excerpt(raw)))
            return parsed
        if message.errors:
            # Partial errors beside the posts (a lookup's missing or withheld posts): the
            # posts are kept, each error counted.
            parsed.api_errors += len(message.errors)
            for api_error in message.errors:
                said = f"{api_error.title} {api_error.detail}".strip()
                reason = f"API error beside the posts: {said}"
                parsed.problems.append(Problem(reason, excerpt(raw), False))
        includes = message.includes or _Includes()
        users = self._authors(includes.users, raw, parsed) if includes.users else {}
        places = includes.places
        rules = message.matching_rules
        tags = tuple([r.tag for r in rules if r.tag]) if rules else ()
        items = message.data if isinstance(message.data, list) else [message.data]
        if shift is not None and not shift.loop:
            shift = None
        for item in items:
            self._convert(item, users, places, tags, raw, parsed, shift)
        return parsed

    @staticmethod
    def _deletion(raw: bytes | str, parsed: Parsed, shift: LoopShift | None) -> bool:
        """A compliance line saying a post was deleted: its id goes to ``deleted``."""
        try:
            message = _compliance_decoder.decode(raw)
        except msgspec.DecodeError:
            return False
        gone = message.data.delete.tweet or message.data.delete.post
        if gone is None or not gone.id.strip():
            return False
        post_id = gone.id.strip()
        parsed.deleted.append(
            shift.referred(post_id) if shift is not None and shift.loop else post_id
        )
        return True

    def _convert(
        self,
        raw_tweet: _RawTweet,
        users: dict[str, Author],
        places: list[msgspec.Raw],
        tags: tuple[str, ...],
        raw: bytes | str,
        parsed: Parsed,
        shift: LoopShift | None,
    ) -> None:
        tweet_id = raw_tweet.id.strip()
        if not tweet_id or len(tweet_id) > 32:
            parsed.problems.append(Problem("post id is empty or too long", excerpt(raw)))
            return
        note = raw_tweet.note_tweet or raw_tweet.note_post
        text = note.text if note is not None and note.text else raw_tweet.text
        if "&" in text:
            text = unescape(text)
        text = clean_text(text)
        author = None
        if raw_tweet.author_id is not None:
            author = users.get(raw_tweet.author_id) or Author(id=raw_tweet.author_id)
        coordinates = None
        place = None
        geo = raw_tweet.geo
        if geo is not None:
            if geo.coordinates is not None:
                coordinates, why = check_point(geo.coordinates.coordinates)
                if coordinates is None:
                    parsed.problems.append(
                        Problem(
                            f"post {tweet_id}: {why}; position dropped",
                            excerpt(raw),
                            False,
                        )
                    )
            if geo.place_id:
                place = self._place(geo.place_id, places)
        metrics = Metrics()
        if raw_tweet.public_metrics is not None:
            pm = raw_tweet.public_metrics
            metrics = Metrics(pm.like_count, pm.retweet_count, pm.reply_count, pm.quote_count)
        hashtags: tuple[str, ...] = ()
        mentions: tuple[str, ...] = ()
        urls: tuple[str, ...] = ()
        entities = raw_tweet.entities
        if entities is not None:
            if entities.hashtags:
                hashtags = tuple([h.tag for h in entities.hashtags if h.tag])
            if entities.mentions:
                mentions = tuple([m.username for m in entities.mentions if m.username])
            if entities.urls:
                urls = tuple(
                    [u.expanded_url or u.url for u in entities.urls if u.expanded_url or u.url]
                )
        retweet_of = quote_of = reply_to = None
        for ref in raw_tweet.referenced_tweets or raw_tweet.referenced_posts or ():
            if ref.type == "retweeted" or ref.type == "reposted":
                retweet_of = ref.id
            elif ref.type == "quoted":
                quote_of = ref.id
            elif ref.type == "replied_to":
                reply_to = ref.id
        created = raw_tweet.created_at
        last_text, created_at = self._last_time
        if created != last_text:
            created_at = parse_time(created)
            self._last_time = (created, created_at)
        conversation_id = raw_tweet.conversation_id
        history = raw_tweet.edit_history_tweet_ids or raw_tweet.edit_history_post_ids
        replaces: tuple[str, ...] = ()
        if history is not None and len(history) > 1:
            replaces = tuple([i for i in history if i != tweet_id and i and len(i) <= 32])
        if shift is not None:
            if replaces:
                replaces = tuple([shift.referred(i) for i in replaces])
            tweet_id, created_at, conversation_id, retweet_of, reply_to, quote_of = shift.move(
                tweet_id, created_at, conversation_id, retweet_of, reply_to, quote_of
            )
        parsed.tweets.append(
            Tweet(
                id=tweet_id,
                text=text,
                author=author,
                created_at=created_at,
                lang=raw_tweet.lang or "",
                coordinates=coordinates,
                place=place,
                metrics=metrics,
                hashtags=hashtags,
                mentions=mentions,
                urls=urls,
                retweet_of=retweet_of,
                quote_of=quote_of,
                reply_to=reply_to,
                reply_to_user=raw_tweet.in_reply_to_user_id,
                conversation_id=conversation_id,
                matching_tags=tags,
                replaces=replaces,
            )
        )

    def _authors(
        self, raw_users: list[msgspec.Raw], raw: bytes | str, parsed: Parsed
    ) -> dict[str, Author]:
        authors: dict[str, Author] = {}
        cache = self._author_cache
        for raw_user in raw_users:
            key = bytes(raw_user)
            author = cache.get(key)
            if author is None:
                try:
                    author = _author(_user_decoder.decode(key))
                except msgspec.DecodeError as error:  # ValidationError is one
                    reason = f"an included user is not understood: {error}; author unknown"
                    parsed.problems.append(Problem(reason, excerpt(raw), False))
                    continue
                if len(cache) >= MAX_CACHED_AUTHORS:
                    cache.clear()
                cache[key] = author
            authors[author.id] = author
        return authors

    def _place(self, place_id: str, places: list[msgspec.Raw]) -> Place | None:
        cached = self._place_cache.get(place_id)
        if cached is not None:
            return cached
        for raw_place in places:
            try:
                decoded = _place_decoder.decode(raw_place)
            except msgspec.DecodeError:
                continue
            if decoded.id == place_id:
                place = _place(decoded)
                if len(self._place_cache) < MAX_CACHED_PLACES:
                    self._place_cache[place_id] = place
                return place
        return Place(id=place_id)


def _author(user: _RawUser) -> Author:
    return Author(
        id=user.id,
        username=clean_text(user.username)[:64],
        name=clean_text(unescape(user.name))[:100],
        location=clean_text(unescape(user.location or ""))[:200],
        followers=user.public_metrics.followers_count if user.public_metrics else 0,
        created_at=user.created_at or "",
        verified=bool(user.verified),
    )


def _place(raw_place: _RawPlace) -> Place:
    return Place(
        id=raw_place.id,
        full_name=clean_text(unescape(raw_place.full_name))[:200],
        country_code=raw_place.country_code[:3],
        country=clean_text(unescape(raw_place.country))[:100],
        place_type=raw_place.place_type[:20],
        bbox=check_bbox(raw_place.geo.bbox if raw_place.geo else None),
    )
