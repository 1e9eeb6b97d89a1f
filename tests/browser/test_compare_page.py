"""The side-by-side page and the matrices' controls in Chromium (issue 5): the address decides which
actors or proposals are compared, their rows come from the small files beside the page (only those
of the chosen actors and proposals are fetched), and every request stays on the site (the conftest
fails the test otherwise, and on any console error, such as a file that is not there)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from .sample import page_url


def side_table(page):
    table = page.locator("#rid-side-table")
    table.wait_for()
    return table


def subjects(table) -> list[str]:
    return table.locator("thead th[data-subject]").evaluate_all("ths => ths.map(th => th.dataset.subject)")


def stances_in(table, criterion: str, column: int) -> set[str]:
    cell = table.locator(f'tr[data-criterion="{criterion}"] > td').nth(column)
    return set(cell.locator("[data-stance]").evaluate_all("els => els.map(e => e.dataset.stance)"))


def fetched(traffic) -> list[str]:
    """The side-by-side page's data files that the browser asked for, relative to compare/."""
    return sorted(
        {url.split("/compare/", 1)[1] for _, url in traffic.requests if "/compare/" in url and url.endswith(".json")}
    )


def test_the_address_chooses_the_columns_and_the_records_fill_the_rows(page, site_corpus, traffic):
    page.goto(page_url("en", "compare/?a=egy,ind"))
    table = side_table(page)
    # Only what the choice needs: the labels, then the two actors' own files.
    assert fetched(traffic) == ["compare.json", "side/a/egy.json", "side/a/ind.json"]
    assert subjects(table) == ["a:egy", "a:ind"]
    rows = table.locator("tbody tr").evaluate_all("trs => trs.map(tr => tr.dataset.criterion)")
    assert rows == [c["id"] for c in site_corpus.criteria] + ["quotes"]
    for column, actor in enumerate(("egy", "ind")):
        for crit in site_corpus.criteria:
            expected = {p["stances"][crit["id"]] for p in site_corpus.positions_of(actor)}
            assert stances_in(table, crit["id"], column) == expected, (actor, crit["id"])
    # Each of India's quotes is shown once, verbatim.
    quotes = table.locator('tr[data-criterion="quotes"] > td').nth(1).locator("blockquote").all_text_contents()
    assert sorted(q.strip() for q in quotes) == sorted(p["quote"] for p in site_corpus.positions_of("ind"))


def test_arabic_page_compares_an_actor_with_a_proposal_in_arabic(page, site_corpus):
    pid = sorted(site_corpus.proposals)[0]
    page.goto(page_url("ar", f"compare/?a=egy&p={pid}"))
    table = side_table(page)
    assert subjects(table) == ["a:egy", f"p:{pid}"]
    header = table.locator("thead").inner_text()
    assert "مصر" in header
    title = site_corpus.proposals[pid]["title"]
    assert title.get("ar", title["en"]) in header
    assert table.locator("tbody th").first.inner_text() == site_corpus.criteria[0]["label"]["ar"]


def test_unknown_ids_are_reported_and_no_more_than_three_are_shown(page, site_corpus):
    actors = sorted({a for p in site_corpus.positions.values() for a in p["actors"]})[:4]
    page.goto(page_url("en", f"compare/?a=nowhere,{','.join(actors)}&p=no-such-proposal,../../x"))
    table = side_table(page)
    assert subjects(table) == [f"a:{a}" for a in actors[:3]]
    message = page.locator("[data-rid-message]")
    assert message.is_visible()
    assert all(name in message.inner_text() for name in ("nowhere", "no-such-proposal", "../../x"))


def test_a_proposal_found_by_its_title_joins_the_comparison_and_the_address(page, site_corpus, traffic):
    pid = sorted(site_corpus.proposals, key=lambda p: (site_corpus.proposals[p]["date"], p))[-1]
    title = site_corpus.proposals[pid]["title"]["en"]
    page.goto(page_url("en", "compare/?a=egy"))
    side_table(page)
    assert "side/proposals.json" not in fetched(traffic)  # the titles only when searching
    page.locator("[data-rid-find]").fill(" ".join(title.split()[:3]).lower())
    choice = page.locator(f'[data-rid-choose="p:{pid}"]')
    choice.click()
    page.wait_for_function("() => document.querySelectorAll('#rid-side-table thead th[data-subject]').length === 2")
    assert subjects(side_table(page)) == ["a:egy", f"p:{pid}"]
    assert parse_qs(urlsplit(page.url).query) == {"a": ["egy"], "p": [pid]}
    assert page.locator("[data-rid-slot]").nth(1).input_value() == f"p:{pid}"
    found = page.locator("[data-rid-found]").inner_text()
    assert found.startswith("Proposals found: ")
    # The shared address opens the same comparison, the proposal named in every menu.
    page.goto(page.url)
    assert subjects(side_table(page)) == ["a:egy", f"p:{pid}"]
    assert page.locator(f'[data-rid-slot] >> nth=2 >> option[value="p:{pid}"]').count() == 1


def test_choosing_in_the_form_updates_the_shareable_address(page):
    page.goto(page_url("en", "compare/?a=egy"))
    side_table(page)
    page.locator("[data-rid-slot]").nth(1).select_option("a:ind")
    page.wait_for_function("() => document.querySelectorAll('#rid-side-table thead th[data-subject]').length === 2")
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"a": ["egy,ind"]}
    share = page.locator("[data-rid-share]").get_attribute("href")
    assert share.endswith("compare/?a=egy,ind")
    # The shared address opens the same comparison.
    page.goto(page.url)
    assert subjects(side_table(page)) == ["a:egy", "a:ind"]


def test_without_javascript_every_actor_is_in_the_table_and_the_proposals_are_a_link_away(open_context, site_corpus):
    page = open_context(java_script_enabled=False).new_page()
    page.goto(page_url("en", "compare/?a=egy,ind"))
    assert page.locator("#side-by-side").is_hidden()
    with_positions = {a for p in site_corpus.positions.values() for a in p["actors"]}
    assert page.locator("#rid-all tr[data-rid-subject]").count() == len(with_positions)
    page.locator("#proposals ~ ul a").first.click()
    assert urlsplit(page.url).path.endswith("/compare/scorecard/")
    assert page.locator("#rid-scorecard tr[data-rid-row]").count() == len(site_corpus.proposals)


def test_matrix_filter_and_order(page):
    page.goto(page_url("en", "compare/institutional/"))
    controls = page.locator("#rid-matrix-institutional-controls")
    controls.wait_for(state="visible")
    rows = page.locator("#rid-matrix-institutional tr.rid-matrix__row")
    total = rows.count()
    controls.locator("[data-rid-filter]").fill("ind")
    visible = page.locator("#rid-matrix-institutional tr.rid-matrix__row:not([hidden]) th").all_inner_texts()
    assert visible and all("ind" in name.lower() for name in visible)
    assert controls.locator("[data-rid-shown]").inner_text().startswith(f"{len(visible)} of {total}")
    controls.locator("[data-rid-filter]").fill("")
    controls.locator("[data-rid-order]").select_option("name")
    names = page.locator("#rid-matrix-institutional tr.rid-matrix__row th").all_inner_texts()
    assert len(names) == total
    assert names == page.evaluate("n => n.slice().sort(new Intl.Collator('en', {sensitivity: 'base'}).compare)", names)
    assert page.locator("#rid-matrix-institutional tr.rid-matrix__group:not([hidden])").count() == 0
    controls.locator("[data-rid-order]").select_option("stance")
    firsts = page.locator("#rid-matrix-institutional tr.rid-matrix__row").evaluate_all(
        "trs => trs.map(tr => tr.dataset.first)"
    )
    columns = page.locator("#rid-matrix-institutional thead th[data-column]").evaluate_all(
        "ths => ths.map(th => th.dataset.column)"
    )
    assert [columns.index(f) for f in firsts] == sorted(columns.index(f) for f in firsts)


def test_proposals_are_rows_that_order_by_support_and_filter_by_title(page, site_corpus):
    page.goto(page_url("en", "compare/proposals/"))
    table = "#rid-matrix-proposals"
    controls = page.locator(f"{table}-controls")
    controls.wait_for(state="visible")
    rows = page.locator(f"{table} tr.rid-matrix__row")
    assert rows.count() == len(site_corpus.proposals)
    controls.locator("[data-rid-order]").select_option("support")
    support = rows.evaluate_all("trs => trs.map(tr => Number(tr.dataset.support))")
    assert support == sorted(support, reverse=True) and support[0] > 1
    # The most supported proposal's count opens the list of positions in support on its page.
    first = rows.first
    pid = first.get_attribute("data-rid-row")
    assert first.locator("td[data-column='supporters'] a").get_attribute("href") == f"../../proposals/{pid}/#supporters"
    title = site_corpus.proposals[pid]["title"]["en"]
    controls.locator("[data-rid-filter]").fill(title[:12])
    visible = page.locator(f"{table} tr.rid-matrix__row:not([hidden]) th").all_inner_texts()
    assert visible and all(title[:12].lower() in name.lower() for name in visible)


def test_on_a_phone_every_chosen_actor_is_read_whole(open_context, site_corpus):
    """/zh/compare/?a=chn,usa,eu on a 390 px phone: one block per actor, each on the screen (not
    columns off to the side), with its stance on each criterion, in the order chosen."""
    from .conftest import PHONE

    page = open_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto(page_url("zh", "compare/?a=chn,usa,eu"))
    page.locator(".rid-side__one").first.wait_for()
    assert not page.locator("#rid-side-table").is_visible()
    blocks = page.locator(".rid-side__one")
    assert blocks.evaluate_all("bs => bs.map(b => b.dataset.subject)") == ["a:chn", "a:usa", "a:eu"]
    width = page.evaluate("innerWidth")
    for i, actor in enumerate(("chn", "usa", "eu")):
        block = blocks.nth(i)
        box = block.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (actor, box, width)
        assert block.locator("h3").inner_text() == site_corpus.actors[actor]["name"]["zh"]
        criteria = block.locator("dt a").evaluate_all("links => links.map(a => a.textContent)")
        assert len(criteria) == len(site_corpus.criteria)
        assert block.locator("dd").count() == len(site_corpus.criteria) + 1  # and the quotes
    assert page.evaluate("document.documentElement.scrollWidth") <= width
