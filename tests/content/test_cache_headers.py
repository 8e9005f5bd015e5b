"""One reader's pages carry the same private headers, from the one helper (content.core.cache_headers)."""

from __future__ import annotations

import pytest

from django.http import HttpResponse
from django.test import Client
from django.utils.cache import patch_cache_control

from content.case_studies.models import CaseStudyPage
from content.core.cache_headers import private, private_response
from tests.members.conftest import make_member

pytestmark = pytest.mark.django_db

PRIVATE = {"private", "no-store"}


def directives(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def varies_on(response) -> set[str]:
    return {part.strip().lower() for part in response.get("Vary", "").split(",") if part.strip()}


def test_a_member_only_page_a_members_search_and_a_submission_are_all_private():
    client = Client(HTTP_HOST="localhost")
    client.force_login(make_member("officer@leeds.gov.uk"))  # a local-government member: may read and submit
    study = CaseStudyPage.objects.live().filter(audience="members").first()
    assert study is not None, "the demo site has a members-only case study"
    responses = {
        "member-only page": client.get(study.url),
        "search results": client.get("/search/", {"q": "social capital"}),
        "submissions page": client.get("/case-studies/submit/"),
    }
    for name, response in responses.items():
        assert response.status_code == 200, name
        assert directives(response) >= PRIVATE, (name, response["Cache-Control"])
        assert "public" not in directives(response), name
        assert "cookie" in varies_on(response), (name, response.get("Vary"))


def test_the_helper_adds_to_what_a_response_already_says():
    response = HttpResponse()
    patch_cache_control(response, max_age=0, must_revalidate=True)
    response["Vary"] = "Accept-Encoding"
    private_response(response)
    assert directives(response) >= PRIVATE | {"max-age=0", "must-revalidate"}
    assert varies_on(response) == {"accept-encoding", "cookie"}


def test_the_decorator_marks_every_answer_of_a_view():
    @private
    def view(request):
        """A view's own docstring."""
        return HttpResponse(status=302)

    response = view(None)
    assert directives(response) >= PRIVATE and "cookie" in varies_on(response)
    assert view.__doc__ == "A view's own docstring."
