"""Staff see members in the Wagtail admin: searchable, filterable, with detail and CSV export."""

import csv
import io

import pytest

from django.test import Client

from members.models import LocalAuthority, MemberProfile
from tests.members.conftest import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client():
    admin = make_member("staff@example.org")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client = Client(HTTP_HOST="localhost")
    client.force_login(admin)
    return client


@pytest.fixture
def people():
    council = make_member("officer@leeds.gov.uk")
    profile = council.member_profile
    profile.full_name, profile.organisation_type = "Leeds Officer", "local_authority"
    profile.local_authority = LocalAuthority.objects.get(gss_code="E08000035")
    profile.save()
    charity = make_member("worker@example.org")
    charity.member_profile.full_name = "Charity Worker"
    charity.member_profile.save()
    return council, charity


def test_member_list_search_and_filters(staff_client, people):
    council, charity = people
    listing = staff_client.get("/admin/member-profiles/")
    assert listing.status_code == 200
    body = listing.content.decode()
    assert "Leeds Officer" in body and "Charity Worker" in body
    searched = staff_client.get("/admin/member-profiles/", {"q": "leeds.gov.uk"}).content.decode()
    assert "Leeds Officer" in searched and "Charity Worker" not in searched
    by_type = staff_client.get("/admin/member-profiles/", {"organisation_type": "local_authority"}).content.decode()
    assert "Leeds Officer" in by_type and "Charity Worker" not in by_type
    from django.contrib.auth.models import Group

    tier = Group.objects.get(name="Local government members")
    by_tier = staff_client.get("/admin/member-profiles/", {"tier": tier.pk}).content.decode()
    assert "Leeds Officer" in by_tier and "Charity Worker" not in by_tier
    la = staff_client.get("/admin/member-profiles/", {"local_authority": council.member_profile.local_authority_id})
    assert "Charity Worker" not in la.content.decode()


def test_member_detail_and_csv_export(staff_client, people):
    council, _ = people
    detail = staff_client.get(f"/admin/member-profiles/inspect/{council.member_profile.pk}/")
    assert detail.status_code == 200 and "officer@leeds.gov.uk" in detail.content.decode()
    export = staff_client.get("/admin/member-profiles/", {"export": "csv"})
    assert export.status_code == 200
    content = b"".join(export.streaming_content) if export.streaming else export.content
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert {row["Email"] for row in rows} >= {"officer@leeds.gov.uk", "worker@example.org"}
    assert len(rows) == MemberProfile.objects.count()


def test_members_are_not_visible_to_non_staff():
    member = make_member("nosy@example.org")
    client = Client(HTTP_HOST="localhost")
    client.force_login(member)
    response = client.get("/admin/member-profiles/")
    assert response.status_code == 302
    assert "Charity" not in response.content.decode()
