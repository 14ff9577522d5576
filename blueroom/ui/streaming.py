"""The stream's Qt half: its frames composed by the programme's renderer (on the
streamer's compose worker), the room's requests (``StreamAsked``) acted on, and the
session's live step followed.

A stream is asked for through the room, never directly: the console's *Go live* and
the session's live step both publish ``StreamAsked`` (``RoomActions.stream``),
journalled like any decision; the screens' process, which has the camera, starts or
stops the streamer when the event comes back committed (:meth:`StreamDesk.on_events`).
Entering a step that shows the camera live (``shows = "live"``) asks for the stream
where one is set up (an address in ``[stream]``); leaving it stops a stream that step
started. Without a stream the step says "on camera", never LIVE: the LIVE badge follows
the streamer's state, not the request.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import numpy.typing as npt

from blueroom.capture.latest_frame import Frame
from blueroom.capture.streamer import Compose, Streamer, StreamOptions, StreamStatus
from blueroom.core.actions import RoomActions
from blueroom.core.events import Event, StreamAsked
from blueroom.core.programme import ProgrammeDirector
from blueroom.core.readers import SessionReader
from blueroom.ui.programme import PhotoShelf, ProgrammeRenderer

LIVE_STEP = "live"  # what a step shows when the guest is on camera (core/session.py)
SCRIPT = "script"


def stream_compose(
    director: ProgrammeDirector, options: StreamOptions, photos: PhotoShelf | None = None
) -> Compose:
    """Each camera frame with the programme at its capture time, drawn at the stream's
    size by a renderer of its own (used on the streamer's compose worker only)."""
    renderer = ProgrammeRenderer(
        options.width, options.height, hashtag=director.hashtag, photos=photos
    )
    if photos is not None:
        photos.want_size(options.width, options.height)

    def compose(frame: Frame) -> npt.NDArray[np.uint8]:
        return renderer.compose(frame.image, director.programme(frame.captured_at))

    return compose


class StreamDesk:
    """Starts and stops the streamer as the room asks; follows the session's live step;
    what the console reads (``status``) and what says a stream is live (``streaming``)."""

    def __init__(
        self,
        streamer: Streamer,
        actions: RoomActions | None = None,
        session: SessionReader | None = None,
    ) -> None:
        self.streamer = streamer
        self._actions = actions
        self._session = session
        self._shows: str | None = None  # what the current step showed at the last look
        self._started_by_step = False

    @property
    def set_up(self) -> bool:
        return self.streamer.set_up

    def on_events(self, events: Iterable[Event]) -> None:
        for event in events:
            if isinstance(event, StreamAsked):
                if event.streaming:
                    self.streamer.begin()
                else:
                    self.streamer.end()

    def follow(self) -> None:
        """The session's step as it is now: entering the live step asks for the stream,
        leaving it stops the stream it asked for. The step the room is on when this is
        first called is not a move (a restart on the live step starts nothing)."""
        if self._session is None or self._actions is None:
            return
        snapshot = self._session.latest()
        shows = snapshot.step.shows if snapshot.steps else ""
        before, self._shows = self._shows, shows
        if before is None or before == shows:
            return
        if shows == LIVE_STEP and self.set_up and not self.streamer.status().active:
            self._actions.stream(True, actor=SCRIPT)
            self._started_by_step = True
        elif before == LIVE_STEP and self._started_by_step:
            self._started_by_step = False
            if self.streamer.status().active:
                self._actions.stream(False, actor=SCRIPT)

    def status(self) -> StreamStatus:
        return self.streamer.status()

    def streaming(self) -> bool:
        """The stream is live now (the LIVE badge and the guest's live step ask)."""
        return self.streamer.status().live
