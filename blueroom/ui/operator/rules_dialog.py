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
from blueroom.ui.i18n import decimal, number, translate


def action_label(action: Action) -> str:
    """What a rule does, in the rules dialog."""
    match action:
        case Action.PASS:
            return translate("RulesDialog", "let through")
        case Action.FLAG:
            return translate("RulesDialog", "flag for the moderator")
        case Action.REJECT:
            return translate("RulesDialog", "reject (to the trash)")


def _action_word(action: Action) -> str:
    """What a rule does, in the console's summary of the rules."""
    match action:
        case Action.PASS:
            return translate("RulesDialog", "pass")
        case Action.FLAG:
            return translate("RulesDialog", "flag")
        case Action.REJECT:
            return translate("RulesDialog", "reject")


def rules_summary(rules: ModerationRules) -> str:
    """One line for the console: what the rules do right now."""
    parts = [
        translate("RulesDialog", "profanity: {action}").format(
            action=_action_word(rules.profanity)
        ),
        translate("RulesDialog", "insults: {action}").format(action=_action_word(rules.insults)),
        translate("RulesDialog", "links: {action}").format(action=_action_word(rules.links)),
        translate("RulesDialog", "hashbombs: {action}").format(action=_action_word(rules.hashbomb)),
        translate("RulesDialog", "flood > {posts} in {seconds} s").format(
            posts=rules.flood_posts, seconds=decimal(rules.flood_seconds)
        ),
    ]
    if rules.blocked_words:
        words = len(rules.blocked_words)
        parts.append(translate("RulesDialog", "%n blocked word(s)", None, number, words))
    if rules.blocked_users:
        users = len(rules.blocked_users)
        parts.append(translate("RulesDialog", "%n blocked user(s)", None, number, users))
    if rules.trusted_users:
        trusted = len(rules.trusted_users)
        parts.append(translate("RulesDialog", "%n trusted", None, number, trusted))
    parts.append(
        translate("RulesDialog", "AUTO-APPROVE CLEAN QUESTIONS: ON")
        if rules.auto_approve_clean
        else translate("RulesDialog", "every question approved by a person")
    )
    return " · ".join(parts)


def _lines(editor: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in editor.toPlainText().splitlines() if line.strip())


class RulesDialog(QDialog):
    def __init__(self, rules: ModerationRules, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("RulesDialog", "Moderation rules"))
        self.setMinimumWidth(560)
        self.result_rules: ModerationRules | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        def action_box(value: Action, allow_pass: bool = True) -> QComboBox:
            box = QComboBox()
            for action in Action:
                if allow_pass or action is not Action.PASS:
                    box.addItem(action_label(action), action.value)
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
        self.blocked_words = words(
            rules.blocked_words, translate("RulesDialog", "one per line: word, stem*, or a phrase")
        )
        one_handle = translate("RulesDialog", "one handle per line")
        self.blocked_users = words(rules.blocked_users, one_handle)
        self.trusted_users = words(rules.trusted_users, one_handle)
        self.allowed_domains = words(
            rules.allowed_domains, translate("RulesDialog", "links to these are fine")
        )
        self.max_mentions = QSpinBox()
        self.max_mentions.setRange(0, 50)
        self.max_mentions.setValue(rules.max_mentions)
        self.flood_posts = QSpinBox()
        self.flood_posts.setRange(1, 1000)
        self.flood_posts.setValue(rules.flood_posts)
        self.flood_seconds = QDoubleSpinBox()
        self.flood_seconds.setRange(1.0, 3600.0)
        self.flood_seconds.setSuffix(translate("RulesDialog", " s"))
        self.flood_seconds.setValue(rules.flood_seconds)
        self.new_account_days = QSpinBox()
        self.new_account_days.setRange(0, 365)
        self.new_account_days.setSuffix(translate("RulesDialog", " days"))
        self.new_account_days.setValue(rules.new_account_days)
        self.auto_approve = QCheckBox(translate("RulesDialog", "Auto-approve clean questions"))
        self.auto_approve.setChecked(rules.auto_approve_clean)
        self.auto_approve.setStyleSheet(f"color: {theme.AMBER.name()}; font-weight: 600;")
        # what it means, wrapped under it (one line was cut at the dialog's width)
        self.auto_approve_hint = QLabel(
            translate(
                "RulesDialog",
                "Questions no rule objects to go to the wall without a person approving them.",
            )
        )
        self.auto_approve_hint.setWordWrap(True)
        self.auto_approve_hint.setStyleSheet(f"color: {theme.MUTED.name()};")

        form.addRow(translate("RulesDialog", "Profanity"), self.profanity)
        form.addRow(translate("RulesDialog", "Slurs"), self.slurs)
        form.addRow(translate("RulesDialog", "Insults (idiot, débile…)"), self.insults)
        form.addRow(translate("RulesDialog", "Links"), self.links)
        form.addRow(translate("RulesDialog", "Hashtag/mention-only posts"), self.hashbomb)
        form.addRow(translate("RulesDialog", "More @-mentions than"), self.max_mentions)
        form.addRow(translate("RulesDialog", "Flood: more posts than"), self.flood_posts)
        form.addRow(translate("RulesDialog", "… within"), self.flood_seconds)
        form.addRow(
            translate("RulesDialog", "Support from accounts younger than"), self.new_account_days
        )
        form.addRow(translate("RulesDialog", "Blocked words"), self.blocked_words)
        form.addRow(translate("RulesDialog", "Blocked users"), self.blocked_users)
        form.addRow(translate("RulesDialog", "Trusted users"), self.trusted_users)
        form.addRow(translate("RulesDialog", "Allowed link domains"), self.allowed_domains)
        layout.addWidget(self.auto_approve)
        layout.addWidget(self.auto_approve_hint)
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
