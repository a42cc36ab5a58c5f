"""Validation: loading problems plus every rule over the whole glossary."""

from __future__ import annotations

from collections.abc import Iterable

from .config import Config
from .load import load_glossary
from .model import Glossary
from .problems import Problem
from .rules import RULES


def _configured(problems: Iterable[Problem], config: Config) -> list[Problem]:
    return [p for p in map(config.adjust, problems) if p is not None]


def run_rules(glossary: Glossary, config: Config) -> list[Problem]:
    """Every rule's problems at their configured severity (rules set to 'off' dropped)."""
    return _configured((p for rule in RULES for p in rule(glossary, config)), config)


def validate(config: Config) -> tuple[Glossary, list[Problem]]:
    """Load the configured glossary and check it; problems sorted by file, line, column."""
    glossary, problems = load_glossary(config.glossary, config.root)
    return glossary, sorted(set(_configured(problems, config) + run_rules(glossary, config)))
