"""The session's photos on disk, for the console's gallery: the files in the photos folder
(originals ``<id>.jpg``, signed ``<id>-signed.jpg``, final ``<id>-final.jpg``, clips), what the outbox did with
each, and a delete that is never a hard delete (the file moves to ``deleted/``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from blueroom.core.outbox import EntryState, OutboxEntry, OutboxSnapshot

PHOTO_SUFFIXES = frozenset({".jpg", ".jpeg", ".png"})
CLIP_SUFFIXES = frozenset({".gif", ".mp4"})
DELETED = "deleted"


class PhotoKind(StrEnum):
    PHOTO = "photo"
    SIGNED = "signed"  # the signature drawn on the photo
    FINAL = "final"  # the composite: signature, frame, texts, caption, Exif
    CLIP = "clip"


@dataclass(frozen=True, slots=True)
class PhotoFile:
    path: Path
    kind: PhotoKind
    modified: float
    size: int

    @property
    def key(self) -> tuple[str, float, int]:
        """Changes when the file does (a thumbnail made of an older file is not reused)."""
        return (str(self.path), self.modified, self.size)


def session_photos(folder: Path) -> list[PhotoFile]:
    """The photos and clips directly in ``folder``, newest first ([] when it is missing)."""
    found: list[PhotoFile] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        suffix = Path(entry.name).suffix.lower()
        if entry.name.startswith(".") or suffix not in PHOTO_SUFFIXES | CLIP_SUFFIXES:
            continue
        try:
            if not entry.is_file():
                continue
            stat = entry.stat()
        except OSError:
            continue
        path = Path(entry.path)
        if suffix in CLIP_SUFFIXES:
            kind = PhotoKind.CLIP
        elif path.stem.endswith("-signed"):
            kind = PhotoKind.SIGNED
        elif path.stem.endswith("-final"):
            kind = PhotoKind.FINAL
        else:
            kind = PhotoKind.PHOTO
        found.append(PhotoFile(path, kind, stat.st_mtime, stat.st_size))
    found.sort(key=lambda photo: (-photo.modified, photo.path.name))
    return found


def _same_file(a: str, b: Path) -> bool:
    try:
        return Path(a).resolve() == b.resolve()
    except (OSError, RuntimeError):
        return False


def posts_of(photo: Path, outbox: OutboxSnapshot) -> list[OutboxEntry]:
    """The outbox entries with ``photo`` as media, newest first."""
    return [e for e in outbox.entries if any(_same_file(m, photo) for m in e.draft.media)]


def media_index(outbox: OutboxSnapshot) -> dict[Path, OutboxEntry]:
    """Each file posted (or meant to be) → its newest outbox entry (paths resolved)."""
    index: dict[Path, OutboxEntry] = {}
    for entry in outbox.entries:  # newest first: the first seen wins
        for media in entry.draft.media:
            try:
                path = Path(media).resolve()
            except (OSError, RuntimeError):
                continue
            index.setdefault(path, entry)
    return index


class PhotoState(StrEnum):
    SAVED = "saved"  # on disk, never posted (or the outbox saved it: no credentials)
    QUEUED = "queued"  # on its way: queued, sending, checking
    POSTED = "posted"
    FAILED = "failed"  # failed, or a person is asked
    CANCELLED = "cancelled"


def photo_state(entry: OutboxEntry | None) -> PhotoState:
    if entry is None:
        return PhotoState.SAVED
    match entry.state:
        case EntryState.POSTED:
            return PhotoState.POSTED
        case EntryState.FAILED | EntryState.NEEDS_PERSON:
            return PhotoState.FAILED
        case EntryState.CANCELLED:
            return PhotoState.CANCELLED
        case EntryState.SAVED | EntryState.REHEARSAL:
            return PhotoState.SAVED
    return PhotoState.QUEUED


SIDECAR_SUFFIXES = ("-signature.svg", "-signature.json")  # the signature's vectors
_VARIANTS = ("-signed", "-final", "-clip")


def photo_id_of(path: Path) -> str:
    """The booth's photo id a file of the folder belongs to (``<id>-final.jpg`` → id)."""
    stem = path.stem
    for variant in _VARIANTS:
        if stem.endswith(variant):
            return stem.removesuffix(variant)
    return stem


def move_to_deleted(photo: Path, folder: Path) -> Path:
    """Move ``photo`` (a file in ``folder``) into ``folder/deleted/``, never over another
    file; returns where it went. Once no photo or clip of its id is left in the folder,
    the signature's vectors go with it (no file left behind that belongs to nothing).
    Raises ``OSError`` (or ``ValueError`` for a file that is not in the folder)."""
    if photo.resolve().parent != folder.resolve():
        raise ValueError(f"{photo.name} is not in {folder}")
    moved = _move_into_deleted(photo, folder)
    photo_id = photo_id_of(photo)
    if not any(photo_id_of(left.path) == photo_id for left in session_photos(folder)):
        for suffix in SIDECAR_SUFFIXES:
            sidecar = folder / f"{photo_id}{suffix}"
            if sidecar.is_file():
                _move_into_deleted(sidecar, folder)
    return moved


def _move_into_deleted(path: Path, folder: Path) -> Path:
    target_folder = folder / DELETED
    target_folder.mkdir(exist_ok=True)
    target = target_folder / path.name
    number = 1
    while target.exists():
        number += 1
        target = target_folder / f"{path.stem}-{number}{path.suffix}"
    path.rename(target)
    return target
