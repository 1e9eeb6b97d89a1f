"""References to cite: derived from data/bibliography.bib, formatted in two styles, exported in three formats.

data/bibliography.bib (read with bibtexparser 2) is the single bibliographic source: a paragraph or
a position is cited as its document's entry plus a pinpoint and the address of the page that
shows it, never from fields written by hand. Everything here is a plain function of plain values
(no MkDocs, no templates): the few words a citation needs in the reader's language come in a
``Words`` value made by the caller.

The two styles, chosen because lawyers and political scientists use them:

* OSCOLA (Oxford University Standard for the Citation of Legal Authorities, 4th ed.): UN
  documents as *Title*, UN Doc SYMBOL (date), para N <URL> accessed [date].
* Chicago author-date (Chicago Manual of Style, 17th ed.), reference-list form: Author. Year.
  *Title*. ... Accessed [date]. URL.

The three exchange formats: BibTeX (written with bibtexparser 2), RIS and CSL-JSON. They carry the
same title, date, UN symbol, pinpoint (in the note) and URL, and the date the file was made (the
site's build date) as the date the page was read: BibTeX urldate, RIS Y2, CSL accessed. A
numbered paragraph's CSL-JSON also carries its pinpoint as CSL's own locator ("locator" and
"label": "paragraph"), which a CSL processor prints in a citation: (… 2015, para. 18). A
reference manager keeps a pinpoint per citation, not per item (Zotero's maintainers: a page or
paragraph cited "is specific to a citation"), so the note keeps it for the reader as well.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

import bibtexparser
from bibtexparser.library import Library
from bibtexparser.middlewares import LatexDecodingMiddleware
from bibtexparser.middlewares.names import parse_single_name_into_parts, split_multiple_persons_names
from bibtexparser.model import Entry, Field

STYLES: dict[str, str] = {
    # id → the interface text key of its name
    "oscola": "cite.style.oscola",
    "chicago-author-date": "cite.style.chicago_author_date",
}

# BibTeX entry types → how the other vocabularies name the same kind of work.
_REPORT_TYPES = {"techreport", "report"}
_RIS_TYPES = {
    "techreport": "RPRT",
    "report": "RPRT",
    "online": "ELEC",
    "misc": "GEN",
    "book": "BOOK",
    "article": "JOUR",
}
_CSL_TYPES = {
    "techreport": "report",
    "report": "report",
    "online": "webpage",
    "misc": "document",
    "book": "book",
    "article": "article-journal",
}
_LANGUAGE_CODES = {"english": "en", "french": "fr", "spanish": "es", "russian": "ru", "chinese": "zh", "arabic": "ar"}


# --------------------------------------------------------------------------------------------
# The work: one decoded BibTeX entry
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Name:
    """An author: an institution written as one name (braced in BibTeX), or a person."""

    literal: str = ""
    family: str = ""
    given: str = ""

    @property
    def natural(self) -> str:
        return self.literal or " ".join(p for p in (self.given, self.family) if p)

    @property
    def inverted(self) -> str:
        return self.literal or ", ".join(p for p in (self.family, self.given) if p)


@dataclass(frozen=True)
class Work:
    """A document as its bibliography entry describes it, LaTeX decoded to plain text."""

    key: str
    entry_type: str
    title: str
    authors: tuple[Name, ...]
    publisher: str  # institution, organization or publisher
    number: str  # the UN document symbol, or a report number
    genre: str  # the entry's `type`, e.g. "Background paper"
    date: str  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    language: str  # ISO 639-1 code
    url: str  # where the document itself is published, if known
    raw: tuple[tuple[str, str], ...] = field(repr=False, default=())  # fields as written (LaTeX)

    @property
    def year(self) -> str:
        return self.date[:4]

    @property
    def is_report(self) -> bool:
        return self.entry_type in _REPORT_TYPES

    @property
    def is_un_document(self) -> bool:
        """A report with a UN symbol (A/70/174), cited in the form UN documents have."""
        return self.is_report and "/" in self.number


@lru_cache(maxsize=1)
def _decoder() -> LatexDecodingMiddleware:
    return LatexDecodingMiddleware(keep_braced_groups=False)  # building its LaTeX tables is slow


@cache
def _decode(value: str) -> str:
    """LaTeX → plain text with bibtexparser's own decoder (braces of protected words dropped)."""
    library = Library([Entry("misc", "x", [Field("v", value)])])
    decoded = _decoder().transform(library)
    return " ".join(decoded.entries[0]["v"].split())


def _names(raw: str) -> tuple[Name, ...]:
    names = []
    for one in split_multiple_persons_names(raw):
        one = one.strip()
        if one.startswith("{") and one.endswith("}") and _balanced(one[1:-1]):
            names.append(Name(literal=_decode(one)))  # {United Nations General Assembly}
            continue
        parts = parse_single_name_into_parts(one, strict=False)
        family = " ".join(parts.von + parts.last + ([", ".join(parts.jr)] if parts.jr else []))
        names.append(Name(family=_decode(family), given=_decode(" ".join(parts.first))))
    return tuple(names)


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


def work_from_entry(key: str, entry: dict, fallback_language: str = "") -> Work:
    """``entry`` is one value of Corpus.bibliography: {'type': ..., 'fields': {...}} as parsed."""
    fields = entry["fields"]
    get = lambda name: _decode(fields[name]) if fields.get(name) else ""  # noqa: E731
    date = fields.get("date", "").strip() or fields.get("year", "").strip()
    language = _LANGUAGE_CODES.get(get("language").lower(), fallback_language)
    return Work(
        key=key,
        entry_type=entry["type"].lower(),
        title=get("title"),
        authors=_names(fields["author"]) if fields.get("author") else (),
        publisher=get("institution") or get("organization") or get("publisher"),
        number=get("number"),
        genre=get("type") or get("howpublished"),
        date=date,
        language=language,
        url=fields.get("url", "").strip(),
        raw=tuple(fields.items()),
    )


def work_of(corpus, doc_id: str) -> Work:
    doc = corpus.documents[doc_id]
    return work_from_entry(doc["bibtex"], corpus.bibliography[doc["bibtex"]], doc.get("language", ""))


# --------------------------------------------------------------------------------------------
# The reference: a work, a pinpoint and the page that shows it
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Reference:
    key: str  # the citation key in the exports, derived from the document's key
    kind: str  # "document", "paragraph" or "position"
    work: Work
    url: str  # the public URL of the page cited, in the reader's language
    lang: str  # that page's language
    pinpoint: str = ""  # as the document numbers it: "18", "18(i)", or this site's excerpt id
    pin_label: str = ""  # in the reader's language: "para 18", "par. 18", "excerpt “p3”"
    position: str = ""  # for a position, in the reader's language: "position: Egypt, 13 February 2020"
    numbered: bool = True  # the pinpoint is the document's own number (not this site's excerpt id)
    made: str = ""  # ISO date the downloads were made (the build's date), their access date

    @property
    def note(self) -> str:
        """Where in the work: the pinpoint (and whose position), as every export carries it."""
        return "; ".join(p for p in (self.pin_label, self.position) if p)


def paragraph_key(work: Work, pin_slug: str) -> str:
    return f"{work.key}:para-{pin_slug}"


def position_key(work: Work, position_id: str) -> str:
    return f"{work.key}:{position_id}"


@dataclass(frozen=True)
class Words:
    """The reader's-language words a formatted citation needs (from data/interface.yml)."""

    un_doc: str  # "UN Doc {symbol}"
    accessed: str  # "accessed [date]" (OSCOLA, mid-sentence); the reader fills in the day
    accessed_sentence: str  # "Accessed [date]" (Chicago, starts a sentence)
    conjunction: str  # "and", between the last two authors
    no_date: str  # "n.d."
    date: Callable[[str], str]  # ISO date → the date as the language writes it
    placeholder: str = "[date]"  # inside accessed*: the page's script puts the reader's day there
    # The comma of the reader's language between parts of the reference ("، " in Arabic, "，" in
    # Chinese): a Latin comma inside Arabic text reads as a stray mark.
    comma: str = ", "


# --------------------------------------------------------------------------------------------
# Formatted citations: a sequence of parts, so that a template can mark the title up and a
# copy button can take the plain text
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    text: str
    # "text": the reader's language; "work": words of the bibliography entry (authors,
    # publisher), in the work's language; "title" (italic) and "quoted-title", in that language
    # too; "symbol" and "url", kept whole in right-to-left text.
    kind: str = "text"


@dataclass(frozen=True)
class Citation:
    style: str
    parts: tuple[Part, ...]

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.parts)


def _join_names(names: Iterable[str], conjunction: str, serial_comma: bool = False) -> str:
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    # Chicago inverts the first name ("Vignard, Kerstin"): a comma before "and" keeps it whole.
    return ", ".join(names[:-1]) + ("," if serial_comma else "") + f" {conjunction} " + names[-1]


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def oscola(ref: Reference, words: Words) -> Citation:
    w = ref.work
    parts: list[Part] = []
    authors = _join_names((n.natural for n in w.authors), words.conjunction)
    date = words.date(w.date) if w.date else words.no_date
    if w.is_un_document:
        # The form of the example: *Title*, UN Doc A/70/174 (22 July 2015), para 18
        parts += [Part(w.title, "title"), Part(words.comma)]
        before, _, after = words.un_doc.partition("{symbol}")
        parts += [Part(before), Part(w.number, "symbol"), Part(after), Part(f" ({date})")]
    elif w.is_report:
        if authors:
            parts += [Part(authors, "work"), Part(", ")]
        parts.append(Part(w.title, "title"))
        publication = ", ".join(p for p in (w.genre, w.publisher) if p)
        parts += [Part(" ("), Part(publication, "work"), Part(f" {date})" if publication else f"{date})")]
    else:
        if authors:
            parts += [Part(authors, "work"), Part(", ")]
        parts += [Part(f"‘{w.title}’", "quoted-title"), Part(" (")]
        if w.publisher:
            parts += [Part(w.publisher, "work"), Part(", ")]
        parts.append(Part(f"{date})"))
    if ref.pin_label:
        parts += [Part(words.comma), *_pin_parts(ref.pin_label, ref.pinpoint)]
    if ref.position:
        parts.append(Part(f" ({ref.position})"))
    parts += [Part(" <"), Part(ref.url, "url"), Part("> "), *_accessed(words.accessed, words.placeholder)]
    return Citation("oscola", _merged(parts))


def chicago_author_date(ref: Reference, words: Words) -> Citation:
    w = ref.work
    parts: list[Part] = []
    names = [w.authors[0].inverted, *(n.natural for n in w.authors[1:])] if w.authors else []
    if names:
        parts += [Part(_join_names(names, words.conjunction, serial_comma=True).rstrip("."), "work"), Part(". ")]
    parts.append(Part(f"{w.year or words.no_date}. "))
    if w.is_report:
        parts += [Part(w.title, "title"), Part(". ")]
    else:
        parts += [Part(f"“{w.title}.”", "quoted-title"), Part(" ")]
    if w.genre:
        parts += [Part(w.genre, "work"), Part(". ")]
    if w.number:
        before, _, after = words.un_doc.partition("{symbol}") if w.is_un_document else ("", "", "")
        parts += [Part(_capitalised(before)), Part(w.number, "symbol"), Part(f"{after}. ")]
    if w.publisher:
        parts.append(Part(w.publisher, "work"))
        # A web page's day of publication follows its publisher; a report's year is enough.
        parts.append(Part(f", {words.date(w.date)}. " if not w.is_report and len(w.date) > 4 else ". "))
    if ref.pin_label:
        parts += [*_pin_parts(_capitalised(ref.pin_label), ref.pinpoint), Part(". ")]
    if ref.position:
        parts.append(Part(f"{_capitalised(ref.position)}. "))
    parts += [*_accessed(words.accessed_sentence, words.placeholder), Part(". "), Part(ref.url, "url"), Part(".")]
    return Citation("chicago-author-date", _merged(parts))


def _pin_parts(label: str, pinpoint: str) -> list[Part]:
    """ "para 18(i)" or "excerpt “p3”" with the pinpoint as a "symbol" part, kept whole (and left to
    right) in right-to-left text, where an excerpt id such as "permanent-body" is Latin (a pinpoint
    of digits alone needs nothing)."""
    lettered = any(ch.isalpha() for ch in pinpoint)
    before, found, after = label.partition(pinpoint) if lettered else (label, "", "")
    if not found:
        return [Part(label)]
    return [Part(before), Part(pinpoint, "symbol"), Part(after)]


def _accessed(text: str, placeholder: str) -> list[Part]:
    """ "accessed [date]" with the placeholder as its own part ("access-date"), which the page's
    script fills in with the reader's day."""
    before, found, after = text.partition(placeholder)
    if not found:
        return [Part(text)]
    return [Part(before), Part(placeholder, "access-date"), Part(after)]


FORMATTERS: dict[str, Callable[[Reference, Words], Citation]] = {
    "oscola": oscola,
    "chicago-author-date": chicago_author_date,
}


def _merged(parts: list[Part]) -> tuple[Part, ...]:
    """Adjacent plain-text parts as one, empty ones dropped (a smaller, equal-text sequence)."""
    out: list[Part] = []
    for p in parts:
        if not p.text:
            continue
        if out and p.kind == "text" and out[-1].kind == "text":
            out[-1] = Part(out[-1].text + p.text)
        else:
            out.append(p)
    return tuple(out)


# --------------------------------------------------------------------------------------------
# Exports
# --------------------------------------------------------------------------------------------

_LATEX_SPECIALS = re.compile(r"([&%$#_{}])|(\\)|(~)|(\^)")


def latex_escape(text: str) -> str:
    """Plain text (our own words: a pinpoint, a State's name) as a safe BibTeX field value."""

    def one(m: re.Match) -> str:
        if m.group(1):
            return "\\" + m.group(1)
        if m.group(2):
            return r"\textbackslash{}"
        if m.group(3):
            return r"\textasciitilde{}"
        return r"\textasciicircum{}"

    return _LATEX_SPECIALS.sub(one, text)


def bibtex_entry(ref: Reference) -> Entry:
    """The document's entry as written in the bibliography, re-keyed, with the page's URL and
    the pinpoint in the note. Fields come from the source untouched (they are LaTeX already)."""
    fields = [Field(k, v) for k, v in ref.work.raw if k not in ("url", "note", "urldate")]
    if ref.note:
        fields.append(Field("note", latex_escape(ref.note)))
    fields.append(Field("url", ref.url))
    if ref.made:
        fields.append(Field("urldate", ref.made))
    return Entry(ref.work.entry_type, ref.key, fields)


def bibtex(refs: Iterable[Reference]) -> str:
    return bibtexparser.write_string(Library([bibtex_entry(r) for r in refs]))


def bibtex_of_entries(entries: dict[str, dict]) -> str:
    """The whole bibliography (every document), written again with bibtexparser 2."""
    blocks = [
        Entry(e["type"], key, [Field(k, v) for k, v in e["fields"].items()]) for key, e in sorted(entries.items())
    ]
    return bibtexparser.write_string(Library(blocks))


def ris(refs: Iterable[Reference]) -> str:
    lines: list[str] = []
    for ref in refs:
        w = ref.work
        tags = [("TY", _RIS_TYPES.get(w.entry_type, "GEN")), ("ID", ref.key), ("TI", w.title)]
        tags += [("AU", n.inverted) for n in w.authors]
        if w.date:
            tags.append(("PY", w.year))
        if len(w.date) > 4:
            y, m, d = (w.date.split("-") + [""])[:3]
            tags.append(("DA", f"{y}/{m}/{d}/"))
        if w.number:
            tags.append(("SN", w.number))  # the report number (Zotero: reportNumber)
        if w.genre:
            tags.append(("M3", w.genre))  # the report type
        if w.publisher:
            tags.append(("PB", w.publisher))
        if w.language:
            tags.append(("LA", w.language))
        tags.append(("UR", ref.url))
        if ref.made:
            tags.append(("Y2", ref.made.replace("-", "/")))  # access date: when the file was made
        if ref.note:
            tags.append(("N1", ref.note))
        tags.append(("ER", ""))
        # RIS is one line per tag: a line break inside a value would start a bogus tag.
        lines += [f"{tag}  - {' '.join(value.split())}" for tag, value in tags]
        lines.append("")
    return "\n".join(lines)


def csl_item(ref: Reference) -> dict:
    w = ref.work
    item: dict = {"id": ref.key, "type": _CSL_TYPES.get(w.entry_type, "document"), "title": w.title}
    if w.authors:
        item["author"] = [
            {"literal": n.literal} if n.literal else {"family": n.family, "given": n.given} for n in w.authors
        ]
    if w.date:
        item["issued"] = {"date-parts": [[int(p) for p in w.date.split("-")]]}
    if w.number:
        item["number"] = w.number
    if w.genre:
        item["genre"] = w.genre
    if w.publisher:
        item["publisher"] = w.publisher
    if w.language:
        item["language"] = w.language
    item["URL"] = ref.url
    if ref.note:
        item["note"] = ref.note
    if ref.pinpoint and ref.numbered:
        item["locator"], item["label"] = ref.pinpoint, "paragraph"
    if ref.made:
        item["accessed"] = {"date-parts": [[int(p) for p in ref.made.split("-")]]}
    return item


def csl_json(refs: Iterable[Reference]) -> str:
    return json.dumps([csl_item(r) for r in refs], ensure_ascii=False, indent=2) + "\n"


EXPORTS: dict[str, tuple[str, Callable[[Iterable[Reference]], str]]] = {
    # format id → (file extension, writer)
    "bibtex": ("bib", bibtex),
    "ris": ("ris", ris),
    "csl-json": ("json", csl_json),
}
