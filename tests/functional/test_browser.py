"""Every page type of the demo site in a real Chromium: console, CSP, accessibility, layout, keyboard.

Run with `.venv/bin/pytest tests/functional -q`. A page with a problem is photographed into
test-artifacts/screenshots/; `HUB_TEST_SCREENSHOTS=1` photographs every page type at each width (a full-page
screenshot is 0.5 to 1 s of each test, so not on every run; `make screenshots` makes the README's).
"""

from __future__ import annotations

import contextlib
import re
from typing import NamedTuple

import pytest
from browser_helpers import (
    DESKTOP,
    PHONE,
    active_element,
    assert_axe_clean,
    axe_results,
    format_violations,
    tab_until,
)
from playwright.sync_api import Error as PlaywrightError

from hub.settings.base import env_bool

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 740}


class SitePage(NamedTuple):
    name: str
    path: str
    status: int = 200


SERIES = "/papers/social-capital-2025/"
RELEASED_PAPER = "/papers/social-capital-2025/the-ties-that-bind/"
BLOG_POST = "/blog/introducing-social-capital-2025/"

PAGES = [
    SitePage("home", "/"),
    SitePage("papers-index", "/papers/"),
    SitePage("series", SERIES),
    SitePage("paper-released", RELEASED_PAPER),
    SitePage("paper-announced", "/papers/social-capital-2025/connected-and-well/"),
    SitePage("blog-index", "/blog/"),
    SitePage("blog-filtered", "/blog/?topic=social-infrastructure"),
    SitePage("blog-post", BLOG_POST),
    SitePage("glossary", "/definitions/"),
    SitePage("definition", "/definitions/social-infrastructure/"),
    SitePage("topics-index", "/topics/"),
    SitePage("topic", "/topics/social-infrastructure/"),
    SitePage("about", "/about/"),
    SitePage("accessibility", "/accessibility/"),
    SitePage("privacy", "/privacy/"),
    SitePage("contact", "/contact/"),
    SitePage("search", "/search/?q=social+capital"),
    SitePage("subscribe", "/alerts/subscribe/"),
    SitePage("not-found", "/no-such-page/", 404),
]
PAGE_PARAMS = [pytest.param(page, id=page.name) for page in PAGES]
VIEWPORT_PARAMS = [pytest.param(DESKTOP, id="desktop-1280"), pytest.param(PHONE, id="phone-375")]


# Elements sticking out past the viewport, outermost first (to name the culprit in a failure).
OVERFLOWING_ELEMENTS_JS = """() => {
    const limit = document.documentElement.clientWidth + 0.5;
    const describe = (el) => {
        let name = el.tagName.toLowerCase();
        if (el.id) name += '#' + el.id;
        const classes = typeof el.className === 'string' ? el.className.trim() : '';
        if (classes) name += '.' + classes.split(/\\s+/).join('.');
        return name;
    };
    const out = [];
    for (const el of document.querySelectorAll('body *')) {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.right <= limit) continue;
        const parent = el.parentElement;
        if (parent && parent !== document.body && parent.getBoundingClientRect().right > limit) continue;
        const path = [];
        for (let node = el; node && node !== document.body; node = node.parentElement) path.unshift(describe(node));
        out.push(`${path.join(' > ')} (right edge ${Math.round(box.right)} px, width ${Math.round(box.width)} px)`);
    }
    return out.slice(0, 10);
}"""

LOAD_ALL_IMAGES_JS = """() => {
    const pending = [];
    for (const img of document.images) {
        if (img.loading === 'lazy') img.loading = 'eager';
        if (!img.complete) {
            pending.push(new Promise((resolve) => {
                img.addEventListener('load', resolve, {once: true});
                img.addEventListener('error', resolve, {once: true});
            }));
        }
    }
    return Promise.all(pending).then(() => pending.length);
}"""

FOCUS_INDICATOR_JS = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    return {
        tag: el.tagName.toLowerCase(),
        text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 60),
        outlineStyle: style.outlineStyle,
        outlineWidth: style.outlineWidth,
        boxShadow: style.boxShadow,
        color: style.color,
        background: style.backgroundColor,
    };
}"""


def _luminance(css_colour: str) -> float:
    red, green, blue = (int(part) / 255 for part in re.findall(r"\d+", css_colour)[:3])
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


# --- Every page type ---------------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", VIEWPORT_PARAMS)
@pytest.mark.parametrize("site_page", PAGE_PARAMS)
def test_no_console_errors_or_failed_requests(reader_tab, screenshot_dir, site_page, viewport):
    """No console errors (CSP violations included), no uncaught exceptions, no failed requests.

    A full-page screenshot is saved when there is a problem (with HUB_TEST_SCREENSHOTS=1, always).
    """
    watched = reader_tab(viewport)
    page = watched.page
    watched.goto(site_page.path, site_page.status)
    # Load lazy images now, so their requests are checked too (and they show in the screenshot).
    page.evaluate(LOAD_ALL_IMAGES_JS)
    broken_images = page.evaluate(
        "() => Array.from(document.images).filter((img) => img.complete && img.naturalWidth === 0)"
        ".map((img) => img.currentSrc || img.src)"
    )
    problems = watched.problems() + [f"image did not load: {src}" for src in broken_images]
    if problems or env_bool("HUB_TEST_SCREENSHOTS"):
        with contextlib.suppress(PlaywrightError):  # a failed photograph must not hide the problems
            page.screenshot(path=screenshot_dir / f"{site_page.name}-{viewport['width']}.png", full_page=True)
    assert not problems, f"{site_page.path} at {viewport['width']} px:\n" + "\n".join(problems)


@pytest.mark.parametrize("viewport", VIEWPORT_PARAMS)
@pytest.mark.parametrize("site_page", PAGE_PARAMS)
def test_axe_wcag_aa(reader_tab, axe_path, site_page, viewport):
    """axe-core finds no WCAG 2.0/2.1/2.2 A or AA violations, on the page as served (its CSP on)."""
    watched = reader_tab(viewport)
    watched.goto(site_page.path, site_page.status)
    assert_axe_clean(watched.page, axe_path, f"{site_page.path} at {viewport['width']} px")


def test_axe_still_finds_a_violation(reader_tab, axe_path):
    """The axe run every browser test makes reports a violation in full (its options only trim passes)."""
    watched = reader_tab(DESKTOP)
    watched.goto("/about/")
    watched.page.evaluate(
        "() => { for (const id of ['no-alt-1', 'no-alt-2']) { const img = document.createElement('img');"
        " img.src = '/static/img/favicon.svg'; img.id = id; document.querySelector('main').append(img); } }"
    )
    results = axe_results(watched.page, axe_path)
    violations = {v["id"]: v for v in results["violations"]}
    assert "image-alt" in violations, format_violations(list(violations.values()), "/about/ with images without alt")
    assert [node["target"] for node in violations["image-alt"]["nodes"]] == [["#no-alt-1"], ["#no-alt-2"]]
    assert results["passes"] and all(len(rule["nodes"]) <= 1 for rule in results["passes"])  # the options apply


def test_a_readers_tab_reports_a_csp_violation_and_is_handed_on_with_nothing_recorded(reader_tab):
    """The tab the page-type tests share reports what goes wrong on it; the next test gets it with nothing
    recorded."""
    watched = reader_tab(DESKTOP)
    watched.goto("/about/")
    watched.page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.planted = 1';"
        " document.body.append(s); }"
    )
    for _ in range(50):  # the console message arrives after the evaluation returns
        if watched.problems():
            break
        watched.page.wait_for_timeout(100)
    assert any("Content Security Policy" in problem for problem in watched.problems()), watched.problems()
    assert watched.page.evaluate("() => window.planted") is None  # the CSP refused the inline script
    again = reader_tab(DESKTOP)
    assert again is watched
    assert again.problems() == []


@pytest.mark.parametrize("site_page", PAGE_PARAMS)
def test_no_horizontal_scroll_at_320px(reader_tab, site_page):
    """WCAG 1.4.10 Reflow: nothing scrolls sideways at 320 CSS px."""
    watched = reader_tab(NARROW)
    page = watched.page
    watched.goto(site_page.path, site_page.status)
    scroll_width, inner_width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    if scroll_width > inner_width:
        culprits = page.evaluate(OVERFLOWING_ELEMENTS_JS)
        pytest.fail(
            f"{site_page.path} scrolls sideways at {inner_width} px: scrollWidth is {scroll_width} px. "
            "Overflowing elements (outermost):\n" + "\n".join(f"- {c}" for c in culprits)
        )


# --- Keyboard-only journeys ------------------------------------------------------------------------


def test_skip_link_is_first_and_moves_focus_into_main(open_page):
    watched = open_page(DESKTOP)
    page = watched.page
    watched.goto("/")
    page.keyboard.press("Tab")
    first = active_element(page)
    assert first["tag"] == "a" and first["text"] == "Skip to main content", f"first Tab stop is {first}"
    assert page.locator("a.skip-link").is_visible(), "the skip link is not visible when focused"
    page.keyboard.press("Enter")
    page.wait_for_function("() => !!(document.activeElement && document.activeElement.closest('main'))")
    assert active_element(page)["inMain"]
    assert not watched.problems(), "\n".join(watched.problems())


def test_keyboard_reaches_a_paper_and_its_pdf(open_page):
    watched = open_page(DESKTOP)
    page = watched.page
    watched.goto(SERIES)
    paper_link = re.compile(r"^/papers/social-capital-2025/[^/]+/$")
    link = tab_until(
        page,
        lambda el: el["tag"] == "a" and el["inMain"] and bool(paper_link.match(el["href"] or "")),
        "paper link in the series page's main content",
    )
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_load_state("load")
    assert page.url.endswith(link["href"]), f"Enter on {link['href']} led to {page.url}"

    download = tab_until(
        page,
        lambda el: el["tag"] == "a" and el["text"].startswith("Download the report"),
        "'Download the report' link on " + link["href"],
    )
    href = download["href"] or ""
    assert href.endswith(".pdf"), f"'Download the report' points at {href!r}, not a .pdf"
    response = page.request.get(href)
    assert response.status == 200, f"GET {href}: HTTP {response.status}"
    assert response.headers.get("content-type", "").split(";")[0].strip() == "application/pdf", response.headers
    assert response.body()[:5] == b"%PDF-", f"{href} does not look like a PDF"
    assert not watched.problems(), "\n".join(watched.problems())


@pytest.mark.parametrize("path", [BLOG_POST, RELEASED_PAPER], ids=["blog-post", "paper"])
def test_glossary_term_disclosure_by_keyboard(open_page, path):
    watched = open_page(DESKTOP)
    page = watched.page
    watched.goto(path)
    assert page.locator("a.glossary-term").count() > 0, f"{path} has no glossary terms to test"
    tab_until(page, lambda el: el["tag"] == "button" and "term-toggle" in (el["cls"] or ""), "glossary term button")
    button = page.locator(":focus")
    panel_id = button.get_attribute("aria-controls")
    assert panel_id, "the term button has no aria-controls"
    panel = page.locator(f"#{panel_id}")
    assert button.get_attribute("aria-expanded") == "false"
    assert panel.is_hidden()

    page.keyboard.press("Enter")
    page.wait_for_function(
        "(id) => document.querySelector(`[aria-controls='${id}']`).getAttribute('aria-expanded') === 'true'",
        arg=panel_id,
    )
    panel.wait_for(state="visible")
    assert panel.inner_text().strip(), "the definition panel is empty"
    assert panel.locator("a").count() >= 1, "the definition panel has no 'Read more' link"

    page.keyboard.press("Escape")
    panel.wait_for(state="hidden")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("(id) => document.activeElement.getAttribute('aria-controls') === id", panel_id), (
        "focus left the term button after Escape"
    )
    assert not watched.problems(), "\n".join(watched.problems())


def test_glossary_filter(open_page):
    watched = open_page(DESKTOP)
    page = watched.page
    watched.goto("/definitions/")
    field = page.locator("#glossary-filter-input")
    field.wait_for(state="visible")  # revealed by site.js
    tab_until(page, lambda el: el["id"] == "glossary-filter-input", "glossary filter box")
    needle = "capital"
    page.keyboard.type(needle)

    items = page.locator("[data-glossary-term]")
    total = items.count()
    expected = [
        i
        for i in range(total)
        if needle in (items.nth(i).get_attribute("data-glossary-term") or "").lower()
        or needle in items.nth(i).text_content().lower()
    ]
    assert 0 < len(expected) < total, f"'{needle}' should match some but not all of the {total} terms"
    status_text = f"{len(expected)} term matches" if len(expected) == 1 else f"{len(expected)} terms match"
    page.locator("#glossary-filter-status").filter(has_text=status_text).wait_for()

    visible = [i for i in range(total) if items.nth(i).is_visible()]
    assert visible == expected, "visible terms differ from the terms that match"
    hidden_groups_with_matches = page.evaluate(
        """() => Array.from(document.querySelectorAll('[data-glossary-group][hidden]'))
            .filter((g) => Array.from(g.querySelectorAll('[data-glossary-term]')).some((i) => !i.hidden)).length"""
    )
    assert hidden_groups_with_matches == 0
    # The A to Z strip follows the filter: only letters whose section still shows are links (browser walk).
    linked = page.evaluate(
        "() => Array.from(document.querySelectorAll('.az-nav a[href]')).map((a) => a.textContent.trim()[0])"
    )
    shown = page.evaluate(
        "() => Array.from(document.querySelectorAll('[data-glossary-group]:not([hidden]) h2'))"
        ".map((h) => h.textContent.trim()[0])"
    )
    assert linked == shown, f"A to Z links {linked}, sections shown {shown}"

    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    page.locator("#glossary-filter-status").filter(has_text=re.compile(r"^$")).wait_for(state="attached")
    assert sum(1 for i in range(total) if items.nth(i).is_visible()) == total, "clearing the filter shows every term"
    assert page.locator(".az-nav a[href]").count() == page.locator("[data-glossary-group]").count()
    assert not watched.problems(), "\n".join(watched.problems())


def test_focus_is_visible(open_page):
    """The first Tab stops (skip link, brand, search, navigation) each show a focus indicator."""
    watched = open_page(DESKTOP)
    page = watched.page
    watched.goto("/")
    missing = []
    checked = []
    for _ in range(8):
        page.keyboard.press("Tab")
        style = page.evaluate(FOCUS_INDICATOR_JS)
        checked.append(f"{style['tag']} {style['text']!r}")
        has_outline = style["outlineStyle"] != "none" and style["outlineWidth"] not in ("0px", "")
        has_shadow = style["boxShadow"] not in ("none", "")
        if not (has_outline or has_shadow):
            missing.append(f"{style['tag']} {style['text']!r}: outline {style['outlineStyle']}, box-shadow none")
    assert any(c.startswith("a ") for c in checked), f"no link among the first Tab stops: {checked}"
    assert not missing, "no visible focus indicator on:\n" + "\n".join(missing)


@pytest.mark.parametrize("viewport", VIEWPORT_PARAMS)
def test_a_focused_header_link_stays_readable(open_page, viewport):
    """Every Tab stop of the header (brand, search, menu, navigation, Sign in and Join) keeps its text at
    4.5:1 against its own focus background (Join's yellow text once vanished on the yellow focus)."""
    watched = open_page(viewport)
    page = watched.page
    watched.goto("/")
    menu = page.locator(".menu-button")
    if menu.is_visible():
        menu.click()  # on a phone the navigation is behind the menu button
        page.locator("body").focus()
    unreadable, seen = [], []
    for _ in range(24):
        page.keyboard.press("Tab")
        style = page.evaluate(FOCUS_INDICATOR_JS)
        if not page.evaluate("() => !!document.activeElement.closest('header')"):
            if seen:
                break  # past the header
            continue  # the skip link comes first
        seen.append(style["text"])
        if style["background"] not in ("rgba(0, 0, 0, 0)", "transparent"):
            ratio = contrast(style["color"], style["background"])
            if ratio < 4.5:
                unreadable.append(f"{style['tag']} {style['text']!r}: {ratio:.1f}:1")
    assert "Join" in seen, f"the header's Tab stops: {seen}"
    assert not unreadable, "focused text below 4.5:1:\n" + "\n".join(unreadable)
