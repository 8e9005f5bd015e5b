"""Geometry of a bar chart an editor enters as figures (``BarChartBlock``): drawn as SVG by the template.

Each bar has its label on a line of its own above it, so the chart stays narrow (a 400-unit ``viewBox``)
and its text stays readable when a phone scales it down: at 320 px wide, 15-unit text is still about
10 px. The title is HTML above the chart and wraps like any text. Text is measured by an estimate of each
character's width in the site's sans-serif: a label too long for the line is cut with an ellipsis, and the
bars leave room after them for the widest value, so nothing runs past the chart. The table under the chart
has every label and value in full.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

WIDTH = 400
LABEL_SIZE = 15  # font units: the CSS's .chart__svg font-size
LABEL_HEIGHT = 19  # the label's line, baseline included
BAR_HEIGHT = 16
ROW_GAP = 12
VALUE_GAP = 6  # between a bar's end and its value
MIN_BAR_SPAN = WIDTH // 2  # values wider than the other half are cut, as labels are
# Widths of characters at LABEL_SIZE, in units: generous, so a real font's text is never wider.
NARROW, WIDE, DEFAULT = set("iIjl.,:;'!|() "), set("MWmw@%&"), 9.5
BOLD = 1.15  # values are bold


def text_width(text: str, scale: float = 1.0) -> float:
    """About how wide ``text`` is at LABEL_SIZE, in viewBox units."""
    return scale * sum(5.5 if c in NARROW else 16.5 if c in WIDE else 12.0 if c.isupper() else DEFAULT for c in text)


def fit(text: str, width: float, scale: float = 1.0) -> str:
    """``text``, cut with an ellipsis to fit ``width``."""
    if text_width(text, scale) <= width:
        return text
    while text and text_width(text + "…", scale) > width:
        text = text[:-1]
    return text.rstrip() + "…"


@dataclass(frozen=True)
class Bar:
    label: str
    full_label: str
    value_text: str
    value_shown: str
    label_y: float
    y: float
    width: float
    value_x: float
    value_y: float


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    bar_height: int
    bars: list[Bar]
    value_heading: str = "Value"


def is_symbol(unit: str) -> bool:
    """A unit short enough to follow each value on the chart ("%"); words ("per 10,000 children") head the
    table's column instead, and the title says them."""
    return 0 < len(unit) <= 2


def format_value(value: float | None, unit: str = "") -> str:
    """As the editor typed it, grouped: 12 → "12", 0.125 → "0.125", 1234.5 → "1,234.5"; a symbol unit joined
    ("68%"); a missing figure is a dash, never 0."""
    if value is None:
        return "–"
    number = f"{Decimal(repr(float(value))).normalize():,f}"
    return f"{number}{unit}" if is_symbol(unit) else number


def bar_chart(rows: list[tuple[str, float | None]], unit: str = "") -> BarChart:
    """One horizontal bar per row, in the order entered, on a scale from zero to the largest value."""
    values = [format_value(value, unit) for _, value in rows]
    value_room = min(WIDTH - MIN_BAR_SPAN, max((text_width(text, BOLD) for text in values), default=0) + VALUE_GAP)
    span = WIDTH - value_room
    largest = max((value or 0 for _, value in rows), default=0) or 1
    row_height = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    bars = []
    for index, ((label, value), value_text) in enumerate(zip(rows, values, strict=True)):
        top = index * row_height
        width = round(span * max(value or 0, 0) / largest, 1)
        bar_y = top + LABEL_HEIGHT
        bars.append(
            Bar(
                label=fit(label, WIDTH),
                full_label=label,
                value_text=value_text,
                value_shown=fit(value_text, WIDTH - width - VALUE_GAP + 0.5, BOLD),  # 0.5: the width is rounded
                label_y=top + LABEL_SIZE,
                y=bar_y,
                width=width,
                value_x=round(width + VALUE_GAP, 1),
                value_y=bar_y + BAR_HEIGHT - 3,
            )
        )
    heading = f"Value ({unit})" if unit and not is_symbol(unit) else "Value"
    return BarChart(WIDTH, max(1, len(rows)) * row_height - ROW_GAP, BAR_HEIGHT, bars, heading)
