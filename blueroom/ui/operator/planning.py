"""Planning the hour on the console: the guest, the script, its adaptation (reorder, skip,
add a segment, change a duration) and the guest's departure, shown as a timeline of the
hour. "Plan the hour" publishes the plan as one journalled event (``SessionPlanned``):
saved with the session, a resume gets it back. The edits are ``core/plan.py``'s.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import msgspec
from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from blueroom.core import plan as plans
from blueroom.core.plan import Guest, Plan, clock_time, plan_from_script, schedule
from blueroom.core.script import Level, ScriptError, load_script
from blueroom.ui import theme
from blueroom.ui.clock import Clock, SystemClock
from blueroom.ui.i18n import translate
from blueroom.ui.operator.labels import plain_label, title_label
from blueroom.ui.operator.timeline import Block, HourTimeline, hh_mm

LEVELS = tuple(level.value for level in Level)
DIALOG_STYLE = f"""
QTableWidget, QTimeEdit, QDoubleSpinBox {{ background: {theme.DEEP.name()};
    border: 1px solid {theme.LINE.name()}; border-radius: 6px; padding: 3px; }}
QTimeEdit:disabled {{ color: {theme.DIM.name()}; }}
QTableWidget::item:selected {{ background: {theme.ACCENT.name()}; }}
QHeaderView::section {{ background: {theme.PANEL.name()}; color: {theme.MUTED.name()};
    border: none; padding: 4px; }}
"""


def level_name(level: str) -> str:
    match level:
        case "first-timer":
            return translate("PlanningDialog", "first visit")
        case "regular":
            return translate("PlanningDialog", "regular")
        case _:
            return translate("PlanningDialog", "expert")


def trigger_name(trigger: str) -> str:
    if trigger == "follow":
        return translate("PlanningDialog", "follows")
    if trigger.startswith("at "):
        return translate("PlanningDialog", "at {time}").format(time=trigger[3:])
    return translate("PlanningDialog", "by hand")


class PlanningDialog(QDialog):
    """Edits a copy of the plan; ``publish`` receives the plan the staff settle on."""

    def __init__(
        self,
        plan: Plan,
        scripts: Mapping[str, Path],  # script id → its file
        publish: Callable[[Plan], None],
        *,
        began_at: float = 0.0,  # the hour's start, once begun
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("planningDialog")
        self.setWindowTitle(translate("PlanningDialog", "Plan the hour"))
        self.setStyleSheet(theme.CONSOLE_STYLE + DIALOG_STYLE)
        self._clock = clock or SystemClock()
        self._scripts = dict(scripts)
        self._publish = publish
        self._began_at = began_at
        self.plan = plan
        self._filling = False

        outer = QVBoxLayout(self)
        body = QHBoxLayout()
        outer.addLayout(body, 1)

        form_box = QVBoxLayout()
        form_box.addWidget(title_label(translate("PlanningDialog", "The guest")))
        form = QFormLayout()
        self.name = QLineEdit(plan.guest.name)
        self.handle = QLineEdit(plan.guest.handle)
        self.level = QComboBox()
        for level in LEVELS:
            self.level.addItem(level_name(level), level)
        self.language = QComboBox()
        for code, name in (
            ("fr", translate("PlanningDialog", "French")),
            ("en", translate("PlanningDialog", "English")),
        ):
            self.language.addItem(name)
            self.language.setItemData(self.language.count() - 1, code)
        self.interests = QLineEdit(", ".join(plan.guest.interests))
        self.interests.setPlaceholderText(translate("PlanningDialog", "cooking, football…"))
        self.city = QLineEdit(plan.guest.city)
        self.city.setPlaceholderText(translate("PlanningDialog", "for the map's home-town cue"))
        self.script = QComboBox()
        for script_id in self._scripts:
            self.script.addItem(script_id, script_id)
        if plan.script_id not in self._scripts:
            self.script.addItem(plan.script_id, plan.script_id)
        self.starts_by_hand = QCheckBox(translate("PlanningDialog", "when started"))
        self.starts = QTimeEdit()
        self.starts.setDisplayFormat("HH:mm")
        self.no_hard_end = QCheckBox(translate("PlanningDialog", "no hard end"))
        self.leaves = QTimeEdit()
        self.leaves.setDisplayFormat("HH:mm")
        form.addRow(translate("PlanningDialog", "Name"), self.name)
        form.addRow(translate("PlanningDialog", "Handle"), self.handle)
        form.addRow(translate("PlanningDialog", "Level"), self.level)
        form.addRow(translate("PlanningDialog", "Language"), self.language)
        form.addRow(translate("PlanningDialog", "Interests"), self.interests)
        form.addRow(translate("PlanningDialog", "Home town"), self.city)
        form.addRow(translate("PlanningDialog", "Script"), self.script)
        starts_row = QHBoxLayout()
        starts_row.addWidget(self.starts)
        starts_row.addWidget(self.starts_by_hand)
        form.addRow(translate("PlanningDialog", "Starts at"), starts_row)
        leaves_row = QHBoxLayout()
        leaves_row.addWidget(self.leaves)
        leaves_row.addWidget(self.no_hard_end)
        form.addRow(translate("PlanningDialog", "Guest leaves at"), leaves_row)
        form_box.addLayout(form)
        self.script_note = plain_label("")
        self.script_note.setWordWrap(True)
        self.script_note.setStyleSheet(f"color: {theme.AMBER.name()};")
        form_box.addWidget(self.script_note)
        form_box.addStretch(1)
        holder = QWidget()
        holder.setLayout(form_box)
        holder.setFixedWidth(340)
        body.addWidget(holder)

        right = QVBoxLayout()
        right.addWidget(title_label(translate("PlanningDialog", "The segments")))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [
                translate("PlanningDialog", "Segment"),
                translate("PlanningDialog", "Starts"),
                translate("PlanningDialog", "Minutes"),
                translate("PlanningDialog", "Starts how"),
            ]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._selected)
        right.addWidget(self.table, 1)
        edit = QHBoxLayout()
        self.up_button = QPushButton("▲")
        self.down_button = QPushButton("▼")
        self.skip_button = QPushButton(translate("PlanningDialog", "Skip"))
        self.minutes = QDoubleSpinBox()
        self.minutes.setRange(0.5, plans.MAX_ADDED_MINUTES)
        self.minutes.setSingleStep(0.5)
        self.minutes.setDecimals(1)
        self.minutes.setSuffix(translate("PlanningDialog", " min"))
        self.remove_button = QPushButton(translate("PlanningDialog", "Remove"))
        for widget in (self.up_button, self.down_button, self.skip_button, self.minutes):
            edit.addWidget(widget)
        edit.addWidget(self.remove_button)
        edit.addStretch(1)
        right.addLayout(edit)
        add = QHBoxLayout()
        self.new_title = QLineEdit()
        self.new_title.setPlaceholderText(translate("PlanningDialog", "A segment of your own"))
        self.new_minutes = QDoubleSpinBox()
        self.new_minutes.setRange(0.5, plans.MAX_ADDED_MINUTES)
        self.new_minutes.setValue(5.0)
        self.new_minutes.setSuffix(translate("PlanningDialog", " min"))
        self.add_button = QPushButton(translate("PlanningDialog", "Add after the selected"))
        add.addWidget(self.new_title, 1)
        add.addWidget(self.new_minutes)
        add.addWidget(self.add_button)
        right.addLayout(add)
        body.addLayout(right, 1)

        outer.addWidget(title_label(translate("PlanningDialog", "The hour")))
        self.timeline = HourTimeline()
        outer.addWidget(self.timeline)
        self.summary = plain_label("")
        outer.addWidget(self.summary)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.cancel_button = QPushButton(translate("PlanningDialog", "Cancel"))
        self.ok_button = QPushButton(translate("PlanningDialog", "Plan the hour"))
        self.ok_button.setObjectName("approve")
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        outer.addLayout(buttons)

        self._fill_fields()
        self.up_button.clicked.connect(lambda: self._edit(lambda p, s: plans.moved(p, s, -1)))
        self.down_button.clicked.connect(lambda: self._edit(lambda p, s: plans.moved(p, s, 1)))
        self.skip_button.clicked.connect(self._toggle_skip)
        self.remove_button.clicked.connect(lambda: self._edit(plans.removed))
        self.minutes.valueChanged.connect(self._minutes_changed)
        self.add_button.clicked.connect(self._add)
        self.script.currentIndexChanged.connect(self._rebuild)
        self.level.currentIndexChanged.connect(self._rebuild)
        self.language.currentIndexChanged.connect(lambda _: self._show_plan())
        for field in (self.starts_by_hand, self.no_hard_end):
            field.toggled.connect(self._times_changed)
        for time_field in (self.starts, self.leaves):
            time_field.timeChanged.connect(self._times_changed)
        self.cancel_button.clicked.connect(self.reject)
        self.ok_button.clicked.connect(self.accept_plan)
        self._show_plan()
        self.table.selectRow(0)

    # -- the fields ------------------------------------------------------------------
    def _fill_fields(self) -> None:
        self._filling = True
        plan = self.plan
        self.level.setCurrentIndex(max(0, self.level.findData(plan.guest.level)))
        self.language.setCurrentIndex(max(0, self.language.findData(plan.guest.language)))
        self.script.setCurrentIndex(max(0, self.script.findData(plan.script_id)))
        now = self._clock.now()
        self.starts_by_hand.setChecked(not plan.starts_at)
        self.starts.setTime(_qtime(plan.starts_at or now))
        self.no_hard_end.setChecked(not plan.hard_end)
        self.leaves.setTime(_qtime(plan.hard_end or now + plan.minutes() * 60.0))
        self.starts.setEnabled(bool(plan.starts_at))
        self.leaves.setEnabled(bool(plan.hard_end))
        self._filling = False

    def guest(self) -> Guest:
        return Guest(
            name=" ".join(self.name.text().split()),
            handle=self.handle.text().strip(),
            level=str(self.level.currentData()),
            language=str(self.language.currentData()),
            interests=tuple(i.strip() for i in self.interests.text().split(",") if i.strip()),
            city=self.city.text().strip(),
        )

    def _times(self) -> tuple[float, float]:
        now = self._clock.now()
        starts = 0.0
        if not self.starts_by_hand.isChecked():
            t = self.starts.time()
            starts = clock_time(t.hour(), t.minute(), now)
        hard_end = 0.0
        if not self.no_hard_end.isChecked():
            t = self.leaves.time()
            hard_end = clock_time(t.hour(), t.minute(), starts or self._began_at or now)
        return starts, hard_end

    def _times_changed(self) -> None:
        if self._filling:
            return
        self.starts.setEnabled(not self.starts_by_hand.isChecked())
        self.leaves.setEnabled(not self.no_hard_end.isChecked())
        starts, hard_end = self._times()
        self.plan = msgspec.structs.replace(self.plan, starts_at=starts, hard_end=hard_end)
        self._show_plan()

    def _rebuild(self) -> None:
        """Another script or level: the script's segments again (the adaptation is reset)."""
        if self._filling:
            return
        script_id = str(self.script.currentData())
        path = self._scripts.get(script_id)
        if path is None:
            self.script_note.setText(
                translate("PlanningDialog", "This plan's script is not among the room's scripts.")
            )
            return
        try:
            script = load_script(path)
        except ScriptError as error:
            self.script_note.setText(str(error))
            return
        guest = self.guest()
        if not script.for_level(Level(guest.level)):
            self.script_note.setText(
                translate("PlanningDialog", "This script has nothing for this level.")
            )
            return
        starts, hard_end = self._times()
        self.plan = plan_from_script(
            script, guest, hashtag=self.plan.hashtag, hard_end=hard_end, starts_at=starts
        )
        self.script_note.setText(
            translate("PlanningDialog", "The script's segments for this level, as written.")
        )
        self._show_plan()

    # -- the segments ----------------------------------------------------------------
    def selected_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.plan.segments[rows[0].row()].id

    def _edit(self, change: Callable[[Plan, str], Plan]) -> None:
        segment_id = self.selected_id()
        if segment_id is None:
            return
        self.plan = change(self.plan, segment_id)
        self._show_plan()
        index = self.plan.index_of(segment_id)
        self.table.selectRow(index if index is not None else 0)

    def _toggle_skip(self) -> None:
        segment_id = self.selected_id()
        if segment_id is None:
            return
        index = self.plan.index_of(segment_id)
        assert index is not None
        skip = not self.plan.segments[index].skipped
        self._edit(lambda p, s: plans.skipped(p, s, skip))

    def _minutes_changed(self, value: float) -> None:
        segment_id = self.selected_id()
        if self._filling or segment_id is None:
            return
        index = self.plan.index_of(segment_id)
        if index is not None and abs(self.plan.segments[index].minutes - value) > 1e-6:
            self._edit(lambda p, s: plans.with_minutes(p, s, value))

    def _add(self) -> None:
        title = self.new_title.text()
        before = len(self.plan.segments)
        self.plan = plans.added(self.plan, self.selected_id(), title, self.new_minutes.value())
        if len(self.plan.segments) > before:
            self.new_title.clear()
        self._show_plan()

    def _selected(self) -> None:
        segment_id = self.selected_id()
        index = self.plan.index_of(segment_id) if segment_id else None
        if index is None:
            return
        segment = self.plan.segments[index]
        self._filling = True
        self.minutes.setValue(segment.minutes)
        self._filling = False
        self.skip_button.setText(
            translate("PlanningDialog", "Run it")
            if segment.skipped
            else translate("PlanningDialog", "Skip")
        )
        self.remove_button.setEnabled(segment.added)

    def start_time(self) -> float:
        return self.plan.starts_at or self._began_at or self._clock.now()

    def _show_plan(self) -> None:
        plan = self.plan
        language = str(self.language.currentData())
        slots = {slot.segment.id: slot for slot in schedule(plan, self.start_time())}
        selected = self.selected_id()
        self.table.setRowCount(len(plan.segments))
        for row, segment in enumerate(plan.segments):
            slot = slots.get(segment.id)
            cells = (
                plan.say(segment.title, language) + ("  +" if segment.added else ""),
                hh_mm(slot.start) if slot is not None else "—",
                f"{segment.minutes:g}",
                trigger_name(segment.trigger),
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if segment.skipped:
                    item.setForeground(theme.DIM)
                    font = item.font()
                    font.setStrikeOut(True)
                    item.setFont(font)
                if segment.notes and column == 0:
                    item.setToolTip(segment.notes)
                self.table.setItem(row, column, item)
        if selected is not None:
            index = plan.index_of(selected)
            if index is not None:
                self.table.selectRow(index)
        blocks = [
            Block(slot.segment.label.say(language), slot.start, slot.seconds)
            for slot in slots.values()
        ]
        self.timeline.show_blocks(blocks, plan.hard_end)
        end = max((s.start + s.seconds for s in slots.values()), default=self.start_time())
        summary = translate(
            "PlanningDialog", "{count} segments · {minutes} min · {start} → {end}"
        ).format(
            count=len(slots),
            minutes=f"{plan.minutes():g}",
            start=hh_mm(self.start_time()),
            end=hh_mm(end),
        )
        color = theme.MUTED
        if plan.hard_end:
            over = end - plan.hard_end
            if over > 0:
                summary += " · " + translate(
                    "PlanningDialog", "{minutes} min past the guest's departure ({time})"
                ).format(minutes=f"{over / 60:.0f}", time=hh_mm(plan.hard_end))
                color = theme.LIVE
            else:
                summary += " · " + translate(
                    "PlanningDialog", "fits before the guest leaves ({time})"
                ).format(time=hh_mm(plan.hard_end))
        self.summary.setStyleSheet(f"color: {color.name()};")
        self.summary.setText(summary)

    # -- done ------------------------------------------------------------------------
    def accept_plan(self) -> None:
        starts, hard_end = self._times()
        self.plan = msgspec.structs.replace(
            self.plan, guest=self.guest(), starts_at=starts, hard_end=hard_end
        )
        self._publish(self.plan)
        self.accept()


def _qtime(when: float) -> QTime:
    hours, minutes = (int(part) for part in hh_mm(when).split(":"))
    return QTime(hours, minutes)
