"""Every generated page of the site, from one glossary, each placed in its nav section.

A page's place is data any engine can use: ``breadcrumbs`` in its front matter lists the
pages above it (``Glossary › Qualification`` above a term), and ``nav_section`` names the
index page of the section it belongs to (the MkDocs adapter highlights that tab).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence

import yaml

from ..model import Term
from .az import glossary_pages
from .cheatsheet import cheat_sheet
from .context import GLOSSARY_INDEX, METHODOLOGY_INDEX, PIPELINE_INDEX, ROLES_INDEX, SiteData
from .handoffs import handoff_page
from .page import GeneratedPage, page_title
from .process import framework_page, pipeline_page, role_page, stage_page
from .terms import category_pages, term_page
from .widgets import methodology_index, roles_index

# The index page of each generated section, and the title its tab and breadcrumb show.
SECTION_TITLES: Mapping[str, str] = {GLOSSARY_INDEX: "Glossary", PIPELINE_INDEX: "Pipeline",
                                     ROLES_INDEX: "Roles", METHODOLOGY_INDEX: "Methodology"}


def render_site(site: SiteData, term_page_of: Callable[[Term], GeneratedPage] | None = None
                ) -> list[GeneratedPage]:
    """All pages built from the YAML: glossary, categories, pipeline, roles, methodology;
    ``term_page_of`` gives a term's page (default: ``term_page``; a cache may keep them)."""
    g = site.glossary
    page_of = term_page_of or (lambda t: term_page(site, t))
    trail = _Trails(site)
    pages = [*glossary_pages(site), pipeline_page(site), roles_index(site), handoff_page(site),
             methodology_index(site), cheat_sheet(site)]
    pages = [trail.place(p) for p in pages]
    pages += [trail.place(page_of(t), _category(site, t)) for t in g.terms.values()]
    pages += [trail.place(page, _category_of(site, page, c)) for c in g.categories
              for page in category_pages(site, c)]
    pages += [trail.place(stage_page(site, s)) for s in g.stages_in_order()]
    pages += [trail.place(role_page(site, r)) for r in g.roles]
    pages += [trail.place(framework_page(site, f)) for f in g.frameworks]
    return pages


def _category(site: SiteData, term: Term) -> tuple[str, str] | None:
    category = site.glossary.categories.get(term.category)
    uri = site.uri("category", term.category)
    return (category.name, uri) if category is not None and uri else None


def _category_of(site: SiteData, page: GeneratedPage, category_id: str) -> tuple[str, str] | None:
    """Above a category's second part and on: its first page."""
    first = site.uri("category", category_id)
    category = site.glossary.categories[category_id]
    return (category.name, first) if first and page.uri != first else None


class _Trails:
    """The ``breadcrumbs`` front matter of each page, dumped once per distinct trail."""

    def __init__(self, site: SiteData) -> None:
        self.site = site
        self.dumped: dict[tuple[object, ...], str] = {}

    def place(self, page: GeneratedPage, below: tuple[str, str] | None = None,
              **meta: object) -> GeneratedPage:
        """``page`` with the pages above it (its section index, then ``below``) in its
        front matter, and ``meta`` added; a section's own index page is at the top."""
        section = page.nav_section
        if section is None or section == page.uri:
            return page if not meta else _with_front(page, self._dump((), meta))
        crumbs: list[tuple[str, str]] = [(SECTION_TITLES.get(section, section), section)]
        crumbs += [below] if below else []
        return _with_front(page, self._dump(tuple(crumbs), meta))

    def _dump(self, crumbs: Sequence[tuple[str, str]], meta: Mapping[str, object]) -> str:
        key = (*crumbs, *((k, repr(v)) for k, v in meta.items()))
        if key not in self.dumped:
            data: dict[str, object] = dict(meta)
            if crumbs:
                data["breadcrumbs"] = [{"title": page_title(t), "uri": u} for t, u in crumbs]
            self.dumped[key] = yaml.safe_dump(data, sort_keys=False, allow_unicode=True,
                                              width=10_000)
        return self.dumped[key]


def _with_front(page: GeneratedPage, text: str) -> GeneratedPage:
    """``page`` with ``text`` (YAML lines) added at the end of its front matter."""
    end = page.markdown.find("\n---\n", 3)
    if not page.markdown.startswith("---\n") or end < 0:
        return page
    markdown = page.markdown[:end + 1] + text + page.markdown[end + 1:]
    return dataclasses.replace(page, markdown=markdown)


def breadcrumbs(meta: Mapping[str, object]) -> list[tuple[str, str]]:
    """The (title, page URI) pairs a page's front matter places above it."""
    found = meta.get("breadcrumbs")
    if not isinstance(found, list):
        return []
    return [(str(c["title"]), str(c["uri"])) for c in found
            if isinstance(c, dict) and "title" in c and "uri" in c]


__all__ = ["SECTION_TITLES", "breadcrumbs", "render_site"]
