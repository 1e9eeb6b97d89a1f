"""The record model, defined once: each kind of record as a tree of field specifications.

The same specification checks a loaded record (naming the field path of every problem) and is
exported as JSON Schema for editors (``rid schema``). Reference checks between records, which
need all records at once, live in ``validate.py``.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field as _field
from typing import Iterator

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


@dataclass
class Text(Spec):
    """Free text. Always stored and shown as literal text (escaped on every page)."""

    description: str = ""
    pattern: str | None = None
    example: str | None = None
    max_length: int = 200_000

    def check(self, value, path):
        if not isinstance(value, str):
            hint = " (put it in quotes)" if isinstance(value, (int, float, bool)) else ""
            yield path, f"expected text, found {_type_name(value)}{hint}"
            return
        if not value.strip():
            yield path, "must not be empty or only spaces"
            return
        if len(value) > self.max_length:
            yield path, f"is {len(value):,} characters long; at most {self.max_length:,} are allowed"
        if self.pattern and not re.fullmatch(self.pattern, value):
            example = f", for example '{self.example}'" if self.example else ""
            yield path, f"'{value}' is not in the expected form{example}"

    def json_schema(self):
        schema = {"type": "string", "minLength": 1, "maxLength": self.max_length}
        if self.pattern:
            schema["pattern"] = self.pattern
        if self.example:
            schema["examples"] = [self.example]
        return self._doc(schema)


def Id(description: str = "", example: str = "a-70-174") -> Text:
    return Text(description=description, pattern=ID_PATTERN, example=example, max_length=80)


@dataclass
class Date(Spec):
    """A date, or only a year or year and month when the source gives no more (never guess)."""

    description: str = ""
    full_only: bool = False

    def check(self, value, path):
        text = value if isinstance(value, str) else None
        form = r"\d{4}-\d{2}-\d{2}" if self.full_only else r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
        if text is None or not re.fullmatch(form, text):
            allowed = "YYYY-MM-DD" if self.full_only else "YYYY-MM-DD (or YYYY-MM, or YYYY when the source gives no more)"
            yield path, f"expected a date written {allowed}, for example 2015-07-22; found {value!r}"
            return
        year, month, day = (text.split("-") + ["01", "01"])[:3]
        try:
            _dt.date(int(year), int(month), int(day))
        except ValueError:
            yield path, f"{text} is not a real calendar date (check the month and day)"

    def json_schema(self):
        pattern = r"^\d{4}-\d{2}-\d{2}$" if self.full_only else r"^\d{4}(-\d{2}(-\d{2})?)?$"
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

    def check(self, value, path):
        if value not in self.choices:
            yield path, f"'{value}' is not allowed.{did_you_mean(value, self.choices)}"

    def json_schema(self):
        return self._doc({"type": "string", "enum": list(self.choices)})


def Lang(description: str = "") -> OneOf:
    return OneOf(CODES, description or "A language code: one of the six UN languages.")


@dataclass
class ListOf(Spec):
    item: Spec
    description: str = ""
    min_items: int = 0
    unique: bool = False

    def check(self, value, path):
        if not isinstance(value, list):
            yield path, f"expected a list (lines starting with '- ' or [a, b]), found {_type_name(value)}"
            return
        if len(value) < self.min_items:
            yield path, f"needs at least {self.min_items} item{'s' if self.min_items > 1 else ''}"
        seen = set()
        for i, item in enumerate(value):
            if self.unique and isinstance(item, str):
                if item in seen:
                    yield path + (i,), f"'{item}' is listed twice"
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

    def check(self, value, path):
        if not isinstance(value, dict):
            yield path, f"expected a mapping (key: value lines), found {_type_name(value)}"
            return
        for k in self.required_keys:
            if k not in value:
                yield path + (k,), f"this required entry is missing; add '{k}:'"
        for k, v in value.items():
            for _, message in self.key.check(k, path + (k,)):
                yield path + (k,), f"key {message}"
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
class F:
    """One field of an object: its spec, whether it must be present, and its default."""

    spec: Spec
    required: bool = False


@dataclass
class Obj(Spec):
    fields: dict[str, F]
    description: str = ""
    title: str = ""

    def check(self, value, path):
        if not isinstance(value, dict):
            yield path, f"expected a mapping of fields, found {_type_name(value)}"
            return
        for name, f in self.fields.items():
            if f.required and name not in value:
                yield path + (name,), f"this required field is missing; add '{name}:' to {'the record' if not path else 'this entry'}"
        for name, v in value.items():
            if name not in self.fields:
                yield path + (name,), f"unknown field '{name}'.{did_you_mean(name, self.fields)}"
                continue
            yield from self.fields[name].spec.check(v, path + (name,))

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
        "document": F(Id("The id of a document in data/documents (its file name)."), required=True),
        "paragraph": F(
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
)

SUB_ITEM = Obj(
    {
        "id": F(Text(description="The sub-item's own number or letter, e.g. 'i' or 'a'.", pattern=r"^[a-z0-9]+$", example="i"), required=True),
        "text": F(Text(description="The verbatim text of the sub-item."), required=True),
        "translations": F(MapOf(Lang(), Obj({"text": F(Text(), True), "source": F(Text(pattern=r"^https?://\S+$", example="https://undocs.org/fr/A/70/174"), True)}))),
    },
    description="A lettered or roman sub-item of a paragraph, cited as 18(i).",
)

TRANSLATION = Obj(
    {
        "text": F(Text(description="The official translation, verbatim."), required=True),
        "source": F(
            Text(description="Where the official translation was read.", pattern=r"^https?://\S+$", example="https://undocs.org/fr/A/70/174"),
            required=True,
        ),
    },
    description="An official UN translation. Never record a machine or unofficial translation here.",
)

PARAGRAPH = Obj(
    {
        "id": F(
            Text(
                description="The paragraph number as the document prints it ('18'), or an id of ours for an unnumbered excerpt (then set numbered: false).",
                pattern=r"^[A-Za-z0-9]+(?:[.-][A-Za-z0-9]+)*$",
                example="18",
                max_length=40,
            ),
            required=True,
        ),
        "numbered": F(Bool("false when the source prints no number and the id is this site's own.")),
        "heading": F(Text(description="A heading the source prints above the passage, if any.")),
        "text": F(Text(description="The verbatim text in the document's original language."), required=True),
        "items": F(ListOf(SUB_ITEM, description="Sub-items such as (i), (ii).")),
        "translations": F(MapOf(Lang(), TRANSLATION, description="Official translations, keyed by language.")),
        "derived_from": F(
            Obj(
                {
                    "document": F(Id(), required=True),
                    "paragraph": F(Text(max_length=40), required=True),
                    "note": F(Translated("How the two texts relate, in the site's words.")),
                },
                description="Earlier agreed text this paragraph repeats or adapts (lineage of agreed language).",
            )
        ),
    },
    description="A paragraph (or unnumbered excerpt) of a document.",
)

DOCUMENT = Obj(
    {
        "id": F(Id("Equal to the file name. For a UN document, the symbol in lower case with '/' as '-'."), required=True),
        "symbol": F(Text(description="The UN document symbol, e.g. A/70/174 (an asterisk marks a reissue).", pattern=r"^[A-Z][A-Za-z0-9.]*(/[A-Za-z0-9.]+)+\*?$", example="A/70/174")),
        "title": F(Text(description="The full title in the document's original language."), required=True),
        "short_title": F(Translated("A short name for lists, in the site's words.")),
        "kind": F(Id("A document kind from data/vocabularies/document-kinds.yml.", example="report"), required=True),
        "body": F(Text(description="The issuing body or author, e.g. 'United Nations General Assembly'."), required=True),
        "date": F(Date("Date of issue."), required=True),
        "language": F(Lang("The language the text was recorded in (usually the original)."), required=True),
        "bibtex": F(Text(description="The key of this document's entry in data/bibliography.bib.", pattern=r"^[A-Za-z0-9:_./-]+$", example="A/70/174"), required=True),
        "url": F(Text(description="A public URL of the document.", pattern=r"^https?://\S+$", example="https://undocs.org/A/70/174")),
        "attribution": F(Text(description="Where this text was read, and how it reached us (provenance)."), required=True),
        "paragraphs": F(ListOf(PARAGRAPH, min_items=1), required=True),
    },
    title="Document",
    description="A UN document or other source, with its numbered paragraphs. One file per document in data/documents/.",
)

ACTOR = Obj(
    {
        "id": F(Id("Equal to the file name: for a State, its ISO 3166-1 alpha-3 code in lower case.", example="egy"), required=True),
        "kind": F(OneOf(("state", "regional-organization", "group"), "What kind of actor this is."), required=True),
        "iso3": F(Text(description="ISO 3166-1 alpha-3 code (States only).", pattern=r"^[A-Z]{3}$", example="EGY")),
        "name": F(Translated("The actor's short name in each UN language.", required=("en",)), required=True),
        "regional_group": F(Id("A UN regional group id from data/vocabularies/regional-groups.yml (States only).", example="african")),
        "members": F(ListOf(Id(), unique=True, description="Member actors (groups only).")),
        "aliases": F(ListOf(Text(max_length=200), unique=True, description="Other names the sources use, e.g. 'Korea' or 'the UK' (found by search).")),
        "note": F(Translated("A short note in the site's words, e.g. on regional group membership.")),
    },
    title="Actor",
    description="A State, a regional organisation or a group. One file per actor in data/actors/.",
)

POSITION = Obj(
    {
        "id": F(Id("Equal to the file name.", example="egy-2020-02-13"), required=True),
        "actors": F(ListOf(Id(example="egy"), min_items=1, unique=True, description="Who holds the position."), required=True),
        "date": F(Date("When the position was stated."), required=True),
        "event": F(Id("The meeting or session, from data/events/.", example="oewg1-session2")),
        "source": F(SOURCE, required=True),
        "quote": F(Text(description="The exact words of the source paragraph (an omission is written …)."), required=True),
        "stances": F(STANCES, required=True),
        "objectives": F(ListOf(Id(example="information-exchange"), unique=True, description="Objectives (form follows function) the position names.")),
        "supports": F(ListOf(Id(), unique=True, description="Proposals the actors support.")),
        "opposes": F(ListOf(Id(), unique=True, description="Proposals the actors oppose.")),
        "summary": F(Translated("A short, neutral summary in the site's own words (not a quote)."), required=True),
    },
    title="Position",
    description="What one or more actors said, with its exact source and verbatim quote. One file per position in data/positions/.",
)

PROPOSAL = Obj(
    {
        "id": F(Id("Equal to the file name.", example="egypt-platform"), required=True),
        "title": F(Translated("The proposal's name, in the site's words."), required=True),
        "proponents": F(ListOf(Id(), min_items=1, unique=True), required=True),
        "cosponsors": F(ListOf(Id(), unique=True)),
        "date": F(Date("When it was first put forward."), required=True),
        "source": F(SOURCE, required=True),
        "quote": F(Text(description="The exact words of the source paragraph that state the proposal."), required=True),
        "also_sources": F(ListOf(SOURCE, description="Further paragraphs that describe the proposal.")),
        "stances": F(STANCES, required=True),
        "summary": F(Translated("A short, neutral summary in the site's own words."), required=True),
    },
    title="Proposal",
    description="A proposal for the form of regular institutional dialogue. One file per proposal in data/proposals/.",
)

EVENT = Obj(
    {
        "id": F(Id(example="oewg1-session2"), required=True),
        "title": F(Translated("The event's name."), required=True),
        "date": F(Date("First day."), required=True),
        "end_date": F(Date("Last day, if it lasted more than one.")),
        "url": F(Text(pattern=r"^https?://\S+$", example="https://meetings.unoda.org/meeting/76825")),
        "source": F(SOURCE),
    },
    title="Event",
    description="A session, meeting or milestone. One file per event in data/events/.",
)

_LABELLED = {
    "id": F(Id(), required=True),
    "label": F(Translated("The name shown on the site.", required=CODES), required=True),
    "description": F(Translated("What the value means.", required=CODES)),
}

STANCE = Obj(dict(_LABELLED), description="One value of a criterion's stance vocabulary.")

CRITERIA = Obj(
    {
        "criteria": F(
            ListOf(
                Obj(
                    {
                        **_LABELLED,
                        "question": F(Translated("The question the criterion asks.", required=CODES), required=True),
                        "source": F(SOURCE),
                        "stances": F(ListOf(STANCE, min_items=1), required=True),
                    }
                ),
                min_items=1,
            ),
            required=True,
        ),
        "not_stated": F(STANCE, required=True),
    },
    title="Criteria",
    description="The criteria of regular institutional dialogue and their stance vocabularies.",
)

OBJECTIVES = Obj(
    {
        "objectives": F(
            ListOf(Obj({**_LABELLED, "sources": F(ListOf(SOURCE))}), min_items=1),
            required=True,
        )
    },
    title="Objectives",
    description="The objectives vocabulary ('form follows function').",
)

SIMPLE_VOCABULARY = Obj(
    {"values": F(ListOf(Obj(dict(_LABELLED)), min_items=1), required=True)},
    title="Vocabulary",
    description="A list of ids with labels in the six languages.",
)

INTERFACE = MapOf(
    Text(pattern=r"^[a-z0-9_.-]+$", max_length=80),
    Translated("One interface string in the six languages.", required=CODES),
    description="Interface text, keyed by message id.",
)


@dataclass(frozen=True)
class Kind:
    name: str
    folder: str  # under data/
    spec: Spec
    one_per_file: bool = True


KINDS: tuple[Kind, ...] = (
    Kind("document", "documents", DOCUMENT),
    Kind("actor", "actors", ACTOR),
    Kind("position", "positions", POSITION),
    Kind("proposal", "proposals", PROPOSAL),
    Kind("event", "events", EVENT),
)

# Single files holding vocabularies and interface text: vocabularies are data, not code.
SINGLE_FILES: dict[str, Spec] = {
    "vocabularies/criteria.yml": CRITERIA,
    "vocabularies/objectives.yml": OBJECTIVES,
    "vocabularies/regional-groups.yml": SIMPLE_VOCABULARY,
    "vocabularies/document-kinds.yml": SIMPLE_VOCABULARY,
    "interface.yml": INTERFACE,
}


def json_schema_for(name: str, spec: Spec) -> dict:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{name}.schema.json"}
    schema.update(spec.json_schema())
    return schema


def all_json_schemas() -> dict[str, dict]:
    """File name → JSON Schema, for every kind and single file."""
    out = {f"{k.name}.schema.json": json_schema_for(k.name, k.spec) for k in KINDS}
    for path, spec in SINGLE_FILES.items():
        name = path.rsplit("/", 1)[-1].removesuffix(".yml")
        out[f"{name}.schema.json"] = json_schema_for(name, spec)
    return out
