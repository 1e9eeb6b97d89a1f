"""A failed or interrupted build never loses the previous site, on any filesystem.

The new site is built in a staging folder BESIDE the site folder (same parent, so on the same
filesystem) and swapped in with two renames, which never copy and so cannot fill a disk halfway.
Any error before or during the swap leaves the old site where it was; SIGTERM becomes an exception
so that the same cleanup runs; folders left by a build that was killed outright (SIGKILL, power
loss) are removed, or the old site put back, when the next build starts.

API (for rid_build.build_site):

    from ridsite.publish.siteswap import staged_site, SiteSwapError, Terminated

    with staged_site(site_dir) as staging:   # staging: an empty folder beside site_dir
        ...write the whole new site into staging...
    # leaving the block normally: staging has become site_dir (the old site is removed);
    # leaving it by any exception (ENOSPC, a failed language, Terminated on SIGTERM):
    # staging is removed, site_dir is untouched, and the exception goes on.

- SiteSwapError (an OSError subclass, with a plain-words message) when the site's parent folder
  cannot be written (read-only) or the swap itself fails; the old site is then still in place.
- Terminated (a subclass of SystemExit, code 143) is raised in the main thread on SIGTERM while
  the block runs; the previous SIGTERM handler is restored afterwards. In another thread no
  handler is installed (Python allows signals only in the main thread).
- Names beside the site: .<site>.rid-staging-<pid> and .<site>.rid-old-<pid>; remove_stale()
  deletes those whose process is gone (a live concurrent build's are left alone).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

STAGING = "rid-staging"
OLD = "rid-old"


class SiteSwapError(OSError):
    """The site could not be staged or swapped; the previous site is still in place."""


class Terminated(SystemExit):
    """SIGTERM arrived during a build: raised so that cleanup runs (exit code 128 + 15)."""

    def __init__(self) -> None:
        super().__init__(143)


def _name(site_dir: Path, what: str, pid: int) -> Path:
    return site_dir.parent / f".{site_dir.name}.{what}-{pid}"


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def remove_stale(site_dir: Path) -> list[Path]:
    """Remove the staging and old folders that a killed build left beside site_dir; if a build was
    killed between its two renames (no site, an old one beside it), put the old site back first.
    Returns what was removed or restored."""
    done = []
    parent = site_dir.parent
    if not parent.is_dir():
        return done
    for what in (OLD, STAGING):
        prefix = f".{site_dir.name}.{what}-"
        for path in sorted(parent.glob(prefix + "*")):
            pid = path.name[len(prefix) :]
            if not pid.isdigit() or _alive(int(pid)) or path.is_symlink():
                continue
            if what == OLD and not site_dir.exists():
                path.rename(site_dir)
            else:
                shutil.rmtree(path, ignore_errors=True)
            done.append(path)
    return done


@contextlib.contextmanager
def _sigterm_raises() -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def staged_site(site_dir: Path) -> Iterator[Path]:
    """An empty folder beside site_dir to build into; swapped in only if the block succeeds."""
    site_dir = Path(os.path.abspath(site_dir))
    parent = site_dir.parent
    if site_dir.is_symlink():
        raise SiteSwapError(f"the site folder {site_dir} is a symbolic link; give the real folder as --site-dir")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        remove_stale(site_dir)
        staging = _name(site_dir, STAGING, os.getpid())
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir()
    except OSError as exc:
        raise SiteSwapError(
            f"cannot write beside the site folder {site_dir} ({exc.strerror or exc}); the new site is built next "
            f"to it, in {parent}: make that folder writable, or choose another --site-dir"
        ) from exc
    with _sigterm_raises():
        try:
            yield staging
            _swap(staging, site_dir)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise


def _swap(staging: Path, site_dir: Path) -> None:
    """Two renames on one filesystem; if the second fails, the first is undone."""
    old = _name(site_dir, OLD, os.getpid())
    had_site = site_dir.exists()
    try:
        if had_site:
            os.rename(site_dir, old)
        try:
            os.rename(staging, site_dir)
        except BaseException:
            if had_site:
                os.rename(old, site_dir)
            raise
    except OSError as exc:
        raise SiteSwapError(
            f"could not put the new site in place at {site_dir} ({exc.strerror or exc}); the previous site is unchanged"
        ) from exc
    if had_site:
        shutil.rmtree(old, ignore_errors=True)  # what is left is removed at the next start
