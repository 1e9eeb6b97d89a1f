"""Pictures (issue 5): the stance charts, the world maps and the timeline are valid SVG with a title,
say in words what they show, draw what the records say, and fetch nothing."""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ridsite.model import dates, slugs
from ridsite.model.languages import CODES
from ridsite.records.load import load_corpus
from ridsite.render import charts, matrix, svg, timeline, worldmap
from ridsite.render import matrix_pages as compare
from ridsite.render.assemble import Renderer

NS = {"svg": svg.NS}
VENDORED_SHA256 = "2516c915867c7baf18ddec727aec46c315541a07cfb3d79a6559b05d5e94eee8"  # world-atlas 2.0.2


@pytest.fixture(scope="module")
def site_corpus(built):
    return load_corpus(built[0] / "data")


def lang_root(site: Path, lang: str) -> Path:
    return site / slugs.language_root(lang)


def inline_svgs(html: str) -> list[str]:
    """The pictures of the page's content (the theme's icons are inline SVGs too)."""
    return re.findall(r'<svg\b[^>]*\bclass="rid-chart[^"]*".*?</svg>', html, re.S)


def check_svg(text: str) -> ET.Element:
    """Well-formed XML, an <svg> whose accessible name is its non-empty <title>."""
    root = ET.fromstring(text)
    assert root.tag == f"{{{svg.NS}}}svg"
    title = root.find("svg:title", NS)
    assert title is not None and title.text and title.text.strip()
    assert root.get("role") == "img"
    assert title.get("id") in root.get("aria-labelledby", "").split()
    # Nothing in a picture may fetch anything: no external href, no <image>, no <script>.
    for el in root.iter():
        # Nor anything focusable: role="img" makes the picture one thing for a screen reader.
        assert el.tag not in (
            f"{{{svg.NS}}}image",
            f"{{{svg.NS}}}script",
            f"{{{svg.NS}}}foreignObject",
            f"{{{svg.NS}}}a",
        )
        assert not re.match(r"(https?:)?//", el.get("href", ""))
    return root


# -- the map data --------------------------------------------------------------------------------


def test_vendored_map_data_is_the_published_file():
    assert hashlib.sha256(worldmap.TOPOLOGY.read_bytes()).hexdigest() == VENDORED_SHA256
    assert "Permission to use, copy, modify" in (worldmap.TOPOLOGY.parent / "LICENSE").read_text(encoding="utf-8")


def test_equal_earth_projection_is_centred_and_symmetric():
    assert worldmap.equal_earth(0, 0) == (0, 0)
    x, y = worldmap.equal_earth(30, 45)
    assert worldmap.equal_earth(-30, -45) == pytest.approx((-x, -y))
    # Known value: the map is about 2.05 times as wide as it is high (Šavrič et al. 2018).
    width = 2 * worldmap.equal_earth(180, 0)[0]
    height = 2 * worldmap.equal_earth(0, 90)[1]
    assert width / height == pytest.approx(2.05458, rel=1e-3)


def test_shapes_are_keyed_by_alpha3_and_no_shape_crosses_the_map():
    world = worldmap.world_map()
    codes = world.alpha3s()
    assert {"EGY", "IND", "RUS", "FJI", "USA", "BRA"} <= codes
    assert "ATA" not in codes  # Antarctica is left out
    for shape in world.shapes:
        # Relative steps: a step wider than half the map is a ring wrapped round the antimeridian.
        for steps in re.findall(r"l([^z]*)z", shape.d):
            dx = [float(n) for n in re.findall(r"-?[\d.]+", steps)][0::2]
            assert dx and max(abs(v) for v in dx) < world.width / 2, shape.name


def test_antimeridian_rings_are_split_into_one_ring_per_side():
    ring = [(170.0, 60.0), (179.0, 62.0), (-178.0, 64.0), (-175.0, 60.0), (-179.0, 58.0), (172.0, 58.0), (170.0, 60.0)]
    pieces = worldmap.cut_at_antimeridian(ring)
    assert len(pieces) == 2
    for piece in pieces:
        signs = {lon > 0 for lon, _ in piece if abs(lon) != 180}
        assert len(signs) == 1  # every point of a piece is on one side


def test_simplify_keeps_the_ends_and_drops_what_is_within_tolerance():
    points = [(0.0, 0.0), (1.0, 0.01), (2.0, 0.0), (3.0, 5.0)]
    assert worldmap.simplify(points, 0.1) == [(0.0, 0.0), (2.0, 0.0), (3.0, 5.0)]


# -- charts --------------------------------------------------------------------------------------


def bar_widths(root: ET.Element) -> list[float]:
    return [float(r.get("width")) for r in root.iter(f"{{{svg.NS}}}rect")]


def test_bars_are_proportional_and_a_zero_draws_no_bar():
    bars = [charts.Bar("A", 2, "#000"), charts.Bar("B", 4, "#000"), charts.Bar("C", 0, "#000")]
    root = check_svg(svg.to_string(charts.bar_chart(bars, "Title", "A: 2, B: 4, C: 0")))
    widths = bar_widths(root)
    assert len(widths) == 2 and widths[0] * 2 == pytest.approx(widths[1], abs=0.2)
    assert root.find("svg:desc", NS).text == "A: 2, B: 4, C: 0"


def test_right_to_left_chart_is_mirrored():
    bars = [charts.Bar("ألف", 3, "#000")]
    ltr = ET.fromstring(svg.to_string(charts.bar_chart(bars, "t", "d")))
    rtl = ET.fromstring(svg.to_string(charts.bar_chart(bars, "t", "d", rtl=True)))
    (left,), (right,) = list(ltr.iter(f"{{{svg.NS}}}rect")), list(rtl.iter(f"{{{svg.NS}}}rect"))
    width = charts.WIDTH
    assert float(right.get("x")) + float(right.get("width")) == pytest.approx(width - float(left.get("x")), abs=0.2)
    assert rtl.get("direction") == "ltr"  # anchors are laid out left to right on any page


def test_record_text_in_a_picture_is_escaped():
    hostile = '<script>alert(1)</script> & "quotes"'
    root = check_svg(svg.to_string(charts.bar_chart([charts.Bar(hostile, 1, "#000")], hostile, hostile)))
    assert root.find("svg:title", NS).text == hostile
    assert "<script>" not in svg.to_string(charts.bar_chart([charts.Bar(hostile, 1, "#000")], "t", "d"))


# -- in the built site ---------------------------------------------------------------------------


def test_every_picture_of_the_comparison_pages_is_valid_svg_with_a_title(built, site_corpus):
    _, site, _ = built
    checked = 0
    for lang in CODES:
        for url in [*(compare.criterion_url(c["id"]) for c in site_corpus.criteria), timeline.URL]:
            html = (lang_root(site, lang) / url / "index.html").read_text(encoding="utf-8")
            found = inline_svgs(html)
            assert found, f"{lang}:{url} has no picture"
            for text in found:
                check_svg(text)
                checked += 1
        for crit in site_corpus.criteria:
            check_svg(
                (lang_root(site, lang) / compare.criterion_url(crit["id"]) / "map.svg").read_text(encoding="utf-8")
            )
            checked += 1
    assert checked >= len(CODES) * (2 * len(site_corpus.criteria) + 1)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_each_picture_has_a_text_alternative_and_a_data_table(built, site_corpus, lang):
    _, site, _ = built
    html = (lang_root(site, lang) / "compare/regular/index.html").read_text(encoding="utf-8")
    assert re.search(
        r'<object data="map\.svg" type="image/svg\+xml" role="img" width="\d+" height="\d+" [^>]*aria-label="[^"]{20,}"',
        html,
    )
    assert '<details class="rid-map-data">' in html  # the map's data
    assert re.search(r'<table class="rid-data">\s*<caption>', html)  # the chart's data
    chart = ET.fromstring(inline_svgs(html)[0])
    assert chart.find("svg:desc", NS).text.strip()


def test_the_map_colours_each_state_by_its_stance(built, site_corpus):
    _, site, _ = built
    root = check_svg((site / "compare/institutional/map.svg").read_text(encoding="utf-8"))
    colours = compare.colours_for(site_corpus, "institutional")
    m = matrix.criterion_matrix(site_corpus, "institutional")
    drawn = {g.get("id"): g for g in root.iter(f"{{{svg.NS}}}g") if (g.get("id") or "").startswith("state-")}
    states = [r for r in m.rows if site_corpus.actors[r.id]["kind"] == "state"]
    assert states
    for row in states:
        iso3 = site_corpus.actors[row.id]["iso3"]
        if iso3 not in worldmap.world_map().alpha3s():
            continue
        group = drawn[f"state-{iso3.lower()}"]
        stated = [s for s in row.filled() if s != site_corpus.not_stated["id"]]
        expected = colours[stated[0]] if len(stated) == 1 else (charts.SEVERAL if stated else charts.NOT_STATED)
        assert group.get("fill") == expected, row.id
        assert site_corpus.actors[row.id]["name"]["en"] in group.find("svg:title", NS).text
    # The French map names States in French.
    fr = (site / "fr/compare/institutional/map.svg").read_text(encoding="utf-8")
    assert "Égypte" in fr and "Carte du monde" in fr


def test_timeline_runs_from_2010_to_the_latest_date_and_lists_every_item(built, site_corpus):
    _, site, _ = built
    items = timeline.items(site_corpus)
    first, last = timeline.span(items)
    latest = max([dates.iso(i.date) for i in items] + [dates.iso(i.end_date) for i in items if i.end_date])
    assert first == 2010 and last == int(latest[:4])
    assert {i.kind for i in items} == {"document", "event", "proposal"}
    assert len(items) == len(site_corpus.documents) + len(site_corpus.events) + len(site_corpus.proposals)
    html = (site / "compare/timeline/index.html").read_text(encoding="utf-8")
    root = check_svg(inline_svgs(html)[0])
    assert len([g for g in root.iter(f"{{{svg.NS}}}g") if "rid-timeline__item" in (g.get("class") or "")]) == len(items)
    table = html.split('id="timeline-data"', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr>") == len(items) + 1  # and the header row


def test_timeline_is_mirrored_in_arabic(corpus):
    items = timeline.items(corpus)
    en = ET.fromstring(str(timeline.timeline_svg(items, Renderer(corpus, "en"))))
    ar = ET.fromstring(str(timeline.timeline_svg(items, Renderer(corpus, "ar"))))
    x_en = [float(r.get("x")) for r in en.iter(f"{{{svg.NS}}}rect")]
    x_ar = [float(r.get("x")) for r in ar.iter(f"{{{svg.NS}}}rect")]
    assert x_en[0] < timeline.WIDTH / 2 < x_ar[0]  # the first document (2010) is on the reading side


def drawn_marks(page_body: str) -> dict[str, tuple[str, str]]:
    """Each kind of item the page's charts draw: its mark's element and colour."""
    drawn = {}
    for chart in inline_svgs(page_body):
        for group in ET.fromstring(chart).iter(f"{{{svg.NS}}}g"):
            kind = re.search(r"rid-timeline__item--(\S+)", group.get("class") or "")
            if kind:
                shape = next(el for el in group if el.tag != f"{{{svg.NS}}}title")
                drawn[kind[1]] = (shape.tag, shape.get("fill"))
    return drawn


def legend_marks(page_body: str) -> dict[str, tuple[str, str]]:
    """Each entry of the page's legend: its mark's element and colour."""
    legend = page_body.split('<ul class="rid-legend">', 1)[1].split("</ul>", 1)[0]
    entries = re.findall(r'<li data-rid-kind="([^"]+)">(<svg\b.*?</svg>)', legend, re.S)
    return {kind: (ET.fromstring(mark)[0].tag, ET.fromstring(mark)[0].get("fill")) for kind, mark in entries}


@pytest.mark.parametrize("left_off", [None, *timeline.ON_TIMELINE])
def test_every_kind_of_mark_the_timeline_draws_has_its_entry_in_the_legend(corpus, monkeypatch, left_off):
    """Issue 20: the legend lists exactly the kinds of mark the timeline draws, each with the same
    mark (shape and colour), on every page; with a kind taken off the timeline (as a kind added
    to it would be), the legend follows."""
    if left_off:
        monkeypatch.setattr(timeline, "ON_TIMELINE", [k for k in timeline.ON_TIMELINE if k != left_off])
    monkeypatch.setattr(timeline, "PAGE_SIZE", 40)
    pages = timeline.pages(Renderer(corpus, "en"))
    drawn_on_pages = [drawn_marks(page.body) for page in pages]
    drawn = {kind: mark for marks in drawn_on_pages for kind, mark in marks.items()}
    assert set(drawn) == set(timeline.ON_TIMELINE)  # the real record has items of each kind
    for page in pages:
        legend = legend_marks(page.body)
        assert legend == drawn, f"{page.url}: the legend does not list the marks the timeline draws"


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_long_timeline_is_split_into_pages_that_link_to_each_other_and_hold_every_item_once(
    corpus, monkeypatch, lang
):
    """Beyond timeline.PAGE_SIZE items, compare/timeline/ is the first of pages by date: each
    item on exactly one page (in its chart and its table), every page linked from every other,
    and each year linked to the page and row of its first item."""
    monkeypatch.setattr(timeline, "PAGE_SIZE", 7)
    items = timeline.items(corpus)
    pages = timeline.pages(Renderer(corpus, lang))
    urls = [p.url for p in pages]
    assert urls == ["compare/timeline/"] + [f"compare/timeline/page/{n}/" for n in range(2, -(-len(items) // 7) + 1)]
    assert len(pages) > 2
    on_pages = {}
    for page in pages:
        table = page.body.split('id="timeline-data"', 1)[1].split("</table>", 1)[0]
        linked = re.findall(r'<td><a href="([^"]+)"><bdi[ >]', table)
        on_pages[page.url] = linked
        # The chart draws the page's items, one row each, on an axis from its first item's year
        # (from 2010 on the first page).
        chart = ET.fromstring(inline_svgs(page.body)[0])
        assert len([g for g in chart.iter(f"{{{svg.NS}}}g") if "rid-timeline__item" in (g.get("class") or "")]) == len(
            linked
        )
        axis = [int(t.text) for t in chart.iter(f"{{{svg.NS}}}text") if re.fullmatch(r"\d{4}", t.text or "")]
        first_item = re.search(r'<time datetime="(\d{4})', table).group(1)
        assert min(axis) == (2010 if page is pages[0] else int(first_item)), page.url
        # The pager links to every other page.
        pager = page.body.split('<nav class="rid-pages"', 1)[1].split("</nav>", 1)[0]
        hrefs = re.findall(r'href="([^"]+)"', pager)
        assert {absolute(page.url, h) for h in hrefs} >= set(urls) - {page.url}
    # Each item exactly once, in date order across the pages.
    listed = [absolute(url, href) for url in urls for href in on_pages[url]]
    assert listed == [item.url for item in items]
    # Each year leads to the page and row of its first item.
    years = pages[-1].body.split('<nav class="rid-timeline-years"', 1)[1].split("</nav>", 1)[0]
    links = dict((y, h) for h, y in re.findall(r'<a href="([^"]+)">(\d{4})</a>', years))
    assert set(links) == {dates.year(i.date) for i in items}
    for year, href in links.items():
        target, _, anchor = absolute(pages[-1].url, href).partition("#")
        (page,) = [p for p in pages if p.url == target]
        row = page.body.split(f'<tr id="{anchor}">', 1)[1].split("</tr>", 1)[0]
        first = next(i for i in items if dates.year(i.date) == year)
        assert f'datetime="{first.date}"' in row and first.url in absolute(
            page.url, re.search(r'href="([^"]+)"', row).group(1)
        )


def absolute(page_url: str, href: str) -> str:
    """A page's relative link as a URL from the language root (compare/timeline/page/2/ …)."""
    from posixpath import normpath

    if href.startswith("#"):
        return page_url + href
    path, _, fragment = href.partition("#")
    url = normpath(page_url + path) + ("/" if path.endswith("/") or path == "" else "")
    url = "" if url in ("./", "/") else url
    return url + (f"#{fragment}" if fragment else "")
