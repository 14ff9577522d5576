"""The operator's controls of the heat-map wall: view, mode, fading, counters, pause,
reset and a PNG snapshot, and how the posts on the map were located.

View, mode and half-life are room facts (events: journalled, they survive a restart);
pause and counters only change what the wall draws, so they are signals to the wall.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from blueroom.core.actions import RoomActions
from blueroom.core.heatmap import PRESET_LABELS, HeatMode, HeatSnapshot, check_box
from blueroom.core.readers import HeatReader
from blueroom.ui import theme, words
from blueroom.ui.heat_text import located_breakdown
from blueroom.ui.i18n import translate
from blueroom.ui.operator.labels import title_label
from blueroom.ui.widgets.flow import FlowLayout


def parse_box(text: str) -> tuple[float, float, float, float]:
    """ "west, south, east, north" in degrees; ValueError with what is wrong."""
    parts = [p for p in text.replace(";", ",").split(",") if p.strip()]
    try:
        values = tuple(float(p) for p in parts)
    except ValueError:
        raise ValueError(
            translate("HeatMapControls", "a map box is four numbers: west, south, east, north")
        ) from None
    return check_box(values)


class HeatMapControls(QWidget):
    paused = Signal(bool)
    counters = Signal(bool)
    snapshot_requested = Signal()
    message = Signal(str)

    def __init__(
        self, heat: HeatReader, actions: RoomActions, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._heat = heat
        self._actions = actions
        self._shown: tuple[object, ...] = ()
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(8)
        box.addWidget(title_label(translate("HeatMapControls", "Heat-map wall")))
        layout = QGridLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(8)
        layout.setVerticalSpacing(6)
        self.preset = QComboBox()
        for name in PRESET_LABELS:
            self.preset.addItem(words.map_view(name), name)
        self.box = QLineEdit()
        self.box.setPlaceholderText(translate("HeatMapControls", "west, south, east, north"))
        self.mode = QComboBox()
        for mode in HeatMode:
            self.mode.addItem(words.heat_mode(mode), mode.value)
        self.half_life = QDoubleSpinBox()
        self.half_life.setRange(0.5, 240.0)
        self.half_life.setSuffix(translate("HeatMapControls", " min half-life"))
        self.half_life.setDecimals(1)
        self.show_counters = QCheckBox(translate("HeatMapControls", "Counters"))
        self.show_counters.setChecked(True)
        self.pause = QPushButton(translate("HeatMapControls", "Pause"))
        self.pause.setCheckable(True)
        self.reset = QPushButton(translate("HeatMapControls", "Reset…"))
        self.snapshot = QPushButton(translate("HeatMapControls", "Snapshot PNG"))
        layout.addWidget(self.preset, 0, 0)
        layout.addWidget(self.box, 0, 1)
        layout.addWidget(self.mode, 1, 0)
        layout.addWidget(self.half_life, 1, 1)
        buttons = FlowLayout(spacing=6)
        for widget in (self.show_counters, self.pause, self.reset, self.snapshot):
            buttons.addWidget(widget)
        layout.addLayout(buttons, 2, 0, 1, 2)
        self.breakdown = QLabel("")
        self.breakdown.setTextFormat(Qt.TextFormat.PlainText)
        self.breakdown.setWordWrap(True)
        self.breakdown.setStyleSheet(f"color: {theme.MUTED.name()}; font-size: 12px;")
        # The two lines it wraps to at the console's widths, kept: a window's minimum height
        # counts no wrapped line, and at 1366 px the feeds above lost their last row to it.
        self.breakdown.setMinimumHeight(2 * QFontMetrics(theme.font(12)).lineSpacing())
        layout.addWidget(self.breakdown, 3, 0, 1, 2)
        box.addLayout(layout)

        self.preset.activated.connect(lambda _: self.apply())
        self.mode.activated.connect(lambda _: self.apply())
        self.half_life.editingFinished.connect(self.apply)
        self.box.returnPressed.connect(self.apply)
        self.show_counters.toggled.connect(self.counters.emit)
        self.pause.toggled.connect(self._pause_toggled)
        self.reset.clicked.connect(self._confirm_reset)
        self.snapshot.clicked.connect(self.snapshot_requested.emit)

    def apply(self) -> None:
        """Send the view, mode and half-life as they are set here."""
        preset = str(self.preset.currentData())
        box = None
        self.box.setEnabled(preset == "custom")
        if preset == "custom":
            try:
                box = parse_box(self.box.text())
            except ValueError as error:
                self.message.emit(
                    translate("HeatMapControls", "Heat map: {problem}").format(problem=error)
                )
                return
        self._actions.set_heat_map(
            preset, str(self.mode.currentData()), self.half_life.value() * 60.0, box
        )

    def _pause_toggled(self, paused: bool) -> None:
        self.pause.setText(
            translate("HeatMapControls", "Resume")
            if paused
            else translate("HeatMapControls", "Pause")
        )
        self.paused.emit(paused)

    def _confirm_reset(self) -> None:
        answer = QMessageBox.question(
            self,
            translate("HeatMapControls", "Reset the heat map"),
            translate(
                "HeatMapControls",
                "Clear every point and counter of the heat map? The posts stay in the journal.",
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.reset_now()

    def reset_now(self) -> None:
        self._actions.reset_heat_map()
        self.message.emit(translate("HeatMapControls", "Heat map reset"))

    def refresh(self) -> None:
        heat = self._heat.latest()
        self.show_snapshot(heat, located_breakdown(heat) if heat.posts else "")

    def show_snapshot(self, snapshot: HeatSnapshot, breakdown: str) -> None:
        """Follow the room's settings (another console, a restart) unless being edited."""
        key = (snapshot.view, snapshot.mode, snapshot.half_life)
        if key != self._shown:
            self._shown = key
            view = snapshot.view
            if not self.preset.hasFocus():
                self.preset.setCurrentIndex(max(0, self.preset.findData(view.name)))
            if view.name == "custom" and not self.box.hasFocus():
                self.box.setText(f"{view.west:g}, {view.south:g}, {view.east:g}, {view.north:g}")
            self.box.setEnabled(view.name == "custom")
            if not self.mode.hasFocus():
                self.mode.setCurrentIndex(max(0, self.mode.findData(snapshot.mode.value)))
            if not self.half_life.hasFocus():
                self.half_life.setValue(snapshot.half_life / 60.0)
        self.breakdown.setText(breakdown)
