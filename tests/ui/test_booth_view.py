"""The mirror's booth as the guest runs it: every step reached by qtbot clicks and by
deadlines on a fake clock, through the real room model (booth, outbox) and the real
still capture; retake, skip, idle, a capture failure; targets of at least 96 px in
landscape and portrait, nothing cropped; the guest panel hands the mirror to it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.capture.still import StillCapture
from blueroom.core.actions import RoomActions
from blueroom.core.booth import BoothTimings, PhotoFate
from blueroom.core.detect import QuestionRules
from blueroom.core.events import (
    BoothAction,
    BoothStep,
    BoothTouched,
    Event,
    OutboxQueued,
    PhotoCaptured,
)
from blueroom.core.models import RoomModel
from blueroom.core.outbox import PostingInfo
from blueroom.core.session import default_script
from blueroom.ui.fonts import register_bundled_fonts
from blueroom.ui.guest.booth_view import MIN_TARGET, BoothView
from blueroom.ui.guest.guest_panel import GuestPanel

T0 = 1_800_000_000.0


class Studio:
    """The room model, its clock (fake), the still capture and the booth view."""

    def __init__(
        self,
        qtbot: QtBot,
        tmp_path: Path,
        *,
        can_post: bool = False,
        take_home: Callable[[Path], QWidget] | None = None,
        local_shutter: bool = False,
        clips: bool = False,
    ) -> None:
        self.now = T0
        self.model = RoomModel(
            QuestionRules(hashtags=frozenset({"askblueroom"})),
            default_script("Léa Marchand", "#AskBlueRoom"),
            half_life=600.0,
            booth=BoothTimings(countdown=3.0, sign=20.0),
            hashtag="#AskBlueRoom",
        )
        cannot = "" if can_post else "no posting credentials: saved, not posted"
        self.model.outbox.set_posting(PostingInfo("@BlueRoomFR", cannot))
        self.journal: list[Event] = []
        self.problems: list[tuple[str, str]] = []  # what the console is told
        self.actions = RoomActions(self.publish, self.model.session, "s")
        self.frames = LatestFrameSlot()
        frame = np.full((1080, 1920, 3), 70, np.uint8)
        frame[:, :200] = (0, 0, 255)
        self.frames.put(frame)
        self.still = StillCapture(
            self.model.booth, self.frames, tmp_path / "photos", self.publish, clock=self.clock
        )
        self.view = BoothView(
            self.model.booth, self.model.outbox, self.actions, take_home=take_home,
            clock=self.clock, shutter=self.still.shoot if local_shutter else None, clips=clips,
            on_problem=lambda where, what: self.problems.append((where, what)),
        )  # fmt: skip
        qtbot.addWidget(self.view)
        self.view.resize(1280, 800)
        self.view.show()
        qtbot.waitExposed(self.view)
        self.qtbot = qtbot

    def clock(self) -> float:
        return self.now

    def publish(self, event: Event) -> int:
        event = type(event)(**{**_fields(event), "at": self.now})
        self.journal.append(event)
        self.model.apply([event])
        return 1

    def wait(self, seconds: float) -> None:
        end = self.now + seconds
        while self.now < end:
            self.now = min(end, self.now + 0.2)
            for event in self.model.booth.due(self.now):
                self.journal.append(event)
                self.model.apply([event])
        self.view.refresh()

    def click(self, action: BoothAction) -> None:
        self.view.refresh()
        button = self.view.buttons[action]
        assert button.isVisible(), f"{action} is not offered on {self.step}"
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self.view.refresh()

    @property
    def step(self) -> BoothStep:
        self.view.refresh()
        return self.view.state.step

    def shoot(self) -> None:
        self.click(BoothAction.SHOOT)
        assert self.step is BoothStep.COUNTDOWN
        self.wait(3.0)
        assert self.step is BoothStep.CAPTURE
        self.still.step()  # the still worker's look at the booth
        self.view.refresh()

    def posts(self) -> list[OutboxQueued]:
        return [e for e in self.journal if isinstance(e, OutboxQueued)]


def _fields(event: Event) -> dict[str, object]:
    return {name: getattr(event, name) for name in event.__struct_fields__}


@pytest.fixture(autouse=True)
def fonts(qapp: object) -> None:
    register_bundled_fonts()


def visible_actions(view: BoothView) -> set[BoothAction]:
    return {action for action, button in view.buttons.items() if button.isVisible()}


def test_a_whole_visit_by_touches_signs_and_posts_once(qtbot: QtBot, tmp_path: Path) -> None:
    studio = Studio(qtbot, tmp_path, can_post=True)
    view = studio.view
    view.refresh()
    assert visible_actions(view) == {BoothAction.START} and view.over_mirror
    studio.click(BoothAction.START)
    assert studio.step is BoothStep.PREVIEW
    assert visible_actions(view) == {BoothAction.SHOOT, BoothAction.CANCEL}
    studio.click(BoothAction.SHOOT)
    view.refresh()
    assert view._numeral == 3
    studio.wait(1.0)
    assert view._numeral == 2
    studio.wait(2.0)
    assert studio.step is BoothStep.CAPTURE
    flash = view.grab().toImage()
    assert flash.pixelColor(10, 10).lightness() == 255  # the white flash
    studio.still.step()
    assert studio.step is BoothStep.REVIEW
    photo = view.state.photo
    assert photo is not None and (photo.width, photo.height) == (1920, 1080)
    assert visible_actions(view) == {BoothAction.RETAKE, BoothAction.KEEP}
    assert not view.over_mirror and view.photo.isVisible()
    studio.click(BoothAction.KEEP)
    assert studio.step is BoothStep.SIGN and view.pad.isVisible()
    pad = view.pad
    device = QTest.createTouchDevice()
    start = pad.photo_box().center().toPoint()
    QTest.touchEvent(pad, device).press(0, start, pad).commit()
    QTest.touchEvent(pad, device).move(0, start + QPoint(120, 0), pad).commit()
    QTest.touchEvent(pad, device).release(0, start + QPoint(200, 0), pad).commit()
    studio.click(BoothAction.SIGNED)
    assert studio.step is BoothStep.FINISH
    signed = tmp_path / "photos" / f"{photo.photo_id}-signed.jpg"
    assert QImage(str(signed)).size().width() == 1920  # full resolution
    assert (tmp_path / "photos" / f"{photo.photo_id}-signature.svg").exists()
    studio.click(BoothAction.FINISHED)
    assert studio.step is BoothStep.SHARE
    assert "hashtag" in view.captions[BoothAction.POST].text()
    assert studio.posts() == []
    studio.click(BoothAction.POST)
    assert studio.step is BoothStep.DONE
    studio.wait(1.0)  # the engine's clock queues the post
    studio.view.refresh()
    (queued,) = studio.posts()
    assert queued.draft.media == (str(signed),)
    assert view.headline.text() == "Posting…"
    studio.wait(60.0)
    assert studio.step is BoothStep.ATTRACT and len(studio.posts()) == 1


def test_retake_skip_and_saved_without_an_x_account(qtbot: QtBot, tmp_path: Path) -> None:
    studio = Studio(qtbot, tmp_path)
    studio.click(BoothAction.START)
    studio.shoot()
    first = studio.view.state.photo
    studio.click(BoothAction.RETAKE)
    assert studio.step is BoothStep.COUNTDOWN
    studio.wait(3.0)
    studio.still.step()
    assert studio.step is BoothStep.REVIEW
    second = studio.view.state.photo
    assert first is not None and second is not None and first.photo_id != second.photo_id
    assert studio.model.booth.photos[first.photo_id].fate is PhotoFate.RETAKEN
    studio.click(BoothAction.KEEP)
    studio.click(BoothAction.SKIP)
    assert studio.step is BoothStep.FINISH
    studio.click(BoothAction.FINISHED)
    assert studio.view.captions[BoothAction.POST].text() == "saved, not posted: no X account"
    studio.click(BoothAction.SAVE)
    assert studio.step is BoothStep.DONE and studio.view.headline.text() == "Saved"
    studio.wait(31.0)
    assert studio.step is BoothStep.ATTRACT and studio.posts() == []


@pytest.mark.parametrize("leave_at", [BoothStep.PREVIEW, BoothStep.REVIEW, BoothStep.SHARE])
def test_an_idle_booth_never_posts(qtbot: QtBot, tmp_path: Path, leave_at: BoothStep) -> None:
    studio = Studio(qtbot, tmp_path, can_post=True)
    studio.click(BoothAction.START)
    if leave_at is not BoothStep.PREVIEW:
        studio.shoot()
    if leave_at is BoothStep.SHARE:
        for action in (BoothAction.KEEP, BoothAction.SKIP, BoothAction.FINISHED):
            studio.click(action)
    assert studio.step is leave_at
    studio.wait(600.0)
    assert studio.step is BoothStep.ATTRACT and studio.posts() == []


def test_a_capture_failure_is_one_moment_then_attract_with_the_photo_kept(
    qtbot: QtBot, tmp_path: Path
) -> None:
    studio = Studio(qtbot, tmp_path)
    blocker = tmp_path / "blocked"
    blocker.write_text("a file, not a folder")
    studio.still.folder = blocker / "photos"
    studio.click(BoothAction.START)
    studio.shoot()
    assert studio.step is BoothStep.ONE_MOMENT
    assert studio.view.headline.text() == "One moment…"
    assert "kept in memory" in studio.view.detail.text()
    assert visible_actions(studio.view) == set()
    assert len(studio.still.kept) == 1
    studio.wait(5.0)
    assert studio.step is BoothStep.ATTRACT and studio.posts() == []


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (800, 1280)])
def test_every_step_lays_out_big_targets_inside_the_screen(
    qtbot: QtBot, tmp_path: Path, size: tuple[int, int]
) -> None:
    studio = Studio(qtbot, tmp_path)
    studio.view.resize(*size)
    path = [
        BoothAction.START, BoothAction.SHOOT, None, BoothAction.KEEP, BoothAction.SKIP,
        BoothAction.FINISHED, BoothAction.SAVE,
    ]  # fmt: skip
    screen = QRect(0, 0, *size)
    for action in path:
        if action is None:
            studio.wait(3.0)
            studio.still.step()
        else:
            studio.click(action)
        qtbot.wait(1)
        view = studio.view
        shown = [b for b in [*view.buttons.values(), *view._tools] if b.isVisible()]
        for button in shown:
            box = QRect(button.mapTo(view, QPoint(0, 0)), button.size())
            assert button.height() >= MIN_TARGET and button.width() >= MIN_TARGET, button.text()
            assert screen.contains(box), (studio.step, button.text(), box)


def test_the_guest_panel_hands_the_mirror_step_to_the_booth(qtbot: QtBot, tmp_path: Path) -> None:
    studio = Studio(qtbot, tmp_path)
    studio.view.hide()
    panel = GuestPanel(studio.model.session, studio.frames, guest_name="Léa", booth=studio.view)
    qtbot.addWidget(panel)
    panel.resize(1280, 800)
    panel.show()
    qtbot.waitExposed(panel)
    panel._tick()
    assert studio.view.isHidden()
    studio.actions.go_to_step(4)  # the mirror
    panel._tick()
    assert studio.view.isVisible()
    assert studio.view.geometry() == panel._mirror_box().toAlignedRect()
    studio.click(BoothAction.START)
    studio.shoot()
    panel._tick()
    assert studio.view.geometry() == panel.rect()  # from review on, the whole panel
    panel.resize(800, 1280)
    qtbot.wait(1)
    studio.click(BoothAction.RETAKE)
    panel._tick()
    box = panel._mirror_box()
    assert box.width() > 0.85 * 800 and studio.view.geometry() == box.toAlignedRect()
    image = cv2.imread(str(studio.view.state.photo.path)) if studio.view.state.photo else None
    assert image is None  # a retake: no photo until the next capture


def test_the_done_step_shows_the_photo_to_take_home_served_on_the_room_s_network(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The done screen's QR code opens the posted file (the signed photo) on a phone: the
    real photo server, the QR read back as a phone would."""
    import requests

    from blueroom.capture.handoff import PhotoHandoff
    from blueroom.ui.guest.take_home import TakeHome, take_home_for
    from tests.ui.test_guest_sign_in import read_qr

    server = PhotoHandoff(tmp_path / "photos", host="127.0.0.1", port=0)
    assert server.start() == ""
    try:
        studio = Studio(
            qtbot, tmp_path, can_post=True, take_home=lambda photo: take_home_for(server, photo)
        )
        studio.click(BoothAction.START)
        studio.shoot()
        studio.click(BoothAction.KEEP)
        studio.click(BoothAction.SKIP)
        studio.click(BoothAction.FINISHED)
        studio.click(BoothAction.SAVE)
        assert studio.step is BoothStep.DONE
        widget = studio.view.take_home
        assert isinstance(widget, TakeHome) and widget.isVisible()
        page = read_qr(widget.photo_code.grab().toImage())
        photo = studio.view.state.photo
        assert photo is not None and page.startswith("http://127.0.0.1:")
        served = requests.get(page.rstrip("/") + "/photo.jpg", timeout=10)
        assert served.status_code == 200 and served.content == Path(photo.path).read_bytes()
    finally:
        server.stop()


@pytest.mark.parametrize("size", [(800, 1280), (700, 1120), (1280, 800)])
def test_no_share_button_s_word_is_cut_in_portrait_or_landscape(
    qtbot: QtBot, tmp_path: Path, size: tuple[int, int]
) -> None:
    """Three choices with long captions under them: the buttons share the row by their
    words, not their captions', and stack one above the other when the words would not
    fit ("Save only" was cut to "ave onl" on a portrait screen)."""
    from PySide6.QtGui import QFontMetricsF

    studio = Studio(qtbot, tmp_path, can_post=True)  # the longest caption, under Post
    studio.view.resize(*size)
    studio.click(BoothAction.START)
    studio.shoot()
    for action in (BoothAction.KEEP, BoothAction.SKIP, BoothAction.FINISHED):
        studio.click(action)
    assert studio.step is BoothStep.SHARE
    assert studio.view.width() == size[0]
    for action in (BoothAction.POST, BoothAction.SAVE, BoothAction.DISCARD):
        button = studio.view.buttons[action]
        words = QFontMetricsF(button.font()).horizontalAdvance(button.text())
        assert words + 2 * 28 <= button.width() + 1, (action, words, button.width())


def test_the_local_shutter_shows_the_photo_before_the_booth_reaches_capture(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The countdown's deadline: the full frame shown as review at once; a Keep touched
    before the booth confirms is held, then sent; the booth's journal has the photo."""
    studio = Studio(qtbot, tmp_path, local_shutter=True)
    view, booth = studio.view, studio.model.booth
    studio.click(BoothAction.START)
    studio.click(BoothAction.SHOOT)
    countdown = booth.latest()
    assert countdown.step is BoothStep.COUNTDOWN and view._shutter_timer.isActive()
    studio.now = countdown.deadline  # the engine's clock has not ticked: still the countdown
    view._shoot()  # the shutter's timer falls
    assert booth.latest().step is BoothStep.COUNTDOWN
    assert view.step is BoothStep.REVIEW and view.photo.isVisible() and not view.over_mirror
    assert visible_actions(view) == {BoothAction.RETAKE, BoothAction.KEEP}
    shown, shot = view.photo.image, view.shot
    assert (
        shown is not None and shot is not None and (shown.width(), shown.height()) == (1920, 1080)
    )
    assert shown.pixelColor(10, 10).red() == 255  # the frame's red band: not mirrored
    studio.qtbot.mouseClick(view.buttons[BoothAction.KEEP], Qt.MouseButton.LeftButton)
    assert booth.latest().step is BoothStep.COUNTDOWN  # held, not sent to a countdown
    studio.still.drain()  # written; the booth's countdown not over: not announced yet
    assert not [e for e in studio.journal if isinstance(e, PhotoCaptured)]
    studio.wait(0.2)  # the engine's clock: capture
    assert booth.latest().step is BoothStep.CAPTURE and view.step is BoothStep.REVIEW
    studio.still.drain()  # announced: the booth's review, with the shot
    (captured,) = [e for e in studio.journal if isinstance(e, PhotoCaptured)]
    assert captured.photo_id == shot.photo_id
    view.refresh()
    assert view.shot is None and view.photo.image is shown  # the same pixels, not re-read
    assert booth.latest().step is BoothStep.SIGN  # the held Keep, sent once confirmed
    assert Path(captured.path).exists() and (captured.width, captured.height) == (1920, 1080)
    assert booth.photos[captured.photo_id].fate is PhotoFate.KEPT
    assert studio.still.refused == 0 and view.held_dropped == 0


def test_a_shot_the_booth_refused_is_kept_on_disk_and_leaves_the_screen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The guest's Cancel reached the booth as the countdown ended: the shot is written
    and journalled (kept, never shown nor posted); the screen follows the booth."""
    studio = Studio(qtbot, tmp_path, local_shutter=True)
    view, booth = studio.view, studio.model.booth
    studio.click(BoothAction.START)
    studio.click(BoothAction.SHOOT)
    studio.now = booth.latest().deadline
    view._shoot()
    shot = view.shot
    assert shot is not None
    studio.qtbot.mouseClick(view.buttons[BoothAction.RETAKE], Qt.MouseButton.LeftButton)
    studio.publish(BoothTouched(action=BoothAction.CANCEL))  # first at the booth
    assert booth.latest().step is BoothStep.PREVIEW
    studio.still.drain()
    view.refresh()
    assert view.shot is None and view.step is BoothStep.PREVIEW and view.over_mirror
    assert view.held_dropped == 1 and studio.still.refused == 1
    kept = booth.photos[shot.photo_id]
    assert kept.fate is PhotoFate.TAKEN and Path(kept.path).exists()
    assert booth.latest().step is BoothStep.PREVIEW  # the late photo moved nothing
    studio.wait(120.0)
    assert booth.latest().step is BoothStep.ATTRACT and studio.posts() == []


def test_the_shutter_falls_on_the_countdown_s_deadline_in_real_time(qtbot: QtBot) -> None:
    """The real timer, the real clock: the shot within a few frames of the deadline, with
    no engine clock ticking at all."""
    model = RoomModel(
        QuestionRules(hashtags=frozenset({"askblueroom"})),
        default_script("Léa Marchand", "#AskBlueRoom"),
        half_life=600.0,
        booth=BoothTimings(countdown=1.0),
    )
    frames = LatestFrameSlot()
    frames.put(np.full((1080, 1920, 3), 90, np.uint8))

    def publish(event: Event) -> int:
        model.apply([event])
        return 1

    actions = RoomActions(publish, model.session, "s")
    still = StillCapture(model.booth, frames, Path("/nonexistent/never-written"), publish)
    view = BoothView(model.booth, model.outbox, actions, shutter=still.shoot)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    actions.booth(BoothAction.START)
    actions.booth(BoothAction.SHOOT)
    deadline = model.booth.latest().deadline
    camera = QTimer()  # a camera giving 25 frames a second
    camera.timeout.connect(lambda: frames.put(np.full((1080, 1920, 3), 90, np.uint8)))
    camera.start(40)
    view.refresh()
    qtbot.waitUntil(lambda: view.shot is not None, timeout=3000)
    assert view.shot is not None and 0.0 <= view.shot.taken_at - deadline < 0.1
    camera.stop()
    assert model.booth.latest().step is BoothStep.COUNTDOWN and view.step is BoothStep.REVIEW


def test_the_mirror_takes_every_camera_frame_as_it_is_prepared(qtbot: QtBot) -> None:
    """The preparer's thread wakes the mirror for each frame: every one of 30 frames given
    at 30 a second reaches the mirror, though the panel's own tick is far slower."""
    from blueroom.ui.widgets.prepared_frames import FramePreparer

    model = RoomModel(
        QuestionRules(hashtags=frozenset({"askblueroom"})),
        default_script("Léa Marchand", "#AskBlueRoom"),
        half_life=600.0,
    )
    frames = LatestFrameSlot()
    panel = GuestPanel(model.session, frames, guest_name="Léa", frame_rate=2)
    qtbot.addWidget(panel)
    panel.resize(960, 540)
    panel.show()
    qtbot.waitExposed(panel)
    preparer = FramePreparer(frames)
    preparer.register(panel.prepared)
    taken: list[int] = []
    panel.frame_ready.connect(lambda: taken.append(panel.frame_seq))
    frames.put(np.full((540, 960, 3), 0, np.uint8))
    panel._tick()  # the mirror's size, once
    preparer.start()
    try:
        qtbot.waitUntil(lambda: panel.frame_seq == 1, timeout=3000)
        given = []
        for n in range(30):
            given.append(frames.put(np.full((540, 960, 3), n * 8, np.uint8)).seq)
            qtbot.wait(33)
        qtbot.waitUntil(lambda: panel.frame_seq == given[-1], timeout=3000)
    finally:
        preparer.stop()
    assert set(given) <= set(taken)


def test_the_guest_s_clip_choice_posts_the_boomerang_to_x_once(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """The share step offers the boomerang once it is written; chosen, it plays in the
    photo's place; Post sends it through the real outbox and the room's X client to the
    stand-in X (chunked upload: INIT, APPEND, FINALIZE, STATUS), once."""
    import threading

    from PySide6.QtGui import QMovie

    from blueroom.capture.boomerang import Boomerangs, Burst
    from blueroom.core.events import BoothClipChosen, ClipSaved
    from blueroom.core.outbox import EntryState, OutboxSender, RetryPolicy
    from tests.standin_x import StandInX
    from tests.standin_x.posting import posting
    from tests.x.test_poster_standin import room_poster

    studio = Studio(qtbot, tmp_path, can_post=True, clips=True)
    view = studio.view
    studio.click(BoothAction.START)
    studio.shoot()
    photo = view.state.photo
    assert photo is not None
    for action in (BoothAction.KEEP, BoothAction.SKIP, BoothAction.FINISHED):
        studio.click(action)
    assert studio.step is BoothStep.SHARE
    photo_choice, clip_choice = view.media_buttons[False], view.media_buttons[True]
    assert photo_choice.isVisible() and photo_choice.isChecked()  # the photo by default
    assert not clip_choice.isEnabled() and clip_choice.text() == "Boomerang: a moment…"
    for choice in (photo_choice, clip_choice):
        assert choice.height() >= MIN_TARGET and choice.width() >= MIN_TARGET

    # the boomerang, built and written by the real clip maker, arrives on the share step
    clips = Boomerangs(studio.model.booth, studio.frames, tmp_path / "photos", studio.publish)
    frames = [(float(n), np.full((360, 640, 3), 40 + 10 * n, np.uint8)) for n in range(8)]
    saved = clips.build(Burst(photo.photo_id, 3.5, frames))
    assert isinstance(saved, ClipSaved)
    view.refresh()
    assert clip_choice.isEnabled() and clip_choice.text() == "Boomerang clip"
    qtbot.mouseClick(clip_choice, Qt.MouseButton.LeftButton)
    view.refresh()
    assert [e.clip for e in studio.journal if isinstance(e, BoothClipChosen)] == [True]
    assert clip_choice.isChecked() and not photo_choice.isChecked()
    assert studio.step is BoothStep.SHARE  # a choice never moves the step
    assert view.movie is not None and view.movie.state() is QMovie.MovieState.Running
    qtbot.waitUntil(lambda: view.photo.image is not None and view.photo.image.width() == 480)

    studio.click(BoothAction.POST)
    studio.wait(1.0)
    (queued,) = studio.posts()
    assert queued.draft.media == (saved.mp4,)
    with StandInX() as x:
        poster, _ = room_poster(x)
        sender = OutboxSender(
            studio.model.outbox,
            poster,
            studio.publish,
            journalled=lambda: True,
            policy=RetryPolicy(journal_wait=1.0),
            clock=studio.clock,
        )
        stop = threading.Event()
        for _ in range(3):  # the engine's clock ticking: the entry is handed over once
            studio.model.outbox.due(studio.now)
            handed = studio.model.outbox.handoff.take(0.0)
            if handed is not None:
                sender.handle(handed, stop)
                studio.model.outbox.handoff.done(handed)
        entry = studio.model.outbox.latest().entry(queued.entry_id)
        assert entry is not None and entry.state is EntryState.POSTED, entry
        (post,) = posting(x).live()
        (media_id,) = post.media_ids
        media = posting(x).media[media_id]
        assert (media.kind, media.category) == ("video/mp4", "tweet_video")
        assert media.data() == Path(saved.mp4).read_bytes()
        assert x.count("POST", "/2/tweets") == 1
    view.refresh()
    assert view.headline.text() == "Posted"
    studio.wait(60.0)
    assert len(studio.posts()) == 1
