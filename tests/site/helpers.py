"""Building a site into tmp_path and serving it: shared by the HTML and browser tests."""

from __future__ import annotations

import contextlib
import functools
import http.server
import logging
import shutil
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
VALID_GLOSSARY = REPO / "tests" / "fixtures" / "valid"


def make_project(root: Path, glossary: Path = VALID_GLOSSARY,
                 pages: dict[str, str] | None = None, nav: list[object] | None = None,
                 shoptalk_yml: str = "") -> Path:
    """A project in ``root`` using the repository's mkdocs.yml settings: returns mkdocs.yml."""
    shutil.copytree(glossary, root / "glossary")
    docs = root / "docs"
    docs.mkdir(parents=True)
    for rel, text in (pages or {"index.md": "# Home\n\nWelcome.\n"}).items():
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    (root / "shoptalk.yml").write_text("glossary: glossary\ndocs: docs\n" + shoptalk_yml,
                                      encoding="utf-8")
    settings = yaml.load((REPO / "mkdocs.yml").read_text(encoding="utf-8"),
                         Loader=yaml.Loader)
    settings["nav"] = nav if nav is not None else [
        {"Home": "index.md"}, {"Glossary": "glossary/index.md"},
        {"Pipeline": "pipeline/index.md"}, {"Roles": "roles/index.md"},
        {"Methodology": "methodology/index.md"}, {"Playbooks": "playbooks/"}]
    config_file = root / "mkdocs.yml"
    config_file.write_text(yaml.dump(settings, sort_keys=False), encoding="utf-8")
    return config_file


class LogCapture(logging.Handler):
    """Every message of level WARNING or above logged during a build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextlib.contextmanager
def capture_warnings() -> Iterator[LogCapture]:
    handler = LogCapture()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    try:
        yield handler
    finally:
        logger.removeHandler(handler)


def build_site(config_file: Path, site_dir: Path, *, strict: bool = False) -> list[str]:
    """Build the project of ``config_file`` into ``site_dir``; return the warnings logged."""
    with capture_warnings() as logs:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir),
                             strict=strict)
        build(config)
    return logs.messages


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(site_dir: Path) -> Iterator[str]:
    """Serve ``site_dir`` on 127.0.0.1 and a free port; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def build_as_serve(config_file: Path, site_dir: Path) -> list[str]:
    """Build as ``mkdocs serve`` does (the plugin told the command); return the warnings
    logged."""
    with capture_warnings() as logs:
        config = load_config(config_file=str(config_file), site_dir=str(site_dir))
        config.plugins.on_startup(command="serve", dirty=False)
        try:
            build(config)
        finally:  # MkDocs keeps one plugin instance per process: the next test builds
            config.plugins.on_startup(command="build", dirty=False)
    return logs.messages


def html(site_dir: Path, path: str) -> str:
    """The built HTML of ``path`` (e.g. ``glossary/economic-buyer/``)."""
    target = site_dir / path
    if path.endswith("/") or not path:
        target = target / "index.html"
    return target.read_text(encoding="utf-8")
