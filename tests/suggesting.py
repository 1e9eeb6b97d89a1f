"""Did-you-mean hints in tests, asserted as a property of any valid data/ rather than today's exact list.

Which known ids are close to a typo depends on the records in data/: a maintainer adding A/80/257 gives
'a-70-17' a second close match. A test therefore writes "Did you mean 'x'…?" for "a hint naming 'x'
among the one to three close ids", and everything before the hint must still match exactly.
"""

from __future__ import annotations

import re

SUGGESTS = re.compile(r"^(?P<head>.*) Did you mean '(?P<id>[^']+)'…\?$")


def matches(expected: str, found: str) -> bool:
    """`found` is the problem `expected` describes; a "…?" hint only needs to name its id."""
    wanted = SUGGESTS.match(expected)
    if not wanted:
        return expected == found
    hint = re.fullmatch(re.escape(wanted["head"] + " Did you mean ") + r"('[^']+'(?: or '[^']+'){0,2})\?", found)
    return bool(hint) and f"'{wanted['id']}'" in hint[1].split(" or ")


def same_problems(expected: list[str], found: list[str]) -> bool:
    return len(expected) == len(found) and all(matches(e, f) for e, f in zip(expected, found))


def one_matches(expected: str, found: list[str]) -> bool:
    return any(matches(expected, f) for f in found)
