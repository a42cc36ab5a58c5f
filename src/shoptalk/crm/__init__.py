"""The pipeline where sellers work: Salesforce and HubSpot export, import and drift.

The YAML stays the one source: :func:`export_crm` writes the CRM's configuration
from it, :func:`read_crm` reads a CRM's files back (auto-detected), and
:func:`drift` says where they differ. Nothing here calls a CRM: no network.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Glossary
from ..problems import Problem, ShoptalkError, display_path
from ..rule_registry import summaries
from .drift import drift
from .fields import SYSTEMS, capture_field, capture_fields, field_problem, key_field
from .guidance import GUIDANCE_LIMIT, guidance
from .hubspot import hubspot_pipeline, read_hubspot
from .pipeline import CrmPipeline, CrmStage, Export, Place, System
from .salesforce import KEY_FIELD_LIMIT, salesforce_tree
from .salesforce_read import MAX_BYTES, read_salesforce

# Every rule id the CRM commands and the validator's CRM rule can report.
CRM_RULE_IDS: dict[str, str] = summaries(topic="crm")


def detect_crm(path: Path) -> System:
    """Which CRM's files ``path`` holds: a folder is a Salesforce tree, a .json HubSpot's."""
    if path.is_dir():
        return "salesforce"
    if path.suffix.lower() == ".json":
        return "hubspot"
    raise ShoptalkError(f"{path}: cannot tell which CRM this is; give a Salesforce source "
                        "folder or a HubSpot pipeline .json (or --crm salesforce|hubspot)")


def read_crm(path: Path, base: Path | None = None, system: System | None = None,
             pipeline: str | None = None) -> tuple[CrmPipeline | None, list[Problem]]:
    """A CRM's pipeline from ``path`` (a Salesforce tree or a HubSpot JSON), with problems."""
    system = system or detect_crm(path)
    if system == "salesforce":
        if not path.is_dir():
            raise ShoptalkError(f"{display_path(path, base)}: a Salesforce source tree is a "
                                "folder (the one holding standardValueSets/)")
        return read_salesforce(path, base)
    shown = display_path(path, base)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ShoptalkError(f"{shown}: larger than {MAX_BYTES} bytes; not a pipeline")
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise ShoptalkError(f"{shown}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ShoptalkError(f"{shown}: not UTF-8 text") from exc
    return read_hubspot(text, shown, pipeline)


def export_crm(glossary: Glossary, system: System, *, label: str | None = None,
               path_name: str = "Sales_Path") -> Export:
    """The files that configure ``system``'s pipeline, and what the export reports."""
    if system == "salesforce":
        return salesforce_tree(glossary, path_name=path_name, label=label or "Sales Path")
    return hubspot_pipeline(glossary, label or "Sales pipeline")


__all__ = ["CRM_RULE_IDS", "GUIDANCE_LIMIT", "KEY_FIELD_LIMIT", "SYSTEMS", "CrmPipeline",
           "CrmStage", "Export", "Place", "System", "capture_field", "capture_fields",
           "detect_crm", "drift", "export_crm", "field_problem", "guidance", "hubspot_pipeline",
           "key_field", "read_crm", "read_hubspot", "read_salesforce", "salesforce_tree"]
