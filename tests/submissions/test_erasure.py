"""Privacy: removed or erased attachments take their private files (and unused documents); the data export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection

from content.topics.models import Topic
from members.models import LocalAuthority
from submissions.export import submissions_for_export
from submissions.models import CaseStudySubmission
from tests.submissions.submission_helpers import SUBMIT, client_for, fill_steps, pdf_bytes, step_data, upload

pytestmark = pytest.mark.django_db


def _data():
    authority = LocalAuthority.objects.get(gss_code="E08000035")
    return step_data(authority.pk, list(Topic.objects.order_by("pk").values_list("pk", flat=True)[:2]))


def _document(name: str = "copy.pdf"):
    document = get_document_model()(
        title=name, file=ContentFile(pdf_bytes(), name=name), collection=Collection.get_first_root_node()
    )
    document.save()
    return document


def test_removing_an_attachment_deletes_its_private_file_and_unused_document(
    officer, django_capture_on_commit_callbacks
):
    client = client_for(officer)
    pk = fill_steps(client, _data(), [upload("evaluation.pdf", pdf_bytes("private"))])
    attachment = CaseStudySubmission.objects.get(pk=pk).attachments.get()
    attachment.document = _document()  # as if copied on an earlier submit, used by no page
    attachment.save()
    path, document_id = Path(attachment.file.path), attachment.document_id
    assert path.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{SUBMIT}{pk}/attachments/", {"action": f"remove-{attachment.pk}"})
    assert response.status_code == 200
    assert not path.exists()
    assert not get_document_model().objects.filter(pk=document_id).exists()


def test_deleting_the_account_erases_the_files_but_keeps_documents_a_page_uses(
    officer, django_capture_on_commit_callbacks
):
    client = client_for(officer)
    pk = fill_steps(client, _data(), [upload("evaluation.pdf", pdf_bytes("private"))])
    client.post(f"{SUBMIT}{pk}/preview/", {"action": "submit"})  # the page now uses its document
    sent = CaseStudySubmission.objects.get(pk=pk).attachments.get()
    draft_pk = fill_steps(client, _data(), [upload("notes.pdf", pdf_bytes("draft"))])
    unsent = CaseStudySubmission.objects.get(pk=draft_pk).attachments.get()
    unsent.document = _document("orphan.pdf")
    unsent.save()
    paths = [Path(sent.file.path), Path(unsent.file.path)]

    with django_capture_on_commit_callbacks(execute=True):
        officer.delete()

    assert not any(path.exists() for path in paths)
    assert get_document_model().objects.filter(pk=sent.document_id).exists()  # the page's now
    assert not get_document_model().objects.filter(pk=unsent.document_id).exists()


def test_the_export_lists_each_submission_with_what_was_typed(officer):
    client = client_for(officer)
    data = _data()
    pk = fill_steps(client, data, [upload("evaluation.pdf", pdf_bytes())])
    client.post(f"{SUBMIT}{pk}/preview/", {"action": "submit"})

    (exported,) = submissions_for_export(officer)
    json.dumps(exported)  # JSON-able as it is
    assert exported["title"] == "Community buildings in Leeds"
    assert exported["status"] == "Submitted: in review"
    assert exported["submitted_at"] and exported["created_at"]
    assert exported["steps"]["What you did"] == {"what_we_did": data["what-you-did"]["what_we_did"]}
    assert exported["steps"]["Your authority and contacts"]["contacts-0-email"] == "robin@leeds.gov.uk"
    assert not any(key.endswith("TOTAL_FORMS") for step in exported["steps"].values() for key in step)
    assert exported["attachments"] == ["evaluation.pdf"]
