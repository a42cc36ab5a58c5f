"""The pipeline as a CRM holds it: one neutral shape for Salesforce and HubSpot.

The YAML is turned into the stages each CRM should hold (:func:`expected`), and a
CRM's files are read into the same shape, so one comparison serves both systems.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..language import fold
from ..model import Glossary, Stage
from ..problems import Problem, Severity

System = Literal["salesforce", "hubspot"]
SYSTEM_NAMES: dict[str, str] = {"salesforce": "Salesforce", "hubspot": "HubSpot"}

# Our forecast categories and Salesforce's ForecastCategoryName values.
FORECAST = {"pipeline": "Pipeline", "best_case": "BestCase", "commit": "Commit",
            "closed": "Closed", "omitted": "Omitted"}
HUBSPOT_STEP = 10  # HubSpot's deal probability: 0.0-1.0 in steps of 0.1, i.e. 10 percent


@dataclass(frozen=True, slots=True, order=True)
class Place:
    """Where a value stands in a CRM file (or a stage file): path, 1-based line and column."""

    path: str
    line: int
    col: int

    def problem(self, severity: Severity, message: str, rule: str) -> Problem:
        """A problem at this place."""
        return Problem(self.path, self.line, self.col, severity, message, rule)


@dataclass(frozen=True, slots=True)
class CrmStage:
    """One stage as a CRM holds it; None where the CRM (or its API version) says nothing.

    ``key`` is the CRM's own value for the stage (Salesforce's picklist value name,
    HubSpot's stage id) and is None when the CRM file gives none.
    """

    key: str | None
    label: str
    position: int  # 0-based place in the pipeline
    probability: int | None = None  # percent
    forecast: str | None = None  # Salesforce's name, e.g. BestCase
    closed: bool | None = None
    won: bool | None = None
    guidance: str | None = None  # the Path step's rich text, as the CRM holds it
    key_fields: tuple[str, ...] | None = None
    places: dict[str, Place] = field(default_factory=dict, compare=False)
    stage: Stage | None = field(default=None, compare=False)  # ours, for expected stages

    def where(self, name: str = "") -> Place:
        """The place of field ``name``, or of the stage itself."""
        return self.places.get(name) or self.places[""]


@dataclass(frozen=True, slots=True)
class CrmPipeline:
    """A CRM's pipeline as read from its files, with where it stands."""

    system: System
    stages: tuple[CrmStage, ...]
    place: Place  # the element or object holding the stages
    api_version: str | None = None
    has_guidance: bool = False  # whether a Path (guidance and key fields) was read


def key_of(stage: Stage, system: System) -> str:
    """The CRM's value for ``stage``: its ``crm`` id for ``system``, else its name."""
    return stage.crm.get(system) or stage.name


def forecast_of(stage: Stage) -> str:
    """Salesforce's forecast category for ``stage``; by outcome when the YAML gives none."""
    if stage.forecast_category in FORECAST:
        return FORECAST[stage.forecast_category]
    return {"won": "Closed", "lost": "Omitted"}.get(stage.outcome or "", "Pipeline")


def probability_of(stage: Stage) -> int | None:
    """The win probability in percent; 100 for a won and 0 for a lost stage without one."""
    if stage.probability is not None:
        return stage.probability
    return {"won": 100, "lost": 0}.get(stage.outcome or "")


def on_hubspot_grid(percent: int) -> int:
    """The nearest probability HubSpot can hold (a multiple of 10, halves rounded up)."""
    return min(100, max(0, (percent + HUBSPOT_STEP // 2) // HUBSPOT_STEP * HUBSPOT_STEP))


def duplicate_keys(glossary: Glossary, system: System) -> list[Problem]:
    """Stages that map to one CRM value: the CRM could hold only one of them."""
    problems: list[Problem] = []
    seen: dict[str, Stage] = {}
    for stage in glossary.stages_in_order():
        key = key_of(stage, system)
        folded = fold(key)  # both CRMs treat values differing in case as one
        first = seen.setdefault(folded, stage)
        if first is stage:
            continue
        where = stage.source.where(f"crm.{system}" if system in stage.crm else "name")
        problems.append(Problem(
            stage.source.shown, where.line, where.col, "error",
            f"stage '{stage.id}' maps to the {SYSTEM_NAMES[system]} value '{key}', as stage "
            f"'{first.id}' does; one value cannot be two stages: give each its own "
            f"crm.{system}", "crm-duplicate-value"))
    return problems


__all__ = ["FORECAST", "HUBSPOT_STEP", "SYSTEM_NAMES", "CrmPipeline", "CrmStage", "Export", "Place",
           "System", "duplicate_keys", "forecast_of", "key_of", "on_hubspot_grid",
           "probability_of"]


@dataclass(frozen=True, slots=True)
class Export:
    """Files to write (relative path → text) and what the export had to report."""

    files: dict[str, str]
    problems: list[Problem]
