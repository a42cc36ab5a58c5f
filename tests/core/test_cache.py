"""The glossary cache: served only while every file keeps its stat, never stale, never planted."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest

from shoptalk import cache
from shoptalk.check.index import CompiledIndex, Entry, TermIndex
from shoptalk.config import Config
from shoptalk.load import load_glossary

CATEGORIES = "- id: buyers\n  name: Buyers\n  description: People.\n"
TERM = textwrap.dedent("""\
    name: Deal Desk
    definition: The team that approves non-standard deals.
    {category}: buyers
    owner: ae
    """)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A one-term glossary; the cache key in a private folder; no wait for fresh files."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))
    monkeypatch.setattr(cache, "_RACY_NS", 0)
    (tmp_path / "glossary" / "terms").mkdir(parents=True)
    (tmp_path / "glossary" / "categories.yml").write_text(CATEGORIES, encoding="utf-8")
    (tmp_path / "glossary" / "terms" / "deal-desk.yml").write_text(TERM.format(category="category"),
                                                                     encoding="utf-8")
    return tmp_path


def load(repo: Path) -> tuple[list[str], bool]:
    """(problems as text, whether the YAML files were read) for one cached load."""
    read = []

    def counting(*args: object, **options: object) -> object:
        read.append(args)
        return load_glossary(*args, **options)  # type: ignore[arg-type]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cache, "load_glossary", counting)
        glossary, problems = cache.load_cached(repo / "glossary", repo)
    assert glossary.terms["deal-desk"].name == "Deal Desk"
    return [f"{p.path}:{p.line}:{p.col}: {p.message}" for p in problems], bool(read)


def test_an_unchanged_glossary_is_served_from_the_cache(repo: Path) -> None:
    assert load(repo) == ([], True)
    assert load(repo) == ([], False)
    assert (repo / ".shoptalk-cache" / ".gitignore").read_text(encoding="utf-8") == "*\n"


def test_a_changed_file_is_read_again_even_with_its_old_mtime_and_size(repo: Path) -> None:
    term = repo / "glossary" / "terms" / "deal-desk.yml"
    load(repo)
    before = term.stat()
    term.write_text(TERM.format(category="categorz"), encoding="utf-8")  # the same size
    os.utime(term, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert term.stat().st_size == before.st_size
    problems, read = load(repo)
    assert read
    assert problems[0] == "glossary/terms/deal-desk.yml:1:1: missing required field 'category'"
    assert load(repo) == (problems, False)
    term.write_text(TERM.format(category="category"), encoding="utf-8")  # fixed again
    assert load(repo) == ([], True)


def test_a_touched_or_added_file_is_read_again(repo: Path) -> None:
    load(repo)
    term = repo / "glossary" / "terms" / "deal-desk.yml"
    os.utime(term, ns=(1, 1))
    assert load(repo)[1]
    assert not load(repo)[1]
    (repo / "glossary" / "terms" / "notes.txt").write_text("x", encoding="utf-8")
    assert load(repo)[1]


def test_a_planted_or_damaged_cache_is_never_read(repo: Path) -> None:
    expected, _ = load(repo)
    stored = repo / ".shoptalk-cache" / "glossary.pickle"
    data = stored.read_bytes()
    stored.write_bytes(b"\0" * 32 + data[32:])  # someone else's signature
    assert load(repo) == (expected, True)
    stored.write_bytes(data[:40])
    assert load(repo) == (expected, True)


def test_fresh_files_and_linked_glossaries_are_not_cached(repo: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "_RACY_NS", 60 * 10**9)  # written a moment ago: racy
    load(repo)
    assert not (repo / ".shoptalk-cache" / "glossary.pickle").exists()
    monkeypatch.setattr(cache, "_RACY_NS", 0)
    (repo / "glossary" / "terms" / "deal-desk-2.yml").symlink_to("deal-desk.yml")
    load(repo)
    assert not (repo / ".shoptalk-cache" / "glossary.pickle").exists()


def compiled(repo: Path, allow: tuple[str, ...] = ()) -> tuple[TermIndex, bool]:
    """The checker's index through the cache, and whether it was compiled in this call."""
    config = Config(root=repo, glossary=repo / "glossary", docs=repo / "docs",
                    allow_acronyms=allow)
    built = []
    derived = CompiledIndex(config)
    build = derived.build
    derived.build = lambda glossary: built.append(1) or build(glossary)  # type: ignore[method-assign]
    _, _, index = cache.load_cached_with(repo / "glossary", repo, derived)
    return index, bool(built)


def test_the_compiled_index_is_served_beside_the_glossary_until_a_file_or_setting_changes(
        repo: Path) -> None:
    first, built = compiled(repo)
    assert built
    again, built = compiled(repo)
    assert not built
    assert again.phrases == first.phrases
    assert again.phrases[("deal", "desk")][0] == Entry(
        ("deal", "desk"), "name", ("deal-desk",), "Deal Desk", spelling=(" ",))
    assert (again.starts, again.known_acronyms) == (first.starts, first.known_acronyms)
    assert again.lookup("deal desk") is again.glossary.terms["deal-desk"]
    with_qbr, built = compiled(repo, allow=("QBR",))  # another setting: compiled again
    assert built
    assert with_qbr.known_acronyms == frozenset({"QBR"})
    assert not compiled(repo, allow=("QBR",))[1]
    term = repo / "glossary" / "terms" / "deal-desk.yml"
    term.write_text(TERM.format(category="category").replace("Deal Desk", "Deal Room"),
                    encoding="utf-8")
    index, built = compiled(repo)
    assert built
    assert ("deal", "room") in index.phrases
    assert ("deal", "desk") not in index.phrases


def test_a_planted_compiled_index_is_never_read(repo: Path) -> None:
    compiled(repo)
    stored = repo / ".shoptalk-cache" / "check-index.marshal"
    data = stored.read_bytes()
    stored.write_bytes(b"\0" * 32 + data[32:])
    assert compiled(repo)[1]
