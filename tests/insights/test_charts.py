"""Chart geometry: round scales, whole-number ticks, bars in proportion, a summary for screen readers."""

from __future__ import annotations

import pytest

from insights.charts import bar_chart, chart_for, column_chart, nice_maximum
from insights.reports import Report, Row


def report(values: list[int], chart: str = "bars") -> Report:
    return Report(
        slug="test",
        title="Things per week" if chart == "columns" else "Things by kind",
        description="",
        headings=("Label", "Things"),
        rows=[Row(f"{n + 1} Jan 2026", (value,)) for n, value in enumerate(values)],
        chart=chart,
    )


@pytest.mark.parametrize(("value", "top"), [(0, 1), (1, 1), (2, 2), (3, 5), (7, 10), (11, 20), (230, 500)])
def test_scales_end_on_a_round_number(value, top):
    assert nice_maximum(value) == top


def test_bars_are_in_proportion_to_the_largest():
    chart = bar_chart(report([10, 5, 0]))
    widths = [mark.width for mark in chart.marks]
    assert widths[0] == 2 * widths[1] and widths[2] == 0
    assert chart.summary == (
        "Bar chart of things by kind; the largest: 1 Jan 2026 10, 2 Jan 2026 5. The table below has every row."
    )


def test_column_ticks_are_whole_numbers():
    assert [tick.value for tick in column_chart(report([0, 3], "columns")).ticks] == [0, 5]
    assert [tick.value for tick in column_chart(report([0, 9], "columns")).ticks] == [0, 5, 10]


def test_nothing_to_draw_gives_no_chart():
    assert chart_for(report([0, 0])) is None
    assert chart_for(report([])) is None


def test_long_labels_are_shortened_in_the_chart_only():
    long = Report("t", "T", "", ("Label", "N"), [Row("A very long title for a paper about neighbourhoods", (1,))])
    assert bar_chart(long).marks[0].label.endswith("…") and len(bar_chart(long).marks[0].label) <= 30


@pytest.mark.parametrize("weeks", [1, 2, 5, 12, 13])
def test_every_week_label_stays_inside_the_chart(weeks):
    """A centred label whose half-width crosses the right edge ends at the edge instead (it used to be cut)."""
    from insights.charts import LABEL_HALF_WIDTH, WIDTH

    chart = column_chart(report(list(range(1, weeks + 1)), "columns"))
    for mark in (mark for mark in chart.marks if mark.label):
        if mark.text_anchor == "middle":
            assert LABEL_HALF_WIDTH <= mark.text_x <= WIDTH - LABEL_HALF_WIDTH
        else:
            assert mark.text_anchor == "end" and mark.text_x <= WIDTH
    assert chart.marks[-1].label, "the last week is always labelled"
