"""`rid build`: the whole site, on every core, at the scale of the whole UN record.

`mkdocs build` with mkdocs-static-i18n builds the six languages one after the other, each pass
working through every language's files, and spends most of its time in the theme's templates.
This driver checks the records once, then forked worker processes (sharing them):

1. render each language's pages into a docs tree of its own (authored files hard-linked), keeping
   aside every record page but one of each kind and depth, and write the downloads and data files;
2. build each language with MkDocs (mkdocs-static-i18n's `build_only_locale`), then stamp the pages
   kept aside from the one MkDocs built (stamp.py: byte-identical, a hundred times cheaper);
3. assemble the languages, the static files and the sitemaps in a staging folder, index it with
   Pagefind, and swap it in for the site folder only when all went well: a failure leaves the
   previous site as it was.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .languages import CODES, DEFAULT
from .load import load_corpus
from .output import MANIFEST
from .pages import Renderer, markdown_file, render_files
from .permalinks import enforce as enforce_permalinks
from .reproducible import content_epoch
from .sitemap import write_sitemaps
from .stamp import Shell, StampError, make_shell, read_parts, stampable

HOME_MARKER = "<!-- rid:home -->"


def language_of(rel: str) -> str | None:
    """'actors/egy.fr.md' → 'fr'; 'actors/egy.md' → None (the default language, or any)."""
    parts = Path(rel).name.split(".")
    return parts[-2] if len(parts) >= 3 and parts[-2] in CODES else None


def belongs_to(rel: str, lang: str, generated: bool) -> bool:
    """Whether a file of docs/ goes into the tree of one language."""
    file_lang = language_of(rel)
    if file_lang is not None:
        return file_lang == lang
    if rel.endswith(".md") and generated:
        return lang == DEFAULT  # generated pages exist in every language: no fallback needed
    return True  # authored pages without a translation fall back; static files serve all


def authored_tree(docs: Path, dest: Path, lang: str, home_summary: str) -> None:
    """The hand-written part of docs/ that one language's build needs (hard links, no copies).

    Files that an earlier `mkdocs serve` generated into docs/ (listed in its manifest) are left
    out: this build renders its own."""
    manifest = docs / MANIFEST
    stale = set(manifest.read_text(encoding="utf-8").split()) if manifest.exists() else set()
    for path in sorted(docs.rglob("*")):
        rel = path.relative_to(docs).as_posix()
        if path.is_dir() or rel == MANIFEST or rel in stale or not belongs_to(rel, lang, False):
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
    path.write_text(text, encoding="utf-8")


@dataclass
class LanguageBuild:
    lang: str
    seconds: float
    returncode: int
    output: str
    stamped: int = 0
    stamp_seconds: float = 0.0


def build_language(project: Path, docs_tree: Path, out: Path, lang: str, strict: bool, epoch: int | None = None) -> LanguageBuild:
    env = dict(
        os.environ,
        RID_DOCS_DIR=str(docs_tree),
        RID_ONLY_LANGUAGE=lang,
        RID_PAGES_READY="1",
        RID_MATERIAL_SEARCH="false",  # Pagefind indexes the assembled site instead
        NO_MKDOCS_2_WARNING="1",
    )
    if epoch is not None:
        env.setdefault("SOURCE_DATE_EPOCH", str(epoch))
    cmd = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)]
    if strict:
        cmd.append("--strict")
    started = time.perf_counter()
    result = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)
    return LanguageBuild(lang, time.perf_counter() - started, result.returncode, result.stdout + result.stderr)


# Parts of every page that are not its content: left out of the search index.
SEARCH_EXCLUDE = ".md-header, .md-tabs, .md-sidebar, .md-footer, .md-skip, .rid-pager, .rid-pages, .rid-breadcrumb, .headerlink"


def index_search(site: Path, log=print) -> bool:
    """Pagefind: one small index per language (from <html lang>), loaded in chunks by the reader."""
    try:
        import pagefind  # noqa: F401  (the wheel carries the indexer binary)
    except ImportError:
        log("rid build: pagefind is not installed: the site has no Pagefind index")
        return False
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--exclude-selectors", SEARCH_EXCLUDE, "--silent"],
        capture_output=True, text=True,
    )
    if result.returncode:
        raise RuntimeError(f"pagefind failed:\n{result.stdout}{result.stderr}")
    log(f"rid build: search index in {time.perf_counter() - started:.1f} s")
    return True


# -- the jobs, run in forked worker processes that share the parent's checked records ----------
_shared: dict = {}


@dataclass
class Rendered:
    lang: str
    pages: list[tuple[str, str]]  # (url, source path) of every generated page, for permalinks
    stamped: int
    seconds: float


@dataclass
class _PageRef:
    """What permalinks.enforce reads of a page."""

    url: str
    lang: str
    source_path: str


def render_language(lang: str) -> Rendered:
    """Render one language into its docs tree (pages MkDocs builds) and its stamp tree (the rest)."""
    corpus, project, work, site_url, stamp = (_shared[k] for k in ("corpus", "project", "work", "site_url", "stamp"))
    started = time.perf_counter()
    renderer = Renderer(corpus, lang, site_url, "pagefind")
    tree, stamp_tree = work / "docs" / lang, work / "stamp" / lang
    authored_tree(project / "docs", tree, lang, renderer.home_summary())
    exemplars: set = set()
    stamped = 0
    refs = []
    for page in renderer.all_pages():
        text = markdown_file(page)
        refs.append((page.url, page.source_path))
        parts = read_parts(page.source_path, text) if stamp else None
        if parts is not None and stampable(parts) and parts.key in exemplars:
            _write(stamp_tree / page.source_path, text)
            stamped += 1
        else:
            if parts is not None and stampable(parts):
                exemplars.add(parts.key)  # the first page of each kind and depth: MkDocs builds it
            _write(tree / page.source_path, text)
    return Rendered(lang, refs, stamped, time.perf_counter() - started)


def render_static_files() -> int:
    """Downloads, maps and data files of the feature modules (pages.render_files), once for all."""
    corpus, work, site_url = (_shared[k] for k in ("corpus", "work", "site_url"))
    files = render_files(corpus, site_url)
    for rel, content in files.items():
        _write(work / "static" / rel, content)
    return len(files)


def _job(spec: tuple[str, str]):
    kind, lang = spec
    if kind == "render":
        return render_language(lang)
    if kind == "static":
        return render_static_files()
    return build_and_stamp(lang)


def build_and_stamp(lang: str) -> LanguageBuild:
    """MkDocs builds the language's docs tree; then every stamped page is filled in from its shell."""
    project, work, strict, epoch = (_shared[k] for k in ("project", "work", "strict", "epoch"))
    tree, out = work / "docs" / lang, work / "out" / lang
    build = build_language(project, tree, out, lang, strict, epoch)
    if build.returncode:
        return build
    started = time.perf_counter()
    stamp_tree = work / "stamp" / lang
    shells: dict = {}
    count = 0
    for path in sorted(stamp_tree.rglob("*.md")) if stamp_tree.exists() else []:
        rel = path.relative_to(stamp_tree).as_posix()
        parts = read_parts(rel, path.read_text(encoding="utf-8"))
        if parts.key not in shells:
            shells[parts.key] = _shell_for(parts.key, tree, out)
        _write(out / parts.url / "index.html", shells[parts.key].fill(parts))
        count += 1
    build.stamped, build.stamp_seconds = count, time.perf_counter() - started
    return build


def _shell_for(key, tree: Path, out: Path) -> Shell:
    """The shell cut from the exemplar of this kind and depth that MkDocs built."""
    for path in sorted(tree.rglob("*.md")):
        rel = path.relative_to(tree).as_posix()
        text = path.read_text(encoding="utf-8")
        if '"kind": "' + key[0] + '"' not in text:
            continue
        parts = read_parts(rel, text)
        if stampable(parts) and parts.key == key:
            return make_shell((out / parts.url / "index.html").read_text(encoding="utf-8"), parts)
    raise StampError(f"no exemplar of {key} was built")


def place_static(static: Path, staging: Path) -> None:
    """x.fr.bib → fr/…/x.bib; a file without a language suffix goes to every language that has no
    file of its own there, as mkdocs-static-i18n's language builds would have copied it."""
    targets: dict[Path, Path] = {}
    files = [p for p in static.rglob("*") if not p.is_dir()]
    # Files without a suffix first, so that a language's own file replaces them.
    for path in sorted(files, key=lambda p: (language_of(p.name) is not None, p.as_posix())):
        rel = path.relative_to(static).as_posix()
        lang = language_of(rel)
        if lang is None:
            for other in CODES:
                targets[(staging if other == DEFAULT else staging / other) / rel] = path
        else:
            folder, _, name = rel.rpartition("/")
            stem, _lang, ext = name.rsplit(".", 2)
            root = staging if lang == DEFAULT else staging / lang
            targets[root / folder / f"{stem}.{ext}"] = path
    for target, path in targets.items():
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists():
            target.unlink()
        _link(path, target)


def build_site(project: Path, site_dir: Path, jobs: int | None = None, strict: bool = True, stamp: bool = True, log=print) -> list[LanguageBuild]:
    """Build every language into site_dir; raises RecordsInvalid or RuntimeError, leaving site_dir as it was.

    Records are loaded and checked once, then forked worker processes (one per core) render the
    languages, build them with MkDocs and stamp the record pages (stamp.py); Pagefind indexes the
    result, which replaces site_dir in one step.
    """
    project = project.resolve()
    site_dir = site_dir if site_dir.is_absolute() else project / site_dir
    site_url = os.environ.get("RID_SITE_URL", "http://127.0.0.1:8000/")
    started = time.perf_counter()
    corpus = load_corpus(project / "data")  # raises RecordsInvalid: nothing written
    epoch = content_epoch(project, corpus)
    work = Path(tempfile.mkdtemp(prefix=".rid-build-", dir=project))
    jobs = jobs or os.cpu_count() or 2
    try:
        _shared.update(corpus=corpus, project=project, work=work, site_url=site_url, stamp=stamp, strict=strict, epoch=epoch)
        # fork: the workers share the checked records instead of loading them again.
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            done = pool.map(_job, [("static", "")] + [("render", lang) for lang in CODES], chunksize=1)
            rendered = [r for r in done if isinstance(r, Rendered)]
            log(f"rid build: {sum(len(r.pages) for r in rendered)} pages rendered ({sum(r.stamped for r in rendered)} to stamp) in {time.perf_counter() - started:.1f} s")
            # A published address that would disappear stops the build here, before any MkDocs run.
            refs = [_PageRef(url, r.lang, src) for r in rendered for url, src in r.pages]
            for rel, content in enforce_permalinks(project, project / "docs", refs, site_url).items():
                _write(work / "static" / rel, content)
            builds = pool.map(_job, [("build", lang) for lang in CODES], chunksize=1)
        failed = [b for b in builds if b.returncode]
        if failed:
            raise RuntimeError("\n".join(f"{b.lang}: mkdocs build failed\n{b.output}" for b in failed))
        staging = work / "site"
        shutil.move(str(work / "out" / DEFAULT), staging)
        for lang in CODES:
            if lang != DEFAULT:
                shutil.move(str(work / "out" / lang), staging / lang)
        place_static(work / "static", staging)
        write_sitemaps(staging, site_url, epoch)
        index_search(staging, log)
        # Swap in the finished site in one step; the old one is removed only afterwards.
        old = work / "previous"
        if site_dir.exists():
            shutil.move(str(site_dir), old)
        shutil.move(str(staging), site_dir)
        for b in builds:
            log(f"rid build: {b.lang} built in {b.seconds:.1f} s, {b.stamped} pages stamped in {b.stamp_seconds:.1f} s")
        log(f"rid build: site ready in {site_dir} after {time.perf_counter() - started:.1f} s")
        return builds
    finally:
        _shared.clear()
        shutil.rmtree(work, ignore_errors=True)
