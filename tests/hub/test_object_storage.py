"""Uploads in S3-compatible object storage (hub/storage.py), against a real S3 server: S3Proxy 2.6.0.

`.ci/s3proxy.sh` starts one and prints its URL; set S3_TEST_URL to it (CI does, with HUB_REQUIRE_S3=1).
Each test gets two fresh buckets, as production has: media and private. What must hold, read back over
HTTP as a stranger would: a rendition is public; a document, an original image and a submitted file are
not; documents reach readers only through the view that checks who is asking.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PIL import Image as PILImage

from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.test import override_settings

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from content.papers.models import PaperSeriesPage
from hub.storage import s3_options
from submissions.storage import private_storage
from tests.app_servers import HOST, fetch, prepare_database, running, server_env
from tests.factories import PaperPageFactory

S3_URL = os.environ.get("S3_TEST_URL", "")
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

pytestmark = pytest.mark.django_db


def anonymous_get(url: str) -> tuple[int, bytes]:
    """GET without credentials, as anyone on the internet could."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - a test server's http URL
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


@pytest.fixture
def buckets(monkeypatch):
    if not S3_URL:
        if os.environ.get("HUB_REQUIRE_S3"):
            pytest.fail("S3_TEST_URL is not set, and CI requires the object-storage run")
        pytest.skip("Set S3_TEST_URL (printed by .ci/s3proxy.sh) to run these against S3Proxy")
    import boto3

    parts = urlsplit(S3_URL)
    endpoint = f"http://{parts.hostname}:{parts.port}"
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", parts.username)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", parts.password)
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=parts.username,
        aws_secret_access_key=parts.password,
        region_name="us-east-1",
        config=s3_options(f"s3://any?endpoint={endpoint}")["client_config"],
    )
    names = {"media": f"hub-media-{uuid.uuid4().hex[:8]}", "private": f"hub-private-{uuid.uuid4().hex[:8]}"}
    for name in names.values():
        client.create_bucket(Bucket=name)
    storages = {
        "default": {
            "BACKEND": "hub.storage.MediaStorage",
            "OPTIONS": s3_options(f"s3://{names['media']}?endpoint={endpoint}&region=us-east-1"),
        },
        "private": {
            "BACKEND": "hub.storage.PrivateStorage",
            "OPTIONS": s3_options(f"s3://{names['private']}?endpoint={endpoint}&region=us-east-1"),
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        yield client, names, endpoint
    for name in names.values():
        for item in sorted(client.list_objects_v2(Bucket=name).get("Contents", []), key=lambda i: -len(i["Key"])):
            client.delete_object(Bucket=name, Key=item["Key"])  # files before the folders holding them
        client.delete_bucket(Bucket=name)


def keys(client, bucket: str) -> list[str]:
    """The files in a bucket (S3Proxy's filesystem backend lists its folders too, as "name/")."""
    listed = client.list_objects_v2(Bucket=bucket).get("Contents", [])
    return [item["Key"] for item in listed if not item["Key"].endswith("/")]


def test_a_document_is_in_the_bucket_and_reaches_readers_only_through_the_checking_view(buckets, client):
    s3, names, endpoint = buckets
    document = get_document_model().objects.create(title="Report", file=ContentFile(PDF, name="report.pdf"))
    [key] = keys(s3, names["media"])
    assert key.startswith("documents/")
    paper = PaperPageFactory(parent=PaperSeriesPage.objects.get(slug="social-capital-2025"), report=document)
    paper.save_revision().publish()  # a public page's report: anyone may have it, through the view

    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF  # streamed from the bucket by Wagtail's view
    # The object itself answers nobody without credentials.
    assert anonymous_get(f"{endpoint}/{names['media']}/{key}")[0] == 403


def test_a_document_in_a_members_collection_is_never_sent_to_a_stranger(buckets, client):
    collection = Collection.get_first_root_node().add_child(name="Members' papers")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    document = get_document_model().objects.create(
        title="Members' report", file=ContentFile(PDF, name="members.pdf"), collection=collection
    )
    response = client.get(document.url)
    assert response.status_code == 404  # the hub's answer for a document this reader may not open
    assert PDF not in response.content


def png(size: int = 400) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (size, size // 2), (30, 90, 150)).save(buffer, "PNG")
    return buffer.getvalue()


def test_renditions_are_public_and_originals_are_not(buckets):
    s3, names, endpoint = buckets
    image = get_image_model().objects.create(title="Map", file=ContentFile(png(), name="map.png"))
    rendition = image.get_rendition("width-100")

    assert "X-Amz-Signature" not in rendition.url  # a plain URL a CDN can keep
    status, body = anonymous_get(rendition.url)
    assert status == 200 and body.startswith(b"\x89PNG")
    assert PILImage.open(io.BytesIO(body)).width == 100

    [original] = [key for key in keys(s3, names["media"]) if key.startswith("original_images/")]
    assert anonymous_get(f"{endpoint}/{names['media']}/{original}")[0] == 403
    assert "X-Amz-Signature" in image.file.url  # the admin's link to an original is signed and short-lived
    assert anonymous_get(image.file.url)[0] == 200


def test_a_submitted_file_stays_in_the_private_bucket_without_any_url(buckets):
    s3, names, endpoint = buckets
    storage = private_storage()
    name = storage.save("submissions/draft.pdf", ContentFile(PDF))
    assert keys(s3, names["private"]) == [name] and keys(s3, names["media"]) == []
    with pytest.raises(ValueError, match="no URL"):
        storage.url(name)
    assert anonymous_get(f"{endpoint}/{names['private']}/{name}")[0] == 403
    with storage.open(name, "rb") as handle:  # what the checking view reads
        assert handle.read() == PDF


@pytest.mark.parametrize(
    "url",
    [
        "https://hub-media.example.org",  # not s3://
        "s3://?endpoint=http://x",  # no bucket
        "s3://key:secret@hub-media",  # credentials belong in the environment
        "s3://hub-media?acl=public-read",  # an unknown parameter is a mistake, not a default
    ],
)
def test_a_wrong_storage_url_is_refused_at_start_up(url):
    with pytest.raises(ImproperlyConfigured):
        s3_options(url)


def test_a_storage_url_reads_bucket_prefix_endpoint_and_region():
    options = s3_options("s3://hub-media/site-a?endpoint=http://127.0.0.1:9400&region=eu-west-2")
    assert options["bucket_name"] == "hub-media"
    assert options["location"] == "site-a"
    assert options["endpoint_url"] == "http://127.0.0.1:9400"
    assert options["region_name"] == "eu-west-2"
    assert options["client_config"].s3 == {"addressing_style": "path"}


def test_with_object_storage_the_pages_may_show_images_from_the_bucket():
    """The Content-Security-Policy lets pages (and the admin) show renditions from the bucket's origin."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "SECRET_KEY": "csp-test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "hub.example.org",
        "BASE_URL": "https://hub.example.org",
        "MEDIA_STORAGE_URL": "s3://hub-media?region=eu-west-2&public_url=https://media.example.org/hub",
        "PRIVATE_STORAGE_URL": "s3://hub-private?region=eu-west-2",
    }
    script = (
        "from django.conf import settings; "
        "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'], settings.MEDIA_ORIGINS)"
    )
    printed = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "'https://media.example.org'" in printed.split("]")[0]


def test_the_admin_may_show_images_from_the_bucket_too(client, settings):
    settings.MEDIA_ORIGINS = ["https://media.example.org"]
    policy = client.get("/admin/login/")["Content-Security-Policy"]
    img_src = next(part for part in policy.split(";") if part.strip().startswith("img-src"))
    assert "https://media.example.org" in img_src


def multipart(fields: dict[str, str], filename: str, content: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{filename}"\r\n'
        "Content-Type: application/pdf\r\n\r\n".encode()
        + content
        + b"\r\n"
    )
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


def test_a_file_uploaded_through_one_app_server_is_read_through_the_other(
    buckets, tmp_path, django_db_setup, test_template_folder
):
    """Two gunicorn servers with production settings and the same buckets: a member's attachment sent to
    one is downloaded from the other (on a local disk each would hold only what it received)."""
    s3, names, endpoint = buckets
    env = server_env(tmp_path, None)
    env.update(
        MEDIA_STORAGE_URL=f"s3://{names['media']}?endpoint={endpoint}&region=us-east-1",
        PRIVATE_STORAGE_URL=f"s3://{names['private']}?endpoint={endpoint}&region=us-east-1",
        AWS_ACCESS_KEY_ID=os.environ["AWS_ACCESS_KEY_ID"],
        AWS_SECRET_ACCESS_KEY=os.environ["AWS_SECRET_ACCESS_KEY"],
    )
    script = (  # a council officer, a local-government member as the sign-up would make one
        "from django.contrib.auth import get_user_model; from allauth.account.models import EmailAddress;"
        "from members import consents; from members.models import Consent, LocalGovernmentDomain, MemberProfile;"
        "from members.tiers import sync_tiers;"
        "LocalGovernmentDomain.objects.create(domain='leeds.gov.uk');"
        "u = get_user_model().objects.create_user('officer', 'officer@leeds.gov.uk', 'the-right-password-1');"
        "EmailAddress.objects.create(user=u, email=u.email, verified=True, primary=True);"
        "MemberProfile.objects.create(user=u, full_name='Robin Officer', organisation_type='local_authority');"
        "consents.record(u, Consent.Kind.PRIVACY_NOTICE); sync_tiers(u)"
    )
    prepare_database(tmp_path, env, test_template_folder, script)
    with running(env, test_template_folder) as (first, second):
        status, cookies, page = fetch(f"{first}/accounts/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        status, set_cookies, _ = fetch(
            f"{first}/accounts/login/",
            {"csrfmiddlewaretoken": token, "login": "officer@leeds.gov.uk", "password": "the-right-password-1"},
            cookies=cookies,
        )
        assert status == 302, "the officer could not sign in"
        session = {**cookies, **set_cookies}
        # The first step's form makes the draft; its address carries the draft's number.
        status, more, page = fetch(f"{first}/case-studies/submit/", cookies=session)
        session.update(more)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        status, more, page = fetch(
            f"{first}/case-studies/submit/", {"csrfmiddlewaretoken": token, "action": "save"}, cookies=session
        )
        session.update(more)
        # The draft is listed above the first step from then on.
        page = fetch(f"{first}/case-studies/submit/", cookies=session)[2]
        draft = re.search(r"/case-studies/submit/(\d+)/", page).group(1)
        body, content_type = multipart({"csrfmiddlewaretoken": token, "action": "save"}, "plan.pdf", PDF)
        request = urllib.request.Request(  # noqa: S310 - loopback
            f"{first}/case-studies/submit/{draft}/attachments/", data=body, method="POST"
        )
        request.add_header("Content-Type", content_type)
        request.add_header("Host", HOST)
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in session.items()))
        request.add_header("Referer", f"{first}/")
        try:
            urllib.request.build_opener().open(request, timeout=30)
        except urllib.error.HTTPError as error:
            assert error.code in (302, 303), error.read()[:300]
        [stored] = keys(s3, names["private"])
        assert not keys(s3, names["media"]), "a submitted file in the media bucket"

        status, _, page = fetch(f"{second}/case-studies/submit/{draft}/attachments/", cookies=session)
        link = re.search(rf"/case-studies/submit/{draft}/attachments/(\d+)/", page)
        assert link, "the other server does not list the attachment"
        request = urllib.request.Request(f"{second}{link.group(0)}")  # noqa: S310 - loopback
        request.add_header("Host", HOST)
        request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in session.items()))
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
            assert response.read() == PDF
        assert anonymous_get(f"{endpoint}/{names['private']}/{stored}")[0] == 403
