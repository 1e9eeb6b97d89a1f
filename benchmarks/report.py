"""Turn benchmark results into a Markdown table and an SVG plot (build time against record count)."""

from __future__ import annotations

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
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" aria-labelledby="bench-title bench-desc">',
        '<title id="bench-title">Build time against record count</title>',
        '<desc id="bench-desc">Seconds to build all six languages for each benchmark scale; the table on this page has the same numbers.</desc>',
        f'<line x1="{pad}" y1="{height - pad}" x2="{width - pad}" y2="{height - pad}" stroke="#333"/>',
        f'<line x1="{pad}" y1="{pad}" x2="{pad}" y2="{height - pad}" stroke="#333"/>',
        f'<text x="{width / 2}" y="{height - 12}" text-anchor="middle" font-size="13">records</text>',
        f'<text x="14" y="{height / 2}" text-anchor="middle" font-size="13" transform="rotate(-90 14 {height / 2})">seconds</text>',
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
        parts.append(f'<text x="{width - pad}" y="{pad + 16 * i}" font-size="12" text-anchor="end" fill="{colour}">{escape(label)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def table(stored: dict) -> str:
    head = (
        "| series | scale | records | pages (all languages) | build (s) | ms / page | peak memory (MiB) "
        "| output (MB) | median page (KB) | largest page (KB) | first search (KB) | `rid check` (s) |\n"
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n"
    )
    rows = []
    for label, series in sorted(stored.items()):
        for r in sorted(series["results"], key=lambda r: r["scale"]):
            rows.append(
                f"| {label} | ×{r['scale']} | {records(r)} | {r['pages_total']} | {r['build_seconds']} | {r['ms_per_page']} "
                f"| {r['peak_memory_mib']} | {r['output_bytes'] / 1e6:.1f} | {r['median_page_bytes'] / 1000:.1f} "
                f"| {r['largest_page_bytes'] / 1000:.1f} | {r['first_search_bytes'] / 1000:.1f} | {r['check_seconds']} |"
            )
    return head + "\n".join(rows) + "\n"


def write_report(stored: dict, page: Path, svg: Path) -> None:
    svg.write_text(svg_plot(stored), encoding="utf-8")
    machines = ", ".join(sorted({f"{label}: {s['machine']}, {s['date']}" for label, s in stored.items()}))
    page.write_text(
        "---\ntitle: Benchmarks\n---\n\n# Benchmarks\n\n"
        "Build time of the whole site (six languages) on synthetic records at multiples of the real\n"
        "record, written by `benchmarks/run.py` (see README). Measured on: " + machines + ".\n\n"
        "![Build time against record count](assets/benchmarks.svg)\n\n" + table(stored),
        encoding="utf-8",
    )
