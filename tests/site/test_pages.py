"""``shoptalk pages --out DIR``: the site as a folder that MkDocs builds with no shoptalk plugin."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from shoptalk.cli import main
from shoptalk.render.safe import clean_page_html
from shoptalk.site_folder import MARKER, page_url

from .helpers import build_site, html, make_project


def _built_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if p.name != "404.html")


def _pages(root: Path, out: str | Path, *extra: str) -> int:
    return main(["--config", str(root / "shoptalk.yml"), "pages", "--out", str(out), *extra])


@pytest.fixture(scope="module")
def folder(fixture_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture project (built with the plugin beside it) written by ``shoptalk pages``."""
    out = tmp_path_factory.mktemp("pages") / "out"
    assert _pages(fixture_site.parent, out) == 0
    return out


@pytest.fixture(scope="module")
def folder_site(folder: Path) -> Path:
    site = folder.parent / "folder-site"
    assert build_site(folder / "mkdocs.yml", site, strict=True) == []
    return site


def test_plain_mkdocs_builds_the_same_pages_as_the_plugin(
        fixture_site: Path, folder: Path, folder_site: Path) -> None:
    settings = yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8")
                              .replace("!!python/name:", ""))
    assert settings["plugins"] == ["search"]
    assert _built_pages(folder_site) == _built_pages(fixture_site)
    assert (folder_site / "glossary.json").read_bytes() == \
        (fixture_site / "glossary.json").read_bytes()
    assert (folder_site / "assets/shoptalk/shoptalk.js").is_file()


def test_the_folder_holds_the_macros_rendered_and_the_nav_expanded(
        folder: Path, folder_site: Path) -> None:
    playbook = (folder / "docs/playbooks/qualify-call.md").read_text(encoding="utf-8")
    assert playbook.startswith("---\ntitle: Qualification call\nstage: qualify\n---\n")
    assert 'Ask the [AE](../roles/ae.md "Account Executive: ' in playbook
    assert "{{" not in playbook
    nav = yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8")
                         .replace("!!python/name:", ""))["nav"]
    assert nav[2] == {"Pipeline": ["pipeline/index.md", "pipeline/qualify.md",
                                   "pipeline/closed-won.md"]}
    assert nav[5] == {"Playbooks": ["playbooks/index.md", "playbooks/qualify-call.md"]}


def _article(site: Path, page: str) -> str:
    """A built page's article without the edit button (generated pages differ there)."""
    found = re.search(r'<article class="md-content__inner md-typeset">(.*?)</article>',
                      (site / page).read_text(encoding="utf-8"), re.S)
    assert found, page
    return re.sub(r'<a href="[^"]*" title="Edit this page"[^>]*>', "", found.group(1)).strip()


def test_every_page_reads_the_same_as_in_the_plugin_build(
        fixture_site: Path, folder_site: Path) -> None:
    # The plugin also cleans each page's HTML, which another engine does not do; cleaning
    # both sides (it is idempotent) compares what a reader gets, entity spelling aside.
    for page in _built_pages(fixture_site):
        assert clean_page_html(_article(folder_site, page)) == \
            clean_page_html(_article(fixture_site, page)), page


def test_first_mentions_abbreviations_and_json_ld_reach_the_plain_build(
        fixture_site: Path, folder_site: Path) -> None:
    home = html(folder_site, "")
    assert '<a href="glossary/ideal-customer-profile/" title="The firmographic and ' in home
    assert '<abbr title="Ideal Customer Profile: The firmographic and ' in home
    term = html(folder_site, "glossary/economic-buyer/")
    assert term.count('<script type="application/ld+json">') == 1
    assert '"url": "https://shoptalk.example.com/glossary/economic-buyer/"' in term
    assert term.count('<script type="application/ld+json">') == \
        html(fixture_site, "glossary/economic-buyer/").count('<script type="application/ld+json">')


def test_page_urls_follow_mkdocs() -> None:
    assert page_url("index.md") == ""
    assert page_url("glossary/index.md") == "glossary/"
    assert page_url("glossary/icp.md") == "glossary/icp/"
    assert page_url("glossary/icp.md", directory_urls=False) == "glossary/icp.html"


def test_a_second_run_replaces_the_folder_it_wrote(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    shutil.copytree(folder, out)
    (out / "docs" / "stale.md").write_text("# Stale\n", encoding="utf-8")
    root = _project(tmp_path / "project")
    assert _pages(root, out) == 0
    assert not (out / "docs" / "stale.md").exists()
    assert (out / MARKER).is_file()
    assert (out / "docs" / "glossary" / "economic-buyer.md").is_file()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def _project(root: Path, pages: dict[str, str] | None = None) -> Path:
    make_project(root, pages=pages)
    return root


@pytest.mark.parametrize(("out", "message"), [
    (".", "--out would replace the project folder; name a new folder, e.g. build/pages"),
    ("..", "--out would replace the project folder; name a new folder, e.g. build/pages"),
    ("docs/site", "--out is inside the docs folder; the site would build itself into itself; "
                  "name a folder outside it"),
    ("docs", "--out is inside the docs folder; the site would build itself into itself; "
             "name a folder outside it"),
    ("mine", "exists and was not written by 'shoptalk pages' (no .shoptalk-pages file in it); "
             "name a new or empty folder"),
])
def test_an_out_folder_that_could_hurt_the_project_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        out: str, message: str) -> None:
    root = _project(tmp_path / "project")
    (root / "mine").mkdir()
    (root / "mine" / "notes.txt").write_text("mine\n", encoding="utf-8")
    monkeypatch.chdir(root)
    assert main(["pages", "--out", out]) == 2
    assert capsys.readouterr().err == f"shoptalk: error: {out}: {message}\n"
    assert (root / "mine" / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert sorted(p.name for p in root.iterdir()) == [
        "docs", "glossary", "mine", "mkdocs.yml", "shoptalk.yml"]


def test_glossary_errors_are_listed_and_nothing_is_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path / "project")
    (root / "glossary/terms/hot-lead.yml").write_text(
        "name: Hot lead\ndefinition: An old label.\ncategory: lead-flow\nowner: ae\n"
        "status: deprecated\nreplaced_by: warm-lead\n", encoding="utf-8")
    assert _pages(root, tmp_path / "out") == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines()[0].startswith("glossary/terms/hot-lead.yml:6:14: error: ")
    assert "Traceback" not in captured.err
    assert captured.err.endswith(f"nothing written to {tmp_path / 'out'}: fix the problems "
                                 "above\n")
    assert not (tmp_path / "out").exists()


def test_an_unknown_macro_name_is_a_problem_at_its_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path / "project", pages={
        "index.md": "---\ntitle: Home\n---\n# Home\n\nAsk the {{ role('cfo') }}.\n"})
    assert _pages(root, tmp_path / "out") == 1
    out = capsys.readouterr().out
    assert out.splitlines() == [
        'docs/index.md:6:18: error: role("cfo") matches no role [unknown-reference]',
        'docs/index.md:6:18: error: role("cfo") matches no role [page-macro]',
        "2 errors, 0 warnings in 1 file"]
    assert not (tmp_path / "out").exists()


def test_template_code_beyond_the_macros_is_refused_and_never_rendered(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _project(tmp_path / "project", pages={
        "index.md": "# Home\n\nSee {{ cycler.__init__.__globals__.os.environ }}.\n"})
    assert _pages(root, tmp_path / "out") == 1
    out = capsys.readouterr().out
    assert out.count("docs/index.md:3:5: error: ") == 1
    assert out.splitlines()[0].endswith("[template-code]")
    assert not (tmp_path / "out").exists()


def test_a_link_out_of_the_project_is_not_copied(tmp_path: Path) -> None:
    root = _project(tmp_path / "project")
    (tmp_path / "secret.txt").write_text("secret\n", encoding="utf-8")
    (root / "docs" / "secret.txt").symlink_to(tmp_path / "secret.txt")
    (root / "docs" / "logo.txt").write_text("logo\n", encoding="utf-8")
    assert _pages(root, tmp_path / "out") == 0
    assert not (tmp_path / "out" / "docs" / "secret.txt").exists()
    assert (tmp_path / "out" / "docs" / "logo.txt").read_text(encoding="utf-8") == "logo\n"


def test_the_folder_carries_the_theme_so_another_build_shows_breadcrumbs_and_asks_no_host(
        folder: Path, folder_site: Path) -> None:
    settings = yaml.safe_load((folder / "mkdocs.yml").read_text(encoding="utf-8")
                              .replace("!!python/name:", ""))
    assert settings["theme"]["custom_dir"] == "overrides"
    assert settings["extra"]["shoptalk"] == {"repository_widget": False}
    assert (folder / "overrides" / "partials" / "path.html").is_file()
    term = (folder_site / "glossary/economic-buyer/index.html").read_text(encoding="utf-8")
    crumbs = re.findall(r'class="md-path__link">\s*<span class="md-ellipsis">\s*([^<]*?)\s*<',
                        term)
    assert crumbs == ["Home", "Glossary", "Buyers and stakeholders"]
    assert 'data-md-component="source"' not in term
