"""Bar charts drawn from the editor's figures: SVG that scales (viewBox), a title that wraps, a full table."""

from __future__ import annotations

import re

import pytest

from django.test import Client

from content.core.blocks import BarChartBlock
from content.core.charts import MAX_LABEL, VALUE_ROOM, WIDTH
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
    # The largest value fills the plot; the others are in proportion, from zero.
    widths = [
        float(width) for width in re.findall(r'<rect class="chart__bar" x="0" y="[\d.]+" width="([\d.]+)"', html)
    ]
    assert widths == [round((WIDTH - VALUE_ROOM) * 3 / 8, 1), WIDTH - VALUE_ROOM]


def test_every_label_and_value_is_in_the_table_in_full():
    html = render(unit="%", bars=[{"label": LONG_LABEL, "value": 68.5}, {"label": "Short", "value": 1234}])
    svg_text = re.findall(r'<text class="chart__label"[^>]*>([^<]*)</text>', html)
    assert svg_text[0] == LONG_LABEL[: MAX_LABEL - 1].rstrip() + "…" and len(svg_text[0]) <= MAX_LABEL
    table = html[html.index("<table>") :]
    assert f'<th scope="row">{LONG_LABEL}</th><td class="num">68.5%</td>' in table
    assert '<td class="num">1,234%</td>' in table


def test_words_after_a_value_and_hostile_text_escaped():
    html = render(
        unit="per 10,000", bars=[{"label": "<script>alert(1)</script>", "value": 2}], caption="Source & note"
    )
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "2 per 10,000" in html and '<p class="chart__note">Source &amp; note</p>' in html


def test_all_zero_figures_draw_empty_bars_not_an_error():
    html = render(bars=[{"label": "None yet", "value": 0}])
    assert 'width="0.0"' in html or 'width="0"' in html


@pytest.mark.django_db
def test_demo_papers_draw_their_charts_as_svg_not_pictures():
    paper = PaperPage.objects.get(slug="safe-at-home")
    html = Client().get(paper.url).content.decode()
    assert html.count('class="chart__svg"') >= 1
    assert "Illustrative rate of children entering care per 10,000 children" in html
    assert "-chart-" not in html  # the PNG pictures the demo used to draw
