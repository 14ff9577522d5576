"""The tweet as Blue Room sees it: one flat, immutable record, whatever the source."""

from __future__ import annotations

import msgspec


class GeoPoint(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """A WGS84 position, longitude first as in GeoJSON."""

    lon: float
    lat: float


class Place(msgspec.Struct, frozen=True, omit_defaults=True, gc=False):
    """An X place: a named area with a bounding box (west, south, east, north)."""

    id: str
    full_name: str = ""
    country_code: str = ""
    country: str = ""
    place_type: str = ""
    bbox: tuple[float, float, float, float] | None = None

    @property
    def centre(self) -> GeoPoint | None:
        if self.bbox is None:
            return None
        west, south, east, north = self.bbox
        return GeoPoint((west + east) / 2.0, (south + north) / 2.0)


class Author(msgspec.Struct, frozen=True, omit_defaults=True, gc=False):
    id: str
    username: str = ""
    name: str = ""
    location: str = ""
    followers: int = 0
    created_at: str = ""
    verified: bool = False


class Metrics(msgspec.Struct, frozen=True, omit_defaults=True, gc=False):
    likes: int = 0
    retweets: int = 0
    replies: int = 0
    quotes: int = 0


class Tweet(msgspec.Struct, frozen=True, omit_defaults=True, gc=False):
    """A post. Text is kept exactly as received: views must show it as plain text."""

    id: str
    text: str
    author: Author | None = None
    created_at: float = 0.0  # seconds since the epoch, 0.0 when unknown
    lang: str = ""
    coordinates: GeoPoint | None = None
    place: Place | None = None
    metrics: Metrics = Metrics()
    hashtags: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    retweet_of: str | None = None
    quote_of: str | None = None
    reply_to: str | None = None
    reply_to_user: str | None = None
    conversation_id: str | None = None
    matching_tags: tuple[str, ...] = ()
    # An edited post arrives with a new id: the ids of its earlier versions (from its
    # edit history), which it replaces wherever they are shown.
    replaces: tuple[str, ...] = ()

    @property
    def is_retweet(self) -> bool:
        return self.retweet_of is not None

    @property
    def handle(self) -> str:
        if self.author is None or not self.author.username:
            return ""
        return "@" + self.author.username

    @property
    def has_location(self) -> bool:
        """Whether ``location`` is known (without building the point)."""
        return self.coordinates is not None or (
            self.place is not None and self.place.bbox is not None
        )

    @property
    def location(self) -> GeoPoint | None:
        """Best known position: exact coordinates, else the place's centre."""
        if self.coordinates is not None:
            return self.coordinates
        if self.place is not None:
            return self.place.centre
        return None
