"""The "Cite" feature: what it adds to the site, in every language.

* a cite block on every paragraph and position page (``paragraph_block``, ``position_block``,
  rendered by templates/_cite.html),
* downloads of each of those references as BibTeX, RIS and CSL-JSON, carried by the page itself
  (data: links with a file name: a click saves a-70-174-18.bib, with or without JavaScript), and
  of the whole bibliography as BibTeX, a file per language (``files``). Carried, not written: at
  the scale of the UN record three files per paragraph and position in six languages would be a
  third of a million files to write and publish,
* a bibliography page listing every document (``pages``),
* citation metadata for the <head> of document, paragraph and position pages (``annotate``).

The references come from model/references.py; this module only chooses the words and the addresses.
"""

from __future__ import annotations

import datetime as dt
import os
import weakref
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ..model import cldr, slugs
from ..model import references as citations
from ..model.corpus import Paragraph
from ..model.languages import CODES
from ..model.references import Citation, Reference
from ..records import reproducible
from . import metadata

BIBLIOGRAPHY_URL = "bibliography/"
BIBLIOGRAPHY_FILE = "rid-bibliography.bib"
SCRIPT = "assets/js/cite.js"
FORMAT_NAMES = {"bibtex": "BibTeX", "ris": "RIS", "csl-json": "CSL-JSON"}
MEDIA_TYPES = {
    "bibtex": "application/x-bibtex",
    "ris": "application/x-research-info-systems",
    "csl-json": "application/vnd.citationstyles.csl+json",
}


# --------------------------------------------------------------------------------------------
# References in the reader's language
# --------------------------------------------------------------------------------------------


def words(site) -> citations.Words:
    t = site.t
    placeholder = t("cite.access_placeholder")
    return citations.Words(
        un_doc=t("cite.un_doc", symbol="{symbol}"),
        accessed=t("cite.accessed", date=placeholder),
        accessed_sentence=t("cite.accessed_sentence", date=placeholder),
        placeholder=placeholder,
        conjunction=t("cite.and"),
        no_date=t("cite.no_date"),
        date=t.date,
        comma=t("cite.comma"),
    )


# The UN's document system: https://undocs.org/<symbol> opens a document; with a language code
# first (https://undocs.org/fr/A/70/174) it opens that language's official text, for en, fr, es,
# ru, zh and ar alike: the records' own url fields use this address, and the UN's QR-code service
# (undocs.org/m2/QRCode.ashx?DS=A/HRC/70&Lang=F) links to undocs.org/fr/A/HRC/70.
UN_DOCUMENT_SYSTEM = "https://undocs.org/"


def official_text_url(doc: dict, lang: str) -> str:
    """The UN's official text of a UN document in the reader's language, or "" when the record
    is not one the UN's document system publishes (no symbol, or its address is elsewhere)."""
    symbol, url = doc.get("symbol"), doc.get("url", "")
    if not symbol or not url.startswith(UN_DOCUMENT_SYSTEM):
        return ""
    return f"{UN_DOCUMENT_SYSTEM}{lang}/{symbol}"


def made_on(corpus) -> str:
    """The day the downloads are made, as an ISO date: SOURCE_DATE_EPOCH when the build sets it,
    else the date of the last commit of the content (reproducible.content_epoch), so that two
    builds of the same checkout give the same files."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None or not epoch.strip().isdigit():
        return _content_day(corpus)
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()


_CONTENT_DAY: dict[int, str] = {}  # id(corpus) → its day: git is asked once per corpus


def _content_day(corpus) -> str:
    if id(corpus) not in _CONTENT_DAY:
        epoch = reproducible.content_epoch(Path(__file__).resolve().parents[3], corpus)
        when = dt.datetime.fromtimestamp(epoch, dt.UTC) if epoch is not None else None
        _CONTENT_DAY[id(corpus)] = when.date().isoformat() if when else ""
        # A corpus is not hashable (a dataclass with fields): its entry goes when it does, so that
        # a later corpus given the same id() never reads another's day.
        weakref.finalize(corpus, _CONTENT_DAY.pop, id(corpus), None)
    return _CONTENT_DAY[id(corpus)]


def document_reference(site, doc_id: str) -> Reference:
    work = citations.work_of(site.c, doc_id)
    return Reference(work.key, "document", work, site.absolute(slugs.document_url(doc_id)), site.lang)


def paragraph_reference(site, para: Paragraph) -> Reference:
    work = citations.work_of(site.c, para.document)
    return Reference(
        citations.paragraph_key(work, para.slug),
        "paragraph",
        work,
        site.absolute(para.url),
        site.lang,
        pinpoint=para.pin,
        pin_label=site.pin_label(para),
        numbered=para.numbered,
        made=made_on(site.c),
    )


def position_reference(site, position_id: str) -> Reference:
    pos = site.c.positions[position_id]
    para = site.paragraph_of(pos["source"])
    work = citations.work_of(site.c, para.document)
    actors = site.t("list.separator").join(site.actor_name(a) for a in pos["actors"])
    return Reference(
        citations.position_key(work, position_id),
        "position",
        work,
        site.absolute(slugs.position_url(position_id)),
        site.lang,
        pinpoint=para.pin,
        pin_label=site.pin_label(para),
        numbered=para.numbered,
        made=made_on(site.c),
        position=site.t("cite.position_note", actors=actors, date=site.t.date(pos["date"])),
    )


def formatted(site, ref: Reference) -> list[tuple[str, str, Citation]]:
    """(style id, style name, citation) for each style, in the reader's language."""
    w = words(site)
    return [
        (style, site.t(name_key), citations.FORMATTERS[style](ref, w)) for style, name_key in citations.STYLES.items()
    ]


# --------------------------------------------------------------------------------------------
# Where the downloads go: next to the page, with the language suffix mkdocs-static-i18n reads
# (x.fr.bib in docs/ becomes fr/…/x.bib in the site)
# --------------------------------------------------------------------------------------------


def download_stem(record_id: str) -> str:
    """The file name of a reference's downloads: a-70-174-18.bib, egy-2020-02-13-platform.ris."""
    return record_id.replace("/", "-")


def source_file(page_url: str, filename: str, lang: str) -> str:
    return slugs.file_in_language(page_url + filename, lang)


# --------------------------------------------------------------------------------------------
# The cite block (templates/_cite.html)
# --------------------------------------------------------------------------------------------


@dataclass
class Download:
    format: str  # "bibtex", "ris", "csl-json"
    name: str  # shown: "BibTeX"
    href: str  # a data: URL holding the file
    media_type: str
    filename: str  # what the browser saves it as: a-70-174-18.bib


def data_url(media_type: str, text: str) -> str:
    """The file as a link that needs no file on the server (every character but [A-Za-z0-9_.~-] encoded)."""
    return f"data:{media_type};charset=utf-8,{quote(text, safe='')}"


@dataclass
class Block:
    kind: str  # "paragraph" or "position"
    reference: Reference
    styles: list[tuple[str, str, Citation]]
    downloads: list[Download]
    bibliography_href: str
    script_href: str
    # The BCP 47 locale the copy button writes the reader's day in (Intl.DateTimeFormat), with
    # Latin digits, as the site writes every date (CLDR's locale of the language, cldr.LOCALES).
    date_locale: str = "en-GB"


def _block(site, page_url: str, ref: Reference, record_id: str) -> Block:
    stem = download_stem(record_id)
    downloads = [
        Download(fmt, FORMAT_NAMES[fmt], data_url(MEDIA_TYPES[fmt], write([ref])), MEDIA_TYPES[fmt], f"{stem}.{ext}")
        for fmt, (ext, write) in citations.EXPORTS.items()
    ]
    return Block(
        kind=ref.kind,
        reference=ref,
        styles=formatted(site, ref),
        downloads=downloads,
        bibliography_href=slugs.relative(page_url, BIBLIOGRAPHY_URL),
        # Assets are shared by all languages at the site root, one level above /fr/ pages.
        script_href=slugs.relative(slugs.in_language(page_url, site.lang), SCRIPT),
        date_locale=cldr.LOCALES[site.lang].replace("_", "-") + "-u-nu-latn",
    )


def paragraph_block(site, para: Paragraph) -> Block:
    return _block(site, para.url, paragraph_reference(site, para), f"{para.document}/{para.slug}")


def position_block(site, position_id: str) -> Block:
    return _block(site, slugs.position_url(position_id), position_reference(site, position_id), position_id)


def citable(site):
    """(page URL, record id, reference) of every page that has a cite block, in this language."""
    for doc_id in sorted(site.c.documents):
        for para in site.c.paragraphs_by_document[doc_id]:
            yield para.url, f"{doc_id}/{para.slug}", paragraph_reference(site, para)
    for position_id in sorted(site.c.positions):
        yield slugs.position_url(position_id), position_id, position_reference(site, position_id)


# --------------------------------------------------------------------------------------------
# Feature hooks called by pages.py
# --------------------------------------------------------------------------------------------


def pages(renderer) -> list:
    """The bibliography: every document with its reference in both styles, PAGE_SIZE a page."""
    from .pages import PAGE_SIZE, paged_title, paginate

    site = renderer.site
    docs = site.c.documents_by_date
    title = site.t("section.bibliography")
    return [
        renderer.page(
            "bibliography.html",
            pager["url"],
            "bibliography-index",
            title=paged_title(title, pager),
            entries=[(doc, formatted(site, document_reference(site, doc["id"]))) for doc in chunk],
            bib_file=BIBLIOGRAPHY_URL + BIBLIOGRAPHY_FILE,
            pager=pager,
            total=len(docs),
        )
        for chunk, pager in paginate(BIBLIOGRAPHY_URL, docs, PAGE_SIZE)
    ]


def files(corpus, site_url: str = "") -> dict[str, str]:
    """The whole bibliography as BibTeX, beside the bibliography page of every language
    (docs-relative source path → content; the same text in each)."""
    whole = citations.bibtex_of_entries(
        {doc["bibtex"]: corpus.bibliography[doc["bibtex"]] for doc in corpus.documents.values()}
    )
    return {source_file(BIBLIOGRAPHY_URL, BIBLIOGRAPHY_FILE, lang): whole for lang in CODES}


def annotate(renderer, pages: list) -> None:
    """Citation metadata for <head> on document, paragraph and position pages (page.meta['head'])."""
    site = renderer.site
    for page in pages:
        if page.lang != site.lang:
            continue
        if page.kind == "document":
            ref = document_reference(site, page.record_id)
            ld = metadata.json_ld(ref, page.title, ref.url)
        elif page.kind == "paragraph":
            doc_id, _, slug = page.record_id.partition("/")
            para = next(p for p in site.c.paragraphs_by_document[doc_id] if p.slug == slug)
            ref = paragraph_reference(site, para)
            ld = metadata.json_ld(ref, page.title, site.absolute(slugs.document_url(doc_id)))
        elif page.kind == "position":
            pos = site.c.positions[page.record_id]
            para = site.paragraph_of(pos["source"])
            ref = position_reference(site, page.record_id)
            creators = [_actor_ld(site, a) for a in pos["actors"]]
            part = {"name": site.cite_label(para.document, para.pin), "url": site.absolute(para.url)}
            ld = metadata.json_ld(
                ref,
                page.title,
                site.absolute(slugs.document_url(para.document)),
                part=part,
                creators=creators,
                date=pos["date"],
            )
        else:
            continue
        oscola = citations.oscola(ref, words(site)).text
        page.meta["head"] = metadata.head_html(
            metadata.highwire(ref), metadata.dublin_core(ref, oscola), metadata.script_json(ld)
        )


def _actor_ld(site, actor_id: str) -> dict:
    actor = site.c.actors[actor_id]
    kind = "Country" if actor["kind"] == "state" else "Organization"
    return {"@type": kind, "name": site.actor_name(actor_id), "url": site.absolute(slugs.actor_url(actor_id))}
