"""The take-home links, through real HTTP requests to the server on loopback."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from blueroom.capture.handoff import (
    Link,
    OfferRefused,
    PageWords,
    PhotoHandoff,
    lan_address,
    wifi_qr_text,
)
from blueroom.workers import WorkerThread

JPEG = bytes.fromhex("ffd8ffe000104a46494600") + os.urandom(50_000) + b"\xff\xd9"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def photos(tmp_path: Path) -> Path:
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "b1.jpg").write_bytes(JPEG)
    (tmp_path / "secret.jpg").write_bytes(b"not yours")
    return folder


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def handoff(photos: Path, clock: FakeClock) -> Iterator[PhotoHandoff]:
    server = PhotoHandoff(
        photos,
        host="127.0.0.1",
        port=0,
        link_minutes=60,
        hashtag="#AskBlueRoom",
        words=PageWords(title='Ta <photo> & "toi"'),
        clock=clock,
    )
    assert server.start() == ""
    yield server
    server.stop()


def get(url: str, **kwargs: object) -> requests.Response:
    return requests.get(url, timeout=5, **kwargs)  # type: ignore[arg-type]


def test_a_link_serves_a_page_and_the_photo_bytes_exactly(
    handoff: PhotoHandoff, photos: Path
) -> None:
    link = handoff.offer(photos / "b1.jpg")
    assert link.url.startswith(f"http://127.0.0.1:{handoff.port}/p/")
    assert len(link.token) >= 22
    page = get(link.url)
    assert page.status_code == 200
    assert page.headers["Content-Type"] == "text/html; charset=utf-8"
    assert page.headers["Cache-Control"] == "no-store"
    assert "default-src 'none'" in page.headers["Content-Security-Policy"]
    text = page.text
    assert f'src="/p/{link.token}/photo.jpg"' in text
    assert "#AskBlueRoom" in text and "Save the photo" in text
    assert "Ta &lt;photo&gt; &amp; &quot;toi&quot;" in text  # the words escaped
    assert "http://" not in text and "https://" not in text  # no external resource
    photo = get(link.file_url)
    assert photo.status_code == 200
    assert photo.headers["Content-Type"] == "image/jpeg"
    assert photo.content == JPEG
    saved = get(link.file_url + "?save=1")
    assert saved.headers["Content-Disposition"].startswith("attachment")
    assert saved.content == JPEG
    head = requests.head(link.file_url, timeout=5)
    assert head.status_code == 200 and head.content == b""
    assert int(head.headers["Content-Length"]) == len(JPEG)
    assert handoff.served == 2


def test_an_expired_link_is_refused_with_a_kind_page(
    handoff: PhotoHandoff, photos: Path, clock: FakeClock
) -> None:
    link = handoff.offer(photos / "b1.jpg")
    assert link.expires_at == clock.now + 3600
    clock.now += 3599
    assert get(link.file_url).status_code == 200
    clock.now += 1
    for url in (link.url, link.file_url):
        answer = get(url)
        assert answer.status_code == 404
        assert "expired" in answer.text and JPEG[:20] not in answer.content
    assert handoff.find(link.token) is None


def test_a_guessed_or_altered_token_is_refused(handoff: PhotoHandoff, photos: Path) -> None:
    link = handoff.offer(photos / "b1.jpg")
    other = handoff.offer(photos / "b1.jpg")
    assert other.token != link.token
    flipped = link.token[:-1] + ("A" if link.token[-1] != "A" else "B")
    base = handoff.base_url
    for path in (
        f"/p/{flipped}",
        f"/p/{flipped}/photo.jpg",
        f"/p/{link.token[:-2]}/photo.jpg",
        f"/p/{link.token}/photo.png",
        f"/p/{link.token}/../b1.jpg",
        "/p/",
        "/",
        "/b1.jpg",
        "/photos/",
    ):
        answer = get(base + path)
        assert answer.status_code == 404, path
        assert JPEG[:20] not in answer.content
    assert handoff.refused == 9


def test_only_files_in_the_photos_folder_can_be_offered(
    handoff: PhotoHandoff, photos: Path, tmp_path: Path
) -> None:
    (photos / "notes.txt").write_text("no")
    (photos / "sub").mkdir()
    (photos / "sub" / "ok.jpg").write_bytes(JPEG)
    (photos / "outside.jpg").symlink_to(tmp_path / "secret.jpg")
    for refused in (
        tmp_path / "secret.jpg",
        photos / ".." / "secret.jpg",
        photos / "outside.jpg",
        photos / "notes.txt",
        photos / "missing.jpg",
        photos,
        photos / "sub",
    ):
        with pytest.raises(OfferRefused):
            handoff.offer(refused)
    assert get(handoff.offer(photos / "sub" / "ok.jpg").file_url).content == JPEG


def test_a_file_swapped_for_a_link_outside_after_the_offer_is_not_served(
    handoff: PhotoHandoff, photos: Path, tmp_path: Path
) -> None:
    link = handoff.offer(photos / "b1.jpg")
    (photos / "b1.jpg").unlink()
    (photos / "b1.jpg").symlink_to(tmp_path / "secret.jpg")
    answer = get(link.file_url)
    assert answer.status_code == 404 and b"not yours" not in answer.content


def test_only_get_and_head_are_answered(handoff: PhotoHandoff, photos: Path) -> None:
    link = handoff.offer(photos / "b1.jpg")
    for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS"):
        answer = requests.request(method, link.file_url, timeout=5, data=b"x")
        assert answer.status_code == 405, method
        assert answer.headers["Allow"] == "GET, HEAD"
    assert (photos / "b1.jpg").read_bytes() == JPEG


def test_the_server_stops_cleanly_and_frees_its_port(photos: Path) -> None:
    handoff = PhotoHandoff(photos, host="127.0.0.1", port=0)
    assert handoff.start() == ""
    assert handoff.running
    port = handoff.port
    assert get(handoff.offer(photos / "b1.jpg").url).status_code == 200
    handoff.stop()
    assert not handoff.running
    assert not [t for t in threading.enumerate() if isinstance(t, WorkerThread) and t.is_alive()]
    with pytest.raises(requests.ConnectionError):
        get(f"http://127.0.0.1:{port}/")
    again = PhotoHandoff(photos, host="127.0.0.1", port=port)
    assert again.start() == ""  # the port is free again
    again.stop()


def test_a_taken_port_is_said_in_one_line(handoff: PhotoHandoff, photos: Path) -> None:
    second = PhotoHandoff(photos, host="127.0.0.1", port=handoff.port)
    problem = second.start()
    assert problem.startswith(f"cannot listen on 127.0.0.1:{handoff.port}")
    second.stop()


def test_the_link_names_the_public_host_or_the_lan_address(photos: Path) -> None:
    named = PhotoHandoff(photos, host="0.0.0.0", port=8738, public_host="booth.local")
    assert named.base_url == "http://booth.local:8738"
    anywhere = PhotoHandoff(photos, host="0.0.0.0", port=8738)
    assert anywhere.public_host() == lan_address()
    address = lan_address()
    parts = address.split(".")
    assert len(parts) == 4 and all(p.isdigit() for p in parts)
    assert isinstance(anywhere.offer(photos / "b1.jpg"), Link)  # offered while not serving


def test_the_wifi_qr_text_escapes_as_the_scheme_says() -> None:
    assert wifi_qr_text("") == ""
    assert wifi_qr_text("Blue Room") == "WIFI:T:nopass;S:Blue Room;;"
    assert wifi_qr_text("Blue;Room", 'p:a,s"s\\') == (
        'WIFI:T:WPA;S:Blue\\;Room;P:p\\:a\\,s\\"s\\\\;;'
    )
