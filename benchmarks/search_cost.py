"""Bytes a reader downloads for a first search on a Pagefind site, measured in Chromium.

Pagefind loads its entry file, the language's metadata and WebAssembly, then only the index chunks
the words of the query fall in, and the fragments of the first results. Which chunks those are is
Pagefind's business, so this does not guess: it serves the built site on 127.0.0.1, runs the
query on the search page, records every request to the bundle and adds up the files' sizes as a
static host serves them (ridsite.publish.download_size: text gzipped on the way).
Needs Playwright and Debian's /usr/bin/chromium (`bash .ci/setup --test`).
"""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urlsplit

from ridsite.publish.download_size import served_bytes

CHROMIUM = "/usr/bin/chromium"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass


def pagefind_first_query_bytes(site: Path, lang: str, query: str) -> int:
    from playwright.sync_api import sync_playwright

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    prefix = "" if lang == "en" else f"{lang}/"
    fetched: set[str] = set()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            page = browser.new_page()
            page.on("request", lambda r: fetched.add(urlsplit(r.url).path) if "/pagefind/" in r.url else None)
            page.goto(f"http://127.0.0.1:{httpd.server_port}/{prefix}search/?q={quote(query)}")
            page.locator(".rid-search__result").first.wait_for(timeout=60_000)
            page.wait_for_timeout(1000)  # the fragments of the first results
            browser.close()
    finally:
        httpd.shutdown()
    return sum(served_bytes(site / path.lstrip("/")) for path in fetched)
