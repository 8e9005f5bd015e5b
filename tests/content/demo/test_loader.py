"""The demo loader builds a complete site and running it again changes nothing."""

import hashlib

import pytest

from django.core.management import call_command

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from content.blog.models import BlogPage
from content.core.models import Organisation, Person
from content.glossary.models import DefinitionPage
from content.papers.models import PaperPage, PaperSeriesPage
from content.topics.models import Topic

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": list(Page.objects.values_list("pk", "path", "latest_revision_id", "last_published_at")),
        "revisions": Revision.objects.count(),
        "documents": list(get_document_model().objects.values_list("pk", "file", "file_hash")),
        "images": list(get_image_model().objects.values_list("pk", "file")),
        "topics": list(Topic.objects.values_list("pk", "name")),
        "people": list(Person.objects.values_list("pk", "family_name")),
        "organisations": list(Organisation.objects.values_list("pk", "name")),
    }


def test_demo_site_is_complete():
    series = PaperSeriesPage.objects.get(slug="social-capital-2025")
    assert series.title == "Social Capital 2025"
    papers = list(PaperPage.objects.live().child_of(series))
    assert len(papers) >= 4
    assert sum(not paper.is_released for paper in papers) >= 1
    for paper in papers:
        if paper.is_released:
            assert paper.report is not None and paper.body, paper.slug
            with paper.report.open_file() as handle:
                assert handle.read(5) == b"%PDF-"
        else:
            assert not paper.body and paper.report is None
    assert BlogPage.objects.live().count() >= 6
    assert DefinitionPage.objects.live().count() >= 15
    assert Topic.objects.count() >= 5
    assert Person.objects.count() >= 3 and Organisation.objects.count() >= 2
    assert PaperPage.objects.filter(partners__slug="demos").exists()
    assert PaperPage.objects.filter(partners__slug="local-trust").exists()


def test_loading_again_changes_nothing(capsys):
    before = snapshot()
    call_command("load_demo_content")
    assert "nothing changed" in capsys.readouterr().out
    assert snapshot() == before


def test_every_demo_document_has_the_size_and_sha1_of_its_file():
    """As Wagtail's upload sets them: saved without them, every demo report had an empty file_hash."""
    documents = list(get_document_model().objects.order_by("pk"))
    assert len(documents) >= PaperPage.objects.exclude(report=None).count() > 0
    for document in documents:
        with document.open_file() as handle:
            content = handle.read()
        assert document.file_size == len(content), document.title
        assert document.file_hash == hashlib.sha1(content).hexdigest(), document.title  # noqa: S324 - Wagtail's


def test_loading_again_gives_an_older_demos_documents_their_size_and_hash(capsys):
    documents = get_document_model().objects.all()
    expected = dict(documents.values_list("pk", "file_hash"))
    documents.update(file_hash="", file_size=None)  # a demo loaded before the loader set them
    curly = documents.filter(title__contains="\u2019").first()  # and titled before the curly apostrophes
    documents.filter(pk=curly.pk).update(title=curly.title.replace("\u2019", "'"))
    call_command("load_demo_content")
    assert "nothing changed" not in capsys.readouterr().out
    assert dict(documents.values_list("pk", "file_hash")) == expected
    assert not documents.filter(file_size=None).exists()


def test_demo_accounts_refuse_without_debug(settings):
    from django.core.management.base import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError, match="development only"):
        call_command("create_demo_accounts")


def test_demo_accounts_cover_each_tier_and_sign_in_through_allauth(settings, client):
    from members.tiers import LOCAL_GOVERNMENT_MEMBERS, MEMBERS

    settings.DEBUG = True
    call_command("create_demo_accounts")
    call_command("create_demo_accounts")  # twice: nothing changes
    from content.demo.accounts import DEMO_ACCOUNTS, current_demo_code

    for account in DEMO_ACCOUNTS:
        client.logout()
        response = client.post("/accounts/login/", {"login": account["email"], "password": account["password"]})
        assert response.status_code == 302, account["email"]
        if account.get("superuser"):  # staff pass a second step: the code the README tells them how to get
            assert response["Location"].startswith("/accounts/2fa/authenticate/")
            response = client.post(response["Location"], {"code": current_demo_code()})
        assert "_auth_user_id" in client.session
    from django.contrib.auth import get_user_model

    users = get_user_model().objects
    assert set(users.get(email="member@example.org").groups.values_list("name", flat=True)) == {MEMBERS}
    assert LOCAL_GOVERNMENT_MEMBERS in users.get(email="officer@stoke.gov.uk").groups.values_list("name", flat=True)
    assert users.get(email="admin@example.org").is_superuser
