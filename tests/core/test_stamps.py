"""A cache carried in a snapshot is kept only under the stamp it was made under."""

from __future__ import annotations

from pathlib import Path

from blueroom.core.stamps import carried, code_stamp, stamp


def test_a_stamp_changes_with_the_code_and_the_settings(tmp_path: Path) -> None:
    rules = tmp_path / "rules.py"
    rules.write_text("QUESTION = '?'\n", encoding="utf-8")
    made = code_stamp([str(rules)], "simplemma 2.0.0")
    assert made and made == code_stamp([str(rules)], "simplemma 2.0.0")
    assert made != code_stamp([str(rules)], "simplemma 2.1.0")
    rules.write_text("QUESTION = '?？'\n", encoding="utf-8")
    edited = code_stamp([str(rules)], "simplemma 2.0.0")
    assert edited != made
    assert stamp(made, "Léa") == stamp(made, "Léa") != stamp(made, "Zoé") != stamp(edited, "Zoé")
    assert carried(stamp(made, "Léa"), stamp(made, "Léa"))
    assert not carried(stamp(made, "Léa"), stamp(edited, "Léa"))


def test_nothing_is_carried_when_the_code_cannot_be_read(tmp_path: Path) -> None:
    unreadable = code_stamp([str(tmp_path / "gone.py")])
    assert unreadable == "" and stamp(unreadable, "Léa") == ""
    assert not carried("", stamp(unreadable, "Léa")), "two unknowns are not the same code"
    assert code_stamp([None]) == ""
