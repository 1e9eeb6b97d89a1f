"""A deterministic, schema-valid synthetic record at k times the size of the real one.

Real records are copied k times under new ids (so texts have real lengths and every quote stays
verbatim), with synthetic States added so that actor pages multiply too. Nothing random: the
same scale always gives the same files.
"""

from __future__ import annotations

import itertools
import json
import shutil
import string
from pathlib import Path

import yaml

from ridsite.model import dates  # run.py and the tests put hooks/ on the path

LANGS = ("en", "fr", "es", "ru", "zh", "ar")
MAX_ACTORS = 200
GROUPS = ("african", "asia-pacific", "eastern-european", "latin-american-caribbean", "weog")


def _dump(path: Path, record: dict, schema: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(f"# yaml-language-server: $schema=../../schemas/{schema}.schema.json\n{text}", encoding="utf-8")


def _load(path: Path) -> dict:
    # ridsite's reader keeps dates as text, exactly as the validator sees them.
    from ridsite.records.yamlfile import load_yaml

    return load_yaml(path.read_bytes()).value


def _synthetic_codes(taken: set[str]):
    for letters in itertools.product(string.ascii_lowercase, repeat=3):
        code = "".join(letters)
        if code not in taken:
            yield code


def _copy_id(record_id: str, j: int) -> str:
    return record_id if j == 0 else f"{record_id}-x{j}"


def generate(real_data: Path, out_data: Path, scale: int) -> dict[str, int]:
    """Write data/ for `scale` times the real record into out_data; returns the counts written."""
    if out_data.exists():
        shutil.rmtree(out_data)
    shutil.copytree(real_data / "vocabularies", out_data / "vocabularies")
    shutil.copy2(real_data / "interface.yml", out_data / "interface.yml")

    docs = {p.stem: _load(p) for p in sorted((real_data / "documents").glob("*.yml"))}
    actors = {p.stem: _load(p) for p in sorted((real_data / "actors").glob("*.yml"))}
    positions = {p.stem: _load(p) for p in sorted((real_data / "positions").rglob("*.yml"))}
    proposals = {p.stem: _load(p) for p in sorted((real_data / "proposals").glob("*.yml"))}
    events = {p.stem: _load(p) for p in sorted((real_data / "events").glob("*.yml"))}

    bib_entries = []
    for j in range(scale):
        for doc_id, doc in docs.items():
            copy = json.loads(json.dumps(doc))
            copy["id"] = _copy_id(doc_id, j)
            if j:
                copy.pop("symbol", None)  # a symbol fixes the id; copies are not UN documents
                copy["title"] = f"{doc['title']} (synthetic copy {j})"
                for para in copy["paragraphs"]:
                    if "derived_from" in para:
                        para["derived_from"]["document"] = _copy_id(para["derived_from"]["document"], j)
            copy["bibtex"] = f"bench-{copy['id']}"
            bib_entries.append(
                f"@misc{{{copy['bibtex']},\n  title = {{{copy['title'].replace('{', '').replace('}', '')}}},\n"
                f"  author = {{{{{doc['body']}}}}},\n  year = {{{dates.year(doc['date'])}}},\n}}\n"
            )
            _dump(out_data / "documents" / f"{copy['id']}.yml", copy, "document")
        for event_id, event in events.items():
            copy = json.loads(json.dumps(event))
            copy["id"] = _copy_id(event_id, j)
            if "source" in copy:
                copy["source"]["document"] = _copy_id(copy["source"]["document"], j)
            _dump(out_data / "events" / f"{copy['id']}.yml", copy, "event")
    (out_data / "bibliography.bib").write_text("\n".join(bib_entries), encoding="utf-8")

    # Actors: the real ones, then synthetic States up to the UN's size (193 Member States and a few
    # others): past that, a larger record means more statements per State, not more States.
    actor_ids = list(actors)
    codes = _synthetic_codes(set(actor_ids))
    for actor_id, actor in actors.items():
        _dump(out_data / "actors" / f"{actor_id}.yml", actor, "actor")
    for n in range(min(len(actors) * (scale - 1), max(0, MAX_ACTORS - len(actors)))):
        code = next(codes)
        actor = {
            "id": code,
            "kind": "state",
            "iso3": code.upper(),
            "name": {lang: f"State {code.upper()}" for lang in LANGS},
            "regional_group": GROUPS[n % len(GROUPS)],
        }
        actor_ids.append(code)
        _dump(out_data / "actors" / f"{code}.yml", actor, "actor")

    # Positions and proposals: copies pointing at the copied documents and at other actors.
    real_actor_count = len(actors)
    for j in range(scale):

        def actor_of(actor_id: str, j: int = j) -> str:
            index = list(actors).index(actor_id) if actor_id in actors else 0
            return actor_ids[(j * real_actor_count + index) % len(actor_ids)]

        for prop_id, prop in proposals.items():
            copy = json.loads(json.dumps(prop))
            copy["id"] = _copy_id(prop_id, j)
            copy["proponents"] = [actor_of(a) for a in prop["proponents"]]
            if "cosponsors" in copy:
                copy["cosponsors"] = [actor_of(a) for a in prop["cosponsors"]]
            for src in [copy["source"], *copy.get("also_sources", [])]:
                src["document"] = _copy_id(src["document"], j)
            _dump(out_data / "proposals" / f"{copy['id']}.yml", copy, "proposal")
        for pos_id, pos in positions.items():
            copy = json.loads(json.dumps(pos))
            copy["id"] = _copy_id(pos_id, j)
            copy["actors"] = [actor_of(a) for a in pos["actors"]]
            copy["source"]["document"] = _copy_id(copy["source"]["document"], j)
            if "event" in copy:
                copy["event"] = _copy_id(copy["event"], j)
            for field in ("supports", "opposes"):
                if field in copy:
                    copy[field] = [_copy_id(p, j) for p in copy[field]]
            _dump(out_data / "positions" / f"{copy['id']}.yml", copy, "position")

    return {
        "documents": len(docs) * scale,
        "actors": len(actor_ids),
        "positions": len(positions) * scale,
        "proposals": len(proposals) * scale,
        "events": len(events) * scale,
    }
