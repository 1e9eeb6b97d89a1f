"""The side-by-side page (compare/): any two or three actors or proposals, criterion by criterion.

The page is static. Its script (docs/assets/js/compare.js) reads the selection from the address,
e.g. compare/?a=egy,ind&p=egypt-platform (a = actors, p = proposals; shareable), and the records
from compare.json, which the build writes beside the page in each language (compare/compare.json,
compare/compare.fr.json …, served by mkdocs-static-i18n as compare.json under /fr/). Without the
script the page shows every actor and proposal on record against the criteria, so nothing is lost.
A feature module (see pages.FEATURES).
"""

from __future__ import annotations

import json

from . import compare, matrix, slugs
from .corpus import Corpus
from .languages import CODES
from .pages import Page, Renderer

URL = "compare/"
MAX_SUBJECTS = 3


def data_file(lang: str) -> str:
    suffix = "" if lang == CODES[0] else f".{lang}"
    return f"{URL}compare{suffix}.json"


def subject_key(kind: str, record_id: str) -> str:
    """How a subject is named in the address: a:egy for an actor, p:egypt-platform for a proposal."""
    return ("a:" if kind == "actor" else "p:") + record_id


def overview(corpus: Corpus) -> dict[str, dict[str, list[str]]]:
    """Subject key → criterion id → the stances its records take (in vocabulary order)."""
    out: dict[str, dict[str, list[str]]] = {}
    for crit in corpus.criteria:
        for m in (matrix.criterion_matrix(corpus, crit["id"]), matrix.criterion_proposals_matrix(corpus, crit["id"])):
            for row in m.rows:
                out.setdefault(subject_key(row.kind, row.id), {})[crit["id"]] = row.filled()
    return out


def _evidence_json(e: matrix.Evidence, renderer: Renderer) -> dict:
    corpus, site = renderer.corpus, renderer.site
    record = corpus.positions[e.record_id] if e.kind == "position" else corpus.proposals[e.record_id]
    quote_lang = corpus.documents[e.source["document"]]["language"]
    return {
        "date": e.date,
        "date_label": site.t.date(e.date),
        "url": e.url + "#quote",
        "source": e.paragraph_url,
        "source_label": source_short(e.source, renderer),
        "source_title": site.cite_label(e.source["document"], e.source["paragraph"]),
        "quote": record["quote"],
        "quote_lang": quote_lang,
    }


def source_short(source: dict, renderer: Renderer) -> str:
    """A symbol and pinpoint (A/70/174, para 18), or the pinpoint alone for a source with no symbol."""
    site = renderer.site
    if renderer.corpus.documents[source["document"]].get("symbol"):
        return site.cite_label(source["document"], source["paragraph"])
    return site.pin_label(site.paragraph_of(source))


def compare_data(corpus: Corpus, lang: str, site_url: str = "") -> dict:
    """Everything the page's script needs, in one language; URLs relative to the language root."""
    renderer = Renderer(corpus, lang, site_url)
    site = renderer.site
    t = site.t
    criteria = []
    subjects: dict[str, dict] = {}
    records: dict[str, dict] = {}  # each quote once, however many cells rest on it
    for crit in corpus.criteria:
        colours = compare.colours_for(corpus, crit["id"])
        criteria.append({"id": crit["id"], "label": crit["label"][lang], "url": compare.criterion_url(crit["id"])})
        for m in (matrix.criterion_matrix(corpus, crit["id"]), matrix.criterion_proposals_matrix(corpus, crit["id"])):
            for row in m.rows:
                key = subject_key(row.kind, row.id)
                if key not in subjects:
                    subjects[key] = _subject(row, renderer)
                subjects[key]["criteria"][crit["id"]] = [
                    {
                        "stance": stance,
                        "label": site.stance_label(crit["id"], stance),
                        "colour": colours[stance],
                        "records": [e.record_id for e in row.cells[stance]],
                    }
                    for stance in row.filled()
                ]
                for stance in row.filled():
                    for e in row.cells[stance]:
                        if e.record_id not in records:
                            records[e.record_id] = _evidence_json(e, renderer)
    return {
        "lang": lang,
        "dir": "rtl" if site.rtl else "ltr",
        "max": MAX_SUBJECTS,
        "labels": {
            "criterion": t("label.criterion"),
            "caption": t("compare.side_caption"),
            "quotes": t("compare.side_quotes"),
            "unknown": t("compare.side_unknown"),
            "too_many": t("compare.side_too_many", max=MAX_SUBJECTS),
            "separator": t("list.separator"),
            "source": t("label.source"),
        },
        "criteria": criteria,
        "subjects": subjects,
        "records": records,
    }


def _subject(row: matrix.Row, renderer: Renderer) -> dict:
    site = renderer.site
    if row.kind == "actor":
        actor = renderer.corpus.actors[row.id]
        group = actor.get("regional_group")
        return {
            "kind": "actor", "id": row.id, "name": site.actor_name(row.id), "name_lang": site.actor_name_lang(row.id),
            "url": slugs.actor_url(row.id),
            "group": site.label(renderer.corpus.regional_groups, group) if group else site.t(f"actor_kind.{actor['kind']}"),
            "criteria": {},
        }
    title = site.pick(renderer.corpus.proposals[row.id]["title"])
    return {
        "kind": "proposal", "id": row.id, "name": title.text, "name_lang": title.lang, "url": slugs.proposal_url(row.id),
        "group": site.t("label.proposal"), "criteria": {},
    }


def page(renderer: Renderer) -> Page:
    corpus = renderer.corpus
    groups = compare.grouped_rows(matrix.criterion_matrix(corpus, corpus.criteria[0]["id"]), renderer) if corpus.criteria else []
    proposals = sorted(corpus.proposals, key=lambda p: (corpus.proposals[p]["date"], p))
    return compare.render(
        renderer, "compare-index.html", URL, "compare-index", title=renderer.site.t("section.compare"),
        groups=groups, proposals=proposals, stances=overview(corpus),
        colours={c["id"]: compare.colours_for(corpus, c["id"]) for c in corpus.criteria},
        data_file="compare.json",
    )


def pages(renderer: Renderer) -> list[Page]:
    return [page(renderer)]


def files(corpus: Corpus, site_url: str = "") -> dict[str, str]:
    return {
        data_file(lang): json.dumps(compare_data(corpus, lang, site_url), ensure_ascii=False, separators=(",", ":")) + "\n"
        for lang in CODES
    }
