"""What a rebuild under ``mkdocs serve`` takes from the last one: the checker's scans and each
page's mentions follow the glossary's wording, so a new definition re-scans nothing and yet
shows on every page that uses the term; a new wording is found again."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from shoptalk.site_build import SiteBuild, build_site, load_site, read_docs
from shoptalk.site_cache import SiteCache

VALID = Path(__file__).resolve().parents[1] / "fixtures" / "valid"
PAGE = "# Deal review\n\nThe signer decides. The EB signs.\n"
OLD = "The person who can approve the spend without asking anyone else."
NEW = "The one person who signs off the spend alone."


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(VALID, tmp_path / "glossary")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/deal.md").write_text(PAGE, encoding="utf-8")
    (tmp_path / "shoptalk.yml").write_text("glossary: glossary\ndocs: docs\n", encoding="utf-8")
    return tmp_path


def _build(root: Path, cache: SiteCache) -> SiteBuild:
    settings, glossary, _ = load_site(root, cache=cache)
    docs, _ = read_docs(root / "docs", ["deal.md"])
    return build_site(settings, glossary, docs, cache=cache)


def _save_term(root: Path, old: str, new: str) -> None:
    path = root / "glossary/terms/economic-buyer.yml"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _finished(build: SiteBuild) -> str:
    return build.finish_markdown("deal.md", build.docs["deal.md"].body, {})


def test_a_new_definition_rescans_nothing_and_shows_in_the_link_and_the_hover(
        project: Path) -> None:
    cache = SiteCache()
    first = _build(project, cache)
    page = _finished(first)
    assert f'The [EB](glossary/economic-buyer.md "{OLD}") signs.' in page
    assert f"*[EB]: Economic Buyer: {OLD}" in page
    scan, wording = first.term_index, cache.wording_key

    _save_term(project, OLD, NEW)
    second = _build(project, cache)
    assert second.site.glossary.terms["economic-buyer"].definition == NEW
    assert cache.wording_key == wording  # the checker reads no definition
    assert second.term_index is not scan  # the index itself follows the glossary
    page = _finished(second)
    assert f'The [EB](glossary/economic-buyer.md "{NEW}") signs.' in page
    assert f"*[EB]: Economic Buyer: {NEW}" in page
    assert OLD not in page


def test_a_new_alias_is_found_on_the_pages_again(project: Path) -> None:
    cache = SiteCache()
    first = _build(project, cache)
    assert [s.wording for s in first.mentions(PAGE, PAGE)] == ["EB"]
    wording = cache.wording_key

    _save_term(project, "abbreviation: EB\n", "abbreviation: EB\naliases: [signer]\n")
    second = _build(project, cache)
    assert cache.wording_key != wording
    assert [s.wording for s in second.mentions(PAGE, PAGE)] == ["signer", "EB"]
    assert "The [signer](glossary/economic-buyer.md" in _finished(second)


def test_a_scan_is_kept_while_the_page_and_the_wording_are(project: Path) -> None:
    cache = SiteCache()
    settings, glossary, _ = load_site(project, cache=cache)
    text = "# Deal\n\nAsk the budget holder.\n"
    scan = cache.scan(text, "docs/deal.md", cache.term_index(glossary, settings), settings)
    assert [p.rule for p in scan.problems] == ["avoided-wording"]

    _save_term(project, OLD, NEW)
    settings, glossary, _ = load_site(project, cache=cache)
    index = cache.term_index(glossary, settings)
    assert cache.scan(text, "docs/deal.md", index, settings) is scan

    _save_term(project, "  - text: budget holder\n", "  - text: purse keeper\n")
    settings, glossary, _ = load_site(project, cache=cache)
    index = cache.term_index(glossary, settings)
    assert cache.scan(text, "docs/deal.md", index, settings).problems == []


def test_a_new_abbreviation_gets_its_hover_on_a_page_that_already_used_it(
        project: Path) -> None:
    cache = SiteCache()
    (project / "docs/deal.md").write_text(PAGE + "\nWe meet at the QBR.\n", encoding="utf-8")
    assert "*[QBR]" not in _finished(_build(project, cache))

    (project / "glossary/terms/quarterly-business-review.yml").write_text(
        "name: Quarterly Business Review\nabbreviation: QBR\n"
        "definition: A meeting each quarter to review results with a customer.\n"
        "category: buyers\nowner: ae\n", encoding="utf-8")
    assert "*[QBR]: Quarterly Business Review: A meeting each quarter to review results " \
        "with a customer." in _finished(_build(project, cache))
