"""Where each loaded value came from (file, line, column, field path), for every check to report at.

Reading (load.py) fills it, the checks across records (validate.py) report through it: neither
imports the other for it.
"""

from __future__ import annotations

from pathlib import Path

from ..model.problems import Problems
from .yamlfile import LoadedFile


def format_path(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class Sources:
    """Where each loaded value came from, so later checks can point at the right line."""

    def __init__(self, root: Path, display_root: str):
        self.root = root
        self.display_root = display_root
        self.files: dict[str, LoadedFile] = {}  # shown path → loaded file
        self.record_file: dict[tuple[str, str], str] = {}  # (kind, id) → shown path
        # (kind, file stem) of record files left out for problems of their own: a reference to one
        # is not reported again as "unknown" (its own problems say what to fix).
        self.failed: set[tuple[str, str]] = set()

    def shown(self, path: Path) -> str:
        return f"{self.display_root}/{path.relative_to(self.root).as_posix()}"

    def shown_relative(self, parts: tuple[str, ...]) -> str:
        return "/".join((self.display_root, *parts))

    def report(self, problems: Problems, shown: str, path: tuple, message: str, at_key: bool = False) -> None:
        loaded = self.files.get(shown)
        line, column = (1, 1)
        if loaded is not None:
            line, column = loaded.where_key(path) if at_key else loaded.where(path)
        problems.add(shown, line, column, format_path(path), message)

    def report_record(self, problems: Problems, kind: str, record_id: str, path: tuple, message: str) -> None:
        self.report(problems, self.record_file[(kind, record_id)], path, message)
