"""The programme on the console: each overlay's toggle, the recording and its files,
the stream.

The toggles are room facts (``OverlayToggled``: journalled, a restart keeps them); the
recording is asked through the room too (``RecordingAsked``), and its state read from
the recorder: length, frames, frames dropped, size, free disk, a warning before the disk
runs out and why it stopped. Every recording of the folder is listed with its length and
size. The stream likewise (``StreamAsked``, *Go live*): its state, the bitrate measured
at the server's door, frames sent and dropped, reconnections, how long it has been live,
and in one line why it could not start or was lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from blueroom.capture import recorder as recording
from blueroom.capture import rtmp, streamer
from blueroom.capture.recorder import RecordingStatus
from blueroom.capture.streamer import StreamState, StreamStatus
from blueroom.core.actions import RoomActions
from blueroom.core.phrases import read_any
from blueroom.core.programme import Overlay, hidden_overlays
from blueroom.core.readers import SessionReader
from blueroom.ui import theme, words
from blueroom.ui.i18n import number, translate
from blueroom.ui.operator.labels import plain_label, title_label
from blueroom.ui.widgets.flow import FlowLayout

MAX_ROWS = 6  # the newest recordings listed; the others are counted


class RecordingSource(Protocol):
    def status(self) -> RecordingStatus: ...


class StreamSource(Protocol):
    @property
    def set_up(self) -> bool: ...

    def status(self) -> StreamStatus: ...


def size_words(size: int) -> str:
    if size >= 1024**3:
        return translate("ProgrammePanel", "{size} GB").format(size=f"{size / 1024**3:.1f}")
    return translate("ProgrammePanel", "{size} MB").format(size=f"{size / 1024**2:.1f}")


def recording_words(text: str) -> str:
    """What the recorder said (core/phrases.py), in the console's language."""
    found = read_any(recording.PHRASES, text)
    if found is None:
        return text
    phrase, values = found
    match phrase.code:
        case "recording_not_enough_disk":
            said = translate(
                "ProgrammePanel", "Not started: {free} MB free in {folder}, {needed} MB needed"
            )
        case "recording_disk_nearly_full":
            said = translate(
                "ProgrammePanel",
                "Stopped: the disk is nearly full ({free} MB left); the file is complete",
            )
        case "recording_disk_refused":
            said = translate(
                "ProgrammePanel",
                "Stopped: the disk refused to write ({error}); the file plays up to {seconds} s",
            )
        case "recording_cannot_start":
            said = translate("ProgrammePanel", "Not started: {error}")
        case "recording_failed":
            said = translate("ProgrammePanel", "Stopped: {error}; the file plays up to {seconds} s")
        case "recording_time_left":
            said = translate("ProgrammePanel", "Disk: about {minutes} min of recording left")
        case "recording_no_microphone":
            said = translate("ProgrammePanel", "No sound: {problem}")
        case _:
            return text
    return said.format(**values)  # fmt: skip


def stream_words(text: str) -> str:
    """What the streamer said (core/phrases.py), in the console's language."""
    found = read_any((*streamer.PHRASES, *rtmp.PHRASES), text)
    if found is None:
        return text
    phrase, values = found
    match phrase.code:
        case "stream_no_address":
            said = translate("ProgrammePanel", "No stream address in the settings ([stream] url)")
        case "stream_bad_address":
            said = translate("ProgrammePanel", "The stream address is wrong: {problem}")
        case "stream_no_key":
            said = translate(
                "ProgrammePanel",
                "No stream key: set BLUEROOM_STREAM_KEY in the environment or the keyring",
            )
        case "stream_encoder_failed":
            said = translate("ProgrammePanel", "The encoder failed: {error}")
        case "stream_cannot_reach":
            said = translate("ProgrammePanel", "Cannot reach {address}: {error}")
        case "stream_not_rtmp":
            said = translate(
                "ProgrammePanel", "{address} does not speak RTMP (is it the right port?)"
            )
        case "stream_stopped_answering":
            said = translate("ProgrammePanel", "{address} stopped answering: {error}")
        case "stream_no_answer":
            said = translate("ProgrammePanel", "{address} did not answer")
        case "stream_connection_refused":
            said = translate("ProgrammePanel", "{address} refused the connection{detail}")
        case "stream_key_refused":
            said = translate("ProgrammePanel", "The server refused the key{detail}")
        case "stream_key_refused_closed":
            said = translate(
                "ProgrammePanel", "The server refused the key (it closed the connection)"
            )
        case "stream_lost":
            said = translate("ProgrammePanel", "Lost {address}: {error}")
        case "stream_closed":
            said = translate("ProgrammePanel", "{address} closed the connection")
        case "stream_server_stopped":
            said = translate("ProgrammePanel", "The server stopped the stream{detail}")
        case _:
            return text
    return said.format(**values)


class ProgrammePanel(QWidget):
    def __init__(
        self,
        session: SessionReader,
        actions: RoomActions,
        recording: RecordingSource | None,
        *,
        stream: StreamSource | None = None,
        say: Callable[[str], None] = lambda _: None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._actions = actions
        self._recording = recording
        self._stream = stream
        self._say = say
        self._asked: tuple[bool, int] | None = None  # (recording, refreshes since asked)
        self._stream_asked: tuple[bool, int] | None = None  # (streaming, refreshes since)
        self._files: tuple[object, ...] = ()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(8)
        box.addWidget(title_label(translate("ProgrammePanel", "Programme")))
        row = QHBoxLayout()
        self.record = QPushButton(translate("ProgrammePanel", "● Record"))
        self.record.setObjectName("record")
        self.record.setEnabled(recording is not None)
        self.record.clicked.connect(self._record_clicked)
        row.addWidget(self.record)
        self.state = plain_label("")
        self.state.setWordWrap(True)
        self.state.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row.addWidget(self.state, 1)
        box.addLayout(row)
        self.warning = plain_label("")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(f"color: {theme.AMBER.name()};")
        self.warning.hide()
        box.addWidget(self.warning)
        self.message = plain_label("")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {theme.LIVE.name()};")
        self.message.hide()
        box.addWidget(self.message)
        live_row = QHBoxLayout()
        self.go_live = QPushButton(translate("ProgrammePanel", "● Go live"))
        self.go_live.setObjectName("goLive")
        self.go_live.setEnabled(stream is not None)
        self.go_live.clicked.connect(self._go_live_clicked)
        live_row.addWidget(self.go_live)
        self.stream_state = plain_label("")
        self.stream_state.setWordWrap(True)
        self.stream_state.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        live_row.addWidget(self.stream_state, 1)
        box.addLayout(live_row)
        self.stream_message = plain_label("")
        self.stream_message.setWordWrap(True)
        self.stream_message.hide()
        box.addWidget(self.stream_message)
        self.files = QWidget()
        self._grid = QGridLayout(self.files)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(12)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(0, 1)
        box.addWidget(self.files)
        self._rows: list[tuple[QLabel, QLabel, QLabel]] = []
        overlays = plain_label(
            translate("ProgrammePanel", "Overlays on the video wall, the recording and the stream")
        )
        overlays.setStyleSheet(f"color: {theme.MUTED.name()};")
        overlays.setWordWrap(True)
        box.addWidget(overlays)
        toggles = FlowLayout(spacing=6)
        self.toggles: dict[Overlay, QCheckBox] = {}
        for overlay in Overlay:
            check = QCheckBox(words.overlay(overlay))
            check.setChecked(True)
            check.clicked.connect(lambda on, o=overlay: self._toggle(o, on))
            self.toggles[overlay] = check
            toggles.addWidget(check)
        box.addLayout(toggles)
        box.addStretch(1)
        self.refresh()

    # -- what the operator does ----------------------------------------------------------
    def _toggle(self, overlay: Overlay, shown: bool) -> None:
        self._actions.show_overlay(overlay.value, shown)

    def _record_clicked(self) -> None:
        recording = self._status().recording if self._asked is None else self._asked[0]
        self._actions.record(not recording)
        self._asked = (not recording, 0)
        self._say(
            translate("ProgrammePanel", "Recording asked")
            if not recording
            else translate("ProgrammePanel", "Stopping the recording")
        )
        self._show_button(not recording)

    def _go_live_clicked(self) -> None:
        status = self._stream_status()
        active = status.active if self._stream_asked is None else self._stream_asked[0]
        self._actions.stream(not active)
        self._stream_asked = (not active, 0)
        self._say(
            translate("ProgrammePanel", "Stream asked")
            if not active
            else translate("ProgrammePanel", "Stopping the stream")
        )
        self._show_live_button(not active)

    def _stream_status(self) -> StreamStatus:
        return self._stream.status() if self._stream is not None else StreamStatus()

    def _status(self) -> RecordingStatus:
        return self._recording.status() if self._recording is not None else RecordingStatus()

    # -- what it shows -------------------------------------------------------------------
    def _show_button(self, recording: bool) -> None:
        text = (
            translate("ProgrammePanel", "■ Stop recording")
            if recording
            else translate("ProgrammePanel", "● Record")
        )
        if self.record.text() != text:
            self.record.setText(text)
            self.record.setStyleSheet(
                f"background: {theme.LIVE.name()}; color: white; font-weight: 700;"
                if recording
                else ""
            )

    def _show_live_button(self, active: bool) -> None:
        text = (
            translate("ProgrammePanel", "■ End the stream")
            if active
            else translate("ProgrammePanel", "● Go live")
        )
        if self.go_live.text() != text:
            self.go_live.setText(text)
            self.go_live.setStyleSheet(
                f"background: {theme.LIVE.name()}; color: white; font-weight: 700;"
                if active
                else ""
            )

    def refresh_stream(self) -> None:
        status = self._stream_status()
        active = status.active
        if self._stream_asked is not None:
            wanted, waited = self._stream_asked
            done = wanted == active or waited > 8
            self._stream_asked = None if done else (wanted, waited + 1)
            active = wanted if self._stream_asked is not None else active
        self._show_live_button(active)
        text, colour = self._stream_line(status)
        if self.stream_state.text() != text:
            self.stream_state.setText(text)
        style = f"color: {colour.name()};" if colour is not None else ""
        if self.stream_state.styleSheet() != style:
            self.stream_state.setStyleSheet(style)
        message, colour = "", theme.LIVE
        if status.state is StreamState.FAILED and status.reason:
            message = stream_words(status.reason)
        elif status.state is StreamState.RECONNECTING:
            colour = theme.AMBER
            wait = status.next_try_in() or 0.0
            # fmt: off
            message = translate("ProgrammePanel", "Attempt {attempt}, next try in {seconds} s: {why}").format(
                attempt=number(status.attempt), seconds=number(round(wait)), why=stream_words(status.reason),
            )
            # fmt: on
        style = f"color: {colour.name()};"
        if self.stream_message.styleSheet() != style:
            self.stream_message.setStyleSheet(style)
        _show(self.stream_message, message)

    def _stream_line(self, status: StreamStatus) -> tuple[str, QColor | None]:
        """The stream's state in a line, and its colour (None: the usual)."""
        if self._stream is None:
            return translate("ProgrammePanel", "No camera: nothing to stream"), None
        if not self._stream.set_up and not status.active:
            text = translate(
                "ProgrammePanel",
                "No stream set up: an address in [stream] url, the key in BLUEROOM_STREAM_KEY",
            )
            return text, theme.MUTED
        address = status.address
        match status.state:
            case StreamState.CONNECTING:
                return translate("ProgrammePanel", "Connecting to {address}…").format(
                    address=address
                ), theme.AMBER
            case StreamState.LIVE:
                # fmt: off
                text = translate("ProgrammePanel", "LIVE {length} · {kbps} kbit/s · {sent} sent · {dropped} dropped · {reconnects} reconnects").format(
                    length=words.duration(status.uptime()), kbps=number(round(status.kbps)),
                    sent=number(status.frames_sent), dropped=number(status.frames_dropped),
                    reconnects=number(status.reconnects),
                )
                # fmt: on
                return text, theme.LIVE if status.frames_dropped else None
            case StreamState.RECONNECTING:
                # fmt: off
                text = translate("ProgrammePanel", "Reconnecting to {address} · live {length} · {dropped} dropped").format(
                    address=address, length=words.duration(status.uptime()),
                    dropped=number(status.frames_dropped),
                )
                # fmt: on
                return text, theme.AMBER
            case StreamState.FAILED:
                return translate("ProgrammePanel", "Not streaming: it could not go on"), theme.LIVE
            case _:
                return translate("ProgrammePanel", "Not streaming · {address}").format(
                    address=address
                ), None

    def refresh(self) -> None:
        self.refresh_stream()
        hidden = hidden_overlays(self._session.latest().hidden)
        for overlay, check in self.toggles.items():
            if check.isChecked() == (overlay in hidden):
                check.setChecked(overlay not in hidden)
        status = self._status()
        recording = status.recording
        if self._asked is not None:
            wanted, waited = self._asked
            self._asked = None if wanted == recording or waited > 8 else (wanted, waited + 1)
            recording = wanted if self._asked is not None else recording
        self._show_button(recording)
        self._show_state(status)
        rows = tuple((f.path.name, f.seconds, f.size) for f in status.files)
        if rows != self._files:
            self._files = rows
            self._show_files(rows[:MAX_ROWS], len(rows) - MAX_ROWS)

    def _show_files(self, rows: tuple[tuple[str, float, int], ...], more: int) -> None:
        for labels in self._rows:
            for label in labels:
                self._grid.removeWidget(label)
                label.deleteLater()
        self._rows = []
        if not rows:
            rows_text = [(translate("ProgrammePanel", "No recording yet"), "", "")]
        else:
            rows_text = [(n, words.duration(t), size_words(b)) for n, t, b in rows]
        if more > 0:
            # fmt: off
            rows_text.append((translate("ProgrammePanel", "and %n more in the folder", None, str, more), "", ""))
            # fmt: on
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for index, texts in enumerate(rows_text):
            labels = (plain_label(texts[0]), plain_label(texts[1]), plain_label(texts[2]))
            for column, label in enumerate(labels):
                if column:
                    label.setAlignment(right)
                else:  # a long name gives way: the length and the size keep their place
                    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
                    label.setToolTip(texts[0])
                if not column and not rows:
                    label.setStyleSheet(f"color: {theme.DIM.name()};")
                self._grid.addWidget(label, index, column)
            self._rows.append(labels)

    def file_rows(self) -> list[tuple[str, str, str]]:
        """The recordings as listed: name, length, size."""
        return [(a.text(), b.text(), c.text()) for a, b, c in self._rows if b.text()]

    def _show_state(self, status: RecordingStatus) -> None:
        if self._recording is None:
            text = translate("ProgrammePanel", "No camera: nothing to record")
        elif status.recording:
            # fmt: off
            text = translate("ProgrammePanel", "REC {length} · {frames} frames · {dropped} dropped · {size} · {free} free").format(
                length=words.duration(status.seconds), frames=f"{status.frames:,}",
                dropped=f"{status.dropped:,}", size=size_words(status.size),
                free=size_words(status.free),
            )
            # fmt: on
        else:
            text = translate("ProgrammePanel", "Not recording · {free} free").format(
                free=size_words(status.free)
            )
        if self.state.text() != text:
            self.state.setText(text)
        dropped = status.recording and status.dropped > 0
        style = f"color: {theme.LIVE.name()};" if dropped else ""
        if self.state.styleSheet() != style:  # each change costs a style pass
            self.state.setStyleSheet(style)
        warning = " · ".join(
            recording_words(w) for w in (status.warning, status.audio_problem) if w
        )
        _show(self.warning, warning)
        message = recording_words(status.message) if not status.recording else ""
        _show(self.message, message)


def _show(label: QLabel, text: str) -> None:
    """A label shown with ``text``, hidden without (changed only when it changes)."""
    if label.text() != text:
        label.setText(text)
    if label.isHidden() == bool(text):
        label.setVisible(bool(text))
