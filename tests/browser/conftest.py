"""Shared fixtures for the real-browser tests: Debian's Chromium driven by Playwright, and axe-core.

Use them from any ``tests/browser/test_*.py``::

    @pytest.mark.browser
    def test_something(live_server, browser_page, check_accessibility):
        browser_page.goto(live_server.url + "/")
        check_accessibility(browser_page, "accueil")

``chromium`` (session) is the browser, ``browser_page`` a fresh page in its own context (own cookies, CSP
bypassed only so that axe can be injected), ``check_accessibility(page, name)`` runs axe-core and fails with
the list of violations. ``press_tab_until(page, selector)`` moves the focus with the Tab key only.
Everything is skipped, with the reason, when /usr/bin/chromium, axe-core or Playwright is missing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.browser.pages import open_page

CHROMIUM = Path("/usr/bin/chromium")
REPO_ROOT = Path(__file__).resolve().parents[2]
AXE = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
#: WCAG 2.1 A and AA rules, and axe's best practices.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (apt-get install chromium)"
    if not AXE.exists():
        return f"{AXE} is missing (npm install axe-core)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed"
    return None


@pytest.fixture(scope="session")
def chromium():
    reason = _missing()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def browser_page(chromium):
    yield from open_page(chromium, {"width": 390, "height": 844})


def _format(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"][:5]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '').strip()}")
    return "\n".join(lines)


@pytest.fixture
def check_accessibility():
    def check(page, name: str) -> None:
        if not page.evaluate("typeof window.axe !== 'undefined'"):
            page.add_script_tag(path=str(AXE))
        result = page.evaluate(f"axe.run(document, {json.dumps(AXE_OPTIONS)})")
        violations = result["violations"]
        if violations:
            print(f"axe violations on {name}:\n{_format(violations)}")
        assert not violations, f"axe found {len(violations)} violation(s) on {name}:\n{_format(violations)}"

    return check


def press_tab_until(page, selector: str, *, limit: int = 250, backwards: bool = False) -> None:
    """Press Tab (or Shift+Tab) until the focused element matches ``selector``; fail if it never does."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press(key)
    raise AssertionError(f"{selector} cannot be reached with the keyboard")


@pytest.fixture
def tab_to():
    """``tab_to(page, selector)``: reach an element with the Tab key only (see ``press_tab_until``)."""
    return press_tab_until
