"""The guidance a rep sees on a Salesforce Path step, written from the stage.

Purpose, exit criteria, and what to capture for whom: the same facts as the stage
page, as the small rich text a Path step holds. YAML text is untrusted, so it goes
in as escaped plain text; only our own tags (p, b, ul, li) are markup.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from ..model import Glossary, RequiredInfo, Stage
from ..render.safe import plain  # the submodule: render's pages import this package
from .fields import capture_field

# Salesforce Help gives no number for the Path guidance length that we could cite; 1,000
# characters of rich text (tags included) is the conservative value docs/crm.md explains.
GUIDANCE_LIMIT = 1000
MORE = "<p>More on the stage page.</p>"


@dataclass(frozen=True, slots=True)
class Guidance:
    """A Path step's rich text, and how much of the stage had to be left out to fit."""

    html: str
    left_out: int = 0  # exit criteria and capture items not shown
    full_length: int = 0  # the length before shortening


def _role(glossary: Glossary, role_id: str) -> str:
    role = glossary.roles.get(role_id)
    return (role.abbreviation or role.name) if role else role_id


def _text(value: str) -> str:
    return html.escape(plain(value), quote=False)


def _capture_line(glossary: Glossary, info: RequiredInfo) -> str:
    line = _text(info.item)
    where = capture_field(glossary, info, "salesforce")
    if where:
        line += f" ({_text(where)})"
    if info.needed_by:
        line += " – for " + ", ".join(_text(_role(glossary, r)) for r in info.needed_by)
    return f"<li>{line}</li>"


def _assemble(purpose: str, exits: list[str], captures: list[str], more: bool) -> str:
    parts = [f"<p><b>Purpose:</b> {purpose}</p>"]
    if exits:
        parts.append("<p><b>Exit criteria</b></p><ul>"
                     + "".join(f"<li>{e}</li>" for e in exits) + "</ul>")
    if captures:
        parts.append("<p><b>Capture</b></p><ul>" + "".join(captures) + "</ul>")
    if more:
        parts.append(MORE)
    return "".join(parts)


def _cut(text: str, excess: int) -> str:
    """``text`` shorter by ``excess`` characters (and one for the '…'), no entity split."""
    kept = text[:max(0, len(text) - excess - 1)]
    return re.sub(r"&[^;\s]*$", "", kept).rstrip() + "…"


def guidance(glossary: Glossary, stage: Stage, limit: int = GUIDANCE_LIMIT) -> Guidance:
    """The Path guidance for ``stage``, shortened to ``limit`` characters from the end."""
    purpose = _text(stage.purpose)
    exits = [_text(c) for c in stage.exit_criteria]
    captures = [_capture_line(glossary, i) for i in stage.required_information]
    full = _assemble(purpose, exits, captures, more=False)
    if len(full) <= limit:
        return Guidance(full, 0, len(full))
    left_out = 0
    # What to capture goes first, then exit criteria (one is always kept), then the purpose,
    # then the one exit criterion left.
    while len(_assemble(purpose, exits, captures, True)) > limit and (captures or len(exits) > 1):
        (captures if captures else exits).pop()
        left_out += 1
    excess = len(_assemble(purpose, exits, captures, True)) - limit
    if excess > 0 and len(purpose) > limit // 3:  # the purpose keeps a third of the room
        purpose = _cut(purpose, min(excess, len(purpose) - limit // 3))
    excess = len(_assemble(purpose, exits, captures, True)) - limit
    if excess > 0 and exits:
        exits[-1] = _cut(exits[-1], excess)
    return Guidance(_assemble(purpose, exits, captures, True), left_out, len(full))


def guidance_text(rich_text: str) -> str:
    """Rich text as the words a rep reads: tags dropped, entities decoded, spaces collapsed."""
    text = re.sub(r"<(?:/p|br\s*/?|/li|/ul)>", " ", rich_text, flags=re.I)
    text = re.sub(r"<[^>]*>", "", text)
    return " ".join(html.unescape(text).split())


__all__ = ["GUIDANCE_LIMIT", "Guidance", "guidance", "guidance_text"]
