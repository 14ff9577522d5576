"""What an output of the programme (the recording, the stream) says of itself.

Each output implements :class:`ReportsOutput`; the console's broadcast statistics read
``output_stats()`` once a second, on the GUI thread, so it must be cheap and never block
(a copy of figures kept by the output's worker). No Qt here.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from typing import Protocol


class OutputState(enum.Enum):
    STOPPED = "stopped"  # not running (``message`` says why, if it stopped by itself)
    STARTING = "starting"  # asked, not yet sending
    ACTIVE = "active"  # recording, or live
    RECONNECTING = "reconnecting"  # lost its server, trying again by itself
    FAILED = "failed"  # gave up (``message`` says why)


@dataclass(frozen=True, slots=True)
class OutputStats:
    """One output's figures now."""

    state: OutputState = OutputState.STOPPED
    seconds: float = 0.0  # length of what was sent or written since it started
    bitrate_kbps: float = 0.0  # over the last second or so
    frames_sent: int = 0  # frames written to the file, or sent to the server
    frames_dropped: int = 0  # frames the output lost (fell behind, queue full), counted
    reconnects: int = 0  # times it lost its server and connected again
    size: int = 0  # bytes written or sent
    minutes_left: float | None = None  # a recording: what its disk still holds
    message: str = ""  # why it stopped, failed or reconnects (one line)


class ReportsOutput(Protocol):
    """An output of the programme the console reports on (the recorder, the streamer)."""

    def output_stats(self) -> OutputStats: ...
