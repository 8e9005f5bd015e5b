"""Each page type says what the features over the content apps do with it (BasePage's contract), and
alerts and the reading list ask the page instead of keeping lists of type names."""

from __future__ import annotations

import pytest

from django.core import checks
from django.test.utils import isolate_apps

from wagtail.models import Page

from alerts.emails import page_kind
from content.blog.models import BlogPage
from content.core.checks import contract_errors
from content.core.models import BasePage
from content.glossary.models import DefinitionPage
from content.papers.models import PaperPage
from members.reading_list import is_saveable


def test_every_page_model_of_the_hub_states_its_contract():
    assert [error for error in checks.run_checks() if error.id.startswith("hub_core.")] == []


@isolate_apps("content.core")
def test_a_page_model_that_does_not_state_it_fails_the_check():
    class Unsaid(BasePage):
        class Meta:
            app_label = "core"

    class Said(BasePage):
        announced_on_publish = False
        saveable = True

        class Meta:
            app_label = "core"

    class Bare(Page):
        class Meta:
            app_label = "core"

    errors = {error.obj.__name__: error for error in contract_errors([Unsaid, Said, Bare])}
    assert set(errors) == {"Unsaid", "Bare"}
    assert errors["Unsaid"].id == "hub_core.E002" and "announced_on_publish, saveable" in errors["Unsaid"].msg
    assert errors["Bare"].id == "hub_core.E001"


@pytest.mark.django_db
def test_alerts_and_the_reading_list_ask_the_page():
    paper, post, term = (model.objects.live().first() for model in (PaperPage, BlogPage, DefinitionPage))
    assert [page_kind(paper), page_kind(post), page_kind(term)] == ["paper", "blog post", "page"]
    assert is_saveable(paper) and is_saveable(post) and not is_saveable(term)
    assert is_saveable(Page.objects.get(pk=paper.pk))  # a plain Page row: its type from the content-type cache
