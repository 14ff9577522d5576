"""Session scripts: the three shipped ones load whole, and a broken script says where."""

from __future__ import annotations

from pathlib import Path

import pytest

from blueroom.core.script import (
    CUES,
    Level,
    ScriptError,
    Shows,
    TriggerKind,
    load_script,
    parse_script,
)
from blueroom.paths import assets

SCRIPTS = sorted(assets().scripts.glob("*.toml"))

GOOD = """\
[script]
id = "tiny"
title.fr = "Petit"
title.en = "Small"

[[segment]]
id = "welcome"
title.fr = "Bienvenue, {first_name}"
title.en = "Welcome, {first_name}"
text.fr = "Installez-vous."
text.en = "Make yourself comfortable."
minutes = 5
wrap_up = 1

[[segment]]
id = "qa"
title.fr = "Questions"
title.en = "Questions"
text.fr = "Touchez une question."
text.en = "Tap a question."
minutes = 10
wrap_up = 2
danger = 0.5
trigger = "follow"
shows = "pick"
levels = ["first-timer", "regular", "expert"]
on_enter = ["questions-wall.on", "qa.open"]
on_leave = ["qa.close"]
"""


def test_three_scripts_ship_and_each_is_a_whole_hour_for_every_level() -> None:
    assert {p.stem for p in SCRIPTS} == {"musician-first-visit", "chief-executive", "chef"}
    for path in SCRIPTS:
        script = load_script(path)
        for level in Level:
            segments = script.for_level(level)
            assert segments, (path.name, level)
            assert 40 <= script.minutes(level) <= 60, (path.name, level, script.minutes(level))
        assert {s.shows for s in script.segments} >= {Shows.PICK, Shows.BOOTH, Shows.COMPOSER}
        assert all(cue in CUES for s in script.segments for cue in (*s.on_enter, *s.on_leave))
        assert all(s.notes for s in script.segments), "the staff's notes, every segment"


def test_a_script_becomes_the_session_s_steps_in_the_guest_s_language() -> None:
    script = parse_script(GOOD)
    steps = script.steps(Level.EXPERT, "fr", first_name="Léa", guest="Léa Marchand", hashtag="#A")
    assert [s.id for s in steps] == ["welcome", "qa"]
    assert steps[0].title == "Bienvenue, Léa" and steps[0].minutes == 5
    assert script.steps(Level.EXPERT, "en", first_name="Léa")[0].title == "Welcome, Léa"
    qa = script.segments[1]
    assert qa.trigger.kind is TriggerKind.FOLLOW and qa.shows is Shows.PICK
    assert (qa.wrap_up, qa.danger) == (2.0, 0.5)
    assert qa.on_enter == ("questions-wall.on", "qa.open")


def _broken(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new, 1)


@pytest.mark.parametrize(
    ("script", "said"),
    [
        (_broken("wrap_up = 2\n", "wrap_up = 12\n"),
         'tiny.toml:22: segment \'qa\': wrap_up (12) must be less than minutes (10)'),
        (_broken("danger = 0.5", "danger = 3"),
         "tiny.toml:23: segment 'qa': danger (3 minutes left) must come after wrap_up (2 minutes left)"),
        (_broken('on_enter = ["questions-wall.on", "qa.open"]', 'on_enter = ["qa.opne"]'),
         "tiny.toml:27: segment 'qa': on_enter: unknown cue 'qa.opne'"),
        (_broken('trigger = "follow"', 'trigger = "at 25:00"'),
         "tiny.toml:24: segment 'qa': trigger 'at 25:00' is not \"manual\", \"follow\" or \"at HH:MM\""),
        (_broken('text.fr = "Touchez une question."\n', ""),
         "tiny.toml:19: segment 'qa': text.fr is missing or empty"),
        (_broken("minutes = 10", "minuts = 10"), "tiny.toml:21: segment 'qa': unknown key 'minuts'"),
        (_broken('id = "qa"', 'id = "welcome"'), "tiny.toml:16: segment id 'welcome' is used twice"),
        (_broken("Bienvenue, {first_name}", "Bienvenue, {prenom}"),
         "tiny.toml:8: segment 'welcome': title.fr names {prenom}"),
        (_broken('shows = "pick"', 'shows = "quiz"'), "tiny.toml:25: segment 'qa': shows 'quiz' is not one of"),
        (_broken('levels = ["first-timer", "regular", "expert"]', 'levels = ["beginner"]'),
         "tiny.toml:26: segment 'qa': level 'beginner' is not one of"),
        (_broken("minutes = 5\n", 'minutes = "five"\n'), "tiny.toml:12: segment 'welcome': minutes must be a number"),
        (_broken('title.en = "Welcome, {first_name}"', 'title.en = "Welcome'), "tiny.toml:9: not TOML:"),
        (_broken("minutes = 5\nwrap_up = 1\n", 'minutes = 5\nwrap_up = 1\ntrigger = "follow"\n'),
         "tiny.toml:14: segment 'welcome': the first segment follows nothing"),
    ],
)  # fmt: skip
def test_a_broken_script_says_file_line_and_problem_in_one_line(script: str, said: str) -> None:
    with pytest.raises(ScriptError) as raised:
        parse_script(script, "tiny.toml")
    message = str(raised.value)
    assert message.startswith(said), message
    assert "\n" not in message


def test_an_unreadable_script_says_so(tmp_path: Path) -> None:
    with pytest.raises(ScriptError, match="cannot read it"):
        load_script(tmp_path / "missing.toml")
    (tmp_path / "latin1.toml").write_bytes("title = 'Léa'".encode("latin-1"))
    with pytest.raises(ScriptError, match="not UTF-8"):
        load_script(tmp_path / "latin1.toml")


def test_the_session_setting_names_a_shipped_script_or_a_file_and_a_bad_one_is_one_line(
    tmp_path: Path,
) -> None:
    from blueroom.settings import SettingsError, load_settings

    settings = load_settings(
        environ={
            "BLUEROOM_SESSION__SCRIPT": "chef",
            "BLUEROOM_SESSION__LEVEL": "expert",
            "BLUEROOM_SESSION__LANGUAGE": "en",
            "BLUEROOM_EVENT__GUEST_NAME": "Hélène Darroze",
        }
    )
    steps = settings.session.steps(settings.event)
    assert steps[0].title == "Welcome to the kitchen, Hélène"
    assert "first-post" not in [s.id for s in steps], "an expert writes their own first post"
    broken = tmp_path / "mine.toml"
    broken.write_text(GOOD.replace("minutes = 10", "minutes = 0"), encoding="utf-8")
    with pytest.raises(SettingsError) as raised:
        load_settings(environ={"BLUEROOM_SESSION__SCRIPT": str(broken)})
    assert f"session.script: {broken}:21: segment 'qa': minutes must be above 0" in str(
        raised.value
    )
    assert (
        load_settings(environ={}).session.steps(load_settings(environ={}).event)[0].id == "welcome"
    )


def test_a_room_runs_the_hour_its_script_gives(tmp_path: Path) -> None:
    from blueroom.engine.room import Room, RoomOptions
    from blueroom.settings import load_settings

    settings = load_settings(
        environ={"BLUEROOM_SESSION__SCRIPT": "chief-executive", "BLUEROOM_SOURCE__KIND": '"none"'}
    )
    room = Room(settings, RoomOptions(journal_path=tmp_path / "j.sqlite"))
    try:
        steps = room.model.session.steps
        assert [s.id for s in steps][:3] == ["briefing", "first-post", "questions"]
        assert steps[0].title.startswith("Bienvenue, ")
    finally:
        room.stop()


def test_a_script_s_steps_tell_the_guest_panel_what_to_show_whatever_their_ids() -> None:
    """The chief executive's photo segment is "team-photo": the booth, by what it shows."""
    script = load_script(assets().scripts / "chief-executive.toml")
    shows = {s.id: s.shows for s in script.steps(Level.FIRST_TIMER, "en")}
    assert shows["team-photo"] == "booth" and shows["questions"] == "pick"
    assert shows["first-post"] == "composer" and shows["briefing"] == "card"
