"""Stable identifiers and URLs: the one place where a record, a page and a language become an
address or a file (tests/test_addresses.py keeps the language rule from being written elsewhere).
Published URLs must never change: change these rules only with redirects."""

from __future__ import annotations

import posixpath
import re

from .languages import CODES, DEFAULT


def symbol_slug(symbol: str) -> str:
    """A/70/174 → a-70-174; A/68/98* → a-68-98 (the reissue mark is not part of the address)."""
    return re.sub(r"[^a-z0-9]+", "-", symbol.lower().rstrip("*")).strip("-")


def pinpoint(paragraph_id: str, item_id: str | None = None) -> str:
    """How a paragraph is cited: '18', or '18(i)' for a sub-item."""
    return f"{paragraph_id}({item_id})" if item_id else paragraph_id


def pinpoint_slug(pin: str) -> str:
    """'18(i)' → '18-i'; '18' → '18'; 'Intro.2' → 'intro-2'."""
    return re.sub(r"[^a-z0-9]+", "-", pin.lower()).strip("-")


def anchor(pin: str) -> str:
    """The fragment of a paragraph on its document page: #para-18, #para-18-i."""
    return f"para-{pinpoint_slug(pin)}"


# Page paths, as directory URLs relative to the language root ("" is the home page).
def record_page(folder: str, record_id: str) -> str:
    """The page of a record: its kind's folder, then its id ('events', 'oewg-1' → 'events/oewg-1/')."""
    return f"{folder}/{record_id}/"


def document_url(doc_id: str) -> str:
    return record_page("documents", doc_id)


def paragraph_url(doc_id: str, pin: str) -> str:
    return f"documents/{doc_id}/{pinpoint_slug(pin)}/"


# The page of a paragraph, as a pattern for the readers of the open data (kinds.RECORD_ADDRESSES).
PARAGRAPH_ADDRESS = "documents/{document}/{paragraph-slug}/"


def actor_url(actor_id: str) -> str:
    return record_page("actors", actor_id)


def position_url(position_id: str) -> str:
    return record_page("positions", position_id)


def proposal_url(proposal_id: str) -> str:
    return record_page("proposals", proposal_id)


def criterion_url(criterion_id: str) -> str:
    return f"criteria/{criterion_id}/"


def stance_url(criterion_id: str, stance_id: str) -> str:
    """All positions taking one stance on one criterion (only when too many for the criterion page)."""
    return f"criteria/{criterion_id}/{stance_id}/"


def objective_url(objective_id: str) -> str:
    return f"objectives/{objective_id}/"


def event_url(event_id: str) -> str:
    return record_page("events", event_id)


def index_url(section: str) -> str:
    return f"{section}/"


def relative(from_url: str, to_url: str) -> str:
    """A link between two directory URLs of the same language, so it works under /fr/ as at /."""
    to_path, _, fragment = to_url.partition("#")
    rel = _relpath(to_path, from_url)
    if rel == ".":
        rel = ""
    elif to_path.endswith("/") or not to_path:
        rel += "/"
    rel = rel or "./"
    return f"{rel}#{fragment}" if fragment else rel


def _relpath(to_path: str, from_url: str) -> str:
    """posixpath.relpath('/' + to_path, '/' + from_url) for plain site paths, without its
    normalising work: links are a third of the time spent rendering pages."""
    to_parts = [p for p in to_path.split("/") if p]
    from_parts = [p for p in from_url.split("/") if p]
    if any(p in (".", "..") for p in to_parts) or any(p in (".", "..") for p in from_parts):
        return posixpath.relpath("/" + to_path, "/" + from_url)
    common = 0
    for a, b in zip(to_parts, from_parts):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:]) or "."


def list_page_url(base_url: str, number: int) -> str:
    """Page N of a long list: its first page at the list's own address, the next at …/page/N/."""
    return base_url if number == 1 else f"{base_url}page/{number}/"


# --------------------------------------------------------------------------------------------
# Languages. The default language (English) is at the site's root and every other one under its
# code: positions/x/ is /positions/x/ in English, /fr/positions/x/ in French. In docs/, where
# mkdocs-static-i18n reads them, a file of one language has its code before the extension
# (x.fr.md, map.fr.svg), published under that language's folder without it (fr/…/map.svg).
# --------------------------------------------------------------------------------------------


def language_root(lang: str) -> str:
    """A language's folder from the site's root: '' for the default language, 'fr/' for French."""
    return "" if lang == DEFAULT else f"{lang}/"


def in_language(url: str, lang: str) -> str:
    """'positions/x/' in French → 'fr/positions/x/' (from the site's root, without a leading '/')."""
    return language_root(lang) + url


def site_path(url: str, lang: str) -> str:
    """'positions/x/' in French → '/fr/positions/x/', as permalinks.txt lists addresses."""
    return "/" + in_language(url, lang)


def public_url(site_url: str, url: str, lang: str) -> str:
    """The address of a page of one language under site_url (which ends with '/', or is empty)."""
    return site_url + in_language(url, lang)


def without_language(path: str) -> str:
    """'/fr/positions/x/' or 'positions/x/' → 'positions/x/': the inverse of site_path."""
    path = path.lstrip("/")
    first, _, rest = path.partition("/")
    return rest if first in CODES and first != DEFAULT else path


def language_suffix(lang: str) -> str:
    """What a file of one language has before its extension in docs/: '' or '.fr'."""
    return "" if lang == DEFAULT else f".{lang}"


def file_in_language(path: str, lang: str) -> str:
    """'compare/map.svg' in French → 'compare/map.fr.svg' (published as fr/compare/map.svg)."""
    folder, slash, name = path.rpartition("/")
    stem, dot, ext = name.rpartition(".")
    if not dot:
        raise ValueError(f"'{path}' has no extension to put the language before")
    return f"{folder}{slash}{stem}{language_suffix(lang)}.{ext}"


def file_language(path: str) -> str | None:
    """'actors/egy.fr.md' → 'fr'; 'actors/egy.md' → None (a file of the default language, or of all)."""
    parts = path.rpartition("/")[2].split(".")
    return parts[-2] if len(parts) >= 3 and parts[-2] in CODES else None


def file_without_language(path: str) -> str:
    """'a/x.fr.bib' → 'a/x.bib': where a file of docs/ is published in its language's folder."""
    if file_language(path) is None:
        return path
    folder, slash, name = path.rpartition("/")
    stem, _lang, ext = name.rsplit(".", 2)
    return f"{folder}{slash}{stem}.{ext}"


def page_file(url: str, lang: str, folder_index: bool = False) -> str:
    """The Markdown file in docs/ that MkDocs publishes at a page's URL in one language:
    'actors/egy/' → 'actors/egy.fr.md'; an index page (folder_index) → 'actors/index.fr.md', so
    that the pages under it can sit in its folder; the home page '' → 'index.fr.md'."""
    base = url.rstrip("/") or "index"
    if url.endswith("/") and folder_index:
        base = url + "index"
    return file_in_language(f"{base}.md", lang)


def authored_url(source: str) -> str | None:
    """The language-neutral URL of an authored Markdown file of docs/ (None if not Markdown):
    'methodology.fr.md' → 'methodology/', 'index.md' → '', 'a/index.md' → 'a/'."""
    if not source.endswith(".md"):
        return None
    stem = file_without_language(source)[: -len(".md")]
    folder, _, name = stem.rpartition("/")
    folder = folder + "/" if folder else ""
    return folder if name in ("index", "README") else f"{folder}{name}/"
