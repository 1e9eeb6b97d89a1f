"""Interface text fills only the named placeholders its key declares; every key the pages use exists
in all six languages. `rid check` finds each mistake with its line, before any build."""

from __future__ import annotations

import pytest

from ridsite.model.problems import RecordsInvalid
from ridsite.model.text import Interface, MissingText
from ridsite.records.load import load_corpus

LINE = "cite.position_note: "


def broken(data_copy, old: str, new: str) -> list[str]:
    path = data_copy / "interface.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RecordsInvalid) as caught:
        load_corpus(data_copy)
    return [str(p) for p in caught.value.problems.sorted()]


def where(data_copy, fragment: str) -> str:
    """line:column of the line holding cite.position_note, at fragment (the text's value)."""
    lines = (data_copy / "interface.yml").read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith(LINE))
    return f"{number + 1}:{lines[number].index(fragment) + 1}"


def test_an_attribute_placeholder_is_refused(data_copy):
    found = broken(
        data_copy, 'fr: "position : {actors}, {date}"', 'fr: "position : {actors.__class__.__mro__}, {date}"'
    )
    at = where(data_copy, '"position : {')
    assert found == [
        f"data/interface.yml:{at}: cite.position_note.fr: the placeholder {{actors.__class__.__mro__}} is not a plain "
        "name; use only the names this text has in English: {actors}, {date}"
    ]


def test_a_positional_or_unknown_placeholder_is_refused(data_copy):
    found = broken(data_copy, 'es: "posición: {actors}, {date}"', 'es: "posición: {0} {secret}, {date}"')
    at = where(data_copy, '"posición')
    assert found == [
        f"data/interface.yml:{at}: cite.position_note.es: the placeholder {{0}} is not a plain name; use only the "
        "names this text has in English: {actors}, {date}",
        f"data/interface.yml:{at}: cite.position_note.es: unknown placeholder {{secret}}; this text may use only "
        "{actors}, {date} (the names its English text has)",
    ]


def test_a_key_the_pages_use_must_exist_in_every_language(data_copy):
    path = data_copy / "interface.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(line for line in lines if not line.startswith(LINE)), encoding="utf-8")
    with pytest.raises(RecordsInvalid) as caught:
        load_corpus(data_copy)
    first = next(i for i, line in enumerate(lines) if not line.startswith("#")) + 1  # the file's first key
    assert [str(p) for p in caught.value.problems.sorted()] == [
        f"data/interface.yml:{first}:1: the interface text 'cite.position_note' is used by the pages but missing in "
        "en, fr, es, ru, zh, ar; add it"
    ]


def test_the_pages_never_follow_an_attribute_even_unchecked():
    t = Interface({"k": {"en": "{actors.__class__.__mro__}"}, "m": {"en": "{secret}"}}, "en")
    with pytest.raises(MissingText):
        t("k", actors="Egypt")
    with pytest.raises(MissingText):
        t("m", actors="Egypt")
