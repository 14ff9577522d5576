"""Screenshots of the mirror's booth, step by step, landscape and portrait, for the README.

The guest panel on the mirror step with its booth, over the room's models (booth,
outbox); a fixed 1080p photo (a frame of the demo video) from the camera's slot, taken
at full resolution by the still capture (fixed photo ids); the guest's touches as the
view sends them, a signature drawn by synthetic touch events, the booth's deadlines
passed by a clock stepped by hand; the take-home codes for a fixed link. The same
visit makes the approved images of ``tests/ui/test_approved_images.py``.

    QT_QPA_PLATFORM=offscreen python tools/booth_screenshots.py docs/screenshots [--language fr]
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
import msgspec  # noqa: E402
import numpy as np  # noqa: E402
from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtGui import QImage  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from blueroom.capture.boomerang import CLIP_HEIGHT, Boomerangs, Burst  # noqa: E402
from blueroom.capture.clip import even_size, fit  # noqa: E402
from blueroom.capture.handoff import Link  # noqa: E402
from blueroom.capture.latest_frame import LatestFrameSlot  # noqa: E402
from blueroom.capture.still import StillCapture  # noqa: E402
from blueroom.core.actions import RoomActions  # noqa: E402
from blueroom.core.booth import BoothTimings  # noqa: E402
from blueroom.core.detect import QuestionRules  # noqa: E402
from blueroom.core.events import BoothAction, BoothTrouble, Event  # noqa: E402
from blueroom.core.models import RoomModel  # noqa: E402
from blueroom.core.outbox import PostingInfo  # noqa: E402
from blueroom.core.session import default_script  # noqa: E402
from blueroom.paths import assets  # noqa: E402
from blueroom.ui.fonts import register_bundled_fonts  # noqa: E402
from blueroom.ui.guest.booth_view import BoothView  # noqa: E402
from blueroom.ui.guest.guest_panel import GuestPanel  # noqa: E402
from blueroom.ui.guest.take_home import TakeHome  # noqa: E402
from blueroom.ui.i18n import install_translations  # noqa: E402

T0 = 1_796_421_600.0  # 2026-12-04 20:00:00 UTC
SIZES = {"landscape": (1280, 800), "portrait": (800, 1280)}
STEPS = (
    "attract", "preview", "countdown", "capture", "review", "sign", "finish", "share", "done",
    "one_moment",
)  # fmt: skip


def demo_burst() -> list[tuple[float, np.ndarray]]:
    """Two seconds of the demo video around its 60th frame, a frame every 80 ms, at the
    boomerang's size (as the booth's collector keeps them)."""
    capture = cv2.VideoCapture(str(assets().demo_video))
    burst = []
    for n in range(86):
        ok, image = capture.read()
        if not ok:
            raise SystemExit("the demo video gives no frame")
        if n >= 35 and n % 2 == 0:
            size = even_size(image.shape[1], image.shape[0], CLIP_HEIGHT)
            burst.append((n / 25.0, fit(image, size)))
    capture.release()
    return burst


def demo_photo() -> np.ndarray:
    """A 1080p photo: the demo video's 60th frame, scaled."""
    capture = cv2.VideoCapture(str(assets().demo_video))
    capture.set(cv2.CAP_PROP_POS_FRAMES, 60)
    ok, image = capture.read()
    capture.release()
    if not ok:
        raise SystemExit("the demo video gives no frame")
    return cv2.resize(image, (1920, 1080), interpolation=cv2.INTER_LINEAR)


class BoothRig:
    """The guest panel on the mirror step with its booth, on a clock stepped by hand."""

    def __init__(
        self,
        folder: Path,
        photo: np.ndarray,
        size: tuple[int, int],
        burst: list[tuple[float, np.ndarray]] | None = None,
    ) -> None:
        self.now = T0
        self.model = RoomModel(
            QuestionRules(hashtags=frozenset({"askblueroom"})),
            default_script("Léa Marchand", "#AskBlueRoom"),
            half_life=600.0,
            booth=BoothTimings(),
            hashtag="#AskBlueRoom",
            clock=self.clock,
        )
        self.model.outbox.set_posting(PostingInfo("@BlueRoomFR", ""))
        self.actions = RoomActions(self.publish, self.model.session, "screenshots")
        self.photo = photo
        self.frames = LatestFrameSlot()
        self.frames.put(photo.copy())
        ids = iter(f"photo{n}" for n in range(1, 100))
        self.still = StillCapture(
            self.model.booth, self.frames, folder, self.publish, clock=self.clock,
            new_id=lambda: next(ids),
        )  # fmt: skip
        self.view = BoothView(
            self.model.booth, self.model.outbox, self.actions, clock=self.clock,
            hashtag="#AskBlueRoom", guest_name="Léa Marchand", take_home=self.take_home,
            clips=burst is not None,
        )  # fmt: skip
        self.burst = burst
        self.clips = Boomerangs(self.model.booth, self.frames, folder, self.publish)
        self.panel = GuestPanel(
            self.model.session, self.frames, guest_name="Léa Marchand", booth=self.view
        )
        self.panel.resize(*size)
        self.panel.show()
        self.actions.go_to_step(4)  # the mirror
        self.panel._tick()
        self.panel.end_glow()

    def clock(self) -> float:
        return self.now

    def publish(self, event: Event) -> int:
        self.model.apply([msgspec.structs.replace(event, at=self.now)])
        return 1

    def take_home(self, photo: Path) -> QWidget:
        link = Link("screenshots", "http://192.168.1.20:8738/p/take-it-home", photo, T0 + 900)
        return TakeHome(link, wifi_text="WIFI:S:Blue Room;T:WPA;P:askblueroom;;",
                        wifi_name="Blue Room")  # fmt: skip

    def wait(self, seconds: float) -> None:
        end = self.now + seconds
        while self.now < end:
            self.now = min(end, self.now + 0.2)
            for event in self.model.booth.due(self.now):
                self.model.apply([event])

    def touch(self, action: BoothAction) -> None:
        self.panel._tick()
        self.view.touch(action)
        self.panel._tick()

    def sign(self) -> None:
        """A name's worth of finger: one wavy stroke, low on the right, as guests sign."""
        pad = self.view.pad
        box = pad.photo_box()
        device = QTest.createTouchDevice()
        points = [
            QPoint(
                round(box.left() + box.width() * (0.5 + 0.35 * t)),
                round(box.top() + box.height() * (0.82 - 0.12 * math.sin(t * 3 * math.pi))),
            )
            for t in (i / 40 for i in range(41))
        ]
        QTest.touchEvent(pad, device).press(0, points[0], pad).commit()
        for point in points[1:-1]:
            QTest.touchEvent(pad, device).move(0, point, pad).commit()
        QTest.touchEvent(pad, device).release(0, points[-1], pad).commit()

    def shot(self) -> QImage:
        self.panel._tick()
        QApplication.processEvents()
        self.panel.repaint()
        return self.panel.grab().toImage()

    def visit(self, share_clip: bool = False) -> Iterator[tuple[str, QImage]]:
        """Each step of a visit, as the guest sees it (the names of ``STEPS``; with
        ``share_clip``, also the share step with the boomerang chosen)."""
        yield "attract", self.shot()
        self.touch(BoothAction.START)
        yield "preview", self.shot()
        self.touch(BoothAction.SHOOT)
        self.wait(1.2)
        yield "countdown", self.shot()  # the 2 of 3-2-1
        self.wait(2.0)
        yield "capture", self.shot()  # the flash
        self.frames.put(self.photo.copy())  # the camera's newest frame at the shutter
        self.still.drain()
        yield "review", self.shot()
        photo = self.model.booth.latest().photo
        if self.burst is not None and photo is not None:  # its boomerang, as the worker makes it
            self.clips.build(Burst(photo.photo_id, 60 / 25.0, self.burst))
        self.touch(BoothAction.KEEP)
        self.sign()
        yield "sign", self.shot()
        self.touch(BoothAction.SIGNED)
        self.view.frame_buttons["polaroid"].click()
        self.view.caption_buttons[0][1].click()
        yield "finish", self.shot()
        self.touch(BoothAction.FINISHED)
        yield "share", self.shot()
        if self.burst is not None and share_clip:
            self.view.media_buttons[True].click()
            for _ in range(20):  # the boomerang playing in the photo's place
                QApplication.processEvents()
                QTest.qWait(20)
            yield "share_clip", self.shot()
            self.view.media_buttons[False].click()
        self.touch(BoothAction.SAVE)
        yield "done", self.shot()
        self.touch(BoothAction.CLOSE)
        self.touch(BoothAction.START)
        self.touch(BoothAction.SHOOT)
        self.wait(3.2)
        self.publish(BoothTrouble(reason="the camera gave no picture"))
        yield "one_moment", self.shot()

    def close(self) -> None:
        self.panel.close()
        self.panel.deleteLater()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--language", default="en")
    args = parser.parse_args()
    app = QApplication([])  # noqa: F841 - the windows need it
    register_bundled_fonts()
    install_translations(args.language)
    suffix = "" if args.language == "en" else f"_{args.language}"
    photo = demo_photo()
    burst = demo_burst()
    args.folder.mkdir(parents=True, exist_ok=True)
    for orientation, size in SIZES.items():
        with tempfile.TemporaryDirectory() as scratch:
            rig = BoothRig(Path(scratch), photo, size, burst)
            for step, image in rig.visit(share_clip=True):
                path = args.folder / f"booth_{step}_{orientation}{suffix}.png"
                image.save(str(path))
                print(f"screenshot: {path}")
            rig.close()


if __name__ == "__main__":
    main()
