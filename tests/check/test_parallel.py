"""Scanning pages in worker processes gives byte for byte the serial output."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from shoptalk.check import docs
from shoptalk.cli import main

from .conftest import VALID

PAGES = [
    "# Deal {n}\n\nAsk the budget holder about ACME{n}, then the ICP.\n",
    "- The Economic Buyers signed.\n- A hot lead for XYZ{n}.\n",
    "Plain prose, nothing to say about page {n}.\n",
    "Use `ACME` in code; ask the budget\nholder {n} times.\n",
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """40 pages of mixed findings, plus one page that is not UTF-8."""
    shutil.copytree(VALID, tmp_path / "glossary")
    (tmp_path / "shoptalk.yml").write_text("allow_acronyms: [SLA]\n", encoding="utf-8")
    (tmp_path / "docs" / "team").mkdir(parents=True)
    for n in range(40):
        folder = tmp_path / "docs" / ("team" if n % 3 else "")
        (folder / f"page-{n:02d}.md").write_text(PAGES[n % 4].format(n=n), encoding="utf-8")
    (tmp_path / "docs" / "latin1.md").write_bytes("Caf\xe9 ACME.\n".encode("latin-1"))
    return tmp_path


@pytest.mark.parametrize("fmt", ["text", "json", "sarif"])
def test_parallel_scan_prints_what_the_serial_scan_prints(
        project: Path, fmt: str, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    printed = {}
    for jobs in ("1", "2"):
        monkeypatch.setenv("SHOPTALK_JOBS", jobs)
        assert docs.default_jobs(41) == int(jobs)
        assert main(["--config", str(project / "shoptalk.yml"), "check", "--format", fmt]) == 1
        printed[jobs] = capsys.readouterr().out
    assert printed["1"] == printed["2"]
    assert printed["1"].count("budget holder") >= 20  # findings on many pages, in order


def test_few_pages_or_busy_cores_scan_in_this_process(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SHOPTALK_JOBS", raising=False)
    assert docs.default_jobs(docs.PARALLEL_FROM - 1) == 1
    monkeypatch.setattr(docs.os, "sched_getaffinity", lambda _: {0, 1})
    monkeypatch.setattr(docs, "LOADAVG", tmp_path / "no-proc")  # the load average decides
    monkeypatch.setattr(docs.os, "getloadavg", lambda: (2.0, 2.0, 2.0))
    assert docs.default_jobs(1000) == 1
    monkeypatch.setattr(docs.os, "getloadavg", lambda: (0.1, 0.5, 0.5))
    assert docs.default_jobs(1000) == 2


@pytest.mark.parametrize(("loadavg", "jobs"), [
    ("1.98 1.20 0.61 1/310 4242\n", 2),  # the last check just ended: idle now
    ("0.10 0.30 0.20 3/310 4242\n", 1),  # two tasks besides this one ready to run now
    ("0.10 0.30 0.20 2/310 4242\n", 1),  # one: one core left
    ("garbled\n", 1),  # unreadable: the load average (2.0) decides
])
def test_idle_cores_are_counted_now_not_over_the_last_minute(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, loadavg: str, jobs: int) -> None:
    monkeypatch.delenv("SHOPTALK_JOBS", raising=False)
    monkeypatch.setattr(docs.os, "sched_getaffinity", lambda _: {0, 1})
    monkeypatch.setattr(docs.os, "getloadavg", lambda: (2.0, 1.2, 0.6))
    (tmp_path / "loadavg").write_text(loadavg, encoding="ascii")
    monkeypatch.setattr(docs, "LOADAVG", tmp_path / "loadavg")
    assert docs.default_jobs(1000) == jobs
