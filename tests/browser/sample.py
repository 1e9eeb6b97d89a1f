"""Which pages the browser tests open: one page of every kind, in English and Arabic (left to
right, right to left) and a share of the kinds in each of French, Spanish, Russian and Chinese.

Kinds come from the generator itself (every Page it renders has a `kind`), plus the authored pages
of docs/, so that a kind of page added by a feature module is checked without touching these tests.
"""

from __future__ import annotations

from pathlib import Path

from ridsite.model import slugs
from ridsite.model.languages import CODES, DEFAULT
from ridsite.render.assemble import Renderer, all_pages


def lang_prefix(lang: str) -> str:
    """Where a language's pages live under the site root: "" for English, "fr/" for French."""
    return slugs.language_root(lang)


def page_url(lang: str, url: str) -> str:
    """A page's URL relative to the site root, e.g. ("fr", "actors/egy/") → "fr/actors/egy/"."""
    return lang_prefix(lang) + url


def generated_kinds(corpus) -> dict[str, str]:
    """kind → URL of the fullest page of that kind (the one with the most HTML), in which a fault
    of its template is most likely to show."""
    best: dict[str, tuple[int, str]] = {}
    for page in all_pages(Renderer(corpus, DEFAULT)):
        size = len(page.body)
        if page.kind not in best or size > best[page.kind][0]:
            best[page.kind] = (size, page.url)
    return {kind: url for kind, (_, url) in sorted(best.items())}


def authored_pages(docs_dir: Path) -> dict[str, str]:
    """ "authored:<name>" → URL for each Markdown page written by hand in docs_dir (the default
    language's file; the manifest .generated lists the files that the build wrote)."""
    manifest = docs_dir / ".generated"
    generated = set(manifest.read_text(encoding="utf-8").split()) if manifest.exists() else set()
    pages = {}
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.relative_to(docs_dir).as_posix()
        stem = rel[: -len(".md")]
        if rel in generated or slugs.file_language(rel):
            continue
        url = slugs.authored_url(rel)
        pages["authored:" + (stem.replace("/index", "") if stem != "index" else "home")] = url
    return pages


def one_page_per_kind(corpus, docs_dir: Path) -> dict[str, str]:
    return {**authored_pages(docs_dir), **generated_kinds(corpus)}


# Every kind is opened in these languages: the two directions of writing, and the site's default.
EVERY_KIND = ("en", "ar")


def kinds_in(lang: str, kinds: dict[str, str]) -> dict[str, str]:
    """The kinds of page a browser check opens in one language: all of them in English and Arabic;
    in each other language the home page and a quarter of the kinds, in turn, so that every kind is
    also opened in one of French, Spanish, Russian or Chinese. (Every page's `lang` and `dir`, in
    every language, are checked without a browser: test_accessibility.py, test_build.py.)"""
    if lang in EVERY_KIND:
        return dict(kinds)
    others = [code for code in CODES if code not in EVERY_KIND]
    turn = others.index(lang)
    return {
        kind: url
        for i, (kind, url) in enumerate(sorted(kinds.items()))
        if kind == "authored:home" or i % len(others) == turn
    }


def pages_with_tables(site_dir, kinds) -> dict[str, str]:
    """The kinds of page (one each) whose published English page holds a table."""
    found = {}
    for kind, url in kinds.items():
        path = site_dir / url / "index.html"
        if path.is_file() and "<table" in path.read_text(encoding="utf-8"):
            found[kind] = url
    return found
