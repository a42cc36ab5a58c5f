"""No page grows with the glossary: the same site built from N and 2N synthetic terms.

A stage's and a role's list of terms is capped and links the A–Z filtered to the stage or
role; the A–Z and categories are cut into parts; a page that prints definitions gives
them no hover text as well.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from shoptalk.render import terms as terms_module

from .conftest import Tab
from .helpers import REPO, build_site, make_project, serve

N = 60
# Small parts and short lists, so that at N terms every category, letter, stage and role
# already fills one: then nothing may grow from N to 2N terms.
SETTINGS = "a_to_z_page_size: 4\nrules: {missing-example: off}\n"
CAP = 5
# What may differ between N and 2N terms on one page: counts a digit longer
# ("and 5 more" -> "and 15 more").
BOUND = 64


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    built = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(terms_module, "TERM_LIST_CAP", CAP)
        for terms in (N, 2 * N):
            built[terms] = _build(tmp_path_factory, terms)
    return built


def _build(tmp_path_factory: pytest.TempPathFactory, terms: int) -> Path:
    """A site of ``terms`` synthetic terms (``scripts/gen_glossary.py``)."""
    root = tmp_path_factory.mktemp(f"scale-{terms}")
    subprocess.run([sys.executable, str(REPO / "scripts" / "gen_glossary.py"),
                    str(root / "terms"), "--terms", str(terms)], check=True,
                   stdout=subprocess.DEVNULL)
    config = make_project(root / "project", glossary=root / "terms", shoptalk_yml=SETTINGS,
                          pages={"index.md": "# Home\n\nAsk about X0003 first.\n"})
    assert build_site(config, root / "site") == []
    return root / "site"


def largest(site: Path, prefix: str) -> tuple[int, str]:
    """The size and path of the largest HTML page whose path starts with ``prefix``."""
    found = [(p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")
             if p.relative_to(site).as_posix().startswith(prefix)]
    assert found, prefix
    return max(found)


@pytest.mark.parametrize("prefix", ["roles/ae/", "pipeline/stage-", "glossary/category/",
                                    "glossary/letter/", "glossary/term-00003/",
                                    "glossary/index.html", "cheat-sheet/", ""])
def test_no_page_grows_with_the_number_of_terms(sites: dict[int, Path], prefix: str) -> None:
    (small, small_page), (big, big_page) = largest(sites[N], prefix), largest(sites[2 * N], prefix)
    assert abs(big - small) <= BOUND, (small_page, small, big_page, big)


def test_a_role_lists_its_first_terms_and_links_the_a_to_z_filtered_to_it(
        sites: dict[int, Path]) -> None:
    page = (sites[2 * N] / "roles" / "ae" / "index.html").read_text(encoding="utf-8")
    terms = re.search(r"<strong>Terms:</strong>(.*?)</li>", page, re.S)
    assert terms is not None
    assert len(re.findall(r'<a href="\.\./\.\./glossary/term-\d+/"', terms.group(1))) == CAP
    assert ('… and 115 more: <a href="../../glossary/?owner=ae">see all 120 in the A–Z, '
            "filtered to this role</a>") in terms.group(1)


def test_a_stage_lists_its_first_terms_and_links_the_a_to_z_filtered_to_it(
        sites: dict[int, Path]) -> None:
    page = (sites[2 * N] / "pipeline" / "stage-1" / "index.html").read_text(encoding="utf-8")
    assert "Terms of this stage (20)" in page
    assert page.count('<td><a href="../../glossary/term-') == CAP
    assert ('… and 15 more: <a href="../../glossary/?stage=stage-1">see all 20 in the A–Z, '
            "filtered to this stage</a>") in page


def test_pages_that_print_definitions_give_no_hover_text_for_them(
        sites: dict[int, Path]) -> None:
    letter = (sites[2 * N] / "glossary" / "letter" / "x" / "index.html").read_text("utf-8")
    category = (sites[2 * N] / "glossary" / "category" / "cat-0" / "index.html").read_text(
        "utf-8")
    assert ">X0000<" in letter and re.search(r"<td>X\d{4}</td>", category)
    assert "<abbr" not in letter and "<abbr" not in category
    term = (sites[2 * N] / "glossary" / "term-00003" / "index.html").read_text("utf-8")
    assert "(X0003)" in term and "X0003</abbr>" not in term  # the page of the term itself
    home = (sites[2 * N] / "index.html").read_text("utf-8")
    assert re.search(r'<abbr title="Trial buyer 3: The synthetic[^"]+">X0003</abbr>', home)


def test_search_finds_a_term_on_its_page_only(sites: dict[int, Path]) -> None:
    index = json.loads((sites[2 * N] / "search" / "search_index.json").read_text("utf-8"))
    places = sorted({d["location"].split("#")[0] for d in index["docs"]
                     if "number 42," in d["text"] or "X0042" in d["text"]})
    # Letter pages and the category tables repeat the term pages: left out of search.
    assert places and all(re.fullmatch(r"glossary/term-\d+/", p) for p in places), places
    assert not any(d["location"].startswith("glossary/letter/") for d in index["docs"])


@pytest.fixture
def scale_tab(browser: Any, sites: dict[int, Path]) -> Iterator[Tab]:
    with serve(sites[2 * N]) as url:
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        tab = Tab(page, url)
        yield tab
        assert tab.errors == []
        page.close()


@pytest.mark.browser
@pytest.mark.parametrize(("start", "link", "heading", "count"), [
    ("roles/ae/", "see all 120 in the A–Z", "Terms owned by Role ae (120)", 120),
    ("pipeline/stage-1/", "see all 20 in the A–Z", "Terms of the stage Stage 1 (20)", 20),
])
def test_the_link_under_a_capped_list_opens_the_a_to_z_filtered_to_the_rest(
        scale_tab: Tab, start: str, link: str, heading: str, count: int) -> None:
    page = scale_tab.open(start)
    if start.startswith("pipeline/"):  # the list starts folded
        page.locator("summary", has_text="Terms of this stage").click()
    page.get_by_role("link", name=link).click()
    page.wait_for_selector(".st-azfiltered h2")
    assert page.locator(".st-azfiltered h2").inner_text() == heading
    items = page.locator(".st-azfiltered li")
    assert items.count() == count
    assert re.search(r"/glossary/term-\d+/$", items.first.locator("a").evaluate("a => a.href"))
    assert not page.locator(".st-letters").is_visible()  # the filtered list stands alone
    page.get_by_role("link", name="Show the whole A–Z").click()
    page.wait_for_selector(".st-letters")
    assert page.locator(".st-letters").is_visible()
    assert not page.locator(".st-azfiltered").is_visible()


@pytest.mark.browser
def test_the_whole_a_to_z_link_stays_on_the_site_whatever_the_address(scale_tab: Tab) -> None:
    # "//glossary/" is this server's A–Z too; as a link it would name a host "glossary".
    page = scale_tab.open("/glossary/?stage=stage-1")
    page.wait_for_selector(".st-azfiltered h2")
    href = page.get_by_role("link", name="Show the whole A–Z").evaluate("a => a.href")
    assert href.startswith(scale_tab.base), href
