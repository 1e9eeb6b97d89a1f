"""Parse record files and check each one alone against its model, on two cores when there are many.

A file's own problems need nothing from any other file, and parsing is most of the time `rid check`
takes on a large record; so above a few hundred files a forked helper process takes about half of
them while this process does the rest. Results come back in file order: the corpus and the list
of problems are the same whichever way they were made.
"""

from __future__ import annotations

import os
import sys
import threading
from pathlib import Path

from ..model.schema import Spec
from ..model.textrules import record_problems
from .indentation import belongs_above
from .yamlfile import LoadedFile, load_yaml

# (line, column, field path, message) of one problem; the field path is a tuple, () for the file.
Issue = tuple[int, int, tuple, str]

# Below this many files a helper costs more (starting it, sending values back) than it saves.
PARALLEL_FROM = 400
# The helper's share: a little over half, as this process also unpickles what the helper sends.
HELPER_SHARE = 0.52
CHUNKS = 4  # the helper's share is sent back in parts, so that receiving overlaps its work


def check_file(raw: bytes, spec: Spec) -> tuple[LoadedFile, list[Issue]]:
    """The file read, and its problems: YAML ones, or else those against its model."""
    loaded = load_yaml(raw, frozenset(getattr(spec, "fields", ())))
    issues: list[Issue] = [(line, column, (), message) for line, column, message in loaded.errors]
    if loaded.errors:
        return loaded, issues
    for field_path, message in spec.check(loaded.value, ()):
        # "unknown field" opens the message when the field's name itself is the problem.
        at_key = message.startswith("unknown field")
        line, column = loaded.where_key(field_path) if at_key else loaded.where(field_path)
        if at_key and "Did you mean" not in message:  # no near name: perhaps a line moved out of its block
            message = _moved_out(message, belongs_above(loaded._lines, line))
        issues.append((line, column, field_path, message))
    for field_path, at_key, char, message in record_problems(loaded.value):
        line, column = loaded.where_key(field_path) if at_key else loaded.where(field_path)
        line, column = _char_position(loaded, line, column, char)
        issues.append((line, column, field_path, message))
    return loaded, issues


def _moved_out(message: str, hint: str) -> str:
    """ "unknown field 'x'. The fields allowed here are: …" with the hint after its first sentence."""
    if not hint:
        return message
    head, _, rest = message.partition(". ")
    return f"{head}. {hint} Otherwise: {rest[0].lower()}{rest[1:]}" if rest else f"{head} {hint}"


def _char_position(loaded: LoadedFile, line: int, column: int, char: str) -> tuple[int, int]:
    """Where char first stands in the file from (line, column), the start of its text; the start
    itself if the file writes it as an escape ("\u202e")."""
    lines = loaded._lines
    if not 1 <= line <= len(lines):
        return line, column
    for number in range(line, len(lines) + 1):
        found = lines[number - 1].find(char, column - 1 if number == line else 0)
        if found >= 0:
            return number, found + 1
    return line, column


def _check_paths(jobs: list[tuple[str, Spec]]) -> list[tuple]:
    """In the helper: plain tuples travel back faster than LoadedFile objects."""
    out = []
    for path, spec in jobs:
        raw = Path(path).read_bytes()
        loaded, issues = check_file(raw, spec)
        out.append((loaded.value, loaded.errors, issues, raw))
    return out


def _helper_context():
    # fork starts the helper at once with everything already imported. It is safe only in a
    # process with no other thread (`mkdocs serve` has some) and where fork is the usual way
    # (Linux, not macOS or Windows); elsewhere the files are simply read here, one after another.
    if sys.platform != "linux" or (os.cpu_count() or 1) < 2 or threading.active_count() > 1:
        return None
    import multiprocessing  # here: a small record never needs it, and it is slow to import

    return multiprocessing.get_context("fork")


def check_files(jobs: list[tuple[Path, Spec]], parallel: bool | None = None) -> list[tuple[LoadedFile, list[Issue]]]:
    """check_file() for every (path, spec), in order; parallel=None decides by the number of files."""
    if parallel is None:
        parallel = len(jobs) >= PARALLEL_FROM
    context = _helper_context() if parallel and len(jobs) >= 2 else None
    if context is None:
        return [check_file(path.read_bytes(), spec) for path, spec in jobs]

    split = len(jobs) - int(len(jobs) * HELPER_SHARE)
    mine, theirs = jobs[:split], [(str(path), spec) for path, spec in jobs[split:]]
    size = -(-len(theirs) // CHUNKS)
    chunks = [theirs[i : i + size] for i in range(0, len(theirs), size)]
    from concurrent.futures import ProcessPoolExecutor

    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=context) as helper:
            futures = [helper.submit(_check_paths, chunk) for chunk in chunks]
            results = [check_file(path.read_bytes(), spec) for path, spec in mine]
            for future in futures:
                for value, errors, issues, raw in future.result():
                    results.append((LoadedFile(value=value, errors=errors, raw=raw), issues))
        return results
    except (OSError, RuntimeError):  # no helper could start (e.g. a process limit): do it all here
        return [check_file(path.read_bytes(), spec) for path, spec in jobs]
