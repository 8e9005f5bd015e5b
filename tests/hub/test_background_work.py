"""With the database queue (as in development and production), what privacy depends on is not queued."""

from __future__ import annotations

import pytest
from django_tasks_db.models import DBTaskResult

from django.core.files.base import ContentFile
from django.test import Client, override_settings
from django.utils import timezone

from wagtail.documents import get_document_model

from content.papers.models import PaperSeriesPage
from tests.factories import PaperPageFactory
from tests.members.conftest import make_member

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}


@override_settings(TASKS=DATABASE_QUEUE)
def test_reference_index_follows_each_save_without_a_worker():
    """Document access is decided from Wagtail's reference index: it must not wait in the queue."""
    document = get_document_model().objects.create(
        title="Queue report", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="queue-report.pdf")
    )
    series = PaperSeriesPage.objects.get(slug="social-capital-2025")
    paper = PaperPageFactory.build(title="Indexed at once", release_date=timezone.localdate(), report=document)
    series.add_child(instance=paper)
    anonymous = Client(HTTP_HOST="localhost")
    assert anonymous.get(document.url).status_code == 200  # readable through a live public page, now
    assert not DBTaskResult.objects.filter(task_path__endswith="update_reference_index_task").exists()

    paper.report = None
    paper.save_revision().publish()
    assert anonymous.get(document.url).status_code == 404  # and private again the moment it is removed


@override_settings(TASKS=DATABASE_QUEUE)
def test_removing_the_last_attachment_makes_its_document_private_again(django_capture_on_commit_callbacks):
    """Inline attachments are saved and deleted after the page's own save: the index must see the end state."""
    from content.case_studies.models import CaseStudyAttachment
    from tests.factories import CaseStudyPageFactory

    document = get_document_model().objects.create(
        title="Public annex", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="public-annex.pdf")
    )
    index = CaseStudyPageFactory._meta.model.objects.first().get_parent()
    study = CaseStudyPageFactory.build(title="Open study", audience="members")
    with django_capture_on_commit_callbacks(execute=True):
        index.add_child(instance=study)
        study.attachments.add(CaseStudyAttachment(document=document))
        study.save_revision().publish()
    member = make_member("annex-reader@example.org")
    reader = Client(HTTP_HOST="localhost")
    reader.force_login(member)
    assert reader.get(document.url).status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        study = study.__class__.objects.get(pk=study.pk)
        study.attachments.clear()  # the editor removes the last attachment and publishes
        study.save_revision().publish()
    assert reader.get(document.url).status_code == 404
