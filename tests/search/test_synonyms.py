"""Search synonyms kept by editors: a word readers use finds the pages that use another."""

from __future__ import annotations

import pytest

from django.contrib.auth import get_user_model

from search.access import PUBLIC
from search.engines import SearchRequest
from search.models import SearchSynonym

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/hub_search/searchsynonym/add/"
BLACKPOOL = "/case-studies/blackpool-connecting-people-in-inner-wards/"


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("synonym-editor", "synonyms@example.org", "pw-Synonyms-1")
    client.force_login(user)
    return client


def found(engine, query: str) -> list[str]:
    response = engine.search(SearchRequest(query, frozenset({PUBLIC}), limit=20))
    return [hit.entry.url_path for hit in response.hits]


def test_the_demo_finds_isolated_residents_for_loneliness(engine):
    """The Blackpool teaser says "isolated residents" and never "loneliness": the demo's list joins them."""
    assert BLACKPOOL in found(engine, "loneliness")[:3]


def test_a_synonym_an_editor_adds_applies_at_once_and_goes_when_deleted(engine, editor_client):
    assert found(engine, "quietude") == []
    response = editor_client.post(ADD_URL, {"words": "quietude, isolated", "note": "A test."})
    assert response.status_code == 302
    engine.push_pending()
    assert BLACKPOOL in found(engine, "quietude")
    SearchSynonym.objects.get(words="quietude, isolated").delete()
    assert found(engine, "quietude") == []


def test_one_word_is_no_synonym_and_what_was_typed_is_kept(editor_client):
    response = editor_client.post(ADD_URL, {"words": "  loneliness  ", "note": "Kept note"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Give at least two words or phrases" in page
    assert "Kept note" in page and "loneliness" in page
    assert (
        not SearchSynonym.objects.filter(words__contains="loneliness,")
        .exclude(words__startswith="loneliness, lonely")
        .exists()
    )


def test_typed_punctuation_in_a_synonym_reaches_no_query_syntax(engine, editor_client):
    """Synonyms become words like any typed: quotes and operators are only characters."""
    assert editor_client.post(ADD_URL, {"words": 'NEAR(", "isolated OR', "note": ""}).status_code == 302
    engine.push_pending()
    for query in ("NEAR(", '"', "isolated OR"):
        engine.search(SearchRequest(query, frozenset({PUBLIC}), limit=5))  # answers, never raises


def test_editors_keep_the_list_and_common_words_or_a_repeat_are_refused(client):
    from django.contrib.auth.models import Group

    editor = get_user_model().objects.create_user("list-editor", "list-editor@example.org", "pw-Synonyms-2")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get("/admin/snippets/hub_search/searchsynonym/").status_code == 200
    refused = client.post(ADD_URL, {"words": "care, the", "note": ""})
    assert "“the” is only common words" in refused.content.decode()
    repeat = client.post(ADD_URL, {"words": SearchSynonym.objects.first().words, "note": ""})
    assert "These synonyms are in the list already." in repeat.content.decode()
    assert client.post(ADD_URL, {"words": "carers, caregivers", "note": ""}).status_code == 302
