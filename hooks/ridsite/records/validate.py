"""Checks that need all records at once: every reference resolves and every quote is verbatim."""

from __future__ import annotations

import datetime
import re
import unicodedata

from ..model import dates, slugs, textrules
from ..model.corpus import Corpus
from ..model.kinds import KINDS, Kind
from ..model.problems import Problems, did_you_mean
from .sources import Sources

# Where a maintainer finds the valid ids of each kind of reference.
LISTINGS = {
    **{kind.name: kind.listing for kind in KINDS},
    "objective": "data/vocabularies/objectives.yml",
    "criterion": "data/vocabularies/criteria.yml",
    "stance": "data/vocabularies/criteria.yml",
    "regional group": "data/vocabularies/regional-groups.yml",
    "document kind": "data/vocabularies/document-kinds.yml",
}

OMISSION = re.compile(r"\s*(?:\[…\]|…)\s*")


def normalise(text: str) -> str:
    """Whitespace-insensitive comparison in NFC: runs of spaces and line breaks count as one space,
    and an accent typed as a separate mark (e + U+0301) equals the accented letter (é)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def quote_occurs(quote: str, paragraph_text: str, normalised: bool = False) -> bool:
    """True when the quote's parts (split at an omission mark …) occur in order in the text
    (normalised=True: the text is already normalise()d, as Checker keeps it per paragraph)."""
    haystack = paragraph_text if normalised else normalise(paragraph_text)
    position = 0
    for part in OMISSION.split(quote):
        part = normalise(part)
        if not part:
            continue
        found = haystack.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True


def first_mismatch(quote: str, paragraph_text: str) -> str:
    """The first words of the quote that cannot be found, to help spot the changed word."""
    haystack = normalise(paragraph_text)
    words = normalise(OMISSION.sub(" ", quote)).split(" ")
    for i in range(1, len(words) + 1):
        if normalise(" ".join(words[:i])) not in haystack:
            start = max(0, i - 3)
            return " ".join(words[start:i])
    return ""


def first_different_character(quote: str, paragraph_text: str) -> str:
    """Names the first character of the quote that the paragraph does not have where the quote's
    words would be, when either is not plain ASCII (only then can the words look identical), e.g.
    "the quote has 'о' (U+043E CYRILLIC SMALL LETTER O) where the paragraph has 'o' (U+006F LATIN
    SMALL LETTER O)": words that look alike but differ are otherwise invisible."""
    haystack = normalise(paragraph_text)
    part = next((p for p in map(normalise, OMISSION.split(quote)) if p and p not in haystack), "")
    if not part:
        return ""
    # The longest start of the part that the paragraph has (a longer start is found only if a
    # shorter one is); its next character is where they part.
    low, high = 0, len(part)
    while low < high:
        middle = (low + high + 1) // 2
        if part[:middle] in haystack:
            low = middle
        else:
            high = middle - 1
    if low == 0:
        return ""
    char = part[low]
    found = haystack.find(part[:low]) + low
    theirs = haystack[found] if found < len(haystack) else ""

    if char.isascii() and theirs.isascii() and char.isprintable():
        return ""  # a plain typo: the words named already show it
    if not theirs:
        return f"the quote has {textrules.shown(char)} where the paragraph ends"
    return f"the quote has {textrules.shown(char)} where the paragraph has {textrules.shown(theirs)}"


class Checker:
    def __init__(self, corpus: Corpus, sources: Sources, problems: Problems):
        self.c = corpus
        self.sources = sources
        self.problems = problems
        self.criteria_ids = [c["id"] for c in corpus.criteria]
        self.objective_ids = [o["id"] for o in corpus.objectives]
        # The stances each criterion allows, and each quoted paragraph's normalised text: worked
        # out once, not once per position (thousands of positions quote the same few hundred).
        self.allowed_stances = {
            c["id"]: [s["id"] for s in c["stances"]] + [corpus.not_stated["id"]] for c in reversed(corpus.criteria)
        }
        self.normalised_text: dict[tuple[str, str], str] = {}
        self.today = datetime.date.today().isoformat()
        # The ids a reference may name (kinds.Kind.refers): the records of each kind, the vocabularies.
        self.known = {kind.name: corpus.records[kind.name] for kind in KINDS} | {
            "objective": self.objective_ids,
            "regional group": [g["id"] for g in corpus.regional_groups],
            "document kind": [k["id"] for k in corpus.document_kinds],
        }

    def report(self, kind: str, record_id: str, path: tuple, message: str) -> None:
        self.sources.report_record(self.problems, kind, record_id, path, message)

    def line_of(self, kind: str, record_id: str, path: tuple) -> int:
        """The line of a field, to point a maintainer at the first of two clashing entries."""
        return self.sources.files[self.sources.record_file[(kind, record_id)]].where(path)[0]

    def report_in(self, shown: str, path: tuple, message: str) -> None:
        self.sources.report(self.problems, shown, path, message)

    # -- references ----------------------------------------------------------------------
    def ref(self, report, path, value, known, what: str, where: str = "") -> bool:
        if value in known:
            return True
        if (what, value) in self.sources.failed:
            return False  # its file has problems of its own, already listed
        listing = LISTINGS.get(what, "")
        # A record left out for its own problems is still a file: suggest it too.
        choices = list(known) + [v for w, v in self.sources.failed if w == what]
        report(path, f"unknown {what} '{value}'{where}.{did_you_mean(value, choices, listing)}")
        return False

    def references(self, kind: Kind) -> None:
        """Each id that a record of this kind names in a field of its `refers` exists."""
        for record_id, record in self.c.records[kind.name].items():
            report = lambda path, msg, r=record_id: self.report(kind.name, r, path, msg)  # noqa: E731
            for field, what in kind.refers:
                value = record.get(field)
                named = enumerate(value) if isinstance(value, list) else [] if value is None else [(None, value)]
                for i, one in named:
                    self.ref(report, (field,) if i is None else (field, i), one, self.known[what], what)

    def source(self, report, path: tuple, src: dict, quote: str | None = None, quote_path: tuple = ("quote",)) -> None:
        doc_id, pin = src["document"], src["paragraph"]
        if not self.ref(report, path + ("document",), doc_id, self.c.documents, "document"):
            return
        para = self.c.paragraphs.get((doc_id, pin)) if isinstance(pin, str) else None
        if para is None:
            pins = [p.pin for p in self.c.paragraphs_by_document.get(doc_id, [])]
            report(
                path + ("paragraph",),
                (
                    f"document '{doc_id}' has no paragraph '{pin}'.{did_you_mean(pin, pins)} If the document has "
                    f"it, add the paragraph to {self.sources.record_file[('document', doc_id)]} first"
                ),
            )
            return
        if quote is not None:
            key = (doc_id, pin)
            if key not in self.normalised_text:
                self.normalised_text[key] = normalise(self.c.full_text(para))
            if not quote_occurs(quote, self.normalised_text[key], normalised=True):
                missing = first_mismatch(quote, self.c.full_text(para))
                hint = f" (the words '{missing}' are not in it)" if missing else ""
                differs = first_different_character(quote, self.c.full_text(para))
                if differs:
                    hint = f" (the words '{missing}' are not in it: {differs})"
                report(
                    quote_path,
                    f"the quote does not occur verbatim in {doc_id} paragraph {pin}{hint}; "
                    "copy the exact words, and mark any omission with …",
                )

    def stances(self, report, stances: dict) -> None:
        for cid in self.criteria_ids:
            if cid not in stances:
                report(
                    ("stances", cid),
                    f"no stance given for '{cid}'; write '{cid}: not-stated' if the source says nothing on it",
                )
        for cid, sid in stances.items():
            if not self.ref(report, ("stances", cid), cid, self.criteria_ids, "criterion"):
                continue
            allowed = self.allowed_stances[cid]
            self.ref(report, ("stances", cid), sid, allowed, "stance", f" for the criterion '{cid}'")

    # -- kinds -----------------------------------------------------------------------------
    def documents(self) -> None:
        for doc_id, doc in self.c.documents.items():
            report = lambda path, msg, d=doc_id: self.report("document", d, path, msg)  # noqa: E731
            if "symbol" in doc and slugs.symbol_slug(doc["symbol"]) != doc_id:
                report(
                    ("id",),
                    f"a document with symbol {doc['symbol']} has the id '{slugs.symbol_slug(doc['symbol'])}'; rename "
                    "the file to match",
                )
            if doc["bibtex"] not in self.c.bibliography:
                report(
                    ("bibtex",),
                    f"data/bibliography.bib has no entry '{doc['bibtex']}'; add one with this key, "
                    f"or correct the key.{did_you_mean(doc['bibtex'], self.c.bibliography)}",
                )
            self.one_address_one_page(doc_id, doc, report)
            self.not_in_future(report, doc["date"])
            seen: dict[str, int] = {}
            for i, p in enumerate(doc["paragraphs"]):
                if p["id"] in seen:
                    first = self.line_of("document", doc_id, ("paragraphs", seen[p["id"]], "id"))
                    report(
                        ("paragraphs", i, "id"),
                        f"paragraph '{p['id']}' is given twice (first on line {first}); give each paragraph its own id",
                    )
                seen.setdefault(p["id"], i)
                item_ids = [it["id"] for it in p.get("items", [])]
                for j, item_id in enumerate(item_ids):
                    if item_ids.index(item_id) != j:
                        report(
                            ("paragraphs", i, "items", j, "id"),
                            f"sub-item '{item_id}' is given twice in this paragraph; give each sub-item its own id",
                        )
                if p.get("derived_from"):
                    self.source(report, ("paragraphs", i, "derived_from"), p["derived_from"])
                    self.derived_earlier(report, doc_id, doc, i, p["derived_from"])

    def not_in_future(self, report, value: object, path: tuple = ("date",)) -> None:
        """Words cannot have been said or published after today (a date as written: 2031, 2031-02;
        for a bound such as 'not before 2022-12', the bound)."""
        date = dates.iso(value) if isinstance(value, str) else value
        if isinstance(date, str) and date > self.today[: len(date)]:
            report(path, f"the date {value} is in the future; check the year")

    def derived_earlier(self, report, doc_id: str, doc: dict, i: int, src: dict) -> None:
        """A paragraph derives only from earlier text: an earlier or same-dated document, and no cycle."""
        earlier = self.c.documents.get(src["document"])
        if earlier is None or (src["document"], src["paragraph"]) not in self.c.paragraphs:
            return  # reported by source()
        later_date, earlier_date = str(doc["date"]), str(earlier["date"])
        common = min(len(later_date), len(earlier_date))
        if earlier_date[:common] > later_date[:common]:
            report(
                ("paragraphs", i, "derived_from", "document"),
                f"this paragraph ({later_date}) cannot derive from {src['document']} paragraph {src['paragraph']}, "
                f"which is later ({earlier_date}); derived_from names the earlier text a paragraph repeats",
            )
            return
        # Follow the chain from the earlier paragraph: coming back here is a cycle.
        start = (doc_id, doc["paragraphs"][i]["id"])
        seen, at = {start}, (src["document"], src["paragraph"])
        while at is not None and at not in seen:
            seen.add(at)
            para = self.c.paragraphs.get(at)
            derived = para.derived_from if para is not None else None
            at = (derived["document"], derived["paragraph"]) if derived else None
        if at == start:
            report(
                ("paragraphs", i, "derived_from"),
                f"derived_from goes round in a circle back to {doc_id} paragraph {start[1]}; "
                "a text cannot derive from itself: remove the link that points at the later text",
            )

    def one_address_one_page(self, doc_id: str, doc: dict, report) -> None:
        """Paragraph and sub-item ids that differ but would get the same address ('P90' and 'p90',
        '18-i' and sub-item 18(i)): one page would silently replace the other. The same id twice
        is reported on its own (just below), so it is not counted here."""
        first: dict[str, tuple[str, tuple]] = {}  # address slug → (pinpoint, field path)
        for i, p in enumerate(doc["paragraphs"]):
            entries = [(p["id"], ("paragraphs", i, "id"))] + [
                (slugs.pinpoint(p["id"], it["id"]), ("paragraphs", i, "items", j, "id"))
                for j, it in enumerate(p.get("items", []))
            ]
            for pin, path in entries:
                slug = slugs.pinpoint_slug(pin)
                if slug not in first:
                    first[slug] = (pin, path)
                    continue
                other, other_path = first[slug]
                if other == pin:
                    continue
                line = self.line_of("document", doc_id, other_path)
                report(
                    path,
                    f"'{pin}' and '{other}' (line {line}) would have the same address, "
                    f"{slugs.paragraph_url(doc_id, pin)}, so one page would replace the other; "
                    "give one of them another id",
                )

    def actors(self) -> None:
        groups = [g["id"] for g in self.c.regional_groups]
        for actor_id, actor in self.c.actors.items():
            report = lambda path, msg, a=actor_id: self.report("actor", a, path, msg)  # noqa: E731
            if actor["kind"] == "state":
                if "iso3" not in actor:
                    report(("iso3",), "a State needs its ISO 3166-1 alpha-3 code, e.g. iso3: EGY")
                elif actor["iso3"].lower() != actor_id:
                    report(
                        ("id",),
                        f"the id '{actor_id}' does not match iso3: {actor['iso3']}; a State's id is its ISO code "
                        f"in lower case ('{actor['iso3'].lower()}'): correct one of the two",
                    )
                if "regional_group" not in actor:
                    report(("regional_group",), "a State needs its UN regional group." + did_you_mean("", groups))
            for i, member in enumerate(actor.get("members", [])):
                if member == actor_id:
                    report(("members", i), f"the group '{actor_id}' lists itself as a member; list only other actors")

    def positions(self) -> None:
        for pid, pos in self.c.positions.items():
            report = lambda path, msg, p=pid: self.report("position", p, path, msg)  # noqa: E731
            self.source(report, ("source",), pos["source"], pos["quote"])
            self.stances(report, pos["stances"])
            opposed = pos.get("opposes", [])
            for i, prop in enumerate(pos.get("supports", [])):
                if prop in opposed:
                    report(
                        ("opposes", opposed.index(prop)),
                        f"the position both supports and opposes the proposal '{prop}' (supports[{i}]); "
                        "keep the one its quote states",
                    )
            self.not_in_future(report, pos["date"])

    def proposals(self) -> None:
        for pid, prop in self.c.proposals.items():
            report = lambda path, msg, p=pid: self.report("proposal", p, path, msg)  # noqa: E731
            self.source(report, ("source",), prop["source"], prop["quote"])
            self.not_in_future(report, prop["date"])
            for i, src in enumerate(prop.get("also_sources", [])):
                self.source(report, ("also_sources", i), src)
            self.stances(report, prop["stances"])
            self.outcome_fields(report, prop)

    def outcome_fields(self, report, prop: dict) -> None:
        """Grounds and fate quote their sources verbatim; a fate points at an agreed outcome."""
        for cid, grounds in prop.get("grounds", {}).items():
            if not self.ref(report, ("grounds", cid), cid, self.criteria_ids, "criterion"):
                continue
            if prop["stances"].get(cid) == self.c.not_stated["id"]:
                report(("grounds", cid), f"'{cid}' is not-stated in stances: a stance with grounds must state it")
            for i, g in enumerate(grounds):
                self.source(
                    report, ("grounds", cid, i, "source"), g["source"], g["quote"], ("grounds", cid, i, "quote")
                )
        fate = prop.get("fate")
        if fate:
            if self.ref(report, ("fate", "outcome"), fate["outcome"], self.c.proposals, "proposal"):
                if self.c.proposals[fate["outcome"]].get("status") != "agreed":
                    report(("fate", "outcome"), f"'{fate['outcome']}' is not an agreed outcome (status: agreed)")
            self.source(report, ("fate", "source"), fate["source"], fate["quote"], ("fate", "quote"))
        if prop.get("status") == "agreed" and fate:
            report(("fate",), "the agreed outcome itself has no fate; remove it")

    def events(self) -> None:
        for eid, event in self.c.events.items():
            report = lambda path, msg, e=eid: self.report("event", e, path, msg)  # noqa: E731
            if "end_date" in event and event["end_date"] < event["date"]:
                report(
                    ("end_date",),
                    f"the end date {event['end_date']} is before the start date {event['date']}; check both dates",
                )
            if "source" in event:
                self.source(report, ("source",), event["source"])

    def vocabularies(self) -> None:
        shown = f"{self.sources.display_root}/vocabularies/criteria.yml"
        report = lambda path, msg: self.report_in(shown, path, msg)  # noqa: E731
        for i, crit in enumerate(self.c.criteria):
            if "source" in crit:
                self.source(report, ("criteria", i, "source"), crit["source"])
            ids = [s["id"] for s in crit["stances"]]
            for j, sid in enumerate(ids):
                if ids.index(sid) != j or sid == self.c.not_stated.get("id"):
                    report(
                        ("criteria", i, "stances", j, "id"),
                        f"the stance '{sid}' is defined twice; give each stance its own id",
                    )
        shown = f"{self.sources.display_root}/vocabularies/objectives.yml"
        report = lambda path, msg: self.report_in(shown, path, msg)  # noqa: E731
        for i, obj in enumerate(self.c.objectives):
            for j, src in enumerate(obj.get("sources", [])):
                self.source(report, ("objectives", i, "sources", j), src)
        for rel, key, vocab in (
            ("vocabularies/criteria.yml", "criteria", self.c.criteria),
            ("vocabularies/objectives.yml", "objectives", self.c.objectives),
        ):
            ids = [v["id"] for v in vocab]
            for i, vid in enumerate(ids):
                if ids.index(vid) != i:
                    self.report_in(
                        f"{self.sources.display_root}/{rel}",
                        (key, i, "id"),
                        f"the id '{vid}' is defined twice; give each entry its own id",
                    )

    # Each kind's checks against the other records (a kind that refers to none needs no entry).
    CHECKS = {"document": documents, "actor": actors, "position": positions, "proposal": proposals, "event": events}

    def run(self) -> None:
        for kind in KINDS:
            self.references(kind)
            if kind.name in self.CHECKS:
                self.CHECKS[kind.name](self)
        self.vocabularies()


def check_references(corpus: Corpus, sources: Sources, problems: Problems) -> None:
    from .interfacecheck import check_interface

    shown = f"{sources.display_root}/interface.yml"
    if corpus.interface:
        check_interface(corpus.interface, lambda path, msg: sources.report(problems, shown, path, msg))
    if not corpus.criteria or not corpus.not_stated:
        return  # the vocabulary file itself is broken: its own problems are already listed
    Checker(corpus, sources, problems).run()
