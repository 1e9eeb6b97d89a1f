"""The whole site's content: the record pages (pages.py) and every feature module's pages and files.

The top of the render layer. The feature modules import pages.py for what every page shares; this
module imports them, in the order the site lists them, and installs the lookup by which templates
call one (``feature('cite')``), so that nothing below reaches up. Render through the `Renderer`
imported from here (or after importing this module): the record templates call the features.
"""

from __future__ import annotations

from types import ModuleType

from ..model.corpus import Corpus
from ..model.languages import CODES
from . import cite, lineage, matrix_pages, opendata, outcome, search_page, sidebyside_page, timeline
from .pages import ENV, Page, Renderer

# Modules that add pages of their own, in this order, each with `pages(renderer) -> list[Page]`;
# a module may also have `files(corpus, site_url)` and `annotate(renderer, pages)`. The key is the
# name templates call it by: {{ feature('compare').swatch_classes(colours) }}.
FEATURES: dict[str, ModuleType] = {
    "cite": cite,
    "compare": matrix_pages,
    "sidebyside": sidebyside_page,
    "timeline": timeline,
    "lineage": lineage,
    "opendata": opendata,
    "search": search_page,
    "outcome": outcome,
}


def feature(name: str) -> ModuleType:
    """A feature module for templates, by its name in FEATURES."""
    if name not in FEATURES:
        raise KeyError(f"'{name}' is not in assemble.FEATURES")
    return FEATURES[name]


ENV.globals["feature"] = feature


def all_pages(renderer: Renderer) -> list[Page]:
    """Every page of one language: the record pages, then each feature module's."""
    pages = renderer.record_pages()
    for module in FEATURES.values():
        pages += module.pages(renderer)
    # A feature module may also add to every page's front matter, under rid:
    # `annotate(renderer, pages)` fills page.meta (e.g. citation metadata for <head>).
    for module in FEATURES.values():
        if hasattr(module, "annotate"):
            module.annotate(renderer, pages)
    return pages


def render_files(corpus: Corpus, site_url: str = "") -> dict[str, str]:
    """Static files that feature modules write beside the pages: path under docs/ → text.

    A feature module may define `files(corpus, site_url) -> dict[str, str]` (JSON, CSV, SVG …).
    Like the pages, they are made from the records on every build, written only when changed and
    never committed. mkdocs-static-i18n serves `x.fr.svg` to French pages as `x.svg`, and a file
    with no language suffix to every language.
    """
    out: dict[str, str] = {}
    for module in FEATURES.values():
        for path, content in getattr(module, "files", lambda *_: {})(corpus, site_url).items():
            if path in out:
                raise ValueError(f"two feature modules write the same file {path}")
            out[path] = content
    return out


def render_all(corpus: Corpus, languages=CODES, site_url: str = "", search: str = "material") -> list[Page]:
    """Every generated page in every language: the whole site's content, from records alone."""
    return [page for lang in languages for page in all_pages(Renderer(corpus, lang, site_url, search))]
