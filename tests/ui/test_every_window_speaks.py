"""Every window in French and in English: nothing left in English on a French screen,
no text cut by its widget.

The room runs in-process (the engine's own Room, the demo's first 1,500 lines read
through the replay and the journal) with the windows the app builds (``Studio``); the
console is walked at 1366×768 and 1920×1080 through every tab, the guest panel through
every segment of a shipped script, the booth through every screen in landscape and
portrait, and the console's dialogs. What is checked is what :mod:`tests.ui.screen_texts`
reads: widgets' texts (the walls' painted words go through ``translate`` by
tests/ui/test_translations.py, and fit by tests/ui/test_text_fits.py).

The French is the committed blueroom_fr.qm: a string added to the code fails here, in
French, until its translation is written (``make translations``, then Qt Linguist).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from blueroom.app import Studio
from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.core.booth import BoothTimings
from blueroom.core.events import BoothAction, BoothStep, Event, PostKind, RoomSwitch, SourceState
from blueroom.core.outbox import PostingInfo
from blueroom.core.switches import Switches
from blueroom.engine.room import Room, RoomOptions
from blueroom.paths import BUNDLED, assets
from blueroom.settings import Settings, load_settings
from blueroom.sources.recording import open_lines
from blueroom.ui.fonts import register_bundled_fonts
from blueroom.ui.guest.guest_panel import GuestPanel
from blueroom.ui.guest.sign_in import SignInCard
from blueroom.ui.guest.take_home import TakeHome
from blueroom.ui.i18n import install_translations, remove_translations
from blueroom.ui.operator.composer import Composer
from blueroom.ui.operator.console import OperatorConsole
from blueroom.ui.operator.gallery import TakeHomeDialog
from blueroom.ui.operator.guest_menu import attach_guest_menu
from blueroom.ui.operator.keys_sheet import KeysSheet
from blueroom.ui.operator.rules_dialog import RulesDialog
from blueroom.x.guest import GuestLogin
from tests.standin_x import StandInX
from tests.ui.console_layout import make_console, small_room
from tests.ui.screen_texts import (
    EnglishSources,
    cut_texts,
    english_sources,
    painted_problems,
    painted_texts,
    shown_texts,
    untranslated,
)
from tests.ui.test_booth_view import Studio as Booth
from tests.ui.test_guest_sign_in import login, read_qr  # noqa: F401 - the fixture
from tests.ui.test_translations import code_messages

POSTS = 1_500
CONSOLE_SIZES = ((1366, 768), (1920, 1080))
WALL_SIZE = (1920, 1080)
GUEST_SIZE = (1600, 1000)
BOOTH_SIZES = ((1280, 800), (800, 1280))
SCRIPT = "musician-first-visit"  # every kind of segment: card, composer, pick, booth


@pytest.fixture(params=["fr", "en"])
def language(request: pytest.FixtureRequest, qapp: object) -> Iterator[str]:
    register_bundled_fonts()
    installed = install_translations(request.param, folder=BUNDLED / "i18n")
    assert installed.problems == ()
    yield request.param
    remove_translations()


@pytest.fixture(scope="module")
def sources() -> EnglishSources:
    code = {message.source for message in code_messages()}
    return english_sources(BUNDLED / "i18n" / "blueroom_fr.ts", code)


class Findings:
    """What is wrong, screen by screen."""

    def __init__(self, language: str, sources: EnglishSources) -> None:
        self.language = language
        self.sources = sources
        self.found: list[str] = []
        self.screens = 0
        self.texts = 0

    def look(self, screen: str, window: QWidget) -> None:
        QApplication.processEvents()
        texts = list(shown_texts(window))
        self.screens += 1
        self.texts += len(texts)
        painted = painted_texts(window)
        self.texts += len(painted)
        french = self.sources if self.language == "fr" else None
        wrong = cut_texts(texts, self.sources) + painted_problems(window, painted, french)
        if french is not None:
            wrong = untranslated(texts, french) + wrong
        self.found += [f"[{screen}] {line}" for line in dict.fromkeys(wrong)]

    def check(self, at_least: int) -> None:
        assert self.screens >= at_least and self.texts > 0
        assert not self.found, (
            f"{self.language}: {len(self.found)} text(s) untranslated or cut on"
            f" {self.screens} screens:\n" + "\n".join(self.found)
        )


def _settings(language: str, folder: Path) -> Settings:
    return load_settings(
        environ={
            "BLUEROOM_LANGUAGE": language,
            "BLUEROOM_SESSION__SCRIPT": SCRIPT,
            "BLUEROOM_JOURNAL__PATH": str(folder / "journal.sqlite"),
        }
    )


@pytest.fixture
def room(language: str, tmp_path: Path) -> Iterator[tuple[Room, Settings]]:
    settings = _settings(language, tmp_path)
    recording = tmp_path / "first-posts.jsonl"  # the same posts on every run
    with open_lines(assets().demo_event) as lines, recording.open("wb") as first:
        first.writelines(itertools.islice(lines, POSTS))
    room = Room(
        settings,
        RoomOptions(
            replay_file=recording, speed=None, loop=False, journal_path=tmp_path / "journal.sqlite"
        ),
    )
    room.start()
    try:
        deadline = time.monotonic() + 180

        def read() -> int | None:
            """The posts of the whole recording, once read and in the models."""
            finished = [s.posts for s in room.sources() if s.state is SourceState.FINISHED]
            done = finished and room.model.metrics.latest().posts >= finished[0]
            return finished[0] if done else None

        while time.monotonic() < deadline and read() is None:
            time.sleep(0.05)
        assert (read() or 0) > POSTS * 0.9, "the replay read them all"
        yield room, settings
    finally:
        room.stop()


def _wait(qtbot: QtBot, done: Callable[[], object]) -> None:
    qtbot.waitUntil(lambda: bool(done()), timeout=30_000)  # a busy machine is slow


def test_the_room_s_windows_speak_its_language_whole(
    qtbot: QtBot, language: str, sources: EnglishSources, room: tuple[Room, Settings]
) -> None:
    engine, settings = room
    studio = Studio(settings, engine, session_label="session 20261206-200000", camera=False)
    findings = Findings(language, sources)
    try:
        windows = studio.windows
        for window in windows.values():
            qtbot.addWidget(window)
            window.resize(*WALL_SIZE)
            window.show()
        _operate(engine, qtbot)
        for name in ("questions_wall", "video_wall", "heatmap_wall"):
            findings.look(name, windows[name])
        console = windows["operator_console"]
        assert isinstance(console, OperatorConsole)
        for width, height in CONSOLE_SIZES:
            console.resize(width, height)
            qtbot.wait(50)
            for tabs in console.findChildren(QTabWidget):
                for index in range(tabs.count()):
                    tabs.setCurrentIndex(index)
                    qtbot.wait(20)
                    findings.look(f"console {width}×{height} {tabs.tabText(index)}", console)
            queue_tabs = console.moderation.tabs
            for index in range(queue_tabs.count()):
                queue_tabs.setCurrentIndex(index)
                qtbot.wait(20)
                findings.look(f"console {width}×{height} queue {index}", console)
        panel = windows["guest_panel"]
        assert isinstance(panel, GuestPanel)
        panel.resize(*GUEST_SIZE)
        steps = engine.model.session.latest().steps
        for index, step in enumerate(steps):
            engine.actions.go_to_step(index)
            _wait(qtbot, lambda at=index: engine.model.session.latest().current == at)
            panel._tick()
            findings.look(f"guest panel {index} ({step.shows})", panel)
        # the room's switches the other way, as a script starts them: the questions wall
        # resting, the Q&A closed, the booth not armed yet, ON CAMERA on the video wall
        for switch in RoomSwitch:
            engine.actions.switch(switch, switch is RoomSwitch.ON_CAMERA)
        _wait(
            qtbot,
            lambda: engine.model.session.latest().switches == Switches(False, False, False, True),
        )
        qtbot.wait(500)  # each window's own timer takes its look; the badge fades in
        for name in ("questions_wall", "video_wall"):
            findings.look(f"{name}, switches off", windows[name])
        for index, step in enumerate(steps):
            if step.shows in ("pick", "booth"):
                engine.actions.go_to_step(index)
                _wait(qtbot, lambda at=index: engine.model.session.latest().current == at)
                panel._tick()
                findings.look(f"guest panel {index} ({step.shows}), switches off", panel)
    finally:
        studio.stop()
    findings.check(at_least=3 + 2 * 6 + 6 + 2)


def _operate(room: Room, qtbot: QtBot) -> None:
    """A few decisions, as an operator takes them: the lists and the program have cards."""
    from blueroom.core.questions import QueueQuery

    _wait(qtbot, lambda: room.model.questions.page(QueueQuery(limit=20)).rows)
    rows = sorted(room.model.questions.page(QueueQuery(limit=20)).rows, key=lambda q: q.tweet_id)
    for question in rows[:5]:
        room.actions.approve(question.tweet_id)
    room.actions.star(rows[1].tweet_id, True)
    room.actions.put_on_air(rows[0].tweet_id)
    room.actions.reject(rows[6].tweet_id, reason="off topic")
    _wait(qtbot, lambda: room.model.questions.latest().on_air is not None)


@pytest.mark.parametrize("size", BOOTH_SIZES, ids=["landscape", "portrait"])
def test_every_booth_screen_speaks_its_language_whole(
    qtbot: QtBot, tmp_path: Path, language: str, sources: EnglishSources, size: tuple[int, int]
) -> None:
    findings = Findings(language, sources)
    booth = Booth(qtbot, tmp_path, can_post=True)
    booth.view.resize(*size)
    view = booth.view

    def look() -> None:
        view.refresh()
        qtbot.wait(1)
        findings.look(f"booth {size[0]}×{size[1]} {booth.step}", view)

    look()  # attract
    booth.click(BoothAction.START)
    look()  # preview
    booth.click(BoothAction.SHOOT)
    look()  # countdown
    booth.wait(3.0)
    booth.still.step()
    look()  # review
    for action in (BoothAction.KEEP, BoothAction.SKIP, BoothAction.FINISHED):
        booth.click(action)
        look()  # sign, finish, share
    booth.click(BoothAction.SAVE)
    assert booth.step is BoothStep.DONE
    look()
    findings.check(at_least=7)


def test_the_console_s_dialogs_speak_its_language_whole(
    qtbot: QtBot, tmp_path: Path, language: str, sources: EnglishSources
) -> None:
    from blueroom.core.actions import RoomActions
    from blueroom.core.detect import QuestionRules
    from blueroom.core.models import RoomModel
    from blueroom.core.session import default_script

    settings = _settings(language, tmp_path)
    model = RoomModel(
        QuestionRules(hashtags=frozenset({"askblueroom"})),
        default_script("Léa Marchand", "#AskBlueRoom"),
        half_life=600.0,
        booth=BoothTimings(),
    )

    def publish(event: Event) -> int:
        model.apply([event])
        return 0

    actions = RoomActions(publish, model.session, "dialogs")
    findings = Findings(language, sources)
    dialogs: dict[str, QWidget] = {
        "rules": RulesDialog(settings.moderation),
        "keys": KeysSheet(),
        "take home": TakeHomeDialog(TakeHome(None), "photo-0001.jpg"),
    }
    for kind in PostKind:
        dialogs[f"composer {kind}"] = Composer(
            kind,
            actions,
            PostingInfo("@BlueRoomFR", ""),
            hashtag="#AskBlueRoom",
            photos_folder=tmp_path,
        )
    dialogs["composer, no account"] = Composer(
        PostKind.POST,
        actions,
        PostingInfo("", "no posting credentials: saved, not posted"),
        hashtag="#AskBlueRoom",
    )
    for name, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        findings.look(name, dialog)
    findings.check(at_least=len(dialogs))


def test_the_guest_s_sign_in_speaks_its_language_whole(
    qtbot: QtBot,
    language: str,
    sources: EnglishSources,
    login: tuple[GuestLogin, StandInX, list[Event]],  # noqa: F811
) -> None:
    """The sign-in card on the guest panel (its QR, then signed in) and the console's
    Guest menu, with the room's X login against the stand-in X."""
    guest, _, _ = login
    model, actions = small_room()
    console = make_console(model, actions)
    panel = GuestPanel(
        model.session, LatestFrameSlot(), guest_name="Léa Marchand", board=model.questions,
        actions=actions,
    )  # fmt: skip
    for window, size in ((console, CONSOLE_SIZES[0]), (panel, GUEST_SIZE)):
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
    card = SignInCard(guest, panel)
    menu = attach_guest_menu(console, guest, card.show_for, lambda _: None)
    findings = Findings(language, sources)
    menu.rebuild()
    menu.sign_in_by_phone()
    assert card.isVisible()
    findings.look("sign-in card: the QR code", panel)
    findings.look("console's Guest menu, signed out", console)
    assert requests.get(read_qr(card.qr), timeout=10).status_code == 200
    card.follow()
    menu.rebuild()
    findings.look("sign-in card: signed in", panel)
    findings.look("console's Guest menu, signed in", console)
    findings.check(at_least=4)
