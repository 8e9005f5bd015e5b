"""Document access follows each editor's save at once: Wagtail's reference index never lags behind pages.

Who may download a document is decided from the pages that use it (``content.core.privacy``), read from
Wagtail's reference index. With the database queue, as in production, and no worker, every answer below is
given straight after the editor's save returns, inside a test transaction that never commits: nothing waits
for the worker or for a commit.
"""

from __future__ import annotations

import pytest
from django_tasks_db.models import DBTaskResult

from django.apps import apps
from django.core.files.base import ContentFile
from django.db.models.signals import post_migrate, pre_migrate
from django.test import Client, override_settings
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import ReferenceIndex
from wagtail.rich_text import RichText
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.test.utils.form_data import inline_formset

from content.blog.models import BlogPage
from content.case_studies.models import CaseStudyAttachment
from content.core import indexing, reference_index
from content.core.indexing import deferred
from members.models import LocalGovernmentDomain
from tests.content.case_study_admin import create, edit
from tests.members.conftest import make_member

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}


@pytest.fixture(autouse=True)
def database_queue():
    with override_settings(TASKS=DATABASE_QUEUE):
        yield
    # Nothing the index depends on was left for a worker.
    assert not DBTaskResult.objects.filter(task_path__endswith="update_reference_index_task").exists()


@pytest.fixture
def document():
    return get_document_model().objects.create(
        title="Estate survey", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="estate-survey.pdf")
    )


@pytest.fixture
def readers() -> dict[str, Client]:
    LocalGovernmentDomain.objects.get_or_create(domain="testshire.gov.uk")
    officer, member = Client(HTTP_HOST="localhost"), Client(HTTP_HOST="localhost")
    officer.force_login(make_member("index-officer@testshire.gov.uk"))
    member.force_login(make_member("index-member@example.org"))
    return {"anonymous": Client(HTTP_HOST="localhost"), "member": member, "officer": officer}


def who_can_download(readers: dict[str, Client], document) -> set[str]:
    return {name for name, client in readers.items() if client.get(document.url).status_code == 200}


def blog_post_linking(document) -> BlogPage:
    post = BlogPage.objects.live().first()
    post.body = [("paragraph", RichText(f'<p>See <a linktype="document" id="{document.pk}">the survey</a>.</p>'))]
    return post


def test_a_document_attached_to_a_restricted_case_study_follows_each_save(moderator, readers, document):
    # Attached to a local-government-only case study and published in the admin: its tier only, at once.
    study = create(
        moderator,
        "Survey study",
        "local_government",
        attachments=inline_formset([{"document": document.pk, "title": ""}]),
    )
    assert who_can_download(readers, document) == {"officer"}

    # Linked from a public blog post as well: released to everyone the moment that post is published.
    blog_post_linking(document).save_revision().publish()
    assert who_can_download(readers, document) == {"anonymous", "member", "officer"}

    # The link removed from the post in a draft: the live post still has it.
    post = BlogPage.objects.get(pk=BlogPage.objects.live().first().pk)
    post.body = [("paragraph", RichText("<p>No link now.</p>"))]
    post.save_revision()
    assert who_can_download(readers, document) == {"anonymous", "member", "officer"}
    # Published: refused to the public again at once.
    post.save_revision().publish()
    assert who_can_download(readers, document) == {"officer"}

    # The attachment removed in the admin and published: no live page uses it, nobody gets it.
    attachment = CaseStudyAttachment.objects.get(page=study)
    edit(
        moderator,
        study,
        "local_government",
        publish=True,
        attachments=inline_formset(
            [{"id": attachment.pk, "document": document.pk, "title": "", "DELETE": "1"}], initial=1
        ),
    )
    assert not CaseStudyAttachment.objects.filter(page=study).exists()
    assert who_can_download(readers, document) == set()


def test_a_link_only_in_a_draft_releases_nothing(readers, document):
    """The index records the page as it stands in the database (live), not the draft being saved."""
    blog_post_linking(document).save_revision()
    assert who_can_download(readers, document) == set()


def test_deleting_the_page_that_used_a_document_refuses_it(moderator, readers, document):
    post = blog_post_linking(document)
    post.save_revision().publish()
    assert who_can_download(readers, document) == {"anonymous", "member", "officer"}
    response = moderator.post(reverse("wagtailadmin_pages:delete", args=[post.pk]))
    assert response.status_code == 302
    assert not BlogPage.objects.filter(pk=post.pk).exists()
    assert who_can_download(readers, document) == set()


def test_a_bulk_load_indexes_what_it_saved_as_it_ends(readers, document):
    """Inside ``deferred()`` (the demo load) pages are indexed when the block ends, not at each save,
    and then as any save would leave it: a link kept, a link removed."""
    post = blog_post_linking(document)
    other = BlogPage.objects.live().exclude(pk=post.pk).first()
    other.body = [("paragraph", RichText(f'<p>Also <a linktype="document" id="{document.pk}">the survey</a>.</p>'))]
    with deferred():
        post.save_revision().publish()
        other.save_revision().publish()
        post.body = [("paragraph", RichText("<p>No link now.</p>"))]
        post.save_revision().publish()
        # Not yet: the index is written as the block ends.
        assert not ReferenceIndex.get_references_to(document).exists()
    assert {ref.object_id for ref in ReferenceIndex.get_references_to(document)} == {str(other.pk)}
    assert who_can_download(readers, document) == {"anonymous", "member", "officer"}


def test_a_bulk_load_that_fails_leaves_neither_its_pages_nor_their_references(readers, document):
    """The load and its index work are one transaction: a failure takes both back."""
    post = blog_post_linking(document)
    with pytest.raises(RuntimeError), deferred():
        post.save_revision().publish()
        raise RuntimeError("the load stopped half-way")
    assert "the survey" not in str(BlogPage.objects.get(pk=post.pk).body)
    assert not ReferenceIndex.get_references_to(document).exists()
    assert who_can_download(readers, document) == set()


def test_the_reference_index_is_written_before_the_other_index_work_of_a_bulk_load():
    """Search's flushers (and any added later) may read which pages use an object, whatever order the apps
    are ready in."""
    assert next(iter(indexing._flushers)) == reference_index.REFERENCES


def test_after_migrate_reconnects_wagtails_handlers_the_next_save_is_indexed_at_once(readers, document):
    """``migrate`` (and a test database's flush) connects Wagtail's queued handlers again: the hub takes over
    again at the next save, whatever order the apps' handlers run in."""
    core = apps.get_app_config("wagtailcore")
    for signal in (pre_migrate, post_migrate):
        signal.send(sender=core, app_config=core, verbosity=0, interactive=False, using="default", apps=apps, plan=[])
    blog_post_linking(document).save_revision().publish()
    assert who_can_download(readers, document) == {"anonymous", "member", "officer"}


def test_wagtails_switch_for_bulk_work_is_honoured(document):
    """disable_reference_index_auto_update(): nothing is indexed while it is on, as with Wagtail's handlers."""
    with disable_reference_index_auto_update():
        blog_post_linking(document).save_revision().publish()
    assert not ReferenceIndex.get_references_to(document).exists()
    blog_post_linking(document).save_revision().publish()  # switched back on: indexed at once
    assert ReferenceIndex.get_references_to(document).exists()
