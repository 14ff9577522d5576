"""The take-home codes as a phone reads them: each QR code on screen read back with
OpenCV, the photo's URL fetched over HTTP from the real server on loopback, the Wi-Fi
code as the WIFI: scheme says, and the post's link once the outbox has posted it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from pytestqt.qtbot import QtBot

from blueroom.capture.handoff import PhotoHandoff
from blueroom.core.events import OutboxPosted, OutboxQueued, OutboxSending, PostKind
from blueroom.core.posting import Draft
from blueroom.ui.guest.take_home import TakeHome, take_home_for
from tests.ui.test_guest_sign_in import read_qr
from tests.ui.test_outbox_panel import Room

PHOTO = bytes.fromhex("ffd8ffe0") + b"the guest's photo" * 500 + b"\xff\xd9"


@pytest.fixture
def handoff(tmp_path: Path) -> Iterator[PhotoHandoff]:
    photos = tmp_path / "photos"
    photos.mkdir()
    (photos / "b7.jpg").write_bytes(PHOTO)
    server = PhotoHandoff(
        photos,
        host="127.0.0.1",
        port=0,
        hashtag="#AskBlueRoom",
        wifi_ssid="Blue;Room Guests",
        wifi_password='s3cret:"x"',
    )
    assert server.start() == ""
    yield server
    server.stop()


def test_the_photo_code_opens_the_photo_and_the_wifi_code_joins_the_network(
    qtbot: QtBot, handoff: PhotoHandoff
) -> None:
    widget = take_home_for(handoff, handoff.photos / "b7.jpg")
    qtbot.addWidget(widget)
    widget.show()
    assert widget.link is not None
    url = read_qr(widget.photo_code.grab().toImage())
    assert url == widget.link.url
    page = requests.get(url, timeout=5)
    assert page.status_code == 200 and "/photo.jpg" in page.text
    assert requests.get(url + "/photo.jpg", timeout=5).content == PHOTO
    wifi = read_qr(widget.wifi_code.grab().toImage())
    assert wifi == 'WIFI:T:WPA;S:Blue\\;Room Guests;P:s3cret\\:\\"x\\";;'
    assert widget.wifi_column.isVisible()
    assert "Blue;Room Guests" in widget.wifi_caption.text()
    assert "s3cret" not in widget.wifi_caption.text()
    assert not widget.post_label.isVisible()


def test_no_wifi_code_without_a_network_and_a_plain_line_without_a_server(
    qtbot: QtBot, tmp_path: Path
) -> None:
    photos = tmp_path / "photos"
    photos.mkdir()
    (photos / "b1.jpg").write_bytes(PHOTO)
    server = PhotoHandoff(photos, host="127.0.0.1", port=0)
    stopped = take_home_for(server, photos / "b1.jpg")  # not started
    qtbot.addWidget(stopped)
    stopped.show()
    assert stopped.link is None and not stopped.photo_code.isVisible()
    assert "not available" in stopped.photo_caption.text()
    assert server.start() == ""
    try:
        widget = take_home_for(server, photos / "b1.jpg")
        qtbot.addWidget(widget)
        widget.show()
        assert widget.link is not None and widget.photo_code.isVisible()
        assert not widget.wifi_column.isVisible()
        outside = take_home_for(server, tmp_path / "elsewhere.jpg")
        qtbot.addWidget(outside)
        assert outside.link is None and "elsewhere.jpg" in outside.photo_caption.text()
    finally:
        server.stop()


def test_the_post_s_link_appears_once_the_photo_is_posted(
    qtbot: QtBot, handoff: PhotoHandoff
) -> None:
    room = Room()
    photo = handoff.photos / "b7.jpg"
    widget = take_home_for(handoff, photo)
    qtbot.addWidget(widget)
    widget.show()
    draft = Draft(text="Léa! #AskBlueRoom", media=(str(photo),))
    room.model.apply(
        [
            OutboxQueued(entry_id="e1", draft=draft, post_kind=PostKind.PHOTO),
            OutboxQueued(entry_id="e2", draft=Draft(text="other"), post_kind=PostKind.POST),
            OutboxSending(entry_id="e2", attempt=1),
            OutboxPosted(entry_id="e2", post_id="9", url="https://x.com/BlueRoomFR/status/9"),
        ]
    )
    widget.follow(room.model.outbox.latest())
    assert not widget.post_label.isVisible()  # queued, and the other post is not this photo
    room.model.apply(
        [
            OutboxSending(entry_id="e1", attempt=1),
            OutboxPosted(entry_id="e1", post_id="10", url="https://x.com/BlueRoomFR/status/10"),
        ]
    )
    widget.follow(room.model.outbox.latest())
    assert widget.post_label.isVisible()
    assert widget.post_label.text().endswith("https://x.com/BlueRoomFR/status/10")


def test_a_take_home_widget_is_only_as_wide_as_its_codes(qtbot: QtBot) -> None:
    widget = TakeHome(None, side=200)
    qtbot.addWidget(widget)
    assert widget.sizeHint().width() < 600
