"""Uploaded files are judged by their bytes, not their names.

One check for every upload on the site (members' case-study attachments, editors' documents and
images in the admin): sniff what the file really is, make sure its name agrees, enforce the size
limit, and explain any refusal in words the uploader can act on.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import PurePath
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError

IMAGE_KINDS = frozenset({"png", "jpeg", "webp", "gif", "avif"})
TEXT_KINDS = frozenset({"csv", "txt"})
OFFICE_MAIN_PARTS = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
EXTENSIONS = {
    "pdf": {"pdf"},
    "docx": {"docx"},
    "odt": {"odt"},
    "xlsx": {"xlsx"},
    "pptx": {"pptx"},
    "csv": {"csv"},
    "txt": {"txt"},
    "png": {"png"},
    "jpeg": {"jpg", "jpeg"},
    "webp": {"webp"},
    "gif": {"gif"},
    "avif": {"avif"},
}
DESCRIPTIONS = {
    "pdf": "PDF",
    "docx": "Word document",
    "odt": "OpenDocument text",
    "xlsx": "Excel spreadsheet",
    "pptx": "PowerPoint presentation",
    "csv": "CSV file",
    "txt": "text file",
    "png": "PNG image",
    "jpeg": "JPEG image",
    "webp": "WebP image",
    "gif": "GIF image",
    "avif": "AVIF image",
}
PILLOW_FORMATS = {"PNG": "png", "JPEG": "jpeg", "WEBP": "webp", "GIF": "gif", "AVIF": "avif"}
MEGABYTE = 1024 * 1024


def describe_allowed(allowed: Iterable[str]) -> str:
    """'a PDF, Word document or image': the kinds in words, images as one."""
    allowed = set(allowed)
    names = [DESCRIPTIONS[kind] for kind in DESCRIPTIONS if kind in allowed and kind not in IMAGE_KINDS]
    if allowed & IMAGE_KINDS:
        names.append("image")
    words = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
    return ("an " if words[0].lower() in "aeio" else "a ") + words


def megabytes(size: int) -> str:
    """32 MB, 1.5 MB (whole megabytes where they are whole); below a tenth of a megabyte, KB."""
    if size < MEGABYTE // 10:
        return f"{-(-size // 1024)} KB"
    value = f"{size / MEGABYTE:.1f}".rstrip("0").rstrip(".")
    return f"{value} MB"


def size_limit_for(kind_or_extension: str) -> int:
    """The site's limit for this kind of file: the images limit for images, the documents limit otherwise."""
    if kind_or_extension in IMAGE_KINDS or kind_or_extension == "jpg":
        return settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    return settings.WAGTAILDOCS_MAX_UPLOAD_SIZE


def _file_size(upload: IO[bytes]) -> int:
    size = getattr(upload, "size", None)
    if size is not None:
        return size
    upload.seek(0, 2)
    size = upload.tell()
    upload.seek(0)
    return size


def _sniff_zip(upload: IO[bytes]) -> str | None:
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and "content.xml" in names and archive.read("mimetype").strip() == ODT_MIMETYPE:
                return "odt"
            if "[Content_Types].xml" not in names:
                return None
            for kind, main_part in OFFICE_MAIN_PARTS.items():
                if main_part in names:
                    return kind
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        return None
    return None


def _sniff_image(upload: IO[bytes]) -> str | None:
    from PIL import Image

    try:
        with Image.open(upload) as image:
            image_format = image.format
            image.verify()
    except Exception:  # noqa: BLE001 - Pillow raises many kinds of error for bytes that are not an image
        return None
    return PILLOW_FORMATS.get(image_format or "")


def _sniff_text(upload: IO[bytes]) -> bool:
    data = upload.read()
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


def sniff(upload: IO[bytes], extension: str = "") -> str | None:
    """What the bytes are ('pdf', 'docx', 'png', …), or None. Text only when the name says csv or txt."""
    try:
        upload.seek(0)
        head = upload.read(1024)
        upload.seek(0)
        if b"%PDF-" in head:
            return "pdf"
        if head.startswith(b"PK\x03\x04"):
            kind = _sniff_zip(upload)
            if kind:
                return kind
        upload.seek(0)
        kind = _sniff_image(upload)
        if kind:
            return kind
        upload.seek(0)
        if extension in TEXT_KINDS and _sniff_text(upload):
            return extension
        return None
    finally:
        upload.seek(0)


def check_upload(upload: IO[bytes], allowed: Iterable[str], *, name: str | None = None) -> str:
    """Check an uploaded file's size, content and name; return its kind or raise ValidationError.

    ``allowed`` holds the kinds this upload may be ('pdf', 'docx', 'odt', 'xlsx', 'pptx', 'csv',
    'txt', 'png', 'jpeg', 'webp', 'gif', 'avif'). The content decides the kind; the name's
    extension must then agree with it. Images are opened and verified with Pillow.
    """
    allowed = frozenset(allowed)
    name = PurePath(name or getattr(upload, "name", "") or "file").name
    extension = PurePath(name).suffix.lower().lstrip(".")
    size = _file_size(upload)
    limit = max(size_limit_for(kind) for kind in allowed) if allowed else settings.WAGTAILDOCS_MAX_UPLOAD_SIZE
    if size > limit:
        raise ValidationError(f"{name} is {megabytes(size)}; the limit is {megabytes(limit)}.", code="file_too_large")
    if size == 0:
        raise ValidationError(f"{name} is empty.", code="empty_file")
    kind = sniff(upload, extension)
    if kind is None or kind not in allowed:
        raise ValidationError(f"{name} is not {describe_allowed(allowed)}.", code="invalid_file_type")
    if size > size_limit_for(kind):
        raise ValidationError(
            f"{name} is {megabytes(size)}; the limit is {megabytes(size_limit_for(kind))}.",
            code="file_too_large",
        )
    if extension not in EXTENSIONS[kind]:
        right = sorted(EXTENSIONS[kind])[0] if kind != "jpeg" else "jpg"
        stem = PurePath(name).stem if extension else name
        raise ValidationError(
            f"{name} is a {DESCRIPTIONS[kind]}, but its name ends in .{extension or '(nothing)'}: "
            f"rename it {stem}.{right} and upload it again.",
            code="extension_mismatch",
        )
    return kind
