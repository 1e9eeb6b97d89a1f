"""Record dates: a day, a month or a year as the source gives it, or only a bound.

A source that prints no date may still show what it is later than (the Russian concept paper
cites A/RES/77/36 of December 2022): ``"not before 2022-12"``. A proposal first known from a
later text is ``"not after 2022-12"``. The site then says "December 2022 or later (undated)"
and never turns the bound into a date of its own.
"""

from __future__ import annotations

NOT_BEFORE = "not before "
NOT_AFTER = "not after "
QUALIFIERS = (NOT_BEFORE, NOT_AFTER)


def split(value: str) -> tuple[str, str]:
    """(the qualifier, '' for an exact date; the ISO date or bound)."""
    for q in QUALIFIERS:
        if value.startswith(q):
            return q, value[len(q) :]
    return "", value


def iso(value: str) -> str:
    """The ISO date, or the bound of a bounded date (for sorting and placing on a chart)."""
    return split(value)[1]


def sort_key(value: str) -> str:
    """Date order: 'not before' comes after, 'not after' before, everything within its bound."""
    q, date = split(value)
    return date + "~" if q == NOT_BEFORE else date + " " if q == NOT_AFTER else date


def year(value: str) -> str:
    return iso(value)[:4]
