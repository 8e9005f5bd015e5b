"""The home page has a meta description (issue 14): the editor's search description, else its introduction."""

import pytest

from content.home.models import HomePage
from tests.helpers import soup

pytestmark = pytest.mark.django_db


def description(client) -> str:
    tag = soup(client.get("/")).find("meta", attrs={"name": "description"})
    return tag["content"] if tag else ""


def test_home_page_describes_itself_from_its_introduction(client):
    home = HomePage.objects.get()
    home.search_description = ""
    home.hero_text = "Evidence and shared learning for stronger neighbourhoods."
    home.save_revision().publish()
    assert description(client) == "Evidence and shared learning for stronger neighbourhoods."


def test_the_editors_search_description_comes_first(client):
    home = HomePage.objects.get()
    home.search_description = "Research and learning on neighbourhood improvement."
    home.save_revision().publish()
    assert description(client) == "Research and learning on neighbourhood improvement."
