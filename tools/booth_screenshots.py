"""Screenshots of the mirror's booth, step by step, landscape and portrait, for the README.

The room's models with the booth, the still capture taking a frame of the demo video at
full resolution, its boomerang built by the real clip maker from two seconds of the demo
video, and the guest's booth view; the guest's touches are published as the view would,
the booth's deadlines passed by a stepped clock.

    QT_QPA_PLATFORM=offscreen python tools/booth_screenshots.py docs/screenshots
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
import msgspec  # noqa: E402
from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from blueroom.capture.boomerang import Boomerangs, Burst  # noqa: E402
from blueroom.capture.clip import even_size, fit  # noqa: E402
from blueroom.capture.latest_frame import LatestFrameSlot  # noqa: E402
from blueroom.capture.still import StillCapture  # noqa: E402
from blueroom.core.actions import RoomActions  # noqa: E402
from blueroom.core.booth import BoothTimings  # noqa: E402
from blueroom.core.detect import QuestionRules  # noqa: E402
from blueroom.core.events import BoothAction, Event  # noqa: E402
from blueroom.core.models import RoomModel  # noqa: E402
from blueroom.core.outbox import PostingInfo  # noqa: E402
from blueroom.core.session import default_script  # noqa: E402
from blueroom.paths import assets  # noqa: E402
from blueroom.ui.fonts import register_bundled_fonts  # noqa: E402
from blueroom.ui.guest.booth_view import BoothView  # noqa: E402
from blueroom.ui.i18n import install_translations  # noqa: E402

T0 = 1_800_000_000.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--language", default="en")
    args = parser.parse_args()
    app = QApplication([])
    register_bundled_fonts()
    install_translations(args.language)
    video = cv2.VideoCapture(str(assets().demo_video))
    burst = []
    for n in range(86):
        ok, frame = video.read()
        assert ok, "the demo video gives no frame"
        if n >= 35 and n % 2 == 0:  # a second either side of the photo, a frame every 80 ms
            burst.append(frame)
        if n == 60:
            photo_frame = frame
    video.release()
    frame = photo_frame
    for name, (width, height) in {"landscape": (1600, 1000), "portrait": (900, 1440)}.items():
        with tempfile.TemporaryDirectory() as scratch:
            shots(app, frame, burst, Path(scratch), args.folder, name, width, height)


def shots(app: QApplication, frame: object, burst: list, scratch: Path,  # type: ignore[type-arg]
          folder: Path, name: str, width: int, height: int) -> None:  # fmt: skip
    now = [T0]
    model = RoomModel(
        QuestionRules(hashtags=frozenset({"askblueroom"})),
        default_script("Léa Marchand", "#AskBlueRoom"),
        half_life=600.0,
        booth=BoothTimings(),
        hashtag="#AskBlueRoom",
    )
    model.outbox.set_posting(PostingInfo("@BlueRoomFR", ""))

    def publish(event: Event) -> int:
        model.apply([msgspec.structs.replace(event, at=now[0])])
        return 1

    actions = RoomActions(publish, model.session, "screenshots")
    frames = LatestFrameSlot()
    frames.put(frame.copy())  # type: ignore[attr-defined]
    still = StillCapture(model.booth, frames, scratch, publish, clock=lambda: now[0])
    view = BoothView(model.booth, model.outbox, actions, clock=lambda: now[0], clips=True)
    clips = Boomerangs(model.booth, frames, scratch, publish)
    view.resize(width, height)
    view.show()

    def wait(seconds: float) -> None:
        end = now[0] + seconds
        while now[0] < end:
            now[0] = min(end, now[0] + 0.2)
            for event in model.booth.due(now[0]):
                model.apply([event])

    def shot(step: str) -> None:
        view.refresh()
        app.processEvents()
        path = folder / f"booth_{step}_{name}.png"
        view.grab().save(str(path))
        print(f"screenshot: {path}")

    view.touch(BoothAction.START)
    view.touch(BoothAction.SHOOT)
    wait(1.2)
    shot("countdown")
    wait(2.0)
    still.step()
    shot("review")
    photo = view.state.photo
    assert photo is not None
    size = even_size(burst[0].shape[1], burst[0].shape[0], 720)
    clips.build(Burst(photo.photo_id, 1.0, [(n / 12.5, fit(f, size)) for n, f in enumerate(burst)]))
    view.touch(BoothAction.KEEP)
    view.refresh()
    pad = view.pad
    box = pad.photo_box()
    device = QTest.createTouchDevice()
    points = [
        QPoint(
            round(box.left() + box.width() * (0.55 + 0.3 * t)),
            round(box.top() + box.height() * (0.85 - 0.2 * math.sin(t * 3 * math.pi) * (1 - t))),
        )
        for t in (i / 40 for i in range(41))
    ]
    QTest.touchEvent(pad, device).press(0, points[0], pad).commit()
    for point in points[1:-1]:
        QTest.touchEvent(pad, device).move(0, point, pad).commit()
    QTest.touchEvent(pad, device).release(0, points[-1], pad).commit()
    shot("sign")
    view.touch(BoothAction.SIGNED)
    view.refresh()
    shot("finish")
    view.touch(BoothAction.FINISHED)
    shot("share")
    view.media_buttons[True].click()
    for _ in range(20):  # the boomerang playing in the photo's place
        app.processEvents()
        QTest.qWait(20)
    shot("share_clip")
    view.close()


if __name__ == "__main__":
    main()
