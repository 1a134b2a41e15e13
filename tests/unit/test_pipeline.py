"""The streaming pipeline: outputs equal the in-memory RDF, atomic files, incremental stores."""

from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
import rdflib

from graphbuild.extract.model import Statement
from graphbuild.ingest import Document, iter_documents
from graphbuild.nlp import load_pipeline
from graphbuild.pipeline import build, count_documents, process, split_text
from graphbuild.rdf.serialize import (
    canonical_actors,
    document_ntriples,
    document_triples,
    nt_string,
    statement_triples,
    statements_ntriples,
    to_rdf,
)
from graphbuild.rdf.store import document_graph, open_store, union_triples

LINES = [
    "Russia and China signed a trade deal on Monday.",
    "France condemned the attack on the embassy in Kyiv.",
    "The United States imposed new sanctions on Iran.",
    "Germany said it would send more troops to Lithuania.",
    "Turkey did not meet Greece in Ankara.",
    "Japan urged North Korea to stop missile tests.",
]


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    return path


def store_quads(path) -> set:
    return set(open_store(path))


@pytest.mark.parametrize("text, limit", [("One. Two. Three.", 10), ("word " * 500, 64), ("x" * 300, 100),
                                         ("Para one.\n\nPara two is longer.\nLine.", 20)])
def test_split_text_pieces_cover_the_text_at_their_offsets(text, limit):
    pieces = split_text(text, limit)
    assert "".join(chunk for _, chunk in pieces) == text
    assert all(text[offset:offset + len(chunk)] == chunk and len(chunk) <= limit for offset, chunk in pieces)


@pytest.mark.parametrize("value", ['say "no"', "back\\slash", "two\nlines\r", "rtl \u202e\u200f mark", "bell\x07\x00",
                                   "emoji 🙂 and ü"])
def test_literals_survive_n_triples_encoding(value):
    line = f"<https://example.org/s> <https://example.org/p> {nt_string(value)} .\n"
    [triple] = ox.parse(line.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    assert triple.object.value == value


def test_n_triples_terms_are_the_rdflib_triples(corpus):
    """The pipeline's line writer (each actor described once) and rdflib's terms give the
    same graph, term for term."""
    nlp = load_pipeline()
    docs = [nlp.make_doc(text) for text in LINES]
    for k, doc in enumerate(docs):
        doc._.doc_id = f"line-{k}"
    statements = [st for doc in nlp.pipe(docs) for st in doc._.statements]
    documents = [Document(id=f"line-{k}", text=text) for k, text in enumerate(LINES)]
    assert any(st.event for st in statements) and any(st.arguments for st in statements)
    canon = canonical_actors(statements)
    expected = rdflib.Graph()
    for st in statements:
        for triple in statement_triples(st, actors=canon):
            expected.add(triple)
    for document in documents:
        for triple in document_triples(document):
            expected.add(triple)
    rows = [*statements_ntriples(statements, canon), *(t for d in documents for t in document_ntriples(d))]
    written = rdflib.Graph().parse(data="".join(" ".join(terms) + " .\n" for terms in rows), format="nt")
    assert set(written) == set(expected)


def test_files_build_writes_the_same_graph_as_the_in_memory_rdf(corpus, tmp_path):
    out = tmp_path / "out"
    report = build([], lines=[corpus], out_dir=out, html=False, published="2025-07-03")
    assert {p.name for p in out.iterdir()} == {"graph.ttl", "statements.jsonl"}
    records = [json.loads(line) for line in (out / "statements.jsonl").read_text(encoding="utf-8").splitlines()]
    assert report.documents == len(LINES) and report.statements == len(records) >= len(LINES)
    statements = [Statement.from_dict(r) for r in records]
    expected = to_rdf(statements, iter_documents([], lines=[corpus], published="2025-07-03"))
    written = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    assert set(written) == set(expected.triples((None, None, None)))
    assert report.actors == len({str(s) for s in written.subjects(rdflib.RDF.type, None)
                                 if "/id/actor/" in str(s)})


def test_an_interrupted_build_leaves_earlier_outputs_intact(corpus, tmp_path):
    out = tmp_path / "out"
    build([], lines=[corpus], out_dir=out, html=False)
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def interrupt(report):
        if report.documents == 3:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build([], lines=[corpus], out_dir=out, html=False, batch_size=2, on_progress=interrupt, published="2020-01-01")
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no temporary folder left either


def test_store_build_is_incremental_skips_unchanged_and_replaces_changed(corpus, tmp_path):
    kb = tmp_path / "kb"
    first = build([], lines=[corpus], store=kb)
    assert first.documents == len(LINES) and first.skipped == 0
    quads = store_quads(kb)
    again = build([], lines=[corpus], store=kb)
    assert (again.documents, again.skipped, again.statements) == (0, len(LINES), 0)
    assert store_quads(kb) == quads

    changed = LINES.copy()
    changed[1] = "Italy and Libya signed a ceasefire agreement on Sunday."
    corpus.write_text("\n".join(changed) + "\n", encoding="utf-8")
    third = build([], lines=[corpus], store=kb)
    assert (third.documents, third.skipped) == (1, len(LINES) - 1) and third.statements >= 1
    reader = open_store(kb)
    sentences = {q.object.value for q in reader.quads_for_pattern(None, ox.NamedNode(
        "https://w3id.org/graphbuild/ontology#sentence"), None, document_graph("line-2"))}
    assert sentences == {changed[1]}
    assert all(q.object.value != LINES[1] for q in reader)


def test_store_union_equals_the_files_graph(corpus, tmp_path):
    build([], lines=[corpus], store=tmp_path / "kb", out_dir=tmp_path / "out", html=False)
    files = ox.Store()  # a store normalises literals ("-8.0"^^xsd:double is -8) as the other one did
    files.load(path=str(tmp_path / "out" / "graph.ttl"))
    assert set(union_triples(open_store(tmp_path / "kb"))) == {q.triple for q in files}


def test_process_yields_documents_in_order_with_statements(nlp):
    documents = [Document(f"d{i}", text) for i, text in enumerate(LINES[:3])]
    parsed = list(process(documents, nlp, batch_size=2))
    assert [p.document.id for p in parsed] == ["d0", "d1", "d2"]
    assert all(p.sentences == 1 and all(s.doc == p.document.id for s in p.statements) for p in parsed)
    assert {(s.subject.label, s.relation.lemma) for s in parsed[0].statements} >= {("Russia", "sign")}


def test_parsing_apart_then_extracting_gives_what_parse_batch_gives(nlp, monkeypatch):
    from graphbuild import pipeline

    # Small chunks, so one document is parsed in pieces that must add up again.
    monkeypatch.setattr(pipeline, "split_text", lambda text: split_text(text, limit=120))
    documents = [Document("long", " ".join(LINES), published="2024-05-01"),
                 *(Document(f"d{i}", text) for i, text in enumerate(LINES[:3]))]
    whole = pipeline.parse_batch(documents, quads=True, keep=True)
    parsed = pipeline.parse_batch(documents, quads=True, keep=True, extract=False)
    assert isinstance(parsed, pipeline.ParsedBatch)
    assert len(parsed.contexts) > len(documents)  # the long one was split
    assert all(context[0].id == "long" for context in parsed.contexts[:2])
    apart = pipeline.extract_batch(parsed, quads=True, keep=True)
    assert apart == whole
    # The publication date reached the chunks: "on Monday" is read against it.
    assert whole[0].statements >= 5 and any(st.date and st.date.startswith("2024-") for st in whole[0].parsed)


def test_extracting_apart_reports_or_skips_the_document_that_fails(nlp, monkeypatch):
    from graphbuild import pipeline
    from graphbuild.errors import GraphbuildError
    from graphbuild.nlp import StatementsComponent

    call = StatementsComponent.__call__

    def failing(self, doc):
        if doc._.doc_id == "bad":
            raise RuntimeError("boom")
        return call(self, doc)

    documents = [Document(f"d{i}", text) for i, text in enumerate(LINES[:2])]
    documents.insert(1, Document("bad", LINES[2], path="bad.txt"))
    parsed = pipeline.parse_batch(documents, extract=False)
    monkeypatch.setattr(StatementsComponent, "__call__", failing)
    with pytest.raises(GraphbuildError, match="boom") as caught:
        pipeline.extract_batch(parsed)
    assert caught.value.where == "bad.txt"
    results = pipeline.extract_batch(parsed, skip_bad=True)
    assert [result.doc_id for result in results] == ["d0", "d1"]
    assert all(result.statements for result in results)


def test_count_documents_estimates_the_total(corpus, tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text("A.", encoding="utf-8")
    (tmp_path / "docs" / "b.jsonl").write_text('{"id": 1, "text": "B."}\n{"id": 2, "text": "C."}\n', encoding="utf-8")
    assert count_documents([tmp_path / "docs"], lines=[corpus]) == 3 + len(LINES)
    assert count_documents(["-"]) is None


@pytest.mark.slow
def test_two_processes_give_the_same_outputs_as_one(corpus, tmp_path):
    one = build([], lines=[corpus], out_dir=tmp_path / "one", store=tmp_path / "kb1", html=False, batch_size=2)
    two = build([], lines=[corpus], out_dir=tmp_path / "two", store=tmp_path / "kb2", html=False, batch_size=2,
                processes=2)
    assert one.to_dict() | {"seconds": 0, "outputs": {}} == two.to_dict() | {"seconds": 0, "outputs": {}}
    for name in ("statements.jsonl", "graph.ttl"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    assert store_quads(tmp_path / "kb1") == store_quads(tmp_path / "kb2")


def test_minibatches_keep_order_and_bound_tokens(monkeypatch):
    from graphbuild import pipeline

    monkeypatch.setattr(pipeline, "PIPE_TOKENS", 10)
    sizes = [4, 4, 4, 30, 1, 1, 1, 1, 1]
    items = [(["tok"] * size, k) for k, size in enumerate(sizes)]
    groups = list(pipeline._minibatches(items, batch_size=3))
    assert [k for group in groups for _, k in group] == list(range(len(sizes)))
    assert [[k for _, k in group] for group in groups] == [[0, 1], [2], [3], [4, 5, 6], [7, 8]]


@pytest.mark.parametrize("fresh", [True, False], ids=["new-store", "store-with-data"])
def test_store_writes_grow_with_a_new_store_and_follow_batches_otherwise(monkeypatch, fresh):
    from graphbuild import pipeline

    class Store:
        def __init__(self):
            self.fresh = fresh
            self.writes: list[int] = []

        def write(self, documents):
            self.writes.append(sum(len(data) for _, _, data in documents))

    monkeypatch.setattr(pipeline, "STORE_FLUSH_BYTES", 3_000)
    sink = pipeline._StoreSink(Store())
    try:
        for batch in range(40):
            for i in range(4):  # a batch of 4 documents of 100 bytes
                sink.add(pipeline.DocResult(f"d{batch}-{i}", 1, 1, "", b"x" * 100, (), frozenset()), "hash")
            sink.flush()
        sink.finish()
    finally:
        sink.close()
    writes = sink.store.writes
    assert sum(writes) == 40 * 400  # everything, once
    if not fresh:
        assert writes == [400] * 40  # one transaction per batch
        return
    assert writes[:4] == [400, 400, 400, 400]  # a small store is written batch by batch
    assert writes[:-1] == sorted(writes[:-1]) and len(writes) < 20  # then in growing loads
    assert max(writes) == 3_000  # up to STORE_FLUSH_BYTES
