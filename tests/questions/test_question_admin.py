"""Editors see that questions flow, read-only, without the messages or who sent them."""

from __future__ import annotations

import pytest

from django.contrib.auth.models import Group

from questions.models import Question
from tests.members.conftest import make_member
from tests.questions.conftest import client_for

pytestmark = pytest.mark.django_db

SECRET_TEXT = "Zanzibarquestion about the budget"


@pytest.fixture
def question(study, asker):
    return Question.objects.create(page=study, asker=asker, text=SECRET_TEXT, recipients=[])


@pytest.fixture
def superuser():
    user = make_member("super@example.org")
    user.is_staff = user.is_superuser = True
    user.save()
    return user


def test_listing_shows_flow_not_messages(question, superuser):
    client = client_for(superuser)
    response = client.get("/admin/case-study-questions/")
    assert response.status_code == 200
    body = response.content.decode()
    assert question.page.title in body and "Answered" in body
    assert SECRET_TEXT not in body and question.asker.email not in body and "Asha Asker" not in body
    assert "/admin/case-study-questions/new/" not in body
    assert f"/admin/case-study-questions/edit/{question.pk}/" not in body
    assert "Questions to authors" in client.get("/admin/").content.decode()


def test_nobody_adds_edits_or_deletes_questions_in_the_admin(question, superuser):
    client = client_for(superuser)
    for url in (
        "/admin/case-study-questions/new/",
        f"/admin/case-study-questions/edit/{question.pk}/",
        f"/admin/case-study-questions/delete/{question.pk}/",
    ):
        response = client.get(url)
        assert response.status_code in {302, 403}, url
        assert SECRET_TEXT not in response.content.decode()
    client.post(f"/admin/case-study-questions/delete/{question.pk}/")
    assert Question.objects.filter(pk=question.pk).exists()


def test_editors_see_the_listing_members_do_not(question):
    editor = make_member("editor@example.org")
    editor.groups.add(Group.objects.get(name="Editors"))
    assert client_for(editor).get("/admin/case-study-questions/").status_code == 200
    response = client_for(make_member("plain@example.org")).get("/admin/case-study-questions/")
    assert response.status_code == 302 and SECRET_TEXT not in response.content.decode()
