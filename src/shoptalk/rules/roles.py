"""One definition per concept: a role and a term for the same thing point to each other.

A role that is also a term of the language (the SE role and the "Sales engineer" term)
names the term (``term: sales-engineer``) and is defined by the term's definition; two
texts for one name drift apart, and a page would link its first "SE" to one and its
second to the other.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..config import Config
from ..language import same_concept
from ..model import Glossary, Role
from ..problems import Problem
from ..rule_registry import summaries
from ._base import at

__all__ = ["IDS", "check"]

IDS = summaries(topic="concepts")


def check(glossary: Glossary, config: Config) -> Iterator[Problem]:
    """A role and a term sharing a name or abbreviation must be linked by the role's ``term``."""
    named: dict[str, Role] = {}
    for role in glossary.roles.values():
        if role.term:
            yield from _linked(glossary, role, named)
            continue
        for key, term in same_concept(glossary.terms.values(), role.name, role.abbreviation):
            wording = role.name if key == "name" else role.abbreviation
            yield at(role, key, "error",
                     f"role '{role.id}' and term '{term.id}' are both '{wording}' but define "
                     f"it twice; add 'term: {term.id}' to this role and remove its description "
                     "(the role page then shows the term's definition)", "role-term")


def _linked(glossary: Glossary, role: Role, named: dict[str, Role]) -> Iterator[Problem]:
    term_id = role.term or ""
    if term_id not in glossary.terms:
        return  # a dangling id is the references rule's to report
    if role.description:
        yield at(role, "description", "error",
                 f"role '{role.id}' is defined by term '{term_id}', so this description is "
                 f"never shown; remove it and edit the definition in terms/{term_id}.yml",
                 "role-term")
    other = named.setdefault(term_id, role)
    if other is not role:
        yield at(role, "term", "error",
                 f"term '{term_id}' is already the term of role '{other.id}'; one term "
                 "defines one role", "role-term")
