"""What a file costs a reader to download, as a static host serves it.

Static hosts (GitHub Pages among them) compress text files (HTML, CSS, JavaScript, JSON, SVG)
with gzip on the way; Pagefind's index, fragment, metadata and WebAssembly files are stored
already compressed and are sent as they are. Used by the benchmark and the search tests to count
the bytes of a first search the way a reader's connection sees them.
"""

from __future__ import annotations

import gzip
from pathlib import Path

COMPRESSED_ON_THE_WAY = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".csv", ".bib", ".ris"}


def served_bytes(path: Path) -> int:
    data = path.read_bytes()
    if path.suffix.lower() in COMPRESSED_ON_THE_WAY:
        # mtime=0: the same file always gives the same size.
        return min(len(data), len(gzip.compress(data, compresslevel=6, mtime=0)))
    return len(data)
