"""The self-check: questions generated from the glossary, a pool of them as data, and a
static set that works without script.

Kinds of question, each with wrong answers drawn from the same kind of record (terms of
the same category, other stages, other roles):

- ``meaning``: a term's name, pick its definition; ``name``: a definition, pick the term.
  Neither asks about a core term: the start page prints the core definitions right above
  the quiz, so those questions would be answered by reading up.
- ``usage``: one of a term's examples with the term blanked out, pick the term (core terms
  included: the examples are not on the start page).
- ``avoid``: wording the company avoids, pick the term to say instead.
- ``stage``: an exit criterion or a piece of required information, pick the stage.
- ``needed-by``: something captured or handed over at a stage, pick who needs it.

Everything random is seeded from the glossary's content, so one glossary always builds the
same pool (tests are stable) and an edited glossary shuffles anew. The reader's browser
(``assets/quiz.js``) picks a new set from the pool on each visit.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from html import escape

from markupsafe import Markup

from ..language import fold
from ..model import Glossary, Stage, Term
from . import safe
from .context import SiteData

__all__ = ["KINDS", "POOL_SIZE", "Question", "glossary_seed", "question_pool", "quiz_markup"]

KINDS = ("meaning", "name", "usage", "avoid", "stage", "needed-by")
POOL_SIZE = 40
CHOICES = 4  # the answer and up to three wrong ones; a question needs at least two wrong
BLANK = "_____"


@dataclass(frozen=True, slots=True)
class Question:
    """One multiple-choice question; every text is plain (``safe.plain``), not yet HTML."""

    kind: str
    key: str  # stable: the kind and the records asked about
    prompt: str
    choices: tuple[str, ...]
    answer: int  # index into choices
    explain: str  # shown after answering
    page: str  # src URI of the page that teaches the answer
    page_label: str


@dataclass(frozen=True, slots=True)
class _Draft:
    """A question before its wrong answers are drawn: ``others`` are the candidates."""

    kind: str
    key: str
    prompt: str
    right: str
    others: tuple[str, ...]
    explain: str
    page: str
    page_label: str


def glossary_seed(glossary: Glossary) -> str:
    """A digest of the records the questions come from (``repr`` leaves out file positions)."""
    text = repr((sorted(glossary.terms.items()), sorted(glossary.stages.items()),
                 sorted(glossary.roles.items())))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _active(glossary: Glossary) -> list[Term]:
    return sorted((t for t in glossary.terms.values()
                   if not t.deprecated and t.status != "draft"), key=lambda t: t.id)


def _term_url(term: Term) -> str:
    return f"glossary/{term.id}.md"


def _term_drafts(glossary: Glossary) -> Iterator[_Draft]:
    terms = _active(glossary)
    by_category: dict[str, list[Term]] = {}
    for t in terms:
        by_category.setdefault(t.category, []).append(t)
    taken = {f.casefold() for t in terms for f in (t.name, *t.aliases, t.abbreviation or "")}
    plain_names = {t.id: safe.plain(t.name) for t in terms}
    plain_definitions = {t.id: safe.plain(t.definition) for t in terms}
    for term in terms:
        peers = [t.id for t in by_category[term.category] if t.id != term.id]
        name, definition = plain_names[term.id], plain_definitions[term.id]
        explain = f"{name}: {definition}"
        common = {"explain": explain, "page": _term_url(term), "page_label": name}
        names = tuple(plain_names[t] for t in peers)
        if not term.core:
            yield _Draft("meaning", f"meaning/{term.id}", f"What does “{name}” mean?",
                         definition, tuple(plain_definitions[t] for t in peers), **common)
            yield _Draft("name", f"name/{term.id}", f"Which term means: “{definition}”",
                         name, names, **common)
        for i, example in enumerate(term.examples):
            blanked = _blank(safe.plain(example), term)
            if blanked:
                yield _Draft("usage", f"usage/{term.id}/{i}",
                             f"Which term fills the blank: “{blanked}”", name, names, **common)
        for i, avoid in enumerate(term.avoid):
            said = safe.plain(avoid.text)
            if said.casefold() in taken:  # also some term's wording: no single right answer
                continue
            why = safe.plain(avoid.why)
            why = why if not why or why.endswith((".", "!", "?")) else why + "."
            yield _Draft("avoid", f"avoid/{term.id}/{i}",
                         f"We do not say “{said}”. Which term do we use instead?", name, names,
                         **{**common, "explain": f"{why} {explain}".lstrip()})


def _blank(example: str, term: Term) -> str | None:
    """``example`` with the term's name, an alias or its abbreviation blanked, if it uses one."""
    for wording in sorted((term.name, *term.aliases, term.abbreviation or ""), key=len,
                          reverse=True):
        if not wording or safe.plain(wording).casefold() not in example.casefold():
            continue
        pattern = re.compile(rf"(?<![\w-]){re.escape(safe.plain(wording))}(?![\w-])",
                             0 if wording == term.abbreviation else re.IGNORECASE)
        if pattern.search(example):
            return pattern.sub(BLANK, example)
    return None


def _stage_drafts(site: SiteData) -> Iterator[_Draft]:
    g = site.glossary
    stages = g.stages_in_order()
    names = {s.id: safe.plain(s.name) for s in stages}
    # A statement several stages share has no single right stage.
    counts: dict[str, int] = {}
    for s in stages:
        said = (*s.exit_criteria, *(r.item for r in s.required_information))
        for text in {fold(x) for x in said}:
            counts[text] = counts.get(text, 0) + 1

    def unique(text: str) -> bool:
        return counts.get(fold(text), 0) == 1

    for stage in stages:
        others = tuple(names[s.id] for s in stages if s.id != stage.id)
        common = {"explain": f"{names[stage.id]}: {safe.plain(stage.purpose)}",
                  "page": site.uri("stage", stage.id) or "",
                  "page_label": f"the {names[stage.id]} stage"}
        for i, criterion in enumerate(stage.exit_criteria):
            if unique(criterion):
                yield _Draft("stage", f"stage/{stage.id}/exit/{i}",
                             f"Which stage can a deal not leave until this is true: "
                             f"“{safe.plain(criterion)}”", names[stage.id], others, **common)
        for i, info in enumerate(stage.required_information):
            if unique(info.item):
                yield _Draft("stage", f"stage/{stage.id}/capture/{i}",
                             f"At which stage must this be captured before the deal moves on: "
                             f"“{safe.plain(info.item)}”", names[stage.id], others, **common)
        yield from _needed_by(site, stage, common)


def _role_label(site: SiteData, role_id: str) -> str:
    role = site.glossary.roles.get(role_id)
    if role is None:
        return safe.plain(role_id)
    name = safe.plain(role.name)
    return f"{name} ({safe.plain(role.abbreviation)})" if role.abbreviation else name


def _needed_by(site: SiteData, stage: Stage, common: dict[str, str]) -> Iterator[_Draft]:
    """Who downstream needs what this stage's owner captures or hands over."""
    roles = sorted(site.glossary.roles)
    stage_name = safe.plain(stage.name)
    for i, info in enumerate(stage.required_information):
        takers = [r for r in info.needed_by if r != stage.owner]
        if not takers:
            continue
        others = tuple(_role_label(site, r) for r in roles
                       if r not in info.needed_by and r != stage.owner)
        explain = (f"{', '.join(_role_label(site, r) for r in takers)} need it: "
                   f"{safe.plain(info.why)}")
        yield _Draft("needed-by", f"needed-by/{stage.id}/{i}",
                     f"At {stage_name} you capture “{safe.plain(info.item)}”. "
                     f"Who needs it from you?", _role_label(site, takers[0]), others,
                     **{**common, "explain": explain})
    for i, handoff in enumerate(stage.handoffs):
        if handoff.to == stage.owner:
            continue
        others = tuple(_role_label(site, r) for r in roles
                       if r not in (handoff.to, stage.owner))
        when = f" ({safe.plain(handoff.when)})" if handoff.when else ""
        yield _Draft("needed-by", f"handoff/{stage.id}/{i}",
                     f"At {stage_name}, who receives “{safe.plain(handoff.what)}” from "
                     f"the {_role_label(site, stage.owner)}?", _role_label(site, handoff.to),
                     others, **{**common, "explain": f"A handoff to "
                                f"{_role_label(site, handoff.to)}{when}."})


def _finish(draft: _Draft, rng: random.Random) -> Question | None:
    """The draft with up to three wrong answers drawn and all choices shuffled; None when
    fewer than two distinct wrong answers exist."""
    seen = {fold(draft.right)}
    distinct = []
    for text in draft.others:
        if text and fold(text) not in seen:
            seen.add(fold(text))
            distinct.append(text)
    if len(distinct) < 2:
        return None
    choices = [draft.right, *rng.sample(distinct, min(CHOICES - 1, len(distinct)))]
    rng.shuffle(choices)
    return Question(draft.kind, draft.key, draft.prompt, tuple(choices),
                    choices.index(draft.right), draft.explain, draft.page, draft.page_label)


def question_pool(site: SiteData, size: int = POOL_SIZE) -> list[Question]:
    """Up to ``size`` questions, the kinds taking turns, the same for the same glossary."""
    seed = glossary_seed(site.glossary)
    by_kind: dict[str, list[Question]] = {kind: [] for kind in KINDS}
    for draft in (*_term_drafts(site.glossary), *_stage_drafts(site)):
        question = _finish(draft, random.Random(f"{seed}/{draft.key}"))
        if question is not None:
            by_kind[draft.kind].append(question)
    for kind, questions in by_kind.items():
        random.Random(f"{seed}/order/{kind}").shuffle(questions)
    pool: list[Question] = []
    while len(pool) < size and any(by_kind.values()):
        for kind in KINDS:
            if by_kind[kind] and len(pool) < size:
                pool.append(by_kind[kind].pop(0))
    return pool


def _attribute_json(data: object) -> str:
    """``data`` as JSON for a ``data-`` attribute: quotes, ``<``, ``&`` and braces become
    entities, so neither the HTML parser nor a template engine sees anything in it."""
    text = escape(json.dumps(data, ensure_ascii=False, separators=(",", ":")), quote=True)
    return text.replace("{", "&#123;").replace("}", "&#125;")


def _static_question(q: Question, href: str) -> str:
    text = safe.attr_text  # plain, escaped, braces as entities
    options = "".join(f"<li>{text(c)}</li>" for c in q.choices)
    return (f'<li class="st-quiz__q" data-kind="{q.kind}"><p class="st-quiz__prompt">'
            f'{text(q.prompt)}</p><ol class="st-quiz__options" type="a">{options}</ol>'
            f"<details><summary>Show the answer</summary><p>Answer: <strong>"
            f"{text(q.choices[q.answer])}</strong>. {text(q.explain)} "
            f'<a href="{escape(href, quote=True)}">Read about {text(q.page_label)}</a>.</p>'
            "</details></li>")


def quiz_markup(site: SiteData, page: str, count: int = 10,
                pool: Sequence[Question] | None = None,
                href: Callable[[str, str], str] | None = None) -> Markup:
    """The quiz block for ``page``: the pool as data for the script, which asks ``count`` of
    them per visit, and the first ``count`` as a static list with answers to reveal."""
    href = href or site.html_href
    questions = list(question_pool(site) if pool is None else pool)
    if not questions:
        return Markup("*No questions yet: the glossary needs more terms.*\n")
    count = max(1, min(int(count), len(questions)))
    data = [{**asdict(q), "page": href(page, q.page)} for q in questions]
    static = "".join(_static_question(q, href(page, q.page)) for q in questions[:count])
    return Markup(f'\n<div class="st-quiz" data-count="{count}" '
                  f'data-pool="{_attribute_json(data)}"><ol class="st-quiz__static">'
                  f"{static}</ol></div>\n")
