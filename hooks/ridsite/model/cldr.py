"""Counts and dates in each language's own grammar, from the Unicode CLDR through Babel.

Plural forms are written in the interface text itself, in the format spec of the number:
``"{count} {count:one=document|other=documents}"``; "#" in a form is the number itself. The CLDR
plural rule of the page's language picks the category (Russian one/few/many, Arabic
zero/one/two/few/many …), so no suffix is ever hand-written in code, and every language keeps the
same placeholders.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from babel import Locale
from babel.dates import format_date as _babel_format_date
from babel.dates import format_skeleton

# CLDR locale per site language. English: the UN writes day month year ("13 February 2020"), as
# British English does; CLDR's plain "en" is American ("February 13, 2020").
LOCALES = {"en": "en_GB", "fr": "fr", "es": "es", "ru": "ru", "zh": "zh", "ar": "ar"}
OTHER = "other"


@cache
def locale(lang: str) -> Locale:
    return Locale.parse(LOCALES[lang])


def plural_category(lang: str, n: int) -> str:
    """CLDR plural category of n in the language: "one", "few", "many", "other" …"""
    return locale(lang).plural_form(n)


def plural_categories(lang: str) -> frozenset[str]:
    """Every category the language's rule can give, "other" included."""
    return locale(lang).plural_form.tags | {OTHER}


def parse_forms(spec: str) -> dict[str, str]:
    """ "one=document|other=documents" → {"one": "document", "other": "documents"}."""
    forms = {}
    for part in spec.split("|"):
        category, sep, text = part.partition("=")
        if not sep:
            raise ValueError(f"plural form '{part}' has no '=': write category=text, e.g. one=document")
        forms[category.strip()] = text
    return forms


@dataclass(frozen=True)
class Count:
    """A number in interface text: ``{count}`` prints it, ``{count:one=…|other=…}`` picks the form
    CLDR gives for it in the language (falling back to "other")."""

    n: int
    lang: str

    def __format__(self, spec: str) -> str:
        if "=" not in spec:
            return format(self.n, spec)
        forms = parse_forms(spec)
        # "#" in a form stands for the number, for languages that put it inside the phrase
        # (Arabic: "موقف واحد", "موقفين", "# مواقف").
        return forms.get(plural_category(self.lang, self.n), forms.get(OTHER, "")).replace("#", str(self.n))

    def __str__(self) -> str:
        return str(self.n)


def format_date(iso: str, lang: str, month_names: dict[int, str] | None = None) -> str:
    """A date of the record (YYYY, YYYY-MM or YYYY-MM-DD) as the language writes it: CLDR's long
    date, its month-and-year form, or its year form (zh 2023年). `month_names` replaces CLDR's
    month name (Arabic: the UN writes both names of the month, "شباط/فبراير")."""
    parts = [int(p) for p in iso.split("-")]
    loc = locale(lang)
    if len(parts) == 1:
        # The year as the language writes it alone: "2023", "2023年", "2023 г."
        return format_skeleton("y", dt.date(parts[0], 1, 1), locale=loc)
    day = dt.date(parts[0], parts[1], parts[2] if len(parts) == 3 else 1)
    text = _babel_format_date(day, "long", locale=loc) if len(parts) == 3 else format_skeleton("yMMMM", day, locale=loc)
    if month_names:
        for width in ("format", "stand-alone"):
            cldr_name = loc.months[width]["wide"][parts[1]]
            if cldr_name in text:
                return text.replace(cldr_name, month_names[parts[1]])
    return text


def territory_name(alpha2: str, lang: str) -> str | None:
    """A country's name in the language (CLDR's territory names, "Fiji", "斐济", "فيجي"), or None
    when CLDR has none for the code."""
    return locale(lang).territories.get(alpha2.upper())


# An abbreviated month in a CLDR pattern (MMM, or LLL stand-alone), not already the long one (MMMM).
_LONG_MONTH = re.compile(r"(?<![ML])(MMM|LLL)(?![ML])")
# Dashes and spaces a CLDR interval pattern puts between its two dates ("7 – 11", "7–11", "7—11").
_RANGE_GAP = " \u2009\u00a0–—-"


def range_parts(
    start: str, end: str, lang: str, month_names: dict[int, str] | None = None
) -> tuple[str, str, str] | None:
    """Two exact days (YYYY-MM-DD) as the language writes a range of them, by CLDR's interval
    formats through Babel: ("7", " – ", "11 December 2026"), ("30 nov.", " – ", "4 déc. 2026") …
    split so that each date can be marked up; what the two dates share is written once. None for
    anything but two exact days in order (a month, a year or a bound is written in full, twice).

    CLDR has the long-month interval (yMMMMd) in few languages: elsewhere its abbreviated one is
    widened where the language's long date has the long month, so that a range reads like the
    site's single dates ("7 December 2026"; Chinese keeps 12月)."""
    try:
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    except ValueError:
        return None
    if len(start) != 10 or len(end) != 10 or last < first:
        return None
    loc = locale(lang)
    formats = loc.interval_formats
    skeleton = "yMMMMd" if "yMMMMd" in formats else "yMMMd"
    field = "y" if first.year != last.year else ("M" if first.month != last.month else "d")
    if first == last or field not in formats[skeleton]:
        return None
    before, after = formats[skeleton][field]
    if skeleton == "yMMMd" and "MMMM" in loc.date_formats["long"].pattern:
        before, after = (_LONG_MONTH.sub(lambda m: m.group(1) + m.group(1)[0], p) for p in (before, after))
    texts = []
    for pattern, day in ((before, first), (after, last)):
        text = _babel_format_date(day, pattern, locale=loc)
        if month_names:
            names = (loc.months[width]["wide"][day.month] for width in ("format", "stand-alone"))
            cldr_name = next((name for name in names if name in text), None)
            text = text.replace(cldr_name, month_names[day.month]) if cldr_name else text
        texts.append(text)
    gap = texts[0][len(texts[0].rstrip(_RANGE_GAP)) :]
    return texts[0][: len(texts[0]) - len(gap)], gap, texts[1]
