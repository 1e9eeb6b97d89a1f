"""Compose a YAML text into PyYAML nodes (with line and column marks) as fast as PyYAML allows.

libyaml does the parsing. What is left in Python is a call back per node to PyYAML's resolver,
which walks path-resolver stacks records never use; the lean resolver below gives each node the
same tag as PyYAML's SafeLoader does (its own table of implicit types), with less work per node.
That callback is most of the cost of `rid check` on a large record.
"""

from __future__ import annotations

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import Resolver

STR = Resolver.DEFAULT_SCALAR_TAG
SEQ = Resolver.DEFAULT_SEQUENCE_TAG
MAP = Resolver.DEFAULT_MAPPING_TAG

# First character → [(tag, regexp)], as SafeLoader resolves plain (unquoted) scalars; resolvers
# registered for any first character (None) are tried after, as PyYAML does.
_ANY = tuple(Resolver.yaml_implicit_resolvers.get(None, ()))
_IMPLICIT = {
    first: tuple(pairs) + _ANY for first, pairs in Resolver.yaml_implicit_resolvers.items() if first is not None
}

# Field names and ids repeat in every file: their tags are remembered (short values only, and
# only so many, so that the cache stays small whatever the files hold).
_CACHE_MAX_LENGTH = 40
_CACHE_MAX_SIZE = 200_000
_plain_tags: dict[str, str] = {}


def plain_tag(value: str) -> str:
    """The tag PyYAML's SafeLoader gives an unquoted scalar, e.g. 'true' → bool, '18' → int."""
    tag = _plain_tags.get(value)
    if tag is not None:
        return tag
    tag = STR
    for candidate, regexp in _IMPLICIT.get(value[:1], _ANY):  # value[:1] is '' for an empty value
        if regexp.match(value):
            tag = candidate
            break
    if len(value) <= _CACHE_MAX_LENGTH and len(_plain_tags) < _CACHE_MAX_SIZE:
        _plain_tags[value] = tag
    return tag


try:
    from yaml._yaml import CParser
except ImportError:  # PyYAML without libyaml: the pure-Python loader gives the same nodes
    CParser = None


if CParser is not None:

    class _LeanParser(CParser):
        # Called by libyaml's composer for every node; records need no path resolvers.
        def descend_resolver(self, current_node, current_index):
            pass

        def ascend_resolver(self):
            pass

        def resolve(self, kind, value, implicit):
            if kind is ScalarNode:
                if implicit[0]:  # unquoted: look the value up here first, saving a call per name
                    return _plain_tags.get(value) or plain_tag(value)
                return STR
            return SEQ if kind is SequenceNode else MAP


def compose(text: str):
    """The root node of a one-document YAML text (None when it holds only comments).

    Raises yaml.MarkedYAMLError exactly as yaml.compose(text, Loader=yaml.CSafeLoader) does.
    """
    if CParser is None:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    return _LeanParser(text).get_single_node()


__all__ = ["compose", "plain_tag", "MappingNode", "ScalarNode", "SequenceNode", "STR", "SEQ", "MAP"]
