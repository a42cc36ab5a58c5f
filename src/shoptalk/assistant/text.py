"""Records as plain Markdown for assistants: one block per term, stage, role and framework.

``llms-full.txt``, the server's answers and its resources all show a record through these
functions, so an assistant reads the same words wherever it asks. Every YAML value is
hostile: it goes through ``line`` (the site's ``plain``: one line, markup and entities
resolved, no ``<`` or ``>``) and is only ever written after a label or list marker this
module writes, so a value cannot start a heading, a link list or a block of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..model import Framework, Glossary, Role, Stage, Term
from ..render.safe import plain

__all__ = ["framework_block", "label", "line", "role_block", "role_names", "stage_block",
           "term_block", "term_heading"]

UrlOf = Callable[[str, str], str | None]  # (kind, id) -> the page's URL, or None


def line(value: object) -> str:
    """``value`` as inert one-line text (what the site shows in a tooltip)."""
    return plain(value)


def label(value: object) -> str:
    """``line`` fit for a link label: brackets become parentheses, so no label can close
    the link early and add a link of its own."""
    return line(value).replace("[", "(").replace("]", ")")


def _items(title: str, values: Iterable[object]) -> list[str]:
    shown = [f"  - {line(v)}" for v in values if line(v)]
    return [f"- {title}:", *shown] if shown else []


def _field(title: str, value: object) -> list[str]:
    text = line(value) if value not in (None, "") else ""
    return [f"- {title}: {text}"] if text else []


def role_names(glossary: Glossary, role_ids: Iterable[str]) -> str:
    """Roles as readers know them: "Account Executive (AE), Deal Desk"; unknown ids as
    written (owners may be team handles)."""
    shown = []
    for role_id in role_ids:
        role = glossary.roles.get(role_id)
        if role is None:
            shown.append(line(role_id))
        else:
            abbreviation = f" ({line(role.abbreviation)})" if role.abbreviation else ""
            shown.append(f"{line(role.name)}{abbreviation}")
    return ", ".join(shown)


def term_heading(term: Term) -> str:
    """A term's name with its abbreviation: "Sales-accepted opportunity (SAO)"."""
    abbreviation = f" ({line(term.abbreviation)})" if term.abbreviation else ""
    return f"{line(term.name)}{abbreviation}"


def _term_names(glossary: Glossary, ids: Iterable[str]) -> str:
    return ", ".join(term_heading(glossary.terms[i]) for i in ids if i in glossary.terms)


def term_block(glossary: Glossary, term: Term, related: Iterable[str], url_of: UrlOf,
               *, level: int = 3) -> list[str]:
    """A term: definition, wordings, avoided wording and why, related terms, status, page."""
    lines = [f"{'#' * level} {term_heading(term)}", "", *_field("Id", term.id),
             *_field("Definition", term.definition), *_field("Context", term.context)]
    if term.deprecated:
        replacement = glossary.terms.get(term.replaced_by or "")
        lines.append("- Status: deprecated" + (
            f"; say {term_heading(replacement)} instead" if replacement else ""))
    lines += _field("Abbreviation", term.abbreviation)
    lines += _field("Also called", ", ".join(line(a) for a in term.aliases))
    if term.avoid:
        lines.append("- Avoid saying:")
        for avoid in term.avoid:
            why = f" (why: {line(avoid.why)})" if line(avoid.why) else ""
            lines.append(f"  - \"{line(avoid.text)}\"{why}")
    category = glossary.categories.get(term.category)
    lines += _field("Category", category.name if category else term.category)
    lines += _field("Broader", _term_names(glossary, [term.broader] if term.broader else []))
    lines += _field("Related", _term_names(glossary, related))
    lines += _field("Matters at stages", ", ".join(
        line(glossary.stages[s].name) for s in term.stages if s in glossary.stages))
    lines += _items("Examples", term.examples)
    lines += _field("Owner", role_names(glossary, [term.owner]))
    lines += _field("Page", url_of("term", term.id))
    return lines


def stage_block(glossary: Glossary, stage: Stage, url_of: UrlOf, *, level: int = 3
                ) -> list[str]:
    """A stage: purpose, criteria, required information and who needs it, handoffs, misses."""
    lines = [f"{'#' * level} Stage {stage.order}: {line(stage.name)}", "",
             *_field("Id", stage.id), *_field("Purpose", stage.purpose),
             *_field("Owner", role_names(glossary, [stage.owner])),
             *_field("Supporting", role_names(glossary, stage.supporting)),
             *_items("Entry criteria", stage.entry_criteria),
             *_items("Exit criteria", stage.exit_criteria)]
    if stage.required_information:
        lines.append("- Required information (what must be captured, and who needs it):")
        for info in stage.required_information:
            needed = role_names(glossary, info.needed_by) or "nobody named"
            lines.append(f"  - {line(info.item)}. Needed by: {needed}. Why: {line(info.why)}")
    if stage.handoffs:
        lines.append("- Handoffs:")
        for handoff in stage.handoffs:
            when = f" (when: {line(handoff.when)})" if handoff.when else ""
            lines.append(f"  - to {role_names(glossary, [handoff.to])}: "
                         f"{line(handoff.what)}{when}")
    if stage.common_misses:
        lines.append("- Common misses:")
        for miss in stage.common_misses:
            cost = f" Consequence: {line(miss.consequence)}" if miss.consequence else ""
            lines.append(f"  - {line(miss.miss)}{cost}")
    lines += _items("Activities", stage.activities)
    lines += _items("Deliverables", stage.deliverables)
    lines += _field("Framework elements to know by exit", ", ".join(
        _element_name(glossary, ref) for ref in stage.framework_elements))
    lines += _field("Probability", f"{stage.probability}%" if stage.probability is not None
                    else None)
    lines += _field("Forecast category", stage.forecast_category)
    lines += _field("Page", url_of("stage", stage.id))
    return lines


def _element_name(glossary: Glossary, ref: str) -> str:
    framework_id, _, element_id = ref.partition(".")
    framework = glossary.frameworks.get(framework_id)
    element = framework.element(element_id) if framework else None
    if framework is None or element is None:
        return line(ref)
    return f"{line(element.name)} ({line(framework.abbreviation or framework.name)})"


def role_block(glossary: Glossary, role: Role, url_of: UrlOf, *, level: int = 3) -> list[str]:
    """A role: who they are, what they do, and what each stage owes them."""
    abbreviation = f" ({line(role.abbreviation)})" if role.abbreviation else ""
    lines = [f"{'#' * level} {line(role.name)}{abbreviation}", "", *_field("Id", role.id),
             *_field("Team", role.team), *_field("Description", role.description),
             *_items("Responsibilities", role.responsibilities)]
    needs = [f"{line(stage.name)}: {line(info.item)}"
             for stage in glossary.stages_in_order() for info in stage.required_information
             if role.id in info.needed_by]
    lines += _items("Needs from earlier stages", needs)
    lines += _field("Page", url_of("role", role.id))
    return lines


def framework_block(glossary: Glossary, framework: Framework, url_of: UrlOf, *,
                    level: int = 3) -> list[str]:
    """A framework: purpose and each element with its definition and when it must be known."""
    abbreviation = f" ({line(framework.abbreviation)})" if framework.abbreviation else ""
    lines = [f"{'#' * level} {line(framework.name)}{abbreviation}", "",
             *_field("Id", framework.id), *_field("Purpose", framework.purpose)]
    if framework.elements:
        lines.append("- Elements:")
        for element in framework.elements:
            stage = glossary.stages.get(element.known_by or "")
            known = f" Known by: {line(stage.name)}." if stage else ""
            lines.append(f"  - {line(element.name)}: {line(element.definition)}{known}")
    lines += _field("Page", url_of("framework", framework.id))
    return lines
