"""The six official languages of the United Nations, in the order the UN lists them on its sites."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # the language's own name, as shown in the language switcher
    rtl: bool = False
    # Dates with the UN's own month names (interface text month.1 … month.12) instead of CLDR's:
    # UN Arabic writes both names of a month ("شباط/فبراير"), CLDR only one.
    un_month_names: bool = False
    # What follows a full stop or a colon before more text: a space, except in Chinese, whose
    # punctuation (。：) is full-width.
    sentence_gap: str = " "


LANGUAGES: tuple[Language, ...] = (
    Language("en", "English"),
    Language("fr", "Français"),
    Language("es", "Español"),
    Language("ru", "Русский"),
    Language("zh", "中文", sentence_gap=""),
    Language("ar", "العربية", rtl=True, un_month_names=True),
)
CODES: tuple[str, ...] = tuple(lang.code for lang in LANGUAGES)
DEFAULT = "en"
BY_CODE = {lang.code: lang for lang in LANGUAGES}


def is_rtl(code: str) -> bool:
    """Whether a language of the site is written right to left (isolate.py: a run's direction)."""
    return BY_CODE[code].rtl
