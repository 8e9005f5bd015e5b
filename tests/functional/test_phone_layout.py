"""Issue 14 in a real Chromium at 320, 390 and 1280 px: the phone header and its menu, papers and search on a
phone, and the layout slips (A to Z strip, key terms, case-study figures, teaser wording, copy buttons, favicon).

Each check runs at the three widths; axe-core runs on the pages it changed at 320 and 390 px (test_browser.py
covers 1280 and 375), with the phone menu both closed and open.
"""

from __future__ import annotations

import io
import statistics
from urllib.parse import urlsplit

import pytest
from browser_helpers import active_element, assert_axe_clean, tab_until
from PIL import Image

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 740}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
WIDTHS = [pytest.param(NARROW, id="320"), pytest.param(PHONE, id="390"), pytest.param(DESKTOP, id="1280")]
PHONES = [pytest.param(NARROW, id="320"), pytest.param(PHONE, id="390")]

RELEASED_PAPER = "/papers/social-capital-2025/the-ties-that-bind/"
ANNOUNCED_PAPER = "/papers/social-capital-2025/connected-and-well/"
STOKE = "/case-studies/stoke-on-trent-community-wealth-from-the-neighbourhood-up/"
LOCAL_GOVERNMENT_STUDY = "/case-studies/barnsley-resident-grant-panels/"
MEMBER_EMAIL, MEMBER_PASSWORD = "member@example.org", "hub-demo-member"

TOP_JS = "(selector) => { const el = document.querySelector(selector); return el ? el.getBoundingClientRect().top + window.scrollY : null; }"

# Whether an input's placeholder is wider than the room for text inside it (what a reader sees cut off).
PLACEHOLDER_CUT_JS = """(selector) => {
    const input = document.querySelector(selector);
    const style = getComputedStyle(input);
    const context = document.createElement('canvas').getContext('2d');
    context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return {text: context.measureText(input.placeholder).width, room};
}"""

# Text elements whose content is wider than their box, or that stick out of the viewport.
CUT_TEXT_JS = """(selector) => Array.from(document.querySelectorAll(selector)).filter((el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && (el.scrollWidth > el.clientWidth + 1 || box.right > document.documentElement.clientWidth + 0.5);
}).map((el) => el.outerHTML.slice(0, 120))"""


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


def is_phone(viewport: dict) -> bool:
    return viewport["width"] < 640


# --- 1. The header: a menu button on phones, the search box in view, content on the first screen ---------


@pytest.mark.parametrize("viewport", WIDTHS)
def test_header_menu_and_search(open_page, viewport):
    watched = open_page(viewport)
    page = watched.page
    watched.goto("/")
    button = page.locator(".menu-button")
    nav_links = page.locator("#main-nav a")
    search = page.locator("#header-search-input")
    assert search.is_visible() and search.bounding_box()["y"] < viewport["height"] / 3, "search box not in view"
    placeholder = page.evaluate(PLACEHOLDER_CUT_JS, "#header-search-input")
    assert placeholder["text"] <= placeholder["room"], f"placeholder cut at {viewport['width']} px: {placeholder}"
    heading_top = page.evaluate(TOP_JS, "main h1")
    if not is_phone(viewport):
        assert not button.is_visible(), "the menu button shows on a wide screen"
        assert nav_links.first.is_visible()
        return
    assert heading_top < viewport["height"] * 0.45, f"the home heading starts at {heading_top} px"
    assert button.is_visible() and button.get_attribute("aria-expanded") == "false"
    name, menu = page.locator(".brand__name").bounding_box(), button.bounding_box()
    assert name["x"] + name["width"] <= menu["x"], f"the site's name runs under the menu button: {name} {menu}"
    assert button.get_attribute("aria-controls") == "main-nav"
    assert not nav_links.first.is_visible(), "the navigation is open before the menu button is pressed"
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert all(nav_links.nth(i).is_visible() for i in range(nav_links.count()))
    lefts = page.evaluate(
        "() => Array.from(document.querySelectorAll('#main-nav li')).map((li) => Math.round(li.getBoundingClientRect().left))"
    )
    assert len(set(lefts)) == 1, f"the open menu is not one column: {lefts}"
    button.click()
    assert button.get_attribute("aria-expanded") == "false" and not nav_links.first.is_visible()
    assert not watched.problems(), "\n".join(watched.problems())


@pytest.mark.parametrize("viewport", PHONES)
def test_menu_by_keyboard(open_page, viewport):
    """Tab to the menu button, Enter opens it, Tab reaches the first link, Escape closes it and returns focus."""
    watched = open_page(viewport)
    page = watched.page
    watched.goto("/")
    tab_until(page, lambda el: "menu-button" in (el["cls"] or ""), "menu button", max_tabs=10)
    page.keyboard.press("Enter")
    assert page.locator(".menu-button").get_attribute("aria-expanded") == "true"
    first = tab_until(page, lambda el: el["tag"] == "a" and el["href"] == "/papers/", "first menu link", max_tabs=6)
    assert first["text"]
    page.keyboard.press("Escape")
    assert page.locator(".menu-button").get_attribute("aria-expanded") == "false"
    assert "menu-button" in active_element(page)["cls"], "Escape did not return focus to the menu button"
    page.keyboard.press("Enter")  # open again: Escape on the button itself closes it too (browser walk)
    assert page.locator(".menu-button").get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert page.locator(".menu-button").get_attribute("aria-expanded") == "false"


@pytest.mark.parametrize("viewport", PHONES)
def test_navigation_without_javascript(browser, hub_server, viewport):
    """No JavaScript: no menu button, and every navigation link is shown (nothing is locked away)."""
    context = browser.new_context(viewport=viewport, base_url=hub_server, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto("/")
        assert not page.locator(".menu-button").is_visible()
        links = page.locator("#main-nav a")
        assert links.count() >= 6 and all(links.nth(i).is_visible() for i in range(links.count()))
        page.goto(RELEASED_PAPER)
        copy = page.locator("[data-copy]")
        assert copy.count() and not any(copy.nth(i).is_visible() for i in range(copy.count())), (
            "copy buttons show without JavaScript, where they cannot work"
        )
    finally:
        context.close()


@pytest.mark.parametrize("viewport", PHONES)
@pytest.mark.parametrize("path", ["/", RELEASED_PAPER, "/search/?q=social+capital", "/definitions/", STOKE])
def test_axe_on_phones_menu_closed_and_open(reader_tab, axe_path, viewport, path):
    watched = reader_tab(viewport)
    page = watched.page
    watched.goto(path)
    where = f"{path} at {viewport['width']} px"
    assert_axe_clean(page, axe_path, where + " (menu closed)")
    page.locator(".menu-button").click()
    assert_axe_clean(page, axe_path, where + " (menu open)")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]


@pytest.mark.parametrize("viewport", WIDTHS)
def test_the_members_area_fits_the_screen(open_page, member_state, viewport):
    """/members/ (forms, the reading list, the consents table) never makes the page scroll sideways; on a
    phone each consent is a block of its own, its status in view."""
    watched = open_page(viewport, storage_state=member_state)
    page = watched.page
    watched.goto("/members/")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]
    status = page.locator("#privacy .consents td").filter(has_text="Active").first
    box = status.bounding_box()
    assert box and box["x"] + box["width"] <= viewport["width"], "a consent's status is cut off"


# --- 2. Papers: the report and the key findings near the top; table captions whole ---------------------


@pytest.mark.parametrize("viewport", WIDTHS)
def test_paper_download_and_findings_near_the_top(open_page, viewport):
    watched = open_page(viewport)
    page = watched.page
    watched.goto(RELEASED_PAPER)
    download = page.evaluate(TOP_JS, ".paper__download a")
    findings = page.evaluate(TOP_JS, "#key-findings-heading")
    assert download is not None and download < viewport["height"] * 1.1, f"download link at {download} px"
    assert findings is not None and findings < viewport["height"] * 2, f"key findings at {findings} px"
    caption = page.locator(".table-caption").first
    assert caption.is_visible()
    box = caption.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], f"table caption cut: {box}"
    assert not page.evaluate(CUT_TEXT_JS, ".table-caption, .figure figcaption, h1, h2"), "text cut on the paper"
    assert not watched.problems(), "\n".join(watched.problems())


def edge_shades(region) -> tuple[float, float]:
    """The median brightness (0 to 255) of the pixel columns just inside a scrolling region's left and right
    edges, as the reader sees them: a shadow darkens the whole column, text and rules only a few pixels."""
    image = Image.open(io.BytesIO(region.screenshot())).convert("L")
    width, height = image.size
    column = lambda x: statistics.median(image.getpixel((x, y)) for y in range(height))  # noqa: E731
    return column(2), column(width - 3)


@pytest.mark.parametrize("viewport", WIDTHS)
def test_a_wide_table_scrolls_in_its_own_labelled_region(open_page, viewport):
    """A paper's table wider than a phone scrolls sideways inside a region named by its caption, which the
    keyboard reaches and scrolls, with a shadow on the side where more of it lies; the page itself never
    scrolls sideways. A table that fits shows no shadow."""
    watched = open_page(viewport)
    page = watched.page
    watched.goto(RELEASED_PAPER)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]
    region = page.locator(".table-wrap").first
    caption = page.locator(".table-caption").first.inner_text().strip()
    assert region.get_attribute("role") == "region" and region.get_attribute("tabindex") == "0"
    assert region.get_attribute("aria-label") == caption
    focused = tab_until(page, lambda el: "table-wrap" in (el["cls"] or ""), "the table's scrolling region")
    assert focused["tag"] == "div"
    overflow = region.evaluate("(el) => el.scrollWidth - el.clientWidth")
    if not is_phone(viewport):
        assert overflow <= 0, f"the table does not fit at {viewport['width']} px"
        left, right = edge_shades(region)
        assert left > 250 and right > 250, f"a shadow on a table that fits: {left}, {right}"
        return
    assert overflow > 0, "the demo table fits a phone: choose a wider one for this test"
    left, right = edge_shades(region)
    assert left > 250, f"a shadow before the start of the table: {left}"
    assert right < 235, f"nothing shows that the table goes on to the right: {right}"
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.table-wrap').scrollLeft > 0")
    region.evaluate("(el) => { el.scrollLeft = el.scrollWidth; }")
    left, right = edge_shades(region)
    assert left < 235 and right > 250, f"at the end the shadow should be on the left only: {left}, {right}"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]
    assert not watched.problems(), "\n".join(watched.problems())


# --- 3. Search: filters before the results on phones, no sort on nothing, long queries said -------------


@pytest.mark.parametrize("viewport", WIDTHS)
def test_search_filters_come_first_on_phones(open_page, viewport):
    watched = open_page(viewport)
    page = watched.page
    watched.goto("/search/?q=social+capital")
    first_result = page.evaluate(TOP_JS, ".search-result")
    facets = page.locator("details[data-filters]")
    if is_phone(viewport):
        summary = page.locator(".filters-disclosure__summary")
        assert summary.is_visible() and summary.inner_text().startswith("Filter results")
        assert page.evaluate(TOP_JS, ".filters-disclosure__summary") < first_result
        assert not page.locator(".facet").first.is_visible(), "filters open before the reader asks"
        summary.focus()
        page.keyboard.press("Enter")
        page.locator(".facet").first.wait_for(state="visible")
        assert facets.get_attribute("open") is not None
    else:
        assert not page.locator(".filters-disclosure__summary").is_visible()
        assert page.locator(".facet").first.is_visible(), "filters hidden beside the results on a wide screen"
    assert not watched.problems(), "\n".join(watched.problems())


@pytest.mark.parametrize("viewport", WIDTHS)
def test_search_edges(open_page, viewport):
    watched = open_page(viewport)
    page = watched.page
    watched.goto("/search/?q=qqxzqqxz")
    assert page.locator(".results-count").inner_text().startswith("0 results")
    assert page.locator("#sort-select").count() == 0, "a Sort control on zero results"
    gap = page.evaluate(
        """() => document.querySelector('.callout').getBoundingClientRect().top
            - document.querySelector('.results-count').getBoundingClientRect().bottom"""
    )
    assert 0 < gap <= 36, f"{gap} px between the count and 'No results' (it was 65: grid gap and two margins)"
    watched.goto("/search/?q=" + "neighbourhood+" * 60)
    notice = page.locator("#query-truncated")
    assert notice.is_visible() and "only its first" in notice.inner_text()
    watched.goto("/search/?q=social+capital")
    assert page.locator("#query-truncated").count() == 0
    watched.goto("/search/?q=connected+and+well")
    result = page.locator(f".search-result:has(a[href='{ANNOUNCED_PAPER}'])")
    assert result.count() == 1, "the announced paper is not among the results"
    assert "Coming soon" in result.inner_text()
    assert not page.evaluate(CUT_TEXT_JS, ".search-result__title, .results-count, .notice")
    assert not watched.problems(), "\n".join(watched.problems())


@pytest.mark.parametrize("viewport", WIDTHS)
def test_a_locked_suggestion_says_so_inside_the_screen(open_page, viewport):
    """A suggestion's kind and lock ("Case study · Local government members only") stayed on one line: at
    390 px it ran past the edge, cut the lock's words and made the page scroll sideways."""
    watched = open_page(viewport)
    page = watched.page
    watched.goto("/search/")
    page.locator("#search-page-input").press_sequentially("gatesh", delay=20)
    locked = page.locator(".suggestions [role='option']:has-text('Local government members only')")
    locked.first.wait_for(state="visible")
    assert not page.evaluate(CUT_TEXT_JS, ".suggestions [role='option'], .suggestions [role='option'] > span")
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]
    assert not watched.problems(), "\n".join(watched.problems())


@pytest.mark.parametrize("viewport", WIDTHS)
def test_search_pagination_stays_on_one_row(open_page, viewport):
    """Previous, the page numbers and Next in one row, each on one line: at 390 px Next went alone onto a
    second row. Phones keep Previous and Next, at either end, and say "Page 3 of 5" under them."""
    watched = open_page(viewport)
    page = watched.page
    watched.goto("/search/?q=social&page=3")
    boxes = page.evaluate(
        """() => Array.from(document.querySelectorAll('.pagination li > *'))
            .filter((el) => el.getBoundingClientRect().width > 0)
            .map((el) => {
                const box = el.getBoundingClientRect();
                const shown = Array.from(el.childNodes).filter((node) => node.nodeType === Node.TEXT_NODE);
                const lines = shown.reduce((sum, node) => {
                    const range = document.createRange(); range.selectNodeContents(node);
                    return sum + range.getClientRects().length; }, 0);
                return {text: shown.map((node) => node.textContent).join('').trim(), top: Math.round(box.top),
                        right: box.right, lines};
            })"""
    )
    texts = [box["text"] for box in boxes]
    assert texts[0] == "Previous" and texts[-1] == "Next", texts
    assert len({box["top"] for box in boxes}) == 1, f"the pagination wraps at {viewport['width']} px: {boxes}"
    assert all(box["lines"] == 1 for box in boxes), f"a link's text wraps: {boxes}"
    assert max(box["right"] for box in boxes) <= viewport["width"]
    assert page.locator(".pagination__summary").inner_text() == "Page 3 of 5"
    if is_phone(viewport):
        assert texts == ["Previous", "Next"]
        assert boxes[-1]["right"] > viewport["width"] - 40, "Next is not at the end of the row"
    else:
        assert texts == ["Previous", "1", "2", "3", "4", "5", "Next"]
    assert not watched.problems(), "\n".join(watched.problems())


# --- 5. Layout slips ----------------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", WIDTHS)
def test_a_to_z_never_leaves_one_letter_alone(open_page, viewport):
    watched = open_page(viewport)
    page = watched.page
    watched.goto("/definitions/")
    tops = page.evaluate("() => Array.from(document.querySelectorAll('.az-nav li')).map((li) => li.offsetTop)")
    assert len(tops) == 26
    rows = {top: tops.count(top) for top in tops}
    assert min(rows.values()) >= 2, f"a row of the A to Z holds one letter: {rows}"
    if viewport["width"] >= 1280:
        assert len(rows) == 1, f"the A to Z wraps at {viewport['width']} px: {rows}"
    # A glossary with a term such as "20-minute neighbourhood" has a "#" entry before A (the demo has none:
    # the entry is added here as the template writes it, tests/content/glossary checks the template).
    page.evaluate(
        """() => document.querySelector('.az-nav ul').insertAdjacentHTML('afterbegin',
            '<li><a href="#letter-symbols">#<span class="visually-hidden"> (terms that start with a number or symbol)</span></a></li>')"""
    )
    entries = page.evaluate(
        """() => Array.from(document.querySelectorAll('.az-nav li')).map((li) => {
            const box = li.firstElementChild.getBoundingClientRect();
            return {top: li.offsetTop, width: Math.round(box.width), height: Math.round(box.height)}; })"""
    )
    assert len(entries) == 27
    rows = {top: [entry["top"] for entry in entries].count(top) for top in {entry["top"] for entry in entries}}
    assert min(rows.values()) >= 2, f"with '#', a row of the A to Z holds one entry: {rows}"
    assert entries[0]["height"] == entries[1]["height"] and entries[0]["width"] >= entries[1]["width"] - 1, (
        f"the '#' entry is not the size of a letter: {entries[:2]}"
    )
    if viewport["width"] >= 1280:
        assert len(rows) == 1, f"with '#', the A to Z wraps at {viewport['width']} px: {rows}"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= viewport["width"]


@pytest.mark.parametrize("viewport", WIDTHS)
def test_home_key_terms_fill_their_rows(open_page, viewport):
    watched = open_page(viewport)
    page = watched.page
    watched.goto("/")
    tops = page.evaluate(
        "() => Array.from(document.querySelectorAll('.card-grid--compact > *')).map((c) => c.offsetTop)"
    )
    assert len(tops) == 4
    rows = sorted({top: tops.count(top) for top in tops}.values())
    assert rows in ([4], [2, 2], [1, 1, 1, 1]), f"key terms rows at {viewport['width']} px: {rows}"
    assert "practice group" not in page.locator("main").inner_text().lower(), "the home page promises practice groups"


@pytest.mark.parametrize("viewport", WIDTHS)
def test_case_study_figures(open_page, member_state, viewport):
    watched = open_page(viewport, storage_state=member_state)
    page = watched.page
    watched.goto(STOKE)
    tiles = page.evaluate(
        """() => Array.from(document.querySelectorAll('.figure-grid > *')).map((t) => {
            const box = t.getBoundingClientRect(); return {top: Math.round(box.top), bottom: box.bottom};
        })"""
    )
    assert len(tiles) == 4
    rows = sorted({tile["top"]: 0 for tile in tiles})
    per_row = [sum(1 for tile in tiles if tile["top"] == top) for top in rows]
    assert min(per_row) == max(per_row), f"a figure tile sits alone: {per_row} per row"
    gap = page.evaluate(
        """() => { const grid = document.querySelector('.figure-grid');
            const next = grid.closest('section').nextElementSibling;
            return next.getBoundingClientRect().top - grid.getBoundingClientRect().bottom; }"""
    )
    assert gap >= 16, f"the next section is {gap} px below the figures"
    outcomes = page.locator("section[aria-labelledby='outcomes-heading']")
    text_bottom = outcomes.locator(".rich-text").bounding_box()
    assert "figures below" in outcomes.inner_text()
    assert min(tile["top"] for tile in tiles) >= text_bottom["y"] + text_bottom["height"] - 1, (
        "the text says 'figures below' but the figures are above it"
    )
    assert not watched.problems(), "\n".join(watched.problems())


@pytest.mark.parametrize("viewport", WIDTHS)
def test_local_government_teaser_says_who_can_read_it(open_page, viewport):
    watched = open_page(viewport)
    page = watched.page
    watched.goto(LOCAL_GOVERNMENT_STUDY)
    text = page.locator(".callout--locked").inner_text()
    assert "only with members who work in local government" in text
    assert "free for anyone" not in text


def test_copy_buttons_work_where_shown(open_page):
    watched = open_page(DESKTOP)
    page = watched.page
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    watched.goto(RELEASED_PAPER)
    button = page.locator("[data-copy='citation-harvard']")
    assert button.is_visible()
    button.click()
    page.locator("[data-copy-status]").filter(has_text="copied").wait_for(state="attached")
    copied = page.evaluate("() => navigator.clipboard.readText()")
    assert copied == page.locator("#citation-harvard").inner_text().strip()


def test_favicon_ico_is_served(open_page):
    watched = open_page(DESKTOP)
    response = watched.page.request.get("/favicon.ico")
    assert response.status == 200 and response.headers["content-type"] in ("image/x-icon", "image/vnd.microsoft.icon")
    assert response.body()[:4] == b"\x00\x00\x01\x00"


# --- 4. Charts that fit ---------------------------------------------------------------------------------

# Every text of every SVG chart, and every picture in a figure, inside its chart and inside the viewport;
# a chart's labels no smaller than 9 px however far a phone scales the chart down.
CHART_TEXT_OUTSIDE_JS = """() => {
    const right = document.documentElement.clientWidth + 0.5;
    const out = [];
    for (const svg of document.querySelectorAll('svg.insights-chart, svg.chart__svg')) {
        const frame = svg.getBoundingClientRect();
        if (!svg.getAttribute('viewBox')) out.push('a chart without a viewBox');
        for (const text of svg.querySelectorAll('text')) {
            const box = text.getBoundingClientRect();
            if (box.left < frame.left - 1 || box.right > frame.right + 1 || box.right > right) {
                out.push(`"${text.textContent}" at ${Math.round(box.left)}-${Math.round(box.right)}, chart ${Math.round(frame.left)}-${Math.round(frame.right)}`);
            }
            if (svg.classList.contains('chart__svg') && box.height < 9) out.push(`"${text.textContent}" ${box.height.toFixed(1)} px high`);
        }
    }
    for (const img of document.querySelectorAll('main .figure img')) {
        if (img.getBoundingClientRect().right > right) out.push(`chart image ${img.src} wider than the page`);
    }
    return out;
}"""


@pytest.fixture(scope="module")
def admin_state(browser, hub_server) -> dict:
    """The demo administrator, signed in with the password and the current two-factor code."""
    from content.demo.accounts import current_demo_code

    context = browser.new_context(viewport=DESKTOP, base_url=hub_server)
    try:
        page = context.new_page()
        page.goto("/accounts/login/")
        page.fill("#id_login", "admin@example.org")
        page.fill("#id_password", "hub-demo-admin")
        with page.expect_navigation(wait_until="load"):
            page.press("#id_password", "Enter")
        page.fill("input[name=code]", current_demo_code())
        with page.expect_navigation(wait_until="load"):
            page.press("input[name=code]", "Enter")
        return context.storage_state()
    finally:
        context.close()


@pytest.mark.parametrize("viewport", WIDTHS)
def test_insight_charts_keep_their_text_inside(open_page, admin_state, viewport):
    watched = open_page(viewport, storage_state=admin_state)
    page = watched.page
    watched.goto("/admin/insights/")
    assert page.locator("svg.insights-chart").count() >= 1, "no chart on the insight dashboard"
    assert not page.evaluate(CHART_TEXT_OUTSIDE_JS)


@pytest.mark.parametrize("viewport", WIDTHS)
def test_paper_charts_fit(open_page, viewport):
    """A paper's charts are SVG (drawn from the editor's figures): their title wraps as text, every label
    and value stays inside the chart and the page, and the table of figures opens under it."""
    watched = open_page(viewport)
    page = watched.page
    watched.goto(RELEASED_PAPER)
    chart = page.locator("main figure.chart").first
    assert chart.locator("svg.chart__svg[viewBox]").count() == 1
    assert not page.evaluate(CHART_TEXT_OUTSIDE_JS)
    title = chart.locator(".chart__title")
    assert title.evaluate("(element) => element.scrollWidth <= element.clientWidth + 1"), "the title runs past its box"
    chart.locator("summary").click()
    assert chart.locator("table tbody tr").count() >= 2 and chart.locator("table").is_visible()
