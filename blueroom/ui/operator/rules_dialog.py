"""Editing the automatic moderation rules: every rule, validated before it applies."""

from __future__ import annotations

import msgspec
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from blueroom.core.moderation import Action, ModerationRules
from blueroom.ui import theme

_ACTION_LABELS = {
    Action.PASS: "let through",
    Action.FLAG: "flag for the moderator",
    Action.REJECT: "reject (to the trash)",
}


def rules_summary(rules: ModerationRules) -> str:
    """One line for the console: what the rules do right now."""
    parts = [
        f"profanity: {rules.profanity.value}",
        f"insults: {rules.insults.value}",
        f"links: {rules.links.value}",
        f"hashbombs: {rules.hashbomb.value}",
        f"flood > {rules.flood_posts} in {rules.flood_seconds:g} s",
    ]
    if rules.blocked_words:
        parts.append(f"{len(rules.blocked_words)} blocked words")
    if rules.blocked_users:
        parts.append(f"{len(rules.blocked_users)} blocked users")
    if rules.trusted_users:
        parts.append(f"{len(rules.trusted_users)} trusted")
    parts.append(
        "AUTO-APPROVE CLEAN QUESTIONS: ON"
        if rules.auto_approve_clean
        else "every question approved by a person"
    )
    return " · ".join(parts)


def _lines(editor: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in editor.toPlainText().splitlines() if line.strip())


class RulesDialog(QDialog):
    def __init__(self, rules: ModerationRules, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Moderation rules")
        self.setMinimumWidth(560)
        self.result_rules: ModerationRules | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        def action_box(value: Action, allow_pass: bool = True) -> QComboBox:
            box = QComboBox()
            for action, label in _ACTION_LABELS.items():
                if allow_pass or action is not Action.PASS:
                    box.addItem(label, action.value)
            box.setCurrentIndex(max(0, box.findData(value.value)))
            return box

        def words(values: tuple[str, ...], hint: str) -> QPlainTextEdit:
            editor = QPlainTextEdit("\n".join(values))
            editor.setPlaceholderText(hint)
            editor.setFixedHeight(70)
            return editor

        self.profanity = action_box(rules.profanity)
        self.slurs = action_box(rules.slurs, allow_pass=False)
        self.insults = action_box(rules.insults)
        self.links = action_box(rules.links)
        self.hashbomb = action_box(rules.hashbomb)
        self.blocked_words = words(rules.blocked_words, "one per line: word, stem*, or a phrase")
        self.blocked_users = words(rules.blocked_users, "one handle per line")
        self.trusted_users = words(rules.trusted_users, "one handle per line")
        self.allowed_domains = words(rules.allowed_domains, "links to these are fine")
        self.max_mentions = QSpinBox()
        self.max_mentions.setRange(0, 50)
        self.max_mentions.setValue(rules.max_mentions)
        self.flood_posts = QSpinBox()
        self.flood_posts.setRange(1, 1000)
        self.flood_posts.setValue(rules.flood_posts)
        self.flood_seconds = QDoubleSpinBox()
        self.flood_seconds.setRange(1.0, 3600.0)
        self.flood_seconds.setSuffix(" s")
        self.flood_seconds.setValue(rules.flood_seconds)
        self.new_account_days = QSpinBox()
        self.new_account_days.setRange(0, 365)
        self.new_account_days.setSuffix(" days")
        self.new_account_days.setValue(rules.new_account_days)
        self.auto_approve = QCheckBox(
            "Auto-approve clean questions (questions no rule objects to go to the wall"
            " without a person approving them)"
        )
        self.auto_approve.setChecked(rules.auto_approve_clean)
        self.auto_approve.setStyleSheet(f"color: {theme.AMBER.name()}; font-weight: 600;")

        form.addRow("Profanity", self.profanity)
        form.addRow("Slurs", self.slurs)
        form.addRow("Insults (idiot, débile…)", self.insults)
        form.addRow("Links", self.links)
        form.addRow("Hashtag/mention-only posts", self.hashbomb)
        form.addRow("More @-mentions than", self.max_mentions)
        form.addRow("Flood: more posts than", self.flood_posts)
        form.addRow("… within", self.flood_seconds)
        form.addRow("Support from accounts younger than", self.new_account_days)
        form.addRow("Blocked words", self.blocked_words)
        form.addRow("Blocked users", self.blocked_users)
        form.addRow("Trusted users", self.trusted_users)
        form.addRow("Allowed link domains", self.allowed_domains)
        layout.addWidget(self.auto_approve)
        self.problem = QLabel("")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {theme.LIVE.name()};")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def rules(self) -> ModerationRules:
        """The rules as edited; raises ValueError with the problems when invalid."""
        return ModerationRules(
            blocked_words=_lines(self.blocked_words),
            blocked_users=_lines(self.blocked_users),
            trusted_users=_lines(self.trusted_users),
            allowed_domains=_lines(self.allowed_domains),
            profanity=Action(self.profanity.currentData()),
            slurs=Action(self.slurs.currentData()),
            insults=Action(self.insults.currentData()),
            links=Action(self.links.currentData()),
            hashbomb=Action(self.hashbomb.currentData()),
            max_mentions=self.max_mentions.value(),
            flood_posts=self.flood_posts.value(),
            flood_seconds=self.flood_seconds.value(),
            new_account_days=self.new_account_days.value(),
            auto_approve_clean=self.auto_approve.isChecked(),
        )

    def accept(self) -> None:
        try:
            self.result_rules = self.rules()
        except (ValueError, msgspec.ValidationError) as error:
            self.problem.setText(str(error))
            return
        super().accept()
