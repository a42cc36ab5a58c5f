"""``shoptalk diff`` reads a revision without ever turning its entry names into paths.

A branch is data from whoever pushed it: git plumbing can build trees holding
``..`` entries or links that no checkout would, so these tests build such
commits by hand.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest

from .conftest import Run, git


@pytest.fixture
def repo(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The valid glossary committed as 'base'; temporary folders live in tmp_path/tmp."""
    (tmp_path / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    git(project, "init", "-q")
    git(project, "add", "glossary")
    git(project, "commit", "-qm", "base")
    git(project, "tag", "base")
    return project


def _object(repo: Path, command: str, data: bytes) -> str:
    options = ["-w", "--stdin"] if command == "hash-object" else []
    done = subprocess.run(["git", command, *options], cwd=repo, input=data, capture_output=True,
                          check=True)
    return done.stdout.decode().strip()


def _tree(repo: Path, entries: list[tuple[str, str, str]]) -> str:
    """A tree object from (mode, object id, name); git mktree checks no name."""
    lines = "".join(f"{mode} {'tree' if mode == '040000' else 'blob'} {sha}\t{name}\n"
                    for mode, sha, name in entries)
    return _object(repo, "mktree", lines.encode())


def _branch_with(repo: Path, name: str, *extra: tuple[str, str, str]) -> None:
    """Branch ``name``: the base commit with ``extra`` entries added to glossary/."""
    listing = git(repo, "ls-tree", "base:glossary").splitlines()
    entries = [(line.split()[0], line.split()[2], line.split("\t")[1]) for line in listing]
    glossary = _tree(repo, [*entries, *extra])
    root = _tree(repo, [("040000", glossary, "glossary")])
    commit = git(repo, "commit-tree", root, "-p", "base", "-m", name).strip()
    git(repo, "branch", name, commit)


def test_dot_dot_entries_write_nothing_and_are_reported(repo: Path, tmp_path: Path,
                                                        run: Run) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("keep me\n", encoding="utf-8")
    blob = _object(repo, "hash-object", b"overwritten\n")
    # glossary/../../../precious.txt: from a scratch folder under tmp_path/tmp to tmp_path.
    inner = _tree(repo, [("100644", blob, "precious.txt")])
    for _ in range(2):
        inner = _tree(repo, [("040000", inner, "..")])
    _branch_with(repo, "evil", ("040000", inner, ".."))
    before = sorted(p.name for p in tmp_path.rglob("*"))

    code, out, err = run("diff", "base", "evil")

    assert precious.read_text(encoding="utf-8") == "keep me\n"
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    assert code == 1
    assert out.endswith("No changes to the glossary.\n")
    assert err.splitlines() == [
        "evil:glossary/../../../precious.txt:1:1: error: the entry name '..' could not exist "
        "in a checkout (the commit was built by hand); it is not read. Remove it from the "
        "branch [unsafe-entry]",
        "1 error, 0 warnings in 1 file",
    ]


def test_symlinked_term_is_not_followed(repo: Path, tmp_path: Path, run: Run) -> None:
    outside = tmp_path / "secret.yml"
    outside.write_text("name: Secret\ndefinition: Read from outside.\ncategory: buyers\n"
                       "owner: ae\n", encoding="utf-8")
    link = _object(repo, "hash-object", str(outside).encode())
    terms = git(repo, "rev-parse", "base:glossary/terms").strip()
    listing = git(repo, "ls-tree", terms).splitlines()
    entries = [(line.split()[0], line.split()[2], line.split("\t")[1]) for line in listing]
    with_link = _tree(repo, [*entries, ("120000", link, "secret.yml")])
    listing = git(repo, "ls-tree", "base:glossary").splitlines()
    glossary = _tree(repo, [(line.split()[0], with_link if line.endswith("\tterms") else
                             line.split()[2], line.split("\t")[1]) for line in listing])
    root = _tree(repo, [("040000", glossary, "glossary")])
    git(repo, "branch", "linked", git(repo, "commit-tree", root, "-p", "base", "-m", "x").strip())

    code, out, err = run("diff", "base", "linked")

    assert code == 1
    assert "secret" not in out.lower()
    assert err.splitlines()[0] == (
        "linked:glossary/terms/secret.yml:1:1: error: is a symbolic link; glossary files must "
        "be ordinary files, so it is not read. Replace the link with the file itself "
        "[unsafe-entry]")


def test_dot_dot_in_the_base_revision_is_reported_too(repo: Path, run: Run) -> None:
    blob = _object(repo, "hash-object", b"x: 1\n")
    _branch_with(repo, "odd", ("040000", _tree(repo, [("100644", blob, "x.yml")]), "."))
    code, _, err = run("diff", "odd")
    assert code == 1
    assert err.splitlines()[0].startswith(
        "odd:glossary/./x.yml:1:1: error: the entry name '.' could not exist in a checkout")


def test_a_revision_that_looks_like_an_option_is_refused(repo: Path, run: Run) -> None:
    code, out, err = run("diff", "--", "--output=hijack", "base")
    assert (code, out) == (2, "")
    assert err == ("shoptalk: error: '--output=hijack' is not a revision; give a branch, tag or "
                   "commit, e.g. origin/main\n")
    assert not (repo / "hijack").exists()
