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

import nh3
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


_MARKDOWN_MARKS = re.compile(r"([\\`*_\[\]()#+!|~^])")


def md_literal(value: object) -> Markup:
    """One line shown exactly as written (a message, a file name): ``md_inline`` with every
    Markdown mark escaped, so ``__init__`` stays ``__init__``, not bold ``init``."""
    return md_inline(_MARKDOWN_MARKS.sub(r"\\\1", str(value)))


def md_code(value: object) -> Markup:
    """``value`` as one inline code span: shown exactly as written, never read as Markdown,
    HTML or a link (the span's fence is longer than any run of backticks inside)."""
    text = " ".join(_CONTROL.sub("", str(value)).split())
    fence = "`" * (max((len(r) for r in re.findall("`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return Markup(f"{fence}{pad}{text}{pad}{fence}")


def md_inline(value: object) -> Markup:
    """One line of Markdown: ``md_text`` with line breaks folded into spaces."""
    return Markup(" ".join(md_text(value).split()))


def md_cell(value: object) -> Markup:
    """Inline Markdown that is safe inside a table cell (``|`` escaped)."""
    return Markup(md_inline(value).replace("|", "\\|"))


_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"[*_`]+")


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
        text = _LINK.sub(r"\1", text)  # [label](url) -> label
        text = _EMPHASIS.sub("", text)
        text = " ".join(text.split())
    return text.replace("<", LOOKALIKES["<"]).replace(">", LOOKALIKES[">"])


def attr_text(value: object) -> Markup:
    """``plain`` text for a Markdown link title, ``abbr`` definition or HTML attribute;
    ``|`` as a character reference, so a title inside a table cell does not end the cell."""
    return Markup(html_escape(plain(value), quote=True).replace("{", "&#123;")
                  .replace("}", "&#125;").replace("|", "&#124;"))


def safe_url(url: object) -> str:
    """``url`` when it is http(s), mailto or relative; otherwise ``#`` (never script)."""
    text = _CONTROL.sub("", str(url)).strip()
    squashed = re.sub(r"\s", "", text).lower()
    if not squashed.startswith(SAFE_SCHEMES) and ":" in squashed.split("/", 1)[0]:
        return "#"
    return html_escape(text, quote=True).replace(" ", "%20").replace("(", "%28") \
        .replace(")", "%29")


_ATTRIBUTE_BREAKERS = re.compile(r"""["'<>`\s{}\\^|]""")


def attribute_url(url: str | None) -> str | None:
    """``url`` for an ``href`` a theme prints unescaped (the edit button's): a quote, an
    angle bracket, whitespace or a brace percent-encoded, so a file name that holds one
    cannot end the attribute or start a tag."""
    if url is None:
        return None
    return _ATTRIBUTE_BREAKERS.sub(
        lambda m: "".join(f"%{byte:02X}" for byte in m.group().encode("utf-8")), url)


_HTML_SCHEME = re.compile(r"""(?i)\b(href|src|action|formaction|xlink:href)\s*=\s*(["']?)"""
                          r"""\s*(?:javascript|vbscript|data)\s*:""")


def scrub_html(html: str) -> str:
    """Defence in depth for generated pages: break any script URL left in attributes."""
    return _HTML_SCHEME.sub(lambda m: f"{m.group(1)}={m.group(2)}#blocked:", html)


# -- the HTML of a page ------------------------------------------------------
# Pages in docs/ are written by many people and Python-Markdown passes raw HTML
# through, so the HTML of every page is cleaned with ammonia (via nh3) against an
# allow-list: what Markdown and Material's extensions produce, and nothing that runs.

# Elements whose content goes too: the text of a script or a style sheet is no prose.
DROPPED_WITH_CONTENT = frozenset({"script", "style"})
# Elements that run, load or submit something: removed (the checker names them).
ACTIVE_ELEMENTS = DROPPED_WITH_CONTENT | frozenset({
    "iframe", "frame", "frameset", "object", "embed", "applet", "form", "meta", "base",
    "link", "noscript", "template", "portal"})
PAGE_URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Attributes that hold a URL a browser may follow or load.
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data",
                            "poster", "background", "srcset", "cite"})

_TAGS = {
    "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "button", "caption", "cite", "code",
    "col", "colgroup", "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "fieldset",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input",
    "ins", "kbd", "label", "legend", "li", "mark", "nav", "ol", "p", "pre", "q", "s", "samp",
    "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot", "th",
    "thead", "time", "tr", "u", "ul", "var", "wbr", "video", "audio", "source", "track",
    # inline SVG: Material's icons and emoji, diagrams; no <use>, <a> or <foreignObject>
    "svg", "path", "g", "circle", "ellipse", "line", "polyline", "polygon", "rect", "text",
    "tspan", "title", "desc", "defs", "lineargradient", "stop",
}
_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "hidden", "role", "style"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height", "loading"},
    "input": {"checked", "disabled", "name"},
    "label": {"for"},
    "details": {"open"},
    **{media: {"src", "controls", "width", "height", "poster", "preload", "muted", "loop",
               "playsinline"} for media in ("video", "audio")},
    "source": {"src", "type", "media"}, "track": {"src", "kind", "srclang", "label"},
    "ol": {"start", "reversed", "type"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"}, "colgroup": {"span"},
    "time": {"datetime"}, "del": {"datetime"}, "ins": {"datetime"},
    "svg": {"xmlns", "viewBox", "width", "height", "fill", "stroke", "aria-hidden",
            "focusable", "preserveAspectRatio"},
    **{shape: {"d", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry",
               "points", "fill", "stroke", "stroke-width", "stroke-linecap",
               "stroke-linejoin", "fill-rule", "clip-rule", "transform", "opacity",
               "text-anchor", "dx", "dy", "offset", "stop-color", "gradientUnits"}
       for shape in ("path", "g", "circle", "ellipse", "line", "polyline", "polygon", "rect",
                     "text", "tspan", "lineargradient", "stop")},
}
# The pipeline diagram (render/diagram.py): boxes, and links to stage pages as SVG 1.1
# ``xlink:href`` (the cleaner checks its scheme like any href). No ``<use>``, ``<image>``,
# ``<foreignObject>``, ``<style>`` or animation: nothing that loads, embeds or runs.
_ATTRIBUTES["rect"] = _ATTRIBUTES["rect"] | {"width", "height"}
_ATTRIBUTES["a"] = _ATTRIBUTES["a"] | {"xlink:href"}
# Only the kinds of input Markdown makes: task-list boxes and content-tab switches.
_ATTRIBUTE_VALUES = {"input": {"type": {"checkbox", "radio"}},
                     "button": {"type": {"button"}}}
# Ids starting with "__" are the theme's (``#__config`` is read as the site's settings):
# a page keeps only those its Markdown extensions make (tabs, code lines).
_THEME_ID = re.compile(r"__(?!tabbed_|codelineno-|span-|code_)")


def _page_attribute(element: str, name: str, value: str) -> str | None:
    """Keep an allowed attribute's value unless it could act on the theme or run script."""
    if name == "title":
        return hover_text(value)  # tooltips copy it with innerHTML
    if name in ("id", "for", "name") and _THEME_ID.match(value):
        return None
    if name.startswith("data-md") or (name == "name" and element == "img"):
        return None  # Material acts on data-md-*; a named image shadows document.*
    return value


_CLEANER = nh3.Cleaner(
    tags=_TAGS, clean_content_tags=set(DROPPED_WITH_CONTENT), attributes=_ATTRIBUTES,
    tag_attribute_values=_ATTRIBUTE_VALUES, attribute_filter=_page_attribute,
    generic_attribute_prefixes={"data-", "aria-"}, url_schemes=set(PAGE_URL_SCHEMES),
    filter_style_properties={"text-align"}, link_rel=None, strip_comments=True)


def clean_page_html(html: str) -> str:
    """The HTML of a page's article with everything that could run or load script removed.

    Keeps what Markdown and the site's extensions make (admonitions, tables, code
    highlighting, task lists, tabs, footnotes, permalinks, inline SVG, the quiz); drops
    scripts, styles, frames, forms and ``on*`` handlers, links and images that are not
    http(s), mailto or relative, and makes every ``title`` plain text.
    """
    return _CLEANER.clean(html)


def hover_text(value: str) -> str:
    """``value`` with no ``<`` or ``>``, even after any number of entity decodings.

    Like ``plain`` but keeps Markdown marks (a link title is no Markdown).
    """
    text, previous = _CONTROL.sub("", value), None
    while text != previous:
        previous, text = text, _CONTROL.sub("", html_unescape(text))
    return text.replace("<", LOOKALIKES["<"]).replace(">", LOOKALIKES[">"])


def url_scheme(url: str) -> str | None:
    """The scheme of ``url`` as a browser reads it (whitespace and controls ignored), if any."""
    squashed = re.sub(r"[\s\x00-\x1f\x7f]", "", html_unescape(url)).lower()
    match = re.match(r"([a-z][a-z0-9+.-]*):", squashed)
    return match.group(1) if match else None


__all__ = [
    "ACTIVE_ELEMENTS", "DROPPED_WITH_CONTENT", "LOOKALIKES", "PAGE_URL_SCHEMES", "SAFE_SCHEMES",
    "URL_ATTRIBUTES", "attr_text", "attribute_url", "clean_page_html", "hover_text", "md_cell",
    "md_inline", "md_text", "plain", "safe_url", "scrub_html", "url_scheme",
]
