"""Comparison pages (issue 5): who stands where, cell by cell, each cell traceable to its source.

The matrices are checked twice: as data (matrix.py, straight from the records) and as a reader gets
them (the built pages, parsed), so that a row lost in a template is caught as well as in the code.
A cell resting on one record links to its quote; on several, it says how many and links to the
list of them on the actor's (or proposal's) page, where each links to its quote and paragraph. So
the pages stay light at any scale, which a synthetic record at ten times the real one checks.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest

from ridsite.model import dates, slugs
from ridsite.model.languages import CODES
from ridsite.records.load import load_corpus
from ridsite.render import charts, matrix, timeline
from ridsite.render import matrix_pages as compare
from ridsite.render import pages as pages_module
from ridsite.render import sidebyside_page as sidebyside
from ridsite.render.assemble import Renderer, all_pages

ROOT = Path(__file__).resolve().parent.parent

LANGS = ("en", "ar")  # left to right and right to left


@pytest.fixture(scope="module")
def site_corpus(built):
    """The records the built site was made from (data/ may have moved on since)."""
    return load_corpus(built[0] / "data")


def page_file(site: Path, lang: str, url: str) -> Path:
    return site / slugs.in_language(url, lang) / "index.html"


class Tables(HTMLParser):
    """The rows of every table of a page that has an id: row id, and each cell's column and links.
    A cell's column is its data-column, or else that of the header cell above it (matrix cells
    are bare <td>s: their column is their position)."""

    def __init__(self):
        super().__init__()
        self.tables: dict[str, list[dict]] = {}
        self.ids: set[str] = set()
        self._table = None
        self._columns: list[str] = []
        self._head = False
        self._row = None
        self._cell = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "table" and attrs.get("id"):
            self._table = self.tables.setdefault(attrs["id"], [])
            self._columns = []
        elif tag == "thead":
            self._head = True
        elif tag == "th" and self._head and "data-column" in attrs:
            self._columns.append(attrs["data-column"])
        elif tag == "tr" and self._table is not None and "data-rid-row" in attrs:
            self._row = {"id": attrs["data-rid-row"], "cells": []}
            self._table.append(self._row)
        elif tag == "td" and self._row is not None:
            n = len(self._row["cells"])
            column = attrs.get("data-column") or (self._columns[n] if n < len(self._columns) else None)
            self._cell = {"column": column, "hrefs": [], "text": "", "class": attrs.get("class") or ""}
            self._row["cells"].append(self._cell)
        elif tag == "a" and self._cell is not None:
            self._cell["hrefs"].append(attrs.get("href", ""))

    def handle_endtag(self, tag):
        if tag == "table":
            self._table = None
        elif tag == "thead":
            self._head = False
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
        expected = {
            a for p in corpus.positions.values() if p["stances"]["institutional"] == col.id for a in p["actors"]
        }
        assert m.count(col.id) == len(expected), col.id


def test_objectives_and_proposals_matrices_leave_no_actor_and_no_position_out(corpus):
    with_positions = {a for p in corpus.positions.values() for a in p["actors"]}
    objectives = matrix.objectives_matrix(corpus)
    assert Counter(r.id for r in objectives.rows) == Counter(with_positions)
    for row in objectives.rows:
        cited = {e.record_id for col in objectives.columns for e in row.cells[col.id]}
        assert cited == {p["id"] for p in corpus.positions_of(row.id)}  # "none named" holds the rest

    # Proposals are rows (so that the table grows by rows only): each once, with its sponsors and
    # every position for or against it.
    table = matrix.proposals_table(corpus)
    assert [r.proposal_id for r in table] == sorted(
        corpus.proposals, key=lambda p: (dates.sort_key(corpus.proposals[p]["date"]), p)
    )
    for row in table:
        prop = corpus.proposals[row.proposal_id]
        assert row.proponents == prop["proponents"] and row.cosponsors == prop.get("cosponsors", [])
        assert row.evidence.source == prop["source"]
        supporters, opponents = corpus.positions_on_proposal(row.proposal_id)
        assert [e.record_id for e in row.supports] == [p["id"] for p in supporters]
        assert [e.record_id for e in row.opposes] == [p["id"] for p in opponents]


def row_of(m: matrix.Matrix, row_id: str) -> matrix.Row:
    return next(r for r in m.rows if r.id == row_id)


def test_an_actor_page_lists_the_records_of_each_cell_under_a_stable_anchor(corpus):
    """The lists that a matrix cell resting on several records links to: one per criterion and
    stance, and per objective, holding exactly the records of that cell."""
    for actor_id in {a for p in corpus.positions.values() for a in p["actors"]}:
        by_stance, by_objective = compare.actor_sections(corpus, actor_id)
        for crit in corpus.criteria:
            m = matrix.criterion_matrix(corpus, crit["id"])
            row = row_of(m, actor_id)
            listed = {sec.column.id: sec for sec in by_stance if sec.criterion["id"] == crit["id"]}
            assert set(listed) == set(row.filled())
            for column, sec in listed.items():
                assert sec.evidence == row.cells[column]
                assert m.list_url(row, column) == f"actors/{actor_id}/#{sec.anchor}"
                assert sec.anchor == f"{crit['id']}--{column}"
        objectives = matrix.objectives_matrix(corpus)
        row = row_of(objectives, actor_id)
        assert {sec.column.id: sec.evidence for sec in by_objective} == {c: row.cells[c] for c in row.filled()}
        anchors = [sec.anchor for sec in [*by_stance, *by_objective]]
        assert len(anchors) == len(set(anchors))


def test_scorecard_rates_every_proposal_from_its_own_source(corpus):
    rows = matrix.scorecard(corpus)
    assert [r.proposal_id for r in rows] == sorted(
        corpus.proposals, key=lambda p: (dates.sort_key(corpus.proposals[p]["date"]), p)
    )
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
    pages = {f"compare/{c['id']}/": (f"rid-matrix-{c['id']}", with_positions) for c in site_corpus.criteria}
    pages["compare/objectives/"] = ("rid-matrix-objectives", with_positions)
    pages["compare/proposals/"] = ("rid-matrix-proposals", set(site_corpus.proposals))
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


def listed_records(html: str, anchor: str) -> list[str]:
    """The positions listed in the row of a page with this id (an actor's page): each a date and a
    pinpoint that link to the position's entry on the same page, which gives its quote and its
    paragraph."""
    row = re.search(rf'<tr id="{re.escape(anchor)}">(.*?)</tr>', html, re.S)
    assert row, anchor
    ids = re.findall(
        r'<a href="#position-([^"]+)">(?:<time datetime="[^"]+">[^<]+</time>|<span class="rid-date rid-date--bound">[^<]+</span>)</a> <span class="rid-small">\(<bdi>[^<]+</bdi>\)</span>',
        row.group(1),
    )
    for pid in ids:
        entry = re.search(rf'<article class="rid-position" id="position-{re.escape(pid)}">(.*?)</article>', html, re.S)
        assert entry and "<blockquote" in entry.group(1) and 'class="rid-source"' in entry.group(1), pid
    return ids


def test_a_cell_gives_its_one_record_or_how_many_and_where_they_are_listed(built, site_corpus):
    _, site, _ = built
    path = page_file(site, "en", "compare/regular/")
    rows = {r["id"]: r for r in tables_of(path).tables["rid-matrix-regular"]}
    # One record: its date links to its quote, whose page links to the paragraph.
    india = {c["column"]: c for c in rows["ind"]["cells"]}
    assert india["permanent"]["hrefs"] == ["../../positions/ind-2020-02-13-standing-oewg/#quote"]
    assert "13 February 2020" in india["permanent"]["text"] and "Standing or permanent" in india["permanent"]["text"]
    quote_page = page_file(site, "en", "positions/ind-2020-02-13-standing-oewg/").read_text(encoding="utf-8")
    assert 'href="../../documents/dw-2020-02-13-rid/p7/"' in quote_page
    # Several: how many, linking to the list on the actor's page, where each record links to its
    # quote and its paragraph.
    russia = {c["column"]: c for c in rows["rus"]["cells"]}
    several = [p for p in site_corpus.positions_of("rus") if p["stances"]["regular"] == "not-stated"]
    assert len(several) > 1
    cell = russia["not-stated"]
    assert cell["hrefs"] == ["../../actors/rus/#regular--not-stated"]
    assert cell["text"] == f"Not stated: {len(several)}"  # the column's name is for screen readers
    assert cell["class"] == "cn"  # compare.css draws the swatch
    actor_page = page_file(site, "en", "actors/rus/").read_text(encoding="utf-8")
    assert listed_records(actor_page, "regular--not-stated") == [p["id"] for p in several]
    for p in several:  # each listed with its paragraph, one click away
        entry = actor_page.split(f'id="position-{p["id"]}"', 1)[1].split("</article>", 1)[0]
        assert f'href="../../{site_corpus.paragraph(p["source"]).url}"' in entry
    # An empty cell is empty.
    empty = [c for c in rows["ind"]["cells"] if not c["hrefs"]]
    assert empty and all(c["text"] == "" for c in empty)


def test_every_count_links_to_a_list_of_exactly_that_many_records(built, site_corpus):
    _, site, _ = built
    urls = [compare.criterion_url(c["id"]) for c in site_corpus.criteria] + [compare.objectives_url()]
    counted = 0
    for url in urls:
        path = page_file(site, "en", url)
        for table in tables_of(path).tables.values():
            for row in table:
                for cell in row["cells"]:
                    if len(cell["hrefs"]) != 1 or cell["hrefs"][0].endswith("#quote"):
                        continue  # empty, or the date of its one record (a year may be all of it)
                    (href,) = cell["hrefs"]
                    number = cell["text"].rsplit(": ", 1)[-1]
                    target, fragment = resolve(site, path, href)
                    assert len(listed_records(target.read_text(encoding="utf-8"), fragment)) == int(number) > 1
                    counted += 1
    assert counted


def test_matrix_footer_counts_match_the_records(built, site_corpus):
    _, site, _ = built
    html = page_file(site, "en", "compare/un-auspices/").read_text(encoding="utf-8")
    m = matrix.criterion_matrix(site_corpus, "un-auspices")
    footer = html.split("<tfoot>", 1)[1].split("</tfoot>", 1)[0]
    for col in m.columns:
        actors = {
            a for p in site_corpus.positions.values() if p["stances"]["un-auspices"] == col.id for a in p["actors"]
        }
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
        for cell in rated.values():
            assert cell["hrefs"] == [f"#quote-{prop['id']}"]
        assert f'id="quote-{prop["id"]}"' in html and f'id="proposal-{prop["id"]}"' in html
        assert prop["quote"].split()[0] in html


@pytest.mark.parametrize("lang", LANGS)
def test_proposals_page_has_a_row_per_proposal_with_its_sponsors_and_supporters(built, site_corpus, lang):
    _, site, _ = built
    path = page_file(site, lang, "compare/proposals/")
    rows = {r["id"]: {c["column"]: c for c in r["cells"]} for r in tables_of(path).tables["rid-matrix-proposals"]}
    assert set(rows) == set(site_corpus.proposals)
    for pid, cells in rows.items():
        prop = site_corpus.proposals[pid]
        para = site_corpus.paragraph(prop["source"])
        assert cells["source"]["hrefs"] == [f"../../proposals/{pid}/#quote", "../../" + para.url]
        assert cells["proponents"]["hrefs"] == [f"../../actors/{a}/" for a in prop["proponents"]]
        supporters, opponents = site_corpus.positions_on_proposal(pid)
        for column, positions in (("supporters", supporters), ("opponents", opponents)):
            if len(positions) > 1:  # how many, linking to the proposal's list of them
                assert cells[column]["hrefs"] == [f"../../proposals/{pid}/#{column}"]
                assert cells[column]["text"].endswith(f": {len(positions)}")
            elif positions:  # the one position: who, and its quote and paragraph
                (pos,) = positions
                assert f"../../positions/{pos['id']}/#quote" in cells[column]["hrefs"]
            else:
                assert cells[column]["hrefs"] == [] and cells[column]["text"] == ""
    assert rows["continue-oewg"]["supporters"]["hrefs"] == ["../../proposals/continue-oewg/#supporters"]


def test_proposals_and_scorecard_are_split_into_pages_that_hold_every_proposal_once(corpus, monkeypatch):
    monkeypatch.setattr(compare, "ROWS_PER_PAGE", 3)
    renderer = Renderer(corpus, "en")
    expected = sorted(corpus.proposals, key=lambda p: (dates.sort_key(corpus.proposals[p]["date"]), p))
    pages_of = {"proposals": compare.proposals_pages(renderer), "scorecard": compare.scorecard_pages(renderer)}
    for name, pages in pages_of.items():
        assert [p.url for p in pages] == [f"compare/{name}/"] + [
            f"compare/{name}/page/{n}/" for n in range(2, len(pages) + 1)
        ]
        assert len(pages) == -(-len(expected) // 3)
        rows = [pid for p in pages for pid in re.findall(r'<tr[^>]* id="proposal-([^"]+)"', p.body)]
        assert rows == expected, name
        assert all('aria-label="Pages of this list"' in p.body for p in pages)


def test_a_criterion_page_leaves_many_proposals_to_the_scorecard(corpus, monkeypatch):
    renderer = Renderer(corpus, "en")
    crit = corpus.criterion("regular")
    assert 'id="rid-matrix-regular-proposals"' in compare.criterion_page(renderer, crit).body
    monkeypatch.setattr(compare, "ROWS_PER_PAGE", 3)
    body = compare.criterion_page(renderer, crit).body
    assert 'id="rid-matrix-regular-proposals"' not in body and 'href="../scorecard/"' in body


def test_swatch_classes_draw_the_colours_of_the_charts():
    css = (ROOT / "docs/assets/compare.css").read_text(encoding="utf-8")
    colours = {**{c: c for c in charts.PALETTE}, charts.NOT_STATED: charts.NOT_STATED}
    for colour, name in compare.swatch_classes(colours).items():
        assert f".rid-matrix td.{name}::before {{ background-color: {colour}; }}" in css


# -- at scale -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def synthetic_corpus(tmp_path_factory):
    """The real record ten times over: 200 actors, 550 positions, 100 proposals."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import synthetic

    out = tmp_path_factory.mktemp("x10") / "data"
    synthetic.generate(ROOT / "data", out, 10)
    return load_corpus(out)


@pytest.mark.parametrize("lang", ["en", "ru", "ar"])
def test_comparison_pages_stay_light_at_ten_times_the_record(synthetic_corpus, lang):
    """A page holds rows (at most the actors, or a page of proposals) × fixed columns, and a cell
    holds one link at most: the date of its one record, or the number of its records. So no
    comparison page grows with the records beyond its rows (before: compare/proposals/ was 1.2 MB
    at this scale and would be ten times more at a hundred)."""
    c = synthetic_corpus
    assert len(c.actors) >= 190 and len(c.proposals) >= 100
    pages = compare.pages(Renderer(c, lang))
    assert len([p for p in pages if p.url.startswith("compare/proposals/")]) == -(
        -len(c.proposals) // compare.ROWS_PER_PAGE
    )
    for page in pages:
        assert len(page.body.encode()) < 250_000, (page.url, len(page.body.encode()))
        tables = Tables()
        tables.feed(page.body)
        for table_id, rows in tables.tables.items():
            if table_id in ("rid-scorecard", "rid-matrix-proposals") or table_id.endswith("-proposals"):
                continue  # a proposal's row: its own source (date and paragraph) in one cell
            for row in rows:
                assert all(len(cell["hrefs"]) <= 1 for cell in row["cells"]), (page.url, row["id"])


@pytest.mark.parametrize("lang", ["en", "ru", "ar"])
def test_side_by_side_timeline_and_criterion_pages_stay_light_at_ten_times_the_record(synthetic_corpus, lang):
    """compare/ holds the actors (rows) × the criteria; the timeline is split into pages of
    timeline.PAGE_SIZE items; a criterion's page quotes a bounded share of positions per stance and
    lists a few proposals per stance. Before, at a hundred times the record, compare/ was 1.9 MB
    (2.3 in Russian), the timeline 2.7 MB (3.8) and a criterion's page 0.5 MB (0.6)."""
    c = synthetic_corpus
    renderer = Renderer(c, lang)
    side = sidebyside.pages(renderer)
    lines = timeline.pages(renderer)
    criteria = [page for crit in c.criteria for page in renderer.criterion(crit)]
    for page in [*side, *lines, *criteria]:
        assert len(page.body.encode()) < 250_000, (page.url, len(page.body.encode()))
    # compare/ still offers every actor, and no proposal (the search and the paged pages do).
    (body,) = [p.body for p in side]
    with_positions = {a for p in c.positions.values() for a in p["actors"]}
    assert len(re.findall(r'<option value="a:', body)) == len(with_positions) >= 190
    assert '<option value="p:' not in body and 'data-rid-subject="p:' not in body
    # Each timeline item on one page.
    items = timeline.items(c)
    assert len(lines) == -(-len(items) // timeline.PAGE_SIZE) > 1
    assert sum(
        p.body.count("<tr><td><time")
        + p.body.count('"><td><time')
        + p.body.count('<td><span class="rid-date rid-date--bound">')
        for p in lines
    ) == len(items)
    # A stance's proposals beyond the first few: a link to the scorecard.
    lists = [
        ul
        for p in criteria
        if p.kind == "criterion"
        for ul in re.findall(r"<h3>[^<]*</h3>\s*<ul>(.*?)</ul>", p.body, re.S)
    ]
    assert lists and all(ul.count("<li>") <= pages_module.PROPOSALS_INLINE for ul in lists)
    assert any('href="../../compare/scorecard/"' in p.body for p in criteria)


def test_side_by_side_files_stay_few_and_small_at_ten_times_the_record(synthetic_corpus):
    """The script fetches compare.json (labels and criteria), the file of each chosen actor or
    proposal, and the proposals' titles only to search them: no file holds the whole record, and
    their number grows with the actors and a twenty-fifth of the proposals."""
    c = synthetic_corpus
    files = sidebyside.files(c)
    with_positions = {a for p in c.positions.values() for a in p["actors"]}
    assert len(files) == len(CODES) * (len(with_positions) + sidebyside.buckets(c) + 2)
    assert sidebyside.buckets(c) == -(-len(c.proposals) // sidebyside.PROPOSALS_PER_FILE)
    for path, text in files.items():
        size = len(text.encode())
        if "/compare." in path:
            assert size < 5_000, path
        else:
            assert size < 120_000, (path, size)


# -- the side-by-side page ------------------------------------------------------------------------


def side_files(corpus, lang: str) -> dict[str, object]:
    """The side-by-side page's files in one language, by path relative to compare/ (as its script
    asks for them), parsed."""
    suffix = slugs.language_suffix(lang)
    out = {}
    for path, text in sidebyside.files(corpus).items():
        rel = path.removeprefix("compare/")
        if suffix and not rel.endswith(f"{suffix}.json"):
            continue
        if not suffix and re.search(r"\.(" + "|".join(CODES[1:]) + r")\.json$", rel):
            continue
        out[rel.replace(f"{suffix}.json", ".json") if suffix else rel] = json.loads(text)
    return out


def test_side_by_side_files_hold_each_subject_once_with_its_stances_and_quotes(corpus):
    files = side_files(corpus, "fr")
    index = files["compare.json"]
    assert index["labels"]["criterion"] == "Critère" and index["lang"] == "fr"
    assert [c["id"] for c in index["criteria"]] == [c["id"] for c in corpus.criteria]
    # An actor: its own file, named by its id.
    with_positions = {a for p in corpus.positions.values() for a in p["actors"]}
    assert {f[len("side/a/") : -len(".json")] for f in files if f.startswith("side/a/")} == with_positions
    india = files["side/a/ind.json"]
    assert india["name"] == "Inde" and india["kind"] == "actor"
    for crit in corpus.criteria:
        stances = {e["stance"] for e in india["criteria"][crit["id"]]}
        assert stances == {p["stances"][crit["id"]] for p in corpus.positions_of("ind")}
    cited = {r for entries in india["criteria"].values() for e in entries for r in e["records"]}
    assert cited == set(india["records"]) == {p["id"] for p in corpus.positions_of("ind")}
    for record, ev in india["records"].items():
        assert ev["quote"] == corpus.positions[record]["quote"]
    # Proposals: in index["buckets"] files, every one of them present (the script may ask for
    # any), each proposal in exactly the one that bucket() names.
    shared = {f: data for f, data in files.items() if f.startswith("side/p/")}
    assert set(shared) == {f"side/p/{n}.json" for n in range(index["buckets"])}
    placed = [pid for data in shared.values() for pid in data]
    assert sorted(placed) == sorted(corpus.proposals)
    for pid in corpus.proposals:
        proposal = shared[f"side/p/{sidebyside.bucket(pid, index['buckets'])}.json"][pid]
        assert {c: e[0]["stance"] for c, e in proposal["criteria"].items()} == corpus.proposals[pid]["stances"]
        assert [ev["quote"] for ev in proposal["records"].values()] == [corpus.proposals[pid]["quote"]]
    # The titles the form's search looks through: every proposal once, by date.
    titles = files[index["proposals"]]["proposals"]
    assert [t[0] for t in titles] == compare.proposals_by_date(corpus)


def test_the_script_finds_a_proposal_in_the_file_the_build_put_it_in():
    """compare.js computes a proposal's file as sidebyside.bucket does (run in Node)."""
    node = shutil.which("node")
    if not node:
        pytest.skip("Node.js is not installed")
    script = (ROOT / "docs/assets/js/compare.js").read_text(encoding="utf-8")
    function = re.search(r"  function bucket\(id, count\) \{.*?\n  \}\n", script, re.S).group(0)
    ids = ["egypt-platform", "continue-oewg", "a", "poa-2020-10-08-x9", "zz-999-" * 5 + "end", "fr"]
    counts = [1, 2, 3, 7, 25, 40, 1000]
    program = (
        function
        + f"process.stdout.write(JSON.stringify({json.dumps(ids)}.map(id => {json.dumps(counts)}.map(n => bucket(id, n)))));"
    )
    out = subprocess.run([node, "-e", program], capture_output=True, text=True, timeout=60, check=True).stdout
    assert json.loads(out) == [[sidebyside.bucket(i, n) for n in counts] for i in ids]


def overview_table(html: str):
    """The compare/ page's table of every actor as a reader gets it: the key (criterion link →
    number → stance name) and, per actor, each cell's link and the numbers in it."""
    key_html = html.split('<dl class="rid-side__key" id="rid-all-key">', 1)[1].split("</dl>", 1)[0]
    key = {}
    for href, items in re.findall(r'<dt><a href="([^"]+)">[^<]*</a></dt>\s*<dd><ul>(.*?)</ul>\s*</dd>', key_html, re.S):
        key[href] = {
            int(n): label for n, label in re.findall(r'<li><span class="c[0-9n]">(\d+)</span> ([^<]+)</li>', items)
        }
    table = html.split('id="rid-all"', 1)[1].split("</table>", 1)[0]
    columns = re.findall(r'<th scope="col"><a href="([^"]+)">', table.split("</thead>", 1)[0])
    rows = {}
    for actor, row in re.findall(r'<tr data-rid-subject="a:([^"]+)">(.*?)</tr>', table, re.S):
        cells = re.findall(r'<td><a href="([^"]+)">(.*?)</a></td>', row)
        rows[actor] = [
            (href, [int(n) for n in re.findall(r'<span class="c[0-9n]">(\d+)</span>', inner)]) for href, inner in cells
        ]
    return key, columns, rows


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_compare_page_offers_every_actor_and_leads_to_every_proposal_without_javascript(built, site_corpus, lang):
    _, site, _ = built
    path = page_file(site, lang, "compare/")
    html = path.read_text(encoding="utf-8")
    # The tool needs the script: hidden until it runs. The table does not.
    assert re.search(
        r'<section class="rid-side__tool" id="side-by-side" data-rid-compare="compare.json" [^>]* hidden>', html
    )
    with_positions = {a for p in site_corpus.positions.values() for a in p["actors"]}
    # The form offers every actor (the script copies the first menu into the others).
    assert sorted(re.findall(r'<option value="a:([^"]+)">', html)) == sorted(with_positions)
    # The table: a row per actor, whose numbers, read with the key above it, are the stances of
    # the actor's positions; each cell leads to the actor's row in that criterion's matrix.
    key, columns, rows = overview_table(html)
    assert columns == list(key) == [f"{c['id']}/" for c in site_corpus.criteria]
    assert set(rows) == with_positions
    for actor, cells in rows.items():
        assert len(cells) == len(site_corpus.criteria)
        for crit, (href, numbers) in zip(site_corpus.criteria, cells):
            shown = [key[f"{crit['id']}/"][n] for n in numbers]
            stances = {p["stances"][crit["id"]] for p in site_corpus.positions_of(actor)}
            assert sorted(shown) == sorted(site_corpus.stance(crit["id"], st)["label"][lang] for st in stances), (
                actor,
                crit["id"],
            )
            target, fragment = resolve(site, path, href)
            assert target == page_file(site, lang, compare.criterion_url(crit["id"])) and fragment == f"actor-{actor}"
            assert f'id="actor-{actor}"' in target.read_text(encoding="utf-8")
    # The proposals: through the paged scorecard and table of proposals, not listed here.
    assert 'data-rid-subject="p:' not in html
    assert not any(f"proposals/{pid}/" in html for pid in site_corpus.proposals)
    section = html.split('<h2 id="proposals">', 1)[1]
    for url in (compare.scorecard_url(), compare.proposals_url()):
        assert any(
            resolve(site, path, href)[0] == page_file(site, lang, url)
            for href in re.findall(r'href="([^"]+)"', section)
        ), url
    # The files the script fetches are beside the page, in the page's language.
    expected = side_files(site_corpus, lang)
    for rel in ("compare.json", "side/a/egy.json", "side/p/0.json", "side/proposals.json"):
        assert json.loads((path.parent / rel).read_text(encoding="utf-8")) == expected[rel], rel
    assert expected["compare.json"]["lang"] == lang


@pytest.mark.parametrize("lang", LANGS)
def test_every_actor_and_proposal_page_links_to_the_side_by_side_page(built, site_corpus, lang):
    _, site, _ = built
    for actor in site_corpus.actors:
        html = page_file(site, lang, f"actors/{actor}/").read_text(encoding="utf-8")
        assert f'href="../../compare/?a={actor}"' in html, actor
    for pid in site_corpus.proposals:
        html = page_file(site, lang, f"proposals/{pid}/").read_text(encoding="utf-8")
        assert f'href="../../compare/?p={pid}"' in html, pid


# -- counts that do not mislead (issue 15) --------------------------------------------------------
COVERAGE_KINDS = (
    "compare-criterion",
    "compare-objectives",
    "compare-scorecard",
    "compare-proposals",
    "compare-index",
    "criterion",
    "stance",
)


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _coverage_notices(body: str) -> list[str]:
    return [_text(m) for m in re.findall(r'<p class="rid-coverage"[^>]*>(.*?)</p>', body, flags=re.S)]


@pytest.mark.parametrize("lang", CODES)
def test_every_comparison_page_says_what_its_counts_rest_on(corpus, lang):
    """Computed from the records: how many positions (or proposals), from how many sources."""
    pages = [p for p in all_pages(Renderer(corpus, lang)) if p.kind in COVERAGE_KINDS]
    assert {p.kind for p in pages} == set(COVERAGE_KINDS)
    site = Renderer(corpus, lang).site
    for page in pages:
        (notice,) = _coverage_notices(page.body)
        if page.kind in ("compare-scorecard", "compare-proposals"):
            records = list(corpus.proposals.values())
        elif page.kind == "stance":
            criterion_id, stance_id = page.url.split("/")[1:3]
            records = corpus.positions_with_stance(criterion_id, stance_id)
        else:
            records = list(corpus.positions.values())
        sources = {r["source"]["document"] for r in records}
        assert str(len(records)) in notice and str(len(sources)) in notice, (page.url, notice)
        for doc_id in sources:
            date = corpus.documents[doc_id].get("date")
            bound, iso = dates.split(str(date or ""))
            assert not date or " ".join(site.t.date(bound + iso[:7]).split()) in notice, (page.url, notice)


def test_coverage_notice_names_the_source_most_counts_come_from(corpus):
    page = next(p for p in all_pages(Renderer(corpus, "en")) if p.kind == "compare-criterion")
    (notice,) = _coverage_notices(page.body)
    per_source = Counter(p["source"]["document"] for p in corpus.positions.values())
    ((top, count),) = per_source.most_common(1)
    assert f"{count} of them come from one source" in notice
    assert Renderer(corpus, "en").site.doc_label(top) in notice


def test_scorecard_shows_support_opposition_and_scepticism_or_says_the_record_is_silent(corpus):
    page = next(p for p in all_pages(Renderer(corpus, "en")) if p.kind == "compare-scorecard")
    sceptics = corpus.positions_with_stance(*matrix.SCEPTICAL)
    assert sceptics  # the record holds positions sceptical of any new mechanism
    for row in matrix.scorecard(corpus):
        cell = re.search(rf'id="proposal-{row.proposal_id}".*?<td class="rid-record">(.*?)</td>', page.body, flags=re.S)
        text = _text(cell.group(1))
        assert " 0 " not in f" {text} ", text  # silence is said in words, never as a zero
        supporters, opponents = corpus.positions_on_proposal(row.proposal_id)
        for positions, said, silent in (
            (supporters, "in support", "no position naming it in support"),
            (opponents, "against", "no position naming it in opposition"),
        ):
            if positions:
                assert f"{len(positions)} position" in text and said in text
                for doc_id in {p["source"]["document"] for p in positions}:
                    assert Renderer(corpus, "en").site.doc_label(doc_id) in text
            else:
                assert silent in text
        new_mechanism = corpus.proposals[row.proposal_id]["stances"]["institutional"] in matrix.NEW_MECHANISM
        assert (f"{len(sceptics)} positions sceptical of any new mechanism" in text) == new_mechanism, text
