"""The Markdown parser the checker reads pages with: markdown-it-py, set up once.

CommonMark with raw HTML, tables and strikethrough, as MkDocs renders pages; escapes
and entities kept apart from text (they are not verbatim prose). Two costs of the
stock parser are cut without changing a token: link targets are not normalised
(the checker reads only their scheme) and the block rules' debug logging is off.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

__all__ = ["PARSER"]

PARSER = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
# Escapes and entities stay apart from text: they are not verbatim prose.
PARSER.disable("text_join", ignoreInvalid=True)

# Python-Markdown makes a link of ``[x](javascript:…)`` too, so the checker must see one
# (to report its target): every target is a valid link here.
PARSER.validateLink = lambda url: True  # type: ignore[method-assign]
# markdown-it normalises every link target (URL parse, punycode, percent-encoding) only to
# put it in ``href``, which the checker reads only for the scheme of a reference link, and
# normalising never changes the scheme, so targets with a banned-looking scheme still go
# through the real thing and every other target is passed through as it is: the same
# tokens, without the cost (6% of the parse).
_BANNED_SCHEME_RE = re.compile(r"\s*(?:vbscript|javascript|file|data):", re.I)
_normalize_link = PARSER.normalizeLink


def _cheap_normalize_link(url: str) -> str:
    return _normalize_link(url) if _BANNED_SCHEME_RE.match(url) else url


PARSER.normalizeLink = _cheap_normalize_link  # type: ignore[method-assign]


class _Silent:
    """A logger that drops debug messages without a call into ``logging``."""

    @staticmethod
    def debug(*args: object, **kwargs: object) -> None:
        """Nothing: the message is dropped."""


def _silence_block_rules() -> None:
    """markdown-it-py's block rules log at debug level on every line they try (a thousand
    calls a page, 8% of the parse with the level off): unless someone already turned
    that level on, they get a logger that does nothing."""
    import importlib
    import logging
    import pkgutil

    from markdown_it import rules_block

    if logging.getLogger("markdown_it").isEnabledFor(logging.DEBUG):
        return
    for found in pkgutil.iter_modules(rules_block.__path__):
        module = importlib.import_module(f"{rules_block.__name__}.{found.name}")
        if isinstance(getattr(module, "LOGGER", None), logging.Logger):
            module.LOGGER = _Silent  # type: ignore[attr-defined]


_silence_block_rules()
