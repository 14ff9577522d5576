"""Screenshots of hard questions on the walls, for the README: a question of X's 4,000
characters and an Arabic one ending with a hashtag on the questions wall, the lower
third, the guest's cards, and the video wall without a camera.

    QT_QPA_PLATFORM=offscreen python tools/text_screenshots.py docs/screenshots
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from blueroom.capture.latest_frame import LatestFrameSlot  # noqa: E402
from blueroom.core.actions import RoomActions  # noqa: E402
from blueroom.core.detect import QuestionRules  # noqa: E402
from blueroom.core.events import Event, TweetReceived  # noqa: E402
from blueroom.core.models import RoomModel  # noqa: E402
from blueroom.core.session import default_script  # noqa: E402
from blueroom.core.tweet import Author, Tweet  # noqa: E402
from blueroom.paths import assets  # noqa: E402
from blueroom.ui.fonts import register_bundled_fonts  # noqa: E402
from blueroom.ui.guest.guest_panel import GuestPanel  # noqa: E402
from blueroom.ui.walls.questions_wall import QuestionsWall  # noqa: E402
from blueroom.ui.walls.video_wall import VideoWall  # noqa: E402

HASHTAG = "#AskBlueRoom"
GUEST = "Léa Marchand"
ASKING = (
    "Léa, je te suis depuis tes débuts et je voulais te dire merci pour tout ce que tu fais. "
    "Quand tu es montée sur scène à l'Olympia la première fois, est-ce que tu avais peur ? "
    "Et est-ce que tu as encore le trac aujourd'hui, devant des milliers de gens ? "
)
QUESTIONS = {
    "long": ((ASKING * 20)[:3_970].rsplit(" ", 1)[0] + " ? #AskBlueRoom", "amelie_depuis2015"),
    "arabic": ("ما هي أغنيتك المفضلة التي كتبتها في باريس؟ #Paris", "layla.music"),
    "emoji": (
        "🎉🎉🎉 Léa !!!\n\n\n\n🎤🎶 tu chantes quoi ce soir ?\n\n\n\n😍😍😍 #AskBlueRoom",
        "ChrisL",
    ),
    "hebrew": ("למה את שרה בצרפתית? 🎤 #AskBlueRoom", "noa_tlv"),
    "short": ("Tu reviens à Lyon quand ? #AskBlueRoom", "MathisD"),
}


class NoonClock:
    def now(self) -> float:
        return time.mktime((2026, 12, 4, 20, 0, 0, 0, 0, -1))

    def monotonic(self) -> float:
        return 1_000.0


def room(order: list[str]) -> tuple[RoomModel, RoomActions]:
    rules = QuestionRules(hashtags=frozenset({HASHTAG.lstrip("#").lower()}))
    model = RoomModel(rules, default_script(GUEST, HASHTAG), half_life=600.0)
    posts: list[Event] = []
    for n, key in enumerate(order):
        text, handle = QUESTIONS[key]
        author = Author(id=f"a{n}", username=handle, name=handle, followers=100 + n)
        tweet = Tweet(id=str(n), text=text, author=author, hashtags=("AskBlueRoom",), lang="fr")
        posts.append(TweetReceived(tweet=tweet))
    model.apply(posts)

    def publish(event: Event) -> int:
        model.apply([event])
        return 0

    actions = RoomActions(publish, model.session, "screenshots")
    for n in range(len(order)):
        actions.promote(str(n))
        actions.approve(str(n))
    actions.put_on_air("0")
    return model, actions


def demo_frame() -> LatestFrameSlot:
    capture = cv2.VideoCapture(str(assets().demo_video))
    capture.set(cv2.CAP_PROP_POS_FRAMES, 50)
    ok, image = capture.read()
    capture.release()
    slot = LatestFrameSlot()
    if ok:
        slot.put(image)
    return slot


def save(app: QApplication, window: QWidget, path: Path) -> None:
    window.resize(1920, 1080)
    window.show()
    deadline = time.monotonic() + 1.0  # fades and first frames settle
    while time.monotonic() < deadline:
        app.processEvents()
    window.repaint()
    window.grab().save(str(path))
    print(f"screenshot: {path}")
    window.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    register_bundled_fonts()
    clock = NoonClock()
    for first, name in (
        ("long", "questions_wall_long.png"),
        ("arabic", "questions_wall_arabic.png"),
    ):
        order = [first, *(k for k in QUESTIONS if k != first)]
        model, _ = room(order)
        wall = QuestionsWall(
            model.questions, model.metrics, hashtag=HASHTAG, guest_name=GUEST, clock=clock
        )
        save(app, wall, args.folder / name)
    model, actions = room(["long", "arabic", "emoji", "hebrew", "short"])
    video = VideoWall(
        demo_frame(), model.questions, model.metrics, hashtag=HASHTAG, guest_name=GUEST,
        clock=clock,
    )  # fmt: skip
    save(app, video, args.folder / "video_wall_lower_third.png")
    actions.go_to_step(2)  # the questions: the guest's cards
    guest = GuestPanel(
        model.session, demo_frame(), guest_name=GUEST, board=model.questions, actions=actions
    )
    save(app, guest, args.folder / "guest_panel_cards.png")
    empty, _ = room(["short"])
    no_camera = VideoWall(
        LatestFrameSlot(), empty.questions, empty.metrics, hashtag=HASHTAG, guest_name=GUEST,
        clock=clock,
    )  # fmt: skip
    save(app, no_camera, args.folder / "video_wall_no_camera.png")


if __name__ == "__main__":
    main()
