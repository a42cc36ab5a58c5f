"""Salesforce: the pipeline as a metadata source tree, and such a tree read back.

Written in the Salesforce CLI's source format: the OpportunityStage standard value
set, one Path (``PathAssistant``) for Opportunity, and a ``package.xml`` manifest.
Output is deterministic (fixed element order, UTF-8, trailing newline) so the tree
diffs cleanly in git.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ..model import Glossary, Stage
from ..problems import Problem
from .fields import capture_field, key_field
from .guidance import GUIDANCE_LIMIT, guidance
from .pipeline import Export, duplicate_keys, forecast_of, key_of, probability_of
from .xml_source import METADATA_NS

API_VERSION = "62.0"
VALUE_SET = "standardValueSets/OpportunityStage.standardValueSet-meta.xml"
PATH_FOLDER = "pathAssistants"
PATH_SUFFIX = ".pathAssistant-meta.xml"
MANIFEST = "package.xml"
KEY_FIELD_LIMIT = 5  # Salesforce Help: up to five key fields per Path step
MASTER = "__MASTER__"
# A Path's name is a developer name: a letter, then letters, digits and single underscores.
DEVELOPER_NAME = re.compile(r"[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?<!_)")

# Element order within a standardValue and a Path, as the Salesforce CLI retrieves them.
VALUE_ELEMENTS = ("fullName", "default", "label", "closed", "forecastCategory", "probability",
                  "won")
PATH_ELEMENTS = ("active", "entityName", "fieldName", "masterLabel", "pathAssistantSteps",
                 "recordTypeName")
STEP_ELEMENTS = ("fieldNames", "info", "picklistValueName")


def _el(parent: ET.Element, name: str, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, f"{{{METADATA_NS}}}{name}")
    if text is not None:
        element.text = text
    return element


def _xml(root: ET.Element) -> str:
    ET.indent(root, "    ")
    body = ET.tostring(root, encoding="unicode", default_namespace=METADATA_NS)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def _flag(value: bool) -> str:
    return "true" if value else "false"


def value_set(glossary: Glossary) -> str:
    """``OpportunityStage.standardValueSet-meta.xml``: one standardValue per stage, in order."""
    root = ET.Element(f"{{{METADATA_NS}}}StandardValueSet")
    _el(root, "sorted", "false")
    stages = glossary.stages_in_order()
    first_open = next((s for s in stages if s.outcome is None), None)
    for stage in stages:
        value = _el(root, "standardValue")
        _el(value, "fullName", key_of(stage, "salesforce"))
        _el(value, "default", _flag(stage is first_open))
        _el(value, "label", stage.name)
        _el(value, "closed", _flag(stage.outcome is not None))
        _el(value, "forecastCategory", forecast_of(stage))
        probability = probability_of(stage)
        if probability is not None:
            _el(value, "probability", str(probability))
        _el(value, "won", _flag(stage.outcome == "won"))
    return _xml(root)


def key_fields(glossary: Glossary, stage: Stage) -> tuple[list[str], list[int]]:
    """The Opportunity fields of a stage's required information, and the items past the limit."""
    fields: list[str] = []
    over: list[int] = []
    for i, info in enumerate(stage.required_information):
        reference = capture_field(glossary, info, "salesforce")
        name = key_field({"salesforce": reference}) if reference else None
        if name is None or name in fields:
            continue
        if len(fields) == KEY_FIELD_LIMIT:
            over.append(i)
            continue
        fields.append(name)
    return fields, over


def path_assistant(glossary: Glossary, label: str, limit: int = GUIDANCE_LIMIT,
                   ) -> tuple[str, list[Problem]]:
    """A Path for Opportunity: one step per open stage with key fields and guidance."""
    problems: list[Problem] = []
    root = ET.Element(f"{{{METADATA_NS}}}PathAssistant")
    _el(root, "active", "true")
    _el(root, "entityName", "Opportunity")
    _el(root, "fieldName", "StageName")
    _el(root, "masterLabel", label)
    for stage in glossary.stages_in_order():
        if stage.outcome is not None:
            continue  # a closed stage has no step: Path shows its own close dialog
        step = _el(root, "pathAssistantSteps")
        fields, over = key_fields(glossary, stage)
        for name in fields:
            _el(step, "fieldNames", name)
        if over:
            where = stage.source.where(f"required_information[{over[0]}]")
            problems.append(Problem(
                stage.source.shown, where.line, where.col, "warning",
                f"stage '{stage.id}' names {KEY_FIELD_LIMIT + len(over)} Opportunity fields; a "
                f"Path step shows at most {KEY_FIELD_LIMIT} key fields, so the export keeps the "
                f"first {KEY_FIELD_LIMIT} (required_information[{over[0]}] and later are left "
                "out)", "crm-key-field-limit"))
        text = guidance(glossary, stage, limit)
        if text.left_out or text.full_length > limit:
            where = stage.source.where("exit_criteria")
            problems.append(Problem(
                stage.source.shown, where.line, where.col, "warning",
                f"the Path guidance for stage '{stage.id}' is {text.full_length} characters, "
                f"over the limit of {limit}; the export leaves out {text.left_out} "
                f"item{'s' * (text.left_out != 1)} from the end and points to the stage page",
                "crm-guidance-length"))
        _el(step, "info", text.html)
        _el(step, "picklistValueName", key_of(stage, "salesforce"))
    _el(root, "recordTypeName", MASTER)
    return _xml(root), problems


def manifest(path_name: str, api_version: str = API_VERSION) -> str:
    """``package.xml`` listing the Path and the value set."""
    root = ET.Element(f"{{{METADATA_NS}}}Package")
    for member, kind in ((path_name, "PathAssistant"), ("OpportunityStage", "StandardValueSet")):
        types = _el(root, "types")
        _el(types, "members", member)
        _el(types, "name", kind)
    _el(root, "version", api_version)
    return _xml(root)


def salesforce_tree(glossary: Glossary, *, path_name: str = "Sales_Path",
                    label: str = "Sales Path", limit: int = GUIDANCE_LIMIT) -> Export:
    """The source tree for the pipeline; errors (and no files) when it cannot be deployed."""
    problems = duplicate_keys(glossary, "salesforce")
    if problems:
        return Export({}, problems)
    path, notes = path_assistant(glossary, label, limit)
    return Export({
        MANIFEST: manifest(path_name),
        f"{PATH_FOLDER}/{path_name}{PATH_SUFFIX}": path,
        VALUE_SET: value_set(glossary),
    }, notes)


__all__ = ["API_VERSION", "DEVELOPER_NAME", "KEY_FIELD_LIMIT", "MANIFEST", "PATH_ELEMENTS",
           "PATH_FOLDER", "PATH_SUFFIX", "STEP_ELEMENTS", "VALUE_ELEMENTS", "VALUE_SET",
           "key_fields", "manifest", "path_assistant", "salesforce_tree", "value_set"]
