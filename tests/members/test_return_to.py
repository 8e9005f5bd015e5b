"""Signing in and out returns the reader to the page they were on (issue 14): only ever a path on this site,
and after signing out only a page anyone may read (members.return_to)."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from content.case_studies.models import CaseStudyPage
from tests.helpers import soup
from tests.members.conftest import sign_in

pytestmark = pytest.mark.django_db
PAPER = "/papers/social-capital-2025/the-ties-that-bind/"
SEARCH = "/search/?q=social+capital&sort=newest"
PASSWORD = "a-long-test-password-1"  # make_member's
SITE = "http://localhost"  # the test client's host, the demo site's


def members_only_study() -> str:
    return CaseStudyPage.objects.live().filter(audience="members").order_by("pk").first().url


def test_the_header_sign_in_on_search_carries_the_whole_search_and_on_account_pages_none(client):
    link = soup(client.get(SEARCH)).select_one(".account-nav a[href^='/accounts/login/']")
    assert link["href"] == "/accounts/login/?" + urlencode({"next": SEARCH}, safe="/")
    link = soup(client.get("/accounts/signup/")).select_one(".account-nav a[href^='/accounts/login/']")
    assert link["href"] == "/accounts/login/"


def test_the_header_sign_out_form_returns_to_the_page_it_is_on(client, member):
    sign_in(client, member)
    html = soup(client.get(SEARCH))
    assert html.select_one("form[action='/accounts/logout/'] input[name=next]")["value"] == SEARCH
    response = client.post("/accounts/logout/", {"next": SEARCH})
    assert response.status_code == 302 and response["Location"] == SEARCH


def test_sign_in_from_a_search_without_next_returns_to_the_same_search(client, member):
    """A browser that follows a Sign in link without ?next= (an old page, a bookmark): the page it was followed
    from is the one to return to, the whole search with its query."""
    response = client.get("/accounts/login/", HTTP_REFERER=f"{SITE}{SEARCH}")
    login_url = "/accounts/login/?" + urlencode({"next": SEARCH})
    assert response.status_code == 302 and response["Location"] == login_url
    assert "no-store" in response["Cache-Control"], "a redirect that depends on the Referer could be cached"
    form = soup(client.get(login_url))
    assert form.select_one("form input[name=next]")["value"] == SEARCH
    signed_in = client.post(login_url, {"login": member.email, "password": PASSWORD, "next": SEARCH})
    assert signed_in.status_code == 302 and signed_in["Location"] == SEARCH


def test_the_header_sign_in_on_a_page_carries_next(client):
    link = soup(client.get(PAPER)).select_one(".account-nav a[href^='/accounts/login/']")
    assert link["href"] == f"/accounts/login/?next={PAPER}"


@pytest.mark.parametrize(
    "referer",
    [
        "",
        "https://elsewhere.example/search/?q=social",
        "http://localhost.elsewhere.example/search/",
        f"{SITE}/accounts/signup/",
        f"{SITE}/accounts/login/?next=/members/",
    ],
    ids=["none", "another-site", "a-lookalike-host", "sign-up", "sign-in"],
)
def test_sign_in_returns_only_to_a_page_of_this_site(client, referer):
    headers = {"HTTP_REFERER": referer} if referer else {}
    response = client.get("/accounts/login/", **headers)
    assert response.status_code == 200
    assert soup(response).select_one("form input[name=next]") is None


@pytest.mark.parametrize(
    ("signed_out_on", "lands_on"),
    [
        (PAPER, PAPER),
        (SEARCH, SEARCH),
        ("/definitions/", "/definitions/"),
        ("/members/", "/"),
        ("/case-studies/submit/", "/"),
        ("members-only case study", "/"),
        ("/no-such-page/", "/"),
    ],
    ids=["paper", "search", "glossary", "members-area", "submission", "restricted-page", "missing-page"],
)
def test_signing_out_returns_to_the_page_when_anyone_may_read_it(client, member, signed_out_on, lands_on):
    if signed_out_on == "members-only case study":
        signed_out_on = members_only_study()
    sign_in(client, member)
    response = client.post("/accounts/logout/", HTTP_REFERER=f"{SITE}{signed_out_on}")
    assert response.status_code == 302 and response["Location"] == lands_on
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("next_path", "lands_on"),
    [
        (PAPER, PAPER),
        ("/accounts/login/", "/accounts/login/"),  # the two-factor step's way back (templates/mfa)
        ("https://elsewhere.example/", "/"),
        ("//elsewhere.example/", "/"),
        ("/\\elsewhere.example/", "/"),
        ("/admin/", "/"),
    ],
    ids=["paper", "sign-in", "another-site", "scheme-relative", "backslash", "admin"],
)
def test_signing_out_with_next_keeps_to_public_local_paths(client, member, next_path, lands_on):
    sign_in(client, member)
    response = client.post("/accounts/logout/", {"next": next_path}, HTTP_REFERER=f"{SITE}{PAPER}")
    assert response.status_code == 302 and response["Location"] == lands_on


@pytest.mark.parametrize(
    "path",
    ["/alerts/unsubscribe/not-a-real-token/", "/questions/not-a-real-key/reply/", "/members/"],
)
def test_an_address_with_a_secret_in_it_never_travels_into_sign_in_or_out(client, member, path):
    """A reply link or an alerts token in the address stays out of Sign in and Sign out (and thus out of the
    sign-in form, its links and logs): only the site's pages and public routes such as search go there."""
    html = soup(client.get(path, follow=True))
    sign_in_link = html.select_one(".account-nav a[href^='/accounts/login/']")
    assert sign_in_link is None or "next=" not in sign_in_link["href"]
    sign_in(client, member)
    html = soup(client.get(path, follow=True))
    assert html.select_one("form[action='/accounts/logout/'] input[name=next]") is None
