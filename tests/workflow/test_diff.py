"""``shoptalk diff``: the glossary at two revisions of a temporary git repository."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from shoptalk.diff import word_diff

from .conftest import Run, git


@pytest.fixture
def repo(project: Path) -> Path:
    """The project as a git repository with the valid glossary committed as 'base'."""
    git(project, "init", "-q")
    git(project, "add", ".")
    git(project, "commit", "-qm", "base")
    git(project, "tag", "base")
    return project


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _change_everything(repo: Path) -> None:
    g = repo / "glossary"
    (g / "terms/hot-lead.yml").rename(g / "terms/warm-lead.yml")  # renamed: same content
    (g / "terms/stakeholder.yml").unlink()
    (g / "terms/mutual-plan.yml").write_text(
        "name: Mutual Plan\ndefinition: A dated plan both sides agree on.\ncategory: buyers\n"
        "owner: ae\naliases: [ideal client profile]\n", encoding="utf-8")
    _edit(g / "terms/ideal-customer-profile.yml", "aliases: [ideal client profile]\n", "")
    _edit(g / "terms/ideal-customer-profile.yml", "buy fastest and stay longest",
          "buy fastest, renew and stay longest")
    _edit(g / "stages/qualify.yml", "probability: 10", "probability: 15")
    _edit(g / "stages/qualify.yml", "  - The Economic Buyer is named.\n",
          "  - The Economic Buyer is named and met.\n")
    _edit(g / "stages/qualify.yml", "    needed_by: [ae, csm]\n", "    needed_by: [ae]\n")
    (g / "stages/negotiate.yml").write_text(
        "name: Negotiate\norder: 3\npurpose: Agree terms.\nowner: ae\nexit_criteria: [Signed]\n"
        "probability: 60\nforecast_category: commit\n", encoding="utf-8")


def test_word_diff() -> None:
    assert word_diff("buy fast and stay", "buy fast, renew and stay") == [
        ("=", "buy"), ("-", "fast"), ("+", "fast, renew"), ("=", "and stay")]


def test_markdown_lists_reporting_first(repo: Path, run: Run) -> None:
    _change_everything(repo)
    code, out, _ = run("diff", "base")
    assert code == 0
    assert out.splitlines()[0] == "## Glossary changes: `base` → `working tree`"
    reporting = out.index("### ⚠️ Changes that move reporting")
    assert reporting < out.index("### Terms") < out.index("### Stages")
    assert "- ⚠️ **stage `negotiate` (Negotiate) added**: order 3, probability 60%, " \
           "forecast category commit" in out
    assert "- ⚠️ **stage `qualify` (Qualify): probability 10% → 15%**" in out
    assert "- Added `mutual-plan` — Mutual Plan" in out
    assert "- Removed `stakeholder` — Stakeholder" in out
    assert "- Renamed `hot-lead` → `warm-lead` — Hot lead (same content, new id)" in out
    assert "- Alias “ideal client profile” moved from `ideal-customer-profile` to " \
           "`mutual-plan`" in out
    assert "buy ~~fastest~~ **fastest, renew** and stay longest." in out
    assert "  - exit criteria: added “The Economic Buyer is named and met.”; removed " \
           "“The Economic Buyer is named.”" in out
    assert "  - required information 'The Economic Buyer's name and title': needed by: " \
           "removed “csm”" in out


def test_between_two_commits_as_json(repo: Path, run: Run) -> None:
    _change_everything(repo)
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "change")
    code, out, _ = run("diff", "base", "HEAD", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["head"] == "HEAD"
    assert [(r["stage"], r["what"]) for r in data["reporting"]] == [
        ("negotiate", "added"), ("qualify", "probability")]
    assert data["renamed"] == [{"from": "hot-lead", "to": "warm-lead", "name": "Hot lead"}]
    assert data["added"]["term"] == [{"id": "mutual-plan", "name": "Mutual Plan"}]
    assert data["removed"]["term"] == [{"id": "stakeholder", "name": "Stakeholder"}]
    assert data["aliases_moved"] == [{"alias": "ideal client profile",
                                      "from": "ideal-customer-profile", "to": "mutual-plan"}]
    assert data["definitions"][0]["id"] == "ideal-customer-profile"


def test_no_changes(repo: Path, run: Run) -> None:
    code, out, _ = run("diff", "base", "HEAD")
    assert code == 0
    assert out.endswith("No changes to the glossary.\n")


def test_glossary_missing_at_base(repo: Path, run: Run) -> None:
    git(repo, "checkout", "-q", "--orphan", "empty")
    git(repo, "rm", "-rq", "--cached", ".")
    git(repo, "commit", "-q", "--allow-empty", "-m", "empty")
    git(repo, "tag", "empty")
    code, out, _ = run("diff", "empty", "base", "--format", "json")
    assert code == 0
    assert len(json.loads(out)["added"]["term"]) == 6


def test_unknown_revision_is_a_clear_error(repo: Path, run: Run) -> None:
    code, _, err = run("diff", "no-such-branch")
    assert code == 2
    assert "unknown revision 'no-such-branch'; is it fetched?" in err


def test_outside_a_repository(project: Path, run: Run) -> None:
    code, _, err = run("diff", "HEAD")
    assert code == 2
    assert "is not inside a git repository" in err
