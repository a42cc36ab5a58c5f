"""How the CRMs name what the glossary names: a stage's picklist value, a term's field."""

from __future__ import annotations

from collections.abc import Mapping

from markupsafe import Markup

from . import safe

CRM_NAMES = {"salesforce": "Salesforce", "hubspot": "HubSpot"}


def _system(system: str) -> str:
    return CRM_NAMES.get(system, system)


def stage_names(crm: Mapping[str, str]) -> Markup:
    """A stage as each CRM shows it: "In Salesforce: **Needs Analysis** · In HubSpot: …"."""
    return Markup(" · ").join(
        Markup("In {}: **").format(_system(system)) + safe.md_inline(value) + Markup("**")
        for system, value in crm.items())


def field_names(crm: Mapping[str, str]) -> Markup:
    """Where each CRM holds a term: "In Salesforce: `Opportunity.Amount` · In HubSpot: …"."""
    return Markup(" · ").join(
        Markup("In {}: ").format(_system(system)) + safe.md_code(value)
        for system, value in crm.items())


def field_cell(fields: Mapping[str, str]) -> Markup:
    """Where the CRM holds a required item, after its text: ``<br>Salesforce: <code>…</code>``."""
    if not fields:
        return Markup("")
    shown = Markup(" · ").join(
        Markup("{}: <code>{}</code>").format(_system(system), field.replace("|", "\\|"))
        for system, field in fields.items())
    return Markup('<br><span class="st-crm">') + shown + Markup("</span>")


__all__ = ["CRM_NAMES", "field_cell", "field_names", "stage_names"]
