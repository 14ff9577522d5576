"""What a view of the camera shows: its picture, or a slate saying why there is none.

The video wall and the guest panel's mirror read the same latest-frame slot and decide
the same way, from the capture's status and the age of its newest frame:

* a fresh frame is shown (``LIVE``), even from a slot no capture writes to (tests, tools);
* a camera opening says so for a second (``STARTING``), then "No camera" until it gives
  a picture: never "Starting…" forever;
* no capture at all (``--no-camera``), or one that never opened: ``NO_CAMERA``;
* a camera that gave pictures and then was lost, or whose frames stopped coming (a read
  stalled in the driver, which the capture can only report once it returns):
  ``RECONNECTING``, as the capture retries by itself;
* a capture stopped on purpose (the room closing, a file that ends): ``OFF``.
"""

from __future__ import annotations

from enum import StrEnum

from blueroom.capture.latest_frame import CameraStatus
from blueroom.core.events import CameraState

STARTING_SECONDS = 1.0  # "Starting the camera…" at most this long
STALLED_SECONDS = 1.0  # a live camera without a new frame this long is reconnecting


class Picture(StrEnum):
    LIVE = "live"
    STARTING = "starting"
    NO_CAMERA = "no_camera"
    RECONNECTING = "reconnecting"
    OFF = "off"


def picture(status: CameraStatus | None, last_frame_at: float | None, now: float) -> Picture:
    """What to show, given the capture's ``status``, when its newest frame was captured
    (None before the first) and the time now (all ``time.monotonic()`` seconds)."""
    had_picture = last_frame_at is not None
    if status is None:
        return Picture.LIVE if had_picture else Picture.NO_CAMERA
    match status.state:
        case CameraState.STOPPED:
            return Picture.OFF
        case CameraState.LOST:
            return Picture.RECONNECTING if had_picture else Picture.NO_CAMERA
        case CameraState.LIVE if last_frame_at is not None:
            if now - last_frame_at > STALLED_SECONDS:
                return Picture.RECONNECTING
            return Picture.LIVE
        case _:  # starting (or live without a frame yet, a moment)
            if had_picture:
                return Picture.RECONNECTING
            if now - status.since < STARTING_SECONDS:
                return Picture.STARTING
            return Picture.NO_CAMERA
