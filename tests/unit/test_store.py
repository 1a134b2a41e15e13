"""The embedded store: named graph per document, hash records, replacement, lock, export."""

from __future__ import annotations

import io
import os
import threading

import pyoxigraph as ox
import pytest

from graphbuild.rdf.store import (
    COMPACTION_NICENESS,
    CONTENT_HASH,
    META_GRAPH,
    GraphStore,
    StoreError,
    StoreLockedError,
    content_hash,
    document_graph,
    export,
    open_store,
    union_triples,
)

ACTOR = "<https://w3id.org/graphbuild/id/actor/Q159>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
MENTION = "<https://w3id.org/graphbuild/ontology#mentionText>"


def doc_quads(doc_id: str, text: str) -> bytes:
    """A document's own triple (in its graph) plus a shared actor description (default graph)."""
    graph = f"<{document_graph(doc_id).value}>"
    statement = ox.NamedNode(f"https://w3id.org/graphbuild/id/statement/{content_hash(doc_id)}")
    own = f"{statement} {MENTION} {ox.Literal(text)} {graph} .\n"
    shared = f'{ACTOR} {LABEL} "Russia" .\n'
    return (own + shared).encode()


def test_documents_go_to_their_own_graphs_and_shared_nodes_once(tmp_path):
    with GraphStore(tmp_path / "kb") as store:
        assert store.fresh
        store.write([("a", "h1", doc_quads("a", "one")), ("b", "h2", doc_quads("b", "two"))])
        assert store.recorded_hash("a") == "h1" and store.recorded_hash("c") is None
        assert store.documents() == 2
    reader = open_store(tmp_path / "kb")
    assert {g.value for g in reader.named_graphs()} == {document_graph("a").value, document_graph("b").value,
                                                        META_GRAPH.value}
    labels = list(reader.query(f"SELECT ?l WHERE {{ {ACTOR} {LABEL} ?l }}", use_default_graph_as_union=True))
    assert [s["l"].value for s in labels] == ["Russia"]


def test_a_changed_document_replaces_its_graph_and_record(tmp_path):
    with GraphStore(tmp_path / "kb") as store:
        store.write([("a", "h1", doc_quads("a", "old text")), ("b", "h2", doc_quads("b", "other"))])
    with GraphStore(tmp_path / "kb") as store:
        assert not store.fresh
        store.write([("a", "h3", doc_quads("a", "new text"))])
        assert store.recorded_hash("a") == "h3"
    reader = open_store(tmp_path / "kb")
    texts = {q.object.value for q in reader.quads_for_pattern(None, ox.NamedNode(MENTION[1:-1]), None, None)}
    assert texts == {"new text", "other"}
    records = list(reader.quads_for_pattern(None, CONTENT_HASH, None, META_GRAPH))
    assert sorted(q.object.value for q in records) == ["h2", "h3"]


def test_a_second_writer_is_refused_with_a_clear_message_while_readers_still_read(tmp_path):
    with GraphStore(tmp_path / "kb") as store:
        store.write([("a", "h1", doc_quads("a", "one"))])
        with pytest.raises(StoreLockedError, match=r"another build \(pid \d+\) is writing this store"):
            GraphStore(tmp_path / "kb", wait=0)
        assert len(list(union_triples(open_store(tmp_path / "kb")))) == 2
    with GraphStore(tmp_path / "kb", wait=0) as store:  # released on close
        assert store.recorded_hash("a") == "h1"


def test_open_store_and_graphstore_refuse_folders_that_are_not_stores(tmp_path):
    with pytest.raises(StoreError, match="no graphbuild store here"):
        open_store(tmp_path)
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(StoreError, match="not empty and holds no graphbuild store"):
        GraphStore(tmp_path)


def test_invalid_rdf_is_a_store_error_and_writes_nothing(tmp_path):
    with GraphStore(tmp_path / "kb") as store:
        store.write([("a", "h1", doc_quads("a", "one"))])
    with GraphStore(tmp_path / "kb") as store, pytest.raises(StoreError, match="invalid N-Quads"):
        store.write([("b", "h2", b"<not an iri> <p> <o> .\n")])
    reader = open_store(tmp_path / "kb")
    assert [q.object.value for q in reader.quads_for_pattern(None, CONTENT_HASH, None, META_GRAPH)] == ["h1"]
    assert not reader.contains_named_graph(document_graph("b"))


@pytest.mark.parametrize("fmt", ["ttl", "nt", "nq", "trig"])
def test_export_round_trips_without_the_bookkeeping_graph(tmp_path, fmt):
    hostile = 'quote " backslash \\ newline \n tab \t rtl \u202e bell \x07 end'
    with GraphStore(tmp_path / "kb") as store:
        store.write([("a", "h1", doc_quads("a", hostile)), ("b/ü x", "h2", doc_quads("b/ü x", "two"))])
    reader = open_store(tmp_path / "kb")
    buffer = io.BytesIO()
    export(reader, buffer, fmt)
    parsed = list(ox.parse(buffer.getvalue(), format={"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES,
                                                      "nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}[fmt]))
    if fmt in ("nq", "trig"):
        expected = {q for q in reader if q.graph_name != META_GRAPH}
        assert set(parsed) == expected
    else:
        assert {q.triple for q in parsed} == set(union_triples(reader))
        assert len(parsed) == 3  # the shared label once
    assert hostile in {q.object.value for q in parsed}


def test_unknown_export_format_is_a_one_line_error(tmp_path):
    with GraphStore(tmp_path / "kb"):
        pass
    with pytest.raises(StoreError, match="unknown export format 'xml'"):
        export(open_store(tmp_path / "kb"), io.BytesIO(), "xml")


def _thread_priorities() -> dict[str, list[int]]:
    priorities: dict[str, list[int]] = {}
    for tid in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{tid}/comm", encoding="utf-8") as comm:
                name = comm.read().strip()
            priorities.setdefault(name, []).append(os.getpriority(os.PRIO_PROCESS, int(tid)))
        except OSError:  # a thread that ended meanwhile
            continue
    return priorities


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="per-thread priorities are read from Linux /proc")
def test_a_writer_runs_rocksdb_background_threads_at_low_priority_and_nothing_else(tmp_path):
    main = threading.get_native_id()
    before = os.getpriority(os.PRIO_PROCESS, main)
    with GraphStore(tmp_path / "store") as store:
        store.write([("d1", "h1", doc_quads("d1", "x"))])
        priorities = _thread_priorities()
    background = [nice for name, nices in priorities.items() if name.startswith("rocksdb:") for nice in nices]
    assert background and set(background) == {COMPACTION_NICENESS}
    assert os.getpriority(os.PRIO_PROCESS, main) == before
