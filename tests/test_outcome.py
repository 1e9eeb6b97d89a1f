"""The outcome (issue 21): the Global Mechanism against the criteria, each stance beside the
words it rests on, what became of each proposal only where a source says so, and dates that
are known only as bounds shown as such."""

from __future__ import annotations

import re
from html import unescape

import pytest
import yaml

from ridsite.model.languages import CODES
from ridsite.model.problems import RecordsInvalid
from ridsite.records.load import load_corpus
from ridsite.render import outcome, timeline
from ridsite.render.assemble import Renderer


def text_of(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def outcome_page(corpus, lang):
    (page,) = outcome.pages(Renderer(corpus, lang))
    return page


@pytest.mark.parametrize("lang", CODES)
def test_the_outcome_page_links_each_criterion_stance_to_its_quote(corpus, lang):
    page = outcome_page(corpus, lang)
    assert page.url == "outcome/" and page.title
    gm = corpus.proposals["global-mechanism"]
    for crit in corpus.criteria:
        row = re.search(rf'<tr id="criterion-{crit["id"]}"[^>]*>(.*?)</tr>', page.body, re.S)
        assert row, f"{lang}: no row for {crit['id']}"
        assert f'data-rid-stance="{gm["stances"][crit["id"]]}"' in row.group(0)
        grounds = gm.get("grounds", {}).get(crit["id"], [])
        assert grounds, f"the outcome's stance on {crit['id']} rests on no quoted words"
        for g in grounds:
            # The quote itself, and a link to the paragraph it is read in.
            assert " ".join(g["quote"].split()) in text_of(row.group(1))
            para = f"../documents/{g['source']['document']}/{g['source']['paragraph']}/"
            assert f'data-rid-ground="{crit["id"]}" href="{para}"' in row.group(1)


def test_every_proposal_stands_beside_the_outcome_and_has_a_fate_or_says_the_record_is_silent(corpus):
    body = outcome_page(corpus, "en").body
    assert 'data-rid-reference="global-mechanism"' in body
    for prop in outcome.proposals(corpus):
        assert f'data-rid-proposal="{prop["id"]}"' in body
        section = re.search(rf'<section class="rid-outcome-fate" id="fate-{prop["id"]}">(.*?)</section>', body, re.S)
        if "fate" in prop:
            assert prop["fate"]["quote"] in text_of(section.group(1))
            assert f"documents/{prop['fate']['source']['document']}/" in section.group(1)
        else:
            assert "The record is silent" in text_of(section.group(1))


@pytest.mark.parametrize("lang", CODES)
def test_each_proposal_page_says_what_became_of_it(corpus, lang):
    renderer = Renderer(corpus, lang)
    silent = renderer.site.t("fate.silent")
    for pid, prop in corpus.proposals.items():
        body = renderer.record("proposal", pid).body
        assert 'id="fate"' in body
        kind = "outcome" if prop.get("status") == "agreed" else prop.get("fate", {}).get("kind", "silent")
        assert f'data-rid-fate="{kind}"' in body
        assert (silent in text_of(body)) == (kind == "silent")


@pytest.mark.parametrize("lang", [c for c in CODES if c != "en"])
def test_the_outcome_keeps_its_official_name_untranslated_and_says_why(corpus, lang):
    """No official translation of the Mechanism's name is on record: the site never makes one up,
    shows the English name as English, and says it is the official name, not an unwritten text."""
    body = Renderer(corpus, lang).record("proposal", "global-mechanism").body
    h1 = re.search(r"<h1>(.*?)</h1>", body).group(1)
    assert h1.startswith('<span lang="en" dir="ltr">Global Mechanism on developments')
    assert "data-rid-official-name" in body
    site = Renderer(corpus, lang).site
    assert site.t("notice.official_name_untranslated", language=site.lang_name("en")) in unescape(body)
    assert site.t("notice.summary_fallback", language=site.lang_name("en")) not in unescape(body)


def break_record(data, rel, change):
    path = data / rel
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(record)
    path.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")


def refused(data) -> list[str]:
    with pytest.raises(RecordsInvalid) as caught:
        load_corpus(data)
    return [str(p) for p in caught.value.problems.sorted()]


def test_a_fate_without_a_source_is_refused(data_copy):
    break_record(
        data_copy,
        "proposals/egypt-platform.yml",
        lambda r: r.update(fate={"outcome": "global-mechanism", "kind": "reflected", "quote": "platform"}),
    )
    assert any("fate.source: the required field 'source' is missing" in p for p in refused(data_copy))


def test_a_fate_whose_quote_is_not_in_its_source_is_refused(data_copy):
    break_record(
        data_copy,
        "proposals/poc-directory.yml",
        lambda r: r["fate"].update(quote="will serve as a permanent tool for use by States"),
    )
    assert any("fate.quote: the quote does not occur verbatim" in p for p in refused(data_copy))


def test_a_fate_must_point_at_an_agreed_outcome(data_copy):
    break_record(data_copy, "proposals/poc-directory.yml", lambda r: r["fate"].update(outcome="egypt-platform"))
    assert any("'egypt-platform' is not an agreed outcome" in p for p in refused(data_copy))


def test_a_stance_grounded_in_words_cannot_be_not_stated(data_copy):
    break_record(data_copy, "proposals/global-mechanism.yml", lambda r: r["stances"].update(regular="not-stated"))
    assert any("grounds.regular: 'regular' is not-stated" in p for p in refused(data_copy))


@pytest.mark.parametrize("lang, expected", [("en", "December 2022 or later (undated)"), ("fr", "ou après (non daté)")])
def test_an_undated_paper_is_shown_with_its_bound_never_as_a_date(corpus, lang, expected):
    body = Renderer(corpus, lang).record("document", "rus-2023-rid-concept-paper").body
    assert expected in text_of(body)


def test_an_undated_record_sorts_after_what_is_dated_within_its_bound(corpus):
    order = [p["id"] for p in corpus.positions_by_date]
    assert order.index("rus-2023-mandate") > max(
        i for i, p in enumerate(corpus.positions_by_date) if p["date"] < "2023"
    )
    docs = [d["id"] for d in corpus.documents_by_date]
    assert (
        docs.index("unoda-2022-12-05-poc-briefing") < docs.index("rus-2023-rid-concept-paper") < docs.index("a-78-265")
    )


def test_the_timeline_and_the_path_run_to_the_latest_recorded_event(corpus):
    latest = max((e.get("end_date") or e["date"]) for e in corpus.events.values() if e["date"][0].isdigit())
    first, last = timeline.span(timeline.items(corpus))
    assert last == int(latest[:4]) == 2026
    path = outcome.path(corpus)
    assert path[0].id == "a-68-98" and path[-1].id == "gm-thematic-groups-1"


@pytest.mark.parametrize("lang", CODES)
def test_the_home_page_leads_with_where_things_stand(corpus, lang):
    renderer = Renderer(corpus, lang)
    body = renderer.home_summary()
    first_heading = re.search(r"<h2[^>]*>(.*?)</h2>", body).group(1)
    assert first_heading == renderer.site.t("home.where")
    where = body[: body.index("ways-in")]
    assert 'href="outcome/"' in where and 'href="events/gm-thematic-groups-1/"' in where


# 3 and 12 December 2026, 00:00 UTC: before and after the thematic groups of 7–11 December.
@pytest.mark.parametrize(
    ("epoch", "day", "held", "scheduled"),
    [
        (1796256000, "3 December 2026", "gm-plenary-1", "gm-thematic-groups-1"),
        (1797033600, "12 December 2026", "gm-thematic-groups-1", None),
    ],
)
def test_the_home_page_says_which_meeting_was_held_and_which_scheduled_as_of_its_day(
    corpus, monkeypatch, epoch, day, held, scheduled
):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
    body = Renderer(corpus, "en").home_summary()
    facts = dict(re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", body[: body.index("ways-in")]))
    assert text_of(facts["Record last updated"]) == day
    assert f'href="events/{held}/"' in facts["Latest meeting held by then"]
    if scheduled:
        assert f'href="events/{scheduled}/"' in facts["Next meeting then scheduled"]
    else:
        assert "Next meeting then scheduled" not in facts
    # The outcome page marks the same meeting, and only it, as still to come on that day.
    meetings = re.findall(r'<li><a href="\.\./events/([^/]+)/">.*?</li>', outcome_page(corpus, "en").body)
    marked = [m for m in meetings if m == scheduled]
    page = text_of(outcome_page(corpus, "en").body)
    assert page.count(f"(scheduled, as the record stood on {day})") == len(marked) == (1 if scheduled else 0)


def test_the_scorecard_has_the_outcome_as_its_reference_row(corpus):
    from ridsite.render import matrix_pages as compare

    scorecard = next(p for p in compare.pages(Renderer(corpus, "en")) if p.url == "compare/scorecard/")
    ref = re.search(r'<table[^>]*id="rid-scorecard-reference"[^>]*>(.*?)</table>', scorecard.body, re.S)
    assert ref and 'href="../../outcome/"' in ref.group(1)
    for crit in corpus.criteria:
        sid = corpus.proposals["global-mechanism"]["stances"][crit["id"]]
        assert f'data-column="{crit["id"]}" data-stance="{sid}"' in ref.group(1)
        assert f'href="../../outcome/#criterion-{crit["id"]}"' in ref.group(1)


def test_a_bound_is_never_given_a_machine_readable_date(corpus):
    renderer = Renderer(corpus, "en")
    for body in (
        renderer.record("document", "rus-2023-rid-concept-paper").body,
        renderer.record("proposal", "russia-permanent-body").body,
        renderer.record("event", "poa-proposed").body,
    ):
        assert 'datetime="not' not in body
        assert "rid-date--bound" in body
