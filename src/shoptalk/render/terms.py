"""Term pages, the A–Z glossary, category pages and term tables."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from urllib.parse import quote

from markupsafe import Markup

from ..language import Review, review_state
from ..model import Term
from . import safe
from .context import GLOSSARY_INDEX, SiteData
from .crm_names import field_names
from .env import link, render
from .page import GeneratedPage, front_matter
from .search_tags import search_tags


def _badge(text: object, kind: str, tip: object = "") -> Markup:
    title = f' title="{safe.attr_text(tip)}"' if tip else ""
    return Markup(f'<span class="st-badge st-badge--{kind}"{title}>{safe.md_inline(text)}</span>')


def review_badge(review: Review) -> Markup:
    """"reviewed N days ago", flagged when the next review is past due."""
    if review.reviewed is None:
        return _badge(review.words, "muted")
    if review.overdue:
        return _badge(f"{review.reviewed_words} · {review.words}", "overdue",
                      f"Last reviewed {review.reviewed}; was due {review.due}")
    return _badge(review.reviewed_words, "ok",
                  f"Last reviewed {review.reviewed}; next review by {review.due}")


def term_page(site: SiteData, term: Term) -> GeneratedPage:
    """The page of one term: everything the glossary says about it."""
    g, uri = site.glossary, site.uri("term", term.id) or ""
    successor = site.term_link(term.replaced_by, uri) if term.replaced_by else None
    homonyms = site.language.terms.sharing_abbreviation(term)
    category = g.categories.get(term.category)
    badges = [
        _badge(term.status, term.status),
        Markup("Category: ") + link(category.name if category else term.category, uri,
                                    site.uri("category", term.category)),
        Markup("Owner: ") + site.role_link(term.owner, uri),
        review_badge(review_state(term, site.config)),
    ]
    if term.core:
        badges.insert(1, _badge("core term", "core", "Part of the new-hire core set"))
    role = g.role_of_term(term.id)
    if role is not None:  # one concept: the role's page holds its responsibilities
        badges.insert(-1, Markup("Role page: ") + site.role_link(role.id, uri, role.name))
    title = f"{term.name} ({term.abbreviation})" if term.abbreviation else term.name
    markdown = render(
        "term.md.j2", term=term,
        front=front_matter(title, description=safe.plain(term.definition),
                           search={"boost": 4}, tags=search_tags(term, site.wordings),
                           hide=["tags"]),
        successor=successor,
        homonyms=Markup(", ").join(
            site.term_link(t.id, uri) + (f" ({safe.md_inline(t.context)})" if t.context else "")
            for t in homonyms),
        badges=Markup(" · ").join(badges), crm=field_names(term.crm),
        broader=site.term_link(term.broader, uri) if term.broader else "",
        narrower=_links(site, site.narrower.get(term.id, ()), uri),
        related=_links(site, site.related_of(term.id), uri),
        stages=[site.stage_link(s, uri) for s in _by_order(site, term.stages)],
        usage=[link(ref.title, uri, ref.uri) for ref in site.usage.get(term.id, ())],
    )
    # The page is the definition: its own abbreviation needs no hover text, unless it is
    # shared (then the hover tells the senses apart).
    own = frozenset({term.abbreviation}) if term.abbreviation and not homonyms else frozenset()
    return GeneratedPage(uri, markdown, term.source.path, GLOSSARY_INDEX, own)


def _links(site: SiteData, ids: Iterable[str], page: str) -> Markup:
    return Markup(", ").join(site.term_link(t, page) for t in ids)


def _by_order(site: SiteData, stage_ids: Sequence[str]) -> list[str]:
    stages = site.glossary.stages
    return sorted(stage_ids, key=lambda s: (stages[s].order if s in stages else 10**6, s))


def term_table(site: SiteData, terms: Iterable[Term], page: str) -> Markup:
    """A table of terms: name (linked), abbreviation, definition."""
    rows = [{"link": site.term_link(t.id, page), "abbreviation": t.abbreviation or "",
             "definition": t.definition} for t in sorted(terms, key=lambda t: t.name.casefold())]
    return Markup(render("term_table.md.j2", rows=rows))


# A stage's or a role's list of terms shows this many; the rest are one link away, in the
# A–Z filtered to that stage or role (assets/find.js), so the page does not grow with the
# glossary.
TERM_LIST_CAP = 30


def first_terms(terms: Iterable[Term], cap: int | None = None) -> tuple[list[Term], int]:
    """The terms a capped list shows (core terms first, deprecated last, then by name)
    and how many it leaves out; ``cap`` defaults to ``TERM_LIST_CAP``."""
    cap = TERM_LIST_CAP if cap is None else cap
    ordered = sorted(terms, key=lambda t: (not t.core, t.deprecated, t.name.casefold()))
    return ordered[:cap], max(0, len(ordered) - cap)


def filtered_a_to_z(key: str, value: str) -> str:
    """The A–Z filtered by ``key`` (``stage`` or ``owner``) to the record ``value``, as a
    page URI with a query (``glossary/index.md?stage=discover``) that ``link`` accepts."""
    return f"{GLOSSARY_INDEX}?{key}={quote(value, safe='')}"


def more_terms(page: str, left: int, total: int, key: str, value: str, what: str) -> Markup:
    """"… and 437 more: see all 467 in the A–Z, filtered to this stage"; empty when none
    are left out."""
    if left <= 0:
        return Markup("")
    return Markup(f"… and {left:,} more: ") + link(
        f"see all {total:,} in the A–Z, filtered to this {what}", page,
        filtered_a_to_z(key, value))


def category_page(site: SiteData, category_id: str) -> GeneratedPage:
    """One category and the terms filed under it (the first part, when it has several)."""
    return category_pages(site, category_id)[0]


def category_pages(site: SiteData, category_id: str) -> list[GeneratedPage]:
    """One category and its terms, in parts of at most ``a_to_z_page_size`` terms (the
    first at the category's address, then ``glossary/category/<id>/2.md`` …), so no page
    grows with the glossary."""
    category = site.glossary.categories[category_id]
    first = site.uri("category", category_id) or ""
    size = site.config.a_to_z_page_size
    terms = sorted((t for t in site.glossary.terms.values() if t.category == category_id),
                   key=lambda t: t.name.casefold())
    chunks = [terms[i:i + size] for i in range(0, len(terms), size)] or [[]]
    uris = [first, *(f"{first.removesuffix('.md')}/{n}.md" for n in range(2, len(chunks) + 1))]
    pages = []
    for n, (uri, chunk) in enumerate(zip(uris, chunks, strict=True), 1):
        parts = Markup(" · ").join(
            Markup(f"**{k}**") if k == n else link(str(k), uri, other)
            for k, other in enumerate(uris, 1)) if len(uris) > 1 else ""
        markdown = render("category.md.j2", category=category, parts=parts,
                          front=front_matter(category.name if n == 1
                                             else f"{category.name} ({n}/{len(uris)})"),
                          table=term_table(site, chunk, uri))
        pages.append(GeneratedPage(uri, markdown, category.source.path, GLOSSARY_INDEX,
                                   frozenset(t.abbreviation for t in chunk if t.abbreviation)))
    return pages


def core_terms(site: SiteData) -> list[Term]:
    """The new-hire core set in learning order: by the first stage where a term matters,
    broader terms before their narrower ones, then by name."""
    stages = site.glossary.stages
    core = [t for t in site.glossary.terms.values() if t.core and not t.deprecated]

    def rank(term: Term) -> tuple[int, str]:
        orders = [stages[s].order for s in term.stages if s in stages]
        return (min(orders) if orders else 10**6, term.name.casefold())

    ordered = sorted(core, key=rank)
    placed: list[Term] = []
    for term in ordered:  # lift a core broader term ahead of its first narrower one
        if term in placed:
            continue
        parent = site.glossary.terms.get(term.broader or "")
        if parent in ordered and parent not in placed and parent is not None:
            placed.append(parent)
        placed.append(term)
    return placed


def slug(text: str) -> str:
    """An ASCII anchor for ``text``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


__all__ = [
    "TERM_LIST_CAP", "category_page", "category_pages", "core_terms", "filtered_a_to_z",
    "first_terms", "more_terms", "review_badge", "slug", "term_page",
    "term_table"
]
