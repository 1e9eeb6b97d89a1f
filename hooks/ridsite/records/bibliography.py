"""data/bibliography.bib, read with bibtexparser 2: the single bibliographic source."""

from __future__ import annotations

import re
from pathlib import Path

import bibtexparser

from ..model.problems import Problems


def read_bibliography(path: Path, shown_as: str, problems: Problems) -> dict[str, dict]:
    """Entries keyed by citation key: {'type': ..., 'fields': {...}}. Broken blocks are problems."""
    if not path.exists():
        problems.add(shown_as, 1, 1, "", "the bibliography file is missing; every document needs a BibTeX entry")
        return {}
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.add(shown_as, 1, 1, "", "the file is not valid UTF-8; save it as UTF-8")
        return {}
    library = bibtexparser.parse_string(text)
    _report_failed_blocks(library, shown_as, problems)
    _report_strings(library, shown_as, problems)
    entries: dict[str, dict] = {}
    for entry in library.entries:
        _report_concatenation(entry, shown_as, problems)
        entries[entry.key] = {
            "type": entry.entry_type,
            "line": entry.start_line + 1,
            "fields": {f.key: f.value for f in entry.fields},
        }
    _check_entries(entries, shown_as, problems)
    return entries


def _report_failed_blocks(library, shown_as: str, problems: Problems) -> None:
    """bibtexparser 2 does not raise on bad input: broken blocks land in failed_blocks."""
    for block in library.failed_blocks:
        reason = str(getattr(block, "error", "") or "").strip()
        # bibtexparser's reason is often empty (BlockAbortedException()): say what usually causes it.
        first = (
            reason.splitlines()[0]
            if reason
            else (
                "this entry could not be read: a brace or quotation mark is not closed, or a field lacks "
                "'name = {value}'; check that every { has its } and fields are separated by commas"
            )
        )
        if type(block).__name__ == "DuplicateBlockKeyBlock":
            first = f"duplicate entry key '{block.key}'; every entry needs its own key"
        problems.add(shown_as, block.start_line + 1, 1, "", first)


def _report_strings(library, shown_as: str, problems: Problems) -> None:
    for string in library.strings:
        problems.add(
            shown_as,
            string.start_line + 1,
            1,
            "",
            f"@string {string.key} is not used in the bibliography "
            "(pages show the text as written); write each value out in full in braces",
        )


def _report_concatenation(entry, shown_as: str, problems: Problems) -> None:
    for f in entry.fields:
        # An unbraced value with '#' is BibTeX concatenation, which the pages would show raw.
        if "#" in f.value and not f.value.startswith(("{", '"')):
            problems.add(
                shown_as,
                entry.start_line + 1,
                1,
                f.key,
                f"'{entry.key}': '#' joins values in "
                "BibTeX, which the site does not do; write the whole value in braces: {…}",
            )


DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _check_entries(entries: dict[str, dict], shown_as: str, problems: Problems) -> None:
    """What the citations later need from each entry, checked now: a build must not be the first
    to find it (a date it cannot split, LaTeX its decoder cannot read)."""
    from ..model.references import work_from_entry  # here: citations imports much that loading does not need

    for key, entry in entries.items():
        fields = entry["fields"]
        for name in ("date", "year"):
            value = fields.get(name, "").strip()
            if value and not DATE.fullmatch(value):
                problems.add(
                    shown_as,
                    entry["line"],
                    1,
                    name,
                    f"'{key}': the {name} '{value}' is not written "
                    "YYYY-MM-DD (or YYYY-MM, or YYYY), for example 2020-02-13",
                )
        try:
            work_from_entry(key, entry)
        except Exception as exc:  # the decoder's own errors are many and undocumented
            problems.add(
                shown_as,
                entry["line"],
                1,
                "",
                f"'{key}': this entry's text cannot be read as BibTeX "
                f"({type(exc).__name__}); write plain text in braces, without LaTeX commands such as \\href",
            )
