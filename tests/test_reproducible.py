"""The same records give byte-identical output."""

from __future__ import annotations

import datetime as dt
import filecmp
import os
import subprocess

from ridsite.model import dates
from ridsite.records.reproducible import content_epoch


def test_two_builds_of_the_same_records_are_identical(built, unstamped):
    # The second build runs in other processes (other hash seeds, another clock reading) and lets
    # MkDocs render every page: any byte that depends on either shows up here.
    _, first, _ = built
    second, _ = unstamped
    differences = []

    def walk(cmp: filecmp.dircmp, prefix=""):
        differences.extend(prefix + name for name in cmp.left_only + cmp.right_only + cmp.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(cmp.left, cmp.right, cmp.common_files, shallow=False)
        differences.extend(prefix + name for name in mismatch + errors)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(first, second))
    assert differences == []


def test_outside_a_checkout_the_build_date_is_the_day_of_the_newest_record(corpus, tmp_path):
    # A fresh copy with no git history builds the same on every day: midnight UTC of the newest
    # date any record carries (a bound such as "not before 2022-12" counts as its date).
    epoch = content_epoch(tmp_path, corpus)
    records = [
        r for kind in (corpus.documents, corpus.positions, corpus.proposals, corpus.events) for r in kind.values()
    ]
    newest = max((dates.iso(r["date"]) for r in records), key=dates.sort_key)
    day = dt.date.fromisoformat((newest + "-01-01")[:10])
    assert epoch == int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())


def test_in_a_checkout_the_build_date_is_the_last_commit_that_touched_the_inputs(tmp_path):
    def commit(path: str, when: str) -> None:
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(when, encoding="utf-8")
        env = dict(os.environ, GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
        for args in (["add", path], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", path]):
            subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True, capture_output=True)

    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    commit("data/a.yml", "2021-05-04T10:00:00Z")
    commit("README.md", "2022-01-01T00:00:00Z")  # not an input of the site: it does not move the date
    assert content_epoch(tmp_path) == int(dt.datetime(2021, 5, 4, 10, tzinfo=dt.UTC).timestamp())


def test_source_date_epoch_when_set_is_the_build_date(corpus, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert content_epoch(tmp_path, corpus) == 1700000000
