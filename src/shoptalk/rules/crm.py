"""CRM references must be usable: field references well formed, one CRM value per stage."""

from __future__ import annotations

from collections.abc import Iterator

from ..config import Config
from ..crm.fields import field_problem
from ..crm.pipeline import System, duplicate_keys
from ..model import Glossary
from ..problems import Problem
from ..rule_registry import summaries
from ._base import at

IDS = summaries("validator", topic="crm")


def check(glossary: Glossary, config: Config) -> Iterator[Problem]:
    """Every malformed CRM field reference, and CRM values two stages share."""
    for term in glossary.terms.values():
        for system, reference in sorted(term.crm.items()):
            message = field_problem(system, reference)
            if message:
                yield at(term, f"crm.{system}", "error", f"crm.{system}: {message}", "crm-field")
    for stage in glossary.stages.values():
        for i, info in enumerate(stage.required_information):
            for system, reference in sorted(info.crm.items()):
                message = field_problem(system, reference)
                if message:
                    key = f"required_information[{i}].crm.{system}"
                    yield at(stage, key, "error", f"{key}: {message}", "crm-field")
    systems: tuple[System, ...] = ("salesforce", "hubspot")
    for system in systems:
        if any(system in s.crm for s in glossary.stages.values()):
            yield from duplicate_keys(glossary, system)


__all__ = ["IDS", "check"]
