"""The published site's sitemap: every page in every language, with its hreflang alternates.

`rid build` builds each language alone, so the sitemaps MkDocs writes there know one language and
the wrong addresses; and the protocol allows 50,000 addresses a file, which the whole UN record
passes. So the site gets one sitemap per 10,000 pages, listed by a sitemap index at /sitemap.xml.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from xml.sax.saxutils import escape

from ..model import slugs
from ..model.languages import CODES

PER_FILE = 10_000
NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def pages_in(root: Path) -> list[str]:
    """Language-neutral URL of every page (a folder's index.html) in one language's tree, 404 left
    out; run by each language's build on what MkDocs wrote, before the stamped pages join it."""
    found = []
    # os.walk, not Path.rglob: a tenth of the time on a large tree.
    for folder, dirs, files in os.walk(root):
        rel = os.path.relpath(folder, root)
        if rel == ".":
            dirs[:] = [d for d in dirs if d != "assets"]  # the theme's files, no page among them
        if "index.html" in files:
            found.append("" if rel == "." else rel.replace(os.sep, "/") + "/")
    return found


def _url_entry(site_url: str, neutral: str, lang: str, langs: set[str], lastmod: str) -> str:
    def address(code: str) -> str:
        return escape(slugs.public_url(site_url, neutral, code))

    alternates = "".join(
        f'\n    <xhtml:link rel="alternate" hreflang="{other}" href="{address(other)}"/>'
        for other in CODES
        if other in langs
    )
    return f"  <url>\n    <loc>{address(lang)}</loc>\n    <lastmod>{lastmod}</lastmod>{alternates}\n  </url>\n"


def write_sitemaps(site: Path, pages: dict[str, list[str]], site_url: str, epoch: int | None) -> int:
    """Replace MkDocs' sitemaps with ours, listing `pages` (language → its language-neutral page
    URLs, known from the builds: walking the assembled site's hundred thousand folders for them
    took longer than anything else in its assembly); returns the number of addresses listed."""
    site_url = site_url.rstrip("/") + "/"
    theirs = ("sitemap.xml", "sitemap.xml.gz")
    made_by_mkdocs = (site / slugs.language_root(lang) / name for lang in CODES for name in theirs)
    for old in [*site.glob("sitemap*.xml*"), *made_by_mkdocs]:
        if old.exists():
            old.unlink()
    when = dt.datetime.fromtimestamp(epoch, dt.UTC) if epoch is not None else dt.datetime.now(dt.UTC)
    lastmod = when.strftime("%Y-%m-%d")
    urls: dict[str, set[str]] = {}
    for lang, neutrals in pages.items():
        for neutral in neutrals:
            urls.setdefault(neutral, set()).add(lang)
    entries = [
        _url_entry(site_url, neutral, lang, urls[neutral], lastmod)
        for lang in CODES
        for neutral in sorted(urls)
        if lang in urls[neutral]
    ]
    names = []
    for n, start in enumerate(range(0, len(entries), PER_FILE), start=1):
        name = f"sitemap-{n}.xml"
        text = (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<urlset {NS} xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
            + "".join(entries[start : start + PER_FILE])
            + "</urlset>\n"
        )
        (site / name).write_text(text, encoding="utf-8")
        names.append(name)
    index = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"<sitemapindex {NS}>\n"
        + "".join(
            f"  <sitemap>\n    <loc>{escape(site_url + name)}</loc>\n    <lastmod>{lastmod}</lastmod>\n  </sitemap>\n"
            for name in names
        )
        + "</sitemapindex>\n"
    )
    (site / "sitemap.xml").write_text(index, encoding="utf-8")
    return len(entries)
