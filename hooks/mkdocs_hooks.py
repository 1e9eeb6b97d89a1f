"""The thin adapter between MkDocs and ridsite. All logic lives in hooks/ridsite (no MkDocs there).

Two ways in, told apart by the configuration alone (no environment variable, no module state):

* `rid build` (the published site) renders and checks the records itself and gives MkDocs, for each
  language, a docs tree with the pages already written and a configuration with `extra.rid`
  (ridsite/runner.py). Here the hook only puts each generated body back in place and points the
  language switcher at the same page in the six languages.
* plain `mkdocs build` / `mkdocs serve` (a quick look while editing, see README): mkdocs-static-i18n
  builds the languages one after the other; in the first pass the hook loads, checks and renders
  every record and writes the pages into docs/ as ordinary Markdown files.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from ridsite.model.languages import DEFAULT
from ridsite.model.problems import RecordsInvalid
from ridsite.publish.docs_sync import generated_folders
from ridsite.publish.mkdocs_pass import generate
from ridsite.render.assemble import Renderer

log = logging.getLogger("mkdocs.hooks.ridsite")
HOME_MARKER = "<!-- rid:home -->"
BODY_PLACEHOLDER = "RIDGENERATEDBODY"  # one plain word: Markdown wraps it in <p> and nothing else


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    return (i18n.current_language if i18n is not None else None) or DEFAULT


def _prepared(config) -> dict | None:
    """What `rid build` wrote into this language's configuration, or None for plain mkdocs."""
    rid = config.extra.get("rid")
    return rid if isinstance(rid, dict) and rid.get("prepared") else None


# Priority 0 runs before i18n's on_config (-100): at the first pass its current_language is None.
def on_config(config):
    if _prepared(config):
        return config  # the pages are written and checked already
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.current_language is not None:
        return config  # a later language pass: the pages are already written
    try:
        project = Path(config.config_file_path).parent
        result = generate(project / "data", Path(config.docs_dir), site_url=config.site_url or "", search="material")
    except RecordsInvalid as exc:
        # Raised before MkDocs cleans or writes site_dir: a bad record leaves no half-built site.
        raise PluginError("\n" + str(exc)) from None
    # Kept in this build's configuration, which mkdocs-static-i18n carries from pass to pass.
    config.extra["rid"] = {
        "home": {
            lang: Renderer(result.corpus, lang, config.site_url or "").home_summary() for lang in result.languages
        },
        "generated": sorted(generated_folders(p.source_path for p in result.pages)),
    }
    log.info(f"ridsite: {len(result.pages)} pages from records ({result.written} written, {result.removed} removed)")
    return config


def on_page_markdown(markdown, page, config, files):
    rid = page.meta.get("rid")
    if isinstance(rid, dict) and rid.get("kind"):
        # A generated body is finished HTML: keep it away from Markdown's slow raw-HTML parser
        # (16% of the build) and put it back as it is in on_page_content.
        rid["body"] = markdown
        return BODY_PLACEHOLDER
    if HOME_MARKER not in markdown or _prepared(config):
        return markdown
    summary = config.extra["rid"]["home"][_language(config)]
    return markdown.replace(HOME_MARKER, "\n\n" + summary + "\n\n")


def on_page_content(html, page, config, files):
    rid = page.meta.get("rid")
    body = rid.pop("body", None) if isinstance(rid, dict) else None
    if body is None:
        return html
    return html.replace(f"<p>{BODY_PLACEHOLDER}</p>", body, 1)


# After mkdocs-static-i18n (priority 50), which knows only the one language `rid build` gives it.
def on_page_context(context, page, config, nav):
    prepared = _prepared(config)
    if prepared:
        config.extra["alternate"] = [
            {"name": root["name"], "lang": root["lang"], "link": root["root"] + page.url}
            for root in prepared["language_roots"]
        ]
    return context


def on_serve(server, config, builder):
    # Watching generated pages would rebuild once more after every data edit: watch data/ and
    # the authored parts of docs/ instead.
    docs = Path(config.docs_dir)
    generated = set(config.extra.get("rid", {}).get("generated", ()))
    server.unwatch(str(docs))
    server.watch(str(docs), recursive=False)
    for child in sorted(docs.iterdir()):
        if child.is_dir() and child.name not in generated:
            server.watch(str(child))
    return server
