"""Which pages the browser tests open: one page of every kind, in every language.

Kinds come from the generator itself (every Page it renders has a `kind`), plus the authored pages
of docs/, so that a kind of page added by a feature module is checked without touching these tests.
"""

from __future__ import annotations

from pathlib import Path

from ridsite import slugs
from ridsite.languages import DEFAULT
from ridsite.pages import Renderer


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
    for page in Renderer(corpus, DEFAULT).all_pages():
        size = len(page.body)
        if page.kind not in best or size > best[page.kind][0]:
            best[page.kind] = (size, page.url)
    return {kind: url for kind, (_, url) in sorted(best.items())}


def authored_pages(docs_dir: Path) -> dict[str, str]:
    """"authored:<name>" → URL for each Markdown page written by hand in docs_dir (the default
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
