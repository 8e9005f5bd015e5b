"""Uploaded files in S3-compatible object storage, for several app servers (django-storages' S3 backend).

The local disk stays the default for one machine. With ``MEDIA_STORAGE_URL`` and ``PRIVATE_STORAGE_URL``
set (hub/settings/base.py) files go to two buckets:

- **media** (``MediaStorage``): documents, original images and image renditions. Every object is private
  except renditions (``images/``), which public pages show and anyone may read, at a plain URL a proxy or
  CDN can cache. Documents are never linked directly: Wagtail's serve view checks the reader's access and
  then **streams** the object (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``). A redirect to a pre-signed URL
  would spare the app server the bytes, but the URL, once given, opens the file for anyone it is passed to
  until it expires, and a browser or proxy may keep the redirect; member-only attachments are small PDFs, so
  streaming costs little and nothing outlives the check. Any other URL of this storage (an original image
  in the admin) is pre-signed and lives five minutes.
- **private** (``PrivateStorage``): members' submitted files before an editor publishes them. No object
  is ever public and the storage refuses to make a URL at all: only a view that checks who asks reads them.

Credentials come from boto3's own chain (``AWS_ACCESS_KEY_ID``/``AWS_SECRET_ACCESS_KEY``, or the
machine's role), never from the URL. See docs/operations.md.
"""

from __future__ import annotations

from urllib.parse import parse_qs, quote, urlsplit

from botocore.config import Config
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

from django.core.exceptions import ImproperlyConfigured

PUBLIC_PREFIXES = ("images/",)  # Wagtail's renditions; originals live under original_images/
SIGNED_URL_SECONDS = 300


def s3_options(url: str) -> dict:
    """``s3://bucket[/prefix]?endpoint=http://host:port&region=eu-west-2&public_url=https://cdn`` as options."""
    parts = urlsplit(url)
    if parts.scheme != "s3" or not parts.hostname:
        raise ImproperlyConfigured(f"A storage URL is s3://bucket[/prefix]?endpoint=…, not {url!r}")
    if parts.username or parts.password:
        raise ImproperlyConfigured(
            "Keep S3 credentials out of the storage URL: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"
        )
    query = {name: values[-1] for name, values in parse_qs(parts.query).items()}
    unknown = set(query) - {"endpoint", "region", "public_url"}
    if unknown:
        raise ImproperlyConfigured(f"Unknown storage URL parameters: {', '.join(sorted(unknown))}")
    endpoint = query.get("endpoint")
    options = {
        "bucket_name": parts.hostname,
        "location": parts.path.strip("/"),
        "endpoint_url": endpoint,
        "region_name": query.get("region"),
        "client_config": Config(
            signature_version="s3v4",
            # A self-hosted S3 (MinIO, Ceph, S3Proxy) addresses buckets by path; AWS by host name.
            s3={"addressing_style": "path" if endpoint else "auto"},
            # boto3 1.36+ adds checksum headers to every upload, which S3-compatible servers other than
            # AWS refuse ("functionality that is not implemented"); AWS needs them only where required.
            request_checksum_calculation="when_required",
            response_checksum_validation="when_required",
        ),
        "querystring_expire": SIGNED_URL_SECONDS,
        "file_overwrite": False,
    }
    # Where renditions are read from: a CDN's address, or the bucket's own.
    options["public_url"] = query.get("public_url", "").rstrip("/") or (
        f"{endpoint.rstrip('/')}/{parts.hostname}" if endpoint else f"https://{parts.hostname}.s3.amazonaws.com"
    )
    return options


def origin(url: str) -> str:
    """``https://media.example.org`` of a URL: what a Content-Security-Policy lists."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class MediaStorage(S3Storage):
    """Documents and images: private objects, except renditions (public-read, plain URLs)."""

    def __init__(self, *, public_url: str, **settings) -> None:
        super().__init__(default_acl="private", querystring_auth=True, **settings)
        self.public_url = public_url

    @staticmethod
    def is_public(name: str) -> bool:
        return clean_name(name).startswith(PUBLIC_PREFIXES)

    def get_object_parameters(self, name: str) -> dict:
        parameters = super().get_object_parameters(name)
        parameters["ACL"] = "public-read" if self.is_public(name) else "private"
        return parameters

    def url(self, name, parameters=None, expire=None, http_method=None) -> str:
        if self.is_public(name):
            return f"{self.public_url}/{quote(self._normalize_name(clean_name(name)))}"
        return super().url(name, parameters, expire, http_method)


class PrivateStorage(S3Storage):
    """Members' submitted files: private objects without any URL."""

    def __init__(self, **settings) -> None:
        settings.pop("public_url", None)
        super().__init__(default_acl="private", querystring_auth=True, **settings)

    def get_object_parameters(self, name: str) -> dict:
        return {**super().get_object_parameters(name), "ACL": "private"}

    def url(self, name, parameters=None, expire=None, http_method=None) -> str:
        raise ValueError("Private files have no URL; serve them through a view that checks access.")
