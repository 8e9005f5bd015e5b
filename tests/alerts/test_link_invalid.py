"""A bad unsubscribe link says what to do next for the reader it is shown to: a signed-in reader is pointed to
their alerts settings, not told to sign in (issue 14); a signed-out one may sign in or use the latest email."""

from __future__ import annotations

import pytest

from django.test import Client

from tests.helpers import soup, text_of
from tests.members.conftest import make_member

pytestmark = pytest.mark.django_db

BAD_LINK = "/alerts/unsubscribe/not-a-real-token/"


def test_signed_in_reader_is_sent_to_their_alerts_settings():
    client = Client(HTTP_HOST="localhost")
    client.force_login(make_member("reader@example.org"))
    response = client.get(BAD_LINK)
    assert response.status_code == 404
    main = soup(response).find("main")
    text = main.get_text(" ", strip=True)
    assert "sign in" not in text.lower(), text
    settings = main.find("a", string="your alerts settings")
    assert settings is not None and settings["href"] == "/members/#alerts"


def test_signed_out_reader_may_sign_in_or_use_the_latest_email():
    response = Client(HTTP_HOST="localhost").get(BAD_LINK)
    assert response.status_code == 404
    main = soup(response).find("main")
    sign_in = main.find("a", string="sign in")
    assert sign_in is not None and sign_in["href"] == "/accounts/login/?next=/members/%23alerts"
    assert "use the “Stop these emails” link in the latest email we sent you" in text_of(response)
    assert main.find("a", href="/members/#alerts") is None, "a signed-out reader cannot open the member's area"
