"""`rid build`, the published site (plain `mkdocs build`: test_plainbuild.py)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT, copy_project, pagefind_fragments, run_build
from ridsite.model import slugs
from ridsite.model.languages import CODES


def test_the_published_site_searches_with_pagefind_in_each_language(built):
    _, site, _ = built
    # One Pagefind bundle per language, at its root; Material's index (one file for every
    # language) is gone.
    assert not list(site.rglob("search_index.json"))
    for lang in CODES:
        root = site / slugs.language_root(lang)
        entry = json.loads((root / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert list(entry["languages"]) == [lang], lang
        # The header's search button leads to the search page of the reader's language, which
        # loads Pagefind's interface from that language's bundle.
        html = (root / "actors/egy/index.html").read_text(encoding="utf-8")
        assert re.search(r'<a href="\.\./\.\./search/" class="md-header__button md-icon"', html), lang
        search = (root / "search/index.html").read_text(encoding="utf-8")
        up = "../" * slugs.in_language("search/", lang).count("/")
        assert f'<script src="{up}assets/js/search.js" defer></script>' in search, lang
        assert "pagefind-ui" not in search  # the site's own list of results, not Pagefind's interface
        assert 'data-rid-bundle="../pagefind/"' in search, lang


def test_search_indexes_what_a_page_says_not_the_theme_around_it(built):
    _, site, _ = built
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
    assert "Critère Option" in fragments["/positions/jpn-2020-02-13-sceptical-new-mechanism/"]["content"]
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


@pytest.mark.slow
def test_a_bad_record_leaves_the_previous_site(tmp_path):
    project = copy_project(tmp_path)
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", encoding="utf-8")
    bad = project / "data" / "positions" / "ind-2020-02-13-standing-oewg.yml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("date: 2020-02-13", "date: 2020-02-31"), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "hooks"), NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, "-m", "ridsite.cli", "build"], cwd=project, env=env, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "data/positions/ind-2020-02-13-standing-oewg.yml:4:7: date:" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"


def test_stamped_pages_are_byte_identical_to_the_pages_mkdocs_builds(built, unstamped):
    _, site, result = built
    stamped = sum(int(n) for n in re.findall(r"(\d+) pages stamped", result.stdout))
    assert stamped > 1500, result.stdout  # most record pages are stamped, not built one by one
    reference, done = unstamped
    assert re.findall(r"(\d+) pages stamped", done.stdout) == ["0"] * len(CODES), done.stdout
    ours = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    theirs = {p.relative_to(reference).as_posix() for p in reference.rglob("*") if p.is_file()}
    assert ours == theirs
    different = [rel for rel in sorted(ours) if (site / rel).read_bytes() != (reference / rel).read_bytes()]
    assert different == []


def test_published_pages_name_their_own_address(built):
    _, site, _ = built
    for lang in CODES:
        prefix = slugs.language_root(lang)
        html = (site / prefix / "documents/a-70-174/18/index.html").read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="http://127.0.0.1:8000/{prefix}documents/a-70-174/18/">' in html, lang


def test_the_published_sitemap_lists_every_page_in_every_language(built):
    _, site, _ = built
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
    whole = "".join(
        (site / part).read_text(encoding="utf-8")
        for part in re.findall(r"<loc>http://127\.0\.0\.1:8000/([^<]+)</loc>", index)
    )
    assert '<xhtml:link rel="alternate" hreflang="ar" href="http://127.0.0.1:8000/ar/actors/egy/"/>' in whole


@pytest.mark.slow
def test_a_partial_build_of_one_language(tmp_path):
    """`rid build -l fr`: the French pages only (to preview, or to measure one language's cost)."""
    project = copy_project(tmp_path)
    result = run_build(project, project / "site", "-l", "fr", "--jobs", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    assert (site / "fr/documents/a-70-174/18/index.html").is_file()
    assert (site / "fr/pagefind/pagefind-entry.json").is_file()
    assert not (site / "documents").exists() and not (site / "es").exists()
    assert "rid build: fr:" in result.stdout and "rid build: en:" not in result.stdout


def _one_language_project(tmp_path, edit_config=None, edit_main=None):
    project = tmp_path / "project"
    project.mkdir()
    copy_project(project)
    if edit_config:
        config = project / "mkdocs.yml"
        config.write_text(edit_config(config.read_text(encoding="utf-8")), encoding="utf-8")
    if edit_main:
        main = project / "overrides" / "main.html"
        main.write_text(edit_main(main.read_text(encoding="utf-8")), encoding="utf-8")
    return project


def with_edit_button(config: str) -> str:
    """Material's standard "edit this page" button, as a maintainer would add it."""
    config = config.replace(
        "strict: true\n", "strict: true\nrepo_url: https://example.org/rid\nedit_uri: edit/main/docs/\n", 1
    )
    return config.replace("    - navigation.top\n", "    - navigation.top\n    - content.action.edit\n", 1)


@pytest.mark.slow
def test_a_setting_that_writes_a_value_per_page_is_refused_by_name(tmp_path):
    project = _one_language_project(tmp_path, edit_config=with_edit_button)
    site = project / "site"
    result = run_build(project, site, "-l", "en")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "stamping would publish wrong pages" in result.stderr
    assert "theme.features: content.action.edit" in result.stderr
    assert not site.exists(), "nothing published"
    # Built without stamping, every page's edit button names its own source file.
    result = run_build(project, site, "-l", "en", "--no-stamp")
    assert result.returncode == 0, result.stdout + result.stderr
    for rel in ("documents/a-70-174/18", "positions/egy-2020-02-13-platform"):
        html = (site / rel / "index.html").read_text(encoding="utf-8")
        assert f'href="https://example.org/rid/edit/main/docs/{rel}.md"' in html, rel


@pytest.mark.slow
def test_a_template_that_writes_a_value_per_page_is_refused(tmp_path):
    # Not a setting the stamp knows by name: the comparison with the page MkDocs renders finds it.
    project = _one_language_project(
        tmp_path,
        edit_main=lambda t: t.replace(
            "{% block extrahead %}", '{% block extrahead %}<!-- {{ page.file.src_uri if page else "" }} -->', 1
        ),
    )
    result = run_build(project, project / "site", "-l", "en")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "stamping would publish wrong pages" in result.stderr
    assert "stamp.py does not know" in result.stderr


@pytest.mark.slow
def test_properdocs_builds_the_same_pages_as_mkdocs(tmp_path):
    """The generator is one line (runner.RUNNER): ProperDocs, the fork of MkDocs 1.6, gives the
    same pages, apart from the generator's name in <meta name="generator">."""
    project = tmp_path / "project"
    project.mkdir()
    copy_project(project)
    sites = {}
    for generator in ("mkdocs", "properdocs"):
        sites[generator] = tmp_path / generator
        result = run_build(project, sites[generator], "-l", "en", "--generator", generator)
        assert result.returncode == 0, result.stdout + result.stderr
    files = {g: sorted(p.relative_to(s).as_posix() for p in s.rglob("*") if p.is_file()) for g, s in sites.items()}
    assert files["mkdocs"] == files["properdocs"]
    assert len(files["mkdocs"]) > 300
    generator_tag = re.compile(r'<meta name="generator" content="[^"]*">')
    different = []
    for rel in files["mkdocs"]:
        ours, theirs = ((sites[g] / rel).read_bytes() for g in ("mkdocs", "properdocs"))
        if rel.endswith(".html"):
            ours, theirs = (generator_tag.sub("", b.decode("utf-8")).encode() for b in (ours, theirs))
        if ours != theirs:
            different.append(rel)
    assert different == []
    page = (sites["properdocs"] / "documents/a-70-174/18/index.html").read_text(encoding="utf-8")
    assert "ProperDocs 1.6.7" in generator_tag.search(page).group(0)


from test_siteswap import small_disk  # noqa: E402,F401  (a fixture: a 5 MB tmpfs)


def _old_site(site):
    site.mkdir()
    (site / "index.html").write_text("the previous site", encoding="utf-8")


def _beside(site) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if p.name != site.name)


@pytest.mark.slow
def test_a_full_disk_leaves_the_previous_site(tmp_path, small_disk):  # noqa: F811
    """The published site (about 80 MB) cannot fit a 5 MB disk: the build says so and the site
    already there is left as it was, with nothing of the new one beside it."""
    project = copy_project(tmp_path / "project")
    site = small_disk / "site"
    _old_site(site)
    result = run_build(project, site, "-l", "en")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "No space left on device" in result.stderr and "the previous site is left as it was" in result.stderr
    assert "Traceback" not in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert _beside(site) == []
    assert not list(project.glob(".rid-*"))


@pytest.mark.slow
def test_sigterm_mid_build_leaves_the_previous_site(tmp_path):
    import signal
    import time

    project = copy_project(tmp_path / "project")
    site = tmp_path / "out" / "site"
    site.parent.mkdir()
    _old_site(site)
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT / "hooks"))
    build = subprocess.Popen(
        [sys.executable, "-m", "ridsite.cli", "build", "-d", str(site), "--jobs", "2"],
        cwd=project,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not list(site.parent.glob(".site.rid-staging-*/.rid-work/out/*")) and time.monotonic() < deadline:
        time.sleep(0.05)  # until MkDocs is writing a language
    build.send_signal(signal.SIGTERM)
    out, err = build.communicate(timeout=120)
    assert build.returncode == 143, out + err
    assert "Traceback" not in err
    assert (site / "index.html").read_text(encoding="utf-8") == "the previous site"
    assert _beside(site) == []
