"""Screenshots for review: the home page, a paragraph page, a criterion page, the timeline, a
comparison with its map and a meeting's page, in English, Arabic and Chinese, at desktop (1280 px)
and phone (390 px) widths, written to test-artifacts/screenshots/
(kept by CI). Each shot also checks what a reader on that screen would notice at once: the page
has its title, and nothing is wider than the screen.
"""

from __future__ import annotations

import pytest

from .conftest import ARTIFACTS, DESKTOP, PHONE, pushed_sideways
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
def test_screenshots(open_context, lang, screen):
    # One browser page walks the six pages: goto returns at the load event (pictures and the
    # map's <object> included), so nothing waits on a timer.
    page = open_context(**SCREENS[screen]).new_page()
    (ARTIFACTS / "screenshots").mkdir(parents=True, exist_ok=True)
    faults = []
    for name, url in PAGES.items():
        page.goto(page_url(lang, url))
        out = ARTIFACTS / "screenshots" / f"{name}-{lang}-{screen}.png"
        page.screenshot(path=str(out), full_page=True)
        if out.stat().st_size <= 10_000:
            faults.append(f"{name}: a nearly empty screenshot ({out.stat().st_size} bytes)")
        if not page.locator("article h1").first.is_visible():
            faults.append(f"{name}: no visible title")
        if sideways := pushed_sideways(page):  # no element wider than the screen
            faults.append(f"{name}: {sideways}")
    assert faults == [], "\n".join(faults)
