"""Submitting locks the submission's own row only (issue 13's load test, on PostgreSQL).

submit_for_review() locked the submission with select_related("page"): an outer join, because a first
submission has no page yet, and PostgreSQL refuses FOR UPDATE on the nullable side of an outer join, so
every "Submit" answered 500 there (SQLite ignores FOR UPDATE, so the suite never saw it). `make
test-postgres` runs this file on PostgreSQL.
"""

import pytest

from django.db import connection

from content.topics.models import Topic
from members.models import MemberProfile
from submissions.models import CaseStudySubmission
from tests.submissions.submission_helpers import SUBMIT, client_for, fill_steps, pdf_bytes, step_data, upload

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_first_submission_is_sent_for_review(officer):
    client = client_for(officer)
    authority = MemberProfile.objects.get(user=officer).local_authority_id
    pk = fill_steps(
        client, step_data(authority, [Topic.objects.first().pk]), [upload("evidence.pdf", pdf_bytes("evidence"))]
    )
    response = client.post(f"{SUBMIT}{pk}/preview/", {"action": "submit"})
    assert response.status_code == 302, f"{connection.vendor}: {response.status_code}"
    submission = CaseStudySubmission.objects.get(pk=pk)
    assert submission.status == CaseStudySubmission.Status.SUBMITTED and submission.page is not None
    assert submission.attachments.count() == 1
