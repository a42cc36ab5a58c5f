"""What every renderer needs: the glossary, where each record's page lives, and lookups."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from markupsafe import Markup

from ..config import Config
from ..language import Kind, Language
from ..model import Framework, Glossary, Role, Stage, Term
from . import safe
from .diagram import page_href
from .env import link
from .search_tags import WordingIndex, wording_index

GLOSSARY_INDEX = "glossary/index.md"
PIPELINE_INDEX = "pipeline/index.md"
ROLES_INDEX = "roles/index.md"
HANDOFF_MAP = "roles/handoff-map.md"
METHODOLOGY_INDEX = "methodology/index.md"
CHEAT_SHEET = "cheat-sheet.md"

PageKind = str  # "term" | "stage" | "role" | "framework" | "category"


@dataclass(frozen=True, slots=True)
class DocRef:
    """A hand-written page that points at a record: a playbook or a mention."""

    uri: str
    title: str
    line: int = 0


class UnknownName(LookupError):
    """A name that matches no record, or more than one; the message follows the call
    (``term("x") matches no term; did you mean 'y'?``)."""


PAGE_FOLDERS: dict[str, str] = {"term": "glossary", "stage": "pipeline", "role": "roles",
                                "framework": "methodology", "category": "glossary/category"}


def record_uri(kind: str, record_id: str) -> str:
    """Where the page of a record of ``kind`` goes, whether or not the record loaded."""
    return f"{PAGE_FOLDERS[kind]}/{record_id}.md"


def hover_key(kind: PageKind, record_id: str) -> str:
    """The name of the hover text of a link to a record: a term's is its id (as a first
    mention's link), any other's is prefixed with its kind (ids hold no ``/``)."""
    return record_id if kind == "term" else f"{kind}/{record_id}"


def role_hover(glossary: Glossary, role: Role) -> str:
    """The hover text of a link to ``role``: its name and what it does."""
    return f"{role.name}: {glossary.role_description(role)}"


def link_hover_texts(glossary: Glossary) -> dict[str, str]:
    """The title (Markdown, as ``link`` writes it) of a link to each term, stage, role and
    framework, by ``hover_key``."""
    texts = {term.id: term.definition for term in glossary.terms.values()}
    texts.update({hover_key("stage", s.id): s.purpose for s in glossary.stages.values()})
    texts.update({hover_key("role", r.id): role_hover(glossary, r)
                  for r in glossary.roles.values()})
    texts.update({hover_key("framework", f.id): f.purpose
                  for f in glossary.frameworks.values()})
    return {key: str(safe.attr_text(text)) for key, text in texts.items() if text}


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
    directory_urls: bool = True  # the engine's ``use_directory_urls``; raw HTML follows it
    # ``mkdocs serve``: what a link to a record writes as its title instead of the record's
    # own text, by ``hover_key`` (a placeholder put back after conversion: ``hover_titles``).
    hover_titles: Mapping[str, str] = field(default_factory=dict)

    # -- indexes computed once (the model's helpers scan every term per call) --
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

    @cached_property
    def wordings(self) -> WordingIndex:
        """Each term's own wordings as folded words -> term ids (a term page's search tags)."""
        return wording_index(self.glossary)

    def related_of(self, term_id: str) -> tuple[str, ...]:
        """Related term ids both ways, as ``Glossary.related_of`` but without a full scan."""
        ids = dict.fromkeys((*self.glossary.terms[term_id].related,
                             *self.inverse_related.get(term_id, ())))
        return tuple(t for t in ids if t in self.glossary.terms and t != term_id)

    # -- where pages live -------------------------------------------------
    def uri(self, kind: PageKind, record_id: str | None) -> str | None:
        """The src URI of a record's page, or None when the record does not exist."""
        if not record_id:
            return None
        table: Mapping[str, object] = {
            "term": self.glossary.terms, "stage": self.glossary.stages,
            "role": self.glossary.roles, "framework": self.glossary.frameworks,
            "category": self.glossary.categories}[kind]
        return record_uri(kind, record_id) if record_id in table else None

    def html_href(self, page: str, target: str) -> str:
        """The URL from page ``page`` to page ``target`` (src URIs) for raw HTML (a diagram,
        the quiz): the engine rewrites Markdown links, never links inside raw HTML."""
        return page_href(page, target, self.directory_urls)

    # -- links ------------------------------------------------------------
    def term_link(self, term_id: str | None, page: str, label: object = None) -> Markup:
        """A link to a term with its definition as the hover text."""
        term = self.glossary.terms.get(term_id or "")
        if term is None:
            return safe.md_inline(label or term_id or "")
        return link(label or term.name, page, self.uri("term", term.id),
                    self.hover_titles.get(term.id) or term.definition)

    def stage_link(self, stage_id: str | None, page: str, label: object = None) -> Markup:
        """A link to a stage with its purpose as the hover text."""
        stage = self.glossary.stages.get(stage_id or "")
        if stage is None:
            return safe.md_inline(label or stage_id or "")
        return link(label or stage.name, page, self.uri("stage", stage.id),
                    self.hover_titles.get(hover_key("stage", stage.id)) or stage.purpose)

    def role_link(self, role_id: str | None, page: str, label: object = None) -> Markup:
        """A role by its abbreviation when it has one (hover: full name), else its name."""
        role = self.glossary.roles.get(role_id or "")
        if role is None:  # owners may be team handles rather than roles
            return safe.md_inline(label or role_id or "")
        text = label or role.abbreviation or role.name
        return link(text, page, self.uri("role", role.id),
                    self.hover_titles.get(hover_key("role", role.id))
                    or role_hover(self.glossary, role))

    def roles_links(self, role_ids: Sequence[str], page: str) -> Markup:
        return Markup(", ".join(self.role_link(r, page) for r in role_ids))

    def framework_link(self, framework_id: str | None, page: str) -> Markup:
        """A link to a framework with its purpose as the hover text."""
        fw = self.glossary.frameworks.get(framework_id or "")
        if fw is None:
            return safe.md_inline(framework_id or "")
        return link(fw.name, page, self.uri("framework", fw.id),
                    self.hover_titles.get(hover_key("framework", fw.id)) or fw.purpose)

    def role_name(self, role_id: str) -> str:
        role = self.glossary.roles.get(role_id)
        return (role.abbreviation or role.name) if role else role_id

    # -- lookups by any wording (the checker asks the same resolver) --------
    @cached_property
    def language(self) -> Language:
        """The resolver every name a page writes goes through (``shoptalk.language``)."""
        return Language(self.glossary)

    def find(self, kind: Kind, name: str) -> Any:
        """The record of ``kind`` named ``name``; UnknownName when none or several match."""
        answer = self.language.resolve(kind, str(name))
        if answer.record is None:
            raise UnknownName(answer.reason)
        return answer.record

    def find_term(self, name: str) -> Term:
        """The term named ``name``: id, name, alias or abbreviation."""
        term: Term = self.find("term", name)
        return term

    def find_stage(self, name: str) -> Stage:
        """The stage named ``name`` by id or name."""
        stage: Stage = self.find("stage", name)
        return stage

    def find_role(self, name: str) -> Role:
        """The role named ``name`` by id, name or abbreviation."""
        role: Role = self.find("role", name)
        return role

    def find_framework(self, name: str) -> Framework:
        """The framework named ``name`` by id, name or abbreviation."""
        framework: Framework = self.find("framework", name)
        return framework


__all__ = [
    "CHEAT_SHEET", "GLOSSARY_INDEX", "HANDOFF_MAP", "METHODOLOGY_INDEX", "PIPELINE_INDEX",
    "ROLES_INDEX", "DocRef", "PageKind", "SiteData", "UnknownName", "hover_key",
    "link_hover_texts", "role_hover"
]
