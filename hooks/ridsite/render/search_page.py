"""The search page (search/), in every language.

In a site made by `rid build`, Material's search is switched off and the page hosts Pagefind's own
interface: Pagefind indexes each language separately (a bundle at each language's root) and the
reader downloads only the index chunks a query needs, so the first search stays small at any scale. In
`mkdocs serve` and `mkdocs build`, Material's search box in the header does the job and the page
says so. Either way the page links to the index pages, which need no script. A feature module
(see assemble.FEATURES).
"""

from __future__ import annotations

from ..model import slugs
from .pages import Page, Renderer, render

URL = "search/"
MODES = ("material", "pagefind")
SCRIPT = "assets/js/search.js"
BUNDLE = "pagefind/"  # where `pagefind --site` writes each language's index, at that language's root
BROWSE = ("documents", "actors", "positions", "proposals", "criteria")


def pages(renderer: Renderer) -> list[Page]:
    if renderer.search not in MODES:
        raise ValueError(f"search mode {renderer.search!r}: expected one of {', '.join(MODES)}")
    return [
        render(
            renderer,
            "search.html",
            URL,
            "search",
            title=renderer.site.t("search.title"),
            mode=renderer.search,
            bundle=BUNDLE,
            script=SCRIPT,
            browse=[(section, slugs.index_url(section)) for section in BROWSE],
        )
    ]
