"""Project configuration: ``shoptalk.yml`` at the root of the repository.

Every key is optional; a missing file means all defaults. A broken
configuration is a ShoptalkError (exit 2), not a content problem.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import Pos
from .owners import HANDLE_HELP, ROLE_ID, is_handle
from .problems import Problem, Severity, ShoptalkError
from .rule_registry import RULES, RULES_PAGE, closest
from .yaml_reader import Document, read_yaml

CONFIG_FILE = "shoptalk.yml"
RULE_LEVELS = ("error", "warning", "notice", "off")

# Acronyms common in any business prose; a company adds its own under `allow_acronyms`.
DEFAULT_ACRONYMS = (
    "API",
    "CEO",
    "CFO",
    "CIO",
    "CISO",
    "COO",
    "CRO",
    "CTO",
    "CSV",
    "EOD",
    "EU",
    "EUR",
    "FAQ",
    "FYI",
    "GDPR",
    "HR",
    "HTML",
    "ID",
    "IT",
    "JSON",
    "OK",
    "PDF",
    "PM",
    "PR",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
    "SaaS",
    "UI",
    "UK",
    "URL",
    "US",
    "USA",
    "USD",
    "UTF",
    "UX",
    "VP",
    "YAML",
    "TBD",
    "ETA",
    "Q&A",
)

# Built-in classes of capitalised words that are not acronyms (see shoptalk.check.knowledge);
# each is on unless ``knowledge:`` in shoptalk.yml switches it off.
KNOWLEDGE_CLASSES = (
    "regions",
    "time_zones",
    "fiscal_periods",
    "placeholders",
    "numbered_codes",
    "company_names",
    "english_words",
)


@dataclass(frozen=True)
class Config:
    """Settings that tune the language's rules for one company."""

    root: Path
    glossary: Path
    docs: Path
    review_every: int = 180
    max_definition_words: int = 35
    rules: Mapping[str, str] = field(default_factory=dict)
    allow_acronyms: tuple[str, ...] = DEFAULT_ACRONYMS
    teams: Mapping[str, str] = field(default_factory=dict)
    # Who must approve changes to what decides trust: settings, schemas, workflows.
    admins: tuple[str, ...] = ()
    link_first_mention: bool = True
    # The A–Z shows at most this many entries a page: past it, a page per letter.
    a_to_z_page_size: int = 500
    knowledge: frozenset[str] = frozenset(KNOWLEDGE_CLASSES)
    today: dt.date = field(default_factory=dt.date.today)
    # Files (resolved) new or changed since the base branch, when one is known: a clash
    # between two files is reported on the one that changed. None: on both.
    changed: frozenset[Path] | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def level(self, rule: str, default: Severity) -> Severity | None:
        """The configured severity of ``rule``; None when it is switched off."""
        level = self.rules.get(rule, default)
        if level == "off":
            return None
        return "error" if level == "error" else "notice" if level == "notice" else "warning"

    def adjust(self, problem: Problem) -> Problem | None:
        """``problem`` at its rule's configured severity; None when the rule is off."""
        level = self.level(problem.rule, problem.severity)
        if level is None or level == problem.severity:
            return None if level is None else problem
        return problem.with_severity(level)


_KEYS = (
    "glossary",
    "docs",
    "review_every",
    "max_definition_words",
    "rules",
    "allow_acronyms",
    "teams",
    "admins",
    "link_first_mention",
    "knowledge",
    "a_to_z_page_size",
)
_ROLE_ID = re.compile(ROLE_ID)


def _handle_problems(doc: Document, data: Mapping[str, Any]) -> list[Problem]:
    """Every ``teams:`` and ``admins:`` entry that is not one valid handle, at its place.

    These values are written into CODEOWNERS, where a line break or a second
    word would hand files to someone else; so they are checked on every load.
    """
    problems: list[Problem] = []

    def bad(key_path: str, message: str, *, at_key: bool = False) -> None:
        where = doc.keys if at_key else doc.values
        pos = where.get(key_path) or doc.values.get(key_path.partition(".")[0], Pos(1, 1))
        problems.append(Problem(doc.display, pos.line, pos.col, "error", message, "bad-value"))

    teams = data.get("teams")
    if isinstance(teams, dict):
        for name, handle in teams.items():
            if not _ROLE_ID.fullmatch(str(name)):
                bad(f"teams.{name}", "teams: each key must be a role id such as "
                    "'sales-manager' (lowercase letters, digits and single hyphens)", at_key=True)
            if not is_handle(handle):
                bad(f"teams.{name}", f"teams.{name}: must be {HANDLE_HELP}, "
                    "with no spaces or line breaks")
    admins = data.get("admins")
    if isinstance(admins, list):
        for index, handle in enumerate(admins):
            if not is_handle(handle):
                bad(f"admins[{index}]", f"admins[{index}]: must be {HANDLE_HELP}, "
                    "with no spaces or line breaks")
    return problems


def _rule_problems(doc: Document, data: Mapping[str, Any]) -> list[Problem]:
    """Every ``rules:`` entry that names no registered rule or no level, at its place.

    A misspelt rule id would otherwise switch nothing off, silently.
    """
    rules = data.get("rules")
    if not isinstance(rules, dict):
        return []
    problems: list[Problem] = []
    for rule_id, level in rules.items():
        key = f"rules.{rule_id}"
        if rule_id not in RULES:
            pos = doc.keys.get(key) or doc.values.get("rules", Pos(1, 1))
            hint = closest(str(rule_id))
            problems.append(Problem(
                doc.display, pos.line, pos.col, "error",
                f"rules: unknown rule '{rule_id}'"
                + (f"; did you mean '{hint}'?" if hint else f"; see {RULES_PAGE}"),
                "bad-value"))
        elif level not in RULE_LEVELS:
            pos = doc.values.get(key) or doc.values.get("rules", Pos(1, 1))
            problems.append(Problem(
                doc.display, pos.line, pos.col, "error",
                f"rules maps a rule id to one of {', '.join(RULE_LEVELS)}; "
                f"{rule_id} is '{level}'", "bad-value"))
    return problems


def _knowledge(value: Any) -> frozenset[str]:
    """The enabled built-in classes: ``knowledge: {english_words: false}`` turns one off."""
    if value is None:
        return frozenset(KNOWLEDGE_CLASSES)
    if not isinstance(value, dict) or not all(isinstance(v, bool) for v in value.values()):
        raise ShoptalkError(f"{CONFIG_FILE}: knowledge maps a class to true or false, "
                            "e.g. knowledge: {english_words: false}")
    unknown = sorted(set(map(str, value)) - set(KNOWLEDGE_CLASSES))
    if unknown:
        raise ShoptalkError(f"{CONFIG_FILE}: knowledge: unknown class "
                            f"{', '.join(map(repr, unknown))}; classes: "
                            f"{', '.join(KNOWLEDGE_CLASSES)}")
    return frozenset(c for c in KNOWLEDGE_CLASSES if value.get(c, True))


def load_config(root: Path | None = None, path: Path | None = None) -> Config:
    """Read ``shoptalk.yml`` (or ``path``); defaults for whatever it leaves out."""
    root = (root or Path.cwd()).resolve()
    file = path or root / CONFIG_FILE
    data: dict[str, Any] = {}
    if path is not None and not file.is_file():
        raise ShoptalkError(f"{file}: configuration file not found")
    if file.is_file():
        doc = read_yaml(file, file.name)
        if doc.problems:
            raise ShoptalkError("\n".join(p.format() for p in doc.problems))
        if doc.data is not None and not isinstance(doc.data, dict):
            raise ShoptalkError(f"{file.name}: expected a mapping of settings")
        data = doc.data or {}
        problems = _handle_problems(doc, data) + _rule_problems(doc, data)
        if problems:
            raise ShoptalkError("\n".join(p.format() for p in sorted(problems)))
        unknown = sorted(set(data) - set(_KEYS))
        if unknown:
            raise ShoptalkError(
                f"{file.name}: unknown setting {', '.join(map(repr, unknown))}; "
                f"allowed: {', '.join(_KEYS)}"
            )
        root = file.resolve().parent

    def number(key: str, default: int) -> int:
        value = data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ShoptalkError(f"{CONFIG_FILE}: {key} must be a whole number above 0")
        return value

    rules = data.get("rules") or {}
    if not isinstance(rules, dict) or any(v not in RULE_LEVELS for v in rules.values()):
        raise ShoptalkError(
            f"{CONFIG_FILE}: rules maps a rule id to one of {', '.join(RULE_LEVELS)}"
        )
    acronyms = data.get("allow_acronyms", [])
    if not isinstance(acronyms, list) or not all(isinstance(a, str) for a in acronyms):
        raise ShoptalkError(f"{CONFIG_FILE}: allow_acronyms must be a list of words")
    teams = data.get("teams") or {}
    if not isinstance(teams, dict):
        raise ShoptalkError(f"{CONFIG_FILE}: teams maps an owner to a code-review handle")
    admins = data.get("admins") or []
    if not isinstance(admins, list):
        raise ShoptalkError(f"{CONFIG_FILE}: admins is a list of handles, "
                            "e.g. admins: ['@your-org/enablement-admins']")
    link_first = data.get("link_first_mention", True)
    if not isinstance(link_first, bool):
        raise ShoptalkError(f"{CONFIG_FILE}: link_first_mention must be true or false")
    return Config(
        knowledge=_knowledge(data.get("knowledge")),
        root=root,
        glossary=root / str(data.get("glossary", "glossary")),
        docs=root / str(data.get("docs", "docs")),
        review_every=number("review_every", 180),
        max_definition_words=number("max_definition_words", 35),
        rules={str(k): str(v) for k, v in rules.items()},
        allow_acronyms=(*DEFAULT_ACRONYMS, *acronyms),
        teams={str(k): str(v) for k, v in teams.items()},
        admins=tuple(admins),
        link_first_mention=link_first,
        a_to_z_page_size=number("a_to_z_page_size", 500),
        extra=data,
    )


__all__ = ["CONFIG_FILE", "DEFAULT_ACRONYMS", "KNOWLEDGE_CLASSES", "RULE_LEVELS", "Config",
           "load_config"]
