"""Comparison pages (issue 5): who stands where, cell by cell, each cell traceable to its source.

The matrices are checked twice: as data (matrix.py, straight from the records) and as a reader gets
them (the built pages, parsed), so that a row lost in a template is caught as well as in the code.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from ridsite import compare, matrix, sidebyside
from ridsite.languages import CODES
from ridsite.load import load_corpus

LANGS = ("en", "ar")  # left to right and right to left


@pytest.fixture(scope="module")
def site_corpus(built):
    """The records the built site was made from (data/ may have moved on since)."""
    return load_corpus(built[0] / "data")


def page_file(site: Path, lang: str, url: str) -> Path:
    return (site if lang == CODES[0] else site / lang) / url / "index.html"


class Tables(HTMLParser):
    """The rows of every table of a page that has an id: row id, and each cell's column and links."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[dict]] = {}
        self.ids: set[str] = set()
        self._table = None
        self._row = None
        self._cell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "table" and attrs.get("id"):
            self._table = self.tables.setdefault(attrs["id"], [])
        elif tag == "tr" and self._table is not None and "data-rid-row" in attrs:
            self._row = {"id": attrs["data-rid-row"], "cells": []}
            self._table.append(self._row)
        elif tag == "td" and self._row is not None:
            self._cell = {"column": attrs.get("data-column"), "hrefs": [], "text": ""}
            self._row["cells"].append(self._cell)
        elif tag == "a" and self._cell is not None:
            self._cell["hrefs"].append(attrs.get("href", ""))

    def handle_endtag(self, tag):
        if tag == "table":
            self._table = None
        elif tag == "tr":
            self._row = None
        elif tag == "td":
            self._cell = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell["text"] += data


def tables_of(path: Path) -> Tables:
    parser = Tables()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str]:
    """The file a relative link of a built page opens, and its fragment."""
    target = urlparse(urljoin("http://site/" + page.relative_to(site).as_posix(), href))
    rel = unquote(target.path).lstrip("/")
    file = site / rel
    if rel.endswith("/") or rel == "" or file.is_dir():
        file = file / "index.html"
    return file, target.fragment


# -- the matrices as data ----------------------------------------------------------------------

def test_each_criterion_matrix_has_one_row_per_actor_with_a_position(corpus):
    with_positions = {a for p in corpus.positions.values() for a in p["actors"]}
    for crit in corpus.criteria:
        m = matrix.criterion_matrix(corpus, crit["id"])
        assert Counter(r.id for r in m.rows) == Counter(with_positions), crit["id"]
        # Each of an actor's positions sits in exactly one cell: the column of its stance.
        for row in m.rows:
            placed = sorted(e.record_id for col in m.columns for e in row.cells[col.id])
            assert placed == sorted(p["id"] for p in corpus.positions_of(row.id))
            for col in m.columns:
                assert all(corpus.positions[e.record_id]["stances"][crit["id"]] == col.id for e in row.cells[col.id])


def test_counts_per_stance_are_the_actors_taking_it(corpus):
    m = matrix.criterion_matrix(corpus, "institutional")
    for col in m.columns:
        expected = {a for p in corpus.positions.values() if p["stances"]["institutional"] == col.id for a in p["actors"]}
        assert m.count(col.id) == len(expected), col.id


def test_objectives_and_proposals_matrices_leave_no_actor_and_no_position_out(corpus):
    with_positions = {a for p in corpus.positions.values() for a in p["actors"]}
    objectives = matrix.objectives_matrix(corpus)
    assert Counter(r.id for r in objectives.rows) == Counter(with_positions)
    for row in objectives.rows:
        cited = {e.record_id for col in objectives.columns for e in row.cells[col.id]}
        assert cited == {p["id"] for p in corpus.positions_of(row.id)}  # "none named" holds the rest

    proponents = {a for p in corpus.proposals.values() for a in [*p["proponents"], *p.get("cosponsors", [])]}
    proposals = matrix.proposals_matrix(corpus)
    assert Counter(r.id for r in proposals.rows) == Counter(with_positions | proponents)
    for pos in corpus.positions.values():
        for pid in pos.get("supports", []):
            for actor in pos["actors"]:
                cell = proposals.row(actor).cells[pid]
                assert any(e.record_id == pos["id"] and e.role == "supports" for e in cell)


def test_scorecard_rates_every_proposal_from_its_own_source(corpus):
    rows = matrix.scorecard(corpus)
    assert [r.proposal_id for r in rows] == sorted(corpus.proposals, key=lambda p: (corpus.proposals[p]["date"], p))
    for row in rows:
        prop = corpus.proposals[row.proposal_id]
        assert {c: r.stance for c, r in row.ratings.items()} == prop["stances"]
        assert all(r.evidence.source == prop["source"] for r in row.ratings.values())


def test_a_criterion_id_cannot_take_the_address_of_another_comparison_page():
    with pytest.raises(ValueError):
        compare.criterion_url("scorecard")


# -- the matrices as a reader gets them -----------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_each_matrix_page_has_exactly_one_row_per_actor_and_every_cell_link_resolves(built, site_corpus, lang):
    _, site, _ = built
    with_positions = {a for p in site_corpus.positions.values() for a in p["actors"]}
    proponents = {a for p in site_corpus.proposals.values() for a in [*p["proponents"], *p.get("cosponsors", [])]}
    pages = {f"compare/{c['id']}/": (f"rid-matrix-{c['id']}", with_positions) for c in site_corpus.criteria}
    pages["compare/objectives/"] = ("rid-matrix-objectives", with_positions)
    pages["compare/proposals/"] = ("rid-matrix-proposals", with_positions | proponents)
    cache: dict[Path, Tables] = {}
    for url, (table_id, expected) in pages.items():
        path = page_file(site, lang, url)
        rows = tables_of(path).tables[table_id]
        assert Counter(r["id"] for r in rows) == Counter(expected), url
        for row in rows:
            for cell in row["cells"]:
                for href in cell["hrefs"]:
                    target, fragment = resolve(site, path, href)
                    assert target.exists(), f"{lang}:{url} {row['id']} → {href}"
                    if fragment:
                        ids = cache.setdefault(target, tables_of(target)).ids
                        assert fragment in ids, f"{lang}:{url} {row['id']} → {href} (no such anchor)"


def test_a_cell_links_to_the_quote_and_to_the_paragraph(built, site_corpus):
    _, site, _ = built
    rows = tables_of(page_file(site, "en", "compare/regular/")).tables["rid-matrix-regular"]
    india = next(r for r in rows if r["id"] == "ind")
    permanent = next(c for c in india["cells"] if c["column"] == "permanent")
    assert "../../positions/ind-2020-02-13-standing-oewg/#quote" in permanent["hrefs"]
    assert "../../documents/dw-2020-02-13-rid/p7/" in permanent["hrefs"]
    empty = [c for c in india["cells"] if not c["hrefs"]]
    assert all(c["text"].strip() == "" for c in empty)


def test_matrix_footer_counts_match_the_records(built, site_corpus):
    _, site, _ = built
    html = page_file(site, "en", "compare/un-auspices/").read_text(encoding="utf-8")
    m = matrix.criterion_matrix(site_corpus, "un-auspices")
    footer = html.split("<tfoot>", 1)[1].split("</tfoot>", 1)[0]
    for col in m.columns:
        actors = {a for p in site_corpus.positions.values() if p["stances"]["un-auspices"] == col.id for a in p["actors"]}
        assert f'<td data-column="{col.id}">{len(actors)}</td>' in footer


@pytest.mark.parametrize("lang", LANGS)
def test_scorecard_page_rates_every_proposal_and_shows_each_quote(built, site_corpus, lang):
    _, site, _ = built
    path = page_file(site, lang, "compare/scorecard/")
    parsed = tables_of(path)
    html = path.read_text(encoding="utf-8")
    rows = [r for table in parsed.tables.values() for r in table]
    assert sorted(r["id"] for r in rows) == sorted(site_corpus.proposals)
    for row in rows:
        prop = site_corpus.proposals[row["id"]]
        rated = {c["column"]: c for c in row["cells"] if c["column"]}
        assert set(rated) == {c["id"] for c in site_corpus.criteria}
        for cid, cell in rated.items():
            assert cell["hrefs"] == [f"#quote-{prop['id']}"]
        assert f'id="quote-{prop["id"]}"' in html
        assert prop["quote"].split()[0] in html


# -- the side-by-side page ------------------------------------------------------------------------

def test_compare_data_holds_every_subject_with_its_stances_and_quotes(corpus):
    data = sidebyside.compare_data(corpus, "fr")
    with_positions = {a for p in corpus.positions.values() for a in p["actors"]}
    assert set(data["subjects"]) == {f"a:{a}" for a in with_positions} | {f"p:{p}" for p in corpus.proposals}
    india = data["subjects"]["a:ind"]
    assert india["name"] == "Inde"
    stances = {e["stance"] for e in india["criteria"]["regular"]}
    assert stances == {p["stances"]["regular"] for p in corpus.positions_of("ind")}
    for entry in india["criteria"]["regular"]:
        for record in entry["records"]:
            assert data["records"][record]["quote"] == corpus.positions[record]["quote"]
    assert data["labels"]["criterion"] == "Critère"


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_compare_page_is_complete_without_javascript_and_its_data_file_is_beside_it(built, site_corpus, lang):
    _, site, _ = built
    path = page_file(site, lang, "compare/")
    html = path.read_text(encoding="utf-8")
    # The tool needs the script: hidden until it runs. The full table does not.
    assert re.search(r'<section class="rid-side__tool" id="side-by-side" data-rid-compare="compare.json" [^>]* hidden>', html)
    with_positions = {a for p in site_corpus.positions.values() for a in p["actors"]}
    for actor in with_positions:
        assert html.count(f'<tr data-rid-subject="a:{actor}">') == 1
    for pid in site_corpus.proposals:
        assert html.count(f'<tr data-rid-subject="p:{pid}">') == 1
    # compare.json next to the page is the page's language (mkdocs-static-i18n's suffix layout).
    data = json.loads((path.parent / "compare.json").read_text(encoding="utf-8"))
    assert data["lang"] == lang
    assert data == json.loads(sidebyside.files(site_corpus, "http://127.0.0.1:8000/")[sidebyside.data_file(lang)])


@pytest.mark.parametrize("lang", LANGS)
def test_every_actor_and_proposal_page_links_to_the_side_by_side_page(built, site_corpus, lang):
    _, site, _ = built
    for actor in site_corpus.actors:
        html = page_file(site, lang, f"actors/{actor}/").read_text(encoding="utf-8")
        assert f'href="../../compare/?a={actor}"' in html, actor
    for pid in site_corpus.proposals:
        html = page_file(site, lang, f"proposals/{pid}/").read_text(encoding="utf-8")
        assert f'href="../../compare/?p={pid}"' in html, pid
