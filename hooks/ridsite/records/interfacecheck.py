"""The site's own interface text (data/interface.yml), checked by `rid check` before any build.

Each key's placeholders are the ones its English text names ({date}, {actors}): the key declares
them. Every language may use only those, by plain name: no {0}, no {a.b} or {a[0]} (format
strings follow attributes: {actors.__class__.__mro__} would print Python's internals), no
unknown {secret}. And every key the code and templates use literally exists in all six languages.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from pathlib import Path

from ..model.languages import CODES

NAME = re.compile(r"[a-z_][a-z0-9_]*")
HERE = Path(__file__).parents[1]  # the package: its modules and templates
# t("key" …) in Python, interface('key' …) in the templates: the keys used literally (others are
# built from ids, e.g. month.{n}, and checked by the pages' own tests).
USED = re.compile(r"""\b(?:t|interface)\(\s*["']([a-z][a-z0-9_.]*[a-z0-9_])["']\s*[,)]""")


def placeholders(text: str) -> list[str] | None:
    """The names between braces, in order; None when the text is not a valid format string."""
    try:
        return [field for _, field, _, _ in string.Formatter().parse(text) if field is not None]
    except ValueError:
        return None


@lru_cache(maxsize=1)
def used_keys() -> frozenset[str]:
    found = set()
    for path in sorted(p for p in HERE.rglob("*.py") if p.name != "interfacecheck.py") + sorted(
        (HERE / "templates").glob("*.html")
    ):
        found.update(USED.findall(path.read_text(encoding="utf-8")))
    return frozenset(found)


def check_interface(strings: dict, report) -> None:
    """report(field path, message) for every wrong placeholder and every missing text."""
    for key, texts in strings.items():
        if not isinstance(texts, dict):
            continue
        declared = set(placeholders(texts.get("en", "")) or [])
        for lang, text in texts.items():
            if not isinstance(text, str):
                continue
            names = placeholders(text)
            if names is None:
                report(
                    (key, lang),
                    "a brace '{' or '}' is not closed; write a placeholder as {name}, and a brace itself as {{ or }}",
                )
                continue
            for name in names:
                if not NAME.fullmatch(name):
                    report(
                        (key, lang),
                        f"the placeholder {{{name}}} is not a plain name; use only the names "
                        f"this text has in English: {_listed(declared)}",
                    )
                elif name not in declared:
                    report(
                        (key, lang),
                        f"unknown placeholder {{{name}}}; this text may use only "
                        f"{_listed(declared)} (the names its English text has)",
                    )
    for key in sorted(used_keys()):
        texts = strings.get(key)
        missing = [c for c in CODES if not isinstance(texts, dict) or c not in texts]
        if missing:
            path = (key,) if texts is not None else ()
            report(path, f"the interface text '{key}' is used by the pages but missing in {', '.join(missing)}; add it")


def _listed(names: set[str]) -> str:
    return ", ".join(f"{{{n}}}" for n in sorted(names)) if names else "no placeholder"
