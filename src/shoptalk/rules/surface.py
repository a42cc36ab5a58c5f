"""One wording names one term: names, aliases, abbreviations and avoided wording
must not collide across terms (compared folded: see ``shoptalk.language.fold``)."""

from __future__ import annotations

from collections.abc import Iterator

from ..config import Config
from ..language import ROLE_WORDS, Form, Wordings, forms_of
from ..model import Glossary
from ..problems import Problem
from ._base import at

IDS = {
    "duplicate-form": "two terms share a name, alias or abbreviation",
    "shared-abbreviation": "two terms share an abbreviation without each declaring a context",
    "avoid-conflict": "an avoided wording is also the name or alias of a term",
}


def check(glossary: Glossary, config: Config) -> Iterator[Problem]:
    forms = (form for term in glossary.terms.values() for form in forms_of(term))
    for form, first in Wordings().clashes(forms):
        yield _clash(glossary, first, form)


def _where(glossary: Glossary, form: Form) -> str:
    source = glossary.terms[form.record_id].source
    return f"{source.shown}:{source.where(form.key).line}"


def _clash(glossary: Glossary, first: Form, second: Form) -> Problem:
    roles = {first.role, second.role}
    where = f"'{first.record_id}' ({_where(glossary, first)})"
    if roles == {"abbreviation"}:
        return at(glossary.terms[second.record_id], second.key, "error",
                  f"abbreviation '{second.text}' is also used by {where}; shared abbreviations "
                  "need a 'context' on both terms", "shared-abbreviation")
    if "avoid" in roles and roles & {"name", "alias"}:
        avoided, named = (first, second) if first.role == "avoid" else (second, first)
        return at(glossary.terms[avoided.record_id], avoided.key, "error",
                  f"avoided wording '{avoided.text}' is the {ROLE_WORDS[named.role]} of term "
                  f"'{named.record_id}' ({_where(glossary, named)})", "avoid-conflict")
    if roles == {"avoid"}:
        return at(glossary.terms[second.record_id], second.key, "error",
                  f"'{second.text}' is avoided in favour of two terms: this one and {where}",
                  "duplicate-form")
    return at(glossary.terms[second.record_id], second.key, "error",
              f"{second.role} '{second.text}' is already the {first.role} of term {where}",
              "duplicate-form")
