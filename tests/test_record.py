"""The documentary record of issue 3: who said what, where, and that a reader can see it.

The data tests read the records; the site tests read the built site in every language, as a
reader gets it. Provenance against the seed texts is in test_seeds.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from test_build import page_file, rid_block

from conftest import ROOT
from ridsite.model import dates
from ridsite.model.languages import CODES
from ridsite.model.problems import RecordsInvalid
from ridsite.records.load import load_corpus
from ridsite.records.validate import normalise

# Every actor the seeds name (issue 3): the 31 of the Digital Watch report, then the concept
# paper's two co-sponsors.
ISSUE_ACTORS = (
    "egy",
    "idn",
    "fji",
    "chn",
    "ind",
    "syr",
    "pak",
    "gha",
    "gbr",
    "usa",
    "che",
    "pol",
    "kor",
    "arg",
    "bel",
    "rus",
    "irn",
    "dza",
    "ken",
    "cub",
    "aus",
    "deu",
    "can",
    "nzl",
    "eu",
    "est",
    "jpn",
    "fin",
    "isr",
    "aut",
    "mex",
    "blr",
    "nic",
)

# Sentences that name several actors, and the actors each names: every one of them has its own
# position quoting that sentence.
SHARED_SENTENCES = {
    "The UK, the US, Switzerland, Poland, Korea, Argentina, and Belgium viewed OEWG and GGE processes": {
        "gbr",
        "usa",
        "che",
        "pol",
        "kor",
        "arg",
        "bel",
    },
    "Moreover, Russia, supported by China, Iran, India, Algeria, Kenya, Syria, and Cuba proposed": {
        "rus",
        "chn",
        "irn",
        "ind",
        "dza",
        "ken",
        "syr",
        "cub",
    },
    "In addition, Iran, Algeria, and Cuba considered the OEWG": {"irn", "dza", "cub"},
    "Interestingly, Australia and Germany expressed support": {"aus", "deu"},
    "Expectedly, Canada, New Zealand, the UK, the EU, the US, Switzerland, Estonia, Japan, Korea, Finland, and Israel": {
        "can",
        "nzl",
        "gbr",
        "eu",
        "usa",
        "che",
        "est",
        "jpn",
        "kor",
        "fin",
        "isr",
    },
    "Austria and New Zealand said that, delegates should first see": {"aut", "nzl"},
    "Switzerland, the UK and the EU considered other types of dialogue": {"che", "gbr", "eu"},
    "there were states like Mexico and Austria": {"mex", "aut"},
    "Cosponsors: Republic of Belarus, Republic of Nicaragua": {"blr", "nic"},
}

# The proposals the issue asks for, with the proponents their source names.
ISSUE_PROPOSALS = {
    "egypt-platform": ["egy"],
    "india-standing-oewg": ["ind"],
    "syria-separate-organisation": ["syr"],
    "pakistan-specialised-forum": ["pak"],
    "ghana-global-mechanism": ["gha"],
    "china-mechanism": ["chn"],
    "continue-oewg": ["rus"],
    "russia-permanent-body": ["rus"],
    "programme-of-action": ["poa-group-of-states"],
    "poc-directory": ["oewg-2021-2025-states"],
}


# -- the records ------------------------------------------------------------------------------


def test_every_actor_the_seeds_name_has_a_position(corpus):
    missing = [a for a in ISSUE_ACTORS if not corpus.positions_of(a)]
    assert missing == []
    states = [a for a in ISSUE_ACTORS if a != "eu"]
    assert all(corpus.actors[a]["kind"] == "state" and corpus.actors[a]["iso3"] == a.upper() for a in states)
    assert all(corpus.actors[a].get("regional_group") for a in states)


@pytest.mark.parametrize(
    "sentence, named",
    SHARED_SENTENCES.items(),
    ids=lambda v: (",".join(sorted(v)) if isinstance(v, set) else str(v))[:30],
)
def test_a_sentence_naming_several_actors_gives_each_its_own_position(corpus, sentence, named):
    quoting = [p for p in corpus.positions.values() if normalise(sentence) in normalise(p["quote"])]
    assert all(len(p["actors"]) == 1 for p in quoting)
    assert sorted(a for p in quoting for a in p["actors"]) == sorted(named)
    assert len({normalise(p["quote"]) for p in quoting}) == 1  # the same quote for each


def test_the_proposals_of_the_issue_are_records_with_their_proponents(corpus):
    assert {
        pid: corpus.proposals[pid]["proponents"] for pid in ISSUE_PROPOSALS if pid in corpus.proposals
    } == ISSUE_PROPOSALS
    rus = corpus.proposals["russia-permanent-body"]
    assert rus["cosponsors"] == ["blr", "nic"]
    # Principles, mandate, decision-making and e-portal, regions, non-State actors, the PoA.
    cited = {s["paragraph"] for s in rus["also_sources"]}
    assert {
        "principles",
        "mandate-items",
        "decisions-and-e-portal",
        "regional-organizations",
        "non-state-actors",
        "programme-of-action-in-oewg",
    } <= cited
    poc = {s["paragraph"] for s in corpus.proposals["poc-directory"]["also_sources"]}
    for part in ("principle-", "understanding-", "additional-proposal-", "submission-", "question-"):
        assert any(p.startswith(part) for p in poc), part


def test_supporters_are_linked_to_the_proposal_they_support(corpus):
    supporters, _ = corpus.positions_on_proposal("continue-oewg")
    assert {a for p in supporters for a in p["actors"]} == {
        "rus",
        "chn",
        "irn",
        "ind",
        "dza",
        "ken",
        "syr",
        "cub",
        "aus",
        "deu",
    }


def test_not_stated_is_the_stance_where_the_quote_says_nothing(corpus):
    # The sceptics' sentence speaks only of an additional institutional mechanism.
    stances = corpus.positions["can-2020-02-13-sceptical-new-mechanism"]["stances"]
    assert stances == {
        "regular": "not-stated",
        "institutional": "sceptical-of-new-mechanism",
        "broad-participation": "not-stated",
        "un-auspices": "not-stated",
    }


def test_lineage_pairs_2013_and_2015_paragraphs(corpus):
    later = corpus.paragraphs[("a-70-174", "18")].derived_from
    assert (later["document"], later["paragraph"]) == ("a-68-98", "29")
    assert "word for word" in later["note"]["en"]
    assert [p.pin for p in corpus.later_repetitions(corpus.paragraphs[("a-68-98", "13")])] == ["33"]


@pytest.mark.parametrize(
    "event_id, start, end",
    [
        ("oewg1-session1", "2019-09", None),
        ("oewg1-session2-rid", "2020-02-13", None),
        ("oewg1-intersessional-2020-03", "2020-03-30", "2020-03-31"),
        ("oewg1-intersessional-2020-05", "2020-05-28", "2020-05-29"),
        ("oewg1-session3", "2020-07-06", "2020-07-10"),
        ("oewg2-poc-briefing-2022-12-05", "2022-12-05", None),
        ("oewg2-session4", "2023-03-06", "2023-03-10"),
        ("oewg2-final-report", "2025-07-11", None),
        ("gm-organizational-session", "2026-03-30", "2026-03-31"),
    ],
)
def test_events_carry_the_dates_their_sources_give(corpus, event_id, start, end):
    event = corpus.events[event_id]
    assert (event["date"], event.get("end_date")) == (start, end)


def test_every_event_says_where_it_is_stated(corpus):
    assert [e for e, ev in corpus.events.items() if not (ev.get("url") or ev.get("source"))] == []


def test_every_document_has_a_complete_bibliography_entry(corpus):
    incomplete = []
    for doc_id, doc in corpus.documents.items():
        fields = corpus.bibliography[doc["bibtex"]]["fields"]
        year = fields.get("year") or fields.get("date", "")[:4]
        # An undated document ("not before 2022-12") has no year in its entry: citations say n.d.
        bounded = bool(dates.split(doc["date"])[0])
        if year < dates.year(doc["date"]) if year and bounded else year != ("" if bounded else doc["date"][:4]):
            incomplete.append(f"{doc_id}: year {year!r}")
        if not (fields.get("author") or fields.get("institution") or fields.get("organization")):
            incomplete.append(f"{doc_id}: no issuing body")
        if doc.get("symbol") and fields.get("number") != doc["symbol"]:
            incomplete.append(f"{doc_id}: number {fields.get('number')!r} is not the symbol {doc['symbol']}")
        if doc.get("url") and fields.get("url") != doc["url"]:
            incomplete.append(f"{doc_id}: url {fields.get('url')!r}")
    assert incomplete == []
    assert len({d["bibtex"] for d in corpus.documents.values()}) == len(corpus.documents)


# -- validation keeps every quote verbatim ------------------------------------------------------


def refused(data: Path) -> list[str]:
    with pytest.raises(RecordsInvalid) as caught:
        load_corpus(data)
    return [str(p) for p in caught.value.problems.sorted()]


def test_validation_refuses_a_position_quote_with_one_word_changed(data_copy):
    path = data_copy / "positions" / "rus-2023-non-state-actors.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("strictly consultative", "strictly advisory"), encoding="utf-8"
    )
    (message,) = refused(data_copy)
    assert message.startswith("data/positions/rus-2023-non-state-actors.yml:")
    assert "the quote does not occur verbatim in rus-2023-rid-concept-paper paragraph non-state-actors" in message


def test_validation_refuses_a_proposal_quote_that_is_not_in_its_paragraph(data_copy):
    path = data_copy / "proposals" / "poc-directory.yml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("States agree to establish", "States decide to establish"),
        encoding="utf-8",
    )
    (message,) = refused(data_copy)
    assert "data/proposals/poc-directory.yml:" in message and "a-77-275 paragraph e-next-steps-2" in message


def test_a_marked_omission_is_accepted_and_an_unmarked_one_refused(data_copy):
    path = data_copy / "positions" / "rus-2023-mandate.yml"
    text = path.read_text(encoding="utf-8")
    assert "…" in text
    load_corpus(data_copy)  # the real quote, with its marked omissions, is valid
    path.write_text(text.replace("…", ""), encoding="utf-8")
    assert any("the quote does not occur verbatim" in m for m in refused(data_copy))


# -- what a reader sees --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", CODES)
def test_each_actor_page_shows_its_positions_with_verbatim_quotes(built, corpus, lang):
    _, site, _ = built
    empty = []
    for actor in ISSUE_ACTORS:
        block = rid_block(page_file(site, lang, f"actors/{actor}/").read_text(encoding="utf-8"))
        shown = block.count('<article class="rid-position"')
        if shown == 0 or shown != len(corpus.positions_of(actor)):
            empty.append(f"{actor}: {shown}")
        # Quotes keep the source's language and point at their paragraph.
        if not re.search(
            r'<blockquote class="rid-quote" lang="en" dir="ltr" cite="\.\./\.\./documents/[^"]+/">', block
        ):
            empty.append(f"{actor}: no cited quote")
    assert empty == []


def count_records() -> dict[str, int]:
    """The counts straight from the files, without the site's own loader."""
    data = ROOT / "data"
    counts = {
        kind: len(list((data / kind).glob("*.yml"))) for kind in ("documents", "actors", "positions", "proposals")
    }
    paragraphs = 0
    for path in (data / "documents").glob("*.yml"):
        for p in yaml.safe_load(path.read_text(encoding="utf-8"))["paragraphs"]:
            paragraphs += 1 + len(p.get("items", []))
    counts["paragraphs"] = paragraphs
    return counts


def test_home_page_counts_are_the_number_of_records_on_file(built):
    _, site, _ = built
    expected = count_records()
    assert expected["documents"] >= 10 and expected["actors"] >= 33 and expected["proposals"] >= 10
    for lang in CODES:
        html = page_file(site, lang, "").read_text(encoding="utf-8")
        shown = dict(re.findall(r'<strong data-rid-count="(\w+)">(\d+)</strong>', html))
        assert {k: int(v) for k, v in shown.items()} == expected, lang


def test_an_unnumbered_excerpt_says_so_on_its_page(built, corpus):
    _, site, _ = built
    for lang in CODES:
        html = page_file(site, lang, "documents/rus-2023-rid-concept-paper/permanent-body/").read_text(encoding="utf-8")
        assert corpus.interface["notice.unnumbered_one"][lang] in html, lang


HEADINGS = {
    "en": "How stances are coded",
    "fr": "Codage des positions",
    "es": "Codificación de las posturas",
    "ru": "Как кодируются позиции",
    "zh": "立场的编码方式",
    "ar": "طريقة ترميز المواقف",
}
NOT_STATED = {
    "en": "Not stated",
    "fr": "Non précisé",
    "es": "No indicado",
    "ru": "Не указано",
    "zh": "未说明",
    "ar": "لم يُذكر",
}


@pytest.mark.parametrize("lang", CODES)
def test_the_methodology_is_written_in_each_language(built, lang):
    _, site, _ = built
    html = page_file(site, lang, "methodology/").read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    assert HEADINGS[lang] in html and NOT_STATED[lang] in html
    if lang != "en":
        # A translation says it is the site's own, not an official UN text.
        assert 'class="rid-notice" role="note"' in html
        assert HEADINGS["en"] not in html
