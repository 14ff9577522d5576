"""The feeds: the ingest rate over the last minutes, what X has cost the session (against
its budget), and one row per feed with its state
(sources and where they are, the camera, the journal, the bus queues) and any failure
seen in the engine or a worker, kept in red.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from blueroom.core.bus import SubscriptionStats
from blueroom.core.events import CameraState, SourceState
from blueroom.core.readers import CostReader, MetricsReader
from blueroom.problems import Problem
from blueroom.sources import x_status as fig
from blueroom.sources.source import SourceStats
from blueroom.store.journal import WriterStats
from blueroom.ui import words
from blueroom.ui.i18n import decimal, number, translate
from blueroom.ui.operator.cost import CostLine
from blueroom.ui.operator.health import HealthPanel
from blueroom.ui.operator.labels import title_label
from blueroom.ui.widgets.sparkline import Sparkline
from blueroom.ui.widgets.text import single_line


class Feeds(QWidget):
    def __init__(
        self,
        metrics: MetricsReader,
        *,
        bus_stats: Callable[[], list[SubscriptionStats]],
        journal_stats: Callable[[], WriterStats],
        sources: Callable[[], list[SourceStats]],
        problems: Callable[[], list[Problem]],
        say: Callable[[str], None],
        cost: CostReader | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._metrics = metrics
        self._bus_stats = bus_stats
        self._journal_stats = journal_stats
        self._sources = sources
        self._problems = problems
        self._problems_shown: list[Problem] = []
        self._say = say
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(8)
        box.addWidget(title_label(translate("Feeds", "Ingest — posts per second")))
        self.rate_plot = Sparkline()
        self.rate_plot.setMinimumHeight(40)  # a laptop's console gives it less than half
        self.rate_plot.setMaximumHeight(100)
        box.addWidget(self.rate_plot)
        self.cost = CostLine(cost) if cost is not None else None
        if self.cost is not None:
            box.addWidget(self.cost)
        box.addWidget(title_label(translate("Feeds", "Feeds")))
        self.health = HealthPanel()
        box.addWidget(self.health)

    def refresh_cost(self) -> None:
        if self.cost is not None:
            self.cost.refresh()

    def refresh_rate(self) -> None:
        self.rate_plot.set_values(self._metrics.latest().rate_history)

    def refresh_problems(self) -> None:
        """A new failure in the engine or a worker: said at once, and kept in the rows."""
        problems = self._problems()
        if problems == self._problems_shown:
            return
        known = {p.where: p.count for p in self._problems_shown}
        self._problems_shown = list(problems)
        for problem in problems:
            self.health.set_row(
                problem.where,
                f"{number(problem.count)}× — {single_line(problem.summary)}",
                alert=True,
            )
            if problem.count != known.get(problem.where):
                self._say(f"⚠ {problem.where}: {single_line(problem.summary)}")

    def refresh_states(self) -> None:
        metrics = self._metrics.latest()
        health = self.health
        positions = {stats.name: stats for stats in self._sources()}
        for source in metrics.sources:
            stats = positions.get(source.name)
            state = words.source_state(source.state)
            detail = single_line(words.source_detail(source.detail))
            if stats and stats.position:
                posts = stats.posts
                text = translate(
                    "Feeds", "{state} — {detail} — {position}, %n post(s)", None, number, posts
                ).format(state=state, detail=detail, position=words.source_detail(stats.position))
            else:
                text = translate("Feeds", "{state} — {detail}").format(state=state, detail=detail)
            failed = source.state == SourceState.FAILED
            foreign = bool(stats and fig.figure(stats.figures, fig.FOREIGN_RULES))
            reads_x = stats is not None and stats.kind.startswith(("live", "search"))
            source_row = translate("Feeds", "source · {name}").format(name=source.name)
            if reads_x and not (failed or foreign):
                health.remove_row(source_row)  # the X row below says how it is doing
            else:
                health.set_row(  # one line while all is well; a failure in full
                    source_row, text, alert=failed or foreign, wrap=failed or foreign
                )
            if stats is not None and reads_x:
                health.set_row(
                    translate("Feeds", "X · {name}").format(name=stats.kind),
                    x_connection(stats, time.time()),
                    alert=not failed and _x_struggling(stats),
                    wrap=False,
                )
        camera = translate("Feeds", "{state} — {detail}").format(
            state=words.camera_state(metrics.camera),
            detail=single_line(words.camera_detail(metrics.camera_detail)),
        )
        lost = metrics.camera is CameraState.LOST
        health.set_row(translate("Feeds", "camera"), camera, alert=lost, wrap=lost)
        journal = self._journal_stats()
        if journal.healthy:
            written = translate(
                "Feeds", "ok — {written} events written, last batch {milliseconds} ms"
            ).format(
                written=number(journal.written), milliseconds=decimal(journal.last_batch_ms, 1)
            )
            health.set_row(translate("Feeds", "journal"), written, wrap=False)
        else:
            health.set_row(translate("Feeds", "journal"), single_line(journal.error), alert=True)
        for queue in self._bus_stats():
            text = translate("Feeds", "{queued} queued, {delivered} delivered, {shed} shed").format(
                queued=number(queue.queued),
                delivered=number(queue.delivered),
                shed=number(queue.shed),
            )
            if queue.stalled:
                text = translate("Feeds", "{queue} — STALLED").format(queue=text)
            health.set_row(
                translate("Feeds", "bus · {name}").format(name=queue.name),
                text,
                alert=queue.shed > 0,
                wrap=False,
            )


def _x_struggling(stats: SourceStats) -> bool:
    """Not connected and waiting to try again: the operator should see it at once."""
    figures = stats.figures
    return not fig.figure(figures, fig.CONNECTED) and bool(fig.figure(figures, fig.NEXT_TRY_AT))


def _ago(seconds: float) -> str:
    if seconds < 90:
        return translate("Feeds", "{seconds} s ago").format(seconds=max(0, round(seconds)))
    if seconds < 5400:
        return translate("Feeds", "{minutes} min ago").format(minutes=round(seconds / 60))
    return translate("Feeds", "{hours} h ago").format(hours=round(seconds / 3600))


def x_connection(stats: SourceStats, now: float) -> str:
    """One line of a live X source: connection, last post, reconnects, back-fill and the
    rate-limit budget, from its figures."""
    figures = stats.figures
    parts: list[str] = []
    if fig.figure(figures, fig.CONNECTED):
        parts.append(translate("Feeds", "connected"))
    else:
        next_try = fig.figure(figures, fig.NEXT_TRY_AT)
        if next_try:
            parts.append(
                translate("Feeds", "reconnecting in {seconds} s").format(
                    seconds=max(0, round(next_try - now))
                )
            )
        else:
            parts.append(translate("Feeds", "not connected"))
    last = fig.figure(figures, fig.LAST_POST_AT)
    parts.append(
        translate("Feeds", "last post {ago}").format(ago=_ago(now - last))
        if last
        else translate("Feeds", "no post yet")
    )
    reconnects = int(fig.figure(figures, fig.RECONNECTS))
    stalls = int(fig.figure(figures, fig.STALLS))
    reconnected = translate("Feeds", "%n reconnect(s)", None, number, reconnects)
    if stalls:
        reconnected += " " + translate("Feeds", "(%n stall(s))", None, number, stalls)
    parts.append(reconnected)
    if fig.figure(figures, fig.BACKFILL_REFUSED):
        parts.append(translate("Feeds", "no back-fill (access)"))
    else:
        gaps = int(fig.figure(figures, fig.BACKFILLS))
        parts.append(
            translate("Feeds", "back-filled {posts} in %n gap(s)", None, number, gaps).format(
                posts=number(int(fig.figure(figures, fig.BACKFILLED)))
            )
        )
    remaining = fig.figure(figures, fig.RATE_REMAINING, -1.0)
    if remaining >= 0:
        limit = fig.figure(figures, fig.RATE_LIMIT, -1.0)
        reset = fig.figure(figures, fig.RATE_RESET_AT)
        budget = translate("Feeds", "search budget {left}/{limit}").format(
            left=number(int(remaining)), limit=number(int(limit)) if limit >= 0 else "?"
        )
        if reset > now:
            budget += " " + translate("Feeds", "(resets in {minutes} min)").format(
                minutes=max(1, round((reset - now) / 60))
            )
        parts.append(budget)
    recorded = fig.figure(figures, fig.RECORDED, -1.0)
    if recorded >= 0:
        parts.append(
            translate("Feeds", "{lines} lines recorded").format(lines=number(int(recorded)))
        )
    return " · ".join(parts)
