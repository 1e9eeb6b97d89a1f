"""Where a wrongly indented line belongs, read from the lines around it.

YAML reports an indentation mistake where the parser gives up, which is often the line after the
mistake, and in its own terms ("mapping values are not allowed"). A maintainer needs the line to
change and the block it belongs to. These functions look only at the text (indentation, 'name:'
at the start of a line), so they work on a file YAML could not read. Lines are 1-based, as shown.
"""

from __future__ import annotations

import re
from typing import NamedTuple

# 'name: value' at the start of a line (also as a list item: '- name: value'); the value may be
# empty (a block opens below it) and may end with a comment.
_KEY = re.compile(r"^(?P<indent> *)(?:- +)?(?P<name>[^\s:#'\"\[\]{},|>-][^:#]*?):(?:\s+(?P<value>.*?))?\s*$")
_COMMENT = re.compile(r"(^|\s+)#.*$")
_BLOCK_TEXT = re.compile(r"[>|][+-]?[1-9]?[+-]?")  # '>-', '|', '>+' …: text follows on the next lines


class Key(NamedTuple):
    indent: int
    name: str
    value: str  # '' when a block opens below


class Misplaced(NamedTuple):
    line: int  # the line to indent
    column: int
    block: str  # the field it belongs under
    block_line: int
    indent: int  # the indentation it needs, in spaces


def indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _key(line: str) -> Key | None:
    found = _KEY.match(line)
    if not found:
        return None
    return Key(len(found["indent"]), found["name"], _COMMENT.sub("", found["value"] or "").strip())


def _previous(lines: list[str], line: int) -> int | None:
    """The nearest line above `line` that holds something (not blank, not only a comment)."""
    for number in range(line - 1, 0, -1):
        text = lines[number - 1].strip()
        if text and not text.startswith("#"):
            return number
    return None


def _next(lines: list[str], line: int) -> int | None:
    for number in range(line + 1, len(lines) + 1):
        text = lines[number - 1].strip()
        if text and not text.startswith("#"):
            return number
    return None


def misplaced_before(lines: list[str], line: int, fields: frozenset[str] = frozenset()) -> Misplaced | None:
    """When YAML finds `line` indented more than the field above it, the mistake may be that field:
    a line moved out of a block ('stances:') that the lines after it still belong to. Not when that
    field is at the left margin and is one of the record's own `fields` ('objectives:'): then it is
    in its place and `line` is the one indented too far."""
    if not 1 <= line <= len(lines):
        return None
    deeper = indent(lines[line - 1])
    above = _previous(lines, line)
    if above is None or indent(lines[above - 1]) >= deeper or _key(lines[above - 1]) is None:
        return None
    # Up past the block's other lines (as deep as `line`, or deeper) to the field that opens it.
    opener = _previous(lines, above)
    while opener is not None and indent(lines[opener - 1]) >= deeper:
        opener = _previous(lines, opener)
    key = _key(lines[opener - 1]) if opener is not None else None
    if key is None or key.value or key.indent > indent(lines[above - 1]):
        return None
    moved = _key(lines[above - 1])
    if moved.indent == 0 and moved.name in fields:
        return None
    return Misplaced(above, indent(lines[above - 1]) + 1, key.name, opener, deeper)


def misaligned(lines: list[str], line: int) -> Misplaced | None:
    """For `line`, indented less than the lines above it but more than the field that opens their
    block ('  paragraph:' between lines indented by 4 under 'source:'): that block."""
    if not 1 <= line <= len(lines):
        return None
    level = indent(lines[line - 1])
    above = _previous(lines, line)
    if above is None or indent(lines[above - 1]) <= level:
        return None
    siblings = indent(lines[above - 1])
    opener = above
    while opener is not None and indent(lines[opener - 1]) >= siblings:
        opener = _previous(lines, opener)
    key = _key(lines[opener - 1]) if opener is not None else None
    if key is None or key.value or key.indent >= level:
        return None
    return Misplaced(line, level + 1, key.name, opener, siblings)


def block_just_above(lines: list[str], line: int) -> Misplaced | None:
    """The block ('stances:') that ends just above a field at `line`, when the field stands at the
    block's own level: a line of the block moved out of it reads as a field of the record."""
    if not 1 <= line <= len(lines):
        return None
    level = indent(lines[line - 1])
    above = _previous(lines, line)
    if above is None:
        return None
    if indent(lines[above - 1]) == level:  # the block opens on the line above and holds nothing yet
        key = _key(lines[above - 1])
        return Misplaced(line, level + 1, key.name, above, level + 2) if key and not key.value else None
    if indent(lines[above - 1]) < level:
        return None
    opener = above
    while opener is not None and indent(lines[opener - 1]) > level:
        opener = _previous(lines, opener)
    key = _key(lines[opener - 1]) if opener is not None else None
    if key is None or key.value or key.indent != level:
        return None
    return Misplaced(line, level + 1, key.name, opener, indent(lines[_next(lines, opener) - 1]))


def text_continued(lines: list[str], line: int) -> Misplaced | None:
    """The text field ('quote: >-') that `line`, a line of words without ':', continues but is not
    indented under, so that YAML reads it as a new field."""
    if not 1 <= line <= len(lines):
        return None
    here = lines[line - 1]
    words = here.split()
    # A lone field name ('objectives'), or 'name [..' / 'name {..': a field that lost its ':', not
    # text; a lone word with a capital or a sign ('security.') is the end of a sentence.
    if len(words) == 1 and re.fullmatch(r"[a-z0-9_-]+", words[0]) or re.match(r"[\w-]+\s+[\[{]", here.strip()):
        return None
    text_indent = None
    above = _previous(lines, line)
    while above is not None:
        key = _key(lines[above - 1])
        if key is not None:
            break
        text_indent = indent(lines[above - 1])  # a line of the text itself; its first line wins
        above = _previous(lines, above)
    if above is None or not key.value or key.value[0] in "[{\"'":
        return None
    if text_indent is None:
        if not _BLOCK_TEXT.fullmatch(key.value) and " " not in key.value:
            return None  # 'name: value' with a one-word value: an id, not a text to continue
        text_indent = key.indent + 2
    if text_indent <= key.indent or indent(here) >= text_indent:
        return None
    return Misplaced(line, indent(here) + 1, key.name, above, text_indent)


def belongs_above(lines: list[str], line: int) -> str:
    """For an unknown field at `line`: a sentence naming the block it may have been moved out of."""
    block = block_just_above(lines, line)
    if block is None:
        return ""
    if block.block_line == _previous(lines, line):  # the block holds no line yet
        return (
            f"It comes right after '{block.block}:' (line {block.block_line}), which holds nothing: if it belongs "
            f"under it, indent it by {block.indent} spaces."
        )
    return (
        f"It comes right after the lines under '{block.block}:' (line {block.block_line}): if it belongs there, "
        f"indent it by {block.indent} spaces like them."
    )
