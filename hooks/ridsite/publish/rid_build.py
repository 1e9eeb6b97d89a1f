"""`rid build`: the whole site, on every core, at the scale of the whole UN record.

`mkdocs build` with mkdocs-static-i18n builds the six languages one after the other, each pass
working through every language's files, and spends most of its time in the theme's templates.
This driver checks the records once, then forked worker processes (sharing them):

1. one job per language renders its pages into a docs tree of its own (authored files
   hard-linked), keeping in memory every record page but one of each kind and depth; MkDocs
   builds that tree (mkdocs-static-i18n's `build_only_locale`); the pages kept aside are stamped
   from the one MkDocs built (stamp.py: byte-identical, a hundred times cheaper); Pagefind indexes
   the language into a bundle at its root;
2. one job writes the maps, data files and bibliography of the feature modules, once;
3. published addresses are checked (permalinks.txt), then the languages, those files and the
   sitemaps are assembled in a staging folder beside the site folder, which replaces it by two
   renames only when all went well: a failure, a full disk or SIGTERM leaves the previous site as
   it was (siteswap.py).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..model import slugs
from ..model.languages import CODES
from ..records.load import load_corpus
from ..records.reproducible import content_epoch
from ..render.assemble import Renderer, all_pages, render_files
from ..render.pages import markdown_file, prepare
from . import runner
from .docs_sync import MANIFEST, inside
from .permalinks import enforce as enforce_permalinks
from .sitemap import pages_in, write_sitemaps
from .siteswap import staged_site
from .stamp import PER_PAGE_SETTINGS, Parts, first_difference, make_shell, per_page_settings, stampable

HOME_MARKER = "<!-- rid:home -->"


def belongs_to(rel: str, lang: str, docs: Path) -> bool:
    """Whether an authored file of docs/ goes into the tree of one language.

    A page without a translation falls back to the default language's file; a page with one gets
    only its translation. Given both, mkdocs-static-i18n keeps whichever it meets last, in the
    order the file system lists them: the French methodology was published in English."""
    file_lang = slugs.file_language(rel)
    if file_lang is not None:
        return file_lang == lang
    if rel.endswith(".md"):
        # x.md is the default language's page, and another language's while it has no x.fr.md.
        translation = slugs.file_in_language(rel, lang)
        return translation == rel or not (docs / translation).exists()
    return True  # static files serve all


def authored_tree(docs: Path, dest: Path, lang: str, home_summary: str, generated_urls: set[str]) -> None:
    """The hand-written part of docs/ that one language's build needs (hard links, no copies).

    Pages that an earlier `mkdocs serve` generated into docs/ (at the address of a page this
    build renders, or listed in its manifest) are left out: this build renders its own."""
    manifest = docs / MANIFEST
    stale = set(manifest.read_text(encoding="utf-8").split()) if manifest.exists() else set()
    for path in sorted(docs.rglob("*")):
        rel = path.relative_to(docs).as_posix()
        if path.is_dir() or rel == MANIFEST or rel in stale or not belongs_to(rel, lang, docs):
            continue
        if rel.endswith(".md") and slugs.authored_url(rel) in generated_urls:
            continue
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".md" and HOME_MARKER in (text := path.read_text(encoding="utf-8")):
            # The hook fills the home page from the records; done here once for each language.
            target.write_text(text.replace(HOME_MARKER, "\n\n" + home_summary + "\n\n"), encoding="utf-8")
            continue
        _link(path, target)


def _link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)  # never write through a hard link into docs/
    path.write_text(text, encoding="utf-8")


@dataclass
class LanguageBuild:
    lang: str
    seconds: float
    returncode: int
    output: str
    stamped: int = 0
    stamp_seconds: float = 0.0
    render_seconds: float = 0.0
    search_seconds: float | None = None
    urls: list = field(default_factory=list)  # (url, source path) of every generated page
    pages: list = field(default_factory=list)  # the URL of every page of the language, authored ones included
    began: float = 0.0  # when the job started and ended (time.perf_counter, the same clock in every worker)
    ended: float = 0.0
    stamp_error: str = ""  # a stamped page that is not the page MkDocs renders (stamp_check)
    checked: int = 0  # stamped pages compared with MkDocs's


def build_language(
    project: Path,
    docs_tree: Path,
    out: Path,
    lang: str,
    strict: bool,
    epoch: int | None = None,
    generator: str = runner.RUNNER,
) -> LanguageBuild:
    """MkDocs (or ProperDocs) builds one language's docs tree (pages rendered already) into `out`."""
    config = runner.language_config(project, docs_tree, out, lang, strict)
    started = time.perf_counter()
    result = runner.run(config, docs_tree.parent / f"mkdocs.{lang}.yml", project, epoch, generator)
    return LanguageBuild(lang, time.perf_counter() - started, result.returncode, result.output)


def stamp_check(shells: dict, checks: dict, out: Path, exemplars: dict, project: Path) -> str:
    """Stamp each check page from its kind's shell and compare it, byte for byte, with the page
    MkDocs built: a theme setting or template that writes a per-page value the stamp does not know
    would otherwise be published wrong on every stamped page. Returns what went wrong, or ""."""
    for key, parts in checks.items():
        built = (out / parts.url / "index.html").read_text(encoding="utf-8")
        stamped = shells[key].fill(parts)
        if stamped == built:
            continue
        settings = per_page_settings(runner.read_config(project))
        named = "".join(f"\n  - {s}: {PER_PAGE_SETTINGS[s]}" for s in settings)
        return (
            f"stamping would publish wrong pages: {parts.url} stamped from {exemplars[key].url} is not the page MkDocs "
            f"renders ({first_difference(built, stamped)}).\n"
            + (
                f"mkdocs.yml turns on what writes a value of its own on every page:{named}\n"
                if named
                else "A theme setting or template writes something of its own on every page, which stamp.py does not "
                "know.\n"
            )
            + "Remove the setting, teach ridsite/stamp.py the new slot, or build with --no-stamp (slower, every page "
            "by MkDocs)."
        )
    return ""


# What Pagefind indexes: the page's content, the theme's <article>, not the header, tabs, sidebars
# and footer around it (parsing only that takes a fifth less of its time than excluding those by
# selector, for the same words), less the pager, breadcrumb and heading anchors within it, and
# less the site's notes that thousands of pages repeat word for word (the text is in its original
# language, the summary is ours): they would make every page a result for "traduction officielle",
# and Pagefind's time grows with the words it indexes.
SEARCH_ROOT = "article.md-content__inner"
SEARCH_EXCLUDE = ".rid-pager, .rid-pages, .rid-breadcrumb, .headerlink, .rid-notice, .rid-fallback, .rid-disclaimer"


def index_search(site: Path) -> float | None:
    """Pagefind's index of one language's pages, in site/pagefind/: the reader downloads only the
    chunks a query needs. Returns the seconds it took, or None without Pagefind installed."""
    try:
        import pagefind  # noqa: F401  (the wheel carries the indexer binary)
    except ImportError:
        return None
    started = time.perf_counter()
    with runner.stopped_by_sigterm():
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pagefind",
                "--site",
                str(site),
                "--root-selector",
                SEARCH_ROOT,
                "--exclude-selectors",
                SEARCH_EXCLUDE,
                "--silent",
            ],
            capture_output=True,
            text=True,
        )
    if result.returncode:
        raise RuntimeError(f"pagefind failed:\n{result.stdout}{result.stderr}")
    return time.perf_counter() - started


# -- the jobs, run in forked worker processes that share the parent's checked records ----------
_shared: dict = {}


@dataclass
class _PageRef:
    """What permalinks.enforce reads of a page."""

    url: str
    lang: str
    source_path: str


def language_job(lang: str) -> LanguageBuild:
    """One language from records to finished pages: render; MkDocs builds the authored pages, the
    indexes and one record page of each kind and depth; the other record pages are stamped from
    those (kept in memory, never written as Markdown); Pagefind indexes the language."""
    corpus, project, work, site_url, stamp, strict, epoch, generator = (
        _shared[k] for k in ("corpus", "project", "work", "site_url", "stamp", "strict", "epoch", "generator")
    )
    began = started = time.perf_counter()
    renderer = Renderer(corpus, lang, site_url, "pagefind")
    tree, out = work / "docs" / lang, work / "out" / lang
    pages = all_pages(renderer)
    authored_tree(project / "docs", tree, lang, renderer.home_summary(), {page.url for page in pages})
    exemplars: dict = {}
    checks: dict = {}  # per kind and depth, one more page that MkDocs builds and the stamp must match
    kept: list[Parts] = []
    urls: list[tuple[str, str]] = []
    for page in pages:
        urls.append((page.url, page.source_path))
        parts = Parts.of_page(page) if stamp else None
        if parts is not None and stampable(parts):
            if parts.key not in exemplars:
                exemplars[parts.key] = parts  # the first page of each kind and depth: MkDocs builds it
            elif parts.key not in checks:
                checks[parts.key] = parts  # the second: MkDocs builds it too, to check the stamp
            else:
                kept.append(parts)
                continue
        _write(inside(tree, page.source_path), markdown_file(page))
    rendered = time.perf_counter() - started
    build = build_language(project, tree, out, lang, strict, epoch, generator)
    build.urls, build.render_seconds, build.began = urls, rendered, began
    if build.returncode:
        return build
    started = time.perf_counter()
    shells = {
        key: make_shell((out / p.url / "index.html").read_text(encoding="utf-8"), p) for key, p in exemplars.items()
    }
    wrong = stamp_check(shells, checks, out, exemplars, project)
    if wrong:
        build.stamp_error = wrong
        return build
    build.pages = pages_in(out) + [parts.url for parts in kept]
    for parts in kept:
        _write(out / parts.url / "index.html", shells[parts.key].fill(parts))
    build.stamped, build.checked, build.stamp_seconds = len(kept), len(checks), time.perf_counter() - started
    build.search_seconds = index_search(out)
    build.ended = time.perf_counter()
    return build


@dataclass
class SharedFiles:
    """What the job writing the files shared by every language reports."""

    count: int
    began: float
    ended: float


def static_job() -> SharedFiles:
    """Maps, data files and the bibliography of the feature modules (assemble.render_files), once."""
    began = time.perf_counter()
    corpus, work, site_url = (_shared[k] for k in ("corpus", "work", "site_url"))
    files = render_files(corpus, site_url)
    for rel, content in files.items():
        _write(inside(work / "static", rel), content)
    return SharedFiles(len(files), began, time.perf_counter())


def _job(lang: str):
    return static_job() if lang == "" else language_job(lang)


def place_static(static: Path, staging: Path, languages=CODES) -> None:
    """x.fr.bib → fr/…/x.bib; a file without a language suffix goes to every language that has no
    file of its own there, as mkdocs-static-i18n's language builds would have copied it."""
    targets: dict[Path, Path] = {}
    files = [p for p in static.rglob("*") if not p.is_dir()]
    # Files without a suffix first, so that a language's own file replaces them.
    for path in sorted(files, key=lambda p: (slugs.file_language(p.name) is not None, p.as_posix())):
        rel = path.relative_to(static).as_posix()
        lang = slugs.file_language(rel)
        if lang is None:
            for other in languages:
                targets[staging / slugs.language_root(other) / rel] = path
        elif lang in languages:
            targets[staging / slugs.language_root(lang) / slugs.file_without_language(rel)] = path
    for target, path in targets.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            target.unlink()
        _link(path, target)


def _failure(output: str, keep: int = 40) -> str:
    """What MkDocs said when it failed, in a size a log can hold: a full disk in plain words, any
    other failure as its last lines (where the error is)."""
    if "No space left on device" in output:
        return (
            "No space left on device: the disk that holds the site folder is full; free some space or choose "
            "another --site-dir"
        )
    lines = output.rstrip().splitlines()
    return "\n".join((["…"] if len(lines) > keep else []) + lines[-keep:])


WORK = ".rid-work"  # inside the staging folder: removed before the swap


@dataclass(frozen=True)
class _Options:
    """What the caller of build_site chose."""

    stamp: bool
    strict: bool
    generator: str
    languages: tuple[str, ...]
    jobs: int | None


def _build_languages(corpus, project: Path, work: Path, site_url: str, epoch: int | None, options: _Options):
    """The jobs, on forked workers that share the checked records; raises RuntimeError if MkDocs
    failed or a stamped page is not the page MkDocs renders."""
    _shared.update(
        corpus=corpus,
        project=project,
        work=work,
        site_url=site_url,
        stamp=options.stamp,
        strict=options.strict,
        epoch=epoch,
        generator=options.generator,
    )
    jobs, languages = options.jobs, options.languages
    # Workers start with SIGTERM's default (not the parent's, which raises: in a worker that could
    # stop it while it holds the pool's locks); runner.stopped_by_sigterm covers their subprocesses.
    with multiprocessing.get_context("fork").Pool(
        jobs or os.cpu_count() or 2, initializer=signal.signal, initargs=(signal.SIGTERM, signal.SIG_DFL)
    ) as pool:
        # The shared files first, beside the first language, not alone at the end.
        done = pool.map(_job, ["", *languages], chunksize=1)
    builds = [b for b in done if isinstance(b, LanguageBuild)]
    failed = [b for b in builds if b.returncode]
    if failed:
        raise RuntimeError("\n".join(f"{b.lang}: mkdocs build failed\n{_failure(b.output)}" for b in failed))
    refused = [b for b in builds if b.stamp_error]
    if refused:
        raise RuntimeError(f"rid build: {refused[0].lang}: {refused[0].stamp_error}")
    return builds, done


def _cpu_seconds() -> float:
    """CPU time of this process and of its ended children (the workers, and MkDocs and Pagefind
    that they waited for): on a shared machine, what a build costs, which wall time is not."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@dataclass
class _Clock:
    """When each stage of build_site ended (time.perf_counter), for its log."""

    started: float
    cpu_started: float = field(default_factory=_cpu_seconds)
    loaded: float = 0.0
    jobs_done: float = 0.0
    assembled: float = 0.0


def _checked_records(project: Path):
    """The records, checked (raises RecordsInvalid: nothing written), their content date and what
    every language's rendering shares, computed once before the workers fork."""
    corpus = load_corpus(project / "data")
    epoch = content_epoch(project, corpus)
    prepare(corpus)
    return corpus, epoch


def _enforce_addresses(project: Path, work: Path, builds: list[LanguageBuild], site_url: str) -> None:
    """A published address that disappeared stops the build here, before the site is replaced;
    a moved one gets its redirect page among the shared files."""
    refs = [_PageRef(url, b.lang, src) for b in builds for url, src in b.urls]
    partial = len(builds) < len(CODES)
    for rel, content in enforce_permalinks(project, project / "docs", refs, site_url, every_language=partial).items():
        _write(inside(work / "static", rel), content)


def _move_languages(work: Path, staging: Path, languages) -> None:
    """Each language's finished tree to its root in the staging folder (renames, no copies)."""
    for lang in languages:
        out, root = work / "out" / lang, staging / slugs.language_root(lang)
        if root != staging:
            # A static host serves the root's 404.html (in six languages) for every missing
            # address; the copy each language's build writes would never be served, and its
            # language links, made for the site's root, lead nowhere from /fr/.
            (out / "404.html").unlink(missing_ok=True)
            out.rename(root)
            continue
        for child in sorted(out.iterdir()):
            child.rename(staging / child.name)


def _build_and_assemble(project, staging, corpus, epoch, site_url, options: _Options, clock: _Clock):
    """The languages and the shared files built in the work folder inside `staging`, then put in
    place there with the sitemaps; the work folder is removed whatever happens."""
    work = staging / WORK
    work.mkdir()
    # The records and what was computed from them are never freed: kept out of the garbage
    # collector's scans, which in the forked workers would also copy the pages they touch.
    gc.freeze()
    try:
        builds, done = _build_languages(corpus, project, work, site_url, epoch, options)
        clock.jobs_done = time.perf_counter()
        languages = options.languages
        _enforce_addresses(project, work, builds, site_url)
        _move_languages(work, staging, languages)
        place_static(work / "static", staging, languages)
        write_sitemaps(staging, {b.lang: b.pages for b in builds}, site_url, epoch)
    finally:
        _shared.clear()
        gc.unfreeze()
        shutil.rmtree(work, ignore_errors=True)
    return builds, done


def _log_timings(log, builds: list[LanguageBuild], done: list, clock: _Clock, site_dir: Path) -> None:
    """What each job did and when (seconds from the end of the records' check)."""
    loaded = clock.loaded
    for b in builds:
        search = "no Pagefind" if b.search_seconds is None else f"search index {b.search_seconds:.1f} s"
        log(
            f"rid build: {b.lang}: {len(b.urls)} pages rendered in {b.render_seconds:.1f} s, MkDocs {b.seconds:.1f} s, "
            f"{b.stamped} pages stamped (and {b.checked} checked against MkDocs) in {b.stamp_seconds:.1f} s, {search} "
            f"(from {b.began - loaded:.1f} to {b.ended - loaded:.1f} s)"
        )
    for shared in (d for d in done if isinstance(d, SharedFiles)):
        log(
            f"rid build: {shared.count} files shared by the languages written (from {shared.began - loaded:.1f} to "
            f"{shared.ended - loaded:.1f} s)"
        )
    log(
        f"rid build: records checked and shared work done in {loaded - clock.started:.1f} s, languages built in "
        f"{clock.jobs_done - loaded:.1f} s, "
        f"site assembled in {clock.assembled - clock.jobs_done:.1f} s"
    )
    log(
        f"rid build: site ready in {site_dir} after {clock.assembled - clock.started:.1f} s "
        f"({_cpu_seconds() - clock.cpu_started:.1f} s of CPU time)"
    )


def build_site(
    project: Path,
    site_dir: Path,
    jobs: int | None = None,
    strict: bool = True,
    stamp: bool = True,
    languages=CODES,
    log=print,
    generator: str = runner.RUNNER,
) -> list[LanguageBuild]:
    """Build the languages into site_dir; raises RecordsInvalid or RuntimeError, leaving site_dir as it was.

    `languages` other than all six makes a partial site (to preview, or to measure what each
    language costs); the published site has all six."""
    languages = tuple(code for code in CODES if code in languages)
    project = project.resolve()
    site_dir = site_dir if site_dir.is_absolute() else project / site_dir
    site_url = runner.site_url(project)
    clock = _Clock(time.perf_counter())
    corpus, epoch = _checked_records(project)
    clock.loaded = time.perf_counter()
    for stale in project.glob(".rid-build-*"):  # left by a build of an earlier version that was killed
        shutil.rmtree(stale, ignore_errors=True)
    # The new site is assembled in a folder beside the site folder, and its work folder inside
    # that one, so that every move below and the final swap are renames on one filesystem: a full
    # disk, a failed language or SIGTERM (raised as Terminated) leaves the previous site as it was
    # and removes what this build wrote (siteswap.py).
    options = _Options(stamp, strict, generator, languages, jobs)
    with staged_site(site_dir) as staging:
        builds, done = _build_and_assemble(project, staging, corpus, epoch, site_url, options, clock)
    clock.assembled = time.perf_counter()
    _log_timings(log, builds, done, clock, site_dir)
    return builds
