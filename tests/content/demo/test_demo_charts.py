"""The demo content's chart images: a long title wraps inside the image instead of running off its edge."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw, ImageFont

from content.demo.charts import MARGIN, WIDTH, bar_chart_png, wrap

LONG_TITLE = (
    "Illustrative rate of children's social care referrals per 10,000 children by level of neighbourhood deprivation"
)


def test_every_title_line_fits_inside_the_margins():
    font = ImageFont.load_default(size=34)
    draw = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    lines = wrap(draw, LONG_TITLE, font, WIDTH - 2 * MARGIN)
    assert len(lines) > 1 and " ".join(lines) == LONG_TITLE
    assert all(draw.textlength(line, font=font) <= WIDTH - 2 * MARGIN for line in lines)


def test_the_image_grows_to_fit_a_wrapped_title():
    short = Image.open(io.BytesIO(bar_chart_png("Short", [("A", 1), ("B", 2)])))
    long = Image.open(io.BytesIO(bar_chart_png(LONG_TITLE, [("A", 1), ("B", 2)])))
    assert short.width == long.width == WIDTH
    assert long.height > short.height
