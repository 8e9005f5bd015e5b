"""The text of a paper's report (its PDF), so search finds what only the report says.

A paper's page gives its summary and findings; the report holds the rest ("resilience" appears only there in
the demo, and a reader searching for it found nothing). The text is read with pypdf when the paper's entry is
built, a page of the PDF to a line, so a snippet is cut from one page's sentences.

Only what the reader of the page may read: a document in a collection with a view restriction is never read
into an entry (the entry's audience is the page's), and an unreleased paper's report is not read at all (the
caller decides). A file that cannot be read (missing, not a PDF, damaged, storage away) gives no text and a
warning; the entry is built without it.
"""

from __future__ import annotations

import logging
import re

from pypdf import PdfReader

from wagtail.models import CollectionViewRestriction

logger = logging.getLogger(__name__)

MAX_CHARS = 200_000  # about 30,000 words: a long report; beyond, the rest is not indexed
MAX_PAGES = 300
HYPHENATED = re.compile(r"(\w)-\n(\w)")
LINE_BREAKS = re.compile(r"\s*\n\s*")


def is_restricted(document) -> bool:
    collections = document.collection.get_ancestors(inclusive=True)
    return CollectionViewRestriction.objects.filter(collection__in=collections).exists()


def pdf_text(document) -> str:
    """The report's text, one line per PDF page, or "" (see the module's docstring)."""
    if document is None or not document.file.name.lower().endswith(".pdf") or is_restricted(document):
        return ""
    pages: list[str] = []
    size = 0
    try:
        with document.file.open("rb") as handle:
            for page in PdfReader(handle).pages[:MAX_PAGES]:
                text = LINE_BREAKS.sub(" ", HYPHENATED.sub(r"\1\2", page.extract_text() or "")).strip()
                if text:
                    pages.append(text)
                    size += len(text)
                if size >= MAX_CHARS:
                    break
    except Exception as error:  # noqa: BLE001 - a damaged upload or storage away: index the page without it
        logger.warning("The text of document %s could not be read for search: %s", document.pk, error)
        return ""
    return "\n".join(pages)[:MAX_CHARS]
