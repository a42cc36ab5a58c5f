"""Docs that run: every command the README, CONTRIBUTING and the docs pages show works.

Each shell command in a fenced ``sh``/``bash``/``shell``/``console`` block, and each inline
code span that starts with ``./shoptalk`` or ``make``, is run as written by ``sh`` in a scratch
copy of the starter content (a git repository, so ``diff`` has history) and must exit 0. The
commands of one block run in order in one copy, as a reader would type them; an inline command
runs alone. An HTML comment on its own line before a block changes that for the block:

    <!-- docs-test: exit 1 -->                  the commands are expected to fail so
    <!-- docs-test: skip (needs your own CSV) -->  not run, with the reason

``make`` commands are dry-run (``make -n``) in the repository itself: the target must exist.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from .conftest import git

ROOT = Path(__file__).parents[2]
LAUNCHER = ROOT / "shoptalk"
DOCS = ("README.md", "CONTRIBUTING.md", "docs/editing.md", "docs/authoring.md",
        "docs/reference/rules.md")
STARTER = ("glossary", "docs", ".github", "shoptalk.yml", "mkdocs.yml")
SHELLS = frozenset(("sh", "bash", "shell", "console"))
INLINE_RE = re.compile(r"(?:\./shoptalk|shoptalk|make)\s+\S")  # a bare name is no command
MARKER_RE = re.compile(r"<!--\s*docs-test:\s*(?:exit\s+(\d+)|skip\s+\((.+?)\))\s*-->")
COMMENT_RE = re.compile(r"\s+#.*$")  # the docs quote no '#' inside an argument
LAUNCHER_FORM_RE = re.compile(r"^(?:\S*/)?shoptalk(?:\s|$)")
_MD = MarkdownIt("commonmark").enable("table")


@dataclass(frozen=True)
class DocCommand:
    """One command a page tells the reader to type, where, and what it should do."""

    doc: str
    line: int
    text: str
    exit: int = 0
    skip: str | None = None
    block: int | None = None  # the line of its fenced block; None for inline code

    def __str__(self) -> str:
        return f"{self.doc}:{self.line}: {self.text}"


@dataclass(frozen=True)
class DocSession:
    """Commands typed one after the other: a fenced block, or one inline command."""

    commands: tuple[DocCommand, ...]

    def __str__(self) -> str:
        more = len(self.commands) - 1
        return f"{self.commands[0]}{f' (+{more})' if more else ''}"


def _markers(tokens: list[Token]) -> list[tuple[range, int, str | None]]:
    """(lines, exit code, skip reason) for each block a docs-test comment stands before."""
    found: list[tuple[range, int, str | None]] = []
    pending: re.Match[str] | None = None
    for token in tokens:
        if token.level != 0 or token.map is None or token.nesting == -1:
            continue
        marker = MARKER_RE.fullmatch(token.content.strip()) if token.type == "html_block" else None
        if marker:
            pending = marker
        elif pending:
            found.append((range(*token.map), int(pending[1] or 0), pending[2]))
            pending = None
    return found


def _fenced(token: Token) -> list[tuple[int, str]]:
    """(line, command) for each command of a shell block; ``console`` lines start with ``$``."""
    assert token.map is not None
    console = token.info.split()[0] == "console"
    commands: list[tuple[int, str]] = []
    parts: list[str] = []  # a command continued over lines that end in a backslash
    start = 0
    for number, line in enumerate(token.content.splitlines(), start=token.map[0] + 2):
        if console and not parts:
            if not line.startswith("$ "):
                continue
            line = line[2:]
        if not parts and (not line.strip() or line.lstrip().startswith("#")):
            continue
        start = start if parts else number
        parts.append(line.removesuffix("\\").strip())
        if not line.endswith("\\"):
            commands.append((start, " ".join(parts)))
            parts = []
    return commands


def _inline(token: Token, lines: list[str]) -> list[tuple[int, str]]:
    """(line, command) for each inline code span that starts with a command."""
    assert token.map is not None
    commands: list[tuple[int, str]] = []
    for child in token.children or []:
        if child.type == "code_inline" and INLINE_RE.match(child.content):
            first = token.map[0]
            number = next((n for n in range(first, token.map[1])
                           if child.content.split()[0] in lines[n]), first)
            commands.append((number + 1, child.content))
    return commands


def doc_commands(doc: str, text: str) -> list[DocCommand]:
    """Every command ``text`` (the page ``doc``) shows, with what it is expected to do."""
    tokens = _MD.parse(text)
    lines = text.splitlines()
    found: list[tuple[int, str, int | None]] = []
    for token in tokens:
        if token.type == "fence" and token.info.split()[:1] and token.info.split()[0] in SHELLS:
            assert token.map is not None
            found.extend((line, text, token.map[0] + 1) for line, text in _fenced(token))
        elif token.type == "inline":
            found.extend((line, text, None) for line, text in _inline(token, lines))
    markers = _markers(tokens)
    commands = []
    for line, command, block in found:
        exit_code, skip = next(((code, why) for lines_, code, why in markers
                                if line - 1 in lines_), (0, None))
        commands.append(DocCommand(doc, line, command, exit_code, skip, block))
    return commands


def all_sessions() -> list[DocSession]:
    """The sessions of every page this test covers, each distinct one once."""
    blocks: dict[tuple[str, int], list[DocCommand]] = {}
    sessions: list[DocSession] = []
    for doc in DOCS:
        for command in doc_commands(doc, (ROOT / doc).read_text(encoding="utf-8")):
            if command.block is None:
                sessions.append(DocSession((command,)))
            elif (doc, command.block) in blocks:
                blocks[doc, command.block].append(command)
            else:
                blocks[doc, command.block] = [command]
    sessions += [DocSession(tuple(commands)) for commands in blocks.values()]
    seen: dict[tuple[object, ...], DocSession] = {}
    for session in sessions:
        key = tuple((COMMENT_RE.sub("", c.text), c.exit, c.skip) for c in session.commands)
        seen.setdefault(key, session)
    return list(seen.values())


SESSIONS = all_sessions()


# The extraction itself, on inline Markdown.

def test_commands_are_found_in_shell_blocks_and_inline_code() -> None:
    page = textwrap.dedent("""\
        Run `./shoptalk validate` or `make test`; `shoptalk-check` is a hook id, `ls` is not ours.

        ```sh
        ./shoptalk check          # the pages
        # a comment line
        ./shoptalk new term "Deal Velocity" \\
          --owner ae
        ```

        ```console
        $ ./shoptalk check --fix
        docs/a.md:1:5: budget holder → Economic Buyer
        ```

        ```yaml
        name: ./shoptalk not a command
        ```

        <!-- docs-test: exit 1 -->

        ```sh
        ./shoptalk check docs/with-problems.md
        ```

        <!-- docs-test: skip (needs your own CSV) -->
        - `./shoptalk import yours.csv`
        - and `./shoptalk export`
        """)
    assert [(c.line, c.text, c.exit, c.skip, c.block)
            for c in doc_commands("page.md", page)] == [
        (1, "./shoptalk validate", 0, None, None),
        (1, "make test", 0, None, None),
        (4, "./shoptalk check          # the pages", 0, None, 3),
        (6, './shoptalk new term "Deal Velocity" --owner ae', 0, None, 3),
        (11, "./shoptalk check --fix", 0, None, 10),
        (22, "./shoptalk check docs/with-problems.md", 1, None, 21),
        (26, "./shoptalk import yours.csv", 0, "needs your own CSV", None),
        (27, "./shoptalk export", 0, "needs your own CSV", None),
    ]


def test_each_page_shows_commands() -> None:
    counts = {doc: len(doc_commands(doc, (ROOT / doc).read_text(encoding="utf-8")))
              for doc in DOCS}
    assert all(counts.values()), counts


# One form everywhere: `./shoptalk`, which works without activating .venv.

def test_docs_run_shoptalk_through_the_launcher() -> None:
    bare = [str(c) for doc in DOCS
            for c in doc_commands(doc, (ROOT / doc).read_text(encoding="utf-8"))
            if LAUNCHER_FORM_RE.match(c.text) and not c.text.startswith("./shoptalk")]
    assert bare == [], "write ./shoptalk, which works without activating .venv"


# Every command runs.

@pytest.fixture(scope="module")
def starter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The starter content, the launcher and this venv, committed in a scratch git repository."""
    root = tmp_path_factory.mktemp("starter") / "repo"
    root.mkdir()
    for name in STARTER:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name, symlinks=True)
        else:
            shutil.copy2(source, root / name)
    shutil.copy2(LAUNCHER, root / "shoptalk")
    # This venv, already set up: `make -q setup` answers "current" and the launcher runs it.
    (root / "Makefile").write_text("setup:\n", encoding="utf-8")
    (root / ".venv").symlink_to(Path(sys.prefix), target_is_directory=True)
    (root / ".gitignore").write_text(".venv\nsite/\n", encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Starter content")
    git(root, "update-ref", "refs/remotes/origin/main", "HEAD")
    return root


def sh(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(["sh", "-c", command], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300, check=False)


@pytest.mark.parametrize("session", SESSIONS, ids=str)
def test_doc_commands_run(session: DocSession, starter: Path, tmp_path: Path) -> None:
    project = tmp_path / "repo"
    shutil.copytree(starter, project, symlinks=True)
    for command in session.commands:
        if command.skip:
            pytest.skip(command.skip)
        if command.text.startswith("make "):
            # Never run the suite or a server from a test: the target must exist, that is all.
            done = sh(f"make -n -C {shlex.quote(str(ROOT))} {command.text[5:]}", ROOT)
        else:
            done = sh(command.text, project)
        assert done.returncode == command.exit, (
            f"{command}\nexit {done.returncode}, expected {command.exit}\n"
            f"{done.stdout}{done.stderr}")


def test_the_web_editor_example_is_a_new_valid_term(starter: Path, tmp_path: Path) -> None:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    match = re.search(r"lowercase with hyphens: `([a-z0-9-]+\.yml)`", text)
    assert match, "CONTRIBUTING names the file to create"
    (example,) = [token.content for token in _MD.parse(text) if token.type == "fence"
                  and token.info == "yaml" and "term.schema.json" in token.content]
    project = tmp_path / "repo"
    shutil.copytree(starter, project, symlinks=True)
    path = project / "glossary" / "terms" / match[1]
    assert not path.exists(), f"the starter language already has {match[1]}"
    path.write_text(example, encoding="utf-8")
    done = sh("./shoptalk validate --strict", project)
    # Only the review date may be reported: it is a notice, which never fails.
    assert [line for line in done.stdout.splitlines()
            if match[1] in line and ": notice: " not in line] == []
    assert done.returncode == 0, done.stdout

# The launcher: works from a fresh clone, stays fast once set up, passes arguments as typed.

# Stands in for the real Makefile: `setup` makes a .venv whose shoptalk prints its arguments
# one per line and the folder it runs in, and logs each run, as the real one reinstalls only
# when the dependencies changed.
STUB_MAKEFILE = """\
setup: .venv/.installed
.venv/.installed: requirements.lock
\techo ran >> setup.log
\tmkdir -p .venv/bin
\tprintf '#!/bin/sh\\nfor a in "$$@"; do echo "[$$a]"; done\\npwd\\n' > .venv/bin/shoptalk
\tchmod +x .venv/bin/shoptalk
\ttouch .venv/.installed
"""


@pytest.fixture
def clone(tmp_path: Path) -> Path:
    """A fresh clone, as far as the launcher can tell: no .venv yet."""
    root = tmp_path / "clone"
    root.mkdir()
    shutil.copy2(LAUNCHER, root / "shoptalk")
    (root / "Makefile").write_text(STUB_MAKEFILE, encoding="utf-8")
    (root / "requirements.lock").write_text("pins\n", encoding="utf-8")
    return root


def setup_runs(root: Path) -> int:
    log = root / "setup.log"
    return len(log.read_text(encoding="utf-8").splitlines()) if log.exists() else 0


def test_the_launcher_sets_up_once_and_passes_arguments_untouched(clone: Path) -> None:
    first = sh("""./shoptalk new term "Proof of Value" --owner 'a  b' '' '$HOME' "*" """, clone)
    assert (first.returncode, first.stdout) == (
        0, f"[new]\n[term]\n[Proof of Value]\n[--owner]\n[a  b]\n[]\n[$HOME]\n[*]\n{clone}\n")
    assert first.stderr == (
        "shoptalk: setting up .venv with 'make setup' (first run only: a few minutes)\n")
    assert setup_runs(clone) == 1
    again = sh("./shoptalk validate", clone)
    assert (again.returncode, again.stdout, again.stderr) == (0, f"[validate]\n{clone}\n", "")
    assert setup_runs(clone) == 1


def test_the_launcher_reinstalls_when_the_pins_change(clone: Path) -> None:
    sh("./shoptalk", clone)
    later = (clone / ".venv" / ".installed").stat().st_mtime + 10
    os.utime(clone / "requirements.lock", (later, later))
    assert sh("./shoptalk", clone).returncode == 0
    assert setup_runs(clone) == 2


def test_the_launcher_runs_from_another_folder_there(clone: Path) -> None:
    (clone / "docs").mkdir()
    done = sh("../shoptalk check .", clone / "docs")
    assert (done.returncode, done.stdout) == (0, f"[check]\n[.]\n{clone / 'docs'}\n")


def test_a_failed_setup_is_a_clear_error(clone: Path) -> None:
    (clone / "Makefile").write_text("setup:\n\t@echo no python3 >&2; exit 1\n", encoding="utf-8")
    done = sh("./shoptalk validate", clone)
    assert (done.returncode, done.stdout) == (2, "")
    lines = done.stderr.splitlines()  # make's own "Error 1" line between varies by version
    assert [lines[0], lines[1], lines[-1]] == [
        "shoptalk: setting up .venv with 'make setup' (first run only: a few minutes)",
        "no python3",
        "shoptalk: 'make setup' failed (see above); nothing was run"]
