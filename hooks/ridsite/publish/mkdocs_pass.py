"""The whole pipeline for one build, independent of MkDocs: load, check, render, write."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..model.corpus import Corpus
from ..model.languages import CODES
from ..records.load import load_corpus
from ..render.assemble import render_all, render_files
from ..render.pages import Page, markdown_file
from .docs_sync import sync_generated
from .permalinks import enforce as enforce_permalinks


@dataclass
class BuildResult:
    corpus: Corpus
    pages: list[Page]
    written: int
    removed: int
    languages: tuple[str, ...]


def generate(data_dir: Path, docs_dir: Path, site_url: str = "", search: str = "material") -> BuildResult:
    """The pages of plain `mkdocs build`/`serve`, in the six languages, written into docs_dir.

    Raises RecordsInvalid (with every problem) before writing anything if a record is bad."""
    corpus = load_corpus(data_dir)
    pages = render_all(corpus, languages=CODES, site_url=site_url, search=search)
    files = {page.source_path: markdown_file(page) for page in pages}
    files.update(render_files(corpus, site_url))  # JSON, CSV, SVG … of feature modules
    # A URL in permalinks.txt that is gone without a redirect raises here, before any write;
    # otherwise this adds a redirect page at each moved address (the project is data/'s parent).
    files.update(enforce_permalinks(data_dir.parent, docs_dir, pages, site_url))
    written, removed = sync_generated(docs_dir, files)
    return BuildResult(corpus, pages, written, removed, CODES)
