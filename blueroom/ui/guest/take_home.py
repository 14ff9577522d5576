"""Take it home: the photo's QR code (its page on the guest's phone, served by the room on
its own network, ``capture/handoff.py``) beside the room's Wi-Fi as a QR code (phones are
often on cellular), and once the photo is posted, the post's link.

The booth's done screen shows it; the console's gallery shows the same in a dialog for
the staff. ``take_home_for`` offers the photo and builds the widget.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QImage, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from blueroom.capture.handoff import Link, OfferRefused, PhotoHandoff
from blueroom.core.outbox import EntryState, OutboxSnapshot
from blueroom.ui import theme
from blueroom.ui.i18n import translate
from blueroom.ui.widgets.qr import qr_image

QR_SIDE = 280  # pixels: a phone reads it from a metre


def _label(text: str, size: float, *, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # an SSID or a link is shown as text
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    font = QFont(label.font())
    font.setPixelSize(round(size))
    font.setBold(bold)
    label.setFont(font)
    return label


class TakeHome(QWidget):
    """Two QR codes side by side with their captions, and the post's link below."""

    def __init__(
        self,
        link: Link | None,
        *,
        wifi_text: str = "",
        wifi_name: str = "",
        problem: str = "",
        side: int = QR_SIDE,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("takeHome")
        self.link = link
        self.setStyleSheet(f"QLabel {{ color: {theme.TEXT.name()}; }}")
        caption_size = max(14.0, side / 14)
        row = QHBoxLayout()
        row.setSpacing(round(side / 6))
        row.addStretch(1)
        self.photo_image = qr_image(link.url, side) if link is not None else QImage()
        self.photo_code = self._code(self.photo_image, side)
        photo_words = (
            translate("TakeHome", "Your photo on your phone")
            if link is not None
            else translate("TakeHome", "The photo's link is not available: {problem}").format(
                problem=problem or translate("TakeHome", "the photo server is not running")
            )
        )
        self.photo_caption = _label(photo_words, caption_size, bold=True)
        row.addLayout(self._column(self.photo_code, self.photo_caption, side))
        self.photo_code.setVisible(link is not None)
        self.wifi_image = qr_image(wifi_text, side) if wifi_text else QImage()
        self.wifi_code = self._code(self.wifi_image, side)
        self.wifi_caption = _label(
            translate("TakeHome", "No signal? Join the Wi-Fi “{name}”").format(name=wifi_name),
            caption_size,
        )
        self.wifi_column = QWidget()
        wifi_layout = self._column(self.wifi_code, self.wifi_caption, side)
        wifi_layout.setContentsMargins(0, 0, 0, 0)  # level with the photo's code beside it
        self.wifi_column.setLayout(wifi_layout)
        self.wifi_column.setVisible(bool(wifi_text))
        row.addWidget(self.wifi_column)
        row.addStretch(1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addLayout(row)
        self.post_label = _label("", caption_size)
        self.post_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.post_label.hide()
        box.addWidget(self.post_label)
        self.post_url = ""

    @staticmethod
    def _code(image: QImage, side: int) -> QLabel:
        code = QLabel()
        code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        code.setFixedSize(side, side)
        if not image.isNull():
            code.setPixmap(QPixmap.fromImage(image))
        return code

    @staticmethod
    def _column(code: QLabel, caption: QLabel, side: int) -> QVBoxLayout:
        column = QVBoxLayout()
        column.setSpacing(8)
        column.addWidget(code, 0, Qt.AlignmentFlag.AlignHCenter)
        caption.setFixedWidth(side + side // 4)
        column.addWidget(caption, 0, Qt.AlignmentFlag.AlignHCenter)
        column.addStretch(1)
        return column

    def set_post_url(self, url: str) -> None:
        """Once posted: the post's link, as text."""
        if url == self.post_url:
            return
        self.post_url = url
        self.post_label.setText(
            translate("TakeHome", "Posted: {url}").format(url=url) if url else ""
        )
        self.post_label.setVisible(bool(url))

    def follow(self, outbox: OutboxSnapshot) -> None:
        """Show the post's link when an entry posting this photo is posted."""
        if self.link is None:
            return
        for entry in outbox.entries:  # newest first
            if (
                entry.state is EntryState.POSTED
                and entry.url
                and _holds(entry.draft.media, self.link.path)
            ):
                self.set_post_url(entry.url)
                return


def _holds(media: tuple[str, ...], path: Path) -> bool:
    for item in media:
        try:
            if Path(item).resolve() == path:
                return True
        except (OSError, RuntimeError):
            continue
    return False


def take_home_for(
    handoff: PhotoHandoff | None,
    photo: Path,
    *,
    side: int = QR_SIDE,
    parent: QWidget | None = None,
) -> TakeHome:
    """The photo offered (a new link) and shown as a QR code with the Wi-Fi's; without a
    running server, or for a file it cannot offer, the widget says why instead."""
    if handoff is None or not handoff.running:
        return TakeHome(None, side=side, parent=parent)
    try:
        link = handoff.offer(photo)
    except OfferRefused as refused:
        return TakeHome(None, problem=str(refused), side=side, parent=parent)
    return TakeHome(
        link,
        wifi_text=handoff.wifi_text(),
        wifi_name=handoff.wifi_ssid,
        side=side,
        parent=parent,
    )
