"""The glossary (terminology/glossary.yml) is kept: every text in a language uses its terms and
none of the forms it forbids (issue 15).

Texts are what a reader sees in that language: the interface (data/interface.yml), the
vocabularies (criteria, stances, objectives, groups, kinds) and the titles and summaries of the
positions and proposals. A concept applies to a text when the English of the same text names it.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from ridsite.model.languages import CODES

ROOT = Path(__file__).resolve().parent.parent
GLOSSARY = yaml.safe_load((ROOT / "terminology" / "glossary.yml").read_text(encoding="utf-8"))["concepts"]
OTHERS = [lang for lang in CODES if lang != "en"]
# A text's scope → the wider scopes a rule may name for it.
SCOPES = {"interface-text": ("interface",), "vocabularies": ("interface",)}


def _vocabulary_texts(corpus):
    """(where, {lang: text}) of every translated field of the vocabularies."""

    def walk(node, where):
        if isinstance(node, dict):
            if "en" in node and all(isinstance(v, str) for v in node.values()):
                yield where, node
                return
            for key, value in node.items():
                yield from walk(value, f"{where}.{key}")
        elif isinstance(node, list):
            for item in node:
                label = item.get("id", "?") if isinstance(item, dict) else "?"
                yield from walk(item, f"{where}[{label}]")

    yield from walk(corpus.criteria, "criteria")
    yield from walk(corpus.objectives, "objectives")
    yield from walk(corpus.regional_groups, "regional-groups")
    yield from walk([corpus.not_stated], "not-stated")


def texts(corpus) -> list[tuple[str, str, dict]]:
    """(scope, where, {lang: text}) for everything the glossary governs."""
    out = [("interface-text", f"interface.yml: {key}", value) for key, value in corpus.interface.items()]
    out += [("vocabularies", f"vocabularies: {where}", value) for where, value in _vocabulary_texts(corpus)]
    for kind, records in (("positions", corpus.positions), ("proposals", corpus.proposals)):
        for rid, record in records.items():
            for field in ("title", "summary"):
                if isinstance(record.get(field), dict):
                    out.append(("records", f"{kind}/{rid}: {field}", record[field]))
    return out


def violations(corpus, glossary=GLOSSARY) -> list[str]:
    found = []
    for scope, where, text in texts(corpus):
        for concept in glossary:
            if concept.get("scope", "all") not in ("all", scope, *SCOPES.get(scope, ())):
                continue
            # A placeholder's name ({stance}) is not a word the reader sees: what fills it is checked
            # where it is written.
            names_it = re.search(concept["en"], re.sub(r"\{[^{}]*\}", "", text.get("en", "")))
            for lang in OTHERS:
                rule, translated = concept.get(lang), text.get(lang)
                if not rule or translated is None:
                    continue
                for pattern in rule.get("forbid", []):
                    if m := re.search(pattern, translated):
                        found.append(f"{where} [{lang}]: '{m.group(0)}' is forbidden; write {rule['term']}")
                if names_it and not re.search(rule.get("match", re.escape(rule["term"])), translated):
                    found.append(f"{where} [{lang}]: says '{names_it.group(0)}' in English but not '{rule['term']}'")
    return found


def test_every_term_has_its_source():
    for concept in GLOSSARY:
        for lang in OTHERS:
            if lang in concept:
                rule = concept[lang]
                assert rule.get("term") and rule.get("source"), f"{concept['id']} [{lang}] needs a term and its source"
                for pattern in [rule.get("match", ""), *rule.get("forbid", [])]:
                    re.compile(pattern)


def test_interface_vocabularies_and_summaries_use_the_glossary(corpus):
    problems = violations(corpus)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("lang", "bad", "expected"),
    [
        ("zh", "非国家行为体以协商方式参与", "'协商' is forbidden"),
        ("ar", "منظمة مستقلة تحت رعاية الأمم المتحدة", "'منظمة مستقلة' is forbidden"),
        ("fr", "Renouvelé par mandat", "is forbidden"),
        ("ru", "Все позиции с этой позицией", "is forbidden"),
    ],
)
def test_a_forbidden_form_is_reported(corpus, monkeypatch, lang, bad, expected):
    """The check can fail: a text carrying a form the glossary forbids is named, with its place."""
    key = "label.stance"
    patched = dict(corpus.interface)
    patched[key] = dict(patched[key], **{lang: bad})
    monkeypatch.setattr(corpus, "interface", patched)
    problems = [p for p in violations(corpus) if p.startswith(f"interface.yml: {key} [{lang}]")]
    assert any(expected in p for p in problems), problems


def test_a_missing_term_is_reported(corpus, monkeypatch):
    """A text whose English names a concept must use the language's term: 'consensus' alone in the
    Chinese of a text on consultative participation is reported."""
    key = "label.stance"
    patched = dict(corpus.interface)
    patched[key] = dict(patched[key], en="Consultative stance", zh="协商一致")
    monkeypatch.setattr(corpus, "interface", patched)
    problems = [p for p in violations(corpus) if p.startswith(f"interface.yml: {key} [zh]")]
    assert any("not '咨询'" in p for p in problems), problems
