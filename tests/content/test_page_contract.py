"""Each page type says what the features over the content apps do with it (BasePage's contract), and
alerts, the reading list and search ask the page instead of keeping lists of type names."""

from __future__ import annotations

import ast
import datetime
from pathlib import Path

import pytest

from django.core import checks
from django.test.utils import isolate_apps
from django.utils import timezone

from wagtail.models import PAGE_MODEL_CLASSES, Page, get_page_models

from alerts.emails import page_kind
from content.blog.models import BlogPage
from content.case_studies.models import CaseStudyPage
from content.core.checks import contract_errors
from content.core.models import BasePage
from content.glossary.models import DefinitionPage
from content.home.models import HomePage
from content.papers.models import PaperPage
from content.standard_pages.models import StandardPage
from members.reading_list import is_saveable


@pytest.fixture
def page_models_kept():
    """Wagtail lists every Page subclass ever defined (``get_page_models``), an isolated test model too: the
    list is put back afterwards, so no later test in this process meets the test's models."""
    before = list(PAGE_MODEL_CLASSES)
    yield
    PAGE_MODEL_CLASSES[:] = before


def test_every_page_model_of_the_hub_states_its_contract():
    assert [error for error in checks.run_checks() if error.id.startswith("hub_core.")] == []


@isolate_apps("content.core")
def test_a_page_model_that_does_not_state_it_fails_the_check(page_models_kept):
    class Unsaid(BasePage):
        class Meta:
            app_label = "core"

    class Said(BasePage):
        announced_on_publish = False
        saveable = True
        reads_counted = True

        class Meta:
            app_label = "core"

        def search_document(self) -> None:
            return None

    class Bare(Page):
        class Meta:
            app_label = "core"

    errors = {error.obj.__name__: error for error in contract_errors([Unsaid, Said, Bare])}
    assert set(errors) == {"Unsaid", "Bare"}
    assert (
        errors["Unsaid"].id == "hub_core.E002"
        and "announced_on_publish, saveable, reads_counted, search_document" in errors["Unsaid"].msg
    )
    assert errors["Bare"].id == "hub_core.E001"


@pytest.mark.django_db
def test_alerts_and_the_reading_list_ask_the_page():
    paper, post, term = (model.objects.live().first() for model in (PaperPage, BlogPage, DefinitionPage))
    assert [page_kind(paper), page_kind(post), page_kind(term)] == ["paper", "blog post", "page"]
    assert is_saveable(paper) and is_saveable(post) and not is_saveable(term)
    assert is_saveable(Page.objects.get(pk=paper.pk))  # a plain Page row: its type from the content-type cache


@pytest.mark.django_db
def test_search_asks_the_page_what_it_contributes():
    """Search's entries come from the page's own search_document: the same kinds and texts as before the
    contract, with a paper's report after its text and a case study's public teaser."""
    paper = PaperPage.objects.live().filter(report__isnull=False).order_by("path").first()
    documents = {
        model: model.objects.live().order_by("path").first().search_document()
        for model in (BlogPage, DefinitionPage, CaseStudyPage, StandardPage)
    }
    assert [(d.kind, d.kind_label) for d in documents.values()] == [
        ("blog", "Blog post"),
        ("definition", "Definition"),
        ("case_study", "Case study"),
        ("page", "Page"),
    ]
    term = DefinitionPage.objects.live().order_by("path").first()
    assert documents[DefinitionPage].keywords == ", ".join(term.alternative_names)
    assert documents[CaseStudyPage].teaser_text in documents[CaseStudyPage].full_text
    assert paper.search_document().report == paper.report
    assert HomePage.objects.get().search_document() is None


@pytest.mark.django_db
def test_alerts_ask_the_page_when_it_is_news():
    """A post or case study is news when first published; a paper when released; a definition never."""
    lookback = datetime.timedelta(days=14)
    post, paper, term = (model.objects.live().first() for model in (BlogPage, PaperPage, DefinitionPage))
    post.first_published_at = timezone.now() - datetime.timedelta(days=2)
    assert post.is_news(lookback)
    post.first_published_at = timezone.now() - datetime.timedelta(days=40)
    assert not post.is_news(lookback)
    paper.release_date = timezone.localdate() - datetime.timedelta(days=1)
    assert paper.is_news(lookback)
    paper.release_date = timezone.localdate() + datetime.timedelta(days=10)  # announced, not yet released
    assert not paper.is_news(lookback)
    term.first_published_at = timezone.now()
    assert not term.is_news(lookback)


PROJECT_APPS = {"alerts", "content", "hub", "insights", "members", "questions", "search", "submissions", "website"}


def _imported_modules(path) -> set[str]:
    """Every module ``path`` imports, at the top level or inside a function (relative imports resolved)."""
    package = ".".join(path.with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            module = f"{base}.{node.module}" if node.level and node.module else node.module or base
            found |= {module} | {f"{module}.{alias.name}" for alias in node.names}
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found


def test_content_core_imports_no_other_app_even_inside_a_function():
    """content.core is what every app stands on: what it needs of a page type it asks the page model
    (release_date_field, link_preview_field), so a content app never has to be imported from it."""
    root = Path(__file__).resolve().parents[2]
    outside = {}
    for path in sorted((root / "content" / "core").rglob("*.py")):
        if "migrations" in path.parts:
            continue
        modules = _imported_modules(path.relative_to(root))
        other = sorted(
            module
            for module in modules
            if module.split(".")[0] in PROJECT_APPS and not module.startswith("content.core")
        )
        if other:
            outside[str(path.relative_to(root))] = other
    assert outside == {}


@isolate_apps("content.core")
def test_a_page_model_naming_a_field_it_does_not_have_fails_the_check(page_models_kept):
    class Misnamed(BasePage):
        announced_on_publish = saveable = reads_counted = False
        release_date_field = "relase_date"  # misspelt
        link_preview_field = "title"  # a CharField of the page: allowed

        class Meta:
            app_label = "core"

        def search_document(self) -> None:
            return None

    errors = contract_errors([Misnamed])
    assert [(error.id, "relase_date" in error.msg) for error in errors] == [("hub_core.E004", True)]


def test_the_test_models_above_are_not_left_among_wagtails_page_models():
    """Run after them (a file's tests run in order): a page model left behind would be asked for its fields
    by every page with links, in every later test of this process."""
    assert {"Unsaid", "Said", "Bare", "Misnamed"}.isdisjoint(model.__name__ for model in get_page_models())


def test_a_papers_documents_stay_embargoed_and_a_terms_link_shows_its_definition_through_the_page_model():
    assert PaperPage.release_date_field == "release_date"
    assert DefinitionPage.link_preview_field == "short_definition"
    assert all(
        getattr(model, "release_date_field", None) is None
        for model in (BlogPage, CaseStudyPage, DefinitionPage, HomePage, StandardPage)
    )
