"""Which window goes on which screen, and where on it (pure logic: tested without Qt).

Settings name a screen for each window by name or index. Windows with no (or an
unknown) screen find one: the operator console the primary screen; the guest panel the
touch screen, or, where no screen is known to have touch (the platform cannot say, or
none has), the smallest free screen when another is left for the walls; the walls the
largest free screens, in order. Sizes are compared in device pixels (a 4K screen at
scale 2 is larger than a 1080p one); rectangles are in Qt's logical coordinates, inside
each screen's work area (without its panels and docks).

Windows left without a screen of their own share the console's: the console keeps the
larger part and the others are stacked beside it when there is room for them, else they
wait behind it (the console's Windows menu brings each forward). The console is never
covered, and never larger than its screen's work area.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

CONSOLE = "operator_console"
GUEST = "guest_panel"
WALLS = ("questions_wall", "video_wall", "heatmap_wall")
WINDOW_ORDER = (CONSOLE, *WALLS, GUEST)
WINDOW_TITLES = {
    "operator_console": "operator console",
    "questions_wall": "questions wall",
    "video_wall": "live video wall",
    "heatmap_wall": "heat-map wall",
    "guest_panel": "guest panel",
}
# The smallest size at which each window is still itself, when Qt cannot say (the
# console lays its panels side by side from 1280 wide).
DEFAULT_MINIMUM: dict[str, tuple[int, int]] = {
    CONSOLE: (1280, 720),
    "questions_wall": (480, 270),
    "video_wall": (480, 270),
    "heatmap_wall": (480, 270),
    GUEST: (480, 300),
}
CONSOLE_SHARE = 2 / 3  # of a shared screen's width, at least the console's minimum
WINDOW_SHARE = 0.8  # of its screen, for a wall or the guest panel in an ordinary window
TOUCH_AREA_SHARE = 0.9  # a touch device's area this much inside one screen: that screen

Rect = tuple[int, int, int, int]  # x, y, width, height
# Why a window is where it is: named in the settings, the primary screen, the touch
# screen, the smallest free screen guessed for the guest panel, the largest free screen,
# the first free one, or sharing the console's screen for want of a free one.
Reason = Literal["settings", "primary", "touch", "guess", "largest", "free", "shared"]


@dataclass(frozen=True, slots=True)
class ScreenInfo:
    index: int
    name: str
    x: int
    y: int
    width: int
    height: int
    dpr: float = 1.0
    primary: bool = False
    touch: bool | None = None  # None: the platform cannot say
    available: Rect | None = None  # the work area; None: the whole screen

    @property
    def geometry(self) -> Rect:
        return self.x, self.y, self.width, self.height

    @property
    def work_area(self) -> Rect:
        return self.available or self.geometry

    @property
    def device_pixels(self) -> float:
        return self.width * self.height * self.dpr * self.dpr

    def describe(self) -> str:
        flags = (", primary" if self.primary else "") + (", touch" if self.touch else "")
        size = f"{self.width}×{self.height} at ({self.x},{self.y})"
        return f"{self.index}: '{self.name}' {size}, scale {self.dpr:g}{flags}"


@dataclass(frozen=True, slots=True)
class Placement:
    window: str
    screen: ScreenInfo
    fullscreen: bool
    share_index: int  # position among the windows sharing this screen
    share_count: int
    rect: Rect  # where the window goes when not full screen (maximised: the work area)
    maximized: bool = False  # the console alone on its screen, or with the others behind it
    behind: bool = False  # under the console: no room beside it on this screen
    reason: Reason = "free"
    missing: str | None = None  # the screen the settings named and no screen is called

    def geometry(self) -> Rect:
        return self.rect


@dataclass(frozen=True, slots=True)
class Plan:
    placements: tuple[Placement, ...]
    messages: tuple[str, ...]

    def for_window(self, window: str) -> Placement:
        for placement in self.placements:
            if placement.window == window:
                return placement
        raise KeyError(window)


def with_touch(
    screens: Sequence[ScreenInfo], touch_areas: Sequence[Rect | None] | None
) -> list[ScreenInfo]:
    """The screens marked with touch input, from the areas of the touch-screen devices.

    ``touch_areas`` is None when the platform lists no input device at all (offscreen):
    nothing is known. A device with no area (None or empty), or one spread over several
    screens, has touch somewhere unknown: the screens not located stay unknown. With
    every device located (or none at all), the other screens have no touch.
    """
    if touch_areas is None:
        return [replace(s, touch=None) for s in screens]
    located: set[int] = set()
    unknown = False
    for area in touch_areas:
        screen = _screen_of(area, screens)
        if screen is None:
            unknown = True
        else:
            located.add(screen.index)
    return [
        replace(s, touch=True if s.index in located else (None if unknown else False))
        for s in screens
    ]


def _screen_of(area: Rect | None, screens: Sequence[ScreenInfo]) -> ScreenInfo | None:
    if area is None or area[2] <= 0 or area[3] <= 0:
        return None
    best = max(screens, key=lambda s: _overlap(area, s.geometry), default=None)
    if best is None or _overlap(area, best.geometry) < TOUCH_AREA_SHARE * area[2] * area[3]:
        return None
    return best


def _overlap(a: Rect, b: Rect) -> int:
    width = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    height = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return max(width, 0) * max(height, 0)


def _resolve(wanted: int | str, screens: Sequence[ScreenInfo]) -> ScreenInfo | None:
    if isinstance(wanted, int):
        return screens[wanted] if 0 <= wanted < len(screens) else None
    text = wanted.strip()
    for screen in screens:
        if screen.name == text:
            return screen
    for screen in screens:
        if screen.name.casefold() == text.casefold():
            return screen
    if text.isdigit():
        return _resolve(int(text), screens)
    return None


def _smallest(screens: Sequence[ScreenInfo]) -> ScreenInfo:
    """The smallest screen; of equal ones the last, so the walls keep the first."""
    return min(screens, key=lambda s: (s.device_pixels, -s.index))


def _largest(screens: Sequence[ScreenInfo]) -> ScreenInfo:
    """The largest screen; of equal ones the first."""
    return max(screens, key=lambda s: (s.device_pixels, -s.index))


def plan_placement(
    screens: Sequence[ScreenInfo],
    wanted: Mapping[str, int | str | None],
    *,
    kiosk: bool,
    minimum: Mapping[str, tuple[int, int]] | None = None,
) -> Plan:
    """Where each of the five windows goes, from the screens and the settings alone.

    ``minimum`` gives each window's smallest useful size (Qt's minimum size hints);
    missing ones are taken from ``DEFAULT_MINIMUM``.
    """
    if not screens:
        raise ValueError("no screen to place windows on")
    smallest_size = {**DEFAULT_MINIMUM, **(minimum or {})}
    messages: list[str] = []
    names = ", ".join(f"'{s.name}'" for s in screens)
    chosen: dict[str, ScreenInfo] = {}
    reasons: dict[str, Reason] = {}
    missing: dict[str, str] = {}
    for window in WINDOW_ORDER:
        target = wanted.get(window)
        if target is None:
            continue
        screen = _resolve(target, screens)
        if screen is None:
            missing[window] = str(target)
            messages.append(
                f"{WINDOW_TITLES[window]}: no screen {target!r} (screens: {names});"
                " placed automatically"
            )
            continue
        chosen[window] = screen
        reasons[window] = "settings"
    primary = next((s for s in screens if s.primary), screens[0])
    taken = {s.index for s in chosen.values()}

    def free() -> list[ScreenInfo]:
        return [s for s in screens if s.index not in taken]

    def take(window: str, screen: ScreenInfo, reason: Reason) -> None:
        chosen[window] = screen
        reasons[window] = reason
        taken.add(screen.index)

    if CONSOLE not in chosen:
        if primary.index not in taken:
            take(CONSOLE, primary, "primary")
        elif spare := free():
            take(CONSOLE, next((s for s in spare if not s.touch), spare[0]), "free")
    walls_left = [w for w in WALLS if w not in chosen]
    if GUEST not in chosen:
        spare = free()
        touch = [s for s in spare if s.touch]
        if touch:
            take(GUEST, _smallest(touch), "touch")
        elif spare and (len(spare) > 1 or not walls_left):
            guessed = _smallest([s for s in spare if s.touch is None] or spare)
            take(GUEST, guessed, "guess")
            why = (
                "the platform cannot say which screen has touch"
                if guessed.touch is None
                else "no screen has touch input"
            )
            messages.append(
                f"guest panel: {why}; it goes on '{guessed.name}', the smallest free screen"
                " (name its screen in screens.guest_panel to choose)"
            )
    for wall in walls_left:
        if spare := free():
            take(wall, _largest(spare), "largest")
    home = chosen.get(CONSOLE, primary)
    for window in WINDOW_ORDER:
        if window not in chosen:
            chosen[window] = home
            reasons[window] = "shared"

    sharing: dict[int, list[str]] = {}
    for window in WINDOW_ORDER:
        sharing.setdefault(chosen[window].index, []).append(window)
    spots: dict[str, tuple[Rect, bool, bool]] = {}  # rect, maximised, behind the console
    for group in sharing.values():
        spots.update(_spots(chosen[group[0]], group, kiosk, smallest_size))
    placements = []
    for window in WINDOW_ORDER:
        screen = chosen[window]
        group = sharing[screen.index]
        rect, maximized, behind = spots[window]
        placements.append(
            Placement(
                window=window,
                screen=screen,
                fullscreen=kiosk and len(group) == 1 and window != CONSOLE,
                share_index=group.index(window),
                share_count=len(group),
                rect=rect,
                maximized=maximized,
                behind=behind,
                reason=reasons[window],
                missing=missing.get(window),
            )
        )
    shared = {index: group for index, group in sharing.items() if len(group) > 1}
    if shared:
        count = f"{len(screens)} screen{'s' if len(screens) != 1 else ''}"
        lead = (
            f"{count} for {len(WINDOW_ORDER)} windows: " if len(screens) < len(WINDOW_ORDER) else ""
        )
        groups = "; ".join(
            f"{_join([WINDOW_TITLES[w] for w in group])} share screen"
            f" '{screens_by(screens, index).name}'"
            for index, group in shared.items()
        )
        waiting = [WINDOW_TITLES[p.window] for p in placements if p.behind]
        verb = "waits" if len(waiting) == 1 else "wait"
        wait = (
            f"; {_join(waiting)} {verb} behind the console (no room beside it: its Windows"
            " menu brings each forward)"
            if waiting
            else ""
        )
        messages.append(f"{lead}{groups} as ordinary windows{wait}")
    return Plan(tuple(placements), tuple(messages))


def _spots(
    screen: ScreenInfo, group: Sequence[str], kiosk: bool, minimum: Mapping[str, tuple[int, int]]
) -> dict[str, tuple[Rect, bool, bool]]:
    """Each window's rectangle on a screen, whether maximised, whether behind the console."""
    area = screen.work_area
    if len(group) == 1:
        (window,) = group
        if window == CONSOLE:
            return {window: (area, True, False)}
        if kiosk:
            return {window: (screen.geometry, False, False)}
        return {window: (_centred(area, WINDOW_SHARE, minimum[window]), False, False)}
    if CONSOLE not in group:
        return {
            w: (rect, False, False) for w, rect in zip(group, _grid(area, len(group)), strict=True)
        }
    others = [w for w in group if w != CONSOLE]
    x, y, width, height = area
    console_width = min(width, max(minimum[CONSOLE][0], round(width * CONSOLE_SHARE)))
    column = width - console_width
    if column < max(minimum[w][0] for w in others):
        spots = {CONSOLE: (area, True, False)}
        spots.update(
            {w: (r, False, True) for w, r in zip(others, _grid(area, len(others)), strict=True)}
        )
        return spots
    spots = {CONSOLE: ((x, y, console_width, height), False, False)}
    for window, (top, tall) in zip(
        others, _stack(height, [minimum[w][1] for w in others]), strict=True
    ):
        spots[window] = ((x + console_width, y + top, column, tall), False, False)
    return spots


def _centred(area: Rect, share: float, minimum: tuple[int, int]) -> Rect:
    x, y, width, height = area
    w = min(width, max(int(width * share), minimum[0]))
    h = min(height, max(int(height * share), minimum[1]))
    return x + (width - w) // 2, y + (height - h) // 2, w, h


def _grid(area: Rect, count: int) -> list[Rect]:
    x, y, width, height = area
    columns = 1 if count == 1 else 2 if count <= 4 else 3
    rows = -(-count // columns)
    w, h = width // columns, height // rows
    return [(x + (i % columns) * w, y + (i // columns) * h, w, h) for i in range(count)]


def _stack(height: int, minimum: Sequence[int]) -> list[tuple[int, int]]:
    """(top, height) of windows stacked in a column: the spare height shared out, or,
    when their minimum heights do not fit, overlapping evenly from top to bottom."""
    count = len(minimum)
    if sum(minimum) <= height:
        extra, rest = divmod(height - sum(minimum), count)
        tops, top = [], 0
        for n, low in enumerate(minimum):
            tall = low + extra + (rest if n == count - 1 else 0)
            tops.append((top, tall))
            top += tall
        return tops
    talls = [min(low, height) for low in minimum]
    if count == 1:
        return [(0, talls[0])]
    step = (height - talls[-1]) / (count - 1)
    return [(round(n * step), tall) for n, tall in enumerate(talls)]


def screens_by(screens: Sequence[ScreenInfo], index: int) -> ScreenInfo:
    return next(s for s in screens if s.index == index)


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
