"""/members/ in clear sections with a contents list, and one topics choice that drives alerts (issue 14)."""

from __future__ import annotations

import pytest

from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import caches
from django.test import Client

from wagtail.models import PageViewRestriction

from alerts.models import Follow
from content.core import worker_memo
from content.papers.models import PaperPage, PaperSeriesPage
from content.topics.models import Topic
from members.models import MemberProfile, SavedPage
from tests.helpers import soup
from tests.members.conftest import links_in, make_member

pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery-9"
SECTIONS = {
    "#details": "Your details",
    "#alerts": "Alerts and follows",
    "#reading-list": "Reading list",
    "#submissions": "Case studies and questions",
    "#privacy": "Privacy and your data",
}


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_area_has_a_contents_list_of_its_sections():
    html = soup(signed_in(make_member("sections@example.org")).get("/members/"))
    contents = html.find("nav", attrs={"aria-labelledby": "contents-heading"})
    links = {a["href"]: a.get_text(strip=True) for a in contents.find_all("a")}
    assert links == SECTIONS
    for anchor, label in SECTIONS.items():
        target = html.find(id=anchor[1:])
        assert target is not None, f"{anchor} has somewhere to land"
        assert target.find("h2").get_text(strip=True) == label, f"{anchor}: the contents list and heading differ"


def test_the_privacy_notice_consent_links_to_the_notice():
    member = make_member("notice@example.org")
    html = soup(signed_in(member).get("/members/"))
    row = next(th for th in html.select("#privacy th[scope=row]") if "privacy notice" in th.get_text())
    assert row.find("a", href="/privacy/")


def test_one_topics_checklist_on_the_page():
    html = soup(signed_in(make_member("one-list@example.org")).get("/members/"))
    names = {box["name"] for box in html.select('input[type="checkbox"]') if "topic" in box["name"]}
    assert names == {"alerts-topics"}, "the details form no longer has its own 'interests' checklist"


def test_topics_ticked_at_sign_up_are_followed_and_ticked_in_alerts():
    topics = list(Topic.objects.order_by("pk")[:2])
    client = Client()
    client.post(
        "/accounts/signup/",
        {
            "full_name": "Priya Shah",
            "email": "topics@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "organisation_type": "voluntary_community",
            "organisation_name": "Burslem Community Hub",
            "accept_privacy": "on",
            "topics": [t.pk for t in topics],
        },
    )
    user = get_user_model().objects.get(email="topics@example.org")
    assert set(Follow.objects.filter(user=user).values_list("topic_id", flat=True)) == {t.pk for t in topics}
    (path,) = [p for p in links_in(mail.outbox[0]) if "/accounts/confirm-email/" in p]
    client.get(path)  # one click, in this browser
    html = soup(client.get("/members/"))
    ticked = {int(box["value"]) for box in html.select('input[name="alerts-topics"][checked]')}
    assert ticked == {t.pk for t in topics}


def test_saving_alert_topics_keeps_the_profiles_interests_the_same():
    member = make_member("sync@example.org")
    topic = Topic.objects.order_by("pk").first()
    response = signed_in(member).post(
        "/alerts/settings/", {"alerts-topics": [topic.pk], "alerts-frequency": "immediate"}
    )
    assert response.status_code == 302
    assert list(MemberProfile.objects.get(user=member).topics.all()) == [topic]
    assert Follow.objects.filter(user=member, topic=topic).exists()


def test_details_are_summarised_on_the_account_page_and_changed_on_their_own():
    member = make_member("details@example.org")
    client = signed_in(member)
    summary = soup(client.get("/members/")).select_one("#details")
    assert "Change your details" in summary.get_text(" ", strip=True)
    assert summary.select_one("a[href='/members/details/']") is not None
    assert summary.select_one("form") is None  # the account page is a summary, not one long form
    response = client.post(
        "/members/details/",
        {
            "profile-full_name": "New Name",
            "profile-organisation_type": "voluntary_community",
            "profile-organisation_name": "Somewhere",
        },
    )
    assert (response.status_code, response["Location"]) == (302, "/members/")  # the message shows at the top
    assert MemberProfile.objects.get(user=member).full_name == "New Name"
    rows = soup(client.get("/members/")).select("#details .summary-list__row")
    assert [row.get_text(" ", strip=True) for row in rows][:2] == [
        "Full name New Name",
        "Organisation Somewhere Voluntary or community organisation",
    ]


def test_details_posted_to_the_old_address_are_kept():
    """A details form opened before it moved to its own page still saves: the POST is redirected with its body."""
    response = signed_in(make_member("old-form@example.org")).post("/members/", {"profile-full_name": "Kept"})
    assert (response.status_code, response["Location"]) == (307, "/members/details/")


def test_details_with_a_mistake_keep_what_was_typed():
    member = make_member("mistake@example.org")
    response = signed_in(member).post(
        "/members/details/",
        {"profile-full_name": "Kept Name", "profile-organisation_type": "voluntary_community"},
    )
    page = soup(response)
    assert response.status_code == 200
    assert page.select_one("title").get_text().startswith("Error:")
    assert page.select_one("input[name='profile-full_name']")["value"] == "Kept Name"
    assert "Enter the name of your organisation." in page.get_text(" ", strip=True)
    assert MemberProfile.objects.get(user=member).full_name != "Kept Name"


def test_reading_list_labels_are_human():
    member = make_member("reader2@example.org")
    paper = PaperPage.objects.live().public().order_by("pk").first()
    SavedPage.objects.create(user=member, page=paper)
    item = soup(signed_in(member).get("/members/")).select_one(".reading-list__item").get_text(" ", strip=True)
    assert "Paper, saved" in item and "page" not in item.split(",")[0].lower().replace(paper.title.lower(), "")


def test_membership_is_said_in_words_not_group_names():
    html = soup(signed_in(make_member("words@example.org")).get("/members/"))
    lead = html.select_one(".page-header .lead").get_text(" ", strip=True)
    assert lead.endswith("Membership: member.")  # not the group's name, "Members"


def test_a_page_with_errors_says_so_in_its_title_and_the_header_marks_where_you_are():
    client = Client()
    page = soup(client.get("/accounts/signup/"))
    assert not page.title.get_text().startswith("Error:")
    assert page.select_one('.account-nav a[aria-current="page"]').get_text(strip=True) == "Join"
    failed = soup(client.post("/accounts/signup/", {"email": "not an address"}))
    assert failed.title.get_text().startswith("Error: Join the network")


def test_a_message_on_arrival_is_in_a_live_region_errors_in_an_alert():
    """A banner shown when the page loads (Django messages) is in a status region; an error in an alert."""
    user = make_member("banners@example.org")
    client = signed_in(user)
    saved = soup(
        client.post(
            "/members/details/",
            {"profile-full_name": "Banner Member", "profile-organisation_type": "resident"},
            follow=True,
        )
    )
    status = saved.select_one("main [role=status] .message--success")
    assert status is not None and status.get_text(strip=True) == "Your details have been saved."
    assert not saved.select("main [role=alert] .message"), "a success shown as an alert"
    privacy = user.consents.get(kind="privacy_notice")
    refused = soup(client.post(f"/members/consents/{privacy.pk}/withdraw/", follow=True))
    alert = refused.select_one("main [role=alert] .message--error")
    assert alert is not None and alert.get_text(strip=True).startswith("Your membership depends on the privacy notice")
    assert not refused.select("main [role=status] .message"), "an error shown as a status"


def test_the_alert_checklists_offer_only_public_series_even_from_what_the_worker_kept():
    """The series and topics checklists are kept by the worker; a series restricted while the generation could
    not be replaced (the cache down: the old one put back) is still not offered, and a follow stays ticked."""
    member = make_member("checklists@example.org")
    series = PaperSeriesPage.objects.live().first()
    topic = Topic.objects.order_by("name").first()
    Follow.objects.create(user=member, topic=topic)
    client = signed_in(member)

    def offered() -> dict[str, dict[str, bool]]:
        html = soup(client.get("/members/"))
        return {
            name: {
                box.find_next("label").get_text(strip=True): box.has_attr("checked")
                for box in html.select(f'input[name="alerts-{name}"]')
            }
            for name in ("series", "topics")
        }

    first = offered()
    assert first["series"].get(series.title) is False and first["topics"][topic.name] is True
    assert list(first["topics"]) == list(Topic.objects.order_by("name").values_list("name", flat=True))
    old = caches["default"].get(worker_memo.GENERATION_KEY)
    PageViewRestriction.objects.create(page=series, restriction_type=PageViewRestriction.LOGIN)
    caches["default"].set(worker_memo.GENERATION_KEY, old, timeout=None)
    assert series.title not in offered()["series"]
    assert offered()["topics"] == first["topics"]


def test_a_post_of_a_restricted_or_unpublished_series_is_refused():
    """The checklist is drawn from what the worker keeps; what a post may choose is still read afresh."""
    member = make_member("posted@example.org")
    series = PaperSeriesPage.objects.live().first()
    client = signed_in(member)

    def saved() -> bool:
        data = {"alerts-series": [series.pk], "alerts-frequency": "immediate"}
        page = client.post("/alerts/settings/", data, follow=True).content.decode()
        return "Your alerts have been saved." in page and Follow.objects.filter(user=member, series=series).exists()

    restriction = PageViewRestriction.objects.create(page=series, restriction_type=PageViewRestriction.LOGIN)
    assert not saved()
    restriction.delete()
    series.unpublish()
    assert not saved()
    series.save_revision().publish()
    assert saved(), "the same post is accepted for a public series"
