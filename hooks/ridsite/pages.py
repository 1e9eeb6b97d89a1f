"""Records → pages: plain functions that return each page's title and HTML body for one language.

No MkDocs object is used here. HTML comes from the Jinja templates in ``templates/`` with
autoescaping on, so record text is always literal text on the page: it can never become
markup, script or template syntax.
"""

from __future__ import annotations

import importlib
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import jinja2

from . import slugs
from .corpus import Corpus, Paragraph
from .languages import BY_CODE, CODES
from .text import Interface, Localised, pick

TEMPLATES = Path(__file__).parent / "templates"


@dataclass
class Page:
    url: str  # directory URL relative to the language root, e.g. "actors/egy/"
    lang: str
    title: str  # plain text; escaped when written
    body: str  # HTML
    kind: str
    description: str = ""
    record_id: str = ""
    meta: dict = field(default_factory=dict)

    @property
    def source_path(self) -> str:
        """The Markdown file this page is written to (mkdocs-static-i18n suffix layout)."""
        base = self.url.rstrip("/") or "index"
        if self.url.endswith("/") and self.kind.endswith("-index"):
            base = self.url + "index"
        suffix = "" if self.lang == CODES[0] else f".{self.lang}"
        return f"{base}{suffix}.md"


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    return env


ENV = _environment()


class Site:
    """Everything a template needs for one language, with helpers that keep links relative."""

    def __init__(self, corpus: Corpus, lang: str, site_url: str = ""):
        self.c = corpus
        self.lang = lang
        self.t = Interface(corpus.interface, lang)
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""
        self.rtl = BY_CODE[lang].rtl

    # -- text ----------------------------------------------------------------------------
    def pick(self, mapping: dict) -> Localised:
        return pick(mapping, self.lang)

    def actor_name(self, actor_id: str) -> str:
        return self.pick(self.c.actors[actor_id]["name"]).text

    def actor_name_lang(self, actor_id: str) -> str:
        return self.pick(self.c.actors[actor_id]["name"]).lang

    def doc_label(self, doc_id: str) -> str:
        doc = self.c.documents[doc_id]
        return doc.get("symbol") or self.pick(doc.get("short_title", {"en": doc["title"]})).text

    def doc_short(self, doc_id: str) -> Localised:
        doc = self.c.documents[doc_id]
        return self.pick(doc["short_title"]) if "short_title" in doc else Localised(doc["title"], doc["language"], False)

    def pin_label(self, para: Paragraph) -> str:
        if para.numbered:
            return self.t("para.numbered", pin=para.pin)
        return self.t("para.excerpt", pin=para.pin)

    def cite_label(self, doc_id: str, pin: str) -> str:
        para = self.c.paragraphs[(doc_id, pin)]
        return f"{self.doc_label(doc_id)}{self.t('list.separator')}{self.pin_label(para)}"

    def stance_label(self, criterion_id: str, stance_id: str) -> str:
        return self.c.stance(criterion_id, stance_id)["label"][self.lang]

    def label(self, vocabulary: list[dict], value_id: str) -> str:
        return self.c.vocabulary_label(vocabulary, value_id)[self.lang]

    def quote_languages(self, positions) -> str:
        """Names of the languages of these quotes that differ from the page's, for one notice."""
        codes = sorted({self.c.documents[p["source"]["document"]]["language"] for p in positions} - {self.lang})
        return self.t("list.separator").join(self.lang_name(code) for code in codes)

    def lang_name(self, code: str) -> str:
        return self.t(f"language.{code}")

    # -- links ---------------------------------------------------------------------------
    def absolute(self, url: str) -> str:
        """The public URL of a page in this language (for cite= and metadata)."""
        prefix = "" if self.lang == CODES[0] else f"{self.lang}/"
        return f"{self.site_url}{prefix}{url}"

    def paragraph_of(self, source: dict) -> Paragraph:
        return self.c.paragraph(source)


@dataclass
class Renderer:
    corpus: Corpus
    lang: str
    site_url: str = ""

    @cached_property
    def site(self) -> Site:
        return Site(self.corpus, self.lang, self.site_url)

    def page(self, template: str, url: str, kind: str, title: str, record_id: str = "", description: str = "", **context) -> Page:
        site = self.site

        def link(to: str) -> str:
            return slugs.relative(url, to)

        body = ENV.get_template(template).render(
            s=site, c=self.corpus, t=site.t, lang=self.lang, url=url, link=link, slugs=slugs, title=title, **context
        )
        # Blank lines would end Markdown's raw-HTML block early: keep the body one block.
        body = "\n".join(line for line in body.splitlines() if line.strip())
        return Page(url=url, lang=self.lang, title=title, body=body, kind=kind, record_id=record_id, description=description)

    # -- one page per record -------------------------------------------------------------
    def document(self, doc_id: str) -> Page:
        doc = self.corpus.documents[doc_id]
        return self.page(
            "document.html", slugs.document_url(doc_id), "document",
            title=self.site.doc_label(doc_id) + (" — " + self.site.doc_short(doc_id).text if "symbol" in doc and "short_title" in doc else ""),
            record_id=doc_id, doc=doc, paragraphs=self.corpus.paragraphs_by_document[doc_id],
        )

    def paragraph(self, para: Paragraph) -> Page:
        doc = self.corpus.documents[para.document]
        siblings = self.corpus.paragraphs_by_document[para.document]
        i = siblings.index(para)
        return self.page(
            "paragraph.html", para.url, "paragraph",
            title=self.site.cite_label(para.document, para.pin),
            record_id=f"{para.document}/{para.slug}", doc=doc, para=para,
            previous=siblings[i - 1] if i > 0 else None,
            next=siblings[i + 1] if i + 1 < len(siblings) else None,
        )

    def actor(self, actor_id: str) -> Page:
        actor = self.corpus.actors[actor_id]
        return self.page(
            "actor.html", slugs.actor_url(actor_id), "actor",
            title=self.site.actor_name(actor_id), record_id=actor_id, actor=actor,
            positions=self.corpus.positions_of(actor_id), proposals=self.corpus.proposals_of(actor_id),
        )

    def position(self, position_id: str) -> Page:
        pos = self.corpus.positions[position_id]
        names = ", ".join(self.site.actor_name(a) for a in pos["actors"])
        return self.page(
            "position.html", slugs.position_url(position_id), "position",
            title=self.site.t("position.title", actors=names, date=self.site.t.date(pos["date"])),
            record_id=position_id, pos=pos,
        )

    def proposal(self, proposal_id: str) -> Page:
        prop = self.corpus.proposals[proposal_id]
        supporters, opponents = self.corpus.positions_on_proposal(proposal_id)
        return self.page(
            "proposal.html", slugs.proposal_url(proposal_id), "proposal",
            title=self.site.pick(prop["title"]).text, record_id=proposal_id, prop=prop,
            supporters=supporters, opponents=opponents,
        )

    def criterion(self, criterion: dict) -> Page:
        cid = criterion["id"]
        stances = [*criterion["stances"], self.corpus.not_stated]
        by_stance = {
            s["id"]: (
                [p for p in sorted(self.corpus.positions.values(), key=lambda p: (p["date"], p["id"])) if p["stances"].get(cid) == s["id"]],
                [p for p in sorted(self.corpus.proposals.values(), key=lambda p: (p["date"], p["id"])) if p["stances"].get(cid) == s["id"]],
            )
            for s in stances
        }
        return self.page(
            "criterion.html", slugs.criterion_url(cid), "criterion",
            title=criterion["label"][self.lang], record_id=cid, criterion=criterion, stances=stances, by_stance=by_stance,
        )

    def objective(self, objective: dict) -> Page:
        oid = objective["id"]
        positions = [p for p in sorted(self.corpus.positions.values(), key=lambda p: (p["date"], p["id"])) if oid in p.get("objectives", [])]
        return self.page(
            "objective.html", slugs.objective_url(oid), "objective",
            title=objective["label"][self.lang], record_id=oid, objective=objective, positions=positions,
        )

    def event(self, event_id: str) -> Page:
        event = self.corpus.events[event_id]
        positions = [p for p in sorted(self.corpus.positions.values(), key=lambda p: (p["date"], p["id"])) if p.get("event") == event_id]
        return self.page(
            "event.html", slugs.event_url(event_id), "event",
            title=self.site.pick(event["title"]).text, record_id=event_id, event=event, positions=positions,
        )

    # -- one index per kind ----------------------------------------------------------------
    def index(self, section: str) -> Page:
        return self.page(
            f"index-{section}.html", slugs.index_url(section), f"{section}-index",
            title=self.site.t(f"section.{section}"),
        )

    def home_summary(self) -> str:
        """The data-driven block of the home page (counts and entry points)."""
        return self.page("home.html", "", "home", title="").body

    def all_pages(self) -> list[Page]:
        c = self.corpus
        pages = [self.index(section) for section in SECTIONS]
        pages += [self.document(d) for d in sorted(c.documents)]
        pages += [self.paragraph(p) for d in sorted(c.documents) for p in c.paragraphs_by_document[d]]
        pages += [self.actor(a) for a in sorted(c.actors)]
        pages += [self.position(p) for p in sorted(c.positions)]
        pages += [self.proposal(p) for p in sorted(c.proposals)]
        pages += [self.criterion(cr) for cr in c.criteria]
        pages += [self.objective(o) for o in c.objectives]
        pages += [self.event(e) for e in sorted(c.events)]
        for feature in FEATURES:
            module = importlib.import_module(f"{__package__}.{feature}")
            pages += module.pages(self)
        return pages


# Modules that add pages of their own; each has `pages(renderer: Renderer) -> list[Page]`.
FEATURES: tuple[str, ...] = ()

SECTIONS = ("documents", "actors", "positions", "proposals", "criteria", "objectives", "events")


def render_all(corpus: Corpus, languages=CODES, site_url: str = "") -> list[Page]:
    """Every generated page in every language: the whole site's content, from records alone."""
    return [page for lang in languages for page in Renderer(corpus, lang, site_url).all_pages()]


def markdown_file(page: Page) -> str:
    """What MkDocs reads: front matter, then the HTML body as one raw block."""
    from html import escape

    meta = {
        # MkDocs and Material print the title unescaped in places: escape it here, once.
        "title": escape(page.title, quote=True),
        "hide": ["toc"],
        "rid": {"kind": page.kind, "id": page.record_id},
    }
    if page.description:
        meta["description"] = escape(page.description, quote=True)
    front = json.dumps(meta, ensure_ascii=False, sort_keys=True)
    return f"---\n{front}\n---\n\n{page.body}\n"
