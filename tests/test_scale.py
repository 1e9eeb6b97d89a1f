"""Pages stay light whatever the size of the record: long lists are split, lookups are indexed."""

from __future__ import annotations

import re

import pytest

from ridsite.model import dates
from ridsite.render import pages as pages_module
from ridsite.render.assemble import Renderer
from ridsite.render.pages import paginate


def test_paginate_splits_and_links_pages():
    chunks = list(paginate("positions/", list(range(250)), 100))
    assert [len(c) for c, _ in chunks] == [100, 100, 50]
    urls = [p["url"] for _, p in chunks]
    assert urls == ["positions/", "positions/page/2/", "positions/page/3/"]
    assert chunks[0][1]["previous"] is None and chunks[0][1]["next"] == "positions/page/2/"
    assert chunks[2][1]["previous"] == "positions/page/2/" and chunks[2][1]["next"] is None
    assert list(paginate("events/", [], 100))[0][1]["count"] == 1  # an empty list still has its page


@pytest.fixture
def small_pages(monkeypatch):
    monkeypatch.setattr(pages_module, "PAGE_SIZE", 3)
    monkeypatch.setattr(pages_module, "INLINE_LIMIT", 2)


def test_every_position_is_listed_once_across_index_pages(corpus, small_pages):
    index = Renderer(corpus, "en").index("positions")
    assert len(index) == -(-len(corpus.positions) // 3)
    listed = [
        pid for page in index for pid in corpus.positions if re.search(rf'href="[^"]*\b{re.escape(pid)}/"', page.body)
    ]
    assert sorted(listed) == sorted(corpus.positions)  # each exactly once
    assert all(len(re.findall(r"<tr><td>", page.body)) <= 3 for page in index)


def test_a_crowded_stance_moves_to_its_own_pages(corpus, small_pages):
    renderer = Renderer(corpus, "fr")
    crit = corpus.criterion("institutional")
    crowded = [s for s in crit["stances"] if len(corpus.positions_with_stance("institutional", s["id"])) > 2]
    assert crowded, "the real record has a stance held by more than two positions"
    out = renderer.criterion(crit)
    main, stance_pages = out[0], out[1:]
    stance = crowded[0]["id"]
    assert f'href="{stance}/"' in main.body
    on_stance_pages = {
        pid
        for page in stance_pages
        if page.url.startswith(f"criteria/institutional/{stance}/")
        for pid in re.findall(r'data-rid-position="([^"]+)"|id="position-([^"]+)"', page.body)
        for pid in pid
        if pid
    }
    assert on_stance_pages == {p["id"] for p in corpus.positions_with_stance("institutional", stance)}


def test_indexed_lookups_agree_with_a_full_scan(corpus):
    for doc, pin in corpus.paragraphs:
        scan = [
            p for p in corpus.positions.values() if (p["source"]["document"], p["source"]["paragraph"]) == (doc, pin)
        ]
        assert sorted(p["id"] for p in corpus.positions_citing(doc, pin)) == sorted(p["id"] for p in scan)
    for actor in corpus.actors:
        assert {p["id"] for p in corpus.positions_of(actor)} == {
            p["id"] for p in corpus.positions.values() if actor in p["actors"]
        }
        scan = [
            pr for pr in corpus.proposals.values() if actor in pr["proponents"] or actor in pr.get("cosponsors", [])
        ]
        assert [pr["id"] for pr in corpus.proposals_of(actor)] == [
            pr["id"] for pr in sorted(scan, key=lambda pr: (dates.sort_key(pr["date"]), pr["id"]))
        ]
    by_date = sorted(corpus.positions.values(), key=lambda p: (dates.sort_key(p["date"]), p["id"]))
    for proposal_id in corpus.proposals:
        supporters, opponents = corpus.positions_on_proposal(proposal_id)
        assert [p["id"] for p in supporters] == [p["id"] for p in by_date if proposal_id in p.get("supports", [])]
        assert [p["id"] for p in opponents] == [p["id"] for p in by_date if proposal_id in p.get("opposes", [])]
    ordered = sorted(corpus.proposals.values(), key=lambda pr: (dates.sort_key(pr["date"]), pr["id"]))
    for crit in corpus.criteria:
        for stance in [*crit["stances"], corpus.not_stated]:
            found = corpus.positions_with_stance(crit["id"], stance["id"])
            assert [p["id"] for p in found] == [
                p["id"] for p in by_date if p["stances"].get(crit["id"]) == stance["id"]
            ]
            found = corpus.proposals_with_stance(crit["id"], stance["id"])
            assert [pr["id"] for pr in found] == [
                pr["id"] for pr in ordered if pr["stances"].get(crit["id"]) == stance["id"]
            ]
    for kind in ("positions", "proposals", "documents", "events"):
        records = getattr(corpus, kind).values()
        expected = [r["id"] for r in sorted(records, key=lambda r: (dates.sort_key(r["date"]), r["id"]))]
        assert [r["id"] for r in getattr(corpus, f"{kind}_by_date")] == expected, kind
    for event_id in corpus.events:
        assert [p["id"] for p in corpus.positions_at(event_id)] == [
            p["id"] for p in by_date if p.get("event") == event_id
        ]
    for objective in corpus.objectives:
        found = corpus.positions_for_objective(objective["id"])
        assert [p["id"] for p in found] == [p["id"] for p in by_date if objective["id"] in p.get("objectives", [])]
    assert any(corpus.positions_at(e) for e in corpus.events) and any(
        corpus.positions_for_objective(o["id"]) for o in corpus.objectives
    )
    assert any(corpus.proposals_of(a) for a in corpus.actors) and any(
        corpus.positions_on_proposal(p)[0] for p in corpus.proposals
    )


def test_a_criterion_page_lists_a_few_proposals_per_stance_and_leads_to_the_scorecard(corpus, monkeypatch):
    monkeypatch.setattr(pages_module, "PROPOSALS_INLINE", 1)
    crit = corpus.criterion("institutional")
    body = Renderer(corpus, "en").criterion(crit)[0].body
    for stance in [*crit["stances"], corpus.not_stated]:
        held = sorted(
            (p for p in corpus.proposals.values() if p["stances"]["institutional"] == stance["id"]),
            key=lambda p: (dates.sort_key(p["date"]), p["id"]),
        )
        section = body.split(f'id="stance-{stance["id"]}"', 1)[1].split("</section>", 1)[0]
        if not held:
            continue
        assert f"Proposals ({len(held)})" in section  # how many, always
        listed = re.findall(r'<li><a href="\.\./\.\./proposals/([^/]+)/">', section)
        assert listed == [held[0]["id"]]
        more = f'<a href="../../compare/scorecard/">{len(held)} proposals take this stance'
        assert (more in section) == (len(held) > 1), stance["id"]
    assert any(
        len([p for p in corpus.proposals.values() if p["stances"]["institutional"] == s["id"]]) > 1
        for s in crit["stances"]
    )


def test_a_criterion_with_many_stances_quotes_fewer_positions_per_stance(corpus, monkeypatch):
    """The quotes on a criterion's page are shared among its stances (CRITERION_INLINE), so the
    page holds about as many whatever the number of stances; the rest are on each stance's pages."""
    monkeypatch.setattr(pages_module, "CRITERION_INLINE", 16)
    monkeypatch.setattr(pages_module, "INLINE_MIN", 1)
    renderer = Renderer(corpus, "en")
    for crit in corpus.criteria:
        stances = [*crit["stances"], corpus.not_stated]
        share = 16 // len(stances)
        out = renderer.criterion(crit)
        main = out[0]
        assert len(re.findall(r'<article class="rid-position"', main.body)) <= 16
        for stance in stances:
            held = corpus.positions_with_stance(crit["id"], stance["id"])
            section = main.body.split(f'id="stance-{stance["id"]}"', 1)[1].split("</section>", 1)[0]
            quoted = re.findall(r'<article class="rid-position" id="position-([^"]+)"', section)
            assert quoted == [p["id"] for p in held[:share]]
            on_own_pages = [p for p in out[1:] if p.url.startswith(f"criteria/{crit['id']}/{stance['id']}/")]
            assert bool(on_own_pages) == (len(held) > share)
            if on_own_pages:
                assert f'href="{stance["id"]}/"' in section
