"""Wagtail's Pages menu opens on the home page, not on "Root" (issue 14)."""

import pytest

from django.test import RequestFactory

from wagtail.admin.menu import admin_menu
from wagtail.models import Page, Site

from content.core.wagtail_hooks import HomeFirstExplorerMenuItem
from content.home.models import HomePage

pytestmark = pytest.mark.django_db


def explorer_item(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    (item,) = [i for i in admin_menu.menu_items_for_request(request) if i.name == "explorer"]
    return item, request


def test_an_administrator_opens_the_pages_menu_on_the_home_page(admin_user):
    item, request = explorer_item(admin_user)
    assert isinstance(item, HomeFirstExplorerMenuItem)
    home = HomePage.objects.get()
    assert item.render_component(request).start_page_id == home.pk


def test_with_two_sites_wagtail_decides(admin_user):
    home = HomePage.objects.get()
    Site.objects.create(hostname="second.example", root_page=home, is_default_site=False)
    item, request = explorer_item(admin_user)
    assert item.render_component(request).start_page_id == Page.get_first_root_node().pk
