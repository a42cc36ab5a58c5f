"""Validation: loading problems plus every rule over the whole glossary."""

from __future__ import annotations

from .config import Config
from .load import load_glossary
from .model import Glossary
from .problems import Problem
from .rules import RULES


def run_rules(glossary: Glossary, config: Config) -> list[Problem]:
    """Every rule's problems at their configured severity (rules set to 'off' dropped)."""
    found: list[Problem] = []
    for rule in RULES:
        for problem in rule(glossary, config):
            level = config.level(problem.rule, problem.severity)
            if level is not None:
                found.append(problem if level == problem.severity else problem.with_severity(level))
    return found


def validate(config: Config) -> tuple[Glossary, list[Problem]]:
    """Load the configured glossary and check it; problems sorted by file, line, column."""
    glossary, problems = load_glossary(config.glossary, config.root)
    adjusted = []
    for problem in problems:
        level = config.level(problem.rule, problem.severity)
        if level is not None:
            adjusted.append(problem if level == problem.severity else problem.with_severity(level))
    return glossary, sorted(set(adjusted + run_rules(glossary, config)))
