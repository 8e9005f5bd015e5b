"""A coming-soon paper offers email, not only a feed: members follow its series, anyone else subscribes with
double opt-in (issue 14: "Sign up to be told" offered only an Atom link)."""

from __future__ import annotations

import datetime

import pytest

from django.core import mail
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from alerts.models import EmailSubscription, Follow
from content.papers.models import PaperSeriesPage
from tests.factories import PaperPageFactory
from tests.helpers import soup, text_of
from tests.members.conftest import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def clean():
    cache.clear()
    mail.outbox.clear()


@pytest.fixture
def announced():
    series = PaperSeriesPage.objects.get(slug="social-capital-2025")
    page = PaperPageFactory(
        parent=series, slug="announced-paper", release_date=timezone.localdate() + datetime.timedelta(days=14)
    )
    page.save_revision().publish()
    return page


def test_anyone_subscribes_by_email_from_the_announcement(announced):
    anonymous = Client()
    page = soup(anonymous.get(announced.url))
    form = page.find("form", class_="release-signup")
    assert form is not None and form["action"] == "/alerts/subscribe/" and form["method"] == "post"
    assert form.find("label", string="Your email address")
    response = anonymous.post(form["action"], {"email": "curious@example.net"})
    assert "Check your email" in text_of(response)
    subscription = EmailSubscription.objects.get(email="curious@example.net")
    assert not subscription.is_active, "double opt-in: nothing until the address is confirmed"
    (confirmation,) = mail.outbox
    assert confirmation.to == ["curious@example.net"]


def test_a_member_follows_the_series_from_the_announcement(announced):
    member = make_member("follower@example.org")
    client = Client()
    client.force_login(member)
    page = soup(client.get(announced.url))
    form = page.find("form", class_="follow-form")
    assert form is not None, "members get the follow button, not the subscription form"
    assert page.find("form", class_="release-signup") is None
    data = {field["name"]: field.get("value", "") for field in form.find_all("input")}
    response = client.post(form["action"], data)
    assert response.status_code == 302
    assert Follow.objects.filter(user=member, series=announced.get_parent().specific).exists()


def test_a_released_paper_has_no_announcement_form(client):
    released = PaperPageFactory(parent=PaperSeriesPage.objects.get(slug="social-capital-2025"), slug="out-now")
    released.save_revision().publish()
    assert soup(client.get(released.url)).find("form", class_="release-signup") is None
