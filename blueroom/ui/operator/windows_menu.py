"""The console's Windows menu: which window is on which screen, and a click to bring a
closed, minimised or lost one back to its screen.

It reads the window keeper (``ui/window_keeper.py``) when it opens; the composition root
attaches it to the console's menu bar (:func:`attach_windows_menu`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from blueroom.ui import theme
from blueroom.ui.i18n import translate
from blueroom.ui.placement import Placement, ScreenInfo
from blueroom.ui.window_keeper import WindowState

MENU_STYLE = f"""
QMenuBar {{ background: {theme.PANEL.name()}; color: {theme.TEXT.name()};
           border-bottom: 1px solid {theme.LINE.name()}; padding: 2px 8px; }}
QMenuBar::item {{ background: transparent; padding: 4px 10px; border-radius: 6px; }}
QMenuBar::item:selected {{ background: {theme.PANEL_HI.name()}; }}
QMenu {{ background: {theme.PANEL.name()}; color: {theme.TEXT.name()};
        border: 1px solid {theme.LINE.name()}; padding: 6px; }}
QMenu::item {{ padding: 6px 18px; border-radius: 6px; }}
QMenu::item:selected {{ background: {theme.ACCENT.name()}; }}
QMenu::item:disabled {{ color: {theme.MUTED.name()}; }}
QMenu::separator {{ height: 1px; background: {theme.LINE.name()}; margin: 6px 4px; }}
"""


class KeptWindows(Protocol):
    def states(self) -> Sequence[WindowState]: ...

    def bring_back(self, window: str) -> None: ...

    def bring_all_back(self) -> None: ...


def window_title(window: str) -> str:
    match window:
        case "operator_console":
            return translate("WindowsMenu", "Operator console")
        case "questions_wall":
            return translate("WindowsMenu", "Questions wall")
        case "video_wall":
            return translate("WindowsMenu", "Live video wall")
        case "heatmap_wall":
            return translate("WindowsMenu", "Heat-map wall")
        case "guest_panel":
            return translate("WindowsMenu", "Guest panel")
    return window


def screen_label(screen: ScreenInfo) -> str:
    """A screen as the operator can tell it: its name and size ("HDMI-1 (1920×1080)")."""
    return f"{screen.name} ({screen.width}×{screen.height})"


def _how(placement: Placement) -> str:
    screen = screen_label(placement.screen)
    if placement.fullscreen:
        return translate("WindowsMenu", "full screen on {screen}").format(screen=screen)
    if placement.behind:
        return translate("WindowsMenu", "behind the console on {screen}").format(screen=screen)
    return translate("WindowsMenu", "window on {screen}").format(screen=screen)


def describe(state: WindowState) -> str:
    """One line of the menu: the window, where it is, and what a click does."""
    title = window_title(state.window)
    screen = screen_label(state.placement.screen)
    match state.shown:
        case "closed":
            where = translate("WindowsMenu", "closed: click to reopen it on {screen}")
        case "minimised":
            where = translate("WindowsMenu", "minimised: click to show it on {screen}")
        case "elsewhere":
            where = translate("WindowsMenu", "on {current}: click to put it back on {screen}")
        case _:
            return f"{title} — {_how(state.placement)}"
    return f"{title} — {where.format(screen=screen, current=state.screen or '')}"


def notes(placements: Sequence[Placement]) -> list[str]:
    """Why windows are not where one would think, for the operator."""
    said = []
    for placement in placements:
        title = window_title(placement.window)
        if placement.missing is not None:
            said.append(
                translate(
                    "WindowsMenu", "{window}: the settings name a screen {wanted} that is not here"
                ).format(window=title, wanted=placement.missing)
            )
        if placement.reason == "guess":
            said.append(
                translate(
                    "WindowsMenu",
                    "{window}: no screen is known to have touch, so it went to the smallest"
                    " (choose with screens.guest_panel)",
                ).format(window=title)
            )
    shared: dict[str, list[str]] = {}
    for placement in placements:
        if placement.reason == "shared":
            shared.setdefault(screen_label(placement.screen), []).append(placement.window)
    for screen, windows in shared.items():
        said.append(
            translate("WindowsMenu", "Fewer screens than windows: {windows} share {screen}").format(
                windows=", ".join(window_title(w) for w in windows), screen=screen
            )
        )
    return said


class WindowsMenu(QMenu):
    """Each window with its screen; a click brings it back there."""

    def __init__(self, keeper: KeptWindows, parent: QWidget | None = None) -> None:
        super().__init__(translate("WindowsMenu", "&Windows"), parent)
        self.setObjectName("windowsMenu")
        self._keeper = keeper
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        states = self._keeper.states()
        for state in states:
            action = self.addAction(describe(state))
            action.setObjectName(state.window)
            action.triggered.connect(self._bring(state.window))
        self.addSeparator()
        every = self.addAction(translate("WindowsMenu", "Put every window back in its place"))
        every.setObjectName("every_window")
        every.triggered.connect(lambda: self._keeper.bring_all_back())
        if said := notes([state.placement for state in states]):
            self.addSeparator()
            for text in said:
                self.addAction(text).setEnabled(False)

    def _bring(self, window: str) -> Callable[[], None]:
        return lambda: self._keeper.bring_back(window)


def attach_windows_menu(console: QMainWindow, keeper: KeptWindows) -> WindowsMenu:
    bar = console.menuBar()
    bar.setStyleSheet(MENU_STYLE)
    menu = WindowsMenu(keeper, bar)
    bar.addMenu(menu)
    return menu
