"""Every kind of page, read offline: with every request to another host aborted, no page
asks for one, no request fails and the console stays free of errors, on a desktop and a
phone; and on a phone no page is wider than the screen."""

from __future__ import annotations

from typing import Any

import pytest

from .test_accessibility import PAGE_KINDS

pytestmark = pytest.mark.browser

SCREENS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
# The search box, and what it shows for a typo: "did you mean" reads glossary.json.
TYPO = "champoin"


class OfflineReader:
    """A browser context that aborts requests to other hosts and notes what went wrong."""

    def __init__(self, browser: Any, base: str, screen: str) -> None:
        self.context = browser.new_context(viewport=SCREENS[screen], color_scheme="light")
        self.page = self.context.new_page()
        self.base = base
        self.problems: list[str] = []
        self.page.route(lambda url: not url.startswith(base), self._elsewhere)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.problems.append(f"pageerror: {error}"))
        self.page.on("requestfailed", lambda request: self.problems.append(
            f"request failed: {request.url} ({request.failure})"))

    def _elsewhere(self, route: Any) -> None:
        self.problems.append(f"asked another host: {route.request.url}")
        route.abort()

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.problems.append(f"console: {message.text}")

    def read(self, path: str) -> list[str]:
        """Open ``path``; the problems seen since the last page."""
        self.problems = []
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("networkidle")
        return self.problems


@pytest.mark.parametrize("screen", SCREENS)
def test_every_kind_of_page_reads_offline_without_errors(browser: Any, starter_url: str,
                                                         screen: str) -> None:
    reader = OfflineReader(browser, starter_url, screen)
    found: dict[str, list[str]] = {}
    too_wide: dict[str, int] = {}
    for kind, path in PAGE_KINDS.items():
        if problems := reader.read(path):
            found[kind] = problems
        width = reader.page.evaluate("document.documentElement.scrollWidth")
        if width > SCREENS[screen]["width"]:
            too_wide[kind] = width
    reader.read("")
    page = reader.page
    opener = page.locator("label.md-header__button[for='__search']")
    page.click("label.md-header__button[for='__search']" if opener.is_visible()
               else "input.md-search__input")
    page.type("input.md-search__input", TYPO, delay=10)
    page.wait_for_selector(".st-didyoumean:not([hidden]) a")
    page.wait_for_load_state("networkidle")
    if reader.problems:
        found["search with a typo"] = reader.problems
    reader.context.close()
    assert found == {}
    assert too_wide == {}
