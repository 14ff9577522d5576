"""What each window looks like, against approved pictures (as pyqtgraph tests its own).

Each wall, the guest panel and the console are rendered at 1920×1080 on one fixed state
(the demo's first posts, a few decisions, a fixed clock and camera frame) and compared
with the PNGs in ``tests/ui/approved/``, with a tolerance for antialiasing. So is each
step of the mirror's booth on the guest panel, landscape (1280×800) and portrait
(800×1280): a fixed 1080p photo, a fixed clock and signature, the bundled fonts. A change
that moves pixels fails here until the pictures are approved again, deliberately:

    make approve-images     (BLUEROOM_APPROVE_IMAGES=1 pytest tests/ui/test_approved_images.py)

then look at the new PNGs before committing them.
"""

from __future__ import annotations

import importlib.util
import os
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import cv2
import numpy as np
import pytest
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from benchmarks.demo_posts import demo_posts
from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.core.actions import RoomActions
from blueroom.core.events import (
    CameraState,
    CameraStateChanged,
    Event,
    HeatMapChanged,
    RunOfShowMoved,
    ShowAction,
    TweetReceived,
)
from blueroom.core.models import RoomModel
from blueroom.core.questions import QueueQuery
from blueroom.core.session import default_script
from blueroom.engine.room import question_rules
from blueroom.paths import assets
from blueroom.settings import load_settings
from blueroom.store.journal import WriterStats
from blueroom.ui.fonts import register_bundled_fonts
from blueroom.ui.guest.guest_panel import GuestPanel
from blueroom.ui.operator.console import OperatorConsole
from blueroom.ui.operator.windows_menu import attach_windows_menu
from blueroom.ui.walls.heatmap_wall import HeatmapWall
from blueroom.ui.walls.questions_wall import QuestionsWall
from blueroom.ui.walls.video_wall import VideoWall
from blueroom.ui.window_keeper import WindowKeeper

APPROVED = Path(__file__).resolve().parent / "approved"
APPROVING = bool(os.environ.get("BLUEROOM_APPROVE_IMAGES"))
SIZE = (1920, 1080)
NOW = 1_796_421_600.0  # 2026-12-04 20:00:00 UTC
POSTS = 900
# A pixel counts as changed past this difference on any channel (antialiasing moves a
# few levels); a picture fails past this share of changed pixels.
CHANGED_LEVELS = 48
CHANGED_SHARE = 0.001  # about two thousand pixels at 1080p (runs here are pixel-identical)


class FixedClock:
    def now(self) -> float:
        return NOW

    def monotonic(self) -> float:
        return 1_000.0


@pytest.fixture
def fixed_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def room() -> tuple[RoomModel, RoomActions]:
    settings = load_settings(environ={})
    model = RoomModel(
        question_rules(settings),
        default_script(settings.event.guest_name, settings.event.hashtag),
        half_life=600.0,
        moderation=settings.moderation,
        ignored_words=tuple(settings.event.guest_name.split()),
        keep_posts=False,
        clock=lambda: NOW,
    )
    tweets = demo_posts()[9_000 : 9_000 + POSTS]
    events: list[Event] = [
        HeatMapChanged(preset="world", mode="cumulative", at=NOW - 700),
        CameraStateChanged(state=CameraState.LIVE, device="demo", detail="demo 960x540 @ 25 fps"),
    ]
    events += [
        TweetReceived(tweet=tweet, at=NOW - POSTS * 0.1 + n * 0.1) for n, tweet in enumerate(tweets)
    ]
    for start in range(0, len(events), 250):
        model.apply(events[start : start + 250])

    def publish(event: Event) -> int:
        model.apply([event])
        return 0

    actions = RoomActions(publish, model.session, "approved-images")
    pending = model.questions.page(QueueQuery(limit=40)).rows
    chosen = sorted(pending, key=lambda q: q.tweet_id)[:7]
    for question in chosen[:6]:
        actions.approve(question.tweet_id)
    actions.star(chosen[1].tweet_id, True)
    actions.put_on_air(chosen[0].tweet_id)
    actions.arm(chosen[2].tweet_id)
    actions.reject(chosen[6].tweet_id, reason="off topic")
    # the hour began 12 minutes ago; the questions (the guest's pick view) for 3
    publish(RunOfShowMoved(action=ShowAction.START, at=NOW - 12 * 60))
    publish(RunOfShowMoved(action=ShowAction.NEXT, at=NOW - 7 * 60))
    publish(RunOfShowMoved(action=ShowAction.NEXT, at=NOW - 3 * 60))
    return model, actions


@pytest.fixture
def frames() -> LatestFrameSlot:
    capture = cv2.VideoCapture(str(assets().demo_video))
    capture.set(cv2.CAP_PROP_POS_FRAMES, 50)
    ok, image = capture.read()
    capture.release()
    assert ok, "the demo video's frame"
    slot = LatestFrameSlot()
    slot.put(image)
    return slot


def _windows(model: RoomModel, actions: RoomActions, frames: LatestFrameSlot) -> dict[str, QWidget]:
    clock = FixedClock()
    return {
        "questions_wall": QuestionsWall(
            model.questions, model.metrics, hashtag="#AskBlueRoom", guest_name="Léa Marchand",
            clock=clock,
        ),
        "video_wall": VideoWall(
            frames, model.questions, model.metrics, hashtag="#AskBlueRoom",
            guest_name="Léa Marchand", clock=clock,
        ),
        "heatmap_wall": HeatmapWall(
            model.heat, model.metrics, hashtag="#AskBlueRoom", land_mask=assets().land_mask
        ),
        "guest_panel": GuestPanel(
            model.session, frames, guest_name="Léa Marchand", board=model.questions,
            actions=actions,
        ),
        "operator_console": OperatorConsole(
            model, actions, session_label="session 20261204-200000 (approved images)",
            bus_stats=list, journal_stats=lambda: WriterStats(900, 4, 904, 0.4, True, "", 0),
            clock=clock,
        ),
    }  # fmt: skip


def _changed(actual: QImage, approved: QImage) -> tuple[float, float, np.ndarray]:
    """(share of pixels changed, mean difference, a picture of where)."""
    a = _array(actual)
    b = _array(approved)
    difference = np.abs(a.astype(np.int16) - b.astype(np.int16)).max(axis=2)
    changed = difference > CHANGED_LEVELS
    return float(changed.mean()), float(difference.mean()), changed


def _array(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    pointer = image.constBits()
    data = np.frombuffer(pointer, dtype=np.uint8, count=image.sizeInBytes())
    return data.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, : image.width(), :3].copy()


NAMES = ("questions_wall", "video_wall", "heatmap_wall", "guest_panel", "operator_console")


@pytest.mark.parametrize("name", NAMES)
def test_the_window_looks_as_approved(
    qtbot: QtBot,
    qapp: object,
    fixed_time: None,
    room: tuple[RoomModel, RoomActions],
    frames: LatestFrameSlot,
    name: str,
    tmp_path: Path,
) -> None:
    register_bundled_fonts()
    model, actions = room
    window = _windows(model, actions, frames)[name]
    if isinstance(window, OperatorConsole):  # as the app shows it: with its Windows menu
        keeper = WindowKeeper(QGuiApplication.instance(), {name: window}, {}, kiosk=False)
        attach_windows_menu(window, keeper)
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(1_200)  # fades and first frames settle; the console's pages paint
    window.repaint()
    actual = window.grab().toImage()
    assert (actual.width(), actual.height()) == SIZE
    changed = looks_as_approved(actual, name, tmp_path)
    if changed:
        pytest.fail(
            f"{changed}; see {tmp_path / name}.png and {name}-changed.png, and approve"
            " deliberately with `make approve-images` if the change is wanted"
        )


def looks_as_approved(actual: QImage, name: str, tmp_path: Path) -> str:
    """ "" when ``actual`` is the approved picture ``name`` (or, approving, becomes it);
    else what changed, with the picture and where it changed saved in ``tmp_path``."""
    approved_path = APPROVED / f"{name}.png"
    if APPROVING:
        approved_path.parent.mkdir(parents=True, exist_ok=True)
        assert actual.save(str(approved_path))
        return ""
    approved = QImage(str(approved_path))
    assert not approved.isNull(), (
        f"no approved picture: run `make approve-images`, look at {approved_path}"
    )
    share, mean, where = _changed(actual, approved)
    if share <= CHANGED_SHARE:
        return ""
    actual.save(str(tmp_path / f"{name}.png"))
    cv2.imwrite(str(tmp_path / f"{name}-changed.png"), where.astype(np.uint8) * 255)
    return (
        f"{name}: {share:.2%} of pixels changed (allowed {CHANGED_SHARE:.2%}), mean"
        f" difference {mean:.2f}"
    )


# -- the booth, step by step ------------------------------------------------------------------
def _booth_screenshots() -> ModuleType:
    """tools/booth_screenshots.py: the visit that makes the README's screenshots."""
    path = Path(__file__).resolve().parents[2] / "tools" / "booth_screenshots.py"
    spec = importlib.util.spec_from_file_location("booth_screenshots", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BOOTH = _booth_screenshots()
BOOTH_SIZES: dict[str, tuple[int, int]] = BOOTH.SIZES


@pytest.mark.parametrize("orientation", list(BOOTH_SIZES))
def test_each_booth_step_looks_as_approved(
    qtbot: QtBot,
    qapp: object,
    fixed_time: None,
    orientation: str,
    tmp_path: Path,
) -> None:
    register_bundled_fonts()
    size = BOOTH_SIZES[orientation]
    rig = BOOTH.BoothRig(tmp_path / "photos", BOOTH.demo_photo(), size, BOOTH.demo_burst())
    qtbot.addWidget(rig.panel)
    qtbot.waitExposed(rig.panel)
    failures = []
    seen = []
    for step, actual in rig.visit():
        seen.append(step)
        assert (actual.width(), actual.height()) == size, step
        changed = looks_as_approved(actual, f"booth_{step}_{orientation}", tmp_path)
        if changed:
            failures.append(changed)
    assert tuple(seen) == BOOTH.STEPS
    assert not failures, (
        f"{'; '.join(failures)}; see {tmp_path}, and approve"
        " deliberately with `make approve-images` if the change is wanted"
    )
