"""Screenshots of the programme's recording: a frame decoded from a real recording, and the
console's Programme tab listing it (1366×768).

The demo camera plays into the room's own recorder for a few seconds (the question on
air as a lower third, the hashtag, the clock); the MP4 is read back by PyAV and one of
its frames saved as it is in the file.

    QT_QPA_PLATFORM=offscreen python -m tools.programme_screenshots docs/screenshots
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import av
import cv2
from PySide6.QtWidgets import QApplication

from benchmarks.programme import on_air_room
from blueroom.capture.camera import CameraCapture
from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.capture.recorder import Recorder, RecordingOptions
from blueroom.core.actions import RoomActions
from blueroom.core.events import Event
from blueroom.core.programme import ProgrammeDirector
from blueroom.paths import assets
from blueroom.store.journal import WriterStats
from blueroom.ui.fonts import register_bundled_fonts
from blueroom.ui.operator.console import OperatorConsole
from blueroom.ui.recording import RecordingDesk, programme_compose


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seconds", type=float, default=4.0)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    register_bundled_fonts()
    model = on_air_room()
    director = ProgrammeDirector(
        model.questions, model.session, hashtag="#AskBlueRoom", guest_name="Léa Marchand"
    )
    options = RecordingOptions(width=1920, height=1080, fps=25, preset="veryfast")
    slot = LatestFrameSlot()
    camera = CameraCapture(assets().demo_video, slot, lambda event: None)
    with tempfile.TemporaryDirectory() as temporary:
        recorder = Recorder(
            slot, Path(temporary), programme_compose(director, options), lambda e: None,
            options=options,
        )  # fmt: skip
        desk = RecordingDesk(recorder)

        def publish(event: Event) -> int:
            model.apply([event])
            desk.on_events([event])
            return 0

        actions = RoomActions(publish, model.session, "screenshots")
        console = OperatorConsole(
            model, actions, session_label="session 20261204-200000 (screenshots)",
            bus_stats=list, journal_stats=lambda: WriterStats(900, 4, 904, 0.4, True, "", 0),
            recording=desk,
        )  # fmt: skip
        recorder.start()
        camera.start()
        try:
            camera.wait_for_frame(10.0)
            actions.record(True)
            recorder.wait_for(lambda s: s.recording, 10.0)
            time.sleep(args.seconds)
            actions.record(False)
            recorder.wait_for(lambda s: not s.recording and len(s.files) == 1, 30.0)
        finally:
            camera.stop()
        status = recorder.status()
        assert status.path is not None, status.message
        with av.open(str(status.path)) as container:
            frames = [f.to_ndarray(format="bgr24") for f in container.decode(video=0)]
        args.folder.mkdir(parents=True, exist_ok=True)
        frame_path = args.folder / "recording_frame.png"
        cv2.imwrite(str(frame_path), frames[len(frames) // 2])
        print(f"{frame_path}: frame {len(frames) // 2} of {len(frames)} ({status.dropped} dropped)")
        console.resize(1366, 768)
        console.show()
        console.side_tabs.setCurrentWidget(console.programme.parentWidget().parentWidget())
        for _ in range(8):
            console.refresh()
            app.processEvents()
        console_path = args.folder / "console_programme_1366x768.png"
        console.grab().save(str(console_path))
        print(console_path)
        recorder.stop()
        console.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
