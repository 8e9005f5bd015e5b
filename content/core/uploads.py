"""Uploaded files are judged by their bytes, not their names.

One check for every upload on the site (members' case-study attachments, editors' documents and
images in the admin): sniff what the file really is, make sure its name agrees, enforce the size
limit, and explain any refusal in words the uploader can act on.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from pathlib import PurePath
from typing import IO
from xml.etree import ElementTree

from PIL import Image

from django.conf import settings
from django.core.exceptions import ValidationError

IMAGE_KINDS = frozenset({"png", "jpeg", "webp", "gif", "avif"})
TEXT_KINDS = frozenset({"csv", "txt"})
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
PIXELS_IN_MESSAGE = re.compile(r"\((\d+) pixels\)")


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


class UploadRefused(Exception):
    """The bytes are recognisably unsafe or unreadable; ``reason`` follows the file's name in the message."""

    def __init__(self, reason: str, code: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


# Office files are zips. Nothing inside is read until the archive's own directory says it is small.
MAX_ZIP_ENTRIES = 10_000
MAX_ZIP_UNCOMPRESSED = 200 * MEGABYTE
MAX_ZIP_RATIO = 100  # uncompressed : compressed, over the whole archive
ZIP_RATIO_FLOOR = MEGABYTE  # below this much unzipped, a high ratio does no harm (tiny, repetitive XML)
MAX_CONTENT_TYPES_SIZE = 512 * 1024
MAX_MIMETYPE_SIZE = 100
END_OF_CENTRAL_DIRECTORY = b"PK\x05\x06"
CONTENT_TYPES_PART = "[Content_Types].xml"
OFFICE_MAIN_CONTENT_TYPES = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "xlsx",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml": "pptx",
}
MARKUP_STARTS = (b"<!doctype", b"<html", b"<svg", b"<script", b"<?xml")
UTF8_BOM = b"\xef\xbb\xbf"


def _without_bom_and_space(head: bytes) -> bytes:
    return head.removeprefix(UTF8_BOM).lstrip()


def _check_zip_directory(upload: IO[bytes], size: int) -> None:
    """Refuse, from the end record alone, an archive claiming too many entries or a huge directory."""
    tail_size = min(size, 22 + 65_535)
    upload.seek(size - tail_size)
    tail = upload.read(tail_size)
    at = tail.rfind(END_OF_CENTRAL_DIRECTORY)
    if at < 0 or len(tail) < at + 22:
        return  # zipfile will find no archive either
    entries = int.from_bytes(tail[at + 10 : at + 12], "little")
    directory_size = int.from_bytes(tail[at + 12 : at + 16], "little")
    if entries > MAX_ZIP_ENTRIES or directory_size > MAX_ZIP_ENTRIES * 1024:
        raise UploadRefused(_too_many_entries(), "zip_too_many_entries")


def _too_many_entries() -> str:
    return f"holds more than {MAX_ZIP_ENTRIES:,} files inside; a document this complex cannot be checked."


def _check_zip_sizes(archive: zipfile.ZipFile, size: int) -> None:
    """Entries, total unzipped size and compression ratio, from the archive's directory (nothing read)."""
    infos = archive.infolist()
    if len(infos) > MAX_ZIP_ENTRIES:
        raise UploadRefused(_too_many_entries(), "zip_too_many_entries")
    total = sum(info.file_size for info in infos)
    if total > MAX_ZIP_UNCOMPRESSED:
        raise UploadRefused(
            f"would unzip to {megabytes(total)}, more than the {megabytes(MAX_ZIP_UNCOMPRESSED)} we can check.",
            "zip_too_large",
        )
    if total > ZIP_RATIO_FLOOR and total > MAX_ZIP_RATIO * max(size, 1):
        raise UploadRefused(
            f"unzips to {megabytes(total)} from {megabytes(size)}, far more than a real document "
            f"(over {MAX_ZIP_RATIO} to 1); it cannot be accepted.",
            "zip_ratio",
        )


def _read_entry(archive: zipfile.ZipFile, name: str, limit: int) -> bytes | None:
    """An entry's bytes if its declared size is within ``limit`` (and it really is), else None."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > limit:
        return None
    with archive.open(info) as entry:
        data = entry.read(limit + 1)
    return data if len(data) <= limit else None


def _office_kind(content_types: bytes, names: set[str]) -> str | None:
    """The kind whose main-part content type [Content_Types].xml declares for a part that is present."""
    lowered = content_types.lower()
    if b"<!doctype" in lowered or b"<!entity" in lowered:
        return None  # no DTDs, so no entity expansion
    try:
        root = ElementTree.fromstring(content_types)  # noqa: S314 - size-capped, DOCTYPE and ENTITY refused above
    except ElementTree.ParseError:
        return None
    kinds = set()
    for element in root:
        if element.tag.rsplit("}", 1)[-1] != "Override":
            continue
        kind = OFFICE_MAIN_CONTENT_TYPES.get((element.get("ContentType") or "").strip().lower())
        if kind and (element.get("PartName") or "").lstrip("/") in names:
            kinds.add(kind)
    return kinds.pop() if len(kinds) == 1 else None


def _sniff_zip(upload: IO[bytes], size: int) -> str | None:
    """ODT by its mimetype entry; docx, xlsx, pptx by the main part's content type. Zip bombs refused."""
    _check_zip_directory(upload, size)
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            _check_zip_sizes(archive, size)
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = _read_entry(archive, "mimetype", MAX_MIMETYPE_SIZE)
                if mimetype is not None and mimetype.strip() == ODT_MIMETYPE and "content.xml" in names:
                    return "odt"
                return None
            content_types = _read_entry(archive, CONTENT_TYPES_PART, MAX_CONTENT_TYPES_SIZE)
            if content_types is None:
                return None
            return _office_kind(content_types, names)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, KeyError, ValueError):
        return None


def _sniff_image(upload: IO[bytes]) -> str | None:
    try:
        with Image.open(upload) as image:
            image_format = image.format
            width, height = image.size
            if Image.MAX_IMAGE_PIXELS and width * height > Image.MAX_IMAGE_PIXELS:
                raise UploadRefused(_too_many_pixels(width * height), "image_too_many_pixels")
            image.verify()
    except Image.DecompressionBombError as error:
        found = PIXELS_IN_MESSAGE.search(str(error))
        raise UploadRefused(_too_many_pixels(int(found[1]) if found else None), "image_too_many_pixels") from error
    except UploadRefused:
        raise
    except Exception:  # noqa: BLE001 - Pillow raises many kinds of error for bytes that are not an image
        return None
    return PILLOW_FORMATS.get(image_format or "")


def _too_many_pixels(pixels: int | None) -> str:
    size = f"{pixels:,} pixels" if pixels else "too many pixels"
    return f"is too large ({size}); the most we accept is {Image.MAX_IMAGE_PIXELS:,} pixels."


def _sniff_text(upload: IO[bytes], extension: str) -> bool:
    data = upload.read()
    if b"\x00" in data:
        return False
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    if _without_bom_and_space(data[:1024]).lower().startswith(MARKUP_STARTS):
        raise UploadRefused(
            f"looks like a web page or XML file, not {describe_allowed({extension})}.", "markup_in_text"
        )
    return True


def sniff(upload: IO[bytes], extension: str = "") -> str | None:
    """What the bytes are ('pdf', 'docx', 'png', …), or None. Text only when the name says csv or txt.

    Raises UploadRefused for bytes that must not be accepted whatever the allowed kinds (zip bombs,
    decompression-bomb images, web pages named .csv or .txt).
    """
    try:
        size = _file_size(upload)
        upload.seek(0)
        head = upload.read(1024)
        upload.seek(0)
        if _without_bom_and_space(head).startswith(b"%PDF-"):
            return "pdf"
        if head.startswith(b"PK\x03\x04"):
            kind = _sniff_zip(upload, size)
            if kind:
                return kind
        upload.seek(0)
        kind = _sniff_image(upload)
        if kind:
            return kind
        upload.seek(0)
        if extension in TEXT_KINDS and _sniff_text(upload, extension):
            return extension
        return None
    finally:
        upload.seek(0)


def check_upload(upload: IO[bytes], allowed: Iterable[str], *, name: str | None = None) -> str:
    """Check an uploaded file's size, content and name; return its kind or raise ValidationError.

    ``allowed`` holds the kinds this upload may be ('pdf', 'docx', 'odt', 'xlsx', 'pptx', 'csv',
    'txt', 'png', 'jpeg', 'webp', 'gif', 'avif'). The content decides the kind; the name's
    extension must then agree with it. Images are opened and verified with Pillow. Zip bombs (too
    many entries, too much unzipped, too high a ratio), images over Pillow's pixel limit and web
    pages or XML named .csv or .txt are refused with their own reason.
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
    try:
        kind = sniff(upload, extension)
    except UploadRefused as refused:
        raise ValidationError(f"{name} {refused.reason}", code=refused.code) from refused
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
