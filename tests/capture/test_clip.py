"""The boomerang's files read back: the MP4 decoded by PyAV (H.264, yuv420p, even sides,
forward then backward, its index before its data), the GIF read from its own bytes (one
global palette, no frame with its own, looping, under its cap)."""

from __future__ import annotations

import io
import struct
from dataclasses import dataclass

import av
import numpy as np
import pytest

from blueroom.capture.clip import (
    boomerang_order,
    encode_mp4,
    even_size,
    faststart,
    gif_under,
    shared_palette,
)

W, H = 640, 360


def moving_frames(count: int, width: int = W, height: int = H) -> list[np.ndarray]:
    """A bright square sliding left to right over a textured background: frame ``n`` has
    its square's left edge at ``n`` steps (the order is read back from where it is)."""
    rng = np.random.default_rng(7)
    background = rng.integers(30, 90, (height, width, 3), dtype=np.uint8)
    frames = []
    step = (width - height // 3) // max(1, count - 1)
    for n in range(count):
        image = background.copy()
        x = n * step
        image[height // 3 : 2 * height // 3, x : x + height // 3] = (40, 200, 250)
        frames.append(image)
    return frames


def square_position(image: np.ndarray) -> int:
    """Where the bright square's left edge is (its column)."""
    row = image[image.shape[0] // 2].astype(int)
    bright = np.nonzero(row.sum(axis=1) > 400)[0]
    return int(bright[0]) if len(bright) else -1


@dataclass
class GifFacts:
    width: int
    height: int
    global_table: bool
    global_colours: int
    frames: int
    local_tables: int
    loops: int | None  # NETSCAPE2.0 loop count (0: forever), None: plays once
    delays: list[int]  # hundredths of a second


def read_gif(data: bytes) -> GifFacts:
    """The GIF's structure from its bytes (GIF89a: header, screen, blocks)."""
    assert data[:6] == b"GIF89a"
    width, height, flags = struct.unpack("<HHB", data[6:11])
    at = 13
    global_table = bool(flags & 0x80)
    colours = 2 << (flags & 7)
    if global_table:
        at += 3 * colours
    frames = local = 0
    loops: int | None = None
    delays: list[int] = []

    def skip_sub_blocks(at: int) -> int:
        while data[at]:
            at += data[at] + 1
        return at + 1

    while data[at] != 0x3B:  # the trailer
        if data[at] == 0x21:  # an extension
            label = data[at + 1]
            if label == 0xF9:
                delays.append(struct.unpack("<H", data[at + 4 : at + 6])[0])
            if label == 0xFF and data[at + 3 : at + 14] == b"NETSCAPE2.0":
                loops = struct.unpack("<H", data[at + 16 : at + 18])[0]
            at = skip_sub_blocks(at + 2)
        elif data[at] == 0x2C:  # an image
            image_flags = data[at + 9]
            at += 10
            if image_flags & 0x80:
                local += 1
                at += 3 * (2 << (image_flags & 7))
            at = skip_sub_blocks(at + 1)  # the LZW code size, then the data
            frames += 1
        else:
            raise AssertionError(f"not a GIF block: {data[at]:#x} at {at}")
    return GifFacts(width, height, global_table, colours, frames, local, loops, delays)


def top_level_boxes(data: bytes) -> list[bytes]:
    boxes, at = [], 0
    while at < len(data):
        size, kind = struct.unpack(">I4s", data[at : at + 8])
        boxes.append(kind)
        at += size
    return boxes


def test_the_order_is_forward_then_backward_turning_once() -> None:
    assert boomerang_order(4) == [0, 1, 2, 3, 2, 1]
    assert boomerang_order(3, loops=2) == [0, 1, 2, 1, 0, 1, 2, 1]
    assert boomerang_order(1) == [0] and boomerang_order(0) == []


def test_sizes_are_even_and_never_grow() -> None:
    assert even_size(1920, 1080, 720) == (1280, 720)
    assert even_size(3840, 2160, 720) == (1280, 720)
    assert even_size(961, 541, 720) == (960, 540)  # smaller than asked: kept, made even
    w, h = even_size(1080, 1920, 720)
    assert h <= 720 and w % 2 == 0 and h % 2 == 0


def test_the_mp4_is_h264_yuv420p_index_first_and_plays_back_and_forth_twice() -> None:
    frames = moving_frames(12)
    data = encode_mp4(frames, 25.0, loops=2)
    boxes = top_level_boxes(data)
    assert boxes.index(b"moov") < boxes.index(b"mdat"), boxes  # +faststart
    with av.open(io.BytesIO(data)) as container:
        stream = container.streams.video[0]
        assert stream.codec_context.name == "h264"
        assert stream.codec_context.pix_fmt == "yuv420p"
        assert (stream.width, stream.height) == (W, H)
        decoded = [f.to_ndarray(format="bgr24") for f in container.decode(stream)]
    order = boomerang_order(12, loops=2)
    assert len(decoded) == len(order) == 44
    positions = [square_position(image) for image in decoded]
    expected = [square_position(frames[n]) for n in order]
    assert all(abs(a - b) <= 4 for a, b in zip(positions, expected, strict=True)), positions


def test_faststart_keeps_every_chunk_offset_pointing_at_its_data() -> None:
    frames = moving_frames(6)
    data = encode_mp4(frames, 25.0, loops=1)
    assert faststart(data) == data  # already index first: unchanged
    with av.open(io.BytesIO(data)) as container:
        assert sum(1 for _ in container.decode(video=0)) == 10


def test_the_gif_has_one_global_palette_loops_and_plays_back_and_forth() -> None:
    frames = moving_frames(10)
    gif = gif_under(frames, 25.0, cap_bytes=4_000_000, width=480)
    facts = read_gif(gif.data)
    assert facts.global_table and facts.global_colours == 256
    assert facts.local_tables == 0, "a palette per frame"
    assert facts.frames == len(boomerang_order(10)) == 18
    assert facts.loops == 0  # forever
    assert set(facts.delays) == {4}  # 25 frames a second
    assert (facts.width, facts.height) == (480, 270) == (gif.width, gif.height)
    with av.open(io.BytesIO(gif.data)) as container:
        decoded = [f.to_ndarray(format="bgr24") for f in container.decode(video=0)]
    scale = 480 / W
    square = decoded[0][135, 30].astype(int)  # the colours themselves, in BGR order
    assert np.abs(square - np.array([40, 200, 250])).max() < 24, square
    positions = [square_position(image) for image in decoded]
    expected = [square_position(frames[n]) * scale for n in boomerang_order(10)]
    assert all(abs(a - b) <= 4 for a, b in zip(positions, expected, strict=True)), positions


def test_a_gif_over_its_cap_is_made_smaller_until_it_fits() -> None:
    rng = np.random.default_rng(3)
    noisy = [rng.integers(0, 255, (H, W, 3), dtype=np.uint8) for _ in range(16)]  # LZW's worst
    cap = 600_000
    gif = gif_under(noisy, 25.0, cap_bytes=cap, width=640)
    assert len(gif.data) <= cap and gif.attempts > 1 and gif.width < 640
    facts = read_gif(gif.data)
    assert facts.local_tables == 0 and facts.width == gif.width
    with pytest.raises(ValueError, match="does not fit"):
        gif_under(noisy, 25.0, cap_bytes=5_000, width=640)


def test_the_palette_is_shared_and_made_of_the_clip_s_own_colours() -> None:
    frames = moving_frames(8)
    palette = shared_palette(frames)
    assert palette.shape == (256, 3) and palette.dtype == np.uint8
    # the square's colour is in it (within a step of the k-means)
    distance = np.abs(palette.astype(int) - np.array([40, 200, 250])).sum(axis=1).min()
    assert distance < 24
