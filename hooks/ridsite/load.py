"""Read every record under data/, check each against the model, then check them together.

Every problem is collected, with file, line, column and field path; nothing is returned until
all of them are known, so a maintainer sees the whole list in one run.
"""

from __future__ import annotations

from pathlib import Path

from . import schema
from .bibliography import read_bibliography
from .corpus import Corpus
from .problems import Problems, RecordsInvalid
from .yamlfile import LoadedFile, load_yaml

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

    def report(self, problems: Problems, shown: str, path: tuple, message: str, at_key: bool = False) -> None:
        loaded = self.files.get(shown)
        line, column = (1, 1)
        if loaded is not None:
            line, column = loaded.where_key(path) if at_key else loaded.where(path)
        problems.add(shown, line, column, format_path(path), message)

    def report_record(self, problems: Problems, kind: str, record_id: str, path: tuple, message: str) -> None:
        self.report(problems, self.record_file[(kind, record_id)], path, message)


def _load_file(path: Path, spec: schema.Spec, sources: Sources, problems: Problems):
    shown = sources.shown(path)
    loaded = load_yaml(path.read_bytes())
    sources.files[shown] = loaded
    for line, column, message in loaded.errors:
        problems.add(shown, line, column, "", message)
    if loaded.errors:
        return None
    before = len(problems)
    for field_path, message in spec.check(loaded.value, ()):
        at_key = message.startswith("unknown field")
        sources.report(problems, shown, field_path, message, at_key=at_key)
    return loaded.value if len(problems) == before else None


def read_records(data_dir: Path, display_root: str = "data") -> tuple[Corpus, Sources, Problems]:
    """Load every file and check each one alone. Records with problems are left out of the corpus."""
    problems = Problems()
    sources = Sources(data_dir, display_root)
    corpus = Corpus()
    if not data_dir.is_dir():
        problems.add(display_root, 1, 1, "", "the data folder does not exist")
        return corpus, sources, problems

    known_files = {data_dir / rel for rel in schema.SINGLE_FILES} | {data_dir / BIBLIOGRAPHY}
    kind_dirs = {data_dir / k.folder: k for k in schema.KINDS}

    for kind in schema.KINDS:
        target: dict = getattr(corpus, kind.folder)
        folder = data_dir / kind.folder
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            if path.is_dir():
                continue
            shown = sources.shown(path)
            if path.suffix != ".yml":
                hint = " (rename it to .yml)" if path.suffix == ".yaml" else ""
                problems.add(shown, 1, 1, "", f"only .yml record files belong in data/{kind.folder}/{hint}")
                continue
            value = _load_file(path, kind.spec, sources, problems)
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
    for path in sorted(data_dir.rglob("*")):
        if path.is_dir() or path in known_files or any(d in path.parents for d in kind_dirs):
            continue
        if path.name.startswith(".") or path.name == "README.md":
            continue
        folders = ", ".join(f"data/{k.folder}/" for k in schema.KINDS)
        problems.add(sources.shown(path), 1, 1, "", f"this file is not read by the site; records go in {folders}")

    corpus.index()
    return corpus, sources, problems


def load_corpus(data_dir: Path, display_root: str = "data") -> Corpus:
    """All records, checked one by one and together; raises RecordsInvalid with every problem."""
    from .validate import check_references

    corpus, sources, problems = read_records(data_dir, display_root)
    check_references(corpus, sources, problems)
    if problems:
        raise RecordsInvalid(problems)
    return corpus
