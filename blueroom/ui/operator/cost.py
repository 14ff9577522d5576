"""What X costs the session, in one painted line under the ingest rate: the amount, the
budget as a thin bar (blue, amber from 80 %, red once reading stopped), the reads and
posts counted, and the date of the prices. The price table and what the figures mean
are in its tooltip.

One line and a bar: on a 1366×768 laptop the side column has some 50 pixels to spare.
Painted, like the feed rows: a new amount repaints this line, never the console.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from blueroom.core.cost import WARN_SHARE, CostSnapshot
from blueroom.core.readers import CostReader
from blueroom.ui import theme
from blueroom.ui.i18n import money, number, translate

BAR_HEIGHT = 4
GAP = 3


def cost_text(cost: CostSnapshot) -> str:
    """The line as the console writes it."""
    amount = money(cost.amount, cost.currency)
    if cost.budget > 0:
        spent = translate("CostLine", "{amount} of {budget}").format(
            amount=amount, budget=money(cost.budget, cost.currency)
        )
    else:
        spent = translate("CostLine", "{amount}, no budget").format(amount=amount)
    counts = translate("CostLine", "{reads} reads · {posts} posts").format(
        reads=number(cost.reads + cost.owned_reads),
        posts=number(cost.posts + cost.posts_with_link),
    )
    prices = translate("CostLine", "prices {date}").format(date=cost.prices_as_of)
    return f"{spent} · {counts} · {prices}"


def cost_tooltip(cost: CostSnapshot) -> str:
    c = cost.currency
    lines = [
        translate("CostLine", "X is pay-per-use: what this session has cost so far."),
        translate("CostLine", "Reads {amount}: {reads} posts, {owned} of the room's own").format(
            amount=money(cost.reads_amount, c),
            reads=number(cost.reads),
            owned=number(cost.owned_reads),
        ),
        translate(
            "CostLine", "Writes {amount}: {posts} posts, {linked} with a link, {media} media"
        ).format(
            amount=money(cost.writes_amount, c),
            posts=number(cost.posts),
            linked=number(cost.posts_with_link),
            media=number(cost.media),
        ),
        translate("CostLine", "Prices as published {date} (settings: [cost])").format(
            date=cost.prices_as_of
        ),
    ]
    if cost.deduplicated:
        lines.append(
            translate("CostLine", "{n} reads of posts already read today, not billed").format(
                n=number(cost.deduplicated)
            )
        )
    if cost.undeduplicated:
        lines.append(
            translate(
                "CostLine",
                "{n} reads counted without post ids: a post read twice today is counted"
                " twice here, once by X (the amount may be a little high)",
            ).format(n=number(cost.undeduplicated))
        )
    if cost.reached:
        lines.append(
            translate(
                "CostLine",
                "Budget reached: reading stopped; posting still works;"
                " raise cost.budget and start again to go on",
            )
        )
    elif cost.budget > 0:
        lines.append(translate("CostLine", "Reading stops at the budget; posting never does"))
    return "\n".join(lines)


def billing(cost: CostSnapshot) -> bool:
    """Whether the session has anything to say about X's bill: usage, or a budget."""
    return cost.budget > 0 or cost.amount > 0 or cost.reads + cost.owned_reads + cost.posts > 0


class CostLine(QWidget):
    def __init__(self, cost: CostReader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._cost = cost
        self._shown = CostSnapshot(version=-2)
        self._name_font = theme.font(14, QFont.Weight.DemiBold)
        self._value_font = theme.font(14, QFont.Weight.Normal)
        self._line = QFontMetricsF(self._value_font).height()
        self.setFixedHeight(round(self._line + GAP + BAR_HEIGHT))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.refresh()

    @property
    def shown(self) -> CostSnapshot:
        return self._shown

    def text(self) -> str:
        return cost_text(self._shown)

    def refresh(self) -> None:
        cost = self._cost.latest()
        if cost == self._shown:
            return
        self._shown = cost
        self.setToolTip(cost_tooltip(cost))
        # a room that reads nothing from X (a replay) and has no budget has nothing to say
        self.setVisible(billing(cost))
        self.update()

    def level(self) -> QColor:
        """Blue while under 80 % of the budget, amber from there, red once it is reached."""
        cost = self._shown
        if cost.reached:
            return theme.LIVE
        if cost.warned or cost.share >= WARN_SHARE:
            return theme.AMBER
        return theme.ACCENT

    def paintEvent(self, event: QPaintEvent) -> None:
        cost = self._shown
        painter = QPainter(self)
        painter.setFont(self._name_font)
        painter.setPen(theme.MUTED)
        name = translate("CostLine", "X cost")
        text_box = QRectF(0, 0, self.width(), self._line)
        painter.drawText(text_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        left = QFontMetricsF(self._name_font).horizontalAdvance(name) + 12
        painter.setFont(self._value_font)
        level = self.level()
        painter.setPen(theme.TEXT if level == theme.ACCENT else level)
        value_box = text_box.adjusted(left, 0, 0, 0)
        shown = QFontMetricsF(self._value_font).elidedText(
            cost_text(cost), Qt.TextElideMode.ElideRight, value_box.width()
        )
        painter.drawText(
            value_box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown
        )
        bar = QRectF(0, self._line + GAP, self.width(), BAR_HEIGHT)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(theme.DEEP)
        painter.drawRect(bar)
        if cost.budget > 0:
            share = min(1.0, cost.share)
            painter.setBrush(level)
            painter.drawRect(QRectF(bar.left(), bar.top(), bar.width() * share, bar.height()))
        painter.end()
