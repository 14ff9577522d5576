"""The console's Guest menu: the guest's own X account for the session.

Sign the guest in on this computer (the browser opens X's approval page, and the
console shows its address), or from the guest's phone (a QR code on the guest panel),
and sign them out (their token is revoked; the session's end and quitting the room do
it too). The menu's first line says where the login stands.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from blueroom.ui.i18n import translate
from blueroom.x.guest import GuestState, GuestStatus


class GuestLogin(Protocol):
    def status(self) -> GuestStatus: ...

    def cannot_sign_in(self) -> str: ...

    def begin(self) -> str: ...

    def cancel(self) -> None: ...

    def request_sign_out(self, reason: str = ...) -> None: ...


def status_line(status: GuestStatus) -> str:
    match status.state:
        case GuestState.SIGNED_IN:
            return translate("GuestMenu", "Guest signed in to X as {handle}").format(
                handle=status.handle
            )
        case GuestState.WAITING:
            return translate("GuestMenu", "Waiting for the guest to approve on X…")
        case GuestState.FAILED:
            return translate("GuestMenu", "Guest sign-in failed: {reason}").format(
                reason=status.detail
            )
    return translate("GuestMenu", "Guest not signed in to X")


class GuestMenu(QMenu):
    def __init__(
        self,
        login: GuestLogin,
        say: Callable[[str], None],
        show_qr: Callable[[str], None],
        open_url: Callable[[str], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(translate("GuestMenu", "&Guest"), parent)
        self.setObjectName("guestMenu")
        self._login = login
        self._say = say
        self._show_qr = show_qr
        self._open_url = open_url or (lambda url: QDesktopServices.openUrl(QUrl(url)))
        self.last_url = ""
        self.aboutToShow.connect(self.rebuild)
        self.rebuild()

    def rebuild(self) -> None:
        self.clear()
        status = self._login.status()
        line = self.addAction(status_line(status))
        line.setObjectName("guestStatus")
        line.setEnabled(False)
        self.addSeparator()
        problem = self._login.cannot_sign_in()
        here = self.addAction(translate("GuestMenu", "Sign the guest in on this computer…"))
        here.setObjectName("signInHere")
        here.triggered.connect(self.sign_in_here)
        phone = self.addAction(translate("GuestMenu", "Sign the guest in from their phone (QR)"))
        phone.setObjectName("signInPhone")
        phone.triggered.connect(self.sign_in_by_phone)
        for action in (here, phone):
            action.setEnabled(not problem)
        if problem:
            reason = self.addAction(problem)
            reason.setEnabled(False)
        if status.state == GuestState.WAITING:
            cancel = self.addAction(translate("GuestMenu", "Cancel the sign-in"))
            cancel.setObjectName("cancelSignIn")
            cancel.triggered.connect(self._login.cancel)
        out = self.addAction(translate("GuestMenu", "Sign the guest out (revoke their token)"))
        out.setObjectName("signOut")
        out.setEnabled(status.state == GuestState.SIGNED_IN)
        out.triggered.connect(self.sign_out)

    def sign_in_here(self) -> None:
        url = self._login.begin()
        if not url:
            self._say(status_line(self._login.status()))
            return
        self.last_url = url
        opened = self._open_url(url)
        if opened:
            text = translate("GuestMenu", "X's sign-in page opened in the browser: {url}")
        else:
            text = translate(
                "GuestMenu", "Open this address in a browser to sign the guest in: {url}"
            )
        self._say(text.format(url=url))

    def sign_in_by_phone(self) -> None:
        url = self._login.begin()
        if not url:
            self._say(status_line(self._login.status()))
            return
        self.last_url = url
        self._show_qr(url)
        self._say(translate("GuestMenu", "The sign-in QR code is on the guest panel"))

    def sign_out(self) -> None:
        self._login.request_sign_out("signed out by the operator")
        self._say(translate("GuestMenu", "Signing the guest out of X…"))


def attach_guest_menu(
    console: QMainWindow,
    login: GuestLogin,
    show_qr: Callable[[str], None],
    say: Callable[[str], None] | None = None,
) -> GuestMenu:
    """The Guest menu on the console's menu bar (after the Windows menu)."""
    menu = GuestMenu(
        login,
        say or (lambda text: console.statusBar().showMessage(text, 15000)),
        show_qr,
        parent=console,
    )
    console.menuBar().addMenu(menu)
    return menu
