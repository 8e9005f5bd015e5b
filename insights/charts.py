"""Server-side geometry for the dashboard's SVG charts: no script, no inline style, only SVG attributes.

Each chart has a role="img" and a label that sums it up; the table under it is the full,
accessible equivalent.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .reports import Report

WIDTH = 640
LABEL_WIDTH = 230  # horizontal bars: room for the label on the left
VALUE_WIDTH = 48  # and for the number at the end of the bar
BAR_ROW = 26
BAR_HEIGHT = 18
MAX_LABEL = 30  # at about 6.6 units a character, 34 reached past the left edge (222 units) in Chromium
MAX_BARS = 20  # a longer list is in the table only
COLUMN_HEIGHT = 200
COLUMN_TOP = 12
COLUMN_BOTTOM = 30  # room for the week labels
COLUMN_LEFT = 36  # room for the scale
LABEL_HALF_WIDTH = 24  # about half of a week label ("30 Nov") at the chart's 12px: centred nearer the edge, it is cut


@dataclass(frozen=True)
class Mark:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: int
    text_x: float
    text_y: float
    text_anchor: str = "middle"  # a column's label; the last one ends at the chart's edge instead of crossing it


@dataclass(frozen=True)
class Tick:
    y: float
    value: int


@dataclass(frozen=True)
class Chart:
    kind: str
    width: int
    height: int
    marks: list[Mark]
    ticks: list[Tick]
    summary: str
    axis_y: float = 0
    plot_left: float = 0
    label_x: float = LABEL_WIDTH - 8

    @property
    def scale_x(self) -> float:
        """Where the scale's numbers end, just left of the plot."""
        return self.plot_left - 6


def _shorten(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"


def nice_maximum(value: int) -> int:
    """A round top for the scale at or above ``value``: 1, 2, 5 or 10 times a power of ten."""
    if value <= 1:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power  # pragma: no cover - the loop always returns


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def summarise(report: Report) -> str:
    """One sentence for screen readers: what the chart shows and its largest values."""
    if report.is_empty:
        return f"{report.title}: nothing recorded yet."
    if report.chart == "columns":
        busiest = max(report.rows, key=lambda row: row.value)
        return (
            f"Column chart of {report.title.lower()} over {_plural(len(report.rows), 'week')}, "
            f"from {report.rows[0].label} to {report.rows[-1].label}: {report.total} in all; "
            f"the most, {busiest.value}, in the week starting {busiest.label}. The table below has every week."
        )
    largest = sorted((row for row in report.rows if row.value), key=lambda row: -row.value)
    leaders = ", ".join(f"{row.label} {row.value}" for row in largest[:3])
    more = f", and {len(largest) - 3} more" if len(largest) > 3 else ""
    return f"Bar chart of {report.title.lower()}; the largest: {leaders}{more}. The table below has every row."


def bar_chart(report: Report) -> Chart:
    """One horizontal bar per row (at most MAX_BARS), in the report's order."""
    rows = report.rows[:MAX_BARS]
    top = nice_maximum(max((row.value for row in rows), default=0))
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    marks = []
    for index, row in enumerate(rows):
        y = index * BAR_ROW + (BAR_ROW - BAR_HEIGHT) / 2
        length = round(span * row.value / top, 1)
        marks.append(
            Mark(
                x=LABEL_WIDTH,
                y=y,
                width=length,
                height=BAR_HEIGHT,
                label=_shorten(row.label),
                value=row.value,
                text_x=LABEL_WIDTH + length + 6,
                text_y=y + BAR_HEIGHT - 4,
            )
        )
    return Chart("bars", WIDTH, max(1, len(rows)) * BAR_ROW, marks, [], summarise(report))


def column_chart(report: Report) -> Chart:
    """One column per period (a week) on a scale from zero, with a few week labels underneath."""
    top = nice_maximum(max((row.value for row in report.rows), default=0))
    plot_height = COLUMN_HEIGHT - COLUMN_TOP - COLUMN_BOTTOM
    axis_y = COLUMN_TOP + plot_height
    slot = (WIDTH - COLUMN_LEFT) / max(1, len(report.rows))
    label_every = max(1, math.ceil(len(report.rows) / 6))
    marks = []
    for index, row in enumerate(report.rows):
        height = round(plot_height * row.value / top, 1)
        x = round(COLUMN_LEFT + index * slot + slot * 0.15, 1)
        show_label = index % label_every == 0 or index == len(report.rows) - 1
        text_x, anchor = round(x + slot * 0.35, 1), "middle"
        if text_x + LABEL_HALF_WIDTH > WIDTH:
            text_x, anchor = WIDTH, "end"
        marks.append(
            Mark(
                x=x,
                y=round(axis_y - height, 1),
                width=round(slot * 0.7, 1),
                height=height,
                label=_week_label(row.label) if show_label else "",
                value=row.value,
                text_x=text_x,
                text_y=axis_y + 18,
                text_anchor=anchor,
            )
        )
    # A middle line only where it falls on a whole number (the tops are 1, 2, 5, 10, 20, 50...).
    values = [0, top // 2, top] if top % 2 == 0 else [0, top]
    ticks = [Tick(round(axis_y - plot_height * value / top, 1), value) for value in values]
    return Chart(
        "columns", WIDTH, COLUMN_HEIGHT, marks, ticks, summarise(report), axis_y=axis_y, plot_left=COLUMN_LEFT
    )


def _week_label(label: str) -> str:
    """'3 Nov 2025' becomes '3 Nov' under a column: the table carries the year."""
    return label.rsplit(" ", 1)[0]


def chart_for(report: Report) -> Chart | None:
    if report.is_empty:
        return None
    return column_chart(report) if report.chart == "columns" else bar_chart(report)
