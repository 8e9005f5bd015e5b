"""Where submitted attachments live until an editor publishes them: never where a web server serves files.

``private_storage()`` is the ``private`` entry of ``STORAGES``: a folder outside MEDIA_ROOT on one machine
(``PrivateMediaStorage``), a private bucket with several app servers (``hub.storage.PrivateStorage``).
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


class PrivateMediaStorage(FileSystemStorage):
    """Files under settings.PRIVATE_MEDIA_ROOT. They have no URL: only a view that checks who asks serves them."""

    def __init__(self) -> None:
        super().__init__(location=settings.PRIVATE_MEDIA_ROOT, base_url=None)

    def url(self, name: str | None) -> str:
        raise ValueError("Private files have no public URL; serve them through a view that checks access.")


class ConfiguredPrivateStorage(LazyObject):
    """``STORAGES["private"]``, looked up when first used (as Django's ``default_storage`` is)."""

    def _setup(self) -> None:
        self._wrapped = storages["private"]


_private = ConfiguredPrivateStorage()


def private_storage() -> ConfiguredPrivateStorage:
    return _private


@receiver(setting_changed)
def _storages_changed(setting, **kwargs) -> None:
    if setting in {"STORAGES", "PRIVATE_MEDIA_ROOT"}:
        _private._wrapped = empty
