"""What a comparison page's counts rest on: how many records, from how many sources, of which dates.

47 of the 55 positions come from one report of one meeting: a reader of a count must see that. The
notice is computed from the records a page counts, never written by hand (templates/_coverage.html).
Plain data; the words come from data/interface.yml (coverage.*).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import dates
from ..model.languages import BY_CODE

# Beyond this many distinct source dates, the notice gives the first and the last only.
DATES_LISTED = 4


@dataclass(frozen=True)
class Coverage:
    records: int  # positions (or proposals) counted
    sources: int  # distinct documents they quote
    dates: tuple[str, ...]  # the sources' dates, to the month ("2020-02", "2023"), oldest first
    undated: int  # sources with no date on record
    largest: str  # the document most of them quote ("" when there is none)
    largest_count: int

    @property
    def concentrated(self) -> bool:
        """Whether more than half of the records come from one source (the notice then says so)."""
        return self.sources > 1 and self.largest_count * 2 > self.records


def _month(date: str) -> str:
    """The month of a date, its bound kept ("not before 2022-12" stays a bound, never a date)."""
    bound, iso = dates.split(date)
    return bound + iso[:7]


def of(corpus, records) -> Coverage:
    """The coverage of positions or proposals (any record with a source)."""
    records = list(records)
    per_document = Counter(r["source"]["document"] for r in records)
    months = set()
    undated = 0
    for doc_id in per_document:
        date = corpus.documents[doc_id].get("date")
        if date:
            months.add(_month(str(date)))
        else:
            undated += 1
    largest, largest_count = max(per_document.items(), key=lambda kv: (kv[1], kv[0]), default=("", 0))
    return Coverage(
        len(records), len(per_document), tuple(sorted(months, key=dates.sort_key)), undated, largest, largest_count
    )


def dates_text(cov: Coverage, site) -> str:
    """ "February 2020 and 2023", or "from July 2010 to 2023" when there are many."""
    t = site.t
    names = [t.date(d) for d in cov.dates]
    if cov.undated:
        names.append(t("coverage.undated"))
    if len(cov.dates) > DATES_LISTED:
        return t("coverage.date_range", first=names[0], last=t.date(cov.dates[-1]))
    if len(names) <= 1:
        return "".join(names)
    return t("coverage.date_list", items=t("list.separator").join(names[:-1]), last=names[-1])


def sentence_gap(lang: str) -> str:
    """What separates two sentences of the notice: a space, or nothing in Chinese."""
    return BY_CODE[lang].sentence_gap
