"""The cheat sheet: one printable page of core terms, the stages and the roles."""

from __future__ import annotations

from markupsafe import Markup

from . import safe
from .context import CHEAT_SHEET, GLOSSARY_INDEX, SiteData
from .page import GeneratedPage, front_matter
from .terms import core_terms


def cheat_sheet(site: SiteData) -> GeneratedPage:
    """One printable page: core terms, the stages and what ends each, the roles."""
    page = CHEAT_SHEET
    terms = core_terms(site)
    # Found first when someone searches for it: its name is a tag (weighed above titles) and
    # the page outranks a term page (boost 4) that lists "cheat sheet" as wording to avoid.
    out = [front_matter("Cheat sheet", description="The selling language on one printable "
                        "page: core terms, the stages and what ends each, the roles.",
                        hide=["navigation", "toc", "tags"], search={"boost": 8},
                        tags=["Cheat sheet"]),
           "# Selling language cheat sheet\n\n",
           '<p class="st-noprint" markdown>Print this page (one sheet, A4 or Letter). '
           "Every link leads to the full entry.</p>\n\n",
           '<div class="st-cheat" markdown>\n\n## Core terms\n\n']
    for t in terms:
        abbr = f" ({safe.md_inline(t.abbreviation)})" if t.abbreviation else ""
        out.append(Markup("**") + site.term_link(t.id, page) + Markup(f"**{abbr}: ")
                   + safe.md_inline(safe.plain(t.definition)) + "\n\n")
    out.append("</div>\n\n## Pipeline\n\n<div class=\"st-cheat-stages\" markdown>\n\n"
               "| Stage | Owner | Leave when |\n| --- | --- | --- |\n")
    for s in site.glossary.stages_in_order():
        # Every exit criterion: a stage is left when all of them hold, not the first.
        exits = Markup("<br>").join(safe.md_cell(safe.plain(c)) for c in s.exit_criteria)
        out.append(f"| {site.stage_link(s.id, page)} | {site.role_link(s.owner, page)} "
                   f"| {exits} |\n")
    out.append("\n</div>\n\n## Roles\n\n")
    out.append(Markup(" · ").join(
        Markup("**") + safe.md_inline(r.abbreviation or r.name) + Markup("** ")
        + safe.md_inline(r.name if r.abbreviation else "")
        for r in site.glossary.roles.values()) + "\n")
    return GeneratedPage(page, "".join(out), site.glossary.root / "terms", GLOSSARY_INDEX)


__all__ = ["cheat_sheet"]
