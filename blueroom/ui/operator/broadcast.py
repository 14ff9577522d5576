"""The console's broadcast statistics, as OBS's stats dock: each window's paints against
its frame budget, the recording and the stream, and the machine under the room.

Per window: frames painted a second, the paint time's median and 95th percentile over
the last five seconds (``core/broadcast_stats.py``) against the frame budget (the
camera's frame period for a window showing the camera, the window's own tick for the
others), frames missed (camera frames never painted, or ticks that came too late) and
dropped (shed by the queue that feeds the window). Then the recording and the stream
(``ReportsOutput``), and the CPU and memory of the room's processes and the free disk
(``capture/machine.py``, sampled on a worker). Every figure is coloured green, amber or
red by the thresholds of ``core/broadcast_stats.py``.

The sheet is painted, not laid out in labels: its figures change every second, and a
label's change costs the whole console a layout pass.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.capture.machine import MachineSampler, MachineStats
from blueroom.capture.output_stats import OutputState, OutputStats, ReportsOutput
from blueroom.core.broadcast_stats import (
    DiskRule,
    FrameMeter,
    Level,
    cpu_level,
    lost_level,
    memory_level,
    render_level,
    worst,
)
from blueroom.ui import theme
from blueroom.ui.i18n import decimal, duration, number, percent, translate
from blueroom.ui.operator.labels import title_label
from blueroom.ui.operator.programme_panel import recording_words

FONT_PX = 12
LINE_GAP = 3
COLUMN_GAP = 8
SECTION_GAP = 8
SEPARATOR = "  ·  "
RIGHT_MARGIN = 6  # clear of the tab page's scroll bar


def window_name(name: str) -> str:
    """A window's name in the statistics (short: the table is narrow on a laptop)."""
    match name:
        case "questions_wall":
            return translate("BroadcastStats", "Questions")
        case "video_wall":
            return translate("BroadcastStats", "Video wall")
        case "heatmap_wall":
            return translate("BroadcastStats", "Heat map")
        case "guest_panel":
            return translate("BroadcastStats", "Guest panel")
        case "operator_console":
            return translate("BroadcastStats", "Console")
        case _:
            return name


def process_name(name: str) -> str:
    match name:
        case "screens":
            return translate("BroadcastStats", "screens")
        case "engine":
            return translate("BroadcastStats", "engine")
        case "parser":
            return translate("BroadcastStats", "parser")
        case _:
            return name


def data_size(size: float) -> str:
    """Bytes as the console writes them: "412 MB", "3.1 GB" / "412 Mo", "3,1 Go"."""
    if size >= 1024**3:
        return translate("BroadcastStats", "{size} GB").format(size=decimal(size / 1024**3, 1))
    if size >= 10 * 1024**2:
        return translate("BroadcastStats", "{size} MB").format(size=number(round(size / 1024**2)))
    return translate("BroadcastStats", "{size} MB").format(size=decimal(size / 1024**2, 1))


def recording_time(minutes: float) -> str:
    """What a disk holds, in recording time: "about 9 h 20 min", "about 7 min"."""
    whole = int(minutes)
    if whole >= 60:
        return translate("BroadcastStats", "about {hours} h {minutes} min").format(
            hours=number(whole // 60), minutes=f"{whole % 60:02d}"
        )
    return translate("BroadcastStats", "about {minutes} min").format(minutes=number(whole))


def _ms(value: float | None) -> str:
    return "—" if value is None else decimal(value, 1)


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    level: Level = Level.PLAIN
    dim: bool = False  # said for completeness: nothing there


@dataclass(frozen=True, slots=True)
class Row:
    """A line of the sheet: a section's heading, a table's row, or a name and its figures
    (flowing onto more lines when the panel is narrow)."""

    kind: str  # "heading", "table", "pair" (a name and its figures) or "note"
    cells: tuple[Cell, ...]
    label: str = ""
    header: bool = False  # the table's column names


def level_colour(cell: Cell) -> QColor:
    if cell.dim:
        return theme.DIM
    match cell.level:
        case Level.GOOD:
            return theme.GREEN
        case Level.WARN:
            return theme.AMBER
        case Level.BAD:
            return theme.LIVE
        case _:
            return theme.TEXT


LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True, slots=True)
class _Placed:
    box: QRectF
    text: str
    colour: QColor
    font: QFont
    align: Qt.AlignmentFlag = LEFT


@dataclass(slots=True)
class _Watched:
    name: str
    meter: FrameMeter
    camera: LatestFrameSlot | None
    dropped: Callable[[], int] | None
    shown: Callable[[], bool]


@dataclass(frozen=True, slots=True)
class WindowFigures:
    """One window's row, as shown and as judged."""

    name: str
    fps: float
    median_ms: float | None
    p95_ms: float | None
    budget_ms: float
    missed: int
    dropped: int | None
    render: Level
    lost: Level
    cells: tuple[Cell, ...] = field(default=())


class StatsSheet(QWidget):
    """Rows of coloured figures, painted; as tall as its rows at its width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[Row, ...] = ()
        self._font = theme.font(FONT_PX)
        self._bold = theme.font(FONT_PX, QFont.Weight.DemiBold)
        self._placed: list[_Placed] = []
        self._placed_for: tuple[tuple[Row, ...], int] | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(0)

    def set_rows(self, rows: tuple[Row, ...]) -> None:
        """New figures; laid out now if they are in sight, else when shown."""
        if rows == self.rows:
            return
        self.rows = rows
        if self.isVisible():
            self._arrange()
            self.update()

    def showEvent(self, event: QShowEvent) -> None:
        self._arrange()
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange()
        super().resizeEvent(event)

    def _arrange(self) -> None:
        key = (self.rows, self.width())
        if key == self._placed_for:
            return
        self._placed_for = key
        self._placed = self._place(self.width())
        bottom = max((placed.box.bottom() for placed in self._placed), default=0.0)
        height = round(bottom) + 2 if self._placed else 0
        if height != self.height():
            self.setFixedHeight(height)

    def _place(self, full_width: int) -> list[_Placed]:
        """Where each text goes, in which colour and font."""
        width = max(0, full_width - RIGHT_MARGIN)
        metrics = QFontMetricsF(self._font)
        bold = QFontMetricsF(self._bold)
        line = metrics.height() + LINE_GAP
        placed: list[_Placed] = []
        tables = [row for row in self.rows if row.kind == "table"]
        columns = max((len(row.cells) for row in tables), default=0)
        widths = [0.0] * columns  # the figures' columns, the name's takes what is left
        for row in tables:
            measure = bold if row.header else metrics
            for index, cell in enumerate(row.cells[1:], start=1):
                widths[index] = max(widths[index], measure.horizontalAdvance(cell.text))
        label_width = max(
            (bold.horizontalAdvance(row.label) for row in self.rows if row.kind == "pair"),
            default=0.0,
        )
        label_width = min(label_width, width * 0.4)
        y = 0.0
        for number_of, row in enumerate(self.rows):
            if row.kind == "heading":
                if number_of:
                    y += SECTION_GAP
                text = row.cells[0].text if row.cells else ""
                placed.append(_Placed(QRectF(0, y, width, line), text, theme.MUTED, self._bold))
                y += line
            elif row.kind == "note":  # a sentence, wrapped at the panel's width
                words = row.cells[0].text.split() if row.cells else []
                text = ""
                for word in words:
                    longer = f"{text} {word}" if text else word
                    if text and metrics.horizontalAdvance(longer) > width:
                        placed.append(
                            _Placed(QRectF(0, y, width, line), text, theme.DIM, self._font)
                        )
                        y += line
                        longer = word
                    text = longer
                if text:
                    placed.append(_Placed(QRectF(0, y, width, line), text, theme.DIM, self._font))
                    y += line
            elif row.kind == "table":
                right = float(width)
                font = self._bold if row.header else self._font
                for index in range(len(row.cells) - 1, 0, -1):
                    cell = row.cells[index]
                    box = QRectF(right - widths[index], y, widths[index], line)
                    colour = theme.MUTED if row.header else level_colour(cell)
                    placed.append(_Placed(box, cell.text, colour, font, RIGHT))
                    right -= widths[index] + COLUMN_GAP
                name = row.cells[0].text if row.cells else ""
                elided = metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(0.0, right))
                colour = theme.MUTED if row.header else theme.TEXT
                placed.append(_Placed(QRectF(0, y, max(0.0, right), line), elided, colour, font))
                y += line
            else:  # a name and its figures, flowing
                label = bold.elidedText(row.label, Qt.TextElideMode.ElideRight, label_width)
                placed.append(
                    _Placed(QRectF(0, y, label_width, line), label, theme.MUTED, self._bold)
                )
                left = label_width + COLUMN_GAP
                x = left
                gap = metrics.horizontalAdvance(SEPARATOR)
                for index, cell in enumerate(row.cells):
                    advance = metrics.horizontalAdvance(cell.text)
                    if index and x + gap + advance > width and x > left:
                        y += line  # onto the next line
                        x = left
                    elif index:
                        placed.append(
                            _Placed(QRectF(x, y, gap, line), SEPARATOR, theme.DIM, self._font)
                        )
                        x += gap
                    room = max(0.0, width - x)
                    text = metrics.elidedText(cell.text, Qt.TextElideMode.ElideRight, room)
                    box = QRectF(x, y, min(advance, room), line)
                    placed.append(_Placed(box, text, level_colour(cell), self._font))
                    x += min(advance, room)
                y += line
        return placed

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        dirty = QRectF(event.rect())
        for placed in self._placed:
            if placed.box.intersects(dirty):
                painter.setFont(placed.font)
                painter.setPen(placed.colour)
                painter.drawText(placed.box, placed.align, placed.text)
        painter.end()

    def texts(self) -> list[str]:
        """Every text as painted, top to bottom (for the tests)."""
        self._arrange()
        return [placed.text for placed in self._placed]

    def colour_of(self, text: str) -> QColor:
        """The colour ``text`` is painted in (the first text that starts so)."""
        self._arrange()
        for placed in self._placed:
            if placed.text.startswith(text):
                return placed.colour
        raise KeyError(text)


class BroadcastPanel(QWidget):
    """The statistics: ``watch`` the windows, ``watch_machine`` and ``watch_outputs`` (the
    composition root does), then ``refresh`` once a second."""

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.perf_counter,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock  # the paints' clock (time.perf_counter)
        self._windows: list[_Watched] = []
        self._machine: Callable[[], MachineStats | None] = lambda: None
        self._recording: ReportsOutput | None = None
        self._stream: ReportsOutput | None = None
        self._disk: DiskRule | None = None
        self.level = Level.PLAIN  # the worst figure shown
        self.windows: dict[str, WindowFigures] = {}
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        box.addWidget(title_label(translate("BroadcastStats", "Broadcast")))
        self.sheet = StatsSheet()
        box.addWidget(self.sheet)
        box.addStretch(1)

    # -- what it watches (the composition root) ------------------------------------------
    def watch(
        self,
        name: str,
        meter: FrameMeter,
        *,
        camera: LatestFrameSlot | None = None,
        dropped: Callable[[], int] | None = None,
        shown: Callable[[], bool] = lambda: True,
    ) -> None:
        """A window's paints (its ``FrameMeter``); ``camera`` the slot it shows frames of
        (its budget is then the camera's frame period), ``dropped`` what the queue that
        feeds it shed, ``shown`` whether it is open."""
        self._windows.append(_Watched(name, meter, camera, dropped, shown))

    def watch_machine(self, machine: MachineSampler | Callable[[], MachineStats | None]) -> None:
        self._machine = machine.latest if isinstance(machine, MachineSampler) else machine

    def watch_outputs(
        self,
        recording: ReportsOutput | None,
        stream: ReportsOutput | None = None,
        *,
        disk: DiskRule | None = None,
    ) -> None:
        """The recording (None: no camera), the stream (None: none set up) and what the
        recordings' disk must keep."""
        self._recording = recording
        self._stream = stream
        self._disk = disk

    # -- what it shows -------------------------------------------------------------------
    def refresh(self) -> None:
        rows: list[Row] = [Row("heading", (Cell(translate("BroadcastStats", "Windows")),))]
        rows.append(
            Row(
                "table",
                (
                    Cell(translate("BroadcastStats", "window")),
                    Cell(translate("BroadcastStats", "fps")),
                    Cell(translate("BroadcastStats", "p50")),
                    Cell(translate("BroadcastStats", "p95")),
                    Cell(translate("BroadcastStats", "of")),
                    Cell(translate("BroadcastStats", "miss")),
                    Cell(translate("BroadcastStats", "drop")),
                ),
                header=True,
            )
        )
        levels: list[Level] = []
        now = self._clock()
        figures: dict[str, WindowFigures] = {}
        for watched in self._windows:
            shown = figures[watched.name] = self._window(watched, now)
            rows.append(Row("table", shown.cells))
            if watched.shown():
                levels += [shown.render, shown.lost]
        self.windows = figures
        legend = translate(
            "BroadcastStats",
            "fps: frames painted a second · p50, p95: paint time in ms (median, 95th"
            " percentile, last 5 s) · of: the frame budget in ms · miss, drop: frames missed"
            " and dropped since the start",
        )
        rows.append(Row("note", (Cell(legend, dim=True),)))
        rows.append(Row("heading", (Cell(translate("BroadcastStats", "Outputs")),)))
        machine = self._machine()
        recording = self._recording_cells(machine)
        stream = self._stream_cells()
        rows.append(Row("pair", recording, label=translate("BroadcastStats", "Recording")))
        rows.append(Row("pair", stream, label=translate("BroadcastStats", "Stream")))
        rows.append(Row("heading", (Cell(translate("BroadcastStats", "Machine")),)))
        machine_rows = self._machine_rows(machine)
        rows += machine_rows
        for row in (*rows[-len(machine_rows) :], Row("pair", recording), Row("pair", stream)):
            levels += [cell.level for cell in row.cells]
        self.level = worst(*levels)
        self.sheet.set_rows(tuple(rows))

    def _window(self, watched: _Watched, now: float) -> WindowFigures:
        meter = watched.meter
        stats = meter.stats(now)
        budget = meter.tick_ms
        dropped = watched.dropped() if watched.dropped is not None else None
        if watched.camera is not None:
            camera = watched.camera.stats()
            if camera.fps >= 1.0:
                budget = 1000.0 / camera.fps
            if dropped is None:
                dropped = camera.frames_dropped
        render = render_level(stats.p95_ms, budget)
        lost = lost_level(stats.missed, stats.frames)
        dropped_level = Level.PLAIN
        if dropped is not None:
            dropped_level = lost_level(dropped, max(stats.frames, dropped))
        name = window_name(watched.name)
        if not watched.shown():
            cells = (
                Cell(name, dim=True),
                Cell(translate("BroadcastStats", "closed"), dim=True),
                *(Cell("", dim=True) for _ in range(5)),
            )
            plain = Level.PLAIN
            return WindowFigures(
                name, 0.0, None, None, budget, stats.missed, dropped, plain, plain, cells
            )
        cells = (
            Cell(name),
            Cell(decimal(stats.fps, 1)),
            Cell(_ms(stats.median_ms), render_level(stats.median_ms, budget)),
            Cell(_ms(stats.p95_ms), render),
            Cell(decimal(budget, 0 if budget >= 10 else 1)),
            Cell(number(stats.missed), lost),
            Cell("—" if dropped is None else number(dropped), dropped_level, dim=dropped is None),
        )
        return WindowFigures(
            name,
            stats.fps,
            stats.median_ms,
            stats.p95_ms,
            budget,
            stats.missed,
            dropped,
            render,
            worst(lost, dropped_level),
            cells,
        )

    def _recording_cells(self, machine: MachineStats | None) -> tuple[Cell, ...]:
        if self._recording is None:
            return (Cell(translate("BroadcastStats", "no camera: nothing to record"), dim=True),)
        stats = self._recording.output_stats()
        free = machine.disk_free if machine is not None else None
        disk = self._disk
        if stats.state is OutputState.ACTIVE:
            rec = translate("BroadcastStats", "REC {length}")
            frames = translate("BroadcastStats", "{count} frames")
            cells = [
                Cell(rec.format(length=duration(stats.seconds)), Level.GOOD),
                Cell(data_size(stats.size)),
                _bitrate(stats),
                Cell(frames.format(count=number(stats.frames_sent))),
                _dropped(stats),
            ]
        else:
            cells = [Cell(translate("BroadcastStats", "stopped"))]
            if stats.message:
                cells.append(Cell(recording_words(stats.message), Level.WARN))
        minutes = stats.minutes_left
        if minutes is None and disk is not None and free is not None:
            minutes = disk.minutes_left(free)
        if minutes is not None:
            level = Level.PLAIN
            if disk is not None and stats.minutes_left is not None:  # at the measured rate
                level = Level.WARN if minutes < disk.warn_minutes else Level.GOOD
            elif disk is not None and free is not None:
                level = disk.level(free)  # red: too little to start
            left = translate("BroadcastStats", "disk: {time} left")
            cells.append(Cell(left.format(time=recording_time(minutes)), level))
        return tuple(cells)

    def _stream_cells(self) -> tuple[Cell, ...]:
        if self._stream is None:
            return (Cell(translate("BroadcastStats", "no stream set up"), dim=True),)
        stats: OutputStats = self._stream.output_stats()
        live = translate("BroadcastStats", "LIVE {length}").format(length=duration(stats.seconds))
        state_words = {
            OutputState.STOPPED: (translate("BroadcastStats", "stopped"), Level.PLAIN),
            OutputState.STARTING: (translate("BroadcastStats", "starting"), Level.WARN),
            OutputState.ACTIVE: (live, Level.GOOD),
            OutputState.RECONNECTING: (translate("BroadcastStats", "reconnecting"), Level.WARN),
            OutputState.FAILED: (translate("BroadcastStats", "failed"), Level.BAD),
        }
        said, level = state_words[stats.state]
        cells = [Cell(said, level)]
        if stats.state is not OutputState.STOPPED or stats.frames_sent:
            reconnects = stats.reconnects
            again = translate("BroadcastStats", "%n reconnect(s)", None, number, reconnects)
            sent = translate("BroadcastStats", "{count} sent").format(
                count=number(stats.frames_sent)
            )
            cells += [
                _bitrate(stats),
                Cell(sent),
                _dropped(stats),
                Cell(again, Level.WARN if reconnects else Level.PLAIN),
            ]
        if stats.message:
            cells.append(Cell(stats.message, Level.WARN))
        return tuple(cells)

    def _machine_rows(self, machine: MachineStats | None) -> list[Row]:
        cpu_label = translate("BroadcastStats", "CPU")
        memory_label = translate("BroadcastStats", "Memory")
        disk_label = translate("BroadcastStats", "Disk")
        if machine is None:
            waiting = (Cell(translate("BroadcastStats", "measuring…"), dim=True),)
            return [
                Row("pair", waiting, label=cpu_label),
                Row("pair", waiting, label=memory_label),
                Row("pair", waiting, label=disk_label),
            ]
        cores = machine.cores
        of_cores = translate("BroadcastStats", "{share} of %n core(s)", None, number, cores)
        share = percent(machine.cpu_percent / 100)
        cpu = [Cell(of_cores.format(share=share), cpu_level(machine.cpu_percent))]
        memory = [Cell(data_size(machine.rss))]
        for load in machine.processes:
            name = process_name(load.name)
            cpu.append(Cell(f"{name} {percent(machine.share(load) / 100)}"))
            memory.append(Cell(f"{name} {data_size(load.rss)}"))
        not_running = translate("BroadcastStats", "{name} not running")
        for missing in machine.missing:
            cpu.append(Cell(not_running.format(name=process_name(missing)), Level.WARN))
        free = translate("BroadcastStats", "{size} free")
        available = memory_level(machine.memory_available, machine.memory_total)
        memory.append(Cell(free.format(size=data_size(machine.memory_available)), available))
        if machine.disk_free is None:
            disk = [Cell(translate("BroadcastStats", "unknown"), Level.WARN)]
        else:
            level = self._disk.level(machine.disk_free) if self._disk else Level.PLAIN
            disk = [Cell(free.format(size=data_size(machine.disk_free)), level)]
        return [
            Row("pair", tuple(cpu), label=cpu_label),
            Row("pair", tuple(memory), label=memory_label),
            Row("pair", tuple(disk), label=disk_label),
        ]


def _bitrate(stats: OutputStats) -> Cell:
    rate = translate("BroadcastStats", "{rate} kbit/s")
    return Cell(rate.format(rate=number(round(stats.bitrate_kbps))))


def _dropped(stats: OutputStats) -> Cell:
    dropped = translate("BroadcastStats", "{count} dropped")
    level = lost_level(stats.frames_dropped, stats.frames_sent + stats.frames_dropped)
    return Cell(dropped.format(count=number(stats.frames_dropped)), level)
