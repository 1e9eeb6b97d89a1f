"""Text that cannot lie about itself: direction controls and invisible characters in record text.

A right-to-left override (U+202E) or isolate (U+2067) reorders the characters shown after it, so
"Egypt, 13 February 2020" can be shown reversed in a title or a copied citation; a zero-width space
or joiner inside "Egypt" makes another name that looks the same. So:

- in names, titles, summaries and every other text the site writes about a record, no invisible
  format character (Unicode category Cf: direction controls and marks, zero-width characters, the
  soft hyphen…) is allowed at all;
- in verbatim text (a quote, a paragraph's text, an official translation), which must stay as the
  source prints it, direction controls are allowed only when balanced: every embedding, override
  or isolate is closed in the same text, so it cannot reach the text around it. Marks (LRM, RLM,
  ALM) and joiners, which shape Arabic script and reorder nothing beyond themselves, stay.

Each problem names the character by code point and Unicode name, where it stands.
"""

from __future__ import annotations

import unicodedata

# Fields whose text is verbatim from a source (their last named part in the field path).
VERBATIM = frozenset({"quote", "text"})

OPENERS = {
    "\u202a": "pdf",
    "\u202b": "pdf",
    "\u202d": "pdf",
    "\u202e": "pdf",
    "\u2066": "pdi",
    "\u2067": "pdi",
    "\u2068": "pdi",
}
CLOSERS = {"\u202c": "pdf", "\u2069": "pdi"}
# Characters no text in the site is written with, though not in category Cf (fillers that show
# as nothing, used to make blank-looking names).
ALSO_INVISIBLE = frozenset("\u115f\u1160\u3164\uffa0\u180e")


def describe(char: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE' (the name Unicode gives the character)."""
    return f"U+{ord(char):04X} {unicodedata.name(char, 'unnamed character')}"


# Cyrillic and Greek letters drawn like Latin ones in most fonts: a quote typed or pasted with one
# of them looks identical to the paragraph, so the message says which Latin letter it imitates.
LOOKALIKES = dict(
    zip(
        "аеорсухіјѕԁһԛԝАВЕКМНОРСТХІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧονα",
        "aeopcyxijsdhqwABEKMHOPCTXIJSABEZHIKMNOPTYXova",
    )
)


def shown(char: str) -> str:
    """'о' (U+043E CYRILLIC SMALL LETTER O, which looks like 'o'); an invisible one by name only."""
    if unicodedata.category(char)[0] in "CZ" and char != " ":
        return f"{describe(char)} (invisible)"
    looks = f", which looks like '{LOOKALIKES[char]}'" if char in LOOKALIKES else ""
    return f"'{char}' ({describe(char)}{looks})"


def _invisible(char: str) -> bool:
    return unicodedata.category(char) == "Cf" or char in ALSO_INVISIBLE


def _field_name(path: tuple) -> str:
    return next((p for p in reversed(path) if isinstance(p, str) and p != "translations"), "")


def text_problems(text: str, path: tuple) -> list[tuple[int, str]]:
    """(index in text, message) of each character the field may not hold."""
    verbatim = _field_name(path) in VERBATIM
    out = []
    if not verbatim:
        for i, char in enumerate(text):
            if _invisible(char):
                what = (
                    "it changes the direction of the text around it"
                    if char in OPENERS or char in CLOSERS or char in "\u200e\u200f\u061c"
                    else "it can make one name look like another"
                )
                out.append(
                    (
                        i,
                        f"the invisible character {describe(char)} is here; {what}, and names, titles "
                        "and summaries never need it: delete it",
                    )
                )
                if len(out) >= 5:
                    break
        return out
    stack: list[tuple[int, str]] = []
    for i, char in enumerate(text):
        if char in OPENERS:
            stack.append((i, char))
        elif char in CLOSERS:
            if stack and OPENERS[stack[-1][1]] == CLOSERS[char]:
                stack.pop()
            else:
                out.append(
                    (
                        i,
                        f"the direction control {describe(char)} closes nothing here; delete it, "
                        "or add the control it closes if the source has it",
                    )
                )
    for i, char in stack:
        closer = "U+2069 POP DIRECTIONAL ISOLATE" if OPENERS[char] == "pdi" else "U+202C POP DIRECTIONAL FORMATTING"
        out.append(
            (
                i,
                f"the direction control {describe(char)} is not closed in this text, so it would reorder "
                f"the text shown after it; close it with {closer} where the source's passage ends, "
                "or delete it",
            )
        )
    return out


def walk(value, path: tuple = ()):
    """(field path, text, is a field name) of every text in a record, and of every field name."""
    if isinstance(value, str):
        yield path, value, False
    elif isinstance(value, dict):
        for key, child in value.items():
            if isinstance(key, str):
                yield path + (key,), key, True  # a field name is shown in messages: it may not lie either
            yield from walk(child, path + (key,))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from walk(child, path + (i,))


def record_problems(value) -> list[tuple[tuple, bool, str, str]]:
    """(field path, at the field's name, the character, message) of every such character."""
    out = []
    for path, text, is_key in walk(value):
        if text.isascii():
            continue  # nearly every text: nothing to look at
        found = text_problems(text, ("name",) if is_key else path)
        out.extend((path, is_key, text[i], message) for i, message in found)
    return out
