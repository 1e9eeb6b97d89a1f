"""Reading one YAML file: positions, and the broken files maintainers actually produce."""

from ridsite.records.yamlfile import load_yaml


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
    assert loaded.errors == [(3, 1, "the field 'quote' is given twice (first on line 2); keep only one of them")]


def test_tab_indentation_gets_a_hint():
    loaded = load_yaml(b"actors:\n\t- egy\n")
    assert loaded.errors == [
        (
            2,
            1,
            "YAML syntax error: a tab character is used for indentation here; YAML needs spaces: replace the tab with spaces",
        )
    ]


def test_invalid_utf8_names_the_line():
    loaded = load_yaml(b"id: a\nquote: caf\xe9\n")
    assert loaded.errors == [
        (
            2,
            11,
            "the file is not saved as UTF-8 (the byte 0xe9 here is from another encoding); save it again with the encoding UTF-8",
        )
    ]


def test_empty_and_comment_only_files():
    assert load_yaml(b"  \n").errors == [
        (1, 1, "the file is empty; a record is 'name: value' lines (run `rid new` to start one)")
    ]
    assert load_yaml(b"# just a comment\n").errors == [
        (1, 1, "the file holds no record, only comments; a record is 'name: value' lines")
    ]


def test_syntax_error_has_line_and_hint():
    loaded = load_yaml(b"id: a\nquote: He said: no\n")
    assert loaded.errors == [
        (
            2,
            15,
            "YAML syntax error: the text contains ': ' (a colon then a space), which YAML reads as a new field; "
            'put the whole text in double quotes: "…"',
        )
    ]


def test_dates_stay_text_so_impossible_dates_can_be_reported():
    assert load_yaml(b"date: 2015-02-30\n").value == {"date": "2015-02-30"}


def test_columns_count_characters_as_editors_do_not_bytes():
    loaded = load_yaml("id: a\nname: 中文 x: y\n".encode())
    assert [(line, column) for line, column, _ in loaded.errors] == [(2, 11)]
    loaded = load_yaml("id: a\nname: 中文 caf".encode() + b"\xe9\n")
    assert [(line, column) for line, column, _ in loaded.errors] == [(2, 13)]


def test_what_records_never_need_is_refused_before_it_is_expanded():
    # Nine levels of nine aliases would expand to 387 million items: refused at the first alias.
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    loaded = load_yaml(laughs.encode())
    assert loaded.errors == [
        (
            2,
            8,
            "YAML anchors and aliases (&name, *name) are not used in records; write the value out in full where it is needed",
        )
    ]
    assert load_yaml(b"a: !!python/name:os.system x\n").errors == [
        (
            1,
            4,
            "the YAML tag '!!python/name:os.system' is not used in records; write a plain value (text, a list or fields)",
        )
    ]


def test_the_lean_parser_gives_the_tags_pyyaml_gives():
    import yaml

    from ridsite.records import yamlparser

    text = (
        "a: text\nb: 18\nc: '18'\nd: 1.5\ne: .inf\nf: true\ng: no\nh: ~\ni:\nj: 2020-02-13\nk: 0x1F\n"
        'l: 1_000\nm: 1:30\nn: =\no: "true"\np: |\n  block\nq: [Yes, NULL, -1, +.5, 0o7]\nr: {s: t}\n'
    )
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def tags(node):
        children = node.value if isinstance(node, yaml.SequenceNode) else []
        if isinstance(node, yaml.MappingNode):
            children = [n for pair in node.value for n in pair]
        return [(node.tag, node.start_mark.line, node.start_mark.column)] + [t for c in children for t in tags(c)]

    assert tags(yamlparser.compose(text)) == tags(yaml.compose(text, Loader=loader))


def test_a_tag_that_does_not_fit_its_value_is_explained_not_a_crash():
    assert load_yaml(b"id: a\nn: !!int abc\n").errors == [(2, 4, "'abc' cannot be read as !!int; remove the tag")]
    assert load_yaml(b"id: a\nb: !!bool maybe\n").errors == [(2, 4, "'maybe' cannot be read as !!bool; remove the tag")]


def test_positions_are_found_in_a_file_read_again_only_when_asked():
    loaded = load_yaml(b"id: x\nitems:\n  - id: a\n    text: |\n      line one\n")
    assert loaded.where(("items", 0, "text")) == (5, 7)  # a block's text starts on its next line
    assert loaded.where_key(("items", 0, "text")) == (4, 5)
    assert loaded.where_key(("items", 3, "text")) == (3, 3)  # no such item: its list
    assert load_yaml(b"a: [\n").where(("a",)) == (1, 1)  # a broken file points at its start


def test_a_one_megabyte_field_name_is_named_as_too_long_not_as_a_missing_colon():
    from ridsite.records.yamlfile import load_yaml

    assert load_yaml(("id: x\n" + "k" * 1_000_000 + ": 1\n").encode()).errors == [
        (
            2,
            1,
            "YAML syntax error: the field name here is 1,000,000 characters long; YAML reads at most 1,024 "
            "characters as one, and field names are short words such as 'quote'",
        )
    ]


def test_a_line_moved_out_of_its_block_is_reported_where_it_stands_naming_the_block():
    # The first line of a block at the margin: YAML stumbles on the next line; the message does not.
    text = b"id: x\nsummary:\nen: A summary.\n  fr: Un resume.\nquote: q\n"
    assert load_yaml(text).errors == [
        (
            3,
            1,
            "YAML syntax error: this line looks like it belongs under 'summary:' (line 2), like the lines after "
            "it, but it is indented less than they are; indent it by 2 spaces",
        )
    ]
    # Indented, but less than the block's other lines: the indentation asked for is theirs.
    text = b"id: x\nsource:\n    document: a\n  paragraph: b\n    page: c\n"
    assert load_yaml(text).errors[0][:2] == (4, 3)
    assert load_yaml(text).errors[0][2] == (
        "YAML syntax error: this line does not line up with the fields above it; if it belongs under 'source:' "
        "(line 2) like them, indent it by 4 spaces"
    )
    # A field truly indented under one that has a value is still named as such.
    assert load_yaml(b"id: x\ndate: 2020\n  event: e\n").errors == [
        (
            3,
            8,
            "YAML syntax error: this field is indented more than the field above it; "
            "line it up with the other fields at the same level",
        )
    ]


def test_an_unindented_line_of_text_is_told_to_go_under_its_field():
    text = b"id: x\nsummary:\n  en: Egypt proposed an\ninstitutional platform to monitor\nquote: q\n"
    assert load_yaml(text).errors == [
        (
            4,
            1,
            "YAML syntax error: line 4 continues the text of 'en:' (line 3) but is not indented under it, so "
            "YAML reads it as a new field; indent it under 'en:' by 4 spaces, like the text above it",
        )
    ]
    text = b"id: x\nquote: >-\nthe first words\n  of the quote\n"
    assert load_yaml(text).errors[0][:2] == (3, 1)
    assert "continues the text of 'quote:' (line 2)" in load_yaml(text).errors[0][2]
    # The last word of a sentence alone on its line is text too.
    assert load_yaml(b"id: x\nquote: >-\n  the Group recommends\nsecurity.\nstances:\n  a: b\n").errors[0][:2] == (4, 1)
    assert "continues the text of 'quote:'" in load_yaml(b"id: x\nquote: >-\n  a b\nsecurity.\n").errors[0][2]
    # A field that lost its ':' is not taken for text.
    assert load_yaml(b"id: x\nquote: >-\n  some words\nobjectives [a, b]\n").errors == [
        (4, 1, "YAML syntax error: line 4 has no ':' after the field name; write it as 'name: value'")
    ]
    assert load_yaml(b"id: x\nquote: >-\n  some words\nobjectives\nsummary:\n  en: s\n").errors == [
        (4, 1, "YAML syntax error: line 4 has no ':' after the field name; write it as 'name: value'")
    ]


def test_a_field_of_the_record_at_the_margin_is_in_its_place_and_the_line_after_it_is_blamed():
    text = b"id: x\nstances:\n  regular: a\n  un-auspices: b\nobjectives: x\n  supports: y\n"
    # Without the record's field names, 'objectives' may be a stance moved out of 'stances:'...
    assert load_yaml(text).errors[0][:2] == (5, 1)
    # ...with them, it is a field of the record, and 'supports' is the line indented too far.
    assert load_yaml(text, frozenset({"id", "stances", "objectives", "supports"})).errors == [
        (
            6,
            11,
            "YAML syntax error: this field is indented more than the field above it; "
            "line it up with the other fields at the same level",
        )
    ]


def test_an_unknown_field_right_after_a_block_is_told_it_may_belong_in_it():
    from ridsite.model import schema
    from ridsite.records.readfiles import check_file

    def messages(text: bytes) -> list[tuple[int, str]]:
        return [(line, message) for line, _, _, message in check_file(text, schema.POSITION)[1]]

    last = b"id: x\nstances:\n  regular: a\nun-auspices: b\nsummary:\n  en: s\n"
    assert (
        4,
        "unknown field 'un-auspices'. It comes right after the lines under 'stances:' (line 2): if it belongs "
        "there, indent it by 2 spaces like them. Otherwise: the fields allowed here are: id, actors, date, "
        "event, source, quote, stances, objectives, supports, opposes, summary.",
    ) in messages(last)
    first = b"id: x\nsummary:\nen: s\n"
    assert (
        3,
        "unknown field 'en'. It comes right after 'summary:' (line 2), which holds nothing: if it belongs "
        "under it, indent it by 2 spaces. Otherwise: the fields allowed here are: id, actors, date, event, "
        "source, quote, stances, objectives, supports, opposes, summary.",
    ) in messages(first)
    # A near name is a typo, not a moved line: the hint stays the one it was.
    typo = b"id: x\nsummary:\n  en: s\nqoute: q\n"
    assert (4, "unknown field 'qoute'. Did you mean 'quote'?") in messages(typo)
