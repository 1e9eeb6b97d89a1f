"""Search on the site as `rid build` publishes it: Pagefind, one index per language.

The reader opens the search page of their language from the header, types, and gets results from
that language's pages only. What the first query downloads is counted: at any scale it must stay
small (Pagefind loads only the index chunks a query needs).
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import pytest

from ridsite.model.languages import CODES
from ridsite.publish.download_size import served_bytes

from .conftest import ARTIFACTS
from .sample import lang_prefix, page_url
from .test_accessibility import axe_on

FIRST_QUERY_BUDGET = 300 * 1024  # bytes as a static host serves them (text gzipped), issue 8
PARAGRAPH = ("a-70-174", "18")
PHRASE = "intensify cooperation"  # from A/70/174 §18, shown in its original English on every language's page


def results(page) -> list[str]:
    """Result links once Pagefind has answered, as paths under the site root."""
    # The script marks the list with the query it answers once every result of the page is in.
    page.wait_for_function(
        """() => { const list = document.querySelector(".rid-search__results");
                   const box = document.querySelector("#rid-search-input");
                   return list && box && box.value && list.getAttribute("data-rid-answered") === box.value; }"""
    )
    return [h.lstrip("/") for h in page.eval_on_selector_all(".rid-search__result", "as => as.map(a => a.pathname)")]


def search(page, lang: str, query: str) -> list[str]:
    """From a record page, the header's search button, then type the query."""
    page.goto(page_url(lang, "actors/egy/"))
    page.locator('a.md-header__button[href$="search/"]').click()
    page.wait_for_url(f"**/{lang_prefix(lang)}search/")
    box = page.locator("#rid-search-input")
    box.fill(query)
    return results(page)


@pytest.mark.parametrize("lang", CODES)
def test_pagefind_finds_an_actor_by_its_name_in_the_readers_language(open_context, built, lang):
    from ridsite.records.load import load_corpus

    corpus = load_corpus(built[0] / "data")
    name = corpus.actors["egy"]["name"][lang]
    page = open_context().new_page()
    found = search(page, lang, name)
    assert page_url(lang, "actors/egy/") in found, found
    # Only pages of the reader's language: English pages have no prefix, the others theirs.
    others = (
        [f for f in found if f.split("/")[0] in CODES]
        if lang == "en"
        else [f for f in found if not f.startswith(lang + "/")]
    )
    assert others == [], others


@pytest.mark.parametrize("lang", ["en", "fr", "ru", "zh", "ar"])
def test_pagefind_finds_a_paragraph_by_a_phrase_of_its_text(open_context, lang):
    page = open_context().new_page()
    found = search(page, lang, PHRASE)
    target = page_url(lang, "documents/{}/{}/".format(*PARAGRAPH))
    assert target in found, found
    page.locator(f'.rid-search__result[href*="/{target}"]').first.click()
    page.wait_for_url(f"**/{target}*")
    assert page.locator("[data-rid-id]").first.get_attribute("data-rid-id") == "{}/{}".format(*PARAGRAPH)


def test_pagefind_finds_a_chinese_word_inside_a_sentence(open_context, site_corpus):
    # "平台" (platform) is in the middle of the Chinese summary of Egypt's position: without word
    # segmentation the whole sentence is one token, and the word is not found.
    position = "egy-2020-02-13-platform"
    summary = site_corpus.positions[position]["summary"]["zh"]
    assert "平台" in summary and not summary.startswith("平台")
    found = search(open_context().new_page(), "zh", "平台")
    assert page_url("zh", f"positions/{position}/") in found, found


def test_a_search_has_a_shareable_address(open_context):
    page = open_context().new_page()
    page.goto("zh/search/?q=" + "平台")
    found = results(page)
    assert "zh/positions/egy-2020-02-13-platform/" in found, found
    assert page.locator("#rid-search-input").input_value() == "平台"


def test_the_first_query_downloads_little(open_context, traffic, built):
    """Everything fetched from the Pagefind bundle for one search, counted from the files served."""
    site = built[1]
    page = open_context(fresh=True).new_page()  # a first visit: nothing in the browser's cache
    search(page, "en", PHRASE)
    fetched = sorted({urlsplit(url).path for _, url in traffic.requests if "/pagefind/" in url})
    files = {path: site / path.lstrip("/") for path in fetched}
    served = {path: served_bytes(f) for path, f in files.items()}
    total, raw = sum(served.values()), sum(f.stat().st_size for f in files.values())
    out = ARTIFACTS / "search" / "first-query.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps({"served_bytes": total, "uncompressed_bytes": raw, "files": served}, indent=1), encoding="utf-8"
    )
    assert any("/index/" in p for p in fetched), fetched  # the index itself was read
    assert total < FIRST_QUERY_BUDGET, served


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_search_page_with_results_has_no_serious_accessibility_violation(open_context, lang):
    page = open_context().new_page()
    search(page, lang, PHRASE)
    _, failing = axe_on(page, "search", page.url)
    assert failing == [], "\n".join(failing)


def test_without_javascript_the_search_page_points_to_the_lists(open_context):
    page = open_context(java_script_enabled=False).new_page()
    page.goto("fr/search/")
    assert page.locator("noscript").count() == 1
    links = page.eval_on_selector_all("#browse + ul a", "as => as.map(a => a.pathname)")
    assert "/fr/documents/" in links and "/fr/actors/" in links
