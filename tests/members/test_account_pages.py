"""The hub's own allauth pages and emails (issue 14): British English, sentence case, the network's name
from the site settings and never the host; one click confirms an address."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail

from wagtail.models import Site

from content.core.models import SiteSettings
from tests.helpers import soup, text_of
from tests.members.conftest import links_in, make_member, reauthenticate, sign_in

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-9"
NAME = "National Network for Neighbourhood Improvement"
# allauth's stock English: Title Case, US spelling, the host as the site's name.
STOCK = re.compile(
    r"Sign In|Sign Up|Signup|Sign Out|Remember Me|Forgot Password|Change Password|Password \(again\)|"
    r"Verify Your Email|Confirm Access|Bad Token|finaliz|recogniz|E-mail|Hello from|Thank you for using|"
    r"You're receiving|testserver|127\.0\.0\.1"
)
ANONYMOUS_PAGES = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/accounts/password/reset/done/",
    "/accounts/confirm-email/",
    "/accounts/password/reset/key/1-bad-key/",
]
MEMBER_PAGES = ["/accounts/logout/", "/accounts/password/change/", "/accounts/email/", "/accounts/reauthenticate/"]


def signup(client, email: str):
    return client.post(
        "/accounts/signup/",
        {
            "full_name": "Priya Shah",
            "email": email,
            "password1": PASSWORD,
            "password2": PASSWORD,
            "organisation_type": "voluntary_community",
            "organisation_name": "Burslem Community Hub",
            "job_role": "Development worker",
            "accept_privacy": "on",
        },
    )


def assert_hub_wording(text: str, where: str) -> None:
    found = STOCK.findall(text)
    assert not found, f"{where}: allauth's stock wording {found}"


@pytest.mark.parametrize("path", ANONYMOUS_PAGES)
def test_account_pages_in_british_english_and_sentence_case(client, path):
    response = client.get(path, follow=True)
    assert response.status_code == 200
    assert_hub_wording(response.content.decode(), path)
    heading = soup(response).h1.get_text(" ", strip=True)
    assert heading[0].isupper() and heading[1:] == heading[1:].lower(), f"{path}: {heading!r} not sentence case"


def test_sign_in_and_sign_up_say_what_people_expect(client):
    login = soup(client.get("/accounts/login/"))
    assert login.h1.get_text(strip=True) == "Sign in"
    assert "Remember me on this device" in login.get_text(" ")
    assert login.find("label", string="Email address")
    signup_page = soup(client.get("/accounts/signup/"))
    # One word for it everywhere: the header's "Join", the home page's and teasers' "Join the network".
    assert signup_page.h1.get_text(strip=True) == "Join the network"
    assert signup_page.find("button", string="Join")
    assert "Sign up" not in signup_page.get_text(" ") and "Sign up" not in login.get_text(" ")
    assert NAME in signup_page.get_text(" ")


@pytest.mark.parametrize("path", MEMBER_PAGES)
def test_signed_in_account_pages(client, path):
    user = make_member("pages@example.org")
    sign_in(client, user)
    reauthenticate(client)
    response = client.get(path)
    assert response.status_code == 200, path
    assert_hub_wording(response.content.decode(), path)


def test_verification_email_names_the_network_never_the_host(client):
    signup(client, "priya@example.org")
    (message,) = mail.outbox
    assert message.subject.endswith("Verify your email address to finish joining")
    assert_hub_wording(message.body, "email body")
    assert NAME in message.body and "finalise" in message.body
    html = message.alternatives[0][0]
    assert NAME in html and "127.0.0.1" not in html and "testserver" not in html


def test_the_site_settings_name_is_the_one_emails_use(client):
    values = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    values.organisation_name = "Renamed Network"
    values.save()
    signup(client, "renamed@example.org")
    (message,) = mail.outbox
    assert "Renamed Network" in message.body and "Renamed Network" in message.alternatives[0][0]


def test_password_reset_email_in_the_hubs_words(client):
    user = make_member("forgot@example.org")
    client.post("/accounts/password/reset/", {"email": user.email})
    (message,) = mail.outbox
    assert message.subject.endswith("Reset your password")
    assert_hub_wording(message.body, "reset email")
    assert NAME in message.body


def test_one_name_everywhere_admin_included(admin_client):
    assert settings.WAGTAIL_SITE_NAME == NAME == settings.MFA_TOTP_ISSUER
    assert SiteSettings._meta.get_field("organisation_name").default == NAME
    assert NAME in text_of(admin_client.get("/admin/"))
    assert "Neighbourhood Improvement Network" not in admin_client.get("/admin/").content.decode()


def test_one_click_confirms_in_the_browser_that_signed_up(client):
    signup(client, "oneclick@example.org")
    (path,) = [p for p in links_in(mail.outbox[0]) if "/accounts/confirm-email/" in p]
    response = client.get(path)
    assert response.status_code == 302, "the link confirms on opening: no second button to press"
    assert EmailAddress.objects.get(email="oneclick@example.org").verified
    assert "_auth_user_id" in client.session


def test_a_link_fetched_elsewhere_confirms_nothing(client):
    """A mail scanner or another person's browser opens the link: the page asks for the password."""
    from django.test import Client

    signup(client, "scanned@example.org")
    (path,) = [p for p in links_in(mail.outbox[0]) if "/accounts/confirm-email/" in p]
    response = Client().get(path)
    assert response.status_code == 200
    assert not EmailAddress.objects.get(email="scanned@example.org").verified
    assert soup(response).find("input", attrs={"type": "password"})
    assert get_user_model().objects.filter(email="scanned@example.org").exists()


def test_the_signed_in_message_names_the_member(client, django_user_model):
    """It read "You are signed in as ." (the browser walk): the template never set the name."""
    from allauth.account.models import EmailAddress

    user = django_user_model.objects.create_user("named-member", "named@example.org", "pw-Named-Member-1")
    user.first_name, user.last_name = "Named", "Member"
    user.save()
    EmailAddress.objects.create(user=user, email="named@example.org", verified=True, primary=True)
    response = client.post(
        "/accounts/login/", {"login": "named@example.org", "password": "pw-Named-Member-1"}, follow=True
    )
    messages = [str(message) for message in response.context["messages"]]
    assert any(
        message.startswith("You are signed in as ") and message != "You are signed in as ." for message in messages
    ), messages


def test_organisation_name_is_not_called_optional_when_most_must_give_it(client):
    """It said "(optional)" and then refused a voluntary organisation without one (the browser walk)."""
    from bs4 import BeautifulSoup

    page = BeautifulSoup(client.get("/accounts/signup/").content, "html.parser")
    label = page.find("label", attrs={"for": "id_organisation_name"})
    assert label is not None and "(optional)" not in label.get_text()


def test_local_authority_is_not_called_optional_when_a_council_must_give_it(client, member):
    """It said "Local authority (optional)" and then refused a local authority without one: label, hint and
    validation agree on the join form and on the member's details form."""
    for path, field_id in (
        ("/accounts/signup/", "id_local_authority"),
        ("/members/details/", "id_profile-local_authority"),
    ):
        if path == "/members/details/":
            sign_in(client, member)
        page = soup(client.get(path))
        label = page.find("label", attrs={"for": field_id})
        assert label is not None and "(optional)" not in label.get_text(), f"{path}: {label}"
        assert "Needed if your type of organisation is local authority" in page.select_one(f"#{field_id}-hint").text
    client.logout()
    data = {
        "full_name": "Asha Khan",
        "email": "asha@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "organisation_type": "local_authority",
        "accept_privacy": "on",
    }
    refused = soup(client.post("/accounts/signup/", data))
    assert refused.select_one("#id_local_authority-error").get_text(" ", strip=True) == (
        "Error: Choose your local authority from the list."
    )
    resident = client.post("/accounts/signup/", {**data, "organisation_type": "resident"})
    assert resident.status_code == 302, "a resident was asked for a local authority"


def test_an_empty_sign_up_names_each_missing_field_in_the_summary(client):
    """Browser walk: the error summary listed "This field is required." five times, naming no field."""
    page = soup(client.post("/accounts/signup/", {}))
    summary = [item.get_text(" ", strip=True) for item in page.select(".error-summary li")]
    assert summary == [
        "Enter full name.",
        "Enter email address.",
        "Enter password.",
        "Enter password again.",
        "Choose type of organisation.",
        "You need to accept the privacy notice to join.",
    ]
