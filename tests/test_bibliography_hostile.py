"""A broken bibliography is refused by `rid check` with its line, never by a crash in the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from ridsite.model.problems import Problems
from ridsite.records.bibliography import read_bibliography

CASES = {
    "@misc{B, title = {unbalanced\n": [
        "data/bibliography.bib:1:1: this entry could not be read: a brace or quotation mark is not closed, or a "
        "field lacks 'name = {value}'; check that every { has its } and fields are separated by commas",
    ],
    '@string{g = "gip"}\n@misc{A, title = g # { and } # "loop"}\n': [
        "data/bibliography.bib:1:1: @string g is not used in the bibliography (pages show the text as written); "
        "write each value out in full in braces",
        "data/bibliography.bib:2:1: title: 'A': '#' joins values in BibTeX, which the site does not do; write the "
        "whole value in braces: {…}",
    ],
    "@misc{A, title = {x \\href{javascript:alert(1)}{y}}}\n": [
        "data/bibliography.bib:1:1: 'A': this entry's text cannot be read as BibTeX (IndexError); write plain text "
        "in braces, without LaTeX commands such as \\href",
    ],
    "@misc{A, title = {x}, date = {13 Feb 2020}}\n": [
        "data/bibliography.bib:1:1: date: 'A': the date '13 Feb 2020' is not written YYYY-MM-DD (or YYYY-MM, or "
        "YYYY), for example 2020-02-13",
    ],
}


@pytest.mark.parametrize("text", sorted(CASES))
def test_a_broken_entry_is_a_message_with_its_line(tmp_path: Path, text):
    path = tmp_path / "bibliography.bib"
    path.write_text(text, encoding="utf-8")
    problems = Problems()
    read_bibliography(path, "data/bibliography.bib", problems)
    assert [str(p) for p in problems.sorted()] == CASES[text]


def test_the_real_bibliography_is_valid():
    problems = Problems()
    read_bibliography(Path(__file__).parent.parent / "data" / "bibliography.bib", "data/bibliography.bib", problems)
    assert not problems
