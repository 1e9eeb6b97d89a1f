"""Checking all records together: every problem at once, each with file:line:col: field: message."""

import re
from pathlib import Path

import pytest

from ridsite.model.problems import RecordsInvalid
from ridsite.records.load import load_corpus
from ridsite.records.validate import quote_occurs
from suggesting import one_matches

GOOD_POSITION = """\
# yaml-language-server: $schema=../../schemas/position.schema.json
id: {id}
actors: [{actor}]
date: 2020-02-13
source: {{document: {document}, paragraph: "{paragraph}"}}
quote: >-
  {quote}
stances:
  regular: {regular}
  institutional: not-stated
  broad-participation: not-stated
  un-auspices: not-stated
objectives: [{objective}]
supports: [{proposal}]
summary:
  en: A test position.
"""


def write_position(data: Path, name: str = "test-position", **values) -> Path:
    fields = dict(
        id=name,
        actor="egy",
        document="a-70-174",
        paragraph="18",
        quote="the Group recommends regular institutional dialogue",
        regular="not-stated",
        objective="information-exchange",
        proposal="egypt-platform",
    )
    fields.update(values)
    path = data / "positions" / f"{name}.yml"
    path.write_text(GOOD_POSITION.format(**fields), encoding="utf-8")
    return path


def problems(data: Path) -> list[str]:
    with pytest.raises(RecordsInvalid) as caught:
        load_corpus(data)
    return [str(p) for p in caught.value.problems.sorted()]


def test_the_real_records_are_valid(corpus):
    assert corpus.counts()["documents"] >= 5


def test_a_good_new_position_is_accepted(data_copy):
    write_position(data_copy)
    assert "test-position" in load_corpus(data_copy).positions


def test_unknown_actor_gets_did_you_mean_with_file_line_and_field(data_copy):
    write_position(data_copy, actor="eg")
    assert problems(data_copy) == [
        "data/positions/test-position.yml:3:10: actors[0]: unknown actor 'eg'. Did you mean 'egy'?"
    ]


def test_unknown_paragraph_document_stance_objective_proposal_all_at_once(data_copy, corpus):
    write_position(data_copy, "p-one", paragraph="19")
    write_position(data_copy, "p-two", document="a-70-17")
    write_position(data_copy, "p-three", regular="permanant", objective="information", proposal="egypt-platfrom")
    found = problems(data_copy)
    # No recorded paragraph is close to '19': the message lists the document's paragraphs (whichever
    # a maintainer has recorded, among them '18'), then says where a missing one is added.
    head = "data/positions/p-one.yml:5:41: source.paragraph: document 'a-70-174' has no paragraph '19'."
    (p_one,) = [p for p in found if p.startswith(head)]
    listed, _, advice = p_one[len(head) :].partition(". If ")
    assert advice == "the document has it, add the paragraph to data/documents/a-70-174.yml first"
    pins = [p.pin for p in corpus.paragraphs_by_document["a-70-174"]]
    if len(pins) <= 8:
        assert listed.startswith(" Known values: ") and "'18'" in listed
        assert all(f"'{pin}'" in listed for pin in pins)
    else:
        assert listed == f" No similar value is known ({len(pins)} are defined)"
    assert one_matches(
        "data/positions/p-two.yml:5:20: source.document: unknown document 'a-70-17'. Did you mean 'a-70-174'…?", found
    )
    assert (
        "data/positions/p-three.yml:9:12: stances.regular: unknown stance 'permanant' for the criterion 'regular'. Did you mean 'permanent'?"
        in found
    )
    assert any(
        p.startswith("data/positions/p-three.yml:13:14: objectives[0]: unknown objective 'information'.") for p in found
    )
    assert one_matches(
        "data/positions/p-three.yml:14:12: supports[0]: unknown proposal 'egypt-platfrom'. "
        "Did you mean 'egypt-platform'…?",
        found,
    )
    assert len(found) == 5


def test_quote_with_one_word_changed_is_refused(data_copy):
    write_position(data_copy, quote="the Group recommends regular institutional talks")
    (message,) = problems(data_copy)
    assert message.startswith(
        "data/positions/test-position.yml:7:3: quote: the quote does not occur verbatim in a-70-174 paragraph 18"
    )
    assert "(the words 'regular institutional talks' are not in it)" in message


def test_quotes_are_whitespace_insensitive_and_allow_marked_omissions():
    text = "The Group recommends regular institutional dialogue with broad participation."
    assert quote_occurs("The Group  recommends\nregular institutional dialogue", text)
    assert quote_occurs("The Group recommends … with broad participation.", text)
    assert not quote_occurs("with broad participation … The Group", text)  # order matters
    assert not quote_occurs("The Group recommends regular dialogue", text)


def test_missing_stance_for_a_criterion_is_explained(data_copy):
    path = write_position(data_copy)
    path.write_text(path.read_text(encoding="utf-8").replace("  un-auspices: not-stated\n", ""), encoding="utf-8")
    assert problems(data_copy) == [
        "data/positions/test-position.yml:9:3: stances.un-auspices: no stance given for 'un-auspices'; "
        "write 'un-auspices: not-stated' if the source says nothing on it"
    ]


def test_id_must_match_file_name(data_copy):
    path = write_position(data_copy)
    path.rename(path.with_name("other-name.yml"))
    assert problems(data_copy) == [
        "data/positions/other-name.yml:2:5: id: the id 'test-position' does not match the file name "
        "'other-name.yml'; rename the file to 'test-position.yml' or set id: other-name"
    ]


def test_duplicate_id_across_files_names_both(data_copy):
    (data_copy / "positions" / "2020").mkdir()
    write_position(data_copy)
    dup = write_position(data_copy)
    dup.rename(data_copy / "positions" / "2020" / dup.name)
    write_position(data_copy)
    (message,) = problems(data_copy)
    assert re.fullmatch(
        r"data/positions/2020/test-position\.yml:2:5: id: duplicate position id 'test-position': "
        r"data/positions/test-position\.yml has the same id; ids must be unique"
        r"|data/positions/test-position\.yml:2:5: id: duplicate position id 'test-position': "
        r"data/positions/2020/test-position\.yml has the same id; ids must be unique",
        message,
    )


def test_broken_and_valid_files_are_all_reported_in_one_run(data_copy):
    (data_copy / "positions" / "syntax.yml").write_text("id: syntax\nquote: a: b\n", encoding="utf-8")
    (data_copy / "positions" / "empty.yml").write_text("", encoding="utf-8")
    (data_copy / "positions" / "list.yml").write_text("- id: list\n", encoding="utf-8")
    write_position(data_copy, actor="xyz")
    assert problems(data_copy) == [
        "data/positions/empty.yml:1:1: the file is empty; a record is 'name: value' lines (run `rid new` to start one)",
        "data/positions/list.yml:1:1: the file holds a list instead of a record; a record is 'name: value' lines "
        "starting at the left margin, with no '- ' before the first one",
        "data/positions/syntax.yml:2:9: YAML syntax error: the text contains ': ' (a colon then a space), which YAML "
        'reads as a new field; put the whole text in double quotes: "…"',
        "data/positions/test-position.yml:3:10: actors[0]: unknown actor 'xyz'. No similar id is known; the known ids are the file names in data/actors/.",
    ]


def test_a_state_needs_iso_code_and_regional_group(data_copy):
    (data_copy / "actors" / "xyz.yml").write_text(
        "# yaml-language-server: $schema=../../schemas/actor.schema.json\nid: xyz\nkind: state\nname: {en: Xyz}\n",
        encoding="utf-8",
    )
    found = problems(data_copy)
    assert "data/actors/xyz.yml:2:1: iso3: a State needs its ISO 3166-1 alpha-3 code, e.g. iso3: EGY" in found
    assert any(
        p.startswith("data/actors/xyz.yml:2:1: regional_group: a State needs its UN regional group.") for p in found
    )


def test_bibliography_errors_are_reported(data_copy):
    bib = data_copy / "bibliography.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + "\n@misc{A/70/174, title={again}}\n", encoding="utf-8")
    found = problems(data_copy)
    assert any("data/bibliography.bib:" in p and "duplicate entry key 'A/70/174'" in p for p in found)


def test_a_file_outside_the_record_folders_is_flagged(data_copy):
    (data_copy / "egypt.yml").write_text("id: egypt\n", encoding="utf-8")
    (found,) = problems(data_copy)
    assert found.startswith("data/egypt.yml:1:1: this file is not read by the site; records go in data/documents/")


def test_two_processes_find_what_one_finds(data_copy):
    from ridsite.records.load import read_records
    from ridsite.records.validate import check_references

    write_position(data_copy, actor="eg")
    write_position(data_copy, "p-two", document="a-70-17")
    (data_copy / "positions" / "syntax.yml").write_text("id: syntax\nquote: a: b\n", encoding="utf-8")
    one, two = read_records(data_copy, parallel=False), read_records(data_copy, parallel=True)
    for corpus, sources, found in (one, two):
        check_references(corpus, sources, found)
    assert one[2].sorted() == two[2].sorted() and len(one[2]) == 3
    assert one[0].positions == two[0].positions and one[0].documents == two[0].documents
    assert list(one[1].files) == list(two[1].files)


def test_a_document_left_out_for_its_own_problem_is_not_unknown_to_the_records_citing_it(data_copy):
    # dw-2020-02-13-rid is cited by dozens of positions and events: its one mistake is its only message.
    path = data_copy / "documents" / "dw-2020-02-13-rid.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("id: dw-2020-02-13-rid\n", "id: dw-2020-02-13\n"), encoding="utf-8")
    line = text.split("\n").index("id: dw-2020-02-13-rid") + 1
    assert problems(data_copy) == [
        f"data/documents/dw-2020-02-13-rid.yml:{line}:5: id: the id 'dw-2020-02-13' does not match the file name "
        "'dw-2020-02-13-rid.yml'; rename the file to 'dw-2020-02-13.yml' or set id: dw-2020-02-13-rid"
    ]
    path.write_text(text.replace("date: 2020-02-13\n", "date: 2020-02-30\n"), encoding="utf-8")
    (message,) = problems(data_copy)
    assert message.startswith("data/documents/dw-2020-02-13-rid.yml:") and "2020-02-30 is not a real" in message


def test_the_guide_the_methodology_and_the_review_checklist_state_one_rule_for_proposals():
    root = Path(__file__).resolve().parent.parent
    rules = [
        "a position supports (or opposes) a proposal only when its quoted words say that the actor puts the "
        "proposal forward, co-sponsors it or supports it (or opposes it), or are the proposal's own text.",
        "for a proposal, the value rests on the words of its quote and of the further sources it lists, where "
        "they describe the proposal itself; a source's summary of what other States said about it does not count.",
    ]
    for name in ("CONTRIBUTING.md", "docs/methodology.md", ".github/pull_request_template.md"):
        # Line breaks and the checklist's indentation are layout, not wording.
        text = " ".join((root / name).read_text(encoding="utf-8").split()).lower()
        for rule in rules:
            assert rule.lower() in text, (name, rule)
