"""Geometry of a bar chart an editor enters as figures (``BarChartBlock``): drawn as SVG by the template.

Each bar has its label on a line of its own above it, so the chart stays narrow (a 400-unit ``viewBox``)
and its text stays readable when a phone scales it down: at 320 px wide, 15-unit text is still about
10 px. The title is HTML above the chart and wraps like any text; a label too long for the line is cut
with an ellipsis, and the table under the chart has every label and value in full.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 400
LABEL_SIZE = 15  # font units; the template and CSS use the same
LABEL_HEIGHT = 19  # the label's line, baseline included
BAR_HEIGHT = 16
ROW_GAP = 12
VALUE_ROOM = 70  # right of the longest bar, for its value ("1,234.5 %")
MAX_LABEL = 44  # characters: at about 8.6 units a character in the site's sans-serif, a little under WIDTH


@dataclass(frozen=True)
class Bar:
    label: str
    full_label: str
    value: float
    value_text: str
    label_y: float
    y: float
    width: float
    value_x: float
    value_y: float


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    bars: list[Bar]


def format_value(value: float, unit: str = "") -> str:
    """12 → "12", 12.5 → "12.5", 1234 → "1,234"; then the unit ("%" joined, words after a space)."""
    number = f"{value:,.2f}".rstrip("0").rstrip(".")
    if not unit:
        return number
    return f"{number}{unit}" if unit in ("%", "‰") else f"{number} {unit}"


def shorten(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"


def bar_chart(rows: list[tuple[str, float]], unit: str = "") -> BarChart:
    """One horizontal bar per row, in the order entered, on a scale from zero to the largest value."""
    largest = max((value for _, value in rows), default=0) or 1
    span = WIDTH - VALUE_ROOM
    row_height = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP
    bars = []
    for index, (label, value) in enumerate(rows):
        top = index * row_height
        width = round(span * max(value, 0) / largest, 1)
        bar_y = top + LABEL_HEIGHT
        bars.append(
            Bar(
                label=shorten(label),
                full_label=label,
                value=value,
                value_text=format_value(value, unit),
                label_y=top + LABEL_SIZE,
                y=bar_y,
                width=width,
                value_x=round(width + 6, 1),
                value_y=bar_y + BAR_HEIGHT - 3,
            )
        )
    return BarChart(WIDTH, max(1, len(rows)) * row_height - ROW_GAP, bars)
