"""The heat-map wall's maps: regional views that read as maps and fill the wall, the
whole world, counters of the view that never sit over the glow nor jiggle, and a pause
the room can see."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QPointF, QRect, QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QImage
from pytestqt.qtbot import QtBot

from blueroom.core.events import HeatMapChanged, TweetReceived
from blueroom.core.heatmap import PRESETS, HeatGrid, MapView, view_for
from blueroom.core.metrics import IngestMetrics
from blueroom.core.tweet import GeoPoint, Place, Tweet
from blueroom.paths import assets
from blueroom.ui import theme
from blueroom.ui.fonts import register_bundled_fonts
from blueroom.ui.walls.heatmap_wall import HeatmapWall

SIZES = [(1920, 1080), (1366, 768), (1280, 1024), (3840, 2160), (1080, 1920)]
VIEWS = [
    PRESETS["world"],
    PRESETS["europe"],
    PRESETS["france"],
    PRESETS["paris"],
    view_for("custom", (-130.0, 20.0, -60.0, 55.0)),  # North America
    view_for("custom", (-75.0, 40.0, -73.0, 41.5)),  # New York
]


@pytest.fixture(autouse=True)
def fonts() -> None:
    register_bundled_fonts()


def a_wall(
    qtbot: QtBot, grid: HeatGrid, metrics: IngestMetrics | None = None, size=(1920, 1080)
) -> HeatmapWall:
    wall = HeatmapWall(
        grid, metrics or IngestMetrics(), hashtag="#AskBlueRoom", land_mask=assets().land_mask
    )
    qtbot.addWidget(wall)
    wall.resize(*size)
    wall.show()
    qtbot.waitExposed(wall)
    wall.refresh()
    return wall


def located(lon: float, lat: float, n: int, key: str = "p") -> list[TweetReceived]:
    return [
        TweetReceived(
            tweet=Tweet(id=f"{key}{lon}:{lat}:{i}", text="x", coordinates=GeoPoint(lon, lat))
        )
        for i in range(n)
    ]


def pixel(image: QImage, point: QPointF) -> tuple[int, int, int]:
    colour = image.pixelColor(point.toPoint())
    return colour.red(), colour.green(), colour.blue()


def is_night(rgb: tuple[int, int, int]) -> bool:
    night = theme.NIGHT
    return (
        max(
            abs(a - b) for a, b in zip(rgb, (night.red(), night.green(), night.blue()), strict=True)
        )
        <= 3
    )


@pytest.mark.parametrize("view", ["france", "paris"])
def test_a_regional_heat_view_fills_the_wall_with_its_map(qtbot: QtBot, view: str) -> None:
    grid = HeatGrid(half_life=600.0)
    grid.apply([HeatMapChanged(preset=view)])
    wall = a_wall(qtbot, grid)
    image = wall.grab().toImage()
    box = wall.map_rect()
    assert box.height() >= 0.85 * wall.height(), "the view as large as the wall allows"
    # Beyond the view's box, the map goes on to the wall's edges: land is drawn there.
    beyond = {"france": [(12.6, 47.2), (-6.5, 43.2)], "paris": [(4.2, 48.9), (0.7, 48.6)]}[view]
    for lon, lat in beyond:
        point = wall.to_widget(lon, lat)
        assert not box.contains(point) and wall.rect().contains(point.toPoint())
        assert not is_night(pixel(image, point)), (lon, lat, "no map drawn around the view")


def test_the_france_heat_view_draws_coasts_and_islands_a_kilometre_fine(qtbot: QtBot) -> None:
    grid = HeatGrid(half_life=600.0)
    grid.apply([HeatMapChanged(preset="france")])
    wall = a_wall(qtbot, grid)
    image = wall.grab().toImage()
    land = {"Île d'Oléron": (-1.30, 45.93), "Île de Ré": (-1.42, 46.20),
            "Belle-Île": (-3.18, 47.33)}  # fmt: skip
    sea = {"Pertuis d'Antioche": (-1.32, 46.08), "bay of Mont-Saint-Michel": (-1.62, 48.68),
           "bay of Quiberon": (-3.05, 47.50)}  # fmt: skip
    for name, (lon, lat) in land.items():
        assert not is_night(pixel(image, wall.to_widget(lon, lat))), f"{name} is land"
    for name, (lon, lat) in sea.items():
        assert is_night(pixel(image, wall.to_widget(lon, lat))), f"{name} is sea"


def test_regional_heat_views_name_their_cities_where_no_text_stands(qtbot: QtBot) -> None:
    grid = HeatGrid(half_life=600.0)
    for view, cities in (
        ("france", {"Paris", "Lyon", "Marseille", "Toulouse", "Bordeaux", "Nantes"}),
        ("paris", {"Paris", "Meaux", "Melun", "Cergy-Pontoise"}),
    ):
        grid.apply([HeatMapChanged(preset=view)])
        wall = a_wall(qtbot, grid)
        target = wall.target()
        labels = wall.composer.labels(target, PRESETS[view])
        assert cities <= {label.name for label in labels}, view
        texts = [QRect(*(round(v) for v in r)) for r in target.layout(PRESETS[view]).texts()]
        spots = [
            QRect(label.x, label.y, label.patch.shape[1], label.patch.shape[0]) for label in labels
        ]
        for index, spot in enumerate(spots):
            assert not any(spot.intersects(text) for text in texts), labels[index].name
            assert not any(spot.intersects(other) for other in spots[index + 1 :])
        wall.close()
    world = wall.composer.labels(wall.target(), PRESETS["world"])
    assert world == [], "the world view stays a dotted map"


@pytest.mark.parametrize("view", VIEWS, ids=lambda v: v.name + str(v.west))
def test_no_heat_map_text_ever_sits_over_the_view(qtbot: QtBot, view: MapView) -> None:
    from blueroom.ui.walls.heatmap_wall import wall_layout

    for width, height in SIZES:
        layout = wall_layout(width, height, view)
        box = QRectF(*layout.box)
        assert QRectF(0, 0, width, height).contains(box), (width, height)
        assert abs(box.width() / box.height() - view.aspect) < 0.01
        for text in layout.texts():
            rect = QRectF(*text)
            assert rect.isEmpty() or not rect.intersects(box), (width, height, text)


def test_no_glow_hides_under_the_heat_map_counters(qtbot: QtBot) -> None:
    """Posts all over the world, the counters on: every text is drawn outside the map."""
    grid = HeatGrid(half_life=600.0)
    events = [
        e
        for lon in range(-175, 180, 10)
        for lat in range(-55, 80, 10)
        for e in located(lon, lat, 2)
    ]
    grid.apply(events)
    metrics = IngestMetrics()
    metrics.apply(events)
    for view in ("world", "france"):
        grid.apply([HeatMapChanged(preset=view)])
        wall = a_wall(qtbot, grid, metrics)
        wall.grab()
        box = wall.map_rect().toAlignedRect().adjusted(1, 1, -1, -1)
        assert wall._overlay_rects, "the counters were drawn"
        for drawn in wall._overlay_rects:
            assert not drawn.intersects(box), (view, drawn, box)
        wall.close()


def test_the_heat_map_s_world_view_is_whole_and_not_cut_at_its_edges(qtbot: QtBot) -> None:
    wall = a_wall(qtbot, HeatGrid(half_life=600.0))
    assert wall.view.west == -180.0 and wall.view.east == 180.0
    for lon, lat in ((-179.9, 65.0), (179.9, 66.0), (172.0, -43.5), (-68.0, -55.5)):
        point = wall.to_widget(lon, lat)
        assert 8 <= point.x() <= wall.width() - 8, (lon, lat, point)
        assert 8 <= point.y() <= wall.height() - 8, (lon, lat, point)


def test_the_heat_map_counters_use_tabular_figures_in_fixed_places(qtbot: QtBot) -> None:
    from blueroom.ui.walls.heatmap_wall import figures_font

    font = figures_font(54, QFont.Weight.Bold)
    metrics = QFontMetricsF(font)
    assert metrics.horizontalAdvance("1111") == metrics.horizontalAdvance("8888")
    crops = []
    for posts in (111, 88_888):  # sent long ago: the same rate (none) both times
        counted = IngestMetrics()
        counted.apply(
            [TweetReceived(tweet=Tweet(id=str(i), text="x"), at=1.0) for i in range(posts)]
        )
        wall = a_wall(qtbot, HeatGrid(half_life=600.0), counted)
        slot = wall.arrangement().counters[1]  # "per minute": after the posts counter
        crops.append(wall.grab().toImage().copy(QRect(*(round(v) for v in slot))))
        wall.close()
    assert crops[0] == crops[1], "the posts counter's digits moved its neighbour"


def test_pausing_the_heat_map_shows_it_and_freezes_its_figures(qtbot: QtBot) -> None:
    grid = HeatGrid(half_life=600.0)
    metrics = IngestMetrics()
    first = located(2.35, 48.85, 20)
    grid.apply(first)
    metrics.apply(first)
    wall = a_wall(qtbot, grid, metrics)
    before = wall.grab().toImage()
    wall.set_paused(True)
    paused = wall.grab().toImage()
    subtitle = QRect(*(round(v) for v in wall.arrangement().subtitle))
    amber = [
        paused.pixelColor(x, y)
        for x in range(subtitle.left(), subtitle.right(), 3)
        for y in range(subtitle.top(), subtitle.bottom(), 3)
    ]
    assert sum(1 for c in amber if c.red() > 200 and c.green() > 140 and c.blue() < 120) > 50
    more = located(-73.57, 45.50, 500, key="m")
    grid.apply(more)
    metrics.apply(more)
    metrics.snapshot()  # what the room's clock does
    deadline = time.monotonic() + 1.5
    while time.monotonic() < deadline:  # past the overlay's and the glow's refresh
        wall.refresh()
        qtbot.wait(50)
    frozen = wall.grab().toImage()
    counters = QRectF(*wall.arrangement().counters[0]).united(
        QRectF(*wall.arrangement().counters[3])
    )
    box = wall.map_rect().toAlignedRect()
    assert frozen.copy(counters.toAlignedRect()) == paused.copy(counters.toAlignedRect())
    assert frozen.copy(box) == paused.copy(box), "the map froze too"
    wall.set_paused(False)
    deadline = time.monotonic() + 1.5
    while time.monotonic() < deadline:
        wall.refresh()
        qtbot.wait(50)
    live = wall.grab().toImage()
    assert live.copy(counters.toAlignedRect()) != paused.copy(counters.toAlignedRect())
    assert before.copy(subtitle) == live.copy(subtitle), "the badge goes with the pause"


def test_the_heat_map_names_the_view_s_own_figures(qtbot: QtBot) -> None:
    from blueroom.ui.walls.heatmap_wall import wall_figures

    grid = HeatGrid(half_life=600.0)
    paris = Place(id="p", full_name="Paris, France", country_code="FR", place_type="city",
                  bbox=(2.3, 48.8, 2.4, 48.9))  # fmt: skip
    lagos = Place(id="l", full_name="Lagos, Nigeria", country_code="NG", place_type="city",
                  bbox=(3.3, 6.4, 3.5, 6.5))  # fmt: skip
    events = [TweetReceived(tweet=Tweet(id=f"p{i}", text="x", place=paris)) for i in range(3)]
    events += [TweetReceived(tweet=Tweet(id=f"l{i}", text="x", place=lagos)) for i in range(9)]
    grid.apply([*events, HeatMapChanged(preset="france")])
    metrics = IngestMetrics()
    metrics.apply(events)
    figures = wall_figures(grid.snapshot(), metrics.snapshot())
    assert figures.heading == "FRANCE"
    assert [value for value, _ in figures.counters] == ["3", "3", "1", "25%"]
    assert figures.places == (("Paris", 3),), "Lagos is not in France"
    assert "12 posts" in figures.world and "2 countries" in figures.world
    grid.apply([HeatMapChanged(preset="world")])
    world = wall_figures(grid.snapshot(), metrics.snapshot())
    assert (world.heading, world.counters[0][0], world.world) == ("", "12", ())
    assert world.places[0] == ("Lagos", 9)
