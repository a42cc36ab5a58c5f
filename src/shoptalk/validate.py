"""Validation: loading problems plus every rule over the whole glossary.

The cause comes first: a record whose file fails to load is still known by its file
name, so what refers to it is not reported as unknown; instead the file's first
error says how many references wait for it, and where.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import PurePosixPath

from .config import Config
from .load import load_glossary
from .model import Glossary
from .problems import Problem
from .rules import RULES
from .rules.references import waiting_on

__all__ = ["fold_waiting", "load_cause", "run_rules", "validate"]

# How many waiting references a cause names before it only counts the rest.
MAX_PLACES = 3


def _configured(problems: Iterable[Problem], config: Config) -> list[Problem]:
    return [p for p in map(config.adjust, problems) if p is not None]


def run_rules(glossary: Glossary, config: Config) -> list[Problem]:
    """Every rule's problems at their configured severity (rules set to 'off' dropped)."""
    return _configured((p for rule in RULES for p in rule(glossary, config)), config)


def _waiting_text(record_id: str, shown: str, places: Sequence[str]) -> str:
    count = len(places)
    places = sorted(places, key=lambda p: (p.rpartition(":")[0], int(p.rpartition(":")[2])))
    listed = ", ".join(places[:MAX_PLACES])
    if count > MAX_PLACES:
        listed += f" and {count - MAX_PLACES} more"
    refs = "1 reference" if count == 1 else f"{count} references"
    verb = "is" if count == 1 else "are"
    return (f"{refs} to '{record_id}' {verb} not checked until {PurePosixPath(shown).name} "
            f"loads: {listed}")


def fold_waiting(
    problems: Iterable[Problem], glossary: Glossary, config: Config
) -> list[Problem]:
    """``problems`` sorted, each broken file's first error saying what waits for it to load."""
    notes: dict[str, list[str]] = {}
    for (kind, record_id), places in sorted(waiting_on(glossary, config).items()):
        shown = glossary.broken[kind][record_id]
        notes.setdefault(shown, []).append(_waiting_text(record_id, shown, places))
    folded: list[Problem] = []
    for problem in sorted(set(problems)):
        note = notes.pop(problem.path, None) if problem.severity == "error" else None
        if note:
            problem = replace(problem, message=f"{problem.message} ({'; '.join(note)})")
        folded.append(problem)
    return folded


def load_cause(glossary: Glossary, config: Config) -> str:
    """What a run's summary leads with when files failed to load (``Glossary.broken``):
    which files, and how many references wait for them; "" when every file loaded."""
    files = sorted({shown for records in glossary.broken.values() for shown in records.values()})
    if not files:
        return ""
    cause = f"{len(files)} file{'s' * (len(files) != 1)} failed to load: {', '.join(files)}"
    waiting = sorted(waiting_on(glossary, config).items())
    if waiting:
        counts = [f"{len(places)} reference{'s' * (len(places) != 1)} to '{record_id}'"
                  for (_, record_id), places in waiting]
        total = sum(len(places) for _, places in waiting)
        cause += (f"; {', '.join(counts)} {'is' if total == 1 else 'are'} not checked until "
                  f"{'it loads' if len(files) == 1 else 'they load'}")
    return cause


def validate(config: Config, jobs: int | Callable[[int], int] = 1
             ) -> tuple[Glossary, list[Problem]]:
    """Load the configured glossary and check it; problems sorted by file, line, column.

    ``jobs`` as for ``load_glossary``: only from the command line (it forks).
    """
    glossary, problems = load_glossary(config.glossary, config.root, changed=config.changed,
                                       jobs=jobs)
    found = _configured(problems, config) + run_rules(glossary, config)
    return glossary, fold_waiting(found, glossary, config)
