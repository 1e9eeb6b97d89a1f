"""Interface text in the six languages, dates written the UN way, and record text with its language."""

from __future__ import annotations

from dataclasses import dataclass

from . import cldr
from .languages import BY_CODE, DEFAULT


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
        # Numbers become cldr.Count, so that the text can pick its plural form: {count:one=…|other=…}.
        values = {k: cldr.Count(v, self.lang) if isinstance(v, int) and not isinstance(v, bool) else v for k, v in values.items()}
        return template.format(**values) if values else template

    def date(self, iso: str) -> str:
        """A record's date by CLDR's rules for the language (Babel), see cldr.format_date."""
        months = None
        if BY_CODE[self.lang].un_month_names:
            months = {n: self(f"month.{n}") for n in range(1, 13)}
        return cldr.format_date(iso, self.lang, months)
