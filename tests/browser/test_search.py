"""Search as a reader uses it: type into Material's search box (it ignores fill(), so key by key)
and follow the results. Material's one lunr index holds all six languages, so results can mix
languages (mkdocs-static-i18n #271): the test asks for the page in the reader's language among
them. Chinese words inside a sentence are found only because jieba segments Chinese text at
build time (a runtime dependency in pyproject.toml).
"""

from __future__ import annotations

import re

import pytest

from .sample import page_url

PARAGRAPH = ("a-70-174", "18")
PHRASE = "intensify cooperation"  # from A/70/174 §18; English is the paragraph's language


def search(page, lang: str, query: str) -> list[str]:
    """Type the query on the language's home page; the result links, as paths under the site."""
    page.goto(page_url(lang, ""))
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(query, delay=30)
    items = page.locator(".md-search-result__item")
    items.first.wait_for()
    # Material lists ten results, then four more each time the list is scrolled to its end, under
    # a line that gives their number ("36 matching documents"): scroll until all are listed.
    meta = page.locator(".md-search-result__meta")
    previous, summary = None, meta.inner_text()
    while summary != previous:  # results follow each key typed: wait for the last query's
        page.wait_for_timeout(500)
        previous, summary = summary, meta.inner_text()
    total = int(re.search(r"\d+", summary).group(0))
    for _ in range(total // 4 + 10):
        if items.count() >= total:
            break
        # Leave the end, then reach it again: Material reacts to arriving there, as a wheel does.
        scroller = page.locator(".md-search__scrollwrap")
        scroller.evaluate("el => el.scrollTop = el.scrollHeight - el.clientHeight - 200")
        page.wait_for_timeout(150)
        scroller.evaluate("el => el.scrollTop = el.scrollHeight")
        page.wait_for_timeout(300)
    assert items.count() == total, f"{items.count()} of {total} results listed"
    hrefs = page.eval_on_selector_all(".md-search-result__item > a", "links => links.map(a => a.pathname)")
    return [href.lstrip("/") for href in hrefs]


@pytest.mark.parametrize("lang", ["en", "fr", "ru", "zh"])
def test_search_finds_a_paragraph_by_a_phrase_of_its_text(page, site_corpus, lang):
    doc, pin = PARAGRAPH
    paragraph = site_corpus.paragraphs[(doc, pin)]
    assert PHRASE in " ".join(paragraph.text.split()), "the test's phrase is no longer in the paragraph"
    results = search(page, lang, PHRASE)
    assert page_url(lang, paragraph.url) in results, results
    # Following the result opens the paragraph's page.
    page.locator(f'.md-search-result__item > a[href*="{page_url(lang, paragraph.url)}"]').first.click()
    page.wait_for_url(f"**/{page_url(lang, paragraph.url)}?h=*")
    assert page.locator("[data-rid-id]").first.get_attribute("data-rid-id") == f"{doc}/{paragraph.slug}"


@pytest.mark.parametrize("lang", ["en", "fr", "ru", "zh"])
def test_search_finds_an_actor_by_its_name(page, site_corpus, lang):
    name = site_corpus.actors["egy"]["name"][lang]
    results = search(page, lang, name)
    assert page_url(lang, "actors/egy/") in results, results


def test_search_finds_a_chinese_word_inside_a_sentence(page, site_corpus):
    # "平台" (platform) is in the middle of the Chinese summary of Egypt's position: without word
    # segmentation the whole sentence is one token, and the word is not found.
    position = "egy-2020-02-13-platform"
    summary = site_corpus.positions[position]["summary"]["zh"]
    assert "平台" in summary and not summary.startswith("平台")
    results = search(page, "zh", "平台")
    assert page_url("zh", f"positions/{position}/") in results, results
