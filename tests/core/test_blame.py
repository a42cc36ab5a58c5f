"""A name two terms share is reported on the file the branch added or changed.

Each test builds a real git repository in tmp_path: a base commit on ``main`` with the
valid glossary, then a branch that adds a term whose name another term already has.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from shoptalk.changed import base_from_env, changed_since
from shoptalk.cli import main

VALID = Path(__file__).resolve().parents[1] / "fixtures" / "valid"
NEW_TERM = (
    "name: Stakeholder\n"
    "definition: Anyone on the buying side whose view changes the decision.\n"
    "examples: [List every stakeholder before the demo.]\n"
    "category: buyers\n"
    "owner: ae\n"
)
CLASH_ON_NEW = (
    "glossary/terms/stakeholders.yml:1:7: error: name 'Stakeholder' is already the name of "
    "term 'stakeholder' (glossary/terms/stakeholder.yml:1) [duplicate-form]"
)
CLASH_ON_OLD = (
    "glossary/terms/stakeholder.yml:1:7: error: name 'Stakeholder' is already the name of "
    "term 'stakeholders' (glossary/terms/stakeholders.yml:1) [duplicate-form]"
)


def _git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com"}
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          check=True, env=env)
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose ``main`` holds the valid glossary, on a branch ``new-term``."""
    shutil.copytree(VALID, tmp_path / "glossary")
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "base")
    _git(tmp_path, "update-ref", "refs/remotes/origin/main", "main")  # as after a fetch
    _git(tmp_path, "checkout", "-q", "-b", "new-term")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_BASE_REF", raising=False)
    return tmp_path


def _errors(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return [line for line in capsys.readouterr().out.splitlines() if ": error: " in line]


def test_committed_new_term_is_blamed_with_base(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "glossary/terms/stakeholders.yml").write_text(NEW_TERM, encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "add stakeholders")
    assert main(["validate", "--base", "main"]) == 1
    assert _errors(capsys) == [CLASH_ON_NEW]


def test_uncommitted_new_file_counts_as_new(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "glossary/terms/stakeholders.yml").write_text(NEW_TERM, encoding="utf-8")
    assert main(["validate", "--base", "main"]) == 1
    assert _errors(capsys) == [CLASH_ON_NEW]


def test_without_a_base_the_clash_is_on_both_files(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "glossary/terms/stakeholders.yml").write_text(NEW_TERM, encoding="utf-8")
    assert main(["validate"]) == 1
    assert _errors(capsys) == [CLASH_ON_OLD, CLASH_ON_NEW]


def test_github_base_ref_is_the_default_base(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "glossary/terms/stakeholders.yml").write_text(NEW_TERM, encoding="utf-8")
    monkeypatch.setenv("GITHUB_BASE_REF", "main")
    assert main(["validate", "--format", "github"]) == 1
    out = capsys.readouterr().out
    assert "file=glossary/terms/stakeholders.yml,line=1" in out
    assert "file=glossary/terms/stakeholder.yml," not in out


def test_changing_the_old_term_moves_the_blame_to_it(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The branch renames an existing term onto the name of another one: that file changed.
    old = repo / "glossary/terms/stakeholder.yml"
    old.write_text(old.read_text(encoding="utf-8").replace(
        "name: Stakeholder", "name: Economic Buyer"), encoding="utf-8")
    assert main(["validate", "--base", "main"]) == 1
    assert _errors(capsys) == [
        "glossary/terms/stakeholder.yml:1:7: error: name 'Economic Buyer' is already the name "
        "of term 'economic-buyer' (glossary/terms/economic-buyer.yml:1) [duplicate-form]"
    ]


def test_changed_since_lists_added_and_modified_files_only(repo: Path) -> None:
    (repo / "glossary/terms/stakeholders.yml").write_text(NEW_TERM, encoding="utf-8")
    (repo / "glossary/terms/hot-lead.yml").unlink()
    edited = repo / "glossary/roles/ae.yml"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert changed_since(repo, "main") == {
        (repo / "glossary/terms/stakeholders.yml").resolve(),
        edited.resolve(),
    }


@pytest.mark.parametrize("base", ["--output=/tmp/x", "-", " "])
def test_a_base_that_looks_like_an_option_is_refused(
    repo: Path, base: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", f"--base={base}"]) == 2
    assert "is not a revision" in capsys.readouterr().err


def test_an_unknown_base_is_a_usage_error(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["validate", "--base", "no-such-branch"]) == 2
    assert "cannot compare with 'no-such-branch'" in capsys.readouterr().err


def test_an_unknown_base_from_the_environment_falls_back_to_both(
    repo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (repo / "glossary/terms/stakeholders.yml").write_text(NEW_TERM, encoding="utf-8")
    monkeypatch.setenv("GITHUB_BASE_REF", "release")
    assert main(["validate"]) == 1
    captured = capsys.readouterr()
    assert [line for line in captured.out.splitlines() if ": error: " in line] == [
        CLASH_ON_OLD, CLASH_ON_NEW]
    assert "duplicates are reported on both files" in captured.err


def test_base_from_env() -> None:
    assert base_from_env({"GITHUB_BASE_REF": "main"}) == "origin/main"
    assert base_from_env({"GITHUB_BASE_REF": ""}) is None
    assert base_from_env({}) is None


# Two files giving one id (the id is the file name: stakeholder.yml and stakeholder.yaml).
SECOND_FILE_NEW = ("glossary/terms/stakeholder.yaml:1:1: error: term 'stakeholder' is also "
                   "defined in glossary/terms/stakeholder.yml [duplicate-id]")
SECOND_FILE_OLD = ("glossary/terms/stakeholder.yml:1:1: error: term 'stakeholder' is also "
                   "defined in glossary/terms/stakeholder.yaml [duplicate-id]")


def test_a_second_file_for_one_id_is_blamed_on_the_new_file_with_base(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "glossary/terms/stakeholder.yaml").write_text(NEW_TERM, encoding="utf-8")
    assert main(["validate", "--base", "main"]) == 1
    assert _errors(capsys) == [SECOND_FILE_NEW]


def test_without_a_base_a_second_file_for_one_id_is_on_both_files(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "glossary/terms/stakeholder.yaml").write_text(NEW_TERM, encoding="utf-8")
    assert main(["validate"]) == 1
    assert _errors(capsys) == [SECOND_FILE_NEW, SECOND_FILE_OLD]


def test_the_summary_leads_with_the_file_that_failed_to_load(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "glossary/terms/stakeholder.yml").write_text("name: [Stakeholder\n", "utf-8")
    assert main(["validate"]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == (
        "1 file failed to load: glossary/terms/stakeholder.yml; 1 reference to "
        "'stakeholder' is not checked until it loads. 1 error, 0 warnings in 1 file")
