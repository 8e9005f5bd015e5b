"""content/core/uploads.py: files are judged by their bytes; the admin's upload forms use the same check."""

from __future__ import annotations

import io
import zipfile

import pytest

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.models import Collection

from content.core.uploads import check_upload
from submissions.forms import ATTACHMENT_KINDS
from tests.submissions.submission_helpers import client_for, docx_bytes, pdf_bytes, png_bytes

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
    types = "[Content_Types].xml"
    assert check_upload(SimpleUploadedFile("s.xlsx", zipped(types, "xl/workbook.xml")), allowed) == "xlsx"
    assert check_upload(SimpleUploadedFile("s.pptx", zipped(types, "ppt/presentation.xml")), allowed) == "pptx"
    assert check_upload(SimpleUploadedFile("s.odt", zipped("mimetype", "content.xml")), allowed) == "odt"
    assert refusal("s.xlsx", zipped(types, "word/document.xml"), allowed).startswith("s.xlsx is a Word document")
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
