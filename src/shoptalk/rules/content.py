"""Content rules an enablement team can tune (see ``rules:`` in shoptalk.yml): definitions
that teach, examples that show, stages that say what to do. All are warnings by default
except ``placeholder-text``: a scaffold's placeholder is never what the team means."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..config import Config
from ..language import fold
from ..model import Glossary, Record, Term
from ..placeholders import is_placeholder
from ..problems import Problem
from ..rule_registry import summaries
from ._base import at

IDS = summaries(topic="content")

MIN_EXIT_CRITERIA = 3
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# Addresses are not prose: "https://wiki.example.com/pipeline" does not use the word "pipeline".
_ADDRESS = re.compile(r"\]\([^)\s]*\)|<?(?:https?://|mailto:|www\.)[^\s<>]*>?", re.IGNORECASE)


def _mentions(text: str, phrase: str, *, case_sensitive: bool) -> bool:
    flags = 0 if case_sensitive else re.IGNORECASE
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text, flags) is not None


def _own_forms(term: Term) -> Iterator[tuple[str, bool]]:
    for form in (term.name, *term.aliases):
        yield form, False
    if term.abbreviation:
        yield term.abbreviation, True


def check_term(term: Term, config: Config) -> Iterator[Problem]:
    """The content problems of one term (length, circularity, examples)."""
    words = len(_WORD.findall(term.definition))
    if words > config.max_definition_words:
        yield at(
            term,
            "definition",
            "warning",
            f"definition has {words} words; keep it to "
            f"{config.max_definition_words} and move the rest to details",
            "definition-length",
        )
    definition = term.definition.strip()
    opener = next(
        (
            form
            for form, _ in _own_forms(term)
            if fold(definition).startswith(fold(form))
            and _mentions(definition[: len(form) + 1], form, case_sensitive=False)
        ),
        None,
    )
    if opener:
        yield at(
            term,
            "definition",
            "warning",
            f"definition starts with '{opener}'; say what it is instead, e.g. 'The buyer who…'",
            "definition-starts-with-term",
        )
    else:
        used = next(
            (
                form
                for form, cs in _own_forms(term)
                if _mentions(_ADDRESS.sub(" ", definition), form, case_sensitive=cs)
            ),
            None,
        )
        if used:
            yield at(
                term,
                "definition",
                "warning",
                f"definition uses '{used}', the term it defines; explain it in other words",
                "circular-definition",
            )
    # Examples written but unreadable (a sentence YAML took for a key and value) already
    # have their own problem: one broken value, one message.
    # Asked last: a record read on the fast path reads its positions only when asked.
    if not term.examples and not term.deprecated and "examples[0]" not in term.source.positions:
        yield at(
            term,
            "name",
            "warning",
            "no example sentence; add one under examples",
            "missing-example",
        )
    if term.abbreviation and fold(term.abbreviation) == fold(term.name):
        yield at(
            term,
            "abbreviation",
            "warning",
            f"name '{term.name}' repeats the abbreviation; spell out what it stands for in name",
            "abbreviation-without-expansion",
        )


def _placeholders(record: Record, fields: dict[str, str]) -> Iterator[Problem]:
    for key, text in fields.items():
        if is_placeholder(text):
            yield at(
                record,
                key,
                "error",
                f"{key} is still the placeholder 'shoptalk new' wrote ('{text.strip()}'); "
                "do what it says, in your own words",
                "placeholder-text",
            )


def check(glossary: Glossary, config: Config) -> Iterator[Problem]:
    """Content problems of every term, stage and role in ``glossary``."""
    for term in glossary.terms.values():
        yield from check_term(term, config)
        yield from _placeholders(term, {"definition": term.definition})
    for role in glossary.roles.values():
        yield from _placeholders(role, {"description": role.description})
    for stage in glossary.stages.values():
        yield from _placeholders(stage, {
            "purpose": stage.purpose,
            **{f"exit_criteria[{i}]": text for i, text in enumerate(stage.exit_criteria)},
        })
        if 0 < len(stage.exit_criteria) < MIN_EXIT_CRITERIA:
            yield at(
                stage,
                "exit_criteria",
                "warning",
                f"{len(stage.exit_criteria)} exit "
                f"criteria; give at least {MIN_EXIT_CRITERIA} verifiable ones",
                "few-exit-criteria",
            )
        for i, miss in enumerate(stage.common_misses):
            if not miss.consequence.strip():
                yield at(
                    stage,
                    f"common_misses[{i}]",
                    "warning",
                    f"common_misses[{i}] does not say what it costs later; add a consequence",
                    "miss-without-consequence",
                )


__all__ = ["IDS", "MIN_EXIT_CRITERIA", "check", "check_term"]
