"""Benchmark: build the site on synthetic records at several scales of the real record.

    .venv/bin/python benchmarks/run.py --scales 1 10 100

For each scale: generate the records (benchmarks/synthetic.py), time `rid check`, build the site
(all six languages) and measure wall time, peak memory, pages per language, output size, the
largest and median page, and the bytes a first search downloads; for `rid build`, also the time of
English alone (`rid build -l en`), to see what the other five languages cost. Builds run three
times by default (`--repeat`), each six-language build followed by English alone; medians are
reported, every run kept in the results. Results go to
benchmarks/results.json, and a table and an SVG plot to docs/benchmarks.md (a page of the site).
Not part of the test suite: timings are measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(Path(__file__).parent))

import synthetic  # noqa: E402
from report import write_report  # noqa: E402

from ridsite.publish.download_size import served_bytes  # noqa: E402
from ridsite.render.pages import SECTIONS  # noqa: E402

LANGS = ("en", "fr", "es", "ru", "zh", "ar")
# What is timed: `rid build` (the published site: languages in parallel, Pagefind) or plain
# `mkdocs build` (languages one after the other, Material's search), for a before/after table.
BUILDS = {
    "rid": [sys.executable, "-m", "ridsite.cli", "build", "-d", "site"],
    "mkdocs": [sys.executable, "-m", "mkdocs", "build", "-q", "-d", "site"],
}
# The sections of the site (one per kind of record, and the two vocabularies): generated into a
# docs/ that `mkdocs serve` used, and never copied into a benchmark's project.
GENERATED = SECTIONS


def make_project(dest: Path, scale: int) -> dict:
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for name in ("mkdocs.yml", "docs", "hooks", "overrides"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__", ".generated", *GENERATED))
        elif src.exists():
            shutil.copy2(src, dest / name)
    return synthetic.generate(ROOT / "data", dest / "data", scale)


def timed(cmd: list[str], cwd: Path, env: dict) -> tuple[float, int, subprocess.CompletedProcess]:
    """Wall time and peak resident memory (KiB) of a command and its children."""
    wrapper = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter(); r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "sys.stdout.write(repr((time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "
        "r.returncode, r.stderr[-4000:])))\n"
    )
    out = subprocess.run([sys.executable, "-c", wrapper, *cmd], cwd=cwd, env=env, capture_output=True, text=True)
    seconds, rss, code, stderr = eval(out.stdout)  # our own repr, from the line above
    return seconds, rss, subprocess.CompletedProcess(cmd, code, "", stderr)


def page_stats(site: Path) -> dict:
    pages = {lang: 0 for lang in LANGS}
    sizes = []
    for html in site.rglob("*.html"):
        rel = html.relative_to(site).parts
        lang = rel[0] if rel[0] in LANGS[1:] else "en"
        pages[lang] += 1
        if html.name == "index.html":
            sizes.append(html.stat().st_size)
    total = sum(f.stat().st_size for f in site.rglob("*") if f.is_file())
    return {
        "pages_per_language": pages,
        "output_bytes": total,
        "largest_page_bytes": max(sizes),
        "median_page_bytes": int(statistics.median(sizes)),
    }


def first_search_bytes(site: Path) -> int:
    """Bytes a reader downloads for a first query: Pagefind's chunks if present, else Material's index."""
    pagefind = site / "pagefind"
    if pagefind.is_dir():
        from search_cost import pagefind_first_query_bytes

        return pagefind_first_query_bytes(site, "en", "dialogue")
    index = site / "search" / "search_index.json"
    return served_bytes(index) if index.exists() else 0


def settle() -> None:
    """Each timed build starts from the same state: the previous one's files written to disk (a
    build that ran while they were still being written back would pay for them)."""
    os.sync()
    time.sleep(PAUSE_SECONDS)


PAUSE_SECONDS = 3


def run(scale: int, workdir: Path, build: str, repeat: int) -> dict:
    """One scale: `repeat` builds of all six languages, each followed, for rid build, by English
    alone; medians are reported (this machine's timings vary by a fifth from run to run)."""
    project = workdir / f"x{scale}"
    counts = make_project(project, scale)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT / "hooks"), SOURCE_DATE_EPOCH="1700000000")
    check_s, _, check = timed([sys.executable, "-m", "ridsite.cli", "check", "data", "--quiet"], project, env)
    if check.returncode:
        raise SystemExit(f"synthetic records at x{scale} are invalid:\n{check.stderr}")
    builds, alone, peaks = [], [], []
    for n in range(1, repeat + 1):
        # A fresh folder for every run (removed only after the last): removing a site just before
        # a build would slow its file writes on some file systems.
        settle()
        seconds, rss, done = timed([*BUILDS[build][:-1], f"site-{n}"], project, env)
        if done.returncode:
            raise SystemExit(f"build failed at x{scale}:\n{done.stderr}")
        builds.append(seconds)
        peaks.append(rss)
        if build == "rid":
            # What one language alone costs, to see what the other five add (issue: at most 4x).
            settle()
            seconds, _, done = timed([*BUILDS["rid"][:-1], f"site-{n}-en", "-l", "en"], project, env)
            if done.returncode:
                raise SystemExit(f"one-language build failed at x{scale}:\n{done.stderr}")
            alone.append(seconds)
    site = project / "site-1"
    stats = page_stats(site)
    pages = sum(stats["pages_per_language"].values())
    build_s = statistics.median(builds)
    result = {
        "scale": scale,
        "records": counts,
        "check_seconds": round(check_s, 2),
        "runs": repeat,
        "build_seconds": round(build_s, 1),
        "build_runs": [round(s, 1) for s in builds],
        "one_language_seconds": round(statistics.median(alone), 1) if alone else None,
        "one_language_runs": [round(s, 1) for s in alone],
        "peak_memory_mib": round(max(peaks) / 1024),
        "pages_total": pages,
        "ms_per_page": round(1000 * build_s / pages, 2),
        "first_search_bytes": first_search_bytes(site),
        **stats,
    }
    for n in range(1, repeat + 1):
        for folder in (f"site-{n}", f"site-{n}-en"):
            shutil.rmtree(project / folder, ignore_errors=True)
    print(json.dumps(result), flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/rid-benchmark"))
    parser.add_argument(
        "--build", choices=sorted(BUILDS), default="rid", help="what to time (default: rid build, as published)"
    )
    parser.add_argument("--label", help="name of this series in the results (default: the build's name)")
    parser.add_argument("--no-report", action="store_true", help="do not rewrite docs/benchmarks.md")
    parser.add_argument("--repeat", type=int, default=3, help="builds per scale, medians reported (default: 3)")
    args = parser.parse_args()
    results_file = Path(__file__).parent / "results.json"
    stored = json.loads(results_file.read_text()) if results_file.exists() else {}
    label = args.label or f"{args.build} build"
    series = stored.setdefault(label, {"results": []})
    for scale in args.scales:
        result = run(scale, args.workdir, args.build, args.repeat)
        # A scale measured again replaces its earlier row; other scales stay.
        series["results"] = sorted(
            [r for r in series["results"] if r["scale"] != scale] + [result], key=lambda r: r["scale"]
        )
        series.update(machine=f"{os.cpu_count()} cores", date=time.strftime("%Y-%m-%d"))
        results_file.write_text(json.dumps(stored, indent=2) + "\n")
    if not args.no_report:
        write_report(stored, ROOT / "docs" / "benchmarks.md", ROOT / "docs" / "assets" / "benchmarks.svg")


if __name__ == "__main__":
    main()
