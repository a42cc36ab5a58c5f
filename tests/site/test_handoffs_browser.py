"""The handoff map, a role's lists and a stage page in a real Chromium, on a desktop
(1366 × 900) and a phone (390 × 844), offline: every request to another host is refused,
and none may even be attempted."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import Tab
from .helpers import REPO

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
# The stage page before any fold is opened: under three desktop screens.
STAGE_PAGE_BUDGET = 3 * DESKTOP["height"]


# The theme's own request: Material asks GitHub for the repository's stars and release
# (``repo_url``) on every site; nothing the pages of this work show asks for anything.
THEME_REPO_FACTS = "https://api.github.com/repos/"


class OfflineTab(Tab):
    """A tab that also records every request to another host before it is refused."""

    def __init__(self, page: Any, base: str) -> None:
        super().__init__(page, base)
        self.elsewhere: list[str] = []
        page.on("request", self._request)

    def _request(self, request: Any) -> None:
        url = request.url
        if not url.startswith(self.base) and not url.startswith(THEME_REPO_FACTS):
            self.elsewhere.append(url)


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def any_tab(request: pytest.FixtureRequest, browser: Any, starter_url: str
            ) -> Iterator[OfflineTab]:
    phone = request.param is PHONE
    context = browser.new_context(viewport=request.param, has_touch=phone, is_mobile=phone)
    tab = OfflineTab(context.new_page(), starter_url)
    yield tab
    assert tab.errors == [] and tab.elsewhere == []
    context.close()


@pytest.fixture
def desktop(browser: Any, starter_url: str) -> Iterator[OfflineTab]:
    context = browser.new_context(viewport=DESKTOP)
    tab = OfflineTab(context.new_page(), starter_url)
    yield tab
    assert tab.errors == [] and tab.elsewhere == []
    context.close()


@pytest.fixture
def phone(browser: Any, starter_url: str) -> Iterator[OfflineTab]:
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    tab = OfflineTab(context.new_page(), starter_url)
    yield tab
    assert tab.errors == [] and tab.elsewhere == []
    context.close()


def box(page: Any, selector: str) -> dict[str, float]:
    found: dict[str, float] = page.locator(selector).first.bounding_box()
    assert found is not None, selector
    return found


def test_the_handoff_map_shows_closed_lost_on_a_desktop(desktop: OfflineTab) -> None:
    page = desktop.open("roles/handoff-map/")
    header = page.locator(".st-matrix thead th").last
    assert header.inner_text().strip() == "Closed lost"
    right = header.bounding_box()["x"] + header.bounding_box()["width"]
    assert right <= DESKTOP["width"]
    # Nothing of the matrix hides to the right of its box either.
    assert page.eval_on_selector(".st-matrix", "m => m.scrollWidth - m.clientWidth") <= 1


def test_the_stage_row_stays_on_top_while_the_matrix_scrolls(any_tab: OfflineTab) -> None:
    page = any_tab.open("roles/handoff-map/")
    page.locator(".st-matrix").scroll_into_view_if_needed()
    top = box(page, ".st-matrix")["y"]
    assert abs(box(page, ".st-matrix thead th")["y"] - top) <= 1
    page.eval_on_selector(".st-matrix", "m => { m.scrollTop = 1500; }")
    assert page.eval_on_selector(".st-matrix", "m => m.scrollTop") == 1500
    assert abs(box(page, ".st-matrix thead th")["y"] - top) <= 1
    assert abs(box(page, ".st-matrix thead th:last-child")["y"] - top) <= 1
    first_row = box(page, ".st-matrix tbody tr")
    assert first_row["y"] < top  # the rows did move up under it


def test_the_legend_comes_before_the_matrix(any_tab: OfflineTab) -> None:
    page = any_tab.open("roles/handoff-map/")
    assert box(page, ".st-legend")["y"] < box(page, ".st-matrix")["y"]
    assert box(page, ".st-role-picker")["y"] < box(page, ".st-legend")["y"]


def test_the_why_opens_from_the_keyboard(desktop: OfflineTab) -> None:
    page = desktop.open("roles/handoff-map/")
    why = page.locator(".st-matrix details.st-why").filter(
        has=page.locator("summary", has_text="why")).first
    text = (why.text_content() or "").removeprefix("why").strip()
    assert text and text not in why.inner_text()  # inner_text: only what is rendered
    summary = why.locator("summary")
    summary.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # reached by tabbing, as a keyboard user would
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Enter")
    assert why.get_attribute("open") is not None
    assert text in why.inner_text()


def test_the_why_opens_with_a_tap(phone: OfflineTab) -> None:
    page = phone.open("roles/handoff-map/")
    why = page.locator(".st-matrix details.st-why").first
    why.locator("summary").scroll_into_view_if_needed()
    text = (why.text_content() or "").removeprefix("why").removeprefix("when").strip()
    why.locator("summary").tap()
    assert why.get_attribute("open") is not None
    assert text in why.inner_text()


def _expected(role: str) -> tuple[list[str], list[str]]:
    """What ``role`` needs and owes, read straight from the stage YAML in pipeline order."""
    stages = sorted((yaml.safe_load(p.read_text(encoding="utf-8"))
                     for p in (REPO / "glossary" / "stages").glob("*.yml")),
                    key=lambda s: s["order"])
    needs: list[str] = []
    owes: list[str] = []
    for s in stages:
        for h in s.get("handoffs", []):
            if h["to"] != s["owner"]:
                needs += [h["what"]] if h["to"] == role else []
                owes += [h["what"]] if s["owner"] == role else []
        for r in s.get("required_information", []):
            others = [t for t in r["needed_by"] if t != s["owner"]]
            needs += [r["item"]] if role in others else []
            owes += [r["item"]] if others and s["owner"] == role else []
    return needs, owes


def _listed(page: Any, heading: str) -> list[str]:
    """The items under a role page's ``heading`` (what I need / what I owe), in order."""
    groups = (f"xpath=//details[contains(@class, 'st-stage-group')]"
              f"[preceding-sibling::h2[1][@id='{heading}']]")
    items = page.locator(groups).locator(":scope > ul > li")
    return [t.strip() for t in items.evaluate_all(
        "lis => lis.map(li => li.querySelector('strong').textContent)")]


@pytest.mark.parametrize("role", ["csm", "ae", "se"])
def test_a_role_page_lists_what_it_needs_and_owes_as_the_yaml_says(
        desktop: OfflineTab, role: str) -> None:
    page = desktop.open(f"roles/{role}/")
    needs, owes = _expected(role)
    assert _listed(page, "what-i-need") == needs
    assert _listed(page, "what-i-owe") == owes
    assert needs or owes


def test_the_picker_leads_to_the_roles_own_lists(any_tab: OfflineTab) -> None:
    page = any_tab.open("roles/handoff-map/")
    page.locator(".st-role-picker a", has_text="Customer success manager").click()
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/roles/csm/#what-i-need")
    assert page.locator("#what-i-need").is_visible()


def test_a_stage_page_leads_with_what_a_rep_needs(desktop: OfflineTab) -> None:
    page = desktop.open("pipeline/discover/")
    terms = page.locator("article details", has_text="Terms of this stage (")
    assert terms.get_attribute("open") is None
    assert not terms.locator("table").is_visible()
    for heading in ("#exit-criteria", "#required-information", "#handoffs"):
        assert box(page, heading)["y"] < terms.bounding_box()["y"]
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < STAGE_PAGE_BUDGET, height
    crm = page.locator(".st-crm-names").inner_text()
    assert crm == "In Salesforce: Needs Analysis · In HubSpot: qualifiedtobuy"


CUT_OFF = """(width) => [...document.querySelectorAll('article *')].filter(e => {
  const r = e.getBoundingClientRect();
  if (r.width === 0 || r.right <= width + 1) return false;
  for (let a = e.parentElement; a; a = a.parentElement) {  // inside a box that scrolls
    const o = getComputedStyle(a).overflowX;
    if ((o === 'auto' || o === 'scroll') && a.getBoundingClientRect().right <= width + 1)
      return false;
  }
  return true;
}).map(e => e.tagName + '.' + e.className + ': ' + e.textContent.slice(0, 40))"""


@pytest.mark.parametrize("path", ["pipeline/discover/", "pipeline/negotiate/", "roles/ae/",
                                  "roles/handoff-map/"])
def test_nothing_is_cut_off_on_a_phone(phone: OfflineTab, path: str) -> None:
    page = phone.open(path)
    assert page.evaluate(CUT_OFF, PHONE["width"]) == []
    page.eval_on_selector_all("article details", "ds => ds.forEach(d => { d.open = true; })")
    assert page.evaluate(CUT_OFF, PHONE["width"]) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_term_page_shows_its_crm_fields(desktop: OfflineTab) -> None:
    page = desktop.open("glossary/annual-contract-value/")
    fields = yaml.safe_load((REPO / "glossary" / "terms" / "annual-contract-value.yml")
                            .read_text(encoding="utf-8"))["crm"]
    shown = page.locator(".st-crm-names").inner_text()
    assert shown == " · ".join(f"In {name}: {fields[system]}" for system, name in
                               (("salesforce", "Salesforce"), ("hubspot", "HubSpot"))
                               if system in fields)


def test_search_for_a_crm_stage_name_finds_the_stage_first(desktop: OfflineTab) -> None:
    from .test_browser import search

    assert search(desktop, "Needs Analysis")[0] == "/pipeline/discover/"


def test_the_screenshots_are_taken(browser: Any, starter_url: str, tmp_path: Path) -> None:
    """Light and dark, desktop and phone: the map, a role page, a stage page (to look at)."""
    out = REPO / "screenshots" / "handoffs"
    out.mkdir(parents=True, exist_ok=True)
    for size, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport=viewport, color_scheme=scheme)
            tab = OfflineTab(context.new_page(), starter_url)
            for name, path in (("handoff-map", "roles/handoff-map/"), ("role", "roles/ae/"),
                               ("stage", "pipeline/discover/")):
                tab.open(path).screenshot(path=str(out / f"{name}-{size}-{scheme}.png"))
            assert tab.errors == [] and tab.elsewhere == []
            context.close()
    assert len(list(out.glob("*.png"))) == 12
