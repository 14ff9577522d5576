"""The guest's X sign-in on the guest panel: a card over the panel with a QR code the
guest scans with their phone, and where the login stands.

The operator puts it up (the console's Guest menu); it follows the login
(``x/guest.py``) and goes away by itself a few seconds after the guest has signed in,
or when the guest taps "Not now". The redirect must reach this machine from the phone:
the setting ``x.guest_redirect_host`` is then this machine's LAN address (README).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QFont, QHideEvent, QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from blueroom.ui import theme
from blueroom.ui.i18n import translate
from blueroom.ui.widgets.qr import qr_image
from blueroom.x.guest import GuestState, GuestStatus

POLL_MS = 400
GONE_AFTER_SIGN_IN_MS = 4000
QR_SIDE = 320  # pixels: a phone reads it from a metre


class GuestLoginView(Protocol):
    def status(self) -> GuestStatus: ...

    def cancel(self) -> None: ...


class SignInCard(QWidget):
    """A card centred over its parent (the guest panel)."""

    def __init__(self, login: GuestLoginView, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("guestSignInCard")
        self._login = login
        self._url = ""
        self._qr = QImage()
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet(
            f"#guestSignInCard {{ background: {theme.PANEL.name()}; border-radius: 24px;"
            f" border: 1px solid {theme.LINE.name()}; }}"
            f"QLabel {{ color: {theme.TEXT.name()}; }}"
            f"QPushButton {{ color: {theme.TEXT.name()}; background: {theme.PANEL_HI.name()};"
            " border-radius: 12px; padding: 14px 28px; font-size: 20px; }"
        )
        self.title = QLabel(translate("SignInCard", "Sign in with your X account"))
        title_font = QFont(self.title.font())
        title_font.setPointSizeF(24)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.code = QLabel()
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setMinimumSize(QR_SIDE, QR_SIDE)
        self.line = QLabel()
        self.line.setTextFormat(Qt.TextFormat.PlainText)  # X's words are shown as text
        self.line.setWordWrap(True)
        self.line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        line_font = QFont(self.line.font())
        line_font.setPointSizeF(16)
        self.line.setFont(line_font)
        self.not_now = QPushButton(translate("SignInCard", "Not now"))
        self.not_now.clicked.connect(self._dismiss)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 30, 36, 30)
        layout.setSpacing(16)
        layout.addWidget(self.title, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.code, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.line)
        layout.addWidget(self.not_now, 0, Qt.AlignmentFlag.AlignHCenter)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.follow)
        self._leave = QTimer(self)
        self._leave.setSingleShot(True)
        self._leave.timeout.connect(self.hide)
        parent.installEventFilter(self)
        self.hide()

    def show_for(self, url: str) -> None:
        """Put the card up with ``url`` (the login's authorize link) as a QR code."""
        self._url = url
        self._qr = qr_image(url, QR_SIDE)
        self.code.setPixmap(QPixmap.fromImage(self._qr))
        self._leave.stop()
        self.follow()
        self._centre()
        self.show()
        self.raise_()
        self._poll.start()

    @property
    def qr(self) -> QImage:
        return self._qr

    def follow(self) -> None:
        """Say where the login stands; leave a little after the guest has signed in."""
        status = self._login.status()
        match status.state:
            case GuestState.WAITING:
                self.line.setText(
                    translate("SignInCard", "Scan with your phone's camera, then approve on X.")
                )
            case GuestState.SIGNED_IN:
                self.line.setText(
                    translate("SignInCard", "Signed in as {handle}. Thank you!").format(
                        handle=status.handle
                    )
                )
                if not self._leave.isActive():
                    self._leave.start(GONE_AFTER_SIGN_IN_MS)
                self.code.setPixmap(QPixmap())
            case GuestState.FAILED:
                self.line.setText(
                    translate("SignInCard", "Sign-in did not work: {reason}").format(
                        reason=status.detail
                    )
                )
            case _:
                self.hide()

    def hideEvent(self, event: QHideEvent) -> None:
        self._poll.stop()
        super().hideEvent(event)

    def _dismiss(self) -> None:
        if self._login.status().state == GuestState.WAITING:
            self._login.cancel()
        self.hide()

    def _centre(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        self.adjustSize()
        width = min(self.sizeHint().width(), parent.width())
        height = min(self.sizeHint().height(), parent.height())
        self.setGeometry(
            (parent.width() - width) // 2, (parent.height() - height) // 2, width, height
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._centre()
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(theme.LINE)
        painter.setBrush(theme.PANEL)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 24, 24)
