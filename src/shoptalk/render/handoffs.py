"""Who needs what from whom, by when: the handoff map and each role's own lists.

Everything here reads one computation, ``flows``: a stage's handoffs and the
required information other roles depend on, given by the stage's owner. A role's
"what I need" and "what I owe" (``role_handoffs``) and the matrix of every role
at once (``handoff_matrix``) are two views of it, so they cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from markupsafe import Markup

from ..model import Glossary, Stage
from . import safe
from .context import HANDOFF_MAP, ROLES_INDEX, SiteData
from .env import link
from .page import GeneratedPage, front_matter

# Anchors of the two lists on a role page (the headings' slugs); the picker links to them.
NEED_ANCHOR = "what-i-need"
OWE_ANCHOR = "what-i-owe"


@dataclass(frozen=True, slots=True)
class Flow:
    """One thing a stage's owner passes on: a handoff, or information others depend on."""

    stage: Stage
    giver: str
    takers: tuple[str, ...]
    what: str
    why: str
    when: str  # as the YAML says it; empty for information, due when the stage ends
    kind: str  # "handoff" | "information"

    @property
    def due(self) -> str:
        """By when: the handoff's own ``when``, else the end of the stage."""
        return self.when or f"By the end of {self.stage.name}."


@dataclass(frozen=True, slots=True)
class RoleHandoffs:
    """One role's side of the map: what it receives and what it gives, in stage order."""

    role: str
    needs: tuple[Flow, ...]
    owes: tuple[Flow, ...]


def flows(glossary: Glossary) -> Iterator[Flow]:
    """Everything that passes from a stage's owner to other roles, stage by stage.

    An owner needing its own information is no handoff: it is left out of ``takers``,
    and an item only the owner needs is no flow at all.
    """
    for stage in glossary.stages_in_order():
        for h in stage.handoffs:
            if h.to != stage.owner:
                yield Flow(stage, stage.owner, (h.to,), h.what, "", h.when or "", "handoff")
        for r in stage.required_information:
            takers = tuple(dict.fromkeys(t for t in r.needed_by if t != stage.owner))
            if takers:
                yield Flow(stage, stage.owner, takers, r.item, r.why, "", "information")


def role_handoffs(glossary: Glossary, role_id: str) -> RoleHandoffs:
    """What ``role_id`` needs (from whom, by when) and owes (to whom, by when)."""
    every = list(flows(glossary))
    return RoleHandoffs(role_id,
                        tuple(f for f in every if role_id in f.takers),
                        tuple(f for f in every if f.giver == role_id))


def _why(flow: Flow) -> Markup:
    """The reason (or the deadline of a handoff) behind a disclosure: tap, click or Enter
    opens it, where a ``title`` would need a mouse."""
    label, text = ("why", flow.why) if flow.why else ("when", flow.when)
    if not text:
        return Markup("")
    return (Markup(f'<details class="st-why"><summary>{label}</summary>')
            + safe.md_cell(text) + Markup("</details>"))


def handoff_matrix(site: SiteData, page: str) -> Markup:
    """Roles × stages: at each stage, what each role needs and from whom.

    The legend comes first; each entry's reason sits in a disclosure; the wrapper
    scrolls within the window so the stage row can stay on top (``shoptalk.css``).
    """
    stages = site.glossary.stages_in_order()
    cells: dict[tuple[str, str], list[Markup]] = {}
    for f in flows(site.glossary):
        mark = "→" if f.kind == "handoff" else "•"
        entry = (Markup(f'<span class="st-flow">{mark} from ') + site.role_link(f.giver, page)
                 + Markup(": ") + safe.md_cell(f.what) + Markup("</span>") + _why(f))
        for taker in f.takers:
            cells.setdefault((taker, f.stage.id), []).append(entry)
    for stage in stages:
        cells.setdefault((stage.owner, stage.id), []).insert(0, Markup("**owns**"))
        for r in stage.supporting:
            cells.setdefault((r, stage.id), []).insert(0, Markup("*supports*"))
    roles = [r for r in site.glossary.roles if any(k[0] == r for k in cells)]
    head = "| Role | " + " | ".join(site.stage_link(s.id, page) for s in stages) + " |"
    rows = [head, "| --- |" + " --- |" * len(stages)]
    for role in roles:
        row = [site.role_link(role, page)]
        row += [Markup("").join(cells.get((role, s.id), [])) for s in stages]
        rows.append("| " + " | ".join(row) + " |")
    legend = ('<p class="st-legend" markdown>**→** a handoff the role receives · **•** information '
              "the role needs captured · **owns** / *supports*: the role's part in the stage · "
              "open **why** or **when** under an entry for the reason or the deadline.</p>")
    return Markup(legend + '\n\n<div class="st-matrix" markdown>\n\n' + "\n".join(rows)
                  + "\n\n</div>\n")


def role_picker(site: SiteData, page: str) -> Markup:
    """A link per role to its own "what I need / what I owe" lists (no script needed)."""
    every = list(flows(site.glossary))
    involved = {f.giver for f in every} | {t for f in every for t in f.takers}
    roles = [r for r in site.glossary.roles if r in involved]
    links = [link(site.glossary.roles[r].name, page, f"{site.uri('role', r)}#{NEED_ANCHOR}",
                  f"What the {site.glossary.roles[r].name} needs and owes")
             for r in roles]
    return Markup('<div class="st-role-picker" markdown>\n\n'
                  "**Pick your role:** ") + Markup(" ").join(links) + Markup("\n\n</div>\n")


def handoff_page(site: SiteData) -> GeneratedPage:
    """The handoff map page: the role picker, then every role at once."""
    body = ("# Handoff map\n\nWho needs what from whom, stage by stage. Pick your role for "
            "your own list of what you need and what you owe, or read every role at "
            "once below.\n\n")
    markdown = (front_matter("Handoff map", hide=["navigation", "toc"]) + body
                + role_picker(site, HANDOFF_MAP) + "\n## Every role at once\n\n"
                + handoff_matrix(site, HANDOFF_MAP))
    return GeneratedPage(HANDOFF_MAP, markdown, site.glossary.root / "stages", ROLES_INDEX)


__all__ = ["NEED_ANCHOR", "OWE_ANCHOR", "Flow", "RoleHandoffs", "flows", "handoff_matrix",
           "handoff_page", "role_handoffs", "role_picker"]
