"""Where submitted attachments live until an editor publishes them: outside MEDIA_ROOT."""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateMediaStorage(FileSystemStorage):
    """Files under settings.PRIVATE_MEDIA_ROOT. They have no URL: only a view that checks who asks serves them."""

    def __init__(self) -> None:
        super().__init__(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)

    def url(self, name: str | None) -> str:
        raise ValueError("Private files have no public URL; serve them through a view that checks access.")


def private_storage() -> PrivateMediaStorage:
    return PrivateMediaStorage()
