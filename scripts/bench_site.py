"""Benchmark the site build with a synthetic glossary against a plain MkDocs build.

    python scripts/bench_site.py [--terms 2000] [--work bench]

1. Generate a glossary of N terms and build the site with the shoptalk plugin.
2. Copy the generated Markdown of every page into a plain docs folder and build that
   with the same theme and extensions but no shoptalk plugin and no macros.
3. Print both times, their ratio (``--runs`` interleaved pairs, the median), the largest
   page, ``search_index.json``, and the HTML size of one term page for N and N/10 terms
   (none of these pages may grow with the number of terms).
4. Check that every page is under 500 KB (listing any that is not: exit status 1), and
   print the data files that do grow with the glossary: ``search_index.json``,
   ``glossary.json`` (fetched only by the 404 page, "did you mean" and the filtered A–Z)
   and ``llms-full.txt`` (the whole language as text, large on purpose).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.site.helpers import build_site, make_project  # noqa: E402

CPU: dict[int, float] = {}  # CPU seconds of each build: terms -> time, 0 for the plain build
PAGE_LIMIT = 500 * 1024
# Files beside the pages that hold the whole glossary on purpose, reported, not limited.
DATA_FILES = ("search/search_index.json", "glossary.json", "llms.txt", "llms-full.txt",
              "sitemap.xml")
# The largest page of each kind, by where it sits.
KINDS = {"A–Z": "glossary/letter/", "A–Z index": "glossary/index.html",
         "category": "glossary/category/", "term": "glossary/term-", "stage": "pipeline/",
         "role": "roles/", "cheat sheet": "cheat-sheet/"}


def _shoptalk_build(work: Path, terms: int) -> tuple[float, Path]:
    root = work / f"shoptalk-{terms}"
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    subprocess.run([sys.executable, str(REPO / "scripts" / "gen_glossary.py"),
                    str(work / f"glossary-{terms}"), "--terms", str(terms)], check=True,
                   stdout=subprocess.DEVNULL)
    config = make_project(root, glossary=work / f"glossary-{terms}",
                          shoptalk_yml="rules: {missing-example: off}\n")
    start, cpu = time.perf_counter(), time.process_time()
    build_site(config, root / "site")
    CPU[terms] = time.process_time() - cpu
    return time.perf_counter() - start, root


def _plain_build(work: Path, shoptalk_root: Path) -> float:
    """The same pages as plain Markdown files, built by MkDocs alone."""
    from shoptalk import load_config, validate
    from shoptalk.site_build import build_site

    settings = load_config(shoptalk_root)
    glossary, _ = validate(settings)
    root = work / "plain"
    shutil.rmtree(root, ignore_errors=True)
    docs = root / "docs"
    build = build_site(settings, glossary, {}, check=False)
    for page in build.generated.values():
        path = docs / page.uri
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page.markdown, encoding="utf-8")
    (docs / "index.md").write_text("# Home\n\nWelcome.\n", encoding="utf-8")
    (docs / "assets" / "shoptalk").mkdir(parents=True, exist_ok=True)
    from shoptalk.site_build import ASSETS

    for name in ASSETS:
        shutil.copy(REPO / "src" / "shoptalk" / "assets" / name, docs / "assets" / "shoptalk")
    settings_yml = yaml.load((shoptalk_root / "mkdocs.yml").read_text(encoding="utf-8"),
                             Loader=yaml.Loader)
    settings_yml["plugins"] = ["search"]
    # The same nav as the shoptalk build (term pages out of it), so both build the same site.
    settings_yml["nav"] = build.expand_nav(settings_yml["nav"])
    settings_yml.pop("watch", None)
    (root / "mkdocs.yml").write_text(yaml.dump(settings_yml), encoding="utf-8")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config as mkdocs_config

    config = mkdocs_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"))
    start, cpu = time.perf_counter(), time.process_time()
    build(config)
    CPU[0] = time.process_time() - cpu
    return time.perf_counter() - start


def _largest_page(site: Path, prefix: str = "") -> tuple[int, str]:
    return max((p.stat().st_size, p.relative_to(site).as_posix()) for p in site.rglob("*.html")
               if p.relative_to(site).as_posix().startswith(prefix))


def _size_report(site: Path) -> list[str]:
    """Print the largest page of each kind and the data files; return the pages over the
    limit."""
    kinds = []
    for kind, prefix in KINDS.items():
        size, name = _largest_page(site, prefix)
        kinds.append(f"{kind} {size / 1024:.0f} KB ({name})")
    print("  largest pages: " + "; ".join(kinds))
    print("  data files: " + "; ".join(f"{name} {(site / name).stat().st_size / 1024:.0f} KB"
                                      for name in DATA_FILES if (site / name).is_file()))
    return sorted(f"{p.relative_to(site).as_posix()} {p.stat().st_size / 1024:.0f} KB"
                  for p in site.rglob("*.html") if p.stat().st_size > PAGE_LIMIT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--terms", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=1, help="interleaved pairs of builds")
    parser.add_argument("--work", type=Path, default=REPO / "bench")
    args = parser.parse_args(argv)
    work: Path = args.work.resolve()
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    small_time, small = _shoptalk_build(work, max(args.terms // 10, 10))
    pairs: list[tuple[float, float, float, float]] = []
    for _ in range(args.runs):  # interleaved: a busy machine slows both builds alike
        big_time, big = _shoptalk_build(work, args.terms)
        big_cpu = CPU[args.terms]
        plain_time = _plain_build(work, big)
        pairs.append((big_time, plain_time, big_cpu, CPU[0]))
    ratios = sorted(b / p for b, p, _, _ in pairs)
    cpu_ratios = sorted(b / p for _, _, b, p in pairs)
    page = "glossary/term-00003/index.html"
    small_size = (small / "site" / page).stat().st_size
    big_size = (big / "site" / page).stat().st_size
    for b, p, bc, pc in pairs:
        print(f"shoptalk build, {args.terms} terms: {b:.1f} s (CPU {bc:.1f} s); "
              f"plain mkdocs build of the same pages: {p:.1f} s (CPU {pc:.1f} s)")
    print(f"ratio (median of {len(pairs)}): {ratios[len(ratios) // 2]:.2f}x wall, "
          f"{cpu_ratios[len(cpu_ratios) // 2]:.2f}x CPU")
    for label, root in ((f"{max(args.terms // 10, 10)} terms", small),
                        (f"{args.terms} terms", big)):
        size, name = _largest_page(root / "site")
        index = (root / "site" / "search" / "search_index.json").stat().st_size
        print(f"{label}: largest page {name} {size / 1024:.0f} KB; "
              f"search_index.json {index / 1024:.0f} KB")
    print(f"term page HTML: {small_size} bytes with {max(args.terms // 10, 10)} terms, "
          f"{big_size} bytes with {args.terms} terms (small build took {small_time:.1f} s)")
    print(f"{args.terms} terms:")
    over = _size_report(big / "site")
    pages = sum(1 for _ in (big / "site").rglob("*.html"))
    if over:
        print(f"{len(over)} of {pages} pages over {PAGE_LIMIT // 1024} KB: " + ", ".join(over))
        return 1
    print(f"every page under {PAGE_LIMIT // 1024} KB ({pages} pages)")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
