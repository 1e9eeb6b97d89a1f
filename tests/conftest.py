"""Shared fixtures: the repository's records, and the whole site built once into a temp folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))  # ridsite, even without `pip install -e .`

from ridsite.load import load_corpus  # noqa: E402

# What a site build needs; copied so tests never write into the working tree.
# permalinks.txt and redirects.yml: the build checks that no published address disappears.
SITE_INPUTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides", "permalinks.txt", "redirects.yml")
GENERATED = ("documents", "actors", "positions", "proposals", "criteria", "objectives", "events", "bibliography", "compare", "data")


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in SITE_INPUTS:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(
                src, dest / name,
                ignore=shutil.ignore_patterns("__pycache__", ".generated", *GENERATED) if name == "docs"
                else shutil.ignore_patterns("__pycache__"),
            )
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


def run_build(project: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess:
    """`rid build`: the site as it is published (what every check of the site reads)."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT / "hooks"))
    return subprocess.run(
        [sys.executable, "-m", "ridsite.cli", "build", "-d", str(site_dir), "--jobs", "2", *extra],
        cwd=project, env=env, capture_output=True, text=True, timeout=1800,
    )


def run_mkdocs_build(project: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess:
    """Plain `mkdocs build`, the quick look of README that nothing published relies on."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT / "hooks"))
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir), *extra],
        cwd=project, env=env, capture_output=True, text=True, timeout=1800,
    )


def pagefind_fragments(bundle: Path) -> dict[str, dict]:
    """What Pagefind stored of each page of one language (its fragments: gzip, a signature, then
    JSON), by URL within the language: the words a reader's search can find and shows."""
    import gzip
    import json

    fragments = {}
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{"):])
        fragments[fragment["url"]] = fragment
    return fragments


@pytest.fixture(scope="session")
def corpus():
    return load_corpus(ROOT / "data")


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """(project copy, site dir, build result): the site as `rid build` publishes it (languages in
    parallel, Pagefind search), from the real data, built once per test session."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return project, site, result


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A private copy of data/ that a test may break."""
    dest = tmp_path / "data"
    shutil.copytree(ROOT / "data", dest)
    return dest
