"""Draw a simple, readable bar chart as a PNG for demo content (Pillow only)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 700
BRAND = (18, 78, 102)
INK = (29, 33, 41)


def bar_chart_png(title: str, bars: Sequence[tuple[str, float]]) -> bytes:
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    title_font = ImageFont.load_default(size=34)
    label_font = ImageFont.load_default(size=24)
    draw.text((40, 30), title, font=title_font, fill=INK)
    top, bottom, left, right = 110, HEIGHT - 40, 420, WIDTH - 120
    biggest = max((value for _, value in bars), default=1) or 1
    row = (bottom - top) / max(len(bars), 1)
    for index, (label, value) in enumerate(bars):
        y = top + index * row
        bar_height = row * 0.6
        length = (right - left) * (value / biggest)
        draw.text((40, y + bar_height / 2 - 14), str(label)[:30], font=label_font, fill=INK)
        draw.rectangle([left, y, left + length, y + bar_height], fill=BRAND)
        draw.text((left + length + 12, y + bar_height / 2 - 14), f"{value:g}", font=label_font, fill=INK)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
