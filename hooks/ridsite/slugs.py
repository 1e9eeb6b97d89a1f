"""Stable identifiers and URLs. Published URLs must never change: change these rules only with redirects."""

from __future__ import annotations

import posixpath
import re


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
def document_url(doc_id: str) -> str:
    return f"documents/{doc_id}/"


def paragraph_url(doc_id: str, pin: str) -> str:
    return f"documents/{doc_id}/{pinpoint_slug(pin)}/"


def actor_url(actor_id: str) -> str:
    return f"actors/{actor_id}/"


def position_url(position_id: str) -> str:
    return f"positions/{position_id}/"


def proposal_url(proposal_id: str) -> str:
    return f"proposals/{proposal_id}/"


def criterion_url(criterion_id: str) -> str:
    return f"criteria/{criterion_id}/"


def stance_url(criterion_id: str, stance_id: str) -> str:
    """All positions taking one stance on one criterion (only when too many for the criterion page)."""
    return f"criteria/{criterion_id}/{stance_id}/"


def objective_url(objective_id: str) -> str:
    return f"objectives/{objective_id}/"


def event_url(event_id: str) -> str:
    return f"events/{event_id}/"


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


def source_file_for(url: str) -> str:
    """The Markdown file (default language) that MkDocs turns into a directory URL."""
    return url.rstrip("/") + ".md" if url else "index.md"
