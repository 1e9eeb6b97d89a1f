"""`rid`: the maintainer's command line. `rid check` validates every record without building."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from .load import load_corpus
from .problems import RecordsInvalid
from .schema import all_json_schemas



@click.group(help="Tools for the records of the regular institutional dialogue site.")
def main() -> None:
    pass


@main.command(help="Check every record in DATA (default: ./data) without building the site.")
@click.argument("data", type=click.Path(file_okay=False, path_type=Path), default=Path("data"))
@click.option("--quiet", is_flag=True, help="Print only problems.")
def check(data: Path, quiet: bool) -> None:
    started = time.perf_counter()
    try:
        corpus = load_corpus(data, display_root=data.as_posix().rstrip("/"))
    except RecordsInvalid as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    if not quiet:
        counts = ", ".join(f"{n} {kind}" for kind, n in corpus.counts().items())
        click.echo(f"All records are valid: {counts} ({time.perf_counter() - started:.2f} s).")


@main.command(help="Write the JSON Schema files that editors use (default folder: ./schemas).")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), default=Path("schemas"))
@click.option("--check", "check_only", is_flag=True, help="Fail if the files differ from the model instead of writing.")
def schema(folder: Path, check_only: bool) -> None:
    stale = []
    for name, content in sorted(all_json_schemas().items()):
        text = json.dumps(content, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
        path = folder / name
        if path.exists() and path.read_text(encoding="utf-8") == text:
            continue
        stale.append(name)
        if not check_only:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if check_only and stale:
        click.echo(f"Out of date in {folder}/: {', '.join(stale)}. Run: rid schema", err=True)
        sys.exit(1)
    click.echo(f"{len(stale)} schema file(s) {'written' if not check_only else 'stale'}.")


@main.command(help="Build the whole site, one process per language on every core (faster than `mkdocs build` on large records).")
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("site"), show_default=True)
@click.option("-j", "--jobs", type=int, default=None, help="Parallel language builds (default: number of cores).")
@click.option("--no-strict", is_flag=True, help="Do not fail on MkDocs warnings.")
def build(site_dir: Path, jobs: int | None, no_strict: bool) -> None:
    from .fastbuild import build_site

    try:
        build_site(Path.cwd(), site_dir, jobs=jobs, strict=not no_strict, log=click.echo)
    except RecordsInvalid as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    except RuntimeError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
