"""Joining the network to read a member-only case study, keyboard only, in a real Chromium.

A new person opens a locked case study, joins from its teaser, confirms their address from
the email the server wrote to a file, lands back on the full case study, signs out and is
locked out again (the attachment too). axe-core checks every step for WCAG 2.2 AA.

Also: axe and console checks for the account and member pages test_browser.py does not cover.
"""

from __future__ import annotations

import email
import re
import uuid
from email import policy
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_helpers import (
    DESKTOP,
    PHONE,
    active_element,
    assert_axe_clean,
    axe_violations,
    describe,
    format_violations,
    tab_until,
)

pytestmark = pytest.mark.browser

CASE_STUDIES = "/case-studies/"
PASSWORD = "correct-horse-battery-9"
MEMBER_EMAIL = "member@example.org"
MEMBER_PASSWORD = "hub-demo-member"
MEMBERS_ONLY = "Members only"
LOCAL_GOVERNMENT_ONLY = "Local government members only"
TEASER_HEADING = "Sign in or join to read this case study"
PRIVACY_ERROR = "You need to accept the privacy notice to join."
VOLUNTARY = "Voluntary or community organisation"

VIEWPORT_PARAMS = [pytest.param(DESKTOP, id="desktop-1280"), pytest.param(PHONE, id="phone-375")]

# Links of the case-study cards on the index, with the text of each card's lock label.
CASE_STUDY_CARDS_JS = """() => Array.from(document.querySelectorAll('main article.card--case-study')).map((card) => ({
    href: card.querySelector('.card__title a').getAttribute('href'),
    access: card.querySelector('.card__access')?.textContent.trim() ?? '',
}))"""


def first_case_study(page, access: str) -> str:
    """Path of the first card on the case-study index whose lock label reads exactly `access`."""
    cards = page.evaluate(CASE_STUDY_CARDS_JS)
    for card in cards:
        if card["access"] == access:
            return card["href"]
    pytest.fail(f"no case study card labelled {access!r} on {CASE_STUDIES}: {cards}")


def enter_and_wait(page, key: str = "Enter") -> None:
    """Press a key that navigates (a link, a submit button) and wait for the new page to load."""
    with page.expect_navigation(wait_until="load"):
        page.keyboard.press(key)


def focus_field(page, field_id: str, key: str = "Tab") -> dict:
    return tab_until(page, lambda el: el["id"] == field_id, f"#{field_id}", max_tabs=60, key=key)


class StepChecks:
    """axe-core and the console at every step of a journey, reported together at the end.

    Collecting rather than failing at the first step lets one run show every step's problems
    while the journey's own assertions still stop it at once.
    """

    def __init__(self, watched, axe_path: Path):
        self.watched = watched
        self.axe_path = axe_path
        self.failures: list[str] = []
        self.reported = 0

    def __call__(self, where: str) -> None:
        violations = axe_violations(self.watched.page, self.axe_path)
        if violations:
            self.failures.append(format_violations(violations, where))
        problems = self.watched.problems()[self.reported :]
        self.reported += len(problems)
        if problems:
            self.failures.append(f"console or network problems up to {where}:\n" + "\n".join(problems))

    def assert_clean(self) -> None:
        if self.failures:
            pytest.fail("\n\n".join(self.failures))


def newest_email_to(mail_dir: Path, address: str) -> email.message.EmailMessage:
    """The newest message to `address` among the file backend's .log files (one or more messages each)."""
    found = []
    for log in sorted(mail_dir.glob("*.log"), key=lambda f: f.stat().st_mtime):
        # The file backend ends each message with a line of 79 dashes.
        for chunk in log.read_text(errors="replace").split("-" * 79 + "\n"):
            if not chunk.strip():
                continue
            message = email.message_from_string(chunk.lstrip("\n"), policy=policy.default)
            if address.lower() in str(message.get("To", "")).lower():
                found.append(message)
    if not found:
        files = sorted(f.name for f in mail_dir.glob("*"))
        pytest.fail(f"no email to {address} in {mail_dir} (files: {files})")
    return found[-1]


def plain_text(message: email.message.EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain", "html"))
    assert body is not None, f"the email {message['Subject']!r} has no text body"
    return body.get_content()


def fill_passwords(page, from_field: str) -> None:
    page.keyboard.press("Tab")
    assert active_element(page)["id"] == "id_password1", (
        f"Tab from #{from_field} went to {describe(active_element(page))}"
    )
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    assert active_element(page)["id"] == "id_password2"
    page.keyboard.type(PASSWORD)


# --- The journey -------------------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", VIEWPORT_PARAMS)
def test_join_to_read_a_member_only_case_study(open_page, axe_path, hub_mail_dir, viewport):
    """Teaser → Join → sign-up (with one error first) → verification email → full case study → sign out.

    At 375 px only the first two steps (as far as the 'verify your email' page) run.
    """
    width = viewport["width"]
    full_journey = viewport == DESKTOP
    watched = open_page(viewport)
    page = watched.page
    step_check = StepChecks(watched, axe_path)

    # 1. The case-study index; the first members-only card, followed by keyboard.
    watched.goto(CASE_STUDIES)
    step_check(f"{CASE_STUDIES} at {width} px")
    study = first_case_study(page, MEMBERS_ONLY)
    tab_until(page, lambda el: el["tag"] == "a" and el["href"] == study, f"link to {study} on {CASE_STUDIES}")
    enter_and_wait(page)
    assert urlsplit(page.url).path == study, f"Enter on the card link led to {page.url}"
    page.get_by_role("heading", name=TEASER_HEADING).wait_for()
    assert page.get_by_role("heading", name="The challenge").count() == 0, "the teaser shows the full case study"
    step_check(f"teaser {study} at {width} px")

    join = tab_until(page, lambda el: el["tag"] == "a" and el["text"] == "Join the network", "'Join the network'")
    join_url = urlsplit(join["href"])
    assert join_url.path == "/accounts/signup/", f"'Join the network' goes to {join['href']}"
    assert join_url.query in (f"next={study}", "next=" + study.replace("/", "%2F")), (
        f"'Join the network' does not carry ?next={study}: {join['href']}"
    )
    enter_and_wait(page)
    assert urlsplit(page.url).path == "/accounts/signup/"
    step_check(f"sign-up form at {width} px")

    # 2. The sign-up form, first without accepting the privacy notice.
    address = f"journey-{uuid.uuid4().hex[:12]}@example.org"
    typed = {
        "id_full_name": "Jo Journey",
        "id_email": address,
        "id_organisation_name": "Keyboard Street Residents Association",
        "id_job_role": "Volunteer coordinator",
    }
    focus_field(page, "id_full_name")
    page.keyboard.type(typed["id_full_name"])
    page.keyboard.press("Tab")
    assert active_element(page)["id"] == "id_email", f"Tab from Full name went to {describe(active_element(page))}"
    page.keyboard.type(address)
    fill_passwords(page, from_field="id_email")

    # The radio group is one Tab stop; the arrow keys choose within it.
    page.keyboard.press("Tab")
    first_radio = active_element(page)
    assert first_radio["type"] == "radio", f"Tab after the passwords went to {describe(first_radio)}"
    for _ in range(10):
        label = page.evaluate("() => document.querySelector(`label[for='${document.activeElement.id}']`).textContent")
        if label.strip() == VOLUNTARY:
            break
        page.keyboard.press("ArrowDown")
    else:
        pytest.fail(f"the arrow keys never reached {VOLUNTARY!r} in the organisation type group")
    assert active_element(page)["checked"], f"{VOLUNTARY!r} has focus but is not selected"

    focus_field(page, "id_organisation_name")
    page.keyboard.type(typed["id_organisation_name"])
    page.keyboard.press("Tab")
    assert active_element(page)["id"] == "id_job_role", (
        f"Tab from Organisation name went to {describe(active_element(page))}"
    )
    page.keyboard.type(typed["id_job_role"])
    page.keyboard.press("Tab")
    topic = active_element(page)
    assert topic["type"] == "checkbox" and topic["id"].startswith("id_topics_"), (
        f"Tab from Job role went to {describe(topic)}, not a topic"
    )
    page.keyboard.press("Space")
    assert active_element(page)["checked"], "Space did not tick the topic"
    topic_id = topic["id"]

    focus_field(page, "id_newsletter")  # passes it, unticked
    focus_field(page, "id_accept_privacy")  # and leaves the privacy box unticked this time
    submit = tab_until(page, lambda el: el["tag"] == "button" and el["type"] == "submit", "sign-up submit button")
    assert submit["inMain"], f"the first submit button after the privacy box is not the form's: {describe(submit)}"
    enter_and_wait(page)

    summary = page.locator("[data-error-summary]")
    summary.wait_for()
    assert summary.get_attribute("role") == "alert", "the error summary is not role=alert"
    page.wait_for_function("() => document.activeElement && document.activeElement.hasAttribute('data-error-summary')")
    assert PRIVACY_ERROR in summary.inner_text(), f"error summary: {summary.inner_text()!r}"
    assert summary.locator("a").count() == 1, f"more errors than the privacy notice: {summary.inner_text()!r}"
    assert summary.locator("a").get_attribute("href") == "#id_accept_privacy"
    kept = {field_id: page.locator(f"#{field_id}").input_value() for field_id in typed}
    assert kept == typed, "typed values were not kept after the error"
    assert page.get_by_label(VOLUNTARY, exact=True).is_checked(), "the organisation type was not kept"
    assert page.locator(f"#{topic_id}").is_checked(), "the ticked topic was not kept"
    assert not page.locator("#id_newsletter").is_checked()
    step_check(f"sign-up form with an error at {width} px")

    # Then again, accepting the privacy notice. Django never sends passwords back: type them again.
    focus_field(page, "id_password1")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Tab")
    assert active_element(page)["id"] == "id_password2"
    page.keyboard.type(PASSWORD)
    focus_field(page, "id_accept_privacy")
    page.keyboard.press("Space")
    assert active_element(page)["checked"], "Space did not tick the privacy notice box"
    tab_until(page, lambda el: el["tag"] == "button" and el["type"] == "submit", "sign-up submit button")
    enter_and_wait(page)

    # 3. "Verify your email address".
    assert urlsplit(page.url).path == "/accounts/confirm-email/", f"after sign-up: {page.url}"
    assert "verify" in page.locator("h1").inner_text().lower(), f"heading: {page.locator('h1').inner_text()!r}"
    step_check(f"'verify your email' page at {width} px")
    if not full_journey:
        step_check.assert_clean()
        return

    message = newest_email_to(hub_mail_dir, address)
    links = re.findall(r"https?://[^\s\"'<>]+/accounts/confirm-email/[^\s\"'<>/]+/", plain_text(message))
    assert links, f"no confirm-email link in the email {message['Subject']!r}:\n{plain_text(message)}"
    confirm = urlsplit(links[0])
    assert f"{confirm.scheme}://{confirm.netloc}" == watched.base_url, f"the link points elsewhere: {links[0]}"
    # One click: in the browser that signed up, opening the link confirms the address (issue 14).
    watched.goto(confirm.path)

    assert urlsplit(page.url).path == study, f"after confirming the address: {page.url}, not back at {study}"
    page.get_by_role("heading", name="The challenge").wait_for()
    assert page.get_by_role("heading", name=TEASER_HEADING).count() == 0
    assert page.locator("header").get_by_role("link", name="Your account").is_visible()
    attachment = page.locator("main aside a[href^='/documents/']").first.get_attribute("href")
    assert attachment, f"no attachment link under /documents/ on {study}"
    assert page.request.get(attachment).status == 200, f"signed in, {attachment} does not download"
    step_check(f"full case study {study}")

    # 4. Sign out with the header's button, and the case study and its attachment are locked again.
    tab_until(page, lambda el: el["tag"] == "button" and el["text"] == "Sign out", "'Sign out' button")
    enter_and_wait(page)
    assert page.locator("header").get_by_role("link", name="Sign in").is_visible(), f"still signed in at {page.url}"
    step_check(f"after signing out ({urlsplit(page.url).path})")
    watched.goto(study)
    page.get_by_role("heading", name=TEASER_HEADING).wait_for()
    assert page.get_by_role("heading", name="The challenge").count() == 0
    step_check(f"teaser {study} after signing out")
    watched.goto(attachment, 404)
    step_check(f"attachment {attachment} after signing out")
    step_check.assert_clean()


def header_control(page, role: str, name: str):
    """A Sign in link or Sign out button of the header, with the phone menu opened first where there is one."""
    menu = page.locator(".menu-button")
    if menu.is_visible() and menu.get_attribute("aria-expanded") == "false":
        menu.click()
    return page.locator("header").get_by_role(role, name=name, exact=True)


def where(page) -> str:
    parts = urlsplit(page.url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


@pytest.mark.parametrize("viewport", VIEWPORT_PARAMS)
def test_signing_in_and_out_returns_to_the_page(open_page, viewport):
    """The header's Sign in on a search leads back to the same search, and Sign out there stays on it (it
    went to /members/ and to the home page); signing out of the members' area, which only members may
    read, still leads to the home page."""
    watched = open_page(viewport)
    page = watched.page
    search = "/search/?q=social+capital&sort=newest"
    watched.goto(search)
    with page.expect_navigation(wait_until="load"):
        header_control(page, "link", "Sign in").click()
    page.fill("#id_login", MEMBER_EMAIL)
    page.fill("#id_password", MEMBER_PASSWORD)
    with page.expect_navigation(wait_until="load"):
        page.press("#id_password", "Enter")
    assert where(page) == search, f"signing in from the search led to {page.url}"
    with page.expect_navigation(wait_until="load"):
        header_control(page, "button", "Sign out").click()
    assert where(page) == search, f"signing out on the search led to {page.url}"
    assert header_control(page, "link", "Sign in").is_visible()

    watched.goto("/accounts/login/")
    page.fill("#id_login", MEMBER_EMAIL)
    page.fill("#id_password", MEMBER_PASSWORD)
    with page.expect_navigation(wait_until="load"):
        page.press("#id_password", "Enter")
    assert where(page) == "/members/"
    with page.expect_navigation(wait_until="load"):
        header_control(page, "button", "Sign out").click()
    assert where(page) == "/", f"signing out of the members' area led to {page.url}"
    assert not watched.problems(), "\n".join(watched.problems())


# --- Pages not covered by test_browser.py -------------------------------------------------------------


@pytest.fixture(scope="module")
def member_session(browser, hub_server) -> dict:
    """Cookies of the demo member (member@example.org), signed in by keyboard on /accounts/login/."""
    context = browser.new_context(viewport=DESKTOP, base_url=hub_server)
    try:
        page = context.new_page()
        page.goto("/accounts/login/")
        focus_field(page, "id_login")
        page.keyboard.type(MEMBER_EMAIL)
        focus_field(page, "id_password")
        page.keyboard.type(MEMBER_PASSWORD)
        with page.expect_navigation(wait_until="load"):
            page.keyboard.press("Enter")
        assert urlsplit(page.url).path == "/members/", f"signing in as {MEMBER_EMAIL} led to {page.url}"
        return context.storage_state()
    finally:
        context.close()


@pytest.fixture(scope="module")
def locked_studies(browser, hub_server) -> dict[str, str]:
    """The first members-only and the first local-government-only case study on the index."""
    context = browser.new_context(viewport=DESKTOP, base_url=hub_server)
    try:
        page = context.new_page()
        page.goto(CASE_STUDIES)
        return {
            "members": first_case_study(page, MEMBERS_ONLY),
            "local_government": first_case_study(page, LOCAL_GOVERNMENT_ONLY),
        }
    finally:
        context.close()


# Pages test_browser.py does not cover. Each has a console check (its CSP included) at
# 1280 px. axe runs at 1280 and 375 px on those no journey here already checks at both widths:
# the join journey checks the index, the teasers' template (members-only teaser, signed out)
# and the sign-up form at both, the full case study at 1280 px; the access-request journey
# below checks the local-government teaser (signed in) and the request form at both.
# "members" and "local_government" stand for the first case study of that audience on the index.
ANONYMOUS, MEMBER = "anonymous", "member"
PAGES = [
    # (who, name, path, axe here too)
    (ANONYMOUS, "login", "/accounts/login/", True),
    (ANONYMOUS, "signup", "/accounts/signup/", False),
    (ANONYMOUS, "password-reset", "/accounts/password/reset/", True),
    (ANONYMOUS, "case-studies", CASE_STUDIES, False),
    (ANONYMOUS, "teaser-members", "members", False),
    (ANONYMOUS, "teaser-local-government", "local_government", False),
    (MEMBER, "dashboard", "/members/", True),
    (MEMBER, "details", "/members/details/", True),
    (MEMBER, "request-access", "/members/local-government-access/", False),
    (MEMBER, "teaser-local-government", "local_government", False),
    (MEMBER, "case-study-full", "members", False),
]
CONSOLE_PARAMS = [pytest.param(who, path, id=f"{who}-{name}") for who, name, path, _ in PAGES]
AXE_PARAMS = [
    pytest.param(who, path, viewport, id=f"{who}-{name}-{viewport['width']}")
    for who, name, path, axe in PAGES
    if axe
    for viewport in (DESKTOP, PHONE)
]


def open_as(request, reader_tab, who: str, path: str, viewport: dict):
    """A reader's tab, signed in as the demo member or not, at path (or the named case study)."""
    path = request.getfixturevalue("locked_studies").get(path, path)
    state = request.getfixturevalue("member_session") if who == MEMBER else None
    watched = reader_tab(viewport, storage_state=state)
    watched.goto(path)
    who_text = f"signed in as {MEMBER_EMAIL}" if who == MEMBER else "signed out"
    return watched, f"{path} ({who_text}) at {viewport['width']} px"


@pytest.mark.parametrize(("who", "path"), CONSOLE_PARAMS)
def test_account_pages_console(reader_tab, request, who, path):
    """No console errors (CSP violations included), no uncaught exceptions, no failed requests."""
    watched, where = open_as(request, reader_tab, who, path, DESKTOP)
    assert not watched.problems(), where + ":\n" + "\n".join(watched.problems())


@pytest.mark.parametrize(("who", "path", "viewport"), AXE_PARAMS)
def test_account_pages_axe_wcag_aa(reader_tab, axe_path, request, who, path, viewport):
    """axe-core finds no WCAG 2.0/2.1/2.2 A or AA violations, on the page as served (its CSP on)."""
    watched, where = open_as(request, reader_tab, who, path, viewport)
    assert_axe_clean(watched.page, axe_path, where)


@pytest.mark.parametrize("viewport", VIEWPORT_PARAMS)
def test_member_reaches_request_local_government_access_by_keyboard(
    open_page, axe_path, member_session, locked_studies, viewport
):
    """A member (not local government) on a local-government-only teaser can Tab to the request button."""
    study = locked_studies["local_government"]
    width = viewport["width"]
    watched = open_page(viewport, storage_state=member_session)
    page = watched.page
    step_check = StepChecks(watched, axe_path)
    watched.goto(study)
    page.get_by_role("heading", name="This case study is for local government members").wait_for()
    step_check(f"local-government teaser {study}, signed in as {MEMBER_EMAIL}, at {width} px")
    button = tab_until(
        page,
        lambda el: el["tag"] == "a" and el["text"] == "Request local government access",
        "'Request local government access' button",
    )
    href = urlsplit(button["href"])
    assert href.path == "/members/local-government-access/", button["href"]
    enter_and_wait(page)
    assert urlsplit(page.url).path == "/members/local-government-access/"
    assert page.locator("#main-content input[name='next']").input_value() == study, "the form does not carry ?next"
    step_check(f"/members/local-government-access/ from the teaser at {width} px")
    step_check.assert_clean()


# Every aria-describedby of the sign-up form's fields, with the text each id points at.
DESCRIPTIONS_JS = """() => Array.from(document.querySelectorAll('main form [aria-describedby]')).flatMap((field) =>
    field.getAttribute('aria-describedby').trim().split(/\\s+/).map((id) => {
        const target = document.getElementById(id);
        return {field: field.id || field.tagName.toLowerCase(), id, text: target ? target.textContent.trim() : null};
    }))"""


def test_signup_field_descriptions_are_not_empty(open_page):
    """Each hint a sign-up field points at with aria-describedby exists and has text.

    axe does not check this: an empty description is allowed, it just tells a screen reader user nothing.
    """
    watched = open_page(DESKTOP)
    watched.goto("/accounts/signup/")
    descriptions = watched.page.evaluate(DESCRIPTIONS_JS)
    assert descriptions, "no sign-up field has an aria-describedby"
    empty = [d for d in descriptions if not d["text"]]
    assert not empty, "aria-describedby pointing at a missing or empty element:\n" + "\n".join(
        f"- #{d['field']} -> #{d['id']} ({'missing' if d['text'] is None else 'empty'})" for d in empty
    )
