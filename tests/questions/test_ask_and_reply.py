"""Members ask a case study's authors a question; the hub relays it and reveals addresses only on reply."""

from __future__ import annotations

import datetime
import email
import re
from email import policy

import pytest
from bs4 import BeautifulSoup

from django.contrib.auth.models import Group
from django.core import mail, signing
from django.template import Context, Template
from django.test import TestCase
from django.utils import timezone

from questions.models import Question
from questions.relay import REPLY_SALT
from tests.helpers import soup
from tests.members.conftest import make_member
from tests.questions.conftest import ASKER_EMAIL, CONTACTS, client_for, links_in, publish_case_study

pytestmark = pytest.mark.django_db

QUESTION = "How did you recruit the first resident volunteers?"
ANSWER = "Through the tenants' association and a stall at the Saturday market."


def everything_in(message) -> str:
    """Every header and every part of a sent message, as sent and decoded."""
    raw = message.message().as_bytes()
    parsed = email.message_from_bytes(raw, policy=policy.default)
    decoded = [part.get_content() for part in parsed.walk() if part.get_content_maintype() == "text"]
    headers = [f"{key}: {value}" for key, value in parsed.items()]
    return "\n".join([raw.decode("utf-8", "replace"), *headers, *decoded])


def without_csrf(response) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())


def ask_url(study) -> str:
    return f"/questions/ask/{study.pk}/"


def committed(post, *args, **kwargs):
    """A POST whose on-commit callbacks (the relay's emails are queued there) run, as after a real commit."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return post(*args, **kwargs)


def ask(client, study, text=QUESTION):
    return committed(client.post, ask_url(study), {"question-text": text})


def test_member_asks_authors_reply_and_only_then_addresses_are_shared(study, asker):
    client = client_for(asker)
    page = soup(client.get(study.url))
    form = page.select_one("#ask-question form")
    assert form is not None and form["action"] == ask_url(study) and form["method"] == "post"
    assert page.select_one("label[for=id_question-text]").get_text(strip=True) == "Your question"
    assert "2,000 characters" in page.select_one("#id_question-text-hint").get_text()
    assert page.select_one("#id_question-text")["aria-describedby"] == "id_question-text-hint"

    response = ask(client, study)
    assert response.status_code == 302 and response["Location"] == f"{study.url}#ask-question"
    question = Question.objects.get()
    assert (question.page_id, question.asker_id, question.text) == (study.pk, asker.pk, QUESTION)

    # One email per contact, each with its own link; the asker's address appears nowhere in them.
    assert sorted(m.to[0] for m in mail.outbox) == sorted(c["email"] for c in CONTACTS)
    for message in mail.outbox:
        everything = everything_in(message)
        assert ASKER_EMAIL not in everything and "leeds.gov.uk" not in everything
        assert message.reply_to == []
        assert QUESTION in message.body and "Asha Asker" in message.body and "Leeds City Council" in message.body
    by_contact = {m.to[0]: m for m in mail.outbox}
    reply_path = next(p for p in links_in(by_contact[CONTACTS[0]["email"]]) if p.startswith("/questions/"))
    other_path = next(p for p in links_in(by_contact[CONTACTS[1]["email"]]) if p.startswith("/questions/"))
    assert reply_path != other_path and reply_path.endswith("/reply/")

    # The page now says the question went; the form is still there for another one later.
    notice = soup(client.get(study.url)).select_one("#ask-question .notice").get_text()
    assert "We will email you their answer" in notice

    # The author answers through the link, without signing in, and is told what sending shares.
    mail.outbox.clear()
    author = client_for()
    reply_page = author.get(reply_path)
    assert reply_page.status_code == 200
    text = soup(reply_page).get_text(" ", strip=True)
    assert "Sending your answer shares your email address with Asha Asker, and theirs with you" in text
    assert QUESTION in text and ASKER_EMAIL not in reply_page.content.decode()
    assert reply_page["Referrer-Policy"] == "no-referrer"
    assert "no-store" in reply_page["Cache-Control"]

    sent = committed(author.post, reply_path, {"answer-reply": ANSWER})
    assert sent.status_code == 200 and "Your answer has been sent" in sent.content.decode()
    question.refresh_from_db()
    assert question.is_answered and question.reply == ANSWER
    assert question.answered_by_email == CONTACTS[0]["email"]

    to_asker, copy = sorted(mail.outbox, key=lambda m: m.to[0] != ASKER_EMAIL)
    assert to_asker.to == [ASKER_EMAIL] and to_asker.reply_to == [CONTACTS[0]["email"]]
    assert ANSWER in to_asker.body and "Priya Author" in to_asker.body
    assert copy.to == [CONTACTS[0]["email"]] and copy.reply_to == [ASKER_EMAIL]
    assert ASKER_EMAIL in copy.body and ANSWER in copy.body
    assert CONTACTS[1]["email"] not in everything_in(to_asker), "the co-author who did not answer stays private"

    # One answer per question: the second, from the co-author's link, is refused and sends nothing.
    mail.outbox.clear()
    second = committed(client_for().post, other_path, {"answer-reply": "Another answer"})
    assert second.status_code == 409
    assert "already been answered" in second.content.decode()
    assert mail.outbox == []
    question.refresh_from_db()
    assert question.reply == ANSWER

    # The asker sees the question and the answer in their own list.
    rendered = Template("{% load question_tags %}{% member_questions user %}").render(Context({"user": asker}))
    listed = BeautifulSoup(rendered, "html.parser").get_text(" ", strip=True)
    assert QUESTION in listed and ANSWER in listed and "Priya Author answered" in listed


def test_contact_emails_are_no_longer_on_the_page(study, asker):
    html = client_for(asker).get(study.url).content.decode()
    for contact in CONTACTS:
        assert contact["name"] in html
        assert contact["email"] not in html
    assert "mailto:priya" not in html


@pytest.mark.parametrize("reader", ["anonymous", "unverified", "member of the wrong tier"])
def test_readers_without_access_can_neither_see_the_form_nor_ask(study, reader):
    user = {
        "anonymous": None,
        "unverified": lambda: make_member("unverified@leeds.gov.uk", verified=False),
        "member of the wrong tier": lambda: make_member("member@example.org"),
    }[reader]
    client = client_for(user() if user else None)
    teaser = client.get(study.url)
    assert teaser.status_code == 200
    assert soup(teaser).select_one("#ask-question") is None
    assert "Ask the authors" not in teaser.content.decode()
    missing = client.post("/questions/ask/999999/", {"question-text": QUESTION})
    for response in (ask(client, study), client.get(ask_url(study))):
        assert response.status_code == 404
        assert without_csrf(response) == without_csrf(missing), "answers exactly like a page that does not exist"
    assert not Question.objects.exists() and mail.outbox == []


def test_members_of_the_tier_with_unverified_address_cannot_ask(study):
    user = make_member("officer2@leeds.gov.uk")
    user.emailaddress_set.update(verified=False)  # still in the group until the next sync
    assert user.groups.filter(name="Local government members").exists()
    assert ask(client_for(user), study).status_code == 404


def test_asking_needs_csrf_and_post(study, asker):
    client = client_for(asker)
    client.handler.enforce_csrf_checks = True
    assert client.post(ask_url(study), {"question-text": QUESTION}).status_code == 403
    assert client_for(asker).put(ask_url(study)).status_code == 405
    assert not Question.objects.exists()


def test_one_question_per_case_study_per_hour_then_429_with_the_text_kept(study, asker):
    client = client_for(asker)
    assert ask(client, study).status_code == 302
    mail.outbox.clear()
    retyped = "A follow-up <question> with & characters"
    response = ask(client, study, retyped)
    assert response.status_code == 429
    assert response["Retry-After"]
    page = soup(response)
    summary = page.select_one("[data-error-summary]")
    assert "less than an hour ago" in summary.get_text()
    assert page.select_one("#id_question-text").get_text().removeprefix("\n") == retyped
    assert Question.objects.count() == 1 and mail.outbox == []


def test_five_questions_a_day_across_case_studies(study, asker):
    now = timezone.now()
    for hours in (2, 5, 9, 14, 23):
        Question.objects.create(
            page=study, asker=asker, text="Earlier", created_at=now - datetime.timedelta(hours=hours)
        )
    other = publish_case_study(title="Another case study", audience="members")
    response = ask(client_for(asker), other)
    assert response.status_code == 429
    assert "5 questions in the last 24 hours" in soup(response).select_one("[data-error-summary]").get_text()
    assert QUESTION in response.content.decode()

    Question.objects.filter(created_at__lt=now - datetime.timedelta(hours=22)).update(
        created_at=now - datetime.timedelta(hours=25)
    )
    assert ask(client_for(asker), other).status_code == 302, "a question older than 24 hours no longer counts"


def test_limits_come_from_settings(study, asker, settings):
    settings.QUESTIONS_PER_DAY = 1
    settings.QUESTIONS_PER_PAGE_PER_HOUR = 3
    other = publish_case_study(title="Another case study", audience="members")
    assert ask(client_for(asker), study).status_code == 302
    assert ask(client_for(asker), other).status_code == 429


def test_empty_and_too_long_questions_are_refused_with_an_error_summary(study, asker):
    client = client_for(asker)
    empty = soup(ask(client, study, "   "))
    assert empty.select_one("[data-error-summary] a[href='#id_question-text']").get_text() == "Enter your question"
    too_long = ask(client, study, "x" * 2001)
    assert too_long.status_code == 200
    html = soup(too_long)
    assert "2,000 characters or fewer (it has 2001)" in html.select_one("[data-error-summary]").get_text()
    assert html.select_one("#id_question-text")["aria-invalid"] == "true"
    assert html.select_one("#id_question-text").get_text().removeprefix("\n") == "x" * 2001
    assert not html.select_one("#id_question-text").has_attr("maxlength")
    assert not Question.objects.exists()


def test_forged_tampered_and_expired_links_are_refused(study, asker, monkeypatch):
    ask(client_for(asker), study)
    path = next(p for p in links_in(mail.outbox[0]) if p.startswith("/questions/"))
    signed = path.split("/")[2]
    question = Question.objects.get()
    forged = [
        signing.dumps({"t": question.token, "r": 0}, salt="another.salt"),
        signing.dumps({"t": "guessed-token", "r": 0}, salt=REPLY_SALT),
        signing.dumps({"t": question.token, "r": 7}, salt=REPLY_SALT),
        signed[:-2] + ("AA" if not signed.endswith("AA") else "BB"),
        "nonsense",
    ]
    for value in forged:
        for response in (
            client_for().get(f"/questions/{value}/reply/"),
            client_for().post(f"/questions/{value}/reply/", {"answer-reply": "x"}),
        ):
            assert response.status_code == 404
            assert "expired or is not valid" in response.content.decode()
    real_time = signing.time.time
    monkeypatch.setattr(signing.time, "time", lambda: real_time() + 61 * 24 * 3600)
    expired = client_for().post(path, {"answer-reply": ANSWER})
    assert expired.status_code == 404 and "expired or is not valid" in expired.content.decode()
    monkeypatch.setattr(signing.time, "time", lambda: real_time() + 59 * 24 * 3600)
    assert client_for().get(path).status_code == 200
    question.refresh_from_db()
    assert not question.is_answered


def test_no_contact_address_means_the_editors_get_it(asker):
    study = publish_case_study(contacts=[("contact", {"name": "No Address", "role": "", "email": ""})])
    editor = make_member("editor@example.org")
    editor.groups.add(Group.objects.get(name="Editors"))
    assert ask(client_for(asker), study).status_code == 302
    (message,) = mail.outbox
    assert message.to == ["editor@example.org"]
    assert "no contact" in message.body and ASKER_EMAIL not in everything_in(message)
    assert Question.objects.get().routed_to == Question.RoutedTo.EDITORS


def test_a_name_that_is_an_address_is_not_shown_to_the_authors(study, asker):
    asker.member_profile.full_name = ASKER_EMAIL
    asker.member_profile.save()
    ask(client_for(asker), study)
    for message in mail.outbox:
        assert ASKER_EMAIL not in everything_in(message) and "A member of the network" in message.body


def test_questions_go_with_the_askers_account(study, asker):
    ask(client_for(asker), study)
    path = next(p for p in links_in(mail.outbox[0]) if p.startswith("/questions/"))
    asker.delete()
    assert not Question.objects.exists()
    assert client_for().get(path).status_code == 404


def test_the_form_is_not_on_the_teaser_nor_for_other_members_in_their_list(study, asker):
    ask(client_for(asker), study)
    other = make_member("someone@leeds.gov.uk")
    rendered = Template("{% load question_tags %}{% member_questions user %}").render(Context({"user": other}))
    assert QUESTION not in rendered and "not asked any questions" in rendered


def test_questions_are_ready_for_the_data_export(study, asker):
    from questions.export import questions_for_export

    ask(client_for(asker), study)
    (entry,) = questions_for_export(asker)
    assert entry["case_study"] == study.title and entry["question"] == QUESTION and entry["answer"] == ""
    assert questions_for_export(make_member("someone@example.org")) == []
