"""The selling language as immutable, typed records.

Every record remembers the file it came from and the position of each of its
fields (keyed by key path such as ``related[2]`` or ``avoid[0].why``), so any
problem found later can point at ``path:line:col``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

STATUSES = ("draft", "approved", "deprecated")
TEAMS = ("primary", "support", "extended")
FORECAST_CATEGORIES = ("pipeline", "best_case", "commit", "closed", "omitted")
OUTCOMES = ("won", "lost")


@dataclass(frozen=True, slots=True, order=True)
class Pos:
    """A 1-based line and column in a source file."""

    line: int
    col: int


@dataclass(frozen=True, slots=True)
class Source:
    """Where a record came from: its file and the position of every field."""

    path: Path
    positions: Mapping[str, Pos] = field(default_factory=dict, compare=False, hash=False)
    display: str = ""

    @property
    def shown(self) -> str:
        """The path as problems show it."""
        return self.display or self.path.as_posix()

    def where(self, key_path: str = "") -> Pos:
        """The position of ``key_path``, or of its nearest located parent."""
        return nearest(self.positions, key_path)


def nearest(positions: Mapping[str, Pos], key_path: str) -> Pos:
    """The position of ``key_path`` (``avoid[0].why``), or of its nearest located parent."""
    key = key_path
    while key:
        if key in positions:
            return positions[key]
        key = _parent_key(key)
    return positions.get("", Pos(1, 1))


def _parent_key(key: str) -> str:
    if key.endswith("]"):
        return key[: key.rindex("[")]
    return key.rpartition(".")[0]


@dataclass(frozen=True, slots=True)
class Avoid:
    """Wording the company replaces with a term, and why."""

    text: str
    why: str = ""


@dataclass(frozen=True, slots=True)
class Link:
    """A titled link from a term to further reading."""

    title: str
    url: str


@dataclass(frozen=True, slots=True)
class Term:
    """A word or phrase of the selling language."""

    id: str
    name: str
    definition: str
    category: str
    owner: str
    source: Source = field(compare=False, repr=False)
    abbreviation: str | None = None
    aliases: tuple[str, ...] = ()
    avoid: tuple[Avoid, ...] = ()
    details: str | None = None
    examples: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    broader: str | None = None
    stages: tuple[str, ...] = ()
    context: str | None = None
    status: str = "approved"
    replaced_by: str | None = None
    reviewed: dt.date | None = None
    review_every: int | None = None
    core: bool = False
    links: tuple[Link, ...] = ()
    proper_name: bool | None = None  # None: inferred from the name (check.grammar)
    crm: Mapping[str, str] = field(default_factory=dict, hash=False)  # CRM system → its field

    @property
    def deprecated(self) -> bool:
        return self.status == "deprecated"


@dataclass(frozen=True, slots=True)
class RequiredInfo:
    """A fact a stage must capture, and who downstream depends on it."""

    item: str
    why: str
    needed_by: tuple[str, ...] = ()
    term: str | None = None
    crm: Mapping[str, str] = field(default_factory=dict, hash=False)  # CRM system → its field


@dataclass(frozen=True, slots=True)
class Handoff:
    """What a stage hands to a role, and when."""

    to: str
    what: str
    when: str | None = None


@dataclass(frozen=True, slots=True)
class Miss:
    """What gets dropped at a stage, and what it costs later."""

    miss: str
    consequence: str = ""


@dataclass(frozen=True, slots=True)
class Stage:
    """A step of the sales process."""

    id: str
    name: str
    order: int
    purpose: str
    owner: str
    source: Source = field(compare=False, repr=False)
    supporting: tuple[str, ...] = ()
    entry_criteria: tuple[str, ...] = ()
    exit_criteria: tuple[str, ...] = ()
    required_information: tuple[RequiredInfo, ...] = ()
    activities: tuple[str, ...] = ()
    deliverables: tuple[str, ...] = ()
    handoffs: tuple[Handoff, ...] = ()
    probability: int | None = None
    forecast_category: str | None = None
    typical_days: int | None = None
    outcome: str | None = None
    common_misses: tuple[Miss, ...] = ()
    framework_elements: tuple[str, ...] = ()
    crm: Mapping[str, str] = field(default_factory=dict)  # CRM system → this stage's value
    reviewed: dt.date | None = None
    review_every: int | None = None


@dataclass(frozen=True, slots=True)
class Role:
    """A kind of team member who touches the customer.

    ``term`` is the id of the term that is this role (the SE role and the "Sales
    engineer" term): the role is then defined by the term's definition
    (``Glossary.role_description``), and ``description`` stays empty.
    """

    id: str
    name: str
    team: str
    description: str
    source: Source = field(compare=False, repr=False)
    abbreviation: str | None = None
    responsibilities: tuple[str, ...] = ()
    reviewed: dt.date | None = None
    review_every: int | None = None
    term: str | None = None


@dataclass(frozen=True, slots=True)
class Element:
    """One element of a framework, e.g. MEDDPICC's Economic Buyer."""

    id: str
    name: str
    definition: str
    questions: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()
    known_by: str | None = None


@dataclass(frozen=True, slots=True)
class Framework:
    """A selling methodology made of elements."""

    id: str
    name: str
    purpose: str
    source: Source = field(compare=False, repr=False)
    abbreviation: str | None = None
    elements: tuple[Element, ...] = ()
    reviewed: dt.date | None = None
    review_every: int | None = None

    def element(self, element_id: str) -> Element | None:
        return next((e for e in self.elements if e.id == element_id), None)


@dataclass(frozen=True, slots=True)
class Category:
    """A group of terms, from ``categories.yml``."""

    id: str
    name: str
    source: Source = field(compare=False, repr=False)
    description: str = ""


Record = Term | Stage | Role | Framework


@dataclass(frozen=True)
class Glossary:
    """The whole selling language, keyed by id, in a stable order."""

    root: Path
    terms: Mapping[str, Term] = field(default_factory=dict)
    stages: Mapping[str, Stage] = field(default_factory=dict)
    roles: Mapping[str, Role] = field(default_factory=dict)
    frameworks: Mapping[str, Framework] = field(default_factory=dict)
    categories: Mapping[str, Category] = field(default_factory=dict)
    # Records known by their file name whose file did not load (a YAML syntax error, a
    # file that is not a mapping): kind ("term", "stage", "role", "framework") → id →
    # the file as problems show it. References to them are not reported as unknown, and
    # the site can show "this page's file has an error" instead of a bare 404.
    broken: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def is_broken(self, kind: str, record_id: str) -> bool:
        """Whether ``record_id`` names a ``kind`` record whose file failed to load."""
        return record_id in self.broken.get(kind, {})

    def role_description(self, role: Role) -> str:
        """What a role is: its term's definition when it names one (one definition per
        concept), else its own description."""
        term = self.terms.get(role.term or "")
        return term.definition if term is not None else role.description

    def role_of_term(self, term_id: str) -> Role | None:
        """The role that names ``term_id`` as its term, if any."""
        return next((r for r in self.roles.values() if r.term == term_id), None)

    def stages_in_order(self) -> list[Stage]:
        return sorted(self.stages.values(), key=lambda s: (s.order, s.id))

    def records(self) -> list[Record]:
        return [
            *self.terms.values(),
            *self.stages.values(),
            *self.roles.values(),
            *self.frameworks.values(),
        ]

    def related_of(self, term_id: str) -> tuple[str, ...]:
        """Related term ids in both directions (the inverse is computed)."""
        term = self.terms[term_id]
        found = dict.fromkeys(term.related)
        for other in self.terms.values():
            if term_id in other.related and other.id != term_id:
                found.setdefault(other.id)
        return tuple(t for t in found if t in self.terms)

    def narrower_of(self, term_id: str) -> tuple[str, ...]:
        return tuple(t.id for t in self.terms.values() if t.broader == term_id)


__all__ = [
    "FORECAST_CATEGORIES", "OUTCOMES", "STATUSES", "TEAMS", "Avoid", "Category", "Element",
    "Framework", "Glossary", "Handoff", "Link", "Miss", "Pos", "Record", "RequiredInfo", "Role",
    "Source", "Stage", "Term", "nearest"
]
