"""Published addresses never break: the committed list is complete, every address in it is
served, and a build that would drop one fails unless a redirect for it is recorded."""

from __future__ import annotations

import re
import shutil

import pytest
from click.testing import CliRunner

from conftest import DROPPED_POSITION, REDIRECT_TARGET, ROOT, copy_project, run_build
from ridsite.cli.commands import main as rid
from ridsite.model import slugs
from ridsite.model.languages import CODES
from ridsite.model.problems import Problems
from ridsite.publish import permalinks

POSITION = "egy-2020-02-13-platform"


# -- the check, as a plain function ----------------------------------------------------------


def problems_of(published, current, redirects=None) -> list[str]:
    problems = Problems()
    permalinks.check(list(enumerate(published, start=4)), set(current), redirects or {}, problems)
    return [str(p) for p in problems.sorted()]


def test_check_fails_when_a_published_url_disappears():
    assert problems_of(["/a/", "/fr/a/"], {"/a/", "/fr/a/"}) == []
    assert problems_of(["/a/", "/fr/a/", "/b/"], {"/a/", "/fr/a/"}) == [
        "permalinks.txt:6:1: /b/: this published address no longer exists; restore the page, "
        "or add a redirect to redirects.yml ('b/: <new address>')"
    ]


def test_a_redirect_keeps_a_gone_url_in_every_language():
    published = [f"/{p}old/" for p in ("", "fr/", "ar/")]
    current = {url for lang in CODES for url in [slugs.site_path("new/", lang)]}
    assert len(problems_of(published, current)) == 3
    assert problems_of(published, current, {"old/": ("new/", 7)}) == []


def test_a_redirect_must_lead_to_a_page_and_come_from_a_gone_one():
    current = {"/new/", "/still/"}
    assert problems_of([], current, {"old/": ("nowhere/", 7), "still/": ("new/", 8)}) == [
        "redirects.yml:7:1: old/: the redirect leads to 'nowhere/', which is not a page of the site",
        "redirects.yml:8:1: still/: this address is still a page; remove the redirect",
    ]


def test_redirects_file_mistakes_are_reported_with_their_line(tmp_path):
    path = tmp_path / "redirects.yml"
    path.write_text(
        "# comment\n/positions/a/: positions/b/\nfr/positions/c/: positions/d/\npositions/e/: positions/f/\n",
        encoding="utf-8",
    )
    problems = Problems()
    assert permalinks.read_redirects(path, problems) == {"positions/e/": ("positions/f/", 4)}
    messages = [str(p) for p in problems.sorted()]
    assert messages[0].startswith("redirects.yml:2:1: /positions/a/: '/positions/a/' is not a page address")
    assert messages[1].startswith("redirects.yml:3:1: fr/positions/c/: 'fr/positions/c/' starts with a language folder")


@pytest.mark.parametrize(
    "source, url",
    [
        ("index.md", ""),
        ("index.fr.md", ""),
        ("methodology.md", "methodology/"),
        ("methodology.ar.md", "methodology/"),
        ("guide/index.es.md", "guide/"),
        ("guide/intro.md", "guide/intro/"),
        ("assets/rid.css", None),
    ],
)
def test_authored_pages_are_published_under_their_directory_url(source, url):
    assert slugs.authored_url(source) == url


def test_redirect_page_sends_the_reader_on_with_the_fragment():
    page = permalinks.redirect_page("positions/old/", "proposals/new/", "ar", "https://rid.example/")
    assert '<html lang="ar" dir="rtl">' in page
    assert '<meta http-equiv="refresh" content="0; url=../../proposals/new/">' in page
    assert '<link rel="canonical" href="https://rid.example/ar/proposals/new/">' in page
    assert 'location.replace("../../proposals/new/" + location.hash)' in page


# -- the committed list ----------------------------------------------------------------------


def test_committed_list_names_every_page_of_the_site():
    """CI's check: a new page must be added with `rid permalinks` (and the list committed)."""
    result = CliRunner().invoke(rid, ["permalinks", "--project", str(ROOT), "--check"])
    assert result.exit_code == 0, result.output


def test_every_listed_address_is_served(built):
    project, site, _ = built
    missing = []
    for _, url in permalinks.read_list(project / permalinks.LIST_FILE):
        if not (site / url.lstrip("/") / "index.html").is_file():
            missing.append(url)
    assert missing == []
    listed = {url for _, url in permalinks.read_list(project / permalinks.LIST_FILE)}
    assert {
        "/",
        "/fr/",
        "/documents/a-70-174/18/",
        "/ar/positions/egy-2020-02-13-platform/",
        "/zh/bibliography/",
    } <= listed
    # And the other way: every page the published site serves is listed (`rid permalinks` reads
    # English for all six languages; this is what makes that safe).
    served = {"/" + p.parent.relative_to(site).as_posix().removeprefix(".") + "/" for p in site.rglob("index.html")}
    assert sorted(u.replace("//", "/") for u in served) == sorted(listed)


def test_rid_permalinks_adds_new_pages_and_check_fails_until_it_runs(tmp_path):
    project = copy_project(tmp_path)
    position = project / "data" / "positions" / f"{POSITION}.yml"
    shutil.copy(position, position.with_name("egy-2020-02-13-platform-again.yml"))
    again = position.with_name("egy-2020-02-13-platform-again.yml")
    again.write_text(
        again.read_text(encoding="utf-8").replace(f"id: {POSITION}", f"id: {POSITION}-again"), encoding="utf-8"
    )
    runner = CliRunner()
    check = runner.invoke(rid, ["permalinks", "--project", str(project), "--check"])
    assert check.exit_code == 1 and "Run: rid permalinks" in check.output
    update = runner.invoke(rid, ["permalinks", "--project", str(project)])
    assert update.exit_code == 0, update.output
    assert "new address(es) added" in update.output
    listed = (project / permalinks.LIST_FILE).read_text(encoding="utf-8")
    assert f"/positions/{POSITION}-again/\n" in listed and f"/ar/positions/{POSITION}-again/\n" in listed
    assert runner.invoke(rid, ["permalinks", "--project", str(project), "--check"]).exit_code == 0


def test_rid_check_names_an_outdated_list_with_its_fix_until_rid_permalinks_runs(tmp_path):
    """The maintainer's loop: a valid new record makes pages permalinks.txt lacks, which CI would
    refuse; `rid check` says so, and what to run, instead of leaving it to CI."""
    project = copy_project(tmp_path)
    position = project / "data" / "positions" / f"{POSITION}.yml"
    again = position.with_name(f"{POSITION}-again.yml")
    again.write_text(
        position.read_text(encoding="utf-8").replace(f"id: {POSITION}", f"id: {POSITION}-again"), encoding="utf-8"
    )
    runner = CliRunner()
    check = runner.invoke(rid, ["check", str(project / "data")])
    assert check.exit_code == 1
    listed = (project / permalinks.LIST_FILE).as_posix()
    assert re.search(
        rf"^{re.escape(listed)}:1:1: \d+ addresses of pages the records make are not listed \(e\.g\. "
        rf"[^)]*/positions/{POSITION}-again/[^)]*\); run `rid permalinks` and commit permalinks\.txt$",
        check.output,
        re.MULTILINE,
    ), check.output
    assert runner.invoke(rid, ["permalinks", "--project", str(project)]).exit_code == 0
    check = runner.invoke(rid, ["check", str(project / "data")])
    assert check.exit_code == 0 and check.output.startswith("All records are valid: "), check.output


# -- the build -------------------------------------------------------------------------------


def drop_position(project):
    (project / "data" / "positions" / f"{POSITION}.yml").unlink()


@pytest.mark.slow
def test_a_build_that_drops_a_published_page_fails_and_writes_nothing(tmp_path):
    project = copy_project(tmp_path)
    drop_position(project)
    site = project / "site"
    # One language is enough: a partial build checks the addresses of all six languages, English
    # standing for each (a sixth of the work of a whole build).
    result = run_build(project, site, "-l", "en")
    assert result.returncode != 0
    for lang in CODES:
        gone = slugs.site_path(f"positions/{POSITION}/", lang)
        assert f": {gone}: this published address no longer exists" in result.stderr
    assert re.search(r"\d+ published addresses would break; nothing was built\.", result.stderr)
    assert not site.exists()
    # `rid permalinks` refuses the same way: a line of the list is never dropped silently.
    update = CliRunner().invoke(rid, ["permalinks", "--project", str(project)])
    assert update.exit_code == 1 and "no longer exists" in update.output


def test_a_recorded_redirect_keeps_the_old_address_working(variant_site):
    # conftest's variant build dropped this position and recorded a redirect to the proposal.
    assert (DROPPED_POSITION, REDIRECT_TARGET) == (POSITION, "proposals/egypt-platform/")
    _, site = variant_site
    for lang in CODES:
        root = site / slugs.language_root(lang)
        page = (root / "positions" / POSITION / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in page
        assert '<meta http-equiv="refresh" content="0; url=../../proposals/egypt-platform/">' in page
        assert (root / "proposals" / "egypt-platform" / "index.html").is_file()
