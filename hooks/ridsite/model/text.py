"""Interface text in the six languages, dates written the UN way, and record text with its language."""

from __future__ import annotations

import string
import unicodedata
from dataclasses import dataclass
from functools import cache, cached_property

from markupsafe import Markup, escape

from . import cldr, dates
from .languages import BY_CODE, DEFAULT


class MissingText(KeyError):
    pass


@dataclass(frozen=True)
class Localised:
    """A piece of text with the language it is really in (which may differ from the page's)."""

    text: str
    lang: str
    fallback: bool  # True when the page's language was missing and another was used


def reading_order(name: str) -> str:
    """A sort key that files names as a reader looks them up: case and accents ignored
    ("Égypte" among the E's). Letters then follow their Unicode order, which is alphabetical for
    Latin, Cyrillic and Arabic; Chinese names follow code points, not pinyin (no collation library
    on the fixed stack does better without ICU)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def pick(mapping: dict, lang: str) -> Localised:
    """The text in the page's language, else English, else the first given: never invented."""
    if lang in mapping:
        return Localised(mapping[lang], lang, False)
    if DEFAULT in mapping:
        return Localised(mapping[DEFAULT], DEFAULT, True)
    first = next(iter(mapping))
    return Localised(mapping[first], first, True)


@cache
def _plain_names(template: str) -> bool:
    """True when the template's placeholders are all {name}: never {0}, never {a.b} or {a[0]},
    which str.format would follow into attributes (`rid check` refuses them in interface.yml first).
    Cached: the same few hundred templates fill every page."""
    try:
        return all(f is None or f.isidentifier() for _, f, _, _ in string.Formatter().parse(template))
    except ValueError:
        return False


class Interface:
    """Looks up interface strings from data/interface.yml; a missing id is a bug, so it raises."""

    def __init__(self, strings: dict[str, dict], lang: str):
        self.strings = strings
        self.lang = lang

    def __call__(self, key: str, **values) -> str:
        try:
            template = self.strings[key][self.lang]
        except KeyError:
            raise MissingText(f"interface text '{key}' is missing for '{self.lang}' in data/interface.yml") from None
        if not values:
            return template
        if not _plain_names(template):
            raise MissingText(f"interface text '{key}' in '{self.lang}' has a placeholder that is not a plain {{name}}")
        # Numbers become cldr.Count, so that the text can pick its plural form: {count:one=…|other=…}.
        values = {
            k: cldr.Count(v, self.lang) if isinstance(v, int) and not isinstance(v, bool) else v
            for k, v in values.items()
        }
        try:
            return template.format(**values)
        except KeyError as exc:
            raise MissingText(
                f"interface text '{key}' in '{self.lang}' uses {{{exc.args[0]}}}, which is not given"
            ) from None

    def html(self, key: str, **values) -> Markup:
        """The text as HTML: its own words escaped, values that are already HTML (Markup) kept, the
        others escaped (so that a label can carry an isolated run of another language)."""
        template = self(key)
        if not _plain_names(template):
            raise MissingText(f"interface text '{key}' in '{self.lang}' has a placeholder that is not a plain {{name}}")
        counted = {k: cldr.Count(v, self.lang) if type(v) is int else v for k, v in values.items()}
        try:
            return escape(template).format(**counted)
        except KeyError as exc:
            name = exc.args[0]
            raise MissingText(f"interface text '{key}' in '{self.lang}' uses {{{name}}}, which is not given") from None

    def date(self, iso: str) -> str:
        """A record's date by CLDR's rules for the language (Babel), see cldr.format_date; a bound
        ("not before 2022-12") is said as one, never printed as the date."""
        bound, iso = dates.split(iso)
        if bound:
            key = "date.not_before" if bound == dates.NOT_BEFORE else "date.not_after"
            return self(key, date=self.date(iso))
        return cldr.format_date(iso, self.lang, self._un_months)

    def range_parts(self, start: str, end: str) -> tuple[str, str, str] | None:
        """Two days as the language writes a range (cldr.range_parts): ("7", " – ", "11 December
        2026"); None when they are not two exact days, which are then written in full."""
        return cldr.range_parts(start, end, self.lang, self._un_months)

    def date_range(self, start: str, end: str) -> str:
        """A range as plain text: "7 – 11 December 2026", else both dates in full."""
        parts = self.range_parts(start, end)
        return "".join(parts) if parts else f"{self.date(start)} – {self.date(end)}"

    @cached_property
    def _un_months(self) -> dict[int, str] | None:
        """The UN's month names where they differ from CLDR's (Arabic), read once per language."""
        if not BY_CODE[self.lang].un_month_names:
            return None
        return {n: self(f"month.{n}") for n in range(1, 13)}
