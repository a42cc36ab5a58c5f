"""Accessibility of the built starter site in Chromium: axe-core on one page of every kind
at desktop and phone size, and the interactive parts worked by keyboard alone.

axe-core comes inside the ``axe-playwright-python`` wheel (its ``axe.min.js``); nothing is
downloaded when the tests run, and requests to other hosts are refused (``Tab``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import Tab

pytestmark = pytest.mark.browser

# One page of each kind the site has. A new kind of page gets a row here.
PAGE_KINDS = {
    "home": "",
    "start here": "start-here/",
    "glossary A-Z": "glossary/",
    "category": "glossary/category/qualification/",
    "term": "glossary/ideal-customer-profile/",
    "term with homonyms": "glossary/product-qualified-lead/",
    "pipeline": "pipeline/",
    "stage": "pipeline/qualify/",
    "roles index": "roles/",
    "role": "roles/ae/",
    "handoff map": "roles/handoff-map/",
    "methodology index": "methodology/",
    "framework": "methodology/meddpicc/",
    "playbook": "playbooks/discovery-call/",
    "cheat sheet": "cheat-sheet/",
    "editing docs": "editing/",
    "404": "404.html",
}
VIEWPORTS = {"desktop": {"width": 1366, "height": 900}, "phone": {"width": 390, "height": 844}}
# (viewport, colour scheme): both sizes in light, and the dark palette once.
LOOKS = [("desktop", "light"), ("phone", "light"), ("desktop", "dark")]
BLOCKING = ("serious", "critical")


@pytest.fixture(scope="module")
def axe() -> Any:
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def look_tab(browser: Any, starter_url: str, request: pytest.FixtureRequest) -> Iterator[Tab]:
    viewport, scheme = request.param
    page = browser.new_page(viewport=VIEWPORTS[viewport], color_scheme=scheme)
    yield Tab(page, starter_url)
    page.close()


def blocking(results: dict[str, Any]) -> list[str]:
    """Each serious or critical violation: rule id, impact, help, and the elements (targets)."""
    found = []
    for v in results["violations"]:
        if v["impact"] in BLOCKING:
            targets = [" ".join(map(str, node["target"])) for node in v["nodes"]]
            found.append(f"{v['id']} ({v['impact']}): {v['help']} [{v['helpUrl']}]\n    "
                         + "\n    ".join(targets[:10])
                         + (f"\n    ... and {len(targets) - 10} more" if len(targets) > 10 else ""))
    return found


@pytest.mark.parametrize("look_tab", LOOKS, indirect=True, ids=lambda look: "-".join(look))
@pytest.mark.parametrize("path", PAGE_KINDS.values(), ids=PAGE_KINDS.keys())
def test_no_serious_accessibility_violations(look_tab: Tab, axe: Any, path: str) -> None:
    look_tab.open(path)
    found = blocking(axe.run(look_tab.page).response)
    assert not found, f"{look_tab.page.url}\n" + "\n".join(found)


# -- the keyboard alone -------------------------------------------------------------------

def tab_to(page: Any, selector: str, presses: int = 150) -> bool:
    """Press Tab until the focused element matches ``selector``; False if it never does."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement?.matches(s) ?? false", selector):
            return True
    return False


def focused_inside(page: Any, selector: str) -> bool:
    """True when the focused element is inside (or is) the element ``selector`` names."""
    return bool(page.evaluate("s => !!document.activeElement?.closest(s)", selector))


# The quiz by keyboard alone (Enter for a new set, Tab and Space through every question) is
# test_quiz_browser.py::test_the_quiz_can_be_done_with_the_keyboard_alone.


def test_search_is_reached_typed_into_and_followed_with_the_keyboard(starter_tab: Tab) -> None:
    page = starter_tab.open("")
    assert tab_to(page, "input.md-search__input")
    page.keyboard.type("ICP", delay=20)
    first = ".md-search-result__item > a"
    page.wait_for_function(f"() => document.querySelector('{first}')?.pathname"
                           " === '/glossary/ideal-customer-profile/'")
    # Each typed letter is a query; on a busy machine the results of "IC" can be drawn again
    # after ArrowDown moved into them, and the focus falls back to the page. Material's next
    # ArrowDown goes to the first result again from there.
    for _ in range(3):
        page.keyboard.press("ArrowDown")
        if focused_inside(page, ".md-search-result__item"):
            break
        page.wait_for_timeout(200)
    assert focused_inside(page, ".md-search-result__item")
    assert page.evaluate("() => document.activeElement.pathname") == \
        "/glossary/ideal-customer-profile/"
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.pathname === '/glossary/ideal-customer-profile/'")
    assert starter_tab.errors == []


SCHEME = "() => document.body.getAttribute('data-md-color-scheme')"


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_the_palette_toggle_switches_with_the_keyboard(starter_tab: Tab, key: str) -> None:
    page = starter_tab.open("")
    assert page.evaluate(SCHEME) == "default"
    assert tab_to(page, "input.md-option")
    page.keyboard.press(key)
    page.wait_for_function(f"() => ({SCHEME})() === 'slate'")
    page.keyboard.press(key)  # and back, from the option that now has focus
    page.wait_for_function(f"() => ({SCHEME})() === 'default'")
    assert starter_tab.errors == []


def test_a_checklist_box_is_named_and_ticked_with_the_keyboard(tab: Tab) -> None:
    page = tab.open("pipeline/qualify/")
    assert tab_to(page, ".task-list-item input[type=checkbox]")
    name, item = page.evaluate("""() => { const box = document.activeElement;
        const item = box.closest(".task-list-item");
        return [box.getAttribute("aria-label"), item.innerText.trim()] }""")
    assert name == item != ""  # a screen reader reads the item's own text for the box
    page.keyboard.press("Space")
    assert page.evaluate("() => document.activeElement.checked") is True


def test_the_a_to_z_filter_works_with_the_keyboard(starter_tab: Tab) -> None:
    page = starter_tab.open("glossary/")
    everything = page.locator("article li:has(.st-az__cat)").count()
    assert tab_to(page, ".st-azfilter select")
    page.keyboard.press("ArrowDown")  # the first category
    shown = page.locator("article li:has(.st-az__cat):visible")
    categories = shown.locator(".st-az__cat").evaluate_all(
        "els => [...new Set(els.map(e => e.dataset.category))]")
    assert len(categories) == 1 and 0 < shown.count() < everything
    page.keyboard.press("ArrowUp")  # back to all categories
    page.keyboard.press("Tab")
    assert focused_inside(page, ".st-azfilter input")
    page.keyboard.type("champ", delay=20)
    texts = shown.all_inner_texts()
    assert all("champ" in t.lower() for t in texts) and any(t.startswith("Champion")
                                                             for t in texts)
    page.keyboard.press("Control+A")
    page.keyboard.press("Backspace")
    assert tab_to(page, ".st-letters a[href$='#letter-c']", presses=40)
    page.keyboard.press("Enter")
    visible = page.locator("article h2[id^='letter-']:visible").evaluate_all(
        "els => els.map(e => e.id)")
    assert visible == ["letter-c"]
    assert page.locator(".st-letters a[href$='#letter-c']").get_attribute("aria-current") \
        == "true"
    for _ in range(30):  # "All letters" stands before the letters: back with Shift+Tab
        page.keyboard.press("Shift+Tab")
        if focused_inside(page, ".st-azfilter__all"):
            break
    assert focused_inside(page, ".st-azfilter__all")
    page.keyboard.press("Space")
    assert page.locator("article h2[id^='letter-']:visible").count() > 20
    assert starter_tab.errors == []


@pytest.mark.parametrize("key", ["Enter", "Space"])
def test_a_folded_list_on_a_stage_page_opens_with_the_keyboard(starter_tab: Tab,
                                                               key: str) -> None:
    page = starter_tab.open("pipeline/discover/")
    assert tab_to(page, "article details > summary")
    opened = "() => document.activeElement.parentElement.open"
    assert page.evaluate(opened) is False
    page.keyboard.press(key)
    page.wait_for_function(opened)
    page.keyboard.press(key)
    page.wait_for_function(f"() => !({opened})()")
    assert starter_tab.errors == []


def test_the_handoff_role_picker_works_with_the_keyboard(starter_tab: Tab) -> None:
    page = starter_tab.open("roles/handoff-map/")
    assert tab_to(page, ".st-role-picker a")
    target = page.evaluate("() => document.activeElement.pathname")
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => location.pathname === '{target}'")
    assert target.startswith("/roles/")
    assert starter_tab.errors == []


def test_did_you_mean_is_reached_and_followed_with_the_keyboard(starter_tab: Tab) -> None:
    page = starter_tab.open("")
    assert tab_to(page, "input.md-search__input")
    page.keyboard.type("champoin", delay=20)
    page.wait_for_selector(".st-didyoumean:not([hidden]) a")
    assert tab_to(page, ".st-didyoumean a", presses=10)
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.pathname === '/glossary/champion/'")
    assert starter_tab.errors == []
