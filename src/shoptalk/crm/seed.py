"""Seeding the stages of a company that starts from its CRM.

Each CRM stage becomes a stage file: name, order, probability, forecast category,
outcome and its ``crm`` id, and purpose and exit criteria from the Path guidance when
the CRM has it (placeholders to write otherwise). The files are new ones only: a
glossary that already has stages is compared with ``shoptalk crm diff`` instead.
"""

from __future__ import annotations

import html
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..load import SUFFIXES
from ..model import Glossary
from ..placeholders import PLACEHOLDER
from ..problems import Problem
from ..scaffold import slugify
from ..yaml_text import dump
from .guidance import guidance_text
from .pipeline import FORECAST, SYSTEM_NAMES, CrmPipeline, CrmStage

STAGES_FOLDER = "stages"
MODELINE = "# yaml-language-server: $schema=../schema/stage.schema.json\n"
_FROM_FORECAST = {v: k for k, v in FORECAST.items()}


@dataclass(frozen=True, slots=True)
class SeededStage:
    """A stage file about to be written."""

    id: str
    name: str
    path: Path
    text: str
    line: int  # where the stage stands in the CRM file


def _purpose_and_exits(rich: str | None) -> tuple[str | None, list[str]]:
    """Purpose and exit criteria from Path guidance written by our export (or any text)."""
    if not rich:
        return None, []
    found = re.search(r"<b>Purpose:</b>(.*?)</p>", rich, re.S)
    exits = re.search(r"<b>Exit criteria</b></p>\s*<ul>(.*?)</ul>", rich, re.S)
    items = [guidance_text(i) for i in re.findall(r"<li>(.*?)</li>", exits.group(1), re.S)] \
        if exits else []
    purpose = guidance_text(found.group(1)) if found else guidance_text(rich)
    return html.unescape(purpose) or None, [i for i in items if i]


def _outcome(crm: CrmStage) -> str | None:
    if not crm.closed:
        return None
    if crm.won is not None:
        return "won" if crm.won else "lost"
    return "won" if crm.probability == 100 else "lost"


def _record(crm: CrmStage, system: str, owner: str) -> dict[str, Any]:
    purpose, exits = _purpose_and_exits(crm.guidance)
    data: dict[str, Any] = {
        "name": crm.label, "order": crm.position + 1,
        "purpose": purpose or PLACEHOLDER["purpose"], "owner": owner,
        "exit_criteria": exits or [PLACEHOLDER["exit"]],
    }
    if crm.probability is not None:
        data["probability"] = crm.probability
    if crm.forecast in _FROM_FORECAST:
        data["forecast_category"] = _FROM_FORECAST[crm.forecast]
    outcome = _outcome(crm)
    if outcome:
        data["outcome"] = outcome
    if crm.key and crm.key != crm.label:
        data["crm"] = {system: crm.key}
    return data


def seed_stages(glossary: Glossary, pipeline: CrmPipeline, owner: str,
                ) -> tuple[list[SeededStage], list[Problem]]:
    """Stage files for every stage of ``pipeline``; problems where one cannot be written."""
    crm_name = SYSTEM_NAMES[pipeline.system]
    if glossary.stages:
        return [], [pipeline.place.problem(
            "error", f"the glossary already has {len(glossary.stages)} stages; importing "
            f"from {crm_name} seeds an empty pipeline. Compare the two instead: shoptalk crm "
            "diff", "crm-import-target")]
    folder = glossary.root / STAGES_FOLDER
    if os.path.lexists(folder) and not folder.resolve().is_relative_to(glossary.root.resolve()):
        return [], [pipeline.place.problem(
            "error", f"{STAGES_FOLDER}/ leads outside the glossary folder (a link); make it an "
            "ordinary folder", "crm-import-target")]
    seeded: list[SeededStage] = []
    problems: list[Problem] = []
    taken: set[str] = set()
    for crm in pipeline.stages:
        base = slugify(crm.label) or f"stage-{crm.position + 1}"
        stage_id, n = base, 2
        while stage_id in taken:
            stage_id, n = f"{base}-{n}", n + 1
        taken.add(stage_id)
        in_the_way = [folder / f"{stage_id}{s}" for s in SUFFIXES
                      if os.path.lexists(folder / f"{stage_id}{s}")]
        if in_the_way:
            problems.append(crm.where().problem(
                "error", f"'{crm.label}' would be stage '{stage_id}', but "
                f"{STAGES_FOLDER}/{in_the_way[0].name} is already there", "crm-import-target"))
            continue
        text = MODELINE + dump(_record(crm, pipeline.system, owner))
        seeded.append(SeededStage(stage_id, crm.label, folder / f"{stage_id}{SUFFIXES[0]}",
                                  text, crm.where().line))
    return seeded, problems


__all__ = ["SeededStage", "seed_stages"]
