"""The guest's X login end to end: the real local redirect server on its worker, the
stand-in's authorize page approving and redirecting to it, the PKCE exchange, the
token refreshed while the session runs and revoked at its end."""

from __future__ import annotations

import time
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from blueroom.core.events import Event, GuestSignedIn, GuestSignedOut, SessionEnded
from blueroom.x.auth import OAuthApp, OAuthError, Pkce
from blueroom.x.credentials import Secret
from blueroom.x.guest import GuestLogin, GuestState
from tests.standin_x import StandInX
from tests.standin_x import accounts as standin_accounts


@pytest.fixture
def x() -> Iterator[StandInX]:
    with StandInX() as server:
        yield server


@pytest.fixture
def login(x: StandInX) -> Iterator[tuple[GuestLogin, list[Event]]]:
    events: list[Event] = []

    def publish(event: Event) -> int:
        events.append(event)
        return 1

    app = OAuthApp(Secret(standin_accounts.CLIENT_ID), None, x.url)
    guest = GuestLogin(app, x.url, port=0, publish=publish)
    assert guest.start() == ""
    yield guest, events
    guest.stop()


def approve(url: str) -> requests.Response:
    """The guest's browser: the authorize page, then X's redirect to the room."""
    return requests.get(url, timeout=10)


def test_the_guest_signs_in_with_pkce_and_the_journal_hears_only_the_handle(
    x: StandInX, login: tuple[GuestLogin, list[Event]]
) -> None:
    guest, events = login
    url = guest.begin()
    query = parse_qs(urlsplit(url).query)
    assert query["code_challenge_method"] == ["S256"] and query["redirect_uri"] == [
        guest.redirect_uri
    ]
    assert query["scope"] == ["tweet.read tweet.write users.read offline.access"]
    assert guest.status().state == GuestState.WAITING and guest.status().authorize_url == url
    page = approve(url)
    assert page.status_code == 200 and "Signed in as @leamarchand" in page.text
    assert guest.status().state == GuestState.SIGNED_IN and guest.status().handle == "@leamarchand"
    assert events == [GuestSignedIn(at=events[0].at, handle="@leamarchand")]
    token = guest.guest_token()
    assert token is not None and token.token.scopes == (
        "tweet.read",
        "tweet.write",
        "users.read",
        "offline.access",
    )
    exchange = next(r for r in x.requests if r.path == "/2/oauth2/token")
    assert b"grant_type=authorization_code" in exchange.body and b"code_verifier=" in exchange.body


def test_a_redirect_with_a_wrong_state_is_refused_and_the_login_keeps_waiting(
    x: StandInX, login: tuple[GuestLogin, list[Event]]
) -> None:
    guest, events = login
    guest.begin()
    forged = requests.get(f"{guest.redirect_uri}?code=stolen&state=forged", timeout=5)
    assert forged.status_code == 400 and "no longer valid" in forged.text
    assert guest.status().state == GuestState.WAITING and events == []
    assert x.count("POST", "/2/oauth2/token") == 0


def test_a_second_link_replaces_the_first(login: tuple[GuestLogin, list[Event]]) -> None:
    guest, _ = login
    first = guest.begin()
    second = guest.begin()
    assert approve(first).status_code == 400
    assert approve(second).status_code == 200 and guest.status().state == GuestState.SIGNED_IN


def test_the_stand_in_checks_the_pkce_verifier(x: StandInX) -> None:
    app = OAuthApp(Secret(standin_accounts.CLIENT_ID), None, x.url)
    pkce = Pkce.new()
    redirect = "http://127.0.0.1:9/callback"
    answer = requests.get(
        app.authorize_url(redirect, ("tweet.read",), pkce), allow_redirects=False, timeout=5
    )
    code = parse_qs(urlsplit(answer.headers["Location"]).query)["code"][0]
    with pytest.raises(OAuthError, match="code verifier did not match"):
        app.exchange(code, Pkce.new(), redirect)


def test_the_session_end_revokes_the_guests_token(
    x: StandInX, login: tuple[GuestLogin, list[Event]]
) -> None:
    guest, events = login
    approve(guest.begin())
    keeper = guest.guest_token()
    assert keeper is not None
    access = keeper.token.access.reveal()
    guest.on_events([SessionEnded(session_id="s1")])  # from the screens' thread: the worker revokes
    deadline = time.monotonic() + 5
    while guest.status().state != GuestState.SIGNED_OUT and time.monotonic() < deadline:
        time.sleep(0.02)
    assert guest.status().state == GuestState.SIGNED_OUT and guest.guest_token() is None
    state = standin_accounts.accounts(x)
    assert access in state.revoked and state.access[access].revoked
    assert isinstance(events[-1], GuestSignedOut) and events[-1].revoked
    assert events[-1].handle == "@leamarchand" and events[-1].reason == "the session ended"
    me = requests.get(
        f"{x.url}/2/users/me", headers={"Authorization": f"Bearer {access}"}, timeout=5
    )
    assert me.status_code == 401


def test_quitting_the_room_revokes_too(x: StandInX) -> None:
    events: list[Event] = []
    guest = GuestLogin(
        OAuthApp(Secret(standin_accounts.CLIENT_ID), None, x.url),
        x.url,
        port=0,
        publish=lambda e: events.append(e) or 1,
    )
    guest.start()
    approve(guest.begin())
    guest.stop()
    assert x.count("POST", "/2/oauth2/revoke") == 2  # the access and the refresh token
    assert [type(e) for e in events] == [GuestSignedIn, GuestSignedOut]


def test_the_token_is_refreshed_while_the_session_runs(
    x: StandInX, login: tuple[GuestLogin, list[Event]]
) -> None:
    guest, _ = login
    standin_accounts.accounts(x).token_lifetime = 60.0  # expires within the refresh margin
    approve(guest.begin())
    keeper = guest.guest_token()
    assert keeper is not None
    before = keeper.token.access.reveal()
    guest._keep_fresh()  # the worker's periodic check, run now
    assert keeper.refreshes == 1 and keeper.token.access.reveal() != before
    assert guest.status().state == GuestState.SIGNED_IN


def test_without_a_client_id_it_says_what_to_set() -> None:
    guest = GuestLogin(None, "")
    assert guest.start() == "" and guest.cannot_sign_in().startswith(
        "no X app for the guest's login"
    )
    assert guest.begin() == "" and guest.status().state == GuestState.FAILED


def test_each_token_is_handed_over_and_its_end_too(x: StandInX) -> None:
    """What the engine's outbox posts the guest's own posts with: the token at sign-in,
    the new one after a refresh, then none at sign-out."""
    handed: list[tuple[str, str]] = []
    app = OAuthApp(Secret(standin_accounts.CLIENT_ID), None, x.url)
    guest = GuestLogin(
        app,
        x.url,
        port=0,
        on_token=lambda handle, token: handed.append(
            (handle, token.access.reveal() if token is not None else "")
        ),
    )
    assert guest.start() == ""
    try:
        approve(guest.begin())
        keeper = guest.guest_token()
        assert keeper is not None
        first = keeper.token.access.reveal()
        keeper.refresh()
        second = keeper.token.access.reveal()
        guest.sign_out("the session ended")
    finally:
        guest.stop()
    assert first != second
    assert handed == [("@leamarchand", first), ("@leamarchand", second), ("@leamarchand", "")]
