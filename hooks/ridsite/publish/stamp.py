"""Record pages stamped from one page of their kind that MkDocs built: the whole record, fast.

Material's templates cost MkDocs about 4 ms a page, which at the scale of the UN record (tens of
thousands of pages per language, six languages) is most of a build. Yet around the body, a record
page differs from another of its kind and depth only in a few known places, its *slots*:

* its address: the canonical link, the hreflang alternates and the language switcher;
* its title: in <title> and in the header;
* its citation metadata in <head> (metadata.head_html);
* its body (pages.Page.body).

So `rid build` lets MkDocs build one exemplar per (kind, depth) in each language, cuts that page
into literal text and slots (``Shell``), and fills the slots for every other page of its kind. A
page that a theme would render differently (a description, a place in the navigation) is never
stamped. The test suite builds the site both ways and requires byte-identical pages; if the theme
changes what it writes, that test fails, not the readers' pages.

No MkDocs object here: the input is the generated Markdown file (pages.markdown_file) and the HTML
that MkDocs wrote for the exemplar.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from html import escape

from .runner import plugin_entries


class StampError(ValueError):
    """The exemplar does not hold a slot where the theme should have written it."""


@dataclass(frozen=True)
class Parts:
    """What differs between two pages of one kind, read back from a generated Markdown file."""

    url: str  # directory URL relative to the language root
    kind: str
    title: str  # as in the front matter: already escaped, as the theme writes it
    head: str  # the citation metadata block, or ""
    body: str
    description: str = ""

    @classmethod
    def of_page(cls, page) -> Parts:
        """The parts of a pages.Page, as its Markdown file (pages.markdown_file) gives them to the theme."""
        return cls(
            url=page.url,
            kind=page.kind,
            title=escape(page.title, quote=True),
            head=page.meta.get("head", ""),
            body=page.body,
            description=escape(page.description, quote=True) if page.description else "",
        )

    @property
    def key(self) -> tuple[str, int]:
        """Pages with one key share a shell: relative links in the theme depend on the depth."""
        return self.kind, self.url.count("/")


def stampable(parts: Parts) -> bool:
    """Index pages sit in the navigation (the theme marks them active) and the home page is
    special; a description changes <meta name="description">: those are always built by MkDocs."""
    return bool(parts.kind) and not parts.kind.endswith("-index") and parts.kind != "home" and not parts.description


SLOTS = ("url", "title", "head", "body")


@dataclass(frozen=True)
class Shell:
    key: tuple[str, int]
    tokens: tuple[str | int, ...]  # literal text, or the index of a slot in SLOTS
    has_head: bool

    def fill(self, parts: Parts) -> str:
        if parts.key != self.key:
            raise StampError(f"{parts.url}: a {parts.key} page cannot be stamped from a {self.key} shell")
        if bool(parts.head) != self.has_head:
            raise StampError(f"{parts.url}: citation metadata present on some {self.key[0]} pages only")
        values = (parts.url, parts.title, parts.head, parts.body)
        return "".join(values[t] if isinstance(t, int) else t for t in self.tokens)


def _split(tokens: list, needle: str, slot: int) -> tuple[list, int]:
    """Every occurrence of needle in the literal tokens becomes the slot."""
    out, found = [], 0
    for token in tokens:
        if isinstance(token, int) or needle not in token:
            out.append(token)
            continue
        pieces = token.split(needle)
        found += len(pieces) - 1
        for i, piece in enumerate(pieces):
            if i:
                out.append(slot)
            out.append(piece)
    return out, found


def _split_pattern(tokens: list, pattern: re.Pattern, slot: int) -> tuple[list, int]:
    """Like _split, for a title found only in its context (group 1 before it, group 2 after)."""
    out, found = [], 0
    for token in tokens:
        if isinstance(token, int):
            out.append(token)
            continue
        last = 0
        for match in pattern.finditer(token):
            out.append(token[last : match.end(1)])
            out.append(slot)
            last = match.start(2)
            found += 1
        out.append(token[last:])
    return out, found


def make_shell(html: str, exemplar: Parts) -> Shell:
    """Cut the exemplar's HTML into literal text and slots; raises StampError if a slot is missing."""
    url_slot, title_slot, head_slot, body_slot = range(len(SLOTS))
    if html.count(exemplar.body) != 1:
        raise StampError(f"{exemplar.url}: the body is not on the page exactly once")
    before, _, after = html.partition(exemplar.body)
    tokens: list = [before, body_slot, after]
    if exemplar.head:
        tokens, found = _split(tokens, exemplar.head, head_slot)
        if found != 1:
            raise StampError(f"{exemplar.url}: the citation metadata is on the page {found} times")
    title = re.escape(exemplar.title)
    # The theme writes the title twice: <title>Title - Site</title>, and in the header.
    tokens, found = _split_pattern(tokens, re.compile(f"(<title>){title}( - )"), title_slot)
    if found != 1:
        raise StampError(f"{exemplar.url}: the title is in <title> {found} times")
    header = re.compile(rf'(data-md-component="header-topic">\s*<span class="md-ellipsis">\s*){title}(\s*</span>)')
    tokens, found = _split_pattern(tokens, header, title_slot)
    if found != 1:
        raise StampError(f"{exemplar.url}: the title is in the header {found} times")
    # The page's own address, absolute or from the site root, in links that end with it.
    tokens, found = _split(tokens, f'/{exemplar.url}"', None)  # type: ignore[arg-type]
    if not found:
        raise StampError(f"{exemplar.url}: the page's own address is not on the page")
    tokens = _url_slots(tokens, url_slot)
    shell = Shell(exemplar.key, tuple(t for t in tokens if t != ""), bool(exemplar.head))
    if shell.fill(exemplar) != html:
        raise StampError(f"{exemplar.url}: the shell does not give back the page it was cut from")
    return shell


def _url_slots(tokens: list, url_slot: int) -> list:
    """The address marker (None) keeps its '/' before and '"' after as literal text."""
    out: list = []
    for token in tokens:
        if token is None:
            out += ["/", url_slot, '"']
        else:
            out.append(token)
    return out


# Theme settings known to write a value of their own on every page (the page's source file, its
# git dates, a social card, its neighbours in the navigation): the stamp knows none of them.
PER_PAGE_SETTINGS = {
    "theme.features: content.action.edit": "an edit button pointing at the page's source file "
    "(with repo_url, edit_uri)",
    "theme.features: content.action.view": "a view-source button pointing at the page's source file "
    "(with repo_url, edit_uri)",
    "theme.features: navigation.footer": "links to the previous and next page in the footer",
    "plugins: git-revision-date-localized": "the page's git dates",
    "plugins: git-committers": "the page's git authors",
    "plugins: git-authors": "the page's git authors",
    "plugins: social": "a social card per page",
    "plugins: tags": "the page's tags",
}


def per_page_settings(config: dict) -> list[str]:
    """Which of PER_PAGE_SETTINGS a configuration (mkdocs.yml as a dict) turns on."""
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    features = set(theme.get("features") or ())
    plugins = {name.removeprefix("material/") for name, _ in plugin_entries(config)}
    found = []
    for setting in PER_PAGE_SETTINGS:
        where, _, name = setting.partition(": ")
        if (where == "theme.features" and name in features) or (where == "plugins" and name in plugins):
            found.append(setting)
    return found


def first_difference(expected: str, actual: str) -> str:
    """Where two pages first differ: the line number and a short excerpt of each."""
    for number, (want, got) in enumerate(zip(expected.splitlines(), actual.splitlines()), 1):
        if want != got:
            start = max(0, len(os.path.commonprefix([want, got])) - 40)
            return (
                f"line {number}: MkDocs wrote {want[start : start + 120].strip()!r}, the stamp "
                f"{got[start : start + 120].strip()!r}"
            )
    return "the pages differ in length"
