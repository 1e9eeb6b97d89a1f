"""Interface text in the six languages, dates written the UN way, and record text with its language."""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import lru_cache

from . import dates
from .languages import DEFAULT


class MissingText(KeyError):
    pass


@dataclass(frozen=True)
class Localised:
    """A piece of text with the language it is really in (which may differ from the page's)."""

    text: str
    lang: str
    fallback: bool  # True when the page's language was missing and another was used


def pick(mapping: dict, lang: str) -> Localised:
    """The text in the page's language, else English, else the first given: never invented."""
    if lang in mapping:
        return Localised(mapping[lang], lang, False)
    if DEFAULT in mapping:
        return Localised(mapping[DEFAULT], DEFAULT, True)
    first = next(iter(mapping))
    return Localised(mapping[first], first, True)


@lru_cache(maxsize=None)
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
        try:
            return template.format(**values)
        except KeyError as exc:
            raise MissingText(f"interface text '{key}' in '{self.lang}' uses {{{exc.args[0]}}}, which is not given") from None

    def date(self, iso: str) -> str:
        bound, iso = dates.split(iso)
        if bound:  # only a bound is known: say so, never print it as the date
            key = "date.not_before" if bound == dates.NOT_BEFORE else "date.not_after"
            return self(key, date=self.date(iso))
        parts = iso.split("-")
        year = parts[0]
        if len(parts) == 1:
            return year
        month = self(f"month.{int(parts[1])}")
        if len(parts) == 2:
            return self("date.month_year", month=month, year=year, month_number=int(parts[1]))
        return self("date.full", day=int(parts[2]), month=month, year=year, month_number=int(parts[1]))
