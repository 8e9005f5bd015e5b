"""content/core/uploads.py: files are judged by their bytes; the admin's upload forms use the same check."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.models import Collection

from content.core.uploads import check_upload
from submissions.forms import ATTACHMENT_KINDS
from tests.submissions.submission_helpers import (
    OFFICE_PARTS,
    client_for,
    content_types_xml,
    docx_bytes,
    office_bytes,
    pdf_bytes,
    png_bytes,
)

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def refusal(name: str, content: bytes, allowed=ATTACHMENT_KINDS) -> str:
    with pytest.raises(ValidationError) as caught:
        check_upload(SimpleUploadedFile(name, content), allowed)
    return caught.value.messages[0]


def zipped(*names: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            text = "application/vnd.oasis.opendocument.text" if name == "mimetype" else "<x/>"
            archive.writestr(name, text)
    return buffer.getvalue()


def test_real_files_pass_and_report_their_kind():
    assert check_upload(SimpleUploadedFile("report.pdf", pdf_bytes()), ATTACHMENT_KINDS) == "pdf"
    assert check_upload(SimpleUploadedFile("notes.docx", docx_bytes()), ATTACHMENT_KINDS) == "docx"
    assert check_upload(SimpleUploadedFile("Chart.PNG", png_bytes()), ATTACHMENT_KINDS) == "png"


def test_a_program_renamed_pdf_is_refused_by_content():
    assert refusal("report.exe", EXE) == "report.exe is not a PDF, Word document or image."
    assert refusal("report.pdf", EXE) == "report.pdf is not a PDF, Word document or image."


def test_a_png_named_pdf_is_told_to_rename_it():
    assert refusal("chart.pdf", png_bytes()) == (
        "chart.pdf is a PNG image, but its name ends in .pdf: rename it chart.png and upload it again."
    )


def test_size_limit_is_stated_in_megabytes(settings):
    big = SimpleUploadedFile("report.pdf", pdf_bytes())
    big.size = 32 * 1024 * 1024
    with pytest.raises(ValidationError) as caught:
        check_upload(big, ATTACHMENT_KINDS)
    assert caught.value.messages == ["report.pdf is 32 MB; the limit is 20 MB."]


def test_images_have_the_images_limit(settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10
    assert "the limit is 1 KB" in refusal("chart.png", png_bytes())
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
    assert check_upload(SimpleUploadedFile("chart.png", png_bytes()), ATTACHMENT_KINDS) == "png"


def test_office_and_text_files_for_the_admin():
    allowed = {"pdf", "docx", "odt", "xlsx", "pptx", "csv", "txt"}
    assert check_upload(SimpleUploadedFile("s.xlsx", office_bytes("xlsx")), allowed) == "xlsx"
    assert check_upload(SimpleUploadedFile("s.pptx", office_bytes("pptx")), allowed) == "pptx"
    assert check_upload(SimpleUploadedFile("s.odt", zipped("mimetype", "content.xml")), allowed) == "odt"
    assert refusal("s.xlsx", office_bytes("docx"), allowed).startswith("s.xlsx is a Word document")
    assert check_upload(SimpleUploadedFile("data.csv", b"name,value\nLeeds,3\n"), allowed) == "csv"
    assert check_upload(SimpleUploadedFile("notes.txt", "Café notes".encode()), allowed) == "txt"
    assert refusal("data.csv", b"a,b\x00c", allowed).startswith("data.csv is not a PDF")
    assert refusal("data.txt", "x".encode("utf-16"), allowed).startswith("data.txt is not")
    assert refusal("plain.docx", zipped("readme.txt"), allowed).startswith("plain.docx is not")


@pytest.mark.django_db
def test_admin_document_upload_refuses_a_fake_pdf():
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("docs@example.org", "docs@example.org", "a-long-pass-1")
    client = client_for(admin)
    before = get_document_model().objects.count()
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Fake",
            "file": SimpleUploadedFile("fake.pdf", EXE),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert "fake.pdf is not a PDF" in response.content.decode()
    assert get_document_model().objects.count() == before
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Real",
            "file": SimpleUploadedFile("real.pdf", pdf_bytes()),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    assert get_document_model().objects.count() == before + 1


@pytest.mark.django_db
def test_admin_image_upload_refuses_a_pdf_named_png():
    from django.contrib.auth import get_user_model

    from wagtail.images import get_image_model

    admin = get_user_model().objects.create_superuser("pics@example.org", "pics@example.org", "a-long-pass-1")
    response = client_for(admin).post(
        "/admin/images/add/",
        {
            "title": "Not an image",
            "file": SimpleUploadedFile("chart.png", pdf_bytes()),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200
    assert not get_image_model().objects.filter(title="Not an image").exists()


# --- Hardening: zip bombs, content types, PDFs that only contain "%PDF-", markup as text, huge images ------

ALL_DOCUMENTS = {"pdf", "docx", "odt", "xlsx", "pptx", "csv", "txt"}


def _zip_with(entries: dict[str, bytes | int], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip in memory; an int entry is that many zero bytes, written in chunks (never held at once)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in entries.items():
            if isinstance(content, int):
                with archive.open(name, "w", force_zip64=True) as entry:
                    for _ in range(content // (1024 * 1024)):
                        entry.write(bytes(1024 * 1024))
            else:
                archive.writestr(name, content)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_before_anything_is_unzipped():
    import tracemalloc

    # 60 MB of zeros in a "mimetype" entry: about 60 KB zipped. The old check read it all.
    bomb = _zip_with({"mimetype": 60 * 1024 * 1024, "content.xml": b"<x/>"})
    assert len(bomb) < 200 * 1024
    tracemalloc.start()
    try:
        message = refusal("bomb.odt", bomb, ALL_DOCUMENTS)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024, f"peak {peak:,} bytes"
    assert message.startswith("bomb.odt unzips to 60 MB from ")
    assert "far more than a real document (over 100 to 1); it cannot be accepted." in message


def test_zips_with_too_many_entries_or_too_much_unzipped_are_refused(monkeypatch):
    from content.core import uploads

    many = _zip_with({f"part{number}.xml": b"<x/>" for number in range(12)})
    monkeypatch.setattr(uploads, "MAX_ZIP_ENTRIES", 10)
    assert refusal("many.docx", many, ALL_DOCUMENTS) == (
        "many.docx holds more than 10 files inside; a document this complex cannot be checked."
    )
    monkeypatch.setattr(uploads, "MAX_ZIP_ENTRIES", 10_000)
    monkeypatch.setattr(uploads, "MAX_ZIP_UNCOMPRESSED", 1024 * 1024)
    big = _zip_with({"[Content_Types].xml": 2 * 1024 * 1024}, zipfile.ZIP_STORED)
    assert refusal("big.docx", big, ALL_DOCUMENTS) == (
        "big.docx would unzip to 2 MB, more than the 1 MB we can check."
    )


def test_a_real_sized_office_file_is_not_mistaken_for_a_bomb():
    part, main_type = OFFICE_PARTS["docx"]
    words = [
        "footfall",
        "doubled",
        "in",
        "a",
        "year",
        "residents",
        "library",
        "hall",
        "council",
        "handover",
        "cost",
        "evidence",
    ]
    pick = random.Random(1)  # noqa: S311 - test text, not a secret
    text = "".join(
        f"<w:p><w:r><w:t>{' '.join(pick.choice(words) for _ in range(8))} {pick.randint(0, 99_999)}</w:t></w:r></w:p>"
        for _ in range(40_000)
    )  # 3.7 MB of XML, about 7 to 1 zipped, as Word's own files are
    document = _zip_with({"[Content_Types].xml": content_types_xml((part, main_type)).encode(), part: text.encode()})
    assert check_upload(SimpleUploadedFile("long.docx", document), ALL_DOCUMENTS) == "docx"


def test_office_files_need_the_main_parts_content_type():
    part, _ = OFFICE_PARTS["docx"]
    macro = "application/vnd.ms-word.document.macroEnabled.main+xml"
    for content_types in (
        "<Types/>",  # no content type for the main part
        content_types_xml((part, macro)),  # a macro-enabled .docm renamed .docx
        content_types_xml(("word/elsewhere.xml", OFFICE_PARTS["docx"][1])),  # declared part missing
        '<!DOCTYPE t [<!ENTITY x "y">]>' + content_types_xml((part, OFFICE_PARTS["docx"][1])),
        "not xml at all <",
    ):
        assert refusal("notes.docx", office_bytes("docx", content_types), ALL_DOCUMENTS).startswith(
            "notes.docx is not a PDF"
        ), content_types
    assert check_upload(SimpleUploadedFile("notes.docx", office_bytes("docx")), ALL_DOCUMENTS) == "docx"


def test_odt_needs_the_opendocument_text_mimetype():
    spreadsheet = _zip_with({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<x/>"})
    assert refusal("sheet.odt", spreadsheet, ALL_DOCUMENTS).startswith("sheet.odt is not a PDF")
    padded = _zip_with({"mimetype": b"application/vnd.oasis.opendocument.text" + b" " * 200, "content.xml": b"<x/>"})
    assert refusal("padded.odt", padded, ALL_DOCUMENTS).startswith("padded.odt is not a PDF")


def test_a_pdf_must_start_with_the_pdf_header():
    assert refusal("page.pdf", b"<html><body>" + pdf_bytes(), ALL_DOCUMENTS).startswith("page.pdf is not a PDF")
    assert refusal("prog.pdf", EXE[:20] + pdf_bytes(), ALL_DOCUMENTS).startswith("prog.pdf is not a PDF")
    assert check_upload(SimpleUploadedFile("bom.pdf", b"\xef\xbb\xbf \n" + pdf_bytes()), ALL_DOCUMENTS) == "pdf"


@pytest.mark.parametrize(
    "start", [b"<!DOCTYPE html>", b"<html>", b"  <SVG xmlns='x'>", b"\xef\xbb\xbf<script>", b"\n<?xml version='1.0'?>"]
)
def test_web_pages_and_xml_named_csv_or_txt_are_refused(start):
    content = start + b"<p>a,b</p>"
    assert refusal("data.csv", content, ALL_DOCUMENTS) == "data.csv looks like a web page or XML file, not a CSV file."
    assert refusal("notes.txt", content, ALL_DOCUMENTS).startswith("notes.txt looks like a web page or XML file")
    assert check_upload(SimpleUploadedFile("data.csv", b"name,<html> in a cell\n"), ALL_DOCUMENTS) == "csv"


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_an_image_with_too_many_pixels_is_refused_as_too_large(monkeypatch):
    from PIL import Image

    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)
    # 12 x 12 = 144 pixels: over the limit, Pillow only warns; 16 x 16 = 256: Pillow raises.
    for side in (12, 16):
        buffer = io.BytesIO()
        Image.new("RGB", (side, side), "teal").save(buffer, "PNG")
        assert refusal("chart.png", buffer.getvalue()) == (
            f"chart.png is too large ({side * side:,} pixels); the most we accept is 100 pixels."
        )
