"""Bar charts drawn from the editor's figures: SVG that scales (viewBox), a title that wraps, a full table."""

from __future__ import annotations

import re

import pytest

from django.test import Client

from content.core.blocks import BarChartBlock
from content.core.charts import BOLD, WIDTH, bar_chart, text_width
from content.papers.models import PaperPage

LONG_LABEL = "Neighbourhoods with a community centre, a library and a pub within walking distance"


def render(**value) -> str:
    block = BarChartBlock()
    data = {
        "title": "Community spaces per 10,000 residents",
        "unit": "",
        "bars": [{"label": "Doubly disadvantaged", "value": 3}, {"label": "England average", "value": 8}],
        "alt_text": "Doubly disadvantaged neighbourhoods have 3; England 8.",
        "caption": "",
    }
    data.update(value)
    return block.render(block.to_python(data))


def test_the_chart_is_an_svg_image_that_scales_with_its_title_as_text():
    html = render()
    svg = re.search(r"<svg[^>]*>", html).group(0)
    assert 'role="img"' in svg and 'aria-label="Doubly disadvantaged neighbourhoods have 3; England 8."' in svg
    assert re.search(r'viewBox="0 0 400 \d+"', svg)
    assert '<figcaption class="chart__title">Community spaces per 10,000 residents</figcaption>' in html
    # Bars in proportion to their values, from zero.
    widths = [float(width) for width in re.findall(r'class="chart__bar" x="0" y="[\d.]+" width="([\d.]+)"', html)]
    assert len(widths) == 2 and widths[0] == pytest.approx(widths[1] * 3 / 8, abs=0.1)


def test_the_block_previews_in_the_editor_with_its_own_example():
    block = BarChartBlock()
    html = block.render(block.get_preview_value())
    assert "Community spaces per 10,000 residents" in html and html.count('class="chart__bar"') == 2


def test_figures_show_as_typed_and_a_missing_one_as_a_dash():
    html = render(
        unit="%",
        bars=[
            {"label": "A", "value": 0.125},
            {"label": "B", "value": 1234.5},
            {"label": "C", "value": 2.675},
            {"label": "D", "value": None},
        ],
    )
    table = html[html.index("<table>") :]
    cells = re.findall(r'<td class="num">([^<]*)</td>', table)
    assert cells == ["0.125%", "1,234.5%", "2.675%", "–"]


@pytest.mark.parametrize(
    ("label", "value", "unit"),
    [
        ("W" * 60, 8, ""),
        ("Short", 12_345_678.25, ""),
        ("Share", 1234.5, "%"),
        ("A long label that says what a bar measures in many words", 99_999, "per 10,000 residents"),
    ],
)
def test_no_text_runs_past_the_chart(label, value, unit):
    """However long the label or the figure, nothing on the chart is wider than its viewBox (the estimate of
    each character's width is generous; Chromium checks the demo's charts at every width)."""
    chart = bar_chart([(label, value), ("Other", 1)], unit)
    for bar in chart.bars:
        assert text_width(bar.label) <= WIDTH
        assert bar.value_x + text_width(bar.value_shown, BOLD) <= WIDTH + 0.5
    assert chart.bars[0].full_label == label and chart.bars[0].value_text.startswith(f"{value:,}"[:5])


def test_every_label_and_value_is_in_the_table_in_full():
    html = render(unit="%", bars=[{"label": LONG_LABEL, "value": 68.5}, {"label": "Short", "value": 1234}])
    svg_text = re.findall(r'<text class="chart__label"[^>]*>([^<]*)</text>', html)
    assert svg_text[0].endswith("…") and LONG_LABEL.startswith(svg_text[0][:-1])
    table = html[html.index("<table>") :]
    assert f'<th scope="row">{LONG_LABEL}</th><td class="num">68.5%</td>' in table
    assert '<td class="num">1,234%</td>' in table


def test_a_unit_in_words_heads_the_figures_and_hostile_text_is_escaped():
    html = render(
        unit="per 10,000", bars=[{"label": "<script>alert(1)</script>", "value": 2}], caption="Source & note"
    )
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<th scope="col" class="num">Value (per 10,000)</th>' in html  # not after each bar: it would not fit
    assert re.search(r'<text class="chart__value" x="[\d.]+" y="32">2</text>', html)
    assert '<p class="chart__note">Source &amp; note</p>' in html


def test_all_zero_figures_draw_empty_bars_not_an_error():
    html = render(bars=[{"label": "None yet", "value": 0}])
    assert 'width="0.0"' in html and '<td class="num">0</td>' in html


@pytest.mark.django_db
def test_a_paper_draws_its_chart_as_svg_with_the_figures_in_a_table():
    paper = PaperPage.objects.get(slug="safe-at-home")
    html = Client().get(paper.url).content.decode()
    figure = html[html.index('<figure class="figure chart">') :]
    figure = figure[: figure.index("</figure>")]
    assert "<img" not in figure and 'class="chart__svg"' in figure
    assert "Illustrative rate of children entering care per 10,000 children" in figure
    assert '<th scope="row">Lowest</th><td class="num">42</td>' in figure
