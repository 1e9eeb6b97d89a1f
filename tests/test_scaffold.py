"""`rid new …`: a new record file has every required field, and only the maintainer's part is left.

Each scaffold is checked by the real validator: the only problems left must be the fields the
maintainer is asked to write (marked ✎), and once those are written the record is accepted.
"""

from __future__ import annotations

import re

import pytest
import yaml
from click.testing import CliRunner

from ridsite.cli.commands import main
from ridsite.model.problems import RecordsInvalid
from ridsite.records import scaffold
from ridsite.records.load import load_corpus
from suggesting import matches


def problems(data) -> list[str]:
    try:
        load_corpus(data)
    except RecordsInvalid as exc:
        return [str(p) for p in exc.problems.sorted()]
    return []


def fill(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_new_position_leaves_only_the_summary_to_write(data_copy):
    corpus = scaffold.known_records(data_copy)
    path = scaffold.write_new(data_copy, scaffold.new_position(corpus, ["egy"], "a-70-174", "18"))
    assert path == data_copy / "positions" / "egy-2015-07-22-a-70-174-18.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/position.schema.json\n")
    # Every required field is there; the quote is the paragraph, so it is verbatim.
    line = text.splitlines().index('  en: ""') + 1
    assert problems(data_copy) == [
        f"data/positions/egy-2015-07-22-a-70-174-18.yml:{line}:7: summary.en: is empty or only spaces; write the text here"
    ]
    fill(path, '  en: ""', "  en: Egypt recalled the recommendation of regular institutional dialogue.")
    position = load_corpus(data_copy).positions["egy-2015-07-22-a-70-174-18"]
    assert position["quote"].startswith("The Group reiterates that, given the pace of ICT development")
    assert position["source"] == {"document": "a-70-174", "paragraph": "18"}
    assert set(position["stances"].values()) == {"not-stated"}
    # The comments list the values a maintainer may choose.
    assert re.search(r"(?m)^  regular: not-stated +# or: permanent, renewed-mandate", text)


def test_a_shortened_quote_with_an_omission_is_accepted(data_copy):
    corpus = scaffold.known_records(data_copy)
    path = scaffold.write_new(
        data_copy, scaffold.new_position(corpus, ["egy"], "a-70-174", "18", date="2020-02-13", topic="rid")
    )
    text = path.read_text(encoding="utf-8")
    text = re.sub(
        r"(?s)quote: >-\n.*?(?=# ✎ One stance)",
        "quote: the Group recommends regular institutional dialogue … under the\n  auspices of the United Nations\n",
        text,
    )
    path.write_text(text.replace('  en: ""', "  en: A summary."), encoding="utf-8")
    assert "egy-2020-02-13-rid" in load_corpus(data_copy).positions


@pytest.mark.parametrize(
    "args, message",
    [
        ((["eg"], "a-70-174", "18"), "unknown actor 'eg'. Did you mean 'egy'?"),
        ((["egy"], "a-70-17", "18"), "unknown document 'a-70-17'. Did you mean 'a-70-174'…?"),
        (
            (["egy"], "a-70-174", "18x"),
            "document 'a-70-174' has no paragraph '18x'. Did you mean '18'? If the document has it, add the paragraph "
            "to data/documents/a-70-174.yml first (CONTRIBUTING, 'Add a document with its paragraphs')",
        ),
    ],
)
def test_unknown_actor_document_or_paragraph_is_refused_with_did_you_mean(data_copy, args, message):
    corpus = scaffold.known_records(data_copy)
    with pytest.raises(scaffold.ScaffoldError) as caught:
        scaffold.new_position(corpus, *args)
    assert matches(message, str(caught.value)), str(caught.value)
    assert not list((data_copy / "positions").glob("egy-2015*"))


@pytest.mark.parametrize("topic, what", [("x" * 100_000, "topic"), ("y" * 70, "id")])
def test_a_topic_too_long_for_an_id_is_a_message_not_a_filesystem_error(data_copy, topic, what):
    """Issue 16: a 100,000-character --topic crashed with OSError "File name too long"."""
    result = CliRunner().invoke(
        main,
        [
            "new",
            "position",
            "--actor",
            "egy",
            "--document",
            "a-70-174",
            "--paragraph",
            "18",
            "--topic",
            topic,
            "--data",
            str(data_copy),
        ],
    )
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.exception
    assert re.fullmatch(
        rf"rid new: the {what} '[a-z0-9-]{{40}}…' is [\d,]+ characters long; an id has at most 80"
        r"( \(the id is <actor>-<date>-<topic>\))?\. Give a shorter --topic: a few words, e\.g\. platform\n",
        result.output,
    ), result.output[:300]
    assert not list((data_copy / "positions").glob("egy-2020-*x*"))


def test_symbols_and_address_forms_are_understood(data_copy):
    corpus = scaffold.known_records(data_copy)
    new = scaffold.new_position(corpus, ["egy"], "A/65/201", "18-i")  # as on the page address
    assert new.record_id == "egy-2010-07-30-a-65-201-18-i"
    assert 'paragraph: "18(i)"' in new.text


def test_an_existing_file_is_never_overwritten(data_copy):
    corpus = scaffold.known_records(data_copy)
    new = scaffold.new_position(corpus, ["egy"], "a-70-174", "18")
    scaffold.write_new(data_copy, new)
    (data_copy / "positions" / f"{new.record_id}.yml").write_text("someone's work", encoding="utf-8")
    with pytest.raises(scaffold.ScaffoldError, match="already exists"):
        scaffold.write_new(data_copy, new)
    assert (data_copy / "positions" / f"{new.record_id}.yml").read_text(encoding="utf-8") == "someone's work"


def test_a_half_finished_record_elsewhere_does_not_block_new(data_copy):
    (data_copy / "positions" / "draft.yml").write_text("id: draft\nquote: [\n", encoding="utf-8")
    corpus = scaffold.known_records(data_copy)
    assert scaffold.new_position(corpus, ["egy"], "a-70-174", "18").record_id


def test_new_proposal_leaves_only_title_and_summary(data_copy):
    corpus = scaffold.known_records(data_copy)
    path = scaffold.write_new(
        data_copy, scaffold.new_proposal(corpus, "test-forum", ["egy"], "dw-2020-02-13-rid", "p3")
    )
    found = problems(data_copy)
    assert [re.sub(r":\d+:\d+:", ":L:C:", p) for p in found] == [
        "data/proposals/test-forum.yml:L:C: title.en: is empty or only spaces; write the text here",
        "data/proposals/test-forum.yml:L:C: summary.en: is empty or only spaces; write the text here",
    ]
    fill(path, '  en: ""', "  en: A test forum")
    fill(path, '  en: ""', "  en: A forum, in the site's words.")
    assert load_corpus(data_copy).proposals["test-forum"]["proponents"] == ["egy"]


def test_new_document_lists_what_to_write_and_its_bibliography_entry(data_copy):
    # A symbol no UN document has, so that no record a maintainer adds (A/80/257, A/81/…) can clash with it.
    assert not (data_copy / "documents" / "a-test-scaffold-1.yml").exists()
    corpus = scaffold.known_records(data_copy)
    new = scaffold.new_document(corpus, "report", symbol="A/TEST/SCAFFOLD/1", date="2026-07-22", paragraphs=["1", "2"])
    path = scaffold.write_new(data_copy, new)
    assert path == data_copy / "documents" / "a-test-scaffold-1.yml"
    fields = sorted(p.split(": ")[1] for p in problems(data_copy))
    assert fields == ["attribution", "body", "paragraphs[0].text", "paragraphs[1].text", "title"]
    for old in ('title: ""', 'body: ""', 'attribution: ""', '    text: ""', '    text: ""'):
        fill(path, old, old.replace('""', "Some words."))
    assert [p.split(": ")[1] for p in problems(data_copy)] == ["bibtex"]  # the entry is not added yet
    entry = new.next_steps[0].split("\n", 1)[1]
    bib = data_copy / "bibliography.bib"
    bib.write_text(bib.read_text(encoding="utf-8") + "\n" + entry.replace("…", "A title"), encoding="utf-8")
    document = load_corpus(data_copy).documents["a-test-scaffold-1"]
    assert document["symbol"] == "A/TEST/SCAFFOLD/1" and document["url"] == "https://undocs.org/A/TEST/SCAFFOLD/1"


def test_only_paragraph_ids_that_are_not_plain_numbers_are_marked_unnumbered(data_copy):
    corpus = scaffold.known_records(data_copy)
    new = scaffold.new_document(corpus, "report", symbol="A/TEST/SCAFFOLD/2", paragraphs=["1", "2", "annex-i-p1"])
    path = scaffold.write_new(data_copy, new)
    paragraphs = yaml.safe_load(path.read_text(encoding="utf-8"))["paragraphs"]
    assert [(p["id"], p.get("numbered", True)) for p in paragraphs] == [("1", True), ("2", True), ("annex-i-p1", False)]


def test_new_actor_for_a_state(data_copy):
    corpus = scaffold.known_records(data_copy)
    with pytest.raises(scaffold.ScaffoldError, match=r"unknown regional group 'western'\. Known values: 'african'"):
        scaffold.new_actor(corpus, iso3="NOR", regional_group="western")
    with pytest.raises(scaffold.ScaffoldError, match="the actor 'egy' already exists"):
        scaffold.new_actor(corpus, iso3="EGY", regional_group="african")
    scaffold.write_new(data_copy, scaffold.new_actor(corpus, iso3="nor", regional_group="weog", name="Norway"))
    actor = load_corpus(data_copy).actors["nor"]
    assert actor == {"id": "nor", "kind": "state", "iso3": "NOR", "name": {"en": "Norway"}, "regional_group": "weog"}


@pytest.mark.parametrize(
    "text",
    [
        "He said: no. # not a comment",
        "'quoted' and \"double\" – dash … ellipsis",
        "- starts like a list item",
        "  leading spaces and trailing  ",
        "a very long sentence " * 20,
        "line one\nline two",
        "حوار مؤسسي منتظم 定期机制化对话",
    ],
)
def test_text_written_into_a_new_file_reads_back_exactly(text):
    assert yaml.safe_load(scaffold.block("quote", text))["quote"] == text
    assert yaml.safe_load("x: " + scaffold.scalar(text))["x"] == text


def test_record_text_in_a_comment_stays_on_one_line():
    assert scaffold.comment("Egypt\n# injected: line") == "Egypt # injected: line"


def test_the_command_line(data_copy):
    runner = CliRunner()  # click 8.2+ keeps stderr apart
    ok = runner.invoke(
        main,
        ["new", "position", "--actor", "egy", "--document", "a-70-174", "--paragraph", "18", "--data", str(data_copy)],
    )
    assert ok.exit_code == 0, ok.output
    assert f"Wrote {data_copy.as_posix()}/positions/egy-2015-07-22-a-70-174-18.yml" in ok.stdout
    assert "Run: .venv/bin/rid check" in ok.stdout
    # The preview CONTRIBUTING gives: the published site (rid serve), not plain mkdocs.
    assert "Preview: .venv/bin/rid serve -l en" in ok.stdout
    bad = runner.invoke(
        main,
        ["new", "position", "--actor", "eg", "--document", "a-70-174", "--paragraph", "18", "--data", str(data_copy)],
    )
    assert bad.exit_code == 1
    assert "rid new: unknown actor 'eg'. Did you mean 'egy'?" in bad.stderr
