"""``shoptalk review``: what is due, by owner."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from .conftest import Run


@pytest.fixture
def dated(project: Path) -> Path:
    """Review dates relative to today: one overdue, one due soon, one fresh."""
    today = dt.date.today()
    terms = project / "glossary/terms"

    def set_reviewed(name: str, days_ago: int, every: int | None = None) -> None:
        path = terms / f"{name}.yml"
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
                 if not ln.startswith(("reviewed:", "review_every:"))]
        lines.append(f"reviewed: {(today - dt.timedelta(days=days_ago)).isoformat()}")
        if every:
            lines.append(f"review_every: {every}")
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    set_reviewed("ideal-customer-profile", 100, every=90)  # revops, overdue by 10 days
    set_reviewed("economic-buyer", 170)  # ae, default 180 days: due in 10 days
    set_reviewed("stakeholder", 1)  # ae, fresh
    set_reviewed("hot-lead", 1)
    set_reviewed("partner-qualified-lead", 1)
    set_reviewed("product-qualified-lead", 1)
    (project / "shoptalk.yml").write_text("teams:\n  revops: '@acme/revops'\n", encoding="utf-8")
    return project


def test_text_grouped_by_owner(dated: Path, run: Run) -> None:
    code, out, _ = run("review", "--owner", "revops")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "revops (@acme/revops): 1 to review"
    assert lines[1].split()[:7] == ["review", "overdue", "by", "10", "days", "term",
                                   "ideal-customer-profile"]


def test_within_and_overdue(dated: Path, run: Run) -> None:
    _, out, _ = run("review", "--owner", "ae", "--format", "json")
    due = {d["id"]: d for d in json.loads(out)["due"]}
    assert due["economic-buyer"]["days_overdue"] == -10
    assert "closed-won" in due  # never reviewed: due now
    assert "stakeholder" not in due
    _, out, _ = run("review", "--owner", "ae", "--overdue", "--format", "json")
    assert "economic-buyer" not in {d["id"] for d in json.loads(out)["due"]}


def test_markdown_checklist(dated: Path, run: Run) -> None:
    _, out, _ = run("review", "--overdue", "--format", "markdown")
    assert "### revops (@acme/revops): 1 to review" in out
    assert ("- [ ] term `ideal-customer-profile` (Ideal Customer Profile): review overdue by "
            "10 days") in out


def test_nothing_due(dated: Path, run: Run) -> None:
    code, out, _ = run("review", "--owner", "nobody")
    assert (code, out) == (0, "nothing is due for review\n")
