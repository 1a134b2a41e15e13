"""Actor-resolution figures: unresolved pronoun subjects and actor-country accuracy.

Run by hand (reads ``../shared`` beside the repository)::

    python -m graphbuild.bench.actors            # both measures
    python -m graphbuild.bench.actors --pronouns # Wikinews review set only
    python -m graphbuild.bench.actors --petrarch # PETRARCH GSR validation only
    python -m graphbuild.bench.actors --timing   # ruler and resolve cost per document

* Pronoun share: statements whose subject is a personal pronoun left unresolved,
  over all statements of the 48 Wikinews articles in ``quality_review_ids.txt``.
* Actor-country accuracy on ``petr2_gsr_validation.jsonl``: every gold source and
  target whose CAMEO code starts with a state's ISO3 (``USA``, ``RUSGOV``...).
  *recall*: share of those gold actors whose country is the country of some
  resolved actor of the record's statements; *mention_recall*: the same over
  the gazetteer entities the ruler marks in the text (resolution without the
  extraction stage's coverage); *dyad*: share of gold events with a
  statement whose subject has the source country and whose object or an argument
  has the target country; *precision*: share of resolved statement actors with a
  country whose country appears among the record's gold codes.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from ..ingest import Document
from ..nlp import load_pipeline
from ..pipeline import process
from ..resolve import Gazetteer

SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def _statements(documents: list[Document]):
    nlp = load_pipeline()
    return {p.document.id: p.statements for p in process(documents, nlp)}


def pronoun_share(shared: Path = SHARED) -> dict:
    """Share of statements whose subject is an unresolved pronoun (Wikinews review set)."""
    documents = _review_documents(shared)
    start = time.perf_counter()
    by_doc = _statements(documents)
    seconds = time.perf_counter() - start
    total = unresolved = 0
    examples = []
    for statements in by_doc.values():
        for statement in statements:
            total += 1
            subject = statement.subject
            if subject.resolved is False:
                unresolved += 1
                if len(examples) < 15:
                    examples.append(f"{subject.text!r} in: {statement.sentence[:120]}")
    return {
        "documents": len(by_doc),
        "statements": total,
        "unresolved_pronoun_subjects": unresolved,
        "share": round(unresolved / total, 4) if total else 0.0,
        "seconds": round(seconds, 1),
        "examples": examples,
    }


def timing(shared: Path = SHARED) -> dict:
    """Cost of the ruler and of :func:`resolve` per document, against the bare parse (review set)."""
    from ..extract import extract_statements
    from ..resolve import resolve
    from ..resolve.ruler import make_actor_ruler

    documents = _review_documents(shared)
    bare = load_pipeline(statements=False)
    ruler = make_actor_ruler(bare, "graphbuild_actor_ruler")
    gazetteer = Gazetteer.from_ontology()
    parse = ruling = extracting = resolving = 0.0
    for document in documents:
        t0 = time.perf_counter()
        doc = bare(document.text)
        t1 = time.perf_counter()
        ruler(doc)
        t2 = time.perf_counter()
        doc._.published = document.published
        statements = list(extract_statements(doc))
        t3 = time.perf_counter()
        resolve(statements, doc, gazetteer)
        t4 = time.perf_counter()
        parse, ruling, extracting, resolving = parse + t1 - t0, ruling + t2 - t1, extracting + t3 - t2, resolving + t4 - t3
    n = len(documents)
    return {"documents": n, "parse_ms_per_doc": round(1000 * parse / n, 1),
            "ruler_ms_per_doc": round(1000 * ruling / n, 2), "extract_ms_per_doc": round(1000 * extracting / n, 1),
            "resolve_ms_per_doc": round(1000 * resolving / n, 2),
            "ruler_plus_resolve_share_of_parse": round((ruling + resolving) / parse, 4)}


def _review_documents(shared: Path) -> list[Document]:
    folder = shared / "corpora" / "wikinews_2019_2020"
    wanted = set((folder / "quality_review_ids.txt").read_text(encoding="utf-8").split())
    documents = []
    with open(folder / "wikinews_2019_2020.jsonl", encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record["id"] in wanted:
                documents.append(Document(id=record["id"], text=record["text"], title=record["title"],
                                          published=record["date"], url=record["url"], source=record["source"]))
    return documents


def petrarch_country(shared: Path = SHARED) -> dict:
    """Actor-country accuracy against PETRARCH2 GSR validation codings."""
    gazetteer = Gazetteer.from_ontology()
    states = set(gazetteer.iso3)
    records = [json.loads(line) for line in
               (shared / "benchmarks" / "petrarch" / "petr2_gsr_validation.jsonl").read_text(encoding="utf-8").splitlines()
               if line.strip()]
    documents = [Document(id=r["id"], text=r["text"], published=_iso(r["date"])) for r in records]
    by_doc = _statements(documents)
    nlp = load_pipeline()
    mention_hits = 0
    docs = nlp.pipe((r["text"] for r in records), disable=["graphbuild_statements"])
    for record, doc in zip(records, docs):
        named = {gazetteer.entries[e.kb_id_].country for e in doc.ents if e.kb_id_ in gazetteer.entries}
        mention_hits += sum(code[:3] in named for event in record["expected_events"]
                            for code in (event["source"], event["target"]) if code[:3] in states)
    gold_actors = hits = events = dyad_hits = predicted = correct = 0
    misses = []
    for record in records:
        statements = by_doc.get(record["id"], [])
        countries = {a.country for s in statements for a in _actors(s) if a.country}
        gold = set()
        for event in record["expected_events"]:
            for code in (event["source"], event["target"]):
                if code[:3] in states:
                    gold.add(code[:3])
                    gold_actors += 1
                    if code[:3] in countries:
                        hits += 1
                    elif len(misses) < 40:
                        misses.append(f"{record['id']}: {code} not in {sorted(countries)}")
            source, target = event["source"][:3], event["target"][:3]
            if source in states and target in states:
                events += 1
                if any(s.subject.country == source and target in
                       {a.country for a in _actors(s) if a is not s.subject} for s in statements):
                    dyad_hits += 1
        for statement in statements:
            for actor in _actors(statement):
                if actor.country and gold:
                    predicted += 1
                    correct += actor.country in gold
    return {
        "records": len(records),
        "gold_actors_with_state": gold_actors,
        "recall": round(hits / gold_actors, 4) if gold_actors else 0.0,
        "mention_recall": round(mention_hits / gold_actors, 4) if gold_actors else 0.0,
        "dyad_events": events,
        "dyad_recall": round(dyad_hits / events, 4) if events else 0.0,
        "predicted_actors_with_country": predicted,
        "precision": round(correct / predicted, 4) if predicted else 0.0,
        "misses": misses,
    }


def _iso(date: str) -> str | None:
    """``YYYYMMDD`` → ISO; the few malformed dates of the file give None."""
    return f"{date[:4]}-{date[4:6]}-{date[6:8]}" if len(date) == 8 and date.isdigit() else None


def _actors(statement):
    yield statement.subject
    if statement.object is not None:
        yield statement.object
    for argument in statement.arguments:
        yield argument.actor


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pronouns", action="store_true")
    parser.add_argument("--petrarch", action="store_true")
    parser.add_argument("--timing", action="store_true")
    args = parser.parse_args(argv)
    both = not (args.pronouns or args.petrarch or args.timing)
    if args.pronouns or both:
        print(json.dumps({"pronoun_share": pronoun_share()}, indent=2, ensure_ascii=False))
    if args.petrarch or both:
        print(json.dumps({"petrarch_country": petrarch_country()}, indent=2, ensure_ascii=False))
    if args.timing or both:
        print(json.dumps({"timing": timing()}, indent=2))


if __name__ == "__main__":
    main()
