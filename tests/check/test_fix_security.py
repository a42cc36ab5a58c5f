"""``--fix`` is safe on hostile content: it inserts only plain text, and writes each page
atomically, never through a link out of the repository, never over a newer edit."""

from __future__ import annotations

import os
import re
import shutil
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from shoptalk import load_config, validate
from shoptalk.check import TermIndex
from shoptalk.check.fix import apply_edits
from shoptalk.check.scan import scan_page
from shoptalk.cli import main
from shoptalk.files import WriteRefused, write_text_atomic
from shoptalk.model import Avoid, Source, Term
from shoptalk.plain_text import MARKUP, PLAIN_TEXT_GUARD, markup_in
from shoptalk.schema import load_schema

from .conftest import CONFIG, FIXTURES, GLOSSARY, VALID

BASE = FIXTURES / "broken" / "_base"
HOSTILE_NAME = 'Deal {{ config.site_name }} <img src=x onerror="alert(1)"> desk'


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    shutil.copytree(VALID, root / "glossary")
    (root / "shoptalk.yml").write_text("allow_acronyms: [SLA]\n", encoding="utf-8")
    (root / "docs").mkdir()
    monkeypatch.chdir(root)
    return root


def check_fix(project: Path, *paths: str) -> int:
    return main(["--config", str(project / "shoptalk.yml"), "check", "--fix", *paths])


def page(project: Path, name: str, text: str = "Ask the budget holder.\n") -> Path:
    path = project / "docs" / name
    path.write_text(text, encoding="utf-8")
    return path


def temporary_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*.tmp"))


# Names, aliases, abbreviations and avoided wording are plain text.

def validate_yaml(tmp_path: Path, files: dict[str, str]) -> list[str]:
    root = tmp_path / "glossary"
    shutil.copytree(BASE, root)
    for rel, text in files.items():
        (root / rel).write_text(text, encoding="utf-8")
    _, problems = validate(replace(load_config(tmp_path), glossary=root))
    return [p.format() for p in problems]


def test_hostile_wording_fails_validation_at_its_place(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert validate_yaml(tmp_path, {"terms/deal-desk.yml": (
        'name: "Deal <b>desk</b>"\n'
        "aliases:\n"
        "  - deal team\n"
        "  - |-\n"
        "    the desk\n"
        "    {{ 7*7 }}\n"
        "avoid: [\"{% raw %}desk\", {text: \"deal {# x #} room\"}]\n"
        "definition: The team that approves non-standard deal terms.\n"
        "examples: [Send it to the deal desk.]\n"
        "category: general\n"
        "owner: ae\n")}) == [
        "glossary/terms/deal-desk.yml:1:7: error: name: a term's name is plain text: "
        "remove '<' and '>' [plain-text]",
        "glossary/terms/deal-desk.yml:4:5: error: aliases[1]: a term's alias is plain text: "
        "remove '{{' [plain-text]",
        "glossary/terms/deal-desk.yml:7:9: error: avoid[0]: a term's avoided wording is plain "
        "text: remove '{%' [plain-text]",
        "glossary/terms/deal-desk.yml:7:33: error: avoid[1].text: a term's avoided wording is "
        "plain text: remove '{#' [plain-text]",
    ]


def test_the_schemas_and_the_code_agree_on_plain_text() -> None:
    term = load_schema("term")["properties"]
    patterns = [term["name"]["pattern"], term["abbreviation"]["pattern"],
                term["aliases"]["items"]["pattern"], term["avoid"]["items"]["pattern"],
                term["avoid"]["items"]["anyOf"][1]["properties"]["text"]["pattern"]]
    assert all(p.startswith(PLAIN_TEXT_GUARD) for p in patterns)
    samples = ["ICP", "Deal desk", "P&L", "{x}", "a { b", "%}", "#1", *MARKUP,
               *(f"a\nb {mark} c" for mark in MARKUP)]
    for sample in samples:
        assert (re.search(PLAIN_TEXT_GUARD, sample) is None) == bool(markup_in(sample)), sample


# --fix inserts only plain text, however the glossary was loaded.

def test_fix_never_inserts_markup_from_an_unvalidated_glossary() -> None:
    hostile = Term(id="deal-desk", name=HOSTILE_NAME, definition="A test term.",
                   category="buyers", owner="ae", source=Source(VALID / "terms" / "x.yml"),
                   avoid=(Avoid("deal room"),), proper_name=True)
    glossary = replace(GLOSSARY, terms={**GLOSSARY.terms, hostile.id: hostile})
    text = "Ask the deal room, then the budget holder.\n"
    _, edits = scan_page(text, "page.md", TermIndex.from_glossary(glossary, CONFIG), CONFIG)
    assert [e.text for e in edits] == [HOSTILE_NAME, "Economic Buyer"]
    assert apply_edits(text, edits) == "Ask the deal room, then the Economic Buyer.\n"


def test_check_fix_reports_the_unsafe_wording_and_writes_the_rest(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "glossary" / "terms" / "deal-desk.yml").write_text(
        f"name: '{HOSTILE_NAME}'\nproper_name: true\navoid: [deal room]\ndefinition: A desk.\n"
        "category: buyers\nowner: ae\n", encoding="utf-8")
    path = page(project, "p.md", "Ask the deal room,\nthen the budget holder.\n")
    assert check_fix(project) == 1
    assert path.read_text(encoding="utf-8") == "Ask the deal room,\nthen the Economic Buyer.\n"
    assert ("docs/p.md:1:9: error: not fixed: the glossary's wording "
            f"'{HOSTILE_NAME}' is not plain text (it holds '{{{{', '<' and '>'); correct the "
            "term, then run `shoptalk validate` [fix-skipped]") in capsys.readouterr().out


# Each page is written atomically, and only when that is safe.

def test_an_edit_made_while_fixing_is_not_lost(
        project: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = page(project, "p.md")
    import shoptalk.check.docs as docs

    scan = docs.scan_page

    def colleague_saves_while_scanning(text: str, *args: object, **kwargs: object) -> object:
        if "colleague" not in path.read_text(encoding="utf-8"):
            path.write_text(text + "A line a colleague just saved.\n", encoding="utf-8")
        return scan(text, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(docs, "scan_page", colleague_saves_while_scanning)
    assert check_fix(project) == 1
    assert path.read_text(encoding="utf-8") == (
        "Ask the budget holder.\nA line a colleague just saved.\n")
    assert ("docs/p.md:1:1: error: changed while fixing, so nothing was written; run again "
            "[fix-skipped]") in capsys.readouterr().out
    assert temporary_files(project) == []


def test_the_writer_refuses_a_file_that_changed_since_it_was_read(tmp_path: Path) -> None:
    path = tmp_path / "p.md"
    path.write_text("old\n", encoding="utf-8")
    read = path.read_bytes()
    path.write_text("newer\n", encoding="utf-8")
    with pytest.raises(WriteRefused, match="changed while fixing"):
        write_text_atomic(path, "fixed old\n", root=tmp_path, expected=read)
    assert path.read_text(encoding="utf-8") == "newer\n"
    assert os.listdir(tmp_path) == ["p.md"]


def test_a_link_to_a_file_outside_the_repository_is_not_followed(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = project.parent / "outside.md"
    outside.write_text("Keep the budget holder.\n", encoding="utf-8")
    link = project / "docs" / "linked.md"
    link.symlink_to(outside)
    assert check_fix(project, "docs/linked.md") == 1
    assert outside.read_text(encoding="utf-8") == "Keep the budget holder.\n"
    assert link.is_symlink()
    assert ("docs/linked.md:1:1: error: links to a file outside the repository, so it was not "
            "written; fix it by hand [fix-skipped]") in capsys.readouterr().out


def test_a_link_inside_the_repository_is_written_through(project: Path) -> None:
    shared = project / "shared"
    shared.mkdir()
    target = page(project, "../shared/real.md")
    (project / "docs" / "alias.md").symlink_to(target)
    assert check_fix(project, "docs/alias.md") == 0
    assert target.read_text(encoding="utf-8") == "Ask the Economic Buyer.\n"
    assert (project / "docs" / "alias.md").is_symlink()


def test_a_read_only_page_is_reported_and_the_others_are_fixed(
        project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked, open_ = page(project, "a.md"), page(project, "b.md")
    locked.chmod(0o444)
    open_.chmod(0o640)
    assert check_fix(project) == 1
    assert locked.read_text(encoding="utf-8") == "Ask the budget holder.\n"
    assert open_.read_text(encoding="utf-8") == "Ask the Economic Buyer.\n"
    assert stat.S_IMODE(open_.stat().st_mode) == 0o640
    assert ("docs/a.md:1:1: error: cannot write (read-only); fix it by hand or make it "
            "writable [fix-skipped]") in capsys.readouterr().out
    assert temporary_files(project) == []


def test_a_failed_write_leaves_the_page_whole_and_no_temporary_file(
        project: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = page(project, "p.md")

    def disk_full(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    assert check_fix(project) == 1
    assert path.read_text(encoding="utf-8") == "Ask the budget holder.\n"
    assert temporary_files(project) == []
    assert ("docs/p.md:1:1: error: cannot write: No space left on device; fix it by hand "
            "[fix-skipped]") in capsys.readouterr().out
