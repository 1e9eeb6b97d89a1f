"""No broken link or anchor anywhere in the built site, in any language, checked offline.

Every href and src of every page (links, stylesheets, scripts, images, the canonical and language
links of <head>) and every <loc> of sitemap.xml is resolved against the built files, as a static
host would serve them; a #fragment must name an id on the target page. Links to other hosts are
listed in test-artifacts/links/external.tsv, never fetched.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from ridsite.model import slugs
from ridsite.model.languages import CODES, DEFAULT
from ridsite.publish.runner import site_url

from .conftest import ARTIFACTS

# Attributes that point at something a reader or the browser may load.
LINKING = {
    "a": ("href",),
    "area": ("href",),
    "link": ("href",),
    "script": ("src",),
    "img": ("src",),
    "source": ("src",),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "object": ("data",),
    "form": ("action",),
    "use": ("href", "xlink:href"),
    "image": ("href",),
}
NOT_FETCHED = ("mailto:", "tel:", "data:")
LOCAL = "http://site.invalid/"  # a stand-in origin for resolving relative links


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for attr in LINKING.get(tag, ()):
            if a.get(attr):
                self.links.append(a[attr].strip())
        for candidate in (a.get("srcset") or "").split(","):
            if candidate.strip():
                self.links.append(candidate.split()[0])

    handle_startendtag = handle_starttag


class Site:
    def __init__(self, root: Path, public: str):
        self.root = root
        self.public = public
        self.public_path = urlsplit(public).path  # "/" or "/repository/"

    @cache  # noqa: B019 - one Site per test module: the cache lives as long as the pages it holds
    def page(self, path: Path) -> Page:
        parser = Page()
        parser.feed(path.read_text(encoding="utf-8"))
        return parser

    def target(self, base: str, link: str) -> tuple[Path | None, str, str]:
        """(file the link leads to, or None if it leaves the site; fragment; resolved URL)."""
        if link.startswith(self.public):
            link = LOCAL + link[len(self.public) :]
        url = urljoin(base, link)
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}/" != LOCAL:
            return None, parts.fragment, url
        path = unquote(parts.path)
        if self.public_path != "/" and path.startswith(self.public_path):
            path = "/" + path[len(self.public_path) :]  # a root-relative link written for a subpath
        file = self.root / path.lstrip("/")
        if path.endswith("/") or file.is_dir():
            file = file / "index.html"
        return file, unquote(parts.fragment), url


@pytest.fixture(scope="module")
def checked(built, site_dir: Path):
    site = Site(site_dir, site_url(built[0]))
    broken: list[str] = []
    external: dict[str, list[str]] = defaultdict(list)
    pages = sorted(site_dir.rglob("*.html"))
    links = 0
    for path in pages:
        rel = path.relative_to(site_dir).as_posix()
        for link in site.page(path).links:
            if link.startswith(NOT_FETCHED) or link == "#":
                continue
            links += 1
            if link.startswith("javascript:"):
                broken.append(f"{rel}: {link} (script in a link)")
                continue
            file, fragment, url = site.target(LOCAL + rel, link)
            if file is None:
                external[url].append(rel)
            elif not file.exists():
                broken.append(f"{rel}: {link} (no such file)")
            elif fragment and file.suffix == ".html" and fragment not in site.page(file).ids:
                broken.append(f"{rel}: {link} (no id {fragment!r} on that page)")
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap):
        links += 1
        file, _, _ = site.target(LOCAL, loc)
        if file is None or not file.exists():
            broken.append(f"sitemap.xml: {loc} (no such page)")
    out = ARTIFACTS / "links" / "external.tsv"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        "url\tpages\tfirst page\n"
        + "".join(f"{url}\t{len(where)}\t{where[0]}\n" for url, where in sorted(external.items())),
        encoding="utf-8",
    )
    return pages, links, broken, external


def test_no_link_or_anchor_is_broken(checked):
    pages, links, broken, _ = checked
    assert len(pages) > 100 and links > 10 * len(pages)
    assert broken == [], f"{len(broken)} broken link(s):\n" + "\n".join(broken[:100])


def test_every_link_to_another_host_is_listed_for_review(checked, site_corpus):
    """Links that leave the site are not fetched (the check runs offline); each one is written to
    test-artifacts/links/external.tsv with the pages that carry it, for a person to review."""
    _, _, _, external = checked
    assert all(url.startswith(("https://", "http://")) for url in external)
    # Every source document's own address is among them, in every language (its page links it).
    urls = {doc["url"] for doc in site_corpus.documents.values() if doc.get("url")}
    assert urls and urls <= set(external), sorted(urls - set(external))

    def languages(pages: list[str]) -> set[str]:
        folders = {slugs.language_root(lang): lang for lang in CODES}
        return {folders.get(page.split("/")[0] + "/", DEFAULT) for page in pages}

    assert [url for url in sorted(urls) if languages(external[url]) != set(CODES)] == []
    listed = (ARTIFACTS / "links" / "external.tsv").read_text(encoding="utf-8").splitlines()
    assert listed[0] == "url\tpages\tfirst page"
    assert sorted(line.split("\t")[0] for line in listed[1:]) == sorted(external)
