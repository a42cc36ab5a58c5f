"""Small glossaries written inline for the CRM tests, and the metadata's allowed elements."""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

from shoptalk import load_glossary
from shoptalk.model import Glossary

NS = "{http://soap.sforce.com/2006/04/metadata}"

ROLE = "name: Account executive\nabbreviation: AE\nteam: primary\ndescription: Sells.\n"
CATEGORIES = "- id: sales\n  name: Sales\n"


def stage(name: str, order: int, *, extra: str = "", exits: int = 1) -> str:
    """A stage file with ``exits`` exit criteria; ``extra`` is appended as YAML."""
    criteria = "".join(f"  - Exit criterion {i + 1} holds.\n" for i in range(exits))
    return (f"name: {name}\norder: {order}\npurpose: Move the deal on.\nowner: ae\n"
            f"exit_criteria:\n{criteria}" + textwrap.dedent(extra))


def write_glossary(root: Path, stages: dict[str, str], terms: dict[str, str] | None = None,
                   ) -> Glossary:
    """Write a glossary under ``root/glossary`` and load it (asserting it loads cleanly)."""
    folder = root / "glossary"
    for kind in ("stages", "roles", "terms"):
        (folder / kind).mkdir(parents=True, exist_ok=True)
    (folder / "categories.yml").write_text(CATEGORIES, encoding="utf-8")
    (folder / "roles" / "ae.yml").write_text(ROLE, encoding="utf-8")
    for stage_id, text in stages.items():
        (folder / "stages" / f"{stage_id}.yml").write_text(text, encoding="utf-8")
    for term_id, text in (terms or {}).items():
        (folder / "terms" / f"{term_id}.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    glossary, problems = load_glossary(folder, root)
    assert [p.format() for p in problems] == []
    return glossary


PIPELINE = {
    "qualify": stage("Qualify", 1, extra="""\
        probability: 10
        forecast_category: pipeline
        crm: {salesforce: Qualification, hubspot: appointmentscheduled}
        """),
    "discover": stage("Discover", 2, extra="""\
        probability: 20
        forecast_category: pipeline
        crm: {salesforce: Needs Analysis, hubspot: qualifiedtobuy}
        """),
    "won": stage("Closed won", 3, extra="""\
        probability: 100
        forecast_category: closed
        outcome: won
        crm: {salesforce: Closed Won, hubspot: closedwon}
        """),
    "lost": stage("Closed lost", 4, extra="""\
        probability: 0
        forecast_category: omitted
        outcome: lost
        crm: {salesforce: Closed Lost, hubspot: closedlost}
        """),
}

# The metadata elements each generated element may hold, in the order they must appear
# (the PathAssistant and StandardValueSet references in Salesforce's Metadata API guide).
ELEMENTS: dict[str, tuple[str, ...]] = {
    "StandardValueSet": ("sorted", "standardValue"),
    "standardValue": ("fullName", "default", "label", "closed", "forecastCategory", "probability",
                      "won"),
    "PathAssistant": ("active", "entityName", "fieldName", "masterLabel", "pathAssistantSteps",
                      "recordTypeName"),
    "pathAssistantSteps": ("fieldNames", "info", "picklistValueName"),
    "Package": ("types", "version"),
    "types": ("members", "name"),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "standardValue": ("fullName", "default", "label", "closed", "forecastCategory", "won"),
    "PathAssistant": ("active", "entityName", "fieldName", "masterLabel", "recordTypeName"),
    "pathAssistantSteps": ("info", "picklistValueName"),
    "Package": ("version",),
    "types": ("members", "name"),
}
BOOLEANS = {"sorted", "default", "closed", "won", "active"}
FORECASTS = {"Pipeline", "BestCase", "Commit", "Closed", "Omitted"}


def schema_problems(element: ET.Element) -> list[str]:
    """Where ``element`` (and what it holds) breaks ELEMENTS, REQUIRED and the value types."""
    found: list[str] = []
    name = element.tag.removeprefix(NS)
    if not element.tag.startswith(NS):
        found.append(f"{element.tag} is not in the metadata namespace")
    allowed = ELEMENTS.get(name)
    if allowed is None:
        text = element.text or ""
        if name in BOOLEANS and text not in ("true", "false"):
            found.append(f"{name} is {text!r}, not true/false")
        if name == "probability" and not (text.isdigit() and 0 <= int(text) <= 100):
            found.append(f"probability is {text!r}")
        if name == "forecastCategory" and text not in FORECASTS:
            found.append(f"forecastCategory is {text!r}")
        if len(element):
            found.append(f"{name} holds elements")
        return found
    children = [c.tag.removeprefix(NS) for c in element]
    unknown = [c for c in children if c not in allowed]
    if unknown:
        found.append(f"{name} holds {unknown}")
    ranks = [allowed.index(c) for c in children if c in allowed]
    if ranks != sorted(ranks):
        found.append(f"{name}'s elements are out of order: {children}")
    missing = [r for r in REQUIRED.get(name, ()) if r not in children]
    if missing:
        found.append(f"{name} lacks {missing}")
    for child in element:
        found += schema_problems(child)
    return found
