"""The unsafe-html rule: raw HTML and links the site removes, reported where they are written.

Inline Markdown in, exact (line, col, end_col, message) out.
"""

from __future__ import annotations

import pytest

from shoptalk.check import FileScan

from .conftest import Scan

REMOVED = ("is removed from the published page: pages may not carry scripts, styles, frames, "
           "embedded objects, forms or page settings")
ADDRESS = ("is removed from the published page; use an address that starts with http:, "
           "https: or mailto:, or a relative one")


def handler(name: str) -> str:
    return f"'{name}' runs script and is removed from the published page; remove it"


def unsafe(result: FileScan) -> list[tuple[int, int, int | None, str]]:
    assert all(p.severity == "error" for p in result.problems if p.rule == "unsafe-html")
    return [(p.line, p.col, p.end_col, p.message)
            for p in result.problems if p.rule == "unsafe-html"]


@pytest.mark.parametrize(("markdown", "expected"), [
    ("Hi <img src=x onerror=alert(document.domain)> there.",
     [(1, 15, 22, handler("onerror"))]),
    ("<script>alert(1)</script>", [(1, 1, 8, f"'<script>' {REMOVED}")]),
    ("Text <script>alert(1)</script> inline.", [(1, 6, 13, f"'<script>' {REMOVED}")]),
    ('<a href="javascript:alert(1)">x</a>', [(1, 4, 8, f"a 'javascript:' 'href' {ADDRESS}")]),
    ('A <a href="JaVa&#x09;ScRiPt:alert(1)">x</a>.',
     [(1, 6, 10, f"a 'javascript:' 'href' {ADDRESS}")]),
    ('<iframe src="https://example.com/form"></iframe>', [(1, 1, 8, f"'<iframe>' {REMOVED}")]),
    ("<svg/onload=alert(1)>", [(1, 6, 12, handler("onload"))]),
    ('<object data="x.swf"></object> <embed src="x.swf">',
     [(1, 1, 8, f"'<object>' {REMOVED}"), (1, 32, 38, f"'<embed>' {REMOVED}")]),
    ('<form action="https://example.com/steal"><input name="p"></form>',
     [(1, 1, 6, f"'<form>' {REMOVED}")]),
    ('<meta http-equiv="refresh" content="0;url=https://example.com">',
     [(1, 1, 6, f"'<meta>' {REMOVED}")]),
    ("<style>article { display: none }</style>", [(1, 1, 7, f"'<style>' {REMOVED}")]),
    ('<base href="https://example.com/">', [(1, 1, 6, f"'<base>' {REMOVED}")]),
    ('<button formaction="javascript:alert(1)">Go</button>',
     [(1, 9, 19, f"a 'javascript:' 'formaction' {ADDRESS}")]),
    ("See [the form](javascript:alert(1)).",
     [(1, 16, 35, f"a 'javascript:' link target {ADDRESS}")]),
    ("![chart](data:text/html;base64,PHNjcmlwdD4=)",
     [(1, 10, 44, f"a 'data:' link target {ADDRESS}")]),
    ("Go <vbscript:msgbox(1)>.", [(1, 5, 23, f"a 'vbscript:' link target {ADDRESS}")]),
    ("Read [this][evil].\n\n[evil]: javascript:alert(1)",
     [(1, 6, None, f"a 'javascript:' link target {ADDRESS}")]),
    ('[Styled](#top){: onclick="alert(1)" }', [(1, 18, 25, handler("onclick"))]),
    ("A paragraph.\n{: onmouseover=alert(1) }", [(2, 4, 15, handler("onmouseover"))]),
    ("!!! note\n    Inside <img src=x onerror=alert(1)> a note.\n\nAfter [x](javascript:y).",
     [(2, 23, 30, handler("onerror")), (4, 11, 23, f"a 'javascript:' link target {ADDRESS}")]),
])
def test_unsafe_html_is_reported_where_it_is(
        scan: Scan, markdown: str, expected: list[tuple[int, int, int | None, str]]) -> None:
    assert unsafe(scan(markdown)) == expected


def test_plain_html_and_web_links_are_fine(scan: Scan) -> None:
    page = """
        # Links

        [Site](https://example.com) [page](../pipeline/qualify.md) [top](#links)
        <a href="mailto:team@example.com" title="Mail us">mail</a> <kbd>Ctrl</kbd>
        ![Diagram](img/diagram.png "A diagram") <https://example.com>

        <details><summary>More</summary>Hidden text.</details>

        [Button](#links){: .md-button title="Go" }

        Code shows HTML as text: `<script>alert(1)</script>` and `[x](javascript:y)`.

        ```html
        <iframe src="javascript:alert(1)" onload="x()"></iframe>
        ```
        """
    assert unsafe(scan(page)) == []


def test_unsafe_html_can_be_turned_into_a_warning_but_not_past_the_site(scan: Scan) -> None:
    from dataclasses import replace

    from .conftest import CONFIG

    config = replace(CONFIG, rules={"unsafe-html": "warning"})
    result = scan("Hi <img src=x onerror=alert(1)>.", config=config)
    assert [(p.rule, p.severity) for p in result.problems] == [("unsafe-html", "warning")]
