"""Nothing lost: every record in data/ reaches the built site in every language, and the open data.

The records are listed here from the files themselves (one file per record, the id is the file
name), not from the page generator, so a record the generator skipped would be caught. Each one
must have its page in each language, carrying its id (`data-rid-id`), and be linked from some other
page of that language, so that a reader can reach it without knowing its address.
"""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from conftest import ROOT
from ridsite.model import kinds, slugs
from ridsite.model.languages import CODES
from ridsite.publish.runner import plugin_entries, read_config
from ridsite.records.yamlfile import load_yaml

DATA = ROOT / "data"
KINDS = {kind.folder: kind.url for kind in kinds.KINDS}  # folder under data/ → the page address of one record


def records(folder: str) -> dict[str, dict]:
    """id → record, read straight from data/<folder>/ (each record checked by the suite elsewhere)."""
    return {path.stem: load_yaml(path.read_bytes()).value for path in sorted((DATA / folder).rglob("*.yml"))}


def vocabulary(rel: str, key: str) -> list[dict]:
    return load_yaml((DATA / "vocabularies" / rel).read_bytes()).value[key]


def expected_pages() -> dict[str, str]:
    """Page address → the data-rid-id it must carry, for every record, paragraph and vocabulary value."""
    pages = {}
    for folder, url in KINDS.items():
        for record_id in records(folder):
            pages[url(record_id)] = record_id
    for doc_id, doc in records("documents").items():
        for paragraph in doc["paragraphs"]:
            pins = [paragraph["id"]] + [
                slugs.pinpoint(paragraph["id"], item["id"]) for item in paragraph.get("items", [])
            ]
            for pin in pins:
                pages[slugs.paragraph_url(doc_id, pin)] = f"{doc_id}/{slugs.pinpoint_slug(pin)}"
    for criterion in vocabulary("criteria.yml", "criteria"):
        pages[slugs.criterion_url(criterion["id"])] = criterion["id"]
    for objective in vocabulary("objectives.yml", "objectives"):
        pages[slugs.objective_url(objective["id"])] = objective["id"]
    return pages


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rid_ids: set[str] = set()
        self.element_ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("data-rid-id"):
            self.rid_ids.add(attrs["data-rid-id"])
        if attrs.get("id"):
            self.element_ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def lang_root(site: Path, lang: str) -> Path:
    return site / slugs.language_root(lang)


@pytest.fixture(scope="module")
def parsed(built):
    """Every HTML page of the built site, parsed once: path relative to the site → Page."""
    _, site, _ = built
    return site, {p.relative_to(site).as_posix(): parse(p) for p in site.rglob("*.html")}


def test_the_listing_is_not_empty():
    pages = expected_pages()
    assert len(records("positions")) >= 9 and len(records("documents")) >= 5
    assert len(pages) > sum(len(records(f)) for f in KINDS)  # paragraphs are counted too


def test_each_kind_has_its_tab_in_the_navigation_titled_as_its_index_in_every_language():
    """mkdocs.yml's nav and its translations are written by hand (MkDocs reads them before any
    hook): a kind of record (kinds.py) left out of them, or titled otherwise than its index, fails."""
    config = read_config(ROOT)
    nav = {path: title for entry in config["nav"] for title, path in entry.items()}
    interface = load_yaml((DATA / "interface.yml").read_bytes()).value
    languages = next(options for name, options in plugin_entries(config) if name == "i18n")["languages"]
    wrong = []
    for kind in kinds.KINDS:
        titles = interface[f"section.{kind.folder}"]
        title = nav.get(f"{kind.folder}/index.md")
        if title != titles["en"]:
            wrong.append(f"nav: {kind.folder}/index.md is {title!r}, not {titles['en']!r}")
            continue
        for language in languages:
            shown = (language.get("nav_translations") or {}).get(title, title)
            if shown != titles[language["locale"]]:
                wrong.append(f"{language['locale']}: {title!r} is shown {shown!r}, not {titles[language['locale']]!r}")
    assert wrong == []


def test_every_record_has_its_page_with_its_id_in_every_language(parsed):
    site, pages = parsed
    missing = []
    for lang in CODES:
        prefix = slugs.language_root(lang)
        for url, rid in expected_pages().items():
            page = pages.get(f"{prefix}{url}index.html")
            if page is None:
                missing.append(f"{lang}: no page {url}")
            elif rid not in page.rid_ids:
                missing.append(f"{lang}: {url} does not carry data-rid-id={rid!r}")
    assert missing == []


def test_every_stance_value_has_its_place_on_its_criterion_page(parsed):
    _, pages = parsed
    not_stated = load_yaml((DATA / "vocabularies" / "criteria.yml").read_bytes()).value["not_stated"]["id"]
    missing = []
    for lang in CODES:
        prefix = slugs.language_root(lang)
        for criterion in vocabulary("criteria.yml", "criteria"):
            ids = pages[f"{prefix}{slugs.criterion_url(criterion['id'])}index.html"].element_ids
            for stance in [s["id"] for s in criterion["stances"]] + [not_stated]:
                if f"stance-{stance}" not in ids:
                    missing.append(f"{lang}: criteria/{criterion['id']}/#stance-{stance}")
    assert missing == []


def test_every_record_page_is_linked_from_another_page(parsed):
    """A reader reaches each record by following links, in each language (lists may be paged)."""
    _, pages = parsed
    linked: set[str] = set()
    for rel, page in pages.items():
        base = "http://site/" + rel
        for href in page.hrefs:
            target = urlparse(urljoin(base, href))
            if target.netloc != "site":
                continue
            path = unquote(target.path).lstrip("/")
            if path.endswith("/") or not path:
                path += "index.html"
            if path != rel:
                linked.add(path)
    unreachable = [
        f"{lang}: {url}"
        for lang in CODES
        for url in expected_pages()
        if f"{slugs.in_language(url, lang)}index.html" not in linked
    ]
    assert unreachable == []


def test_the_open_data_export_holds_every_record_whole(built):
    """The downloads of data/ in every language: the whole records as JSON, one CSV row per
    position and per proposal. A missing file fails (the site promises them on its data page)."""
    _, site, _ = built
    for lang in CODES:
        folder = site / slugs.language_root(lang) / "data"
        export = json.loads((folder / "rid-records.json").read_text(encoding="utf-8"))
        for kind in KINDS:
            in_export = {record["id"]: record for record in export[kind]}
            # Whole records, as written in data/: no record and no field is dropped on the way.
            assert in_export == records(kind), (lang, kind)
        # Long form: one row per position, actor and criterion; per proposal and criterion.
        criteria = len(vocabulary("criteria.yml", "criteria"))
        rows = list(csv.DictReader(io.StringIO((folder / "rid-positions.csv").read_text(encoding="utf-8-sig"))))
        assert sorted({row["position_id"] for row in rows}) == sorted(records("positions")), lang
        assert len(rows) == sum(len(p["actors"]) for p in records("positions").values()) * criteria, lang
        rows = list(csv.DictReader(io.StringIO((folder / "rid-proposals.csv").read_text(encoding="utf-8-sig"))))
        assert sorted({row["proposal_id"] for row in rows}) == sorted(records("proposals")), lang
        assert len(rows) == len(records("proposals")) * criteria, lang
