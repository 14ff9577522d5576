"""A recording under way, waiting to be killed (``test_recorder.py`` sends SIGKILL).

    python -m tests.capture.recorder_child FOLDER

Records 320×180 frames at 30 fps (each frame's number written in its pixels) and
prints ``FRAME n`` once a second, flushed, until killed.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

from blueroom.capture.latest_frame import Frame, LatestFrameSlot
from blueroom.capture.recorder import Recorder, RecordingOptions

SIZE = (320, 180)
FPS = 30


def picture(n: int) -> np.ndarray:
    image = np.zeros((SIZE[1], SIZE[0], 3), dtype=np.uint8)
    image[:, :, 1] = (n * 7) % 256
    image[: SIZE[1] // 2, : SIZE[0] // 2, 2] = 255
    return image


def main(folder: Path) -> None:
    slot = LatestFrameSlot()

    def compose(frame: Frame) -> np.ndarray:
        return np.asarray(frame.image)

    options = RecordingOptions(width=SIZE[0], height=SIZE[1], fps=FPS, preset="ultrafast")
    recorder = Recorder(slot, folder, compose, lambda event: None, options=options)
    recorder.start()
    recorder.begin()
    assert recorder.wait_for(lambda s: s.recording, 10.0)
    start = time.monotonic()
    n = 0
    while True:
        slot.put(picture(n), start + n / FPS)
        if n % FPS == 0:
            print(f"FRAME {n}", flush=True)
        n += 1
        time.sleep(max(0.0, start + n / FPS - time.monotonic()))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
