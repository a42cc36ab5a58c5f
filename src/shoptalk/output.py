"""Printing problems: text for people, json for tools, github annotations, SARIF."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from .problems import Problem, visible
from .rule_registry import RULES

FORMATS = ("text", "json", "github", "sarif")
JSON_VERSION = 1

_COLOURS = {
    "error": "\033[31m",
    "warning": "\033[33m",
    "notice": "\033[36m",
    "path": "\033[1m",
    "reset": "\033[0m",
}


def use_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    return "NO_COLOR" not in os.environ and hasattr(stream, "isatty") and stream.isatty()


def summary(problems: Sequence[Problem], cause: str = "") -> str:
    """The closing line: ``cause`` first (files that failed to load, say), then counts of
    errors, warnings and notices, and in how many files."""
    if cause:
        return f"{visible(cause)}. {summary(problems)}"  # file names may hold controls
    errors = sum(p.severity == "error" for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)
    notices = len(problems) - errors - warnings
    files = len({p.path for p in problems})
    if not problems:
        return "no problems found"
    counts = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    if notices:
        counts += f", {notices} notice{'s' * (notices != 1)}"
    return f"{counts} in {files} file{'s' * (files != 1)}"


def format_text(problems: Sequence[Problem], *, colour: bool = False, grouped: bool = False,
                cause: str = "") -> str:
    """Problems one a line, optionally coloured or grouped by file, then the summary."""
    lines: list[str] = []
    current = None
    for p in problems:
        if grouped and p.path != current:
            if current is not None:
                lines.append("")
            path = visible(p.path)
            lines.append(f"{_COLOURS['path']}{path}{_COLOURS['reset']}" if colour else path)
            current = p.path
        text = p.format()
        if colour:
            level = f"{_COLOURS[p.severity]}{p.severity}{_COLOURS['reset']}"
            where, message = visible(f"{p.path}:{p.line}:{p.col}"), visible(p.message)
            text = f"{where}: {level}: {message} [{visible(p.rule)}]"
        lines.append(f"  {text}" if grouped else text)
    lines.append(summary(problems, cause))
    return "\n".join(lines)


def to_dict(p: Problem) -> dict[str, Any]:
    """One problem as the JSON output's object."""
    found = {
        "path": p.path,
        "line": p.line,
        "col": p.col,
        "end_col": p.end_col,
        "severity": p.severity,
        "rule": p.rule,
        "message": p.message,
        "replacement": p.replacement,
    }
    if p.also:  # one finding standing for every use on the page
        found.update(count=1 + len(p.also), also_lines=sorted(set(p.also)))
    return found


def _json(data: Any) -> str:
    """Indented JSON in which every invisible or terminal-controlling character is escaped.

    ``ensure_ascii=False`` keeps names readable but would pass C1 controls and bidi
    overrides through raw; outside strings JSON holds only ASCII, so escaping is exact.
    """
    text = json.dumps(data, indent=2, ensure_ascii=False)
    if text.replace("\n", "").isprintable():
        return text
    return "".join(c if c == "\n" or visible(c) == c else json.dumps(c)[1:-1] for c in text)


def format_json(problems: Sequence[Problem]) -> str:
    """Problems and their counts as a JSON document."""
    errors = sum(p.severity == "error" for p in problems)
    warnings = sum(p.severity == "warning" for p in problems)
    return _json(
        {
            "version": JSON_VERSION,
            "problems": [to_dict(p) for p in problems],
            "summary": {
                "errors": errors,
                "warnings": warnings,
                "notices": len(problems) - errors - warnings,
            },
        }
    )


def _escape_github(text: str, *, prop: bool = False) -> str:
    text = visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def format_github(problems: Sequence[Problem], cause: str = "") -> str:
    """GitHub Actions workflow commands: one annotation per problem."""
    lines = []
    for p in problems:
        props = f"file={_escape_github(p.path, prop=True)},line={p.line},col={p.col}"
        if p.end_col is not None:
            props += f",endColumn={p.end_col}"
        props += f",title={_escape_github(p.rule, prop=True)}"
        lines.append(f"::{p.severity} {props}::{_escape_github(p.message)}")
    lines.append(summary(problems, cause))
    return "\n".join(lines)


def _sarif_rule(rule_id: str, rules: dict[str, str]) -> dict[str, object]:
    """SARIF metadata for one rule: its summary and its section of the rules page."""
    rule = RULES.get(rule_id)
    if rule is None:  # not registered (the registry test keeps this from shipping)
        return {"id": rule_id, "shortDescription": {"text": rules.get(rule_id, rule_id)}}
    return {"id": rule_id, "shortDescription": {"text": rule.summary}, "helpUri": rule.anchor,
            "defaultConfiguration": {"level": _sarif_level(rule.level)}}


def _sarif_level(severity: str) -> str:
    return "note" if severity == "notice" else severity


def format_sarif(
    problems: Sequence[Problem], *, tool: str = "shoptalk", rules: dict[str, str] | None = None
) -> str:
    """Problems as a SARIF 2.1.0 log, with each rule's registered metadata."""
    from . import __version__

    rule_ids = sorted({p.rule for p in problems} | set(rules or {}))
    return _json(
        {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": tool,
                            "version": __version__,
                            "rules": [_sarif_rule(r, rules or {}) for r in rule_ids],
                        }
                    },
                    "results": [
                        {
                            "ruleId": p.rule,
                            "level": _sarif_level(p.severity),
                            "message": {"text": p.message},
                            "locations": [
                                {
                                    "physicalLocation": {
                                        "artifactLocation": {"uri": p.path},
                                        "region": {
                                            "startLine": p.line,
                                            "startColumn": p.col,
                                            **({"endColumn": p.end_col} if p.end_col else {}),
                                        },
                                    }
                                }
                            ],
                        }
                        for p in problems
                    ],
                }
            ],
        }
    )


def emit(
    problems: Sequence[Problem],
    fmt: str,
    *,
    stream: TextIO | None = None,
    grouped: bool = False,
    rules: dict[str, str] | None = None,
    cause: str = "",
) -> None:
    """Write ``problems`` to ``stream`` (stdout) in the format ``fmt`` names."""
    out = stream or sys.stdout
    if fmt == "json":
        text = format_json(problems)
    elif fmt == "github":
        text = format_github(problems, cause)
    elif fmt == "sarif":
        text = format_sarif(problems, rules=rules)
    else:
        text = format_text(problems, colour=use_colour(out), grouped=grouped, cause=cause)
    out.write(text + "\n")


__all__ = [
    "FORMATS", "JSON_VERSION", "emit", "format_github", "format_json", "format_sarif",
    "format_text", "summary", "to_dict", "use_colour"
]
