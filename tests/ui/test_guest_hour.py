"""The guest's side of the guided hour, through the real room (its journal, models and
outbox on their workers): the operator's cue reaches the guest panel, is acknowledged
there, journalled, shown acknowledged on the console, and kept over a restart; the
guest's call for help alerts the console until a staff member answers it; the first
post typed key by key on the on-screen keyboard goes out once, from the guest's own
account, through the outbox to the stand-in X (the guest signed in with the real
login); the keyboard's layouts; the step card's glow; the live step shows no LIVE badge
without a stream."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

import numpy as np
import pytest
import requests
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from blueroom.app import hand_guest_token
from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.core.actions import RoomActions
from blueroom.core.detect import QuestionRules
from blueroom.core.events import (
    CueKind,
    Event,
    GuestCueAcknowledged,
    GuestCued,
    GuestHelpAnswered,
    GuestHelpAsked,
    PostAs,
)
from blueroom.core.models import RoomModel
from blueroom.core.outbox import EntryState, PostingInfo
from blueroom.core.session import default_script
from blueroom.engine.room import Room, RoomOptions
from blueroom.settings import load_settings
from blueroom.store.journal import Journal, WriterStats
from blueroom.ui import theme
from blueroom.ui.fonts import register_bundled_fonts
from blueroom.ui.guest.first_post import FirstPostView, Page
from blueroom.ui.guest.guest_panel import FLASH_MS, GuestPanel
from blueroom.ui.guest.keyboard import ACCENTS, Layout, OnScreenKeyboard
from blueroom.ui.operator.activity_log import activity_line
from blueroom.ui.operator.console import OperatorConsole
from blueroom.x.auth import OAuthApp
from blueroom.x.credentials import Secret
from blueroom.x.guest import GuestLogin, GuestState
from tests.standin_x import StandInX
from tests.standin_x import accounts as standin_accounts
from tests.standin_x.posting import posting
from tests.x.test_guest_posts import room_with_its_account

QUIET = {"BLUEROOM_SOURCE__KIND": '"none"', "BLUEROOM_HEATMAP__GEOCODE_PROFILES": "false"}


def _journalled(path: Path) -> list[Event]:
    reader = Journal.reader(path)
    try:
        (session,) = reader.sessions()
        return [event for batch in reader.read(session.id) for event in batch]
    finally:
        reader.close()


def _step(room_model: RoomModel | object, step_id: str) -> int:
    steps = room_model.session.steps  # type: ignore[attr-defined]
    return next(n for n, step in enumerate(steps) if step.id == step_id)


class Screens:
    """The guest panel and the console on one room, as the app builds them."""

    def __init__(
        self,
        qtbot: QtBot,
        model: RoomModel,
        actions: RoomActions,
        *,
        first_post: FirstPostView | None = None,
        frames: LatestFrameSlot | None = None,
        streaming: object = None,
    ) -> None:
        register_bundled_fonts()
        self.qtbot = qtbot
        self.frames = frames or LatestFrameSlot()
        self.panel = GuestPanel(
            model.session, self.frames, guest_name="Léa Marchand", board=model.questions,
            actions=actions, cues=model.cues, first_post=first_post,
            streaming=streaming,  # type: ignore[arg-type]
        )  # fmt: skip
        self.console = OperatorConsole(
            model, actions, session_label="session test", bus_stats=list,
            journal_stats=lambda: WriterStats(0, 0, 0, 0.0, True, "", 0),
        )  # fmt: skip
        for window, size in ((self.panel, (1280, 800)), (self.console, (1366, 768))):
            qtbot.addWidget(window)
            window.resize(*size)
            window.show()
            qtbot.waitExposed(window)

    def tick(self) -> None:
        self.panel._tick()
        self.console.refresh()


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Room]:
    settings = load_settings(environ=QUIET)
    the_room = Room(settings, RoomOptions(journal_path=tmp_path / "j.sqlite"))
    the_room.start()
    try:
        yield the_room
    finally:
        the_room.stop()


def test_a_cue_reaches_the_guest_is_acknowledged_journalled_and_kept_over_a_restart(
    qtbot: QtBot, tmp_path: Path
) -> None:
    journal = tmp_path / "j.sqlite"
    settings = load_settings(environ=QUIET)
    room = Room(settings, RoomOptions(journal_path=journal))
    room.start()
    try:
        screens = Screens(qtbot, room.model, room.actions)
        row = screens.console.guest_cues
        row.wrap_up_action.trigger()  # the console's menu: Wrap up
        card = screens.panel.cue_card
        assert card is not None

        def shown() -> bool:
            screens.tick()
            return card.isVisible()

        qtbot.waitUntil(shown, timeout=5000)
        assert card.headline.text() == "Time to wrap up"
        assert "waiting" in row.state.full_text() and row.withdraw_button.isVisible()
        # a newer cue replaces the first before the guest acknowledged it
        row._ask_text = lambda parent: "  Say hello to Dakar  "
        row.text_action.trigger()
        qtbot.waitUntil(
            lambda: shown() and card.headline.text() == "Say hello to Dakar", timeout=5000
        )
        assert card.line.text() == "From the team"
        qtbot.mouseClick(card.ok, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(card.ok, Qt.MouseButton.LeftButton)  # a second tap: nothing more

        def acknowledged() -> bool:
            screens.tick()
            return card.isHidden() and "✓ acknowledged" in row.state.full_text()

        qtbot.waitUntil(acknowledged, timeout=5000)
        assert (
            "1 replaced" in row.state.full_text() and "Say hello to Dakar" in row.state.full_text()
        )
        assert not row.withdraw_button.isVisible()
        cues = room.model.cues.latest().state
        assert (cues.sent, cues.acknowledged, cues.replaced, cues.ignored) == (2, 1, 1, 0)
    finally:
        room.stop()
    on_disk = _journalled(journal)
    cued = [e for e in on_disk if isinstance(e, GuestCued)]
    assert [c.cue for c in cued] == [CueKind.WRAP_UP, CueKind.TEXT]
    assert cued[1].text == "Say hello to Dakar"
    assert [e.cue_id for e in on_disk if isinstance(e, GuestCueAcknowledged)] == [cued[1].cue_id]
    lines = [activity_line(e) or "" for e in on_disk]
    assert any(line.endswith("operator: cue to the guest “Wrap up”") for line in lines)
    assert any(line.endswith("the guest acknowledged the cue") for line in lines)
    again = Room(settings, RoomOptions(journal_path=journal))
    try:
        assert again.report.resumed
        kept = again.model.cues.latest()
        assert kept.state == cues and kept.showing is None
    finally:
        again.stop()


def test_the_guests_call_for_help_alerts_the_console_until_a_staff_member_answers(
    qtbot: QtBot, room: Room
) -> None:
    screens = Screens(qtbot, room.model, room.actions)
    help_button = screens.panel.help_button
    alert = screens.console.help_alert
    assert help_button is not None and help_button.isVisible() and not alert.alerting
    assert help_button.height() >= 64
    qtbot.mouseClick(help_button, Qt.MouseButton.LeftButton)
    assert help_button.text() == "Help is on the way…"
    qtbot.mouseClick(help_button, Qt.MouseButton.LeftButton)  # waiting: one call, not two

    def alerting() -> bool:
        screens.tick()
        return alert.alerting

    qtbot.waitUntil(alerting, timeout=5000)
    assert "The guest asks for help" in alert.label.text()
    qtbot.wait(600)  # it stays: nothing answers it by itself
    assert alerting() and help_button.text() == "Help is on the way…"
    qtbot.mouseClick(alert.answer_button, Qt.MouseButton.LeftButton)

    def answered() -> bool:
        screens.tick()
        return not alert.alerting and help_button.text() == "Someone is coming"

    qtbot.waitUntil(answered, timeout=5000)
    asked = [e for e in room.model.cues.latest().state.cues]  # no cue was sent
    assert asked == []
    help = room.model.cues.latest().state
    assert help.help_calls == 1 and help.help is not None and help.help.answered_by == "operator"
    room.stop()
    kinds = [type(e) for e in _journalled(room.journal.path)]
    assert kinds.count(GuestHelpAsked) == 1 and kinds.count(GuestHelpAnswered) == 1


def _click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isVisible(), f"{widget} is not in sight"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _touch(widget: QWidget) -> None:
    """A finger on the key: a touch press and release at its centre."""
    device = QTest.createTouchDevice()
    window = widget.window().windowHandle()
    centre = widget.mapTo(widget.window(), widget.rect().center())
    QTest.touchEvent(window, device).press(0, centre, window).commit()
    QTest.touchEvent(window, device).move(0, centre, window).commit()
    QTest.touchEvent(window, device).release(0, centre, window).commit()


def test_the_first_post_typed_on_the_keyboard_goes_out_once_from_the_guests_account(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with StandInX() as x:
        room = room_with_its_account(x, tmp_path, monkeypatch)
        login = GuestLogin(
            OAuthApp(Secret(standin_accounts.CLIENT_ID), None, x.url),
            x.url,
            port=0,
            publish=room.publish,
            on_token=partial(hand_guest_token, room),  # as the app wires it
        )
        room.start()
        login.start()
        try:
            view = FirstPostView(
                room.model.outbox, room.actions, login, hashtag="#AskBlueRoom",
                guest_name="Léa Marchand", language="fr",
            )  # fmt: skip
            screens = Screens(qtbot, room.model, room.actions, first_post=view)
            room.actions.go_to_step(_step(room.model, "first-post"))
            qtbot.waitUntil(lambda: screens.tick() or screens.panel.composing, timeout=5000)
            screens.tick()
            # not signed in: the step offers the login's QR first
            assert view.page is Page.SIGN_IN and view.qr.pixmap() is not None
            url = login.status().authorize_url
            assert login.status().state == GuestState.WAITING and url
            assert requests.get(url, timeout=10).status_code == 200  # the phone approves
            qtbot.waitUntil(lambda: screens.tick() or view.page is Page.WRITE, timeout=5000)
            keyboard = view.keyboard
            assert keyboard.layout_name is Layout.AZERTY
            _click(qtbot, keyboard.shift_key)
            for letter in "merci":
                _click(qtbot, keyboard.key(letter))
            _click(qtbot, keyboard.space_key)
            _click(qtbot, keyboard.key("à"))
            _click(qtbot, keyboard.space_key)
            _touch(keyboard.key("t"))  # a finger, as on the sofa
            _click(qtbot, keyboard.key("o"))
            _click(qtbot, keyboard.key("u"))
            _click(qtbot, keyboard.key("s"))
            _click(qtbot, keyboard.key("x"))
            _click(qtbot, keyboard.backspace_key)
            assert view.editor.toPlainText() == "Merci à tous"
            assert view.final_text == "Merci à tous #AskBlueRoom"
            assert view.left.text() == f"{280 - len('Merci à tous #AskBlueRoom')} characters left"
            assert "#AskBlueRoom will be added" in view.hashtag_note.text()
            _click(qtbot, view.post_button)
            assert view.page is Page.CONFIRM
            assert view.preview.text() == "Merci à tous #AskBlueRoom"
            assert "@leamarchand" in view.account_line.text()
            assert posting(x).live(standin_accounts.GUEST_USER_ID) == []  # nothing before
            _click(qtbot, view.confirm_button)
            view.post()  # a second press (a double tap): nothing more is asked
            assert view.asked == 1 and view.page is Page.STATUS

            def posted() -> bool:
                screens.tick()
                entry = view.entry()
                return entry is not None and entry.state is EntryState.POSTED

            qtbot.waitUntil(posted, timeout=15000)
            screens.tick()
            assert view.status_title.text() == "Posted!"
            assert view.link.text().startswith("https://x.com/leamarchand/status/")
            assert not view.link_qr.isHidden()
            on_guest = [p.text for p in posting(x).live(standin_accounts.GUEST_USER_ID)]
            assert on_guest == ["Merci à tous #AskBlueRoom"]
            assert posting(x).live(standin_accounts.ROOM_USER_ID) == []
            assert x.count("POST", "/2/tweets") == 1
            entries = room.model.outbox.latest().entries
            assert [(e.post_as, e.state) for e in entries] == [(PostAs.GUEST, EntryState.POSTED)]
            # back to the step later (or after a restart): its state, never a second post
            room.actions.go_to_step(0)
            room.actions.go_to_step(_step(room.model, "first-post"))
            qtbot.wait(300)
            screens.tick()
            assert view.page is Page.STATUS and view.asked == 1
        finally:
            login.stop()
            room.stop()


# the long press's popup: the offscreen platform cannot raise it or give it the keyboard
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_the_keyboard_speaks_azerty_and_qwerty_with_accents_shift_and_signs(
    qtbot: QtBot,
) -> None:
    keyboard = OnScreenKeyboard(Layout.AZERTY)
    qtbot.addWidget(keyboard)
    keyboard.resize(1200, 420)
    keyboard.show()
    typed: list[str] = []
    erased: list[bool] = []
    keyboard.typed.connect(typed.append)
    keyboard.erased.connect(lambda: erased.append(True))
    assert keyboard.rows() == ["azertyuiop", "qsdfghjklm", "wxcvbn'"]
    for accent in ACCENTS:  # always in sight, no long press to discover
        assert keyboard.key(accent).isVisible()
    _click(qtbot, keyboard.switch_key)
    assert keyboard.layout_name is Layout.QWERTY
    assert keyboard.rows() == ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
    assert keyboard.switch_key.text() == "QWERTY"
    _click(qtbot, keyboard.key("q"))
    _click(qtbot, keyboard.shift_key)  # once: the next letter only
    _click(qtbot, keyboard.key("w"))
    _click(qtbot, keyboard.key("e"))
    _click(qtbot, keyboard.shift_key)
    _click(qtbot, keyboard.shift_key)  # twice: caps lock
    assert keyboard.caps and keyboard.key("a").text() == "A"
    _click(qtbot, keyboard.key("é"))
    _click(qtbot, keyboard.key("œ"))
    _click(qtbot, keyboard.shift_key)  # off
    _click(qtbot, keyboard.backspace_key)
    assert typed == ["q", "W", "e", "É", "Œ"] and erased == [True]
    # a long press offers the accented letters of its key
    menu = keyboard.offer_more(keyboard.key("e"))
    assert [a.text() for a in menu.actions()] == ["é", "è", "ê", "ë"]
    menu.actions()[2].trigger()
    menu.close()
    assert typed[-1] == "ê"
    _click(qtbot, keyboard.signs_key)
    assert keyboard.rows()[0] == "1234567890" and keyboard.signs_key.text() == "ABC"
    _click(qtbot, keyboard.key("#"))
    _click(qtbot, keyboard.key("4"))
    assert typed[-2:] == ["#", "4"]
    _click(qtbot, keyboard.signs_key)
    assert keyboard.rows()[0] == "qwertyuiop"
    for key in keyboard.findChildren(QWidget):
        if key.isVisible() and key.metaObject().className() == "Key":
            assert key.height() >= 56 and key.width() >= 56, key


def test_the_guests_post_follows_the_room_and_counts_as_x_does(qtbot: QtBot) -> None:
    model = RoomModel(QuestionRules(), default_script("Léa", "#AskBlueRoom"), half_life=600.0)
    model.outbox.set_posting(PostingInfo("@BlueRoomFR", ""))
    journal: list[Event] = []
    actions = RoomActions(lambda e: journal.append(e) or model.apply([e]) or 1, model.session, "s")
    view = FirstPostView(model.outbox, actions, None, hashtag="#AskBlueRoom", language="en")
    qtbot.addWidget(view)
    view.resize(1280, 700)
    view.show()
    view.refresh()
    assert view.page is Page.SIGN_IN and "not set up" in view.sign_in_line.text()
    assert view.keyboard.layout_name is Layout.QWERTY
    view.pick(view.ideas[0][0])  # a suggestion names the hashtag: nothing is added
    assert view.final_text == view.ideas[0][0] and view.hashtag_note.text() == ""
    view.pick("🎉" * 134 + "!")  # an emoji counts 2, the hashtag 13 with its space
    assert view.left.text() == "2 characters too many" and not view.post_button.isEnabled()
    view.erase()
    assert view.left.text() == "1 character too many"
    view.erase()
    assert view.editor.toPlainText() == "🎉" * 133  # a whole emoji at a time
    assert view.left.text() == "1 character left" and view.post_button.isEnabled()
    assert view.post_button.isEnabled()


def test_a_new_step_lights_the_card_and_the_glow_fades(qtbot: QtBot) -> None:
    model = RoomModel(QuestionRules(), default_script("Léa", "#AskBlueRoom"), half_life=600.0)
    actions = RoomActions(lambda e: model.apply([e]) or 1, model.session, "s")
    screens = Screens(qtbot, model, actions)
    panel = screens.panel
    panel._tick()
    assert panel.flashes == 0 and panel.flash == 0.0
    actions.go_to_step(2)
    panel._tick()
    assert panel.flashes == 1 and panel.flash == 1.0
    qtbot.waitUntil(lambda: 0.0 < panel.flash < 0.9, timeout=FLASH_MS)  # fading, not blinking
    qtbot.waitUntil(lambda: panel.flash == 0.0, timeout=FLASH_MS + 1500)
    assert panel.hour_done() == pytest.approx(10 / 60)


def _red_pixels(image: QImage) -> int:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    data = np.frombuffer(rgb.constBits(), np.uint8, rgb.bytesPerLine() * rgb.height())
    pixels = data.reshape(rgb.height(), rgb.bytesPerLine())[:, : rgb.width() * 3]
    pixels = pixels.reshape(rgb.height(), rgb.width(), 3).astype(int)
    live = theme.LIVE
    close = np.abs(pixels - np.array([live.red(), live.green(), live.blue()])).sum(axis=2) < 40
    return int(close.sum())


@pytest.mark.parametrize("streaming", [False, True], ids=["no-stream", "streaming"])
def test_the_live_step_is_on_camera_and_never_live_without_a_stream(
    qtbot: QtBot, streaming: bool
) -> None:
    model = RoomModel(QuestionRules(), default_script("Léa", "#AskBlueRoom"), half_life=600.0)
    actions = RoomActions(lambda e: model.apply([e]) or 1, model.session, "s")
    frames = LatestFrameSlot()
    frame = np.full((720, 1280, 3), 90, np.uint8)
    frame[:, :450] = (255, 0, 0)  # a blue band at the left of the camera's picture
    frames.put(frame)
    screens = Screens(
        qtbot, model, actions, frames=frames, streaming=(lambda: True) if streaming else None
    )
    panel = screens.panel
    actions.go_to_step(_step(model, "live-video"))

    def showing() -> bool:
        panel._tick()
        return panel._mirror is not None

    qtbot.waitUntil(showing, timeout=5000)
    qtbot.wait(FLASH_MS + 200)
    panel.repaint()
    words = panel.on_camera_words()
    assert words is not None
    assert panel.live_badge_shown is streaming
    if streaming:
        assert words[0] == "LIVE"
    else:
        assert words == (
            "ON CAMERA",
            "This is what the room's video wall shows. This room is not streaming.",
        )
    image = panel.grab().toImage()
    red = _red_pixels(image)
    assert (red > 500) if streaming else (red == 0), red
    # the picture as the video wall shows it, not mirrored: the blue band stays at the left
    box = panel._mirror_box()
    ratio = image.devicePixelRatio()
    left = image.pixelColor(QPoint(int((box.left() + 20) * ratio), int(box.center().y() * ratio)))
    right = image.pixelColor(QPoint(int((box.right() - 20) * ratio), int(box.center().y() * ratio)))
    assert left.blue() > 200 and right.blue() < 150
    assert panel.slate_words() is None
