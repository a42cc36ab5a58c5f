"""Turning YAML strings into Markdown that cannot carry HTML or script.

Every string from the glossary is untrusted text. Before it reaches a page it is
made inert: ``<``, ``>`` and ``&`` become entities (so no raw HTML, and no HTML
comment or unbalanced tag can swallow the layout), script-capable URL schemes are
broken, and the Markdown extensions that read special syntax from text
(``attr_list``'s ``{: onclick=...}``, snippets' ``--8<--``, Jinja's ``{{ }}``)
find nothing to act on. Inline Markdown (emphasis, code, links) still works.
"""

from __future__ import annotations

import re
from html import escape as html_escape
from html import unescape as html_unescape

from markupsafe import Markup

# Browsers ignore ASCII whitespace and control characters inside a scheme, so
# "java\tscript:" must be caught as well.
_SCHEME = re.compile(
    r"(?i)(?<![a-z0-9+.-])(j[\s\x00-\x1f]*a[\s\x00-\x1f]*v[\s\x00-\x1f]*a[\s\x00-\x1f]*"
    r"s[\s\x00-\x1f]*c[\s\x00-\x1f]*r[\s\x00-\x1f]*i[\s\x00-\x1f]*p[\s\x00-\x1f]*t"
    r"|v[\s\x00-\x1f]*b[\s\x00-\x1f]*s[\s\x00-\x1f]*c[\s\x00-\x1f]*r[\s\x00-\x1f]*i"
    r"[\s\x00-\x1f]*p[\s\x00-\x1f]*t|data(?=[\s\x00-\x1f]*:[\s\x00-\x1f]*[a-z-]+/))"
    r"[\s\x00-\x1f]*:")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# What hover text shows for an angle bracket: the glyph reads the same, parses as text.
LOOKALIKES = {"<": "\u2039", ">": "\u203a"}  # ‹ ›
SAFE_SCHEMES = ("http://", "https://", "mailto:", "/", "#", "./", "../")


def _scheme_blocked(match: re.Match[str]) -> str:
    return "blocked-" + re.sub(r"[\s\x00-\x1f]", "", match.group(1)) + "&#58;"


def md_text(value: object) -> Markup:
    """``value`` as Markdown with raw HTML and script-capable syntax neutralised.

    Newlines are kept, so multi-paragraph fields (``details``) keep their shape.
    """
    text = _CONTROL.sub("", str(value))
    text = html_escape(text, quote=False)
    text = _SCHEME.sub(_scheme_blocked, text)
    # `{` feeds attr_list (`{: onclick=...}`) and Jinja; an entity shows the same glyph.
    text = text.replace("{", "&#123;").replace("}", "&#125;")
    return Markup(text)


def md_inline(value: object) -> Markup:
    """One line of Markdown: ``md_text`` with line breaks folded into spaces."""
    return Markup(" ".join(md_text(value).split()))


def md_cell(value: object) -> Markup:
    """Inline Markdown that is safe inside a table cell (``|`` escaped)."""
    return Markup(md_inline(value).replace("|", "\\|"))


def plain(value: object) -> str:
    """Inert one-line text: Markdown marks and entities resolved, no ``<`` or ``>`` left.

    This is the text of every ``title``, tooltip and page title. Material's tooltips
    copy a ``title`` into the page with ``innerHTML``, after the browser has decoded the
    attribute once, so no layer of decoding may produce a tag: entities (``&lt;``,
    ``&#x3c;``, ``&amp;lt;``...) are decoded until nothing changes, then the angle
    brackets become the look-alikes ‹ and ›.
    """
    text, previous = str(value), None
    # Dropping a mark can join an entity (``&l*t;``), so repeat until nothing changes;
    # every pass that changes something but whitespace makes the text shorter.
    while text != previous:
        previous = text
        text = _CONTROL.sub("", html_unescape(text))
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # [label](url) -> label
        text = re.sub(r"[*_`]+", "", text)
        text = " ".join(text.split())
    return text.replace("<", LOOKALIKES["<"]).replace(">", LOOKALIKES[">"])


def attr_text(value: object) -> Markup:
    """``plain`` text for a Markdown link title, ``abbr`` definition or HTML attribute."""
    return Markup(html_escape(plain(value), quote=True).replace("{", "&#123;")
                  .replace("}", "&#125;"))


def safe_url(url: object) -> str:
    """``url`` when it is http(s), mailto or relative; otherwise ``#`` (never script)."""
    text = _CONTROL.sub("", str(url)).strip()
    squashed = re.sub(r"\s", "", text).lower()
    if not squashed.startswith(SAFE_SCHEMES) and ":" in squashed.split("/", 1)[0]:
        return "#"
    return html_escape(text, quote=True).replace(" ", "%20").replace("(", "%28") \
        .replace(")", "%29")


_HTML_SCHEME = re.compile(r"""(?i)\b(href|src|action|formaction|xlink:href)\s*=\s*(["']?)"""
                          r"""\s*(?:javascript|vbscript|data)\s*:""")


def scrub_html(html: str) -> str:
    """Defence in depth for generated pages: break any script URL left in attributes."""
    return _HTML_SCHEME.sub(lambda m: f"{m.group(1)}={m.group(2)}#blocked:", html)


__all__ = [
    "LOOKALIKES", "SAFE_SCHEMES", "attr_text", "md_cell", "md_inline", "md_text", "plain",
    "safe_url", "scrub_html"
]
