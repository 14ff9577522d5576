"""The running order of the questions wall: program and preview (on air, armed next),
then the approved questions in wall order; under them the moderation rules and the CSV
export, the tools that decide and keep what reaches the wall.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from blueroom.core.actions import RoomActions
from blueroom.core.moderation import ModerationRules
from blueroom.core.readers import BoardReader
from blueroom.store.export import ExportResult
from blueroom.ui import theme
from blueroom.ui.clock import Clock
from blueroom.ui.i18n import number, translate
from blueroom.ui.operator.labels import plain_label, title_label
from blueroom.ui.operator.program import ProgramPanel
from blueroom.ui.operator.queue_list import QueueList
from blueroom.ui.operator.rules_dialog import RulesDialog, rules_summary
from blueroom.ui.operator.selection import QuestionSelection


class RunningOrder(QWidget):
    def __init__(
        self,
        board: BoardReader,
        actions: RoomActions,
        selection: QuestionSelection,
        say: Callable[[str], None],
        *,
        export_csv: Callable[[Path], object] | None = None,
        last_export: Callable[[], ExportResult | None] | None = None,
        export_folder: Path | None = None,
        save_rules: Callable[[ModerationRules], str] | None = None,
        clock: Clock | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._board = board
        self._actions = actions
        self._say = say
        self._export_csv = export_csv
        self._last_export = last_export
        self._export_folder = export_folder or Path.cwd()
        self._save_rules = save_rules
        self._shown_export: ExportResult | None = None
        self._board_version = -1

        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(8)
        box.addWidget(title_label(translate("RunningOrder", "Program")))
        self.program = ProgramPanel()
        box.addWidget(self.program)
        box.addWidget(title_label(translate("RunningOrder", "Approved — next on the wall")))
        self.approved = QueueList(show_state=True, clock=clock)
        self.approved.empty_text = translate("RunningOrder", "No approved question yet")
        selection.watch(self.approved)
        box.addWidget(self.approved, 1)
        tools = QHBoxLayout()
        self.rules_button = QPushButton(translate("RunningOrder", "Moderation rules…"))
        self.rules_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.rules_button.clicked.connect(self.edit_rules)
        self.export_button = QPushButton(translate("RunningOrder", "Export CSV…"))
        self.export_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.export_button.clicked.connect(self._choose_export)
        self.export_button.setEnabled(export_csv is not None)
        tools.addWidget(self.rules_button)
        tools.addWidget(self.export_button)
        box.addLayout(tools)
        self.rules_summary = plain_label("")
        self.rules_summary.setWordWrap(True)
        self.rules_summary.setStyleSheet(f"color: {theme.MUTED.name()}; font-size: 12px;")
        box.addWidget(self.rules_summary)

    def refresh(self) -> None:
        board = self._board.latest()
        if board.version != self._board_version:
            self._board_version = board.version
            self.program.set_questions(board.on_air, board.armed)
            rows = ((board.on_air,) if board.on_air else ()) + board.approved
            # A question taken, approved or answered shows at once; new support counts
            # on the same questions wait for their rows to be painted.
            moved = [q.tweet_id for q in rows] != [q.tweet_id for q in self.approved.rows]
            self.approved.set_rows(rows, at_once=moved)
            summary = rules_summary(board.rules)
            if self.rules_summary.text() != summary:
                self.rules_summary.setText(summary)
        self._refresh_export()

    def _refresh_export(self) -> None:
        result = self._last_export() if self._last_export is not None else None
        if result is None or result is self._shown_export:
            return
        self._shown_export = result
        if result.error:
            self._say(
                translate("RunningOrder", "Export failed: {error}").format(error=result.error)
            )
        else:
            rows = result.rows
            self._say(
                translate(
                    "RunningOrder", "Exported %n post(s) to {path}", None, number, rows
                ).format(path=result.path)
            )

    def edit_rules(self) -> None:
        dialog = RulesDialog(self._board.latest().rules, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_rules is not None:
            self._actions.set_rules(dialog.result_rules)
            saved = self._save_rules(dialog.result_rules) if self._save_rules else ""
            changed = translate(
                "RunningOrder", "Moderation rules changed: they apply to new posts."
            )
            self._say(f"{changed} {saved}".strip())

    def _choose_export(self) -> None:
        stamp = time.strftime("%Y%m%d-%H%M")
        suggested = str(self._export_folder / f"blueroom-questions-{stamp}.csv")
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("RunningOrder", "Export questions"),
            suggested,
            translate("RunningOrder", "CSV (*.csv)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        if self._export_csv is not None:
            self._export_csv(path)
            self._say(translate("RunningOrder", "Exporting questions to {path}…").format(path=path))
