"""Settings the console writes back: the moderation rules, saved without harming the file."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from blueroom.core.moderation import Action, ModerationRules
from blueroom.settings import load_settings, save_moderation

HAND_WRITTEN = """# Blue Room, studio B
[event]
hashtag = "#AskBlueRoom"  # the event's tag

[moderation]
links = "reject"
blocked_words = ["old"]

[screens]
questions_wall = 1
"""


def test_saved_rules_replace_only_the_moderation_table(tmp_path: Path) -> None:
    path = tmp_path / "blueroom.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    rules = ModerationRules(
        blocked_words=("say no", "spoil*"),
        blocked_users=("@troll",),
        links=Action.FLAG,
        auto_approve_clean=True,
        flood_seconds=30.5,
    )
    save_moderation(path, rules)
    text = path.read_text(encoding="utf-8")
    assert "# Blue Room, studio B" in text and "# the event's tag" in text
    assert "old" not in text
    settings = load_settings(path, environ={})
    assert settings.moderation == rules
    assert settings.screens.questions_wall == 1


def test_rules_are_appended_to_a_file_without_them_or_to_a_new_file(tmp_path: Path) -> None:
    existing = tmp_path / "a.toml"
    existing.write_text('[event]\nguest_name = "Léa Marchand"', encoding="utf-8")
    rules = ModerationRules(trusted_users=("blueroomfr",))
    save_moderation(existing, rules)
    assert load_settings(existing, environ={}).moderation == rules
    assert load_settings(existing, environ={}).event.guest_name == "Léa Marchand"
    fresh = tmp_path / "new.toml"
    save_moderation(fresh, rules)
    assert tomllib.loads(fresh.read_text(encoding="utf-8"))["moderation"]["trusted_users"] == [
        "blueroomfr"
    ]


def test_a_failed_save_leaves_the_file_untouched(tmp_path: Path) -> None:
    path = tmp_path / "blueroom.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    (tmp_path / ".blueroom.toml.saving").mkdir()  # the temporary file cannot be written
    with pytest.raises(OSError):
        save_moderation(path, ModerationRules(links=Action.PASS))
    assert path.read_text(encoding="utf-8") == HAND_WRITTEN
