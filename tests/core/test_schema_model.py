"""The JSON Schemas and the typed records agree field for field."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from shoptalk.model import (
    Category,
    Element,
    Framework,
    Handoff,
    Link,
    Miss,
    RequiredInfo,
    Role,
    Stage,
    Term,
)
from shoptalk.schema import KINDS, load_schema

ROOT = Path(__file__).resolve().parents[2]
# Fields a record carries that do not come from its file.
DERIVED = {"id", "source"}


def fields(cls: type) -> set[str]:
    return {f.name for f in dataclasses.fields(cls)} - DERIVED


def props(schema: dict) -> set[str]:  # type: ignore[type-arg]
    return set(schema["properties"])


@pytest.mark.parametrize(
    ("kind", "cls"), [("term", Term), ("stage", Stage), ("role", Role), ("framework", Framework)]
)
def test_record_fields_match_schema(kind: str, cls: type) -> None:
    assert fields(cls) == props(load_schema(kind))  # type: ignore[arg-type]


def test_nested_shapes_match_schema() -> None:
    term, stage = load_schema("term"), load_schema("stage")
    framework, categories = load_schema("framework"), load_schema("categories")
    assert {f.name for f in dataclasses.fields(Link)} == props(term["properties"]["links"]["items"])
    avoid_object = term["properties"]["avoid"]["items"]["anyOf"][1]
    assert {"text", "why"} == props(avoid_object)
    item = stage["properties"]
    assert fields(RequiredInfo) == props(item["required_information"]["items"])
    assert fields(Handoff) == props(item["handoffs"]["items"])
    assert fields(Miss) == props(item["common_misses"]["items"])
    assert fields(Element) | {"id"} == props(framework["properties"]["elements"]["items"])
    assert fields(Category) | {"id"} == props(categories["items"])


def test_required_fields_have_no_default_in_the_model() -> None:
    for kind, cls in (("term", Term), ("stage", Stage), ("role", Role), ("framework", Framework)):
        required = set(load_schema(kind)["required"])  # type: ignore[arg-type]
        no_default = {
            f.name
            for f in dataclasses.fields(cls)
            if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        }
        # exit_criteria / elements are required in files but may be empty while loading a broken one
        assert required - {"exit_criteria", "elements"} <= no_default, kind


@pytest.mark.parametrize("kind", KINDS)
def test_editors_see_the_same_schema_files(kind: str) -> None:
    shipped = ROOT / "src" / "shoptalk" / "schemas" / f"{kind}.schema.json"
    seen_by_editors = ROOT / "glossary" / "schema" / f"{kind}.schema.json"
    assert json.loads(seen_by_editors.read_text()) == json.loads(shipped.read_text())


def test_every_glossary_file_names_its_schema() -> None:
    for path in sorted((ROOT / "glossary").glob("*/*.yml")):
        if path.parent.name == "schema":
            continue
        kind = {"terms": "term", "stages": "stage", "roles": "role", "frameworks": "framework"}[
            path.parent.name
        ]
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schema/{kind}.schema.json", path
