"""`rid build` (one process per language) gives the same site as `mkdocs build`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from conftest import ROOT, copy_project
from ridsite.languages import CODES


def pages(site):
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html")}


def rid_block(html: str) -> str:
    match = re.search(r'<div class="rid .*?\n</div>', html, re.S)
    return match.group(0) if match else ""


def test_parallel_build_matches_mkdocs_build(built, rid_built):
    _, reference, _ = built
    project, site, _ = rid_built
    assert pages(site) == pages(reference)
    for rel in ("actors/egy/index.html", "fr/documents/a-70-174/18/index.html", "ar/criteria/institutional/index.html"):
        assert rid_block((site / rel).read_text(encoding="utf-8")) == rid_block((reference / rel).read_text(encoding="utf-8")), rel
    # The switcher still offers the same record in all six languages.
    html = (site / "zh/actors/ind/index.html").read_text(encoding="utf-8")
    for prefix in ("", "fr/", "es/", "ru/", "zh/", "ar/"):
        assert f'href="/{prefix}actors/ind/"' in html
    assert not list(project.glob(".rid-build-*")), "the work folder is cleaned up"


def test_the_published_site_searches_with_pagefind_in_each_language(rid_built):
    _, site, _ = rid_built
    # One Pagefind index per language; Material's index (one file for every language) is gone.
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert set(entry["languages"]) == set(CODES)
    assert not list(site.rglob("search_index.json"))
    # The header's search button leads to the search page of the reader's language, which loads
    # Pagefind's interface from the site root.
    for lang in CODES:
        root = site if lang == CODES[0] else site / lang
        html = (root / "actors/egy/index.html").read_text(encoding="utf-8")
        assert re.search(r'<a href="\.\./\.\./search/" class="md-header__button md-icon"', html), lang
        search = (root / "search/index.html").read_text(encoding="utf-8")
        up = "../" if lang == CODES[0] else "../../"
        assert f'<script src="{up}pagefind/pagefind-ui.js"></script>' in search, lang
        assert f'data-rid-bundle="{up}pagefind/"' in search, lang


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
