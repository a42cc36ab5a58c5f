"""Under ``mkdocs serve`` each term's page is kept while what it reads is unchanged.

A term page reads its own record, other records' wording (names, abbreviations, links) and
the pages that use it; a link's hover text is a placeholder there, so no other term's
definition, details or examples. The first test pins that on the starter glossary (the
cache's key relies on it); the others show the cache keeping pages and still matching a
build from scratch.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Mapping
from pathlib import Path

import pytest

from shoptalk import site_cache
from shoptalk.config import load_config
from shoptalk.model import Glossary
from shoptalk.render import SiteData
from shoptalk.render.context import link_hover_texts
from shoptalk.render.terms import term_page
from shoptalk.site_build import SiteBuild, build_site, load_site, read_docs
from shoptalk.site_cache import SiteCache
from shoptalk.validate import validate

REPO = Path(__file__).resolve().parents[2]
VALID = REPO / "tests" / "fixtures" / "valid"
OLD = "The person who can approve the spend without asking anyone else."
NEW = "The one person who signs off the spend alone."


def _placeholders(abbreviations: Mapping[str, str], link_titles: Mapping[str, str]
                  ) -> tuple[dict[str, str], dict[str, str]]:
    """What serve writes instead of each link's hover text: one word per link target."""
    return {}, {key: f"hover{n}" for n, key in enumerate(sorted(link_titles))}


def _without_prose(glossary: Glossary, but: str) -> Glossary:
    """``glossary`` with every term's definition, details and examples changed but ``but``'s."""
    return dataclasses.replace(glossary, terms={
        tid: t if tid == but else dataclasses.replace(
            t, definition=f"Changed: {t.definition}", details="Changed details.",
            examples=("A changed example.",))
        for tid, t in glossary.terms.items()})


def test_a_term_page_reads_no_other_terms_prose_when_links_hover_by_placeholder() -> None:
    settings = load_config(REPO)
    glossary, _ = validate(settings)
    titles = _placeholders({}, link_hover_texts(glossary))[1]
    site = SiteData(glossary, settings, hover_titles=titles)
    assert len(glossary.terms) > 100
    for term in glossary.terms.values():
        other = SiteData(_without_prose(glossary, term.id), settings, hover_titles=titles)
        assert term_page(other, term) == term_page(site, term), term.id
    # ...while without placeholders a related term's definition is in the page.
    icp = glossary.terms["ideal-customer-profile"]
    related = glossary.terms[icp.related[0]]
    assert related.definition not in term_page(site, icp).markdown
    assert SiteData(glossary, settings).term_link(related.id, "x.md") != \
        site.term_link(related.id, "x.md")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(VALID, tmp_path / "glossary")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/deal.md").write_text("# Deal\n\nThe EB signs.\n", encoding="utf-8")
    (tmp_path / "shoptalk.yml").write_text("glossary: glossary\ndocs: docs\n", encoding="utf-8")
    return tmp_path


def _build(root: Path, cache: SiteCache | None) -> SiteBuild:
    settings, glossary, _ = load_site(root, cache=cache)
    docs, _ = read_docs(root / "docs", ["deal.md"])
    return build_site(settings, glossary, docs, cache=cache, hovers=_placeholders)


def _save(root: Path, term: str, old: str, new: str) -> None:
    path = root / f"glossary/terms/{term}.yml"
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the terms whose page the cache renders (not keeps) from now on."""
    rendered: list[str] = []
    render = site_cache.term_page
    monkeypatch.setattr(site_cache, "term_page", lambda site, term: (
        rendered.append(term.id), render(site, term))[1])
    return rendered


def test_a_new_definition_renders_that_term_page_alone_again(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = SiteCache()
    rendered = _rendered(monkeypatch)
    first = _build(project, cache).generated
    assert len(rendered) == len(set(rendered)) > 5  # every term page, once
    rendered.clear()
    _save(project, "economic-buyer", OLD, NEW)
    second = _build(project, cache).generated
    assert rendered == ["economic-buyer"]
    assert NEW in second["glossary/economic-buyer.md"].markdown
    assert second == _build(project, None).generated  # what a build from scratch makes
    assert second.keys() == first.keys()


def test_a_page_that_starts_using_a_term_renders_its_page_again(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = SiteCache()
    first = _build(project, cache).generated
    rendered = _rendered(monkeypatch)
    (project / "docs/deal.md").write_text("# Deal\n\nThe EB signs. Ask each stakeholder.\n",
                                          encoding="utf-8")
    second = _build(project, cache).generated
    assert rendered == ["stakeholder"]  # its page lists the pages that use it
    assert second["glossary/stakeholder.md"] != first["glossary/stakeholder.md"]
    assert second == _build(project, None).generated


def test_a_new_name_renders_the_pages_that_link_it_again(
        project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = SiteCache()
    first = _build(project, cache).generated
    rendered = _rendered(monkeypatch)
    _save(project, "economic-buyer", "name: Economic Buyer", "name: Budget Holder")
    second = _build(project, cache).generated
    assert len(rendered) == len(set(rendered)) > 5  # the wording changed: every term page
    assert second == _build(project, None).generated
    linking = [uri for uri, page in first.items()
               if "(economic-buyer.md" in page.markdown and uri != "glossary/index.md"]
    assert linking
    for uri in linking:
        assert "Budget Holder" in second[uri].markdown, uri
