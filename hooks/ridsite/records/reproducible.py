"""A fixed build date, so the same records give byte-identical output (sitemap dates included)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from ..model import dates as iso_date
from ..model.kinds import KINDS


def content_epoch(project: Path, corpus=None) -> int | None:
    """Seconds since 1970: SOURCE_DATE_EPOCH when set, else of the last commit that touched the
    inputs, else of the newest record date.

    MkDocs stamps the sitemap with the build date unless SOURCE_DATE_EPOCH is set; a date derived
    from the content keeps two builds of the same checkout identical on different days.
    """
    # The reproducible-builds convention first: whoever builds may fix the date (README).
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", "data", "docs", "hooks", "mkdocs.yml"],
            cwd=project,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.strip()
        if out:
            return int(out)
    except (OSError, subprocess.SubprocessError, ValueError):
        pass
    if corpus is None:
        return None
    dates = [r["date"] for kind in KINDS if kind.dated for r in corpus.records[kind.name].values()]
    if not dates:
        return None
    newest = max((iso_date.iso(d) for d in dates), key=iso_date.sort_key)
    year, month, day = (newest.split("-") + ["01", "01"])[:3]
    return int(dt.datetime(int(year), int(month), int(day), tzinfo=dt.UTC).timestamp())
