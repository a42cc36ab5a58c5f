"""What changed in the selling language between two glossaries, in its own terms.

A line diff of YAML tells a reviewer that line 7 moved; this says that a term
was renamed, an alias moved to another term, or a stage's probability changed
(which moves every forecast built on it, so those changes come first).
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..language import fold
from ..model import Glossary, Stage, Term

WordOp = tuple[str, str]  # ("=", "same words") | ("-", "removed") | ("+", "added")
_SKIP = frozenset({"id", "source"})


def word_diff(old: str, new: str) -> list[WordOp]:
    """A word-level diff: runs of kept, removed and added words."""
    a, b = old.split(), new.split()
    ops: list[WordOp] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            ops.append(("=", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            ops.append(("-", " ".join(a[i1:i2])))
        if j2 > j1:
            ops.append(("+", " ".join(b[j1:j2])))
    return ops


@dataclass(frozen=True)
class FieldChange:
    """One field of one record: old and new value (lists as added/removed items)."""

    field: str
    old: Any = None
    new: Any = None
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()


@dataclass(frozen=True)
class RecordChange:
    """The changed fields of one record that exists on both sides."""

    kind: str
    id: str
    name: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class ReportingChange:
    """A change that moves pipeline reporting: stage added/removed, probability, forecast."""

    stage: str
    name: str
    what: str  # added | removed | probability | forecast_category
    old: Any = None
    new: Any = None


@dataclass
class GlossaryDiff:
    """Every change between two glossaries, grouped the way a reviewer reads them."""

    reporting: list[ReportingChange] = field(default_factory=list)
    added: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # kind → (id, name)
    removed: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    renamed: list[tuple[str, str, str]] = field(default_factory=list)  # old id, new id, name
    definitions: list[tuple[str, str, list[WordOp]]] = field(default_factory=list)
    aliases_moved: list[tuple[str, str, str]] = field(default_factory=list)  # alias, from, to
    changed: list[RecordChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Nothing changed."""
        return not (self.reporting or any(self.added.values()) or any(self.removed.values())
                    or self.renamed or self.definitions or self.aliases_moved or self.changed)


def _text(value: Any) -> str:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return " / ".join(_text(v) for v in dataclasses.astuple(value) if v not in (None, "", ()))
    if isinstance(value, tuple):
        return ", ".join(map(_text, value))
    return str(value)


def field_changes(old: Any, new: Any, skip: Iterable[str] = ()) -> list[FieldChange]:
    """The fields of two records of one kind that differ; list fields as added/removed items."""
    changes: list[FieldChange] = []
    for f in dataclasses.fields(old):
        if f.name in _SKIP or f.name in skip:
            continue
        before, after = getattr(old, f.name), getattr(new, f.name)
        if before == after:
            continue
        if isinstance(before, tuple) and isinstance(after, tuple):
            gone = tuple(_text(v) for v in before if v not in after)
            came = tuple(_text(v) for v in after if v not in before)
            changes.append(FieldChange(f.name, added=came, removed=gone) if gone or came
                           else FieldChange(f.name, _text(before), _text(after)))  # reordered
        elif isinstance(before, Mapping) or isinstance(after, Mapping):
            changes.append(FieldChange(f.name, dict(before), dict(after)))
        else:
            changes.append(FieldChange(f.name, before, after))
    return changes


def _renames(old: Mapping[str, Term], new: Mapping[str, Term]) -> dict[str, str]:
    """Removed term id → added term id, where the content moved to a new id."""
    gone = [t for t in old.values() if t.id not in new]
    came = {(fold(t.name), t.definition): t for t in new.values() if t.id not in old}
    exact = {dataclasses.replace(t, id=""): t for t in new.values() if t.id not in old}
    found: dict[str, str] = {}
    for term in gone:
        match = exact.get(dataclasses.replace(term, id="")) or came.get(
            (fold(term.name), term.definition))
        if match is not None and match.id not in found.values():
            found[term.id] = match.id
    return found


def _alias_owners(terms: Mapping[str, Term]) -> dict[str, tuple[str, str]]:
    return {fold(a): (a, t.id) for t in terms.values() for a in t.aliases}


def _compare_terms(old: Glossary, new: Glossary, diff: GlossaryDiff) -> None:
    renames = _renames(old.terms, new.terms)
    diff.renamed = [(a, b, new.terms[b].name) for a, b in renames.items()]
    diff.added["term"] = [(t.id, t.name) for t in new.terms.values()
                          if t.id not in old.terms and t.id not in renames.values()]
    diff.removed["term"] = [(t.id, t.name) for t in old.terms.values()
                            if t.id not in new.terms and t.id not in renames]
    pairs = [(old.terms[i], new.terms[i]) for i in old.terms if i in new.terms]
    pairs += [(old.terms[a], new.terms[b]) for a, b in renames.items()]
    for before, after in pairs:
        if before.definition != after.definition:
            diff.definitions.append((after.id, after.name,
                                     word_diff(before.definition, after.definition)))
        fields = field_changes(before, after, skip=("definition",))
        if fields:
            diff.changed.append(RecordChange("term", after.id, after.name, tuple(fields)))
    was, now = _alias_owners(old.terms), _alias_owners(new.terms)
    for key, (alias, owner) in now.items():
        if key in was and renames.get(was[key][1], was[key][1]) != owner:
            diff.aliases_moved.append((alias, was[key][1], owner))


def _stage_fields(before: Stage, after: Stage) -> list[FieldChange]:
    fields = field_changes(before, after, skip=("probability", "forecast_category",
                                                "required_information"))
    old_info = {fold(i.item): i for i in before.required_information}
    new_info = {fold(i.item): i for i in after.required_information}
    gone = tuple(i.item for k, i in old_info.items() if k not in new_info)
    came = tuple(i.item for k, i in new_info.items() if k not in old_info)
    if gone or came:
        fields.append(FieldChange("required_information", added=came, removed=gone))
    for key, info in new_info.items():
        if key in old_info and old_info[key] != info:
            detail = "; ".join(describe(c) for c in field_changes(old_info[key], info))
            fields.append(FieldChange(f"required_information '{info.item}'", new=detail))
    return fields


def _describe(change: FieldChange) -> str:
    if change.added or change.removed:
        parts = [f"added {items(change.added)}" if change.added else "",
                 f"removed {items(change.removed)}" if change.removed else ""]
        return "; ".join(filter(None, parts))
    if change.old is None and isinstance(change.new, str):
        return change.new
    return f"{_text(change.old) if change.old is not None else 'none'} → " \
           f"{_text(change.new) if change.new is not None else 'none'}"


def _compare_stages(old: Glossary, new: Glossary, diff: GlossaryDiff) -> None:
    diff.added["stage"] = [(s.id, s.name) for s in new.stages_in_order() if s.id not in old.stages]
    diff.removed["stage"] = [(s.id, s.name) for s in old.stages_in_order()
                             if s.id not in new.stages]
    for stage_id, name in diff.added["stage"]:
        stage = new.stages[stage_id]
        diff.reporting.append(ReportingChange(stage_id, name, "added", None,
                                              _forecast(stage)))
    for stage_id, name in diff.removed["stage"]:
        diff.reporting.append(ReportingChange(stage_id, name, "removed",
                                              _forecast(old.stages[stage_id]), None))
    for after in new.stages_in_order():
        before = old.stages.get(after.id)
        if before is None:
            continue
        for what in ("probability", "forecast_category"):
            if getattr(before, what) != getattr(after, what):
                diff.reporting.append(ReportingChange(after.id, after.name, what,
                                                      getattr(before, what), getattr(after, what)))
        fields = _stage_fields(before, after)
        if fields:
            diff.changed.append(RecordChange("stage", after.id, after.name, tuple(fields)))


def _forecast(stage: Stage) -> str:
    parts = [f"order {stage.order}"]
    if stage.probability is not None:
        parts.append(f"probability {stage.probability}%")
    if stage.forecast_category:
        parts.append(f"forecast category {stage.forecast_category}")
    return ", ".join(parts)


def _compare_simple(kind: str, old: Mapping[str, Any], new: Mapping[str, Any],
                    diff: GlossaryDiff) -> None:
    diff.added[kind] = [(r.id, r.name) for r in new.values() if r.id not in old]
    diff.removed[kind] = [(r.id, r.name) for r in old.values() if r.id not in new]
    for record_id, after in new.items():
        if record_id in old:
            fields = field_changes(old[record_id], after)
            if fields:
                diff.changed.append(RecordChange(kind, record_id, after.name, tuple(fields)))


def compare(old: Glossary, new: Glossary) -> GlossaryDiff:
    """Every change from ``old`` to ``new``."""
    diff = GlossaryDiff()
    _compare_terms(old, new, diff)
    _compare_stages(old, new, diff)
    _compare_simple("role", old.roles, new.roles, diff)
    _compare_simple("framework", old.frameworks, new.frameworks, diff)
    _compare_simple("category", old.categories, new.categories, diff)
    return diff


def describe(change: FieldChange) -> str:
    """One field change in words: ``category 'a' → 'b'`` or ``aliases +x -y``."""
    return f"{change.field.replace('_', ' ')}: {_describe(change)}"


def items(values: Sequence[str]) -> str:
    """Values quoted and joined for a sentence: “a”, “b”."""
    return ", ".join(f"“{v}”" for v in values)


__all__ = [
    "FieldChange", "GlossaryDiff", "RecordChange", "ReportingChange", "WordOp", "compare",
    "describe", "field_changes", "items", "word_diff"
]
