"""Deprecated terms must point, through replaced_by, to a living term."""

from __future__ import annotations

from collections.abc import Iterator

from ..config import Config
from ..model import Glossary
from ..problems import Problem
from ..rule_registry import summaries
from ._base import at

IDS = summaries(topic="lifecycle")


def check(glossary: Glossary, config: Config) -> Iterator[Problem]:
    """Problems with deprecated terms and their replacements."""
    terms = glossary.terms
    for term in terms.values():
        if term.deprecated and not term.replaced_by:
            yield at(
                term,
                "status",
                "error",
                "deprecated term has no replaced_by; name the term readers should use instead",
                "missing-replacement",
            )
        if term.replaced_by and not term.deprecated:
            yield at(
                term,
                "replaced_by",
                "warning",
                "replaced_by is set but status is not 'deprecated'",
                "replacement-not-deprecated",
            )
        if not term.deprecated or not term.replaced_by or term.replaced_by == term.id:
            continue
        chain = [term.id]
        current = terms.get(term.replaced_by)
        while current is not None and current.deprecated and current.replaced_by:
            if current.id in chain:
                cycle = " → ".join([*chain[chain.index(current.id) :], current.id])
                yield at(
                    term,
                    "replaced_by",
                    "error",
                    f"replaced_by goes round in a circle: {cycle}",
                    "replacement-cycle",
                )
                break
            chain.append(current.id)
            current = terms.get(current.replaced_by)
        else:
            if current is not None and current.deprecated:
                path = " → ".join([*chain, current.id])
                yield at(
                    term,
                    "replaced_by",
                    "error",
                    f"replaced_by ends in deprecated term "
                    f"'{current.id}' ({path}); point it at a current term",
                    "replacement-deprecated",
                )


__all__ = ["IDS", "check"]
