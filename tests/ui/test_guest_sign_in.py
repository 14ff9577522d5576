"""The guest's X sign-in on the screens: the console's Guest menu and the QR card on the
guest panel, with the real login (its local redirect server) against the stand-in X
server. The QR is read back with OpenCV's detector, as a phone's camera would."""

from __future__ import annotations

from collections.abc import Iterator

import cv2
import numpy as np
import pytest
import requests
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from blueroom.capture.latest_frame import LatestFrameSlot
from blueroom.core.events import Event
from blueroom.ui.guest.guest_panel import GuestPanel
from blueroom.ui.guest.sign_in import SignInCard
from blueroom.ui.operator.guest_menu import GuestMenu, attach_guest_menu
from blueroom.ui.widgets.qr import qr_image
from blueroom.x.auth import OAuthApp
from blueroom.x.credentials import Secret
from blueroom.x.guest import GuestLogin, GuestState
from tests.standin_x import StandInX
from tests.standin_x import accounts as standin_accounts
from tests.ui.console_layout import make_console, measure, problems, small_room


def read_qr(image: QImage) -> str:
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height = rgb.width(), rgb.height()
    pixels = np.frombuffer(rgb.constBits(), np.uint8, rgb.bytesPerLine() * height)
    pixels = pixels.reshape(height, rgb.bytesPerLine())[:, : width * 3].reshape(height, width, 3)
    pixels = np.ascontiguousarray(pixels)
    # OpenCV's classic detector misses about one long code in ten at its drawn size (a
    # phone reads them all): it and the ArUco-based one, at 1 to 3 times the size
    for scale in (1, 2, 3):
        scaled = cv2.resize(pixels, None, fx=scale, fy=scale, interpolation=cv2.INTER_NEAREST)
        for detector in (cv2.QRCodeDetector(), cv2.QRCodeDetectorAruco()):
            text, _, _ = detector.detectAndDecode(scaled)
            if text:
                return str(text)
    return ""


@pytest.fixture
def login() -> Iterator[tuple[GuestLogin, StandInX, list[Event]]]:
    events: list[Event] = []
    with StandInX() as x:
        guest = GuestLogin(
            OAuthApp(Secret(standin_accounts.CLIENT_ID), None, x.url),
            x.url,
            port=0,
            publish=lambda e: events.append(e) or 1,
        )
        guest.start()
        yield guest, x, events
        guest.stop()


def test_a_qr_code_reads_back_as_its_text() -> None:
    url = "http://192.168.1.20:8737/i/oauth2/authorize?response_type=code&state=abc"
    image = qr_image(url, 320)
    assert image.width() <= 320 and image.width() >= 200
    assert read_qr(image) == url


def test_the_guest_signs_in_from_the_qr_on_the_guest_panel(
    qtbot: QtBot, login: tuple[GuestLogin, StandInX, list[Event]]
) -> None:
    guest, x, _ = login
    model, actions = small_room()
    console = make_console(model, actions)
    panel = GuestPanel(
        model.session,
        LatestFrameSlot(),
        guest_name="Léa Marchand",
        board=model.questions,
        actions=actions,
    )
    panel.resize(1280, 800)
    qtbot.addWidget(console)
    qtbot.addWidget(panel)
    card = SignInCard(guest, panel)
    said: list[str] = []
    menu = attach_guest_menu(console, guest, card.show_for, said.append)
    panel.show()
    menu.rebuild()
    assert menu.actions()[0].text() == "Guest not signed in to X"
    menu.sign_in_by_phone()
    assert card.isVisible() and said == ["The sign-in QR code is on the guest panel"]
    url = read_qr(card.qr)
    assert url == guest.status().authorize_url and "code_challenge_method=S256" in url
    geometry = card.geometry()
    assert (
        panel.rect().contains(geometry)
        and abs(geometry.center().x() - panel.rect().center().x()) <= 2
    )
    assert requests.get(url, timeout=10).status_code == 200  # the phone approves; X redirects
    card.follow()
    assert "Signed in as @leamarchand" in card.line.text()
    menu.rebuild()
    assert menu.actions()[0].text() == "Guest signed in to X as @leamarchand"
    sign_out = next(a for a in menu.actions() if a.objectName() == "signOut")
    assert sign_out.isEnabled()
    sign_out.trigger()
    qtbot.waitUntil(lambda: guest.status().state == GuestState.SIGNED_OUT, timeout=5000)
    assert x.count("POST", "/2/oauth2/revoke") == 2


def test_sign_in_here_opens_the_browser_and_shows_the_address(
    qtbot: QtBot, login: tuple[GuestLogin, StandInX, list[Event]]
) -> None:
    guest, _, _ = login
    opened: list[str] = []
    said: list[str] = []
    menu = GuestMenu(
        guest, said.append, lambda url: None, open_url=lambda url: opened.append(url) or True
    )
    menu.sign_in_here()
    assert opened == [guest.status().authorize_url] and opened[0] in said[0]
    assert said[0].startswith("X's sign-in page opened in the browser: ")
    menu.rebuild()
    assert any(a.objectName() == "cancelSignIn" for a in menu.actions())
    menu.deleteLater()


def test_without_an_x_app_the_menu_says_what_to_set(qtbot: QtBot) -> None:
    menu = GuestMenu(GuestLogin(None, ""), lambda text: None, lambda url: None)
    texts = [a.text() for a in menu.actions()]
    assert any(t.startswith("no X app for the guest's login") for t in texts)
    assert not next(a for a in menu.actions() if a.objectName() == "signInHere").isEnabled()
    menu.deleteLater()


def test_the_console_with_its_guest_menu_still_fits_a_laptop(
    qtbot: QtBot, login: tuple[GuestLogin, StandInX, list[Event]]
) -> None:
    guest, _, _ = login
    model, actions = small_room()
    console = make_console(model, actions)
    qtbot.addWidget(console)
    attach_guest_menu(console, guest, lambda url: None)
    layout = measure(console, 1366, 768)
    assert problems(layout, 1366, 768) == []
