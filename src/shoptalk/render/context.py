"""What every renderer needs: the glossary, where each record's page lives, and lookups."""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

from markupsafe import Markup

from ..config import Config
from ..model import Framework, Glossary, Role, Stage, Term
from . import safe
from .env import link

GLOSSARY_INDEX = "glossary/index.md"
PIPELINE_INDEX = "pipeline/index.md"
ROLES_INDEX = "roles/index.md"
HANDOFF_MAP = "roles/handoff-map.md"
METHODOLOGY_INDEX = "methodology/index.md"
CHEAT_SHEET = "cheat-sheet.md"

Kind = str  # "term" | "stage" | "role" | "framework" | "category"
_R = TypeVar("_R", Term, Stage, Role, Framework)


@dataclass(frozen=True, slots=True)
class DocRef:
    """A hand-written page that points at a record: a playbook or a mention."""

    uri: str
    title: str
    line: int = 0


class UnknownName(LookupError):
    """A name that matches no record, or more than one (the message says which)."""


@dataclass(frozen=True)
class SiteData:
    """The glossary plus the facts about the hand-written pages the renderers show.

    ``usage`` maps a term id to the pages that mention it; ``playbooks`` maps a
    stage id to the playbooks that declare it in their front matter.
    """

    glossary: Glossary
    config: Config
    usage: Mapping[str, Sequence[DocRef]] = field(default_factory=dict)
    playbooks: Mapping[str, Sequence[DocRef]] = field(default_factory=dict)

    # -- indexes computed once (the model's helpers scan every term per call) --
    @cached_property
    def by_abbreviation(self) -> Mapping[str, tuple[str, ...]]:
        """Term ids by abbreviation (more than one: a homonym)."""
        found: dict[str, list[str]] = {}
        for term in self.glossary.terms.values():
            if term.abbreviation:
                found.setdefault(term.abbreviation, []).append(term.id)
        return {k: tuple(v) for k, v in found.items()}

    @cached_property
    def inverse_related(self) -> Mapping[str, tuple[str, ...]]:
        """For each term id, the terms that list it under ``related``."""
        found: dict[str, list[str]] = {}
        for term in self.glossary.terms.values():
            for other in term.related:
                if other != term.id:
                    found.setdefault(other, []).append(term.id)
        return {k: tuple(v) for k, v in found.items()}

    @cached_property
    def narrower(self) -> Mapping[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {}
        for term in self.glossary.terms.values():
            if term.broader:
                found.setdefault(term.broader, []).append(term.id)
        return {k: tuple(v) for k, v in found.items()}

    def related_of(self, term_id: str) -> tuple[str, ...]:
        """Related term ids both ways, as ``Glossary.related_of`` but without a full scan."""
        ids = dict.fromkeys((*self.glossary.terms[term_id].related,
                             *self.inverse_related.get(term_id, ())))
        return tuple(t for t in ids if t in self.glossary.terms and t != term_id)

    # -- where pages live -------------------------------------------------
    def uri(self, kind: Kind, record_id: str | None) -> str | None:
        """The src URI of a record's page, or None when the record does not exist."""
        if not record_id:
            return None
        table: Mapping[str, object] = {
            "term": self.glossary.terms, "stage": self.glossary.stages,
            "role": self.glossary.roles, "framework": self.glossary.frameworks,
            "category": self.glossary.categories}[kind]
        if record_id not in table:
            return None
        folder = {"term": "glossary", "stage": "pipeline", "role": "roles",
                  "framework": "methodology", "category": "glossary/category"}[kind]
        return f"{folder}/{record_id}.md"

    # -- links ------------------------------------------------------------
    def term_link(self, term_id: str | None, page: str, label: object = None) -> Markup:
        """A link to a term with its definition as the hover text."""
        term = self.glossary.terms.get(term_id or "")
        if term is None:
            return safe.md_inline(label or term_id or "")
        return link(label or term.name, page, self.uri("term", term.id), term.definition)

    def stage_link(self, stage_id: str | None, page: str, label: object = None) -> Markup:
        stage = self.glossary.stages.get(stage_id or "")
        if stage is None:
            return safe.md_inline(label or stage_id or "")
        return link(label or stage.name, page, self.uri("stage", stage.id), stage.purpose)

    def role_link(self, role_id: str | None, page: str, label: object = None) -> Markup:
        """A role by its abbreviation when it has one (hover: full name), else its name."""
        role = self.glossary.roles.get(role_id or "")
        if role is None:  # owners may be team handles rather than roles
            return safe.md_inline(label or role_id or "")
        text = label or role.abbreviation or role.name
        return link(text, page, self.uri("role", role.id), f"{role.name}: {role.description}")

    def roles_links(self, role_ids: Sequence[str], page: str) -> Markup:
        return Markup(", ".join(self.role_link(r, page) for r in role_ids))

    def framework_link(self, framework_id: str | None, page: str) -> Markup:
        fw = self.glossary.frameworks.get(framework_id or "")
        if fw is None:
            return safe.md_inline(framework_id or "")
        return link(fw.name, page, self.uri("framework", fw.id), fw.purpose)

    def role_name(self, role_id: str) -> str:
        role = self.glossary.roles.get(role_id)
        return (role.abbreviation or role.name) if role else role_id

    # -- lookups by any wording -------------------------------------------
    def find_term(self, name: str) -> Term:
        """The term named ``name``: id, name, alias or abbreviation (names ignore case)."""
        terms = self.glossary.terms
        if name in terms:
            return terms[name]
        exact = [t for t in terms.values() if t.abbreviation == name]
        if not exact:
            folded = name.casefold()
            exact = [t for t in terms.values()
                     if any(f.casefold() == folded for f in t.surface_forms())]
        return _one("term", name, exact, [t.name for t in terms.values()])

    def find_stage(self, name: str) -> Stage:
        """The stage named ``name`` by id or name (ignoring case)."""
        stages = self.glossary.stages
        found = [s for s in stages.values()
                 if name in (s.id,) or s.name.casefold() == name.casefold()]
        return _one("stage", name, found, [s.id for s in self.glossary.stages_in_order()])

    def find_role(self, name: str) -> Role:
        """The role named ``name`` by id, name or abbreviation (ignoring case)."""
        folded = name.casefold()
        found = [r for r in self.glossary.roles.values()
                 if folded in (r.id, r.name.casefold(), (r.abbreviation or "").casefold())]
        return _one("role", name, found, sorted(self.glossary.roles))

    def find_framework(self, name: str) -> Framework:
        folded = name.casefold()
        found = [f for f in self.glossary.frameworks.values()
                 if folded in (f.id, f.name.casefold(), (f.abbreviation or "").casefold())]
        return _one("framework", name, found, sorted(self.glossary.frameworks))


def _one(kind: str, name: str, found: list[_R], choices: list[str]) -> _R:
    unique = list({id(x): x for x in found}.values())
    if len(unique) == 1:
        return unique[0]
    if unique:
        options = ", ".join(f"'{x.id}'" for x in unique)
        raise UnknownName(f"{kind} '{name}' is ambiguous: it names {options}; use the id")
    close = difflib.get_close_matches(name, choices, n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(map(repr, close))}?" if close else ""
    raise UnknownName(f"unknown {kind} '{name}'{hint}")
