"""The loaded records with the indexes pages need. Built only from records that passed validation."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from . import dates, slugs
from .kinds import KINDS


@dataclass(frozen=True)
class Paragraph:
    """A citable unit: a paragraph, a sub-item such as 18(i), or an unnumbered excerpt."""

    document: str
    pin: str  # as cited: '18', '18(i)', or our own excerpt id
    text: str
    numbered: bool = True
    heading: str | None = None
    parent: str | None = None  # the paragraph a sub-item belongs to
    items: tuple[str, ...] = ()  # pins of sub-items
    translations: dict = field(default_factory=dict, hash=False, compare=False)
    derived_from: dict | None = field(default=None, hash=False, compare=False)

    @property
    def slug(self) -> str:
        return slugs.pinpoint_slug(self.pin)

    @property
    def url(self) -> str:
        return slugs.paragraph_url(self.document, self.pin)


def flatten_paragraphs(doc: dict) -> list[Paragraph]:
    """Paragraphs in document order, each followed by its sub-items."""
    out: list[Paragraph] = []
    for p in doc.get("paragraphs", []):
        items = p.get("items", [])
        pins = tuple(slugs.pinpoint(p["id"], it["id"]) for it in items)
        out.append(
            Paragraph(
                document=doc["id"],
                pin=p["id"],
                text=p["text"],
                numbered=p.get("numbered", True),
                heading=p.get("heading"),
                items=pins,
                translations=p.get("translations", {}),
                derived_from=p.get("derived_from"),
            )
        )
        for it, pin in zip(items, pins):
            out.append(
                Paragraph(
                    document=doc["id"],
                    pin=pin,
                    text=it["text"],
                    numbered=p.get("numbered", True),
                    parent=p["id"],
                    translations=it.get("translations", {}),
                )
            )
    return out


@dataclass
class Corpus:
    # kind name (kinds.py) → record id → the record as loaded
    records: dict[str, dict[str, dict]] = field(default_factory=lambda: {kind.name: {} for kind in KINDS})
    criteria: list[dict] = field(default_factory=list)
    not_stated: dict = field(default_factory=dict)
    objectives: list[dict] = field(default_factory=list)
    regional_groups: list[dict] = field(default_factory=list)
    document_kinds: list[dict] = field(default_factory=list)
    interface: dict[str, dict] = field(default_factory=dict)
    bibliography: dict[str, dict] = field(default_factory=dict)  # key → fields
    # Derived indexes, filled by index():
    paragraphs: dict[tuple[str, str], Paragraph] = field(default_factory=dict)
    paragraphs_by_document: dict[str, list[Paragraph]] = field(default_factory=dict)
    _by_date: dict[str, list[dict]] = field(default_factory=dict, repr=False)

    # The records of each kind the pages and templates name.
    @property
    def documents(self) -> dict[str, dict]:
        return self.records["document"]

    @property
    def actors(self) -> dict[str, dict]:
        return self.records["actor"]

    @property
    def positions(self) -> dict[str, dict]:
        return self.records["position"]

    @property
    def proposals(self) -> dict[str, dict]:
        return self.records["proposal"]

    @property
    def events(self) -> dict[str, dict]:
        return self.records["event"]

    def index(self) -> Corpus:
        for doc_id, doc in self.documents.items():
            flat = flatten_paragraphs(doc)
            self.paragraphs_by_document[doc_id] = flat
            for p in flat:
                self.paragraphs[(doc_id, p.pin)] = p
        return self

    # -- lookups used by pages -----------------------------------------------------------
    def paragraph(self, source: dict) -> Paragraph:
        return self.paragraphs[(source["document"], source["paragraph"])]

    def full_text(self, para: Paragraph) -> str:
        """A paragraph's text with its sub-items, which is what a quote of the paragraph may span."""
        parts = [para.text] + [self.paragraphs[(para.document, pin)].text for pin in para.items]
        return " ".join(parts)

    def criterion(self, criterion_id: str) -> dict:
        return next(c for c in self.criteria if c["id"] == criterion_id)

    def stance(self, criterion_id: str, stance_id: str) -> dict:
        if stance_id == self.not_stated["id"]:
            return self.not_stated
        return next(s for s in self.criterion(criterion_id)["stances"] if s["id"] == stance_id)

    def objective(self, objective_id: str) -> dict:
        return next(o for o in self.objectives if o["id"] == objective_id)

    def vocabulary_label(self, vocabulary: list[dict], value_id: str) -> dict:
        return next(v["label"] for v in vocabulary if v["id"] == value_id)

    # Lookups below are answered from indexes built once, so that rendering stays linear in the
    # number of records (a scan per paragraph would make the build quadratic).
    #
    def by_date(self, kind: str) -> list[dict]:
        """A dated kind's records in date order (ties by id): the order of every list on the site and
        in the data files. Sorted once."""
        if kind not in self._by_date:
            records = self.records[kind].values()
            self._by_date[kind] = sorted(records, key=lambda r: (dates.sort_key(r["date"]), r["id"]))
        return self._by_date[kind]

    @property
    def positions_by_date(self) -> list[dict]:
        return self.by_date("position")

    @property
    def documents_by_date(self) -> list[dict]:
        return self.by_date("document")

    @property
    def events_by_date(self) -> list[dict]:
        return self.by_date("event")

    @cached_property
    def _positions_by_actor(self) -> dict[str, list[dict]]:
        index: dict[str, list[dict]] = defaultdict(list)
        for p in self.positions_by_date:
            for actor in p["actors"]:
                index[actor].append(p)
        return index

    @cached_property
    def _positions_by_paragraph(self) -> dict[tuple[str, str], list[dict]]:
        index: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for p in self.positions_by_date:
            index[(p["source"]["document"], p["source"]["paragraph"])].append(p)
        return index

    @property
    def proposals_by_date(self) -> list[dict]:
        return self.by_date("proposal")

    @cached_property
    def _proposals_by_paragraph(self) -> dict[tuple[str, str], list[dict]]:
        index: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for pr in self.proposals_by_date:
            cited = {(s["document"], s["paragraph"]) for s in [pr["source"], *pr.get("also_sources", [])]}
            for key in sorted(cited):
                index[key].append(pr)
        return index

    @cached_property
    def _repetitions(self) -> dict[tuple[str, str], list[Paragraph]]:
        index: dict[tuple[str, str], list[Paragraph]] = defaultdict(list)
        for p in self.paragraphs.values():
            if p.derived_from:
                index[(p.derived_from["document"], p.derived_from["paragraph"])].append(p)
        return index

    def positions_of(self, actor_id: str) -> list[dict]:
        return self._positions_by_actor.get(actor_id, [])

    def positions_citing(self, doc_id: str, pin: str) -> list[dict]:
        return self._positions_by_paragraph.get((doc_id, pin), [])

    def proposals_citing(self, doc_id: str, pin: str) -> list[dict]:
        return self._proposals_by_paragraph.get((doc_id, pin), [])

    @cached_property
    def _proposals_by_actor(self) -> dict[str, list[dict]]:
        index: dict[str, list[dict]] = defaultdict(list)
        for pr in self.proposals_by_date:
            for actor in dict.fromkeys([*pr["proponents"], *pr.get("cosponsors", [])]):
                index[actor].append(pr)
        return index

    @cached_property
    def _positions_on_proposal(self) -> dict[tuple[str, str], list[dict]]:
        """(proposal id, "supports" or "opposes") → positions, by date."""
        index: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for p in self.positions_by_date:
            for side in ("supports", "opposes"):
                for proposal_id in dict.fromkeys(p.get(side, [])):
                    index[(proposal_id, side)].append(p)
        return index

    @cached_property
    def _positions_at_event(self) -> dict[str, list[dict]]:
        index: dict[str, list[dict]] = defaultdict(list)
        for p in self.positions_by_date:
            if p.get("event"):
                index[p["event"]].append(p)
        return index

    @cached_property
    def _positions_by_objective(self) -> dict[str, list[dict]]:
        index: dict[str, list[dict]] = defaultdict(list)
        for p in self.positions_by_date:
            for objective_id in dict.fromkeys(p.get("objectives", [])):
                index[objective_id].append(p)
        return index

    @staticmethod
    def _by_stance(records: list[dict]) -> dict[tuple[str, str], list[dict]]:
        """(criterion id, stance id) → the records (positions or proposals) taking it, in order."""
        index: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for record in records:
            for criterion_id, stance_id in record["stances"].items():
                index[(criterion_id, stance_id)].append(record)
        return index

    @cached_property
    def _positions_by_stance(self) -> dict[tuple[str, str], list[dict]]:
        return self._by_stance(self.positions_by_date)

    @cached_property
    def _proposals_by_stance(self) -> dict[tuple[str, str], list[dict]]:
        return self._by_stance(self.proposals_by_date)

    def build_indexes(self) -> None:
        """Build every lookup index now: before `rid build` forks its language jobs, which then
        share them instead of each building its own."""
        for kind in KINDS:
            if kind.dated:
                self.by_date(kind.name)
        for name in dir(type(self)):
            if isinstance(getattr(type(self), name), cached_property):
                getattr(self, name)

    def proposals_of(self, actor_id: str) -> list[dict]:
        return self._proposals_by_actor.get(actor_id, [])

    def positions_on_proposal(self, proposal_id: str) -> tuple[list[dict], list[dict]]:
        return (
            self._positions_on_proposal.get((proposal_id, "supports"), []),
            self._positions_on_proposal.get((proposal_id, "opposes"), []),
        )

    def positions_with_stance(self, criterion_id: str, stance_id: str) -> list[dict]:
        return self._positions_by_stance.get((criterion_id, stance_id), [])

    def proposals_with_stance(self, criterion_id: str, stance_id: str) -> list[dict]:
        return self._proposals_by_stance.get((criterion_id, stance_id), [])

    def positions_at(self, event_id: str) -> list[dict]:
        return self._positions_at_event.get(event_id, [])

    def positions_for_objective(self, objective_id: str) -> list[dict]:
        return self._positions_by_objective.get(objective_id, [])

    def later_repetitions(self, para: Paragraph) -> list[Paragraph]:
        """Paragraphs whose derived_from points at this one ("repeated in")."""
        return self._repetitions.get((para.document, para.pin), [])

    def counts(self) -> dict[str, int]:
        return {
            "documents": len(self.documents),
            "paragraphs": len(self.paragraphs),
            "actors": len(self.actors),
            "positions": len(self.positions),
            "proposals": len(self.proposals),
        }
