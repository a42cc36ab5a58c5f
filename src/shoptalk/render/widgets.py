"""Pieces shown inside pages: the handoff matrix, the self-check, the cheat sheet,
index pages, and the abbreviation list behind every hover definition."""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable

from markupsafe import Markup

from ..model import Term
from . import safe
from .context import (
    CHEAT_SHEET,
    HANDOFF_MAP,
    METHODOLOGY_INDEX,
    PIPELINE_INDEX,
    ROLES_INDEX,
    SiteData,
)
from .env import rel, render
from .page import GeneratedPage, front_matter
from .process import flows
from .terms import core_terms

_ABBR_BREAKERS = re.compile(r"[\[\]\\]")


def handoff_matrix(site: SiteData, page: str) -> Markup:
    """Roles × stages: at each stage, what each role needs and from whom."""
    stages = site.glossary.stages_in_order()
    cells: dict[tuple[str, str], list[Markup]] = {}
    for f in flows(site):
        mark = "→" if f.kind == "handoff" else "•"
        tip = f.why or ("handoff" if f.kind == "handoff" else "")
        entry = Markup(f'<span class="st-flow" title="{safe.attr_text(tip)}">{mark} ') \
            + Markup("from ") + site.role_link(f.giver, page) + Markup(": ") \
            + safe.md_cell(f.what) + Markup("</span>")
        cells.setdefault((f.taker, f.stage.id), []).append(entry)
    for stage in stages:
        cells.setdefault((stage.owner, stage.id), []).insert(0, Markup("**owns**"))
        for r in stage.supporting:
            cells.setdefault((r, stage.id), []).insert(0, Markup("*supports*"))
    roles = [r for r in site.glossary.roles if any(k[0] == r for k in cells)]
    head = "| Role | " + " | ".join(site.stage_link(s.id, page) for s in stages) + " |"
    rows = [head, "| --- |" + " --- |" * len(stages)]
    for role in roles:
        row = [site.role_link(role, page)]
        row += [Markup("<br>").join(cells.get((role, s.id), [])) for s in stages]
        rows.append("| " + " | ".join(row) + " |")
    legend = ("→ a handoff the role receives · • information the role needs captured · "
              "hover an entry for why it matters")
    return Markup('<div class="st-matrix" markdown>\n\n' + "\n".join(rows)
                  + f"\n\n</div>\n\n*{legend}*\n")


def handoff_page(site: SiteData) -> GeneratedPage:
    """The handoff map page: who needs what from whom, stage by stage."""
    body = ("# Handoff map\n\nWho needs what from whom, stage by stage. Find your role's row: "
            "each entry is something another role must capture or hand you — and your own "
            "row's *owns* cells are where someone else is waiting on you.\n\n")
    markdown = (front_matter("Handoff map", hide=["navigation", "toc"]) + body
                + handoff_matrix(site, HANDOFF_MAP))
    return GeneratedPage(HANDOFF_MAP, markdown, site.glossary.root / "stages", ROLES_INDEX)


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


def _choices(term: Term, pool: list[Term], n: int = 3) -> list[Term]:
    """``term`` and ``n - 1`` distractors, in a stable order that does not depend on the run."""
    def key(t: Term) -> str:
        return hashlib.sha256(f"{term.id}/{t.id}".encode()).hexdigest()
    others = sorted((t for t in pool if t.id != term.id), key=key)[: n - 1]
    return sorted([term, *others], key=key)


def self_check(site: SiteData, page: str, count: int = 12) -> Markup:
    """A quiz on (up to ``count``) core terms that works on a static site (a little JS)."""
    terms = (core_terms(site) or sorted(site.glossary.terms.values(), key=lambda t: t.name))
    terms = terms[:count]
    pool = [t for t in site.glossary.terms.values() if not t.deprecated]
    parts = [f'<div class="st-quiz" data-total="{len(terms)}">',
             '<p class="st-quiz__score" aria-live="polite">Answer the questions below.</p>']
    for n, term in enumerate(terms, 1):
        question = html.escape(safe.plain(term.definition))
        parts.append(f'<fieldset class="st-quiz__q"><legend>{n}. Which term means: '
                     f"<em>{question}</em></legend>")
        for choice in _choices(term, pool):
            correct = "true" if choice.id == term.id else "false"
            parts.append(f'<button type="button" class="st-quiz__choice" data-correct="{correct}"'
                         f">{html.escape(safe.plain(choice.name))}</button>")
        parts.append(f'<p class="st-quiz__answer" hidden>Answer: '
                     f'{html.escape(safe.plain(term.name))}.</p></fieldset>')
    parts.append("</div>")
    return Markup("\n".join(parts) + "\n")


def core_list(site: SiteData, page: str) -> Markup:
    """The core terms in learning order, each with its definition."""
    rows = [Markup("- **") + site.term_link(t.id, page) + Markup("**")
            + (f" ({safe.md_inline(t.abbreviation)})" if t.abbreviation else "")
            + Markup(" — ") + safe.md_inline(t.definition) for t in core_terms(site)]
    return Markup("\n".join(rows) + "\n") if rows else Markup("*No core terms yet.*\n")


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


def abbreviation_block(table: dict[str, str], used: Iterable[str]) -> str:
    """Markdown ``*[ABBR]: text`` definitions for the abbreviations a page uses.

    The ``abbr`` extension puts the text into a ``title`` attribute, which Material's
    tooltip parses as HTML, so the text goes through ``attr_text``. A key holding a
    bracket or a backslash would end the ``*[...]`` early and spill into the text: skipped.
    """
    lines = [f"*[{abbr}]: {safe.attr_text(table[abbr])}" for abbr in used
             if abbr in table and not _ABBR_BREAKERS.search(abbr)]
    # One block per definition: Python-Markdown re-tests a block after each line it
    # takes from it, so one block of 2,000 definitions costs quadratic time.
    return "\n\n" + "\n\n".join(lines) + "\n" if lines else ""


__all__ = ["PIPELINE_INDEX", "abbreviation_block", "abbreviations", "cheat_sheet", "core_list",
           "handoff_matrix", "handoff_page", "methodology_index", "roles_index", "self_check"]
