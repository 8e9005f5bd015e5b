"""Topic tags of cards of several page types come from one query, and are exactly the pages' own."""

from __future__ import annotations

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.case_studies.models import CaseStudyPage
from content.papers.models import PaperPage
from content.topics.models import Topic, prefetch_topics

pytestmark = pytest.mark.django_db


def test_topics_of_case_studies_and_papers_in_one_query():
    pages = [*CaseStudyPage.objects.all()[:4], *PaperPage.objects.all()[:4]]
    untagged = PaperPage.objects.exclude(pk__in=[page.pk for page in pages]).first()
    PaperPage.topics.through.objects.filter(paperpage_id=untagged.pk).delete()
    pages.append(PaperPage.objects.get(pk=untagged.pk))
    expected = {
        page.pk: [topic.name for topic in Topic.objects.filter(pk__in=page.topics.values("pk"))] for page in pages
    }
    fresh = [type(page).objects.get(pk=page.pk) for page in pages]
    with CaptureQueriesContext(connection) as queries:
        prefetch_topics(fresh)
        shown = {page.pk: [topic.name for topic in page.topics.all()] for page in fresh}
    assert len(queries) == 1
    assert shown == expected
    assert shown[untagged.pk] == []
    assert any(len(names) > 1 for names in shown.values()) and all(names == sorted(names) for names in shown.values())
