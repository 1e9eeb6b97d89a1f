"""The record model: field-level checks and the JSON Schema export editors use."""

import json

import jsonschema
import pytest

from conftest import ROOT
from ridsite.model import kinds, schema
from ridsite.records.yamlfile import load_yaml


def issues(spec, value):
    return [(".".join(map(str, path)), message) for path, message in spec.check(value, ())]


def valid_position(**changes):
    record = {
        "id": "egy-2020",
        "actors": ["egy"],
        "date": "2020-02-13",
        "source": {"document": "dw-2020-02-13-rid", "paragraph": "p3"},
        "quote": "Egypt proposed",
        "stances": {"regular": "not-stated"},
        "summary": {"en": "A summary."},
    }
    record.update(changes)
    return record


def test_a_valid_position_has_no_issue():
    assert issues(schema.POSITION, valid_position()) == []


def test_unknown_field_suggests_the_right_one():
    record = valid_position(qoute="x")
    assert ("qoute", "unknown field 'qoute'. Did you mean 'quote'?") in issues(schema.POSITION, record)


def test_missing_required_field_names_it():
    record = valid_position()
    del record["quote"]
    assert issues(schema.POSITION, record) == [
        ("quote", "the required field 'quote' is missing; add a line 'quote: …' to the record")
    ]


@pytest.mark.parametrize(
    "date, expected",
    [
        ("2020-02-30", "2020-02-30 is not a real calendar date; check the month (01-12) and the day"),
        (
            "13/02/2020",
            "expected a date written YYYY-MM-DD (or YYYY-MM, or YYYY when the source gives no more; or 'not before YYYY-MM' / 'not after YYYY-MM' when only a bound is known), for example 2015-07-22; found '13/02/2020'",
        ),
        ("not before 2022-13", "2022-13 is not a real calendar date; check the month (01-12) and the day"),
        (
            "after 2022-12",
            "expected a date written YYYY-MM-DD (or YYYY-MM, or YYYY when the source gives no more; or 'not before YYYY-MM' / 'not after YYYY-MM' when only a bound is known), for example 2015-07-22; found 'after 2022-12'",
        ),
        ("2020-13", "2020-13 is not a real calendar date; check the month (01-12) and the day"),
    ],
)
def test_bad_dates(date, expected):
    assert issues(schema.POSITION, valid_position(date=date)) == [("date", expected)]


def test_partial_dates_are_allowed_when_the_source_gives_no_more():
    assert issues(schema.POSITION, valid_position(date="2019")) == []


def test_an_undated_source_is_written_with_its_bound_only():
    # The Russian concept paper prints no date; it is known only to be no earlier than 2022-12.
    assert issues(schema.POSITION, valid_position(date="not before 2022-12")) == []
    assert issues(schema.POSITION, valid_position(date="not after 2022-12-07")) == []


def test_wrong_types_are_named():
    assert issues(schema.POSITION, valid_position(actors="egy")) == [
        ("actors", "expected a list, written [a, b] or as lines starting with '- ' (here: [egy]); found text")
    ]
    assert issues(schema.POSITION, valid_position(quote=18)) == [
        ("quote", 'expected text, found a whole number; put it in quotes, for example "18"')
    ]


def test_empty_and_whitespace_quotes_are_refused():
    assert issues(schema.POSITION, valid_position(quote="   \n ")) == [
        ("quote", "is empty or only spaces; write the text here")
    ]


def test_unknown_language_code_suggests_one():
    result = issues(schema.POSITION, valid_position(summary={"en": "x", "fre": "y"}))
    assert ("summary.fre", "'fre' is not a language code of the site. Did you mean 'fr'?") in result


def test_committed_json_schemas_match_the_model():
    for name, content in kinds.all_json_schemas().items():
        path = ROOT / "schemas" / name
        assert path.exists(), f"schemas/{name} is missing: run `rid schema`"
        assert json.loads(path.read_text(encoding="utf-8")) == content, f"schemas/{name} is stale: run `rid schema`"


def test_every_record_file_names_its_schema_and_validates_against_it():
    """The JSON Schema an editor applies agrees with the validator on every real record."""
    files = sorted((ROOT / "data").rglob("*.yml"))
    assert files
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), f"{path} has no schema modeline"
        target = (path.parent / first.split("=", 1)[1].strip()).resolve()
        assert target.exists(), f"{path}: modeline points at a missing file {target}"
        value = load_yaml(path.read_bytes()).value
        jsonschema.validate(value, json.loads(target.read_text(encoding="utf-8")))
