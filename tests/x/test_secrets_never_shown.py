"""Known fake secrets through the real code paths (``blueroom x check``, ``blueroom
settings``, posting with a refresh, failing requests logged with their tracebacks, a
worker's failure, the guest's login into a room's journal), every logger at DEBUG:
no output, log line or journal byte holds any of them, nor any token the stand-in
issued on the way."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from blueroom.core.events import GuestSignedIn, GuestSignedOut, encode_event
from blueroom.store.journal import Journal
from tests.conftest import post, write_recording
from tests.standin_x import Fault, StandInX
from tests.standin_x import accounts as standin_accounts

ROOT = Path(__file__).resolve().parents[2]
FAKE = {
    "BLUEROOM_X_BEARER_TOKEN": "AAAAAAAAAAAAAAAAAAAAAFakeBearerLeakCanary7Q2x",
    "BLUEROOM_X_CLIENT_ID": standin_accounts.CLIENT_ID,
    "BLUEROOM_X_ACCESS_TOKEN": "FakeAccessLeakCanary9z8y7x6w5v4u3t2s1r",
    "BLUEROOM_X_REFRESH_TOKEN": "FakeRefreshLeakCanary1a2b3c4d5e6f7g8h9",
    "BLUEROOM_STREAM_KEY": "live-stream-key-leak-canary-4k2m",
}


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_no_secret_reaches_an_output_a_log_or_the_journal(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BLUEROOM_")}
    env.update(FAKE, PYTHONPATH=str(ROOT), BLUEROOM_DEBUG="1", QT_QPA_PLATFORM="offscreen")
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # never the user's own
    recording = write_recording(tmp_path / "r.jsonl", [post("1", "#AskBlueRoom ça va ?")])
    journal, log = tmp_path / "journal.sqlite", tmp_path / "room.log"
    with StandInX() as x:
        standin_accounts.accounts(x).bearers.add(FAKE["BLUEROOM_X_BEARER_TOKEN"])
        standin_accounts.issue_token(
            x, access=FAKE["BLUEROOM_X_ACCESS_TOKEN"], refresh=FAKE["BLUEROOM_X_REFRESH_TOKEN"]
        )
        checked = run(["-m", "blueroom.cli", "x", "check", "--api-base", x.url], env)
        shown = run(["-m", "blueroom.cli", "settings"], env)
        standin_accounts.expire(x, FAKE["BLUEROOM_X_ACCESS_TOKEN"])  # the first post refreshes
        x.fail("POST /2/tweets", Fault(status=503), Fault(after=True, drop=True))
        ran = run(["-m", "tests.x.leak_run", x.url, str(journal), str(log), str(recording)], env)
        issued = standin_accounts.all_tokens(x)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert (
        "acts as @BlueRoomFR" in checked.stdout
        and "BLUEROOM_X_BEARER_TOKEN (environment)" in checked.stdout
    )
    assert shown.returncode == 0 and "[x]" in shown.stdout
    assert ran.returncode == 0, ran.stderr[-3000:]
    assert "Posted(" in ran.stdout and "Unknown(" in ran.stdout and "signed in" in ran.stdout
    logged = log.read_text(encoding="utf-8")
    assert "a failing request" in logged and "Traceback" in logged and "leaky-worker" in logged
    assert "Authorization" in logged  # tweepy's debug log of the headers ran (masked)
    events = []
    reader = Journal.reader(journal)
    try:
        for session in reader.sessions():
            for batch in reader.read(session.id):
                events += batch
    finally:
        reader.close()
    guest_events = [e for e in events if isinstance(e, GuestSignedIn | GuestSignedOut)]
    assert [type(e) for e in guest_events] == [GuestSignedIn, GuestSignedOut]
    journal_text = b"".join(encode_event(e) for e in events).decode()
    journal_bytes = b"".join(p.read_bytes() for p in tmp_path.glob("journal.sqlite*"))

    secrets = {value for value in FAKE.values() if value != standin_accounts.CLIENT_ID} | issued
    secrets.discard(standin_accounts.BEARER)
    assert len(secrets) >= 6  # ours, and the tokens issued by the refresh and the login
    places = {
        "x check": checked.stdout + checked.stderr,
        "settings": shown.stdout + shown.stderr,
        "room output": ran.stdout + ran.stderr,
        "log": logged,
        "journal events": journal_text,
    }
    for secret in secrets:
        for place, text in places.items():
            assert secret not in text, f"a secret in {place}"
        assert secret.encode() not in journal_bytes, "a secret in the journal file"
