"""Metadata for <head> that reference managers and search engines read, from a Reference.

Three vocabularies, each for the readers that use it:

* Highwire Press ``citation_*`` tags (Zotero, Mendeley, Google Scholar): the cited work as a
  reference manager should store it: its title, authors, date, UN symbol, language, and the
  public URL of this page.
* Dublin Core ``DC.*`` / ``DCTERMS.*`` tags: the same work, plus the formatted citation.
* schema.org JSON-LD: this page as a thing of its own, in the page's language (``inLanguage``),
  with the document it belongs to (``isPartOf``, in the document's language). A document page is
  the ``Report`` itself; a paragraph page a ``CreativeWork`` that is part of it; a position page
  a ``CreativeWork`` by its actors, based on the paragraph that states it.

Values are plain text here; head_html escapes them for overrides/main.html. The JSON-LD is returned as text that
is safe inside <script> (no '<', '>' or '&' survives), because it is written there unescaped.
"""

from __future__ import annotations

import json

from ..model.references import Reference, Work

SCHEMA_TYPES = {"techreport": "Report", "report": "Report", "book": "Book", "article": "ScholarlyArticle"}


def highwire(ref: Reference) -> list[tuple[str, str]]:
    w = ref.work
    tags = [("citation_title", w.title)]
    tags += [("citation_author", n.natural) for n in w.authors]
    if w.date:
        tags.append(("citation_publication_date", w.date.replace("-", "/")))
    if w.is_report:
        if w.number:
            tags.append(("citation_technical_report_number", w.number))
        if w.publisher:
            tags.append(("citation_technical_report_institution", w.publisher))
    elif w.publisher:
        tags.append(("citation_publisher", w.publisher))
    if w.language:
        tags.append(("citation_language", w.language))
    tags.append(("citation_public_url", ref.url))
    # Only a URL known to serve the PDF itself: a landing page would be stored as the full text.
    if w.url.lower().endswith(".pdf"):
        tags.append(("citation_pdf_url", w.url))
    return tags


def dublin_core(ref: Reference, citation_text: str = "") -> list[tuple[str, str]]:
    w = ref.work
    tags = [("DC.title", w.title)]
    tags += [("DC.creator", n.natural) for n in w.authors]
    if w.publisher:
        tags.append(("DC.publisher", w.publisher))
    if w.date:
        tags.append(("DC.date", w.date))
    if w.number:
        tags.append(("DC.identifier", w.number))
    tags.append(("DC.identifier", ref.url))
    if w.language:
        tags.append(("DC.language", w.language))
    tags.append(("DC.type", "Text"))
    if citation_text:
        tags.append(("DCTERMS.bibliographicCitation", citation_text))
    return tags


def work_ld(w: Work, site_url: str) -> dict:
    """The document: on this site at site_url, and where it is published (sameAs)."""
    data: dict = {"@type": SCHEMA_TYPES.get(w.entry_type, "CreativeWork"), "name": w.title}
    if w.authors:
        data["author"] = [
            {"@type": "Organization", "name": n.literal}
            if n.literal
            else {"@type": "Person", "familyName": n.family, "givenName": n.given, "name": n.natural}
            for n in w.authors
        ]
    if w.publisher:
        data["publisher"] = {"@type": "Organization", "name": w.publisher}
    if w.date:
        data["datePublished"] = w.date
    if w.number:
        data["reportNumber" if data["@type"] == "Report" else "identifier"] = w.number
    if w.language:
        data["inLanguage"] = w.language
    data["url"] = site_url
    if w.url:
        data["sameAs"] = w.url
    return data


def json_ld(
    ref: Reference,
    name: str,
    document_url: str,
    *,
    part: dict | None = None,
    creators: list[dict] | None = None,
    date: str = "",
) -> dict:
    """The page's JSON-LD. ``document_url``: the document's page on this site. For a position,
    ``part`` is the paragraph it rests on ({'name', 'url'}), ``creators`` its actors."""
    if ref.kind == "document":
        data = work_ld(ref.work, ref.url)
        data["inLanguage"] = ref.lang
        data["@id"] = ref.url
        return {"@context": "https://schema.org", **data}
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "@id": ref.url,
        "url": ref.url,
        "name": name,
        "inLanguage": ref.lang,
    }
    document = work_ld(ref.work, document_url)
    if ref.kind == "paragraph":
        data["position"] = ref.pinpoint
        data["isPartOf"] = document
    else:
        if creators:
            data["creator"] = creators
        if date:
            data["dateCreated"] = date
        data["isBasedOn"] = {
            "@type": "CreativeWork",
            "name": part["name"],
            "url": part["url"],
            "position": ref.pinpoint,
            "isPartOf": document,
        }
        data["isPartOf"] = document
    return data


def script_json(data: dict) -> str:
    """JSON that can sit inside <script type="application/ld+json"> without ending it early."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def head_html(highwire_tags: list[tuple[str, str]], dublin_core_tags: list[tuple[str, str]], json_ld: str) -> str:
    """The <head> block of a page's citation metadata, every value escaped. Made here rather than
    in the theme so that a page stamped from another (stamp.py) gets exactly the same bytes."""
    from markupsafe import escape  # as Jinja's |e: &#39; for '

    lines = [f'<meta name="{escape(n)}" content="{escape(c)}">' for n, c in [*highwire_tags, *dublin_core_tags]]
    lines.append(f'<script type="application/ld+json">{json_ld}</script>')
    return "\n".join(lines)
