"""`rid serve` (README's first command) serves the published site and rebuilds it once per saved
record, never in a loop; a broken record leaves the last good site served."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from conftest import ROOT, copy_project

RECORD = "data/positions/ind-2020-02-13-standing-oewg.yml"
PAGE = "positions/ind-2020-02-13-standing-oewg/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout: float, step: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except OSError:
        return 0, ""


@pytest.mark.slow
def test_rid_serve_serves_the_published_site_and_rebuilds_once_per_edit(tmp_path):
    project = copy_project(tmp_path)
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT / "hooks"), SOURCE_DATE_EPOCH="1700000000")
    # One language (README's faster preview): the watch and rebuild logic is the same for six.
    with open(log, "w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "ridsite.cli", "serve", "-a", f"127.0.0.1:{port}", "-l", "en", "--jobs", "2"],
            cwd=project,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        text = log.read_text
        assert wait_for(lambda: "rid serve: serving" in text(), 300), text()
        # What is served is what `rid build` publishes: Pagefind's bundle, the site's sitemap.
        assert fetch(base + "pagefind/pagefind-entry.json")[0] == 200
        assert "<sitemapindex" in fetch(base + "sitemap.xml")[1]
        assert fetch(base + "no/such/page/")[0] == 404
        record = project / RECORD
        original = record.read_text(encoding="utf-8")
        record.write_text(
            original.replace("India wants a standing, permanent", "India wants a standing and permanent"),
            encoding="utf-8",
        )
        assert wait_for(lambda: "India wants a standing and permanent" in fetch(base + PAGE)[1], 300), text()
        time.sleep(1.5)  # five watch intervals: a rebuild set off by the build's own output would show
        assert text().count("rebuilding") == 1, text()
        # A broken record: the problems are printed, the last good site stays served.
        record.write_text(original.replace("date: 2020-02-13", "date: 2020-02-31"), encoding="utf-8")
        assert wait_for(lambda: "still serving the last good site" in text(), 300), text()
        assert "ind-2020-02-13-standing-oewg.yml:4:7: date:" in text()
        assert "India wants a standing and permanent" in fetch(base + PAGE)[1]
    finally:
        server.terminate()
        server.wait(timeout=30)
