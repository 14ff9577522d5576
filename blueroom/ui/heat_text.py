"""Texts about the heat map that the wall and the console's controls both show."""

from __future__ import annotations

from blueroom.core.heatmap import HeatSnapshot, Precision


def located_breakdown(snapshot: HeatSnapshot) -> str:
    """How posts were placed: exact, place, profile city, profile country, not at all."""
    posts = max(1, snapshot.posts)
    parts = [
        ("exact position", snapshot.count(Precision.EXACT)),
        ("place", snapshot.count(Precision.PLACE)),
        ("profile city", snapshot.count(Precision.PROFILE_CITY)),
        ("profile country", snapshot.count(Precision.PROFILE_COUNTRY)),
        ("not located", max(0, snapshot.posts - snapshot.located)),
    ]
    return "  ·  ".join(f"{count / posts:.0%} {label}" for label, count in parts)
