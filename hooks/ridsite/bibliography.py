"""data/bibliography.bib, read with bibtexparser 2: the single bibliographic source."""

from __future__ import annotations

from pathlib import Path

import bibtexparser

from .problems import Problems


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
    # bibtexparser 2 does not raise on bad input: broken blocks land in failed_blocks.
    for block in library.failed_blocks:
        reason = getattr(block, "error", None)
        first = str(reason).splitlines()[0] if reason else "this entry could not be parsed"
        if type(block).__name__ == "DuplicateBlockKeyBlock":
            first = f"duplicate entry key '{block.key}'; every entry needs its own key"
        problems.add(shown_as, block.start_line + 1, 1, "", first)
    entries: dict[str, dict] = {}
    for entry in library.entries:
        entries[entry.key] = {
            "type": entry.entry_type,
            "line": entry.start_line + 1,
            "fields": {f.key: f.value for f in entry.fields},
        }
    return entries
