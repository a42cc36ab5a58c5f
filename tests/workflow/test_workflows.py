"""The GitHub workflows hold no more power than each job needs.

Read with Shoptalk's own YAML reader, so ``on:`` stays a key and nothing is
guessed. Each test lists every offender, so a failure says where to look.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from shoptalk.yaml_reader import read_yaml

WORKFLOWS = sorted((Path(__file__).parents[2] / ".github/workflows").glob("*.yml"))
PINNED = re.compile(r"^\s*(?:- )?uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def _workflow(path: Path) -> dict[str, Any]:
    doc = read_yaml(path, path.name)
    assert doc.problems == []
    assert isinstance(doc.data, dict)
    return doc.data


def _steps(workflow: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


def _writes(permissions: Any) -> list[str]:
    """The scopes a ``permissions:`` value lets the token write."""
    if isinstance(permissions, str):
        return [permissions] if permissions == "write-all" else []
    return sorted(k for k, v in (permissions or {}).items() if v == "write")


def test_there_are_workflows_to_check() -> None:
    assert [p.name for p in WORKFLOWS] == ["deploy.yml", "pr.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_expression_is_pasted_into_a_script(path: Path) -> None:
    # ${{ }} is substituted into the script before the shell reads it: pass values through env:.
    pasted = [f"{job}: {step.get('name', step['run'])}" for job, step in _steps(_workflow(path))
              if "run" in step and "${{" in str(step["run"])]
    assert pasted == []


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    unpinned = [f"{n}: {line.strip()}" for n, line in enumerate(lines, 1)
                if re.match(r"^\s*(?:- )?uses:", line) and not PINNED.match(line)]
    assert unpinned == []
    assert sum(1 for _, step in _steps(_workflow(path)) if "uses" in step) == sum(
        1 for line in lines if PINNED.match(line))


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_write_scopes_are_granted_per_job_never_to_a_job_running_scripts(path: Path) -> None:
    workflow = _workflow(path)
    assert "permissions" in workflow  # else the repository's default token applies
    assert _writes(workflow["permissions"]) == []
    scripted = [f"{job_id}: {_writes(job.get('permissions'))}"
                for job_id, job in workflow["jobs"].items()
                if _writes(job.get("permissions"))
                and any("run" in step for step in job.get("steps", []))]
    assert scripted == []


def test_only_the_deploy_job_may_publish() -> None:
    jobs = _workflow(WORKFLOWS[0])["jobs"]
    assert jobs["build"]["permissions"] == {"contents": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_checkout_keeps_no_credentials(path: Path) -> None:
    kept = [job for job, step in _steps(_workflow(path))
            if str(step.get("uses", "")).startswith("actions/checkout@")
            and (step.get("with") or {}).get("persist-credentials") is not False]
    assert kept == []


def test_validate_compares_with_the_pull_requests_base_through_env() -> None:
    steps = {step.get("name"): step for _, step in _steps(_workflow(WORKFLOWS[1]))}
    step = steps["Glossary files are valid (validate)"]
    assert step["env"] == {"BASE_REF": "${{ github.base_ref }}"}
    assert '${BASE_REF:+--base "origin/$BASE_REF"}' in step["run"]
