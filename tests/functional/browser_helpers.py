"""Helpers shared by the browser test modules: viewports, the axe-core run, keyboard focus.

A plain module (not conftest.py) so test modules can import it by name; pytest puts this
folder on sys.path because it has no __init__.py.
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}

# Every browser test's axe-core run: WCAG 2.0, 2.1 and 2.2, levels A and AA. Only violations are reported in
# full (``resultTypes``: axe still runs every rule, but builds a selector for one passing node a rule, not
# all): a cold run on a paper went from 1.0-1.2 s to 0.6-0.7 s; test_axe_still_finds_a_violation checks it.
AXE_RUN = (
    "async () => await axe.run(document, "
    "{runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa']}, "
    "resultTypes: ['violations']})"
)

ACTIVE_ELEMENT_JS = """() => {
    const el = document.activeElement;
    return {
        tag: el ? el.tagName.toLowerCase() : null,
        text: el ? (el.innerText || el.value || '').trim() : '',
        href: el && el.getAttribute('href'),
        cls: el ? el.className : '',
        id: el ? el.id : '',
        type: el ? (el.getAttribute('type') || '') : '',
        checked: !!(el && el.checked),
        inMain: !!(el && el.closest('main')),
    };
}"""


def format_violations(violations: list[dict], where: str) -> str:
    lines = [f"{len(violations)} axe violation(s) on {where}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} [{violation['impact']}] {violation['help']} ({violation['helpUrl']})")
        for node in violation["nodes"][:3]:
            lines.append(f"    target {node['target']}: {node['html'][:160]}")
            summary = " ".join(node.get("failureSummary", "").split())
            if summary:
                lines.append(f"      {summary[:300]}")
        if len(violation["nodes"]) > 3:
            lines.append(f"    ... and {len(violation['nodes']) - 3} more element(s)")
    return "\n".join(lines)


@functools.cache
def _source(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def axe_results(page, axe_path: Path) -> dict:
    """Run axe-core on the page as it is now, under the page's own Content-Security-Policy.

    axe-core is evaluated in the page through the DevTools protocol, which a page's CSP does not govern (a
    script tag would need the CSP switched off for the whole context, and then a CSP violation in a journey
    would go unseen)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(_source(axe_path))
    return page.evaluate(AXE_RUN)


def axe_violations(page, axe_path: Path) -> list[dict]:
    return axe_results(page, axe_path)["violations"]


def assert_axe_clean(page, axe_path: Path, where: str) -> None:
    violations = axe_violations(page, axe_path)
    assert not violations, format_violations(violations, where)


def active_element(page) -> dict:
    return page.evaluate(ACTIVE_ELEMENT_JS)


def describe(info: dict) -> str:
    label = info["text"][:30] or info["id"]
    return f"{info['tag']}{'#' + info['id'] if info['id'] else ''} {label!r}"


def tab_until(page, predicate, description: str, max_tabs: int = 200, key: str = "Tab") -> dict:
    """Press Tab (or key) until the focused element satisfies predicate(info); fail after max_tabs presses."""
    seen = []
    for _ in range(max_tabs):
        page.keyboard.press(key)
        info = active_element(page)
        if predicate(info):
            return info
        seen.append(describe(info))
    pytest.fail(f"No {description} within {max_tabs} {key} presses. Focus went: {seen[:30]}")
