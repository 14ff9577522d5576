"""The booth's boomerang, encoded: a burst of frames played forward then backward, as an
MP4 (H.264) and as a GIF, both in memory (bytes), so that a disk that refuses them
loses nothing.

* MP4: libx264, yuv420p (what every phone and X decode), even dimensions, the index
  (``moov``) before the data (``+faststart``: a phone plays it before it has it whole).
  FFmpeg's own faststart re-opens the file by name, so the index is moved here, in
  memory (``faststart``), as ``qt-faststart`` does. Played ``loops`` times: a player
  that does not loop still shows the move back and forth.
* GIF: one palette for every frame (k-means on a sample of the frames' pixels; a
  palette per frame made 40 MB files elsewhere), each pixel mapped through a 32×32×32
  table to its nearest colour, encoded by FFmpeg's GIF encoder (which crops each frame
  to what changed). One pass forward and back: a GIF loops by itself. Under a size cap:
  smaller, then fewer frames, until it fits.
"""

from __future__ import annotations

import io
import math
import struct
import time
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

import av
import cv2
import numpy as np

MP4_CRF = 21  # x264's constant quality: visually clean at 720p, about 1 MB a second
MP4_PRESET = "veryfast"
PALETTE_SIZE = 256
PALETTE_SAMPLE_PIXELS = 60_000  # the k-means' sample (a few frames, every few pixels)
GIF_MIN_WIDTH = 160  # below this a GIF says nothing: give up instead
GIF_MIN_FRAMES = 6


def boomerang_order(count: int, loops: int = 1) -> list[int]:
    """Frame indexes forward then backward, ``loops`` times, the turning frames shown once:
    0 1 2 3 2 1, 0 1 2 3 2 1 for 4 frames (a looping player goes on from 1 to 0)."""
    if count <= 1:
        return [0] * count
    once = [*range(count), *range(count - 2, 0, -1)]
    return once * max(1, loops)


def even_size(width: int, height: int, target_height: int) -> tuple[int, int]:
    """The frame's size scaled to at most ``target_height`` pixels high, both sides even
    (yuv420p halves the colour planes: odd sides are refused by x264)."""
    scale = min(1.0, target_height / height) if height > 0 else 1.0
    w = max(2, int(width * scale / 2) * 2)  # rounded down: never larger than the camera's
    h = max(2, int(height * scale / 2) * 2)
    return w, h


def fit(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """``image`` at ``size`` (width, height): area-averaged when smaller."""
    if (image.shape[1], image.shape[0]) == size:
        return image
    shrink = size[0] < image.shape[1]
    method = cv2.INTER_AREA if shrink else cv2.INTER_LINEAR
    return cv2.resize(image, size, interpolation=method)


# -- MP4 ----------------------------------------------------------------------------------
def encode_mp4(frames: Sequence[np.ndarray], fps: float, loops: int = 2) -> bytes:
    """The boomerang as an H.264 MP4 (BGR frames of one even size), index first."""
    if not frames:
        raise ValueError("no frames to encode")
    height, width = frames[0].shape[:2]
    if width % 2 or height % 2:
        raise ValueError(f"an MP4 needs even sides, not {width}x{height}")
    out = io.BytesIO()
    rate = Fraction(fps).limit_denominator(1001)
    with av.open(out, "w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=rate)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        stream.options = {"crf": str(MP4_CRF), "preset": MP4_PRESET}
        for index in boomerang_order(len(frames), loops):
            frame = av.VideoFrame.from_ndarray(frames[index], format="bgr24")
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return faststart(out.getvalue())


def _atoms(data: bytes, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """The boxes in ``data[start:end]``: (type, offset, size)."""
    found = []
    at = start
    while at + 8 <= end:
        size, kind = struct.unpack(">I4s", data[at : at + 8])
        header = 8
        if size == 1:
            size = struct.unpack(">Q", data[at + 8 : at + 16])[0]
            header = 16
        elif size == 0:
            size = end - at
        if size < header or at + size > end:
            raise ValueError(f"a damaged MP4 box {kind!r} at {at}")
        found.append((kind, at, size))
        at += size
    return found


_CONTAINERS = frozenset({b"moov", b"trak", b"mdia", b"minf", b"stbl"})


def _shift_chunk_offsets(moov: bytearray, start: int, end: int, by: int) -> None:
    """Every chunk offset (``stco``, ``co64``) under ``moov[start:end]`` moved ``by`` bytes."""
    for kind, at, size in _atoms(bytes(moov), start, end):
        if kind in _CONTAINERS:
            _shift_chunk_offsets(moov, at + 8, at + size, by)
        elif kind in (b"stco", b"co64"):
            count = struct.unpack(">I", moov[at + 12 : at + 16])[0]
            wide = kind == b"co64"
            step, code = (8, ">Q") if wide else (4, ">I")
            for n in range(count):
                place = at + 16 + n * step
                (offset,) = struct.unpack(code, moov[place : place + step])
                if not wide and offset + by > 0xFFFFFFFF:
                    raise ValueError("an MP4 too large for 32-bit chunk offsets")
                moov[place : place + step] = struct.pack(code, offset + by)


def faststart(data: bytes) -> bytes:
    """The MP4 with its ``moov`` box moved before its ``mdat`` (chunk offsets shifted)."""
    atoms = _atoms(data, 0, len(data))
    kinds = [kind for kind, _, _ in atoms]
    if b"moov" not in kinds or b"mdat" not in kinds:
        raise ValueError("not an MP4 (no moov or no mdat box)")
    if kinds.index(b"moov") < kinds.index(b"mdat"):
        return data
    _, moov_at, moov_size = atoms[kinds.index(b"moov")]
    moov = bytearray(data[moov_at : moov_at + moov_size])
    _shift_chunk_offsets(moov, 0, len(moov), moov_size)
    first_media = atoms[kinds.index(b"mdat")][1]
    # ftyp (and anything before the media) first, then the index, then the rest
    head = b"".join(data[at : at + size] for kind, at, size in atoms if at < first_media)
    tail = b"".join(
        data[at : at + size] for kind, at, size in atoms if at >= first_media and kind != b"moov"
    )
    return head + bytes(moov) + tail


# -- GIF ----------------------------------------------------------------------------------
def shared_palette(
    frames: Sequence[np.ndarray], colours: int = PALETTE_SIZE, seed: int = 1
) -> np.ndarray:
    """One palette (``colours`` × BGR, uint8) for the whole clip, from a sample of its
    frames' pixels (k-means, k-means++ start; deterministic for a given ``seed``)."""
    if not frames:
        raise ValueError("no frames for a palette")
    picked = frames[:: max(1, len(frames) // 6)]
    pixels = sum(f.shape[0] * f.shape[1] for f in picked)
    step = max(1, int(math.sqrt(pixels / PALETTE_SAMPLE_PIXELS)))
    sample = np.concatenate([f[::step, ::step].reshape(-1, 3) for f in picked])
    sample = sample.astype(np.float32)
    wanted = min(colours, len(np.unique(sample.view(np.dtype((np.void, 12))))))
    cv2.setRNGSeed(seed)
    criteria = (cv2.TERM_CRITERIA_EPS + cv2.TERM_CRITERIA_MAX_ITER, 8, 1.0)
    labels = np.zeros((len(sample), 1), np.int32)
    _, _, centres = cv2.kmeans(sample, wanted, labels, criteria, 1, cv2.KMEANS_PP_CENTERS)
    palette = np.zeros((colours, 3), np.uint8)
    palette[:wanted] = np.clip(np.rint(centres), 0, 255).astype(np.uint8)
    if wanted < colours:
        palette[wanted:] = palette[0]
    return palette


def palette_table(palette: np.ndarray) -> np.ndarray:
    """For each 5-bit BGR cell (32,768 of them), the nearest palette entry's index."""
    levels = (np.arange(32, dtype=np.float32) * 8.0) + 4.0
    grid = np.stack(np.meshgrid(levels, levels, levels, indexing="ij"), -1).reshape(-1, 3)
    colours = palette.astype(np.float32)
    table = np.empty(len(grid), np.uint8)
    for start in range(0, len(grid), 4096):
        cells = grid[start : start + 4096]
        distance = ((cells[:, None, :] - colours[None, :, :]) ** 2).sum(-1)
        table[start : start + 4096] = distance.argmin(1)
    return table


def quantise(image: np.ndarray, table: np.ndarray) -> np.ndarray:
    """``image``'s pixels as palette indexes (through ``palette_table``)."""
    b, g, r = (image[..., channel].astype(np.uint16) >> 3 for channel in range(3))
    indexes: np.ndarray = table[(b << 10) | (g << 5) | r]
    return indexes


def encode_gif(frames: Sequence[np.ndarray], fps: float, palette: np.ndarray) -> bytes:
    """A looping GIF of the boomerang (one pass: a GIF loops by itself), every frame on
    ``palette``, written once in the header (no frame carries its own)."""
    if not frames:
        raise ValueError("no frames to encode")
    height, width = frames[0].shape[:2]
    table = palette_table(palette)
    # the palette as PyAV's pal8 takes it: one row per colour, A R G B (read big-endian)
    opaque = np.full((len(palette), 1), 255, np.uint8)
    argb = np.concatenate([opaque, palette[:, ::-1]], axis=1)
    indexed = [quantise(frame, table) for frame in frames]
    out = io.BytesIO()
    rate = Fraction(fps).limit_denominator(1001)
    with av.open(out, "w", format="gif", options={"loop": "0"}) as container:
        stream = container.add_stream("gif", rate=rate)
        stream.width, stream.height, stream.pix_fmt = width, height, "pal8"
        for index in boomerang_order(len(frames), 1):
            pal8 = (indexed[index], argb)  # PyAV takes pal8 as (indexes, palette)
            frame = av.VideoFrame.from_ndarray(pal8, format="pal8")  # type: ignore[arg-type]
            container.mux(stream.encode(frame))
        container.mux(stream.encode(None))
    return out.getvalue()


@dataclass(frozen=True, slots=True)
class Gif:
    data: bytes
    width: int
    height: int
    frames: int  # distinct frames (the boomerang shows most twice)
    attempts: int  # encodes until it fitted


def gif_under(frames: Sequence[np.ndarray], fps: float, cap_bytes: int, width: int) -> Gif:
    """The GIF at ``width`` pixels wide at most, smaller (and then every other frame,
    played at half the rate: the same move) until it weighs at most ``cap_bytes``.
    Raises ``ValueError`` when even the smallest does not fit."""
    if not frames:
        raise ValueError("no frames to encode")
    source_h, source_w = frames[0].shape[:2]
    width = min(width, source_w)
    used = list(frames)
    rate = fps
    palette = shared_palette(used)
    attempts = 0
    while True:
        height = max(2, round(source_h * width / source_w))
        small = [fit(frame, (width, height)) for frame in used]
        data = encode_gif(small, rate, palette)
        attempts += 1
        if len(data) <= cap_bytes:
            return Gif(data, width, height, len(used), attempts)
        # the size goes with the area: aim a little under the cap
        shrink = math.sqrt(cap_bytes / len(data)) * 0.92
        if width * shrink >= GIF_MIN_WIDTH:
            width = max(GIF_MIN_WIDTH, int(width * shrink))
        elif len(used) // 2 >= GIF_MIN_FRAMES:
            used, rate = used[::2], rate / 2
        else:
            raise ValueError(
                f"the GIF does not fit in {cap_bytes / 1e6:.1f} MB even at {width} px"
                f" and {len(used)} frames"
            )


@dataclass(frozen=True, slots=True)
class Boomerang:
    mp4: bytes
    gif: Gif
    width: int  # the MP4's
    height: int
    frames: int  # distinct frames in the burst
    fps: float  # the MP4's playing rate
    mp4_ms: float  # how long each took to build
    gif_ms: float


def build_boomerang(
    frames: Sequence[np.ndarray],
    fps: float,
    *,
    loops: int = 2,
    gif_cap_bytes: int = 4_000_000,
    gif_width: int = 480,
) -> Boomerang:
    """Both files of the boomerang from one burst (BGR frames of one even size)."""
    started = time.perf_counter()
    mp4 = encode_mp4(frames, fps, loops)
    built = time.perf_counter()
    gif = gif_under(frames, fps, gif_cap_bytes, gif_width)
    ended = time.perf_counter()
    height, width = frames[0].shape[:2]
    return Boomerang(
        mp4,
        gif,
        width,
        height,
        len(frames),
        fps,
        (built - started) * 1000.0,
        (ended - built) * 1000.0,
    )
