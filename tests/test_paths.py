"""Nothing outside the project is read, printed or written: symbolic links under data/ (and the
bibliography, interface, redirects and permalinks files) are refused without being read, naming the
link; redirect addresses follow the site's own grammar; every generated file is checked where it is
written to resolve inside its folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ridsite.model.problems import Problems, RecordsInvalid
from ridsite.publish import permalinks
from ridsite.publish.docs_sync import OutsideRoot, inside, sync_generated
from ridsite.records.load import load_corpus

LINK = (
    "this is a symbolic link, which the site does not follow (it could lead out of the project); "
    "put the file itself here instead of a link"
)
SECRET = "root:$6$secrethash:19000:0:99999:7:::\n"


def problems(data: Path) -> list[str]:
    with pytest.raises(RecordsInvalid) as caught:
        load_corpus(data)
    return [str(p) for p in caught.value.problems.sorted()]


@pytest.fixture
def outside(tmp_path) -> Path:
    """A folder beside the project: a secret, and a valid record the build must never take in."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "shadow").write_text(SECRET, encoding="utf-8")
    return folder


def test_a_linked_record_file_is_refused_without_being_read(data_copy, outside):
    (data_copy / "positions" / "evil.yml").symlink_to(outside / "shadow")
    found = problems(data_copy)
    assert found == [f"data/positions/evil.yml:1:1: {LINK}"]
    assert "secrethash" not in "\n".join(found)


def test_a_link_to_a_valid_record_elsewhere_is_refused(data_copy, outside):
    record = data_copy / "positions" / "egy-2020-02-13-platform.yml"
    (outside / record.name).write_bytes(record.read_bytes())
    record.unlink()
    record.symlink_to(outside / record.name)
    found = problems(data_copy)
    assert f"data/positions/egy-2020-02-13-platform.yml:1:1: {LINK}" in found


def test_a_linked_folder_is_reported_not_silently_skipped(data_copy, outside):
    (outside / "broken.yml").write_text("id: [\n", encoding="utf-8")
    (data_copy / "positions" / "2099").symlink_to(outside, target_is_directory=True)
    assert problems(data_copy) == [f"data/positions/2099:1:1: {LINK}"]


@pytest.mark.parametrize(
    "rel",
    [
        "bibliography.bib",
        "interface.yml",
        "vocabularies/criteria.yml",
        "vocabularies",
        "actors",
    ],
)
def test_linked_single_files_and_folders_are_refused(data_copy, outside, rel):
    target = data_copy / rel
    moved = outside / target.name
    target.rename(moved)
    target.symlink_to(moved, target_is_directory=moved.is_dir())
    found = problems(data_copy)
    assert f"data/{rel}:1:1: {LINK}" in found


def test_redirects_and_permalinks_files_that_are_links_are_refused(tmp_path, outside):
    link = tmp_path / "redirects.yml"
    link.symlink_to(outside / "shadow")
    found = Problems()
    assert permalinks.read_redirects(link, found) == {}
    assert [str(p) for p in found.sorted()] == [f"redirects.yml:1:1: redirects.yml {permalinks.LINKED}"]
    listed = tmp_path / "permalinks.txt"
    listed.symlink_to(outside / "shadow")
    with pytest.raises(permalinks.PermalinksBroken) as caught:
        permalinks.read_list(listed)
    assert "secrethash" not in str(caught.value)


@pytest.mark.parametrize(
    "address",
    [
        "../../../../outside/x/",
        "positions/../../x/",
        "./x/",
        "positions//x/",
        "C:/x/",
        "positions\\x/",
        "%2e%2e/x/",
        "Positions/X/",
        "positions/x",
    ],
)
def test_redirect_addresses_follow_the_site_grammar(tmp_path, address):
    path = tmp_path / "redirects.yml"
    path.write_text(f"'{address}': positions/egy-2020-02-13-platform/\n", encoding="utf-8")
    found = Problems()
    assert permalinks.read_redirects(path, found) == {}
    assert [str(p) for p in found.sorted()] == [
        f"redirects.yml:1:1: {address}: '{address}' is not a page address such as positions/egy-2020-02-13-platform/ "
        "(lower-case letters, digits and hyphens between slashes; no leading slash, no language folder, ending with /)"
    ]


def test_generated_files_are_checked_where_they_are_written(tmp_path, outside):
    docs = tmp_path / "docs"
    docs.mkdir()
    for rel in ("../outside/x/index.html", "/etc/x", "a/../../outside/y"):
        with pytest.raises(OutsideRoot):
            sync_generated(docs, {rel: "page"})
    # A folder of docs/ that is a link elsewhere is not written through.
    (docs / "positions").symlink_to(outside, target_is_directory=True)
    with pytest.raises(OutsideRoot):
        sync_generated(docs, {"positions/x/index.md": "page"})
    assert sorted(p.name for p in outside.iterdir()) == ["shadow"]
    assert inside(docs, "a/b.md") == docs / "a" / "b.md"


def test_a_manifest_line_leading_elsewhere_never_deletes_a_file(tmp_path, outside):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / ".generated").write_text("../outside/shadow\n", encoding="utf-8")
    sync_generated(docs, {"a.md": "page"})
    assert (outside / "shadow").read_text(encoding="utf-8") == SECRET
    assert os.path.exists(docs / "a.md")
