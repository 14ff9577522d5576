"""Texts about the heat map that the wall and the console's controls both show."""

from __future__ import annotations

from blueroom.core.heatmap import HeatSnapshot, Precision
from blueroom.ui.i18n import percent, translate


def located_breakdown(snapshot: HeatSnapshot) -> str:
    """How posts were placed: exact, place, profile city, profile country, not at all."""
    posts = max(1, snapshot.posts)
    counts: list[tuple[Precision | None, int]] = [
        (precision, snapshot.count(precision)) for precision in Precision
    ]
    counts.append((None, max(0, snapshot.posts - snapshot.located)))
    return "  ·  ".join(
        located_as(precision, percent(count / posts)) for precision, count in counts
    )


def located_as(precision: Precision | None, share: str) -> str:
    """A share of the posts and how they were placed (None: not at all)."""
    match precision:
        case Precision.EXACT:
            return translate("HeatText", "{share} exact position").format(share=share)
        case Precision.PLACE:
            return translate("HeatText", "{share} place").format(share=share)
        case Precision.PROFILE_CITY:
            return translate("HeatText", "{share} profile city").format(share=share)
        case Precision.PROFILE_COUNTRY:
            return translate("HeatText", "{share} profile country").format(share=share)
        case _:
            return translate("HeatText", "{share} not located").format(share=share)
