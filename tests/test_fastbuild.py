"""`rid build` (one process per language) gives the same site as `mkdocs build`."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

from conftest import ROOT, copy_project, run_rid_build
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
    # One Pagefind bundle per language, at its root; Material's index (one file for every
    # language) is gone.
    assert not list(site.rglob("search_index.json"))
    for lang in CODES:
        root = site if lang == CODES[0] else site / lang
        entry = json.loads((root / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert list(entry["languages"]) == [lang], lang
        # The header's search button leads to the search page of the reader's language, which
        # loads Pagefind's interface from that language's bundle.
        html = (root / "actors/egy/index.html").read_text(encoding="utf-8")
        assert re.search(r'<a href="\.\./\.\./search/" class="md-header__button md-icon"', html), lang
        search = (root / "search/index.html").read_text(encoding="utf-8")
        up = "../" if lang == CODES[0] else "../../"
        assert f'<script src="{up}assets/js/search.js" defer></script>' in search, lang
        assert "pagefind-ui" not in search  # the site's own list of results, not Pagefind's interface
        assert 'data-rid-bundle="../pagefind/"' in search, lang


def pagefind_fragments(bundle) -> dict[str, dict]:
    """What Pagefind stored of each page (its fragments: gzip, a signature, then JSON), by URL."""
    import gzip

    fragments = {}
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{"):])
        fragments[fragment["url"]] = fragment
    return fragments


def test_search_indexes_what_a_page_says_not_the_theme_around_it(rid_built):
    _, site, _ = rid_built
    fragments = pagefind_fragments(site / "fr" / "pagefind")  # addresses within /fr/
    egy = fragments["/actors/egy/"]
    assert egy["meta"]["title"] == "Égypte"
    assert egy["content"].startswith("Égypte.")
    # Header, tabs, footer and the back-to-top button are the same on every page: not indexed,
    # or every query for "Acteurs" or "haut" would list the whole site.
    assert "Retour en haut de la page" not in egy["content"]
    assert "Acteurs Positions Propositions" not in egy["content"]
    assert "Material for MkDocs" not in egy["content"]
    # Text of neighbouring cells and terms stays apart: a document's symbol is a word of its own.
    assert "Cote A/70/174 Type" in fragments["/documents/a-70-174/"]["content"]
    assert "Critère Position" in fragments["/positions/jpn-2020-02-13-sceptical-new-mechanism/"]["content"]
    # The site's notes, the same on thousands of pages, are not indexed; the text they annotate is.
    paragraph = fragments["/documents/a-70-174/18/"]["content"]
    assert "The Group reiterates that" in paragraph
    assert "aucune traduction officielle" not in paragraph
    position = fragments["/positions/jpn-2020-02-13-sceptical-new-mechanism/"]["content"]
    assert "Scepticisme marqué à l’égard de la création" in position  # its French summary
    assert "ce n’est ni une citation" not in position
    # The search page is not a search result.
    assert "/search/" not in fragments
    assert "/documents/a-70-174/18/" in fragments


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


def test_stamped_pages_are_byte_identical_to_the_pages_mkdocs_builds(rid_built, tmp_path):
    project, site, result = rid_built
    stamped = sum(int(n) for n in re.findall(r"(\d+) pages stamped", result.stdout))
    assert stamped > 1500, result.stdout  # most record pages are stamped, not built one by one
    reference = tmp_path / "site"
    done = run_rid_build(project, reference, "--jobs", "2", "--no-stamp")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 pages stamped" in done.stdout
    ours = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    theirs = {p.relative_to(reference).as_posix() for p in reference.rglob("*") if p.is_file()}
    assert ours == theirs
    different = [rel for rel in sorted(ours) if (site / rel).read_bytes() != (reference / rel).read_bytes()]
    assert different == []


def test_published_pages_name_their_own_address(rid_built):
    _, site, _ = rid_built
    for lang in CODES:
        prefix = "" if lang == CODES[0] else f"{lang}/"
        html = (site / prefix / "documents/a-70-174/18/index.html").read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="http://127.0.0.1:8000/{prefix}documents/a-70-174/18/">' in html, lang


def test_the_published_sitemap_lists_every_page_in_every_language(rid_built):
    _, site, _ = rid_built
    index = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<sitemapindex" in index
    locs = []
    for part in re.findall(r"<loc>http://127\.0\.0\.1:8000/([^<]+)</loc>", index):
        sitemap = (site / part).read_text(encoding="utf-8")
        assert sitemap.count("<url>") <= 50_000  # the protocol's limit per file
        locs += re.findall(r"<loc>http://127\.0\.0\.1:8000/([^<]*)</loc>", sitemap)
    pages = {p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")}
    listed = {loc.rstrip("/") or "." for loc in locs}
    assert listed == {p for p in pages if p.split("/")[0] not in ("assets", "pagefind")}
    assert len(locs) == len(listed)  # each page once
    for lang in CODES[1:]:
        assert not (site / lang / "sitemap.xml").exists()  # no one-language sitemap with wrong addresses
    whole = "".join((site / part).read_text(encoding="utf-8") for part in re.findall(r"<loc>http://127\.0\.0\.1:8000/([^<]+)</loc>", index))
    assert '<xhtml:link rel="alternate" hreflang="ar" href="http://127.0.0.1:8000/ar/actors/egy/"/>' in whole


def test_a_partial_build_of_one_language(tmp_path):
    """`rid build -l fr`: the French pages only (to preview, or to measure one language's cost)."""
    project = copy_project(tmp_path)
    result = run_rid_build(project, project / "site", "-l", "fr", "--jobs", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    assert (site / "fr/documents/a-70-174/18/index.html").is_file()
    assert (site / "fr/pagefind/pagefind-entry.json").is_file()
    assert not (site / "documents").exists() and not (site / "es").exists()
    assert "rid build: fr:" in result.stdout and "rid build: en:" not in result.stdout
