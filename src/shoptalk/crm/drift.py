"""What a CRM's pipeline says differently from the YAML, as findings in the CRM's files.

The YAML is the contract: each finding stands where the CRM's copy differs (the
``<probability>`` element, the stage's JSON object) and names the stage file that
says otherwise, so a CI annotation lands on the file that has drifted.
"""

from __future__ import annotations

from ..language import fold
from ..model import Glossary, Stage
from ..problems import Problem
from ..render.safe import plain
from .guidance import guidance, guidance_text
from .pipeline import (
    SYSTEM_NAMES,
    CrmPipeline,
    CrmStage,
    forecast_of,
    key_of,
    on_hubspot_grid,
    probability_of,
)
from .salesforce import key_fields


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _yaml(stage: Stage, key: str = "") -> str:
    where = stage.source.where(key)
    return f"{stage.source.shown}:{where.line}"


def _in_order(places: list[int]) -> set[int]:
    """The indexes of a longest run of ``places`` already in order: the rest have moved.

    One stage moved in the CRM is one finding, not one for every stage it displaced.
    """
    best: list[list[int]] = []  # best[i]: the longest ordered run ending at i
    longest: list[int] = []
    for i, place in enumerate(places):
        run: list[int] = []
        for j, earlier in enumerate(best):
            if places[j] < place and len(earlier) > len(run):
                run = earlier
        best.append([*run, i])
        if len(best[-1]) > len(longest):
            longest = best[-1]
    return set(longest)


def _match(stages: list[Stage], pipeline: CrmPipeline) -> dict[str, CrmStage]:
    """Our stage id → the CRM stage holding it: by the CRM's own value, else by label."""
    found: dict[str, CrmStage] = {}
    taken: set[int] = set()
    for by_key in (True, False):
        for stage in stages:
            if stage.id in found:
                continue
            for crm in pipeline.stages:
                if crm.position in taken:
                    continue
                if by_key and pipeline.system == "hubspot" and "hubspot" not in stage.crm:
                    continue
                wanted = key_of(stage, pipeline.system) if by_key else stage.name
                got = crm.key if by_key else crm.label
                if got is not None and fold(got) == fold(wanted):
                    found[stage.id] = crm
                    taken.add(crm.position)
                    break
    return found


def drift(glossary: Glossary, pipeline: CrmPipeline) -> list[Problem]:
    """Every difference between the YAML's pipeline and ``pipeline``, sorted."""
    crm_name = SYSTEM_NAMES[pipeline.system]
    stages = glossary.stages_in_order()
    matched = _match(stages, pipeline)
    problems: list[Problem] = []
    extra = [c for c in pipeline.stages if c.position not in {m.position for m in matched.values()}]
    missing = [s for s in stages if s.id not in matched]
    for stage in list(missing):
        # A CRM value standing where a missing stage should be is most likely that stage renamed.
        index = stages.index(stage)
        renamed = next((c for c in extra if c.position == index), None)
        if renamed is None:
            continue
        missing.remove(stage)
        extra.remove(renamed)
        field = "fullName" if pipeline.system == "salesforce" else "label"
        problems.append(renamed.where(field).problem(
            "error", f"'{renamed.key or renamed.label}' stands where stage '{stage.id}' "
            f"('{key_of(stage, pipeline.system)}', {_yaml(stage, 'name')}) should be: renamed "
            f"in {crm_name}? Rename it back, or set crm.{pipeline.system} in the stage file",
            "crm-renamed"))
    for stage in missing:
        after = stages[stages.index(stage) - 1] if stages.index(stage) else None
        place = matched[after.id].where() if after and after.id in matched else pipeline.place
        where = f"after '{key_of(after, pipeline.system)}'" if after else "first"
        problems.append(place.problem(
            "error", f"stage '{stage.id}' ('{key_of(stage, pipeline.system)}', "
            f"{_yaml(stage, 'name')}) is missing from {crm_name}; add it {where}",
            "crm-missing-stage"))
    for crm in extra:
        problems.append(crm.where().problem(
            "error", f"'{crm.key or crm.label}' is in {crm_name} but no stage maps to it; "
            f"remove it there, or add a stage (or crm.{pipeline.system}) for it",
            "crm-extra-stage"))
    ranked = sorted(matched.values(), key=lambda c: c.position)
    ours = [s for s in stages if s.id in matched]
    in_place = _in_order([ranked.index(matched[s.id]) for s in ours])
    for rank, stage in enumerate(ours):
        crm = matched[stage.id]
        problems += _compare(glossary, pipeline, stage, crm)
        actual = ranked.index(crm)
        if rank not in in_place:
            problems.append(crm.where("order").problem(
                "error", f"'{crm.label}' is {_ordinal(actual + 1)} in {crm_name} but "
                f"{_ordinal(rank + 1)} in the YAML (order {stage.order}, "
                f"{_yaml(stage, 'order')})", "crm-order"))
    if pipeline.system == "salesforce" and any(
            c.forecast is None for c in matched.values()):
        version = f" (API version {pipeline.api_version})" if pipeline.api_version else ""
        problems.append(pipeline.place.problem(
            "notice", f"some values have no forecastCategory in this file{version}; forecast "
            "categories were not compared for them", "crm-not-compared"))
    return sorted(set(problems))


def _compare(glossary: Glossary, pipeline: CrmPipeline, stage: Stage, crm: CrmStage,
             ) -> list[Problem]:
    crm_name = SYSTEM_NAMES[pipeline.system]
    found: list[Problem] = []
    key = key_of(stage, pipeline.system)
    renamed = crm.key is not None and fold(crm.key) != fold(key) and (
        pipeline.system == "salesforce" or "hubspot" in stage.crm)
    if renamed:
        field = "fullName" if pipeline.system == "salesforce" else ""
        found.append(crm.where(field).problem(
            "error", f"'{crm.key}' holds stage '{stage.id}' (label '{crm.label}'), whose value "
            f"is '{key}' in the YAML ({_yaml(stage, 'crm' if stage.crm else 'name')}): renamed "
            f"in {crm_name}? Rename it back, or set crm.{pipeline.system}: {crm.key}",
            "crm-renamed"))
    if crm.label != stage.name:
        found.append(crm.where("label").problem(
            "error", f"label '{crm.label}' in {crm_name}, but stage '{stage.id}' is called "
            f"'{stage.name}' ({_yaml(stage, 'name')})", "crm-label"))
    wanted = probability_of(stage)
    if wanted is not None and pipeline.system == "hubspot":
        wanted = on_hubspot_grid(wanted)  # the export already reported the rounding
    if wanted is not None and crm.probability is not None and crm.probability != wanted:
        found.append(crm.where("probability").problem(
            "error", f"probability of '{crm.label}' is {crm.probability}% in {crm_name}, "
            f"{wanted}% in the YAML ({_yaml(stage, 'probability')})", "crm-probability"))
    if crm.forecast is not None and crm.forecast != forecast_of(stage):
        found.append(crm.where("forecastCategory").problem(
            "error", f"forecast category of '{crm.label}' is {crm.forecast} in {crm_name}, "
            f"{forecast_of(stage)} in the YAML ({_yaml(stage, 'forecast_category')})",
            "crm-forecast"))
    closed, won = stage.outcome is not None, stage.outcome == "won"
    for name, got, want in (("closed", crm.closed, closed), ("won", crm.won, won)):
        if got is not None and got != want:
            found.append(crm.where(name).problem(
                "error", f"'{crm.label}' is {'' if got else 'not '}{name} in {crm_name}, but "
                f"{'' if want else 'not '}{name} in the YAML (outcome: "
                f"{stage.outcome or 'none'}, {_yaml(stage, 'outcome')})", "crm-closed"))
    if pipeline.has_guidance and stage.outcome is None and not renamed:
        found += _guidance(glossary, stage, crm)
    return found


def _guidance(glossary: Glossary, stage: Stage, crm: CrmStage) -> list[Problem]:
    if crm.guidance is None:
        return [crm.where().problem(
            "error", f"the Path has no step (guidance) for '{crm.key}', stage '{stage.id}'",
            "crm-guidance")]
    found: list[Problem] = []
    have = guidance_text(crm.guidance)
    if have != guidance_text(guidance(glossary, stage).html):
        gone = [c for c in stage.exit_criteria if plain(c) not in have]
        detail = (f"it lacks the exit criterion '{gone[0]}'" + (f" and {len(gone) - 1} more"
                  if len(gone) > 1 else "")) if gone else \
            "it differs from the purpose, exit criteria or what to capture"
        found.append(crm.where("guidance").problem(
            "error", f"the Path guidance for '{crm.key}' no longer matches stage '{stage.id}' "
            f"({_yaml(stage, 'exit_criteria')}): {detail}; export again and deploy",
            "crm-guidance"))
    wanted, _ = key_fields(glossary, stage)
    if crm.key_fields is not None and list(crm.key_fields) != wanted:
        found.append(crm.where("guidance").problem(
            "error", f"the Path's key fields for '{crm.key}' are "
            f"{', '.join(crm.key_fields) or 'none'}, the YAML's are {', '.join(wanted) or 'none'}",
            "crm-key-fields"))
    return found


__all__ = ["drift"]
