"""A retrieved Salesforce source tree read back as a CrmPipeline, each value with its place.

Both the CLI's source format (``*.standardValueSet-meta.xml``) and the older metadata
API format (``*.standardValueSet``) are read, at the tree's top or under
``force-app/main/default``, ``src`` or ``unpackaged``. Elements an older API version
does not write are simply absent, and are not compared.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ..problems import Problem, ShoptalkError, display_path
from .pipeline import CrmPipeline, CrmStage, Place
from .xml_source import METADATA_NS, LocatedTree, XmlProblem, child, local, namespace, parse

TREE_ROOTS = ("", "force-app/main/default", "src", "unpackaged")
MAX_BYTES = 5_000_000  # far beyond any pipeline; refuses a file meant to exhaust memory


def find_files(tree: Path) -> tuple[Path | None, list[Path], Path | None]:
    """The value set, the Path files and the manifest of a source tree (None when absent)."""
    for base in TREE_ROOTS:
        folder = tree / base if base else tree
        for suffix in ("-meta.xml", ""):
            values = folder / "standardValueSets" / f"OpportunityStage.standardValueSet{suffix}"
            if values.is_file():
                paths = sorted((folder / "pathAssistants").glob(f"*.pathAssistant{suffix}"))
                manifest = next((m for m in (folder / "package.xml", tree / "package.xml")
                                 if m.is_file()), None)
                return values, [p for p in paths if p.is_file()], manifest
    return None, [], None


def _load(path: Path, shown: str) -> tuple[LocatedTree | None, list[Problem]]:
    try:
        if path.stat().st_size > MAX_BYTES:
            return None, [Problem(shown, 1, 1, "error", f"larger than {MAX_BYTES} bytes; not "
                                  "a metadata file this tool reads", "crm-syntax")]
        data = path.read_bytes()
    except OSError as exc:
        raise ShoptalkError(f"{shown}: cannot read: {exc.strerror or exc}") from exc
    try:
        tree = parse(data)
    except XmlProblem as exc:
        return None, [Problem(shown, exc.line, exc.col, "error", exc.message, "crm-syntax")]
    if namespace(tree.root) != METADATA_NS:
        line, col = tree.at(tree.root)
        return None, [Problem(shown, line, col, "error", f"<{local(tree.root)}> is not in the "
                              f"metadata namespace {METADATA_NS}", "crm-syntax")]
    return tree, []


def _text(element: ET.Element | None) -> str | None:
    return None if element is None else (element.text or "").strip()


def _flag(element: ET.Element | None) -> bool | None:
    text = _text(element)
    return None if text is None else text.lower() == "true"


def _values(tree: LocatedTree, shown: str) -> tuple[list[CrmStage], list[Problem]]:
    stages: list[CrmStage] = []
    problems: list[Problem] = []
    for element in tree.root:
        if local(element) != "standardValue":
            continue
        place = Place(shown, *tree.at(element))
        places = {"": place}
        for name in ("fullName", "label", "closed", "won", "probability", "forecastCategory"):
            found = child(element, name)
            if found is not None:
                places[name] = Place(shown, *tree.at(found))
        key = _text(child(element, "fullName"))
        if not key:
            problems.append(place.problem("error", "a standardValue without a fullName",
                                          "crm-syntax"))
            continue
        probability_text = _text(child(element, "probability"))
        probability = None
        if probability_text is not None:
            try:
                probability = round(float(probability_text))
            except ValueError:
                problems.append(places["probability"].problem(
                    "error", f"probability '{probability_text}' is not a number", "crm-syntax"))
        stages.append(CrmStage(
            key, _text(child(element, "label")) or key, len(stages), probability,
            _text(child(element, "forecastCategory")), _flag(child(element, "closed")),
            _flag(child(element, "won")), places=places))
    return stages, problems


def _steps(tree: LocatedTree, shown: str) -> dict[str, tuple[str | None, tuple[str, ...], Place]]:
    """Each Path step's guidance and key fields, by picklist value name."""
    steps: dict[str, tuple[str | None, tuple[str, ...], Place]] = {}
    for step in tree.root:
        if local(step) != "pathAssistantSteps":
            continue
        name = _text(child(step, "picklistValueName"))
        if not name:
            continue
        info = child(step, "info")
        fields = tuple((c.text or "").strip() for c in step if local(c) == "fieldNames")
        where = Place(shown, *tree.at(info if info is not None else step))
        steps[name] = (None if info is None else info.text or "", fields, where)
    return steps


def _opportunity_path(paths: list[Path], base: Path | None,
                      ) -> tuple[tuple[LocatedTree, str] | None, list[Problem]]:
    """The Opportunity Path to compare: the master record type's, else the first by name."""
    found: list[tuple[LocatedTree, str, bool]] = []
    problems: list[Problem] = []
    for path in paths:
        shown = display_path(path, base)
        tree, trouble = _load(path, shown)
        problems += trouble
        if tree is None or _text(child(tree.root, "entityName")) not in (None, "Opportunity"):
            continue
        found.append((tree, shown, _text(child(tree.root, "recordTypeName")) == "__MASTER__"))
    found.sort(key=lambda f: not f[2])  # stable: the master's first, else file-name order
    return ((found[0][0], found[0][1]) if found else None), problems


def read_salesforce(tree_path: Path, base: Path | None = None,
                    ) -> tuple[CrmPipeline | None, list[Problem]]:
    """A source tree as a CrmPipeline; problems for files that cannot be read."""
    values_path, path_files, manifest_path = find_files(tree_path)
    if values_path is None:
        raise ShoptalkError(
            f"{display_path(tree_path, base)}: no standardValueSets/OpportunityStage."
            "standardValueSet-meta.xml in this folder (nor under force-app/main/default, src "
            "or unpackaged); retrieve it with: sf project retrieve start --metadata "
            "StandardValueSet:OpportunityStage")
    shown = display_path(values_path, base)
    tree, problems = _load(values_path, shown)
    if tree is None:
        return None, problems
    stages, trouble = _values(tree, shown)
    problems += trouble
    version = None
    if manifest_path is not None:
        manifest, trouble = _load(manifest_path, display_path(manifest_path, base))
        problems += trouble
        version = _text(child(manifest.root, "version")) if manifest is not None else None
    path, trouble = _opportunity_path(path_files, base)
    problems += trouble
    if path is not None:
        steps = _steps(*path)
        stages = [_with_step(s, steps.get(s.key or "")) for s in stages]
    return CrmPipeline("salesforce", tuple(stages), Place(shown, *tree.at(tree.root)), version,
                       has_guidance=path is not None), problems


def _with_step(stage: CrmStage, step: tuple[str | None, tuple[str, ...], Place] | None,
               ) -> CrmStage:
    if step is None:
        return stage
    info, fields, where = step
    return CrmStage(stage.key, stage.label, stage.position, stage.probability, stage.forecast,
                    stage.closed, stage.won, info, fields,
                    places={**stage.places, "guidance": where})


__all__ = ["TREE_ROOTS", "find_files", "read_salesforce"]
