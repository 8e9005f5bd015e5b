"""Human labels in "Where this term is used": "(paper)", "(blog post)", never "(paper page)" (issue 14)."""

import pytest

from content.blog.models import BlogPage
from content.glossary.models import DefinitionPage
from content.papers.models import PaperPage
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def test_where_used_says_paper_and_blog_post(client):
    term = DefinitionPage.objects.get(slug="social-infrastructure")
    section = soup(client.get(term.url)).find(id="used-in-heading").find_parent("section")
    labels = {span.get_text(strip=True) for span in section.select("li .muted")}
    assert labels == {"(paper)", "(blog post)"}, labels
    assert " page)" not in section.get_text(" ")


def test_the_labels_come_from_the_models():
    """The admin's "Add paper" and the reference lists share the one label."""
    assert PaperPage._meta.verbose_name == "paper"
    assert BlogPage._meta.verbose_name == "blog post"
