"""No input gives a 5xx (issue 9, item 4): each request here was a server error before content.core.params.

The search findings (quotes, NUL, huge page numbers and years) are in tests/search/test_search_page.py and
tests/search/test_contract.py; every route with hostile values at random is tests/hub/test_fuzz.py.
"""

from __future__ import annotations

import pytest

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client, override_settings

from alerts.models import Follow
from content.papers.models import PaperSeriesPage
from content.topics.models import Topic
from submissions.models import CaseStudySubmission
from tests.helpers import text_of
from tests.members.conftest import make_member
from tests.submissions.submission_helpers import council_officer

pytestmark = pytest.mark.django_db

HUGE = "9" * 30  # more than SQLite's INTEGER (and PostgreSQL's bigint) holds
TOO_BIG = str(2**63)


@pytest.fixture
def member():
    return make_member("fuzzed@example.org")


def client_for(user=None) -> Client:
    client = Client(HTTP_HOST="localhost")
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("page_id", [HUGE, TOO_BIG, str(2**63 - 1), "0"])
def test_asking_about_a_page_id_too_large_for_any_table_is_not_found(member, page_id):
    for client in (client_for(), client_for(member)):
        assert client.get(f"/questions/ask/{page_id}/").status_code == 404
        assert client.post(f"/questions/ask/{page_id}/", {"question-text": "Hello?"}).status_code == 404


@pytest.mark.parametrize("path", [f"/case-studies/submit/{HUGE}/", f"/case-studies/submit/{HUGE}/attachments/1/"])
def test_submission_ids_too_large_are_not_found(path):
    officer = council_officer()
    assert client_for(officer).get(path).status_code == 404
    assert client_for(officer).get(f"/case-studies/submit/{HUGE}/about/").status_code == 404


@pytest.mark.parametrize("field", ["series", "topic"])
@pytest.mark.parametrize("value", [HUGE, TOO_BIG, "-1", "²", "1.0", " "])
def test_following_an_id_that_is_no_id_is_not_found(member, field, value):
    response = client_for(member).post("/alerts/follow/", {field: value})
    assert response.status_code == 404
    assert not Follow.objects.filter(user=member).exists()


def test_following_goes_back_only_to_a_path_on_this_site(member):
    topic = Topic.objects.first()
    for target in ("abc", "https://evil.example/", "//evil.example/", "\x00", "members"):
        response = client_for(member).post("/alerts/follow/", {"topic": topic.pk, "next": target})
        assert response.status_code == 302 and response["Location"] == "/members/", target
    response = client_for(member).post("/alerts/follow/", {"topic": topic.pk, "next": "/topics/"})
    assert response["Location"] == "/topics/"


@pytest.mark.parametrize("field", ["alerts-topics", "alerts-series"])
@pytest.mark.parametrize("value", [HUGE, TOO_BIG, "²", "x"])
def test_alert_settings_with_ids_that_are_no_ids_are_a_form_error(member, field, value):
    series = PaperSeriesPage.objects.live().first()
    Follow.objects.create(user=member, series=series)
    client = client_for(member)
    response = client.post("/alerts/settings/", {field: value, "alerts-frequency": "immediate"})
    assert response.status_code == 302
    assert "Your alerts were not saved" in text_of(client.get("/members/"))
    assert list(Follow.objects.filter(user=member).values_list("series", flat=True)) == [series.pk]


def test_a_submission_step_with_topic_ids_too_large_is_a_form_error():
    officer = council_officer()
    draft = CaseStudySubmission.objects.create(owner=officer)
    data = {"title": "A title", "summary": "A summary.", "topics": [HUGE], "action": "next"}
    response = client_for(officer).post(f"/case-studies/submit/{draft.pk}/about/", data)
    assert response.status_code == 200
    assert "Select a valid choice" in text_of(response) or "valid value" in text_of(response)


def test_nul_typed_into_a_submission_step_is_dropped_not_a_database_error():
    """PostgreSQL refuses \u0000 in JSON: the draft's saved text was a 500 there."""
    officer = council_officer()
    draft = CaseStudySubmission.objects.create(owner=officer)
    data = {"challenge": "Too few\x00 volunteers\nin winter", "action": "save", "x\x00": "\x00"}
    response = client_for(officer).post(f"/case-studies/submit/{draft.pk}/challenge/", data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.data["challenge"] == {"challenge": ["Too few volunteers\nin winter"], "x": [""]}


@pytest.mark.parametrize("action", ["remove-abc", f"remove-{HUGE}", "remove-", "remove-²"])
def test_removing_an_attachment_that_is_no_attachment_changes_nothing(action):
    officer = council_officer()
    draft = CaseStudySubmission.objects.create(owner=officer)
    response = client_for(officer).post(f"/case-studies/submit/{draft.pk}/attachments/", {"action": action})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "query", [{"page": "4611686018427387904"}, {"page": "²"}, {"topic": "\x00", "author": "x" * 10_000}]
)
def test_the_blog_listing_takes_any_parameters(client, query):
    response = client.get("/blog/", query)
    assert response.status_code == 200


@pytest.mark.parametrize("document_id", [HUGE, TOO_BIG])
def test_document_ids_too_large_are_not_found(client, document_id):
    assert client.get(f"/documents/{document_id}/report.pdf").status_code == 404


def test_too_many_parameters_are_a_400_with_the_sites_own_page(client):
    response = client.get("/search/?" + "&".join(["q=a"] * (settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)))
    assert response.status_code == 400
    assert "could not read that request" in response.content.decode()


def test_a_form_post_without_the_fields_a_view_reads_is_a_400():
    """Wagtail's page editor reads StreamField management fields with data[...]: a hand-made post lacks them."""
    from wagtail.models import Page

    staff = get_user_model().objects.create_superuser("fuzz-staff@example.org", "fuzz-staff@example.org", "pw")
    page = Page.objects.get(url_path__endswith="/definitions/social-capital/")
    middleware = [*settings.MIDDLEWARE, "content.core.params.MissingFieldMiddleware"]
    with override_settings(MIDDLEWARE=middleware):
        response = client_for(staff).post(f"/admin/pages/{page.pk}/edit/", {"title": "x"})
    assert response.status_code == 400


@pytest.mark.parametrize(
    "path",
    [
        "/admin/snippets/topics/topic/?q=housing",
        "/admin/snippets/core/person/?q=smith",
        '/admin/snippets/topics/topic/?q="a:b"',
        "/admin/snippets/choose/core/person/?q=smith",
    ],
)
def test_admin_snippet_listings_can_be_searched(path):
    """Any search in the Topics and People listings was a 500 on SQLite ('no such column: name')."""
    staff = get_user_model().objects.create_superuser("fuzz-staff@example.org", "fuzz-staff@example.org", "pw")
    assert client_for(staff).get(path).status_code == 200


# Were 500s in members/: ids read through content.core.params (IdChoiceField, IdMultipleChoiceField, id_or_404, next_url).


def test_signing_up_with_topic_ids_too_large_is_a_form_error(client):
    response = client.post("/accounts/signup/", {"email": "someone@example.org", "topics": HUGE})
    assert response.status_code == 200


def test_profile_with_topic_ids_too_large_is_a_form_error(member):
    assert client_for(member).post("/members/details/", {"profile-topics": HUGE}).status_code in {200, 302}


@pytest.mark.parametrize("data", [{"page": "²"}, {"page": HUGE, "action": "remove"}])
def test_reading_list_with_a_page_id_that_is_no_id_is_not_found(member, data):
    assert client_for(member).post("/members/reading-list/", data).status_code == 404


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("/members/reading-list/", {"page": "PAGE", "next": "abc"}),
        ("/members/local-government-access/", {"access-reason": "Work", "next": "abc"}),
    ],
)
def test_members_forms_go_back_only_to_a_path_on_this_site(member, path, data):
    from content.papers.models import PaperPage

    page = PaperPage.objects.live().public().first()
    data = {key: str(page.pk) if value == "PAGE" else value for key, value in data.items()}
    assert client_for(member).post(path, data).status_code == 302
