"""Credentials: where they come from, and a Secret that never shows itself."""

from __future__ import annotations

import copy
import json
import logging
import pickle
import traceback
from pathlib import Path

import msgspec
import pytest
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked
from oauthlib.oauth1 import Client as OAuthlibClient

from blueroom.settings import SettingsError, load_settings
from blueroom.x.auth import OAuth1Auth, UserToken, room_account
from blueroom.x.credentials import (
    ACCESS_TOKEN,
    BEARER,
    MASK,
    REFRESH_TOKEN,
    SERVICE,
    TOKEN_EXPIRES_AT,
    Secret,
    load_credentials,
    store_user_token,
)

FAKE = "AAAAAAAAAAAAAAAAAAAAAFakeBearer0123456789abcdefXYZ"


class MemoryKeyring(KeyringBackend):
    """A real keyring backend, kept in memory (the test's own: nothing global is set)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, entries: dict[tuple[str, str], str] | None = None) -> None:
        super().__init__()
        self.entries = dict(entries or {})

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[service, username] = password

    def delete_password(self, service: str, username: str) -> None:
        self.entries.pop((service, username), None)


class LockedKeyring(MemoryKeyring):
    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringLocked("the keyring is locked")


def test_a_secret_shows_a_mask_in_text_repr_format_and_logs(
    caplog: pytest.LogCaptureFixture,
) -> None:
    secret = Secret(FAKE, BEARER)
    shown = [
        str(secret),
        repr(secret),
        f"{secret}",
        f"{secret!r}",
        "%s" % (secret,),  # noqa: UP031 - the old way must mask too
        format(secret, ">60"),
    ]
    assert all(FAKE not in text for text in shown)
    assert MASK in str(secret) and BEARER in repr(secret)
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("blueroom.test").info("token %s %r", secret, {"t": secret})
    assert FAKE not in caplog.text
    assert secret.reveal() == FAKE and secret == Secret(FAKE) and secret != Secret("other")


def test_a_secret_refuses_to_be_encoded_or_pickled() -> None:
    secret = Secret(FAKE, BEARER)
    with pytest.raises(TypeError):
        msgspec.json.encode({"token": secret})
    with pytest.raises(TypeError):
        msgspec.msgpack.encode([secret])
    with pytest.raises(TypeError):
        json.dumps({"token": secret})
    with pytest.raises(TypeError):
        pickle.dumps(secret)
    with pytest.raises(TypeError):
        copy.deepcopy(secret)


def test_a_traceback_with_locals_shows_the_mask() -> None:
    def fails(token: Secret) -> None:
        header = {"Authorization": token}  # noqa: F841 - a local the traceback shows
        raise RuntimeError("refused")

    try:
        fails(Secret(FAKE, BEARER))
    except RuntimeError as error:
        text = "".join(
            traceback.TracebackException.from_exception(error, capture_locals=True).format()
        )
    assert "header" in text and MASK in text and FAKE not in text


def test_the_environment_wins_over_the_keyring_and_each_says_where_it_came_from() -> None:
    store = MemoryKeyring({(SERVICE, BEARER): "from-keyring", (SERVICE, ACCESS_TOKEN): "kr-access"})
    creds = load_credentials({BEARER: "from-env"}, store)
    assert creds.bearer is not None and creds.bearer.secret.reveal() == "from-env"
    assert creds.bearer.origin == "env" and creds.access_token is not None
    assert creds.access_token.origin == "keyring"
    assert "BLUEROOM_X_ACCESS_TOKEN (keyring)" in repr(creds) and "kr-access" not in repr(creds)
    assert creds.keyring_available and not creds.notes


def test_no_keyring_is_said_and_the_environment_still_serves() -> None:
    creds = load_credentials({BEARER: FAKE}, None)
    assert creds.bearer is not None and creds.notes == [
        "no keyring: credentials from the environment only"
    ]


def test_a_keyring_that_fails_is_a_note_not_a_crash() -> None:
    creds = load_credentials({BEARER: FAKE}, LockedKeyring())
    assert creds.bearer is not None
    assert any("keyring: cannot read" in note and "KeyringLocked" in note for note in creds.notes)


def test_a_refreshed_token_goes_back_to_the_keyring_it_came_from() -> None:
    store = MemoryKeyring({(SERVICE, ACCESS_TOKEN): "old", (SERVICE, REFRESH_TOKEN): "old-r"})
    creds = load_credentials({"BLUEROOM_X_CLIENT_ID": "client"}, store)
    account = room_account(creds, "https://api.x.com", store)
    assert account.kind == "oauth2" and account.keeper is not None
    said = store_user_token(store, Secret("new"), Secret("new-r"), 1_900_000_000, ("tweet.write",))
    assert said == ""
    assert store.entries[SERVICE, ACCESS_TOKEN] == "new"
    assert store.entries[SERVICE, REFRESH_TOKEN] == "new-r"
    assert store.entries[SERVICE, TOKEN_EXPIRES_AT] == "1900000000"
    assert "no keyring" in store_user_token(None, Secret("n"), None, 0, ())


def test_which_account_kind_the_credentials_give() -> None:
    assert room_account(load_credentials({}, None), "").problem.startswith("no posting credentials")
    bearer_only = room_account(load_credentials({BEARER: FAKE}, None), "")
    assert bearer_only.auth is None and "only reads" in bearer_only.problem
    oauth1 = load_credentials(
        {
            "BLUEROOM_X_API_KEY": "k",
            "BLUEROOM_X_API_SECRET": "s",
            ACCESS_TOKEN: "t",
            "BLUEROOM_X_ACCESS_SECRET": "ts",
        },
        None,
    )
    assert oauth1.oauth1 and not oauth1.oauth2_user and room_account(oauth1, "").kind == "oauth1"


def test_user_token_expiry() -> None:
    token = UserToken(Secret("a"), None, expires_at=1000.0)
    assert token.expires_within(300, now=800) and not token.expires_within(100, now=800)
    assert not UserToken(Secret("a")).expires_within(10**9)  # unknown expiry


def test_oauth1_signature_matches_oauthlibs() -> None:
    """RFC 5849 HMAC-SHA1, checked against oauthlib (the reference) with the same nonce and
    timestamp (X's documented example keys and body)."""
    keys = (
        "xvz1evFS4wEEPTGEFPHBog",
        "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
        "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
        "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
    )
    url = "https://api.x.com/1.1/statuses/update.json?include_entities=true"
    body = "status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21"
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    nonce, stamp = "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", 1318622958
    ours = OAuth1Auth(*(Secret(k) for k in keys)).header("POST", url, form, body, nonce, stamp)
    reference = OAuthlibClient(*keys, nonce=nonce, timestamp=str(stamp))
    _, headers, _ = reference.sign(url, "POST", body, form)

    def signature(header: str) -> str:
        return header.split('oauth_signature="')[1].split('"')[0]

    assert signature(ours) == signature(headers["Authorization"])


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('[x]\nbearer_token = "abc"\n', "[x] bearer_token"),
        (f'[event]\nhashtag = "{FAKE}"\n', "[event] hashtag"),
        (
            '[moderation]\nblocked_words = ["xK9mQ2vL8nR4tY6wZ1pA3sD5fG7hJ0kLq"]\n',
            "[moderation] blocked_words",
        ),
    ],
)
def test_a_settings_file_holding_a_secret_is_refused_without_showing_it(
    tmp_path: Path, text: str, where: str
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError) as raised:
        load_settings(path, {})
    message = str(raised.value)
    assert where in message and "never go in a settings file" in message
    assert FAKE not in message and "xK9mQ2" not in message and '"abc"' not in message


def test_ordinary_long_values_are_not_mistaken_for_secrets(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(
        '[source]\nreplay_file = "/home/u/Recordings/AskBlueRoom-2026-11-24-final-cut.jsonl"\n'
        '[x]\napi_base = "http://127.0.0.1:8080"\nguest_redirect_host = "192.168.1.20"\n',
        encoding="utf-8",
    )
    assert load_settings(path, {}).x.guest_redirect_host == "192.168.1.20"
