"""`rid build`: the whole site, one process per language, on every core.

`mkdocs build` with mkdocs-static-i18n builds the six languages one after the other, each pass
working through every language's files. This driver renders the records once (ridsite.build),
gives each language a docs tree holding only its own pages (hard links, no copies), builds the
languages in parallel with mkdocs-static-i18n's `build_only_locale`, and assembles the result in
a staging folder that replaces the site folder only when every language has built: a failure
leaves the previous site as it was.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .build import generate
from .languages import CODES, DEFAULT
from .output import MANIFEST
from .pages import Renderer
from .reproducible import content_epoch

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


def language_tree(docs: Path, dest: Path, lang: str, generated: set[str], home_summary: str) -> None:
    for path in sorted(docs.rglob("*")):
        rel = path.relative_to(docs).as_posix()
        if path.is_dir() or rel == MANIFEST or not belongs_to(rel, lang, rel in generated):
            continue
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".md" and HOME_MARKER in (text := path.read_text(encoding="utf-8")):
            # The hook fills the home page from the records; done here once for each language.
            target.write_text(text.replace(HOME_MARKER, "\n\n" + home_summary + "\n\n"), encoding="utf-8")
            continue
        try:
            os.link(path, target)
        except OSError:
            shutil.copy2(path, target)


@dataclass
class LanguageBuild:
    lang: str
    seconds: float
    returncode: int
    output: str


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


def build_site(project: Path, site_dir: Path, jobs: int | None = None, strict: bool = True, log=print) -> list[LanguageBuild]:
    """Build every language into site_dir; raises RecordsInvalid or RuntimeError, leaving site_dir as it was."""
    project = project.resolve()
    site_dir = site_dir if site_dir.is_absolute() else project / site_dir
    docs = project / "docs"
    site_url = os.environ.get("RID_SITE_URL", "http://127.0.0.1:8000/")
    started = time.perf_counter()
    # Validates first: nothing written if a record is bad. The search page hosts Pagefind's interface.
    result = generate(project / "data", docs, site_url=site_url, search="pagefind")
    generated = set((docs / MANIFEST).read_text(encoding="utf-8").split())
    log(f"rid build: {len(result.pages)} pages rendered in {time.perf_counter() - started:.1f} s")

    work = Path(tempfile.mkdtemp(prefix=".rid-build-", dir=project))
    try:
        outputs = {}
        for lang in CODES:
            tree = work / "docs" / lang
            summary = Renderer(result.corpus, lang, site_url).home_summary()
            language_tree(docs, tree, lang, generated, summary)
            outputs[lang] = work / "out" / lang
        with ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 2) as pool:
            epoch = content_epoch(project, result.corpus)
            builds = list(pool.map(lambda l: build_language(project, work / "docs" / l, outputs[l], l, strict, epoch), CODES))
        failed = [b for b in builds if b.returncode]
        if failed:
            raise RuntimeError("\n".join(f"{b.lang}: mkdocs build failed\n{b.output}" for b in failed))
        staging = work / "site"
        shutil.move(str(outputs[DEFAULT]), staging)
        for lang in CODES:
            if lang != DEFAULT:
                shutil.move(str(outputs[lang]), staging / lang)
        index_search(staging, log)
        # Swap in the finished site in one step; the old one is removed only afterwards.
        old = work / "previous"
        if site_dir.exists():
            shutil.move(str(site_dir), old)
        shutil.move(str(staging), site_dir)
        for b in builds:
            log(f"rid build: {b.lang} built in {b.seconds:.1f} s")
        log(f"rid build: site ready in {site_dir} after {time.perf_counter() - started:.1f} s")
        return builds
    finally:
        shutil.rmtree(work, ignore_errors=True)
