"""The built site in a real Chromium: search, hover definitions, checklists, the payload
glossary, and screenshots of the main pages (the diagram and the self-check:
test_quiz_browser.py)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .conftest import Tab, clean
from .helpers import REPO

pytestmark = pytest.mark.browser


def search(tab: Tab, query: str) -> list[str]:
    """The result links (paths) Material's search lists for ``query``, best first."""
    page = tab.open("")
    page.click("input.md-search__input")
    page.type("input.md-search__input", query, delay=10)
    page.wait_for_selector(".md-search-result__item > a")
    script = "els => els.map(e => e.pathname)"
    hrefs: list[str] = []
    for _ in range(20):  # results settle after the last keystroke; wait until they stop moving
        page.wait_for_timeout(400)
        now = page.eval_on_selector_all(".md-search-result__item > a", script)
        if now == hrefs:
            break
        hrefs = now
    return hrefs


@pytest.mark.parametrize(("query", "expected"), [
    ("ICP", "/glossary/ideal-customer-profile/"),          # abbreviation
    ("ideal client profile", "/glossary/ideal-customer-profile/"),  # alias
    ("perfect customer", "/glossary/ideal-customer-profile/"),      # avoided wording
    ("hot lead", "/glossary/hot-lead/"),                   # deprecated name
    ("EB", "/glossary/economic-buyer/"),
])
def test_search_lists_the_term_page_first(tab: Tab, query: str, expected: str) -> None:
    assert search(tab, query)[0] == expected
    assert tab.errors == []


def test_search_speaks_the_starter_language(starter_tab: Tab) -> None:
    assert search(starter_tab, "ICP")[0] == "/glossary/ideal-customer-profile/"
    assert search(starter_tab, "target customer")[0] == "/glossary/ideal-customer-profile/"


def test_an_abbreviation_shows_its_definition_on_hover(tab: Tab) -> None:
    # A playbook: a term's own page gives its abbreviation no hover (the page defines it).
    page = tab.open("playbooks/qualify-call/")
    page.locator("article p abbr", has_text="EB").hover()
    tip = page.wait_for_selector(".md-tooltip2--active", state="visible")
    assert tip is not None
    assert "Economic Buyer: The person who can approve the spend" in tip.inner_text()
    assert tab.errors == []


def test_a_term_link_shows_its_definition_on_hover(tab: Tab) -> None:
    page = tab.open("playbooks/qualify-call/")
    page.hover("article a[href*='glossary/economic-buyer']")
    tip = page.wait_for_selector(".md-tooltip2--active", state="visible")
    assert tip is not None and "approve the spend" in tip.inner_text()


def test_a_stage_page_shows_its_checklist(tab: Tab) -> None:
    page = tab.open("pipeline/qualify/")
    items = page.locator("#exit-criteria + ul .task-list-item")
    assert items.count() == 3
    assert items.nth(1).inner_text().strip() == "The Economic Buyer is named."
    box = items.nth(0).locator("input")
    box.dispatch_event("click")
    assert box.is_checked()
    assert tab.errors == []


def test_the_payload_glossary_runs_no_script(browser: Any, payload_url: str) -> None:
    page = browser.new_page()
    tab = Tab(page, payload_url)
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in ["", "glossary/", "glossary/script-term/", "glossary/plain-term/",
                 "glossary/category/payloads/", "pipeline/", "pipeline/evil-stage/",
                 "roles/evil-role/", "roles/handoff-map/", "methodology/evil-fw/",
                 "cheat-sheet/", "start-here/"]:
        tab.open(path)
        page.evaluate("""() => document.querySelectorAll('article a[title], article abbr')
            .forEach(e => ['mouseenter', 'focus'].forEach(t => e.dispatchEvent(new Event(t))))""")
        page.wait_for_timeout(300)  # Material turns titles into tooltips: none may run script
        assert page.evaluate("window.__pwned") is None, path
        # The only script an article may hold is the term's DefinedTerm data (JSON-LD).
        active = "article script:not([type='application/ld+json']), article iframe, article img"
        assert page.locator(active).count() == 0, path
        assert page.locator("article").is_visible(), path  # the layout survived
    assert dialogs == [] and tab.errors == []
    page.close()


# Every kind of page a reader meets, for `make screenshots` (the search box with a typo too).
SCREENSHOT_PAGES = {"home": "", "start-here": "start-here/", "term": "glossary/champion/",
                    "category": "glossary/category/qualification/", "a-z": "glossary/",
                    "stage": "pipeline/discover/", "pipeline": "pipeline/", "role": "roles/ae/",
                    "handoff-map": "roles/handoff-map/", "cheat-sheet": "cheat-sheet/",
                    "framework": "methodology/meddpicc/",
                    "playbook": "playbooks/discovery-call/", "404": "404.html"}
LOOKS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}


def test_screenshots_of_the_main_pages(starter_tab: Tab, browser: Any) -> None:
    """Pictures to look at, saved to screenshots/ (git-ignored). The README's two pictures
    go to screenshots/readme/ too, and replace the tracked ones only under
    ``make screenshots``, which also takes every kind of page on a desktop and a phone, in
    the light and the dark palette (screenshots/all/), so a test run stays quick and never
    leaves the work tree changed."""
    out = clean(REPO / "screenshots")
    page = starter_tab.page
    for name, path in [("home", ""), ("term", "glossary/ideal-customer-profile/"),
                       ("stage", "pipeline/discover/"), ("role", "roles/ae/"),
                       ("handoff-map", "roles/handoff-map/"), ("pipeline", "pipeline/"),
                       ("glossary", "glossary/"), ("start-here", "start-here/")]:
        starter_tab.open(path)
        page.screenshot(path=str(out / f"{name}.png"), full_page=True)
    refresh = os.environ.get("SHOPTALK_README_SCREENSHOTS") == "1"
    readme = REPO / "docs" / "assets" / "screenshots" if refresh else out / "readme"
    readme.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 800})
    for name, path in [("term", "glossary/ideal-customer-profile/"),
                       ("stage", "pipeline/discover/")]:
        starter_tab.open(path)
        page.screenshot(path=str(readme / f"{name}.png"))
    assert starter_tab.errors == []
    if refresh:
        _every_kind_of_page(browser, starter_tab.base, out / "all")


def _every_kind_of_page(browser: Any, base: str, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for scheme in ("light", "dark"):
        for look, viewport in LOOKS.items():
            tab = Tab(browser.new_page(viewport=viewport, color_scheme=scheme), base)
            for name, path in SCREENSHOT_PAGES.items():
                tab.open(path)
                tab.page.screenshot(path=str(out / f"{name}-{look}-{scheme}.png"),
                                    full_page=True)
            page = tab.open("")
            opener = page.locator("label.md-header__button[for='__search']")
            page.click("label.md-header__button[for='__search']" if opener.is_visible()
                       else "input.md-search__input")
            page.type("input.md-search__input", "champoin", delay=10)  # did you mean …
            page.wait_for_selector(".st-didyoumean:not([hidden]) a")
            tab.page.screenshot(path=str(out / f"search-typo-{look}-{scheme}.png"))
            tab.page.close()
            assert tab.errors == [], (look, scheme)


def test_the_cheat_sheet_prints_on_one_page(starter_tab: Tab) -> None:
    page = starter_tab.open("cheat-sheet/")
    page.emulate_media(media="print")
    pdf: bytes = page.pdf(format="A4", print_background=True)
    (clean(REPO / "screenshots" / "print") / "cheat-sheet.pdf").write_bytes(pdf)
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1


def test_no_console_errors_on_the_starter_pages(starter_tab: Tab) -> None:
    for path in ["", "glossary/", "pipeline/", "roles/handoff-map/", "start-here/",
                 "cheat-sheet/", "playbooks/"]:
        starter_tab.open(path)
    assert starter_tab.errors == []


def test_screenshots_and_builds_are_ignored_but_sources_are_not() -> None:
    def ignored(rel: str) -> bool:
        result = subprocess.run(["git", "check-ignore", "-q", rel], cwd=REPO, check=False)
        return result.returncode == 0

    if not (REPO / ".git").exists():
        pytest.skip("not a git checkout")
    assert ignored("screenshots/home.png") and ignored("site/index.html")
    assert not ignored("tests/site/test_browser.py")
    assert not ignored("docs/assets/screenshots/term.png")
