"""`rid`: the maintainer's command line. `rid check` validates every record without building;
`rid new …` starts a record file (scaffold.py)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from ..model.kinds import all_json_schemas
from ..model.languages import CODES
from ..model.problems import RecordsInvalid
from ..records.load import load_corpus


@click.group(help="Tools for the records of the regular institutional dialogue site.")
def main() -> None:
    pass


@main.command(help="Check every record in DATA (default: ./data) without building the site.")
@click.argument("data", type=click.Path(file_okay=False, path_type=Path), default=Path("data"))
@click.option("--quiet", is_flag=True, help="Print only problems.")
@click.option(
    "--parallel/--no-parallel",
    default=None,
    help="Parse the files on two processes, or on one (default: two when there are many files).",
)
def check(data: Path, quiet: bool, parallel: bool | None) -> None:
    from ..publish import permalinks as links

    started = time.perf_counter()
    try:
        corpus = load_corpus(data, display_root=data.as_posix().rstrip("/"), parallel=parallel)
        # In a project (data/ beside permalinks.txt), a page the list lacks would fail CI: say so here.
        if (data.parent / links.LIST_FILE).exists():
            unlisted = links.unlisted(data.parent, corpus)
            if unlisted:
                raise RecordsInvalid(unlisted)
    except RecordsInvalid as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    if not quiet:
        counts = ", ".join(f"{n} {kind}" for kind, n in corpus.counts().items())
        click.echo(f"All records are valid: {counts} ({time.perf_counter() - started:.2f} s).")


# --------------------------------------------------------------------------------------------
# rid new …: start a record file (the logic is in scaffold.py)
# --------------------------------------------------------------------------------------------

DATA_OPTION = click.option(
    "--data",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("data"),
    show_default=True,
    help="The records folder.",
)


@main.group(help="Start a new record file with every required field and comments (see CONTRIBUTING.md).")
def new() -> None:
    pass


def _write(data: Path, make) -> None:
    """Check the facts against the records, write the file, say what to do next; or explain the error."""
    from ..records import scaffold

    try:
        new_file = make(scaffold.known_records(data))
        path = scaffold.write_new(data, new_file)
    except scaffold.ScaffoldError as exc:
        click.echo(f"rid new: {exc}", err=True)
        sys.exit(1)
    click.echo(f"Wrote {path.as_posix()}")
    for i, step in enumerate(new_file.next_steps, 1):
        click.echo(f"  {i}. {step}")


@new.command("position", help="A position: rid new position --actor egy --document a-70-174 --paragraph 18")
@click.option("--actor", "actors", multiple=True, required=True, help="Actor id (repeat for several), e.g. egy.")
@click.option("--document", required=True, help="Document id (or UN symbol), e.g. a-70-174.")
@click.option("--paragraph", required=True, help="The paragraph as the document prints it, e.g. 18 or 18(i).")
@click.option("--date", help="When it was said (YYYY-MM-DD); default: the document's date.")
@click.option("--topic", help="A few words for the id, e.g. platform (id: <actor>-<date>-<topic>).")
@DATA_OPTION
def new_position(actors, document, paragraph, date, topic, data) -> None:
    from ..records.scaffold import new_position as make

    _write(data, lambda corpus: make(corpus, list(actors), document, paragraph, date=date, topic=topic))


@new.command(
    "proposal", help="A proposal: rid new proposal --id egypt-platform --proponent egy --document … --paragraph …"
)
@click.option("--id", "record_id", required=True, help="The proposal's id, e.g. egypt-platform.")
@click.option("--proponent", "proponents", multiple=True, required=True, help="Actor id (repeat for several).")
@click.option("--document", required=True, help="Document id (or UN symbol) that states the proposal.")
@click.option("--paragraph", required=True, help="The paragraph as the document prints it.")
@click.option("--date", help="When it was first put forward (YYYY-MM-DD); default: the document's date.")
@DATA_OPTION
def new_proposal(record_id, proponents, document, paragraph, date, data) -> None:
    from ..records.scaffold import new_proposal as make

    _write(data, lambda corpus: make(corpus, record_id, list(proponents), document, paragraph, date=date))


@new.command(
    "document",
    help="A document: rid new document --symbol A/80/257 --kind report --date 2025-07-22 --paragraph 1 --paragraph 2",
)
@click.option("--symbol", help="The UN document symbol as printed, e.g. A/80/257 (gives the id).")
@click.option("--id", "record_id", help="An id of your own, for a document without a UN symbol.")
@click.option("--kind", required=True, help="A document kind from data/vocabularies/document-kinds.yml, e.g. report.")
@click.option("--date", help="Date of issue (YYYY-MM-DD).")
@click.option("--language", default="en", show_default=True, help="The language of the text you will record.")
@click.option("--paragraph", "paragraphs", multiple=True, help="A paragraph id as printed (repeat), e.g. 18.")
@DATA_OPTION
def new_document(symbol, record_id, kind, date, language, paragraphs, data) -> None:
    from ..records.scaffold import new_document as make

    _write(
        data,
        lambda corpus: make(
            corpus, kind, symbol=symbol, record_id=record_id, date=date, language=language, paragraphs=list(paragraphs)
        ),
    )


@new.command("actor", help="An actor: rid new actor --iso3 FRA --regional-group weog --name France")
@click.option("--iso3", help="A State's ISO 3166-1 alpha-3 code, e.g. FRA.")
@click.option("--id", "record_id", help="The id of an organisation or group, e.g. eu.")
@click.option("--kind", default="state", show_default=True, help="state, regional-organization or group.")
@click.option("--regional-group", help="A State's UN regional group, e.g. weog.")
@click.option("--name", help="The English short name, e.g. France.")
@click.option("--member", "members", multiple=True, help="A member actor of a group (repeat).")
@DATA_OPTION
def new_actor(iso3, record_id, kind, regional_group, name, members, data) -> None:
    from ..records.scaffold import new_actor as make

    _write(
        data,
        lambda corpus: make(
            corpus,
            iso3=iso3,
            record_id=record_id,
            kind=kind,
            regional_group=regional_group,
            name=name,
            members=list(members),
        ),
    )


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


@main.command(help="Add every page URL to permalinks.txt, the committed list of published addresses that builds check.")
@click.option(
    "--project",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The folder with data/, docs/, permalinks.txt and redirects.yml.",
)
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Fail if the list is out of date or an address would break, instead of writing.",
)
def permalinks(project: Path, check_only: bool) -> None:
    from ..publish import permalinks as links
    from ..render.assemble import render_all

    try:
        # English stands for all six (every page exists in each; tests/test_permalinks.py checks the
        # list against a whole published build): a sixth of the rendering.
        pages = render_all(load_corpus(project / "data"), languages=CODES[:1])
        text, added = links.updated_list(project, project / "docs", pages, every_language=True)
    except RecordsInvalid as exc:  # a record is wrong, or a published address would break
        click.echo(str(exc), err=True)
        sys.exit(1)
    path = project / links.LIST_FILE
    total = len(links.read_list(path)) + len(added)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        click.echo(f"{links.LIST_FILE} lists every published address ({total}).")
        return
    if check_only:
        click.echo(
            f"{links.LIST_FILE} is out of date: {len(added)} address(es) are not listed, e.g. {', '.join(added[:3])}. "
            "Run: rid permalinks",
            err=True,
        )
        sys.exit(1)
    path.write_text(text, encoding="utf-8")
    click.echo(f"{len(added)} new address(es) added to {links.LIST_FILE} ({total} in all).")


@main.command(
    help="Build the whole site as published, on every core (much faster than `mkdocs build` on large records)."
)
@click.option(
    "-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("site"), show_default=True
)
@click.option("-j", "--jobs", type=int, default=None, help="Parallel language builds (default: number of cores).")
@click.option("--no-strict", is_flag=True, help="Do not fail on MkDocs warnings.")
@click.option(
    "--no-stamp",
    is_flag=True,
    help="Let MkDocs build every page, instead of stamping record pages from one of their kind (slower; same bytes).",
)
@click.option(
    "-l",
    "--language",
    "languages",
    multiple=True,
    type=click.Choice(CODES),
    help="Build only this language (repeatable): a partial site, to preview or to measure. Default: all six.",
)
@click.option(
    "--generator",
    type=click.Choice(["mkdocs", "properdocs"]),
    default=None,
    hidden=True,
    help="Build with this generator instead of runner.RUNNER (to compare MkDocs with its fork ProperDocs).",
)
def build(
    site_dir: Path, jobs: int | None, no_strict: bool, no_stamp: bool, languages: tuple[str, ...], generator: str | None
) -> None:
    from ..publish.rid_build import build_site
    from ..publish.runner import RUNNER

    try:
        build_site(
            Path.cwd(),
            site_dir,
            jobs=jobs,
            strict=not no_strict,
            stamp=not no_stamp,
            languages=languages or CODES,
            log=click.echo,
            generator=generator or RUNNER,
        )
    except RecordsInvalid as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    except (RuntimeError, OSError) as exc:  # OSError: siteswap.SiteSwapError, a full disk …
        click.echo(f"rid build: {exc}" if isinstance(exc, OSError) else str(exc), err=True)
        click.echo("rid build: the previous site is left as it was.", err=True)
        sys.exit(1)


@main.command(
    help="Build the site as published and serve it; rebuild whenever a record, page, template or setting is saved."
)
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="host:port to serve on.")
@click.option(
    "-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path), default=Path("site"), show_default=True
)
@click.option("-j", "--jobs", type=int, default=None, help="Parallel language builds (default: number of cores).")
@click.option(
    "-l",
    "--language",
    "languages",
    multiple=True,
    type=click.Choice(CODES),
    help="Build only this language (repeatable): a faster preview of part of the site. Default: all six.",
)
def serve(dev_addr: str, site_dir: Path, jobs: int | None, languages: tuple[str, ...]) -> None:
    from .serve import serve as run

    host, _, port = dev_addr.rpartition(":")
    if not host or not port.isdigit():
        click.echo(f"rid serve: --dev-addr must be host:port, e.g. 127.0.0.1:8000 (got {dev_addr!r})", err=True)
        sys.exit(2)
    run(
        Path.cwd(),
        site_dir,
        host,
        int(port),
        languages=languages,
        jobs=jobs,
        log=lambda m: click.echo(m, err=m.startswith("rid serve: the build failed")),
    )


if __name__ == "__main__":
    main()
