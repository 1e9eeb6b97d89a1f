"""Who stands where: matrices of actors (rows) against stances or objectives (columns), and the
table of proposals (rows) with who put each forward, supports or opposes it.

Every filled cell keeps the records it rests on (Evidence), so that a page can link each cell to
the quote and the paragraph behind it, or, when a cell rests on several, to the place that lists
them (Matrix.list_url: a section of the actor's page). Columns are a fixed vocabulary, rows are
actors or proposals: no table grows with the records except by its rows.
Plain data built from a Corpus; no language, no HTML.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..model import slugs
from ..model.corpus import Corpus
from ..model.kinds import record_url

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
        return record_url(self.kind, self.record_id)

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
    # Which row of an actor's page lists a cell's records: column id → its id (stance_anchor …).
    anchor: Callable[[str], str] | None = None

    def list_url(self, row: Row, column_id: str) -> str:
        """Where the records of one cell are listed, each with its quote and its paragraph."""
        if self.anchor is None or row.kind != "actor":
            raise ValueError(f"matrix {self.id} has no list for a cell of {row.kind} {row.id}")
        return f"{slugs.actor_url(row.id)}#{self.anchor(column_id)}"

    def count(self, column_id: str) -> int:
        """How many rows (actors, proposals) have at least one record in this column."""
        return sum(1 for row in self.rows if row.cells.get(column_id))


# -- sections of an actor's page that list the records behind one cell ---------------------------
def stance_anchor(criterion_id: str, stance_id: str) -> str:
    """Ids are slugs ([a-z0-9] words joined by single hyphens): "--" is unambiguous, and no other
    id of the actor's page has it."""
    return f"{criterion_id}--{stance_id}"


def objective_anchor(objective_id: str) -> str:
    return f"objective-{objective_id}"


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
    return Matrix(criterion_id, columns, rows, lambda stance: stance_anchor(criterion_id, stance))


def criterion_proposals_matrix(corpus: Corpus, criterion_id: str) -> Matrix:
    """Proposals × the criterion's stances: where each proposal on record stands."""
    columns = stance_columns(corpus, criterion_id)
    rows = []
    for prop in corpus.proposals_by_date:
        cells = {col.id: [] for col in columns}
        cells[prop["stances"][criterion_id]].append(_evidence("proposal", prop))
        rows.append(Row("proposal", prop["id"], None, cells))
    return Matrix(f"{criterion_id}-proposals", columns, rows)


def objective_columns(corpus: Corpus) -> list[Column]:
    columns = [Column(o["id"], o["label"], slugs.objective_url(o["id"])) for o in corpus.objectives]
    columns.append(Column(NOT_NAMED, corpus.not_stated["label"], slugs.index_url("objectives")))
    return columns


def objectives_matrix(corpus: Corpus) -> Matrix:
    """Actors × objectives ("form follows function"), with a column for positions naming none."""
    columns = objective_columns(corpus)
    rows = []
    for actor_id in actors_with_positions(corpus):
        cells = {col.id: [] for col in columns}
        for pos in corpus.positions_of(actor_id):
            for oid in pos.get("objectives") or [NOT_NAMED]:
                cells[oid].append(_evidence("position", pos))
        rows.append(Row("actor", actor_id, corpus.actors[actor_id].get("regional_group"), cells))
    return Matrix("objectives", columns, rows, objective_anchor)


@dataclass
class ActorSection:
    """One row of an actor's page that lists the positions behind one cell of a matrix."""

    anchor: str
    criterion: dict | None  # None for the objectives
    column: Column
    evidence: list[Evidence]


def actor_sections(corpus: Corpus, actor_id: str) -> tuple[list[ActorSection], list[ActorSection]]:
    """The actor's positions by criterion and stance, and by objective: the lists that the cells of
    the criterion and objectives matrices link to when they rest on more than one position."""
    positions = corpus.positions_of(actor_id)
    stances = []
    for crit in corpus.criteria:
        for col in stance_columns(corpus, crit["id"]):
            ev = [_evidence("position", p) for p in positions if p["stances"][crit["id"]] == col.id]
            if ev:
                stances.append(ActorSection(stance_anchor(crit["id"], col.id), crit, col, ev))
    objectives = []
    for col in objective_columns(corpus):
        ev = [_evidence("position", p) for p in positions if col.id in (p.get("objectives") or [NOT_NAMED])]
        if ev:
            objectives.append(ActorSection(objective_anchor(col.id), None, col, ev))
    return stances, objectives


@dataclass
class ProposalRow:
    """One proposal, who put it forward, and the positions on record for and against it."""

    proposal_id: str
    evidence: Evidence  # the proposal's own source: its date, proponents and co-sponsors
    proponents: list[str]
    cosponsors: list[str]
    supports: list[Evidence]
    opposes: list[Evidence]


def proposals_table(corpus: Corpus) -> list[ProposalRow]:
    """Every proposal on record, by date. A proposal is a row (not a column), so that the table
    grows by rows only and can be split into pages."""
    on = {p: {"supports": [], "opposes": []} for p in corpus.proposals}
    for pos in corpus.positions_by_date:
        for role in ("supports", "opposes"):
            for pid in pos.get(role, []):
                on[pid][role].append(_evidence("position", pos))  # the column says which
    return [
        ProposalRow(
            prop["id"],
            _evidence("proposal", prop),
            list(prop["proponents"]),
            list(prop.get("cosponsors", [])),
            on[prop["id"]]["supports"],
            on[prop["id"]]["opposes"],
        )
        for prop in corpus.proposals_by_date
    ]


@dataclass(frozen=True)
class Rating:
    """One cell of the scorecard: a proposal's stance on a criterion, and the record behind it."""

    stance: str
    evidence: Evidence


@dataclass(frozen=True)
class Tally:
    """Positions behind one count of the scorecard, with what the count rests on: how many actors
    and which source documents. Empty means the record is silent, which is not the same as 0."""

    positions: tuple[Evidence, ...]
    actors: int
    documents: tuple[str, ...]  # the source documents, by id

    def __len__(self) -> int:
        return len(self.positions)


def tally(positions) -> Tally:
    positions = list(positions)
    actors = {a for p in positions for a in p["actors"]}
    documents = sorted({p["source"]["document"] for p in positions})
    return Tally(tuple(_evidence("position", p) for p in positions), len(actors), tuple(documents))


# A proposal whose own source codes it as one of these institutional stances would set up a new
# mechanism: positions sceptical of any new mechanism bear on it even when they name no proposal.
NEW_MECHANISM = ("new-body", "separate-organisation")
SCEPTICAL = ("institutional", "sceptical-of-new-mechanism")


@dataclass
class ScoreRow:
    proposal_id: str
    ratings: dict[str, Rating]  # criterion id → rating
    supporters: int
    opponents: int
    # -- what the record holds for and against the proposal (compare-scorecard.html) --
    support: Tally = field(default_factory=lambda: tally([]))
    opposition: Tally = field(default_factory=lambda: tally([]))
    scepticism: Tally | None = None  # None: the proposal sets up no new mechanism
    sponsors: int = 0  # proponents and co-sponsors named by the proposal's own record


def scorecard(corpus: Corpus) -> list[ScoreRow]:
    """Every proposal on record (the formats), by date, rated on each criterion by its own source."""
    rows = []
    for prop in corpus.proposals_by_date:
        evidence = _evidence("proposal", prop)
        ratings = {c["id"]: Rating(prop["stances"][c["id"]], evidence) for c in corpus.criteria}
        supporters, opponents = corpus.positions_on_proposal(prop["id"])
        sceptics = None
        if prop["stances"].get("institutional") in NEW_MECHANISM:
            sceptics = tally(corpus.positions_with_stance(*SCEPTICAL))
        sponsors = len(set(prop["proponents"]) | set(prop.get("cosponsors", [])))
        rows.append(
            ScoreRow(
                prop["id"],
                ratings,
                len(supporters),
                len(opponents),
                tally(supporters),
                tally(opponents),
                sceptics,
                sponsors,
            )
        )
    return rows
