"""Links to the site's sections and chosen pages follow the pages, not their addresses (issue 12)."""

from __future__ import annotations

from importlib import import_module

import pytest

from django.apps import apps as django_apps
from django.core.cache import cache
from django.template.loader import render_to_string
from django.test import Client, RequestFactory

from wagtail.models import Page, Site

from content.core.models import SiteSettings
from content.glossary.models import GlossaryIndexPage
from tests.helpers import soup
from tests.members.conftest import make_member

pytestmark = pytest.mark.django_db


def hrefs(response) -> set[str]:
    return {a["href"] for a in soup(response).find_all("a", href=True)}


def rename(page: Page, slug: str) -> Page:
    page.slug = slug
    page.save_revision().publish()
    return page


def test_the_home_page_links_each_section_where_it_is(client):
    links = hrefs(client.get("/"))
    assert {"/papers/", "/definitions/", "/blog/", "/accounts/signup/", "/alerts/subscribe/"} <= links
    assert "" not in links, "a link whose page was not found"


def test_a_renamed_section_keeps_its_links(client):
    rename(GlossaryIndexPage.objects.get(), "glossary")
    links = hrefs(client.get("/"))
    assert "/glossary/" in links and "/definitions/" not in links
    assert "/glossary/" in hrefs(client.get("/no-such-page/"))


def test_a_renamed_privacy_notice_keeps_its_links():
    rename(Page.objects.get(depth=3, slug="privacy").specific, "privacy-notice")
    client = Client(HTTP_HOST="localhost")
    client.force_login(make_member("renamed@example.org"))
    links = hrefs(client.get("/members/"))
    assert "/privacy-notice/" in links and "/privacy/" not in links


def test_topic_tags_link_the_topic_route(client):
    html = soup(client.get("/papers/"))
    tags = [a["href"] for a in html.select("a.tag")]
    assert tags and all(href.startswith("/topics/") and href.count("/") == 3 for href in tags), tags


def test_the_404_page_links_the_sections(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert {"/search/", "/", "/papers/", "/definitions/"} <= hrefs(response)


def test_the_500_and_400_pages_need_no_database(django_db_blocker):
    request = RequestFactory().get("/", HTTP_HOST="not-a-site.example")
    with django_db_blocker.block():  # any query would raise
        server_error = render_to_string("500.html")
        bad_request = render_to_string("400.html", request=request)
    assert 'href="/"' in server_error
    assert 'href="/search/"' in bad_request and 'href="/"' in bad_request


def test_the_migration_chooses_the_pages_at_the_old_addresses():
    """Sites that existed before the settings chose these pages keep linking where the templates did."""
    choose_existing = import_module("content.core.migrations.0003_site_pages").choose_existing
    SiteSettings.objects.update(privacy_page=None, contact_page=None)
    choose_existing(django_apps, None)
    values = SiteSettings.objects.get(site__is_default_site=True)
    assert (values.privacy_page.url_path, values.contact_page.url_path) == ("/home/privacy/", "/home/contact/")


def test_sign_up_links_the_privacy_notice_chosen_now_even_renamed():
    """A form's help text is made without a request: it links a stable address that leads to the notice."""
    rename(Page.objects.get(depth=3, slug="privacy").specific, "privacy-notice")
    client = Client(HTTP_HOST="localhost")
    html = soup(client.get("/accounts/signup/"))
    links = [a["href"] for a in html.select("form a") if "privacy notice" in a.get_text().lower()]
    assert len(links) == 2
    assert {client.get(href).url for href in links} == {"/privacy-notice/"}


def test_with_no_privacy_notice_chosen_a_consent_link_leads_to_the_sites_not_found_page_never_to_itself():
    values = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    values.privacy_page = None
    values.save()
    client = Client(HTTP_HOST="localhost")
    cache.clear()
    html = soup(client.get("/alerts/subscribe/"))
    link = html.find("main").find("a", string="The privacy notice")
    assert link is not None and link["href"] not in ("", "/alerts/subscribe/")
    response = client.get(link["href"])
    assert response.status_code == 404 and "<h1" in response.content.decode()
    assert client.get("/_site/no_such_field/").status_code == 404
