"""One rule for addresses (ridsite.model.slugs): where a page of one language is published, which file of
docs/ holds it, and how the pages of a long list are addressed and titled. The rule lives in
slugs.py alone: a copy written anywhere else in the package fails the grep below."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT
from ridsite.model import kinds, slugs
from ridsite.model.languages import CODES
from ridsite.render import matrix_pages as compare
from ridsite.render import pages as pages_module
from ridsite.render import timeline
from ridsite.render.assemble import Renderer, all_pages
from ridsite.render.pages import paged_title, paginate

PACKAGE = ROOT / "hooks"
OTHERS = [code for code in CODES if code != "en"]


# -- the rule ---------------------------------------------------------------------------------
def test_english_is_at_the_root_and_every_other_language_in_its_own_folder():
    assert slugs.language_root("en") == ""
    assert [slugs.language_root(code) for code in OTHERS] == ["fr/", "es/", "ru/", "zh/", "ar/"]
    assert slugs.site_path("positions/egy-1/", "en") == "/positions/egy-1/"
    assert slugs.site_path("positions/egy-1/", "ar") == "/ar/positions/egy-1/"
    assert slugs.site_path("", "fr") == "/fr/"  # the home page
    assert slugs.in_language("compare/", "zh") == "zh/compare/"
    url = slugs.public_url("https://example.org/rid/", "documents/a-70-174/", "es")
    assert url == "https://example.org/rid/es/documents/a-70-174/"
    assert slugs.public_url("https://example.org/", "", "en") == "https://example.org/"


@pytest.mark.parametrize("lang", CODES)
def test_an_address_read_back_gives_the_page_it_was_made_from(lang):
    for url in ("", "positions/egy-1/", "frontier/"):
        assert slugs.without_language(slugs.site_path(url, lang)) == url


def test_an_address_without_a_language_folder_is_left_as_it_is():
    assert slugs.without_language("/fr/positions/x/") == "positions/x/"
    assert slugs.without_language("/positions/x/") == "positions/x/"
    assert slugs.without_language("/frontier/x/") == "frontier/x/"  # 'fr' is a folder, 'frontier' is not
    assert slugs.without_language("/en/x/") == "en/x/"  # English has no folder


def test_a_file_of_one_language_has_its_code_before_the_extension_and_is_published_without_it():
    assert slugs.file_in_language("compare/regular/map.svg", "en") == "compare/regular/map.svg"
    assert slugs.file_in_language("compare/regular/map.svg", "fr") == "compare/regular/map.fr.svg"
    assert slugs.file_in_language("a.b/x.json", "ar") == "a.b/x.ar.json"  # the dot of a folder is not an extension
    with pytest.raises(ValueError, match="no extension"):
        slugs.file_in_language("compare/readme", "fr")
    for code in OTHERS:
        path = slugs.file_in_language("bibliography/rid.bib", code)
        assert slugs.file_language(path) == code
        assert slugs.file_without_language(path) == "bibliography/rid.bib"
    assert slugs.file_language("bibliography/rid.bib") is None
    assert slugs.file_without_language("bibliography/rid.bib") == "bibliography/rid.bib"


@pytest.mark.parametrize(
    "url, lang, index, source",
    [
        ("actors/egy/", "en", False, "actors/egy.md"),
        ("actors/egy/", "fr", False, "actors/egy.fr.md"),
        ("actors/", "ar", True, "actors/index.ar.md"),  # an index keeps its pages in its folder
        ("", "en", False, "index.md"),
        ("", "zh", False, "index.zh.md"),
    ],
)
def test_each_page_is_written_to_the_markdown_file_mkdocs_publishes_at_its_address(url, lang, index, source):
    assert slugs.page_file(url, lang, folder_index=index) == source
    assert slugs.authored_url(source) == url


def test_the_open_data_states_each_kind_of_address_as_the_site_makes_it():
    made = {kind.name: kinds.record_url(kind.name, "x-1") for kind in kinds.KINDS}
    made["paragraph"] = slugs.paragraph_url("a-70-174", "18(i)")
    assert made["event"] == slugs.event_url("x-1") == "events/x-1/"
    assert made["document"] == slugs.document_url("x-1") and made["proposal"] == slugs.proposal_url("x-1")
    values = {"id": "x-1", "document": "a-70-174", "paragraph-slug": "18-i"}
    assert set(kinds.RECORD_ADDRESSES) == set(made)
    for kind, pattern in kinds.RECORD_ADDRESSES.items():
        assert pattern.format(**values) == made[kind], kind


# -- nowhere else -----------------------------------------------------------------------------
LANG = r"(?:lang|code|other|language\.code|[a-z]+\.lang)"
COPIES = {
    "compares a language with the default one": re.compile(
        r"(?:==|!=)\s*(?:DEFAULT|CODES\[0\]|[\"']en[\"'])|\b(?:DEFAULT|CODES\[0\])\s*(?:==|!=)|\bor\s+[\"']en[\"']"
    ),
    "puts a language folder before an address": re.compile(r"\{" + LANG + r"\}/"),
    "puts a language before a file's extension": re.compile(r"(?:[\"'}])\.\{" + LANG + r"\}"),
    "tells a language folder by its place in CODES": re.compile(
        r"^(?!.*\bfor\s+\w+\s+in\s+CODES\[1:\]).*\bin\s+CODES\[1:\]"
    ),
    "joins a language to a folder of the site": re.compile(r"\b(?:staging|site|site_dir)\s*/\s*" + LANG + r"\b"),
}
# Lines that look like the rule and are not this site's addresses.
NOT_OURS = {
    ("ridsite/render/cite.py", "UN_DOCUMENT_SYSTEM}{lang}/"),  # the UN's own address of a document
    ("ridsite/records/scaffold.py", 'if language != "en"'),  # a document's language, in a message written in English
}


def copies_of_the_rule(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root).as_posix()
        if rel == "ridsite/model/slugs.py" or "/vendor/" in rel:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if any(rel == where and text in line for where, text in NOT_OURS):
                continue
            found += [f"hooks/{rel}:{n}: {what}: {line.strip()}" for what, rule in COPIES.items() if rule.search(line)]
    return found


def test_no_module_but_slugs_writes_the_language_rule():
    assert copies_of_the_rule(PACKAGE) == [], "use ridsite.model.slugs (language_root, in_language, file_in_language …)"


def test_the_grep_finds_each_way_the_rule_was_written_before(tmp_path):
    # The copies the package had, one per line: each must be found.
    old = [
        'prefix = "" if lang == DEFAULT else f"{lang}/"',
        'suffix = "" if self.lang == CODES[0] else f".{self.lang}"',
        'return not (docs / f"{rel[:-3]}.{lang}.md").exists()',
        "root = staging if lang == DEFAULT else staging / lang",
        "return rest if first in CODES[1:] else path",
        'return (i18n.current_language if i18n is not None else None) or "en"',
        '"root": f"{root}{language.code}/"',
    ]
    (tmp_path / "ridsite").mkdir()
    (tmp_path / "ridsite" / "feature.py").write_text("\n".join(old) + "\n", encoding="utf-8")
    assert {int(f.split(":")[1]) for f in copies_of_the_rule(tmp_path)} == set(range(1, len(old) + 1))


# -- the pages of a long list -----------------------------------------------------------------
def test_the_pages_of_a_long_list_are_its_address_then_page_n():
    assert slugs.list_page_url("positions/", 1) == "positions/"
    assert slugs.list_page_url("positions/", 3) == "positions/page/3/"


def test_a_list_on_one_page_has_its_plain_title_and_a_longer_one_numbers_every_page():
    assert paged_title("Positions", {"number": 1, "count": 1}) == "Positions"
    assert [paged_title("Positions", p) for _, p in paginate("positions/", list(range(5)), 2)] == [
        "Positions (1/3)",
        "Positions (2/3)",
        "Positions (3/3)",
    ]


def test_every_paged_list_of_the_site_numbers_all_its_pages_alike(corpus, monkeypatch):
    # Short pages, so that every kind of list the site pages runs over several.
    for module, name in ((pages_module, "PAGE_SIZE"), (compare, "ROWS_PER_PAGE"), (timeline, "PAGE_SIZE")):
        monkeypatch.setattr(module, name, 3)
    monkeypatch.setattr(pages_module, "INLINE_LIMIT", 2)
    pages = {p.url: p for p in all_pages(Renderer(corpus, "en"))}
    paged_kinds = set()
    for url, page in pages.items():
        match = re.fullmatch(r"(.*/)page/(\d+)/", url)
        if not match or match[2] != "2":
            continue
        base = match[1]
        count = sum(1 for u in pages if re.fullmatch(re.escape(base) + r"page/\d+/", u)) + 1
        title = re.sub(r" \(2/\d+\)$", "", page.title)
        for n in range(1, count + 1):
            assert pages[slugs.list_page_url(base, n)].title == f"{title} ({n}/{count})", base
        paged_kinds.add(pages[base].kind)
    assert {
        "stance",
        "objective",
        "positions-index",
        "bibliography-index",
        "compare-proposals",
        "compare-scorecard",
        "compare-timeline",
    } <= paged_kinds
