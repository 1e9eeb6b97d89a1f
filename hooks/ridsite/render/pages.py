"""Records → pages: plain functions that return each page's title and HTML body for one language.

No MkDocs object is used here. HTML comes from the Jinja templates in ``templates/`` with
autoescaping on, so record text is always literal text on the page: it can never become
markup, script or template syntax.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import jinja2
from markupsafe import Markup

from ..model import dates, slugs
from ..model.corpus import Corpus, Paragraph
from ..model.kinds import BY_NAME, KINDS
from ..model.languages import BY_CODE
from ..model.text import Interface, Localised, pick
from . import coverage, isolate

TEMPLATES = Path(__file__).parents[1] / "templates"
# A block element's end followed at once by another tag. Text on either side would be read as one
# word by a search index ("<dd>A/70/174</dd><dt>Type" → "A/70/174Type"): a line break goes between
# them, which changes no layout (tables, lists and flex rows ignore it).
BLOCK_END = re.compile(
    r"(</(?:address|article|aside|blockquote|caption|dd|details|div|dl|dt|figcaption|figure|footer"
    r"|h[1-6]|header|li|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|tr|ul)>)(?=<)"
)


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
        return slugs.page_file(self.url, self.lang, folder_index=self.kind.endswith("-index"))


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


def _no_features(name: str):
    """Templates reach a feature module as {{ feature('cite').paragraph_block(site, para) }}; the
    feature modules import this one, so assemble.py, above both, installs the real lookup."""
    raise LookupError(f"feature('{name}'): the feature modules are installed by ridsite.render.assemble; import it")


ENV.globals["feature"] = _no_features


def _timetag(value: str, text: str) -> Markup:
    """A date as the reader reads it, machine-readable only when it is one: a bound ("not before
    2022-12", shown "December 2022 or later") gets no datetime it does not have."""
    if not dates.split(str(value))[0]:  # an exact date, not a bound
        return Markup('<time datetime="{}">{}</time>').format(value, text)
    return Markup('<span class="rid-date rid-date--bound">{}</span>').format(text)


ENV.globals["timetag"] = _timetag
# What a comparison's counts rest on (templates/_coverage.html): plain data, no feature pages.
ENV.globals["coverage"] = coverage
# Labels as HTML with their runs in other languages isolated (isolate.py).
ENV.globals["isolate"] = isolate


def prepare(corpus: Corpus) -> None:
    """What every language's rendering shares, done once: `rid build` calls it before forking
    its language jobs, which would otherwise each compile the templates, index the records and
    project the world map again."""
    from . import worldmap

    for name in ENV.list_templates():
        ENV.get_template(name)
    corpus.build_indexes()
    worldmap.world_map()


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
        return (
            self.pick(doc["short_title"]) if "short_title" in doc else Localised(doc["title"], doc["language"], False)
        )

    def pin_label(self, para: Paragraph) -> str:
        if para.numbered:
            return self.t("para.numbered", pin=para.pin)
        return self.t("para.excerpt", pin=para.pin)

    def passage_label(self, para: Paragraph, words: int = 6) -> str:
        """A link text a person would write: "para. 18", or for a passage with no number of its own
        its heading, or its first words ("“Moreover, Russia, supported by China, …”"), never the
        site's internal id."""
        if para.numbered:
            return self.pin_label(para)
        if para.heading:
            return para.heading
        first = para.text.split()
        opening = " ".join(first[:words]) + (" …" if len(first) > words else "")
        return self.t("para.opening", words=opening)

    def source_short(self, source: dict) -> str:
        """A symbol and pinpoint (A/70/174, para 18), or, for a source with no symbol, its passage as
        a reader would name it (its heading or first words)."""
        if self.c.documents[source["document"]].get("symbol"):
            return self.cite_label(source["document"], source["paragraph"])
        return self.passage_label(self.paragraph_of(source))

    def source_label(self, source: dict) -> str:
        """A source as a link text: the document's symbol or short title, and the passage by its
        number, heading or first words."""
        passage = self.passage_label(self.paragraph_of(source))
        return f"{self.doc_label(source['document'])}{self.t('list.separator')}{passage}"

    def cite_label(self, doc_id: str, pin: str) -> str:
        """The document and the passage as a person names them (titles, headings, link texts);
        a citation's pinpoint (model/references.py) keeps the excerpt's stable id."""
        para = self.c.paragraphs[(doc_id, pin)]
        return f"{self.doc_label(doc_id)}{self.t('list.separator')}{self.passage_label(para)}"

    def stance_label(self, criterion_id: str, stance_id: str) -> str:
        return self.c.stance(criterion_id, stance_id)["label"][self.lang]

    def label(self, vocabulary: list[dict], value_id: str) -> str:
        return self.c.vocabulary_label(vocabulary, value_id)[self.lang]

    def shared_quotes(self, positions) -> list[list[dict]]:
        """Positions grouped by the words they quote: where one sentence names several actors, each
        has a position quoting it, and a list of them shows that sentence once, with every actor
        it names (in the order they come)."""
        groups: dict[tuple, list[dict]] = {}
        for pos in positions:
            key = (pos["source"]["document"], pos["source"]["paragraph"], pos["quote"], pos["date"])
            groups.setdefault(key, []).append(pos)
        return list(groups.values())

    def quote_languages(self, positions) -> str:
        """Names of the languages of these quotes that differ from the page's, for one notice."""
        codes = sorted({self.c.documents[p["source"]["document"]]["language"] for p in positions} - {self.lang})
        return self.t("list.separator").join(self.lang_name(code) for code in codes)

    def lang_name(self, code: str) -> str:
        return self.t(f"language.{code}")

    # -- links ---------------------------------------------------------------------------
    def absolute(self, url: str) -> str:
        """The public URL of a page in this language (for cite= and metadata)."""
        return slugs.public_url(self.site_url, url, self.lang)

    def paragraph_of(self, source: dict) -> Paragraph:
        return self.c.paragraph(source)


@dataclass
class Renderer:
    corpus: Corpus
    lang: str
    site_url: str = ""
    # Which search the site has: "material" (mkdocs serve/build) or "pagefind" (rid build).
    search: str = "material"

    @cached_property
    def site(self) -> Site:
        return Site(self.corpus, self.lang, self.site_url)

    def page(
        self, template: str, url: str, kind: str, title: str, record_id: str = "", description: str = "", **context
    ) -> Page:
        site = self.site

        def link(to: str) -> str:
            return slugs.relative(url, to)

        body = ENV.get_template(template).render(
            site=site,
            corpus=self.corpus,
            interface=site.t,
            lang=self.lang,
            url=url,
            link=link,
            slugs=slugs,
            title=title,
            **context,
        )
        # Blank lines would end Markdown's raw-HTML block early: keep the body one block.
        body = "\n".join(line for line in body.splitlines() if line.strip())
        body = BLOCK_END.sub("\\1\n", body)
        return Page(
            url=url, lang=self.lang, title=title, body=body, kind=kind, record_id=record_id, description=description
        )

    # -- one page per record -------------------------------------------------------------
    def record(self, kind: str, record_id: str) -> Page:
        """The page of one record of a kind (kinds.py): its template, address, title and context."""
        declared = BY_NAME[kind]
        record = self.corpus.records[kind][record_id]
        return self.page(
            declared.template,
            declared.url(record_id),
            kind,
            title=declared.title(self.site, record),
            record_id=record_id,
            **declared.page_context(self.corpus, record),
        )

    def paragraph(self, para: Paragraph) -> Page:
        doc = self.corpus.documents[para.document]
        siblings = self.corpus.paragraphs_by_document[para.document]
        i = siblings.index(para)
        return self.page(
            "paragraph.html",
            para.url,
            "paragraph",
            title=self.site.cite_label(para.document, para.pin),
            record_id=f"{para.document}/{para.slug}",
            doc=doc,
            para=para,
            previous=siblings[i - 1] if i > 0 else None,
            next=siblings[i + 1] if i + 1 < len(siblings) else None,
        )

    def criterion(self, criterion: dict) -> list[Page]:
        """The criterion page (each stance with its first quotes), and a paginated page per stance
        whose positions are too many to quote on it (keeps every page light at any scale)."""
        cid = criterion["id"]
        stances = [*criterion["stances"], self.corpus.not_stated]
        by_stance = {
            s["id"]: (
                self.corpus.positions_with_stance(cid, s["id"]),
                self.corpus.proposals_with_stance(cid, s["id"]),
            )
            for s in stances
        }
        title = criterion["label"][self.lang]
        # Quotes in full: a share of CRITERION_INLINE per stance (INLINE_LIMIT at most), so that the
        # page holds about as many whatever the number of stances; proposals: PROPOSALS_INLINE per
        # stance, the rest rated on the scorecard's pages. So the page is light at any scale.
        inline_limit = min(INLINE_LIMIT, max(INLINE_MIN, CRITERION_INLINE // len(stances)))
        pages = [
            self.page(
                "criterion.html",
                slugs.criterion_url(cid),
                "criterion",
                title=title,
                record_id=cid,
                criterion=criterion,
                stances=stances,
                by_stance=by_stance,
                inline_limit=inline_limit,
                proposals_limit=PROPOSALS_INLINE,
            )
        ]
        for stance in stances:
            positions = by_stance[stance["id"]][0]
            if len(positions) > inline_limit:
                pages += self.stance_pages(criterion, stance, positions)
        return pages

    def stance_pages(self, criterion: dict, stance: dict, positions: list) -> list[Page]:
        """The paginated pages of a stance's positions on a criterion, linked from the criterion page."""
        title = f"{criterion['label'][self.lang]}: {stance['label'][self.lang]}"
        return [
            self.page(
                "stance.html",
                pager["url"],
                "stance",
                title=paged_title(title, pager),
                criterion=criterion,
                stance=stance,
                positions=chunk,
                pager=pager,
                total=len(positions),
            )
            for chunk, pager in paginate(slugs.stance_url(criterion["id"], stance["id"]), positions, PAGE_SIZE)
        ]

    def objective(self, objective: dict) -> list[Page]:
        oid = objective["id"]
        positions = self.corpus.positions_for_objective(oid)
        title = objective["label"][self.lang]
        return [
            self.page(
                "objective.html",
                pager["url"],
                "objective",
                title=paged_title(title, pager),
                record_id=oid if pager["number"] == 1 else "",
                objective=objective,
                positions=chunk,
                pager=pager,
                total=len(positions),
            )
            for chunk, pager in paginate(slugs.objective_url(oid), positions, PAGE_SIZE)
        ]

    # -- one index per kind ----------------------------------------------------------------
    def index(self, section: str) -> list[Page]:
        """The index of one kind; long lists are split into pages of PAGE_SIZE entries."""
        title = self.site.t(f"section.{section}")
        kind = BY_FOLDER.get(section)
        if kind is None:
            items = VOCABULARY_ITEMS[section](self.corpus)
        else:
            items = kind.listed(self.corpus, self.site) if kind.listed else self.corpus.by_date(kind.name)
        return [
            self.page(
                f"index-{section}.html",
                pager["url"],
                f"{section}-index",
                title=paged_title(title, pager),
                items=chunk,
                pager=pager,
                total=len(items),
            )
            for chunk, pager in paginate(slugs.index_url(section), items, PAGE_SIZE)
        ]

    def home_summary(self) -> str:
        """The data-driven block of the home page (counts and entry points)."""
        return self.page("home.html", "", "home", title="").body

    def record_pages(self) -> list[Page]:
        """The indexes, the page of every record and paragraph, criterion and objective: the site
        but for the feature modules' pages (assemble.all_pages adds them)."""
        c = self.corpus
        pages = [page for section in SECTIONS for page in self.index(section)]
        for kind in KINDS:
            pages += [self.record(kind.name, record_id) for record_id in sorted(c.records[kind.name])]
            if kind.name == "document":  # and a page per paragraph
                pages += [self.paragraph(p) for d in sorted(c.documents) for p in c.paragraphs_by_document[d]]
        pages += [page for cr in c.criteria for page in self.criterion(cr)]
        pages += [page for o in c.objectives for page in self.objective(o)]
        return pages


# A section of the site and its index for each kind of record (kinds.py), and for two vocabularies.
BY_FOLDER = {kind.folder: kind for kind in KINDS}
VOCABULARY_ITEMS = {"criteria": lambda c: c.criteria, "objectives": lambda c: c.objectives}
SECTIONS = (*BY_FOLDER, *VOCABULARY_ITEMS)

# Entries per index page, and positions quoted in full on a criterion page before the rest move
# to the stance's own pages: no page grows with the size of the record.
PAGE_SIZE = 100
INLINE_LIMIT = 30
# On a criterion's page: positions quoted in full, shared among its stances (INLINE_MIN each at
# least), and proposals listed per stance before the rest are left to the scorecard.
CRITERION_INLINE = 80
INLINE_MIN = 5
PROPOSALS_INLINE = 10


def paginate(base_url: str, items: list, size: int):
    """(chunk, pager) for each page: the first at base_url, the next at base_url + 'page/N/'."""
    count = max(1, -(-len(items) // size))
    urls = [slugs.list_page_url(base_url, n) for n in range(1, count + 1)]
    for n in range(1, count + 1):
        pager = {
            "url": urls[n - 1],
            "number": n,
            "count": count,
            "previous": urls[n - 2] if n > 1 else None,
            "next": urls[n] if n < count else None,
            "urls": urls,
        }
        yield items[(n - 1) * size : n * size], pager


def paged_title(title: str, pager: dict) -> str:
    """The title of each page of a list: 'Positions' when one page holds it, else 'Positions (1/3)',
    'Positions (2/3)' …, so that a tab, a bookmark or a search result says which page it is."""
    return title if pager["count"] == 1 else f"{title} ({pager['number']}/{pager['count']})"


# A page that links files every language shares (feature modules' pages).
def asset_linker(lang: str, page_url: str):
    """Links to files every language shares (assets/, data/), which live at the site root only:
    mkdocs-static-i18n does not copy a file without a language suffix under /fr/ …"""
    return lambda path: slugs.relative(slugs.in_language(page_url, lang), path)


def render(renderer: Renderer, template: str, url: str, kind: str, **context) -> Page:
    """renderer.page with `asset` (see asset_linker) in the template's context."""
    return renderer.page(template, url, kind, asset=asset_linker(renderer.lang, url), **context)


def markdown_file(page: Page) -> str:
    """What MkDocs reads: front matter, then the HTML body as one raw block."""
    from html import escape

    meta = {
        # MkDocs and Material print the title unescaped in places: escape it here, once.
        "title": escape(page.title, quote=True),
        "hide": ["toc"],
        # page.meta (from feature modules' annotate) is plain text: templates escape it.
        "rid": {**page.meta, "kind": page.kind, "id": page.record_id},
    }
    if page.description:
        meta["description"] = escape(page.description, quote=True)
    front = json.dumps(meta, ensure_ascii=False, sort_keys=True)
    return f"---\n{front}\n---\n\n{page.body}\n"
