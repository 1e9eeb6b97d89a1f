"""Reading one YAML file: positions, and the broken files maintainers actually produce."""

from ridsite.yamlfile import load_yaml


def test_positions_are_one_based_lines_and_columns():
    loaded = load_yaml(b"id: x\nquote: >-\n  some words\nlist:\n  - a\n  - b\n")
    assert loaded.errors == []
    assert loaded.where(("id",)) == (1, 5)
    assert loaded.where(("list", 1)) == (6, 5)
    assert loaded.where_key(("quote",)) == (2, 1)
    # A missing field points at the closest enclosing value.
    assert loaded.where(("list", 7, "x")) == (5, 3)


def test_bom_and_crlf_are_accepted():
    loaded = load_yaml(b"\xef\xbb\xbfid: x\r\ntext: a\r\n")
    assert loaded.errors == []
    assert loaded.value == {"id": "x", "text": "a"}


def test_duplicate_key_is_reported_with_both_lines():
    loaded = load_yaml(b"id: a\nquote: one\nquote: two\n")
    assert loaded.errors == [(3, 1, "duplicate key 'quote' (first given on line 2); keep only one")]


def test_tab_indentation_gets_a_hint():
    loaded = load_yaml(b"actors:\n\t- egy\n")
    (line, column, message), = loaded.errors
    assert (line, column) == (2, 1)
    assert "indent with spaces, not tabs" in message


def test_invalid_utf8_names_the_line():
    loaded = load_yaml(b"id: a\nquote: caf\xe9\n")
    assert loaded.errors == [(2, 11, "the file is not valid UTF-8 (byte 0xe9); save it as UTF-8")]


def test_empty_and_comment_only_files():
    assert "empty" in load_yaml(b"  \n").errors[0][2]
    assert "holds no record" in load_yaml(b"# just a comment\n").errors[0][2]


def test_syntax_error_has_line_and_hint():
    loaded = load_yaml(b"id: a\nquote: He said: no\n")
    (line, column, message), = loaded.errors
    assert line == 2
    assert "put text that contains ': ' in quotes" in message


def test_dates_stay_text_so_impossible_dates_can_be_reported():
    assert load_yaml(b"date: 2015-02-30\n").value == {"date": "2015-02-30"}
