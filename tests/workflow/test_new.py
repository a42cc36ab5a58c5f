"""``shoptalk new``: a valid file with a comment per field, and no collisions."""

from __future__ import annotations

from pathlib import Path

import pytest

from shoptalk import load_config, validate
from shoptalk.scaffold import slugify

from .conftest import Run


@pytest.mark.parametrize(("name", "expected"), [
    ("Ideal Customer Profile", "ideal-customer-profile"),
    ("Qualité d'Été", "qualite-d-ete"),
    ("Straße & Søn", "strasse-son"),
    ("  C-level / VP buyer ", "c-level-vp-buyer"),
    ("Net Revenue Retention (NRR)", "net-revenue-retention-nrr"),
    ("日本語", ""),
])
def test_slugify(name: str, expected: str) -> None:
    assert slugify(name) == expected


def _errors(root: Path) -> list[str]:
    _, problems = validate(load_config(root))
    return [p.format() for p in problems if p.severity == "error"]


def test_new_term_validates(project: Path, run: Run) -> None:
    code, out, _ = run("new", "term", "Ideal Customer Fit", "--abbreviation", "ICF",
                       "--category", "qualification", "--owner", "revops")
    assert code == 0
    assert out.startswith("wrote glossary/terms/ideal-customer-fit.yml")
    text = (project / "glossary/terms/ideal-customer-fit.yml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schema/term.schema.json\n")
    assert "abbreviation: ICF\n" in text and "status: draft\n" in text
    # every field has a comment line above it
    fields = [line for line in text.splitlines() if line and not line.startswith(("#", " "))]
    for field in fields:
        above = text.splitlines()[text.splitlines().index(field) - 1]
        assert above.startswith("#"), field
    # Valid but not finished: the placeholder definition blocks the merge until replaced.
    assert _errors(project) == [
        "glossary/terms/ideal-customer-fit.yml:9:13: error: definition is still the placeholder "
        "'shoptalk new' wrote ('Say in one or two plain sentences what this means here.'); "
        "do what it says, in your own words [placeholder-text]"
    ]
    path = project / "glossary/terms/ideal-customer-fit.yml"
    path.write_text(text.replace("Say in one or two plain sentences what this means here.",
                                 "How closely an account matches the customers we win."),
                    encoding="utf-8")
    assert _errors(project) == []


def test_new_stage_and_role_validate(project: Path, run: Run) -> None:
    assert run("new", "stage", "Negotiate", "--owner", "ae")[0] == 0
    assert run("new", "role", "Sales Engineer", "--abbreviation", "SE", "--team", "support")[0] == 0
    stage = (project / "glossary/stages/negotiate.yml").read_text(encoding="utf-8")
    assert "order: 3\n" in stage  # after qualify (1) and closed-won (2)
    assert [e.rpartition(": error: ")[0] for e in _errors(project)] == [
        "glossary/roles/sales-engineer.yml:9:14",  # description
        "glossary/stages/negotiate.yml:7:10",  # purpose
        "glossary/stages/negotiate.yml:14:5",  # exit_criteria[0]
    ]
    assert all(e.endswith("[placeholder-text]") for e in _errors(project))


def test_given_id_and_accents(project: Path, run: Run) -> None:
    assert run("new", "term", "Qualité d'Été", "--category", "buyers", "--owner", "ae")[0] == 0
    assert (project / "glossary/terms/qualite-d-ete.yml").is_file()
    assert run("new", "term", "Champion", "--id", "internal-champion", "--category", "buyers",
               "--owner", "ae")[0] == 0
    assert (project / "glossary/terms/internal-champion.yml").is_file()
    # Only the placeholder definitions remain to be written.
    assert [e.rpartition("[")[2] for e in _errors(project)] == ["placeholder-text]"] * 2


@pytest.mark.parametrize(("argv", "message"), [
    (["Stakeholder"], "term 'stakeholder' already exists (stakeholder.yml)"),
    (["Ideal client profile", "--id", "icp2"],
     "name 'Ideal client profile' is already the alias of term 'ideal-customer-profile' "
     "(glossary/terms/ideal-customer-profile.yml)"),
    (["Pipeline Qualified Lead", "--abbreviation", "PQL"],
     "abbreviation 'PQL' is already the abbreviation of term 'partner-qualified-lead'"),
    (["Perfect customer"], "name 'Perfect customer' is already the avoided wording of term "
     "'ideal-customer-profile'"),
    (["Anything", "--id", "Not_An_Id"], "'Not_An_Id' is not a valid id"),
    (["日本語"], "cannot make an id from '日本語'; pass one with --id"),
    (["Deal Desk"], "say which category with --category (one of: qualification, buyers, "
     "lead-flow)"),
    (["Deal Desk", "--category", "nope"], "category 'nope' is not known"),
])
def test_new_term_refuses(project: Path, run: Run, argv: list[str], message: str) -> None:
    before = sorted((project / "glossary/terms").iterdir())
    code, _, err = run("new", "term", *argv)
    assert code == 2
    assert message in err
    assert sorted((project / "glossary/terms").iterdir()) == before


def test_options_that_do_not_apply(project: Path, run: Run) -> None:
    code, _, err = run("new", "role", "Partner Manager", "--category", "buyers")
    assert code == 2 and "--category does not apply to a new role" in err


def test_dry_run_writes_nothing(project: Path, run: Run) -> None:
    code, out, _ = run("new", "term", "Mutual Plan", "--category", "buyers", "--owner", "ae",
                       "--definition", "A dated plan both sides agree on: yes, really.",
                       "--dry-run")
    assert code == 0
    assert 'definition: "A dated plan both sides agree on: yes, really."' in out
    assert not (project / "glossary/terms/mutual-plan.yml").exists()
