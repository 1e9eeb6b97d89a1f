"""Every language says everything, and counts and dates follow each language's own rules (issue 15).

Parity: every interface text exists in the six languages with the same placeholders, and a number's
plural forms name exactly the CLDR categories of its language; every summary and title of a
position or proposal is written in the six. Plural and date forms come from CLDR through Babel,
checked with 1, 2, 3, 11 and 100 in Arabic and Russian, the two languages with the most forms.
"""

from __future__ import annotations

import string
from pathlib import Path

import pytest

from ridsite.model import cldr
from ridsite.model.languages import CODES
from ridsite.model.text import Interface
from ridsite.records.load import load_corpus

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def interface():
    return load_corpus(ROOT / "data").interface


def fields(template: str) -> dict[str, set[str]]:
    """Placeholder name → the plural specs it carries ("" for a plain {name})."""
    out: dict[str, set[str]] = {}
    for _, name, spec, _ in string.Formatter().parse(template):
        if name is not None:
            out.setdefault(name, set()).add(spec or "")
    return out


def test_every_interface_text_is_in_six_languages_with_the_same_placeholders(interface):
    problems = []
    for key, texts in interface.items():
        missing = [lang for lang in CODES if not texts.get(lang, "").strip()]
        if missing:
            problems.append(f"{key}: no text in {', '.join(missing)}")
            continue
        english = set(fields(texts["en"]))
        for lang in CODES:
            names = set(fields(texts[lang]))
            if names != english:
                problems.append(f"{key} [{lang}]: placeholders {sorted(names)}, English has {sorted(english)}")
    assert not problems, "\n".join(problems)


def test_plural_forms_name_exactly_the_categories_of_their_language(interface):
    problems = []
    for key, texts in interface.items():
        for lang in CODES:
            for name, specs in fields(texts.get(lang, "")).items():
                for spec in specs:
                    if "=" not in spec:
                        continue
                    given, expected = set(cldr.parse_forms(spec)), cldr.plural_categories(lang)
                    if given != expected:
                        problems.append(
                            f"{key} [{lang}] {{{name}}}: forms {sorted(given)}, CLDR has {sorted(expected)}"
                        )
    assert not problems, "\n".join(problems)


def test_every_summary_and_title_is_in_six_languages(interface):
    corpus = load_corpus(ROOT / "data")
    problems = [
        f"{kind}/{rid}: {field} has no {lang}"
        for kind, records in (("positions", corpus.positions), ("proposals", corpus.proposals))
        for rid, record in records.items()
        for field in ("summary", "title")
        if isinstance(record.get(field), dict)
        # An official name is given only in the languages an official text is on record in.
        if not (field == "title" and record.get("official_name"))
        for lang in CODES
        if not record[field].get(lang, "").strip()
    ]
    assert not problems, "\n".join(problems)


HAND_WRITTEN_PLURALS = ("(s)", "(es)", "(ы)", "(и)", "(а)", "(ов)", "(e)s")


def test_no_text_writes_its_plural_by_hand(interface):
    """ "position(s)", "Автор(ы)": a count's form comes from CLDR ({count:one=…|other=…}), never a suffix."""
    found = [
        f"{key} [{lang}]: {text}"
        for key, texts in interface.items()
        for lang, text in texts.items()
        if any(mark in text for mark in HAND_WRITTEN_PLURALS)
    ]
    assert not found, "\n".join(found)


# What CLDR's rules give, written out by hand from the rules' own examples: Russian one (1, 21, 101),
# few (2-4, 22-24), many (0, 5-20, 100); Arabic one (1), two (2), few (3-10, 103-110), many
# (11-99), other (100-102).
EXPECTED_COUNTS = {
    "ru": {1: "1 документ", 2: "2 документа", 3: "3 документа", 11: "11 документов", 100: "100 документов"},
    "ar": {1: "1 وثيقة", 2: "2 وثيقتان", 3: "3 وثائق", 11: "11 وثيقة", 100: "100 وثيقة"},
}


@pytest.mark.parametrize("lang", sorted(EXPECTED_COUNTS))
def test_counts_take_the_plural_form_of_their_language(interface, lang):
    t = Interface(interface, lang)
    for n, expected in EXPECTED_COUNTS[lang].items():
        assert f"{n} {t('count.documents', count=n)}" == expected


def test_arabic_phrases_with_the_number_inside_agree_with_it(interface):
    t = Interface(interface, "ar")
    said = {n: t("compare.support_on_record", count=n) for n in (1, 2, 3, 11, 100)}
    assert said == {
        1: "موقف مؤيد واحد",
        2: "موقفان مؤيدان",
        3: "3 مواقف مؤيدة",
        11: "11 موقفا مؤيدا",
        100: "100 موقف مؤيد",
    }


@pytest.mark.parametrize(
    ("lang", "iso", "expected"),
    [
        ("ru", "2020-10", "октябрь 2020\u202fг."),  # CLDR puts a narrow no-break space before г.
        ("ru", "2020-02-13", "13 февраля 2020\u202fг."),
        ("ar", "2020-10", "تشرين الأول/أكتوبر 2020"),
        ("ar", "2020-02-13", "13 شباط/فبراير 2020"),
        ("en", "2020-02-13", "13 February 2020"),
        ("fr", "2020-02-13", "13 février 2020"),
        ("es", "2020-02", "febrero de 2020"),
        ("zh", "2020-02-13", "2020年2月13日"),
        ("zh", "2023", "2023年"),  # a year alone, as Chinese writes it
        ("ru", "2023", "2023"),
    ],
)
def test_dates_are_written_by_the_rules_of_their_language(interface, lang, iso, expected):
    assert Interface(interface, lang).date(iso) == expected
