"""Problems found in the records, reported all at once with file, line, column and field."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    path: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        return f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"


@dataclass
class Problems:
    """Collects every problem; the caller decides when to stop (never at the first one)."""

    items: list[Problem] = field(default_factory=list)

    def add(self, file: str, line: int, column: int, path: str, message: str) -> None:
        self.items.append(Problem(file, line, column, path, message))

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items))

    def capped(self, limit: int = 20) -> list[str]:
        """The problems as lines, with at most `limit` of the same kind in one file (the same field
        of every item of a list: actors[0], actors[1] …), then one line saying how many more."""
        groups: dict[tuple[str, str], int] = {}
        lines: list[str] = []
        last: dict[tuple[str, str], int] = {}  # where each group's "more" line goes
        for problem in self.sorted():
            kind = (problem.file, re.sub(r"\[\d+\]", "[*]", problem.path) or problem.message)
            seen = groups[kind] = groups.get(kind, 0) + 1
            if seen <= limit:
                lines.append(str(problem))
                last[kind] = len(lines)
        for kind, count in sorted(groups.items(), key=lambda item: -last[item[0]]):
            if count > limit:
                file, path = kind
                lines.insert(last[kind], f"{file}: {path}: … and {count - limit:,} more like the ones above")
        return lines

    def report(self) -> str:
        lines = self.capped()
        n = len(self.sorted())
        lines.append(f"{n:,} error{'s' if n != 1 else ''} found in the records; nothing was built.")
        return "\n".join(lines)


class RecordsInvalid(Exception):
    """Raised with every problem at once, so one run shows a maintainer all there is to fix."""

    def __init__(self, problems: Problems):
        self.problems = problems
        super().__init__(problems.report())


def did_you_mean(value: object, choices, listing: str = "") -> str:
    """A short hint naming the closest known ids, or listing a few when nothing is close."""
    choices = sorted({str(c) for c in choices})
    if not choices:
        return ""
    close = difflib.get_close_matches(str(value), choices, n=3, cutoff=0.6)
    if not close:
        # Ids are often typed in another case or with spaces.
        folded = {c.lower().replace(" ", "-").replace("_", "-"): c for c in choices}
        key = str(value).lower().replace(" ", "-").replace("_", "-")
        if key in folded:
            close = [folded[key]]
    if close:
        return " Did you mean " + " or ".join(f"'{c}'" for c in close) + "?"
    if len(choices) <= 8:
        return " Known values: " + ", ".join(f"'{c}'" for c in choices) + "."
    if listing:
        return f" No similar id is known; the known ids are the file names in {listing}."
    return f" No similar value is known ({len(choices)} are defined)."
