"""Fixtures for the browser tests: the built site served on 127.0.0.1, and Chromium pages that
record every request and every console error.

Playwright for Python drives Debian's /usr/bin/chromium (nothing is downloaded). It was chosen over
Selenium because it reports each request, console message and uncaught error of a browser context
as events, turns JavaScript off per context, grants clipboard access and takes full-page
screenshots, with no separate driver process to keep in step with the browser.

Every context opened through `open_context` (and so the `page` fixture) is watched: when the test
ends, it fails if any request went anywhere but the site's own server on 127.0.0.1, or if the
console showed an error. All requests are also written to test-artifacts/browser/requests.tsv.
"""

from __future__ import annotations

import functools
import os
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ridsite.records.load import load_corpus

from .sample import one_page_per_kind

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
NODE_MODULES = ROOT / "tests" / "node_modules"
CHROMIUM = Path(os.environ.get("RID_CHROMIUM", "/usr/bin/chromium"))
# design-notes §4: flags that work as root on a machine with no network; without the
# background-networking ones Chromium keeps trying to reach Google's hosts.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}  # the laptop of issue 17
PHONE = {"width": 390, "height": 844}
SETUP_HINT = "run `bash .ci/setup --test`, which installs it"


def need(path: Path, what: str) -> Path:
    """The browser tests never skip: a missing tool fails them, saying how to get it."""
    if not path.exists():
        pytest.fail(f"{what} not found at {path}: {SETUP_HINT}", pytrace=False)
    return path


def pushed_sideways(page) -> str | None:
    """What a reader sees when something is wider than the screen (the page scrolls sideways), or
    None when the page fits its screen."""
    wide, screen = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    return f"the page is {wide} px wide on a {screen} px screen" if wide > screen else None


# -- the site --------------------------------------------------------------------------------
# Fixtures of the run (scope "session"), not of this package: the run interleaves browser files and
# others (conftest.LONGEST_FIRST), and a package fixture would restart Chromium, the server and the
# sample of pages each time a worker came back to tests/browser/.


# Every word (a run of letters or digits, Latin, Cyrillic or Arabic script: Chinese may break
# between any two characters) inside the elements a selector names; a word whose letters sit on
# more than one line is broken. A word inside a token too long for any line (an address such as
# dig.watch/resource/oewg-2021-2025-…) may break, and is not counted.
BROKEN_WORDS = r"""([selector, skip]) => {
  const broken = [];
  const word = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Arabic}\p{Nd}]{2,}/gu;
  for (const box of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.getClientRects().length) continue;  // hidden (visually-hidden labels included)
      if (node.parentElement.closest(".rid-vh, .rid-visually-hidden")) continue;
      if (skip && node.parentElement.closest(skip)) continue;
      for (const match of node.data.matchAll(word)) {
        const before = node.data.slice(0, match.index).split(/\s/).pop();
        const after = node.data.slice(match.index + match[0].length).split(/\s/)[0];
        if (before.length + match[0].length + after.length > 30) continue;
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (lines.size > 1) broken.push(match[0]);
      }
    }
  }
  return [...new Set(broken)].slice(0, 10);
}"""


def broken_words(page, selector: str, skip: str = "") -> list[str]:
    """The words broken across lines inside what `selector` names (but inside `skip`)."""
    return page.evaluate(BROKEN_WORDS, [selector, skip])


class Server(ThreadingHTTPServer):
    # The standard library queues 5 waiting connections; a page opens one per file (HTTP/1.0),
    # and under load Chromium's extra ones would wait out their time-outs.
    request_queue_size = 128


# The test server also serves axe-core at an address no page of the site has: a page loads it as
# a script, which the browser then keeps compiled in its cache (injected as text, it is read and
# compiled again on every page, a third of axe's time on a page).
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
AXE_URL = "/__tests__/axe.min.js"


class QuietHandler(SimpleHTTPRequestHandler):
    def translate_path(self, path):
        return str(AXE) if path == AXE_URL else super().translate_path(path)

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


def add_axe(page) -> None:
    """axe-core (npm, pinned in tests/package.json) into the page, from the test server."""
    need(AXE, "axe-core (npm)")
    page.add_script_tag(url=AXE_URL)


@pytest.fixture(scope="session")
def site_dir(built) -> Path:
    return built[1]


def serve(directory: Path):
    """A folder over HTTP on 127.0.0.1 at a free port, as a static host serves it."""
    httpd = Server(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}/"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture(scope="session")
def server(site_dir):
    """The site as `rid build` publishes it, served as a static host serves it."""
    yield from serve(site_dir)


@pytest.fixture(scope="session")
def site_corpus(built):
    """The records the site was built from (the project copy's, not data/, which may have moved on)."""
    return load_corpus(built[0] / "data")


@pytest.fixture(scope="session")
def kinds(built, site_corpus) -> dict[str, str]:
    """One page of every kind (kind → URL under a language root)."""
    return one_page_per_kind(site_corpus, built[0] / "docs")


# -- the browser ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    need(CHROMIUM, "Debian's chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(f"Playwright for Python is not installed: {SETUP_HINT}", pytrace=False)
    playwright = sync_playwright().start()
    try:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True)
        yield chromium
        chromium.close()
    finally:
        playwright.stop()


@dataclass
class Traffic:
    """What the pages of one test asked for, and what their console reported as errors."""

    origin: str  # scheme://host:port of the site's server
    requests: list[tuple[str, str]] = field(default_factory=list)  # (method, url)
    console_errors: list[str] = field(default_factory=list)

    def watch(self, context) -> None:
        context.on("request", self._on_request)
        context.on("console", self._on_console)
        context.on("weberror", self._on_error)

    def unwatch(self, context) -> None:
        """Stops listening to a context that outlives the test (a warm one)."""
        context.remove_listener("request", self._on_request)
        context.remove_listener("console", self._on_console)
        context.remove_listener("weberror", self._on_error)

    def _on_request(self, request) -> None:
        self.requests.append((request.method, request.url))

    def _on_error(self, error) -> None:
        self.console_errors.append(f"uncaught: {error.error}")

    def _on_console(self, message) -> None:
        if message.type == "error":
            self.console_errors.append(f"{message.text} [{message.location.get('url', '')}]")

    def outside(self) -> list[str]:
        """Requests to anything but the site's own server (another host, port or scheme)."""
        return [url for _, url in self.requests if _origin(url) != self.origin]


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture(scope="session")
def request_log():
    """Every request of every browser test, written out when they are done (kept by CI)."""
    rows: list[str] = []
    yield rows
    # One file per worker process of the run (pytest-xdist), which each write theirs at the end.
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    out = ARTIFACTS / "browser" / (f"requests-{worker}.tsv" if worker else "requests.tsv")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("test\tmethod\turl\n" + "".join(rows), encoding="utf-8")


@pytest.fixture
def traffic(server) -> Traffic:
    return Traffic(origin=_origin(server))


# A context of the options below is kept for the run and lent to one test at a time: opening a
# context costs about as much as loading a page in it, and a kept one has the site's stylesheets and
# scripts in its cache (a page then loads in a quarter of the time). Each test still gets pages of
# its own; when it ends they are closed and what a page may have stored (cookies, local and session
# storage) is cleared, so no test sees another's state. Any other option (permissions, or fresh=True
# for a test about what a first visit downloads) gets a context of the test's own.
LENDABLE = {"viewport", "is_mobile", "has_touch", "java_script_enabled"}
CLEAR_STORAGE = "() => { try { localStorage.clear(); sessionStorage.clear(); } catch (e) {} }"


@pytest.fixture(scope="session")
def warm_contexts():
    """Contexts lent to tests, by their options (each worker process has its own)."""
    kept: dict[tuple, object] = {}
    yield kept
    for context in kept.values():
        context.close()


def _new_context(browser, server, options):
    context = browser.new_context(base_url=server, service_workers="block", **options)
    context.set_default_timeout(30_000)  # generous: CI machines may be busy
    return context


def _give_back(context, server) -> None:
    """Closes the test's pages in a lent context and clears what they stored."""
    for page in context.pages:
        if page.url.startswith(server):
            page.evaluate(CLEAR_STORAGE)
        page.close()
    context.clear_cookies()


@contextmanager
def watched(browser, server, traffic, request_log, request, warm_contexts):
    """Opens browser contexts on a site (base_url set, desktop size unless told), all watched."""
    own, lent = [], []

    def open_(fresh: bool = False, **options):
        options.setdefault("viewport", DESKTOP)
        if fresh or not set(options) <= LENDABLE:
            context = _new_context(browser, server, options)
            own.append(context)
        else:
            key = tuple(sorted((name, repr(value)) for name, value in options.items()))
            if key not in warm_contexts:
                warm_contexts[key] = _new_context(browser, server, options)
            context = warm_contexts[key]
            lent.append(context)
        traffic.watch(context)
        return context

    yield open_
    for context in own:
        context.close()
    for context in lent:
        _give_back(context, server)
        traffic.unwatch(context)
    request_log.extend(f"{request.node.nodeid}\t{method}\t{url}\n" for method, url in traffic.requests)
    assert traffic.requests, "the test made no request at all: did it open a page?"
    outside = traffic.outside()
    assert outside == [], f"{len(outside)} request(s) left {traffic.origin}: {outside}"
    assert traffic.console_errors == [], "errors in the browser console:\n" + "\n".join(traffic.console_errors)


@pytest.fixture
def open_context(browser, server, traffic, request_log, request, warm_contexts):
    with watched(browser, server, traffic, request_log, request, warm_contexts) as open_:
        yield open_


@pytest.fixture
def page(open_context):
    """A desktop page with JavaScript on."""
    return open_context().new_page()
