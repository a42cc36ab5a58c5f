"""HubSpot: the deal pipeline as the CRM pipelines API's JSON, and such JSON read back.

The export is the body of ``POST /crm/v3/pipelines/deals``. Reading accepts that body,
one pipeline as ``GET /crm/v3/pipelines/deals/{id}`` returns it, or the list ``GET
/crm/v3/pipelines/deals`` returns (pick one with ``pipeline``).
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any

from ..model import Glossary
from ..problems import Problem
from .json_source import JsonProblem, LocatedJson, parse_json
from .pipeline import (
    HUBSPOT_STEP,
    CrmPipeline,
    CrmStage,
    Export,
    Place,
    duplicate_keys,
    on_hubspot_grid,
    probability_of,
)

PIPELINE_FILE = "hubspot-deal-pipeline.json"


def _probability(percent: int) -> str:
    return f"{percent / 100:.1f}"


def hubspot_pipeline(glossary: Glossary, label: str = "Sales pipeline") -> Export:
    """The deal pipeline as pipelines-API JSON; an off-grid probability is reported."""
    problems = duplicate_keys(glossary, "hubspot")
    if problems:
        return Export({}, problems)
    stages: list[dict[str, Any]] = []
    for position, stage in enumerate(glossary.stages_in_order()):
        percent = probability_of(stage)
        metadata = {"isClosed": "true" if stage.outcome else "false"}
        if percent is not None:
            grid = on_hubspot_grid(percent)
            if grid != percent:
                where = stage.source.where("probability")
                problems.append(Problem(
                    stage.source.shown, where.line, where.col, "warning",
                    f"probability {percent}% of stage '{stage.id}' cannot be held by HubSpot, "
                    f"which takes 0.0-1.0 in steps of 0.1; the export writes "
                    f"{_probability(grid)} ({grid}%): set probability to a multiple of "
                    f"{HUBSPOT_STEP} to make the two agree", "crm-probability-grid"))
            metadata["probability"] = _probability(grid)
        stages.append({"label": stage.name, "displayOrder": position,
                       "metadata": dict(sorted(metadata.items()))})
    body = {"label": label, "displayOrder": 0, "stages": stages}
    text = json.dumps(body, indent=2, ensure_ascii=False) + "\n"
    return Export({PIPELINE_FILE: text}, problems)


def _percent(value: Any) -> int | None:
    """``"0.2"`` or ``0.2`` as 20; None when it is not a probability."""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    if not number.is_finite() or not 0 <= number <= 1 or isinstance(value, bool):
        return None
    percent = number * 100
    return int(percent) if percent == percent.to_integral_value() else None


def _flag(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    return {"true": True, "false": False}.get(str(value).lower())


def _choose(doc: LocatedJson, display: str, data: Any, pipeline: str | None,
            ) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The pipeline object in ``data``: itself, or one of a ``results`` list."""
    if not isinstance(data, dict):
        return None, [Problem(display, 1, 1, "error", "expected a pipeline object with 'label' "
                              "and 'stages'", "crm-syntax")]
    results = data.get("results")
    if not isinstance(results, list):
        return data, []
    found = [p for p in results if isinstance(p, dict)
             and pipeline in (None, p.get("id"), p.get("pipelineId"), p.get("label"))]
    if len(found) == 1:
        return found[0], []
    line, col = doc.at(data, "results")
    labels = ", ".join(repr(p.get("label")) for p in results if isinstance(p, dict))
    wanted = f"no pipeline '{pipeline}'" if pipeline and not found else "several pipelines"
    return None, [Problem(display, line, col, "error", f"{wanted} in this file ({labels}); "
                          "name one with --pipeline", "crm-syntax")]


def read_hubspot(text: str, display: str, pipeline: str | None = None,
                 ) -> tuple[CrmPipeline | None, list[Problem]]:
    """A HubSpot pipeline JSON as a CrmPipeline, with every shape problem at its place."""
    try:
        doc = parse_json(text)
    except JsonProblem as exc:
        return None, [Problem(display, exc.line, exc.col, "error", exc.message, "crm-syntax")]
    chosen, problems = _choose(doc, display, doc.value, pipeline)
    if chosen is None:
        return None, problems
    line, col = doc.at(chosen)
    items = chosen.get("stages")
    if not isinstance(items, list):
        return None, [Problem(display, line, col, "error", "the pipeline has no 'stages' list",
                              "crm-syntax")]
    read: list[tuple[int, int, CrmStage]] = []
    for index, item in enumerate(items):
        place = Place(display, *doc.at(item))
        if not isinstance(item, dict) or not isinstance(item.get("label"), str):
            problems.append(place.problem("error", f"stages[{index}] needs a 'label'",
                                          "crm-syntax"))
            continue
        metadata: dict[str, Any] = item["metadata"] if isinstance(item.get("metadata"), dict) \
            else {}
        places = {"": place, "label": Place(display, *doc.at(item, "label"))}
        if "displayOrder" in item:
            places["order"] = Place(display, *doc.at(item, "displayOrder"))
        probability = None
        if "probability" in metadata:
            places["probability"] = Place(display, *doc.at(metadata, "probability"))
            probability = _percent(metadata["probability"])
            if probability is None:
                problems.append(places["probability"].problem(
                    "error", f"probability {metadata['probability']!r} is not a number from "
                    "0.0 to 1.0", "crm-syntax"))
        if "isClosed" in metadata:
            places["closed"] = Place(display, *doc.at(metadata, "isClosed"))
        key = item.get("id", item.get("stageId"))
        order = item.get("displayOrder")
        read.append((order if isinstance(order, int) else index, index, CrmStage(
            str(key) if isinstance(key, str | int) else None, item["label"], 0, probability,
            closed=_flag(metadata.get("isClosed")) if "isClosed" in metadata else None,
            places=places)))
    stages = tuple(
        CrmStage(s.key, s.label, position, s.probability, s.forecast, s.closed, s.won,
                 places=s.places)
        for position, (_, _, s) in enumerate(sorted(read, key=lambda r: (r[0], r[1]))))
    return CrmPipeline("hubspot", stages, Place(display, line, col)), problems


__all__ = ["PIPELINE_FILE", "hubspot_pipeline", "read_hubspot"]
