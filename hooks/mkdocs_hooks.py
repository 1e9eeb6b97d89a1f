"""The thin adapter between MkDocs and ridsite. All logic lives in hooks/ridsite (no MkDocs there).

mkdocs-static-i18n builds the site once per language and runs every hook in each pass. Records
are loaded, checked and rendered once, in the first (default-language) pass; the pages for all six
languages are written into docs/ as ordinary Markdown files, so the i18n plugin treats them as
authored pages (language switcher, sitemap, search and fallback all work).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError

from ridsite.build import generate
from ridsite.languages import CODES, DEFAULT, LANGUAGES
from ridsite.output import generated_folders
from ridsite.pages import Renderer
from ridsite.problems import RecordsInvalid
from ridsite.reproducible import content_epoch

log = logging.getLogger("mkdocs.hooks.ridsite")
HOME_MARKER = "<!-- rid:home -->"
BODY_PLACEHOLDER = "RIDGENERATEDBODY"  # one plain word: Markdown wraps it in <p> and nothing else
_state: dict = {}


def _i18n(config):
    return config.plugins.get("i18n")


def _search_mode(config) -> str:
    """Material's search, unless mkdocs.yml turns it off (rid build: Pagefind, see on_config)."""
    return "material" if "material/search" in config.plugins else "pagefind"


def _data_dir(config) -> Path:
    return Path(config.config_file_path).parent / "data"


# Priority 0 runs before i18n's on_config (-100): at the first pass its current_language is None.
def on_config(config):
    search = config.plugins.get("material/search")
    if search is not None and not search.config.enabled:
        # Pagefind instead (rid build). Out of the collection, so that the header offers the search
        # page and mkdocs-static-i18n does not look for an index that was never made.
        del config.plugins["material/search"]
    i18n = _i18n(config)
    if i18n is not None and i18n.current_language is not None:
        return config  # a later language pass: the pages are already written
    if os.environ.get("RID_PAGES_READY"):
        # `rid build` rendered and checked the records, and wrote this docs tree for one language,
        # whose pages are published under /fr/ …: their canonical links must say so.
        _state["site_root"] = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        lang = os.environ.get("RID_ONLY_LANGUAGE")
        if lang and lang != DEFAULT and config.site_url:
            config.site_url = config.site_url.rstrip("/") + f"/{lang}/"
        return config
    try:
        only = os.environ.get("RID_ONLY_LANGUAGE")  # the one-language preview (README)
        languages = (only,) if only in CODES else CODES
        result = generate(_data_dir(config), Path(config.docs_dir), site_url=config.site_url or "", search=_search_mode(config), languages=languages)
    except RecordsInvalid as exc:
        # Raised before MkDocs cleans or writes site_dir: a bad record leaves no half-built site.
        raise PluginError("\n" + str(exc)) from None
    if "SOURCE_DATE_EPOCH" not in os.environ:
        epoch = content_epoch(Path(config.config_file_path).parent, result.corpus)
        if epoch is not None:
            os.environ["SOURCE_DATE_EPOCH"] = str(epoch)
    _state["corpus"] = result.corpus
    _state["site_url"] = config.site_url or ""
    _state["generated"] = generated_folders(p.source_path for p in result.pages)
    log.info(f"ridsite: {len(result.pages)} pages from records ({result.written} written, {result.removed} removed)")
    return config


def on_page_markdown(markdown, page, config, files):
    if page.meta.get("rid", {}).get("kind"):
        # A generated body is finished HTML: keep it away from Markdown's slow raw-HTML parser
        # (16% of the build) and put it back as it is in on_page_content.
        _state.setdefault("bodies", {})[page.file.src_uri] = markdown
        return BODY_PLACEHOLDER
    if HOME_MARKER not in markdown:
        return markdown
    i18n = _i18n(config)
    lang = i18n.current_language if i18n is not None else "en"
    summary = Renderer(_state["corpus"], lang, _state["site_url"]).home_summary()
    return markdown.replace(HOME_MARKER, "\n\n" + summary + "\n\n")


def on_page_content(html, page, config, files):
    body = _state.get("bodies", {}).pop(page.file.src_uri, None)
    if body is None:
        return html
    return html.replace(f"<p>{BODY_PLACEHOLDER}</p>", body, 1)


def on_page_context(context, page, config, nav):
    # Under `rid build` each process builds one language, so mkdocs-static-i18n knows only that
    # one: point the language switcher at the same page in all six (after i18n, priority 50).
    if not os.environ.get("RID_PAGES_READY") or _i18n(config) is None:
        return context
    lang = _i18n(config).current_language
    base = _state.get("site_root", "/")
    config.extra["alternate"] = [
        {"name": language.name, "lang": language.code, "link": f"{base}{'' if language.code == DEFAULT else language.code + '/'}{page.url}"}
        for language in LANGUAGES
    ]
    context["config"] = config
    return context


def on_serve(server, config, builder):
    # Watching generated pages would rebuild once more after every data edit: watch data/ and
    # the authored parts of docs/ instead.
    docs = Path(config.docs_dir)
    server.unwatch(str(docs))
    server.watch(str(docs), recursive=False)
    for child in sorted(docs.iterdir()):
        if child.is_dir() and child.name not in _state.get("generated", set()):
            server.watch(str(child))
    return server


