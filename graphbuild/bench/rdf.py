"""Write speed of rdflib's serializers against graphbuild's pyoxigraph path.

Run by hand: ``python -m graphbuild.bench.rdf --triples 1000000``. Builds synthetic
statements (many documents, a few hundred actors, events, arguments, attributions),
converts them with :func:`graphbuild.rdf.serialize.to_rdf`, then times, per format,
``rdflib.Dataset.serialize`` and :func:`graphbuild.rdf.serialize.write_graph` on the
same dataset, and checks that both files hold the same number of triples.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from ..extract.model import Actor, Argument, Attribution, Event, Relation, Statement
from ..rdf.serialize import FORMATS, to_rdf, write_graph

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


def _triples(path: Path) -> int:
    import pyoxigraph as ox

    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
    return len({(q.subject, q.predicate, q.object) for q in ox.parse(path=path, format=fmt)})


def run(triples: int = 1_000_000, formats=tuple(FORMATS), rdflib_limit: float = 900.0) -> dict:
    """Times in seconds per format for both writers (rdflib skipped past ``rdflib_limit`` s)."""
    t = time.perf_counter()
    probe = to_rdf(synthetic_statements(200))
    per_statement = len(probe) / 200
    n = int(triples / per_statement)
    ds = to_rdf(synthetic_statements(n))
    out: dict = {"statements": n, "triples": len(ds), "to_rdf_s": round(time.perf_counter() - t, 1)}
    with tempfile.TemporaryDirectory() as tmp:
        for name in formats:
            ext = FORMATS[name][2]
            ours, theirs = Path(tmp, "ours" + ext), Path(tmp, "rdflib" + ext)
            t = time.perf_counter()
            write_graph(ds, ours, name)
            row = {"write_graph_s": round(time.perf_counter() - t, 2), "mb": round(ours.stat().st_size / 1e6, 1)}
            t = time.perf_counter()
            ds.serialize(theirs, format=_RDFLIB_FORMATS[name])
            row["rdflib_s"] = round(time.perf_counter() - t, 2)
            row["speedup"] = round(row["rdflib_s"] / row["write_graph_s"], 1)
            row["same_triples"] = _triples(ours) == _triples(theirs)
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
