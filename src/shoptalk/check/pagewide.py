"""Page-level decisions of the checker: one finding per acronym per page, the near miss
an unknown acronym may be, and the built-in knowledge a configuration enables."""

from __future__ import annotations

from dataclasses import replace
from weakref import WeakKeyDictionary

from ..config import Config
from ..problems import Problem
from .acronyms import near_misses
from .index import TermIndex
from .knowledge import Knowledge
from .words import normalize

__all__ = ["knowledge_for", "near_miss", "one_per_page"]


def one_per_page(problems: list[tuple[Problem, str | None]]) -> list[Problem]:
    """Sorted, each group folded into its first problem with the count and other lines.

    Grouping comes after suppression and rule levels, so the first use kept is the first
    use a reader is told about, and the count is of uses not silenced.
    """
    problems = sorted(set(problems), key=lambda pg: pg[0])
    groups: dict[tuple[str, str], list[Problem]] = {}
    out: list[Problem] = []
    for problem, group in problems:
        if group is None:
            out.append(problem)
            continue
        uses = groups.setdefault((problem.rule, group), [])
        if not uses:
            out.append(problem)
        uses.append(problem)
    if not groups:
        return out
    folded = {}
    for uses in groups.values():
        if len(uses) > 1:
            first, rest = uses[0], uses[1:]
            lines = sorted({p.line for p in rest})
            shown = ", ".join(map(str, lines))
            note = (f" ({len(uses)} uses on this page, also on line{'s' * (len(lines) > 1)} "
                    f"{shown}; --all-occurrences lists each)")
            folded[first] = replace(first, message=first.message + note,
                                    also=tuple(p.line for p in rest))
    return [folded.get(p, p) for p in out]


def near_miss(index: TermIndex, base: str) -> tuple[str, str] | None:
    """The one glossary abbreviation ``base`` is a slip of, and what it stands for."""
    # The same few undefined acronyms recur on page after page: answer each once.
    answers = _NEAR_MISSES.get(index)
    if answers is None:
        answers = _NEAR_MISSES[index] = {}
    if base in answers:
        return answers[base]
    abbreviations = _abbreviations(index)
    close = near_misses(base, abbreviations)
    found = (close[0], " or ".join(abbreviations[close[0]])) if len(close) == 1 else None
    if len(answers) < 10_000:
        answers[base] = found
    return found


_NEAR_MISSES: WeakKeyDictionary[TermIndex, dict[str, tuple[str, str] | None]] = \
    WeakKeyDictionary()


_ABBREVIATIONS: WeakKeyDictionary[TermIndex, dict[str, list[str]]] = WeakKeyDictionary()


def _abbreviations(index: TermIndex) -> dict[str, list[str]]:
    """Each term abbreviation and the names of the live terms it stands for."""
    found = _ABBREVIATIONS.get(index)
    if found is None:
        found = {}
        for term in index.glossary.terms.values():
            if term.abbreviation and not term.deprecated:
                found.setdefault(normalize(term.abbreviation), []).append(term.name)
        _ABBREVIATIONS[index] = found
    return found


_KNOWLEDGE: dict[frozenset[str], Knowledge] = {}


def knowledge_for(config: Config) -> Knowledge:
    """The built-in classes ``config`` enables (one shared instance per set of classes)."""
    found = _KNOWLEDGE.get(config.knowledge)
    if found is None:
        found = _KNOWLEDGE[config.knowledge] = Knowledge(config.knowledge)
    return found
