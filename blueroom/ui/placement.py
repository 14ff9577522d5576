"""Which window goes on which screen (pure logic: tested without Qt).

Settings name a screen for each window by name or index. Windows with no (or an
unknown) screen take the free screens in order: the operator console the primary
screen, the walls and guest panel the others. With fewer screens than windows the
leftovers share a screen as ordinary windows, and the plan says so.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

WINDOW_ORDER = ("operator_console", "questions_wall", "video_wall", "heatmap_wall", "guest_panel")
WINDOW_TITLES = {
    "operator_console": "operator console",
    "questions_wall": "questions wall",
    "video_wall": "live video wall",
    "heatmap_wall": "heat-map wall",
    "guest_panel": "guest panel",
}


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

    def describe(self) -> str:
        flag = ", primary" if self.primary else ""
        size = f"{self.width}×{self.height} at ({self.x},{self.y})"
        return f"{self.index}: '{self.name}' {size}, scale {self.dpr:g}{flag}"


@dataclass(frozen=True, slots=True)
class Placement:
    window: str
    screen: ScreenInfo
    fullscreen: bool
    share_index: int  # position among the windows sharing this screen
    share_count: int

    def geometry(self) -> tuple[int, int, int, int]:
        """x, y, width, height for an ordinary window, tiled when the screen is shared."""
        s = self.screen
        if self.share_count <= 1:
            width, height = int(s.width * 0.8), int(s.height * 0.8)
            return s.x + (s.width - width) // 2, s.y + (s.height - height) // 2, width, height
        columns = 2 if self.share_count <= 4 else 3
        rows = -(-self.share_count // columns)
        width, height = s.width // columns, s.height // rows
        column, row = self.share_index % columns, self.share_index // columns
        return s.x + column * width, s.y + row * height, width, height


@dataclass(frozen=True, slots=True)
class Plan:
    placements: tuple[Placement, ...]
    messages: tuple[str, ...]

    def for_window(self, window: str) -> Placement:
        for placement in self.placements:
            if placement.window == window:
                return placement
        raise KeyError(window)


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


def plan_placement(
    screens: Sequence[ScreenInfo],
    wanted: Mapping[str, int | str | None],
    *,
    kiosk: bool,
) -> Plan:
    if not screens:
        raise ValueError("no screen to place windows on")
    messages: list[str] = []
    names = ", ".join(f"'{s.name}'" for s in screens)
    chosen: dict[str, ScreenInfo] = {}
    for window in WINDOW_ORDER:
        target = wanted.get(window)
        if target is None:
            continue
        screen = _resolve(target, screens)
        if screen is None:
            messages.append(
                f"{WINDOW_TITLES[window]}: no screen {target!r} (screens: {names});"
                " placed automatically"
            )
            continue
        chosen[window] = screen
    primary = next((s for s in screens if s.primary), screens[0])
    taken = {s.index for s in chosen.values()}

    def take(screen: ScreenInfo, window: str) -> None:
        chosen[window] = screen
        taken.add(screen.index)

    if "operator_console" not in chosen and primary.index not in taken:
        take(primary, "operator_console")
    for window in WINDOW_ORDER:
        if window in chosen:
            continue
        free = [s for s in screens if s.index not in taken]
        free.sort(key=lambda s: s is primary)  # walls prefer the screens that are not primary
        if free:
            take(free[0], window)
        else:
            chosen[window] = chosen.get("operator_console", primary)
    sharing: dict[int, list[str]] = {}
    for window in WINDOW_ORDER:
        sharing.setdefault(chosen[window].index, []).append(window)
    placements = []
    for window in WINDOW_ORDER:
        screen = chosen[window]
        group = sharing[screen.index]
        alone = len(group) == 1
        placements.append(
            Placement(
                window=window,
                screen=screen,
                fullscreen=kiosk and alone and window != "operator_console",
                share_index=group.index(window),
                share_count=len(group),
            )
        )
    if len(screens) < len(WINDOW_ORDER):
        shared = [
            f"{_join([WINDOW_TITLES[w] for w in group])} share screen"
            f" '{screens_by(screens, index).name}'"
            for index, group in sharing.items()
            if len(group) > 1
        ]
        count = f"{len(screens)} screen{'s' if len(screens) != 1 else ''}"
        messages.append(
            f"{count} for {len(WINDOW_ORDER)} windows: {'; '.join(shared)} as ordinary windows"
        )
    return Plan(tuple(placements), tuple(messages))


def screens_by(screens: Sequence[ScreenInfo], index: int) -> ScreenInfo:
    return next(s for s in screens if s.index == index)


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
