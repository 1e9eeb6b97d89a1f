"""The record model, defined once: each kind of record as a tree of field specifications.

The same specification checks a loaded record (naming the field path of every problem) and is
exported as JSON Schema for editors (``rid schema``, ``kinds.all_json_schemas``). Which folder
holds each kind, and the rest of what a kind is, is declared in ``kinds.py``. Reference checks
between records, which need all records at once, live in ``validate.py``.
"""

from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from . import dates
from .languages import CODES
from .problems import did_you_mean

Issue = tuple[tuple, str]  # (field path, message)

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def _type_name(value: object) -> str:
    if value is None:
        return "nothing (an empty value)"
    return {
        dict: "a mapping (fields)",
        list: "a list",
        str: "text",
        bool: "true/false",
        int: "a whole number",
        float: "a number",
    }.get(type(value), type(value).__name__)


class Spec:
    description: str = ""

    def check(self, value: object, path: tuple) -> Iterator[Issue]:
        raise NotImplementedError

    def json_schema(self) -> dict:
        raise NotImplementedError

    def _doc(self, schema: dict) -> dict:
        if self.description:
            schema["description"] = self.description
        return schema


def _where(path: tuple) -> str:
    """'under source' / 'in this item': where a maintainer adds a missing line."""
    if not path:
        return "to the record"
    last = path[-1]
    return f"under '{last}:'" if isinstance(last, str) else "to this item of the list"


# Plain-words descriptions of the patterns below, for messages ("what would be right").
ID_FORM = "only lower-case letters a-z, digits and single hyphens"
URL_PATTERN = r"^https?://\S+$"
FORMS = {
    ID_PATTERN: ID_FORM,
    URL_PATTERN: "a full web address starting with https:// (or http:// if the source has no other; no spaces)",
}


def _id_like(value: str) -> str:
    """What an id typed with capitals, spaces or underscores was probably meant to be."""
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


@dataclass
class Text(Spec):
    """Free text. Always stored and shown as literal text (escaped on every page)."""

    description: str = ""
    pattern: str | None = None
    example: str | None = None
    max_length: int = 200_000
    form: str = ""  # the pattern in plain words, for messages; FORMS gives the common ones

    # The pattern compiled once, when first needed: a record has thousands of ids to match.
    @cached_property
    def _regex(self) -> re.Pattern | None:
        return re.compile(self.pattern) if self.pattern else None

    def check(self, value, path):
        # Nearly every value is good text: settle that first, at the cost of one test each.
        if (
            type(value) is str
            and len(value) <= self.max_length
            and (self._regex is None or self._regex.fullmatch(value))
            and value
            and not value.isspace()
        ):
            return
        if value is None:
            yield path, "is empty; write the text after the colon (in quotes if it contains ': ' or starts with a sign)"
            return
        if not isinstance(value, str):
            yield path, f'expected text, found {_type_name(value)}; put it in quotes, for example "{value}"'
            return
        if not value.strip():
            yield path, "is empty or only spaces; write the text here"
            return
        if len(value) > self.max_length:
            yield (
                path,
                f"is {len(value):,} characters long, but at most {self.max_length:,} are allowed here; shorten it",
            )
        if self._regex is not None and not self._regex.fullmatch(value):
            form = self.form or FORMS.get(self.pattern, "")
            shown = value if len(value) <= 60 else value[:57] + "..."
            message = f"'{shown}' is not written as expected here"
            if form:
                message += f": use {form}"
            foreign = next((c for c in value if not c.isascii()), "")
            if self.pattern == ID_PATTERN and foreign:
                from .textrules import shown as shown_char  # a letter that looks Latin but is not

                message += f"; it has {shown_char(foreign)}"
            elif self.pattern == ID_PATTERN and re.fullmatch(ID_PATTERN, _id_like(value) or "-"):
                message += f". Did you mean '{_id_like(value)}'?"
            elif self.example:
                message += f", for example '{self.example}'"
            yield path, message

    def json_schema(self):
        schema = {"type": "string", "minLength": 1, "maxLength": self.max_length}
        if self.pattern:
            schema["pattern"] = self.pattern
        if self.example:
            schema["examples"] = [self.example]
        return self._doc(schema)


def Id(description: str = "", example: str = "a-70-174") -> Text:
    return Text(description=description, pattern=ID_PATTERN, example=example, max_length=80)


def Url(description: str = "", example: str = "https://undocs.org/A/70/174") -> Text:
    return Text(description=description, pattern=URL_PATTERN, example=example)


_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass
class Date(Spec):
    """A date, or only a year or year and month when the source gives no more (never guess)."""

    description: str = ""
    full_only: bool = False

    def check(self, value, path):
        text = value if isinstance(value, str) else None
        if text and not self.full_only and dates.split(text)[0]:
            # Undated source, known only to be later or earlier than a date: check the bound.
            text = dates.iso(text)
        form = _FULL_DATE if self.full_only else _DATE
        if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999 and not self.full_only:
            # YAML reads a bare year as a number: the right value is the same year, quoted.
            yield path, f'a year alone must be written in quotes: "{value}"'
            return
        if text is None or not form.fullmatch(text):
            allowed = (
                "YYYY-MM-DD"
                if self.full_only
                else (
                    "YYYY-MM-DD (or YYYY-MM, or YYYY when the source gives no more; "
                    "or 'not before YYYY-MM' / 'not after YYYY-MM' when only a bound is known)"
                )
            )
            shown = "nothing" if value is None else f"'{value}'"
            yield path, f"expected a date written {allowed}, for example 2015-07-22; found {shown}"
            return
        year, month, day = (text.split("-") + ["01", "01"])[:3]
        try:
            _dt.date(int(year), int(month), int(day))
        except ValueError:
            yield path, f"{text} is not a real calendar date; check the month (01-12) and the day"

    def json_schema(self):
        pattern = r"^\d{4}-\d{2}-\d{2}$" if self.full_only else r"^(not (before|after) )?\d{4}(-\d{2}(-\d{2})?)?$"
        return self._doc({"type": "string", "pattern": pattern})


@dataclass
class Bool(Spec):
    description: str = ""

    def check(self, value, path):
        if not isinstance(value, bool):
            yield path, f"expected true or false, found {_type_name(value)}"

    def json_schema(self):
        return self._doc({"type": "boolean"})


@dataclass
class OneOf(Spec):
    """A value from a fixed list that belongs to the code, such as a language code."""

    choices: tuple[str, ...]
    description: str = ""
    what: str = "one of the allowed values"  # in messages: "'fre' is not <what>"

    def check(self, value, path):
        if value not in self.choices:
            hint = did_you_mean(value if value is not None else "", self.choices)
            yield path, f"'{'' if value is None else value}' is not {self.what}.{hint}"

    def json_schema(self):
        return self._doc({"type": "string", "enum": list(self.choices)})


def Lang(description: str = "") -> OneOf:
    return OneOf(
        CODES, description or "A language code: one of the six UN languages.", what="a language code of the site"
    )


@dataclass
class ListOf(Spec):
    item: Spec
    description: str = ""
    min_items: int = 0
    unique: bool = False

    def check(self, value, path):
        if not isinstance(value, list):
            fix = f" (here: [{value}])" if isinstance(value, str) and value.strip() else ""
            yield (
                path,
                (f"expected a list, written [a, b] or as lines starting with '- '{fix}; found {_type_name(value)}"),
            )
            return
        if len(value) < self.min_items:
            yield path, f"is an empty list; it needs at least {self.min_items} item{'s' if self.min_items > 1 else ''}"
        seen = set()
        for i, item in enumerate(value):
            if self.unique and isinstance(item, str):
                if item in seen:
                    yield path + (i,), f"'{item}' is listed twice; remove one of them"
                seen.add(item)
            yield from self.item.check(item, path + (i,))

    def json_schema(self):
        schema = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        if self.unique:
            schema["uniqueItems"] = True
        return self._doc(schema)


@dataclass
class MapOf(Spec):
    """A mapping whose keys are ids (languages, criteria) and whose values share one spec."""

    key: Spec
    value: Spec
    description: str = ""
    required_keys: tuple[str, ...] = ()
    example: str = "en: …"  # one line of the mapping, shown when the mapping is missing

    def check(self, value, path):
        if not isinstance(value, dict):
            yield path, (f"expected indented lines such as '{self.example}' below it; found {_type_name(value)}")
            return
        for k in self.required_keys:
            if k not in value:
                yield path + (k,), f"the line '{k}: …' is missing; add it {_where(path)}"
        for k, v in value.items():
            for _, message in self.key.check(k, path + (k,)):
                yield path + (k,), message
            yield from self.value.check(v, path + (k,))

    def json_schema(self):
        schema = {
            "type": "object",
            "propertyNames": self.key.json_schema(),
            "additionalProperties": self.value.json_schema(),
        }
        if self.required_keys:
            schema["required"] = list(self.required_keys)
        return self._doc(schema)


def Translated(description: str, required: tuple[str, ...] = ("en",)) -> MapOf:
    """Text in one or more languages, keyed by language code."""
    return MapOf(Lang(), Text(), description=description, required_keys=required)


@dataclass
class Field:
    """One field of an object: its spec, whether it must be present, and its default."""

    spec: Spec
    required: bool = False


@dataclass
class Obj(Spec):
    fields: dict[str, Field]
    description: str = ""
    title: str = ""

    def check(self, value, path):
        if not isinstance(value, dict):
            yield path, self._not_fields(value, path)
            return
        for name, f in self.fields.items():
            if f.required and name not in value:
                yield path + (name,), f"the required field '{name}' is missing; add a line '{name}: …' {_where(path)}"
        for name, v in value.items():
            if name not in self.fields:
                hint = did_you_mean(name, self.fields)
                if not hint.startswith(" Did you mean"):
                    hint = " The fields allowed here are: " + ", ".join(self.fields) + "."
                # "unknown field" opens the message: the loader points such problems at the key.
                yield path + (name,), f"unknown field '{name}'.{hint}"
                continue
            yield from self.fields[name].spec.check(v, path + (name,))

    def _not_fields(self, value, path) -> str:
        if not path:
            return (
                f"the file holds {_type_name(value)} instead of a record; a record is 'name: value' lines "
                "starting at the left margin, with no '- ' before the first one"
            )
        required = [f"'{name}: …'" for name, f in self.fields.items() if f.required]
        example = f" such as {' and '.join(required[:2])}" if required else ""
        return f"expected indented 'name: value' lines{example} below it; found {_type_name(value)}"

    def json_schema(self):
        schema = {
            "type": "object",
            "properties": {name: f.spec.json_schema() for name, f in self.fields.items()},
            "required": [name for name, f in self.fields.items() if f.required],
            "additionalProperties": False,
        }
        if self.title:
            schema["title"] = self.title
        return self._doc(schema)


# --------------------------------------------------------------------------------------------
# The kinds of record
# --------------------------------------------------------------------------------------------

SOURCE = Obj(
    {
        "document": Field(Id("The id of a document in data/documents (its file name)."), required=True),
        "paragraph": Field(
            Text(
                description="The paragraph id within that document, e.g. '18' or '18(i)' or an excerpt id.",
                max_length=40,
            ),
            required=True,
        ),
    },
    description="Where the words come from: a document and one of its paragraphs (the pinpoint).",
)

STANCES = MapOf(
    Id("A criterion id from data/vocabularies/criteria.yml.", example="regular"),
    Id("A stance id from that criterion's vocabulary, or 'not-stated'.", example="not-stated"),
    description="One stance per criterion. Write 'not-stated' where the source says nothing on it.",
    example="regular: not-stated",
)

SUB_ITEM = Obj(
    {
        "id": Field(
            Text(
                description="The sub-item's own number or letter, e.g. 'i' or 'a'.",
                pattern=r"^[a-z0-9]+$",
                example="i",
                form="lower-case letters or digits only",
            ),
            required=True,
        ),
        "text": Field(Text(description="The verbatim text of the sub-item."), required=True),
        "translations": Field(
            MapOf(
                Lang(),
                Obj(
                    {"text": Field(Text(), True), "source": Field(Url(example="https://undocs.org/fr/A/70/174"), True)}
                ),
            )
        ),
    },
    description="A lettered or roman sub-item of a paragraph, cited as 18(i).",
)

TRANSLATION = Obj(
    {
        "text": Field(Text(description="The official translation, verbatim."), required=True),
        "source": Field(
            Url("Where the official translation was read.", example="https://undocs.org/fr/A/70/174"),
            required=True,
        ),
    },
    description="An official UN translation. Never record a machine or unofficial translation here.",
)

PARAGRAPH = Obj(
    {
        "id": Field(
            Text(
                description=(
                    "The paragraph number as the document prints it ('18'), or an id of ours for an "
                    "unnumbered excerpt (then set numbered: false)."
                ),
                pattern=r"^[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*$",
                example="18",
                form="the number as the document prints it, or letters and digits (parts may be joined by . or -)",
                max_length=40,
            ),
            required=True,
        ),
        "numbered": Field(Bool("false when the source prints no number and the id is this site's own.")),
        "heading": Field(Text(description="A heading the source prints above the passage, if any.")),
        "text": Field(Text(description="The verbatim text in the document's original language."), required=True),
        "items": Field(ListOf(SUB_ITEM, description="Sub-items such as (i), (ii).")),
        "translations": Field(MapOf(Lang(), TRANSLATION, description="Official translations, keyed by language.")),
        "derived_from": Field(
            Obj(
                {
                    "document": Field(Id(), required=True),
                    "paragraph": Field(Text(max_length=40), required=True),
                    "note": Field(Translated("How the two texts relate, in the site's words.")),
                },
                description="Earlier agreed text this paragraph repeats or adapts (lineage of agreed language).",
            )
        ),
    },
    description="A paragraph (or unnumbered excerpt) of a document.",
)

DOCUMENT = Obj(
    {
        "id": Field(
            Id("Equal to the file name. For a UN document, the symbol in lower case with '/' as '-'."), required=True
        ),
        "symbol": Field(
            Text(
                description="The UN document symbol, e.g. A/70/174 (an asterisk marks a reissue).",
                pattern=r"^[A-Z][A-Za-z0-9.]*(/[A-Za-z0-9.]+)+\*?$",
                example="A/70/174",
                form="the symbol exactly as printed, parts separated by /",
            )
        ),
        "title": Field(Text(description="The full title in the document's original language."), required=True),
        "short_title": Field(Translated("A short name for lists, in the site's words.")),
        "kind": Field(
            Id("A document kind from data/vocabularies/document-kinds.yml.", example="report"), required=True
        ),
        "body": Field(
            Text(description="The issuing body or author, e.g. 'United Nations General Assembly'."), required=True
        ),
        "date": Field(Date("Date of issue."), required=True),
        "language": Field(Lang("The language the text was recorded in (usually the original)."), required=True),
        "bibtex": Field(
            Text(
                description="The key of this document's entry in data/bibliography.bib.",
                pattern=r"^[A-Za-z0-9:_./-]+$",
                example="A/70/174",
                form="letters, digits and : _ . / - only (no spaces)",
            ),
            required=True,
        ),
        "url": Field(Url("A public URL of the document.")),
        "attribution": Field(
            Text(description="Where this text was read, and how it reached us (provenance)."), required=True
        ),
        "authenticity": Field(Text(description="How far the witness can be trusted, and what to check it against.")),
        "secondary_witness": Field(
            Bool(
                "true when the text was read in another text that reproduces it (a draft, a third-party "
                "copy, a UN page's summary), not in the document itself: its pages say so."
            )
        ),
        "paragraphs": Field(ListOf(PARAGRAPH, min_items=1), required=True),
    },
    title="Document",
    description=(
        "A UN document or other source, with its numbered paragraphs. One file per document in data/documents/."
    ),
)

ACTOR = Obj(
    {
        "id": Field(
            Id("Equal to the file name: for a State, its ISO 3166-1 alpha-3 code in lower case.", example="egy"),
            required=True,
        ),
        "kind": Field(
            OneOf(("state", "regional-organization", "group"), "What kind of actor this is.", what="a kind of actor"),
            required=True,
        ),
        "iso3": Field(
            Text(
                description="ISO 3166-1 alpha-3 code (States only).",
                pattern=r"^[A-Z]{3}$",
                example="EGY",
                form="three capital letters",
            )
        ),
        "name": Field(Translated("The actor's short name in each UN language.", required=("en",)), required=True),
        "regional_group": Field(
            Id("A UN regional group id from data/vocabularies/regional-groups.yml (States only).", example="african")
        ),
        "members": Field(ListOf(Id(), unique=True, description="Member actors (groups only).")),
        "aliases": Field(
            ListOf(
                Text(max_length=200),
                unique=True,
                description="Other names the sources use, e.g. 'Korea' or 'the UK' (found by search).",
            )
        ),
        "note": Field(Translated("A short note in the site's words, e.g. on regional group membership.")),
    },
    title="Actor",
    description="A State, a regional organisation or a group. One file per actor in data/actors/.",
)

POSITION = Obj(
    {
        "id": Field(Id("Equal to the file name.", example="egy-2020-02-13"), required=True),
        "actors": Field(
            ListOf(Id(example="egy"), min_items=1, unique=True, description="Who holds the position."), required=True
        ),
        "date": Field(Date("When the position was stated."), required=True),
        "event": Field(Id("The meeting or session, from data/events/.", example="oewg1-session2")),
        "source": Field(SOURCE, required=True),
        "quote": Field(
            Text(description="The exact words of the source paragraph (an omission is written …)."), required=True
        ),
        "stances": Field(STANCES, required=True),
        "objectives": Field(
            ListOf(
                Id(example="information-exchange"),
                unique=True,
                description="Objectives (form follows function) the position names.",
            )
        ),
        "supports": Field(ListOf(Id(), unique=True, description="Proposals the actors support.")),
        "opposes": Field(ListOf(Id(), unique=True, description="Proposals the actors oppose.")),
        "summary": Field(Translated("A short, neutral summary in the site's own words (not a quote)."), required=True),
    },
    title="Position",
    description=(
        "What one or more actors said, with its exact source and verbatim quote. One file per position in "
        "data/positions/."
    ),
)

QUOTED_SOURCE = Obj(
    {
        "source": Field(SOURCE, required=True),
        "quote": Field(
            Text(description="The exact words of that paragraph (an omission is written …)."), required=True
        ),
    },
    description="A paragraph and the exact words in it that a statement rests on.",
)

GROUNDS = MapOf(
    Id("A criterion id from data/vocabularies/criteria.yml.", example="regular"),
    ListOf(QUOTED_SOURCE, min_items=1),
    description=(
        "For each criterion whose stance is not 'not-stated', the quoted words that state it: "
        "the outcome page shows each stance beside them."
    ),
    example="regular: [{source: {document: …, paragraph: …}, quote: …}]",
)

FATE = Obj(
    {
        "outcome": Field(
            Id("The id of the agreed outcome (a proposal with status: agreed).", example="global-mechanism"),
            required=True,
        ),
        "kind": Field(
            OneOf(
                ("reflected", "superseded", "not-taken-up"),
                "What a source says became of the proposal.",
                what="a kind of fate",
            ),
            required=True,
        ),
        "element": Field(Translated("Which element of the outcome reflects it, in the site's words.")),
        "source": Field(SOURCE, required=True),
        "quote": Field(Text(description="The exact words of that paragraph that say so."), required=True),
    },
    description=(
        "What became of the proposal, only where a source says so. Leave it out when the record is "
        "silent: the page then says that no source on record tells."
    ),
)

PROPOSAL = Obj(
    {
        "id": Field(Id("Equal to the file name.", example="egypt-platform"), required=True),
        "title": Field(Translated("The proposal's name, in the site's words."), required=True),
        "official_name": Field(
            Bool(
                "true when the title is the official name an official text gives (the Global Mechanism's): "
                "the site never translates it, and gives it only in the languages an official text is on record in."
            )
        ),
        "proponents": Field(ListOf(Id(), min_items=1, unique=True), required=True),
        "cosponsors": Field(ListOf(Id(), unique=True)),
        "date": Field(Date("When it was first put forward."), required=True),
        "source": Field(SOURCE, required=True),
        "quote": Field(
            Text(description="The exact words of the source paragraph that state the proposal."), required=True
        ),
        "also_sources": Field(ListOf(SOURCE, description="Further paragraphs that describe the proposal.")),
        "stances": Field(STANCES, required=True),
        "grounds": Field(GROUNDS),
        "status": Field(
            OneOf(
                ("proposed", "agreed"),
                "'agreed' for the outcome States agreed (the Global Mechanism); a proposal is 'proposed' (the "
                "default).",
                what="a proposal status",
            )
        ),
        "fate": Field(FATE),
        "summary": Field(Translated("A short, neutral summary in the site's own words."), required=True),
    },
    title="Proposal",
    description="A proposal for the form of regular institutional dialogue. One file per proposal in data/proposals/.",
)

EVENT = Obj(
    {
        "id": Field(Id(example="oewg1-session2"), required=True),
        "title": Field(Translated("The event's name."), required=True),
        "date": Field(Date("First day."), required=True),
        "end_date": Field(Date("Last day, if it lasted more than one.")),
        "url": Field(Url(example="https://meetings.unoda.org/meeting/76825")),
        "source": Field(SOURCE),
    },
    title="Event",
    description="A session, meeting or milestone. One file per event in data/events/.",
)

_LABELLED = {
    "id": Field(Id(), required=True),
    "label": Field(Translated("The name shown on the site.", required=CODES), required=True),
    "description": Field(Translated("What the value means.", required=CODES)),
}

STANCE = Obj(dict(_LABELLED), description="One value of a criterion's stance vocabulary.")

CRITERIA = Obj(
    {
        "criteria": Field(
            ListOf(
                Obj(
                    {
                        **_LABELLED,
                        "question": Field(
                            Translated("The question the criterion asks.", required=CODES), required=True
                        ),
                        "source": Field(SOURCE),
                        "stances": Field(ListOf(STANCE, min_items=1), required=True),
                    }
                ),
                min_items=1,
            ),
            required=True,
        ),
        "not_stated": Field(STANCE, required=True),
    },
    title="Criteria",
    description="The criteria of regular institutional dialogue and their stance vocabularies.",
)

OBJECTIVES = Obj(
    {
        "objectives": Field(
            ListOf(Obj({**_LABELLED, "sources": Field(ListOf(SOURCE))}), min_items=1),
            required=True,
        )
    },
    title="Objectives",
    description="The objectives vocabulary ('form follows function').",
)

SIMPLE_VOCABULARY = Obj(
    {"values": Field(ListOf(Obj(dict(_LABELLED)), min_items=1), required=True)},
    title="Vocabulary",
    description="A list of ids with labels in the six languages.",
)

INTERFACE = MapOf(
    Text(pattern=r"^[a-z0-9_.-]+$", max_length=80),
    Translated("One interface string in the six languages.", required=CODES),
    description="Interface text, keyed by message id.",
)


# Single files holding vocabularies and interface text: vocabularies are data, not code.
SINGLE_FILES: dict[str, Spec] = {
    "vocabularies/criteria.yml": CRITERIA,
    "vocabularies/objectives.yml": OBJECTIVES,
    "vocabularies/regional-groups.yml": SIMPLE_VOCABULARY,
    "vocabularies/document-kinds.yml": SIMPLE_VOCABULARY,
    "interface.yml": INTERFACE,
}
