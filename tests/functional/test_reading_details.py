"""Issue 14, finishing details a reader sees, in a real Chromium: the words that say a wide table scrolls, the
gap under an index page's intro, pagination with very many pages at every width, and focus on a messages
banner after the reader's own action."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from django.core.paginator import Paginator

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 740}
PHONE = {"width": 390, "height": 844}
MIDDLE = {"width": 700, "height": 900}
WIDE_MIDDLE = {"width": 900, "height": 900}
DESKTOP = {"width": 1280, "height": 900}

RELEASED_PAPER = "/papers/social-capital-2025/the-ties-that-bind/"
SERIES = "/papers/social-capital-2025/"
MEMBER_EMAIL, MEMBER_PASSWORD = "member@example.org", "hub-demo-member"
HINT = "Scroll sideways to see the whole table"

# Each table's scrolling region: whether it overflows, and the words before it (shown or not).
TABLES_JS = """() => Array.from(document.querySelectorAll('.table-wrap[role=region]')).map((region) => {
    const hint = region.previousElementSibling && region.previousElementSibling.classList.contains('table-hint')
        ? region.previousElementSibling : null;
    const shown = !!hint && hint.getBoundingClientRect().height > 0;
    return {
        overflows: region.scrollWidth > region.clientWidth + 1,
        visible: region.getBoundingClientRect().height > 0,
        hint: shown ? hint.innerText.trim() : null,
        hintAbove: shown ? hint.getBoundingClientRect().bottom <= region.getBoundingClientRect().top + 0.5 : null,
        describedBy: region.getAttribute('aria-describedby'),
        hintId: hint ? hint.id : null,
    };
})"""


def check_table_hints(page, width: int) -> list[dict]:
    tables = [table for table in page.evaluate(TABLES_JS) if table["visible"]]
    assert tables, "no table on the page"
    for table in tables:
        if table["overflows"]:
            assert table["hint"] == HINT, f"a table overflows at {width} px with no words saying so: {table}"
            assert table["hintAbove"] and table["describedBy"] == table["hintId"], table
        else:
            assert table["hint"] is None, f"'{HINT}' on a table that fits at {width} px: {table}"
            assert table["describedBy"] is None, table
    return tables


@pytest.mark.parametrize("viewport", [pytest.param(PHONE, id="390"), pytest.param(DESKTOP, id="1280")])
def test_a_wide_table_says_it_scrolls_only_when_it_does(open_page, viewport):
    """On a phone the paper's wide table says "Scroll sideways to see the whole table" above it (the shadow
    alone was easy to miss); at 1280 px the same table fits and says nothing. Turning the screen changes it."""
    watched = open_page(viewport)
    page = watched.page
    watched.goto(RELEASED_PAPER)
    tables = check_table_hints(page, viewport["width"])
    if viewport["width"] < 640:
        assert tables[0]["overflows"], "the demo table fits a phone: choose a wider one for this test"
        page.set_viewport_size(DESKTOP)
        page.wait_for_function("() => document.querySelector('.table-hint').hidden")
        assert not check_table_hints(page, DESKTOP["width"])[0]["overflows"]
    else:
        assert not any(table["overflows"] for table in tables), "a table overflows at 1280 px"
        page.set_viewport_size(PHONE)
        page.wait_for_function("() => !document.querySelector('.table-hint').hidden")
        assert check_table_hints(page, PHONE["width"])[0]["overflows"]
    assert not watched.problems(), "\n".join(watched.problems())


def test_without_javascript_the_shadow_alone_is_the_cue(browser, hub_server):
    context = browser.new_context(viewport=PHONE, base_url=hub_server, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(RELEASED_PAPER)
        assert page.locator(".table-wrap").first.is_visible()
        assert page.locator(".table-hint").count() == 0
    finally:
        context.close()


# --- The gap under an index page's intro ------------------------------------------------------------


GAP_JS = """([above, below]) => document.querySelector(below).getBoundingClientRect().top
    - document.querySelector(above).getBoundingClientRect().bottom"""


@pytest.mark.parametrize("viewport", [pytest.param(PHONE, id="390"), pytest.param(DESKTOP, id="1280")])
def test_papers_and_blog_leave_the_same_gap_under_the_intro(open_page, viewport):
    """/papers/ had 86 px between its intro and the "Series" heading where /blog/ has 43 before its filters."""
    watched = open_page(viewport)
    page = watched.page
    watched.goto("/papers/")
    papers = page.evaluate(GAP_JS, [".page-header .lead", "#series-heading"])
    watched.goto("/blog/")
    blog = page.evaluate(GAP_JS, [".page-header .lead", ".filters"])
    assert abs(papers - blog) <= 2, f"{papers} px under the intro on /papers/, {blog} px on /blog/"
    assert blog <= 48, f"{blog} px under the intro on /blog/"


# --- Pagination with very many pages -----------------------------------------------------------------

EXTRA_POSTS = 150

MAKE_POSTS = f"""
import datetime
from content.blog.models import BlogIndexPage, BlogPage
index = BlogIndexPage.objects.get()
for n in range({EXTRA_POSTS}):
    index.add_child(instance=BlogPage(title=f"Pagination test post {{n}}", slug=f"pagination-test-post-{{n}}",
        date=datetime.date(2020, 1, 1) + datetime.timedelta(days=n), intro="A post to make many pages.", live=True))
index = BlogIndexPage.objects.get()
index.posts_per_page = 1
index.save_revision().publish()  # renews the content generation, so the server lists the new posts
print(len(index.get_posts()))
"""

# Taken out of every listing (rows elsewhere, such as the search entries, still point at them: no delete).
REMOVE_POSTS = """
from content.blog.models import BlogIndexPage, BlogPage
BlogPage.objects.filter(slug__startswith="pagination-test-post-").update(live=False)
index = BlogIndexPage.objects.get()
index.posts_per_page = 10
index.save_revision().publish()
"""


@pytest.fixture(scope="module")
def many_pages(hub_manage) -> int:
    """The blog with one post a page and 150 more posts than the demo: its number of pages."""
    pages = int(hub_manage("shell", stdin=MAKE_POSTS).strip().splitlines()[-1])
    try:
        yield pages
    finally:
        hub_manage("shell", stdin=REMOVE_POSTS)


PAGINATION_JS = """() => Array.from(document.querySelectorAll('.pagination li > *'))
    .filter((el) => el.getBoundingClientRect().width > 0)
    .map((el) => {
        const box = el.getBoundingClientRect();
        const shown = Array.from(el.childNodes).filter((node) => node.nodeType === Node.TEXT_NODE);
        const lines = shown.reduce((sum, node) => {
            const range = document.createRange(); range.selectNodeContents(node);
            return sum + range.getClientRects().length; }, 0);
        return {text: shown.map((node) => node.textContent).join('').trim(), top: Math.round(box.top),
                left: box.left, right: box.right, lines};
    })"""


def expected_row(current: int, last: int, width: int) -> list[str]:
    """What the row shows: Previous and Next on phones; one number either side of the current page and one
    at each end at middle widths (640 to 960 px); Django's default range (three, two) from about 960 px."""
    numbers: list[str] = []
    if width >= 640:
        each_side, ends = (1, 1) if width < 960 else (3, 2)
        paginator = Paginator(range(last), 1)
        numbers = [str(n) for n in paginator.get_elided_page_range(current, on_each_side=each_side, on_ends=ends)]
    return [*(["Previous"] if current > 1 else []), *numbers, *(["Next"] if current < last else [])]


@pytest.mark.parametrize(
    "viewport",
    [
        pytest.param(NARROW, id="320"),
        pytest.param(PHONE, id="390"),
        pytest.param(MIDDLE, id="700"),
        pytest.param(WIDE_MIDDLE, id="900"),
        pytest.param(DESKTOP, id="1280"),
    ],
)
def test_pagination_with_many_pages_is_one_tidy_row(open_page, many_pages, viewport):
    """With 150-odd pages the row stays one row at every width, each link on one line, inside the page: the
    middle widths (640 to 960 px) show fewer numbers, with ellipses, rather than wrapping."""
    watched = open_page(viewport)
    page = watched.page
    width = viewport["width"]
    for current in (1, 2, 5, many_pages // 2, many_pages - 3, many_pages):
        watched.goto(f"/blog/?page={current}")
        boxes = page.evaluate(PAGINATION_JS)
        texts = [box["text"] for box in boxes]
        where = f"page {current} of {many_pages} at {width} px"
        assert texts == expected_row(current, many_pages, width), where
        assert len({box["top"] for box in boxes}) == 1, f"the pagination wraps on {where}: {texts}"
        assert all(box["lines"] == 1 for box in boxes), f"a link's text wraps on {where}: {boxes}"
        assert min(box["left"] for box in boxes) >= 0 and max(box["right"] for box in boxes) <= width, where
        assert page.locator(".pagination__summary").inner_text() == f"Page {current} of {many_pages}"
        assert page.evaluate("() => document.documentElement.scrollWidth") <= width, where
    assert not watched.problems(), "\n".join(watched.problems())


# --- Focus on a messages banner after the reader's own action --------------------------------------------


@pytest.fixture(scope="module")
def member_state(browser, hub_server) -> dict:
    """Cookies of the demo member, signed in through /accounts/login/."""
    context = browser.new_context(viewport=DESKTOP, base_url=hub_server)
    try:
        page = context.new_page()
        page.goto("/accounts/login/")
        page.fill("#id_login", MEMBER_EMAIL)
        page.fill("#id_password", MEMBER_PASSWORD)
        with page.expect_navigation(wait_until="load"):
            page.press("#id_password", "Enter")
        assert urlsplit(page.url).path == "/members/", f"signing in as {MEMBER_EMAIL} led to {page.url}"
        return context.storage_state()
    finally:
        context.close()


@pytest.mark.parametrize("viewport", [pytest.param(PHONE, id="390"), pytest.param(DESKTOP, id="1280")])
def test_focus_moves_to_the_messages_banner_after_an_action(open_page, member_state, viewport):
    """GOV.UK's notification banner: the banner that reports what the reader just did takes the focus on
    load, so every screen reader reads it; its alert and status roles stay. A page without one keeps focus."""
    watched = open_page(viewport, storage_state=member_state)
    page = watched.page
    watched.goto(SERIES)
    assert page.locator(".messages").count() == 0
    assert page.evaluate("() => document.activeElement === document.body"), "focus moved on a page with no banner"
    button = page.locator("main form[action='/alerts/follow/'] button[type=submit]").first
    with page.expect_navigation(wait_until="load"):
        button.click()
    banner = page.locator(".messages")
    assert banner.get_attribute("tabindex") == "-1"
    assert banner.locator("[role=status]").inner_text().strip(), "the banner says nothing"
    assert banner.locator("[role=alert]").count() == 1
    page.wait_for_function("() => document.activeElement === document.querySelector('.messages')")
    page.keyboard.press("Tab")  # and on from there, into the page rather than back to its top
    assert (
        page.evaluate("() => document.querySelector('.messages').compareDocumentPosition(document.activeElement)") & 4
    )
    # Leave the demo member as they were: press the same button again (it now says Unfollow).
    with page.expect_navigation(wait_until="load"):
        page.locator("main form[action='/alerts/follow/'] button[type=submit]").first.click()
    assert not watched.problems(), "\n".join(watched.problems())


@pytest.mark.parametrize("viewport", [pytest.param(PHONE, id="390"), pytest.param(DESKTOP, id="1280")])
def test_saved_alerts_are_confirmed_in_a_focused_banner_in_view(open_page, member_state, viewport):
    """Browser walk: saving alerts returned to /members/#alerts, below the banner, and the browser's jump to
    the section took the focus back from it: no confirmation seen or heard. Now it returns to the top."""
    watched = open_page(viewport, storage_state=member_state)
    page = watched.page
    watched.goto("/members/")
    with page.expect_navigation(wait_until="load"):
        page.locator("#alerts button[type=submit]").click()
    assert urlsplit(page.url).path == "/members/" and not urlsplit(page.url).fragment
    assert "Your alerts have been saved." in page.locator(".messages").inner_text()
    page.wait_for_function("() => document.activeElement === document.querySelector('.messages')")
    top = page.evaluate("() => document.querySelector('.messages').getBoundingClientRect().top")
    assert 0 <= top < viewport["height"], f"the banner is at {top} px, out of view"
    assert not watched.problems(), "\n".join(watched.problems())


@pytest.mark.parametrize("viewport", [pytest.param(PHONE, id="390"), pytest.param(DESKTOP, id="1280")])
def test_a_reader_sent_to_a_section_stays_there(open_page, viewport):
    """Signing in from a link to a section ("your alerts settings", from a spent unsubscribe link): the
    sign-in banner does not take the focus and scroll the reader away from the section they asked for."""
    watched = open_page(viewport)
    page = watched.page
    page.add_init_script(  # notes whether the banner ever took the focus (the browser's jump may take it back)
        "document.addEventListener('focusin', (e) => {"
        " if (e.target.matches && e.target.matches('[data-messages]')) { window.bannerFocused = true; } }, true);"
    )
    watched.goto("/accounts/login/?next=/members/%23alerts")
    page.fill("#id_login", MEMBER_EMAIL)
    page.fill("#id_password", MEMBER_PASSWORD)
    with page.expect_navigation(wait_until="load"):
        page.press("#id_password", "Enter")
    assert urlsplit(page.url).fragment == "alerts", page.url
    page.wait_for_timeout(300)  # the page's scripts have run
    assert page.locator(".messages").count() == 1, "the sign-in banner is there"
    assert page.evaluate("() => !window.bannerFocused"), "the banner took the focus from the section"
    top = page.evaluate("() => document.getElementById('alerts').getBoundingClientRect().top")
    assert 0 <= top < viewport["height"] / 2, f"the alerts section is at {top} px, not in view"
    assert not watched.problems(), "\n".join(watched.problems())


@pytest.mark.parametrize("viewport", [pytest.param(PHONE, id="390"), pytest.param(DESKTOP, id="1280")])
def test_a_forms_legends_line_up_with_its_labels(open_page, viewport):
    """Browser walk: "Type of organisation" and "Topics to follow" sat 2 px right of the other labels."""
    watched = open_page(viewport)
    watched.goto("/accounts/signup/")
    lefts = watched.page.evaluate(
        "() => Array.from(document.querySelectorAll('main .label, main legend'))"
        ".map((e) => [e.textContent.trim().slice(0, 30), Math.round(e.getBoundingClientRect().left)])"
    )
    assert len(lefts) > 4 and len({left for _, left in lefts}) == 1, lefts
