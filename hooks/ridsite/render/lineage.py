"""Lineage of agreed language: each recorded `derived_from` pair side by side, with a word-level diff.

A paragraph that repeats or adapts earlier agreed text records it as `derived_from`; this module
makes one page per such pair, compare/lineage/<document>/<paragraph>/ (the later paragraph's own
address under compare/lineage/), and an index of all pairs. A feature module (see assemble.FEATURES).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from ..model import dates
from ..model.corpus import Corpus, Paragraph
from .pages import Page, Renderer, render

INDEX_URL = "compare/lineage/"

# Words (with inner apostrophes and hyphens), single punctuation marks, and runs of space.
_TOKEN = re.compile(r"\w+(?:['’-]\w+)*|[^\w\s]|\s+")


def lineage_url(para: Paragraph) -> str:
    """The page comparing this paragraph with the earlier text it derives from."""
    return f"{INDEX_URL}{para.document}/{para.slug}/"


@dataclass(frozen=True)
class Pair:
    earlier: Paragraph
    later: Paragraph
    note: dict | None  # the site's words on how the two relate, by language


def pairs(corpus: Corpus) -> list[Pair]:
    """Every recorded derivation, in the later document's order."""
    out = []
    for doc_id in sorted(corpus.documents, key=lambda d: (dates.sort_key(corpus.documents[d]["date"]), d)):
        for para in corpus.paragraphs_by_document[doc_id]:
            if para.derived_from:
                earlier = corpus.paragraphs[(para.derived_from["document"], para.derived_from["paragraph"])]
                out.append(Pair(earlier, para, para.derived_from.get("note")))
    return out


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


@dataclass(frozen=True)
class Segment:
    op: str  # "same", "removed" (only in the earlier text) or "added" (only in the later text)
    text: str


@dataclass(frozen=True)
class Diff:
    earlier: tuple[Segment, ...]  # the earlier text, with what the later one dropped marked
    later: tuple[Segment, ...]  # the later text, with what it added marked
    same_words: int
    earlier_words: int
    later_words: int

    @property
    def share_kept(self) -> float:
        """The share of the earlier text's words found unchanged, in order, in the later one."""
        return self.same_words / self.earlier_words if self.earlier_words else 1.0


def _is_word(token: str) -> bool:
    return not token.isspace()


def word_diff(earlier: str, later: str) -> Diff:
    """A word-level difference. Spacing and line breaks never count as a change."""
    a, b = tokens(earlier), tokens(later)
    # Compare on words and punctuation only, then put the spaces back where they were.
    a_words = [i for i, tok in enumerate(a) if _is_word(tok)]
    b_words = [i for i, tok in enumerate(b) if _is_word(tok)]
    matcher = difflib.SequenceMatcher(None, [a[i] for i in a_words], [b[i] for i in b_words], autojunk=False)
    a_ops: list[str] = ["same"] * len(a)
    b_ops: list[str] = ["same"] * len(b)
    same = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            same += sum(1 for i in a_words[i1:i2] if re.match(r"\w", a[i]))
            continue
        for i in a_words[i1:i2]:
            a_ops[i] = "removed"
        for j in b_words[j1:j2]:
            b_ops[j] = "added"
    return Diff(
        _segments(a, a_ops),
        _segments(b, b_ops),
        same,
        sum(1 for t in a if re.match(r"\w", t)),
        sum(1 for t in b if re.match(r"\w", t)),
    )


def _segments(toks: list[str], ops: list[str]) -> tuple[Segment, ...]:
    """Join neighbouring tokens of the same kind; a space between two changed words joins them."""
    for i in range(1, len(toks) - 1):
        if toks[i].isspace() and ops[i - 1] == ops[i + 1] != "same":
            ops[i] = ops[i - 1]
    out: list[Segment] = []
    for tok, op in zip(toks, ops):
        tok = " " if tok.isspace() else tok
        if out and out[-1].op == op:
            out[-1] = Segment(op, out[-1].text + tok)
        else:
            out.append(Segment(op, tok))
    return tuple(out)


def pair_page(renderer: Renderer, pair: Pair) -> Page:
    site = renderer.site
    diff = word_diff(pair.earlier.text, pair.later.text)
    title = site.t(
        "lineage.title",
        earlier=site.cite_label(pair.earlier.document, pair.earlier.pin),
        later=site.cite_label(pair.later.document, pair.later.pin),
    )
    return render(
        renderer,
        "compare-lineage.html",
        lineage_url(pair.later),
        "compare-lineage",
        title=title,
        record_id=f"{pair.later.document}/{pair.later.slug}",
        pair=pair,
        diff=diff,
        kept=round(100 * diff.share_kept),
    )


def index_page(renderer: Renderer, all_pairs: list[Pair]) -> Page:
    return render(
        renderer,
        "compare-lineage-index.html",
        INDEX_URL,
        "compare-lineage-index",
        title=renderer.site.t("lineage.heading"),
        pairs=all_pairs,
        diffs={p.later: word_diff(p.earlier.text, p.later.text) for p in all_pairs},
        url_of=lineage_url,
    )


def pages(renderer: Renderer) -> list[Page]:
    all_pairs = pairs(renderer.corpus)
    return [index_page(renderer, all_pairs)] + [pair_page(renderer, p) for p in all_pairs]
