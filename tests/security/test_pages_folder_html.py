"""``shoptalk pages`` writes no page whose HTML would run script where the folder is built.

No cleaner runs where another engine builds the folder, so a page is judged by the HTML
it renders to, not only by how the checker reads its Markdown: the two parsers disagree
on an unclosed code fence, on ``\\<`` and on comments a browser ends early.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.site.helpers import make_project

from shoptalk.cli import main

UNCLOSED_FENCE = """
# Home

Text.

```
<img src=x onerror=alert(1)>
"""
ESCAPED_BRACKET = """
# Home

Python-Markdown keeps \\<img src=x onerror=alert(1)> as HTML.
"""
EMPTY_COMMENT = """
# Home

<!--> <img src=x onerror=alert(1)> -->
"""
BANG_COMMENT_END = """
# Home

<!-- a note --!> <img src=x onerror=alert(1)> -->
"""
SAFE = """
# Home

Plain `<b>code</b>`, <b>bold</b> and a sample:

```html
<script>alert(1)</script>
```
"""
RUNS = "error: 'onerror' runs script and is removed from the published page; remove it"


def _pages(tmp_path: Path, page: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    make_project(tmp_path / "project", pages={"index.md": page})
    code = main(["--config", str(tmp_path / "project" / "shoptalk.yml"), "pages", "--out",
                 str(tmp_path / "folder")])
    return code, capsys.readouterr().out


# The checker finds the comment cases in the Markdown; the others only the rendered page shows.
@pytest.mark.parametrize(("page", "reported"), [
    (UNCLOSED_FENCE, f"docs/index.md:6:12: {RUNS} (as the page renders) [unsafe-html]"),
    (ESCAPED_BRACKET, f"docs/index.md:3:35: {RUNS} (as the page renders) [unsafe-html]"),
    (EMPTY_COMMENT, f"docs/index.md:3:18: {RUNS} [unsafe-html]"),
    (BANG_COMMENT_END, f"docs/index.md:3:29: {RUNS} [unsafe-html]"),
], ids=["unclosed-fence", "escaped-bracket", "empty-comment", "bang-comment-end"])
def test_a_page_that_renders_to_script_is_not_written(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], page: str, reported: str) -> None:
    code, out = _pages(tmp_path, page, capsys)
    assert code == 1
    assert [line for line in out.splitlines() if "[unsafe-html]" in line] == [reported]
    assert not (tmp_path / "folder").exists()


def test_code_samples_of_html_are_still_written(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _pages(tmp_path, SAFE, capsys)
    assert (code, [line for line in out.splitlines() if "unsafe-html" in line]) == (0, [])
    assert "<script>alert(1)</script>" in (tmp_path / "folder" / "docs" / "index.md").read_text()


@pytest.mark.parametrize("page", [EMPTY_COMMENT, BANG_COMMENT_END],
                         ids=["empty-comment", "bang-comment-end"])
def test_the_checker_sees_a_tag_after_a_comment_a_browser_ends_early(
        tmp_path: Path, page: str, capsys: pytest.CaptureFixture[str]) -> None:
    make_project(tmp_path, pages={"index.md": page})
    code = main(["--config", str(tmp_path / "shoptalk.yml"), "check", str(tmp_path / "docs")])
    out = capsys.readouterr().out
    assert code == 1
    assert [line.strip().partition(": ")[2] for line in out.splitlines()
            if "[unsafe-html]" in line] == [f"{RUNS} [unsafe-html]"]
