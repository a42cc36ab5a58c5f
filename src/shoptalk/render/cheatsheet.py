"""The cheat sheet: one printable page of core terms, the stages and the roles."""

from __future__ import annotations

from markupsafe import Markup

from . import safe
from .context import CHEAT_SHEET, SiteData
from .page import GeneratedPage, front_matter
from .terms import core_terms


def cheat_sheet(site: SiteData) -> GeneratedPage:
    """One printable page: core terms, the stages and what ends each, the roles."""
    page = CHEAT_SHEET
    terms = core_terms(site)
    out = [front_matter("Cheat sheet", hide=["navigation", "toc"], search={"exclude": True}),
           "# Selling language cheat sheet\n\n",
           '<p class="st-noprint" markdown>Print this page (one sheet, A4 or Letter). '
           "Every link leads to the full entry.</p>\n\n",
           '<div class="st-cheat" markdown>\n\n## Core terms\n\n']
    for t in terms:
        abbr = f" ({safe.md_inline(t.abbreviation)})" if t.abbreviation else ""
        out.append(Markup("**") + site.term_link(t.id, page) + Markup(f"**{abbr}: ")
                   + safe.md_inline(safe.plain(t.definition)) + "\n\n")
    out.append("</div>\n\n## Pipeline\n\n| Stage | Owner | Leave when (first exit criterion) |\n"
               "| --- | --- | --- |\n")
    for s in site.glossary.stages_in_order():
        exits = safe.plain(s.exit_criteria[0]) if s.exit_criteria else ""
        out.append(f"| {site.stage_link(s.id, page)} | {site.role_link(s.owner, page)} "
                   f"| {safe.md_cell(exits)} |\n")
    out.append("\n## Roles\n\n")
    out.append(Markup(" · ").join(
        Markup("**") + safe.md_inline(r.abbreviation or r.name) + Markup("** ")
        + safe.md_inline(r.name if r.abbreviation else "")
        for r in site.glossary.roles.values()) + "\n")
    return GeneratedPage(page, "".join(out), site.glossary.root / "terms", None)


__all__ = ["cheat_sheet"]
