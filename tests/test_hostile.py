"""Hostile and broken input: every bad record is refused with its exact message, nothing is half-built,
and record text that looks like markup, script or template syntax is shown as inert literal text.

The corpus is in tests/hostile/:
- refused/: one file per case, placed at the same path under a copy of data/; EXPECTED below gives
  the exact problems each must produce (file:line:column: field: message, as `rid check` prints them).
- accepted/: files that must work (a BOM with CRLF line endings, right-to-left and CJK text).
Records with markup in every free-text field are made here (HOSTILE), because the same text in
every field of every kind is easier to read as code than as repeated YAML; a test checks that they
cover every free-text field of the model, so a field added later is covered or the test fails.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import GENERATED, copy_project, pagefind_fragments, run_build
from ridsite.model import kinds, schema, slugs
from ridsite.model.languages import CODES
from ridsite.model.problems import RecordsInvalid
from ridsite.records.load import load_corpus
from suggesting import same_problems

CORPUS = Path(__file__).parent / "hostile"
REFUSED = CORPUS / "refused"
ACCEPTED = CORPUS / "accepted"

# Each refused case (its path under data/) → the exact problems `rid check` reports, sorted.
# "Did you mean 'x'…?" is a hint naming 'x' among the close ids, whatever else data/ holds (tests/suggesting.py).
EXPECTED: dict[str, list[str]] = {
    "actors/xyz.yml": [
        "data/actors/xyz.yml:3:5: id: the id 'xyz' does not match iso3: XYA; a State's id is its ISO code in lower case ('xya'): correct one of the two",
        "data/actors/xyz.yml:8:17: regional_group: unknown regional group 'weog-group'. Known values: 'african', 'asia-pacific', 'eastern-european', 'latin-american-caribbean', 'weog'.",
    ],
    "actors/eg-impostor.yml": [
        "data/actors/eg-impostor.yml:6:10: name.en: the invisible character U+200D ZERO WIDTH JOINER is here; it can make one name look like another, and names, titles and summaries never need it: delete it",
    ],
    "documents/doc-duplicate-paragraph.yml": [
        "data/documents/doc-duplicate-paragraph.yml:9:9: bibtex: data/bibliography.bib has no entry 'A/70/1744'; add one with this key, or correct the key. Did you mean 'A/70/174'…?",
        "data/documents/doc-duplicate-paragraph.yml:14:9: paragraphs[1].id: paragraph '1' is given twice (first on line 12); give each paragraph its own id",
    ],
    "documents/doc-same-address.yml": [
        "data/documents/doc-same-address.yml:14:9: paragraphs[1].id: 'P90' and 'p90' (line 12) would have the same address, documents/doc-same-address/p90/, so one page would replace the other; give one of them another id",
        "data/documents/doc-same-address.yml:21:9: paragraphs[3].id: '18-i' and '18(i)' (line 19) would have the same address, documents/doc-same-address/18-i/, so one page would replace the other; give one of them another id",
    ],
    "documents/doc-unknown-kind.yml": [
        "data/documents/doc-unknown-kind.yml:5:7: kind: unknown document kind 'reprot'. Did you mean 'report'?",
    ],
    "documents/doc-unknown-language.yml": [
        "data/documents/doc-unknown-language.yml:8:11: language: 'eng' is not a language code of the site. Did you mean 'en'?",
    ],
    "positions/2020/egy-2020-02-13-platform.yml": [
        "data/positions/egy-2020-02-13-platform.yml:2:5: id: duplicate position id 'egy-2020-02-13-platform': data/positions/2020/egy-2020-02-13-platform.yml has the same id; ids must be unique",
    ],
    "positions/bidi-isolate-quote.yml": [
        "data/positions/bidi-isolate-quote.yml:7:18: quote: the direction control U+2067 RIGHT-TO-LEFT ISOLATE is not closed in this text, so it would reorder the text shown after it; close it with U+2069 POP DIRECTIONAL ISOLATE where the source's passage ends, or delete it",
    ],
    "positions/bidi-override-summary.yml": [
        "data/positions/bidi-override-summary.yml:16:18: summary.en: the invisible character U+202E RIGHT-TO-LEFT OVERRIDE is here; it changes the direction of the text around it, and names, titles and summaries never need it: delete it",
    ],
    "positions/date-bare-year.yml": [
        'data/positions/date-bare-year.yml:5:7: date: a year alone must be written in quotes: "2020"',
    ],
    "positions/date-impossible.yml": [
        "data/positions/date-impossible.yml:5:7: date: 2021-02-29 is not a real calendar date; check the month (01-12) and the day",
    ],
    "positions/date-month-13.yml": [
        "data/positions/date-month-13.yml:5:7: date: 2020-13-01 is not a real calendar date; check the month (01-12) and the day",
    ],
    "positions/date-wrong-form.yml": [
        "data/positions/date-wrong-form.yml:5:7: date: expected a date written YYYY-MM-DD (or YYYY-MM, or YYYY when the source gives no more; or 'not before YYYY-MM' / 'not after YYYY-MM' when only a bound is known), for example 2015-07-22; found '13/02/2020'",
    ],
    "positions/empty.yml": [
        "data/positions/empty.yml:1:1: the file is empty; a record is 'name: value' lines (run `rid new` to start one)",
    ],
    "positions/encoding-control-character.yml": [
        "data/positions/encoding-control-character.yml:7:36: an invisible control character (U+000B) is here, often left by copying from a PDF; delete it",
    ],
    "positions/encoding-latin1.yml": [
        "data/positions/encoding-latin1.yml:16:27: the file is not saved as UTF-8 (the byte 0xe9 here is from another encoding); save it again with the encoding UTF-8",
    ],
    "positions/encoding-utf16.yml": [
        "data/positions/encoding-utf16.yml:1:1: the file is not saved as UTF-8 (the byte 0xff here is from another encoding); save it again with the encoding UTF-8",
    ],
    "positions/hostile-billion-laughs.yml": [
        "data/positions/hostile-billion-laughs.yml:16:11: YAML anchors and aliases (&name, *name) are not used in records; write the value out in full where it is needed",
    ],
    "positions/hostile-deep-nesting.yml": [
        "data/positions/hostile-deep-nesting.yml:13:45: lists and fields are nested more than 32 levels deep here; a record needs only a few levels",
    ],
    "positions/hostile-python-tag.yml": [
        "data/positions/hostile-python-tag.yml:16:7: the YAML tag '!!python/object/apply:os.system' is not used in records; write a plain value (text, a list or fields)",
    ],
    "positions/id-capitals.yml": [
        "data/positions/id-capitals.yml:3:5: id: 'EGY 2020 test' is not written as expected here: use only lower-case letters a-z, digits and single hyphens. Did you mean 'egy-2020-test'?",
    ],
    "positions/id-not-file-name.yml": [
        "data/positions/id-not-file-name.yml:3:5: id: the id 'egy-2020-test' does not match the file name 'id-not-file-name.yml'; rename the file to 'egy-2020-test.yml' or set id: id-not-file-name",
    ],
    "positions/list-not-record.yml": [
        "data/positions/list-not-record.yml:3:1: the file holds a list instead of a record; a record is 'name: value' lines starting at the left margin, with no '- ' before the first one",
    ],
    "positions/missing-quote.yml": [
        "data/positions/missing-quote.yml:3:1: quote: the required field 'quote' is missing; add a line 'quote: …' to the record",
    ],
    "positions/missing-source-paragraph.yml": [
        "data/positions/missing-source-paragraph.yml:6:9: source.paragraph: the required field 'paragraph' is missing; add a line 'paragraph: …' under 'source:'",
    ],
    "positions/only-comments.yml": [
        "data/positions/only-comments.yml:1:1: the file holds no record, only comments; a record is 'name: value' lines",
    ],
    "positions/quote-cyrillic-o.yml": [
        "data/positions/quote-cyrillic-o.yml:7:8: quote: the quote does not occur verbatim in a-70-174 paragraph 18 (the words 'the Gr\u043eup' are not in it: the quote has '\u043e' (U+043E CYRILLIC SMALL LETTER O, which looks like 'o') where the paragraph has 'o' (U+006F LATIN SMALL LETTER O)); copy the exact words, and mark any omission with …",
    ],
    "positions/quote-empty.yml": [
        "data/positions/quote-empty.yml:7:8: quote: is empty or only spaces; write the text here",
    ],
    "positions/quote-nothing.yml": [
        "data/positions/quote-nothing.yml:7:7: quote: is empty; write the text after the colon (in quotes if it contains ': ' or starts with a sign)",
    ],
    "positions/quote-one-word-changed.yml": [
        "data/positions/quote-one-word-changed.yml:7:8: quote: the quote does not occur verbatim in a-70-174 paragraph 18 (the words 'regular institutional talks' are not in it); copy the exact words, and mark any omission with …",
    ],
    "positions/quote-only-spaces.yml": [
        "data/positions/quote-only-spaces.yml:7:8: quote: is empty or only spaces; write the text here",
    ],
    "positions/quote-zero-width-space.yml": [
        "data/positions/quote-zero-width-space.yml:7:8: quote: the quote does not occur verbatim in a-70-174 paragraph 18 (the words 'the Gr\u200boup' are not in it: the quote has U+200B ZERO WIDTH SPACE (invisible) where the paragraph has 'o' (U+006F LATIN SMALL LETTER O)); copy the exact words, and mark any omission with …",
    ],
    "positions/syntax-at-sign.yml": [
        "data/positions/syntax-at-sign.yml:16:7: YAML syntax error: a value cannot start with '@'; put the whole value in double quotes, for example \"@…\"",
    ],
    "positions/syntax-bad-indentation.yml": [
        "data/positions/syntax-bad-indentation.yml:11:2: YAML syntax error: this line does not line up with the fields "
        "above it; if it belongs under 'stances:' (line 8) like them, indent it by 2 spaces",
    ],
    "positions/syntax-colon-in-text.yml": [
        "data/positions/syntax-colon-in-text.yml:7:25: YAML syntax error: the text contains ': ' (a colon then a space), which YAML reads as a new field; put the whole text in double quotes: \"…\"",
    ],
    "positions/syntax-duplicate-key.yml": [
        "data/positions/syntax-duplicate-key.yml:15:1: the field 'quote' is given twice (first on line 7); keep only one of them",
    ],
    "positions/syntax-missing-colon.yml": [
        "data/positions/syntax-missing-colon.yml:13:1: YAML syntax error: line 13 has no ':' after the field name; write it as 'name: value'",
    ],
    "positions/syntax-over-indented.yml": [
        "data/positions/syntax-over-indented.yml:6:8: YAML syntax error: this field is indented more than the field above it; line it up with the other fields at the same level",
    ],
    "positions/syntax-second-record.yml": [
        "data/positions/syntax-second-record.yml:17:1: YAML syntax error: '---' starts a second record in the same file; keep one record per file and remove this line",
    ],
    "positions/syntax-tab.yml": [
        "data/positions/syntax-tab.yml:10:1: YAML syntax error: a tab character is used for indentation here; YAML needs spaces: replace the tab with spaces",
    ],
    "positions/syntax-text-after-quote.yml": [
        "data/positions/syntax-text-after-quote.yml:16:16: YAML syntax error: there is text after the closing quotation mark; put the whole text inside the quotes",
    ],
    "positions/syntax-unclosed-list.yml": [
        "data/positions/syntax-unclosed-list.yml:4:9: YAML syntax error: the list opened with '[' on line 4 is not closed; end it with ']' (and put any item that contains a comma or a bracket in quotes)",
    ],
    "positions/syntax-unclosed-quote.yml": [
        "data/positions/syntax-unclosed-quote.yml:16:7: YAML syntax error: the quotation mark opened on line 16 is never closed; add the closing quotation mark",
    ],
    "positions/text-not-record.yml": [
        "data/positions/text-not-record.yml:2:1: the file holds text instead of a record; a record is 'name: value' lines starting at the left margin, with no '- ' before the first one",
    ],
    "positions/type-actors-text.yml": [
        "data/positions/type-actors-text.yml:4:9: actors: expected a list, written [a, b] or as lines starting with '- ' (here: [egy]); found text",
    ],
    "positions/type-quote-number.yml": [
        'data/positions/type-quote-number.yml:7:8: quote: expected text, found a whole number; put it in quotes, for example "18"',
    ],
    "positions/type-source-text.yml": [
        "data/positions/type-source-text.yml:6:9: source: expected indented 'name: value' lines such as 'document: …' and 'paragraph: …' below it; found text",
    ],
    "positions/type-stances-list.yml": [
        "data/positions/type-stances-list.yml:8:10: stances: expected indented lines such as 'regular: not-stated' below it; found a list",
    ],
    "positions/type-summary-text.yml": [
        "data/positions/type-summary-text.yml:15:10: summary: expected indented lines such as 'en: …' below it; found text",
    ],
    "positions/unknown-actor.yml": [
        "data/positions/unknown-actor.yml:4:10: actors[0]: unknown actor 'egyp'. Did you mean 'egy'?",
    ],
    "positions/unknown-criterion.yml": [
        "data/positions/unknown-criterion.yml:9:3: stances.regular: no stance given for 'regular'; write 'regular: not-stated' if the source says nothing on it",
        "data/positions/unknown-criterion.yml:9:15: stances.regularity: unknown criterion 'regularity'. Did you mean 'regular'?",
    ],
    "positions/unknown-document.yml": [
        "data/positions/unknown-document.yml:6:20: source.document: unknown document 'a-70-17'. Did you mean 'a-70-174'…?",
    ],
    "positions/unknown-event.yml": [
        "data/positions/unknown-event.yml:6:8: event: unknown event 'session2-rid'. Did you mean 'oewg1-session2-rid'…?",
    ],
    "positions/unknown-field-nested.yml": [
        "data/positions/unknown-field-nested.yml:6:47: source.page: unknown field 'page'. The fields allowed here are: document, paragraph.",
    ],
    "positions/unknown-field-typo.yml": [
        "data/positions/unknown-field-typo.yml:3:1: quote: the required field 'quote' is missing; add a line 'quote: …' to the record",
        "data/positions/unknown-field-typo.yml:7:1: qoute: unknown field 'qoute'. Did you mean 'quote'?",
    ],
    "positions/unknown-language.yml": [
        "data/positions/unknown-language.yml:17:8: summary.fre: 'fre' is not a language code of the site. Did you mean 'fr'?",
    ],
    "positions/unknown-objective.yml": [
        "data/positions/unknown-objective.yml:13:14: objectives[0]: unknown objective 'information-exchang'. Did you mean 'information-exchange'?",
    ],
    "positions/unknown-paragraph.yml": [
        "data/positions/unknown-paragraph.yml:6:41: source.paragraph: document 'a-70-174' has no paragraph '18x'. "
        "Did you mean '18'? If the document has it, add the paragraph to data/documents/a-70-174.yml first",
    ],
    "positions/unknown-proposal.yml": [
        "data/positions/unknown-proposal.yml:14:12: supports[0]: unknown proposal 'egypt-platfrom'. Did you mean 'egypt-platform'…?",
    ],
    "positions/unknown-stance.yml": [
        "data/positions/unknown-stance.yml:9:12: stances.regular: unknown stance 'permanant' for the criterion 'regular'. Did you mean 'permanent'?",
    ],
    "positions/wrong-extension.yaml": [
        "data/positions/wrong-extension.yaml:1:1: only .yml record files belong in data/positions/ (rename it to .yml)",
    ],
    "proposals/unknown-proponent.yml": [
        "data/proposals/unknown-proponent.yml:6:14: proponents[0]: unknown actor 'egyy'. Did you mean 'egy'?",
    ],
    "positions/supports-and-opposes.yml": [
        "data/positions/supports-and-opposes.yml:15:11: opposes[0]: the position both supports and opposes the proposal 'egypt-platform' (supports[0]); keep the one its quote states",
    ],
    "positions/date-future.yml": [
        "data/positions/date-future.yml:5:7: date: the date 2031-02-13 is in the future; check the year",
    ],
    "positions/id-cyrillic-letter.yml": [
        "data/positions/id-cyrillic-letter.yml:4:10: actors[0]: '\u0435gy' is not written as expected here: use only lower-case letters a-z, digits and single hyphens; it has '\u0435' (U+0435 CYRILLIC SMALL LETTER IE, which looks like 'e')",
    ],
    "actors/group-member-of-itself.yml": [
        "data/actors/group-member-of-itself.yml:7:16: members[1]: the group 'group-member-of-itself' lists itself as a member; list only other actors",
    ],
    "documents/doc-derived-from-later.yml": [
        "data/documents/doc-derived-from-later.yml:14:30: paragraphs[0].derived_from.document: this paragraph (2013-06-24) cannot derive from a-70-174 paragraph 18, which is later (2015-07-22); derived_from names the earlier text a paragraph repeats",
    ],
    "documents/doc-lineage-cycle.yml": [
        "data/documents/doc-lineage-cycle.yml:14:19: paragraphs[0].derived_from: derived_from goes round in a circle back to doc-lineage-cycle paragraph 1; a text cannot derive from itself: remove the link that points at the later text",
        "data/documents/doc-lineage-cycle.yml:17:19: paragraphs[1].derived_from: derived_from goes round in a circle back to doc-lineage-cycle paragraph 2; a text cannot derive from itself: remove the link that points at the later text",
    ],
    "events/hostile-javascript-url.yml": [
        "data/events/hostile-javascript-url.yml:7:6: url: 'javascript:alert(1)' is not written as expected here: use a full web address starting with https:// (or http:// if the source has no other; no spaces), for example 'https://meetings.unoda.org/meeting/76825'",
    ],
    "proposals/egypt-platform.yml": [
        "data/proposals/egypt-platform.yml:6:1: YAML syntax error: a tab character is used for indentation here; YAML needs spaces: replace the tab with spaces",
    ],
    "positions/text-cut-by-comment.yml": [
        "data/positions/text-cut-by-comment.yml:16:33: the text stops here: YAML reads ' #' as the start of a comment, so what follows ('#1 priority for all') would be left out; put the whole text in double quotes: \"…\"",
    ],
    "positions/quote-cut-by-comment.yml": [
        "data/positions/quote-cut-by-comment.yml:7:37: the text stops here: YAML reads ' #' as the start of a comment, so what follows ('#institutional dialogue') would be left out; put the whole text in double quotes: \"…\"",
    ],
    # A line out of its block is reported where it stands, naming the block; a text line at the margin too.
    "positions/syntax-stance-at-margin.yml": [
        "data/positions/syntax-stance-at-margin.yml:10:1: YAML syntax error: this line looks like it belongs under "
        "'stances:' (line 8), like the lines after it, but it is indented less than they are; indent it by 2 spaces",
    ],
    "positions/syntax-last-stance-at-margin.yml": [
        "data/positions/syntax-last-stance-at-margin.yml:12:1: un-auspices: unknown field 'un-auspices'. It comes right "
        "after the lines under 'stances:' (line 8): if it belongs there, indent it by 2 spaces like them. Otherwise: "
        "the fields allowed here are: id, actors, date, event, source, quote, stances, objectives, supports, opposes, "
        "summary.",
    ],
    "positions/syntax-quote-line-not-indented.yml": [
        "data/positions/syntax-quote-line-not-indented.yml:9:1: YAML syntax error: line 9 continues the text of "
        "'quote:' (line 7) but is not indented under it, so YAML reads it as a new field; indent it under 'quote:' "
        "by 2 spaces, like the text above it",
    ],
    # Marks that look alike are named, with what the paragraph has instead.
    "positions/quote-curly-quotes.yml": [
        "data/positions/quote-curly-quotes.yml:7:8: quote: the quote does not occur verbatim in sg-sm-22726 paragraph p4 "
        "(the words 'a new \u201cGlobal' are not in it: the quote has '\u201c' (U+201C LEFT DOUBLE QUOTATION MARK) where "
        "the paragraph has '\"' (U+0022 QUOTATION MARK)); copy the exact words, and mark any omission with \u2026",
    ],
    "positions/quote-en-dash.yml": [
        "data/positions/quote-en-dash.yml:7:8: quote: the quote does not occur verbatim in a-78-265 paragraph "
        "common-elements-a (the words 'be a single\u2013track,' are not in it: the quote has '\u2013' (U+2013 EN DASH) "
        "where the paragraph has '-' (U+002D HYPHEN-MINUS)); copy the exact words, and mark any omission with \u2026",
    ],
    "positions/quote-curly-apostrophe.yml": [
        "data/positions/quote-curly-apostrophe.yml:7:8: quote: the quote does not occur verbatim in a-80-257 paragraph 2 "
        "(the words 'of the OEWG\u2019s' are not in it: the quote has '\u2019' (U+2019 RIGHT SINGLE QUOTATION MARK) "
        "where the paragraph has ''' (U+0027 APOSTROPHE)); copy the exact words, and mark any omission with \u2026",
    ],
    # A document that cannot be read is reported once: the records citing it are not told it is unknown.
    "documents/dw-2020-02-13-rid.yml": [
        "data/documents/dw-2020-02-13-rid.yml:8:7: date: 2020-02-30 is not a real calendar date; check the month "
        "(01-12) and the day",
    ],
    "stray.yml": [
        "data/stray.yml:1:1: this file is not read by the site; records go in data/documents/, data/actors/, data/positions/, data/proposals/, data/events/",
    ],
}


def problems(data: Path) -> list[str]:
    with pytest.raises(RecordsInvalid) as caught:
        load_corpus(data)
    return [str(p) for p in caught.value.problems.sorted()]


def refused_cases() -> list[str]:
    return sorted(p.relative_to(REFUSED).as_posix() for p in REFUSED.rglob("*") if p.is_file())


def place(data: Path, source: Path, rel: str) -> None:
    target = data / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source / rel, target)


def test_the_corpus_and_its_table_agree():
    assert refused_cases() == sorted(EXPECTED)
    assert len(EXPECTED) >= 30
    # Every message names its file and a line and column in it.
    for messages in EXPECTED.values():
        for message in messages:
            assert re.match(r"data/[\w/.-]+\.ya?ml:\d+:\d+: ", message), message


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_each_broken_record_is_refused_with_its_exact_message(case, data_copy):
    place(data_copy, REFUSED, case)
    found = problems(data_copy)
    assert same_problems(EXPECTED[case], found), (EXPECTED[case], found)


def test_a_one_megabyte_text_is_refused_with_its_length(data_copy):
    # No timing here (speed is the benchmark's to measure); the suite's time-outs catch a hang.
    text = (REFUSED / "positions" / "unknown-actor.yml").read_text(encoding="utf-8")
    text = text.replace("actors: [egyp]", "actors: [egy]").replace("id: unknown-actor", "id: huge-summary")
    text = text.replace("  en: A test position.", "  en: " + "word " * 200_000)
    (data_copy / "positions" / "huge-summary.yml").write_text(text, encoding="utf-8")
    found = problems(data_copy)
    assert found == [
        "data/positions/huge-summary.yml:16:7: summary.en: is 999,999 characters long, but at most 200,000 are "
        "allowed here; shorten it"
    ]


def test_bom_crlf_right_to_left_and_cjk_records_are_accepted(data_copy):
    for path in ACCEPTED.rglob("*.yml"):
        place(data_copy, ACCEPTED, path.relative_to(ACCEPTED).as_posix())
    raw = (ACCEPTED / "positions" / "accepted-bom-crlf.yml").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # the file really is what it claims
    corpus = load_corpus(data_copy)
    bom = corpus.positions["accepted-bom-crlf"]
    assert bom["summary"]["en"] == "A position saved with a byte order mark and Windows line endings."
    assert "\r" not in bom["quote"]
    # Balanced direction controls and a separate accent stay in verbatim text as the source has them;
    # the quote typed with the accented letter matches it (compared in NFC).
    kept = corpus.paragraphs[("accepted-arabic", "2")].text
    assert "\u2067A/70/174\u2069\u200f" in kept and "E\u0301gypte" in kept
    assert corpus.positions["accepted-nfc-quote"]["quote"] == "\u00c9gypte."
    rtl = corpus.positions["accepted-rtl-cjk"]
    assert rtl["quote"] == "حوار مؤسسي منتظم بمشاركة واسعة"
    assert rtl["summary"]["zh"] == "在联合国主持下开展广泛参与的定期机制化对话。"


# --------------------------------------------------------------------------------------------
# Every refused case at once, through the real build
# --------------------------------------------------------------------------------------------


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.slow
def test_all_broken_records_at_once_stop_the_build_and_touch_nothing(tmp_path):
    project = copy_project(tmp_path)
    data = project / "data"
    valid_before = digest(data)
    for rel in EXPECTED:
        place(data, REFUSED, rel)
    cases_before = {rel: (data / rel).read_bytes() for rel in EXPECTED}
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("the last good site", encoding="utf-8")

    result = run_build(project, site)

    assert result.returncode != 0
    reported = [line for line in result.stderr.splitlines() if re.match(r"data/\S+:\d+:\d+: ", line)]
    assert same_problems(sorted({m for messages in EXPECTED.values() for m in messages}), sorted(set(reported)))
    assert f"{len(set(reported))} errors found in the records; nothing was built." in result.stderr
    # No partial site: the last good one is left as it was, and no page was generated.
    assert digest(site) == {"index.html": hashlib.sha256(b"the last good site").hexdigest()}
    assert not [name for name in GENERATED if (project / "docs" / name).exists()]
    # The valid records and the broken ones are exactly as they were: the check only reads.
    after = digest(data)
    # (A case may stand in for a real record, e.g. a broken proposals/egypt-platform.yml that
    # positions cite: that file is the case's own.)
    untouched = {rel: digest for rel, digest in valid_before.items() if rel not in EXPECTED}
    assert {rel: after[rel] for rel in untouched} == untouched
    assert {rel: (data / rel).read_bytes() for rel in EXPECTED} == cases_before


# --------------------------------------------------------------------------------------------
# Markup, script and template syntax in every free-text field: built, shown as literal text
# --------------------------------------------------------------------------------------------

HOSTILE = (
    "<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) "
    '<a href="javascript:alert(4)">y</a> {{ config.site_name }} {% raw %}{# c #} '
    '{: onclick="alert(5)" } " onmouseover="alert(6) \' onfocus=\'alert(7) &amp; &lt; '
    "</div></p></blockquote> <!-- ${7*7} -->"
)
# Lines that mean something at the start of a Markdown line, and a blank line that would end a
# raw HTML block: the paragraph text (and so the quote) spans several lines.
HOSTILE_LINES = (
    HOSTILE + '\n\n# Heading\n    indented code\n---\n[TOC]\n--8<-- "README.md"\n<div markdown>**bold**</div>\n'
)
# A web address may hold any character but a space: it must stay inside its attribute.
HOSTILE_URL = 'https://example.org/"><script>alert(8)</script>'
# For fields limited to 200 characters (aliases).
HOSTILE_SHORT = "<script>alert(1)</script> <img src=x onerror=alert(2)> {{ config.site_name }} {% raw %}"
MARK = "<script>alert(1)</script>"  # in every hostile text: how the coverage test finds them
BIB_HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(2)>"  # braces mean something in BibTeX


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data):  # records never use YAML aliases (the loader refuses them)
        return True


def dump(value) -> str:
    return yaml.dump(value, Dumper=_NoAliases, allow_unicode=True, sort_keys=False, width=100)


def six(text: str) -> dict[str, str]:
    return {code: text for code in CODES}


def not_stated_but(corpus_criteria: list[dict], **chosen) -> dict[str, str]:
    return {c["id"]: chosen.get(c["id"].replace("-", "_"), "not-stated") for c in corpus_criteria}


def hostile_records(criteria: list[dict]) -> dict[str, dict]:
    """New records (path under data/ → record) with HOSTILE in every free-text field."""
    source = {"document": "hostile-document", "paragraph": "1"}
    stances = not_stated_but(criteria, regular="hostile-stance")
    return {
        "documents/hostile-document.yml": {
            "id": "hostile-document",
            "title": HOSTILE,
            "short_title": six(HOSTILE),
            "kind": "hostile-kind",
            "body": HOSTILE,
            "date": "2020-01-01",
            "language": "en",
            "bibtex": "HostileTest2020",
            "url": HOSTILE_URL,
            "attribution": HOSTILE_LINES,
            "authenticity": HOSTILE,
            "paragraphs": [
                {
                    "id": "1",
                    "heading": HOSTILE,
                    "text": HOSTILE_LINES,
                    "items": [
                        {
                            "id": "i",
                            "text": HOSTILE,
                            "translations": {c: {"text": HOSTILE, "source": HOSTILE_URL} for c in CODES[1:]},
                        }
                    ],
                    "translations": {c: {"text": HOSTILE, "source": HOSTILE_URL} for c in CODES[1:]},
                    "derived_from": {"document": "a-70-174", "paragraph": "18", "note": six(HOSTILE)},
                },
                {"id": "hostile-excerpt", "numbered": False, "text": HOSTILE},
            ],
        },
        "actors/hostile-group.yml": {
            "id": "hostile-group",
            "kind": "group",
            "name": six(HOSTILE),
            "members": ["egy"],
            "aliases": [HOSTILE_SHORT],
            "note": six(HOSTILE),
        },
        "positions/hostile-position.yml": {
            "id": "hostile-position",
            "actors": ["hostile-group", "egy"],
            "date": "2020-01-01",
            "event": "hostile-event",
            "source": source,
            "quote": HOSTILE_LINES,
            "stances": stances,
            "objectives": ["hostile-objective"],
            "supports": ["hostile-proposal"],
            "summary": six(HOSTILE),
        },
        "proposals/hostile-proposal.yml": {
            "id": "hostile-proposal",
            "title": six(HOSTILE),
            "proponents": ["hostile-group"],
            "cosponsors": ["egy"],
            "date": "2020-01-01",
            "source": source,
            "quote": HOSTILE,
            "also_sources": [{"document": "a-70-174", "paragraph": "18"}],
            "stances": stances,
            "grounds": {"regular": [{"source": source, "quote": HOSTILE}]},
            "fate": {
                "outcome": "global-mechanism",
                "kind": "reflected",
                "element": six(HOSTILE),
                "source": source,
                "quote": HOSTILE,
            },
            "summary": six(HOSTILE),
        },
        "events/hostile-event.yml": {
            "id": "hostile-event",
            "title": six(HOSTILE),
            "date": "2020-01-01",
            "end_date": "2020-01-02",
            "url": HOSTILE_URL,
            "source": source,
        },
    }


def poison_vocabularies(data: Path) -> dict[str, dict]:
    """Add a hostile value to every vocabulary, and hostile text to one criterion's own fields."""

    def edit(rel: str, change) -> dict:
        path = data / "vocabularies" / rel
        value = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(value)
        path.write_text(dump(value), encoding="utf-8")
        return value

    labelled = {"label": six(HOSTILE), "description": six(HOSTILE)}

    def criteria(v):
        v["criteria"][0].update(labelled, question=six(HOSTILE))
        v["criteria"][0]["stances"].append({"id": "hostile-stance", **labelled})
        v["not_stated"].update(labelled)

    return {
        "vocabularies/criteria.yml": edit("criteria.yml", criteria),
        "vocabularies/objectives.yml": edit(
            "objectives.yml", lambda v: v["objectives"].append({"id": "hostile-objective", **labelled})
        ),
        "vocabularies/regional-groups.yml": edit(
            "regional-groups.yml", lambda v: v["values"].append({"id": "hostile-group-of-states", **labelled})
        ),
        "vocabularies/document-kinds.yml": edit(
            "document-kinds.yml", lambda v: v["values"].append({"id": "hostile-kind", **labelled})
        ),
    }


def free_text_fields(spec: schema.Spec, path: tuple = ()) -> set[tuple]:
    """Every field of the model that holds free text (text with no fixed form), as a path pattern."""
    if isinstance(spec, schema.Text):
        # A text with a fixed form (ids, dates, addresses) cannot hold markup; a paragraph pinpoint
        # must name a paragraph of the cited document, so it cannot either.
        return set() if spec.pattern or path[-1:] == ("paragraph",) else {path}
    if isinstance(spec, schema.ListOf):
        return free_text_fields(spec.item, path + ("*",))
    if isinstance(spec, schema.MapOf):
        return free_text_fields(spec.value, path + ("*",))
    if isinstance(spec, schema.Obj):
        return {p for name, f in spec.fields.items() for p in free_text_fields(f.spec, path + (name,))}
    return set()


def hostile_fields(value, path: tuple = ()) -> set[tuple]:
    """The path patterns at which a record holds the hostile text."""
    if isinstance(value, str):
        return {path} if MARK in value else set()
    if isinstance(value, list):
        return {p for item in value for p in hostile_fields(item, path + ("*",))}
    if isinstance(value, dict):
        key = (lambda k: "*") if path and path[-1] in MAP_FIELDS else (lambda k: k)
        return {p for k, v in value.items() for p in hostile_fields(v, path + (key(k),))}
    return set()


# Fields whose keys are ids (languages, criteria) rather than field names.
MAP_FIELDS = {
    "short_title",
    "name",
    "note",
    "summary",
    "title",
    "translations",
    "label",
    "description",
    "question",
    "grounds",
    "element",
}


def test_hostile_records_fill_every_free_text_field_of_the_model(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parent.parent / "data", data)
    records = {
        **hostile_records(yaml.safe_load((data / "vocabularies/criteria.yml").read_text(encoding="utf-8"))["criteria"]),
        **poison_vocabularies(data),
    }
    specs = {f"{k.folder}/": k.spec for k in kinds.KINDS} | {
        rel: spec
        for rel, spec in schema.SINGLE_FILES.items()
        if rel != "interface.yml"  # the site's own text
    }
    missing = []
    for prefix, spec in specs.items():
        covered = set().union(*(hostile_fields(r) for rel, r in records.items() if rel.startswith(prefix)))
        missing += [f"{prefix} {'.'.join(p)}" for p in sorted(free_text_fields(spec) - covered)]
    assert missing == []


class Reader(HTMLParser):
    """What a reader's browser would run or show: script contents, event handlers, links, text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict, str]] = []
        self.attrs: list[tuple[str, str, str]] = []  # (tag, name, value)
        self.text: list[str] = []
        self.title = ""
        self._in: list[str] = []

    def handle_starttag(self, tag, attrs):
        self._in.append(tag)
        for name, value in attrs:
            self.attrs.append((tag, name, value or ""))
        if tag == "script":
            self.scripts.append((dict(attrs), ""))

    def handle_endtag(self, tag):
        if tag in self._in:
            while self._in.pop() != tag:
                pass

    def handle_data(self, data):
        if self._in and self._in[-1] == "script":
            attrs, content = self.scripts[-1]
            self.scripts[-1] = (attrs, content + data)
        elif self._in and self._in[-1] == "title":
            self.title += data
        elif not (self._in and self._in[-1] == "style"):
            self.text.append(data)


def read(path: Path) -> Reader:
    reader = Reader()
    reader.feed(path.read_text(encoding="utf-8"))
    return reader


def add_hostile_records(project: Path) -> None:
    """The hostile records, the accepted odd files and a hostile bibliography entry, added to a
    copy of the real records (conftest's `variant_site` builds it once for the whole run)."""
    data = project / "data"
    poison_vocabularies(data)
    criteria = yaml.safe_load((data / "vocabularies/criteria.yml").read_text(encoding="utf-8"))["criteria"]
    for rel, record in hostile_records(criteria).items():
        (data / rel).write_text(dump(record), encoding="utf-8")
    for path in ACCEPTED.rglob("*.yml"):
        place(data, ACCEPTED, path.relative_to(ACCEPTED).as_posix())
    with (data / "bibliography.bib").open("a", encoding="utf-8") as bib:
        bib.write(
            f"\n@misc{{HostileTest2020,\n  title = {{{BIB_HOSTILE}}},\n  author = {{{{Hostile Test}}}},\n  year = {{2020}},\n}}\n"
        )


@pytest.fixture(scope="module")
def hostile_site(variant_site):
    return variant_site[1]


HOSTILE_PAGES = (
    "documents/hostile-document/",
    "documents/hostile-document/1/",
    "documents/hostile-document/1-i/",
    "documents/hostile-document/hostile-excerpt/",
    "actors/hostile-group/",
    "positions/hostile-position/",
    "proposals/hostile-proposal/",
    "events/hostile-event/",
    "criteria/regular/",
    "objectives/hostile-objective/",
)


def page(site: Path, lang: str, url: str) -> Path:
    return site / slugs.in_language(url, lang) / "index.html"


def test_hostile_text_is_shown_as_literal_text_in_every_language(hostile_site):
    for lang in CODES:
        for url in HOSTILE_PAGES:
            reader = read(page(hostile_site, lang, url))
            shown = " ".join("".join(reader.text).split())
            # The reader sees the characters exactly as the record has them, template syntax included.
            assert " ".join(HOSTILE.split()) in shown, (lang, url)
            assert "{{ config.site_name }}" in shown and "{% raw %}" in shown


def test_page_titles_show_record_text_as_written(hostile_site):
    for lang in CODES:
        title = read(page(hostile_site, lang, "proposals/hostile-proposal/")).title
        assert title.startswith(HOSTILE), (lang, title[:120])


def test_no_script_handler_or_javascript_link_comes_from_a_record(hostile_site):
    offenders = []
    # Pages, and the SVG charts a browser also runs scripts in when opened on their own.
    for path in [*hostile_site.rglob("*.html"), *hostile_site.rglob("*.svg")]:
        reader = read(path)
        for attrs, content in reader.scripts:
            if "alert(" not in content:
                continue
            # Structured data may quote the text, as long as it stays data (valid JSON, no script end).
            if attrs.get("type") in ("application/ld+json", "application/json"):
                try:
                    json.loads(content)
                    continue
                except ValueError:
                    pass
            offenders.append(f"{path}: <script> {content[:60]!r}")
        for tag, name, value in reader.attrs:
            if name.startswith("on") and "alert(" in value:
                offenders.append(f"{path}: <{tag} {name}={value[:40]!r}>")
            if name in (
                "href",
                "xlink:href",
                "src",
                "action",
                "formaction",
                "cite",
            ) and value.strip().lower().startswith("javascript:"):
                offenders.append(f"{path}: <{tag} {name}={value[:40]!r}>")
            if tag == "img" and name == "src" and value == "x":
                offenders.append(f"{path}: <img src=x>")
    assert offenders == []


def test_search_index_holds_record_text_as_text(hostile_site):
    # Pagefind indexes the words a page shows: markup that had become live would be missing (a
    # script's text is never indexed) or would have turned into an image. The site's results list
    # (docs/assets/js/search.js) keeps only the words and <mark>s of an excerpt.
    texts = [
        f["meta"].get("title", "") + " " + f["content"] for f in pagefind_fragments(hostile_site / "pagefind").values()
    ]
    assert any("<script>alert(1)</script> <img src=x onerror=alert(2)>" in t for t in texts)


def test_right_to_left_and_cjk_records_are_shown(hostile_site):
    html = page(hostile_site, "en", "positions/accepted-rtl-cjk/").read_text(encoding="utf-8")
    # An Arabic quote on an English page keeps its language and direction.
    assert re.search(
        r'<blockquote class="rid-quote" lang="ar" dir="rtl"[^>]*><p>حوار مؤسسي منتظم بمشاركة واسعة</p>', html
    )
    assert "在联合国主持下开展广泛参与的定期机制化对话。" in page(
        hostile_site, "zh", "positions/accepted-rtl-cjk/"
    ).read_text(encoding="utf-8")
    assert "موقف تجريبي مكتوب من اليمين إلى اليسار." in page(
        hostile_site, "ar", "positions/accepted-rtl-cjk/"
    ).read_text(encoding="utf-8")


def test_a_bom_and_crlf_record_reaches_its_page(hostile_site):
    html = page(hostile_site, "en", "positions/accepted-bom-crlf/").read_text(encoding="utf-8")
    assert 'data-rid-id="accepted-bom-crlf"' in html
    assert "A position saved with a byte order mark and Windows line endings." in html
