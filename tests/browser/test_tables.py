"""Tables as a delegate reads them, on a phone and a laptop, in English, Arabic and Chinese: a
table wider than the screen scrolls in its own box with its first column and header corner held
in place. (Whole words in every cell are measured by the first-screen walk, test_first_screen.py,
on every kind of page.)
"""

from __future__ import annotations

import pytest

from .conftest import DESKTOP, PHONE
from .sample import page_url

LANGS = ("en", "ar", "zh")
SCREENS = {"phone": dict(viewport=PHONE, is_mobile=True, has_touch=True), "desktop": dict(viewport=DESKTOP)}


@pytest.mark.parametrize("lang", LANGS)
def test_a_wide_matrix_scrolls_in_its_box_with_its_first_column_held(open_context, lang):
    page = open_context(**SCREENS["phone"]).new_page()
    page.goto(page_url(lang, "compare/institutional/"))
    box = page.locator(".rid-matrix-wrap").first
    sizes = box.evaluate("b => [b.scrollWidth, b.clientWidth, document.documentElement.scrollWidth, innerWidth]")
    assert sizes[0] > sizes[1], "the matrix fits a phone: nothing to scroll"
    assert sizes[2] <= sizes[3], "the page itself is pushed sideways"
    # Scroll the box sideways (towards the end of the reading direction): the first column and the
    # header's first cell stay where they were, side by side.
    before = box.evaluate("""b => [b.querySelector('tbody th[scope=row]'), b.querySelector('thead th')]
        .map(e => e.getBoundingClientRect()).map(r => [Math.round(r.left), Math.round(r.right)])""")
    box.evaluate("b => b.scrollLeft = (getComputedStyle(b).direction === 'rtl' ? -1 : 1) * 150")
    after = box.evaluate("""b => [b.querySelector('tbody th[scope=row]'), b.querySelector('thead th')]
        .map(e => e.getBoundingClientRect()).map(r => [Math.round(r.left), Math.round(r.right)])""")
    assert box.evaluate("b => Math.abs(b.scrollLeft)") > 100
    # (within the width of a border: sticky cells sit on the box's edge, not on its border)
    assert all(abs(a - b) <= 2 for pair in zip(after, before) for a, b in zip(*pair)), (before, after)
    assert after[0] == after[1], "the first column and the header corner part company"


@pytest.mark.parametrize("lang", LANGS)
def test_an_actor_page_answers_on_its_first_screen(open_context, site_corpus, lang):
    """/actors/rus/ on a phone: what Russia proposed and where it stands on each criterion are on
    the first screen; the links name the passage as a reader would (its first words), never the
    site's internal excerpt ids."""
    page = open_context(**SCREENS["phone"]).new_page()
    page.goto(page_url(lang, "actors/rus/"))
    height = PHONE["height"]
    for anchor in ("#proposals", "#by-criterion"):
        assert page.locator(anchor).bounding_box()["y"] < height, anchor
    first_row = page.locator("table.rid-by-stance tbody tr").first.bounding_box()
    assert first_row["y"] < height
    sources = page.locator("table.rid-by-stance .rid-small bdi").all_inner_texts()
    assert sources
    internal = {p.pin for p in site_corpus.paragraphs.values() if not p.numbered}
    assert not [s for s in sources if any(f"“{pin}”" in s or f"«{pin}»" in s or f'"{pin}"' in s for pin in internal)], (
        sources
    )
