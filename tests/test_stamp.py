"""Stamping a record page from another of its kind (ridsite.publish.stamp): exact, or refused."""

from __future__ import annotations

import json

import pytest

from ridsite.publish.stamp import Parts, StampError, make_shell, stampable


def page(url: str, title: str, head: str, body: str) -> str:
    """Roughly what Material writes around a generated page, with the slots where it puts them."""
    return (
        f'<html><head><link rel="canonical" href="https://example.org/{url}">\n'
        f'<link rel="alternate" href="/fr/{url}" hreflang="fr">\n'
        f"<title>{title} - The site</title>{head}</head>\n"
        '<body><a href="../../assets/x.css">x</a><div class="md-header__topic" data-md-component="header-topic">\n'
        f'  <span class="md-ellipsis">\n    {title}\n  </span></div>\n'
        f'<a href="/es/{url}" hreflang="es">es</a><article>{body}</article></body></html>'
    )


def parts(url: str, title: str, head: str = "<meta name=x>", body: str = "<p>body</p>") -> Parts:
    return Parts(url=url, kind="position", title=title, head=head, body=body)


def test_a_page_stamped_from_another_is_the_page_the_theme_would_write():
    exemplar = parts("positions/egy-1/", "Egypt, 13 February 2020", body="<p>Egypt's words</p>")
    shell = make_shell(page(exemplar.url, exemplar.title, exemplar.head, exemplar.body), exemplar)
    # A title with characters that mean something to regular expressions and HTML, already escaped.
    other = parts("positions/chn-2/", "China (a.k.a. [PRC]) &amp; *others*", "<meta name=y>", "<p>Other words</p>")
    assert shell.fill(other) == page(other.url, other.title, other.head, other.body)


def test_a_shell_refuses_a_page_of_another_kind_or_depth():
    exemplar = parts("positions/egy-1/", "Egypt")
    shell = make_shell(page(exemplar.url, exemplar.title, exemplar.head, exemplar.body), exemplar)
    with pytest.raises(StampError, match="cannot be stamped"):
        shell.fill(parts("positions/egy-1/page/2/", "Egypt"))
    with pytest.raises(StampError, match="citation metadata"):
        shell.fill(parts("positions/egy-2/", "Egypt", head=""))


def test_an_exemplar_without_a_slot_is_refused():
    exemplar = parts("positions/egy-1/", "Egypt")
    html = page(exemplar.url, exemplar.title, exemplar.head, exemplar.body).replace("<title>Egypt - ", "<title>")
    with pytest.raises(StampError, match="title is in <title> 0 times"):
        make_shell(html, exemplar)
    with pytest.raises(StampError, match="body is not on the page"):
        make_shell(page(exemplar.url, exemplar.title, exemplar.head, "<p>else</p>"), exemplar)


def test_the_parts_of_a_page_are_what_its_markdown_file_gives_the_theme():
    from ridsite.render.pages import Page, markdown_file

    page = Page(
        "documents/a-70-174/18/", "fr", 'A/70/174 "18" & co', "<div>body</div>", "paragraph", meta={"head": "<meta>"}
    )
    got = Parts.of_page(page)
    # The theme writes the front matter's title as it is: escaped there, escaped here.
    assert json.loads(markdown_file(page).split("\n")[1])["title"] == got.title
    escaped = "A/70/174 &quot;18&quot; &amp; co"
    assert got == Parts("documents/a-70-174/18/", "paragraph", escaped, "<meta>", "<div>body</div>")
    assert got.key == ("paragraph", 3)
    assert stampable(got)
    # Index pages are in the navigation (marked active there): MkDocs builds them.
    assert not stampable(Parts.of_page(Page("documents/", "fr", "Documents", "", "documents-index")))
