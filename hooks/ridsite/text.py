"""Interface text in the six languages, dates written the UN way, and record text with its language."""

from __future__ import annotations

from dataclasses import dataclass

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
        return template.format(**values) if values else template

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
