"""The built site, as a reader gets it: every record's page in every language, linked both ways."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import copy_project, run_build
from ridsite.model import slugs
from ridsite.model.languages import CODES
from ridsite.render.assemble import render_all


def lang_root(site: Path, lang: str) -> Path:
    return site / slugs.language_root(lang)


def page_file(site: Path, lang: str, url: str) -> Path:
    return lang_root(site, lang) / url / "index.html"


class Links(HTMLParser):
    """Collects hrefs, ids and a few attributes of one page."""

    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.hrefs.append(attrs["href"])


def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def rid_block(html: str) -> str:
    """The generated content of a page (inside <div class="rid …">), without theme chrome."""
    match = re.search(r'<div class="rid .*?</div>\s*(?=<(?:/article|form|nav class="md-footer|footer))', html, re.S)
    return match.group(0) if match else ""


def test_strict_build_has_no_warning(built):
    _, _, result = built
    assert "WARNING" not in result.stderr, result.stderr


def test_no_page_carries_english_theme_text_in_another_language(built):
    """Issue 17 (7): Material's footer credit is English only; no published page outside /en/ shows it."""
    _, site, _ = built
    pages = [p for lang in CODES if lang != "en" for p in (site / lang).rglob("index.html")]
    assert len(pages) > 300
    shown = [str(p.relative_to(site)) for p in pages if "Made with" in p.read_text(encoding="utf-8")]
    assert shown == []


def test_every_record_page_exists_in_every_language(built, corpus):
    _, site, _ = built
    pages = render_all(corpus)
    assert {p.lang for p in pages} == set(CODES)
    missing = [f"{p.lang}:{p.url}" for p in pages if not page_file(site, p.lang, p.url).exists()]
    assert missing == []
    # Each record's id is on its page, in every language (nothing lost on the way).
    for p in pages:
        if p.record_id:
            assert f'data-rid-id="{p.record_id}"' in page_file(site, p.lang, p.url).read_text(encoding="utf-8")


def test_paragraph_page_lists_positions_citing_it_and_links_back(built):
    _, site, _ = built
    html = page_file(site, "en", "documents/dw-2020-02-13-rid/p11/").read_text(encoding="utf-8")
    for actor in ("gbr", "usa", "che", "pol", "kor", "arg", "bel"):
        assert f'href="../../../actors/{actor}/"' in html
        assert f'href="../../../positions/{actor}-2020-02-13-existing-processes/"' in html


def test_actor_page_quotes_link_to_their_paragraph(built):
    _, site, _ = built
    html = page_file(site, "fr", "actors/egy/").read_text(encoding="utf-8")
    block = rid_block(html)
    assert '<blockquote class="rid-quote" lang="en" dir="ltr" cite="../../documents/dw-2020-02-13-rid/p3/">' in block
    assert 'href="../../documents/dw-2020-02-13-rid/p3/"' in block
    assert "Egypt proposed to create an institutional platform" in block
    # The page is in French, the quote in English: the reader is told.
    assert "Les citations sont présentées dans la langue de leur source (anglais)" in block


def test_summaries_are_not_marked_as_quotes(built):
    _, site, _ = built
    block = rid_block(page_file(site, "en", "positions/egy-2020-02-13-platform/").read_text(encoding="utf-8"))
    summary = re.search(r'<p class="rid-summary">(.*?)</p>', block, re.S).group(1)
    assert "Egypt proposed an institutional platform" in summary
    assert "<blockquote" not in summary and "<q" not in summary


def test_arabic_pages_are_right_to_left_and_keep_latin_quotes_left_to_right(built):
    _, site, _ = built
    html = page_file(site, "ar", "documents/a-70-174/18/").read_text(encoding="utf-8")
    assert '<html lang="ar"' in html
    assert re.search(r'<body[^>]*dir="rtl"', html)
    assert '<blockquote class="rid-quote" lang="en" dir="ltr"' in html
    assert "<bdi>A/70/174" in html


def test_language_switcher_keeps_the_same_record(built):
    _, site, _ = built
    links = parse(page_file(site, "ru", "actors/ind/"))
    alternates = {a["hreflang"]: a["href"] for tag, a in links.tags if tag == "a" and "hreflang" in a}
    # From the top of the host (where site_url puts the site), the same record in all six.
    assert alternates == {
        "en": "/actors/ind/",
        "fr": "/fr/actors/ind/",
        "es": "/es/actors/ind/",
        "ru": "/ru/actors/ind/",
        "zh": "/zh/actors/ind/",
        "ar": "/ar/actors/ind/",
    }


def test_interface_is_translated(built):
    _, site, _ = built
    assert "Позиции, ссылающиеся на этот пункт" in page_file(site, "ru", "documents/a-70-174/18/").read_text(
        encoding="utf-8"
    )
    assert "引用本段的立场" in page_file(site, "zh", "documents/a-70-174/18/").read_text(encoding="utf-8")
    assert "22 تموز/يوليه 2015" in page_file(site, "ar", "documents/a-70-174/").read_text(encoding="utf-8")


def test_home_page_counts_come_from_the_data(built, corpus):
    _, site, _ = built
    for lang in CODES:
        html = page_file(site, lang, "").read_text(encoding="utf-8")
        for kind, count in corpus.counts().items():
            assert f'<strong data-rid-count="{kind}">{count}</strong>' in html, (lang, kind)


def test_navigation_lists_kinds_not_records(built):
    _, site, _ = built
    html = page_file(site, "en", "actors/egy/").read_text(encoding="utf-8")
    # Egypt's page has nothing to say about India: a link to India's page would come from a nav
    # that lists every record.
    assert "actors/ind/" not in html
    assert 'href="../../positions/"' in html


def test_no_request_leaves_the_site(built):
    _, site, _ = built
    # Tags that make the browser fetch something; rel=canonical/alternate links fetch nothing.
    offenders = []
    for path in site.rglob("*.html"):
        for tag, attrs in parse(path).tags:
            url = attrs.get("src") or (attrs.get("href") if tag == "link" else None) or ""
            if tag == "link" and attrs.get("rel") in ("canonical", "alternate"):
                continue
            if tag in ("script", "link", "img", "iframe", "source", "video", "audio") and re.match(
                r"(https?:)?//", url
            ):
                offenders.append(f"{path}: <{tag}> {url}")
    assert offenders == []
    assert not any("fonts.googleapis" in p.read_text(encoding="utf-8") for p in site.rglob("*.html"))


def test_no_generated_page_is_committed():
    import subprocess

    from conftest import GENERATED, ROOT

    tracked = subprocess.run(["git", "ls-files", "docs"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert not [f for f in tracked if f.split("/")[1] in GENERATED]


@pytest.fixture
def project(tmp_path):
    (tmp_path / "project").mkdir()
    return copy_project(tmp_path / "project")


@pytest.mark.slow
def test_a_bad_record_stops_the_build_before_anything_is_written(project):
    site = project / "site"
    site.mkdir()
    (site / "previous.html").write_text("the last good site", encoding="utf-8")
    bad = project / "data" / "positions" / "egy-2020-02-13-platform.yml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("actors: [egy]", "actors: [egyp]"), encoding="utf-8")
    result = run_build(project, site)
    assert result.returncode != 0
    assert (
        "data/positions/egy-2020-02-13-platform.yml:3:10: actors[0]: unknown actor 'egyp'. Did you mean 'egy'?"
        in result.stderr
    )
    assert [p.name for p in site.iterdir()] == ["previous.html"]
    assert not (project / "docs" / "actors").exists()


# Hostile record text (markup, scripts, template syntax, entities) in every free-text field and
# every language: tests/test_hostile.py, with one build of the whole hostile corpus.


def test_a_stance_page_shows_a_shared_quote_once_with_every_actor_it_names(built, corpus):
    _, site, _ = built
    positions = [p for p in corpus.positions.values() if p["stances"]["institutional"] == "sceptical-of-new-mechanism"]
    quotes = {p["quote"] for p in positions}
    assert len(positions) > len(quotes) >= 1  # several actors named by one sentence
    for lang in ("en", "ar"):
        html = page_file(site, lang, "criteria/institutional/sceptical-of-new-mechanism/").read_text(encoding="utf-8")
        assert html.count('<blockquote class="rid-quote"') == len(quotes), lang
        for p in positions:  # every actor, every position's own page, every old anchor
            assert f'positions/{p["id"]}/"' in html, (lang, p["id"])
            assert f'id="position-{p["id"]}"' in html
            for actor in p["actors"]:
                assert f'actors/{actor}/"' in html, (lang, actor)


@pytest.mark.parametrize("lang", ["en", "fr", "ru", "ar"])
def test_actors_are_listed_by_their_name_in_the_readers_language(corpus, lang):
    """Issue 17 (7): Germany before Switzerland, India before Indonesia, in every group, whatever
    the ISO codes say; accents and case do not move a name ("Égypte" among the E's)."""
    from ridsite.model.text import reading_order
    from ridsite.render.assemble import Renderer

    renderer = Renderer(corpus, lang)
    body = renderer.index("actors")[0].body
    for group in re.findall(r'<ul class="rid-columns">(.*?)</ul>', body, re.S):
        names = [html.unescape(n) for n in re.findall(r'class="rid-actor"[^>]*>([^<]+)</a>', group)]
        assert names == sorted(names, key=reading_order), names
    assert reading_order("Égypte") < reading_order("Espagne") < reading_order("États-Unis")
