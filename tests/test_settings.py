"""Settings the console writes back: the moderation rules, saved without harming the file."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from blueroom.core.moderation import Action, ModerationRules
from blueroom.settings import Settings, SettingsError, describe, load_settings, save_moderation

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


# ── every value is checked, and a bad one is one line naming it ──────────────────


def load_text(tmp_path: Path, text: str, environ: dict[str, str] | None = None) -> Settings:
    path = tmp_path / "blueroom.toml"
    path.write_text(text, encoding="utf-8")
    return load_settings(path, environ=environ or {})


def problem(tmp_path: Path, text: str, environ: dict[str, str] | None = None) -> str:
    with pytest.raises(SettingsError) as caught:
        load_text(tmp_path, text, environ)
    message = str(caught.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[source]\nspeed = "fast"',
            "source.speed must be a positive number up to 1000 or \"max\", not 'fast'",
        ),
        (
            "[source]\nspeed = -3",
            'source.speed must be a positive number up to 1000 or "max", not -3',
        ),
        (
            "[source]\nspeed = 0",
            'source.speed must be a positive number up to 1000 or "max", not 0',
        ),
        (
            "[source]\nspeed = nan",
            'source.speed must be a positive number up to 1000 or "max", not nan',
        ),
        (
            "[source]\nspeed = inf",
            'source.speed must be a positive number up to 1000 or "max", not inf',
        ),
        (
            "[source]\nspeed = 1e9",
            'source.speed must be a positive number up to 1000 or "max", not 1000000000.0',
        ),
        (
            "[source]\nspeed = true",
            'source.speed must be a positive number up to 1000 or "max", not True',
        ),
        (
            "[heatmap]\nhalf_life_minutes = inf",
            "heatmap.half_life_minutes must be a number above 0 and at most 14400 (10 days), not inf",
        ),
        (
            "[heatmap]\nhalf_life_minutes = nan",
            "heatmap.half_life_minutes must be a number above 0 and at most 14400 (10 days), not nan",
        ),
        (
            "[heatmap]\nhalf_life_minutes = 0",
            "heatmap.half_life_minutes must be a number above 0 and at most 14400 (10 days), not 0",
        ),
        (
            "[heatmap]\nhalf_life_minutes = -5.0",
            "heatmap.half_life_minutes must be a number above 0 and at most 14400 (10 days), not -5.0",
        ),
        (
            "[heatmap]\nhalf_life_minutes = 14401",
            "heatmap.half_life_minutes must be a number above 0 and at most 14400 (10 days), not 14401",
        ),
        (
            '[camera]\ndevice = ""',
            "camera.device must be \"demo\", a camera index (0 to 9999) or a video file, not ''",
        ),
        (
            '[camera]\ndevice = "  "',
            "camera.device must be \"demo\", a camera index (0 to 9999) or a video file, not '  '",
        ),
        (
            "[camera]\ndevice = -1",
            'camera.device must be "demo", a camera index (0 to 9999) or a video file, not -1',
        ),
        (
            "[camera]\ndevice = 100000000000000000000",
            'camera.device must be "demo", a camera index (0 to 9999) or a video file, not 100000000000000000000',
        ),
        (
            "[camera]\nwidth = 1e20",
            "camera.width must be a whole number from 16 to 7680, not 1e+20",
        ),
        (
            "[camera]\nwidth = 100000000000000000000",
            "camera.width must be a whole number from 16 to 7680, not 100000000000000000000",
        ),
        ("[camera]\nwidth = 0", "camera.width must be a whole number from 16 to 7680, not 0"),
        (
            "[camera]\nheight = -720",
            "camera.height must be a whole number from 16 to 7680, not -720",
        ),
        (
            "[camera]\nheight = 720.5",
            "camera.height must be a whole number from 16 to 7680, not 720.5",
        ),
        ("[camera]\nheight = nan", "camera.height must be a whole number from 16 to 7680, not nan"),
        (
            '[camera]\nheight = "720"',
            "camera.height must be a whole number from 16 to 7680, not '720'",
        ),
        ("[camera]\nfps = 1e20", "camera.fps must be a whole number from 1 to 240, not 1e+20"),
        ("[camera]\nfps = 0", "camera.fps must be a whole number from 1 to 240, not 0"),
        ("[camera]\nfps = -30", "camera.fps must be a whole number from 1 to 240, not -30"),
        ("[camera]\nfps = nan", "camera.fps must be a whole number from 1 to 240, not nan"),
        (
            "[display]\nframe_rate = 0",
            "display.frame_rate must be a whole number from 1 to 240, not 0",
        ),
        (
            "[display]\nframe_rate = 10000",
            "display.frame_rate must be a whole number from 1 to 240, not 10000",
        ),
        (
            "[display]\nframe_rate = inf",
            "display.frame_rate must be a whole number from 1 to 240, not inf",
        ),
    ],
)
def test_an_absurd_value_is_one_line_naming_the_setting_the_value_and_the_range(
    tmp_path: Path, text: str, expected: str
) -> None:
    assert problem(tmp_path, text) == f"{tmp_path / 'blueroom.toml'}: {expected}"


def test_every_bad_value_is_named_in_the_one_line(tmp_path: Path) -> None:
    message = problem(tmp_path, "[camera]\nwidth = 0\nfps = 0\n[display]\nframe_rate = 0")
    assert message.count("must be") == 3
    for name in ("camera.width", "camera.fps", "display.frame_rate"):
        assert name in message


@pytest.mark.parametrize("written", ['"max"', '"MAX"', '"Max"', '" max "'])
def test_max_speed_is_read_in_any_case(tmp_path: Path, written: str) -> None:
    settings = load_text(tmp_path, f"[source]\nspeed = {written}")
    assert settings.source.speed == "max" and settings.replay_speed is None
    assert 'speed = "max"' in describe(settings)


def test_sane_values_at_the_edges_of_their_ranges_are_accepted(tmp_path: Path) -> None:
    settings = load_text(
        tmp_path,
        "[source]\nspeed = 1000\n[camera]\ndevice = 0\nwidth = 7680\nheight = 16\nfps = 240\n"
        "[display]\nframe_rate = 1\n[heatmap]\nhalf_life_minutes = 14400",
    )
    assert settings.replay_speed == 1000.0 and settings.camera.device == 0
    assert (settings.camera.width, settings.camera.height, settings.camera.fps) == (7680, 16, 240)
    assert settings.display.frame_rate == 1 and settings.heatmap.half_life_minutes == 14400
    assert load_text(tmp_path, "[source]\nspeed = 0.25").replay_speed == 0.25
    assert (
        load_text(tmp_path, "[heatmap]\nhalf_life_minutes = 0.5").heatmap.half_life_minutes == 0.5
    )
    assert load_text(tmp_path, '[camera]\ndevice = "studio.mp4"').camera.device == "studio.mp4"


def test_the_environment_is_checked_the_same_and_named(tmp_path: Path) -> None:
    assert load_settings(environ={"BLUEROOM_SOURCE__SPEED": "MAX"}).replay_speed is None
    assert load_settings(environ={"BLUEROOM_SOURCE__SPEED": "2.5"}).replay_speed == 2.5
    cases = {
        "BLUEROOM_SOURCE__SPEED": ("fast", "source.speed", "'fast'"),
        "BLUEROOM_CAMERA__WIDTH": ("1e20", "camera.width", "1e+20"),
        "BLUEROOM_CAMERA__DEVICE": ("", "camera.device", "''"),
        "BLUEROOM_HEATMAP__HALF_LIFE_MINUTES": ("nan", "heatmap.half_life_minutes", "nan"),
        "BLUEROOM_DISPLAY__FRAME_RATE": ("10000", "display.frame_rate", "10000"),
    }
    for variable, (value, name, shown) in cases.items():
        with pytest.raises(SettingsError) as caught:
            load_settings(environ={variable: value})
        message = str(caught.value)
        assert message.startswith(f"default settings + environment: {name} (from {variable}) ")
        assert message.endswith(f", not {shown}")
    # a value from the file overridden by a good one from the environment is fine
    path = tmp_path / "blueroom.toml"
    path.write_text('[source]\nspeed = "fast"', encoding="utf-8")
    assert load_settings(path, environ={"BLUEROOM_SOURCE__SPEED": "3"}).replay_speed == 3.0
    message = problem(tmp_path, "[camera]\nfps = 30", {"BLUEROOM_CAMERA__FPS": "0"})
    assert message.endswith(
        "+ environment: camera.fps (from BLUEROOM_CAMERA__FPS) must be a whole number from 1 to 240, not 0"
    )


def test_what_stands_for_the_guest_joins_the_guest_s_name_in_the_words_that_tell_nothing(
    tmp_path: Path,
) -> None:
    settings = load_text(
        tmp_path, '[event]\nguest_name = "Claire Vasseur"\nguest_also = ["Voltéo", "Voltéo Bikes"]'
    )
    assert settings.event.guest_words() == ("Claire", "Vasseur", "Voltéo", "Voltéo", "Bikes")
    assert "Voltéo Bikes" in describe(settings)


def test_an_empty_name_for_the_guest_is_refused_in_one_line(tmp_path: Path) -> None:
    assert "event.guest_also" in problem(tmp_path, '[event]\nguest_also = [" "]')


def test_the_guest_wifi_password_is_a_setting_never_shown(tmp_path: Path) -> None:
    path = tmp_path / "blueroom.toml"
    path.write_text(
        '[handoff]\nport = 8740\nwifi_ssid = "BlueRoom-Guests"\n'
        'wifi_password = "Tr0pical-Sunset-Lagoon-2026-Blue-Room"\n',
        encoding="utf-8",
    )
    settings = load_settings(path, environ={})
    assert settings.handoff.port == 8740
    assert settings.handoff.wifi_password == "Tr0pical-Sunset-Lagoon-2026-Blue-Room"
    shown = describe(settings)
    assert 'wifi_ssid = "BlueRoom-Guests"' in shown
    assert "Tr0pical" not in shown and 'wifi_password = "(set, not shown)"' in shown
    assert 'wifi_password = ""' in describe(Settings())
    other = tmp_path / "other.toml"
    other.write_text('[handoff]\nx_password = "hunter2"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="looks like a secret"):
        load_settings(other, environ={})


def test_the_take_home_server_s_numbers_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "blueroom.toml"
    path.write_text("[handoff]\nport = 70000\nlink_minutes = 0\n", encoding="utf-8")
    with pytest.raises(SettingsError) as raised:
        load_settings(path, environ={})
    message = str(raised.value)
    assert "handoff.port must be a whole number from 0 to 65535, not 70000" in message
    assert "handoff.link_minutes must be a number of minutes above 0" in message


def test_the_stream_is_an_address_in_the_settings_and_its_key_never(tmp_path: Path) -> None:
    path = tmp_path / "blueroom.toml"
    path.write_text(
        '[stream]\nurl = "rtmps://live.example.com:443/x"\nwidth = 1920\nheight = 1080\n'
        'fps = 25\npreset = "superfast"\nbitrate_kbps = 6000\n',
        encoding="utf-8",
    )
    settings = load_settings(path, environ={"BLUEROOM_STREAM_KEY": "Abc123-key-never-shown"})
    stream = settings.stream
    assert (stream.url, stream.width, stream.height, stream.fps) == (
        "rtmps://live.example.com:443/x", 1920, 1080, 25,
    )  # fmt: skip
    assert Settings().stream.url == "", "no stream unless one is set up"
    shown = describe(settings)
    assert '[stream]\nurl = "rtmps://live.example.com:443/x"' in shown
    assert "Abc123" not in shown, "the key is not a setting: `blueroom settings` cannot show it"
    overridden = load_settings(path, environ={"BLUEROOM_STREAM__URL": "rtmp://h/live"})
    assert overridden.stream.url == "rtmp://h/live"
    for written, said in (
        ('[stream]\nkey = "abcd-efgh-ijkl-mnop"\n', "[stream] key looks like a secret"),
        ('[stream]\nstream_key = "abcd-efgh"\n', "BLUEROOM_STREAM_KEY"),
        ('[stream]\nurl = "https://youtube.com/live2"\n',
         "stream.url must begin with rtmp:// or rtmps://, not 'https'"),
        ('[stream]\nurl = "rtmp://a.rtmp.youtube.com"\n',
         'stream.url names a server and an application, like "rtmp://host/live"'),
        ("[stream]\nwidth = 1281\n", "stream.width and height must be even"),
        ("[stream]\nfps = 0\n", "stream.fps must be a whole number from 1 to 60, not 0"),
        ("[stream]\nbitrate_kbps = 100\n", "stream.bitrate_kbps must be a whole number from 200"),
    ):  # fmt: skip
        path.write_text(written, encoding="utf-8")
        with pytest.raises(SettingsError) as raised:
            load_settings(path, environ={})
        assert said in str(raised.value) and "\n" not in str(raised.value), str(raised.value)
        assert "abcd" not in str(raised.value), "a secret is named by its place, never its value"
