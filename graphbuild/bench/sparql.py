"""Named-query latency on a ~1M-triple graph: Oxigraph (pyoxigraph) against rdflib, same run.

The graph is synthetic by default — statements between Zipf-distributed actors,
real CAMEO event types from ``cameo.ttl``, attributions, modalities, dates over a
year — serialised exactly as ``graphbuild build`` does (``to_rdf`` + ``write_graph``).
``--reuters N`` builds it instead from the first N stories of
``../shared/corpora/reuters21578`` with the real pipeline (slow: minutes).

    python -m graphbuild.bench.sparql                     # ~1M triples, both engines
    python -m graphbuild.bench.sparql --statements 2000   # a quick run
    python -m graphbuild.bench.sparql --json bench.json

Each query runs once to warm up, then ``--repeat`` times on Oxigraph (median
reported) and once on rdflib, in a forked child stopped after ``--budget``
seconds. Loading (parse + index) is timed separately.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import statistics
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

from ..extract.model import Actor, Argument, Attribution, Event, Relation, Statement
from ..query import load_source, named_queries, run_named

REPO = Path(__file__).resolve().parents[2]
REUTERS = REPO.parent / "shared" / "corpora" / "reuters21578" / "reuters21578.jsonl.gz"
_TYPES = ("Country", "Country", "Person", "Person", "Organization", "Group", "Location")
_MODALITIES = ("asserted",) * 12 + ("reported",) * 3 + ("possible", "expected", "intended", "denied", "question")


def _cameo_events() -> list[Event]:
    from rdflib.namespace import SKOS

    from ..rdf.vocab import GB
    from ..resources import ontology_graph

    g = ontology_graph("cameo.ttl")
    events = []
    for concept in g.subjects(GB.quadClass, None):
        code, label = g.value(concept, SKOS.notation), g.value(concept, SKOS.prefLabel)
        if code is None or label is None or g.value(concept, GB.goldstein) is None or len(str(code)) < 3:
            continue
        events.append(Event(str(code), str(label), int(g.value(concept, GB.quadClass)),
                            float(g.value(concept, GB.goldstein))))
    return sorted(events, key=lambda e: e.cameo)


def synthetic_statements(n: int, *, actors: int = 3000, seed: int = 0) -> list[Statement]:
    """``n`` random but well-formed statements (fixed ``seed``: the same graph every run)."""
    rng = random.Random(seed)
    events = _cameo_events()
    people = [
        Actor(f"Actor {i}", f"Actor {i}", f"Q{1000000 + i}", _TYPES[i % len(_TYPES)], f"C{i % 150:02d}")
        for i in range(1, actors + 1)
    ]
    weights = [1.0 / i for i in range(1, actors + 1)]  # Zipf: a few actors are everywhere
    out = []
    for k in range(n):
        subject, obj = rng.choices(people, weights, k=2)
        sentence = f"{subject.text} acted on {obj.text} in statement {k}."
        offset = (k % 8) * 80
        s_actor = Actor(subject.text, subject.label, subject.id, subject.type, subject.country, offset, offset + len(subject.text))
        o_start = offset + sentence.index(" on ") + 4
        o_actor = Actor(obj.text, obj.label, obj.id, obj.type, obj.country, o_start, o_start + len(obj.text))
        event = rng.choice(events) if rng.random() < 0.8 else None
        objectless = rng.random() < 0.1
        attribution = None
        if rng.random() < 0.3:
            source = rng.choices(people, weights)[0]
            attribution = Attribution(source.text, source if rng.random() < 0.7 else None)
        modality = rng.choice(_MODALITIES)
        out.append(Statement(
            doc=f"doc-{k // 8}",  # eight statements per document
            sentence=sentence,
            span=(offset, offset + len(sentence)),
            subject=s_actor,
            relation=Relation("acted", "act", offset + len(subject.text) + 1, offset + len(subject.text) + 6),
            object=None if objectless else o_actor,
            arguments=(Argument("with", o_actor),) if objectless else (),
            negated=modality == "denied" or rng.random() < 0.03,
            modality=modality,
            attribution=attribution,
            date=f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            event=event,
            confidence=round(rng.uniform(0.3, 0.95), 2),
        ))
    return out


def reuters_statements(limit: int) -> list[Statement]:
    """Statements from the first ``limit`` Reuters-21578 stories, through the real pipeline."""
    from ..ingest import iter_documents
    from ..nlp import load_pipeline
    from ..pipeline import process

    if not REUTERS.is_file():
        sys.exit(f"{REUTERS} not found")
    documents = []
    for doc in iter_documents([str(REUTERS)], skip_bad=True):
        documents.append(doc)
        if len(documents) >= limit:
            break
    statements = []
    for parsed in process(documents, load_pipeline()):
        statements.extend(parsed.statements)
    return statements


#: Parameters for the named queries that need them (actors 1 and 2 are the most frequent).
def _params(synthetic: bool) -> dict[str, dict[str, str]]:
    a, b = ("Actor 1", "Actor 2") if synthetic else ("United States", "Japan")
    return {
        "events-between": {"a": a, "b": b},
        "actor-timeline": {"actor": a},
        "actor-partners": {"actor": a},
        "document": {"doc": "doc-1" if synthetic else "reuters21578:1"},
        "who-said": {"about": a},
    }


def _child(fn, repeat: int, conn) -> None:
    times, rows = [], 0
    for _ in range(repeat + 1):  # the first run warms up
        started = time.perf_counter()
        rows = len(fn())
        times.append(time.perf_counter() - started)
    conn.send((statistics.median(times[1:] or times), rows))


def _time(fn, repeat: int, budget: float) -> tuple[float | None, int | None]:
    """Median seconds and row count of ``fn()``, run in a forked child that is
    stopped after ``budget`` seconds (rdflib can take minutes): ``(None, None)`` then."""
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(fn, repeat, send))
    child.start()
    done = receive.poll(budget)
    result = receive.recv() if done else (None, None)
    if not done:
        child.kill()
    child.join()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=21000, help="synthetic statements (~48 triples each)")
    parser.add_argument("--reuters", type=int, default=0, metavar="N", help="build from N Reuters stories instead")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--budget", type=float, default=60.0, help="seconds per query and engine (all runs) before giving up")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)

    from ..rdf.serialize import to_rdf, write_graph

    started = time.perf_counter()
    statements = reuters_statements(args.reuters) if args.reuters else synthetic_statements(args.statements)
    with tempfile.TemporaryDirectory() as folder:
        path = write_graph(to_rdf(statements), Path(folder) / "graph.ttl")
        print(f"graph: {len(statements)} statements, built in {time.perf_counter() - started:.1f} s", flush=True)
        sources, load = {}, {}
        for engine in ("oxigraph", "rdflib"):
            t = time.perf_counter()
            sources[engine] = load_source(path, engine=engine)
            load[engine] = time.perf_counter() - t
        triples = len(sources["rdflib"])
    print(f"{triples:,} triples; load: oxigraph {load['oxigraph']:.2f} s, rdflib {load['rdflib']:.2f} s", flush=True)
    params = _params(not args.reuters)
    figures = []
    print("\n| query | rows | oxigraph ms | rdflib ms | speed-up |\n|---|---:|---:|---:|---:|")
    for name in named_queries():
        p = params.get(name, {})
        row = {"query": name}
        for engine, source in sources.items():
            repeat = args.repeat if engine == "oxigraph" else 1  # rdflib: one warm-up, one timed run
            seconds, rows = _time(partial(run_named, source, name, p, engine=engine), repeat, args.budget)
            row[engine] = None if seconds is None else round(seconds * 1000, 1)
            row["rows"] = row.get("rows") if rows is None else rows
        ox_ms, lib_ms = row["oxigraph"], row["rdflib"]
        shown = f"> {args.budget * 1000:.0f}" if lib_ms is None else f"{lib_ms}"
        speedup = f"> {args.budget * 1000 / max(ox_ms, 0.01):.0f}" if lib_ms is None else f"{lib_ms / max(ox_ms, 0.01):.0f}"
        row["speedup"] = speedup
        figures.append(row)
        print(f"| {name} | {row['rows']} | {ox_ms} | {shown} | {speedup}× |", flush=True)
    if args.json:
        args.json.write_text(json.dumps({"triples": triples, "statements": len(statements), "load_s": load,
                                         "queries": figures}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
