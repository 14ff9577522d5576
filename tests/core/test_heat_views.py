"""The heat map's figures of a view: the posts inside it, and the world's apart."""

from __future__ import annotations

import time

from blueroom.core.events import HeatMapChanged, HeatMapReset, TweetReceived
from blueroom.core.heatmap import PRESETS, HeatGrid
from blueroom.core.tweet import Place, Tweet

CITIES = {  # name: (country, lon, lat)
    "Paris": ("FR", 2.35, 48.85),
    "Lyon": ("FR", 4.85, 45.75),
    "Brussels": ("BE", 4.35, 50.85),
    "Lagos": ("NG", 3.39, 6.45),
    "London": ("GB", -0.12, 51.51),
}


def posts(name: str, count: int, *, at: float | None = None) -> list[TweetReceived]:
    country, lon, lat = CITIES[name]
    place = Place(
        id=name,
        full_name=f"{name}, {country}",
        country_code=country,
        place_type="city",
        bbox=(lon - 0.01, lat - 0.01, lon + 0.01, lat + 0.01),
    )
    when = time.time() if at is None else at
    return [
        TweetReceived(tweet=Tweet(id=f"{name}{n}", text="x", place=place), at=when)
        for n in range(count)
    ]


def a_room() -> HeatGrid:
    grid = HeatGrid(half_life=600.0)
    grid.apply(posts("Paris", 5) + posts("Lyon", 3) + posts("Brussels", 2))
    grid.apply(posts("Lagos", 7) + posts("London", 4))
    grid.apply(posts("Lyon", 6, at=time.time() - 3600))  # an hour ago: not "per minute"
    return grid


def test_a_heat_view_counts_the_posts_inside_it_and_keeps_the_world_apart() -> None:
    grid = a_room()
    grid.apply([HeatMapChanged(preset="france")])
    snapshot = grid.snapshot()
    in_view = snapshot.in_view
    assert in_view is not None
    assert in_view.posts == 5 + 9 + 2, "Paris, Lyon and Brussels are inside the France box"
    assert in_view.countries == 2 and in_view.per_minute == 10
    assert [name for name, _ in in_view.top_places] == ["Lyon", "Paris", "Brussels"]
    assert (snapshot.posts, snapshot.countries) == (27, 4), "the world's figures, apart"
    assert [name for name, _ in snapshot.top_places][:2] == ["Lyon", "Lagos"]

    grid.apply([HeatMapChanged(preset="paris")])
    paris = grid.snapshot().in_view
    assert paris is not None
    assert (paris.posts, paris.countries, paris.per_minute) == (5, 1, 5)
    assert paris.top_places == (("Paris", 5),)

    grid.apply(posts("Paris", 2) + posts("Lagos", 1))  # new posts count where they are
    paris = grid.snapshot().in_view
    assert paris is not None and (paris.posts, paris.per_minute) == (7, 7)

    grid.apply([HeatMapChanged(preset="world")])
    world = grid.snapshot().in_view
    assert world is not None and (world.posts, world.countries) == (30, 4)


def test_a_heat_view_s_figures_come_back_after_a_restart_and_go_with_a_reset() -> None:
    grid = a_room()
    grid.apply([HeatMapChanged(preset="france")])
    state = grid.capture()()
    restored = HeatGrid(half_life=600.0)
    restored.restore(state)
    in_view = restored.snapshot().in_view
    assert in_view is not None
    assert (in_view.posts, in_view.countries) == (16, 2)
    assert dict(in_view.top_places) == {"Lyon": 9, "Paris": 5, "Brussels": 2}
    restored.apply([HeatMapReset()])
    emptied = restored.snapshot().in_view
    assert emptied is not None and (emptied.posts, emptied.countries) == (0, 0)


def test_the_heat_map_s_world_view_is_the_whole_world() -> None:
    world = PRESETS["world"]
    assert (world.west, world.east) == (-180.0, 180.0), "Alaska and Chukotka are not cut"
    assert world.north >= 83.0, "Greenland's north coast"
    assert world.south <= -56.0, "Cape Horn"
