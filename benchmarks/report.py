"""Turn benchmark results into a Markdown table and an SVG plot (build time against record count)."""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

COLOURS = ("#3f51b5", "#c2185b", "#2e7d32", "#ef6c00")


def records(result: dict) -> int:
    return sum(result["records"].values())


def svg_plot(stored: dict) -> str:
    width, height, pad = 640, 360, 56
    points = [(records(r), r["build_seconds"]) for s in stored.values() for r in s["results"]]
    max_x = max(x for x, _ in points) or 1
    max_y = max(y for _, y in points) or 1
    sx = lambda x: pad + (width - 2 * pad) * x / max_x  # noqa: E731
    sy = lambda y: height - pad - (height - 2 * pad) * y / max_y  # noqa: E731
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        'aria-labelledby="bench-title bench-desc">',
        '<title id="bench-title">Build time against record count</title>',
        '<desc id="bench-desc">Seconds to build all six languages for each benchmark scale; the table on this page '
        "has the same numbers.</desc>",
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="#333"/>',
        f'<line x1="{pad}" y1="{pad}" x2="{pad}" y2="{height - pad}" stroke="#333"/>',
        f'<text x="{width / 2}" y="{height - 12}" text-anchor="middle" font-size="13">records</text>',
        f'<text x="14" y="{height / 2}" text-anchor="middle" font-size="13" transform="rotate(-90 14 '
        f'{height / 2})">seconds</text>',
        f'<text x="{pad}" y="{height - pad + 18}" font-size="11" text-anchor="middle">0</text>',
        f'<text x="{width - pad}" y="{height - pad + 18}" font-size="11" text-anchor="middle">{max_x}</text>',
        f'<text x="{pad - 6}" y="{pad + 4}" font-size="11" text-anchor="end">{max_y:g}</text>',
    ]
    for i, (label, series) in enumerate(sorted(stored.items())):
        colour = COLOURS[i % len(COLOURS)]
        coords = [(sx(records(r)), sy(r["build_seconds"])) for r in sorted(series["results"], key=records)]
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in [(sx(0), sy(0)), *coords])
        parts.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{path}"/>')
        parts += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>' for x, y in coords]
        parts.append(
            f'<text x="{width - pad}" y="{pad + 16 * i}" font-size="12" text-anchor="end" '
            f'fill="{colour}">{escape(label)}</text>'
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


COLUMNS = (
    "series",
    "scale",
    "records",
    "pages per language",
    "pages (all languages)",
    "build (s)",
    "ms / page",
    "English alone (s)",
    "six ÷ one",
    "runs: six languages / English alone (s)",
    "peak memory, largest process (MiB)",
    "output (MB)",
    "median page (KB)",
    "largest page (KB)",
    "first search (KB)",
    "rid check (s)",
)


def rows(stored: dict) -> list[list[str]]:
    out = []
    for label, series in sorted(stored.items()):
        for r in sorted(series["results"], key=lambda r: r["scale"]):
            out.append(
                [
                    label,
                    f"×{r['scale']}",
                    str(records(r)),
                    str(max(r["pages_per_language"].values())),
                    str(r["pages_total"]),
                    str(r["build_seconds"]),
                    str(r["ms_per_page"]),
                    str(r["one_language_seconds"]) if r.get("one_language_seconds") else "–",
                    f"{r['build_seconds'] / r['one_language_seconds']:.1f}" if r.get("one_language_seconds") else "–",
                    runs(r),
                    str(r["peak_memory_mib"]),
                    f"{r['output_bytes'] / 1e6:.1f}",
                    f"{r['median_page_bytes'] / 1000:.1f}",
                    f"{r['largest_page_bytes'] / 1000:.1f}",
                    f"{r['first_search_bytes'] / 1000:.1f}",
                    str(r["check_seconds"]),
                ]
            )
    return out


def runs(result: dict) -> str:
    """Every run's time, so that a median can be read with its spread ("–" for a single run)."""
    six = result.get("build_runs", [])
    if len(six) < 2:
        return "–"
    text = " · ".join(f"{s:g}" for s in six)
    alone = result.get("one_language_runs", [])
    return text + (" / " + " · ".join(f"{s:g}" for s in alone) if alone else "")


def table(stored: dict) -> str:
    """An HTML table (escaped), in English whatever the language of the page around it."""
    head = "".join(f'<th scope="col">{escape(c)}</th>' for c in COLUMNS)
    body = "\n".join(
        "<tr>" + f'<th scope="row">{escape(r[0])}</th>' + "".join(f"<td>{escape(v)}</td>" for v in r[1:]) + "</tr>"
        for r in rows(stored)
    )
    return (
        # A region a keyboard can scroll: the wide table has nothing focusable inside (axe
        # scrollable-region-focusable).
        '<div class="md-typeset__scrollwrap" role="region" tabindex="0" aria-labelledby="benchmark-results">'
        '<div class="md-typeset__table"><table lang="en" dir="ltr">\n'
        '<caption id="benchmark-results">Benchmark results, one row per series and '
        f"scale</caption>\n<thead><tr>{head}</tr></thead>\n"
        f"<tbody>\n{body}\n</tbody>\n</table></div></div>\n"
    )


INTRO = """\
*This page is in English only: it is about the software, not the record.*

Build time of the whole site (six languages) on synthetic records at multiples of the real
record, written by `benchmarks/run.py` (see README): the real records copied under new ids (so
texts keep their real lengths and quotes stay verbatim), with synthetic States up to 200 actors.

- **rid build** is how the site is published: the records are checked once; forked processes
  (one per core) render each language, let MkDocs build its authored pages, indexes and one record
  page of each kind, stamp every other record page from that one (byte-identical, tested), and
  index the language with Pagefind. *English alone* is `rid build -l en`; *six ÷ one* is what
  all six cost against it.
- **mkdocs build** is plain `mkdocs build` with mkdocs-static-i18n, which builds the languages one
  after the other, with Material's search (one index file for all languages). It was not run at
  ×100: at its ×10 rate it would take well over an hour.

Times are medians of the runs listed beside them: each build of all six languages is followed by
English alone, and the disk is synced before each build, so that neither pays for the writes of
the one before.

*First search* is what a reader downloads for a first query, as a static host serves it (text
gzipped): for rid build, measured in Chromium on the search page (Pagefind's code, the language's
metadata and only the index chunks and result fragments the query needs); for mkdocs build, the
whole search index, which Material loads before the first result.
"""


def paragraphs(text: str) -> str:
    """INTRO as HTML paragraphs and a list, marked English (the page has no translation)."""
    html = []
    for block in text.strip().split("\n\n"):
        lines = " ".join(block.split())
        if block.lstrip().startswith("- "):
            items = [" ".join(i.split()) for i in block.strip()[2:].split("\n- ")]
            html.append("<ul>" + "".join(f"<li>{inline(i)}</li>" for i in items) + "</ul>")
        else:
            html.append(f"<p>{inline(lines)}</p>")
    return '<div lang="en" dir="ltr">\n' + "\n".join(html) + "\n</div>\n"


def inline(text: str) -> str:
    """The few Markdown marks INTRO uses: **bold**, *emphasis*, `code`."""
    out = escape(text)
    out = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", out)
    out = re.sub(r"\*(.+?)\*", r"<em>\1</em>", out)
    return re.sub(r"`(.+?)`", r"<code>\1</code>", out)


def write_report(stored: dict, page: Path, svg: Path) -> None:
    svg.write_text(svg_plot(stored), encoding="utf-8")
    machines = ", ".join(sorted({f"{label}: {s['machine']}, {s['date']}" for label, s in stored.items()}))
    page.write_text(
        "---\ntitle: Benchmarks\n---\n\n# Benchmarks { lang=en }\n\n"
        + paragraphs(INTRO + "\n\nMeasured on: " + machines + ".")
        + "\n![Build time against record count: the same numbers as the table below](assets/benchmarks.svg){ lang=en "
        "}\n\n" + table(stored),
        encoding="utf-8",
    )
