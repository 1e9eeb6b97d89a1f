"""`rid serve`: the published site on this machine, rebuilt whenever an input is saved.

It serves exactly what `rid build` writes (Pagefind search, sitemap, language switcher), as a static
host would, so that what a maintainer looks at is what readers get. Each rebuild runs `rid build`
in a fresh process: an edit to the code or templates is picked up like an edit to a record, and a
record that fails the check leaves the last good site served, with the problems printed.
"""

from __future__ import annotations

import functools
import subprocess
import sys
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

# What a saved edit can change. Generated pages of plain `mkdocs build` inside docs/ (listed in
# its manifest) are outputs, not inputs: they are skipped so that they never start a rebuild.
WATCHED = ("data", "docs", "overrides", "hooks", "mkdocs.yml", "redirects.yml", "permalinks.txt")
SKIPPED_PARTS = {"__pycache__", ".git"}


def snapshot(project: Path) -> dict[str, tuple[int, int]]:
    """(modification time, size) of every watched file."""
    state: dict[str, tuple[int, int]] = {}
    for name in WATCHED:
        path = project / name
        candidates = (
            [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else []
        )
        for file in candidates:
            rel = file.relative_to(project)
            if SKIPPED_PARTS & set(rel.parts) or file.name.endswith(".tmp"):
                continue
            try:
                info = file.stat()
            except FileNotFoundError:
                continue
            state[rel.as_posix()] = (info.st_mtime_ns, info.st_size)
    return state


def changed(before: dict, after: dict) -> list[str]:
    return sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files, and the site's own 404 page for a missing address, as a static host does."""

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def build_command(site_dir: Path, languages: tuple[str, ...], jobs: int | None) -> list[str]:
    cmd = [sys.executable, "-m", "ridsite.cli", "build", "-d", str(site_dir)]
    for lang in languages:
        cmd += ["-l", lang]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    return cmd


def rebuild(project: Path, cmd: list[str], log) -> bool:
    started = time.perf_counter()
    result = subprocess.run(cmd, cwd=project, capture_output=True, text=True)
    if result.returncode:
        log(result.stderr.rstrip() or result.stdout.rstrip())
        log("rid serve: the build failed; still serving the last good site.")
        return False
    log(f"rid serve: site rebuilt in {time.perf_counter() - started:.1f} s; reload the page.")
    return True


def serve(
    project: Path,
    site_dir: Path,
    host: str,
    port: int,
    languages: tuple[str, ...] = (),
    jobs: int | None = None,
    interval: float = 0.3,
    log=print,
    ready=None,
) -> None:
    """Build, serve site_dir on host:port, and rebuild after each change until interrupted."""
    project = project.resolve()
    site_dir = (site_dir if site_dir.is_absolute() else project / site_dir).resolve()
    cmd = build_command(site_dir, languages, jobs)
    state = snapshot(project)
    if not rebuild(project, cmd, log) and not site_dir.is_dir():
        raise SystemExit(1)
    # The handler opens the folder by its path on every request: after the build swaps in a new
    # site under the same name, the next request reads the new one.
    httpd = ThreadingHTTPServer((host, port), functools.partial(SiteHandler, directory=str(site_dir)))
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, name="rid-serve", daemon=True).start()
    address = f"http://{host}:{httpd.server_port}/"
    log(f"rid serve: serving {site_dir} on {address} (the site as published; Ctrl-C stops)")
    if ready is not None:
        ready(address)
    try:
        while True:
            time.sleep(interval)
            now = snapshot(project)
            edits = changed(state, now)
            if not edits:
                continue
            time.sleep(interval)  # an editor may write a file in several steps: let it finish
            state = snapshot(project)
            log(
                f"rid serve: {len(edits)} file(s) changed ({', '.join(edits[:3])}{' …' if len(edits) > 3 else ''}); "
                "rebuilding"
            )
            rebuild(project, cmd, log)
    except KeyboardInterrupt:
        log("rid serve: stopped")
    finally:
        httpd.shutdown()
        httpd.server_close()
