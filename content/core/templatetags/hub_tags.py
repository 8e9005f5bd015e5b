"""Template tags for the site's chrome: menus, breadcrumbs, structured data."""

from __future__ import annotations

import json
from typing import Any

from django import template
from django.apps import apps
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from wagtail.models import Page, Site

from content.core import request_memo
from content.core.models import CHOSEN_PAGES, chosen_page, top_level_page_of_type, top_level_pages

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _site_root(context: dict[str, Any]) -> Page | None:
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page if site else None


def _top_level_pages(context: dict[str, Any]) -> list[Page]:
    return top_level_pages(context.get("request"))


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context: dict[str, Any]) -> dict[str, Any]:
    request = context.get("request")
    items = []
    for page in _top_level_pages(context):
        if page.show_in_menus:
            url = page.get_url(request)
            current = bool(request and url and request.path.startswith(url))
            items.append({"title": page.title, "url": url, "current": current})
    return {"items": items}


@register.inclusion_tag("includes/footer_links.html", takes_context=True)
def footer_links(context: dict[str, Any]) -> dict[str, Any]:
    """Public top-level pages that are not in the main menu: accessibility, privacy, contact."""
    pages = [page for page in _top_level_pages(context) if not page.show_in_menus]
    return {"pages": pages, "request": context.get("request")}


@register.simple_tag(takes_context=True)
def index_url(context: dict[str, Any], model_label: str, route: str = "", *args: Any) -> str:
    """The address of the site's top-level page of this type (``"papers.PapersIndexPage"``), or of one of its
    routes (``{% index_url "topics.TopicIndexPage" "topic" topic.slug %}``); empty when it has none.

    Found by type among the top-level pages the menu and footer read anyway, so it costs no query of its own
    and an editor may rename the page's slug. The label is a string: this layer imports no content app.
    """
    model = apps.get_model(model_label)
    request = context.get("request")
    page = top_level_page_of_type(request, model)
    url = page.get_url(request) if page is not None else None
    if not url:
        return ""
    # The generic page's own row serves: a route's path comes from the type's resolver, not the instance.
    return url + model.get_resolver().reverse(route, *args) if route else url


@register.simple_tag(takes_context=True)
def settings_page_url(context: dict[str, Any], field: str) -> str:
    """The address of a page the site's settings choose (``"privacy_page"``, ``"contact_page"``): renaming or
    moving it keeps every link. When none is chosen (or it is not live and public), the chosen page's stable
    address, which answers the site's own "not found" page, never an empty link to the page being read."""
    if field not in CHOSEN_PAGES:
        raise template.TemplateSyntaxError(f"settings_page_url takes one of {', '.join(CHOSEN_PAGES)}, not {field!r}")
    request = context.get("request")
    page = chosen_page(request, field, _top_level_pages(context)) if request is not None else None
    return (page.get_url(request) if page is not None else None) or reverse("site_page", args=[field])


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context: dict[str, Any], page: Page, current_title: str = "") -> dict[str, Any]:
    """Ancestors from the home page down; the current page is marked, not linked."""
    root = _site_root(context)
    ancestors = []
    if root is not None:
        # The pages down the path were read while routing the request: no second look-up.
        known = request_memo.current().get("pages_by_path", {})
        ends = range(root.depth * Page.steplen, len(page.path) + (Page.steplen if current_title else 0), Page.steplen)
        paths = [page.path[:end] for end in ends]
        if paths and all(path in known for path in paths):
            ancestors = [known[path] for path in paths]
        else:
            ancestors = list(page.get_ancestors(inclusive=bool(current_title)).filter(depth__gte=root.depth))
    # The request goes with them: {% pageurl %} without one looks up the site's root paths once per page.
    return {
        "ancestors": ancestors,
        "page": page,
        "current_title": current_title or page.title,
        "within": bool(current_title),  # a page's own route (a topic): the page itself is a step back
        "request": context.get("request"),
    }


@register.simple_tag(takes_context=True)
def json_ld(context: dict[str, Any], page: Page | None = None) -> SafeString:
    """A schema.org block, escaped so that no value can close the script element."""
    page = page or context.get("page")
    request = context.get("request")
    if page is None or request is None or not hasattr(page, "get_json_ld"):
        return mark_safe("")  # noqa: S308
    data = page.get_json_ld(request)
    if not data:
        return mark_safe("")  # noqa: S308
    text = json.dumps(data, ensure_ascii=False, default=str).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.filter
def startswith(value: str, prefix: str) -> bool:
    """``{% if request.path|startswith:dashboard_url %}``: within a section whose address comes from ``{% url %}``."""
    return bool(prefix) and str(value).startswith(str(prefix))


@register.filter
def file_size(document) -> int:
    """A document's size in bytes, reading the file once if Wagtail has not stored it."""
    try:
        return document.get_file_size() or 0
    except (OSError, ValueError):
        return 0


@register.simple_tag
def field_widget(field) -> SafeString:
    """Render a bound field's widget tied to its hint and error messages for assistive technology."""
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}-hint")
    if field.errors:
        described_by.append(f"{field.auto_id}-error")
    attrs = {}
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def widget_kind(field) -> str:
    """'choices' for radio and checkbox groups, 'checkbox' for a single box, else 'input'."""
    name = field.field.widget.__class__.__name__
    if name in {"RadioSelect", "CheckboxSelectMultiple"}:
        return "choices"
    if name == "CheckboxInput":
        return "checkbox"
    return "input"


# Pagination: the numbers around the current page and at each end. Wide rows show Django's default range
# (three either side, two at each end); middle widths one either side and one at each end; phones none.
WIDE_PAGE_RANGE = {"on_each_side": 3, "on_ends": 2}
COMPACT_PAGE_RANGE = {"on_each_side": 1, "on_ends": 1}


@register.simple_tag
def pagination_items(page_obj) -> list[dict[str, Any]]:
    """The page numbers and ellipses of both ranges in one list, each item marked ``shows`` "both", "wide"
    or "compact", so the CSS shows the range that fits the room (a container query) from one set of links."""
    paginator, current = page_obj.paginator, page_obj.number
    ranges = {
        name: [
            number for number in paginator.get_elided_page_range(current, **options) if number != paginator.ELLIPSIS
        ]
        for name, options in (("wide", WIDE_PAGE_RANGE), ("compact", COMPACT_PAGE_RANGE))
    }

    def shows(names: set[str]) -> str:
        return "both" if len(names) == 2 else names.pop()

    items: list[dict[str, Any]] = []
    for number in sorted(set(ranges["wide"]) | set(ranges["compact"])):
        items.append(
            {
                "number": number,
                "current": number == current,
                "shows": shows({n for n, r in ranges.items() if number in r}),
            }
        )
        # An ellipsis after this number in each range whose next number is not the next page.
        gaps = {
            n
            for n, r in ranges.items()
            if number in r and r.index(number) + 1 < len(r) and r[r.index(number) + 1] > number + 1
        }
        if gaps:
            items.append({"ellipsis": True, "shows": shows(gaps)})
    return items
