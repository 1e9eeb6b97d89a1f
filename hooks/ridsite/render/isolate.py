"""Labels as HTML, with each run in another language or direction isolated (issue 17, item 3).

A label such as «A/RES/73/27 — القرار 73/27 (2018)» or «الورقة المفاهيمية …، "Taking into account
demand of the …"» joins record text in one language with the page's words in another. Left to the
browser's bidi rules, the neutral characters at a boundary (quotes, an ellipsis, brackets) take the
wrong side: "(2018)" jumps to the start, the ellipsis lands before the English words, and a
leading symbol turns a whole Arabic label left to right. So here every piece that is not in the
page's language (an English heading, first words, a short title that fell back to English) is
wrapped in its own element with its language and direction, a symbol or pinpoint is a left-to-right
isolate, and the label as a whole is an isolate in the page's direction.

Plain-text labels (page titles, aria-labels, JSON for scripts) stay in pages.Site: an isolate there
would need bidi control characters, which issue 16 keeps out of titles.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from ..model.corpus import Paragraph
from ..model.languages import is_rtl


def direction(lang: str) -> str:
    return "rtl" if is_rtl(lang) else "ltr"


def run(s, text: str, lang: str | None) -> Markup:
    """Text as it sits in a label of the page: lang=None for a symbol or pinpoint (A/70/174, 18(i)),
    left to right in any language. A run that could reorder what is around it gets its own element:
    on a right-to-left page, anything Latin; on a left-to-right page, right-to-left text."""
    if lang is None:
        return Markup('<bdi dir="ltr">{}</bdi>').format(text) if s.rtl else escape(text)
    if lang == s.lang or not (s.rtl or is_rtl(lang)):
        return escape(text)
    return Markup('<span lang="{}" dir="{}">{}</span>').format(lang, direction(lang), text)


def whole(s, inner: Markup) -> Markup:
    """The label isolated from the text around it, in the page's direction (never guessed from its
    first letter, which in «A/70/174، الفقرة 18» is Latin)."""
    if s.rtl:
        return Markup('<bdi dir="rtl">{}</bdi>').format(inner)
    return Markup("<bdi>{}</bdi>").format(inner)


def doc(s, doc_id: str) -> Markup:
    """The document as pages.Site.doc_label names it: its symbol, else its short title."""
    document = s.c.documents[doc_id]
    if document.get("symbol"):
        return run(s, document["symbol"], None)
    short = s.pick(document.get("short_title", {"en": document["title"]}))
    return run(s, short.text, short.lang)


def passage(s, para: Paragraph, words: int = 6) -> Markup:
    """The passage as pages.Site.passage_label names it, its words marked with their language."""
    if para.numbered:
        return s.t.html("para.numbered", pin=run(s, para.pin, None))
    lang = s.c.documents[para.document]["language"]
    if para.heading:
        return run(s, para.heading, lang)
    first = para.text.split()
    opening = " ".join(first[:words]) + (" …" if len(first) > words else "")
    return s.t.html("para.opening", words=run(s, opening, lang))


def _joined(s, doc_id: str, para: Paragraph) -> Markup:
    return whole(s, doc(s, doc_id) + s.t("list.separator") + passage(s, para))


def cite(s, doc_id: str, pin: str) -> Markup:
    """pages.Site.cite_label as HTML: «A/70/174, para 18»."""
    return _joined(s, doc_id, s.c.paragraphs[(doc_id, pin)])


def source(s, src: dict) -> Markup:
    """pages.Site.source_label as HTML."""
    return _joined(s, src["document"], s.paragraph_of(src))


def source_short(s, src: dict) -> Markup:
    """pages.Site.source_short as HTML: the symbol and pinpoint, or the passage alone."""
    if s.c.documents[src["document"]].get("symbol"):
        return source(s, src)
    return whole(s, passage(s, s.paragraph_of(src)))


def document(s, doc_id: str) -> Markup:
    """pages.Site.doc_label as HTML, isolated."""
    return whole(s, doc(s, doc_id))


def passage_link(s, para: Paragraph) -> Markup:
    """pages.Site.passage_label as HTML, isolated (a pager's or a list's link text)."""
    return whole(s, passage(s, para))
