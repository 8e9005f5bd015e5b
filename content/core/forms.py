"""Wagtail admin upload forms that check files by content (content/core/uploads.py), like the site's own."""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from .uploads import EXTENSIONS, check_upload


def _kinds_for(extensions: list[str]) -> set[str]:
    """The content kinds whose usual extensions are in this settings list."""
    wanted = {extension.lower() for extension in extensions}
    return {kind for kind, names in EXTENSIONS.items() if names & wanted}


class HubDocumentForm(BaseDocumentForm):
    """Documents: only the kinds in WAGTAILDOCS_EXTENSIONS, and only when the bytes agree with the name."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            check_upload(upload, _kinds_for(settings.WAGTAILDOCS_EXTENSIONS))
        return upload


class HubImageForm(BaseImageForm):
    """Images: PNG, JPEG, WebP, GIF (and AVIF if allowed), opened and verified with Pillow."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            check_upload(upload, _kinds_for(settings.WAGTAILIMAGES_EXTENSIONS))
        return upload
