"""``shoptalk codeowners``: a generated section, the rest of the file kept.

Every word it writes hands files to someone on GitHub, so owners, ``teams:`` and
``admins:`` are single handles, and what decides trust is owned by the admins.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from shoptalk.codeowners import BEGIN, END
from shoptalk.owners import OWNER_PATTERN, is_handle, is_owner

from .conftest import Run

SETTINGS = "admins: ['@acme/admins']\nteams:\n  ae: '@acme/sales'\n  revops: '@acme/revops'\n"
ADMIN_LINES = """\
# What decides trust: settings, review rules, workflows, schemas, build (admins:)
/shoptalk.yml @acme/admins
/.github/ @acme/admins
/src/shoptalk/schemas/ @acme/admins
/mkdocs.yml @acme/admins
/Makefile @acme/admins
/.ci/ @acme/admins
/pyproject.toml @acme/admins
/requirements.lock @acme/admins
/glossary/schema @acme/admins
/glossary/schema/ @acme/admins
"""
HOSTILE_TERM = """\
name: Win rate
definition: The share of qualified deals that close won.
category: qualification
owner: "@acme/sales\\n* @mallory"
"""
OWNER_MESSAGE = ("owner: must be one role id such as 'sales-manager' or one GitHub handle such "
                 "as '@your-org/sales-team' or '@username', with no spaces or line breaks")


@pytest.fixture
def teams(project: Path) -> Path:
    (project / "shoptalk.yml").write_text(SETTINGS, encoding="utf-8")
    (project / ".github").mkdir()
    (project / ".github/CODEOWNERS").write_text("* @acme/platform\n", encoding="utf-8")
    return project


def test_writes_section_and_keeps_the_rest(teams: Path, run: Run) -> None:
    assert run("codeowners", "--check")[0] == 1
    code, out, _ = run("codeowners")
    assert (code, out) == (0, "updated CODEOWNERS (8 owned files)\n")
    text = (teams / ".github/CODEOWNERS").read_text(encoding="utf-8")
    assert text.startswith("* @acme/platform\n\n" + BEGIN + "\n")
    assert "/glossary/terms/ideal-customer-profile.yml @acme/revops\n" in text
    assert "/glossary/stages/qualify.yml @acme/sales\n" in text
    assert text.endswith(ADMIN_LINES + END + "\n")
    assert run("codeowners", "--check")[:2] == (0, "CODEOWNERS is up to date\n")


def test_section_moves_last_so_no_hand_written_line_overrides_it(teams: Path, run: Run) -> None:
    path = teams / ".github/CODEOWNERS"
    path.write_text(f"* @acme/platform\n{BEGIN}\n/old @x\n{END}\n/docs/ @acme/docs\n",
                    encoding="utf-8")
    code, out, _ = run("codeowners", "--check")
    assert code == 1
    assert "-/old @x" in out
    run("codeowners")
    text = path.read_text(encoding="utf-8")
    assert "/old @x" not in text
    assert text.startswith(f"* @acme/platform\n/docs/ @acme/docs\n\n{BEGIN}\n")
    assert text.endswith(f"{END}\n")


@pytest.mark.parametrize("edit", [
    lambda text: text.replace(END, "* @mallory\n" + END),  # a line added inside the section
    lambda text: text + "* @mallory\n",  # a line after it, which would win over every rule
    lambda text: text.replace("/shoptalk.yml @acme/admins\n", ""),  # an admin rule removed
])
def test_check_fails_when_the_section_is_edited_by_hand(
    teams: Path, run: Run, edit: Callable[[str], str]
) -> None:
    path = teams / ".github/CODEOWNERS"
    run("codeowners")
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    code, _, err = run("codeowners", "--check")
    assert code == 1
    assert err.endswith("CODEOWNERS is out of date; run `shoptalk codeowners` and commit "
                        "the result\n")


def test_unmapped_owner_is_named(project: Path, run: Run) -> None:
    (project / "shoptalk.yml").write_text("admins: ['@acme/admins']\n", encoding="utf-8")
    code, _, err = run("codeowners")
    assert code == 0
    assert "note: owner 'revops' has no handle; add it under teams: in shoptalk.yml" in err
    assert (project / ".github/CODEOWNERS").read_text(encoding="utf-8") == (
        f"{BEGIN}\n{ADMIN_LINES}{END}\n")


def test_without_admins_nothing_is_written(project: Path, run: Run) -> None:
    (project / "shoptalk.yml").write_text("teams:\n  ae: '@acme/sales'\n", encoding="utf-8")
    code, _, err = run("codeowners")
    assert code == 2
    assert err == (
        "shoptalk: error: shoptalk.yml: admins: is not set, so nobody would have to approve "
        "changes to shoptalk.yml, .github/ and the schemas (a change to teams: re-owns records);"
        " add who approves them, e.g. admins: ['@your-org/enablement-admins']\n")
    assert not (project / ".github/CODEOWNERS").exists()


def test_owner_with_a_line_break_is_refused_by_validate(teams: Path, run: Run) -> None:
    (teams / "glossary/terms/win-rate.yml").write_text(HOSTILE_TERM, encoding="utf-8")
    code, out, _ = run("validate")
    assert code == 1
    assert f"glossary/terms/win-rate.yml:4:8: error: {OWNER_MESSAGE} [bad-value]\n" in out


def test_owner_with_a_line_break_never_reaches_codeowners(teams: Path, run: Run) -> None:
    (teams / "glossary/terms/win-rate.yml").write_text(HOSTILE_TERM, encoding="utf-8")
    code, out, err = run("codeowners")
    assert code == 1
    assert out == (
        "glossary/terms/win-rate.yml:4:8: error: owner: must be one role id such as "
        "'sales-manager' or one GitHub handle such as '@your-org/sales-team' or '@username'; "
        "not written to CODEOWNERS [bad-value]\n")
    assert err == "CODEOWNERS not changed: fix the owners above first\n"
    assert (teams / ".github/CODEOWNERS").read_text(encoding="utf-8") == "* @acme/platform\n"
    assert run("codeowners", "--check")[0] == 1


def test_stage_owner_is_checked_the_same_way(teams: Path, run: Run) -> None:
    stage = teams / "glossary/stages/qualify.yml"
    stage.write_text(stage.read_text(encoding="utf-8").replace(
        "owner: ae", "owner: 'ae #comment'"), encoding="utf-8")
    assert "glossary/stages/qualify.yml:4:8: error: owner: must be" in run("validate")[1]
    assert run("codeowners")[0] == 1


@pytest.mark.parametrize(("settings", "where"), [
    ("teams:\n  ae: \"@acme/sales\\n* @mallory\"\n", "2:7: error: teams.ae"),
    ("teams:\n  ae: '@acme/sales @mallory'\n", "2:7: error: teams.ae"),
    ("teams:\n  ae: '*'\n", "2:7: error: teams.ae"),
    ("teams:\n  ae: 'acme/sales'\n", "2:7: error: teams.ae"),
    ("admins:\n  - '@acme/admins'\n  - 'boss@example.com'\n", "3:5: error: admins[1]"),
    ("admins: ['@acme/ad#mins']\n", "1:10: error: admins[0]"),
])
def test_hostile_settings_are_refused_where_they_stand(
    project: Path, run: Run, settings: str, where: str
) -> None:
    (project / "shoptalk.yml").write_text(settings, encoding="utf-8")
    for command in ("codeowners", "validate"):
        code, _, err = run(command)
        assert code == 2
        assert err.startswith(f"shoptalk: error: shoptalk.yml:{where}: must be one GitHub handle "
                              "such as '@your-org/sales-team' or '@username', with no spaces or "
                              "line breaks [bad-value]")
    assert not (project / ".github/CODEOWNERS").exists()


def test_every_bad_setting_is_reported_in_one_run(project: Path, run: Run) -> None:
    (project / "shoptalk.yml").write_text(
        "admins: ['@acme/admins', 'x y']\nteams:\n  Sales Team: '@acme/sales'\n  ae: '#'\n",
        encoding="utf-8")
    _, _, err = run("codeowners")
    assert [line.rsplit(": error: ", 1)[0] for line in err.splitlines()] == [
        "shoptalk: error: shoptalk.yml:1:26", "shoptalk.yml:3:3", "shoptalk.yml:4:7"]
    assert "teams: each key must be a role id such as 'sales-manager'" in err


def test_schemas_use_the_one_owner_pattern() -> None:
    schemas = Path(__file__).parents[2] / "src/shoptalk/schemas"
    for kind in ("term", "stage"):
        schema = json.loads((schemas / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert schema["properties"]["owner"]["pattern"] == OWNER_PATTERN, kind


@pytest.mark.parametrize("text", [
    "@octocat", "@a", "@" + "a" * 39, "@quay-light/sales_ops", "@Org9/Team-9",
])
def test_handles_github_accepts(text: str) -> None:
    assert is_handle(text) and is_owner(text)


@pytest.mark.parametrize("text", [
    "@acme/sales\n", "@acme/sales\n* @mallory", "@acme/sales @mallory", "@acme/*", "@acme/s#x",
    "@" + "a" * 40, "@-acme", "@acme-", "@ac--me", "@acme/", "@acme/te.am", "boss@example.com",
    "@acme/sales/x", "", "@",
])
def test_anything_else_is_refused(text: str) -> None:
    assert not is_handle(text) and not is_owner(text)


def test_role_ids_are_owners_but_not_handles() -> None:
    assert is_owner("sales-manager") and not is_handle("sales-manager")
    assert not is_owner("sales-manager\n") and not is_owner("Sales Manager")
