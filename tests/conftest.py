"""Shared fixtures: the repository's records, and the whole site built once into a temp folder.

Two tiers (CONTRIBUTING, "Tests"): `pytest -m "not slow"` is the edit-test loop (no browser, no
whole-site build, under a minute); plain `pytest` is everything, as CI runs it. A test is slow when
it uses a built site (a fixture listed in SLOW_FIXTURES), lives under tests/browser/, or is marked
`@pytest.mark.slow`; a test that builds a site without being slow fails, saying so, so the fast
tier cannot quietly grow slow.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))  # ridsite, even without `pip install -e .`

from ridsite.model.kinds import KINDS  # noqa: E402
from ridsite.records.load import load_corpus  # noqa: E402

# What a site build needs; copied so tests never write into the working tree.
# permalinks.txt and redirects.yml: the build checks that no published address disappears.
SITE_INPUTS = ("mkdocs.yml", "docs", "data", "hooks", "overrides", "permalinks.txt", "redirects.yml")
# The folders of docs/ that builds generate (never committed): a section for each kind of record,
# and the pages of the vocabularies and the feature modules.
GENERATED = (*(kind.folder for kind in KINDS), "criteria", "objectives", "bibliography", "compare", "data")


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for name in SITE_INPUTS:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(
                src,
                dest / name,
                ignore=shutil.ignore_patterns("__pycache__", ".generated", *GENERATED)
                if name == "docs"
                else shutil.ignore_patterns("__pycache__"),
            )
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


# Fixtures that hold a whole built site: a test using one is slow (`pytest -m "not slow"` skips it).
SLOW_FIXTURES = {"built", "unstamped", "variant_site", "site_dir", "server", "kinds", "site_corpus", "hostile_site"}
# The page the variant build drops, and the redirect it records for it (test_permalinks.py).
DROPPED_POSITION = "egy-2020-02-13-platform"
REDIRECT_TARGET = "proposals/egypt-platform/"
_current: list[pytest.Item] = []


def pytest_configure(config):
    config.addinivalue_line("markers", 'slow: builds a site or drives a browser; left out of `pytest -m "not slow"`')


# The longest files of a run, longest first (pytest --durations on 2 cores): the workers take files
# in this order (addopts: --dist loadfile --no-loadscope-reorder), so that no long file is left to
# run alone at the end while the other worker idles. The plain build comes first: it needs no
# other build, and runs beside the shared `rid build` that the next files wait for.
LONGEST_FIRST = (
    "tests/test_plainbuild.py",
    "tests/browser/test_first_screen.py",
    "tests/test_fastbuild.py",
    "tests/browser/test_reading.py",
    "tests/test_hostile.py",
    "tests/browser/test_html_valid.py",
    "tests/browser/test_accessibility.py",
    "tests/browser/test_links.py",
    "tests/test_build.py",
    "tests/test_serve.py",
    "tests/test_citations.py",
    "tests/browser/test_tables.py",
)


def _run_order(path: str, slow_files: set[str]) -> tuple[int, int]:
    """Listed files first, in their order; then the other slow files; then the fast ones, which
    fill the end of the run in small pieces."""
    if path in LONGEST_FIRST:
        return 0, LONGEST_FIRST.index(path)
    return (1 if path in slow_files else 2), 0


def pytest_collection_modifyitems(config, items):
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) or "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.slow)
    # sorted() is stable: a file's tests keep their order, and files of one rank theirs.
    slow_files = {i.nodeid.split("::", 1)[0] for i in items if i.get_closest_marker("slow")}
    items[:] = sorted(items, key=lambda i: _run_order(i.nodeid.split("::", 1)[0], slow_files))


@pytest.fixture(autouse=True)
def _the_running_test(request):
    _current.append(request.node)
    yield
    _current.pop()


def _builds_a_site() -> None:
    """A site build costs seconds: only a test marked slow may start one (the fast tier stays fast)."""
    if _current and _current[-1].get_closest_marker("slow") is None:
        pytest.fail(f"{_current[-1].nodeid} builds a site: mark it @pytest.mark.slow", pytrace=False)


def run_build(project: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess:
    """`rid build`: the site as it is published (what every check of the site reads)."""
    _builds_a_site()
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT / "hooks"))
    return subprocess.run(
        [sys.executable, "-m", "ridsite.cli", "build", "-d", str(site_dir), "--jobs", "2", *extra],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )


def run_mkdocs_build(project: Path, site_dir: Path, *extra: str) -> subprocess.CompletedProcess:
    """Plain `mkdocs build`, the quick look of README that nothing published relies on."""
    _builds_a_site()
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", NO_MKDOCS_2_WARNING="1", PYTHONPATH=str(ROOT / "hooks"))
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site_dir), *extra],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )


def pagefind_fragments(bundle: Path) -> dict[str, dict]:
    """What Pagefind stored of each page of one language (its fragments: gzip, a signature, then
    JSON), by URL within the language: the words a reader's search can find and shows."""
    import gzip
    import json

    fragments = {}
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{") :])
        fragments[fragment["url"]] = fragment
    return fragments


@pytest.fixture(scope="session")
def corpus():
    return load_corpus(ROOT / "data")


def built_once(tmp_path_factory, name: str, make) -> tuple[Path, subprocess.CompletedProcess]:
    """A whole-site build made once per test run and shared by every process of the run: the
    suite runs on two or more workers (pytest-xdist); the first to need the build makes it under a
    lock, the others wait for it and read its result. make(folder) builds into folder and returns
    the build's CompletedProcess. Returns (folder, result)."""
    import fcntl
    import json

    # Each worker has its own basetemp inside the run's; without workers, the run's own is used.
    root = tmp_path_factory.getbasetemp()
    root = root.parent if os.environ.get("PYTEST_XDIST_WORKER") else root
    folder, record = root / f"shared-{name}", root / f"shared-{name}.json"
    with open(root / f"shared-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not record.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            done = make(folder)
            record.write_text(json.dumps([done.args, done.returncode, done.stdout, done.stderr]), encoding="utf-8")
    args, returncode, stdout, stderr = json.loads(record.read_text(encoding="utf-8"))
    result = subprocess.CompletedProcess(args, returncode, stdout, stderr)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder, result


def _build_real(folder: Path) -> subprocess.CompletedProcess:
    project = copy_project(folder / "project")
    return run_build(project, project / "site")


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    """(project copy, site dir, build result): the site as `rid build` publishes it (languages in
    parallel, Pagefind search), from the real data, built once per test run."""
    folder, result = built_once(tmp_path_factory, "real", _build_real)
    return folder / "project", folder / "project" / "site", result


@pytest.fixture(scope="session")
def unstamped(built, tmp_path_factory):
    """(site dir, build result): the same records built again, in another process, with MkDocs
    rendering every page itself (`--no-stamp`). Byte-identical to `built` or wrong: one build
    checks both that a build is reproducible and that stamping changes no byte."""
    project, _, _ = built
    folder, result = built_once(tmp_path_factory, "unstamped", lambda f: run_build(project, f / "site", "--no-stamp"))
    return folder / "site", result


def _build_variant(folder: Path) -> subprocess.CompletedProcess:
    from test_hostile import add_hostile_records  # its records are defined beside their tests

    project = copy_project(folder / "project")
    add_hostile_records(project)
    (project / "data" / "positions" / f"{DROPPED_POSITION}.yml").unlink()
    (project / "redirects.yml").write_text(f"positions/{DROPPED_POSITION}/: {REDIRECT_TARGET}\n", encoding="utf-8")
    return run_build(project, project / "site")


@pytest.fixture(scope="session")
def variant_site(tmp_path_factory):
    """(project copy, site dir): a second whole site, built once for every test that needs records
    the real data lacks: the hostile records of test_hostile.py (markup in every free-text field,
    a BOM, right-to-left and CJK text), and one published position removed with a redirect
    recorded in its place. Each test reads only the pages of its own variant."""
    folder, _ = built_once(tmp_path_factory, "variant", _build_variant)
    return folder / "project", folder / "project" / "site"


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A private copy of data/ that a test may break."""
    dest = tmp_path / "data"
    shutil.copytree(ROOT / "data", dest)
    return dest
