"""`rid build` (one process per language) gives the same site as `mkdocs build`."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from conftest import ROOT, copy_project


def pages(site):
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html")}


def rid_block(html: str) -> str:
    match = re.search(r'<div class="rid .*?\n</div>', html, re.S)
    return match.group(0) if match else ""


def test_parallel_build_matches_mkdocs_build(built, tmp_path):
    _, reference, _ = built
    project = copy_project(tmp_path)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"), SOURCE_DATE_EPOCH="1700000000", NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "ridsite.cli", "build", "-d", "site", "--jobs", "2"],
        cwd=project, env=env, capture_output=True, text=True, timeout=1800,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    assert pages(site) == pages(reference)
    for rel in ("actors/egy/index.html", "fr/documents/a-70-174/18/index.html", "ar/criteria/institutional/index.html"):
        assert rid_block((site / rel).read_text(encoding="utf-8")) == rid_block((reference / rel).read_text(encoding="utf-8")), rel
    # The switcher still offers the same record in all six languages.
    html = (site / "zh/actors/ind/index.html").read_text(encoding="utf-8")
    for prefix in ("", "fr/", "es/", "ru/", "zh/", "ar/"):
        assert f'href="/{prefix}actors/ind/"' in html
    # Each language has its own search index, with only its own pages.
    assert "/fr/" not in (site / "search/search_index.json").read_text(encoding="utf-8")
    assert (site / "ar/search/search_index.json").exists()
    assert not list(project.glob(".rid-build-*")), "the work folder is cleaned up"


def test_a_bad_record_leaves_the_previous_site(tmp_path):
    project = copy_project(tmp_path)
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", encoding="utf-8")
    bad = project / "data" / "positions" / "ind-2020-02-13-standing-oewg.yml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("date: 2020-02-13", "date: 2020-02-31"), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"), NO_MKDOCS_2_WARNING="1")
    result = subprocess.run([sys.executable, "-m", "ridsite.cli", "build"], cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 1
    assert "data/positions/ind-2020-02-13-standing-oewg.yml:4:7: date:" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"
