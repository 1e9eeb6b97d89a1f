"""The cite block's copy buttons in Chromium: one click puts the citation on the clipboard, with no
request off the site (the conftest fails the test otherwise); without JavaScript the buttons stay
hidden and the citation is plain, selectable text."""

from __future__ import annotations

import pytest

from .sample import page_url

PARAGRAPH = "documents/a-70-174/18/"
POSITION = "positions/egy-2020-02-13-platform/"


@pytest.mark.parametrize(
    "lang, url, style",
    [
        ("en", PARAGRAPH, "oscola"),
        ("fr", PARAGRAPH, "chicago-author-date"),
        ("ar", POSITION, "oscola"),
    ],
)
def test_copy_button_puts_the_citation_on_the_clipboard(open_context, lang, url, style):
    page = open_context(permissions=["clipboard-read", "clipboard-write"]).new_page()
    page.goto(page_url(lang, url))
    text = page.locator(f"#cite-text-{style}")
    button = page.locator(f'button[data-rid-copy="cite-text-{style}"]')
    button.wait_for(state="visible")  # cite.js has shown it
    button.click()
    status = button.locator("xpath=following-sibling::*[@role='status']")
    page.wait_for_function("el => el.textContent.length > 0", arg=status.element_handle())
    assert status.text_content() == status.get_attribute("data-rid-copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == text.text_content()
    assert ("A/70/174" if url == PARAGRAPH else "p3") in copied
    # cite.js writes the reader's day in place of the access-date placeholder, in the page's language.
    locale = page.locator("[data-rid-date-locale]").first.get_attribute("data-rid-date-locale")
    today = page.evaluate(
        "l => new Intl.DateTimeFormat(l, {day: 'numeric', month: 'long', year: 'numeric'}).format(new Date())", locale
    )
    assert today in copied and "[" not in copied.split(">")[-1], copied


def test_without_javascript_the_citation_is_plain_text_and_the_downloads_are_links(open_context):
    page = open_context(java_script_enabled=False).new_page()
    page.goto(page_url("en", PARAGRAPH))
    assert page.locator("#cite-text-oscola").is_visible()
    assert "accessed [date]" in page.locator("#cite-text-oscola").text_content()  # for the reader to fill in
    assert page.locator("button[data-rid-copy]").first.is_hidden()
    for fmt, ext in (("bibtex", "bib"), ("ris", "ris"), ("csl-json", "json")):
        link = page.locator(f'#cite a[data-rid-format="{fmt}"]')
        assert link.is_visible()
        # A click saves the file under its own name, with no request to any server.
        with page.expect_download() as saving:
            link.click()
        download = saving.value
        assert download.suggested_filename == f"a-70-174-18.{ext}"
        with open(download.path(), encoding="utf-8") as saved:
            assert "documents/a-70-174/18/" in saved.read()
