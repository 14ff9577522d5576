"""``blueroom x check`` against the stand-in X server: what it finds, whom the credentials
act as, what they allow, the rate limits, or one reason per failure."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from blueroom.x.check import check_credentials
from blueroom.x.credentials import ACCESS_TOKEN, REFRESH_TOKEN, SERVICE, load_credentials
from tests.standin_x import Fault, StandInX
from tests.standin_x import accounts as standin_accounts
from tests.x.test_credentials import MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def x() -> Iterator[StandInX]:
    with StandInX() as server:
        yield server


def text(lines: list[str]) -> str:
    return "\n".join(lines)


def test_nothing_found_is_one_clear_reason() -> None:
    report = check_credentials(load_credentials({}, None), "http://127.0.0.1:9")
    assert not report.ok
    assert report.lines == [
        "no keyring: credentials from the environment only",
        report.lines[1],
    ] and report.lines[1].startswith("no X credentials found")


def test_a_bearer_token_reads_as_the_app_with_its_rate_limit(x: StandInX) -> None:
    report = check_credentials(
        load_credentials({"BLUEROOM_X_BEARER_TOKEN": standin_accounts.BEARER}, None),
        x.url,
        "@BlueRoomFR",
    )
    assert report.ok, report.lines
    said = text(report.lines)
    assert "BLUEROOM_X_BEARER_TOKEN (environment): works, as the app" in said
    assert "rate limit 899 of 900 left, resets at" in said and standin_accounts.BEARER not in said


def test_a_wrong_bearer_token_is_401(x: StandInX) -> None:
    report = check_credentials(load_credentials({"BLUEROOM_X_BEARER_TOKEN": "wrong"}, None), x.url)
    assert not report.ok and "refused by X (401): the token is invalid, revoked or expired" in text(
        report.lines
    )


def test_429_says_until_when(x: StandInX) -> None:
    reset = int(time.time()) + 600
    x.fail(
        "GET /2/users/by/username/{username}",
        Fault(status=429, headers={"x-rate-limit-reset": str(reset)}),
    )
    report = check_credentials(
        load_credentials({"BLUEROOM_X_BEARER_TOKEN": standin_accounts.BEARER}, None), x.url
    )
    assert not report.ok
    assert (
        f"rate-limited by X (429) until {time.strftime('%H:%M:%S', time.localtime(reset))}"
        in text(report.lines)
    )


def test_an_unreachable_api_is_said_as_such() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        address = f"http://127.0.0.1:{probe.getsockname()[1]}"
    report = check_credentials(load_credentials({"BLUEROOM_X_BEARER_TOKEN": "t"}, None), address)
    assert not report.ok and f"cannot reach {address} (ConnectionError)" in text(report.lines)


def test_the_rooms_user_token_acts_as_the_room_with_its_scopes(x: StandInX) -> None:
    access, refresh = standin_accounts.issue_token(x)
    environ = {
        "BLUEROOM_X_ACCESS_TOKEN": access,
        "BLUEROOM_X_REFRESH_TOKEN": refresh,
        "BLUEROOM_X_CLIENT_ID": standin_accounts.CLIENT_ID,
        "BLUEROOM_X_TOKEN_SCOPES": "tweet.read tweet.write users.read media.write offline.access",
        "BLUEROOM_X_TOKEN_EXPIRES_AT": str(int(time.time()) + 3600),
    }
    report = check_credentials(load_credentials(environ, None), x.url)
    said = text(report.lines)
    assert report.ok, said
    assert (
        "BLUEROOM_X_ACCESS_TOKEN (environment) (OAuth 2 user token): works, acts as @BlueRoomFR"
        in said
    )
    assert "scopes: tweet.read tweet.write users.read media.write offline.access" in said
    assert "refreshed by the room" in said and "public client" in said


def test_an_expired_token_from_the_keyring_is_refreshed_and_kept(x: StandInX) -> None:
    access, refresh = standin_accounts.issue_token(x)
    standin_accounts.expire(x, access)
    store = MemoryKeyring({(SERVICE, ACCESS_TOKEN): access, (SERVICE, REFRESH_TOKEN): refresh})
    creds = load_credentials({"BLUEROOM_X_CLIENT_ID": standin_accounts.CLIENT_ID}, store)
    report = check_credentials(creds, x.url, store=store)
    assert report.ok, report.lines
    assert "refused as expired, refreshed (kept in the keyring)" in text(report.lines)
    assert (
        store.entries[SERVICE, ACCESS_TOKEN] != access
        and store.entries[SERVICE, REFRESH_TOKEN] != refresh
    )


def test_an_expired_token_from_the_environment_is_not_spent_by_the_check(x: StandInX) -> None:
    access, refresh = standin_accounts.issue_token(x)
    standin_accounts.expire(x, access)
    environ = {
        "BLUEROOM_X_ACCESS_TOKEN": access,
        "BLUEROOM_X_REFRESH_TOKEN": refresh,
        "BLUEROOM_X_CLIENT_ID": standin_accounts.CLIENT_ID,
    }
    report = check_credentials(load_credentials(environ, None), x.url)
    assert not report.ok and "not refreshed here: a refresh token works once" in text(report.lines)
    assert x.count("POST", "/2/oauth2/token") == 0


def test_read_only_oauth1_keys_fail_with_their_access_level(x: StandInX) -> None:
    standin_accounts.add_oauth1(x, "ro-token", level="read")
    environ = {
        "BLUEROOM_X_API_KEY": "k",
        "BLUEROOM_X_API_SECRET": "s",
        "BLUEROOM_X_ACCESS_TOKEN": "ro-token",
        "BLUEROOM_X_ACCESS_SECRET": "ts",
    }
    report = check_credentials(load_credentials(environ, None), x.url)
    assert not report.ok and "act as @BlueRoomFR but are read-only" in text(report.lines)
    standin_accounts.add_oauth1(x, "ro-token", level="read-write")
    report = check_credentials(load_credentials(environ, None), x.url)
    assert report.ok and "access level: read-write" in text(report.lines)


def test_incomplete_oauth1_keys_name_what_is_missing() -> None:
    report = check_credentials(
        load_credentials({"BLUEROOM_X_API_KEY": "k"}, None), "http://127.0.0.1:9"
    )
    assert not report.ok
    assert (
        "OAuth 1.0a keys incomplete: BLUEROOM_X_API_SECRET, BLUEROOM_X_ACCESS_TOKEN, BLUEROOM_X_ACCESS_SECRET missing"
        in text(report.lines)
    )


def test_the_command_exits_1_without_credentials_and_0_when_they_work(
    x: StandInX, tmp_path: Path
) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BLUEROOM_")}
    env.update(PYTHONPATH=str(ROOT), PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    command = [sys.executable, "-m", "blueroom.cli", "x", "check", "--api-base", x.url]
    nothing = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert nothing.returncode == 1 and "no X credentials found" in nothing.stdout
    env["BLUEROOM_X_BEARER_TOKEN"] = standin_accounts.BEARER
    works = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert works.returncode == 0 and "works, as the app" in works.stdout
    settings = tmp_path / "s.toml"  # the setting serves when --api-base is not given
    settings.write_text(f'[x]\napi_base = "{x.url}"\n', encoding="utf-8")
    by_setting = subprocess.run(
        [sys.executable, "-m", "blueroom.cli", "--settings", str(settings), "x", "check"],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert by_setting.returncode == 0, by_setting.stdout + by_setting.stderr
    assert x.count("GET", "/2/users/by/username/BlueRoomFR") == 2
