"""A GlossaryDiff as Markdown (pull-request comment, job summary) or JSON (tools)."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from .compare import FieldChange, GlossaryDiff, ReportingChange, WordOp, describe

_KINDS = (("term", "Terms"), ("stage", "Stages"), ("role", "Roles"), ("framework", "Frameworks"),
          ("category", "Categories"))


def _code(text: str) -> str:
    return f"`{text.replace('`', '')}`"


def _words(ops: list[WordOp]) -> str:
    # Struck-through removed words and bold added ones read well in a PR comment.
    out = []
    for op, text in ops:
        out.append(text if op == "=" else f"~~{text}~~" if op == "-" else f"**{text}**")
    return " ".join(out)


def _reporting_line(change: ReportingChange) -> str:
    who = f"stage {_code(change.stage)} ({change.name})"
    if change.what == "added":
        return f"- ⚠️ **{who} added**: {change.new}"
    if change.what == "removed":
        return f"- ⚠️ **{who} removed** (was {change.old})"
    label = "probability" if change.what == "probability" else "forecast category"
    unit = "%" if change.what == "probability" else ""
    old = "none" if change.old is None else f"{change.old}{unit}"
    new = "none" if change.new is None else f"{change.new}{unit}"
    return f"- ⚠️ **{who}: {label} {old} → {new}**"


def _field_line(change: FieldChange) -> str:
    return f"  - {describe(change)}"


def format_markdown(diff: GlossaryDiff, base: str, head: str) -> str:
    """The diff as Markdown; changes that move reporting first."""
    lines = [f"## Glossary changes: {_code(base)} → {_code(head)}", ""]
    if diff.empty:
        return "\n".join([*lines, "No changes to the glossary."]) + "\n"
    if diff.reporting:
        lines += ["### ⚠️ Changes that move reporting", "",
                  "These change how deals are forecast; check them with RevOps before merging.",
                  "", *map(_reporting_line, diff.reporting), ""]
    for kind, title in _KINDS:
        section = _kind_section(diff, kind)
        if section:
            lines += [f"### {title}", "", *section, ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _kind_section(diff: GlossaryDiff, kind: str) -> list[str]:
    lines: list[str] = []
    for label, entries in (("Added", diff.added.get(kind, [])),
                           ("Removed", diff.removed.get(kind, []))):
        lines += [f"- {label} {_code(i)} — {name}" for i, name in entries]
    if kind == "term":
        lines += [f"- Renamed {_code(a)} → {_code(b)} — {name} (same content, new id)"
                  for a, b, name in diff.renamed]
        lines += [f"- Alias “{alias}” moved from {_code(a)} to {_code(b)}"
                  for alias, a, b in diff.aliases_moved]
        lines += [f"- Definition of {_code(i)} ({name}) changed: {_words(ops)}"
                  for i, name, ops in diff.definitions]
    for change in diff.changed:
        if change.kind == kind:
            lines.append(f"- Changed {_code(change.id)} ({change.name}):")
            lines += map(_field_line, change.fields)
    return lines


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in dataclasses.asdict(value).items()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def to_json(diff: GlossaryDiff, base: str, head: str) -> str:
    """The diff as JSON: one object, stable keys, for tools and bots."""
    return json.dumps({
        "version": 1,
        "base": base,
        "head": head,
        "reporting": _plain(diff.reporting),
        "added": {k: [{"id": i, "name": n} for i, n in v] for k, v in diff.added.items()},
        "removed": {k: [{"id": i, "name": n} for i, n in v] for k, v in diff.removed.items()},
        "renamed": [{"from": a, "to": b, "name": n} for a, b, n in diff.renamed],
        "definitions": [{"id": i, "name": n, "diff": [list(op) for op in ops]}
                        for i, n, ops in diff.definitions],
        "aliases_moved": [{"alias": a, "from": f, "to": t} for a, f, t in diff.aliases_moved],
        "changed": [{"kind": c.kind, "id": c.id, "name": c.name,
                     "fields": [_field_json(f) for f in c.fields]} for c in diff.changed],
    }, indent=2, ensure_ascii=False, default=str)


def _field_json(change: FieldChange) -> dict[str, Any]:
    if change.added or change.removed:
        return {"field": change.field, "added": list(change.added),
                "removed": list(change.removed)}
    return {"field": change.field, "old": _plain(change.old), "new": _plain(change.new)}


__all__ = ["format_markdown", "to_json"]
