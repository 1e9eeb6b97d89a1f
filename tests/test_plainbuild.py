"""Plain `mkdocs build` (README's quick look: six languages in one MkDocs process) gives the same
record pages as `rid build`, the published site."""

from __future__ import annotations

import re

import pytest

from conftest import copy_project, run_mkdocs_build


def pages(site):
    return {p.relative_to(site).as_posix() for p in site.rglob("index.html")}


def rid_block(html: str) -> str:
    match = re.search(r'<div class="rid .*?\n</div>', html, re.S)
    return match.group(0) if match else ""


@pytest.mark.slow
def test_plain_mkdocs_build_gives_the_same_record_pages(request, tmp_path):
    # Built before asking for `built`: this build needs no other, and runs beside the shared
    # `rid build` another worker makes meanwhile (conftest.LONGEST_FIRST puts this file first).
    plain = copy_project(tmp_path / "plain")
    result = run_mkdocs_build(plain, tmp_path / "plain-site")
    assert result.returncode == 0, result.stdout + result.stderr
    project, site, _ = request.getfixturevalue("built")
    reference = tmp_path / "plain-site"
    assert pages(site) == pages(reference)
    for rel in ("actors/egy/index.html", "fr/documents/a-70-174/18/index.html", "ar/criteria/institutional/index.html"):
        assert rid_block((site / rel).read_text(encoding="utf-8")) == rid_block(
            (reference / rel).read_text(encoding="utf-8")
        ), rel
    # The switcher still offers the same record in all six languages.
    html = (site / "zh/actors/ind/index.html").read_text(encoding="utf-8")
    for prefix in ("", "fr/", "es/", "ru/", "zh/", "ar/"):
        assert f'href="/{prefix}actors/ind/"' in html
    assert not list(project.glob(".rid-build-*")), "the work folder is cleaned up"
