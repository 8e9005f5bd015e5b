"""The email-subscription consents read as a member of the public reads them (issue 14): what they will
receive, how often, that any email lets them unsubscribe, and a link to the privacy notice, with no box
ticked for them."""

from __future__ import annotations

import pytest

from django.core.cache import cache
from django.test import Client

from tests.helpers import soup
from tests.members.conftest import make_member

pytestmark = pytest.mark.django_db


def words(element) -> str:
    return element.get_text(" ", strip=True)


def test_sign_up_newsletter_box_says_what_how_often_and_how_to_stop():
    html = soup(Client(HTTP_HOST="localhost").get("/accounts/signup/"))
    box = html.find(id="id_newsletter")
    assert box["type"] == "checkbox" and box.get("checked") is None, "the newsletter box is ticked for the reader"
    group = html.find(id="id_newsletter-group")
    label = words(group.find("label", attrs={"for": "id_newsletter"}))
    assert "newsletter" in label and "at most once a month" in label, label
    assert "news of the network, its new research and events" in label, label
    assert "unsubscribe from any newsletter email" in label, label
    hint = group.find(id="id_newsletter-hint")
    assert "leave it unticked and we send you no newsletter" in words(hint)
    link = hint.find("a", string="The privacy notice")
    assert link is not None, "no privacy notice beside the newsletter consent"
    assert Client(HTTP_HOST="localhost").get(link["href"]).url == "/privacy/", "the link leads to the notice"


def test_members_area_newsletter_offer_has_the_same_wording_and_the_privacy_notice():
    client = Client(HTTP_HOST="localhost")
    client.force_login(make_member("reader@example.org"))
    form = soup(client.get("/members/")).find("form", action="/members/consents/newsletter/")
    text = words(form)
    assert "at most once a month" in text and "unsubscribe from any newsletter email" in text, text
    assert form.find("a", href="/privacy/") is not None


def test_new_paper_subscription_says_what_how_often_and_how_to_stop():
    cache.clear()
    form = soup(Client(HTTP_HOST="localhost").get("/alerts/subscribe/")).find("main")
    text = words(form)
    assert "one email per paper, nothing else" in text
    assert "unsubscribe from any of these emails in one click" in text
    privacy = form.find("a", href="/privacy/")
    assert privacy is not None and privacy.find_parent("form") is not None, (
        "the privacy notice is linked inside the form"
    )
    assert not form.select("input[type=checkbox][checked]")
