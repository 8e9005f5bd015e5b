"""Following, release alerts and subscriptions, through what members and subscribers receive."""

from __future__ import annotations

import datetime
import re

import pytest

from django.core import mail
from django.core.cache import cache
from django.test import Client, override_settings
from django.utils import timezone

from alerts.models import AlertSettings, Announcement, Delivery, EmailSubscription, Follow, Frequency
from alerts.tasks import announce_due_papers, retry_failed_deliveries, send_due_digests
from content.papers.models import PaperSeriesPage
from hub.periodic import run_periodic_jobs
from members.tiers import LOCAL_GOVERNMENT_MEMBERS
from tests.factories import CaseStudyPageFactory, PaperPageFactory, TopicFactory
from tests.helpers import soup, text_of
from tests.members.conftest import make_member

pytestmark = pytest.mark.django_db

LINK = re.compile(r"https?://[^/\s]+(/[^\s]+)")


@pytest.fixture(autouse=True)
def empty_outbox():
    mail.outbox.clear()
    cache.clear()  # the subscription form's per-address limit


@pytest.fixture
def series():
    return PaperSeriesPage.objects.get(slug="social-capital-2025")


def signed_in(user) -> Client:
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def alerts_to(address: str) -> list:
    return [m for m in mail.outbox if address in m.to]


def schedule_release(series, title: str, *, user=None):
    """An announced paper whose release revision goes live at a time that has just passed."""
    paper = PaperPageFactory.build(title=title, release_date=timezone.localdate(), live=False)
    series.add_child(instance=paper)
    revision = paper.save_revision(user=user)
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
    revision.save()
    paper.go_live_at = revision.approved_go_live_at
    paper.save()
    return paper


def test_follow_button_then_scheduled_release_sends_one_email(series, django_capture_on_commit_callbacks):
    member = make_member("follower@example.org")
    client = signed_in(member)
    page = client.get(series.url)
    form = soup(page).find("form", action="/alerts/follow/")
    assert form is not None and "Follow" in form.get_text()
    response = client.post("/alerts/follow/", {"series": series.pk, "next": series.url}, follow=True)
    assert "You follow Social Capital 2025. We will email you when something new is published." in text_of(response)
    assert "Unfollow Social Capital 2025" in text_of(client.get(series.url))

    paper = schedule_release(series, "Trust between neighbours")
    with django_capture_on_commit_callbacks(execute=True):
        run_periodic_jobs()  # the worker's clock: Wagtail's scheduled publishing, then alerts
    paper.refresh_from_db()
    assert paper.live
    (message,) = alerts_to("follower@example.org")
    assert message.subject.endswith("New paper: Trust between neighbours")
    assert "You follow the series Social Capital 2025." in message.body
    assert paper.url in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # Re-publishing (an editor's correction) and later ticks send nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        paper.save_revision().publish()
        run_periodic_jobs()
    assert len(alerts_to("follower@example.org")) == 1
    assert Announcement.objects.filter(page=paper).count() == 1


def test_a_paper_released_by_date_is_announced_by_the_clock(series):
    member = make_member("by-date@example.org")
    Follow.objects.create(user=member, series=series)
    paper = PaperPageFactory.build(title="Released today", release_date=timezone.localdate())
    # Live before its release date (as an announcement): no publish event on the day itself.
    series.add_child(instance=paper)
    assert not alerts_to("by-date@example.org")
    announce_due_papers()
    announce_due_papers()
    assert [m.subject for m in alerts_to("by-date@example.org")] == ["New paper: Released today"]


def test_announced_paper_is_not_news_until_released(series, django_capture_on_commit_callbacks):
    member = make_member("early@example.org")
    Follow.objects.create(user=member, series=series)
    paper = PaperPageFactory.build(
        title="Coming later", release_date=timezone.localdate() + datetime.timedelta(days=20)
    )
    with django_capture_on_commit_callbacks(execute=True):
        series.add_child(instance=paper)
        paper.save_revision().publish()
    announce_due_papers()
    assert not alerts_to("early@example.org")
    assert not Announcement.objects.filter(page=paper).exists()


def test_member_only_case_study_reaches_only_followers_who_may_read_it(django_capture_on_commit_callbacks):
    topic = TopicFactory(name="Tenant participation", slug="tenant-participation")
    reader = make_member("council-follower@leeds.gov.uk")
    outsider = make_member("outsider@example.org")
    assert reader.groups.filter(name=LOCAL_GOVERNMENT_MEMBERS).exists()
    for user in (reader, outsider):
        Follow.objects.create(user=user, topic=topic)
    subscription = EmailSubscription.objects.create(email="public@example.net", confirmed_at=timezone.now())
    index = CaseStudyPageFactory._meta.model.objects.first().get_parent()
    study = CaseStudyPageFactory.build(title="Estate forums that worked", audience="local_government", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        index.add_child(instance=study)
        study.topics.add(topic)
        study.save_revision().publish()
    assert len(alerts_to("council-follower@leeds.gov.uk")) == 1
    assert not alerts_to("outsider@example.org")
    assert not alerts_to(subscription.email)
    assert "Estate forums" not in " ".join(m.body for m in mail.outbox if reader.email not in m.to)


def test_weekly_digest_collects_alerts_and_sends_once(series):
    member = make_member("weekly@example.org")
    AlertSettings.objects.create(user=member, frequency=Frequency.WEEKLY)
    Follow.objects.create(user=member, series=series)
    for title in ("First of the week", "Second of the week"):
        series.add_child(instance=PaperPageFactory.build(title=title, release_date=timezone.localdate()))
    announce_due_papers()
    assert not alerts_to("weekly@example.org")
    assert Delivery.objects.filter(user=member, digest=True, status=Delivery.Status.PENDING).count() == 2

    send_due_digests()  # not a week yet
    assert not alerts_to("weekly@example.org")
    Delivery.objects.filter(user=member).update(created_at=timezone.now() - datetime.timedelta(days=8))
    send_due_digests()
    send_due_digests()
    (digest,) = alerts_to("weekly@example.org")
    assert "First of the week" in digest.body and "Second of the week" in digest.body
    assert "List-Unsubscribe" in digest.extra_headers


def test_failed_sends_are_retried_and_shown(series, settings):
    member = make_member("retry@example.org")
    Follow.objects.create(user=member, series=series)
    # A real SMTP failure: nothing listens on this port.
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    series.add_child(instance=PaperPageFactory.build(title="Retried paper", release_date=timezone.localdate()))
    announce_due_papers()
    delivery = Delivery.objects.get(user=member)
    assert delivery.status == Delivery.Status.FAILED and delivery.attempts == 1 and delivery.last_error

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    retry_failed_deliveries()  # back-off not over: nothing yet
    assert not alerts_to("retry@example.org")
    Delivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    retry_failed_deliveries()
    retry_failed_deliveries()
    assert len(alerts_to("retry@example.org")) == 1
    delivery.refresh_from_db()
    assert delivery.status == Delivery.Status.SENT and delivery.attempts == 1


def test_subscription_double_opt_in_and_one_click_unsubscribe(series):
    anonymous = Client(HTTP_HOST="localhost", enforce_csrf_checks=False)
    response = anonymous.post("/alerts/subscribe/", {"email": "Reader@Example.net"})
    assert "Check your email" in text_of(response)
    (confirmation,) = mail.outbox
    confirm_path = LINK.findall(confirmation.body)[0]
    subscription = EmailSubscription.objects.get(email="reader@example.net")

    # Opening the link (as a mail scanner would) confirms nothing; pressing the button does.
    assert "Confirm" in text_of(anonymous.get(confirm_path))
    series.add_child(instance=PaperPageFactory.build(title="Before confirming", release_date=timezone.localdate()))
    announce_due_papers()
    assert len(mail.outbox) == 1
    anonymous.post(confirm_path)
    subscription.refresh_from_db()
    assert subscription.is_active

    series.add_child(instance=PaperPageFactory.build(title="After confirming", release_date=timezone.localdate()))
    announce_due_papers()
    (alert,) = alerts_to("reader@example.net")[1:]
    assert "After confirming" in alert.subject
    unsubscribe = re.search(r"<https?://[^/]+(/[^>]+)>", alert.extra_headers["List-Unsubscribe"]).group(1)
    assert unsubscribe in alert.body

    # The mail program's one-click POST: no session, no CSRF token.
    mail_program = Client(HTTP_HOST="localhost", enforce_csrf_checks=True)
    response = mail_program.post(unsubscribe, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    subscription.refresh_from_db()
    assert subscription.unsubscribed_at is not None
    series.add_child(instance=PaperPageFactory.build(title="After leaving", release_date=timezone.localdate()))
    announce_due_papers()
    assert len(alerts_to("reader@example.net")) == 2


def test_subscribing_twice_reveals_nothing_and_sends_no_second_confirmation():
    anonymous = Client(HTTP_HOST="localhost")
    EmailSubscription.objects.create(email="known@example.net", confirmed_at=timezone.now())
    first = anonymous.post("/alerts/subscribe/", {"email": "known@example.net"})
    second = anonymous.post("/alerts/subscribe/", {"email": "new@example.net"})
    assert text_of(first).replace("known@example.net", "X") == text_of(second).replace("new@example.net", "X")
    assert [m.to for m in mail.outbox] == [["new@example.net"]]
    bad = anonymous.post("/alerts/subscribe/", {"email": "not an address"})
    assert "Enter a valid email address" in text_of(bad)
    assert soup(bad).find("input", attrs={"name": "email"})["value"] == "not an address"


def test_forged_links_are_refused():
    anonymous = Client(HTTP_HOST="localhost")
    assert anonymous.get("/alerts/unsubscribe/not-a-token/").status_code == 404
    assert anonymous.post("/alerts/subscribe/confirm/forged:abc/").status_code == 404


def test_member_unsubscribe_link_stops_every_alert(series):
    member = make_member("stop@example.org")
    Follow.objects.create(user=member, series=series)
    series.add_child(instance=PaperPageFactory.build(title="Last one", release_date=timezone.localdate()))
    announce_due_papers()
    (alert,) = alerts_to("stop@example.org")
    path = [p for p in LINK.findall(alert.body) if "/alerts/unsubscribe/" in p][0]
    Client(HTTP_HOST="localhost", enforce_csrf_checks=True).post(path)
    assert not Follow.objects.filter(user=member).exists()


def test_alert_settings_in_members_area(series):
    member = make_member("settings@example.org")
    topic = TopicFactory(name="Food", slug="food")
    client = signed_in(member)
    page = client.get("/members/")
    assert soup(page).find(id="alerts") is not None
    client.post(
        "/alerts/settings/",
        {
            "alerts-series": [series.pk],
            "alerts-topics": [topic.pk],
            "alerts-authority_kinds": ["metropolitan-district"],
            "alerts-frequency": "weekly",
        },
    )
    assert {f.target_label for f in Follow.objects.filter(user=member)} == {
        "the series Social Capital 2025",
        "the topic Food",
        "case studies from metropolitan districts",
    }
    assert member.alert_settings.frequency == "weekly"
    checked = soup(client.get("/members/")).find("input", attrs={"name": "alerts-frequency", "value": "weekly"})
    assert checked.has_attr("checked")


@override_settings(
    TASKS={
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    }
)
def test_the_database_worker_delivers_queued_alerts(series, django_capture_on_commit_callbacks):
    from django_tasks_db.models import DBTaskResult

    from django.core.management import call_command

    member = make_member("worker@example.org")
    Follow.objects.create(user=member, series=series)
    paper = schedule_release(series, "Published by the worker")
    with django_capture_on_commit_callbacks(execute=True):
        run_periodic_jobs()  # publishes; the announcement is queued in the database, not sent
    paper.refresh_from_db()
    assert paper.live
    assert not alerts_to("worker@example.org")
    assert DBTaskResult.objects.filter(task_path="alerts.tasks.announce_page").exists()
    call_command("run_worker", batch=True, no_clock=True, startup_delay=False, verbosity=0)
    assert [m.subject for m in alerts_to("worker@example.org")] == ["New paper: Published by the worker"]
    assert not DBTaskResult.objects.exclude(status="SUCCESSFUL").exists()


def test_a_delivery_left_pending_is_sent_by_the_clock(series):
    """A worker that died between announcing and queuing the sends loses nothing."""
    from alerts.announce import announce

    member = make_member("stranded@example.org")
    Follow.objects.create(user=member, series=series)
    paper = PaperPageFactory.build(title="Stranded paper", release_date=timezone.localdate())
    series.add_child(instance=paper)
    Announcement.objects.filter(page=paper).delete()
    mail.outbox.clear()
    announce(paper)  # deliveries created, nothing queued (as if the worker died here)
    assert Delivery.objects.get(user=member).status == Delivery.Status.PENDING
    retry_failed_deliveries()
    retry_failed_deliveries()
    assert len(alerts_to("stranded@example.org")) == 1


def test_two_accounts_with_one_address_get_one_email_and_do_not_block_the_rest(series):
    first = make_member("Shared@Example.org")
    second = make_member("other@example.org")
    second.email = "shared@example.org"
    second.save()
    third = make_member("third@example.org")
    for user in (first, second, third):
        Follow.objects.create(user=user, series=series)
    series.add_child(instance=PaperPageFactory.build(title="Shared address", release_date=timezone.localdate()))
    announce_due_papers()
    assert len([m for m in mail.outbox if m.to == ["shared@example.org"]]) == 1
    assert len(alerts_to("third@example.org")) == 1


def test_subscription_requests_are_limited_per_client_and_keep_the_address(settings):
    settings.ALERTS_SUBSCRIBE_PER_HOUR = 2
    anonymous = Client(HTTP_HOST="localhost")
    for n in range(2):
        assert anonymous.post("/alerts/subscribe/", {"email": f"s{n}@example.net"}).status_code == 200
    refused = anonymous.post("/alerts/subscribe/", {"email": "s3@example.net"})
    assert refused.status_code == 429
    assert "Too many requests" in text_of(refused)
    assert soup(refused).find("input", attrs={"name": "email"})["value"] == "s3@example.net"
    assert len(mail.outbox) == 2


def test_one_clock_at_a_time():
    from hub.models import ClockLease

    assert ClockLease.take("worker-a", seconds=120)
    assert not ClockLease.take("worker-b", seconds=120)
    assert ClockLease.take("worker-a", seconds=120)  # renewal by the holder
    ClockLease.objects.filter(name="clock").update(held_until=timezone.now() - datetime.timedelta(seconds=1))
    assert ClockLease.take("worker-b", seconds=120)  # the lease of a worker that stopped expires
    assert not ClockLease.take("worker-a", seconds=120)


def test_a_case_study_whose_announcement_never_ran_is_announced_by_the_clock():
    """The web process died between publishing and queuing: the clock catches up, once."""
    from alerts.tasks import announce_missed_pages
    from content.case_studies.models import CaseStudyPage

    topic = TopicFactory(name="Missed topic", slug="missed-topic")
    member = make_member("catch-up@example.org")
    Follow.objects.create(user=member, topic=topic)
    index = CaseStudyPage.objects.first().get_parent()
    study = CaseStudyPageFactory.build(title="Published while the worker was down", audience="members")
    index.add_child(instance=study)  # on-commit callbacks never run here: no announcement queued
    study.topics.add(topic)
    study.save_revision().publish()
    CaseStudyPage.objects.filter(pk=study.pk).update(first_published_at=timezone.now() - datetime.timedelta(minutes=6))
    assert not Announcement.objects.filter(page=study).exists()
    announce_missed_pages()
    announce_missed_pages()
    assert len(alerts_to("catch-up@example.org")) == 1


def test_someone_who_unsubscribed_can_subscribe_again():
    EmailSubscription.objects.create(
        email="back@example.net", confirmed_at=timezone.now(), unsubscribed_at=timezone.now()
    )
    Client(HTTP_HOST="localhost").post("/alerts/subscribe/", {"email": "back@example.net"})
    assert [m.to for m in mail.outbox] == [["back@example.net"]]


def test_a_delivery_claimed_again_is_sent_once_and_a_cancelled_one_stays_cancelled(series):
    from alerts.announce import announce
    from alerts.tasks import claim, send_delivery

    member = make_member("fenced@example.org")
    Follow.objects.create(user=member, series=series)
    paper = PaperPageFactory.build(title="Fenced paper", release_date=timezone.localdate())
    series.add_child(instance=paper)
    Announcement.objects.filter(page=paper).delete()
    mail.outbox.clear()
    announce(paper)
    queryset = Delivery.objects.filter(user=member)
    first_token, ids = claim(queryset)
    # The queue was slow: the lease ran out and the clock claimed it again.
    queryset.update(next_attempt_at=timezone.now() - datetime.timedelta(seconds=1))
    second_token, again = claim(queryset)
    assert ids == again and first_token != second_token
    assert send_delivery.call(ids[0], first_token).startswith("not claimed")
    assert send_delivery.call(ids[0], second_token) == "sent"
    assert send_delivery.call(ids[0], second_token).startswith("not claimed")
    assert len(alerts_to("fenced@example.org")) == 1

    delivery = Delivery.objects.get(pk=ids[0])
    Delivery.objects.filter(pk=delivery.pk).update(status=Delivery.Status.CANCELLED)
    assert not delivery.record_failure("SMTP timeout")  # a failing send finishing after an unsubscribe
    assert Delivery.objects.get(pk=delivery.pk).status == Delivery.Status.CANCELLED
