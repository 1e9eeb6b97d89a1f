"""The built site, as a researcher and a reference manager read it: the cite block on every
paragraph and position page, its downloads, the bibliography page, and the metadata in <head>
read by real extractors (extruct for JSON-LD and Dublin Core, lxml for Highwire citation_* tags).
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from urllib.parse import unquote

import bibtexparser
import extruct
import jinja2
import lxml.html
import pytest

from conftest import ROOT, pagefind_fragments
from ridsite.model import references as citations
from ridsite.model import slugs
from ridsite.model.languages import CODES
from ridsite.publish.runner import site_url
from ridsite.records.load import load_corpus
from ridsite.render import cite, metadata
from ridsite.render.assemble import render_all
from ridsite.render.pages import Site

# What mkdocs.yml makes of site_url in the test build (the same !ENV rule).
SITE_URL = site_url(ROOT)  # mkdocs.yml's, the one default


def prefix(lang: str) -> str:
    return slugs.language_root(lang)


def page_path(site: Path, lang: str, url: str) -> Path:
    return site / prefix(lang) / url / "index.html"


@pytest.fixture(scope="module")
def site_corpus(built):
    """The records the site was built from (the project copy's)."""
    return load_corpus(built[0] / "data")


@pytest.fixture(scope="module")
def site_pages(site_corpus):
    return render_all(site_corpus, site_url=SITE_URL)


def tree(path: Path):
    return lxml.html.fromstring(path.read_bytes())


def test_cite_block_on_every_paragraph_and_position_page_in_every_language(built, site_corpus):
    _, site, _ = built
    checked = 0
    for lang in CODES:
        s = Site(site_corpus, lang, SITE_URL)
        for page_url, _record_id, ref in cite.citable(s):
            path = page_path(site, lang, page_url)
            doc = tree(path)
            (block,) = doc.xpath('//section[@id="cite"]')
            heading = block.xpath("./h2")[0].text_content()
            assert heading == s.t(f"cite.heading_{ref.kind}")
            for style, name, citation in cite.formatted(s, ref):
                (text,) = block.xpath(f'.//p[@id="cite-text-{style}"]')
                assert text.text_content() == citation.text, (lang, page_url, style)
                assert block.xpath(f'.//h3[@id="cite-{style}"]')[0].text_content() == name
                (button,) = block.xpath(f'.//button[@data-rid-copy="cite-text-{style}"]')
                assert button.get("hidden") is not None  # shown by cite.js; without it, plain text
            # The downloads are the files themselves (data: links with a file name), built from
            # the same reference.
            links = {a.get("data-rid-format"): a for a in block.xpath(".//a[@download]")}
            assert set(links) == {"bibtex", "ris", "csl-json"}
            for fmt, a in links.items():
                assert a.get("download").endswith({"bibtex": ".bib", "ris": ".ris", "csl-json": ".json"}[fmt])
                head, _, data = a.get("href").partition(",")
                assert head == f"data:{a.get('type')};charset=utf-8", (lang, page_url)
                assert ref.url in unquote(data)
            (script,) = block.xpath(".//script")
            assert (path.parent / script.get("src")).resolve() == (site / "assets" / "js" / "cite.js").resolve()
            checked += 1
    assert checked == (len(site_corpus.paragraphs) + len(site_corpus.positions)) * len(CODES)


def test_cite_script_is_loaded_only_by_pages_with_a_cite_block(built):
    _, site, _ = built
    assert (site / "assets" / "js" / "cite.js").is_file()
    wrong = []
    for path in site.rglob("index.html"):
        html = path.read_text(encoding="utf-8")
        if ("assets/js/cite.js" in html) != ('<section class="rid-cite"' in html):
            wrong.append(path.relative_to(site).as_posix())
    assert wrong == []


def test_cite_blocks_stay_out_of_the_search_index(built):
    """Every paragraph's block repeats its document's title: indexed, it would drown the results."""
    _, site, _ = built
    fragments = pagefind_fragments(site / "pagefind")
    assert any("regular institutional dialogue" in f["content"].lower() for f in fragments.values())
    # The bibliography page is made of references, so it is the one page where they are content.
    leaking = sorted(
        {
            url
            for url, f in fragments.items()
            if not url.lstrip("/").startswith(cite.BIBLIOGRAPHY_URL)
            and ("accessed [date]" in f["content"] or "Cite this paragraph" in f["content"])
        }
    )
    assert leaking == []
    html = page_path(site, "en", "documents/a-70-174/18/").read_text(encoding="utf-8")
    assert 'data-search-exclude data-pagefind-ignore="all"' in html


def test_downloads_served_in_each_language_carry_that_languages_page(built):
    _, site, _ = built

    def saved(lang: str, fmt: str) -> str:
        (a,) = tree(page_path(site, lang, "documents/a-70-174/18/")).xpath(f'//a[@download][@data-rid-format="{fmt}"]')
        assert a.get("download") == "a-70-174-18." + {"bibtex": "bib", "ris": "ris"}[fmt]
        return unquote(a.get("href").partition(",")[2])

    en, fr = saved("en", "bibtex"), saved("fr", "bibtex")
    assert f"url = {{{SITE_URL}documents/a-70-174/18/}}" in en and "note = {para 18}" in en
    assert f"url = {{{SITE_URL}fr/documents/a-70-174/18/}}" in fr and "note = {par. 18}" in fr
    (ris,) = [line for line in saved("ar", "ris").splitlines() if line.startswith("UR  - ")]
    assert ris == f"UR  - {SITE_URL}ar/documents/a-70-174/18/"
    # No file per reference: at the scale of the UN record, a third of a million of them.
    assert not list(site.glob("documents/a-70-174/18/*.bib"))


def test_bibliography_page_lists_every_document_with_the_whole_bib(built, site_corpus):
    _, site, _ = built
    for lang in CODES:
        path = page_path(site, lang, cite.BIBLIOGRAPHY_URL)
        doc = tree(path)
        entries = doc.xpath('//section[contains(@class, "rid-bibliography__entry")]')
        assert {e.get("id") for e in entries} == set(site_corpus.documents)
        s = Site(site_corpus, lang, SITE_URL)
        for e in entries:
            ref = cite.document_reference(s, e.get("id"))
            shown = {dd.get("data-rid-cite-style"): dd.text_content() for dd in e.xpath(".//dd[@data-rid-cite-style]")}
            assert shown == {style: c.text for style, _, c in cite.formatted(s, ref)}
        (download,) = doc.xpath('//a[@download][@data-rid-format="bibtex"]')
        library = bibtexparser.parse_string((path.parent / download.get("href")).read_text(encoding="utf-8"))
        assert library.failed_blocks == []
        assert {e.key for e in library.entries} == {d["bibtex"] for d in site_corpus.documents.values()}
    # Every cite block links to it.
    html = page_path(site, "es", "documents/a-70-174/18/").read_text(encoding="utf-8")
    assert 'href="../../../bibliography/"' in html


def highwire_tags(doc) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for meta in doc.xpath('//head/meta[starts-with(@name, "citation_")]'):
        out.setdefault(meta.get("name"), []).append(meta.get("content"))
    return out


def metadata_pages(corpus):
    """Every document page, one paragraph page per document, every position page."""
    for doc_id in sorted(corpus.documents):
        yield "document", f"documents/{doc_id}/", doc_id
        para = corpus.paragraphs_by_document[doc_id][0]
        yield "paragraph", para.url, doc_id
    for pos_id, pos in sorted(corpus.positions.items()):
        yield "position", f"positions/{pos_id}/", pos["source"]["document"]


def test_embedded_metadata_is_extracted_and_matches_the_record(built, site_corpus):
    _, site, _ = built
    for lang in CODES:
        for kind, url, doc_id in metadata_pages(site_corpus):
            record = site_corpus.documents[doc_id]
            work = citations.work_of(site_corpus, doc_id)
            public = f"{SITE_URL}{prefix(lang)}{url}"
            path = page_path(site, lang, url)
            html = path.read_text(encoding="utf-8")
            where = (lang, url)

            # Highwire Press tags, read as Zotero and Google Scholar read them.
            hw = highwire_tags(lxml.html.fromstring(html))
            assert hw["citation_title"] == [work.title], where
            assert hw["citation_public_url"] == [public], where
            assert hw["citation_language"] == [record["language"]], where
            # An undated work (a bound only) has no publication date rather than an invented one.
            assert hw.get("citation_publication_date") == ([work.date.replace("-", "/")] if work.date else None), where
            assert hw["citation_author"] == [n.natural for n in work.authors], where
            if record.get("symbol") and work.is_report:  # a resolution or a statement has no report number
                assert hw["citation_technical_report_number"] == [record["symbol"]], where

            data = extruct.extract(html, base_url=public, syntaxes=["json-ld", "dublincore"], uniform=False)
            # Dublin Core (extruct): the same work, and this page's address as an identifier.
            dc = {}
            for element in data["dublincore"][0]["elements"]:
                dc.setdefault(element["name"], []).append(element["content"])
            assert dc["DC.title"] == [work.title], where
            assert public in dc["DC.identifier"], where
            if record.get("symbol"):
                assert record["symbol"] in dc["DC.identifier"], where
            terms = {t["name"]: t["content"] for t in data["dublincore"][0]["terms"]}
            assert terms["DCTERMS.bibliographicCitation"].startswith(
                work.title if record.get("symbol") and work.is_report else work.authors[0].natural
            )

            # schema.org JSON-LD (extruct): this page, in this page's language, part of the document.
            (ld,) = data["json-ld"]
            assert ld["inLanguage"] == lang, where
            assert ld["url"] == public, where
            document = ld if kind == "document" else ld["isPartOf"]
            assert document["@type"] == ("Report" if work.is_report else "CreativeWork"), where
            assert document["name"] == work.title
            assert document["inLanguage"] == (lang if kind == "document" else record["language"])
            assert document.get("datePublished") == (work.date or None), where  # none for an undated work
            if record.get("symbol") and work.is_report:  # schema.org: a Report has a number
                assert document["reportNumber"] == record["symbol"], where
            if kind == "paragraph":
                assert (
                    ld["@type"] == "CreativeWork"
                    and ld["position"] == site_corpus.paragraphs_by_document[doc_id][0].pin
                )
                assert document["url"] == f"{SITE_URL}{prefix(lang)}documents/{doc_id}/"
            if kind == "position":
                pos = site_corpus.positions[url.split("/")[1]]
                assert ld["dateCreated"] == pos["date"]
                assert [c["url"] for c in ld["creator"]] == [
                    f"{SITE_URL}{prefix(lang)}actors/{a}/" for a in pos["actors"]
                ]
                para = site_corpus.paragraph(pos["source"])
                assert ld["isBasedOn"]["url"] == f"{SITE_URL}{prefix(lang)}{para.url}"


def test_pages_without_a_record_to_cite_carry_no_citation_metadata(built):
    _, site, _ = built
    for url in ("", "actors/egy/", "criteria/regular/", "methodology/"):
        html = page_path(site, "fr", url).read_text(encoding="utf-8")
        assert "citation_title" not in html and "application/ld+json" not in html, url


HOSTILE = '</script><script>alert(1)</script> "quoted" <b>bold</b> & more'


def test_head_metadata_is_escaped_and_the_json_ld_cannot_end_its_script():
    """metadata.head_html, written by overrides/main.html, with record text meant to break out of
    the attribute and the script."""
    source = (ROOT / "overrides" / "main.html").read_text(encoding="utf-8")
    env = jinja2.Environment(
        loader=jinja2.DictLoader({"main.html": source, "base.html": "<head>{% block extrahead %}{% endblock %}</head>"})
    )
    data = {"@type": "CreativeWork", "name": HOSTILE}
    head = metadata.head_html([("citation_title", HOSTILE)], [("DC.title", HOSTILE)], metadata.script_json(data))
    out = env.get_template("main.html").render(page={"meta": {"rid": {"head": head}}})
    assert "<script>alert(1)" not in out and "<b>bold" not in out
    assert out.count("</script>") == 1  # only the JSON-LD's own end tag
    doc = lxml.html.fromstring(out)
    assert doc.xpath('//meta[@name="citation_title"]/@content') == [HOSTILE]
    assert doc.xpath('//meta[@name="DC.title"]/@content') == [HOSTILE]
    (script,) = doc.xpath('//script[@type="application/ld+json"]')
    assert json.loads(script.text) == data
    # A page with no citation metadata gets none (and no error).
    assert "<meta" not in env.get_template("main.html").render(page={"meta": {}})


# -- issue 15: provenance beside the citation, the UN's own text, the reader's day ---------------
_RENDERED: dict[tuple[int, str], dict] = {}


def _rendered(corpus, lang: str, url: str):
    """One page as the build renders it; a language's pages are rendered once per corpus."""
    from ridsite.render.assemble import Renderer, all_pages

    key = (id(corpus), lang)
    if key not in _RENDERED:
        _RENDERED[key] = {p.url: p for p in all_pages(Renderer(corpus, lang, SITE_URL))}
    return lxml.html.fromstring(_RENDERED[key][url].body)


@pytest.mark.parametrize("lang", CODES)
def test_paragraph_page_says_where_its_text_was_read_and_links_the_official_text(corpus, lang):
    doc = corpus.documents["a-70-174"]
    tree = _rendered(corpus, lang, "documents/a-70-174/18/")
    (note,) = tree.xpath("//*[@data-rid-provenance]")
    assert " ".join(doc["attribution"].split()) in " ".join(note.text_content().split())
    assert "UNIDIR" in note.text_content()  # the secondary source is named beside the citation
    (official,) = note.xpath(".//a[@data-rid-official-text]")
    assert official.get("href") == f"https://undocs.org/{lang}/A/70/174" and official.get("hreflang") == lang
    (block,) = tree.xpath("//*[@data-rid-cite]")
    assert block.get("data-rid-date-locale").endswith("-u-nu-latn")
    # The copy button's script writes the reader's day here; without it the placeholder stays.
    assert [s.text for s in block.xpath(".//*[@data-rid-access-date]")] == [
        cite.words(Site(corpus, lang)).placeholder
    ] * 2


def test_only_un_documents_link_to_an_official_text(corpus):
    for doc_id, doc in corpus.documents.items():
        links = _rendered(corpus, "fr", f"documents/{doc_id}/").xpath("//a[@data-rid-official-text]/@href")
        expected = (
            [f"https://undocs.org/fr/{doc['symbol']}"]
            if doc.get("symbol") and doc.get("url", "").startswith("https://undocs.org/")
            else []
        )
        assert links == expected, doc_id
    assert cite.official_text_url(corpus.documents["dw-2020-02-13-rid"], "fr") == ""


@pytest.mark.parametrize("lang", ["en", "ar", "zh"])
def test_an_unnumbered_passage_is_named_as_a_reader_would_never_by_its_internal_id(corpus, lang):
    """Issue 17 (5): a passage the source prints no number for is named by its heading or its first
    words in the page title, the heading, the breadcrumbs and the previous/next links; its stable id
    stays only in the address and the citation's pinpoint."""
    from ridsite.render.assemble import Renderer

    renderer = Renderer(corpus, lang)
    unnumbered = [p for p in corpus.paragraphs.values() if not p.numbered]
    assert unnumbered
    for para in unnumbered:
        page = renderer.paragraph(para)
        internal = renderer.site.t("para.excerpt", pin=para.pin)
        h1 = page.body.split("<h1>", 1)[1].split("</h1>", 1)[0]
        nav = page.body.split('class="rid-pager"', 1)[1]
        for where, text in (("title", page.title), ("h1", html.unescape(h1)), ("prev/next", html.unescape(nav))):
            assert internal not in text, (para.url, where, text)
        assert renderer.site.passage_label(para) in page.title
