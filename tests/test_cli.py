"""The command line: every command listed; every failure one clear line, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from blueroom.cli import main

ROOT = Path(__file__).resolve().parents[1]


def blueroom(
    *args: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "blueroom.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
        env={**os.environ, **(env or {})},
    )


def test_help_lists_every_command() -> None:
    result = blueroom("--help")
    assert result.returncode == 0
    for command in ("demo", "run", "replay", "screens", "settings", "sessions", "export", "purge"):
        assert f"    {command} " in result.stdout


@pytest.mark.parametrize("command", ["demo", "run", "replay"])
def test_run_commands_document_their_options(command: str) -> None:
    result = blueroom(command, "--help")
    assert result.returncode == 0
    for option in ("--kiosk", "--speed", "--new-session", "--for", "--screenshots", "--journal",
                   "--rehearsal"):  # fmt: skip
        assert option in result.stdout


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["demo", "--speed", "fast"], "'fast' is not a speed"),
        (["demo", "--speed", "-2"], "speed must be positive"),
        (["replay"], "the following arguments are required: file"),
        (["nope"], "invalid choice: 'nope'"),
        (["demo", "--for", "soon"], "'soon' is not a number of seconds"),
    ],
)
def test_bad_options_give_one_line_and_exit_2(
    args: list[str], needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    error = capsys.readouterr().err
    assert needle in error
    assert error.count("\n") == 1 and "Traceback" not in error


def test_a_missing_recording_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = blueroom("replay", str(tmp_path / "missing.jsonl"), "--headless")
    assert result.returncode == 1
    assert result.stderr.strip() == f"blueroom: replay file not found: {tmp_path / 'missing.jsonl'}"


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("[camera\ndevice = 0", "not valid TOML"),
        ("[camera]\nresolution = 4", "[camera] has no setting 'resolution' (known: device,"),
        ("[source]\nspeed = -3", "source.speed must be a positive number"),
        (
            '[display]\nmode = "cinema"',
            'display.mode must be one of "dev", "kiosk", not \'cinema\'',
        ),
        ("[screens]\nguest_panel = 1.5", "screens.guest_panel: Expected"),
        ('[event]\nhashtag = "two words"', "event.hashtag must be one word"),
        (
            '[moderation]\nprofanity = "maybe"',
            'moderation.profanity must be one of "pass", "flag", "reject", not \'maybe\'',
        ),
        (
            '[source]\nkind = "stream"',
            'source.kind must be one of "live", "live+record", "none", "replay", "search",'
            " \"search+record\", not 'stream'",
        ),
        ("[moderation]\nflood_posts = 0", "flood_posts must be 1 or more"),
        ('[moderation]\nslurs = "pass"', "slurs cannot be let through"),
        ('[guest]\nconfirm_with_operator = "yes"', "Expected `bool`"),
    ],
)
def test_a_bad_settings_file_is_one_clear_line(tmp_path: Path, content: str, needle: str) -> None:
    settings = tmp_path / "blueroom.toml"
    settings.write_text(content)
    result = blueroom("--settings", str(settings), "settings")
    assert result.returncode == 2
    assert result.stderr.startswith(f"blueroom: settings: {settings}")
    assert needle in result.stderr
    assert result.stderr.count("\n") == 1


def test_a_missing_settings_file_and_a_bad_environment_value_are_reported(tmp_path: Path) -> None:
    result = blueroom("--settings", str(tmp_path / "none.toml"), "settings")
    assert result.returncode == 2 and "settings file not found" in result.stderr
    result = blueroom("settings", env={"BLUEROOM_DISPLAY__FRAME_RATE": "fast"})
    assert result.returncode == 2 and "environment" in result.stderr


def test_settings_shows_the_effective_values_with_environment_overrides() -> None:
    result = blueroom(
        "settings", env={"BLUEROOM_CAMERA__DEVICE": "1", "BLUEROOM_EVENT__HASHTAG": "AskLea"}
    )
    assert result.returncode == 0
    assert "device = 1" in result.stdout
    assert 'hashtag = "#AskLea"' in result.stdout


def test_without_a_display_the_app_says_how_to_run_it(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    env["XDG_DATA_HOME"] = str(tmp_path)
    result = subprocess.run(
        [sys.executable, "-m", "blueroom.cli", "demo", "--no-camera"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )
    assert result.returncode == 1
    assert "no display found" in result.stderr and "xvfb-run" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_journal_that_is_not_a_database_is_one_line(tmp_path: Path, recording: Path) -> None:
    junk = tmp_path / "journal.sqlite"
    junk.write_bytes(b"this is not a database" * 200)
    result = blueroom("replay", str(recording), "--headless", "--journal", str(junk))
    assert result.returncode == 1
    assert result.stderr.startswith(f"blueroom: journal {junk}")
    assert result.stderr.count("\n") == 1


def test_headless_replay_plays_a_recording_into_the_journal(
    tmp_path: Path, recording: Path
) -> None:
    journal = tmp_path / "j.sqlite"
    result = blueroom(
        "replay",
        str(recording),
        "--headless",
        "--speed",
        "max",
        "--no-loop",
        "--journal",
        str(journal),
    )
    assert result.returncode == 0, result.stderr
    assert "4 posts" in result.stdout and "2 questions" in result.stdout
    assert "1 malformed records" in result.stdout
    sessions = blueroom("sessions", "--journal", str(journal))
    assert "unfinished (will resume)" in sessions.stdout
    exported = blueroom("export", str(tmp_path / "q.csv"), "--journal", str(journal))
    assert exported.returncode == 0, exported.stderr
    assert "2 question posts of session" in exported.stdout
    lines = (tmp_path / "q.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("post_id,received_utc,author") and len(lines) == 3
    missing = blueroom(
        "export", str(tmp_path / "x.csv"), "--journal", str(journal), "--session", "nope"
    )
    assert missing.returncode == 1 and "no session nope" in missing.stderr
    assert missing.stderr.count("\n") == 1


def _as_nobody(*argv: str) -> tuple[int, str]:
    """``main(argv)`` run by a user who may write neither the journal nor its folder.

    As root (who may write anything) it runs in a forked child that gives up root first.
    """
    if os.geteuid() != 0:
        return main(list(argv)), ""
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child
        code = 99
        try:
            os.close(read_end)
            sys.stdout = sys.stderr = os.fdopen(write_end, "w")  # pytest's capture is no fd
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            code = main(list(argv))
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        said = pipe.read().decode()
    _, status = os.waitpid(child, 0)
    return os.waitstatus_to_exitcode(status), said


def test_sessions_and_export_read_a_journal_they_may_not_write(tmp_path: Path) -> None:
    import gzip
    import shutil
    import tempfile

    shared = Path(tempfile.mkdtemp(prefix="blueroom-test-"))
    try:
        shared.chmod(0o777)
        folder = shared / "readonly"
        folder.mkdir()
        journal = folder / "journal.sqlite"
        old = ROOT / "tests" / "data" / "journal-0.1.0.sqlite.gz"
        journal.write_bytes(gzip.decompress(old.read_bytes()))
        warm = tmp_path / "warm.sqlite"  # the export's word lists loaded before giving up root
        warm.write_bytes(journal.read_bytes())
        assert main(["export", str(tmp_path / "warm.csv"), "--journal", str(warm)]) == 0
        before = journal.read_bytes()
        journal.chmod(0o444)
        folder.chmod(0o555)
        code, said = _as_nobody("sessions", "--journal", str(journal))
        assert code == 0, said
        assert "2,027 events" in said and "unfinished (will resume)" in said
        out = shared / "questions.csv"
        code, said = _as_nobody("export", str(out), "--journal", str(journal))
        assert code == 0, said
        assert "question posts of session 20261204-223418-13c409 written" in said
        assert out.read_text(encoding="utf-8").count("\n") > 400
        assert journal.read_bytes() == before
        assert [p.name for p in folder.iterdir()] == ["journal.sqlite"], "nothing beside it"
    finally:
        for path in (shared / "readonly", shared):
            path.chmod(0o755)
        shutil.rmtree(shared)


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (b'[{"data": {"id": "1", "text": "hi"}}]\n', "1 line read, none of them an X post"),
        ("\n".join(['{"data": {"id": "1"}}'] * 3).encode("utf-16"), "it is UTF-16 text"),
        (bytes(range(256)) * 400, "none of them an X post"),
    ],
)
def test_a_recording_without_a_single_post_stops_at_once_and_says_so(
    tmp_path: Path, content: bytes, said: str
) -> None:
    """It used to loop at full speed whatever --speed, write megabytes a second of
    malformed records into the journal, say nothing and exit 0."""
    recording = tmp_path / "odd.jsonl"
    recording.write_bytes(content)
    journal = tmp_path / "j.sqlite"
    result = blueroom(
        "replay", str(recording), "--headless", "--speed", "1", "--journal", str(journal),
        "--for", "20",
    )  # fmt: skip
    assert result.returncode == 1, result.stdout
    assert f"replay failed: no posts in {recording}:" in result.stderr and said in result.stderr
    assert "0 posts in " in result.stdout
    assert journal.stat().st_size < 2_000_000, "one pass only, not a flood"


def test_a_journal_path_through_a_file_says_which_file_is_in_the_way(tmp_path: Path) -> None:
    (tmp_path / "notes").write_text("")
    result = blueroom(
        "replay", str(ROOT / "tests" / "data" / "journal-0.1.0.json"), "--headless",
        "--journal", str(tmp_path / "notes" / "j.sqlite"),
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"blueroom: journal {tmp_path / 'notes' / 'j.sqlite'}: {tmp_path / 'notes'} is a file,"
        " not a folder"
    )


def test_purge_says_what_it_would_remove_then_removes_it_and_sessions_shows_it(
    tmp_path: Path, recording: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import time

    from blueroom.store.journal import Journal

    journal = tmp_path / "j.sqlite"
    played = blueroom(
        "replay", str(recording), "--headless", "--speed", "max", "--no-loop",
        "--journal", str(journal),
        env={"BLUEROOM_PRIVACY__RETENTION_DAYS": "0"},
    )  # fmt: skip
    assert played.returncode == 0, played.stderr
    with Journal(journal) as opened:
        (session,) = opened.sessions()
        opened.end_session(session.id, at=time.time() - 10 * 86_400.0)

    assert main(["purge", "--older-than", "30", "--journal", str(journal)]) == 0
    assert capsys.readouterr().out == "no session to purge\n"
    assert main(["purge", "--older-than", "7", "--dry-run", "--journal", str(journal)]) == 0
    said = capsys.readouterr().out.splitlines()
    assert said[0].startswith(f"{session.id}  ended ")
    assert said[1].startswith("would purge 1 session: ") and said[1].endswith(
        "(dry run: nothing changed)"
    )
    assert b"fan100" in journal.read_bytes()

    assert main(["purge", "--older-than", "7", "--journal", str(journal)]) == 0
    assert capsys.readouterr().out.splitlines()[1].startswith("purged 1 session: ")
    assert b"fan100" not in journal.read_bytes()
    assert main(["sessions", "--journal", str(journal)]) == 0
    listed = capsys.readouterr().out
    assert f"purged {time.strftime('%Y-%m-%d')}: 4 posts, 2 questions (0 answered)" in listed


def test_purge_refuses_a_journal_a_room_is_using(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from blueroom.store.journal import Journal

    journal = tmp_path / "j.sqlite"
    with Journal(journal):
        assert main(["purge", "--older-than", "1", "--journal", str(journal)]) == 1
    error = capsys.readouterr().err
    assert error.startswith(f"blueroom: journal {journal} is in use by another Blue Room")
    assert error.count("\n") == 1


def test_rehearsal_on_the_command_line_reaches_the_room() -> None:
    from blueroom.cli import _room_options, build_parser

    args = build_parser().parse_args(["replay", "x.jsonl", "--rehearsal"])
    assert _room_options(args).rehearsal is True
    args = build_parser().parse_args(["replay", "x.jsonl"])
    assert _room_options(args).rehearsal is None, "the settings decide"


def test_script_shows_the_hour_level_by_level_or_the_line_that_is_wrong(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["script", "musician-first-visit", "--language", "en"]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("musician-first-visit: An hour with an artist, first visit")
    assert "\nexpert: 7 segments, 54 min" in shown
    assert "+questions-wall.on +qa.open -qa.close" in shown
    broken = tmp_path / "broken.toml"
    broken.write_text('[script]\nid = "x"\ntitle = 3\n', encoding="utf-8")
    assert main(["script", str(broken)]) == 1
    assert capsys.readouterr().err == (
        f"blueroom: {broken}:3: [script]: title needs fr and en (title.fr, title.en)\n"
    )
