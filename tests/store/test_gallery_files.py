"""The gallery's files on disk, without Qt: a delete moves, never erases, and takes the
signature's vectors once nothing of their photo is left."""

from __future__ import annotations

from pathlib import Path

import pytest

from blueroom.store.gallery import DELETED, move_to_deleted, photo_id_of, session_photos


def _files(folder: Path, *names: str) -> None:
    for name in names:
        (folder / name).write_bytes(name.encode())


@pytest.mark.parametrize(
    ("name", "photo_id"),
    [
        ("20261206-101500-3.jpg", "20261206-101500-3"),
        ("20261206-101500-3-final.jpg", "20261206-101500-3"),
        ("20261206-101500-3-signed.jpg", "20261206-101500-3"),
        ("20261206-101500-3-clip.gif", "20261206-101500-3"),
        ("holiday.png", "holiday"),
    ],
)
def test_each_file_names_the_photo_it_belongs_to(name: str, photo_id: str) -> None:
    assert photo_id_of(Path(name)) == photo_id


def test_the_vectors_stay_while_a_photo_of_theirs_is_left_then_go_with_the_last(
    tmp_path: Path,
) -> None:
    _files(tmp_path, "p1.jpg", "p1-final.jpg", "p1-signature.svg", "p1-signature.json")
    _files(tmp_path, "p2.jpg", "p2-signature.json")

    move_to_deleted(tmp_path / "p1-final.jpg", tmp_path)
    assert (tmp_path / "p1-signature.svg").is_file() and (tmp_path / "p1-signature.json").is_file()

    move_to_deleted(tmp_path / "p1.jpg", tmp_path)
    left = sorted(path.name for path in tmp_path.iterdir() if path.is_file())
    assert left == ["p2-signature.json", "p2.jpg"]
    deleted = sorted(path.name for path in (tmp_path / DELETED).iterdir())
    assert deleted == ["p1-final.jpg", "p1-signature.json", "p1-signature.svg", "p1.jpg"]
    assert [photo.path.name for photo in session_photos(tmp_path)] == ["p2.jpg"]


def test_a_second_delete_of_the_same_name_never_overwrites_the_first(tmp_path: Path) -> None:
    _files(tmp_path, "p1.jpg", "p1-signature.json")
    first = move_to_deleted(tmp_path / "p1.jpg", tmp_path)
    _files(tmp_path, "p1.jpg", "p1-signature.json")
    second = move_to_deleted(tmp_path / "p1.jpg", tmp_path)
    assert first != second and first.read_bytes() == second.read_bytes() == b"p1.jpg"
    assert sorted(path.name for path in (tmp_path / DELETED).iterdir()) == [
        "p1-2.jpg", "p1-signature-2.json", "p1-signature.json", "p1.jpg",
    ]  # fmt: skip


def test_a_file_outside_the_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "inner").mkdir()
    _files(tmp_path, "p1.jpg")
    with pytest.raises(ValueError, match="not in"):
        move_to_deleted(tmp_path / "p1.jpg", tmp_path / "inner")
