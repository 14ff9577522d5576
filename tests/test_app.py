"""The whole app as a user starts it: every window opens, data flows, it quits cleanly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from blueroom.store.journal import Journal

ROOT = Path(__file__).resolve().parents[1]
WINDOWS = ("operator_console", "questions_wall", "video_wall", "heatmap_wall", "guest_panel")


def run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path / "data")}
    return subprocess.run(
        [sys.executable, "-m", "blueroom.cli", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def test_the_app_opens_five_windows_plays_the_replay_and_quits(
    tmp_path: Path, recording: Path
) -> None:
    shots = tmp_path / "shots"
    journal = tmp_path / "j.sqlite"
    result = run(
        [
            "replay",
            str(recording),
            "--speed",
            "max",
            "--journal",
            str(journal),
            "--for",
            "3",
            "--screenshots",
            str(shots),
        ],
        tmp_path,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    for name in WINDOWS:
        image = QImage(str(shots / f"{name}.png"))
        assert not image.isNull() and image.width() >= 400, name
        assert f"{name}: screen" in result.stdout
    journal_file = Journal(journal, lock=False)
    (session,) = journal_file.sessions()
    assert session.events > 20, "the looping replay went through the journal"
    kinds = {e.kind for batch in journal_file.read(session.id) for e in batch}
    assert {
        "SessionStarted",
        "TweetReceived",
        "MalformedRecord",
        "SourceStateChanged",
        "CameraStateChanged",
    } <= kinds

    again = run(
        ["replay", str(recording), "--journal", str(journal), "--for", "1", "--no-camera"], tmp_path
    )
    assert again.returncode == 0, again.stderr[-3000:]
    assert f"resumed session {session.id}" in again.stdout


def test_import_contracts_keep_qt_out_of_the_pure_layers() -> None:
    lint_imports = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run(
        [str(lint_imports)], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert result.returncode == 0, result.stdout
    assert "0 broken" in result.stdout
