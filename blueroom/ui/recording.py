"""The recording's Qt half: its frames composed by the programme's renderer, on the
recorder's worker, and the room's requests (``RecordingAsked``) acted on.

A recording is asked for through the room, never directly: the console's button and a
session step's cue both publish ``RecordingAsked`` (``RoomActions.record``), journalled
like any decision; the screens' process, which has the camera, starts or stops the
recorder when the event comes back committed (:meth:`RecordingDesk.on_events`).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from blueroom.capture.latest_frame import Frame
from blueroom.capture.recorder import Compose, Recorder, RecordingOptions, RecordingStatus
from blueroom.core.events import Event, RecordingAsked
from blueroom.core.programme import ProgrammeDirector
from blueroom.ui.programme import PhotoShelf, ProgrammeRenderer


def programme_compose(
    director: ProgrammeDirector, options: RecordingOptions, photos: PhotoShelf | None = None
) -> Compose:
    """Each camera frame with the programme at its capture time, drawn at the recording's
    size by a renderer of its own (used on the recorder's worker only)."""
    renderer = ProgrammeRenderer(
        options.width, options.height, hashtag=director.hashtag, photos=photos
    )
    if photos is not None:
        photos.want_size(options.width, options.height)

    canvas = np.empty((options.height, options.width, 4), np.uint8)  # one, frame after frame

    def compose(frame: Frame) -> npt.NDArray[np.uint8]:
        # the writer has encoded the one before when it asks for the next
        return renderer.compose(frame.image, director.programme(frame.captured_at), canvas)

    return compose


class RecordingDesk:
    """Starts and stops the recorder as the room asks; what the console reads."""

    def __init__(self, recorder: Recorder) -> None:
        self.recorder = recorder

    def on_events(self, events: Iterable[Event]) -> None:
        for event in events:
            if isinstance(event, RecordingAsked):
                if event.recording:
                    self.recorder.begin()
                else:
                    self.recorder.end()

    def status(self) -> RecordingStatus:
        return self.recorder.status()
