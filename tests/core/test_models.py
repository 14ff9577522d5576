"""The pure models behind the screens, without Qt."""

from __future__ import annotations

import numpy as np
import pytest

from blueroom.core.detect import QuestionRules, looks_like_question
from blueroom.core.events import (
    CameraState,
    CameraStateChanged,
    HeatMapChanged,
    HeatMapReset,
    MalformedRecord,
    SessionStepChanged,
    SourceState,
    SourceStateChanged,
    TweetReceived,
    WallsHeld,
)
from blueroom.core.heatmap import (
    GRID_WIDTH,
    HeatGrid,
    HeatMode,
    Precision,
    cell_of,
    glow_size,
    view_for,
)
from blueroom.core.metrics import IngestMetrics
from blueroom.core.session import SessionScript, default_script
from blueroom.core.tweet import Author, GeoPoint, Place, Tweet

RULES = QuestionRules(
    hashtags=frozenset({"askblueroom"}),
    guest_handles=frozenset({"leamarchand"}),
    room_handles=frozenset({"blueroomfr"}),
)


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("Léa, pourquoi la musique ?", True),
        ("est-ce que tu reviens à Lyon", True),
        ("Est ce que tu chantes demain", True),
        ("@leamarchand comment tu écris tes chansons", True),
        ("What inspired the new album", True),
        ("how do you stay so calm on stage", True),
        ("RT @x: #AskBlueRoom pourquoi Paris", True),
        ("Trop bien ce live 😍", False),
        ("I love you Léa!!!", False),
        ("#AskBlueRoom #AskBlueRoom #Léa", False),
        ("Whatever happens, I'm here", False),
    ],
)
def test_question_heuristic_in_french_and_english(text: str, question: bool) -> None:
    assert looks_like_question(text) is question


def tweet(tweet_id: str, text: str, **more: object) -> TweetReceived:
    fields: dict[str, object] = {"author": Author(id=f"a{tweet_id}", username=f"fan{tweet_id}")}
    fields.update(more)
    return TweetReceived(tweet=Tweet(id=tweet_id, text=text, **fields))  # type: ignore[arg-type]


def test_metrics_count_posts_once_and_keep_problems_and_states() -> None:
    clock = [1_000.0]
    metrics = IngestMetrics(clock=lambda: clock[0])
    posts = [tweet(str(n), "hi") for n in range(10)]
    posts = [TweetReceived(tweet=p.tweet, at=995.5) for p in posts]
    metrics.apply(posts)
    metrics.count_duplicates(3)
    metrics.apply(
        [
            MalformedRecord(source="replay", reason="not valid JSON", line=7),
            SourceStateChanged(source="replay", state=SourceState.RUNNING, detail="1×"),
            CameraStateChanged(state=CameraState.LOST, device="0", detail="unplugged?"),
        ]
    )
    snapshot = metrics.snapshot()
    assert snapshot.posts == 10 and snapshot.duplicates == 3
    assert snapshot.malformed == 1 and snapshot.recent_problems[0].line == 7
    assert snapshot.rate_now == pytest.approx(10 / 5)
    assert snapshot.rate_history[-5] == 10
    assert snapshot.sources[0].state is SourceState.RUNNING
    assert snapshot.camera is CameraState.LOST


def test_the_heat_grid_puts_points_in_the_right_cells_and_halves_with_the_half_life() -> None:
    clock = [0.0]
    grid = HeatGrid(half_life=60.0, clock=lambda: clock[0])
    paris = GeoPoint(2.35, 48.85)
    montreal_place = Place(
        id="m",
        full_name="Montréal, QC",
        country_code="CA",
        place_type="city",
        bbox=(-73.97, 45.41, -73.47, 45.70),
    )
    grid.apply(
        [
            tweet("1", "a", coordinates=paris),
            tweet("2", "b", coordinates=paris),
            tweet("3", "c", place=montreal_place),
            tweet("4", "no position"),
        ]
    )
    assert grid.cell_value(2.35, 48.85) == pytest.approx(2.0, rel=1e-4)
    assert grid.cell_value(-73.72, 45.555) == pytest.approx(1.0, rel=1e-4)
    assert grid.total() == pytest.approx(3.0, rel=1e-4)
    snapshot = grid.snapshot()
    assert (snapshot.posts, snapshot.located) == (4, 3)
    assert snapshot.count(Precision.EXACT) == 2 and snapshot.count(Precision.PLACE) == 1
    assert snapshot.countries == 1 and snapshot.top_places == (("Montréal", 1),)
    clock[0] = 60.0
    assert grid.cell_value(2.35, 48.85) == pytest.approx(1.0, rel=1e-3)
    assert grid.cell_value(2.35, 48.85, cumulative=True) == 2, "the cumulative grid does not fade"
    clock[0] = 600.0
    assert 0 < grid.cell_value(2.35, 48.85) == pytest.approx(2.0 / 1024, rel=1e-3)


def test_fading_stays_exact_over_hours_and_across_a_half_life_change() -> None:
    clock = [0.0]
    grid = HeatGrid(half_life=60.0, clock=lambda: clock[0])
    for hour in range(6):  # the stored gain passes 1e6 and is renormalised on the way
        clock[0] = hour * 3600.0
        grid.apply([tweet(f"p{hour}", "x", coordinates=GeoPoint(2.35, 48.85))])
    assert grid.cell_value(2.35, 48.85) == pytest.approx(1.0, rel=1e-3)
    grid.apply([HeatMapChanged(half_life=120.0)])
    assert grid.cell_value(2.35, 48.85) == pytest.approx(1.0, rel=1e-3), "continuous"
    clock[0] += 120.0
    assert grid.cell_value(2.35, 48.85) == pytest.approx(0.5, rel=1e-3)


def test_presets_change_the_view_and_keep_the_data() -> None:
    grid = HeatGrid(half_life=600.0)
    grid.apply([tweet(str(n), "x", coordinates=GeoPoint(2.35, 48.85)) for n in range(5)])
    world = grid.snapshot()
    assert world.view.name == "world" and world.glow.shape[::-1] == glow_size(world.view)
    grid.apply([HeatMapChanged(preset="paris", mode="cumulative")])
    paris = grid.snapshot()
    assert paris.view.name == "paris" and paris.mode is HeatMode.CUMULATIVE
    assert paris.glow.shape[::-1] == glow_size(paris.view)
    assert abs(paris.glow.shape[1] / paris.glow.shape[0] - paris.view.aspect) < 0.01
    u, v = paris.view.to_unit(2.35, 48.85)
    hot = np.unravel_index(np.argmax(paris.glow), paris.glow.shape)
    assert (
        abs(hot[1] / paris.glow.shape[1] - u) < 0.05
        and abs(hot[0] / paris.glow.shape[0] - v) < 0.05
    )
    grid.apply([HeatMapChanged(preset="world")])
    assert grid.cell_value(2.35, 48.85, cumulative=True) == 5, "switching views loses nothing"
    grid.apply([HeatMapChanged(preset="custom", box=(999.0, 0.0, 1.0, 2.0))])
    assert grid.view.name == "world", "an impossible box is refused, the view stays"
    grid.apply([HeatMapReset()])
    assert grid.total() == 0 and grid.snapshot().posts == 0


@pytest.mark.parametrize(
    "box",
    [
        (10.0, 40.0, 5.0, 50.0),
        (-200.0, 0.0, 0.0, 10.0),
        (0.0, 0.0, 0.1, 0.1),
        (0.0, float("nan"), 1.0, 2.0),
    ],
)
def test_impossible_or_too_small_map_boxes_are_refused(
    box: tuple[float, float, float, float],
) -> None:
    with pytest.raises(ValueError, match="box"):
        view_for("custom", box)


def test_cells_are_never_finer_than_ten_kilometres() -> None:
    left, _ = cell_of(2.35, 48.85)
    right, _ = cell_of(2.35 + 0.09, 48.85)  # ~7 km east
    assert left == right or abs(left - right) == 1
    assert 360 / GRID_WIDTH * 111 >= 10


def test_the_session_moves_only_by_events_and_stays_in_the_script() -> None:
    script = SessionScript(default_script("Léa Marchand", "#AskBlueRoom"))
    assert script.snapshot().step.title == "Welcome to the Blue Room, Léa"
    script.apply([script.step_event(3, "operator")])
    assert script.snapshot().step.id == "live-video"
    assert script.step_event(99, "operator").step == len(script.steps) - 1
    assert script.step_event(-5, "operator").step == 0
    script.apply([SessionStepChanged(step=0, step_id="no-such-step")])
    assert script.snapshot().current == 0, "an unknown id falls back to the index"


def test_the_walls_held_by_the_panic_key_stay_held_in_a_snapshot_until_released() -> None:
    script = SessionScript(default_script("Léa", "#AskBlueRoom"))
    script.apply([WallsHeld(held=True)])
    held = script.snapshot()
    assert held.held and script.latest().held and held.version == 1
    again = SessionScript(default_script("Léa", "#AskBlueRoom"))
    again.restore(script.capture()())
    assert again.latest().held, "a resumed room keeps the slate up"
    script.apply([WallsHeld(held=True)])
    assert script.snapshot().version == 1, "holding held walls changes nothing"
    script.apply([WallsHeld(held=False)])
    assert not script.latest().held


def test_posts_replayed_after_a_restart_come_back_already_faded() -> None:
    import time as clock

    grid = HeatGrid(half_life=60.0)
    old = TweetReceived(tweet=Tweet(id="1", text="a", coordinates=GeoPoint(2.35, 48.85)),
                        at=clock.time() - 120.0)  # fmt: skip
    grid.apply([old])
    assert grid.cell_value(2.35, 48.85) == pytest.approx(0.25, rel=0.02)
    assert grid.cell_value(2.35, 48.85, cumulative=True) == 1
    assert grid.snapshot().flashes == (), "an old post does not flash"


def test_a_post_counts_once_per_session_in_every_model() -> None:
    from blueroom.core.models import RoomModel

    room = RoomModel(RULES, default_script("Léa", "#AskBlueRoom"), half_life=600.0)
    located = tweet(
        "2100000000000000001",
        "#AskBlueRoom pourquoi Lyon ?",
        hashtags=("askblueroom",),
        coordinates=GeoPoint(4.83, 45.76),
    )
    room.apply([located] * 600)  # a recording repeating one post id
    room.apply([located] * 400 + [tweet("2100000000000000002", "bravo")])
    metrics = room.metrics.snapshot()
    assert (metrics.posts, metrics.duplicates) == (2, 999)
    heat = room.heat.snapshot()
    assert (heat.posts, heat.located) == (2, 1), "the heat map counted it once too"
    assert room.questions.snapshot().received == 1


def test_seen_posts_are_exact_whatever_the_ids() -> None:
    from blueroom.core.seen import SeenPosts

    seen = SeenPosts()
    ids = ["123", "0123", "abc", "١٢٣", "123~1", str(10**19 + 5)]
    posts = [TweetReceived(tweet=Tweet(id=i, text="x")) for i in ids]
    assert seen.fresh(posts) is posts, "nothing seen before: the same list"
    again = seen.fresh([*posts, TweetReceived(tweet=Tweet(id="124", text="y"))])
    assert [e.tweet.id for e in again] == ["124"]  # type: ignore[attr-defined]
    assert seen.duplicates == len(ids) and len(seen) == len(ids) + 1
    assert "0123" in seen and "0124" not in seen


def test_profile_locations_are_geocoded_offline_with_their_precision() -> None:
    from blueroom.core.geocode import Geocoder

    grid = HeatGrid(half_life=600.0, locator=Geocoder(prefer=("FR",)))
    grid.apply(
        [
            tweet("1", "a", author=Author(id="a", location="Lyon 🇫🇷")),
            tweet("2", "b", author=Author(id="b", location="Belgique")),
            tweet("3", "c", author=Author(id="c", location="somewhere over the rainbow")),
            tweet(
                "4",
                "d",
                author=Author(id="d", location="Paname"),
                coordinates=GeoPoint(-17.44, 14.69),
            ),
        ]
    )
    snapshot = grid.snapshot()
    assert snapshot.count(Precision.PROFILE_CITY) == 1
    assert snapshot.count(Precision.PROFILE_COUNTRY) == 1
    assert snapshot.count(Precision.EXACT) == 1, "exact coordinates beat the profile"
    assert (snapshot.posts, snapshot.located) == (4, 3)
    assert grid.cell_value(4.85, 45.75) == pytest.approx(1.0, rel=1e-3)  # Lyon's cell
    assert ("Lyon", 1) in snapshot.top_places


def test_a_model_that_raises_is_reported_by_name_and_the_others_go_on() -> None:
    from blueroom.core.models import RoomModel

    errors: list[tuple[str, str]] = []
    room = RoomModel(
        RULES,
        default_script("Léa Marchand", "#AskBlueRoom"),
        half_life=600.0,
        on_error=lambda name, error: errors.append((name, str(error))),
    )

    def broken(events: object) -> None:
        raise KeyError("a bug in the heat map")

    room.heat.apply = broken  # type: ignore[method-assign]
    room.apply([tweet("1", "#AskBlueRoom pourquoi la musique ?", hashtags=("askblueroom",))])
    room.apply([tweet("2", "#AskBlueRoom what inspired you?", hashtags=("askblueroom",))])
    assert errors == [("heat map", "'a bug in the heat map'")] * 2
    assert room.questions.snapshot().received == 2, "the models after it took both batches"
    assert room.metrics.snapshot().posts == 2


def test_without_a_sink_a_models_error_is_raised() -> None:
    from blueroom.core.models import RoomModel

    room = RoomModel(RULES, default_script("Léa", "#AskBlueRoom"), half_life=600.0)
    room.session.apply = lambda events: 1 / 0  # type: ignore[assignment,method-assign]
    with pytest.raises(ZeroDivisionError):
        room.apply([tweet("1", "hello")])


def test_the_view_changing_while_the_glow_renders_never_breaks_the_rendering() -> None:
    """It raised ZeroDivisionError in the engine's publisher, and every figure froze."""
    import threading
    import time

    from blueroom.core.heatmap import GlowRenderer

    renderer = GlowRenderer()
    cells = np.random.default_rng(1).random((180, 360), dtype=np.float32)
    until = time.monotonic() + 0.5
    errors: list[BaseException] = []

    def change_views() -> None:
        while time.monotonic() < until:
            renderer.reset()  # what a HeatMapChanged does on the model thread

    other = threading.Thread(target=change_views)
    other.start()
    renders = 0
    while time.monotonic() < until:
        try:
            glow = renderer.render(cells, (720, 360), ((0.5, 0.5, 0.1),))
            renders += 1
        except ZeroDivisionError as error:
            errors.append(error)
    other.join()
    assert not errors and renders > 0 and glow.max() > 0


def test_seen_posts_agree_with_a_set_through_every_growth_and_a_snapshot_mid_move() -> None:
    import random

    from blueroom.core.seen import SeenPosts

    rng = random.Random(7)
    oracle: set[str] = set()
    seen = SeenPosts()
    restored: SeenPosts | None = None
    offered = 0
    ids = [str(2_100_000_000_000_000_000 + rng.randrange(400_000)) for _ in range(300_000)]
    ids += [f"{n}~{n % 3}" for n in range(5_000)] + [str(10**19 + n) for n in range(5_000)]
    rng.shuffle(ids)
    for start in range(0, len(ids), 250):
        batch = [TweetReceived(tweet=Tweet(id=i, text="x")) for i in ids[start : start + 250]]
        kept = seen.fresh(batch)
        expected = []
        for event in batch:
            if event.tweet.id not in oracle:
                oracle.add(event.tweet.id)
                expected.append(event)
        assert list(kept) == expected
        if restored is None and seen._outgrown is not None and seen._moved > 0:
            restored = SeenPosts()  # a snapshot while a table is being moved
            restored.restore(seen.capture()())
            assert len(restored) == len(seen) == len(oracle)
            offered = start + 250
    assert restored is not None, "the table grew and moved at least once"
    assert len(seen) == len(oracle) and seen.duplicates == len(ids) - len(oracle)
    assert all(i in seen for i in rng.sample(sorted(oracle), 1_000))
    assert all(i in restored for i in rng.sample(ids[:offered], 1_000))
    assert not any(i in restored for i in set(ids[offered:]) - set(ids[:offered]))
