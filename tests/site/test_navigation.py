"""Finding one's way on the starter site, in Chromium at desktop and phone sizes: tabs and
breadcrumbs, Start here first, the cheat sheet, typo-tolerant search, the 404 page, edit
buttons that open files, the A–Z filter and the playbooks in deal order.

Every test runs offline and asserts that no page even tried to reach another host and
that the browser console stayed free of errors."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from shoptalk import load_config, validate

from .conftest import Tab
from .helpers import REPO

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}


class _NotFoundHandler(http.server.SimpleHTTPRequestHandler):
    """A static host as GitHub Pages is one: a missing page is answered with 404.html."""

    def log_message(self, format: str, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None,
                   explain: str | None = None) -> None:
        page = Path(str(self.directory)) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def site_url(starter_site: Path) -> Iterator[str]:
    handler = functools.partial(_NotFoundHandler, directory=str(starter_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


class Reader(Tab):
    """A tab that also notes every request for another host, even one refused at once."""

    def __init__(self, page: Any, base: str) -> None:
        super().__init__(page, base)
        self.elsewhere: list[str] = []
        self.missing: set[str] = set()  # addresses a test asks for knowing they are 404
        page.on("request", self._request)

    def _console(self, message: Any) -> None:
        source = (message.location or {}).get("url", "")
        if source not in self.missing or "status of 404" not in message.text:
            super()._console(message)

    def _request(self, request: Any) -> None:
        url = request.url
        if not url.startswith((self.base, "data:", "blob:", "about:")):
            self.elsewhere.append(url)

    def open(self, path: str) -> Any:
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("networkidle")
        return self.page


@contextlib.contextmanager
def reader(browser: Any, url: str, viewport: dict[str, int], **options: Any) -> Iterator[Reader]:
    context = browser.new_context(viewport=viewport, **options)
    tab = Reader(context.new_page(), url)
    try:
        yield tab
    finally:
        context.close()
    assert tab.elsewhere == [], "requests to other hosts"
    assert tab.errors == [], "console errors"


@pytest.fixture(params=[DESKTOP, PHONE], ids=["desktop", "phone"])
def tab(request: pytest.FixtureRequest, browser: Any, site_url: str) -> Iterator[Reader]:
    with reader(browser, site_url, request.param) as opened:
        yield opened


def search(tab: Reader, query: str, selector: str = ".md-search-result__item > a") -> Any:
    """Type ``query`` into the search box (opening it on a phone) and wait for ``selector``."""
    page = tab.open("")
    opener = page.locator("label.md-header__button[for='__search']")
    page.click("label.md-header__button[for='__search']" if opener.is_visible()
               else "input.md-search__input")
    page.type("input.md-search__input", query, delay=10)
    page.wait_for_selector(selector)
    return page


def result_paths(page: Any) -> list[str]:
    """The result links, best first, once they stop changing."""
    hrefs: list[str] = []
    for _ in range(20):
        page.wait_for_timeout(300)
        now = page.eval_on_selector_all(".md-search-result__item > a",
                                        "els => els.map(e => e.pathname)")
        if now == hrefs:
            break
        hrefs = now
    return hrefs


@pytest.mark.parametrize(("path", "tab_title", "trail"), [
    ("glossary/champion/", "Glossary", ["Home", "Glossary", "Buyer and stakeholders"]),
    ("glossary/category/qualification/", "Glossary", ["Home", "Glossary"]),
    ("pipeline/discover/", "Pipeline", ["Home", "Pipeline"]),
    ("roles/ae/", "Roles", ["Home", "Roles"]),
])
def test_a_page_highlights_its_section_and_shows_where_it_sits(
        tab: Reader, path: str, tab_title: str, trail: list[str]) -> None:
    page = tab.open(path)
    assert page.locator(".md-tabs__item--active").inner_text().strip() == tab_title
    crumbs = page.locator(".md-path__link").all_inner_texts()
    assert [c.strip() for c in crumbs] == trail
    # The sidebar (the drawer on a phone) shows the section, not nothing.
    active = page.locator(".md-nav--primary .md-nav__item--active > .md-nav__link").first
    assert tab_title in active.inner_text()
    if page.viewport_size["width"] >= 1220:  # tabs and breadcrumbs show on wide screens
        assert page.locator(".md-tabs__item--active").is_visible()
        assert page.locator(".md-path").is_visible()


def test_start_here_is_the_first_tab_and_the_first_thing_on_the_home_page(tab: Reader) -> None:
    page = tab.open("")
    tabs = [t.strip() for t in page.locator(".md-tabs__link").all_inner_texts()]
    assert tabs[:3] == ["Home", "Start here", "Glossary"]
    button = page.locator("article a.md-button--primary")
    assert button.inner_text().strip() == "Start here"
    box = button.bounding_box()
    assert box is not None and box["y"] + box["height"] <= page.viewport_size["height"]
    button.click()
    page.wait_for_url("**/start-here/")


def test_the_cheat_sheet_is_in_the_nav_and_first_for_its_name(tab: Reader) -> None:
    page = tab.open("glossary/")
    assert page.locator(".md-nav--primary a[href$='cheat-sheet/']").count() == 1
    page = search(tab, "cheat sheet")
    assert result_paths(page)[0] == "/cheat-sheet/"


def test_the_cheat_sheet_reads_on_a_phone_and_lists_every_exit_criterion(
        browser: Any, site_url: str) -> None:
    settings = load_config(REPO)
    glossary, _ = validate(settings)
    with reader(browser, site_url, PHONE) as tab:
        page = tab.open("cheat-sheet/")
        assert page.eval_on_selector(".st-cheat", "e => getComputedStyle(e).columnCount") == "1"
        row = page.locator(".st-cheat-stages tr", has=page.locator("a[href$='discover/']"))
        leave = row.locator("td").nth(2).inner_text()
        criteria = glossary.stages["discover"].exit_criteria
        assert len(criteria) > 1
        assert [line.strip() for line in leave.splitlines() if line.strip()] == list(criteria)


def test_a_typo_in_search_offers_the_term_meant(tab: Reader) -> None:
    page = search(tab, "champoin", ".st-didyoumean:not([hidden]) a")
    assert page.locator(".st-didyoumean").inner_text() == "Did you mean Champion?"
    page.click(".st-didyoumean a")
    page.wait_for_url("**/glossary/champion/")


def test_a_misspelt_abbreviation_offers_the_method(browser: Any, site_url: str) -> None:
    with reader(browser, site_url, DESKTOP) as tab:
        page = search(tab, "meddic", ".st-didyoumean:not([hidden]) a")
        links = page.locator(".st-didyoumean a").all_inner_texts()
        assert links[0].endswith("(MEDDPICC)")


@pytest.mark.parametrize(("query", "first"), [
    ("discover", "/pipeline/discover/"),
    ("negotiate", "/pipeline/negotiate/"),
    ("battlecard", "/glossary/battlecard/"),
    # MEDDPICC's name lists these terms: its page comes after theirs.
    ("champion", "/glossary/champion/"),
    ("economic buyer", "/glossary/economic-buyer/"),
    ("ICP", "/glossary/ideal-customer-profile/"),
    ("request for proposal", "/glossary/request-for-proposal/"),
    ("MEDDPICC", "/glossary/meddpicc/"),
])
def test_an_exact_stage_or_term_name_ranks_first(browser: Any, site_url: str, query: str,
                                                 first: str) -> None:
    with reader(browser, site_url, DESKTOP) as tab:
        assert result_paths(search(tab, query))[0] == first


def test_the_404_page_offers_the_nearest_terms(tab: Reader) -> None:
    page = tab.page
    tab.missing |= {tab.base + "glossary/champoin/", tab.base + "no/such/page/"}
    response = page.goto(tab.base + "glossary/champoin/")
    assert response is not None and response.status == 404
    page.wait_for_selector(".st-notfound:not([hidden]) a")
    offered = page.locator(".st-notfound a").all_inner_texts()
    assert offered[0] == "Champion"
    page.click(".st-notfound a >> nth=0")
    page.wait_for_url("**/glossary/champion/")
    page.goto(tab.base + "no/such/page/")
    links = page.locator("article a").evaluate_all("els => els.map(e => e.pathname)")
    assert "/" in links and "/glossary/" in links


@pytest.mark.parametrize("path", ["", "glossary/", "pipeline/", "roles/", "roles/handoff-map/",
                                  "methodology/", "cheat-sheet/", "glossary/champion/",
                                  "glossary/category/qualification/", "pipeline/discover/",
                                  "roles/ae/", "methodology/meddpicc/", "playbooks/demo/"])
def test_every_edit_button_opens_a_file(browser: Any, site_url: str, path: str) -> None:
    with reader(browser, site_url, DESKTOP) as tab:
        page = tab.open(path)
        href = page.locator("a.md-content__button[href*='/edit/']").get_attribute("href")
        assert href is not None and href.endswith((".yml", ".md")), href


def test_the_repository_placeholder_asks_no_host(browser: Any, site_url: str) -> None:
    with reader(browser, site_url, DESKTOP) as tab:
        page = tab.open("")
        assert page.locator("[data-md-component='source']").count() == 0


def test_the_a_to_z_filters_by_category_and_letter(tab: Reader) -> None:
    page = tab.open("glossary/")
    everything = page.locator("article li:has(.st-az__cat)").count()
    assert page.locator(".st-azfilter__count").inner_text() == f"{everything} entries"
    page.select_option(".st-azfilter select", "qualification")
    shown = page.locator("article li:has(.st-az__cat):visible")
    categories = shown.locator(".st-az__cat").evaluate_all(
        "els => [...new Set(els.map(e => e.dataset.category))]")
    assert categories == ["qualification"] and 0 < shown.count() < everything
    assert page.locator(".st-azfilter__count").inner_text() == f"{shown.count()} entries"
    page.select_option(".st-azfilter select", "")
    page.click(".st-letters a[href$='#letter-c']")  # instant navigation may make it absolute
    headings = page.locator("article h2[id^='letter-']:visible").evaluate_all(
        "els => els.map(e => e.id)")
    assert headings == ["letter-c"]
    assert "Champion" in page.locator("#letter-c + ul").inner_text()
    page.click(".st-azfilter__all")
    assert page.locator("article h2[id^='letter-']:visible").count() > 20


def test_the_a_to_z_works_without_script(browser: Any, site_url: str) -> None:
    with reader(browser, site_url, DESKTOP, java_script_enabled=False) as tab:
        page = tab.open("glossary/")
        assert page.locator(".st-azfilter").count() == 0
        assert page.locator("article li:has(.st-az__cat):visible").count() > 200


def test_an_abbreviation_files_a_term_under_it_and_its_name_still_leads_there(
        browser: Any, site_url: str) -> None:
    with reader(browser, site_url, DESKTOP) as tab:
        page = tab.open("glossary/")
        under_m = page.locator("#letter-m + ul").inner_text()
        assert "MEDDPICC (Metrics, economic buyer" in under_m
        see = page.locator("#letter-m + ul li", has_text="Metrics, economic buyer, decision "
                           "criteria, decision process, paper process, identify pain, "
                           "champion, competition → see MEDDPICC")
        assert see.count() == 1


def test_the_playbooks_are_listed_in_deal_order(tab: Reader) -> None:
    page = tab.open("playbooks/")
    section = page.locator(".md-nav--primary .md-nav__item--active nav a.md-nav__link")
    titles = [t.strip() for t in section.all_inner_texts() if t.strip()]
    assert titles[:5] == ["First call", "Discovery call", "Qualification review",
                          "Tailored demo", "Mutual action plan"]
    assert titles[-1] == "Lost deal review"


def test_where_a_term_is_used_lists_reader_pages_without_line_numbers(tab: Reader) -> None:
    page = tab.open("glossary/economic-buyer/")
    used = page.locator("#where-it-is-used + ul")
    text = used.inner_text()
    assert "(line" not in text and text.strip()
    hrefs = used.locator("a").evaluate_all("els => els.map(e => e.pathname)")
    assert hrefs and not any("/reference/" in h for h in hrefs)
