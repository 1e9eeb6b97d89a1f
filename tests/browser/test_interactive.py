"""The pages with scripts of their own, with JavaScript on and off: the comparison matrices (filter
and order), the side-by-side comparison opened from a shared address, and the citation copy button.
With JavaScript off each must still show its data; with it on, the script must do its job.
"""

from __future__ import annotations

import pytest

from .sample import page_url

CRITERION = "institutional"
PARAGRAPH = "documents/a-70-174/18/"


def visible_rows(page, table: str) -> list[str]:
    return page.eval_on_selector_all(
        f"{table} tbody tr.rid-matrix__row", "rows => rows.filter(r => !r.hidden && r.offsetParent).map(r => r.id)"
    )


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_a_comparison_matrix_filters_by_name_with_javascript(page, site_corpus, lang):
    page.goto(page_url(lang, f"compare/{CRITERION}/"))
    table = f"#rid-matrix-{CRITERION}"
    every = visible_rows(page, table)
    assert "actor-egy" in every and len(every) > 3
    controls = page.locator(f"{table}-controls")
    assert controls.is_visible()
    controls.locator("[data-rid-filter]").press_sequentially(site_corpus.actors["egy"]["name"][lang])
    assert visible_rows(page, table) == ["actor-egy"]
    # Ordering by name puts the rows in the collation order of the page's language.
    controls.locator("[data-rid-filter]").fill("")
    controls.locator("[data-rid-order]").select_option("name")
    names = page.eval_on_selector_all(
        f"{table} tbody tr.rid-matrix__row th", "cells => cells.filter(c => c.offsetParent).map(c => c.textContent.trim())"
    )
    assert len(names) == len(every)
    assert names == page.evaluate("([names, lang]) => names.slice().sort(new Intl.Collator(lang, {sensitivity: 'base'}).compare)", [names, lang])


def test_a_comparison_matrix_shows_every_row_without_javascript(open_context):
    page = open_context(java_script_enabled=False).new_page()
    page.goto(f"compare/{CRITERION}/")
    table = f"#rid-matrix-{CRITERION}"
    rows = visible_rows(page, table)
    assert "actor-egy" in rows and len(rows) > 3
    # Each filled cell links to the quote it rests on.
    assert page.locator(f"{table} #actor-egy td.rid-cell a[href*='positions/']").count() >= 1
    # The filter would do nothing without the script, so it is not shown.
    assert not page.locator(f"{table}-controls").is_visible()


def side_by_side_names(page) -> list[str]:
    return page.eval_on_selector_all("#rid-side-table thead th[scope=col]", "ths => ths.map(th => th.textContent.trim())")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_side_by_side_comparison_opens_from_a_shared_address(page, site_corpus, lang):
    page.goto(page_url(lang, "compare/?a=egy,ind"))
    page.locator("#rid-side-table").wait_for()
    names = side_by_side_names(page)
    for actor in ("egy", "ind"):
        assert site_corpus.actors[actor]["name"][lang] in " ".join(names), names
    # A row for each criterion, headed by its name in the page's language.
    rows = page.eval_on_selector_all("#rid-side-table tbody th[scope=row]", "ths => ths.map(th => th.textContent.trim())")
    for criterion in site_corpus.criteria:
        assert criterion["label"][lang] in rows, rows


def test_the_side_by_side_page_keeps_its_full_table_without_javascript(open_context, site_corpus):
    page = open_context(java_script_enabled=False).new_page()
    page.goto("compare/?a=egy,ind")
    assert not page.locator("#side-by-side").is_visible()
    table = page.locator("#rid-all")
    assert table.is_visible()
    for actor in ("egy", "ind"):
        assert table.locator(f'tr[data-rid-subject="a:{actor}"]').is_visible()


def test_the_citation_copy_button_copies_the_citation(open_context):
    context = open_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(PARAGRAPH)
    buttons = page.locator("button[data-rid-copy]")
    assert buttons.count() >= 2  # one per citation style
    for i in range(buttons.count()):
        button = buttons.nth(i)
        target = page.locator("#" + button.get_attribute("data-rid-copy"))
        button.click()
        copied = page.evaluate("() => navigator.clipboard.readText()")
        assert copied == target.text_content()
        assert "A/70/174" in copied
        assert button.locator("xpath=..").locator("[role=status]").inner_text().strip() != ""


def test_the_citation_is_plain_selectable_text_without_javascript(open_context):
    page = open_context(java_script_enabled=False).new_page()
    page.goto(PARAGRAPH)
    assert page.locator(".rid-cite__text").first.is_visible()
    assert "A/70/174" in page.locator(".rid-cite__text").first.inner_text()
    assert not page.locator("button[data-rid-copy]").first.is_visible()
