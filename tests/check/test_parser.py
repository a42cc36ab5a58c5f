"""The checker's markdown-it set-up cuts costs, never tokens."""

from __future__ import annotations

import logging

from markdown_it import MarkdownIt
from markdown_it.rules_block import list as list_rule

from shoptalk.check.parser import PARSER

PAGE = """\
# Discovery

> A quote with **bold**, `code` and [a link](javascript:alert(1)).

- one
  - nested <b>html</b>
1. first

| a | b |
|---|---|
| ~~x~~ | y |

```
fenced
```

    indented code

<div>raw</div>

[ref]: https://example.com/a%20b
See [the ref][ref] and <https://example.com>.
"""


def shape(md: MarkdownIt) -> list[tuple[object, ...]]:
    return [(t.type, t.map, t.content, [(c.type, c.content) for c in t.children or []])
            for t in md.parse(PAGE)]


def test_the_checker_reads_the_same_tokens_as_stock_markdown_it() -> None:
    stock = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    stock.disable("text_join")
    stock.validateLink = lambda url: True  # type: ignore[method-assign]
    assert shape(PARSER) == shape(stock)
    assert len(shape(PARSER)) == 57


def test_the_block_rules_log_nothing_at_debug_level() -> None:
    assert not isinstance(list_rule.LOGGER, logging.Logger)
    list_rule.LOGGER.debug("entering list: %s", "state")  # accepted and dropped
