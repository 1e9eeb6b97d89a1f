"""Valid HTML: the Nu Html Checker (npm vnu-jar, pinned in tests/package.json; Java is on the
machine) over every page of the built site, in every language.

Every error fails the test, and so does every warning, except the few listed in ACCEPTED below,
each with its owner and why it is accepted. The full report is kept in test-artifacts/vnu.json.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

from .conftest import ARTIFACTS, NODE_MODULES, SETUP_HINT, need


@dataclass(frozen=True)
class Accepted:
    kind: str  # "error" or "warning"
    message: str  # regular expression on the checker's message
    extract: str  # regular expression on the markup it quotes
    owner: str
    why: str
    # The checker's guess of a page's language from its words is not the same on every run: such
    # a message may be absent, and then is not stale.
    guessed: bool = False

    def matches(self, msg: dict) -> bool:
        return (
            kind_of(msg) == self.kind
            and re.search(self.message, msg.get("message", "")) is not None
            and re.search(self.extract, msg.get("extract", "")) is not None
        )


ACCEPTED = (
    Accepted(
        "warning",
        r"^This document appears to be written in (Catalan|English|Spanish|French|Romanian|Italian)",
        r'<html lang="(zh|ar|ru)"',
        owner="project (the bibliography's entries)",
        why="The bibliography page of a language lists every work in the language it was published in "
        "(English, French …), each entry marked with its own lang; the checker guesses the page's "
        "language from its words, differently from run to run, and the page's words are mostly those titles.",
        guessed=True,
    ),
    Accepted(
        "error",
        r"^Attribute “autocomplete” is only allowed when the input type is",
        r'data-md-toggle="(drawer|search)"',
        owner="theme (Material's base.html)",
        why='Material puts autocomplete="off" on its two hidden checkboxes that open the menu and the '
        "search, so that Firefox does not restore them as open on reload. The attribute has no other "
        "effect; removing it means replacing the theme's base.html.",
    ),
    Accepted(
        "warning",
        r"^This document appears to be written in Arabic\. Consider adding “dir=\"rtl\"” to the “html” start tag",
        r".",
        owner="theme (Material's base.html)",
        why='Material writes dir="rtl" on <body>, not <html>: every element a reader sees inherits it '
        "(tests/browser/test_reading.py checks the layout); only <head> is outside.",
    ),
    Accepted(
        "warning",
        r"^Article lacks heading",
        r'<article class="rid-position"',
        owner="project (templates/_macros.html position_entry)",
        why="Each position in a list is an <article> opened by a line of actors, date and link, not a "
        "heading: a criterion page lists dozens of them, and as headings they would bury the page's "
        "outline. An article without a heading is still exposed and navigable as an article.",
    ),
)


def kind_of(msg: dict) -> str:
    if msg.get("type") == "error":
        return "error"
    if msg.get("type") == "info" and msg.get("subType") == "warning":
        return "warning"
    return "info"


@pytest.fixture(scope="module")
def checked(site_dir: Path):
    """(pages checked, messages) of one run of the checker over the whole site."""
    jar = need(NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar", "the Nu Html Checker (npm vnu-jar)")
    java = shutil.which("java") or pytest.fail(f"java not found: {SETUP_HINT}", pytrace=False)
    pages = sorted(site_dir.rglob("*.html"))
    result = subprocess.run(
        # --verbose: the checker names each file it reads on stdout (the test below compares them).
        [
            java,
            "-Xss2m",
            "-jar",
            str(jar),
            "--format",
            "json",
            "--exit-zero-always",
            "--skip-non-html",
            "--verbose",
            str(site_dir),
        ],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    report = json.loads(result.stderr)  # vnu writes its JSON report to stderr
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "vnu.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    read = sorted(Path(line) for line in result.stdout.splitlines() if line.strip())
    # --verbose also notes each file it passed over (stylesheets, scripts): not a page, not a finding.
    messages = [m for m in report["messages"] if not m.get("message", "").startswith("File was not checked.")]
    return pages, read, messages


def unaccepted(messages: list[dict], kind: str, site_dir: Path) -> list[str]:
    """Messages of this kind that nothing in ACCEPTED explains, grouped by message, with where."""
    grouped: dict[str, list[str]] = defaultdict(list)
    for msg in messages:
        if kind_of(msg) == kind and not any(a.matches(msg) for a in ACCEPTED):
            where = msg.get("url", "").removeprefix("file:").removeprefix(str(site_dir) + "/")
            grouped[msg["message"]].append(f"{where}:{msg.get('lastLine', '?')} {msg.get('extract', '').strip()!r}")
    return [
        f"{message}\n    "
        + "\n    ".join(places[:5])
        + (f"\n    … and {len(places) - 5} more" if len(places) > 5 else "")
        for message, places in grouped.items()
    ]


def test_the_checker_read_every_page(checked, site_dir):
    pages, read, messages = checked
    assert len(pages) > 100
    assert read == pages  # every HTML file of the published site, and nothing else
    # A page the checker could not read at all shows up as a "non-document-error".
    assert [m for m in messages if m.get("type") == "non-document-error"] == []


def test_no_html_error(checked, site_dir):
    _, _, messages = checked
    errors = unaccepted(messages, "error", site_dir)
    assert errors == [], f"{len(errors)} kind(s) of HTML error:\n" + "\n".join(errors)


def test_no_html_warning_but_the_accepted_ones(checked, site_dir):
    _, _, messages = checked
    warnings = unaccepted(messages, "warning", site_dir)
    assert warnings == [], f"{len(warnings)} kind(s) of HTML warning:\n" + "\n".join(warnings)


def test_each_accepted_message_still_occurs(checked):
    """An exception that no longer matches anything is stale: drop it rather than keep it."""
    _, _, messages = checked
    stale = [a.message for a in ACCEPTED if not a.guessed and not any(a.matches(m) for m in messages)]
    assert stale == []
