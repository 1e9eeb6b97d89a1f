"""The maintainer's loop: seconds from saving a record to `rid serve` serving the change.

    .venv/bin/python benchmarks/serve_edit.py            # all six languages (README's first command)
    .venv/bin/python benchmarks/serve_edit.py --one      # the one-language preview, rid serve -l en

Copies the project (real data) to a temporary folder, starts `rid serve` there (the published
site, rebuilt by `rid build` after each save), then edits one position's summary (never a quote:
those must stay verbatim) three times and polls its page until the new words are served.
Prints each time and the median. Not part of the test suite: timings are measured, never asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RECORD = "data/positions/ind-2020-02-13-standing-oewg.yml"
PAGE = "positions/ind-2020-02-13-standing-oewg/"
ORIGINAL = "India wants a standing, permanent"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def copy_project(dest: Path) -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "mkdocs.yml", "docs", "hooks", "overrides", "data", "permalinks.txt", "redirects.yml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    for rel in tracked:
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, dest / rel)


def fetch(url: str) -> str:
    try:
        return urllib.request.urlopen(url, timeout=10).read().decode("utf-8")
    except OSError:
        return ""


def measure(six: bool, edits: int) -> list[float]:
    with tempfile.TemporaryDirectory(prefix="rid-serve-") as tmp:
        project = Path(tmp)
        copy_project(project)
        port = free_port()
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT / "hooks"))
        cmd = [sys.executable, "-m", "ridsite.cli", "serve", "-a", f"127.0.0.1:{port}"] + ([] if six else ["-l", "en"])
        log = project / "serve.log"
        with open(log, "w") as out:
            server = subprocess.Popen(cmd, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            started = time.perf_counter()
            while "rid serve: serving" not in log.read_text():
                if server.poll() is not None or time.perf_counter() - started > 600:
                    raise SystemExit(log.read_text())
                time.sleep(0.2)
            print(f"first build and serve: {time.perf_counter() - started:.1f} s", flush=True)
            record = project / RECORD
            times = []
            previous = ORIGINAL
            for n in range(1, edits + 1):
                time.sleep(2)  # let the watcher settle after the previous build
                marker = f"India wants (edit {n}) a standing, permanent"
                saved = time.perf_counter()
                record.write_text(record.read_text(encoding="utf-8").replace(previous, marker), encoding="utf-8")
                while marker not in fetch(f"http://127.0.0.1:{port}/{PAGE}"):
                    if time.perf_counter() - saved > 300:
                        raise SystemExit(f"the edit was not served after 300 s\n{log.read_text()}")
                    time.sleep(0.05)
                times.append(time.perf_counter() - saved)
                print(f"edit {n}: shown after {times[-1]:.2f} s", flush=True)
                previous = marker
            return times
        finally:
            server.terminate()
            server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--one", action="store_true", help="serve English only (default: all six languages)")
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()
    times = measure(not args.one, args.edits)
    print(
        f"{'one-language preview' if args.one else 'six languages'}: median {statistics.median(times):.2f} s from "
        "save to served page"
    )


if __name__ == "__main__":
    main()
