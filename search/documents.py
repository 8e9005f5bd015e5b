"""The text of a paper's report (its PDF), so search finds what only the report says.

A paper's page gives its summary and findings; the report holds the rest ("resilience" appears only there in
the demo, and a reader searching for it found nothing). The text is read with pypdf, a page of the PDF to a
line (a sentence that runs over a page break kept whole), without the cover and the running headers.

**Read by the worker, never in an editor's request.** A small hostile PDF can take minutes to read (a 13 KB
file with a 5 MB content stream, or pages sharing one heavy stream), so ``read_report`` runs as a task and
keeps the text (``DocumentText``, by file); entries use what was read and the task re-indexes the papers when
it has read one. Bulk loads and ``search_index rebuild`` read in their own process (``reading_inline``), so the
demo is completely searchable when ``make run`` first answers. Reading stops at ``MAX_BYTES`` of file, pypdf's
lowered decompression limits, ``MAX_PAGES``, ``MAX_CHARS`` or ``MAX_SECONDS``.

**Only what the page's readers may read**, decided whenever an entry is built: a document in a collection with
a view restriction is never part of an entry (and adding one re-indexes the papers: search.signal_handlers);
an unreleased paper's report is not used at all (the caller decides). A file that cannot be read (missing, not
a PDF, damaged, storage away) gives no text and a warning; the entry is built without it.
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
import time
from collections.abc import Iterator

from django_tasks import task
from pypdf import PdfReader, apply_configuration

from django.db import transaction

from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, Page

from .models import DocumentText

logger = logging.getLogger(__name__)
logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on every malformed file are noise here

MAX_BYTES = 50_000_000
MAX_PAGES = 300
MAX_CHARS = 200_000  # about 30,000 words: a long report; beyond, the rest is not indexed
MAX_SECONDS = 20.0
MAX_STREAM = 5_000_000  # decompressed bytes per stream (pypdf's own limit is 75 MB)
DIGITS = re.compile(r"\d+")
SPACES = re.compile(r"\s+")
SENTENCE_END = (".", "!", "?", ":", ";", "\u201d", '"', ")")
_inline = threading.local()


@contextlib.contextmanager
def reading_inline() -> Iterator[None]:
    """Within: a report not read yet is read here and now (bulk loads, rebuilds), not queued."""
    before = getattr(_inline, "on", False)
    _inline.on = True
    try:
        yield
    finally:
        _inline.on = before


def is_restricted(document) -> bool:
    collections = document.collection.get_ancestors(inclusive=True)
    return CollectionViewRestriction.objects.filter(collection__in=collections).exists()


def version(document) -> str:
    """Which file was read: a replaced file has another name (Wagtail keeps each upload's own)."""
    return f"{document.file.name}:{document.file_size or ''}:{document.file_hash}"[:400]


def report_text(document) -> str:
    """The text search may use for a released paper's report: "" if none may be used or none was read yet
    (then it is queued for the worker, or read here within ``reading_inline``)."""
    if document is None or not document.file.name.lower().endswith(".pdf") or is_restricted(document):
        return ""
    stored = DocumentText.objects.filter(document=document, version=version(document)).first()
    if stored is not None:
        return stored.text
    if getattr(_inline, "on", False):
        return read(document)
    pk = document.pk
    transaction.on_commit(lambda: read_report.enqueue(pk))
    return ""


def read(document) -> str:
    """Read the PDF now and keep its text; "" (kept too, so it is not read again) if it cannot be read."""
    text = pdf_text(document)
    DocumentText.objects.update_or_create(document=document, defaults={"version": version(document), "text": text})
    return text


def tidy(pages: list[list[str]]) -> str:
    """Pages of lines as search text: the cover and the running headers and footers left out (they repeat the
    paper's title and authors, and "page 3"), each page's lines joined, and a sentence that runs over a page
    break kept whole; a page that ends a sentence ends a line (the blocks snippets are cut from)."""
    if len(pages) >= 3:
        pages = pages[1:]  # the cover
    seen_on: dict[str, int] = {}
    for lines in pages:
        for key in {DIGITS.sub("#", line.strip()) for line in lines if line.strip()}:
            seen_on[key] = seen_on.get(key, 0) + 1
    repeated = {key for key, count in seen_on.items() if len(pages) >= 3 and count >= len(pages) / 2}
    text = ""
    for lines in pages:
        body = SPACES.sub(" ", " ".join(line for line in lines if DIGITS.sub("#", line.strip()) not in repeated))
        body = body.strip()
        if not body:
            continue
        joiner = "\n" if not text or text.endswith(SENTENCE_END) else " "
        text = f"{text}{joiner}{body}" if text else body
    return text


def pdf_text(document) -> str:
    """The file's text (``tidy``) within the limits above; "" if it cannot be read."""
    pages: list[list[str]] = []
    size = 0
    started = time.monotonic()
    try:
        if document.file.size > MAX_BYTES:
            raise ValueError(f"larger than {MAX_BYTES} bytes")
        limits = {
            "zlib_maximum_output_length": MAX_STREAM,
            "lzw_maximum_output_length": MAX_STREAM,
            "run_length_maximum_output_length": MAX_STREAM,
            "array_based_stream_maximum_output_length": MAX_STREAM,
        }
        with apply_configuration(**limits), document.file.open("rb") as handle:
            for page in PdfReader(handle).pages[:MAX_PAGES]:
                text = page.extract_text() or ""
                pages.append(text.split("\n"))
                size += len(text)
                if size >= MAX_CHARS or time.monotonic() - started > MAX_SECONDS:
                    break
    except Exception as error:  # noqa: BLE001 - a damaged upload or storage away: index the page without it
        logger.warning("The text of document %s could not be read for search: %s", document.pk, error)
        return ""
    return tidy(pages)[:MAX_CHARS]


@task()
def read_report(document_id: int) -> int:
    """Read one report (if not read already) and re-index the live papers it belongs to; how many."""
    from .indexing import refresh_pages  # indexing builds entries, which use this module

    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return 0
    if not DocumentText.objects.filter(document=document, version=version(document)).exists():
        read(document)
    papers = list(Page.objects.live().filter(paperpage__report=document).specific())
    refresh_pages(papers)
    return len(papers)
