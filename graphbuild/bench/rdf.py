"""Write speed of rdflib's serializers against graphbuild's pyoxigraph path.

Run by hand: ``python -m graphbuild.bench.rdf --triples 1000000``. Builds synthetic
statements (many documents, a few hundred actors, events, arguments, attributions),
converts them with :func:`graphbuild.rdf.serialize.to_rdf`, then times, per format,
``rdflib.Dataset.serialize`` and :func:`graphbuild.rdf.serialize.write_graph` on the
same dataset, and :func:`graphbuild.rdf.serialize.write_statements` (pyoxigraph terms
straight from the statements, no rdflib graph), and checks that all three files hold
the same triples.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from ..extract.model import Actor, Argument, Attribution, Event, Relation, Statement
from ..rdf.serialize import FORMATS, to_rdf, write_graph, write_statements

_TYPES = ("Person", "Country", "Organization", "Group", "Location")
_RDFLIB_FORMATS = {"turtle": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "json-ld": "json-ld"}


def synthetic_statements(n: int, *, seed: int = 0, actors: int = 500, docs: int | None = None):
    """``n`` varied statements over ``actors`` actors and ``docs`` documents (default n // 10)."""
    rng = random.Random(seed)
    docs = docs or max(1, n // 10)
    pool = [
        Actor(f"Actor {i}", f"Actor {i}", f"Q{1000 + i}" if i % 3 else None, _TYPES[i % 5], "RUS" if i % 2 else "USA")
        for i in range(actors)
    ]
    lemmas = ["meet", "pause", "call for", "visit", "sanction", "accuse", "attack", "send aid to"]
    for i in range(n):
        a, b = rng.sample(pool, 2)
        sentence = f"{a.text} did something to {b.text} in sentence {i}."
        start = rng.randrange(0, 50_000)
        subj = Actor(a.text, a.label, a.id, a.type, a.country, start, start + len(a.text))
        obj = Actor(b.text, b.label, b.id, b.type, b.country, start + 20, start + 20 + len(b.text))
        yield Statement(
            doc=f"doc-{i % docs}",
            sentence=sentence,
            span=(start, start + len(sentence)),
            subject=subj,
            relation=Relation("did", rng.choice(lemmas), start + len(a.text) + 1, start + len(a.text) + 4),
            object=obj,
            arguments=(Argument("in", Actor("Geneva", "Geneva", "Q71", "Location", "CHE", start, start + 6)),)
            if i % 4 == 0
            else (),
            negated=i % 17 == 0,
            modality=("asserted", "reported", "expected")[i % 3],
            attribution=Attribution("officials said") if i % 5 == 0 else None,
            date="2025-07-03",
            event=Event("0231", "Appeal for economic aid", 1, 3.4, "request") if i % 2 else None,
            confidence=0.75,
            sentence_index=i % 40,
        )


def _triples(path: Path) -> set:
    """The file's triples, doubles by value (rdflib writes 0.75 as ``7.5e-01``)."""
    import pyoxigraph as ox

    double = ox.NamedNode("http://www.w3.org/2001/XMLSchema#double")

    def norm(term):
        if isinstance(term, ox.Literal) and term.datatype == double:
            return float(term.value)
        return term

    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
    return {(q.subject, q.predicate, norm(q.object)) for q in ox.parse(path=path, format=fmt)}


def run(triples: int = 1_000_000, formats=tuple(FORMATS)) -> dict:
    """Seconds per format: rdflib's serializer, ``write_graph`` and ``write_statements``."""
    probe = to_rdf(synthetic_statements(200))
    n = int(triples / (len(set(probe.triples((None, None, None)))) / 200))
    statements = list(synthetic_statements(n))
    t = time.perf_counter()
    ds = to_rdf(statements)
    to_rdf_s = time.perf_counter() - t
    out: dict = {"statements": n, "triples": len(set(ds.triples((None, None, None)))), "to_rdf_s": round(to_rdf_s, 1)}
    print(out, flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name in formats:
            ext = FORMATS[name][2]
            paths = {key: Path(tmp, key + ext) for key in ("rdflib", "graph", "statements")}
            times = {}
            t = time.perf_counter()
            ds.serialize(paths["rdflib"], format=_RDFLIB_FORMATS[name])
            times["rdflib_s"] = time.perf_counter() - t
            t = time.perf_counter()
            write_graph(ds, paths["graph"], name)
            times["write_graph_s"] = time.perf_counter() - t
            t = time.perf_counter()
            write_statements(statements, paths["statements"], name)
            times["write_statements_s"] = time.perf_counter() - t
            row = {key: round(value, 1) for key, value in times.items()}
            row["mb"] = round(paths["statements"].stat().st_size / 1e6, 1)
            # End to end from statements: to_rdf + rdflib against write_statements alone.
            row["speedup_end_to_end"] = round((to_rdf_s + times["rdflib_s"]) / times["write_statements_s"], 1)
            reference = _triples(paths["rdflib"])
            row["same_triples"] = reference == _triples(paths["graph"]) == _triples(paths["statements"])
            out[name] = row
            print(name, row, flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--formats", nargs="*", default=list(FORMATS))
    args = parser.parse_args()
    print(json.dumps(run(args.triples, args.formats), indent=2))


if __name__ == "__main__":
    main()
