"""Comparison pages: a matrix per criterion (with its chart and world map), the objectives matrix,
the table of proposals, and the scorecard of the formats. A feature module (see assemble.FEATURES).

Addresses: compare/<criterion>/, compare/objectives/, compare/proposals/, compare/scorecard/, and
compare/proposals/page/N/ and compare/scorecard/page/N/ when there are more than ROWS_PER_PAGE
proposals. The maps are static SVG files beside each criterion's page (compare/<criterion>/map.svg,
and map.fr.svg … for the other languages), so that the page itself stays light.

Light at any scale: a page's size depends on the number of actors (rows) and on the fixed columns
(stances, objectives), never on the number of records. An actor's cell that rests on one record
gives its date, linking to its quote; one that rests on several says how many and links to the
row of the actor's page that lists them (each leads to its quote and paragraph). Proposals are
rows, not columns, in pages of ROWS_PER_PAGE; a count there links to the proposal's page.
"""

from __future__ import annotations

from dataclasses import dataclass

from iso3166 import countries_by_alpha3

from ..model import cldr, slugs
from ..model.corpus import Corpus
from ..model.languages import CODES
from . import charts, matrix, svg, worldmap
from .pages import Page, Renderer, paged_title, paginate, render

SECTION = "compare"
# Proposals per page of the proposals table and the scorecard; a criterion's page shows its
# proposals table only up to this many (beyond, the scorecard rates them, page by page).
ROWS_PER_PAGE = 50
# Proponents or co-sponsors named in a cell of the proposals table, and source documents named in
# a count of the scorecard; beyond, their number.
NAMES_INLINE = 3
# Not criterion ids: the other pages under compare/, and side/ (the side-by-side page's files).
FIXED = ("objectives", "proposals", "scorecard", "timeline", "lineage", "side")


def criterion_url(criterion_id: str) -> str:
    if criterion_id in FIXED:
        raise ValueError(f"criterion id '{criterion_id}' would clash with the page compare/{criterion_id}/")
    return f"{SECTION}/{criterion_id}/"


def objectives_url() -> str:
    return f"{SECTION}/objectives/"


def proposals_url() -> str:
    return f"{SECTION}/proposals/"


def scorecard_url() -> str:
    return f"{SECTION}/scorecard/"


def map_file(criterion_id: str, lang: str) -> str:
    """The map's file under docs/, in mkdocs-static-i18n's suffix layout (map.svg, map.fr.svg …)."""
    return slugs.file_in_language(f"{criterion_url(criterion_id)}map.svg", lang)


# -- rows as a reader sees them ------------------------------------------------------------------
@dataclass
class RowGroup:
    id: str  # regional group id, or "none" for organisations and groups of States
    label: str
    rows: list[matrix.Row]


def grouped_rows(m: matrix.Matrix, renderer: Renderer) -> list[RowGroup]:
    """Rows by UN regional group (in the vocabulary's order), by name within a group."""
    site = renderer.site
    groups = [RowGroup(g["id"], g["label"][site.lang], []) for g in renderer.corpus.regional_groups]
    other = RowGroup("none", site.t("heading.other_actors"), [])
    by_id = {g.id: g for g in groups}
    for row in m.rows:
        by_id.get(row.group or "", other).rows.append(row)
    for g in [*groups, other]:
        g.rows.sort(key=lambda r: row_name(r, renderer).casefold())
    return [g for g in [*groups, other] if g.rows]


def row_name(row: matrix.Row, renderer: Renderer) -> str:
    if row.kind == "actor":
        return renderer.site.actor_name(row.id)
    return renderer.site.pick(renderer.corpus.proposals[row.id]["title"]).text


def proposals_inline(corpus: Corpus) -> bool:
    """Whether each criterion's page lists every proposal (or leaves them to the scorecard)."""
    return len(corpus.proposals) <= ROWS_PER_PAGE


def proposals_by_date(corpus: Corpus) -> list[str]:
    return [p["id"] for p in corpus.proposals_by_date]


def actor_sections(corpus: Corpus, actor_id: str):
    """For the actor's page (actor.html): its positions by criterion and stance, and by objective,
    where the cells of the matrices that rest on several positions link to (see matrix.py)."""
    return matrix.actor_sections(corpus, actor_id)


def swatch_classes(colours: dict[str, str]) -> dict[str, str]:
    """Column → "c<i>" (the i-th colour of charts.PALETTE) or "cn" (not stated): matrix cells
    carry a class, and compare.css draws the swatch, instead of repeating the colour in each cell."""
    names = {colour: f"c{i}" for i, colour in enumerate(charts.PALETTE)} | {charts.NOT_STATED: "cn"}
    return {column: names[colour] for column, colour in colours.items()}


def colours_for(corpus: Corpus, criterion_id: str) -> dict[str, str]:
    return charts.stance_colours([c.id for c in matrix.stance_columns(corpus, criterion_id)], corpus.not_stated["id"])


# -- pictures ----------------------------------------------------------------------------------
def stance_chart(m: matrix.Matrix, renderer: Renderer, colours: dict[str, str]):
    site = renderer.site
    criterion = renderer.corpus.criterion(m.id)
    bars = [charts.Bar(col.label[site.lang], m.count(col.id), colours[col.id]) for col in m.columns]
    title = site.t("chart.stances_title", criterion=criterion["label"][site.lang])
    desc = site.t("list.separator").join(f"{b.label}: {b.value}" for b in bars)
    return svg.to_markup(charts.bar_chart(bars, title, desc, rtl=site.rtl, id_prefix=f"rid-chart-{m.id}"))


@dataclass
class MapEntry:
    actor_id: str
    stance: str  # a stance id, or SEVERAL
    on_map: bool
    stated: tuple[str, ...] = ()  # the stances on record (several, for SEVERAL)


SEVERAL = "several"


def map_entries(m: matrix.Matrix, corpus: Corpus) -> list[MapEntry]:
    """States of the matrix with the one colour each gets: its stance, or "several stances"."""
    shapes = worldmap.world_map().alpha3s()
    out = []
    for row in m.rows:
        actor = corpus.actors[row.id]
        if actor["kind"] != "state" or not actor.get("iso3"):
            continue  # organisations and groups of States are in the matrix, not on the map
        filled = row.filled()
        stated = [s for s in filled if s != corpus.not_stated["id"]]
        stance = stated[0] if len(stated) == 1 else (SEVERAL if stated else filled[0])
        out.append(MapEntry(row.id, stance, actor["iso3"] in shapes, tuple(stated)))
    return out


def map_file_content(corpus: Corpus, criterion_id: str, lang: str, site_url: str = "") -> str:
    renderer = Renderer(corpus, lang, site_url)
    site = renderer.site
    m = matrix.criterion_matrix(corpus, criterion_id)
    colours = colours_for(corpus, criterion_id) | {SEVERAL: charts.SEVERAL}
    fills = {}
    for entry in map_entries(m, corpus):
        label = (
            site.stance_label(criterion_id, entry.stance)
            if entry.stance != SEVERAL
            else site.t(
                # which stances, not only that there are several: the grey alone hides them
                "map.several_which",
                several=site.t("map.several"),
                stances=site.t("list.separator").join(site.stance_label(criterion_id, s) for s in entry.stated),
            )
        )
        title = site.t("map.state", state=site.actor_name(entry.actor_id), stance=label)
        fills[corpus.actors[entry.actor_id]["iso3"]] = worldmap.Fill(colours[entry.stance], title)
    criterion = corpus.criterion(criterion_id)
    title = site.t("map.title", criterion=criterion["label"][lang])
    others = grey_titles(lang, site)
    return svg.to_file(worldmap.map_svg(fills, title, site.t("map.desc"), charts.NO_DATA, others=others))


def grey_titles(lang: str, site) -> dict[str, str]:
    """What hovering a State with nothing on record reads: its name in the reader's language (its
    actor record's, else CLDR's through Babel) and that no position is on record."""
    actors = {a["iso3"]: a["id"] for a in site.c.actors.values() if a.get("iso3")}
    out = {}
    for alpha3 in sorted(worldmap.world_map().alpha3s()):
        if alpha3 in actors:
            name = site.actor_name(actors[alpha3])
        else:
            name = cldr.territory_name(countries_by_alpha3[alpha3].alpha2, lang)
        if name:
            out[alpha3] = site.t("map.state", state=name, stance=site.t("map.no_data"))
    return out


# -- pages --------------------------------------------------------------------------------------
def criterion_page(renderer: Renderer, criterion: dict) -> Page:
    corpus, site = renderer.corpus, renderer.site
    cid = criterion["id"]
    m = matrix.criterion_matrix(corpus, cid)
    colours = colours_for(corpus, cid)
    entries = map_entries(m, corpus)
    map_colours = colours | {SEVERAL: charts.SEVERAL}
    positions_per_stance = {
        col.id: sum(1 for p in corpus.positions.values() if p["stances"][cid] == col.id) for col in m.columns
    }
    return render(
        renderer,
        "compare-criterion.html",
        criterion_url(cid),
        "compare-criterion",
        title=site.t("compare.criterion_title", criterion=criterion["label"][site.lang]),
        record_id=cid,
        criterion=criterion,
        matrix=m,
        groups=grouped_rows(m, renderer),
        colours=colours,
        proposals=matrix.criterion_proposals_matrix(corpus, cid),
        proposals_inline=proposals_inline(corpus),
        chart=stance_chart(m, renderer, colours),
        positions_per_stance=positions_per_stance,
        map_entries=entries,
        map_colours=map_colours,
        several=SEVERAL,
        no_data=charts.NO_DATA,
        map_width=round(worldmap.world_map().width),
        map_height=round(worldmap.world_map().height),
    )


def objectives_page(renderer: Renderer) -> Page:
    m = matrix.objectives_matrix(renderer.corpus)
    return render(
        renderer,
        "compare-matrix.html",
        objectives_url(),
        "compare-objectives",
        title=renderer.site.t("compare.objectives_title"),
        matrix=m,
        groups=grouped_rows(m, renderer),
        intro=renderer.site.t("compare.objectives_intro"),
        none_note=renderer.site.t("compare.objectives_none"),
    )


def proposals_pages(renderer: Renderer) -> list[Page]:
    """Proposals as rows (by date), in pages of ROWS_PER_PAGE: compare/proposals/, …/page/2/ …"""
    site = renderer.site
    rows = matrix.proposals_table(renderer.corpus)
    title = site.t("compare.proposals_title")
    return [
        render(
            renderer,
            "compare-proposals.html",
            pager["url"],
            "compare-proposals",
            title=paged_title(title, pager),
            rows=chunk,
            pager=pager,
            total=len(rows),
            first=(pager["number"] - 1) * ROWS_PER_PAGE + 1,
            names_inline=NAMES_INLINE,
        )
        for chunk, pager in paginate(proposals_url(), rows, ROWS_PER_PAGE)
    ]


def scorecard_pages(renderer: Renderer) -> list[Page]:
    """The scorecard in pages of ROWS_PER_PAGE proposals, each page with the quotes of its rows."""
    corpus = renderer.corpus
    colours = {c["id"]: colours_for(corpus, c["id"]) for c in corpus.criteria}
    rows = matrix.scorecard(corpus)
    title = renderer.site.t("compare.scorecard_title")
    return [
        render(
            renderer,
            "compare-scorecard.html",
            pager["url"],
            "compare-scorecard",
            title=paged_title(title, pager),
            rows=chunk,
            colours=colours,
            pager=pager,
            total=len(rows),
            first=(pager["number"] - 1) * ROWS_PER_PAGE + 1,
            sceptical=matrix.SCEPTICAL,
            names_inline=NAMES_INLINE,
        )
        for chunk, pager in paginate(scorecard_url(), rows, ROWS_PER_PAGE)
    ]


def pages(renderer: Renderer) -> list[Page]:
    out = [criterion_page(renderer, c) for c in renderer.corpus.criteria]
    return out + [objectives_page(renderer), *proposals_pages(renderer), *scorecard_pages(renderer)]


def files(corpus: Corpus, site_url: str = "") -> dict[str, str]:
    """One map per criterion and language (the State names and stances in <title> are localised)."""
    return {
        map_file(c["id"], lang): map_file_content(corpus, c["id"], lang, site_url)
        for c in corpus.criteria
        for lang in CODES
    }
