"""Screenshots of going live: a frame of the stream as a viewer gets it from the server,
and the console's Programme tab while it is live (1366×768).

The demo camera plays into the room's own streamer, which publishes the programme to
nginx-rtmp started on loopback (``tests/rtmp_server.py``); a frame is read back from the
server by PyAV and saved as it came.

    QT_QPA_PLATFORM=offscreen python -m tools.stream_screenshots docs/screenshots
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
from blueroom.capture.streamer import Streamer, StreamOptions, StreamStatus
from blueroom.core.actions import RoomActions
from blueroom.core.events import Event
from blueroom.core.programme import ProgrammeDirector
from blueroom.paths import assets
from blueroom.store.journal import WriterStats
from blueroom.ui.fonts import register_bundled_fonts
from blueroom.ui.operator.console import OperatorConsole
from blueroom.ui.streaming import StreamDesk, stream_compose
from blueroom.x.credentials import Secret
from tests.rtmp_server import KEY, RtmpServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seconds", type=float, default=6.0)
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    register_bundled_fonts()
    model = on_air_room()
    director = ProgrammeDirector(
        model.questions, model.session, hashtag="#AskBlueRoom", guest_name="Léa Marchand"
    )
    slot = LatestFrameSlot()
    camera = CameraCapture(assets().demo_video, slot, lambda event: None)
    with tempfile.TemporaryDirectory() as temporary, RtmpServer(Path(temporary)) as server:
        options = StreamOptions(url=server.url, width=1280, height=720, fps=25)
        secret = Secret(KEY, "BLUEROOM_STREAM_KEY")

        def on_state(status: StreamStatus) -> None:
            director.set_streaming(status.live)

        streamer = Streamer(
            slot, stream_compose(director, options), lambda e: None, options=options,
            key=lambda: secret, on_state=on_state,
        )  # fmt: skip
        desk: StreamDesk | None = None

        def publish(event: Event) -> int:
            model.apply([event])
            if desk is not None:
                desk.on_events([event])
            return 0

        actions = RoomActions(publish, model.session, "screenshots")
        desk = StreamDesk(streamer, actions, model.session)
        console = OperatorConsole(
            model, actions, session_label="session 20261204-200000 (screenshots)",
            bus_stats=list, journal_stats=lambda: WriterStats(900, 4, 904, 0.4, True, "", 0),
            stream=desk,
        )  # fmt: skip
        streamer.start()
        camera.start()
        try:
            camera.wait_for_frame(10.0)
            actions.stream(True)
            if not streamer.wait_for(lambda s: s.live, 15.0):
                raise SystemExit(f"not live: {streamer.status().reason}")
            time.sleep(1.0)
            with av.open(server.play_url(), timeout=(10.0, 5.0)) as container:
                for n, frame in enumerate(container.decode(video=0)):
                    if n == 50:
                        picture = frame.to_ndarray(format="bgr24")
                        break
            time.sleep(max(0.0, args.seconds - 3.0))
            args.folder.mkdir(parents=True, exist_ok=True)
            frame_path = args.folder / "stream_frame.png"
            cv2.imwrite(str(frame_path), picture)
            print(frame_path)
            console.resize(1366, 768)
            console.show()
            console.side_tabs.setCurrentWidget(console.programme.parentWidget().parentWidget())
            for _ in range(8):
                console.refresh()
                app.processEvents()
            console_path = args.folder / "console_stream_1366x768.png"
            console.grab().save(str(console_path))
            print(console_path, streamer.status())
            actions.stream(False)
        finally:
            camera.stop()
            streamer.stop()
            console.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
