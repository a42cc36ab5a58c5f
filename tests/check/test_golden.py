"""Golden test: the trap playbook holds every case the peers get wrong.

Regenerate the expected files with ``SHOPTALK_UPDATE_GOLDEN=1 pytest tests/check``
and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from shoptalk.check import FileScan, scan_text

from .conftest import CONFIG, INDEX

FIXTURES = Path(__file__).parent / "fixtures"


def render(scan: FileScan) -> str:
    lines = []
    for p in scan.problems:
        end = "" if p.end_col is None else f"-{p.end_col}"
        fix = "" if p.replacement is None else f" => {p.replacement}"
        lines.append(f"{p.line}:{p.col}{end} {p.severity} [{p.rule}] {p.message}{fix}")
    for m in scan.mentions:
        lines.append(f"mention {m.term_id} {m.line}:{m.col}-{m.end_col} {m.text!r}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("name", "strict", "every"), [
    ("trap", False, False), ("trap", True, False), ("trap", False, True),
    ("context", False, False),
])
def test_golden(name: str, strict: bool, every: bool) -> None:
    page = FIXTURES / f"{name}.md"
    expected = FIXTURES / f"{name}{'.strict' * strict}{'.all' * every}.expected"
    actual = render(scan_text(page.read_text(encoding="utf-8"), page.name, INDEX, CONFIG,
                              strict=strict, all_occurrences=every))
    if os.environ.get("SHOPTALK_UPDATE_GOLDEN"):
        expected.write_text(actual, encoding="utf-8")
    assert actual == expected.read_text(encoding="utf-8")
