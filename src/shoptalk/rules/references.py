"""Every id a record mentions must name a record of the right kind.

A reference to a record whose file failed to load is not reported here: the file's
own error is the cause, and ``waiting_on`` lists what waits for it to load.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from ..config import Config
from ..model import Glossary, Record
from ..owners import OWNER_HELP
from ..problems import Problem
from ..rule_registry import summaries
from ..schema import did_you_mean
from ._base import at

__all__ = ["IDS", "Reference", "check", "references", "waiting_on"]

IDS = summaries(topic="references")

FOLDERS = {"term": "terms", "stage": "stages", "role": "roles", "framework": "frameworks"}

# Few enough to list in full when a category is unknown; more are only suggested.
MAX_LISTED = 12


@dataclass(frozen=True)
class Reference:
    """One id a record mentions, at ``key``, and what it must name."""

    record: Record
    key: str
    target: str
    kind: str  # in words: "term", "role or team handle", "element of meddpicc"
    known: Mapping[str, object] | Iterable[str]
    record_kind: str | None  # the kind of record a broken file could be, if any

    def where(self) -> str:
        """``path:line`` of the reference, as problems show it."""
        return f"{self.record.source.shown}:{self.record.source.where(self.key).line}"


def _missing(ref: Reference) -> Problem:
    choices = list(ref.known)
    hint = did_you_mean(ref.target, choices)
    suggestion = f"; did you mean '{hint}'?" if hint else ""
    if ref.kind == "category":  # a handful of ids nobody remembers: show them
        listed = ", ".join(choices) if len(choices) <= MAX_LISTED else "see categories.yml"
        suggestion += f" (categories: {listed})"
    elif ref.kind == "role or team handle" and not hint:
        suggestion = f"; write {OWNER_HELP}"
    elif ref.record_kind in FOLDERS and not hint:
        suggestion = (f"; write the file name of a {ref.record_kind} in "
                      f"{FOLDERS[ref.record_kind]}/, without .yml")
    return at(
        ref.record,
        ref.key,
        "error",
        f"{ref.key} '{ref.target}' is not a {ref.kind}{suggestion}",
        "dangling-ref",
    )


def _each(
    record: Record, key: str, targets: Iterable[str | None], kind: str,
    known: Mapping[str, object],
) -> Iterator[Reference]:
    for index, target in enumerate(targets):
        if target:
            yield Reference(record, f"{key}[{index}]", target, kind, known, kind)


def _one(
    record: Record, key: str, target: str | None, kind: str, known: Mapping[str, object]
) -> Iterator[Reference]:
    if target:
        yield Reference(record, key, target, kind, known, kind)


def references(glossary: Glossary, config: Config) -> Iterator[Reference]:
    """Every reference that does not name a loaded record of its kind."""
    terms, stages, roles = glossary.terms, glossary.stages, glossary.roles
    found: list[Iterator[Reference]] = []
    for term in terms.values():
        if glossary.categories:
            found.append(_one(term, "category", term.category, "category", glossary.categories))
        found.append(_each(term, "related", term.related, "term", terms))
        found.append(_one(term, "broader", term.broader, "term", terms))
        found.append(_each(term, "stages", term.stages, "stage", stages))
        found.append(_one(term, "replaced_by", term.replaced_by, "term", terms))
        found.append(_owner(term, term.owner, glossary, config))
    for stage in stages.values():
        found.append(_one(stage, "owner", stage.owner, "role", roles))
        found.append(_each(stage, "supporting", stage.supporting, "role", roles))
        for i, info in enumerate(stage.required_information):
            key = f"required_information[{i}]"
            found.append(_each(stage, f"{key}.needed_by", info.needed_by, "role", roles))
            found.append(_one(stage, f"{key}.term", info.term, "term", terms))
        for i, handoff in enumerate(stage.handoffs):
            found.append(_one(stage, f"handoffs[{i}].to", handoff.to, "role", roles))
        for i, named in enumerate(stage.framework_elements):
            found.append(_element(glossary, stage, f"framework_elements[{i}]", named))
    for role in glossary.roles.values():
        found.append(_one(role, "term", role.term, "term", terms))
    for framework in glossary.frameworks.values():
        for i, element in enumerate(framework.elements):
            key = f"elements[{i}].known_by"
            found.append(_one(framework, key, element.known_by, "stage", stages))
    for refs in found:
        yield from (ref for ref in refs if ref.target not in ref.known)


def _owner(record: Record, owner: str, glossary: Glossary, config: Config) -> Iterator[Reference]:
    # An owner is a role id, or a team handle (``@org/team``) or a name from config's teams.
    if owner and owner not in config.teams and not owner.startswith("@"):
        known = {**glossary.roles, **config.teams}
        yield Reference(record, "owner", owner, "role or team handle", known, "role")


def _element(glossary: Glossary, stage: Record, key: str, ref: str) -> Iterator[Reference]:
    framework_id = ref.partition(".")[0]
    framework = glossary.frameworks.get(framework_id)
    if framework is None:
        yield Reference(stage, key, framework_id, "framework", glossary.frameworks, "framework")
    else:
        known = [f"{framework_id}.{e.id}" for e in framework.elements]
        yield Reference(stage, key, ref, f"element of {framework_id}", known, None)


def _broken(glossary: Glossary, ref: Reference) -> bool:
    return ref.record_kind is not None and glossary.is_broken(ref.record_kind, ref.target)


def waiting_on(glossary: Glossary, config: Config) -> dict[tuple[str, str], list[str]]:
    """(kind, id) of each record whose file failed to load → where it is referred to."""
    waiting: dict[tuple[str, str], list[str]] = {}
    for ref in references(glossary, config):
        if _broken(glossary, ref):
            assert ref.record_kind is not None
            waiting.setdefault((ref.record_kind, ref.target), []).append(ref.where())
    return waiting


def check(glossary: Glossary, config: Config) -> Iterator[Problem]:
    """Every reference between records that points nowhere or at itself."""
    for ref in references(glossary, config):
        if not _broken(glossary, ref):
            yield _missing(ref)
    for term in glossary.terms.values():
        for key, value in (
            ("related", term.id in term.related),
            ("broader", term.broader == term.id),
            ("replaced_by", term.replaced_by == term.id),
        ):
            if value:
                yield at(term, key, "error", f"{key} names the term itself", "self-ref")
