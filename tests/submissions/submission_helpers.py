"""Helpers that fill in the case-study form's steps, and files of each kind."""

from __future__ import annotations

import io
import zipfile

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from members.models import LocalAuthority, MemberProfile
from tests.members.conftest import make_member

SUBMIT = "/case-studies/submit/"


def client_for(user=None) -> Client:
    client = Client(HTTP_HOST="localhost")
    if user is not None:
        client.force_login(user)
    return client


def council_officer(email: str = "officer@leeds.gov.uk"):
    """A local government member whose profile names an authority."""
    user = make_member(email)
    profile = MemberProfile.objects.get(user=user)
    profile.full_name = "Robin Officer"
    profile.job_role = "Neighbourhoods lead"
    profile.organisation_type = "local_authority"
    profile.local_authority = LocalAuthority.objects.get(gss_code="E08000035")
    profile.save()
    return user


def pdf_bytes(text: str = "report") -> bytes:
    return b"%PDF-1.4\n1 0 obj<<>>endobj\n% " + text.encode() + b"\n%%EOF\n"


def png_bytes() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "teal").save(buffer, "PNG")
    return buffer.getvalue()


OFFICE_PARTS = {
    "docx": ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
    "xlsx": ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
    "pptx": (
        "ppt/presentation.xml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    ),
}


def content_types_xml(*overrides: tuple[str, str]) -> str:
    """An Office package's [Content_Types].xml declaring these (part name, content type) overrides."""
    parts = "".join(f'<Override PartName="/{name}" ContentType="{kind}"/>' for name, kind in overrides)
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f"{parts}</Types>"
    )


def office_bytes(kind: str = "docx", content_types: str | None = None) -> bytes:
    """A minimal Office package of this kind (docx, xlsx, pptx), as Word or Excel would label it."""
    part, main_type = OFFICE_PARTS[kind]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types or content_types_xml((part, main_type)))
        archive.writestr(part, "<document/>")
    return buffer.getvalue()


def docx_bytes() -> bytes:
    return office_bytes("docx")


def moderator_user(email: str = "moderator@example.org"):
    user = get_user_model().objects.create_user(email, email, "a-long-test-password-1")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def rows(prefix: str, items: list[dict], total: int | None = None) -> dict:
    data = {
        f"{prefix}-TOTAL_FORMS": str(total if total is not None else len(items)),
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }
    for index, item in enumerate(items):
        data.update({f"{prefix}-{index}-{key}": value for key, value in item.items()})
    return data


def step_data(authority_pk: int, topic_pks: list[int]) -> dict[str, dict]:
    """Valid answers for every step, by step slug."""
    return {
        "authority": {
            "local_authority": str(authority_pk),
            **rows(
                "contacts", [{"name": "Robin Officer", "role": "Neighbourhoods lead", "email": "robin@leeds.gov.uk"}]
            ),
        },
        "challenge": {"challenge": "Three estates had lost their last shared spaces.\n\nResidents felt unheard."},
        "what-you-did": {"what_we_did": "We handed two buildings to resident groups:\n- a library\n- a hall"},
        "outcomes": {
            "outcomes": "Footfall doubled in a year.",
            **rows("figures", [{"label": "more visits a week", "value": "1,200", "note": "Door counters"}]),
        },
        "lessons": {"lessons": "Start with the people already running things."},
        "about": {
            "title": "Community buildings in Leeds",
            "summary": "How Leeds handed two buildings to residents.",
            "topics": [str(pk) for pk in topic_pks],
        },
    }


def fill_steps(client: Client, data: dict[str, dict], files: list | None = None) -> int:
    """Post every step in order from /case-studies/submit/; returns the new submission's id."""
    response = client.post(SUBMIT, data["authority"])
    assert response.status_code == 302, response.content.decode()[:2000]
    pk = int(response["Location"].strip("/").split("/")[-2])
    for slug in ("challenge", "what-you-did", "outcomes", "lessons", "about"):
        response = client.post(f"{SUBMIT}{pk}/{slug}/", data[slug])
        assert response.status_code == 302, (slug, response.content.decode()[:3000])
    response = client.post(f"{SUBMIT}{pk}/attachments/", {"files": files or []})
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == f"{SUBMIT}{pk}/preview/"
    return pk
