"""One resolver for the names authors write: ``term("ICP")``, ``stage("Qualify")``, …

The case policy, the same for the checker and the site:

- the id as written always names its record (every ambiguity error tells authors to use it);
- ids, names and aliases match in any case (compared folded: see ``fold``);
- an abbreviation matches exactly as written first; only when no abbreviation is
  written exactly so does it match in any case, and then only when one record has it
  (``"icp"`` names the ICP term; ``"pql"`` is as ambiguous as ``"PQL"``);
- several matches (homonyms) are an ambiguity that lists the ids; no match comes
  with the closest wording as a did-you-mean.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Generic, Literal, TypeVar

from ..model import Framework, Glossary, Role, Stage, Term
from .forms import forms_of
from .wording import fold, normalize

__all__ = ["Answer", "Kind", "Language", "Names"]

Kind = Literal["term", "stage", "role", "framework"]
R = TypeVar("R", bound=Term | Stage | Role | Framework)


@dataclass(frozen=True, slots=True)
class Answer(Generic[R]):
    """What a name means: one record, several (ambiguous) or none (with a did-you-mean)."""

    kind: str
    text: str
    found: tuple[R, ...]
    suggestion: str | None = None

    @property
    def record(self) -> R | None:
        """The one record named, or None when the name is unknown or ambiguous."""
        return self.found[0] if len(self.found) == 1 else None

    @property
    def ambiguous(self) -> bool:
        """True when the name fits more than one record."""
        return len(self.found) > 1

    @property
    def reason(self) -> str:
        """Why the name does not resolve, to follow the call: ``term("x") matches no term``."""
        if self.ambiguous:
            options = " or ".join(f"'{r.name}' ({r.id})" for r in self.found)
            return f"is ambiguous: it may mean {options}; use the {self.kind} id"
        hint = f"; did you mean '{self.suggestion}'?" if self.suggestion else ""
        return f"matches no {self.kind}{hint}"


def _append(table: dict[str, list[str]], key: str, record_id: str) -> None:
    ids = table.setdefault(key, [])
    if record_id not in ids:
        ids.append(record_id)


class Names(Generic[R]):
    """The records of one kind by every wording that names them."""

    def __init__(self, kind: str, records: Mapping[str, R],
                 same_as: Mapping[str, Term] | None = None) -> None:
        """``same_as``: record id → the term that is the same concept (a role's ``term``),
        whose wordings name the record too."""
        self.kind = kind
        self.records: Mapping[str, R] = records
        self._by_wording: dict[str, list[str]] = {}  # folded id, name, alias → ids
        self._by_abbreviation: dict[str, list[str]] = {}  # as written (normalized) → ids
        self._by_folded_abbreviation: dict[str, list[str]] = {}
        self._written: dict[str, str] = {}  # folded wording → as first written (did-you-mean)
        for record in records.values():
            _append(self._by_wording, fold(record.id), record.id)
            self._written.setdefault(fold(record.id), record.id)
            term = (same_as or {}).get(record.id)
            for form in (*forms_of(record), *(forms_of(term) if term else ())):
                if form.role == "avoid":
                    continue  # avoided wording names nothing: the checker suggests the term
                if form.role == "abbreviation":
                    _append(self._by_abbreviation, normalize(form.text.strip()), record.id)
                    _append(self._by_folded_abbreviation, form.folded, record.id)
                else:
                    _append(self._by_wording, form.folded, record.id)
                self._written.setdefault(form.folded, form.text)

    def resolve(self, text: str) -> Answer[R]:
        """What ``text`` names, by the case policy of this module."""
        record = self.records.get(text)
        if record is not None:
            return Answer(self.kind, text, (record,))
        key = fold(text)
        ids = [*self._by_wording.get(key, ()),
               *self._by_abbreviation.get(normalize(text.strip()), ())]
        if not ids:
            ids = self._by_folded_abbreviation.get(key, [])
        found = tuple(self.records[i] for i in dict.fromkeys(ids))
        return Answer(self.kind, text, found, None if found else self.suggest(text))

    def suggest(self, text: str) -> str | None:
        """The closest wording to ``text``, as written in the glossary."""
        close = difflib.get_close_matches(fold(text), self._wordings, n=1, cutoff=0.6)
        return self._written[close[0]] if close else None

    def sharing_abbreviation(self, record: R) -> tuple[R, ...]:
        """The other records with ``record``'s abbreviation as written (homonyms)."""
        abbreviation = getattr(record, "abbreviation", None)
        if not abbreviation:
            return ()
        ids = self._by_abbreviation.get(normalize(abbreviation.strip()), [])
        return tuple(self.records[i] for i in ids if i != record.id)

    @cached_property
    def _wordings(self) -> list[str]:
        return list(self._written)


class Language:
    """What the glossary's words mean; build once per glossary and ask it everywhere."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary

    @cached_property
    def terms(self) -> Names[Term]:
        """Terms by id, name, alias and abbreviation."""
        return Names("term", self.glossary.terms)

    @cached_property
    def stages(self) -> Names[Stage]:
        """Stages by id and name."""
        return Names("stage", self.glossary.stages)

    @cached_property
    def roles(self) -> Names[Role]:
        """Roles by id, name and abbreviation, and by every wording of the term a role is
        (``role("solutions engineer")`` names the SE role when its term has that alias)."""
        terms = self.glossary.terms
        same_as = {r.id: terms[r.term] for r in self.glossary.roles.values()
                   if r.term is not None and r.term in terms}
        return Names("role", self.glossary.roles, same_as)

    @cached_property
    def frameworks(self) -> Names[Framework]:
        """Frameworks by id, name and abbreviation."""
        return Names("framework", self.glossary.frameworks)

    def names(self, kind: Kind) -> Names[Any]:
        """The resolver for one kind of record."""
        if kind == "term":
            return self.terms
        if kind == "stage":
            return self.stages
        return self.roles if kind == "role" else self.frameworks

    def resolve(self, kind: Kind, text: str) -> Answer[Any]:
        """What ``text`` names among the records of ``kind``."""
        return self.names(kind).resolve(text)
