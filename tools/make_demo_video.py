"""Render the bundled demo video: the camera stand-in for Blue Room.

Without a camera, the live video wall and the photo-booth mirror play
``blueroom/assets/demo/studio.mp4``. This script draws it procedurally (numpy + OpenCV,
nothing downloaded): a cosy blue studio with drifting out-of-focus bokeh, a warm
floor lamp, a velvet sofa and a stylised guest who breathes, tilts their head,
blinks and gestures now and then; vignette, mild film grain and a discreet
"DEMO CAMERA" tag in a corner so nobody mistakes it for a real feed.

Every motion is periodic over the clip length, so the clip loops seamlessly
(the frame after the last one is the first one). Output is deterministic.

    python tools/make_demo_video.py [--out PATH] [--seconds S] [--fps N] [--size WxH]
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from numpy.typing import NDArray

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "blueroom" / "assets" / "demo" / "studio.mp4"
DEFAULT_SIZE = (960, 540)
DEFAULT_FPS = 25
DEFAULT_SECONDS = 12.0
DEFAULT_SEED = 2015  # the year of the first Blue Room

# Reference frame: every coordinate below is given for 960x540 and scaled.
REF_W, REF_H = 960.0, 540.0
TAU = 2.0 * math.pi

Image = NDArray[np.float32]  # H x W x 3, linear-ish RGB in 0..1
Mask = NDArray[np.float32]  # H x W, 0..1
Point = tuple[float, float]


# ----------------------------------------------------------------------------- colours


def rgb(hex_colour: str) -> NDArray[np.float32]:
    """'#rrggbb' -> float32 RGB in 0..1."""
    h = hex_colour.lstrip("#")
    return np.array([int(h[i : i + 2], 16) / 255.0 for i in (0, 2, 4)], dtype=np.float32)


WALL_TOP = rgb("#071231")
WALL_MID = rgb("#10306f")
WALL_GLOW = rgb("#2a63c9")
FLOOR_FAR = rgb("#0b1838")
FLOOR_NEAR = rgb("#050b1d")
RUG = rgb("#1a2c63")
RUG_BORDER = rgb("#b98a4e")
SLAT = rgb("#0a2253")
NEON = rgb("#5fd4ff")
LAMP_WARM = rgb("#ffae57")
LAMP_SHADE = rgb("#ffd9a0")
LAMP_METAL = rgb("#2b2a33")
SOFA = rgb("#1d5f78")
SOFA_DARK = rgb("#123c52")
PILLOW = rgb("#d9a441")
PLANT = rgb("#1f6b5a")
POT = rgb("#a0583a")
SWEATER = rgb("#e0704a")
TROUSERS = rgb("#1b2238")
SHOES = rgb("#e9e4da")
SKIN = rgb("#e0a27c")
HAIR = rgb("#2a1a14")
KEY_LIGHT = rgb("#ffd2a0")  # warm, from the lamp (screen right)
RIM_LIGHT = rgb("#6fb8ff")  # cool, from the wall (screen left / behind)
AMBIENT = rgb("#41507e")


# ----------------------------------------------------------------------------- time


@dataclass(frozen=True, slots=True)
class Clip:
    """Clip timing: ``frames`` frames over one period of ``seconds``."""

    seconds: float
    fps: int

    @property
    def frames(self) -> int:
        return max(1, round(self.seconds * self.fps))

    def phase(self, index: int) -> float:
        """Position of frame ``index`` in the loop, in [0, 1): frame N == frame 0."""
        return (index % self.frames) / self.frames


def wave(u: float, cycles: int, offset: float = 0.0) -> float:
    """sin over ``cycles`` whole periods of the loop: always seamless."""
    return math.sin(TAU * (cycles * u + offset))


def bump(u: float, centre: float, half_width: float) -> float:
    """Smooth 0..1..0 pulse around ``centre`` (loop-wrapped), 0 outside."""
    d = abs((u - centre + 0.5) % 1.0 - 0.5)
    if d >= half_width:
        return 0.0
    return 0.5 * (1.0 + math.cos(math.pi * d / half_width))


def smooth_window(u: float, start: float, end: float, ramp: float) -> float:
    """0 -> 1 (over ``ramp``) -> 1 -> 0 (over ``ramp``), eased; 0 outside [start, end]."""
    if u <= start or u >= end:
        return 0.0
    x = min((u - start) / ramp, (end - u) / ramp, 1.0)
    return x * x * (3.0 - 2.0 * x)


# ----------------------------------------------------------------------------- drawing


class Canvas:
    """Maps reference coordinates (960x540) to pixels; draws anti-aliased masks."""

    SHIFT = 4  # sub-pixel bits for cv2 drawing

    def __init__(self, width: int, height: int) -> None:
        self.w, self.h = width, height
        self.sx, self.sy = width / REF_W, height / REF_H
        self.s = min(self.sx, self.sy)

    def px(self, p: Point) -> Point:
        return (p[0] * self.sx, p[1] * self.sy)

    def fixed(self, pts: Sequence[Point]) -> NDArray[np.int32]:
        arr = np.array([self.px(p) for p in pts], dtype=np.float64)
        return np.round(arr * (1 << self.SHIFT)).astype(np.int32)

    def mask(self) -> NDArray[np.uint8]:
        return np.zeros((self.h, self.w), np.uint8)

    def poly(self, m: NDArray[np.uint8], pts: Sequence[Point]) -> None:
        cv2.fillPoly(m, [self.fixed(pts)], 255, cv2.LINE_AA, self.SHIFT)

    def ellipse(
        self, m: NDArray[np.uint8], c: Point, axes: Point, angle: float = 0.0, value: int = 255
    ) -> None:
        cc = self.fixed([c])[0]
        ax = (
            max(1, round(axes[0] * self.s * (1 << self.SHIFT))),
            max(1, round(axes[1] * self.s * (1 << self.SHIFT))),
        )
        cv2.ellipse(
            m, (int(cc[0]), int(cc[1])), ax, angle, 0, 360, value, -1, cv2.LINE_AA, self.SHIFT
        )

    def capsule(self, m: NDArray[np.uint8], a: Point, ra: float, b: Point, rb: float) -> None:
        """Tapered limb: convex hull of two discs."""
        angles = np.linspace(0.0, TAU, 40, endpoint=False)
        ring = np.stack([np.cos(angles), np.sin(angles)], axis=1)
        pts = np.concatenate([np.array(a) + ra * ring, np.array(b) + rb * ring])
        hull = cv2.convexHull(pts.astype(np.float32)).reshape(-1, 2)
        self.poly(m, [(float(x), float(y)) for x, y in hull])

    def rounded_rect(
        self,
        m: NDArray[np.uint8],
        x0: float,
        y0: float,
        x1: float,
        y1: float,
        r: float,
        angle: float = 0.0,
    ) -> None:
        """Rounded rectangle, optionally rotated by ``angle`` degrees about its centre."""
        r = min(r, (x1 - x0) / 2, (y1 - y0) / 2)
        pts: list[Point] = []
        for cx, cy, a0 in (
            (x1 - r, y0 + r, -90),
            (x1 - r, y1 - r, 0),
            (x0 + r, y1 - r, 90),
            (x0 + r, y0 + r, 180),
        ):
            for k in range(10):
                a = math.radians(a0 + 90 * k / 9)
                pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
        if angle:
            mx, my = (x0 + x1) / 2, (y0 + y1) / 2
            ca, sa = math.cos(math.radians(angle)), math.sin(math.radians(angle))
            pts = [
                (mx + (x - mx) * ca - (y - my) * sa, my + (x - mx) * sa + (y - my) * ca)
                for x, y in pts
            ]
        self.poly(m, pts)

    def blur(self, img: NDArray[np.float32], sigma_ref: float) -> NDArray[np.float32]:
        sigma = sigma_ref * self.s
        if sigma < 0.3:
            return img
        return cv2.GaussianBlur(img, (0, 0), sigma)


def as_float(m: NDArray[np.uint8]) -> Mask:
    return m.astype(np.float32) * (1.0 / 255.0)


def over(dst: Image, colour: Image | NDArray[np.float32], alpha: Mask) -> None:
    """In-place alpha compositing of ``colour`` (image or RGB triple) onto ``dst``."""
    a = alpha[..., None]
    dst *= 1.0 - a
    dst += colour * a


def radial(canvas: Canvas, c: Point, radius: float, power: float = 2.0) -> Mask:
    """exp(-(d/r)^power) falloff around ``c`` (reference units)."""
    ys, xs = np.mgrid[0 : canvas.h, 0 : canvas.w].astype(np.float32)
    cx, cy = canvas.px(c)
    d = np.sqrt((xs - cx) ** 2 + (ys - cy) ** 2) / (radius * canvas.s)
    return np.exp(-(d**power)).astype(np.float32)


def shade(
    canvas: Canvas,
    m: Mask,
    albedo: NDArray[np.float32],
    bulge: float,
    key: float = 1.0,
    rim: float = 0.6,
    sheen: float = 0.0,
) -> Image:
    """Soft 3-D "clay" shading of a flat mask, normals from its blurred height field.

    Warm key light from the lamp (upper right, in front), cool rim light from
    the left and behind, blue ambient from the room.
    """
    sigma = max(0.8, bulge * canvas.s)
    height = cv2.GaussianBlur(m, (0, 0), sigma)
    gx = cv2.Sobel(height, cv2.CV_32F, 1, 0, ksize=3) * (sigma * 1.6)
    gy = cv2.Sobel(height, cv2.CV_32F, 0, 1, ksize=3) * (sigma * 1.6)
    inv = 1.0 / np.sqrt(gx * gx + gy * gy + 1.0)
    nx, ny, nz = -gx * inv, -gy * inv, inv
    lx, ly, lz = 0.55, -0.5, 0.67
    diffuse = np.clip(nx * lx + ny * ly + nz * lz, 0.0, 1.0)
    rim_term = np.clip(-nx * 0.9 - ny * 0.3, 0.0, 1.0) ** 2 * (1.0 - nz)
    light = AMBIENT * 0.85 + diffuse[..., None] * KEY_LIGHT * key
    out = albedo * light + rim_term[..., None] * RIM_LIGHT * rim
    if sheen:
        spec = np.clip(nx * 0.45 + ny * -0.55 + nz * 0.7, 0.0, 1.0) ** 12
        out += spec[..., None] * KEY_LIGHT * sheen
    return out.astype(np.float32)


def paint_part(
    canvas: Canvas,
    colour: Image,
    alpha: Mask,
    m: NDArray[np.uint8],
    albedo: NDArray[np.float32],
    bulge: float,
    key: float = 1.0,
    rim: float = 0.8,
    sheen: float = 0.0,
) -> None:
    """Shade mask ``m`` and composite it onto ``colour``/``alpha``, in its bounding box only."""
    x, y, w, h = cv2.boundingRect(m)
    if w == 0 or h == 0:
        return
    pad = int(3 * max(0.8, bulge * canvas.s)) + 3
    x0, y0 = max(0, x - pad), max(0, y - pad)
    x1, y1 = min(m.shape[1], x + w + pad), min(m.shape[0], y + h + pad)
    mf = as_float(m[y0:y1, x0:x1])
    shaded = shade(canvas, mf, albedo, bulge, key=key, rim=rim, sheen=sheen)
    over(colour[y0:y1, x0:x1], shaded, mf)
    np.maximum(alpha[y0:y1, x0:x1], mf, out=alpha[y0:y1, x0:x1])


# ----------------------------------------------------------------------------- scene


@dataclass(frozen=True, slots=True)
class Bokeh:
    x: float
    y: float
    radius: float
    colour: NDArray[np.float32]
    brightness: float
    orbit: tuple[float, float]
    orbit_phase: float
    direction: int
    twinkle_cycles: int
    twinkle_phase: float


class StudioScene:
    """Precomputes the static layers; :meth:`frame` renders one frame (BGR uint8)."""

    def __init__(self, width: int, height: int, clip: Clip, seed: int = DEFAULT_SEED) -> None:
        self.c = Canvas(width, height)
        self.clip = clip
        self.seed = seed
        rng = np.random.default_rng(seed)
        self.breath_cycles = max(1, round(clip.seconds / 4.0))
        self.wall = self._wall()
        self.bokeh = self._make_bokeh(rng)
        self.sprites: dict[int, Mask] = {}
        self.sofa_rgb, self.sofa_alpha = self._sofa()
        self.lamp_rgb, self.lamp_alpha, self.lamp_glow = self._lamp()
        self.vignette = self._vignette()
        self.guest_box = self._box(260.0, 80.0, 690.0, 540.0)
        self.tag_rgb, self.tag_alpha = self._tag()

    # -- static layers ---------------------------------------------------------

    def _box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[int, int, int, int]:
        c = self.c
        return (
            max(0, int(x0 * c.sx)),
            max(0, int(y0 * c.sy)),
            min(c.w, math.ceil(x1 * c.sx)),
            min(c.h, math.ceil(y1 * c.sy)),
        )

    def _wall(self) -> Image:
        c = self.c
        ys = (np.arange(c.h, dtype=np.float32) / c.h)[:, None, None]
        t = np.clip(ys / 0.8, 0.0, 1.0)
        img = (WALL_TOP * (1 - t) + WALL_MID * t) * np.ones((1, c.w, 1), np.float32)
        # Acoustic slats: faint vertical grooves, out of focus.
        slats = c.mask()
        step = 22.0
        x = 8.0
        while x < REF_W:
            c.poly(slats, [(x, 0), (x + 3.0, 0), (x + 3.0, 452), (x, 452)])
            x += step
        img = img * (1.0 - 0.18 * c.blur(as_float(slats), 1.2)[..., None])
        # Backlight behind the guest, and a second softer pool to the left.
        img += WALL_GLOW * (0.55 * radial(c, (450, 170), 260, 1.6))[..., None]
        img += WALL_GLOW * (0.22 * radial(c, (140, 120), 170, 2.0))[..., None]
        # Floor: from the wall's foot to the bottom, with a rug in front of the sofa.
        floor = c.mask()
        c.poly(floor, [(0, 452), (REF_W, 452), (REF_W, REF_H), (0, REF_H)])
        fy = np.clip((ys - 452 / REF_H) / (1 - 452 / REF_H), 0, 1)
        floor_col = FLOOR_FAR * (1 - fy) + FLOOR_NEAR * fy
        over(img, floor_col * np.ones((1, c.w, 1), np.float32), c.blur(as_float(floor), 1.5))
        rug = c.mask()
        c.ellipse(rug, (470, 505), (360, 42))
        rug_in = c.mask()
        c.ellipse(rug_in, (470, 505), (344, 36))
        over(img, RUG_BORDER * 0.35, c.blur(as_float(rug), 0.8) * 0.9)
        over(img, RUG * 0.8, c.blur(as_float(rug_in), 0.8))
        # Neon ring on the wall, out of focus: a soft "blue room" signature.
        ring = c.mask()
        cx, cy = c.px((255, 150))
        r = 78 * c.s
        cv2.circle(
            ring,
            (round(cx * 16), round(cy * 16)),
            round(r * 16),
            255,
            max(1, round(5 * c.s)),
            cv2.LINE_AA,
            4,
        )
        ring_f = as_float(ring)
        img += (
            NEON
            * (
                0.9 * c.blur(ring_f, 2.0) + 0.5 * c.blur(ring_f, 14.0) + 0.25 * c.blur(ring_f, 40.0)
            )[..., None]
        )
        # Plant on the left, in soft shadow.
        self._plant(img)
        return np.clip(img, 0.0, 4.0).astype(np.float32)

    def _plant(self, img: Image) -> None:
        c = self.c
        pot = c.mask()
        c.poly(pot, [(72, 392), (150, 392), (140, 470), (82, 470)])
        over(img, shade(c, as_float(pot), POT * 0.8, 10, key=0.5, rim=0.4), as_float(pot))
        leaves = c.mask()
        rng = np.random.default_rng(self.seed + 1)
        for k in range(15):
            ang = -158 + 136 * k / 14 + rng.uniform(-7, 7)
            length = rng.uniform(70, 150) * (1.0 - 0.35 * abs(ang + 90) / 70)
            a = math.radians(ang)
            cx = 111 + math.cos(a) * length * 0.5
            cy = 394 + math.sin(a) * length * 0.5
            c.ellipse(leaves, (cx, cy), (length * 0.5, 8 + rng.uniform(0, 5)), ang)
        lf = c.blur(as_float(leaves), 1.0)
        over(img, shade(c, lf, PLANT * 0.75, 5, key=0.35, rim=0.9), lf)

    def _lamp(self) -> tuple[Image, Mask, Image]:
        c = self.c
        metal = c.mask()
        c.poly(metal, [(846, 168), (852, 168), (853, 470), (845, 470)])
        c.ellipse(metal, (849, 472), (34, 6))
        shade_m = c.mask()
        c.poly(shade_m, [(818, 98), (880, 98), (902, 176), (796, 176)])
        m_f, s_f = as_float(metal), as_float(shade_m)
        img = np.zeros((c.h, c.w, 3), np.float32)
        over(img, shade(c, m_f, LAMP_METAL, 2.0, key=0.6, rim=0.5, sheen=0.5), m_f)
        # The shade glows from inside: brighter at the bottom edge.
        ys = (np.arange(c.h, dtype=np.float32) / c.sy)[:, None]
        inner = np.clip((ys - 98) / 78, 0, 1)[..., None]
        over(img, LAMP_SHADE * (0.85 + 0.55 * inner), s_f)
        alpha = np.clip(m_f + s_f, 0, 1)
        glow = (
            LAMP_WARM * (0.40 * radial(c, (849, 150), 120, 1.5))[..., None]
            + LAMP_WARM * (0.16 * radial(c, (820, 260), 260, 2.0))[..., None]
            + LAMP_SHADE * (0.45 * radial(c, (849, 140), 50, 2.0))[..., None]
        )
        return img, alpha, glow.astype(np.float32)

    def _sofa(self) -> tuple[Image, Mask]:
        c = self.c
        img = np.zeros((c.h, c.w, 3), np.float32)
        alpha = np.zeros((c.h, c.w), np.float32)

        def part(
            draw: Callable[[NDArray[np.uint8]], None], colour: NDArray[np.float32], bulge: float
        ) -> None:
            m = c.mask()
            draw(m)
            paint_part(c, img, alpha, m, colour, bulge, key=0.9, rim=0.7, sheen=0.08)

        # Frame/base, back, back cushions, seat cushions, arms, legs, pillow.
        part(lambda m: c.rounded_rect(m, 190, 395, 750, 462, 14), SOFA_DARK, 10)
        for lx in (215, 725):
            part(lambda m, lx=lx: c.rounded_rect(m, lx - 7, 455, lx + 7, 478, 3), LAMP_METAL, 2)
        part(lambda m: c.rounded_rect(m, 196, 236, 744, 405, 46), SOFA_DARK, 22)
        part(lambda m: c.rounded_rect(m, 232, 250, 472, 396, 34), SOFA, 26)
        part(lambda m: c.rounded_rect(m, 468, 250, 708, 396, 34), SOFA, 26)
        part(lambda m: c.rounded_rect(m, 228, 372, 474, 436, 22), SOFA, 16)
        part(lambda m: c.rounded_rect(m, 466, 372, 712, 436, 22), SOFA, 16)
        part(lambda m: c.rounded_rect(m, 164, 312, 252, 458, 36), SOFA, 22)
        part(lambda m: c.rounded_rect(m, 688, 312, 776, 458, 36), SOFA, 22)
        part(lambda m: c.rounded_rect(m, 240, 290, 330, 376, 26, -12), PILLOW * 0.85, 16)
        return img, alpha

    def _vignette(self) -> Mask:
        c = self.c
        ys, xs = np.mgrid[0 : c.h, 0 : c.w].astype(np.float32)
        nx = (xs / c.w - 0.5) * 2.0
        ny = (ys / c.h - 0.5) * 2.0
        d = np.sqrt(nx * nx * 0.9 + ny * ny * 1.1)
        return (1.0 - 0.55 * np.clip(d - 0.35, 0, None) ** 1.6).clip(0.25, 1.0).astype(np.float32)

    def _tag(self) -> tuple[Image, Mask]:
        """'DEMO CAMERA' in a small rounded pill, bottom-right corner."""
        c = self.c
        text = "DEMO CAMERA"
        scale = 0.42 * c.s * 1.6
        thick = max(1, round(1.0 * c.s * 1.3))
        font = cv2.FONT_HERSHEY_DUPLEX
        (tw, th), base = cv2.getTextSize(text, font, scale, thick)
        pad_x, pad_y = round(9 * c.s), round(6 * c.s)
        margin = round(18 * c.s)
        x1, y1 = c.w - margin, c.h - margin
        x0, y0 = x1 - tw - 2 * pad_x, y1 - th - base - 2 * pad_y
        pill = np.zeros((c.h, c.w), np.uint8)
        unit = Canvas(round(REF_W), round(REF_H))  # scale 1: coordinates are pixels
        unit.rounded_rect(pill, x0, y0, x1, y1, (y1 - y0) / 2)
        txt = np.zeros((c.h, c.w), np.uint8)
        cv2.putText(
            txt, text, (x0 + pad_x, y1 - pad_y - base + 1), font, scale, 255, thick, cv2.LINE_AA
        )
        pill_f, txt_f = as_float(pill) * 0.45, as_float(txt) * 0.85
        img = np.zeros((c.h, c.w, 3), np.float32)
        over(img, rgb("#050a18"), pill_f)
        over(img, rgb("#dfe8ff"), txt_f)
        return img, np.clip(pill_f + txt_f * (1 - pill_f), 0, 1)

    def _make_bokeh(self, rng: np.random.Generator) -> list[Bokeh]:
        cool = [rgb("#7fb6ff"), rgb("#6ee7ff"), rgb("#a99cff"), rgb("#9fd0ff")]
        warm = [rgb("#ffc27a"), rgb("#ffd7a8")]
        out: list[Bokeh] = []
        for _ in range(34):
            x = float(rng.uniform(-20, 980))
            y = float(rng.uniform(-10, 330) if rng.random() < 0.85 else rng.uniform(330, 430))
            warm_side = x > 640 and rng.random() < 0.6
            colour = (warm if warm_side else cool)[int(rng.integers(0, 2 if warm_side else 4))]
            out.append(
                Bokeh(
                    x=x,
                    y=y,
                    radius=float(rng.uniform(7, 30)),
                    colour=colour,
                    brightness=float(rng.uniform(0.10, 0.32)),
                    orbit=(float(rng.uniform(8, 34)), float(rng.uniform(5, 20))),
                    orbit_phase=float(rng.uniform(0, 1)),
                    direction=1 if rng.random() < 0.5 else -1,
                    twinkle_cycles=int(rng.integers(1, 4)),
                    twinkle_phase=float(rng.uniform(0, 1)),
                )
            )
        return out

    def _sprite(self, radius_px: int) -> Mask:
        """A bokeh disc: flat with a slightly brighter rim and a soft edge."""
        sprite = self.sprites.get(radius_px)
        if sprite is None:
            n = 2 * radius_px + 5
            ys, xs = np.mgrid[0:n, 0:n].astype(np.float32)
            d = np.sqrt((xs - n // 2) ** 2 + (ys - n // 2) ** 2) / max(radius_px, 1)
            edge = np.clip((1.0 - d) * radius_px / 1.6 + 0.5, 0, 1)
            sprite = (edge * (0.75 + 0.25 * np.clip(d, 0, 1) ** 3)).astype(np.float32)
            self.sprites[radius_px] = sprite
        return sprite

    # -- per frame -------------------------------------------------------------

    def _draw_bokeh(self, img: Image, u: float) -> None:
        c = self.c
        for b in self.bokeh:
            a = TAU * (b.direction * u + b.orbit_phase)
            x = b.x + b.orbit[0] * math.cos(a)
            y = b.y + b.orbit[1] * math.sin(a)
            tw = 0.75 + 0.25 * wave(u, b.twinkle_cycles, b.twinkle_phase)
            r = max(1, round(b.radius * c.s))
            sprite = self._sprite(r)
            n = sprite.shape[0]
            px, py = c.px((x, y))
            x0, y0 = round(px) - n // 2, round(py) - n // 2
            sx0, sy0 = max(0, -x0), max(0, -y0)
            sx1, sy1 = min(n, c.w - x0), min(n, c.h - y0)
            if sx1 <= sx0 or sy1 <= sy0:
                continue
            patch = sprite[sy0:sy1, sx0:sx1, None] * (b.colour * (b.brightness * tw))
            img[y0 + sy0 : y0 + sy1, x0 + sx0 : x0 + sx1] += patch

    def _guest(self, u: float) -> tuple[Image, Mask]:
        """The guest, drawn in the guest box (crop) to keep per-frame work small."""
        full = self.c
        bx0, by0, bx1, by1 = self.guest_box
        c = Canvas(bx1 - bx0, by1 - by0)
        c.sx, c.sy, c.s = full.sx, full.sy, full.s
        ox, oy = bx0 / full.sx, by0 / full.sy  # crop offset, reference units

        def p(x: float, y: float) -> Point:
            return (x - ox, y - oy)

        # Living motion, all periodic over the loop.
        breath = 0.5 + 0.5 * wave(u, self.breath_cycles, 0.25)  # 0..1
        sway = 2.5 * wave(u, 1, 0.1) + 1.0 * wave(u, 2, 0.6)
        tilt = 4.5 * wave(u, 1, 0.0) + 1.5 * wave(u, 3, 0.3)  # degrees
        nod = 1.6 * wave(u, 2, 0.15)
        gesture = smooth_window(u, 0.38, 0.72, 0.08)  # the near hand comes up to talk
        wag = gesture * (9.0 * wave(u, 10, 0.0))  # degrees of hand wave while talking
        blink = max(bump(u, 0.13, 0.011), bump(u, 0.52, 0.011), bump(u, 0.83, 0.011))

        cx = 470.0 + sway
        lift = 2.4 * breath
        widen = 1.0 + 0.012 * breath
        sh_y = 268.0 - lift  # shoulder line
        hw = 80.0 * widen  # half shoulder width

        colour = np.zeros((c.h, c.w, 3), np.float32)
        alpha = np.zeros((c.h, c.w), np.float32)

        def paint(
            m: NDArray[np.uint8],
            albedo: NDArray[np.float32],
            bulge: float,
            key: float = 1.0,
            rim: float = 0.8,
            sheen: float = 0.0,
        ) -> None:
            paint_part(c, colour, alpha, m, albedo, bulge, key, rim, sheen)

        def part(
            draw: Callable[[NDArray[np.uint8]], None],
            albedo: NDArray[np.float32],
            bulge: float,
            key: float = 1.0,
            rim: float = 0.8,
            sheen: float = 0.0,
        ) -> None:
            m = c.mask()
            draw(m)
            paint(m, albedo, bulge, key, rim, sheen)

        # Torso: a soft sweater block, breathing.
        def torso(m: NDArray[np.uint8]) -> None:
            top, bottom = sh_y - 6, 412.0
            c.rounded_rect(m, *p(cx - hw, top), *p(0.5 * (cx + 470) + 72, bottom), 40)

        part(torso, SWEATER, 22)
        part(lambda m: c.ellipse(m, p(cx + 1, sh_y - 4), (24, 9)), SWEATER * 0.78, 5)

        # Legs in front of the lower torso: seated, knees towards the camera.
        for side in (-1, 1):
            hip = p(470 + side * 38, 398)
            knee = p(470 + side * 50, 446)
            ankle = p(470 + side * 56, 500)
            part(lambda m, h=hip, k=knee: c.capsule(m, h, 31, k, 28), TROUSERS, 14, rim=0.5)
            part(lambda m, k=knee, a=ankle: c.capsule(m, k, 23, a, 17), TROUSERS, 10, rim=0.5)
            shoe = (ankle[0] + side * 4, ankle[1] + 14)
            part(lambda m, s=shoe: c.ellipse(m, s, (24, 12)), SHOES, 6, key=0.8, rim=0.3)

        # Far arm (screen left): resting, hand on the thigh.
        sh_l = p(cx - hw + 16, sh_y + 26)
        elbow_l = p(cx - hw - 10, 356 - lift * 0.4)
        hand_l = p(cx - 34, 404)
        part(lambda m: c.capsule(m, sh_l, 22, elbow_l, 19), SWEATER * 0.92, 12)
        part(lambda m: c.capsule(m, elbow_l, 19, hand_l, 15), SWEATER * 0.96, 10)

        # Head group: neck, hair behind, face, fringe, features; tilted on the neck.
        pivot = (cx + 1, sh_y - 12)
        ang = math.radians(tilt)
        cos_a, sin_a = math.cos(ang), math.sin(ang)

        def r(x: float, y: float) -> Point:
            dx, dy = x - pivot[0], y - pivot[1]
            return p(
                pivot[0] + dx * cos_a - dy * sin_a,
                pivot[1] + dx * sin_a + dy * cos_a + nod,
            )

        hx, hy = cx + 2, sh_y - 58  # head centre
        part(
            lambda m: c.capsule(m, p(cx + 1, sh_y - 2), 17, r(cx + 1, sh_y - 26), 17),
            SKIN * 0.72,
            6,
            rim=0.4,
        )
        back_hair, face, cap, window = c.mask(), c.mask(), c.mask(), c.mask()
        c.ellipse(back_hair, r(hx, hy - 9), (39, 40), tilt)
        paint(back_hair, HAIR * 1.3, 12, key=0.6, rim=1.0)
        for side in (-1, 1):
            part(
                lambda m, sd=side: c.ellipse(m, r(hx + sd * 35, hy + 6), (7, 10), tilt),
                SKIN * 0.85,
                3,
            )
        c.ellipse(face, r(hx, hy + 2), (34, 42), tilt)
        paint(face, SKIN, 16, key=1.25, rim=0.5)
        # One hair shape: the back hair around the face plus a side-swept fringe.
        c.ellipse(cap, r(hx, hy - 12), (38, 34), tilt)
        c.ellipse(window, r(hx + 10, hy + 20), (38, 36), tilt - 10)
        fringe = np.minimum(cap, 255 - window)
        hair = np.maximum(fringe, np.minimum(back_hair, 255 - face))
        paint(hair, HAIR * 1.3, 9, key=0.7, rim=1.0, sheen=0.06)

        feat = c.mask()
        eye_h = max(0.5, 4.6 * (1.0 - blink))
        for side in (-1, 1):
            c.ellipse(feat, r(hx + side * 13, hy + 8), (3.6, eye_h), tilt)
        smile = [r(hx + 2 + dx, hy + 25 - 0.03 * dx * dx) for dx in range(-10, 11, 2)]
        cv2.polylines(
            feat, [c.fixed(smile)], False, 255, max(1, round(2.0 * c.s)), cv2.LINE_AA, c.SHIFT
        )
        over(colour, rgb("#2a1712"), as_float(feat) * 0.85)
        cheeks = c.mask()
        for side in (-1, 1):
            c.ellipse(cheeks, r(hx + side * 21, hy + 20), (7, 5), tilt)
        over(colour, rgb("#e27d62"), c.blur(as_float(cheeks), 3.0) * 0.3)

        # Lavalier microphone clipped to the collar.
        mic = c.mask()
        c.ellipse(mic, p(cx - 18, sh_y + 16), (2.6, 3.4))
        over(colour, rgb("#0d0d12"), as_float(mic))

        # Near arm (screen right): rests on the knee, comes up to gesture while talking.
        g = gesture
        sh_r = p(cx + hw - 16, sh_y + 26)
        elbow_r = p(cx + hw + 10 - 6 * g, 356 - lift * 0.4 - 8 * g)
        rest = (cx + 36, 404.0)
        fore = math.radians(-112 + wag)  # forearm direction when raised (up and inwards)
        raised = (elbow_r[0] + ox + 74 * math.cos(fore), elbow_r[1] + oy + 74 * math.sin(fore))
        hand_r = p(rest[0] * (1 - g) + raised[0] * g, rest[1] * (1 - g) + raised[1] * g)
        part(lambda m: c.capsule(m, sh_r, 22, elbow_r, 19), SWEATER, 12)
        part(lambda m: c.capsule(m, elbow_r, 19, hand_r, 15), SWEATER * 1.04, 10)
        for h in (hand_l, hand_r):
            part(
                lambda m, h=h: c.ellipse(m, (h[0], h[1] + 3), (12, 14)),
                SKIN * 0.95,
                6,
                key=1.2,
                rim=0.5,
            )
        return colour, alpha

    def frame(self, index: int) -> NDArray[np.uint8]:
        c = self.c
        u = self.clip.phase(index)
        img = self.wall.copy()
        self._draw_bokeh(img, u)
        flicker = 1.0 + 0.025 * wave(u, 3, 0.2) + 0.015 * wave(u, 7, 0.7)
        img += self.lamp_glow * flicker
        over(img, self.lamp_rgb, self.lamp_alpha)
        over(img, self.sofa_rgb, self.sofa_alpha)

        guest, g_alpha = self._guest(u)
        bx0, by0, bx1, by1 = self.guest_box
        region = img[by0:by1, bx0:bx1]
        # Soft contact shadow on the sofa, then the guest.
        shadow = c.blur(g_alpha, 16.0)
        shifted = np.zeros_like(shadow)  # the lamp is on the right: shadow falls left, down
        sx, sy = max(1, round(10 * c.s)), max(1, round(8 * c.s))
        shifted[sy:, :-sx] = shadow[:-sy, sx:]
        region *= (1.0 - 0.45 * shifted)[..., None]
        over(region, guest, g_alpha)

        img *= self.vignette[..., None]
        # Grade: gentle filmic curve, lifted blue blacks.
        img = img / (1.0 + 0.35 * img)
        img = img * 1.22 + rgb("#060b1c") * 0.6
        rng = np.random.default_rng((self.seed, index % self.clip.frames))
        gh, gw = max(1, c.h // 2), max(1, c.w // 2)
        grain = rng.normal(0.0, 1.0, (gh, gw)).astype(np.float32)
        grain = cv2.resize(grain, (c.w, c.h), interpolation=cv2.INTER_LINEAR)
        img += (0.009 * grain)[..., None]
        over(img, self.tag_rgb, self.tag_alpha)
        out = np.clip(img * 255.0 + 0.5, 0, 255).astype(np.uint8)
        return np.ascontiguousarray(out[..., ::-1])  # RGB -> BGR for OpenCV


# ----------------------------------------------------------------------------- output


@dataclass(frozen=True, slots=True)
class VideoResult:
    path: Path
    codec: str
    frames: int
    size: tuple[int, int]
    fps: int
    bytes: int
    fallback_reason: str | None = None


def render_frames(
    seconds: float = DEFAULT_SECONDS,
    fps: int = DEFAULT_FPS,
    size: tuple[int, int] = DEFAULT_SIZE,
    seed: int = DEFAULT_SEED,
) -> Iterator[NDArray[np.uint8]]:
    """Yield the clip's frames (BGR uint8) in order."""
    clip = Clip(seconds, fps)
    scene = StudioScene(size[0], size[1], clip, seed)
    for i in range(clip.frames):
        yield scene.frame(i)


def _write(
    path: Path, fourcc: str, fps: int, size: tuple[int, int], frames: Iterator[NDArray[np.uint8]]
) -> int:
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*fourcc), float(fps), size)
    if not writer.isOpened():
        raise OSError(f"cv2.VideoWriter cannot open {path} with {fourcc}")
    count = 0
    try:
        for f in frames:
            writer.write(f)
            count += 1
    finally:
        writer.release()
    return count


def _readable(path: Path, expected_frames: int, size: tuple[int, int]) -> str | None:
    """None if ``path`` reads back with the right size and frame count, else why not."""
    if not path.is_file() or path.stat().st_size == 0:
        return "no file written"
    cap = cv2.VideoCapture(str(path))
    try:
        if not cap.isOpened():
            return "cv2.VideoCapture cannot open it"
        n = 0
        while True:
            ok, f = cap.read()
            if not ok:
                break
            if (f.shape[1], f.shape[0]) != size:
                return f"frame size {f.shape[1]}x{f.shape[0]} != {size[0]}x{size[1]}"
            n += 1
    finally:
        cap.release()
    if n != expected_frames:
        return f"read {n} frames, wrote {expected_frames}"
    return None


def make_demo_video(
    out: Path = DEFAULT_OUT,
    seconds: float = DEFAULT_SECONDS,
    fps: int = DEFAULT_FPS,
    size: tuple[int, int] = DEFAULT_SIZE,
    seed: int = DEFAULT_SEED,
) -> VideoResult:
    """Render the clip to ``out`` (mp4v); fall back to MJPG ``.avi`` if mp4v fails."""
    if size[0] < 16 or size[1] < 16 or size[0] % 2 or size[1] % 2:
        raise ValueError(f"size must be even and at least 16x16, got {size[0]}x{size[1]}")
    if fps < 1 or seconds <= 0:
        raise ValueError("fps must be >= 1 and seconds > 0")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    expected = Clip(seconds, fps).frames
    reason: str | None
    try:
        _write(out, "mp4v", fps, size, render_frames(seconds, fps, size, seed))
        reason = _readable(out, expected, size)
    except OSError as exc:
        reason = str(exc)
    if reason is None:
        return VideoResult(out, "mp4v", expected, size, fps, out.stat().st_size)
    fallback = out.with_suffix(".avi")
    _write(fallback, "MJPG", fps, size, render_frames(seconds, fps, size, seed))
    bad = _readable(fallback, expected, size)
    if bad is not None:
        raise OSError(f"mp4v failed ({reason}) and MJPG failed ({bad})")
    return VideoResult(fallback, "MJPG", expected, size, fps, fallback.stat().st_size, reason)


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected WxH, e.g. 960x540, got {text!r}") from None
    return w, h


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output file (.mp4)")
    parser.add_argument("--seconds", type=float, default=DEFAULT_SECONDS, help="loop length")
    parser.add_argument("--fps", type=int, default=DEFAULT_FPS)
    parser.add_argument("--size", type=_size, default=DEFAULT_SIZE, help="WxH, e.g. 960x540")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    result = make_demo_video(args.out, args.seconds, args.fps, args.size, args.seed)
    took = time.perf_counter() - t0
    print(
        f"{result.path}: {result.codec}, {result.size[0]}x{result.size[1]}, {result.fps} fps, "
        f"{result.frames} frames, {result.bytes / 1e6:.2f} MB in {took:.1f} s"
    )
    if result.fallback_reason:
        print(f"mp4v failed ({result.fallback_reason}); wrote MJPG instead", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
