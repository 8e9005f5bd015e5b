"""Draw a simple, readable bar chart as a PNG for demo content (Pillow only).

The title wraps to the image's width (a long one used to run off the right edge) and the image grows
to fit it; bar labels wrap too, and the longest value always has room after its bar.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFont

WIDTH = 1200
MARGIN = 40
BAR_AREA_HEIGHT = 560
LABEL_WIDTH = 380  # the bar labels' column, left of the bars
BRAND = (18, 78, 102)
INK = (29, 33, 41)


def wrap(draw: ImageDraw.ImageDraw, text: str, font, width: float) -> list[str]:
    """Lines of ``text`` no wider than ``width`` pixels in ``font`` (a single overlong word keeps its own line)."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    if line:
        lines.append(line)
    return lines


def bar_chart_png(title: str, bars: Sequence[tuple[str, float]]) -> bytes:
    title_font = ImageFont.load_default(size=34)
    label_font = ImageFont.load_default(size=24)
    measure = ImageDraw.Draw(Image.new("RGB", (1, 1)))
    title_lines = wrap(measure, title, title_font, WIDTH - 2 * MARGIN)
    title_height = len(title_lines) * 44
    top = MARGIN + title_height + 30
    height = top + BAR_AREA_HEIGHT + MARGIN
    image = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(image)
    for number, line in enumerate(title_lines):
        draw.text((MARGIN, MARGIN + number * 44), line, font=title_font, fill=INK)
    values = [f"{value:g}" for _, value in bars]
    value_room = max((draw.textlength(text, font=label_font) for text in values), default=0) + 24
    left, right = MARGIN + LABEL_WIDTH, WIDTH - MARGIN - value_room
    biggest = max((value for _, value in bars), default=1) or 1
    row = BAR_AREA_HEIGHT / max(len(bars), 1)
    for index, ((label, value), value_text) in enumerate(zip(bars, values, strict=True)):
        y = top + index * row
        bar_height = row * 0.6
        length = (right - left) * (value / biggest)
        label_lines = wrap(draw, str(label), label_font, LABEL_WIDTH - 20)[:2]
        label_top = y + bar_height / 2 - 15 * len(label_lines)
        for number, line in enumerate(label_lines):
            draw.text((MARGIN, label_top + number * 30), line, font=label_font, fill=INK)
        draw.rectangle([left, y, left + length, y + bar_height], fill=BRAND)
        draw.text((left + length + 12, y + bar_height / 2 - 14), value_text, font=label_font, fill=INK)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
