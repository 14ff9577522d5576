"""The windows kept in their places: placed from the plan (``placement.py``) at start,
placed again when a screen comes or goes, and put back one by one when the operator asks
(the console's Windows menu). In kiosk mode the walls and the guest panel refuse to be
closed, by the window manager or by the keyboard, until the room itself quits.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QInputDevice, QKeyEvent, QKeySequence, QScreen
from PySide6.QtWidgets import QWidget

from blueroom.ui.placement import (
    CONSOLE,
    WINDOW_ORDER,
    Placement,
    Plan,
    Rect,
    ScreenInfo,
    plan_placement,
    with_touch,
)

SETTLE_MS = 500  # screens come and go in bursts (a dock, a projector waking up)
FRAME_SETTLE_MS = 300  # a window manager's frame arrives after the window is shown


def _rect(area: QRect) -> Rect:
    return area.x(), area.y(), area.width(), area.height()


def touch_areas() -> list[Rect | None] | None:
    """The areas of the touch screens the platform reports (None: an area not known);
    None when the platform lists no input device at all (offscreen)."""
    devices = QInputDevice.devices()
    if not devices:
        return None
    areas: list[Rect | None] = []
    for device in devices:
        if device.type() == QInputDevice.DeviceType.TouchScreen:
            area = device.availableVirtualGeometry()
            areas.append(None if area.isEmpty() else _rect(area))
    return areas


def qt_screens(app: QGuiApplication) -> list[ScreenInfo]:
    primary = app.primaryScreen()
    screens = []
    for index, screen in enumerate(app.screens()):
        geometry = screen.geometry()
        available = screen.availableGeometry()
        screens.append(
            ScreenInfo(
                index=index,
                name=screen.name() or f"screen {index}",
                x=geometry.x(),
                y=geometry.y(),
                width=geometry.width(),
                height=geometry.height(),
                dpr=screen.devicePixelRatio(),
                primary=screen == primary,
                available=None if available.isEmpty() else _rect(available),
            )
        )
    return with_touch(screens, touch_areas())


def minimum_size(window: QWidget) -> tuple[int, int]:
    """The smallest size the window's layout allows (or was given)."""
    hint = window.minimumSizeHint().expandedTo(window.minimumSize())
    return max(hint.width(), 0), max(hint.height(), 0)


Shown = Literal["in place", "closed", "minimised", "elsewhere"]


@dataclass(frozen=True, slots=True)
class WindowState:
    """Where one window is, against where the plan puts it."""

    window: str
    placement: Placement
    shown: Shown
    screen: str | None  # the screen it is on now; None when closed


_CLOSE_KEYS = (QKeySequence.StandardKey.Close, QKeySequence.StandardKey.Quit)
_GUARDED_EVENTS = frozenset(
    {
        QEvent.Type.Quit,
        QEvent.Type.Close,
        QEvent.Type.KeyPress,
        QEvent.Type.ShortcutOverride,
        QEvent.Type.WindowStateChange,
    }
)


def closes(event: QKeyEvent) -> bool:
    """A key that closes a window or quits: Ctrl+W, Ctrl+F4, Ctrl+Q, Alt+F4."""
    if any(event.matches(key) for key in _CLOSE_KEYS):
        return True
    alt = bool(event.modifiers() & Qt.KeyboardModifier.AltModifier)
    return alt and event.key() == Qt.Key.Key_F4


class KioskGuard(QObject):
    """Keeps the walls and the guest panel open in kiosk mode.

    A close (the window manager's, a program's) is refused and the keys that close or
    quit do nothing on those windows, until the application quits: Qt 6 asks every
    window to close on ``quit()`` and a refusal would cancel the quit, so the guard
    steps aside when it sees the application's Quit event, or ``release()``.
    A window taken out of full screen or minimised is handed to ``restore``.
    """

    def __init__(
        self,
        app: QCoreApplication,
        windows: Sequence[QWidget],
        restore: Callable[[QWidget], None],
    ) -> None:
        super().__init__()
        self._app = app
        self._windows = list(windows)
        self._restore = restore
        self.released = False
        app.installEventFilter(self)  # key events reach the focused child, not the window
        app.aboutToQuit.connect(self.release)

    def guards(self, widget: QWidget) -> bool:
        return any(widget is window for window in self._windows)

    def release(self) -> None:
        if not self.released:
            self.released = True
            self._app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in _GUARDED_EVENTS or self.released:
            return False
        if kind == QEvent.Type.Quit:
            self.release()
            return False
        if not isinstance(watched, QWidget):
            return False
        if kind == QEvent.Type.Close:
            if self.guards(watched):
                event.ignore()
                return True
            return False
        if kind == QEvent.Type.WindowStateChange:
            if self.guards(watched):
                QTimer.singleShot(0, watched, lambda: self._restore(watched))
            return False
        assert isinstance(event, QKeyEvent)
        if self.guards(watched.window()) and closes(event):
            event.accept()  # a ShortcutOverride accepted: no shortcut fires for this key
            return True
        return False


class WindowKeeper(QObject):
    """Puts the five windows where the plan says, and keeps them there."""

    def __init__(
        self,
        app: QGuiApplication,
        windows: Mapping[str, QWidget],
        wanted: Mapping[str, int | str | None],
        *,
        kiosk: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._windows = dict(windows)
        self._wanted = dict(wanted)
        self.kiosk = kiosk
        self._plan: Plan | None = None
        self._minimum = {name: minimum_size(window) for name, window in self._windows.items()}
        self.guard: KioskGuard | None = None
        if kiosk:
            kept = [w for name, w in self._windows.items() if name != CONSOLE]
            self.guard = KioskGuard(app, kept, self._restore)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.place)
        app.screenAdded.connect(self._screens_changed)
        app.screenRemoved.connect(self._screens_changed)
        app.primaryScreenChanged.connect(self._screens_changed)

    @property
    def plan(self) -> Plan:
        if self._plan is None:
            self._plan = self._new_plan()
        return self._plan

    def _new_plan(self) -> Plan:
        return plan_placement(
            qt_screens(self._app), self._wanted, kiosk=self.kiosk, minimum=self._minimum
        )

    def _screens_changed(self, *_: object) -> None:
        self._settle.start()

    def place(self) -> Plan:
        """Every window on its screen; the console last, on top."""
        plan = self._plan = self._new_plan()
        for placement in sorted(plan.placements, key=lambda p: p.window == CONSOLE):
            if placement.window in self._windows:
                self._put(placement)
        console = self._windows.get(CONSOLE)
        if console is not None:
            console.raise_()
            console.activateWindow()
        return plan

    def bring_back(self, window: str) -> None:
        """The window shown again, on its screen, in front (screens are read again first:
        one may have gone)."""
        plan = self._new_plan()
        if _screens_of(plan) != _screens_of(self.plan):
            self.place()
        else:
            self._plan = plan
            self._put(plan.for_window(window))
        self._windows[window].raise_()

    def bring_all_back(self) -> None:
        self.place()

    def states(self) -> list[WindowState]:
        """Each window, where the plan puts it and whether it is there."""
        rows = []
        for name in WINDOW_ORDER:
            window = self._windows.get(name)
            if window is None:
                continue
            placement = self.plan.for_window(name)
            screen = window.screen() if window.isVisible() else None
            shown: Shown = "in place"
            if screen is None:
                shown = "closed"
            elif window.isMinimized():
                shown = "minimised"
            elif screen.name() != placement.screen.name:
                shown = "elsewhere"
            rows.append(WindowState(name, placement, shown, screen.name() if screen else None))
        return rows

    def stop(self) -> None:
        """Windows may close again (the room is stopping)."""
        if self.guard is not None:
            self.guard.release()
        self._settle.stop()

    # -- putting one window in its place ------------------------------------------------
    def _qt_screen(self, info: ScreenInfo) -> QScreen | None:
        screens = self._app.screens()
        if 0 <= info.index < len(screens) and screens[info.index].name() == info.name:
            return screens[info.index]
        return next((s for s in screens if s.name() == info.name), None)

    def _put(self, placement: Placement) -> None:
        window = self._windows[placement.window]
        screen = self._qt_screen(placement.screen)
        if screen is not None:
            window.setScreen(screen)
        frameless = bool(window.windowFlags() & Qt.WindowType.FramelessWindowHint)
        if frameless != placement.fullscreen:
            window.setWindowFlag(Qt.WindowType.FramelessWindowHint, placement.fullscreen)
        if placement.fullscreen:
            window.setGeometry(*placement.screen.geometry)
            window.showFullScreen()
            window.setCursor(Qt.CursorShape.BlankCursor)
            return
        if frameless:
            window.unsetCursor()
        area = placement.screen.work_area
        _fit_minimum(window, area[2], area[3])
        if window.isFullScreen() or window.isMaximized() or window.isMinimized():
            window.showNormal()
        window.setGeometry(*placement.rect)
        if placement.maximized:
            window.showMaximized()
            return
        window.show()
        _fit_frame(window, placement.rect, area)
        # a window manager may draw the frame a moment later: fit again then
        QTimer.singleShot(FRAME_SETTLE_MS, window, lambda: _fit_frame(window, placement.rect, area))

    def _restore(self, window: QWidget) -> None:
        """A kiosk window taken out of full screen or minimised goes back."""
        if self.guard is None or self.guard.released:
            return
        name = next((n for n, w in self._windows.items() if w is window), None)
        if name is None:
            return
        placement = self.plan.for_window(name)
        if window.isMinimized() or (placement.fullscreen and not window.isFullScreen()):
            self._put(placement)


def _screens_of(plan: Plan) -> dict[str, tuple[str, Rect]]:
    return {p.window: (p.screen.name, p.rect) for p in plan.placements}


def _fit_minimum(window: QWidget, width: int, height: int) -> None:
    """A window asking for more than its screen gets its screen: never larger (its
    panels must then make do: scroll, collapse)."""
    wanted_width, wanted_height = minimum_size(window)
    if wanted_width > width or wanted_height > height:
        window.setMinimumSize(min(wanted_width, width), min(wanted_height, height))


def _fit_frame(window: QWidget, rect: Rect, area: Rect) -> None:
    """The window with its frame (title bar, borders) in its place, or at least on its
    screen's work area when its place is smaller than it can be."""
    if not window.isVisible() or window.isMaximized() or window.isFullScreen():
        return
    frame, inner = window.frameGeometry(), window.geometry()
    if (frame.x(), frame.y(), frame.width(), frame.height()) == rect:
        return
    left, top = inner.x() - frame.x(), inner.y() - frame.y()
    across = left + frame.right() - inner.right()
    down = top + frame.bottom() - inner.bottom()
    _fit_minimum(window, area[2] - across, area[3] - down)
    x, y, width, height = rect
    window.setGeometry(x + left, y + top, width - across, height - down)
    frame = window.frameGeometry()  # kept larger by its minimum size: moved back inside
    ax, ay, aw, ah = area
    dx = min(0, ax + aw - (frame.x() + frame.width()))
    dy = min(0, ay + ah - (frame.y() + frame.height()))
    if dx or dy:
        window.move(max(ax, frame.x() + dx), max(ay, frame.y() + dy))
