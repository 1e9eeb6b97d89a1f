"""Start a new record file (`rid new …`): every required field, the editor's schema line, comments.

A maintainer gives a few facts (who, which document, which paragraph); everything that can be
checked is checked here first, so a typo gets a "Did you mean …?" before any file exists. The
file is written with the cited paragraph's text as the starting quote and with the site's own
words (summary, title) left empty: `rid check` then points at exactly what is left to write, and
an unfinished file can never pass the check and reach the site.

Plain functions over a Corpus; the command line in cli/commands.py only parses arguments and prints.
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..model import schema, slugs
from ..model.corpus import Corpus
from ..model.languages import CODES
from ..model.problems import did_you_mean
from .load import read_records

WIDTH = 96  # wrap long text as the existing records do
DATE_FORM = "YYYY-MM-DD; YYYY-MM or YYYY if no more is known"


class ScaffoldError(Exception):
    """A fact given on the command line is wrong; the message says what would be right."""


@dataclass
class NewFile:
    folder: str  # under data/, e.g. "positions"
    record_id: str
    text: str
    next_steps: list[str] = field(default_factory=list)

    @property
    def relative_path(self) -> str:
        return f"{self.folder}/{self.record_id}.yml"


def known_records(data_dir: Path) -> Corpus:
    """The records that are valid today. A half-finished file elsewhere must not block `rid new`."""
    corpus, _sources, _problems = read_records(data_dir)
    return corpus


def write_new(data_dir: Path, new: NewFile) -> Path:
    """Write the file; never overwrite one (it may hold someone's work)."""
    path = data_dir / new.relative_path
    if path.exists():
        raise ScaffoldError(f"{path.as_posix()} already exists; give another id (or edit that file)")
    folder = data_dir / new.folder
    elsewhere = sorted(folder.rglob(f"{new.record_id}.yml")) if folder.is_dir() else []  # records may sit in subfolders
    if elsewhere:
        raise ScaffoldError(f"{elsewhere[0].as_posix()} already has the id '{new.record_id}'; give another id")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(new.text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------------------------
# Checking the facts given on the command line
# --------------------------------------------------------------------------------------------


def _require(value: str, known, what: str, listing: str) -> str:
    if value in known:
        return value
    raise ScaffoldError(f"unknown {what} '{value}'.{did_you_mean(value, known, listing)}")


def _check_id(value: str, what: str, option: str = "--id") -> str:
    # The id is the file's name: past the record's limit (far below the filesystem's) it is refused
    # here, with the start of it, rather than as "File name too long" from the disk.
    limit = schema.Id().max_length
    if len(value) > limit:
        shown = value[:40] + "…"
        part = " (the id is <actor>-<date>-<topic>)" if what == "id" and option == "--topic" else ""
        raise ScaffoldError(
            f"the {what} '{shown}' is {len(value):,} characters long; an id has at most {limit}{part}. "
            f"Give a shorter {option}: a few words, e.g. platform"
        )
    if not re.fullmatch(schema.ID_PATTERN, value):
        suggestion = re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")
        hint = f" Did you mean '{suggestion}'?" if suggestion else ""
        raise ScaffoldError(f"the {what} '{value}' must use {schema.ID_FORM}.{hint}")
    return value


def _check_date(value: str) -> str:
    messages = [message for _path, message in schema.Date().check(value, ())]
    if messages:
        raise ScaffoldError(f"--date: {messages[0]}")
    return value


def _document_id(corpus: Corpus, document: str) -> str:
    # Maintainers copy the symbol from the document itself: accept A/70/174 for a-70-174.
    if document not in corpus.documents and "/" in document:
        document = slugs.symbol_slug(document)
    return _require(document, corpus.documents, "document", "data/documents/")


def _paragraph_pin(corpus: Corpus, doc_id: str, paragraph: str) -> str:
    pins = [p.pin for p in corpus.paragraphs_by_document.get(doc_id, [])]
    if paragraph in pins:
        return paragraph
    by_slug = {slugs.pinpoint_slug(pin): pin for pin in pins}  # 18-i, as in the page address
    if slugs.pinpoint_slug(paragraph) in by_slug:
        return by_slug[slugs.pinpoint_slug(paragraph)]
    raise ScaffoldError(
        f"document '{doc_id}' has no paragraph '{paragraph}'.{did_you_mean(paragraph, pins)} If the document has it, "
        f"add the paragraph to data/documents/{doc_id}.yml first (CONTRIBUTING, 'Add a document with its paragraphs')"
    )


# --------------------------------------------------------------------------------------------
# Writing YAML that reads back exactly
# --------------------------------------------------------------------------------------------

_PLAIN_OK = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def scalar(value: str) -> str:
    """A one-line YAML value: bare when YAML reads it back as the same text, else double-quoted."""
    if _PLAIN_OK.match(value) and value not in _YAML_WORDS and not re.fullmatch(r"[0-9]+", value):
        return value
    return json.dumps(value, ensure_ascii=False)  # a JSON string is valid YAML, escapes included


def date_scalar(value: str) -> str:
    # A full date reads back as text through our loader; a bare year would be read as a number.
    return value if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else json.dumps(value)


def block(key: str, text: str, indent: int = 0) -> str:
    """`key: >-` and the text folded to WIDTH, if that reads back identically; else a quoted line."""
    pad = " " * (indent + 2)
    lines = textwrap.wrap(text, width=WIDTH - len(pad), break_long_words=False, break_on_hyphens=False)
    candidate = f"{' ' * indent}{key}: >-\n" + "".join(f"{pad}{line}\n" for line in lines)
    try:
        if lines and yaml.safe_load(candidate)[key] == text:
            return candidate
    except yaml.YAMLError:
        pass
    return f"{' ' * indent}{key}: {json.dumps(text, ensure_ascii=False)}\n"


def comment(text: str) -> str:
    """Record text shown inside a comment: one line, so it can never end the comment."""
    return " ".join(str(text).split())


def _line(line: str, note: str, column: int = 40) -> str:
    """One line of the file, ending in a newline, with its note as a comment aligned at column."""
    return (f"{line.ljust(column - 1)} # {comment(note)}" if note else line) + "\n"


def _modeline(kind: str) -> str:
    return f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json\n"


def _stance_lines(corpus: Corpus) -> str:
    out = ["# ✎ One stance per criterion, as the quote supports it; keep not-stated where it says nothing.\n"]
    out.append("stances:\n")
    for crit in corpus.criteria:
        choices = ", ".join(s["id"] for s in crit["stances"])
        out.append(_line(f"  {crit['id']}: {corpus.not_stated['id']}", f"or: {choices}"))
    return "".join(out)


def _summary_lines(what: str = "summary") -> str:
    others = ", ".join(CODES[1:])
    return (
        f"# ✎ A short, neutral {what} in the site's own words (not a quote). English is required;\n"
        f"#   add {others} when you can (a reviewer can too).\n"
        f"{what}:\n"
        '  en: ""\n'
    )


def _label(corpus: Corpus, doc_id: str) -> str:
    doc = corpus.documents[doc_id]
    short = doc.get("short_title", {}).get("en", "")
    return " — ".join(x for x in (doc.get("symbol", ""), short) if x) or doc["title"]


def _source_lines(corpus: Corpus, doc_id: str, pin: str) -> str:
    return (
        "source:\n"
        + _line(f"  document: {doc_id}", _label(corpus, doc_id))
        + _line(f"  paragraph: {json.dumps(pin, ensure_ascii=False)}", "as on the paragraph's page")
    )


def _names(corpus: Corpus, actors: list[str]) -> str:
    return ", ".join(corpus.actors[a]["name"].get("en", a) for a in actors)


# --------------------------------------------------------------------------------------------
# The four kinds a maintainer adds
# --------------------------------------------------------------------------------------------


def new_position(
    corpus: Corpus,
    actors: list[str],
    document: str,
    paragraph: str,
    date: str | None = None,
    topic: str | None = None,
    record_id: str | None = None,
) -> NewFile:
    if not actors:
        raise ScaffoldError("name at least one actor, for example --actor egy")
    actors = [_require(a, corpus.actors, "actor", "data/actors/") for a in actors]
    doc_id = _document_id(corpus, document)
    pin = _paragraph_pin(corpus, doc_id, paragraph)
    doc = corpus.documents[doc_id]
    date = _check_date(date) if date else doc["date"]
    if record_id is None:
        # <actor>-<date>-<topic>; without a topic, the pinpoint keeps the id unique and meaningful.
        topic = _check_id(topic, "topic", "--topic") if topic else f"{doc_id}-{slugs.pinpoint_slug(pin)}"
        record_id = f"{actors[0]}-{date}-{topic}"
    _check_id(record_id, "id", "--topic")
    if record_id in corpus.positions:
        raise ScaffoldError(f"a position '{record_id}' already exists; give another --topic")
    text = (
        _modeline("position")
        + "# A position: what an actor said, with its exact source. Started with `rid new position`.\n"
        + "# Fill in every line marked ✎, then run `rid check`. Guide: CONTRIBUTING.md.\n"
        + _line(f"id: {record_id}", "the same as the file name")
        + _line(f"actors: [{', '.join(actors)}]", _names(corpus, actors))
        + _line(f"date: {date_scalar(date)}", f"✎ when it was said ({DATE_FORM})")
        + _event_line(corpus, doc_id)
        + _source_lines(corpus, doc_id, pin)
        + f"# ✎ The exact words of paragraph {comment(pin)}, copied here in full: keep only the words that state\n"
        + "#   the position, and write … where you leave words out. `rid check` compares them word by word.\n"
        + block("quote", corpus.full_text(corpus.paragraphs[(doc_id, pin)]))
        + _stance_lines(corpus)
        + _position_links(corpus)
        + _summary_lines()
    )
    return NewFile("positions", record_id, text, _next_steps("position", doc["language"]))


def _event_line(corpus: Corpus, doc_id: str) -> str:
    """The meeting the document comes from, when exactly one event has it as its source."""
    events = sorted(e for e, ev in corpus.events.items() if ev.get("source", {}).get("document") == doc_id)
    if len(events) == 1:
        return _line(f"event: {events[0]}", "the meeting, from data/events/ (remove the line if it is not this one)")
    return _line("# event: …", "optional: the meeting, from data/events/")


def _position_links(corpus: Corpus) -> str:
    objectives = ", ".join(o["id"] for o in corpus.objectives)
    proposals = ", ".join(sorted(corpus.proposals)) if len(corpus.proposals) <= 8 else "see data/proposals/"
    return (
        "# Optional: objectives the quote names, and proposals the actors support or oppose.\n"
        + _line("# objectives: []", f"known: {objectives}")
        + _line("# supports: []", f"known: {proposals}")
        + "# opposes: []\n"
    )


def new_proposal(
    corpus: Corpus,
    record_id: str,
    proponents: list[str],
    document: str,
    paragraph: str,
    date: str | None = None,
) -> NewFile:
    _check_id(record_id, "id")
    if record_id in corpus.proposals:
        raise ScaffoldError(f"a proposal '{record_id}' already exists; give another id")
    if not proponents:
        raise ScaffoldError("name at least one proponent, for example --proponent egy")
    proponents = [_require(a, corpus.actors, "actor", "data/actors/") for a in proponents]
    doc_id = _document_id(corpus, document)
    pin = _paragraph_pin(corpus, doc_id, paragraph)
    doc = corpus.documents[doc_id]
    date = _check_date(date) if date else doc["date"]
    text = (
        _modeline("proposal")
        + "# A proposal for the form of regular institutional dialogue. Started with `rid new proposal`.\n"
        + "# Fill in every line marked ✎, then run `rid check`. Guide: CONTRIBUTING.md.\n"
        + _line(f"id: {record_id}", "the same as the file name")
        + "# ✎ The proposal's name in the site's words; add the other languages when you can.\n"
        + "title:\n"
        + '  en: ""\n'
        + _line(f"proponents: [{', '.join(proponents)}]", _names(corpus, proponents))
        + _line("# cosponsors: []", "optional: actors from data/actors/")
        + _line(f"date: {date_scalar(date)}", f"✎ when it was first put forward ({DATE_FORM})")
        + _source_lines(corpus, doc_id, pin)
        + f"# ✎ The exact words of paragraph {comment(pin)} that state the proposal: keep only those, and write …\n"
        + "#   where you leave words out.\n"
        + block("quote", corpus.full_text(corpus.paragraphs[(doc_id, pin)]))
        + "# Optional: further paragraphs that describe the proposal.\n"
        + "# also_sources:\n"
        + '#   - {document: …, paragraph: "…"}\n'
        + _stance_lines(corpus)
        + _summary_lines()
    )
    return NewFile("proposals", record_id, text, _next_steps("proposal", doc["language"]))


def new_document(
    corpus: Corpus,
    kind: str,
    symbol: str | None = None,
    record_id: str | None = None,
    date: str | None = None,
    language: str = "en",
    paragraphs: list[str] | None = None,
) -> NewFile:
    record_id = _document_new_id(corpus, symbol, record_id)
    kinds = [k["id"] for k in corpus.document_kinds]
    kind = _require(kind, kinds, "document kind", "data/vocabularies/document-kinds.yml")
    language = _require(language, CODES, "language", "")
    if date:
        _check_date(date)
    paragraphs = paragraphs or ["1"]
    for pin in paragraphs:
        if not re.fullmatch(r"[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*", pin):
            raise ScaffoldError(f"the paragraph id '{pin}' must be letters and digits, for example 18 or p1")
    bibtex = symbol.rstrip("*") if symbol else record_id
    text = (
        _modeline("document")
        + "# A document, paragraph by paragraph. Started with `rid new document`.\n"
        + "# Fill in every line marked ✎, then run `rid check`. Guide: CONTRIBUTING.md.\n"
        + _line(f"id: {record_id}", "the same as the file name")
        + _document_fields(kind, symbol, date, language, bibtex)
        + "# ✎ Each paragraph with its number as printed and its exact text. Sub-items such as 18(i) go under\n"
        + "#   `items:`; a paragraph that repeats earlier agreed text can say so with `derived_from:`.\n"
        + "paragraphs:\n"
        + "".join(_paragraph_lines(pin) for pin in paragraphs)
    )
    steps = [
        "Add its entry to data/bibliography.bib, for example:\n"
        + textwrap.indent(bibtex_entry(bibtex, symbol, date, language), "    "),
    ] + _next_steps("document", language)
    return NewFile("documents", record_id, text, steps)


def _document_new_id(corpus: Corpus, symbol: str | None, record_id: str | None) -> str:
    """The new document's id: the one given, else its symbol's; checked, and not taken."""
    if symbol:
        if not re.fullmatch(r"[A-Z][A-Za-z0-9.]*(/[A-Za-z0-9.]+)+\*?", symbol):
            raise ScaffoldError(f"'{symbol}' is not a UN document symbol; write it as printed, for example A/70/174")
        record_id = record_id or slugs.symbol_slug(symbol)
    if not record_id:
        raise ScaffoldError("give the document's UN symbol (--symbol A/70/174), or an id of your own (--id …)")
    _check_id(record_id, "id")
    if record_id in corpus.documents:
        raise ScaffoldError(f"a document '{record_id}' already exists: data/documents/{record_id}.yml")
    return record_id


def _document_fields(kind: str, symbol: str | None, date: str | None, language: str, bibtex: str) -> str:
    """The document's fields between its id and its paragraphs."""
    undocs = f"https://undocs.org/{symbol.rstrip('*')}" if symbol else ""
    return (
        (_line(f"symbol: {scalar(symbol)}", "as printed on the document") if symbol else "")
        + _line('title: ""', "✎ the full title, in the document's language")
        + "# short_title:                          # optional: a short name for lists, in the site's words\n"
        + '#   en: ""\n'
        + _line(f"kind: {kind}", "from data/vocabularies/document-kinds.yml")
        + _line('body: ""', "✎ who issued it, e.g. United Nations General Assembly")
        + _line(f"date: {date_scalar(date)}" if date else 'date: ""', f"✎ date of issue ({DATE_FORM})")
        + _line(f"language: {language}", "the language the text below is in")
        + _line(f"bibtex: {scalar(bibtex)}", "its entry in data/bibliography.bib (add it there)")
        + (
            _line(f"url: {undocs}", "a public address of the document")
            if symbol
            else _line("# url: https://…", "optional: a public address of the document")
        )
        + _line('attribution: ""', "✎ where you read this text (provenance)")
    )


def _paragraph_lines(pin: str) -> str:
    # Each paragraph on its own: "1" beside "annex-i-p1" is still the number the source prints.
    numbered = (
        ""
        if re.fullmatch(r"[0-9]+", pin)
        else _line("    numbered: false", "the source prints no number: this id is the site's own")
    )
    return f"  - id: {json.dumps(pin)}\n" + numbered + '    text: ""\n'


LANGUAGE_NAMES = {"en": "english", "fr": "french", "es": "spanish", "ru": "russian", "zh": "chinese", "ar": "arabic"}


def bibtex_entry(key: str, symbol: str | None, date: str | None, language: str) -> str:
    """A BibTeX entry to paste into data/bibliography.bib, with the fields the maintainer fills."""
    fields = [("title", "…"), ("author", "{United Nations General Assembly}" if symbol else "…")]
    if symbol:
        fields += [
            ("institution", "United Nations"),
            ("number", symbol),
            ("url", f"https://undocs.org/{symbol.rstrip('*')}"),
        ]
    if date:
        fields += [("date", date), ("year", date[:4])]
    fields.append(("language", LANGUAGE_NAMES[language]))
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields)
    return f"@{'techreport' if symbol else 'misc'}{{{key},\n{body}}}\n"


def new_actor(
    corpus: Corpus,
    iso3: str | None = None,
    record_id: str | None = None,
    kind: str = "state",
    regional_group: str | None = None,
    name: str | None = None,
    members: list[str] | None = None,
) -> NewFile:
    kinds = ("state", "regional-organization", "group")
    kind = _require(kind, kinds, "kind of actor", "")
    if kind == "state":
        iso3, record_id, regional_group = _state_facts(corpus, iso3, regional_group)
    elif not record_id:
        raise ScaffoldError(f"give an id for the {kind}, for example --id eu")
    _check_id(record_id, "id")
    if record_id in corpus.actors:
        raise ScaffoldError(f"the actor '{record_id}' already exists: data/actors/{record_id}.yml")
    members = [_require(m, corpus.actors, "actor", "data/actors/") for m in members or []]
    state = kind == "state"
    if members:
        members_line = f"members: [{', '.join(members)}]\n"
    else:
        members_line = _line("# members: []", "the member actors, from data/actors/") if kind == "group" else ""
    text = (
        _modeline("actor")
        + f"# An actor ({kind}). Started with `rid new actor`. Fill in every line marked ✎, then run `rid check`.\n"
        + _line(f"id: {record_id}", "the same as the file name" + (": the ISO code in lower case" if state else ""))
        + f"kind: {kind}\n"
        + (_line(f"iso3: {iso3}", "ISO 3166-1 alpha-3") if state else "")
        + "# ✎ The short name in each UN language, as the UN writes it (UNTERM). English is required.\n"
        + "name:\n"
        + f"  en: {json.dumps(name or '', ensure_ascii=False)}\n"
        + "".join(f'#  {code}: ""\n' for code in CODES[1:])
        + (_line(f"regional_group: {regional_group}", "from data/vocabularies/regional-groups.yml") if state else "")
        + members_line
        + _line("# aliases: []", "other names the sources use, found by search")
    )
    return NewFile("actors", record_id, text, _next_steps("actor", "en"))


def _state_facts(corpus: Corpus, iso3: str | None, regional_group: str | None) -> tuple[str, str, str]:
    """A State's ISO code (upper case), its id (lower case) and its regional group, checked."""
    if not iso3 or not re.fullmatch(r"[A-Za-z]{3}", iso3):
        raise ScaffoldError("a State needs its ISO 3166-1 alpha-3 code, for example --iso3 EGY")
    groups = [g["id"] for g in corpus.regional_groups]
    if not regional_group:
        raise ScaffoldError(
            f"a State needs its UN regional group, for example --regional-group weog.{did_you_mean('', groups)}"
        )
    regional_group = _require(regional_group, groups, "regional group", "data/vocabularies/regional-groups.yml")
    return iso3.upper(), iso3.lower(), regional_group


def _next_steps(kind: str, language: str) -> list[str]:
    steps = ["Open the file and fill in every line marked ✎."]
    if kind in ("position", "proposal"):
        steps.append(
            "The quote must stay the exact words of the paragraph"
            + (f" (in its language, '{language}')" if language != "en" else "")
            + "; shorten it with … where you leave words out."
        )
    steps += ["Run: .venv/bin/rid check", "Preview: .venv/bin/rid serve -l en (the published site, in English)"]
    return steps
