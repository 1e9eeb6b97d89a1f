"""Open data: the whole record as JSON and CSV, with the JSON Schemas, and the "Data" page.

The files are made from the loaded records at every build (never committed), by the same code
path as the pages, so the downloads and the site cannot disagree. A feature module (see
assemble.FEATURES): the page is data/, the files data/rid-records.json, data/rid-positions.csv,
data/rid-proposals.csv and data/schemas/*.schema.json. A CSV cell that a spreadsheet would run
as a formula starts with an apostrophe (see FORMULA_START); the JSON holds every value as recorded.
"""

from __future__ import annotations

import csv
import io
import json

from ..model import slugs
from ..model.corpus import Corpus
from ..model.kinds import KINDS, RECORD_ADDRESSES, all_json_schemas
from ..model.languages import DEFAULT
from .pages import Page, Renderer, render

URL = "data/"
RECORDS = "rid-records.json"
POSITIONS = "rid-positions.csv"
PROPOSALS = "rid-proposals.csv"
SCHEMAS = "schemas/"
FORMAT_VERSION = 1

# One row per position, actor and criterion ("long" form: every row is one stance, with its proof).
POSITION_COLUMNS = (
    "position_id",
    "date",
    "actor_id",
    "actor_name",
    "actor_kind",
    "regional_group",
    "criterion",
    "stance",
    "stance_label",
    "quote",
    "source_document",
    "source_symbol",
    "source_paragraph",
    "source_url",
    "paragraph_url",
    "position_url",
    "event",
)
# One row per proposal and criterion.
PROPOSAL_COLUMNS = (
    "proposal_id",
    "date",
    "title",
    "proponents",
    "cosponsors",
    "criterion",
    "stance",
    "stance_label",
    "quote",
    "source_document",
    "source_symbol",
    "source_paragraph",
    "source_url",
    "paragraph_url",
    "proposal_url",
)


def public_url(site_url: str, path: str) -> str:
    """The English page's public address (the CSV is language-neutral; its labels are English)."""
    return f"{site_url.rstrip('/')}/{path}" if site_url else path


def records_json(corpus: Corpus, site_url: str = "") -> dict:
    """Every record exactly as loaded from data/, by kind and id, with the vocabularies."""

    def ordered(records: dict) -> list[dict]:
        return [records[k] for k in sorted(records)]

    return {
        "title": "Regular institutional dialogue on ICT security: the record",
        "format_version": FORMAT_VERSION,
        "site": site_url,
        "addresses": RECORD_ADDRESSES,
        "schemas": {name.removesuffix(".schema.json"): SCHEMAS + name for name in sorted(all_json_schemas())},
        **{kind.folder: ordered(corpus.records[kind.name]) for kind in KINDS},
        "vocabularies": {
            "criteria": corpus.criteria,
            "not_stated": corpus.not_stated,
            "objectives": corpus.objectives,
            "regional_groups": corpus.regional_groups,
            "document_kinds": corpus.document_kinds,
        },
    }


def _source_columns(corpus: Corpus, source: dict, site_url: str) -> dict:
    doc = corpus.documents[source["document"]]
    return {
        "source_document": source["document"],
        "source_symbol": doc.get("symbol", ""),
        "source_paragraph": source["paragraph"],
        "source_url": doc.get("url", ""),
        "paragraph_url": public_url(site_url, slugs.paragraph_url(source["document"], source["paragraph"])),
    }


# A spreadsheet runs a cell that starts with one of these as a formula (=HYPERLINK(…), @SUM(…),
# +cmd|…); full-width forms too in some. The OWASP rule ("CSV injection"): such a cell is written
# with an apostrophe before it, which spreadsheets show as text and do not display. The JSON keeps
# every value exactly as recorded.
FORMULA_START = tuple("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")


def neutralise(cell: object) -> object:
    """A CSV cell a spreadsheet shows as the text it is, never runs."""
    if isinstance(cell, str) and cell.lstrip(" ").startswith(FORMULA_START):
        return "'" + cell
    return cell


def _csv(columns: tuple[str, ...], rows: list[dict]) -> str:
    out = io.StringIO()
    # A byte-order mark, so that spreadsheet programs read the file as UTF-8 (names in six scripts).
    out.write("\ufeff")
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows({k: neutralise(v) for k, v in row.items()} for row in rows)
    return out.getvalue()


def positions_rows(corpus: Corpus, site_url: str = "") -> list[dict]:
    rows = []
    for pos in corpus.positions_by_date:
        for actor_id in pos["actors"]:
            actor = corpus.actors[actor_id]
            for crit in corpus.criteria:
                stance = pos["stances"][crit["id"]]
                rows.append(
                    {
                        "position_id": pos["id"],
                        "date": pos["date"],
                        "actor_id": actor_id,
                        "actor_name": actor["name"].get(DEFAULT, next(iter(actor["name"].values()))),
                        "actor_kind": actor["kind"],
                        "regional_group": actor.get("regional_group", ""),
                        "criterion": crit["id"],
                        "stance": stance,
                        "stance_label": corpus.stance(crit["id"], stance)["label"][DEFAULT],
                        "quote": pos["quote"],
                        **_source_columns(corpus, pos["source"], site_url),
                        "position_url": public_url(site_url, slugs.position_url(pos["id"])),
                        "event": pos.get("event", ""),
                    }
                )
    return rows


def proposals_rows(corpus: Corpus, site_url: str = "") -> list[dict]:
    rows = []
    for prop in corpus.proposals_by_date:
        for crit in corpus.criteria:
            stance = prop["stances"][crit["id"]]
            rows.append(
                {
                    "proposal_id": prop["id"],
                    "date": prop["date"],
                    "title": prop["title"].get(DEFAULT, next(iter(prop["title"].values()))),
                    "proponents": " ".join(prop["proponents"]),
                    "cosponsors": " ".join(prop.get("cosponsors", [])),
                    "criterion": crit["id"],
                    "stance": stance,
                    "stance_label": corpus.stance(crit["id"], stance)["label"][DEFAULT],
                    "quote": prop["quote"],
                    **_source_columns(corpus, prop["source"], site_url),
                    "proposal_url": public_url(site_url, slugs.proposal_url(prop["id"])),
                }
            )
    return rows


def files(corpus: Corpus, site_url: str = "") -> dict[str, str]:
    out = {
        URL + RECORDS: json.dumps(records_json(corpus, site_url), ensure_ascii=False, indent=1) + "\n",
        URL + POSITIONS: _csv(POSITION_COLUMNS, positions_rows(corpus, site_url)),
        URL + PROPOSALS: _csv(PROPOSAL_COLUMNS, proposals_rows(corpus, site_url)),
    }
    for name, content in sorted(all_json_schemas().items()):
        out[URL + SCHEMAS + name] = json.dumps(content, ensure_ascii=False, indent=2) + "\n"
    return out


def page(renderer: Renderer) -> Page:
    corpus = renderer.corpus
    made = files(corpus, renderer.site_url)
    sizes = {path.removeprefix(URL): len(content.encode("utf-8")) for path, content in made.items()}
    schemas = sorted(name for name in sizes if name.startswith(SCHEMAS))
    return render(
        renderer,
        "data-index.html",
        URL,
        "data-index",
        title=renderer.site.t("section.data"),
        sizes=sizes,
        schemas=schemas,
        records=RECORDS,
        positions_file=POSITIONS,
        proposals_file=PROPOSALS,
        position_rows=len(positions_rows(corpus)),
        proposal_rows=len(proposals_rows(corpus)),
        position_columns=POSITION_COLUMNS,
        proposal_columns=PROPOSAL_COLUMNS,
    )


def pages(renderer: Renderer) -> list[Page]:
    return [page(renderer)]
