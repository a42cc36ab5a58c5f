"""The pipeline must be well-formed: ordered without gaps, with ways out of each stage."""

from __future__ import annotations

from collections.abc import Iterator

from ..config import Config
from ..model import Glossary
from ..problems import Problem
from ..rule_registry import summaries
from ._base import at

IDS = summaries(topic="stages")


def check(glossary: Glossary, config: Config) -> Iterator[Problem]:
    """Problems with the stages' order, exit criteria, probabilities and outcomes."""
    by_order: dict[int, str] = {}
    for stage in glossary.stages_in_order():
        if stage.order in by_order:
            yield at(
                stage,
                "order",
                "error",
                f"order {stage.order} is also used by stage '{by_order[stage.order]}'",
                "stage-order",
            )
        elif stage.order >= 1:
            by_order[stage.order] = stage.id
        if not stage.exit_criteria:
            yield at(
                stage,
                "exit_criteria",
                "error",
                "a stage needs at least one exit criterion: how does a deal leave it?",
                "no-exit-criteria",
            )
        for i, info in enumerate(stage.required_information):
            if not info.needed_by:
                yield at(
                    stage,
                    f"required_information[{i}]",
                    "warning",
                    f"required_information[{i}] '{info.item}' names no role in needed_by: "
                    "who depends on it downstream?",
                    "nobody-needs",
                )
        if stage.probability is not None and not 0 <= stage.probability <= 100:
            yield at(
                stage,
                "probability",
                "error",
                f"probability must be 0-100, got {stage.probability}",
                "bad-probability",
            )
        if stage.outcome and stage.forecast_category not in (None, "closed", "omitted"):
            yield at(
                stage,
                "outcome",
                "warning",
                f"outcome '{stage.outcome}' on a stage with "
                f"forecast category '{stage.forecast_category}'",
                "outcome-mismatch",
            )
    if glossary.broken.get("stage"):
        return  # the stage whose file does not load may hold the missing number
    expected = 1
    for order in sorted(by_order):
        if order != expected:
            stage = glossary.stages[by_order[order]]
            missing = f"{expected}" if order == expected + 1 else f"{expected}-{order - 1}"
            yield at(
                stage,
                "order",
                "error",
                f"stage order jumps to {order}; no stage has order {missing}",
                "stage-order",
            )
        expected = order + 1


__all__ = ["IDS", "check"]
