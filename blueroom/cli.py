"""``blueroom``: the command line. Every failure is one clear line and a non-zero exit."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NoReturn

import msgspec

from blueroom.engine.room import Room, RoomError, RoomOptions, question_board, rebuild_board
from blueroom.paths import assets
from blueroom.settings import Settings, SettingsError, describe, load_settings
from blueroom.sources.recording import recording_problem
from blueroom.store.export import export_questions
from blueroom.store.journal import Journal, JournalError
from blueroom.store.purge import due_for_purge, purge_sessions, stored_figures

EXIT_USAGE = 2
EXIT_FAILURE = 1


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see `{self.prog} --help`)\n")


def _speed(text: str) -> float | None:
    if text.strip().lower() == "max":
        return None
    try:
        value = float(text.rstrip("x×"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a speed (try 1, 10 or max)") from None
    if not value > 0:
        raise argparse.ArgumentTypeError("speed must be positive (or max)")
    return value


def _number_of(unit: str, *, zero_allowed: bool) -> Callable[[str], float]:
    """An argparse type for a duration in ``unit``: positive, or also zero."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a number of {unit}") from None
        if value < 0 or (value == 0 and not zero_allowed):
            need = "zero or more" if zero_allowed else "a positive number of"
            raise argparse.ArgumentTypeError(f"must be {need} {unit}")
        return value

    return parse


_seconds = _number_of("seconds", zero_allowed=False)
_minutes = _number_of("minutes", zero_allowed=True)
_days = _number_of("days", zero_allowed=True)


def _add_run_options(
    parser: argparse.ArgumentParser, *, speed_default: str, skip_default: float = 0.0
) -> None:
    display = parser.add_mutually_exclusive_group()
    display.add_argument(
        "--kiosk",
        dest="kiosk",
        action="store_true",
        default=None,
        help="walls and guest panel full screen on their screens",
    )
    display.add_argument(
        "--dev",
        dest="kiosk",
        action="store_false",
        help="every window an ordinary window (the default in the settings)",
    )
    parser.add_argument(
        "--speed",
        type=_speed,
        default=argparse.SUPPRESS if speed_default == "settings" else speed_default,
        help=f"replay speed: 1, 10, ... or max (default: {speed_default})",
    )
    parser.add_argument(
        "--skip",
        type=_minutes,
        default=skip_default,
        metavar="MINUTES",
        help=f"start this many minutes into the recording, on a new session (default: {skip_default:g})",
    )
    parser.add_argument(
        "--no-loop",
        dest="loop",
        action="store_false",
        default=None,
        help="stop at the end of the recording instead of looping",
    )
    parser.add_argument(
        "--new-session",
        action="store_true",
        help="end the unfinished session instead of resuming it",
    )
    parser.add_argument(
        "--journal",
        type=Path,
        metavar="FILE",
        help="journal file (SQLite) to use instead of the settings' one",
    )
    parser.add_argument(
        "--rehearsal",
        action="store_true",
        default=None,
        help="run everything with posting off: the outbox marks its entries"
        ' "rehearsal" and sends nothing (or outbox.rehearsal = true in the settings)',
    )
    parser.add_argument(
        "--no-camera",
        dest="camera",
        action="store_false",
        help="do not open the camera (or the demo video)",
    )
    parser.add_argument(
        "--for",
        dest="quit_after",
        type=_seconds,
        metavar="SECONDS",
        help="quit by itself after this many seconds",
    )
    parser.add_argument(
        "--screenshots",
        type=Path,
        metavar="DIR",
        help="with --for: save a PNG of every window into DIR before quitting",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="blueroom",
        description="Blue Room runs a live social studio: a questions wall, a live video "
        "wall, a heat map of the conversation, the guest's touch panel and the operator "
        "console, fed by the X API or by a recorded event.",
    )
    parser.add_argument(
        "--settings",
        type=Path,
        metavar="FILE",
        help="settings file (TOML); BLUEROOM_SECTION__KEY variables override it",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    demo = commands.add_parser(
        "demo",
        help="run the room on the embedded demo event and video",
        description="Run the whole room on the embedded recording of "
        "#AskBlueRoom and the bundled demo video: no account, camera or "
        "network needed.",
    )
    _add_run_options(demo, speed_default="10", skip_default=40.0)

    run = commands.add_parser(
        "run",
        help="run the room from the settings",
        description="Run the room with the source, camera and screens named in the settings.",
    )
    _add_run_options(run, speed_default="settings")

    replay = commands.add_parser(
        "replay",
        help="play a recorded event file through the room",
        description="Play a recording (X API v2 JSON lines, optionally gzipped) through the room.",
    )
    replay.add_argument("file", type=Path, help="the recording (.jsonl or .jsonl.gz)")
    _add_run_options(replay, speed_default="1")
    replay.add_argument(
        "--headless",
        action="store_true",
        help="no windows: play into the journal and print what came through",
    )

    commands.add_parser("screens", help="list the screens Qt sees and where each window goes")
    commands.add_parser("settings", help="show the effective settings, validated")
    sessions = commands.add_parser("sessions", help="list the sessions in the journal")
    sessions.add_argument("--journal", type=Path, metavar="FILE")
    export = commands.add_parser(
        "export",
        help="write a session's questions as CSV: every post, its state, support and decisions",
        description="Rebuild a session's questions from the journal and write them as CSV, so "
        "the team can show how questions were chosen. Safe while the room is running.",
    )
    export.add_argument("out", type=Path, help="the CSV file to write")
    export.add_argument("--journal", type=Path, metavar="FILE", help="default: the settings' one")
    export.add_argument("--session", metavar="ID", help="default: the latest session")
    purge = commands.add_parser(
        "purge",
        help="remove fans' posts, names and handles from past sessions, keeping their figures",
        description="Finished sessions that ended more than DAYS ago lose every event that "
        "names or points to a fan (posts, names, handles, decisions, raw excerpts) and their "
        "snapshots; each keeps its figures (posts, questions asked and answered, countries, "
        "X cost). The file is then compacted, so the text is gone from the disk. The "
        "unfinished session is never touched. The room does the same at start for "
        "privacy.retention_days.",
    )
    purge.add_argument(
        "--older-than",
        type=_days,
        required=True,
        metavar="DAYS",
        help="sessions that ended more than this many days ago (0: every finished session)",
    )
    purge.add_argument("--journal", type=Path, metavar="FILE", help="default: the settings' one")
    purge.add_argument(
        "--dry-run", action="store_true", help="say what would be removed, change nothing"
    )
    x = commands.add_parser("x", help="the X API: check the room's credentials")
    x_commands = x.add_subparsers(dest="x_command", metavar="X_COMMAND", required=True)
    check = x_commands.add_parser(
        "check",
        help="which X credentials the room has, whom they act as, what they allow",
        description="Say which X credentials were found (by name, from the environment or "
        "the keyring), which account they act as, what they allow and the rate limits X "
        "reports, or one clear reason each fails. Posts nothing. Exit 0 when everything "
        "found works.",
    )
    check.add_argument(
        "--api-base", metavar="URL", help="the X API's address (default: the setting x.api_base)"
    )
    script = commands.add_parser(
        "script",
        help="check a session script and show the hour it makes, level by level",
        description="Read a session script (a name that ships: musician-first-visit, "
        "chief-executive, chef; or a TOML file) and show its segments for each guest level "
        "with their minutes, thresholds, triggers and cues; or one line saying which line "
        "of which file is wrong (exit 1).",
    )
    script.add_argument("script", metavar="NAME_OR_FILE")
    script.add_argument("--language", choices=("fr", "en"), default="fr")
    return parser


def _demo_journal() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "blueroom" / "demo.sqlite"


def _room_options(args: argparse.Namespace) -> RoomOptions:
    replay_file = getattr(args, "file", None)
    journal = args.journal
    if args.command == "demo":
        replay_file = assets().demo_event
        journal = journal or _demo_journal()
    return RoomOptions(
        replay_file=replay_file,
        speed=getattr(args, "speed", "settings"),
        loop=args.loop,
        new_session=args.new_session,
        journal_path=journal,
        skip_minutes=args.skip,
        rehearsal=args.rehearsal,
    )


def _run(args: argparse.Namespace, settings: Settings) -> int:
    options = _room_options(args)
    if args.command == "replay" and (problem := recording_problem(args.file)) is not None:
        raise _Failure(problem)
    if args.screenshots is not None and args.quit_after is None:
        raise _Failure("--screenshots needs --for SECONDS (when to take them)")
    if getattr(args, "headless", False):
        return _run_headless(settings, options, args.quit_after)
    from blueroom.app import GuiOptions, run_gui

    return run_gui(
        settings,
        options,
        GuiOptions(
            kiosk=args.kiosk,
            quit_after=args.quit_after,
            screenshots=args.screenshots,
            camera=args.camera,
            settings_path=args.settings,
        ),
    )


def _run_headless(settings: Settings, options: RoomOptions, quit_after: float | None) -> int:
    shown = [time.monotonic()]

    def progress(stage: str, done: int, total: int) -> None:  # a long resume, once a second
        if time.monotonic() - shown[0] >= 1.0:
            shown[0] = time.monotonic()
            print(f"{stage}: {done:,} of {total:,} events", flush=True)

    room = Room(settings, options, progress=progress)
    for message in room.report.messages:
        print(message)
    started = time.monotonic()
    interrupted = False
    room.start()
    try:
        while not room.source.wait_finished(0.5):
            if room.reading_stopped:  # the X budget: nothing more will come
                break
            if quit_after is not None and time.monotonic() - started >= quit_after:
                break
    except KeyboardInterrupt:
        print("interrupted")
        interrupted = True
    finally:
        elapsed = time.monotonic() - started
        played = room.source.stats().posts
        room.stop()
    stats = room.source.stats()
    board = room.model.questions.snapshot()
    metrics = room.model.metrics.snapshot()
    journal = room.writer.stats()
    print(
        f"{stats.posts:,} posts in {elapsed:.1f} s ({played / max(elapsed, 1e-9):,.0f}/s);"
        f" {board.received:,} questions; {metrics.located:,} located;"
        f" {stats.problems:,} malformed records; {journal.written:,} events journalled"
        f" in session {room.report.session.id}"
    )
    if room.reading_stopped:
        print(room.reading_stopped)
    losses = room.losses()
    for loss in losses:
        print(f"journal: {loss}", file=sys.stderr)
    if stats.detail and stats.state.value == "failed":
        print(f"replay failed: {stats.detail}", file=sys.stderr)
        return EXIT_FAILURE
    if losses:
        return EXIT_FAILURE
    return 130 if interrupted else 0


def _screens(settings: Settings) -> int:
    from blueroom.app import display_problem, qt_screens

    problem = display_problem()
    if problem is not None:
        raise _Failure(problem)
    from PySide6.QtGui import QGuiApplication

    from blueroom.ui.placement import WINDOW_ORDER, plan_placement

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    assert isinstance(app, QGuiApplication)
    screens = qt_screens(app)
    print(f"{len(screens)} screen{'s' if len(screens) != 1 else ''}:")
    for screen in screens:
        print(f"  {screen.describe()}")
    plan = plan_placement(
        screens,
        {w: settings.screen_for(w) for w in WINDOW_ORDER},
        kiosk=settings.display.mode == "kiosk",
    )
    print("windows:")
    for placement in plan.placements:
        mode = "full screen" if placement.fullscreen else "window"
        print(
            f"  {placement.window:<17} → screen {placement.screen.index} '{placement.screen.name}' ({mode})"
        )
    for message in plan.messages:
        print(f"note: {message}")
    return 0


def _sessions(settings: Settings, journal_path: Path | None) -> int:
    path = journal_path or settings.journal_path()
    if not path.exists():
        raise _Failure(f"no journal at {path}")
    journal = Journal.reader(path)
    try:
        for session in journal.sessions():
            started = time.strftime("%Y-%m-%d %H:%M", time.localtime(session.started_at))
            state = "finished" if session.finished else "unfinished (will resume)"
            figures = stored_figures(journal, session.id) if session.purged else None
            if session.purged_at is not None and figures is not None:
                purged = time.strftime("%Y-%m-%d", time.localtime(session.purged_at))
                state = f"purged {purged}: {figures.describe()}"
            print(f"{session.id}  {started}  {session.events:>9,} events  {session.label}  {state}")
    finally:
        journal.close()
    return 0


def _export(settings: Settings, args: argparse.Namespace) -> int:
    path = args.journal or settings.journal_path()
    if not path.exists():
        raise _Failure(f"no journal at {path}")
    session, board = rebuild_board(settings, path, args.session)
    result = export_questions(args.out, board.export_rows())
    if result.error:
        raise _Failure(result.error)
    print(f"{result.rows:,} question posts of session {session.id} written to {result.path}")
    return 0


def _purge(settings: Settings, args: argparse.Namespace) -> int:
    path = args.journal or settings.journal_path()
    if not path.exists():
        raise _Failure(f"no journal at {path}")
    journal = Journal(path)  # locked: never while a room runs on it (it purges at start)
    try:
        due = due_for_purge(journal, args.older_than)
        for session in due:
            ended = time.strftime("%Y-%m-%d %H:%M", time.localtime(session.ended_at or 0))
            print(f"{session.id}  ended {ended}  {session.events:>9,} events  {session.label}")
        report = purge_sessions(
            journal,
            due,
            lambda: question_board(settings, keep_posts=False),
            settings.cost,
            dry_run=args.dry_run,
        )
        print(report.describe() + (" (dry run: nothing changed)" if args.dry_run else ""))
    finally:
        journal.close()
    return 0


def _x_check(settings: Settings, api_base: str | None) -> int:
    from blueroom.x.check import check_credentials
    from blueroom.x.credentials import load_credentials, system_keyring

    store = system_keyring()
    report = check_credentials(
        load_credentials(store=store),
        api_base or settings.x.api_base,
        settings.event.room_handle,
        store,
    )
    for line in report.lines:
        print(line)
    return 0 if report.ok else EXIT_FAILURE


def _script(settings: Settings, name: str, language: str) -> int:
    from blueroom.core.script import Level, ScriptError, load_script

    path = msgspec.structs.replace(settings.session, script=name).script_path()
    assert path is not None
    try:
        script = load_script(path)
    except ScriptError as error:
        raise _Failure(str(error)) from None
    print(f"{script.id}: {script.title.in_language(language)}")
    for level in Level:
        segments = script.for_level(level)
        print(f"\n{level.value}: {len(segments)} segments, {script.minutes(level):g} min")
        for segment in segments:
            trigger = segment.trigger.kind.value + (
                " {:02d}:{:02d}".format(*segment.trigger.at) if segment.trigger.at else ""
            )
            cues = " ".join(
                [*(f"+{c}" for c in segment.on_enter), *(f"-{c}" for c in segment.on_leave)]
            )
            print(
                f"  {segment.id:<14} {segment.minutes:>4g} min (amber {segment.wrap_up:g}, red"
                f" {segment.danger:g})  {trigger:<8} {segment.shows.value:<8} {cues}"
            )
    return 0


class _Failure(Exception):
    pass


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = load_settings(args.settings)
        if args.command == "settings":
            print(describe(settings), end="")
            return 0
        if args.command == "screens":
            return _screens(settings)
        if args.command == "sessions":
            return _sessions(settings, args.journal)
        if args.command == "export":
            return _export(settings, args)
        if args.command == "purge":
            return _purge(settings, args)
        if args.command == "x":
            return _x_check(settings, args.api_base)
        if args.command == "script":
            return _script(settings, args.script, args.language)
        return _run(args, settings)
    except SettingsError as error:
        print(f"blueroom: settings: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as error:
        if isinstance(error, _Failure | RoomError | JournalError):  # NoDisplayError too
            print(f"blueroom: {error}", file=sys.stderr)
            return EXIT_FAILURE
        if os.environ.get("BLUEROOM_DEBUG"):
            raise
        print(
            f"blueroom: unexpected error: {type(error).__name__}: {error}"
            " (set BLUEROOM_DEBUG=1 for the traceback)",
            file=sys.stderr,
        )
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
