"""Read every record under data/, check each against the model, then check them together.

Every problem is collected, with file, line, column and field path; nothing is returned until
all of them are known, so a maintainer sees the whole list in one run.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..model import schema
from ..model.corpus import Corpus
from ..model.kinds import KINDS
from ..model.problems import Problems, RecordsInvalid
from .bibliography import read_bibliography
from .readfiles import check_file, check_files
from .sources import Sources, format_path
from .validate import check_references
from .yamlfile import LoadedFile

BIBLIOGRAPHY = "bibliography.bib"


LINK = (
    "this is a symbolic link, which the site does not follow (it could lead out of the project); "
    "put the file itself here instead of a link"
)


def _files_under(root: Path, skip: frozenset[str] = frozenset(), links: list | None = None) -> list[tuple[str, ...]]:
    """Every file below root as path parts relative to it, in the order sorted(root.rglob("*"))
    gives (part by part), without a Path object and a stat() per file. Symbolic links (to files
    or folders) are never followed nor read: they are added to links, when given, as path parts;
    top-level folders named in skip are left out."""
    found = []
    for folder, dirs, files in os.walk(root):
        rel = tuple(Path(folder).relative_to(root).parts)
        # os.walk does not enter a linked folder, but lists it among the folders: say so.
        linked = [d for d in dirs if os.path.islink(os.path.join(folder, d))]
        if linked or not rel:
            dirs[:] = [d for d in dirs if d not in linked and (rel or d not in skip)]
        for name in files + linked:
            if name in linked or os.path.islink(os.path.join(folder, name)):
                if links is not None:
                    links.append(rel + (name,))
            else:
                found.append(rel + (name,))
    found.sort()
    return found


def linked_part(root: Path, rel: str) -> str | None:
    """The first part of root/rel (root itself included) that is a symbolic link, as rel-like text
    ('' for root), or None: such a path is never read, so nothing outside the project is."""
    path = root
    if path.is_symlink():
        return ""
    parts = rel.split("/")
    for i, part in enumerate(parts):
        path = path / part
        if path.is_symlink():
            return "/".join(parts[: i + 1])
    return None


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
    if data_dir.is_symlink():
        problems.add(display_root, 1, 1, "", LINK)
        return corpus, sources, problems

    links: list[tuple[str, ...]] = []  # path parts under data_dir of every symbolic link met
    # Every record file is parsed and checked alone first (on two cores when there are many)...
    jobs, names = _record_files(data_dir, sources, problems, links)
    # ...then taken in, in file order, checking ids against file names and each other.
    for (kind, shown), (path, _), (loaded, issues) in zip(names, jobs, check_files(jobs, parallel)):
        value = _record_file(loaded, issues, shown, sources, problems)
        _take_record(corpus, kind, path, shown, value, sources, problems)

    _take_single_files(corpus, _single_files(data_dir, display_root, sources, problems))
    if linked_part(data_dir, BIBLIOGRAPHY) is None:
        corpus.bibliography = read_bibliography(data_dir / BIBLIOGRAPHY, f"{display_root}/{BIBLIOGRAPHY}", problems)
    _report_strays(data_dir, sources, problems, links)
    corpus.index()
    return corpus, sources, problems


def _record_files(data_dir: Path, sources: Sources, problems: Problems, links: list) -> tuple[list, list]:
    """The record files of every kind's folder, as check_files' jobs (path, spec) and their
    (kind, shown name); a file that is not .yml is a problem, a symbolic link is added to links."""
    jobs, names = [], []
    for kind in KINDS:
        folder = data_dir / kind.folder
        if folder.is_symlink():
            continue  # reported with the other links, from the walk of data/
        kind_links: list = []
        for parts in _files_under(folder, links=kind_links) if folder.is_dir() else []:
            path = folder.joinpath(*parts)
            shown = sources.shown_relative((kind.folder, *parts))
            if path.suffix != ".yml":
                hint = " (rename it to .yml)" if path.suffix == ".yaml" else ""
                problems.add(shown, 1, 1, "", f"only .yml record files belong in {kind.listing}{hint}")
                continue
            jobs.append((path, kind.spec))
            names.append((kind, shown))
        links.extend((kind.folder, *parts) for parts in kind_links)
    return jobs, names


def _take_record(corpus: Corpus, kind, path: Path, shown: str, value, sources: Sources, problems: Problems) -> None:
    """A checked record into the corpus, unless it had problems, its id is not its file name, or
    another record has its id."""
    if value is None:
        sources.failed.add((kind.name, path.stem))
        return
    record_id = value["id"]
    if record_id != path.stem:
        sources.report(
            problems,
            shown,
            ("id",),
            f"the id '{record_id}' does not match the file name '{path.name}'; "
            f"rename the file to '{record_id}.yml' or set id: {path.stem}",
        )
        # Records citing it by its file name are not told it is unknown: it is there, left out.
        sources.failed.add((kind.name, path.stem))
        return
    target = corpus.records[kind.name]
    if record_id in target:
        first = sources.record_file[(kind.name, record_id)]
        sources.report(
            problems,
            shown,
            ("id",),
            f"duplicate {kind.name} id '{record_id}': {first} has the same id; ids must be unique",
        )
        return
    target[record_id] = value
    sources.record_file[(kind.name, record_id)] = shown


def _single_files(data_dir: Path, display_root: str, sources: Sources, problems: Problems) -> dict:
    """The value of each single file (vocabularies, interface.yml) by its path; None if it has problems."""
    singles = {}
    for rel, spec in schema.SINGLE_FILES.items():
        path = data_dir / rel
        if linked_part(data_dir, rel) is not None:
            continue  # reported with the other links, from the walk of data/
        if not path.exists():
            problems.add(f"{display_root}/{rel}", 1, 1, "", "this file is missing")
            continue
        singles[rel] = _load_file(path, spec, sources, problems)
    return singles


def _take_single_files(corpus: Corpus, singles: dict) -> None:
    criteria = singles.get("vocabularies/criteria.yml") or {}
    corpus.criteria = criteria.get("criteria", [])
    corpus.not_stated = criteria.get("not_stated", {})
    corpus.objectives = (singles.get("vocabularies/objectives.yml") or {}).get("objectives", [])
    corpus.regional_groups = (singles.get("vocabularies/regional-groups.yml") or {}).get("values", [])
    corpus.document_kinds = (singles.get("vocabularies/document-kinds.yml") or {}).get("values", [])
    corpus.interface = singles.get("interface.yml") or {}


def _report_strays(data_dir: Path, sources: Sources, problems: Problems, links: list) -> None:
    """Anything else in data/ is probably a record in the wrong place; then every symbolic link met."""
    known_files = {tuple(rel.split("/")) for rel in schema.SINGLE_FILES} | {(BIBLIOGRAPHY,)}
    folders = ", ".join(k.listing for k in KINDS)
    for parts in _files_under(data_dir, skip=frozenset(k.folder for k in KINDS), links=links):
        if parts in known_files or parts[-1].startswith(".") or parts[-1] == "README.md":
            continue
        problems.add(
            sources.shown_relative(parts), 1, 1, "", f"this file is not read by the site; records go in {folders}"
        )
    for parts in sorted(set(links)):
        problems.add(sources.shown_relative(parts), 1, 1, "", LINK)


def load_corpus(data_dir: Path, display_root: str = "data", parallel: bool | None = None) -> Corpus:
    """All records, checked one by one and together; raises RecordsInvalid with every problem."""
    corpus, sources, problems = read_records(data_dir, display_root, parallel)
    check_references(corpus, sources, problems)
    if problems:
        raise RecordsInvalid(problems)
    return corpus
