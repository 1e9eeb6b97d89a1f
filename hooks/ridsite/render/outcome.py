"""Where the debate ended: the agreed outcome, what became of each proposal, and the path there.

A feature module (see assemble.FEATURES): the page is outcome/. The outcome is a proposal with
``status: agreed`` (one model for proposals and outcome, so that they compare criterion by
criterion); a proposal's fate is only what its ``fate`` field quotes from a source, and where
there is none the pages say that the record is silent.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import dates
from ..model.corpus import Corpus
from . import cite, timeline
from .pages import Page, Renderer

URL = "outcome/"
PATH_FROM = "2013"  # the 2013 GGE report (A/68/98) first recommends regular institutional dialogue


def agreed(corpus: Corpus) -> dict | None:
    """The latest agreed outcome on record, if any."""
    found = [p for p in corpus.proposals_by_date if p.get("status") == "agreed"]
    return found[-1] if found else None


def proposals(corpus: Corpus) -> list[dict]:
    """Every recorded proposal but the outcomes, in date order."""
    return [p for p in corpus.proposals_by_date if p.get("status") != "agreed"]


@dataclass(frozen=True)
class Fate:
    kind: str  # "outcome" (this is it), a fate kind of the schema, or "silent"
    record: dict | None = None  # the fate as recorded (outcome, element, source, quote)


def fate_of(prop: dict) -> Fate:
    if prop.get("status") == "agreed":
        return Fate("outcome")
    if prop.get("fate"):
        return Fate(prop["fate"]["kind"], prop["fate"])
    return Fate("silent")


def path(corpus: Corpus) -> list[timeline.Item]:
    """Documents, events and proposals from 2013 to the latest on record, in date order."""
    return [i for i in timeline.items(corpus) if dates.year(i.date) >= PATH_FROM]


def meetings(corpus: Corpus) -> list[dict]:
    """The outcome's recorded meetings: events sourced to one of the outcome's own sources (as
    scheduled there). The latest is shown as such, never as 'next': a build has no today."""
    out = agreed(corpus)
    if out is None:
        return []
    documents = {out["source"]["document"]} | {s["document"] for s in out.get("also_sources", [])}
    return [e for e in corpus.events_by_date if e.get("source", {}).get("document") in documents]


def as_of(corpus: Corpus) -> tuple[str, dict | None, dict | None]:
    """(the record's day, the outcome's latest meeting held by then, its next one scheduled after).

    A build has no today, so "held" and "scheduled" are as of the day the record was last changed
    (the day its downloads carry, cite.made_on), and the home page says which day that is. With no
    such day: ('', the latest meeting on record, None)."""
    found = meetings(corpus)
    day = cite.made_on(corpus)
    if not day:
        return "", (found[-1] if found else None), None
    held = [e for e in found if dates.iso(e.get("end_date") or e["date"]) <= day]
    scheduled = [e for e in found if scheduled_after(day, e)]
    return day, (held[-1] if held else None), (scheduled[0] if scheduled else None)


def scheduled_after(day: str, event: dict) -> bool:
    """Whether a meeting was still to come on the record's day ('' for a day not known)."""
    return bool(day) and dates.iso(event["date"]) > day


def pages(renderer: Renderer) -> list[Page]:
    c = renderer.corpus
    items = path(c)
    return [
        renderer.page(
            "outcome.html",
            URL,
            "outcome",
            title=renderer.site.t("outcome.title"),
            out=agreed(c),
            others=proposals(c),
            fate_of=fate_of,
            meetings=meetings(c),
            day=cite.made_on(c),
            path=items,
            labels={i: timeline.label_html(i, renderer) for i in items},
        )
    ]
