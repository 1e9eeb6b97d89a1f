"""Accessibility: axe-core in Chromium on one page of every kind in English and Arabic (in the
first-screen walk, test_first_screen.py, on the same page visit at 1280×900), and on a share of the
kinds in each other language here (sample.kinds_in: every kind in three languages), and, over every
built page, the marks a screen reader needs: each page's language, the language of each quote, and a
text alternative for each picture.

axe-core comes from npm (tests/package.json, pinned) and is loaded into the page from tests/node_modules
by the test server (conftest.add_axe): no CDN. Violations rated "serious" or "critical" fail the test; all
others are written to test-artifacts/axe/ for review.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ridsite.model.languages import CODES

from .conftest import ARTIFACTS, add_axe
from .sample import EVERY_KIND, kinds_in, page_url

FAILING_IMPACTS = {"serious", "critical"}
RUN_AXE = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
  }));
}"""


def axe_on(page, kind: str, url: str) -> tuple[list[dict], list[str]]:
    """axe-core over the page as it is now: (its violations, those that fail the test, each named
    with its kind and address)."""
    add_axe(page)
    violations = page.evaluate(RUN_AXE)
    failing = [
        f"{kind} ({url or '/'}): {v['id']} [{v['impact']}] {v['help']} at "
        + "; ".join(n["target"] for n in v["nodes"][:5])
        for v in violations
        if v["impact"] in FAILING_IMPACTS
    ]
    return violations, failing


def write_axe_report(lang: str, report: dict) -> None:
    out = ARTIFACTS / "axe" / f"{lang}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


# English and Arabic: every kind, in the first-screen walk (test_first_screen.py).
@pytest.mark.parametrize("lang", [code for code in CODES if code not in EVERY_KIND])
def test_axe_finds_no_serious_violation(page, kinds, lang):
    failing, report = [], {}
    sample = kinds_in(lang, kinds)
    for kind, url in sample.items():
        page.goto(page_url(lang, url))
        report[f"{kind} {page_url(lang, url)}"], found = axe_on(page, kind, page_url(lang, url))
        failing += found
    write_axe_report(lang, report)
    assert len(report) == len(sample)
    assert failing == [], "\n".join(failing)


# -- static checks over every built page ---------------------------------------------------------


def built_pages(site: Path):
    """(language, path) of every HTML page of the site."""
    for path in sorted(site.rglob("*.html")):
        first = path.relative_to(site).parts[0]
        yield (first if first in CODES else "en"), path


def content_of(html: str) -> str:
    """The page's main content: Material's <article>, without header, menus and footer."""
    start = html.find('<article class="md-content__inner')
    end = html.rfind("</article>")
    return html[start:end] if start >= 0 else ""


class Marks(HTMLParser):
    """Collects the language marks and the pictures of a piece of HTML."""

    def __init__(self):
        super().__init__()
        self.html_lang = None
        self.quotes: list[tuple[str, dict]] = []
        self.langs: list[str] = []
        self.images: list[dict] = []
        self.svgs: list[dict] = []  # each with "title": whether a <title> is its first child
        self._svg_open = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        if "lang" in a:
            self.langs.append(a["lang"])
        if tag in ("blockquote", "q"):
            self.quotes.append((tag, a))
        if tag == "img":
            self.images.append(a)
        if tag == "svg":
            if self._svg_open == 0:
                self.svgs.append({**a, "title": False, "_first": True})
            self._svg_open += 1
        elif self._svg_open and self.svgs[-1].pop("_first", False):
            self.svgs[-1]["title"] = tag == "title"

    def handle_endtag(self, tag):
        if tag == "svg" and self._svg_open:
            self._svg_open -= 1


def marks(html: str) -> Marks:
    parser = Marks()
    parser.feed(html)
    return parser


LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def test_every_page_and_every_quote_says_its_language(site_dir):
    wrong, checked, quotes = [], 0, 0
    for lang, path in built_pages(site_dir):
        html = path.read_text(encoding="utf-8")
        where = path.relative_to(site_dir).as_posix()
        page = marks(html[: html.find("<body")] + "<body>") if "<body" in html else marks(html)
        if page.html_lang != lang:
            wrong.append(f"{where}: <html lang={page.html_lang!r}> in the {lang} site")
        content = marks(content_of(html))
        for tag, attrs in content.quotes:
            quotes += 1
            if not attrs.get("lang"):
                wrong.append(f"{where}: <{tag} class={attrs.get('class')!r}> has no lang")
        wrong += [
            f"{where}: lang={code!r} is not a language tag" for code in content.langs if not LANGUAGE_TAG.match(code)
        ]
        checked += 1
    assert checked > 0 and quotes > 0
    assert wrong == [], "\n".join(wrong[:50])


def test_every_picture_has_a_text_alternative(site_dir):
    """Charts and maps (inline SVG or <img>) in page content carry a name a screen reader reads."""
    missing, pictures = [], 0
    for _, path in built_pages(site_dir):
        content = marks(content_of(path.read_text(encoding="utf-8")))
        where = path.relative_to(site_dir).as_posix()
        for img in content.images:
            pictures += 1
            if not (img.get("alt") or "").strip() and img.get("role") != "presentation":
                missing.append(f"{where}: <img src={img.get('src')!r}> has no alt text")
        for svg in content.svgs:
            if svg.get("aria-hidden") == "true":
                continue
            pictures += 1
            named = svg["title"] or svg.get("aria-label") or svg.get("aria-labelledby")
            if svg.get("role") != "img" or not named:
                missing.append(f"{where}: <svg class={svg.get('class')!r}> needs role=img and a <title> or aria-label")
    assert pictures > 0, "no chart or picture found in any page: has the parser lost them?"
    assert missing == [], "\n".join(missing[:50])


def test_the_axe_sample_opens_every_kind_in_three_languages(kinds):
    opened = {kind: [lang for lang in CODES if kind in kinds_in(lang, kinds)] for kind in kinds}
    assert len(kinds) >= 20
    assert {kind: langs for kind, langs in opened.items() if len(langs) < 3 or not {"en", "ar"} <= set(langs)} == {}
