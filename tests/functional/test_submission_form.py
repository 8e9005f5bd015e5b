"""A council officer shares a case study with the keyboard only, in a real Chromium.

Signed in as the demo local government member, the officer goes through every step of the form
at /case-studies/submit/ with Tab, typing, Space and Enter (files are set on the focused file input),
has one file refused and another kept, reaches the preview and submits it. axe-core checks every
step for WCAG 2.2 AA, at 1280 px and at 320 px, where nothing may scroll sideways.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_helpers import DESKTOP, active_element, axe_violations, describe, format_violations, tab_until

pytestmark = pytest.mark.browser

OFFICER_EMAIL = "officer@stoke.gov.uk"
OFFICER_PASSWORD = "hub-demo-council"
SUBMIT = "/case-studies/submit/"
NARROW_PHONE = {"width": 320, "height": 640}
VIEWPORT_PARAMS = [pytest.param(DESKTOP, id="desktop-1280"), pytest.param(NARROW_PHONE, id="phone-320")]
SIDEWAYS_SCROLL_JS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\n% evaluation\n%%EOF\n"
NOT_A_PDF = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64


def enter_and_wait(page, key: str = "Enter") -> None:
    with page.expect_navigation(wait_until="load"):
        page.keyboard.press(key)


def focus_field(page, field_id: str) -> dict:
    return tab_until(page, lambda el: el["id"] == field_id, f"#{field_id}", max_tabs=80)


def press_button(page, text: str) -> None:
    """Tab to the button (or link) with this text inside <main> and press Enter on it."""
    button = tab_until(
        page,
        lambda el: el["tag"] in {"button", "a"} and el["text"] == text and el["inMain"],
        f"{text!r}",
        max_tabs=120,
    )
    assert button["inMain"], describe(button)
    enter_and_wait(page)


class StepChecks:
    """axe-core, the console and sideways scrolling at every step, reported together at the end."""

    def __init__(self, watched, axe_path: Path):
        self.watched = watched
        self.axe_path = axe_path
        self.failures: list[str] = []
        self.reported = 0

    def __call__(self, where: str) -> None:
        page = self.watched.page
        violations = axe_violations(page, self.axe_path)
        if violations:
            self.failures.append(format_violations(violations, where))
        overflow = page.evaluate(SIDEWAYS_SCROLL_JS)
        if overflow > 0:
            self.failures.append(f"{where}: the page scrolls sideways by {overflow} px")
        problems = self.watched.problems()[self.reported :]
        self.reported += len(problems)
        if problems:
            self.failures.append(f"console or network problems up to {where}:\n" + "\n".join(problems))

    def assert_clean(self) -> None:
        if self.failures:
            pytest.fail("\n\n".join(self.failures))


@pytest.fixture(scope="module")
def officer_session(browser, hub_server) -> dict:
    """Cookies of the demo local government member, signed in by keyboard."""
    context = browser.new_context(viewport=DESKTOP, base_url=hub_server)
    try:
        page = context.new_page()
        page.goto("/accounts/login/")
        focus_field(page, "id_login")
        page.keyboard.type(OFFICER_EMAIL)
        focus_field(page, "id_password")
        page.keyboard.type(OFFICER_PASSWORD)
        enter_and_wait(page)
        assert urlsplit(page.url).path == "/members/", f"signing in as {OFFICER_EMAIL} led to {page.url}"
        return context.storage_state()
    finally:
        context.close()


def type_into(page, field_id: str, text: str) -> None:
    focus_field(page, field_id)
    page.keyboard.type(text)


@pytest.mark.parametrize("viewport", VIEWPORT_PARAMS)
def test_officer_shares_a_case_study_by_keyboard(open_page, axe_path, officer_session, viewport):
    width = viewport["width"]
    watched = open_page(viewport, storage_state=officer_session)
    page = watched.page
    check = StepChecks(watched, axe_path)
    title = f"Keyboard case study at {width} px"

    # 1. The start: the officer's authority and the officer as first contact are filled in.
    watched.goto(SUBMIT)
    page.get_by_role("heading", level=1, name="Your authority and contacts").wait_for()
    assert page.locator("#id_local_authority option:checked").inner_text().startswith("Stoke-on-Trent")
    assert page.locator("#id_contacts-0-email").input_value() == OFFICER_EMAIL
    check(f"step 1 at {width} px")
    type_into(page, "id_contacts-0-role", "Community development officer")
    # Enter in a text field saves and continues (the form's default button); it does not add a contact row.
    enter_and_wait(page)

    # 2-5. The text steps, one textarea each (and a figure on the outcomes step).
    texts = {
        "id_challenge": "Two estates had lost their meeting places.\n\n- no hall\n- no library",
        "id_what_we_did": "We gave residents the keys to an empty school building.",
        "id_outcomes": "Forty groups now meet there every month.",
        "id_lessons": "Trust residents with real assets early.",
    }
    for field_id, text in texts.items():
        page.locator(f"#{field_id}").wait_for()
        heading = page.locator("h1").inner_text()
        check(f"step '{heading}' at {width} px")
        type_into(page, field_id, text)
        if field_id == "id_outcomes":
            type_into(page, "id_figures-0-label", "groups meeting every month")
            page.keyboard.press("Tab")
            assert active_element(page)["id"] == "id_figures-0-value", describe(active_element(page))
            page.keyboard.type("40")
        press_button(page, "Save and continue")

    # 6. Title, summary and a topic ticked with Space.
    page.locator("#id_title").wait_for()
    check(f"step 'Title, summary and topics' at {width} px")
    type_into(page, "id_title", title)
    page.keyboard.press("Tab")
    assert active_element(page)["id"] == "id_summary", describe(active_element(page))
    page.keyboard.type("How Stoke handed a school to its residents.")
    topic = tab_until(page, lambda el: el["type"] == "checkbox" and el["id"].startswith("id_topics_"), "a topic")
    page.keyboard.press("Space")
    assert active_element(page)["checked"], f"Space did not tick {describe(topic)}"
    press_button(page, "Save and continue")

    # 7. Attachments: one file refused with its reason, the other kept.
    page.get_by_role("heading", level=1, name="Attachments").wait_for()
    check(f"step 'Attachments' at {width} px")
    focus_field(page, "id_files")
    page.locator(":focus").set_input_files(
        [
            {"name": "evaluation.pdf", "mimeType": "application/pdf", "buffer": PDF},
            {"name": "budget.pdf", "mimeType": "application/pdf", "buffer": NOT_A_PDF},
        ]
    )
    press_button(page, "Save and continue")
    summary = page.locator("[data-error-summary]")
    summary.wait_for()
    page.wait_for_function("() => document.activeElement && document.activeElement.hasAttribute('data-error-summary')")
    assert "budget.pdf is not a PDF, Word document or image." in summary.inner_text()
    assert page.locator("main").get_by_role("link", name="evaluation.pdf").count() == 1, "the good file was not kept"
    check(f"attachments with a refused file at {width} px")
    press_button(page, "Save and continue")

    # 8. The preview, in the published page's own layout, and the submission.
    page.get_by_role("heading", level=1, name=title).wait_for()
    assert page.get_by_role("heading", name="What we did").count() == 1
    assert page.locator("main .rich-text li").first.inner_text() == "no hall"
    check(f"preview at {width} px")
    press_button(page, "Submit for review")
    page.get_by_role("heading", level=1, name=title).wait_for()
    assert "Submitted: in review" in page.locator("main").inner_text()
    check(f"status after submitting at {width} px")
    check.assert_clean()


def test_submission_pages_keep_to_the_content_security_policy(open_page, officer_session):
    """No console errors (CSP violations included) on the form, with the real policy applied."""
    watched = open_page(DESKTOP, storage_state=officer_session)
    watched.goto(SUBMIT)
    watched.page.get_by_role("heading", level=1, name="Your authority and contacts").wait_for()
    assert not watched.problems(), "\n".join(watched.problems())
