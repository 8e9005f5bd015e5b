"""Issue 14: a confirmation link opened on another device (or another browser, signed out) asks for the
password once, and that one entry both confirms the address and signs the reader in.

The sign-up browser confirms in one click (members.account_views); anywhere else the link needs the
account's password (issue 9, finding 1). Before this, that password confirmed the address and then the
reader was sent to the sign-in form to type it a second time.
"""

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.mfa.totp.internal.auth import TOTP

from django.contrib.auth.signals import user_logged_in
from django.test import Client
from django.urls import reverse

from tests.helpers import text_of
from tests.members.conftest import make_member
from tests.members.test_account_security import SECRET, confirm_links, totp_code
from tests.members.test_journeys import PASSWORD, signup_data

pytestmark = pytest.mark.django_db


def fresh_device() -> Client:
    """Another phone or browser: no cookies, no session, nobody signed in."""
    return Client(HTTP_HOST="localhost")


def password_fields(response) -> int:
    return response.content.decode().count('type="password"')


def test_a_link_opened_on_another_device_asks_for_the_password_once_and_signs_the_reader_in():
    laptop = fresh_device()
    laptop.post("/accounts/signup/", signup_data("phone.reader@example.org"))
    (link,) = confirm_links("phone.reader@example.org")

    phone = fresh_device()
    page = phone.get(link)
    assert page.status_code == 200 and password_fields(page) == 1
    assert "confirm it and sign in" in text_of(page)

    response = phone.post(link, {"password": PASSWORD}, follow=True)
    pages_seen = [url for url, _ in response.redirect_chain]
    assert not any(url.startswith("/accounts/login/") for url in pages_seen), pages_seen
    assert response.status_code == 200 and password_fields(response) == 0, "no second password form"
    assert EmailAddress.objects.get(email="phone.reader@example.org").verified
    assert phone.session["_auth_user_id"] == str(EmailAddress.objects.get(email="phone.reader@example.org").user_id)
    assert response.request["PATH_INFO"] == "/members/"
    seen = text_of(response)
    assert "phone.reader@example.org is verified" in seen and "You are signed in as Priya Shah" in seen
    # A device the reader borrowed keeps nothing once the browser closes (no "Remember me" was offered).
    assert phone.session.get_expire_at_browser_close()
    # The one link is used: opening it again confirms and signs in nothing.
    again = fresh_device().get(link)
    assert "expired" in text_of(again)


def test_the_link_goes_on_to_the_page_it_was_opened_for():
    fresh_device().post("/accounts/signup/", signup_data("next.reader@example.org"))
    (link,) = confirm_links("next.reader@example.org")
    phone = fresh_device()
    response = phone.post(link, {"password": PASSWORD, "next": "/papers/"})
    assert response.status_code == 302 and response["Location"] == "/papers/"
    assert "_auth_user_id" in phone.session


def test_a_wrong_password_neither_confirms_nor_signs_in():
    fresh_device().post("/accounts/signup/", signup_data("guess.me@example.org"))
    (link,) = confirm_links("guess.me@example.org")
    phone = fresh_device()
    response = phone.post(link, {"password": "not-the-password-9"})
    assert response.status_code == 200 and "Enter the password chosen" in text_of(response)
    assert "_auth_user_id" not in phone.session
    assert not EmailAddress.objects.get(email="guess.me@example.org").verified


def test_the_link_never_skips_a_second_factor():
    """An account with an authenticator app and an address waiting for confirmation (allauth lets no one add
    one once the app is set up, but an address may be pending from before, or made by an administrator):
    on another device the password confirms it, and signing in still asks for the code."""
    user = make_member("two.step@example.org")
    TOTP.activate(user, SECRET)
    pending = EmailAddress.objects.create(user=user, email="two.step@leeds.gov.uk", verified=False, primary=False)
    link = reverse("account_confirm_email", args=[EmailConfirmationHMAC(pending).key])

    phone = fresh_device()
    response = phone.post(link, {"password": "a-long-test-password-1"})
    assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/authenticate/")
    assert EmailAddress.objects.get(email="two.step@leeds.gov.uk").verified
    assert "_auth_user_id" not in phone.session, "not signed in before the code"
    assert "_auth_user_id" not in phone.get("/members/").wsgi_request.session
    phone.post(response["Location"], {"code": totp_code()})
    assert phone.session["_auth_user_id"] == str(user.pk)


def test_a_sign_in_begun_on_the_phone_before_confirming_signs_the_reader_in_once():
    """The reader tried to sign in on the phone first (allauth waits for the confirmation), then opened the
    link there: allauth's waiting sign-in goes on; the password must not sign them in a second time."""
    fresh_device().post("/accounts/signup/", signup_data("twice.reader@example.org"))
    (link,) = confirm_links("twice.reader@example.org")
    phone = fresh_device()
    phone.post("/accounts/login/", {"login": "twice.reader@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in phone.session, "unconfirmed: not signed in yet"

    sign_ins = []

    def count(sender, user, **kwargs):
        sign_ins.append(user.pk)

    user_logged_in.connect(count)
    try:
        response = phone.post(link, {"password": PASSWORD}, follow=True)
    finally:
        user_logged_in.disconnect(count)
    assert EmailAddress.objects.get(email="twice.reader@example.org").verified
    assert "_auth_user_id" in phone.session
    assert len(sign_ins) == 1, f"signed in {len(sign_ins)} times"
    assert text_of(response).count("You are signed in as") <= 1


def test_password_guesses_on_the_confirmation_page_count_against_the_sign_in_limit(settings):
    """The page takes a password, so it is held to the sign-in form's per-address limit too."""
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "2/m/ip"}
    fresh_device().post("/accounts/signup/", signup_data("limited.reader@example.org"))
    (link,) = confirm_links("limited.reader@example.org")
    phone = fresh_device()
    for _ in range(2):
        phone.post(link, {"password": "not-the-password-1"})
    refused = phone.post(link, {"password": PASSWORD})
    assert "Too many sign-in attempts" in text_of(refused)
    assert not EmailAddress.objects.get(email="limited.reader@example.org").verified
    assert "_auth_user_id" not in phone.session


def test_a_used_link_reopened_while_signed_in_points_to_the_readers_addresses():
    """Browser walk: reopened after confirming, the page told a signed-in reader to "Sign in"."""
    fresh_device().post("/accounts/signup/", signup_data("reopen.reader@example.org"))
    (link,) = confirm_links("reopen.reader@example.org")
    phone = fresh_device()
    phone.post(link, {"password": PASSWORD})
    assert "_auth_user_id" in phone.session
    page = phone.get(link)
    assert "You are signed in: your addresses" in text_of(page)
    assert "Sign in to have a new one sent" not in text_of(page)
    assert 'href="/accounts/email/"' in page.content.decode()
