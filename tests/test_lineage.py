"""Lineage of agreed language (issue 5): each recorded derivation side by side, word by word."""

from __future__ import annotations

import re

import pytest

from ridsite.model import slugs
from ridsite.render import lineage


def text_of(segments) -> str:
    return "".join(s.text for s in segments)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_the_recorded_pairs_are_found(corpus):
    pairs = {(p.earlier.document, p.earlier.pin, p.later.document, p.later.pin) for p in lineage.pairs(corpus)}
    assert ("a-68-98", "29", "a-70-174", "18") in pairs
    assert ("a-68-98", "13", "a-70-174", "33") in pairs
    recorded = sum(1 for p in corpus.paragraphs.values() if p.derived_from)
    assert len(pairs) == recorded


def test_word_diff_marks_only_what_changed():
    diff = lineage.word_diff(
        "Given the pace, the Group believes there is a need.",
        "The Group reiterates that, given the pace, there is a need.",
    )
    removed = [s.text for s in diff.earlier if s.op == "removed"]
    added = [s.text for s in diff.later if s.op == "added"]
    assert removed == ["Given", "the Group believes"]
    assert added == ["The Group reiterates that, given"]
    assert all(s.op != "added" for s in diff.earlier) and all(s.op != "removed" for s in diff.later)


def test_spacing_and_line_breaks_are_not_changes():
    diff = lineage.word_diff("regular  institutional\ndialogue", "regular institutional dialogue")
    assert [s.op for s in diff.earlier] == ["same"] and [s.op for s in diff.later] == ["same"]
    assert diff.same_words == diff.earlier_words == 3
    assert diff.share_kept == 1.0


def test_each_side_reads_back_as_its_own_text(corpus):
    for pair in lineage.pairs(corpus):
        diff = lineage.word_diff(pair.earlier.text, pair.later.text)
        assert squash(text_of(diff.earlier)) == squash(pair.earlier.text)
        assert squash(text_of(diff.later)) == squash(pair.later.text)
        assert 0 < diff.same_words <= diff.earlier_words


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_lineage_pages_show_both_texts_and_the_paragraph_pages_link_to_them(built, lang):
    _, site, _ = built
    root = site / slugs.language_root(lang)
    html = (root / "compare/lineage/a-70-174/18/index.html").read_text(encoding="utf-8")
    assert "<del>Given</del>" in html
    assert "<ins>The Group reiterates that, given</ins>" in html
    assert 'href="../../../../documents/a-68-98/29/"' in html and 'href="../../../../documents/a-70-174/18/"' in html
    # "First agreed in" on the later paragraph, "repeated in" on the earlier: both lead to the diff.
    for paragraph in ("documents/a-70-174/18/", "documents/a-68-98/29/"):
        page = (root / paragraph / "index.html").read_text(encoding="utf-8")
        assert 'href="../../../compare/lineage/a-70-174/18/"' in page, paragraph
    index = (root / "compare/lineage/index.html").read_text(encoding="utf-8")
    assert 'href="a-70-174/33/"' in index
