"""Every id a record mentions must name a record of the right kind."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from ..config import Config
from ..model import Glossary, Record
from ..problems import Problem
from ..schema import did_you_mean
from ._base import at

IDS = {
    "dangling-ref": "a reference to a term, stage, role, category or framework element that "
    "does not exist",
    "self-ref": "a term that lists itself as related, broader or its own replacement",
}


def _missing(record: Record, key: str, ref: str, kind: str, known: Iterable[str]) -> Problem:
    hint = did_you_mean(ref, known)
    suggestion = f"; did you mean '{hint}'?" if hint else ""
    return at(record, key, "error", f"{key} '{ref}' is not a {kind}{suggestion}", "dangling-ref")


def _refs(
    record: Record, key: str, refs: Iterable[str | None], kind: str, known: Mapping[str, object]
) -> Iterator[Problem]:
    for index, ref in enumerate(refs):
        if ref is not None and ref not in known:
            yield _missing(record, f"{key}[{index}]", ref, kind, known)


def _ref(
    record: Record, key: str, ref: str | None, kind: str, known: Mapping[str, object]
) -> Iterator[Problem]:
    if ref and ref not in known:
        yield _missing(record, key, ref, kind, known)


def _owner(
    record: Record, key: str, owner: str, glossary: Glossary, config: Config
) -> Iterator[Problem]:
    # An owner is a role id, or a team handle (``@org/team``) or a name from config's teams.
    if (
        owner
        and owner not in glossary.roles
        and owner not in config.teams
        and not owner.startswith("@")
    ):
        yield _missing(record, key, owner, "role or team handle", [*glossary.roles, *config.teams])


def check(glossary: Glossary, config: Config) -> Iterator[Problem]:
    terms, stages, roles = glossary.terms, glossary.stages, glossary.roles
    for term in terms.values():
        if glossary.categories:
            yield from _ref(term, "category", term.category, "category", glossary.categories)
        yield from _refs(term, "related", term.related, "term", terms)
        yield from _ref(term, "broader", term.broader, "term", terms)
        yield from _refs(term, "stages", term.stages, "stage", stages)
        yield from _ref(term, "replaced_by", term.replaced_by, "term", terms)
        yield from _owner(term, "owner", term.owner, glossary, config)
        for key, value in (
            ("related", term.id in term.related),
            ("broader", term.broader == term.id),
            ("replaced_by", term.replaced_by == term.id),
        ):
            if value:
                yield at(term, key, "error", f"{key} names the term itself", "self-ref")
    for stage in stages.values():
        yield from _ref(stage, "owner", stage.owner, "role", roles)
        yield from _refs(stage, "supporting", stage.supporting, "role", roles)
        for i, info in enumerate(stage.required_information):
            yield from _refs(
                stage, f"required_information[{i}].needed_by", info.needed_by, "role", roles
            )
            yield from _ref(stage, f"required_information[{i}].term", info.term, "term", terms)
        for i, handoff in enumerate(stage.handoffs):
            yield from _ref(stage, f"handoffs[{i}].to", handoff.to, "role", roles)
        for i, ref in enumerate(stage.framework_elements):
            yield from _element(glossary, stage, f"framework_elements[{i}]", ref)
    for framework in glossary.frameworks.values():
        for i, element in enumerate(framework.elements):
            yield from _ref(framework, f"elements[{i}].known_by", element.known_by, "stage", stages)


def _element(glossary: Glossary, stage: Record, key: str, ref: str) -> Iterator[Problem]:
    framework_id, _, element_id = ref.partition(".")
    framework = glossary.frameworks.get(framework_id)
    if framework is None:
        yield _missing(stage, key, framework_id, "framework", glossary.frameworks)
    elif framework.element(element_id) is None:
        known = [f"{framework_id}.{e.id}" for e in framework.elements]
        yield _missing(stage, key, ref, f"element of {framework_id}", known)
