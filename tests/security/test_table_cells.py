"""A bar in a record's text keeps to its table cell.

A link's hover title sits inside the cell of a Markdown table (a stage's or category's term
table lists each term with a link whose title is its definition); a ``|`` there ended the
cell, shifting every later cell of the row and showing the rest of the title as text.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from tests.site.helpers import build_site, html, make_project

DEFINITION = "The person who approves | signs | the spend alone."


class _Cells(HTMLParser):
    """The cells of each table row, and each link's title by its text."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[int] = []
        self.titles: dict[str, str] = {}
        self._title: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append(0)
        elif tag in ("td", "th") and self.rows:
            self.rows[-1] += 1
        elif tag == "a":
            self._title = dict(attrs).get("title")

    def handle_data(self, data: str) -> None:
        if self._title is not None and data.strip():
            self.titles[data.strip()] = self._title
            self._title = None


def test_a_bar_in_a_definition_stays_in_the_link_title_of_a_table_cell(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    term = project.parent / "glossary/terms/economic-buyer.yml"
    text = term.read_text("utf-8")
    term.write_text(text.replace(
        "The person who can approve the spend without asking anyone else.", DEFINITION),
        encoding="utf-8")
    site = tmp_path / "site"
    build_site(project, site)
    for page in ("pipeline/qualify/", "glossary/category/buyers/"):
        cells = _Cells()
        cells.feed(html(site, page))
        assert cells.rows and set(cells.rows) == {3}, page  # Term | Abbreviation | Definition
        assert cells.titles["Economic Buyer"] == DEFINITION, page
