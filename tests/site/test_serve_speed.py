"""What ``mkdocs serve`` keeps between builds, and how often it looks for saved files.

A page whose output did not change is moved back into the site folder, not written again
(told by its inode: a file moved back keeps it); every other file is what a fresh build
writes. The theme's static files are listed once; saved files are looked for every fifth
of a second when they are few.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files

from shoptalk.mkdocs_serve import HELD, ThemeListing, poll_interval, watch_every

from .helpers import make_project

SERVED = "http://127.0.0.1:8000/"
PLAYBOOK = "# Deal review\n\nThe EB signs the order form.\n"


def _serve_build(config_file: Path, site_dir: Path, *, dirty: bool = False) -> None:
    """One rebuild of ``mkdocs serve`` (the plugin kept between builds, as it is there)."""
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    build(config, serve_url=SERVED, dirty=dirty)


def _inodes(site_dir: Path) -> dict[str, int]:
    """The inode of each page of the site (not of the files held aside)."""
    return {p.relative_to(site_dir).as_posix(): p.stat().st_ino
            for top in site_dir.iterdir() if not top.name.startswith(".")
            for p in ([top] if top.is_file() else top.rglob("*")) if p.suffix == ".html"}


def _held(site_dir: Path) -> list[Path]:
    """The folders of files held aside, once the background removal is done."""
    for thread in threading.enumerate():
        if thread is not threading.current_thread() and thread.daemon:
            thread.join(timeout=30)
    return [p for p in site_dir.iterdir() if p.name.startswith(HELD)]


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A project and its site folder, with ``mkdocs serve``'s plugin set up; the plugin
    is put back to a plain build afterwards (MkDocs keeps one instance per process)."""
    project = make_project(tmp_path / "project", pages={
        "index.md": "# Home\n\nWelcome.\n", "playbooks/deal.md": PLAYBOOK,
        "playbooks/notes.md": "# Notes\n\nNothing here yet.\n"})
    config = load_config(config_file=str(project), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    yield project, tmp_path / "site"
    config.plugins.on_startup(command="build", dirty=False)


def test_an_unchanged_page_is_moved_back_and_a_changed_one_written(
        served: tuple[Path, Path]) -> None:
    project, site = served
    _serve_build(project, site)
    before = _inodes(site)
    notes = project.parent / "docs/playbooks/notes.md"
    notes.write_text("# Notes\n\nA first note.\n", encoding="utf-8")
    _serve_build(project, site)
    after = _inodes(site)
    assert after.keys() == before.keys()
    assert after["playbooks/notes/index.html"] != before["playbooks/notes/index.html"]
    assert "A first note." in (site / "playbooks/notes/index.html").read_text("utf-8")
    kept = {page for page in before if after[page] == before[page]}
    assert {"playbooks/deal/index.html", "glossary/economic-buyer/index.html"} <= kept
    assert _held(site) == []  # what was held aside and not used is gone


def test_a_deleted_page_is_gone_from_the_site(served: tuple[Path, Path]) -> None:
    project, site = served
    _serve_build(project, site)
    (project.parent / "docs/playbooks/notes.md").unlink()
    _serve_build(project, site)
    assert not (site / "playbooks/notes/index.html").exists()
    assert (site / "playbooks/deal/index.html").exists()
    assert _held(site) == []


def test_a_build_that_failed_leaves_nothing_held_for_the_next(
        served: tuple[Path, Path]) -> None:
    project, site = served
    _serve_build(project, site)
    stale = site / f"{HELD}0-0" / "playbooks/deal/index.html"  # as a failed build leaves it
    stale.parent.mkdir(parents=True)
    stale.write_text("stale", encoding="utf-8")
    _serve_build(project, site)
    assert "signs the order form" in (site / "playbooks/deal/index.html").read_text("utf-8")
    assert _held(site) == []


def _theme_files(config_file: Path, site_dir: Path, listing: ThemeListing | None) -> list[str]:
    """The static files MkDocs adds from the theme, listed as the plugin makes it list."""
    config = load_config(config_file=str(config_file), site_dir=str(site_dir))
    if listing is not None:
        listing.use(config.theme)
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return sorted(f"{f.src_uri} from {f.abs_src_path}" for f in files)


def test_the_theme_listed_once_gives_mkdocs_own_static_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = make_project(tmp_path / "project")
    overrides = project.parent / "overrides"
    (overrides / "assets").mkdir(parents=True)
    (overrides / "assets/logo.svg").write_text("<svg/>", encoding="utf-8")
    (overrides / "main.html").write_text('{% extends "base.html" %}', encoding="utf-8")
    settings = yaml.safe_load(project.read_text("utf-8"))
    settings["theme"]["custom_dir"] = "overrides"
    project.write_text(yaml.dump(settings, sort_keys=False), encoding="utf-8")
    listing, site = ThemeListing(), tmp_path / "site"
    own = _theme_files(project, site, None)
    assert f"assets/logo.svg from {overrides / 'assets/logo.svg'}" in own
    assert len(own) > 10  # Material's scripts, styles and images
    assert _theme_files(project, site, listing) == own
    walked: list[str] = []
    walk = jinja2.FileSystemLoader.list_templates
    monkeypatch.setattr(jinja2.FileSystemLoader, "list_templates", lambda loader: (
        walked.extend(loader.searchpath), walk(loader))[1])
    assert _theme_files(project, site, listing) == own  # from what was kept
    assert walked == [str(overrides)]
    # The project's own overrides are listed again each build: a new file is found.
    (overrides / "assets/banner.svg").write_text("<svg/>", encoding="utf-8")
    assert _theme_files(project, site, listing) == _theme_files(project, site, None) \
        == sorted([*own, f"assets/banner.svg from {overrides / 'assets/banner.svg'}"])


def test_few_files_are_looked_at_often_and_many_at_mkdocs_pace(tmp_path: Path) -> None:
    few, many = tmp_path / "few", tmp_path / "many"
    for folder, count in ((few, 40), (many, 1300)):
        (folder / "sub").mkdir(parents=True)
        for n in range(count):
            (folder / "sub" / f"{n}.yml").write_text("", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text("", encoding="utf-8")
    assert poll_interval([str(few), str(config)]) == 0.2
    assert poll_interval([str(many)]) == 0.5
    assert poll_interval([str(few), str(many / "sub")]) == 0.5
    assert poll_interval([str(tmp_path / "missing")]) == 0.2


def test_watched_paths_move_to_the_quicker_observer_as_they_were(tmp_path: Path) -> None:
    docs, config = tmp_path / "docs", tmp_path / "mkdocs.yml"
    docs.mkdir()
    config.write_text("", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0,
                              root=str(tmp_path))
    server.watch(str(docs))
    server.watch(str(docs))  # twice: it takes two unwatch calls to stop
    server.watch(str(config), recursive=False)
    before = server.observer
    watch_every(server, 0.1)
    assert server.observer is not before and server.observer.timeout == 0.1
    # (watchdog watches a file through its folder, not recursively)
    assert sorted((e.watch.path, e.watch.is_recursive) for e in server.observer.emitters) \
        == [(str(tmp_path), False), (str(docs), True)]
    assert not before.emitters
    server.unwatch(str(docs))
    assert str(docs) in {e.watch.path for e in server.observer.emitters}
    server.unwatch(str(docs))
    assert {e.watch.path for e in server.observer.emitters} == {str(tmp_path)}
    server.unwatch(str(config))
    assert not server.observer.emitters
    server.server_close()
