"""The browser contexts conftest lends from test to test (to keep the site's assets in their cache)
come back with nothing a page stored: a test never sees another's cookies or storage, whatever
order the tests run in. Material keeps its settings in localStorage, so this is not idle."""

from __future__ import annotations

from .conftest import watched

STORE = """() => {
    localStorage.setItem("rid-test", "left behind");
    sessionStorage.setItem("rid-test", "left behind");
    document.cookie = "rid-test=left-behind; path=/";
}"""
STORED = "() => [localStorage.getItem('rid-test'), sessionStorage.getItem('rid-test'), document.cookie]"


def test_a_lent_context_comes_back_with_nothing_stored(browser, server, traffic, request_log, request, warm_contexts):
    with watched(browser, server, traffic, request_log, request, warm_contexts) as open_:
        context = open_()
        page = context.new_page()
        page.goto("")
        page.evaluate(STORE)
        assert page.evaluate(STORED) == ["left behind", "left behind", "rid-test=left-behind"]
    assert context in warm_contexts.values(), "the context was not a lent one: this test proves nothing"
    next_borrower = context.new_page()
    try:
        next_borrower.goto("")
        assert next_borrower.evaluate(STORED) == [None, None, ""]
    finally:
        next_borrower.close()
