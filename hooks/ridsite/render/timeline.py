"""A timeline of documents, sessions and proposals, from 2010 to the latest date on record.

Drawn at build time as an inline SVG (one row per item, so labels never overlap), with the same
items in a table below it. A feature module (see assemble.FEATURES): the page is compare/timeline/.

Light at any scale: the items are split by date into pages of PAGE_SIZE (compare/timeline/,
compare/timeline/page/2/ …), each with its own chart over the years it spans, linked by a pager and
by the years (each year links to the page, and the row, of its first item).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import dates
from ..model.corpus import Corpus
from ..model.kinds import BY_NAME, KINDS, record_url
from . import isolate, svg
from .pages import Page, Renderer, paged_title, paginate, render

URL = "compare/timeline/"
FIRST_YEAR = 2010  # the first GGE consensus report (A/65/201)
# The kinds on the timeline (kinds.py gives each its mark), by name: their order on a day they share
# and in the legend, which is derived from this list (legend()).
ON_TIMELINE = sorted(kind.name for kind in KINDS if kind.timeline)
COLOURS = {name: BY_NAME[name].timeline.colour for name in ON_TIMELINE}  # Okabe–Ito, darkened for text contrast
PAGE_SIZE = 100  # items per page (one row each in the chart and in the table)


@dataclass(frozen=True)
class Item:
    kind: str  # a kind on the timeline: document, event or proposal
    id: str
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD as recorded, or 'not before …' (dates.py)
    end_date: str | None = None

    @property
    def url(self) -> str:
        return record_url(self.kind, self.id)


def items(corpus: Corpus) -> list[Item]:
    records = [(kind, r) for kind in ON_TIMELINE for r in corpus.records[kind].values()]
    out = [Item(kind, r["id"], r["date"], r.get("end_date")) for kind, r in records]
    return sorted(out, key=lambda i: (dates.sort_key(i.date), ON_TIMELINE.index(i.kind), i.id))


def year_fraction(date: str) -> float:
    """2015-07-22 → 2015.55; a bare year or month is placed at its start, a record known only to
    be not before a date at that date (never guessed; its label says so)."""
    parts = [int(p) for p in dates.iso(date).split("-")]
    year, month, day = (parts + [1, 1])[:3]
    start = dt.date(year, 1, 1)
    days = (dt.date(year + 1, 1, 1) - start).days
    return year + (dt.date(year, month, day) - start).days / days


def span(all_items: list[Item], floor: int | None = FIRST_YEAR) -> tuple[int, int]:
    """First and last year shown: from 2010 (or earlier, if a record is older) to the latest date.
    With floor=None, from the first item's year (a later page of the timeline)."""
    if not all_items:
        return (floor or FIRST_YEAR), (floor or FIRST_YEAR)
    known = [i.date for i in all_items] + [i.end_date for i in all_items if i.end_date]
    years = [int(dates.year(d)) for d in known]
    return (min(years) if floor is None else min(floor, min(years))), max(years)


def label(item: Item, renderer: Renderer) -> str:
    """The title of the item's page."""
    return BY_NAME[item.kind].title(renderer.site, renderer.corpus.records[item.kind][item.id])


def label_html(item: Item, renderer: Renderer):
    """label() as HTML, each run in its own language and direction (isolate.py): on an Arabic page
    «A/RES/73/27 — القرار 73/27 (2018)» keeps its symbol on the right and its year in brackets."""
    site, corpus = renderer.site, renderer.corpus
    if item.kind == "document":
        doc = corpus.documents[item.id]
        if doc.get("symbol") and "short_title" in doc:
            short = site.doc_short(item.id)
            symbol = isolate.run(site, doc["symbol"], None)
            return isolate.whole(site, symbol + " — " + isolate.run(site, short.text, short.lang))
        return isolate.document(site, item.id)
    record = corpus.records[item.kind][item.id]  # an event or a proposal: its title
    title = site.pick(record["title"])
    return isolate.whole(site, isolate.run(site, title.text, title.lang))


WIDTH = 760
# The phone layout (issue 17, item 6): drawn for a phone's column (328 px on a 360 px phone, 358 on
# a 390 px one) with a font one px larger, so that even its axis is 12 px there instead of the
# ~5 px of the wide chart scaled down. CSS shows one of the two.
NARROW = 330
ROW = 22
TOP = 34
FONT = 12
YEAR_LABEL = 44  # px at least between two year labels on the axis ("2026" at FONT - 1, with a gap)


def mark(parent, kind: str, x: float, y: float, end: float | None = None) -> tuple[float, float]:
    """Draws the mark of one item, also drawn in the legend: a square for a document, a bar (as long
    as the meeting lasted, a short one for a one-day meeting) for a session or meeting, a diamond
    for a proposal. Returns the left and right edges it covers, beside which the label goes."""
    colour, shape = COLOURS[kind], BY_NAME[kind].timeline.shape  # the kind's mark, from the registry
    if shape == "square":
        svg.element(parent, "rect", x=x - 5, y=y - 5, width=10, height=10, fill=colour)
        return x - 5, x + 5
    if shape == "diamond":
        svg.element(parent, "path", d=f"M{svg.number(x)} {svg.number(y - 6)}l6 6-6 6-6-6z", fill=colour)
        return x - 6, x + 6
    left, right = sorted((x, x if end is None else end))
    if right - left < 8:
        middle = (left + right) / 2
        left, right = middle - 4, middle + 4
    svg.element(parent, "rect", x=left - 4, y=y - 4, width=right - left + 8, height=8, rx=4, fill=colour)
    return left - 4, right + 4


def legend_mark(kind: str):
    """A kind's mark as a small picture for the legend (decorative: the legend's words say it)."""
    root = svg.element(
        None,
        "svg",
        xmlns=svg.NS,
        viewBox="0 0 24 14",
        width="24",
        height="14",
        aria_hidden="true",
        focusable="false",
        class_="rid-legend__mark",
    )
    mark(root, kind, 12, 7)
    return svg.to_markup(root)


def legend() -> list[tuple[str, str]]:
    """Each kind the chart can draw (items() gives no other) with its mark, in the order of ON_TIMELINE:
    derived from the same list, a kind cannot be drawn without its entry in the legend."""
    return [(kind, legend_mark(kind)) for kind in ON_TIMELINE]


def timeline_svg(
    all_items: list[Item],
    renderer: Renderer,
    years: tuple[int, int] | None = None,
    width: int = WIDTH,
    id_prefix: str = "rid-timeline",
):
    """One row per item. No links inside (a picture must hold nothing focusable): the table below
    links each item to its page. `years`: the first and last year of the axis (span() if None);
    `width`: the drawing's width in px (WIDTH, or NARROW for phones)."""
    site = renderer.site
    first, last = years or span(all_items)
    height = TOP + ROW * len(all_items) + 8
    desc = site.t("timeline.desc", first=first, last=last, count=len(all_items))
    title = site.t("timeline.title", first=first, last=last)
    layout, font = ("wide", FONT) if width == WIDTH else ("narrow", FONT + 1)
    root = svg.root(
        width,
        height,
        title,
        desc,
        id_prefix=id_prefix,
        class_=f"rid-chart rid-timeline rid-timeline--{layout}",
        width="100%",
    )
    x_of = _Scale(first, last, width, site.rtl)
    _axis(root, x_of, height, font)
    for i, item in enumerate(all_items):
        _row(root, item, renderer, x_of, TOP + ROW * i + ROW / 2, font)
    return svg.to_markup(root)


@dataclass(frozen=True)
class _Scale:
    """A year (2015.55) → its x in px on a chart of width px, from first to the end of last."""

    first: int
    last: int
    width: int
    rtl: bool
    pad: int = 12

    @property
    def years(self) -> int:
        return self.last + 1 - self.first

    def __call__(self, year: float) -> float:
        x = self.pad + (self.width - 2 * self.pad) * (year - self.first) / self.years
        return self.width - x if self.rtl else x  # time runs right to left in Arabic


def _axis(root, x_of: _Scale, height: int, font: int) -> None:
    """A line at the start of every year, and the label of every year whose label fits."""
    axis = svg.element(root, "g", font_size=font - 1, fill="currentColor")
    step = max(1, -(-YEAR_LABEL * x_of.years // (x_of.width - 2 * x_of.pad)))
    for year in range(x_of.first, x_of.last + 2):
        x = x_of(year)
        svg.element(axis, "line", x1=x, x2=x, y1=TOP - 10, y2=height - 4, stroke="#D0D0D0", stroke_width=1)
        if (year - x_of.first) % step == 0 and year <= x_of.last:
            svg.element(axis, "text", str(year), x=x_of(year + 0.5), y=TOP - 16, text_anchor="middle")


def _row(root, item: Item, renderer: Renderer, x_of: _Scale, y: float, font: int) -> None:
    """One item's row: its mark at its date, and its label beside it."""
    site, width = renderer.site, x_of.width
    x = x_of(year_fraction(item.date))
    text = label(item, renderer)
    when = site.t.date_range(item.date, item.end_date) if item.end_date else site.t.date(item.date)
    group = svg.element(root, "g", class_=f"rid-timeline__item rid-timeline__item--{item.kind}")
    svg.element(group, "title", f"{text} ({site.t('timeline.kind.' + item.kind)}, {when})")
    left, right = mark(group, item.kind, x, y, x_of(year_fraction(item.end_date)) if item.end_date else None)
    # The label goes on the side with more room, clear of the mark; ElementTree escapes it.
    anchor = "start" if x < width / 2 else "end"
    tx = right + 5 if anchor == "start" else left - 5
    room_after = width - tx - 4 if anchor == "start" else tx - 4
    # On an Arabic page a label is read right to left (svg.root lays the picture out left to
    # right): its base direction is rtl, so that a shortened label's "…" ends it on the left,
    # and its anchor names the same edge from that side.
    if site.rtl:
        anchor = "end" if anchor == "start" else "start"
    svg.element(
        group,
        "text",
        svg.shorten(text, room_after, font),
        x=tx,
        y=y + font * 0.35,
        font_size=font,
        text_anchor=anchor,
        fill="currentColor",
        direction="rtl" if site.rtl else None,
    )


def year_links(chunks) -> dict[str, str]:
    """Year → the page (and row) of its first item, for the years that have items."""
    out: dict[str, str] = {}
    for chunk, pager in chunks:
        for item in chunk:
            out.setdefault(dates.year(item.date), f"{pager['url']}#year-{dates.year(item.date)}")
    return out


def _anchors(chunk: list[Item], pager: dict, years: dict[str, str]) -> dict[Item, str]:
    """The row of a year's first item carries the year's anchor (year-2021)."""
    out = {}
    for item in chunk:
        year = dates.year(item.date)
        if years[year] == f"{pager['url']}#year-{year}" and f"year-{year}" not in out.values():
            out[item] = f"year-{year}"
    return out


def pages(renderer: Renderer) -> list[Page]:
    """compare/timeline/ and, beyond PAGE_SIZE items, compare/timeline/page/2/ …: each item on one
    page, by date."""
    all_items = items(renderer.corpus)
    first, last = span(all_items)
    chunks = list(paginate(URL, all_items, PAGE_SIZE))
    years = year_links(chunks)
    title = renderer.site.t("timeline.heading")
    out = []
    for chunk, pager in chunks:
        axis = span(chunk, FIRST_YEAR if pager["number"] == 1 else None)
        number = pager["number"]
        out.append(
            render(
                renderer,
                "compare-timeline.html",
                pager["url"],
                "compare-timeline",
                title=paged_title(title, pager),
                items=chunk,
                chart=timeline_svg(chunk, renderer, axis),
                first=first,
                last=last,
                axis=axis,
                phone_chart=timeline_svg(chunk, renderer, axis, NARROW, "rid-timeline-narrow"),
                legend=legend(),
                labels={i: label_html(i, renderer) for i in chunk},
                pager=pager,
                years=years,
                total=len(all_items),
                start=(number - 1) * PAGE_SIZE + 1,
                anchors=_anchors(chunk, pager, years) if pager["count"] > 1 else {},
            )
        )
    return out
