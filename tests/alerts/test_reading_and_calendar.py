"""Reading lists, unread papers of followed series, the release calendar, and deliveries in the admin."""

from __future__ import annotations

import datetime

import pytest
from icalendar import Calendar

from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from alerts.models import Announcement, Delivery, Follow
from content.blog.models import BlogPage
from content.case_studies.models import CaseStudyPage
from content.papers.models import PaperPage, PaperSeriesPage
from tests.factories import PaperPageFactory
from tests.helpers import soup, text_of
from tests.members.conftest import make_member

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


@pytest.fixture
def series():
    return PaperSeriesPage.objects.get(slug="social-capital-2025")


def test_save_and_remove_from_reading_list():
    member = make_member("reader-list@example.org")
    client = signed_in(member)
    paper = PaperPage.objects.live().filter(release_date__lte=timezone.localdate()).first()
    post = BlogPage.objects.live().first()
    for page in (paper, post):
        form = soup(client.get(page.url)).find("form", action="/members/reading-list/")
        assert "Save to reading list" in form.get_text()
        client.post("/members/reading-list/", {"page": page.pk, "next": page.url})
    dashboard = soup(client.get("/members/"))
    listed = [a.get_text() for a in dashboard.find(id="reading-list").find_all("a")]
    assert listed == [post.title, paper.title]  # newest first
    assert "Remove from reading list" in text_of(client.get(paper.url))
    client.post("/members/reading-list/", {"page": paper.pk, "action": "remove"})
    listed = [a.get_text() for a in soup(client.get("/members/")).find(id="reading-list").find_all("a")]
    assert listed == [post.title]


def test_saved_member_only_case_study_shows_only_its_public_title_to_a_reader_who_lost_access():
    member = make_member("lost-access@example.org")
    study = CaseStudyPage.objects.live().filter(audience="local_government").first()
    from members.models import SavedPage

    SavedPage.objects.create(user=member, page=study)
    section = soup(signed_in(member).get("/members/")).find(id="reading-list")
    assert study.title in section.get_text() and "you can now read only its summary" in section.get_text()
    assert study.specific.challenge not in section.decode()


def test_reading_list_refuses_other_page_types_and_anonymous():
    member = make_member("refuse@example.org")
    from wagtail.models import Page

    root_page = Page.objects.get(depth=2)
    assert signed_in(member).post("/members/reading-list/", {"page": root_page.pk}).status_code == 404
    anonymous = Client(HTTP_HOST="localhost").post("/members/reading-list/", {"page": root_page.pk})
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert not soup(Client(HTTP_HOST="localhost").get(PaperPage.objects.live().first().url)).find(
        "form", action="/members/reading-list/"
    )


def test_unread_papers_of_followed_series(series):
    member = make_member("unread@example.org")
    Follow.objects.create(user=member, series=series)
    client = signed_in(member)
    released = [p for p in series.get_papers() if p.is_released]
    announced = [p for p in series.get_papers() if not p.is_released]
    section = soup(client.get("/members/")).find(id="unread-heading").parent
    assert [a.get_text() for a in section.find_all("a")] == [p.title for p in released]
    assert all(p.title not in section.get_text() for p in announced)
    client.get(released[0].url)
    section = soup(client.get("/members/")).find(id="unread-heading").parent
    assert released[0].title not in section.get_text()
    assert released[1].title in section.get_text()


def test_series_release_calendar_lists_released_and_announced_public_papers(series):
    response = Client(HTTP_HOST="localhost").get(series.url + "calendar/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    papers = list(series.get_papers())
    assert set(events) == {f"Paper released: {p.title}" for p in papers}
    announced = [p for p in papers if not p.is_released]
    assert announced, "the demo series announces a paper"
    event = events[f"Paper released: {announced[0].title}"]
    assert event.decoded("dtstart") == announced[0].release_date
    assert str(event["uid"]) == f"paper-{announced[0].pk}-release@localhost"
    link = soup(Client(HTTP_HOST="localhost").get(series.url)).find("a", href=series.url + "calendar/")
    assert link is not None and "calendar" in link.get_text()


def test_draft_papers_are_not_in_the_calendar(series):
    draft = PaperPageFactory.build(
        title="Secret draft", release_date=timezone.localdate() + datetime.timedelta(days=9)
    )
    series.add_child(instance=draft)
    draft.unpublish()
    response = Client(HTTP_HOST="localhost").get(series.url + "calendar/")
    assert b"Secret draft" not in response.content


def test_deliveries_and_their_errors_are_visible_to_staff_only(series):
    paper = PaperPage.objects.live().first()
    announcement = Announcement.objects.get_or_create(page=paper)[0]
    Delivery.objects.create(
        announcement=announcement,
        email="someone@example.org",
        reason="r",
        status=Delivery.Status.FAILED,
        attempts=2,
        last_error="SMTP 421 try later",
    )
    admin = get_user_model().objects.create_superuser("staff@example.org", "staff@example.org", "x-long-password-1")
    staff = signed_in(admin)
    listing = staff.get("/admin/alert-deliveries/?status=failed")
    assert listing.status_code == 200 and "someone@example.org" in text_of(listing)
    delivery = Delivery.objects.get(email="someone@example.org")
    assert "SMTP 421 try later" in text_of(staff.get(f"/admin/alert-deliveries/inspect/{delivery.pk}/"))
    assert staff.get("/admin/background-tasks/").status_code == 200
    # Records the site makes itself have no "Add" in the admin, even for a superuser.
    for path in ("/admin/alert-deliveries/", "/admin/background-tasks/", "/admin/email-subscriptions/"):
        assert staff.get(f"{path}new/").status_code in (302, 403), path
        assert f'href="{path}new/"' not in staff.get(path).content.decode()
    assert staff.get("/admin/email-subscriptions/").status_code == 200
    member = signed_in(make_member("nosy@example.org"))
    for path in ("/admin/alert-deliveries/", "/admin/background-tasks/", "/admin/email-subscriptions/"):
        assert member.get(path).status_code in (302, 403)


def test_an_announced_paper_opened_early_is_still_unread_once_released(series):
    member = make_member("early-reader@example.org")
    Follow.objects.create(user=member, series=series)
    client = signed_in(member)
    paper = PaperPageFactory.build(
        title="Opened too soon", release_date=timezone.localdate() + datetime.timedelta(days=3)
    )
    series.add_child(instance=paper)
    client.get(paper.url)  # the "coming soon" announcement
    PaperPage.objects.filter(pk=paper.pk).update(release_date=timezone.localdate())
    section = soup(client.get("/members/")).find(id="unread-heading").parent
    assert "Opened too soon" in section.get_text()


def test_pages_in_a_closed_section_cannot_be_saved():
    from django.contrib.auth.models import Group

    from wagtail.models import PageViewRestriction

    member = make_member("closed-section@example.org")
    study = CaseStudyPage.objects.live().first()
    index = study.get_parent()
    restriction = PageViewRestriction.objects.create(page=index, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Editors")])
    response = signed_in(member).post("/members/reading-list/", {"page": study.pk})
    assert response.status_code == 404


def test_a_saved_page_the_member_can_no_longer_see_can_still_be_removed_and_bad_ids_are_refused():
    from django.contrib.auth.models import Group

    from wagtail.models import PageViewRestriction

    from members.models import SavedPage

    member = make_member("lost-paper@example.org")
    client = signed_in(member)
    paper = PaperPage.objects.live().filter(release_date__lte=timezone.localdate()).first()
    client.post("/members/reading-list/", {"page": paper.pk})
    restriction = PageViewRestriction.objects.create(page=paper, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name="Editors")])
    assert paper.title not in soup(client.get("/members/")).find(id="reading-list").get_text()
    client.post("/members/reading-list/", {"page": paper.pk, "action": "remove"})
    assert not SavedPage.objects.filter(user=member).exists()
    assert client.post("/members/reading-list/", {"page": "abc"}).status_code == 404
    assert client.post("/alerts/follow/", {"series": "abc"}).status_code == 404
