"""An entry filed under a topic whose name holds every word typed ranks above an otherwise equal one, on
every engine, and a topic made or renamed a moment ago counts at once (its names are cached)."""

from __future__ import annotations

import pytest

from content.topics.models import Topic
from search.access import PUBLIC
from search.engines import SearchRequest
from search.models import SearchEntry

pytestmark = pytest.mark.django_db
TEXT = "Residents planted wendlebury orchards on the estate and tend them every spring with the school."


def entry(slug: str) -> SearchEntry:
    return SearchEntry.objects.create(
        page=None,
        variant=SearchEntry.Variant.FULL,
        access=PUBLIC,
        kind="blog",
        kind_label="Blog post",
        title="Notes from the estate",
        summary="",
        text=TEXT,
        url_path=f"/test-topic/{slug}/",
    )


def ranked(engine, query: str) -> list[str]:
    engine.push_pending()
    hits = engine.search(SearchRequest(query, frozenset({PUBLIC}), limit=10)).hits
    return [hit.entry.url_path.split("/")[2] for hit in hits if hit.entry.url_path.startswith("/test-topic/")]


def test_a_topic_named_by_the_query_lifts_what_is_filed_under_it(engine):
    entry("first")
    filed = entry("filed")
    assert ranked(engine, "wendlebury orchards") == ["first", "filed"]  # equal: the older id first
    topic = Topic.objects.create(name="Wendlebury orchard", slug="wendlebury-orchard")  # after a search cached
    filed.topics.add(topic)
    filed.cluster_synced = False
    filed.save(update_fields=["cluster_synced"])
    assert ranked(engine, "wendlebury orchards") == ["filed", "first"]
    topic.name = "Community growing"
    topic.save()
    assert ranked(engine, "wendlebury orchards") == ["first", "filed"]
