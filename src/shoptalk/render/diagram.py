"""The pipeline as inline SVG, drawn at build time: no script, no request, text a reader
can select and a screen reader can read.

Two drawings of the same stages are emitted: ``wide`` (left to right, for a desktop
column) and ``tall`` (top to bottom, for a phone); the style sheet shows one of them by
the width of the window. Colours come from the style sheet (Material's ``--md-*``
variables), so the light and the dark scheme both apply, and print keeps the outlines.
Every stage box is a link to its stage page. All text goes through ``safe.plain`` and is
escaped once more for XML: stage names are untrusted.
"""

from __future__ import annotations

import itertools
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Literal

from markupsafe import Markup

from ..model import Stage
from . import safe

__all__ = ["Layout", "page_href", "pipeline_svg", "wrap_words"]

Layout = Literal["wide", "tall"]


@dataclass(frozen=True, slots=True)
class _Box:
    stage: Stage
    x: float
    y: float
    w: float
    h: float

    @property
    def cx(self) -> float:
        return self.x + self.w / 2

    @property
    def cy(self) -> float:
        return self.y + self.h / 2


@dataclass(frozen=True, slots=True)
class _Shape:
    """Sizes of one layout, in SVG user units (CSS pixels at scale 1)."""

    box_w: int
    box_h: int
    gap: int  # between stages along the flow
    line_chars: int  # characters of a stage name per line before it wraps


_SHAPES: dict[Layout, _Shape] = {"wide": _Shape(112, 58, 20, 11), "tall": _Shape(236, 46, 22, 26)}
_PAD = 8
_TERMINAL_GAP = 12  # between terminal stages drawn side by side (or one above the other)


def _url_path(uri: str, directory_urls: bool) -> str:
    """A page's URL path from the site root, as MkDocs makes it: ``pipeline/qualify/``
    with directory URLs, ``pipeline/qualify.html`` without (an index stays ``index.html``)."""
    stem = uri.removesuffix(".md")
    if posixpath.basename(stem) in ("index", "README"):
        folder = posixpath.dirname(stem)
        if not directory_urls:
            return posixpath.join(folder, "index.html")
        return folder + "/" if folder else ""
    return stem + "/" if directory_urls else stem + ".html"


def page_href(from_uri: str, to_uri: str, directory_urls: bool = True) -> str:
    """The relative URL from page ``from_uri`` to page ``to_uri`` (src URIs) for raw HTML,
    which MkDocs does not rewrite: between the pages' URLs as the site is built
    (``use_directory_urls``)."""
    here = posixpath.dirname("/" + _url_path(from_uri, directory_urls))
    there = "/" + _url_path(to_uri, directory_urls)
    if there.endswith("/"):
        path = posixpath.relpath(there, "/" + _url_path(from_uri, directory_urls))
        return "./" if path == "." else path + "/"
    return posixpath.relpath(there, here)


def wrap_words(text: str, width: int, lines: int = 2) -> list[str]:
    """``text`` broken at spaces into at most ``lines`` lines of about ``width`` characters;
    what does not fit ends in an ellipsis (the box's link keeps the whole name)."""
    out: list[str] = []
    for word in text.split():
        if out and len(out[-1]) + 1 + len(word) <= width:
            out[-1] += " " + word
        else:
            out.append(word)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1][: width - 1].rstrip() + "…"
    return [line if len(line) <= width + 2 else line[: width - 1] + "…" for line in out]


def _layout(stages: Sequence[Stage], layout: Layout) -> tuple[list[_Box], float, float]:
    """Where each stage goes: open stages along the flow, terminal ones after the last."""
    shape = _SHAPES[layout]
    flow = [s for s in stages if not s.outcome]
    ends = [s for s in stages if s.outcome]
    boxes: list[_Box] = []
    step = (shape.box_w if layout == "wide" else shape.box_h) + shape.gap
    if layout == "wide":
        ends_h = len(ends) * shape.box_h + max(len(ends) - 1, 0) * _TERMINAL_GAP
        height = max(shape.box_h, ends_h) + 2 * _PAD
        mid = height / 2
        for i, stage in enumerate(flow):
            boxes.append(_Box(stage, _PAD + i * step, mid - shape.box_h / 2, shape.box_w,
                              shape.box_h))
        x = _PAD + len(flow) * step
        for i, stage in enumerate(ends):
            y = mid - ends_h / 2 + i * (shape.box_h + _TERMINAL_GAP)
            boxes.append(_Box(stage, x, y, shape.box_w, shape.box_h))
        width = x + (shape.box_w if ends else -shape.gap) + _PAD
        return boxes, width, height
    width = shape.box_w + 2 * _PAD
    for i, stage in enumerate(flow):
        boxes.append(_Box(stage, _PAD, _PAD + i * step, shape.box_w, shape.box_h))
    # Terminal stages side by side below the last open stage, two to a row.
    y0 = _PAD + len(flow) * step
    end_w = (shape.box_w - _TERMINAL_GAP) / 2 if len(ends) > 1 else shape.box_w
    for i, stage in enumerate(ends):
        row, col = divmod(i, 2)
        boxes.append(_Box(stage, _PAD + col * (end_w + _TERMINAL_GAP),
                          y0 + row * (shape.box_h + _TERMINAL_GAP), end_w, shape.box_h))
    rows = (len(ends) + 1) // 2
    height = (y0 + rows * shape.box_h + max(rows - 1, 0) * _TERMINAL_GAP if ends
              else y0 - shape.gap) + _PAD
    return boxes, width, height


def _arrow(x1: float, y1: float, x2: float, y2: float) -> str:
    """A line ending in a small filled arrowhead at (x2, y2); no markers (no ids to clash)."""
    dx, dy = x2 - x1, y2 - y1
    length = max((dx * dx + dy * dy) ** 0.5, 1.0)
    ux, uy = dx / length, dy / length
    bx, by = x2 - 7 * ux, y2 - 7 * uy  # the base of the head
    left, right = (bx - 4 * uy, by + 4 * ux), (bx + 4 * uy, by - 4 * ux)
    return (f'<line x1="{x1:g}" y1="{y1:g}" x2="{bx:g}" y2="{by:g}"/>'
            f'<polygon points="{x2:g},{y2:g} {left[0]:.1f},{left[1]:.1f} '
            f'{right[0]:.1f},{right[1]:.1f}"/>')


def _arrows(boxes: list[_Box], layout: Layout) -> list[str]:
    flow = [b for b in boxes if not b.stage.outcome]
    ends = [b for b in boxes if b.stage.outcome]
    out = []
    for a, b in itertools.pairwise(flow):
        out.append(_arrow(a.x + a.w, a.cy, b.x, b.cy) if layout == "wide"
                   else _arrow(a.cx, a.y + a.h, b.cx, b.y))
    if flow:
        last = flow[-1]
        for end in ends:
            out.append(_arrow(last.x + last.w, last.cy, end.x, end.cy) if layout == "wide"
                       else _arrow(last.cx, last.y + last.h, end.cx, end.y))
    return out


def _meta(stage: Stage) -> str:
    """The small line under a stage's name: won or lost, else its probability."""
    if stage.outcome == "won":
        return "✓ won"
    if stage.outcome == "lost":
        return "✗ lost"
    return f"{stage.probability}%" if stage.probability is not None else ""


def _xml(text: object) -> str:
    """Text or attribute value: plain, escaped, and braces as entities (a template engine
    may run over the page after us)."""
    return str(safe.attr_text(text))


def _stage_box(box: _Box, href: str, layout: Layout) -> str:
    stage, shape = box.stage, _SHAPES[layout]
    kind = f" st-diagram__stage--{stage.outcome}" if stage.outcome in ("won", "lost") else ""
    name = safe.plain(stage.name)
    meta = _meta(stage)
    label = f"Stage {stage.order}: {name}" + (f", {meta}" if meta else "")
    chars = shape.line_chars if box.w >= shape.box_w else max(int(shape.line_chars / 2) - 1, 6)
    lines = wrap_words(name, chars, 1 if layout == "tall" else 2) or [""]
    rows = [*lines, meta] if meta else lines
    # Baselines centred in the box: 16px between rows, the first one row above centre.
    first = box.cy - (len(rows) - 1) * 8 + 5
    texts = []
    for i, row in enumerate(rows):
        css = "st-diagram__meta" if meta and i == len(rows) - 1 else "st-diagram__name"
        texts.append(f'<text class="{css}" x="{box.cx:g}" y="{first + 16 * i:g}" '
                     f'text-anchor="middle">{_xml(row)}</text>')
    radius = box.h / 2 if stage.outcome else 6
    # xlink:href, not href: Material's instant navigation assigns ``a.href`` of every
    # ``[href]`` element, which throws on an SVG link (its href is read-only).
    return (f'<a class="st-diagram__stage{kind}" xlink:href="{escape(href, quote=True)}" '
            f'aria-label="{_xml(label)}"><title>{_xml(stage.purpose)}</title>'
            f'<rect x="{box.x:g}" y="{box.y:g}" width="{box.w:g}" height="{box.h:g}" '
            f'rx="{radius:g}"/>' + "".join(texts) + "</a>")


def _description(stages: Sequence[Stage]) -> str:
    flow = [s for s in stages if not s.outcome]
    ends = [s for s in stages if s.outcome]
    text = " → ".join(safe.plain(s.name) + (f" ({_meta(s)})" if _meta(s) else "") for s in flow)
    if ends:
        names = " or ".join(f"{safe.plain(s.name)} ({s.outcome})" for s in ends)
        text = f"{text}; then {names}." if text else f"{names}."
    return f"The stages in order: {text}" if text else "No stages yet."


def pipeline_svg(stages: Sequence[Stage], hrefs: dict[str, str], layout: Layout) -> Markup:
    """The stages (in order) drawn as one inline SVG; ``hrefs`` maps a stage id to its page."""
    boxes, width, height = _layout(stages, layout)
    parts = [f'<svg class="st-diagram__svg st-diagram__svg--{layout}" '
             f'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:g} {height:g}" '
             f'width="{width:g}" height="{height:g}" role="group">',
             "<title>Pipeline: the stages of a deal</title>",
             f"<desc>{_xml(_description(stages))}</desc>",
             '<g class="st-diagram__arrows">', *_arrows(boxes, layout), "</g>"]
    parts += [_stage_box(b, hrefs.get(b.stage.id, "#"), layout) for b in boxes]
    parts.append("</svg>")
    return Markup("".join(parts))
