"""The comparison matrices, with JavaScript on and off: without it every row is there and each cell
links to its evidence (the filter, which could do nothing, stays hidden); with it, an Arabic reader
can filter by a name typed in Arabic and order the rows in Arabic collation.

The side-by-side page is tested in test_compare_page.py and the citation copy buttons in
test_cite_copy.py, both with JavaScript on and off.
"""

from __future__ import annotations

from .sample import page_url

CRITERION = "institutional"
TABLE = f"#rid-matrix-{CRITERION}"


def visible_rows(page) -> list[str]:
    return page.eval_on_selector_all(
        f"{TABLE} tbody tr.rid-matrix__row", "rows => rows.filter(r => r.offsetParent !== null).map(r => r.id)"
    )


def test_a_comparison_matrix_shows_every_row_without_javascript(open_context, site_corpus):
    page = open_context(java_script_enabled=False).new_page()
    page.goto(f"compare/{CRITERION}/")
    rows = visible_rows(page)
    with_positions = {a for p in site_corpus.positions.values() for a in p["actors"]}
    assert sorted(rows) == sorted(f"actor-{a}" for a in with_positions)
    # A filled cell links to the quote it rests on (Egypt has one record in a cell), or to the
    # list of its records on the actor's page.
    assert page.locator(f"{TABLE} #actor-egy td a[href*='positions/']").count() >= 1
    # The filter would do nothing without the script, so it is not shown.
    assert page.locator(f"{TABLE}-controls").is_hidden()


def test_an_arabic_reader_filters_and_orders_a_matrix(page, site_corpus):
    page.goto(page_url("ar", f"compare/{CRITERION}/"))
    every = visible_rows(page)
    assert "actor-egy" in every and len(every) > 3
    controls = page.locator(f"{TABLE}-controls")
    controls.wait_for(state="visible")
    controls.locator("[data-rid-filter]").press_sequentially(site_corpus.actors["egy"]["name"]["ar"])
    page.wait_for_function(f"() => document.querySelectorAll('{TABLE} tr.rid-matrix__row:not([hidden])').length === 1")
    assert visible_rows(page) == ["actor-egy"]
    controls.locator("[data-rid-filter]").fill("")
    controls.locator("[data-rid-order]").select_option("name")
    names = page.eval_on_selector_all(
        f"{TABLE} tbody tr.rid-matrix__row th",
        "cells => cells.filter(c => c.offsetParent !== null).map(c => c.textContent.trim())",
    )
    assert len(names) == len(every)
    assert names == page.evaluate("n => n.slice().sort(new Intl.Collator('ar', {sensitivity: 'base'}).compare)", names)
