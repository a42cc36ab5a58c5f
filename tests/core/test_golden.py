"""Golden output of validation on every broken fixture in tests/fixtures/broken/.

Set SHOPTALK_REGEN=1 to rewrite the expected files, then read their diff.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from shoptalk import load_config, validate
from shoptalk.output import format_text
from shoptalk.problems import exit_code
from shoptalk.validate import load_cause

BROKEN = Path(__file__).parent.parent / "fixtures" / "broken"
CASES = sorted(p.name for p in BROKEN.iterdir() if p.is_dir() and not p.name.startswith("_"))
TODAY = dt.date(2026, 11, 27)


def lay_out(case: str, tmp_path: Path) -> Path:
    root = tmp_path / "glossary"
    shutil.copytree(BROKEN / "_base", root)
    source = BROKEN / case
    remove = source / "remove.txt"
    if remove.exists():
        for rel in remove.read_text().split():
            (root / rel).unlink()
    for path in source.rglob("*"):
        rel = path.relative_to(source)
        if path.is_file() and rel.name not in ("expected.txt", "remove.txt"):
            (root / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(path, root / rel)
    return root


def run(root: Path) -> str:
    config = replace(load_config(root.parent), glossary=root, today=TODAY)
    glossary, problems = validate(config)
    return f"{format_text(problems, cause=load_cause(glossary, config))}\n" \
        f"exit {exit_code(problems)}\n"


@pytest.mark.parametrize("case", CASES)
def test_broken_fixture_gives_exactly_its_expected_lines(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = lay_out(case, tmp_path)
    monkeypatch.chdir(tmp_path)
    output = run(root)
    expected_file = BROKEN / case / "expected.txt"
    if os.environ.get("SHOPTALK_REGEN"):
        expected_file.write_text(output, encoding="utf-8")
    assert output == expected_file.read_text(encoding="utf-8")
    # Every fixture is named for a rule it must trigger ("rule--what-it-shows").
    assert f"[{case.partition('--')[0]}]" in output


def test_every_fixture_fails(tmp_path: Path) -> None:
    for case in CASES:
        text = (BROKEN / case / "expected.txt").read_text(encoding="utf-8")
        assert text.endswith("exit 1\n") or "warning" in text, case


def test_the_base_alone_is_clean(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "glossary"
    shutil.copytree(BROKEN / "_base", root)
    monkeypatch.chdir(tmp_path)
    assert run(root) == "no problems found\nexit 0\n"
