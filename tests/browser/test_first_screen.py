"""What a delegate sees first: one page of every kind, in English, Arabic and Chinese, on a phone
(390×844) and a laptop (1280×900), and a share of them in French, Spanish and Russian on a phone.
Each first screen is written to test-artifacts/screenshots/kinds/<lang>-<screen>/<kind>.png for
review, and checked for what a reader would notice at once: the page's title is on the first
screen, nothing pushes the page sideways, no word of its text or of a table cell is broken across
two lines (each word's letter rectangles as laid out: rules checkers pass "13 Febr uary 202 0"),
and no text of the page is smaller than 11 CSS pixels. On the laptop screen in English and Arabic,
axe-core then runs on the same page visit (test_accessibility.py's check of every kind in those two
languages, without loading each page a second time).
"""

from __future__ import annotations

import pytest

from .conftest import ARTIFACTS, DESKTOP, PHONE, broken_words, pushed_sideways
from .sample import EVERY_KIND, kinds_in, page_url, pages_with_tables
from .test_accessibility import axe_on, write_axe_report

SCREENS = {"phone": dict(viewport=PHONE, is_mobile=True, has_touch=True), "desktop": dict(viewport=DESKTOP)}
SMALLEST_TEXT_PX = 11

# Visible text of the page (its own nodes, not pictures) set in a size below the limit.
SMALL_TEXT = """limit => {
  const small = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.data.trim()) continue;
    const element = node.parentElement, box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    if (!box.width || !box.height || style.visibility === "hidden") continue;
    if (parseFloat(style.fontSize) < limit)
      small.push(`${style.fontSize} <${element.tagName.toLowerCase()} class="${element.className}">: ${node.data.trim().slice(0, 40)}`);
  }
  return small;
}"""
TITLE_BOX = """() => { const h = document.querySelector("article h1"); if (!h) return null;
  const box = h.getBoundingClientRect(); return box.height ? box.bottom : null; }"""


# Every kind in English, Arabic and Chinese at both sizes; on a phone, French, Spanish and Russian
# too, with the home page and a share of the kinds each (sample.kinds_in): their longer words and
# labels are where a squeezed column first breaks a word ("developments" on the French home).
WALKS = [(lang, screen) for lang in ("en", "ar", "zh") for screen in SCREENS] + [
    (lang, "phone") for lang in ("fr", "es", "ru")
]


@pytest.mark.parametrize(("lang", "screen"), WALKS, ids=[f"{lang}-{screen}" for lang, screen in WALKS])
def test_the_first_screen_of_every_kind_of_page(open_context, site_dir, kinds, lang, screen):
    if lang in ("fr", "es", "ru"):
        kinds = kinds_in(lang, kinds)
    options = SCREENS[screen]
    page = open_context(**options).new_page()
    folder = ARTIFACTS / "screenshots" / "kinds" / f"{lang}-{screen}"
    folder.mkdir(parents=True, exist_ok=True)
    faults, axe_report = [], {}
    with_axe = screen == "desktop" and lang in EVERY_KIND
    for kind, url in kinds.items():
        page.goto(page_url(lang, url))
        page.screenshot(path=str(folder / f"{kind.replace(':', '-')}.png"))
        where = f"{kind} (/{page_url(lang, url)})"
        bottom = page.evaluate(TITLE_BOX)
        if bottom is None or bottom > options["viewport"]["height"]:
            faults.append(f"{where}: the title is not on the first screen (its bottom at {bottom} px)")
        if sideways := pushed_sideways(page):
            faults.append(f"{where}: {sideways}")
        # Whole words in every table cell ("13 Febr uary 202 0" was seen) and in the rest of the text.
        if words := broken_words(page, "article table th, article table td"):
            faults.append(f"{where}: words broken across lines in a table: {words}")
        if words := broken_words(page, "article", "table, pre, code"):
            faults.append(f"{where}: words broken across lines: {words}")
        faults += [
            f"{where}: text smaller than {SMALLEST_TEXT_PX} px: {s}"
            for s in page.evaluate(SMALL_TEXT, SMALLEST_TEXT_PX)[:3]
        ]
        if with_axe:  # last: axe adds its script to the page
            axe_report[f"{kind} {page_url(lang, url)}"], found = axe_on(page, kind, page_url(lang, url))
            faults += [f"axe: {line}" for line in found]
    if with_axe:
        write_axe_report(lang, axe_report)
        assert len(axe_report) == len(kinds)
    assert len(list(folder.glob("*.png"))) == len(kinds)
    assert len(pages_with_tables(site_dir, kinds)) >= (10 if len(kinds) > 20 else 1)  # the walk met tables
    assert faults == [], "\n".join(faults)
