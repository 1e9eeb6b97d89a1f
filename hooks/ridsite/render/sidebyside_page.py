"""The side-by-side page (compare/): any two or three actors or proposals, criterion by criterion.

The page is static. Its script (docs/assets/js/compare.js) reads the selection from the address,
e.g. compare/?a=egy,ind&p=egypt-platform (a = actors, p = proposals; shareable), and fetches only
what that selection needs, from files the build writes beside the page in each language
(mkdocs-static-i18n's suffix layout: x.json, x.fr.json … served as x.json under /fr/):

- compare/compare.json: the labels and criteria (a few kilobytes at any scale);
- compare/side/a/<actor>.json: one actor with its stances and the quotes they rest on (it grows
  with that actor's own positions only); the form's first menu lists the actors, so an unknown
  actor in the address is known without asking the server;
- compare/side/p/<n>.json: the proposals, about PROPOSALS_PER_FILE to a file; the number of files is
  in compare.json and a proposal's file is found from its id alone (bucket(), the same in the
  script), so that each file exists, and an id not on record is simply not in its file;
- compare/side/proposals.json: the titles of the proposals, fetched only when the reader searches
  for one to add.

So the page stays light at any scale: its own HTML holds the actors (rows) × the criteria (fixed
columns), each cell the numbers of the stances taken (a key gives their names and colours), and
points to the paged comparison pages for the proposals. Without the script, that table, the
matrices of the criteria and the scorecard say everything the tool would.
A feature module (see assemble.FEATURES).
"""

from __future__ import annotations

import json

from ..model import slugs
from ..model.corpus import Corpus
from ..model.languages import CODES
from ..model.text import pick
from . import matrix
from . import matrix_pages as compare
from .pages import Page, Renderer, render

URL = "compare/"
SIDE = "side/"  # the subjects' files, under compare/ (compare.FIXED keeps it from a criterion)
MAX_SUBJECTS = 3
FIND_LIMIT = 20  # proposals listed at once by the search of the form
PROPOSALS_PER_FILE = 25  # on average: files of proposals = ceil(proposals / this)


def _lang_file(path: str, lang: str) -> str:
    """compare/x.json, or compare/x.fr.json for French (served as x.json under /fr/)."""
    return slugs.file_in_language(path, lang)


def data_file(lang: str) -> str:
    return _lang_file(f"{URL}compare.json", lang)


def subject_key(kind: str, record_id: str) -> str:
    """How a subject is named in the address: a:egy for an actor, p:egypt-platform for a proposal."""
    return ("a:" if kind == "actor" else "p:") + record_id


def buckets(corpus: Corpus) -> int:
    """How many files the proposals are shared among."""
    return max(1, -(-len(corpus.proposals) // PROPOSALS_PER_FILE))


def bucket(record_id: str, count: int) -> int:
    """The file of a proposal: FNV-1a (32 bits) of its id, modulo the number of files. compare.js
    computes the same, so the script needs no list of ids to find a proposal."""
    h = 0x811C9DC5
    for byte in record_id.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h % count


def subject_path(key: str, corpus: Corpus) -> str:
    """Where a subject's file is, relative to the page: a:egy → side/a/egy.json; a proposal →
    side/p/<its bucket>.json."""
    kind, record_id = key.split(":", 1)
    name = record_id if kind == "a" else str(bucket(record_id, buckets(corpus)))
    return f"{SIDE}{kind}/{name}.json"


def subject_file(key: str, corpus: Corpus, lang: str) -> str:
    return _lang_file(URL + subject_path(key, corpus), lang)


def proposals_file(lang: str) -> str:
    return _lang_file(f"{URL}{SIDE}proposals.json", lang)


def overview(corpus: Corpus) -> dict[str, dict[str, list[str]]]:
    """Actor key → criterion id → the stances its positions take (in vocabulary order)."""
    out: dict[str, dict[str, list[str]]] = {}
    for crit in corpus.criteria:
        for row in matrix.criterion_matrix(corpus, crit["id"]).rows:
            out.setdefault(subject_key(row.kind, row.id), {})[crit["id"]] = row.filled()
    return out


def stance_key(corpus: Corpus, renderer: Renderer) -> dict[str, list[dict]]:
    """Criterion id → its stances as the page's table numbers them: 1, 2 … in vocabulary order,
    "not stated" last, each with the class that draws its colour (compare.swatch_classes)."""
    out = {}
    for crit in corpus.criteria:
        classes = compare.swatch_classes(compare.colours_for(corpus, crit["id"]))
        out[crit["id"]] = [
            {
                "id": col.id,
                "number": i,
                "class": classes[col.id],
                "label": renderer.site.stance_label(crit["id"], col.id),
            }
            for i, col in enumerate(matrix.stance_columns(corpus, crit["id"]), start=1)
        ]
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
        "source_label": renderer.site.source_short(e.source),
        "source_title": site.cite_label(e.source["document"], e.source["paragraph"]),
        "quote": record["quote"],
        "quote_lang": quote_lang,
    }


def index_data(corpus: Corpus, lang: str, site_url: str = "") -> dict:
    """What the script needs before any subject: labels and criteria. Its size does not depend on
    the records. URLs are relative to the language root; file paths to the page."""
    site = Renderer(corpus, lang, site_url).site
    t = site.t
    return {
        "lang": lang,
        "dir": "rtl" if site.rtl else "ltr",
        "max": MAX_SUBJECTS,
        "find_limit": FIND_LIMIT,
        "subjects": SIDE,
        "buckets": buckets(corpus),
        "proposals": f"{SIDE}proposals.json",
        "labels": {
            "criterion": t("label.criterion"),
            "caption": t("compare.side_caption"),
            "quotes": t("compare.side_quotes"),
            "unknown": t("compare.side_unknown"),
            "too_many": t("compare.side_too_many", max=MAX_SUBJECTS),
            "separator": t("list.separator"),
            "source": t("label.source"),
            "proposals": t("section.proposals"),
            "found": t("compare.side_found"),
            "found_first": t("compare.side_found_first"),
        },
        "criteria": [
            {"id": crit["id"], "label": crit["label"][lang], "url": compare.criterion_url(crit["id"])}
            for crit in corpus.criteria
        ],
    }


def subject_data(corpus: Corpus, lang: str, site_url: str = "") -> dict[str, dict]:
    """Subject key → what the script shows of it: name, stances per criterion, and the records
    (each with its quote) that they rest on. One file each, so a selection fetches only its own."""
    renderer = Renderer(corpus, lang, site_url)
    site = renderer.site
    subjects: dict[str, dict] = {}
    evidence: dict[str, dict] = {}  # each record rendered once, however many subjects cite it
    for crit in corpus.criteria:
        colours = compare.colours_for(corpus, crit["id"])
        for m in (matrix.criterion_matrix(corpus, crit["id"]), matrix.criterion_proposals_matrix(corpus, crit["id"])):
            for row in m.rows:
                key = subject_key(row.kind, row.id)
                if key not in subjects:
                    subjects[key] = _subject(row, renderer)
                subject = subjects[key]
                subject["criteria"][crit["id"]] = [
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
                        if e.record_id not in evidence:
                            evidence[e.record_id] = _evidence_json(e, renderer)
                        subject["records"][e.record_id] = evidence[e.record_id]
    return subjects


def _subject(row: matrix.Row, renderer: Renderer) -> dict:
    site = renderer.site
    if row.kind == "actor":
        actor = renderer.corpus.actors[row.id]
        group = actor.get("regional_group")
        return {
            "kind": "actor",
            "id": row.id,
            "name": site.actor_name(row.id),
            "name_lang": site.actor_name_lang(row.id),
            "url": slugs.actor_url(row.id),
            "group": site.label(renderer.corpus.regional_groups, group)
            if group
            else site.t(f"actor_kind.{actor['kind']}"),
            "criteria": {},
            "records": {},
        }
    title = site.pick(renderer.corpus.proposals[row.id]["title"])
    return {
        "kind": "proposal",
        "id": row.id,
        "name": title.text,
        "name_lang": title.lang,
        "url": slugs.proposal_url(row.id),
        "group": site.t("label.proposal"),
        "criteria": {},
        "records": {},
    }


def proposal_titles(corpus: Corpus, lang: str) -> list[list[str]]:
    """[id, title] (and the title's language when it is not the page's) of each proposal, by date:
    what the form's search looks through."""
    out = []
    for pid in compare.proposals_by_date(corpus):
        title = pick(corpus.proposals[pid]["title"], lang)
        out.append([pid, title.text] + ([title.lang] if title.lang != lang else []))
    return out


def page(renderer: Renderer) -> Page:
    corpus = renderer.corpus
    groups = (
        compare.grouped_rows(matrix.criterion_matrix(corpus, corpus.criteria[0]["id"]), renderer)
        if corpus.criteria
        else []
    )
    key = stance_key(corpus, renderer)
    return render(
        renderer,
        "compare-index.html",
        URL,
        "compare-index",
        title=renderer.site.t("section.compare"),
        groups=groups,
        stances=overview(corpus),
        key=key,
        numbers={cid: {st["id"]: st for st in stances} for cid, stances in key.items()},
        proposals_count=len(corpus.proposals),
        rows_per_page=compare.ROWS_PER_PAGE,
        data_file="compare.json",
    )


def pages(renderer: Renderer) -> list[Page]:
    return [page(renderer)]


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"


def files(corpus: Corpus, site_url: str = "") -> dict[str, str]:
    """Per language: the index, a file per actor, the files of proposals (every one of them, even
    empty: the script may ask for any) and the proposals' titles."""
    out = {}
    for lang in CODES:
        out[data_file(lang)] = _json(index_data(corpus, lang, site_url))
        shared: dict[str, dict] = {_lang_file(f"{URL}{SIDE}p/{n}.json", lang): {} for n in range(buckets(corpus))}
        for key, subject in subject_data(corpus, lang, site_url).items():
            path = subject_file(key, corpus, lang)
            if key.startswith("p:"):
                shared[path][subject["id"]] = subject
            else:
                out[path] = _json(subject)
        out.update((path, _json(subjects)) for path, subjects in shared.items())
        out[proposals_file(lang)] = _json({"proposals": proposal_titles(corpus, lang)})
    return out
