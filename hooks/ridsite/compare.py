"""Comparison pages: a matrix per criterion (with its chart and world map), the objectives and
proposals matrices, and the scorecard of the formats. A feature module (see pages.FEATURES).

Addresses: compare/<criterion>/, compare/objectives/, compare/proposals/, compare/scorecard/.
The maps are static SVG files beside each criterion's page (compare/<criterion>/map.svg, and
map.fr.svg … for the other languages), so that the page itself stays light.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import charts, matrix, slugs, svg, worldmap
from .corpus import Corpus
from .languages import CODES, DEFAULT
from .pages import Page, Renderer

SECTION = "compare"
FIXED = ("objectives", "proposals", "scorecard", "timeline", "lineage")  # not criterion ids


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
    suffix = "" if lang == CODES[0] else f".{lang}"
    return f"{criterion_url(criterion_id)}map{suffix}.svg"


def asset_linker(lang: str, page_url: str):
    """Links to files every language shares (assets/, data/), which live at the site root only:
    mkdocs-static-i18n does not copy a file without a language suffix under /fr/ …"""
    prefix = "" if lang == DEFAULT else f"{lang}/"
    return lambda path: slugs.relative(prefix + page_url, path)


def render(renderer: Renderer, template: str, url: str, kind: str, **context) -> Page:
    """renderer.page with `asset` (see asset_linker) in the template's context."""
    return renderer.page(template, url, kind, asset=asset_linker(renderer.lang, url), **context)


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
        out.append(MapEntry(row.id, stance, actor["iso3"] in shapes))
    return out


def map_file_content(corpus: Corpus, criterion_id: str, lang: str, site_url: str = "") -> str:
    renderer = Renderer(corpus, lang, site_url)
    site = renderer.site
    m = matrix.criterion_matrix(corpus, criterion_id)
    colours = colours_for(corpus, criterion_id) | {SEVERAL: charts.SEVERAL}
    fills = {}
    for entry in map_entries(m, corpus):
        label = site.t("map.several") if entry.stance == SEVERAL else site.stance_label(criterion_id, entry.stance)
        fills[corpus.actors[entry.actor_id]["iso3"]] = worldmap.Fill(colours[entry.stance], f"{site.actor_name(entry.actor_id)}: {label}")
    criterion = corpus.criterion(criterion_id)
    title = site.t("map.title", criterion=criterion["label"][lang])
    return svg.to_file(worldmap.map_svg(fills, title, site.t("map.desc"), charts.NO_DATA))


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
        renderer, "compare-criterion.html", criterion_url(cid), "compare-criterion",
        title=site.t("compare.criterion_title", criterion=criterion["label"][site.lang]), record_id=cid,
        criterion=criterion, matrix=m, groups=grouped_rows(m, renderer), colours=colours,
        proposals=matrix.criterion_proposals_matrix(corpus, cid), chart=stance_chart(m, renderer, colours),
        positions_per_stance=positions_per_stance, map_entries=entries, map_colours=map_colours,
        several=SEVERAL, no_data=charts.NO_DATA,
        map_width=round(worldmap.world_map().width), map_height=round(worldmap.world_map().height),
    )


def objectives_page(renderer: Renderer) -> Page:
    m = matrix.objectives_matrix(renderer.corpus)
    return render(
        renderer, "compare-matrix.html", objectives_url(), "compare-objectives", title=renderer.site.t("compare.objectives_title"),
        matrix=m, groups=grouped_rows(m, renderer), intro=renderer.site.t("compare.objectives_intro"),
        none_note=renderer.site.t("compare.objectives_none"),
    )


def proposals_page(renderer: Renderer) -> Page:
    m = matrix.proposals_matrix(renderer.corpus)
    return render(
        renderer, "compare-matrix.html", proposals_url(), "compare-proposals", title=renderer.site.t("compare.proposals_title"),
        matrix=m, groups=grouped_rows(m, renderer), intro=renderer.site.t("compare.proposals_intro"),
        none_note=renderer.site.t("compare.proposals_none"),
    )


def scorecard_page(renderer: Renderer) -> Page:
    corpus = renderer.corpus
    colours = {c["id"]: colours_for(corpus, c["id"]) for c in corpus.criteria}
    return render(
        renderer, "compare-scorecard.html", scorecard_url(), "compare-scorecard", title=renderer.site.t("compare.scorecard_title"),
        rows=matrix.scorecard(corpus), colours=colours,
    )


def pages(renderer: Renderer) -> list[Page]:
    out = [criterion_page(renderer, c) for c in renderer.corpus.criteria]
    return out + [objectives_page(renderer), proposals_page(renderer), scorecard_page(renderer)]


def files(corpus: Corpus, site_url: str = "") -> dict[str, str]:
    """One map per criterion and language (the State names and stances in <title> are localised)."""
    return {
        map_file(c["id"], lang): map_file_content(corpus, c["id"], lang, site_url)
        for c in corpus.criteria
        for lang in CODES
    }
