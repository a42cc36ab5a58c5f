"""Pieces shown inside pages: the roles and methodology indexes,
index pages, and the abbreviation list behind every hover definition."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping

from markupsafe import Markup

from . import safe
from .context import (
    HANDOFF_MAP,
    METHODOLOGY_INDEX,
    PIPELINE_INDEX,
    ROLES_INDEX,
    SiteData,
)
from .env import rel, render
from .page import GeneratedPage, front_matter
from .terms import core_terms

_ABBR_BREAKERS = re.compile(r"[\[\]\\]")


def roles_index(site: SiteData) -> GeneratedPage:
    """The roles index page, primary team first."""
    teams = {"primary": 0, "support": 1, "extended": 2}
    roles = sorted(site.glossary.roles.values(), key=lambda r: (teams.get(r.team, 3), r.name))
    rows = [site.role_link(r.id, ROLES_INDEX, r.name)
            + (f" ({safe.md_inline(r.abbreviation)})" if r.abbreviation else "")
            + Markup(" — ") + safe.md_inline(safe.plain(site.glossary.role_description(r)))
            for r in roles]
    markdown = render("index_list.md.j2", front=front_matter("Roles"), heading="Roles",
                      intro=Markup("Everyone who touches the customer, what they own and who "
                                   f"depends on them. See the [handoff map]"
                                   f"({rel(ROLES_INDEX, HANDOFF_MAP)})."), rows=rows)
    return GeneratedPage(ROLES_INDEX, markdown, site.glossary.root / "roles", ROLES_INDEX)


def methodology_index(site: SiteData) -> GeneratedPage:
    """The methodology index page: each framework and its purpose."""
    rows = [site.framework_link(f.id, METHODOLOGY_INDEX) + Markup(" — ")
            + safe.md_inline(safe.plain(f.purpose)) for f in site.glossary.frameworks.values()]
    markdown = render("index_list.md.j2", front=front_matter("Methodology"),
                      heading="Methodology", intro=Markup("The selling frameworks we use: what "
                                                          "each element is and when it must "
                                                          "be known."), rows=rows)
    return GeneratedPage(METHODOLOGY_INDEX, markdown, site.glossary.root / "frameworks",
                         METHODOLOGY_INDEX)


def core_list(site: SiteData, page: str) -> Markup:
    """The core terms in learning order, each with its definition."""
    rows = [Markup("- **") + site.term_link(t.id, page) + Markup("**")
            + (f" ({safe.md_inline(t.abbreviation)})" if t.abbreviation else "")
            + Markup(" — ") + safe.md_inline(t.definition) for t in core_terms(site)]
    return Markup("\n".join(rows) + "\n") if rows else Markup("*No core terms yet.*\n")


def abbreviations(site: SiteData) -> dict[str, str]:
    """Every abbreviation in the language, with the plain text its hover shows."""
    found: dict[str, list[str]] = {}
    for t in site.glossary.terms.values():
        if not t.abbreviation:
            continue
        what = safe.plain(t.definition)
        label = f"{t.name} ({t.context})" if t.context else t.name
        if t.deprecated:
            successor = site.glossary.terms.get(t.replaced_by or "")
            what = f"deprecated; say {successor.name if successor else 'something else'}"
        found.setdefault(t.abbreviation, []).append(f"{label}: {what}")
    for r in site.glossary.roles.values():
        if r.abbreviation and r.abbreviation not in found:
            found[r.abbreviation] = [f"{r.name}: {safe.plain(site.glossary.role_description(r))}"]
    for f in site.glossary.frameworks.values():
        if f.abbreviation and f.abbreviation not in found:
            found[f.abbreviation] = [f"{f.name}: {safe.plain(f.purpose)}"]
    return {abbr: " | ".join(texts) for abbr, texts in found.items()}


def abbreviation_line(table: Mapping[str, str], abbr: str) -> str:
    """The Markdown ``*[ABBR]: text`` definition of ``abbr`` ("" when ``table`` has none).

    The ``abbr`` extension puts the text into a ``title`` attribute, which Material's
    tooltip parses as HTML, so the text goes through ``attr_text``. A key holding a
    bracket or a backslash would end the ``*[...]`` early and spill into the text: skipped.
    """
    if abbr not in table or _ABBR_BREAKERS.search(abbr):
        return ""
    return f"*[{abbr}]: {safe.attr_text(table[abbr])}"


def abbreviation_block(table: Mapping[str, str], used: Iterable[str],
                       line: Callable[[Mapping[str, str], str], str] = abbreviation_line
                       ) -> str:
    """Markdown ``*[ABBR]: text`` definitions for the abbreviations a page uses (``line``:
    ``abbreviation_line``, or a memo of it shared by the pages of one build)."""
    lines = [found for abbr in used if (found := line(table, abbr))]
    # One block per definition: Python-Markdown re-tests a block after each line it
    # takes from it, so one block of 2,000 definitions costs quadratic time.
    return "\n\n" + "\n\n".join(lines) + "\n" if lines else ""


__all__ = ["PIPELINE_INDEX", "abbreviation_block", "abbreviation_line", "abbreviations",
           "core_list", "methodology_index", "roles_index"]
