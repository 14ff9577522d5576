"""Program and preview, as on a vision mixer: what is on air, and what is armed next.

The operator arms a question (preview), then takes it on air with one key; the one on
air before counts as answered.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from blueroom.core.questions import Question
from blueroom.ui import theme
from blueroom.ui.i18n import number, translate
from blueroom.ui.widgets.text import TextFits, clip, single_line


class ProgramPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_air: Question | None = None
        self._armed: Question | None = None
        self._fits = TextFits(size=8)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(268)

    def sizeHint(self) -> QSize:
        return QSize(420, 268)

    def set_questions(self, on_air: Question | None, armed: Question | None) -> None:
        if (on_air, armed) != (self._on_air, self._armed):
            self._on_air, self._armed = on_air, armed
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), theme.NIGHT)
        half = (self.height() - 12) / 2
        self._paint_box(
            painter,
            QRectF(1, 1, self.width() - 2, half - 2),
            translate("ProgramPanel", "ON AIR"),
            theme.LIVE,
            self._on_air,
            translate("ProgramPanel", "Nothing on air — arm a question (P) and take it (T)"),
            translate("ProgramPanel", "D answered"),
        )
        self._paint_box(
            painter,
            QRectF(1, half + 11, self.width() - 2, half - 2),
            translate("ProgramPanel", "PREVIEW"),
            theme.AMBER,
            self._armed,
            translate("ProgramPanel", "Select a question and press P to arm it"),
            translate("ProgramPanel", "T take on air"),
        )
        painter.end()

    def _paint_box(
        self,
        painter: QPainter,
        box: QRectF,
        label: str,
        colour: QColor,
        question: Question | None,
        empty: str,
        key: str,
    ) -> None:
        painter.setPen(QPen(colour if question else theme.LINE, 2))
        painter.setBrush(theme.PANEL)
        painter.drawRoundedRect(box, 10, 10)
        tag = QRectF(box.left() + 12, box.top() + 10, 86, 24)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour if question else theme.PANEL_HI)
        painter.drawRoundedRect(tag, 6, 6)
        painter.setPen(theme.NIGHT if question else theme.MUTED)
        painter.setFont(theme.font(13, QFont.Weight.Black))
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, label)
        painter.setFont(theme.font(12.5, QFont.Weight.DemiBold))
        painter.setPen(theme.MUTED)
        painter.drawText(
            QRectF(box.right() - 160, box.top() + 10, 148, 24),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            key if question else "",
        )
        body = box.adjusted(14, 42, -14, -10)
        if question is None:
            painter.setPen(theme.DIM)
            painter.setFont(theme.font(14, QFont.Weight.Medium))
            painter.drawText(body, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, empty)
            return
        who = single_line(question.handle or question.name or translate("ProgramPanel", "a fan"))
        painter.setPen(colour)
        painter.setFont(theme.font(14, QFont.Weight.Bold))
        if question.asked_by > 1:
            asked = question.asked_by
            who = translate("ProgramPanel", "{who}  ·  asked by %n", None, number, asked).format(
                who=who
            )
        painter.drawText(
            QRectF(body.left(), body.top(), body.width(), 20),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            who,
        )
        text_box = body.adjusted(0, 24, 0, 0)
        # Each line whole inside the card, or the text cut at a word (a laptop's console
        # gives the card two lines where a 1080p one gives three).
        fitted = self._fits.fit(  # laid out once per text and card size, not per paint
            single_line(clip(question.text, 220)),
            text_box,
            max_px=16,
            min_px=16,
            weight=QFont.Weight.DemiBold,
            align=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
        )
        fitted.draw(painter, text_box.topLeft(), theme.TEXT)
