"""`mkdocs serve` rebuilds once per data edit, never in a loop, and shows the edited record."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import ROOT, copy_project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, timeout: float, step: float = 0.5) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


def test_one_rebuild_per_data_edit(tmp_path):
    project = copy_project(tmp_path)
    port = free_port()
    log = tmp_path / "serve.log"
    # The one-language preview (README): the watch and rebuild logic is the same for six, at a
    # sixth of the cost of two full builds.
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT / "hooks"), RID_ONLY_LANGUAGE="en")
    with open(log, "w") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        builds = lambda: log.read_text().count("Building documentation...")  # noqa: E731
        served = lambda: "Serving on" in log.read_text()  # noqa: E731
        assert wait_for(served, 300), log.read_text()
        assert builds() == 1
        record = project / "data" / "positions" / "ind-2020-02-13-standing-oewg.yml"
        record.write_text(record.read_text(encoding="utf-8").replace("India wants a standing, permanent", "India wants a standing and permanent"), encoding="utf-8")
        assert wait_for(lambda: log.read_text().count("Reloading browsers") >= 1, 300), log.read_text()
        # Long enough for a second, looping rebuild to start if one were coming.
        time.sleep(8)
        assert builds() == 2, log.read_text()
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/positions/ind-2020-02-13-standing-oewg/", timeout=30).read().decode()
        assert "India wants a standing and permanent" in page
        # The preview renders its own language only: a sixth of the work after each edit.
        generated = project / "docs" / "positions"
        assert (generated / "ind-2020-02-13-standing-oewg.md").exists()
        assert not list(generated.glob("*.fr.md"))
    finally:
        server.terminate()
        server.wait(timeout=30)
