"""find.js reads a page's markup: what a page author writes there cannot make it link to
script or fetch from another host.

The 404 page's box (``.st-notfound``) names the site root and the glossary in ``data-``
attributes, and the page cleaner keeps ``data-`` attributes on every page. So any page can
carry a box of its own; the script must trust only URLs of the site itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.site.conftest import CHROMIUM, CHROMIUM_ARGS, _need_chromium
from tests.site.helpers import build_site, make_project, serve

# A page named like a term (find.js offers the terms nearest the page's address).
FORGED_BOX = """
# Economic buyer

<div class="st-notfound" data-base="javascript://%0aalert(document.domain);//"
     data-glossary="/glossary.json" hidden>
<ul class="st-notfound__terms"></ul>
</div>
"""
FOREIGN_GLOSSARY = """
# Economic buyer

<div class="st-notfound" data-base="/" data-glossary="https://evil.example/terms.json" hidden>
<ul class="st-notfound__terms"></ul>
</div>
"""


def _site(tmp_path: Path) -> Path:
    config = make_project(tmp_path, pages={"index.md": "# Home\n",
                                           "economic-buyer.md": FORGED_BOX,
                                           "stakeholder.md": FOREIGN_GLOSSARY},
                          nav=[{"Home": "index.md"}, {"Buyer": "economic-buyer.md"},
                               {"Stakeholder": "stakeholder.md"}])
    build_site(config, tmp_path / "site")
    return tmp_path / "site"


@pytest.fixture
def browser() -> Iterator[Any]:
    """A Chromium of this test's own, closed at its end: the site tests keep one for the
    whole session, and two Playwright drivers may not run at once in one thread."""
    _need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def test_a_forged_not_found_box_links_to_no_script_and_asks_no_other_host(
        browser: Any, tmp_path: Path) -> None:
    site = _site(tmp_path)
    # The cleaner keeps the forged box (data- attributes are allowed): find.js must refuse it.
    assert 'data-base="javascript:' in (site / "economic-buyer" / "index.html").read_text()
    with serve(site) as base:
        page = browser.new_page()
        dialogs: list[str] = []
        asked: list[str] = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.route(lambda url: not url.startswith(base),
                   lambda route: (asked.append(route.request.url), route.abort()))
        try:
            page.goto(base + "economic-buyer/")
            page.wait_for_load_state("networkidle")
            hrefs = page.eval_on_selector_all(".st-notfound a", "els => els.map(a => a.href)")
            for n in range(len(hrefs)):
                page.locator(".st-notfound a").nth(n).click()
                page.wait_for_timeout(200)
            page.goto(base + "stakeholder/")
            page.wait_for_load_state("networkidle")
        finally:
            page.close()
    assert ([h for h in hrefs if not h.startswith(base)], dialogs, asked) == ([], [], [])
