"""Read every record under data/, check each against the model, then check them together.

Every problem is collected, with file, line, column and field path; nothing is returned until
all of them are known, so a maintainer sees the whole list in one run.
"""

from __future__ import annotations

import os
from pathlib import Path

from . import schema
from .bibliography import read_bibliography
from .corpus import Corpus
from .problems import Problems, RecordsInvalid
from .readfiles import check_file, check_files
from .yamlfile import LoadedFile

BIBLIOGRAPHY = "bibliography.bib"


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


def _files_under(root: Path, skip: frozenset[str] = frozenset()) -> list[tuple[str, ...]]:
    """Every file below root as path parts relative to it, in the order sorted(root.rglob("*"))
    gives (part by part), without a Path object and a stat() per file. Folders linked from
    elsewhere are not entered, as rglob does not; top-level folders named in skip are left out."""
    found = []
    for folder, dirs, files in os.walk(root):
        rel = tuple(Path(folder).relative_to(root).parts)
        if not rel:
            dirs[:] = [d for d in dirs if d not in skip]
        found.extend(rel + (name,) for name in files)
    found.sort()
    return found


def _record_file(loaded: LoadedFile, issues: list, shown: str, sources: Sources, problems: Problems):
    """Note a checked file's problems; its value when it has none."""
    sources.files[shown] = loaded
    for line, column, field_path, message in issues:
        problems.add(shown, line, column, format_path(field_path), message)
    return loaded.value if not issues else None


def _load_file(path: Path, spec: schema.Spec, sources: Sources, problems: Problems):
    loaded, issues = check_file(path.read_bytes(), spec)
    return _record_file(loaded, issues, sources.shown(path), sources, problems)


def read_records(
    data_dir: Path, display_root: str = "data", parallel: bool | None = None
) -> tuple[Corpus, Sources, Problems]:
    """Load every file and check each one alone. Records with problems are left out of the corpus.

    parallel: parse on two processes (True), on one (False), or as suits the number of files (None).
    """
    problems = Problems()
    sources = Sources(data_dir, display_root)
    corpus = Corpus()
    if not data_dir.is_dir():
        problems.add(display_root, 1, 1, "", "the data folder does not exist")
        return corpus, sources, problems

    known_files = {tuple(rel.split("/")) for rel in schema.SINGLE_FILES} | {(BIBLIOGRAPHY,)}

    # Every record file is parsed and checked alone first (on two cores when there are many)...
    jobs, names = [], []
    for kind in schema.KINDS:
        folder = data_dir / kind.folder
        for parts in _files_under(folder) if folder.is_dir() else []:
            path = folder.joinpath(*parts)
            shown = sources.shown_relative((kind.folder, *parts))
            if path.suffix != ".yml":
                hint = " (rename it to .yml)" if path.suffix == ".yaml" else ""
                problems.add(shown, 1, 1, "", f"only .yml record files belong in data/{kind.folder}/{hint}")
                continue
            jobs.append((path, kind.spec))
            names.append((kind, shown))

    # ...then taken in, in file order, checking ids against file names and each other.
    for (kind, shown), (path, _), (loaded, issues) in zip(names, jobs, check_files(jobs, parallel)):
        target: dict = getattr(corpus, kind.folder)
        value = _record_file(loaded, issues, shown, sources, problems)
        if value is None:
            continue
        record_id = value["id"]
        if record_id != path.stem:
            sources.report(
                problems, shown, ("id",),
                f"the id '{record_id}' does not match the file name '{path.name}'; "
                f"rename the file to '{record_id}.yml' or set id: {path.stem}",
            )
            continue
        if record_id in target:
            first = sources.record_file[(kind.name, record_id)]
            sources.report(
                problems, shown, ("id",),
                f"duplicate {kind.name} id '{record_id}': {first} has the same id; ids must be unique",
            )
            continue
        target[record_id] = value
        sources.record_file[(kind.name, record_id)] = shown

    singles = {}
    for rel, spec in schema.SINGLE_FILES.items():
        path = data_dir / rel
        if not path.exists():
            problems.add(f"{display_root}/{rel}", 1, 1, "", "this file is missing")
            continue
        singles[rel] = _load_file(path, spec, sources, problems)

    criteria = singles.get("vocabularies/criteria.yml") or {}
    corpus.criteria = criteria.get("criteria", [])
    corpus.not_stated = criteria.get("not_stated", {})
    corpus.objectives = (singles.get("vocabularies/objectives.yml") or {}).get("objectives", [])
    corpus.regional_groups = (singles.get("vocabularies/regional-groups.yml") or {}).get("values", [])
    corpus.document_kinds = (singles.get("vocabularies/document-kinds.yml") or {}).get("values", [])
    corpus.interface = singles.get("interface.yml") or {}
    corpus.bibliography = read_bibliography(data_dir / BIBLIOGRAPHY, f"{display_root}/{BIBLIOGRAPHY}", problems)

    # Anything else in data/ is probably a record in the wrong place.
    folders = ", ".join(f"data/{k.folder}/" for k in schema.KINDS)
    for parts in _files_under(data_dir, skip=frozenset(k.folder for k in schema.KINDS)):
        if parts in known_files or parts[-1].startswith(".") or parts[-1] == "README.md":
            continue
        problems.add(sources.shown_relative(parts), 1, 1, "", f"this file is not read by the site; records go in {folders}")

    corpus.index()
    return corpus, sources, problems


def load_corpus(data_dir: Path, display_root: str = "data", parallel: bool | None = None) -> Corpus:
    """All records, checked one by one and together; raises RecordsInvalid with every problem."""
    from .validate import check_references

    corpus, sources, problems = read_records(data_dir, display_root, parallel)
    check_references(corpus, sources, problems)
    if problems:
        raise RecordsInvalid(problems)
    return corpus
