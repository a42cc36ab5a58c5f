"""Hover text written into a page after conversion: the title a build with the text makes,
and only where a placeholder stands as an ``<abbr>``'s or a link's title."""

from __future__ import annotations

import markdown

from shoptalk.hover_titles import HoverTitles


def _convert(text: str) -> str:
    return markdown.Markdown(extensions=["abbr"]).convert(text)


def test_each_abbreviation_and_link_is_written_with_its_placeholder() -> None:
    hovers = HoverTitles()
    lines, links = hovers.start({"EB": 'Economic Buyer: signs "alone" & <fast>'},
                                {"economic-buyer": "Signs alone."}, _convert)
    assert lines == {"EB": f"*[EB]: {hovers.placeholder('h', 'EB')}"}
    assert links == {"economic-buyer": hovers.placeholder("l", "economic-buyer")}


def test_only_a_title_of_an_abbr_or_a_link_is_replaced() -> None:
    hovers = HoverTitles()
    hovers.start({"EB": "Economic Buyer: signs & decides"}, {"economic-buyer": "Signs."},
                 _convert)
    abbr, link = hovers.placeholder("h", "EB"), hovers.placeholder("l", "economic-buyer")
    page = (f'<p><abbr title="{abbr}">EB</abbr> <a href="x/" title="{link}">EB</a> {abbr} '
            f'<span title="{abbr}">s</span></p>')
    assert hovers.put_back(page, generated=False) == (
        '<p><abbr title="Economic Buyer: signs &amp; decides">EB</abbr> '
        f'<a href="x/" title="Signs.">EB</a> {abbr} <span title="{abbr}">s</span></p>')


def test_a_script_address_in_hover_text_is_broken_on_a_generated_page_only() -> None:
    hovers = HoverTitles()
    hovers.start({"EB": "Economic Buyer: see href=javascript:x"}, {}, _convert)
    page = f'<abbr title="{hovers.placeholder("h", "EB")}">EB</abbr>'
    assert hovers.put_back(page, generated=False) == \
        '<abbr title="Economic Buyer: see href=javascript:x">EB</abbr>'
    assert hovers.put_back(page, generated=True) == \
        '<abbr title="Economic Buyer: see href=#blocked:x">EB</abbr>'


def test_a_text_that_makes_no_title_keeps_its_own_line() -> None:
    hovers = HoverTitles()
    lines, links = hovers.start({"EB": "   "}, {"economic-buyer": " "}, _convert)
    assert lines == {} and links == {}


def test_a_link_title_holding_a_bar_keeps_its_own_text() -> None:
    # In a table cell the "|" splits the cell: no title put back could match that.
    hovers = HoverTitles()
    _, links = hovers.start({}, {"economic-buyer": "Signs | decides.",
                                 "stage/qualify": "Decide."}, _convert)
    assert links == {"stage/qualify": hovers.placeholder("l", "stage/qualify")}


def test_a_page_put_back_again_takes_the_titles_of_the_new_build() -> None:
    hovers = HoverTitles()
    hovers.start({}, {"economic-buyer": "Signs."}, _convert)
    link = hovers.placeholder("l", "economic-buyer")
    page = f'<p><a href="x/" title="{link}">EB</a> <a title="{link} x">EB</a></p>'
    assert hovers.put_back(page, generated=False) == \
        f'<p><a href="x/" title="Signs.">EB</a> <a title="{link} x">EB</a></p>'
    assert hovers.put_back(page, generated=False) == \
        f'<p><a href="x/" title="Signs.">EB</a> <a title="{link} x">EB</a></p>'
    hovers.start({}, {"economic-buyer": "Signs alone."}, _convert)
    assert hovers.put_back(page, generated=False) == \
        f'<p><a href="x/" title="Signs alone.">EB</a> <a title="{link} x">EB</a></p>'
    hovers.start({}, {}, _convert)  # the term is gone: the page is left as it is
    assert hovers.put_back(page, generated=False) == page
