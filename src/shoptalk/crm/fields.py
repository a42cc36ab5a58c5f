"""CRM field references: which Salesforce field or HubSpot property holds a fact.

A term or a required-information item may say ``crm: {salesforce: Opportunity.Amount,
hubspot: amount}``. The syntax is checked here, once, for the validator and the exports.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..model import Glossary, RequiredInfo

SYSTEMS = ("salesforce", "hubspot")

# An API name: letters, digits and single underscores, starting with a letter; optionally a
# namespace prefix (``ns__``) and a custom suffix (``__c``, ``__r``, ...).
_API_NAME = r"(?:[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*__)?[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*" \
            r"(?:__[a-z]{1,3})?"
SALESFORCE_FIELD = re.compile(rf"({_API_NAME})\.({_API_NAME})")
# HubSpot's rule for a property's internal name: lowercase letters, digits and underscores,
# starting with a letter.
HUBSPOT_PROPERTY = re.compile(r"[a-z][a-z0-9_]*")
EXAMPLES = {"salesforce": "Opportunity.Amount or Opportunity.Budget__c", "hubspot": "amount"}
PATH_OBJECT = "Opportunity"  # the object whose fields a Path step can show as key fields


def field_problem(system: str, reference: str) -> str | None:
    """Why ``reference`` is not a field reference for ``system``; None when it is one."""
    if system == "salesforce":
        if SALESFORCE_FIELD.fullmatch(reference):
            return None
        return (f"'{reference}' is not a Salesforce field reference; write Object.Field with "
                f"API names, e.g. {EXAMPLES['salesforce']}")
    if system == "hubspot":
        if HUBSPOT_PROPERTY.fullmatch(reference):
            return None
        return (f"'{reference}' is not a HubSpot property name; write the internal name: "
                f"lowercase letters, digits and underscores, e.g. {EXAMPLES['hubspot']}")
    return f"'{system}' is not a CRM this tool knows; use {' or '.join(SYSTEMS)}"


def key_field(crm: Mapping[str, str]) -> str | None:
    """The Opportunity field a Path step shows for this reference (``Amount``), if any."""
    match = SALESFORCE_FIELD.fullmatch(crm.get("salesforce", ""))
    if match and match.group(1) == PATH_OBJECT:
        return match.group(2)
    return None


def capture_field(glossary: Glossary, info: RequiredInfo, system: str) -> str | None:
    """The CRM field holding a required-information item: its own ``crm``, else its term's."""
    if system in info.crm:
        return info.crm[system]
    term = glossary.terms.get(info.term or "")
    return term.crm.get(system) if term else None


def capture_fields(glossary: Glossary, info: RequiredInfo) -> dict[str, str]:
    """Every CRM's field for a required-information item, in SYSTEMS order."""
    found = {s: capture_field(glossary, info, s) for s in SYSTEMS}
    return {s: f for s, f in found.items() if f}


__all__ = ["EXAMPLES", "PATH_OBJECT", "SYSTEMS", "capture_field", "capture_fields", "field_problem",
           "key_field"]
