"""siteswap: a failed, full-disk or SIGTERM-ed build never loses the previous site, and leaves no
staging folder behind (or only one that the next start removes)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from ridsite.publish.siteswap import SiteSwapError, remove_stale, staged_site

HOOKS = Path(__file__).resolve().parent.parent / "hooks"


def old_site(parent: Path) -> Path:
    site = parent / "site"
    site.mkdir(parents=True)
    (site / "index.html").write_text("the last good site", encoding="utf-8")
    return site


def beside(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if p.name != site.name)


def test_a_successful_build_replaces_the_site(tmp_path):
    site = old_site(tmp_path)
    with staged_site(site) as staging:
        assert staging.parent == site.parent and not any(staging.iterdir())
        (staging / "index.html").write_text("new", encoding="utf-8")
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert beside(site) == []


def test_a_failed_build_leaves_the_old_site(tmp_path):
    site = old_site(tmp_path)
    with pytest.raises(RuntimeError):
        with staged_site(site) as staging:
            (staging / "half.html").write_text("half", encoding="utf-8")
            raise RuntimeError("a language failed")
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert beside(site) == []


def test_stale_folders_of_a_killed_build_are_removed_at_the_next_start(tmp_path):
    site = old_site(tmp_path)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)  # a process that has ended
    (tmp_path / f".site.rid-staging-{pid}").mkdir()
    (tmp_path / f".site.rid-staging-{pid}" / "x").write_text("27 MB of half a site", encoding="utf-8")
    with staged_site(site):
        assert beside(site) == [f".site.rid-staging-{os.getpid()}"]
    assert beside(site) == []


def test_killed_between_the_two_renames_the_old_site_is_put_back(tmp_path):
    site = old_site(tmp_path)
    site.rename(tmp_path / ".site.rid-old-999999999")
    remove_stale(site)
    assert (site / "index.html").read_text(encoding="utf-8") == "the last good site"


def as_root(*command: str) -> subprocess.CompletedProcess:
    """mount needs root: as root directly, else through sudo without a password (README's set-up
    needs one of the two, for the Debian packages)."""
    prefix = [] if os.geteuid() == 0 else ["sudo", "-n"]
    return subprocess.run([*prefix, *command], capture_output=True, text=True)


@contextmanager
def tmpfs(where: Path, size: str):
    where.mkdir()
    done = as_root("mount", "-t", "tmpfs", "-o", f"size={size},mode=1777", "tmpfs", str(where))
    if done.returncode != 0:
        pytest.fail(
            f"cannot mount a {size} tmpfs at {where} (needs root or sudo): {done.stderr.strip()}", pytrace=False
        )
    try:
        yield where
    finally:
        as_root("umount", str(where))


def test_a_read_only_parent_is_a_message_not_a_traceback(tmp_path):
    # A read-only filesystem: even root cannot write there (chmod would not stop root).
    with tmpfs(tmp_path / "ro", "1m") as folder:
        site = old_site(folder)
        assert as_root("mount", "-o", "remount,ro", str(folder)).returncode == 0
        with pytest.raises(SiteSwapError, match="cannot write beside the site folder"):
            with staged_site(site):
                pass
        assert (site / "index.html").read_text(encoding="utf-8") == "the last good site"


@pytest.fixture
def small_disk(tmp_path):
    """A 5 MB tmpfs as the site's filesystem."""
    with tmpfs(tmp_path / "disk", "5m") as mount:
        yield mount


def test_a_full_disk_leaves_the_old_site_and_frees_the_space(small_disk):
    site = old_site(small_disk)
    for i in range(20):  # an old site of 2 MB: a copy-based swap could not hold both
        (site / f"page{i}.html").write_bytes(b"x" * 100_000)
    before = {p.name: p.read_bytes() for p in site.iterdir()}
    with pytest.raises(OSError) as caught:
        with staged_site(site) as staging:
            for i in range(100):
                (staging / f"new{i}.html").write_bytes(b"y" * 100_000)
    assert caught.value.errno == 28  # ENOSPC: the disk really filled
    assert {p.name: p.read_bytes() for p in site.iterdir()} == before
    assert beside(site) == []
    usage = os.statvfs(small_disk)
    assert usage.f_bfree * usage.f_frsize > 2_500_000  # the half-built site's space is given back


SCRIPT = """
import sys, time
from pathlib import Path
sys.path.insert(0, {hooks!r})
from ridsite.publish.siteswap import staged_site
with staged_site(Path({site!r})) as staging:
    (staging / "half.html").write_text("half", encoding="utf-8")
    print("building", flush=True)
    time.sleep(60)
"""


def test_sigterm_mid_build_leaves_the_old_site_and_no_staging(tmp_path):
    site = old_site(tmp_path)
    build = subprocess.Popen(
        [sys.executable, "-c", SCRIPT.format(hooks=str(HOOKS), site=str(site))],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert build.stdout.readline().strip() == "building"
    assert beside(site) == [f".site.rid-staging-{build.pid}"]
    started = time.monotonic()
    build.send_signal(signal.SIGTERM)
    out, err = build.communicate(timeout=20)
    assert time.monotonic() - started < 10
    assert build.returncode == 143, err
    assert "Traceback" not in err
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]
    assert beside(site) == []
