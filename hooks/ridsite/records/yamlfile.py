"""Read one YAML record file into plain Python values, remembering where each value stands.

PyYAML's composer keeps line and column for every node; we build values ourselves from the
nodes so that duplicate keys are caught (PyYAML silently keeps the last one) and dates stay
strings until the schema checks them. Where a field stands is looked up only when a problem is
reported, by composing that file again: most files have none, and a large record is read twice
as fast without noting the place of every value.

Maintainers are not all programmers: every problem found here is explained in plain words
(what is wrong, what to write instead), never as a parser's internal message. The file may also
be hostile, so anything records never need (aliases, tags, deep nesting) is refused early and
cheaply rather than expanded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from .indentation import misaligned, misplaced_before, text_continued
from .yamlparser import STR, MappingNode, ScalarNode, SequenceNode, compose

Path = tuple  # a field path such as ("paragraphs", 0, "text")

# Records are parsed with libyaml (yamlparser.py); this loader only finds where an alias stands.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Records nest a few levels (document → paragraphs → items → translations); anything much deeper
# is a mistake or an attack on the checker itself.
MAX_DEPTH = 32

# Characters YAML does not allow in a file (PyYAML's own definition): invisible control characters
# that usually come from copying text out of a PDF.
_NOT_ALLOWED = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

# The tags YAML gives plain values on its own; anything else was written on purpose (!!python/…).
_PLAIN_TAGS = {
    "tag:yaml.org,2002:" + name for name in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}

NO_ALIASES = (
    "YAML anchors and aliases (&name, *name) are not used in records; write the value out in full where it is needed"
)


@dataclass
class LoadedFile:
    value: object = None
    errors: list[tuple[int, int, str]] = field(default_factory=list)
    # The file as read. Lines and columns are worked out from it only when a problem is reported
    # (by composing it again), so that a valid file costs no position bookkeeping at all.
    raw: bytes | None = field(default=None, repr=False)
    _root: object = field(default=None, repr=False, compare=False)
    _lines: list[str] = field(default_factory=list, repr=False, compare=False)

    def _node(self, path: Path):
        """The deepest node along path and how many parts of path it took to reach it."""
        if self._root is None:
            text = _decode(self.raw, LoadedFile()) if self.raw is not None else None
            if not text:
                return None, 0
            try:
                self._root = compose(text)
            except yaml.YAMLError:
                return None, 0
            self._lines = text.split("\n")
        node = self._root
        for depth, part in enumerate(path):
            child = _child(node, part)
            if child is None:
                return node, depth
            node = child
        return node, len(path)

    def where(self, path: Path) -> tuple[int, int]:
        """The (line, column), both 1-based, of a field, or of the closest enclosing one that exists."""
        node, _ = self._node(tuple(path))
        return (1, 1) if node is None else _mark(node, self._lines)

    def where_key(self, path: Path) -> tuple[int, int]:
        """The position of a field's name (where an unknown field is written)."""
        path = tuple(path)
        if path:
            parent, depth = self._node(path[:-1])
            key = _key_node(parent, path[-1]) if depth == len(path) - 1 else None
            if key is not None:
                return _mark(key)
        return self.where(path)


def _key_node(node, key):
    """The first name node in a mapping equal to key (a repeated name is an error of its own)."""
    if isinstance(node, yaml.MappingNode) and isinstance(key, str):
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                return key_node
    return None


def _child(node, part):
    if isinstance(node, yaml.SequenceNode):
        if isinstance(part, int) and not isinstance(part, bool) and 0 <= part < len(node.value):
            return node.value[part]
        return None
    if isinstance(node, yaml.MappingNode) and isinstance(part, str):
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == part:
                return value_node
    return None


class _Refused(Exception):
    """Stops building a file that uses something records never need; carries the position."""

    def __init__(self, line: int, column: int, message: str):
        super().__init__(message)
        self.where = (line, column, message)


def _mark(node, lines: list[str] | None = None) -> tuple[int, int]:
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    # A block scalar (| or >) starts at its indicator; its text starts on the next line.
    if lines is not None and isinstance(node, yaml.ScalarNode) and node.style in ("|", ">") and line < len(lines):
        text_line = lines[line]  # 0-based index of the following line
        return line + 1, len(text_line) - len(text_line.lstrip(" ")) + 1
    return line, column


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


# Scalars other than text are few (true/false, numbers, null); PyYAML's own functions read them.
# They keep no state, so one constructor serves every file.
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_READ_SCALAR = {
    f"tag:yaml.org,2002:{name}": yaml.constructor.SafeConstructor.yaml_constructors[f"tag:yaml.org,2002:{name}"]
    for name in ("null", "bool", "int", "float")
}
_TEXT_TAGS = (STR, "tag:yaml.org,2002:timestamp")


class _Builder:
    """Turns composed nodes into plain values, refusing what is not data."""

    def __init__(self, out: LoadedFile, text: str):
        self.out = out
        self.text = text
        # Node identities: a node met twice was reached through an alias. An alias needs a '*',
        # so files without one (nearly all) skip the bookkeeping.
        self.seen: set[int] | None = set() if "*" in text else None
        self.hash = " #" in text  # a comment can follow a value only after a space
        self._lines: list[str] | None = None

    def comment_after_text(self, node) -> None:
        """An unquoted text followed by ' #' on its line: YAML drops the rest as a comment, so
        "a platform #1 priority" silently becomes "a platform". A text (with spaces: not an id
        such as 'new-body  # why') is refused when what follows reads as more text: a '#' right after
        a single space, or a '#' followed by a letter or digit ('#1'). A comment set apart by two
        spaces and '# ' (as `rid new` writes them: 'title: A title   # ✎ the full title') is one."""
        if self._lines is None:
            self._lines = self.text.split("\n")
        end = node.end_mark
        rest = self._lines[end.line][end.column :] if end.line < len(self._lines) else ""
        if re.match(r" #|\s+#\S", rest) and not re.match(r"\s{2,}#\s", rest):
            column = end.column + len(rest) - len(rest.lstrip()) + 1
            self.out.errors.append(
                (
                    end.line + 1,
                    column,
                    (
                        "the text stops here: YAML reads ' #' as the start of a comment, so what follows "
                        f"('{rest.strip()[:40]}') would be left out; put the whole text in double quotes: \"…\""
                    ),
                )
            )

    def build(self, node, depth: int = 0):
        seen = self.seen
        if seen is not None:
            if id(node) in seen:
                raise _Refused(*self.first_alias(), NO_ALIASES)
            seen.add(id(node))
        if depth > MAX_DEPTH:
            raise _Refused(
                *_mark(node),
                f"lists and fields are nested more than {MAX_DEPTH} levels deep here; a record needs only a few levels",
            )
        tag = node.tag
        if tag not in _PLAIN_TAGS:
            what = "'<<' (a YAML merge key)" if tag.endswith(":merge") else f"the YAML tag '{_short_tag(tag)}'"
            raise _Refused(*_mark(node), f"{what} is not used in records; write a plain value (text, a list or fields)")
        kind = type(node)
        if kind is MappingNode:
            return self.mapping(node, depth)
        if kind is SequenceNode:
            return [self.build(item, depth + 1) for item in node.value]
        # Scalars: text is most of a record, and is the node's value as it stands; timestamps stay
        # text too, so that the schema can report bad or impossible dates itself.
        if tag in _TEXT_TAGS:
            if not node.style and self.hash and " " in node.value:  # plain: None, or "" from libyaml
                self.comment_after_text(node)
            return node.value
        try:
            return _READ_SCALAR[tag](_CONSTRUCTOR, node)
        # e.g. an explicit !!int on a word, or !!seq on a scalar; rare, but say where
        except (yaml.YAMLError, ValueError, KeyError):
            raise _Refused(
                *_mark(node), f"'{node.value}' cannot be read as {_short_tag(tag)}; remove the tag"
            ) from None

    def first_alias(self) -> tuple[int, int]:
        """Where the first alias (*name) stands; the composed node only knows its anchor's place."""
        for event in yaml.parse(self.text, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent):
                return event.start_mark.line + 1, event.start_mark.column + 1
        return 1, 1

    def mapping(self, node, depth: int) -> dict:
        result: dict = {}
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode:
                self.out.errors.append((*_mark(key_node), "a field name must be a plain word, not a list or fields"))
                continue
            if key_node.tag not in _PLAIN_TAGS:
                self.build(key_node, depth + 1)  # raises: a tagged or merge key
            key = key_node.value
            if key in result:
                first = _mark(_key_node(node, key))[0]
                self.out.errors.append(
                    (
                        *_mark(key_node),
                        f"the field '{key}' is given twice (first on line {first}); keep only one of them",
                    )
                )
                continue
            result[key] = self.build(value_node, depth + 1)
        return result


def _decode(raw: bytes, out: LoadedFile) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):  # a BOM from Windows editors is harmless: accept it
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        start = raw.rfind(b"\n", 0, exc.start) + 1
        # Count characters, not bytes, as editors do; the part before the bad byte is valid.
        column = len(raw[start : exc.start].decode("utf-8", errors="replace")) + 1
        out.errors.append(
            (
                line,
                column,
                f"the file is not saved as UTF-8 (the byte 0x{raw[exc.start]:02x} here is from another encoding); "
                "save it again with the encoding UTF-8",
            )
        )
        return None
    # Windows (CRLF) and old Mac (CR) line endings are harmless: accept them.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _position_of(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _char_at(lines: list[str], line: int, column: int) -> str:
    if 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]):
        return lines[line - 1][column - 1]
    return ""


# Long for a reason: one flat dispatch over libyaml's messages, tried in this order (the cases that
# read the lines around the error are the helpers below it).
def explain_syntax_error(
    exc: yaml.MarkedYAMLError, lines: list[str], fields: frozenset[str] = frozenset()
) -> tuple[int, int, str]:
    """A YAML parser error as (line, column, plain-words message) pointing where the fix goes.
    fields: the names a record may have at the left margin (a line there with one of them is in
    its place, so the mistake is the indented line after it)."""
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    opened = (exc.context_mark.line + 1, exc.context_mark.column + 1) if exc.context_mark else (line, column)
    char = _char_at(lines, line, column)

    def say(text: str, at: tuple[int, int] = (line, column)) -> tuple[int, int, str]:
        return (*at, f"YAML syntax error: {text}")

    if "tab character" in problem:  # libyaml: "found a tab character that violates indentation"
        return say("a tab character is used for indentation here; YAML needs spaces: replace the tab with spaces")
    if "cannot start any token" in problem:
        if char == "\t":
            return say("a tab character is used for indentation here; YAML needs spaces: replace the tab with spaces")
        shown = f"'{char}'" if char else "this character"
        return say(f'a value cannot start with {shown}; put the whole value in double quotes, for example "{char}…"')
    if "mapping values are not allowed" in problem:
        return say(*_colon_too_many(lines, (line, column), fields))
    if "quoted scalar" in context and "end of stream" in problem:
        return say(
            f"the quotation mark opened on line {opened[0]} is never closed; add the closing quotation mark", opened
        )
    if "flow sequence" in context:
        return say(
            f"the list opened with '[' on line {opened[0]} is not closed; end it with ']' "
            "(and put any item that contains a comma or a bracket in quotes)",
            opened,
        )
    if "flow mapping" in context:
        return say(
            f"the fields opened with '{{' on line {opened[0]} are not closed; end them with '}}' "
            "(and put any value that contains a comma or a brace in quotes)",
            opened,
        )
    if "simple key" in context and "expected ':'" in problem:
        return say(*_colon_missing(lines, opened))
    if "block collection" in context:
        return say(
            "this line is inside a list but does not start with '- '; start it with '- ' or indent it under its item"
        )
    if "block mapping" in context:
        return say(*_out_of_line(lines, (line, column), char, fields))
    if "undefined alias" in problem:
        return (line, column, NO_ALIASES)
    if "another document" in problem:
        return say("'---' starts a second record in the same file; keep one record per file and remove this line")
    if "directive" in context or "document start" in problem:
        return say("a line cannot start with '%'; put the text in double quotes")
    if "nesting depth" in problem:
        return say("lists and fields are nested too deeply here; a record needs only a few levels")
    return say(f"{problem or 'the file cannot be read'} (check this line and the line above it)")


Said = tuple[str, tuple[int, int]]  # a message and the (line, column) it points at


def _colon_too_many(lines: list[str], at: tuple[int, int], fields: frozenset[str]) -> Said:
    """'mapping values are not allowed': a field indented under the one above it, or ': ' in a text."""
    line, column = at
    before = lines[line - 1][: column - 1] if 1 <= line <= len(lines) else ""
    if re.fullmatch(r"\s+[^\s:#]+", before):
        moved = misplaced_before(lines, line, fields)
        if moved:
            return _moved(moved), (moved.line, moved.column)
        return (
            "this field is indented more than the field above it; line it up with the other fields at the same level",
            at,
        )
    return (
        "the text contains ': ' (a colon then a space), which YAML reads as a new field; "
        'put the whole text in double quotes: "…"',
        at,
    )


def _colon_missing(lines: list[str], opened: tuple[int, int]) -> Said:
    """ "could not find expected ':'": a field name too long, a text's line not indented under its
    field, or a line without its ':'."""
    start = lines[opened[0] - 1][opened[1] - 1 :] if 1 <= opened[0] <= len(lines) else ""
    if len(start.split(":", 1)[0]) > 1024:  # YAML reads at most 1,024 characters as a field name
        return (
            f"the field name here is {len(start.split(':', 1)[0]):,} characters long; YAML reads at most "
            "1,024 characters as one, and field names are short words such as 'quote'",
            opened,
        )
    text = text_continued(lines, opened[0])
    if text:
        return (
            f"line {text.line} continues the text of '{text.block}:' (line {text.block_line}) but is not "
            f"indented under it, so YAML reads it as a new field; indent it under '{text.block}:' by "
            f"{text.indent} spaces, like the text above it",
            (text.line, text.column),
        )
    return f"line {opened[0]} has no ':' after the field name; write it as 'name: value'", opened


def _out_of_line(lines: list[str], at: tuple[int, int], char: str, fields: frozenset[str]) -> Said:
    """'while parsing a block mapping': a line that does not fit the fields around it."""
    line, column = at
    if char == "-":
        return (
            "a list item ('- ') stands where a field ('name: value') was expected; indent the list under its field",
            at,
        )
    if _after_closing_quote(lines, line, column):
        return "there is text after the closing quotation mark; put the whole text inside the quotes", at
    moved = misplaced_before(lines, line, fields)
    if moved:
        return _moved(moved), (moved.line, moved.column)
    lined = misaligned(lines, line)
    if lined:
        return (
            f"this line does not line up with the fields above it; if it belongs under '{lined.block}:' "
            f"(line {lined.block_line}) like them, indent it by {lined.indent} spaces",
            at,
        )
    return "this line does not line up with the fields above it; indent it like the other fields at the same level", at


def _moved(moved) -> str:
    return (
        f"this line looks like it belongs under '{moved.block}:' (line {moved.block_line}), like the lines after "
        f"it, but it is indented less than they are; indent it by {moved.indent} spaces"
    )


def _after_closing_quote(lines: list[str], line: int, column: int) -> bool:
    """True when the error stands after a closing quotation mark on the same line."""
    if not 1 <= line <= len(lines):
        return False
    before = lines[line - 1][: column - 1].rstrip()
    return before.endswith(("'", '"')) and ":" in before


def load_yaml(raw: bytes, fields: frozenset[str] = frozenset()) -> LoadedFile:
    """The file's value, or its problems; fields: the record's own field names, if known."""
    out = LoadedFile(raw=raw)
    text = _decode(raw, out)
    if text is None:
        return out
    if not text.strip():
        out.errors.append((1, 1, "the file is empty; a record is 'name: value' lines (run `rid new` to start one)"))
        return out
    bad = _NOT_ALLOWED.search(text)
    if bad:
        out.errors.append(
            (
                *_position_of(text, bad.start()),
                f"an invisible control character (U+{ord(bad.group()):04X}) is here, often left by copying from a PDF; "
                "delete it",
            )
        )
        return out
    try:
        node = compose(text)
    except yaml.MarkedYAMLError as exc:
        out.errors.append(explain_syntax_error(exc, text.split("\n"), fields))
        return out
    except yaml.YAMLError as exc:  # not expected after the checks above; still say where to look
        out.errors.append((1, 1, f"YAML syntax error: {str(exc).splitlines()[0]}"))
        return out
    if node is None:
        out.errors.append((1, 1, "the file holds no record, only comments; a record is 'name: value' lines"))
        return out
    try:
        out.value = _Builder(out, text).build(node)
    except _Refused as refused:
        out.errors.append(refused.where)
        out.value = None
    return out
