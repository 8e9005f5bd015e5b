"""Small helpers for reading what a reader (or a crawler) receives."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def json_ld(response) -> list[dict]:
    """Every schema.org block on the page, parsed."""
    return [json.loads(tag.string) for tag in soup(response).find_all("script", type="application/ld+json")]


def text_of(response) -> str:
    return soup(response).get_text(" ", strip=True)
