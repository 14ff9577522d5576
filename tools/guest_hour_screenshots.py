"""Screenshots of the guest's side of the guided hour, landscape and portrait: the step's
card with a cue from the team, the first post on the on-screen keyboard, the live step
without a stream, and the console at 1366×768 with the guest's call for help.

The room's models, the guest panel and the console as the app builds them; the operator's
cue and the guest's call for help are published as the views would. The guest is shown
signed in (the first post's screenshot) by a login that says so: nothing reaches X.

    QT_QPA_PLATFORM=offscreen python tools/guest_hour_screenshots.py docs/screenshots
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from blueroom.capture.latest_frame import LatestFrameSlot  # noqa: E402
from blueroom.core.actions import RoomActions  # noqa: E402
from blueroom.core.detect import QuestionRules  # noqa: E402
from blueroom.core.events import CueKind, Event  # noqa: E402
from blueroom.core.models import RoomModel  # noqa: E402
from blueroom.core.outbox import PostingInfo  # noqa: E402
from blueroom.core.session import default_script  # noqa: E402
from blueroom.paths import assets  # noqa: E402
from blueroom.store.journal import WriterStats  # noqa: E402
from blueroom.ui.fonts import register_bundled_fonts  # noqa: E402
from blueroom.ui.guest.first_post import FirstPostView  # noqa: E402
from blueroom.ui.guest.guest_panel import GuestPanel  # noqa: E402
from blueroom.ui.i18n import install_translations  # noqa: E402
from blueroom.ui.operator.console import OperatorConsole  # noqa: E402
from blueroom.x.guest import GuestState, GuestStatus  # noqa: E402


class SignedIn:
    """A login that says the guest is signed in (for the picture only)."""

    def status(self) -> GuestStatus:
        return GuestStatus(GuestState.SIGNED_IN, handle="@leamarchand")

    def begin(self) -> str:
        return ""

    def cannot_sign_in(self) -> str:
        return ""


def settle(app: QApplication, widget: QWidget, rounds: int = 30) -> None:
    for _ in range(rounds):
        app.processEvents()
        refresh = getattr(widget, "_tick", None)
        if refresh is not None:
            refresh()
    widget.repaint()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--language", default="en")
    args = parser.parse_args()
    app = QApplication([])
    register_bundled_fonts()
    install_translations(args.language)
    video = cv2.VideoCapture(str(assets().demo_video))
    for _ in range(60):
        ok, frame = video.read()
    video.release()
    assert ok, "the demo video gives no frame"
    args.folder.mkdir(parents=True, exist_ok=True)
    steps = default_script("Léa Marchand", "#AskBlueRoom")
    index = {step.id: n for n, step in enumerate(steps)}
    for name, (width, height) in {"landscape": (1280, 800), "portrait": (800, 1280)}.items():
        model = RoomModel(
            QuestionRules(hashtags=frozenset({"askblueroom"})), steps, half_life=600.0
        )
        model.outbox.set_posting(PostingInfo("@BlueRoomFR", ""))

        def publish(event: Event, model: RoomModel = model) -> int:
            model.apply([event])
            return 1

        actions = RoomActions(publish, model.session, "s")
        frames = LatestFrameSlot()
        frames.put(frame)
        first_post = FirstPostView(
            model.outbox, actions, SignedIn(), hashtag="#AskBlueRoom",
            guest_name="Léa Marchand", language="fr",
        )  # fmt: skip
        panel = GuestPanel(
            model.session, frames, guest_name="Léa Marchand", board=model.questions,
            actions=actions, cues=model.cues, first_post=first_post,
        )  # fmt: skip
        panel.resize(width, height)
        panel.show()
        actions.go_to_step(index["mirror"])
        settle(app, panel)
        actions.go_to_step(index["welcome"])
        actions.cue_guest(CueKind.WRAP_UP)
        settle(app, panel)
        app.processEvents()
        QTest.qWait(1800)  # the new step's glow has faded
        settle(app, panel)
        panel.grab().save(str(args.folder / f"guest_hour_cue_{name}.png"))
        showing = model.cues.latest().showing
        assert showing is not None
        actions.acknowledge_cue(showing.id)
        actions.go_to_step(index["first-post"])
        settle(app, panel)
        for letter in "Bonjour à tous":
            first_post.type_text(letter)
        settle(app, panel)
        panel.grab().save(str(args.folder / f"guest_hour_first_post_{name}.png"))
        actions.go_to_step(index["live-video"])
        settle(app, panel, 60)
        panel.grab().save(str(args.folder / f"guest_hour_live_{name}.png"))
        if name == "landscape":
            actions.ask_for_help()
            console = OperatorConsole(
                model, actions, session_label="session 20261204-200000",
                bus_stats=list, journal_stats=lambda: WriterStats(900, 4, 904, 0.4, True, "", 0),
            )  # fmt: skip
            console.resize(1366, 768)
            console.show()
            settle(app, console, 10)
            console.grab().save(str(args.folder / "guest_hour_console_1366x768.png"))
            console.close()
        panel.close()
    print(f"screenshots in {args.folder}")


if __name__ == "__main__":
    main()
