"""The kinds of record, each declared once: the one place a new kind of record is added.

Everything else reads this registry: loading (its folder under data/ and its spec), the corpus
(its records, by kind), validation (where its ids are listed), the pages (its page, its index and
its section of the site), the timeline, the open data (its records and its JSON Schema) and the
tests' lists. Its references to other records are checked from `refers`; any other check against
other records is a method of validate.Checker, named in Checker.CHECKS.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import schema, slugs
from .text import reading_order

if TYPE_CHECKING:  # only for the annotations: the corpus and the pages read this module
    from ..render.pages import Site
    from .corpus import Corpus


@dataclass(frozen=True)
class Mark:
    """How a kind is drawn on the timeline (compare/timeline/): a colour and a shape ('square',
    'diamond', or 'bar', which spans from date to end_date)."""

    colour: str
    shape: str


@dataclass(frozen=True)
class Kind:
    name: str  # 'event': in messages, in page kinds (data-rid-kind) and the interface's 'timeline.kind.event'
    folder: str  # 'events': its folder in data/, its section of the site (events/), its key in the open data
    spec: schema.Spec  # its fields (schema.py): checked on loading, exported as JSON Schema
    title: Callable[[Site, dict], str]  # its page's title, and its label on the timeline
    # What its page's template (templates/<name>.html) is given besides the record, which it gets as
    # <name> unless this says otherwise; None: the record alone.
    context: Callable[[Corpus, dict], dict] | None = None
    # Its index (templates/index-<folder>.html, titled by the interface's 'section.<folder>'), in
    # order; None: by date, ties by id.
    listed: Callable[[Corpus, Site], list[dict]] | None = None
    # Fields that name other records (a kind) or a vocabulary's values ('objective', 'regional group',
    # 'document kind': validate.Checker.known), one id or a list of ids: each must exist.
    refers: tuple[tuple[str, str], ...] = ()
    timeline: Mark | None = None  # drawn on the timeline, if given
    parts: tuple[tuple[str, str], ...] = ()  # pages of its parts, as (name, address pattern) for the open data

    @property
    def template(self) -> str:
        return f"{self.name}.html"

    @property
    def listing(self) -> str:
        """Where a maintainer finds its valid ids."""
        return f"data/{self.folder}/"

    @property
    def dated(self) -> bool:
        """Every record of the kind has a date (lists of it go by date)."""
        date = self.spec.fields.get("date")
        return date is not None and date.required

    def url(self, record_id: str) -> str:
        return slugs.record_page(self.folder, record_id)

    def page_context(self, corpus: Corpus, record: dict) -> dict:
        return self.context(corpus, record) if self.context else {self.name: record}


def _document_title(site: Site, doc: dict) -> str:
    both = "symbol" in doc and "short_title" in doc
    return site.doc_label(doc["id"]) + (" — " + site.doc_short(doc["id"]).text if both else "")


def _position_title(site: Site, pos: dict) -> str:
    names = ", ".join(site.actor_name(a) for a in pos["actors"])
    return site.t("position.title", actors=names, date=site.t.date(pos["date"]))


def _titled(site: Site, record: dict) -> str:
    return site.pick(record["title"]).text


def _actors_by_name(corpus: Corpus, site: Site) -> list[dict]:
    """By the actor's name in the reader's language (Germany before Switzerland), not by ISO code."""
    return sorted(corpus.actors.values(), key=lambda a: (reading_order(site.actor_name(a["id"])), a["id"]))


DOCUMENT = Kind(
    "document",
    "documents",
    schema.DOCUMENT,
    title=_document_title,
    context=lambda c, doc: {"doc": doc, "paragraphs": c.paragraphs_by_document[doc["id"]]},
    refers=(("kind", "document kind"),),
    timeline=Mark("#0072B2", "square"),
    parts=(("paragraph", slugs.PARAGRAPH_ADDRESS),),
)
ACTOR = Kind(
    "actor",
    "actors",
    schema.ACTOR,
    title=lambda site, actor: site.actor_name(actor["id"]),
    context=lambda c, a: {"actor": a, "positions": c.positions_of(a["id"]), "proposals": c.proposals_of(a["id"])},
    listed=_actors_by_name,
    refers=(("regional_group", "regional group"), ("members", "actor")),
)
POSITION = Kind(
    "position",
    "positions",
    schema.POSITION,
    title=_position_title,
    context=lambda c, pos: {"pos": pos},
    refers=(
        ("actors", "actor"),
        ("event", "event"),
        ("objectives", "objective"),
        ("supports", "proposal"),
        ("opposes", "proposal"),
    ),
)


def _proposal_context(corpus: Corpus, prop: dict) -> dict:
    supporters, opponents = corpus.positions_on_proposal(prop["id"])
    return {"prop": prop, "supporters": supporters, "opponents": opponents}


PROPOSAL = Kind(
    "proposal",
    "proposals",
    schema.PROPOSAL,
    title=_titled,
    context=_proposal_context,
    refers=(("proponents", "actor"), ("cosponsors", "actor")),
    timeline=Mark("#009E73", "diamond"),
)
EVENT = Kind(
    "event",
    "events",
    schema.EVENT,
    title=_titled,
    context=lambda c, event: {"event": event, "positions": c.positions_at(event["id"])},
    timeline=Mark("#B35900", "bar"),
)

# In this order: the sections of the site and their indexes, the open data's lists of records.
KINDS: tuple[Kind, ...] = (DOCUMENT, ACTOR, POSITION, PROPOSAL, EVENT)
BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}

# The page of each kind of record (and of its parts), as a pattern for the readers of the open data.
RECORD_ADDRESSES: dict[str, str] = {
    name: pattern for kind in KINDS for name, pattern in ((kind.name, kind.url("{id}")), *kind.parts)
}


def record_url(kind: str, record_id: str) -> str:
    """The page of a record of a kind named at run time: ('event', 'oewg-1') → 'events/oewg-1/'."""
    return BY_NAME[kind].url(record_id)


def json_schema_for(name: str, spec: schema.Spec) -> dict:
    out = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"{name}.schema.json"}
    out.update(spec.json_schema())
    return out


def all_json_schemas() -> dict[str, dict]:
    """File name → JSON Schema, for every kind and single file."""
    out = {f"{k.name}.schema.json": json_schema_for(k.name, k.spec) for k in KINDS}
    for path, spec in schema.SINGLE_FILES.items():
        name = path.rsplit("/", 1)[-1].removesuffix(".yml")
        out[f"{name}.schema.json"] = json_schema_for(name, spec)
    return out
