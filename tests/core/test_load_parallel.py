"""Loading with a worker process (``jobs=2``) gives exactly what loading alone gives:
the same records, the same broken files, the same problems at the same places."""

from __future__ import annotations

import os
import threading
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from shoptalk import load, load_config, read_ahead, validate
from shoptalk.cli import main
from shoptalk.load import load_glossary

GOOD = "name: {name}\ndefinition: A word.\ncategory: general\nowner: ae\n"
FILES = {
    "categories.yml": "- id: general\n  name: General\n  description: Everything.\n",
    "terms/a-broken.yml": "name: [unclosed\n",
    "terms/b-unknown.yml": GOOD.format(name="B") + "colour: blue\n",
    "terms/lead.yml": GOOD.format(name="Lead"),
    "terms/lead.yaml": GOOD.format(name="Lead again"),
    "terms/Bad_Name.yml": GOOD.format(name="Bad name"),
    "terms/nested/deep.yml": GOOD.format(name="Deep"),
    "notes.yml": "a: stray\n",
    "terms/x-latin1.yml": "name: caf\xe9\n",
    "terms/y-alias.yml": "name: &n Yes\ndefinition: *n\ncategory: general\nowner: ae\n",
    "terms/z-wrong-type.yml": "name: Zed\ndefinition: 12\ncategory: general\nowner: ae\n",
    **{f"terms/term-{n:02}.yml": GOOD.format(name=f"Term {n}") for n in range(12)},
}


def records(listed: list[Any]) -> list[tuple[int, Path, Any]]:
    """What the loader hands ``read_ahead``: each record file's index, path and kind."""
    return [(i, path, load.FOLDERS[parts[0]]) for i, (path, _, _, parts) in enumerate(listed)
            if len(parts) == 2 and parts[0] in load.FOLDERS]


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    root = tmp_path / "glossary"
    for rel, text in FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        encoding = "latin-1" if "latin1" in rel else "utf-8"
        (root / rel).write_bytes(text.encode(encoding))
    return root


def test_a_worker_reading_ahead_changes_nothing(
    glossary: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(read_ahead, "PARALLEL_FROM", 2)
    alone, alone_problems = load_glossary(glossary, glossary.parent)
    together, together_problems = load_glossary(glossary, glossary.parent, jobs=2)
    assert together == alone
    assert [p.format() for p in together_problems] == [p.format() for p in alone_problems]
    assert {p.rule for p in alone_problems} == {
        "bad-id", "duplicate-id", "stray-file", "encoding", "yaml-syntax", "unknown-key",
        "yaml-alias", "wrong-type"}
    assert sorted(alone.broken["term"]) == ["a-broken", "x-latin1", "y-alias"]
    assert len(alone.terms) == 16


def test_the_worker_reads_the_last_records_and_is_given_only_records(
    glossary: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(read_ahead, "PARALLEL_FROM", 2)
    listed = list(load._files(glossary, glossary.parent, None, []))
    with read_ahead.read_ahead(records(listed), 2) as workers:
        [(ahead, future)] = workers
        fetched = future.result()
    names = [listed[i][1].rsplit("/", 1)[1] for i in ahead]
    assert names[-1] == "z-wrong-type.yml" and "notes.yml" not in names
    assert "categories.yml" not in names and "deep.yml" not in names
    assert fetched == read_ahead.fast_read([(str(listed[i][0]), "term") for i in ahead])
    by_name = dict(zip(names, fetched, strict=True))
    assert by_name["z-wrong-type.yml"][1] is None  # not clean: read again, with positions
    assert by_name["term-11.yml"] == (
        FILES["terms/term-11.yml"].encode(),
        {"name": "Term 11", "definition": "A word.", "category": "general", "owner": "ae"})


def test_no_worker_for_a_small_glossary_or_one_job(glossary: Path) -> None:
    found = records(list(load._files(glossary, glossary.parent, None, [])))
    with read_ahead.read_ahead(found, 2) as workers:  # fewer than PARALLEL_FROM
        assert workers == []
    with read_ahead.read_ahead(found * 200, 1) as workers:
        assert workers == []


def test_validate_on_the_command_line_forks_a_worker_and_the_library_call_does_not(
    glossary: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    started: list[int] = []

    class Counted(ProcessPoolExecutor):
        def __init__(self, workers: int, **options: Any) -> None:
            started.append(workers)
            super().__init__(workers, **options)

    monkeypatch.setattr(read_ahead, "PARALLEL_FROM", 2)
    monkeypatch.setattr(read_ahead, "ProcessPoolExecutor", Counted)
    monkeypatch.setenv("SHOPTALK_JOBS", "2")
    monkeypatch.chdir(glossary.parent)
    (glossary.parent / "shoptalk.yml").write_text("glossary: glossary\n", encoding="utf-8")
    config = load_config(glossary.parent)
    _, alone = validate(config)  # as the site plugin and the servers call it: no fork
    assert started == []
    assert main(["validate"]) == 1
    assert started == [1]
    assert capsys.readouterr().out.count(": error: ") == sum(p.severity == "error" for p in alone)


def test_a_file_is_read_whole_in_one_read_or_more(tmp_path: Path) -> None:
    big = tmp_path / "big.yml"
    big.write_bytes(b"name: x\n" * 20_000)  # 160 KB: more than any one chunk
    assert read_ahead.read_bytes(big) == b"name: x\n" * 20_000
    assert read_ahead.read_bytes(str(big)) == b"name: x\n" * 20_000
    empty = tmp_path / "empty.yml"
    empty.write_bytes(b"")
    assert read_ahead.read_bytes(empty) == b""
    assert read_ahead.read_bytes(tmp_path / "missing.yml") is None


def test_a_pipe_reports_no_size_and_is_still_read_to_its_end(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.yml"
    os.mkfifo(pipe)
    writer = threading.Thread(target=pipe.write_bytes, args=(b"name: Piped\n" * 10_000,))
    writer.start()
    assert read_ahead.read_bytes(pipe) == b"name: Piped\n" * 10_000
    writer.join()
