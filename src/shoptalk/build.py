"""Typed records built from checked YAML documents.

Building is tolerant: the schema has already reported every bad value, so a value of
the wrong shape reads as absent and the record is built from what is usable.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .model import (
    FORECAST_CATEGORIES,
    OUTCOMES,
    Avoid,
    Element,
    Framework,
    Handoff,
    Link,
    Miss,
    RequiredInfo,
    Role,
    Source,
    Stage,
    Term,
)
from .schema import Kind, parse_date
from .yaml_reader import Document

__all__ = ["BUILDERS", "Fields", "build_framework", "build_role", "build_stage", "build_term"]


class Fields:
    """Tolerant access to a checked mapping: a value of the wrong shape reads as absent.

    The schema has already reported it, so building goes on with what is usable.
    """

    def __init__(self, data: Any) -> None:
        self.data = data if isinstance(data, dict) else {}

    def text(self, key: str, default: str | None = None) -> str | None:
        value = self.data.get(key)
        if isinstance(value, str):
            return value
        if isinstance(value, bool | int):
            return str(value).lower() if isinstance(value, bool) else str(value)
        return default

    def choice(self, key: str, choices: tuple[str, ...]) -> str | None:
        """One of ``choices``; any other value is the schema's to report, and reads as absent
        so that no rule builds a second problem on it."""
        value = self.text(key)
        return value if value in choices else None

    def req(self, key: str, default: str = "") -> str:
        return self.text(key) or default

    def number(self, key: str) -> int | None:
        value = self.data.get(key)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def flag(self, key: str) -> bool:
        return self.data.get(key) is True

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if not isinstance(value, list):
            return ()
        return tuple(str(v) for v in value if isinstance(v, str | int) and not isinstance(v, bool))

    def mapping(self, key: str) -> dict[str, str]:
        """A mapping of text to text (``crm``); entries of another shape are left out."""
        value = self.data.get(key)
        if not isinstance(value, dict):
            return {}
        return {str(k): v for k, v in value.items() if isinstance(v, str)}

    def items(self, key: str) -> list[Fields]:
        value = self.data.get(key)
        return [Fields(v) for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _source(doc: Document) -> Source:
    return Source(doc.path, doc.positions(), doc.display)


def build_term(record_id: str, doc: Document) -> Term:
    """The Term a loaded ``terms/`` document describes."""
    f = Fields(doc.data)
    avoid: list[Avoid] = []
    for item in f.data.get("avoid", []) if isinstance(f.data.get("avoid"), list) else []:
        if isinstance(item, str):
            avoid.append(Avoid(item))
        elif isinstance(item, dict) and isinstance(item.get("text"), str):
            why = item.get("why")
            avoid.append(Avoid(item["text"], why if isinstance(why, str) else ""))
    status = f.text("status")
    return Term(
        id=record_id,
        name=f.req("name", record_id),
        definition=f.req("definition"),
        category=f.req("category"),
        owner=f.req("owner"),
        source=_source(doc),
        abbreviation=f.text("abbreviation"),
        aliases=f.texts("aliases"),
        avoid=tuple(avoid),
        details=f.text("details"),
        examples=f.texts("examples"),
        related=f.texts("related"),
        broader=f.text("broader"),
        stages=f.texts("stages"),
        context=f.text("context"),
        status=status if status in ("draft", "approved", "deprecated") else "approved",
        replaced_by=f.text("replaced_by"),
        reviewed=parse_date(f.data.get("reviewed")),
        review_every=f.number("review_every"),
        core=f.flag("core"),
        proper_name=f.data.get("proper_name") if isinstance(f.data.get("proper_name"), bool)
        else None,
        links=tuple(Link(i.req("title"), i.req("url")) for i in f.items("links")),
        crm=f.mapping("crm"),
    )


def build_stage(record_id: str, doc: Document) -> Stage:
    """The Stage a loaded ``stages/`` document describes."""
    f = Fields(doc.data)
    return Stage(
        id=record_id,
        name=f.req("name", record_id),
        order=f.number("order") or 0,
        purpose=f.req("purpose"),
        owner=f.req("owner"),
        source=_source(doc),
        supporting=f.texts("supporting"),
        entry_criteria=f.texts("entry_criteria"),
        exit_criteria=f.texts("exit_criteria"),
        required_information=tuple(
            RequiredInfo(i.req("item"), i.req("why"), i.texts("needed_by"), i.text("term"),
                         i.mapping("crm"))
            for i in f.items("required_information")
        ),
        activities=f.texts("activities"),
        deliverables=f.texts("deliverables"),
        handoffs=tuple(
            Handoff(i.req("to"), i.req("what"), i.text("when")) for i in f.items("handoffs")
        ),
        probability=f.number("probability"),
        forecast_category=f.choice("forecast_category", FORECAST_CATEGORIES),
        typical_days=f.number("typical_days"),
        outcome=f.choice("outcome", OUTCOMES),
        common_misses=tuple(
            Miss(i.req("miss"), i.req("consequence")) for i in f.items("common_misses")
        ),
        framework_elements=f.texts("framework_elements"),
        crm=f.mapping("crm"),
        reviewed=parse_date(f.data.get("reviewed")),
        review_every=f.number("review_every"),
    )


def build_role(record_id: str, doc: Document) -> Role:
    """The Role a loaded ``roles/`` document describes."""
    f = Fields(doc.data)
    return Role(
        id=record_id,
        name=f.req("name", record_id),
        team=f.req("team"),
        description=f.req("description"),
        source=_source(doc),
        abbreviation=f.text("abbreviation"),
        responsibilities=f.texts("responsibilities"),
        reviewed=parse_date(f.data.get("reviewed")),
        review_every=f.number("review_every"),
        term=f.text("term"),
    )


def build_framework(record_id: str, doc: Document) -> Framework:
    """The Framework a loaded ``frameworks/`` document describes."""
    f = Fields(doc.data)
    return Framework(
        id=record_id,
        name=f.req("name", record_id),
        purpose=f.req("purpose"),
        source=_source(doc),
        abbreviation=f.text("abbreviation"),
        elements=tuple(
            Element(
                i.req("id"),
                i.req("name"),
                i.req("definition"),
                i.texts("questions"),
                i.texts("evidence"),
                i.text("known_by"),
            )
            for i in f.items("elements")
        ),
        reviewed=parse_date(f.data.get("reviewed")),
        review_every=f.number("review_every"),
    )


BUILDERS: dict[Kind, Callable[[str, Document], Any]] = {
    "term": build_term,
    "stage": build_stage,
    "role": build_role,
    "framework": build_framework,
}
