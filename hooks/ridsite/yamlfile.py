"""Read one YAML record file into plain Python values, remembering where each value stands.

PyYAML's composer keeps line and column for every node; we build values ourselves from the
nodes so that every later error can name the exact line, duplicate keys are caught (PyYAML
silently keeps the last one) and dates stay strings until the schema checks them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

Path = tuple  # a field path such as ("paragraphs", 0, "text")


@dataclass
class LoadedFile:
    value: object = None
    # (line, column), both 1-based, of each value and of each mapping key.
    positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path, tuple[int, int]] = field(default_factory=dict)
    errors: list[tuple[int, int, str]] = field(default_factory=list)

    def where(self, path: Path) -> tuple[int, int]:
        """The position of a field, or of the closest enclosing one that exists."""
        path = tuple(path)
        while path:
            if path in self.positions:
                return self.positions[path]
            path = path[:-1]
        return self.positions.get((), (1, 1))

    def where_key(self, path: Path) -> tuple[int, int]:
        return self.key_positions.get(tuple(path)) or self.where(path)


_constructor = yaml.constructor.SafeConstructor()


def _mark(node, lines: list[str] | None = None) -> tuple[int, int]:
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    # A block scalar (| or >) starts at its indicator; its text starts on the next line.
    if lines is not None and isinstance(node, yaml.ScalarNode) and node.style in ("|", ">") and line < len(lines):
        text_line = lines[line]  # 0-based index of the following line
        return line + 1, len(text_line) - len(text_line.lstrip(" ")) + 1
    return line, column


def _build(node, path: Path, out: LoadedFile, lines: list[str]):
    out.positions[path] = _mark(node, lines)
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                out.errors.append((*_mark(key_node), "a key must be a plain word, not a list or mapping"))
                continue
            key = key_node.value
            if key in result:
                first = out.key_positions.get(path + (key,), (0, 0))[0]
                out.errors.append(
                    (*_mark(key_node), f"duplicate key '{key}' (first given on line {first}); keep only one")
                )
                continue
            out.key_positions[path + (key,)] = _mark(key_node)
            result[key] = _build(value_node, path + (key,), out, lines)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), out, lines) for i, item in enumerate(node.value)]
    # Scalars: keep timestamps as text so the schema can report bad or impossible dates itself.
    if node.tag == "tag:yaml.org,2002:timestamp":
        return node.value
    try:
        return _constructor.construct_object(node, deep=True)
    except yaml.YAMLError as exc:  # e.g. a malformed !!binary; rare, but say where
        out.errors.append((*_mark(node), str(exc).splitlines()[0]))
        return node.value


def _decode(raw: bytes, out: LoadedFile) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):  # a BOM from Windows editors is harmless: accept it
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        out.errors.append(
            (line, column, f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8")
        )
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def load_yaml(raw: bytes) -> LoadedFile:
    out = LoadedFile()
    text = _decode(raw, out)
    if text is None:
        return out
    if not text.strip():
        out.errors.append((1, 1, "the file is empty; a record is a YAML mapping of fields"))
        return out
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or "invalid YAML"
        hint = ""
        if "'\\t'" in problem or "tab" in problem.lower():
            hint = "; indent with spaces, not tabs"
        elif "mapping values are not allowed" in problem:
            hint = "; put text that contains ': ' in quotes"
        elif "could not find expected ':'" in problem:
            hint = "; each field is 'name: value' (check the line above for a missing colon or quote)"
        out.errors.append((line, column, f"YAML syntax error: {problem}{hint}"))
        return out
    except yaml.YAMLError as exc:
        out.errors.append((1, 1, f"YAML syntax error: {exc}"))
        return out
    if node is None:
        out.errors.append((1, 1, "the file holds no record (only comments?); a record is a YAML mapping of fields"))
        return out
    out.value = _build(node, (), out, text.split("\n"))
    return out
