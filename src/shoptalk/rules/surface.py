"""One wording names one term: names, aliases, abbreviations and avoided wording
must not collide across terms (case-insensitively, after NFKC)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..config import Config
from ..model import Glossary, Term
from ..problems import Problem
from ._base import at, fold

IDS = {
    "duplicate-form": "two terms share a name, alias or abbreviation",
    "shared-abbreviation": "two terms share an abbreviation without each declaring a context",
    "avoid-conflict": "an avoided wording is also the name or alias of a term",
}


@dataclass(frozen=True)
class _Form:
    term: Term
    key: str
    role: str  # name | alias | abbreviation | avoid
    text: str


def _forms(term: Term) -> Iterator[_Form]:
    yield _Form(term, "name", "name", term.name)
    for i, alias in enumerate(term.aliases):
        yield _Form(term, f"aliases[{i}]", "alias", alias)
    if term.abbreviation:
        yield _Form(term, "abbreviation", "abbreviation", term.abbreviation)
    for i, avoid in enumerate(term.avoid):
        key = f"avoid[{i}].text" if avoid.why else f"avoid[{i}]"
        yield _Form(term, key, "avoid", avoid.text)


def _where(form: _Form) -> str:
    pos = form.term.source.where(form.key)
    return f"{form.term.source.shown}:{pos.line}"


def check(glossary: Glossary, config: Config) -> Iterator[Problem]:
    first: dict[str, _Form] = {}
    for term in glossary.terms.values():
        seen_here: set[str] = set()
        for form in _forms(term):
            key = fold(form.text)
            if key in seen_here:
                continue  # the same wording twice in one term is harmless repetition
            seen_here.add(key)
            other = first.get(key)
            if other is None:
                first[key] = form
                continue
            yield from _clash(other, form)


def _clash(first: _Form, second: _Form) -> Iterator[Problem]:
    roles = {first.role, second.role}
    where = f"'{first.term.id}' ({_where(first)})"
    if roles == {"abbreviation"}:
        if first.term.context and second.term.context:
            return  # homonyms told apart by their contexts, e.g. PQL
        yield at(
            second.term,
            second.key,
            "error",
            f"abbreviation '{second.text}' is also used by {where}; shared abbreviations "
            "need a 'context' on both terms",
            "shared-abbreviation",
        )
    elif "avoid" in roles and roles & {"name", "alias"}:
        avoided, named = (first, second) if first.role == "avoid" else (second, first)
        yield at(
            avoided.term,
            avoided.key,
            "error",
            f"avoided wording '{avoided.text}' is the {named.role} of term "
            f"'{named.term.id}' ({_where(named)})",
            "avoid-conflict",
        )
    elif roles == {"avoid"}:
        yield at(
            second.term,
            second.key,
            "error",
            f"'{second.text}' is avoided in favour of two terms: this one and {where}",
            "duplicate-form",
        )
    else:
        yield at(
            second.term,
            second.key,
            "error",
            f"{second.role} '{second.text}' is already the {first.role} of term {where}",
            "duplicate-form",
        )
