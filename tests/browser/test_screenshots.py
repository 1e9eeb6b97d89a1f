"""Screenshots for review: the home page, a paragraph page, a criterion page, the timeline, a
comparison with its map and a meeting's page, in English, Arabic and Chinese, at desktop (1280 px)
and phone (390 px) widths, written to test-artifacts/screenshots/
(kept by CI). Each shot also checks what a reader on that screen would notice at once: the page
has its title, and nothing is wider than the screen.
"""

from __future__ import annotations

import pytest

from .conftest import ARTIFACTS, DESKTOP, PHONE
from .sample import page_url

PAGES = {
    "home": "",
    "paragraph": "documents/a-70-174/18/",
    "criterion": "criteria/institutional/",
    "timeline": "compare/timeline/",
    "compare-map": "compare/institutional/",
    "event": "events/gm-thematic-groups-1/",
}
SCREENS = {"desktop": dict(viewport=DESKTOP), "phone": dict(viewport=PHONE, is_mobile=True, has_touch=True)}


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("lang", ["en", "ar", "zh"])
@pytest.mark.parametrize("name", PAGES)
def test_screenshot(open_context, name, lang, screen):
    page = open_context(**SCREENS[screen]).new_page()
    page.goto(page_url(lang, PAGES[name]))
    page.wait_for_load_state("networkidle")
    out = ARTIFACTS / "screenshots" / f"{name}-{lang}-{screen}.png"
    out.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out), full_page=True)
    assert out.stat().st_size > 10_000
    assert page.locator("article h1").first.is_visible()
    # Nothing pushes the page sideways: no element wider than the screen.
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the page is {width[0]} px wide on a {width[1]} px screen"
