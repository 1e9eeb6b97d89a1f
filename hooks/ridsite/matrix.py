"""Who stands where: matrices of actors (rows) against stances, objectives or proposals (columns).

Every filled cell keeps the records it rests on (Evidence), so that a page can link each cell to
the quote and the paragraph behind it. Plain data built from a Corpus; no language, no HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import slugs
from .corpus import Corpus

NOT_NAMED = "none"  # column of the objectives and proposals matrices: the position names none


@dataclass(frozen=True)
class Evidence:
    """One record behind a cell: a position, or a proposal (for its proponents and the scorecard)."""

    kind: str  # "position" or "proposal"
    record_id: str
    date: str
    source: dict  # {"document": …, "paragraph": …}
    role: str = ""  # proposals matrix: supports, opposes, proponent or cosponsor

    @property
    def url(self) -> str:
        return slugs.position_url(self.record_id) if self.kind == "position" else slugs.proposal_url(self.record_id)

    @property
    def paragraph_url(self) -> str:
        return slugs.paragraph_url(self.source["document"], self.source["paragraph"])


@dataclass(frozen=True)
class Column:
    id: str
    label: dict  # language → text
    url: str  # where the column is explained, relative to the language root


@dataclass
class Row:
    kind: str  # "actor" or "proposal"
    id: str
    group: str | None  # UN regional group id; None for organisations, groups and proposals
    cells: dict[str, list[Evidence]] = field(default_factory=dict)

    def filled(self) -> list[str]:
        return [column for column, evidence in self.cells.items() if evidence]


@dataclass
class Matrix:
    id: str
    columns: list[Column]
    rows: list[Row]

    def count(self, column_id: str) -> int:
        """How many rows (actors, proposals) have at least one record in this column."""
        return sum(1 for row in self.rows if row.cells.get(column_id))

    def row(self, row_id: str) -> Row:
        return next(r for r in self.rows if r.id == row_id)


def _by_date(records):
    return sorted(records, key=lambda r: (r["date"], r["id"]))


def _evidence(kind: str, record: dict, role: str = "") -> Evidence:
    return Evidence(kind, record["id"], record["date"], record["source"], role)


def actors_with_positions(corpus: Corpus) -> list[str]:
    """Every actor named by at least one position, in regional-group order, then by id."""
    named = {a for p in corpus.positions.values() for a in p["actors"]}
    return sorted(named, key=lambda a: group_order(corpus, a))


def group_order(corpus: Corpus, actor_id: str) -> tuple[int, str]:
    groups = [g["id"] for g in corpus.regional_groups]
    group = corpus.actors[actor_id].get("regional_group")
    return (groups.index(group) if group in groups else len(groups), actor_id)


def stance_columns(corpus: Corpus, criterion_id: str) -> list[Column]:
    criterion = corpus.criterion(criterion_id)
    url = slugs.criterion_url(criterion_id)
    stances = [*criterion["stances"], corpus.not_stated]
    return [Column(s["id"], s["label"], f"{url}#stance-{s['id']}") for s in stances]


def criterion_matrix(corpus: Corpus, criterion_id: str) -> Matrix:
    """Actors × the criterion's stances (and "not stated"); a cell holds the positions taking it."""
    columns = stance_columns(corpus, criterion_id)
    rows = []
    for actor_id in actors_with_positions(corpus):
        cells = {col.id: [] for col in columns}
        for pos in corpus.positions_of(actor_id):
            cells[pos["stances"][criterion_id]].append(_evidence("position", pos))
        rows.append(Row("actor", actor_id, corpus.actors[actor_id].get("regional_group"), cells))
    return Matrix(criterion_id, columns, rows)


def criterion_proposals_matrix(corpus: Corpus, criterion_id: str) -> Matrix:
    """Proposals × the criterion's stances: where each proposal on record stands."""
    columns = stance_columns(corpus, criterion_id)
    rows = []
    for prop in _by_date(corpus.proposals.values()):
        cells = {col.id: [] for col in columns}
        cells[prop["stances"][criterion_id]].append(_evidence("proposal", prop))
        rows.append(Row("proposal", prop["id"], None, cells))
    return Matrix(f"{criterion_id}-proposals", columns, rows)


def objectives_matrix(corpus: Corpus) -> Matrix:
    """Actors × objectives ("form follows function"), with a column for positions naming none."""
    columns = [Column(o["id"], o["label"], slugs.objective_url(o["id"])) for o in corpus.objectives]
    columns.append(Column(NOT_NAMED, corpus.not_stated["label"], slugs.index_url("objectives")))
    rows = []
    for actor_id in actors_with_positions(corpus):
        cells = {col.id: [] for col in columns}
        for pos in corpus.positions_of(actor_id):
            for oid in pos.get("objectives") or [NOT_NAMED]:
                cells[oid].append(_evidence("position", pos))
        rows.append(Row("actor", actor_id, corpus.actors[actor_id].get("regional_group"), cells))
    return Matrix("objectives", columns, rows)


def actors_on_proposals(corpus: Corpus) -> list[str]:
    """Actors with a position, and the proponents and co-sponsors of proposals."""
    named = set(actors_with_positions(corpus))
    for prop in corpus.proposals.values():
        named |= set(prop["proponents"]) | set(prop.get("cosponsors", []))
    return sorted(named, key=lambda a: group_order(corpus, a))


def proposals_matrix(corpus: Corpus) -> Matrix:
    """Actors × proposals: who put each forward, co-sponsored, supported or opposed it, and where."""
    proposals = _by_date(corpus.proposals.values())
    columns = [Column(p["id"], p["title"], slugs.proposal_url(p["id"])) for p in proposals]
    columns.append(Column(NOT_NAMED, corpus.not_stated["label"], slugs.index_url("proposals")))
    rows = []
    for actor_id in actors_on_proposals(corpus):
        cells = {col.id: [] for col in columns}
        for prop in proposals:
            if actor_id in prop["proponents"]:
                cells[prop["id"]].append(_evidence("proposal", prop, "proponent"))
            elif actor_id in prop.get("cosponsors", []):
                cells[prop["id"]].append(_evidence("proposal", prop, "cosponsor"))
        positions = corpus.positions_of(actor_id)
        for pos in positions:
            for role in ("supports", "opposes"):
                for pid in pos.get(role, []):
                    cells[pid].append(_evidence("position", pos, role))
        if not any(cells.values()):
            cells[NOT_NAMED] = [_evidence("position", pos) for pos in positions]
        rows.append(Row("actor", actor_id, corpus.actors[actor_id].get("regional_group"), cells))
    return Matrix("proposals", columns, rows)


@dataclass(frozen=True)
class Rating:
    """One cell of the scorecard: a proposal's stance on a criterion, and the record behind it."""

    stance: str
    evidence: Evidence


@dataclass
class ScoreRow:
    proposal_id: str
    ratings: dict[str, Rating]  # criterion id → rating
    supporters: int
    opponents: int


def scorecard(corpus: Corpus) -> list[ScoreRow]:
    """Every proposal on record (the formats), by date, rated on each criterion by its own source."""
    rows = []
    for prop in _by_date(corpus.proposals.values()):
        evidence = _evidence("proposal", prop)
        ratings = {c["id"]: Rating(prop["stances"][c["id"]], evidence) for c in corpus.criteria}
        supporters, opponents = corpus.positions_on_proposal(prop["id"])
        rows.append(ScoreRow(prop["id"], ratings, len(supporters), len(opponents)))
    return rows
