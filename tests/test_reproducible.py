"""The same records give byte-identical output."""

from __future__ import annotations

import filecmp

from conftest import copy_project, run_build
from ridsite import dates
from ridsite.reproducible import content_epoch


def test_two_builds_of_the_same_records_are_identical(built, tmp_path):
    _, first, _ = built
    project = copy_project(tmp_path)
    second = tmp_path / "site"
    result = run_build(project, second)
    assert result.returncode == 0, result.stdout + result.stderr
    differences = []

    def walk(cmp: filecmp.dircmp, prefix=""):
        differences.extend(prefix + name for name in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        differences.extend(prefix + name for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(first, second))
    assert differences == []


def test_build_date_comes_from_the_content_not_the_clock(corpus, tmp_path):
    # Outside a git checkout: the newest record date (so a fresh copy builds the same every day).
    epoch = content_epoch(tmp_path, corpus)
    newest = max(dates.iso(p["date"]) for p in corpus.positions.values())  # a bound counts as its date
    assert epoch is not None
    import datetime as dt

    assert dt.datetime.fromtimestamp(epoch, dt.timezone.utc).date().isoformat() >= newest[:10]
