"""Pushing a store into a real SPARQL server: ``oxigraph serve`` on loopback, started here."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest

from graphbuild.push import PushError, push
from graphbuild.rdf.store import GraphStore, document_graph, open_store

pytestmark = pytest.mark.skipif(shutil.which("oxigraph") is None, reason="the oxigraph server (PyPI oxigraph) is not installed")

LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
TEXT = "<https://w3id.org/graphbuild/ontology#mentionText>"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    port = free_port()
    process = subprocess.Popen(["oxigraph", "serve", "--location", str(tmp_path / "server"), "--bind",
                                f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(process.stderr.read().decode())
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def remote(base: str, sparql: str) -> list[str]:
    """The values of the first variable of each answer."""
    url = base + "/query?" + urllib.parse.urlencode({"query": sparql})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    answer = json.loads(urllib.request.urlopen(request, timeout=10).read())
    name = answer["head"]["vars"][0]
    return [row[name]["value"] for row in answer["results"]["bindings"]]


def make_store(path, documents: dict[str, str]) -> set:
    with GraphStore(path) as store:
        for doc_id, text in documents.items():
            graph = document_graph(doc_id)
            subject = ox.NamedNode(f"https://w3id.org/graphbuild/id/statement/{doc_id}")
            data = (f"{subject} {TEXT} {ox.Literal(text)} {graph} .\n"
                    f'<https://w3id.org/graphbuild/id/actor/Q159> {LABEL} "Russia" .\n').encode()
            store.write([(doc_id, text, data)])
    return set(open_store(path))


@pytest.mark.parametrize("protocol, path", [("gsp", "/store"), ("update", "/update")])
def test_push_sends_every_graph_resumes_and_sends_only_changes(tmp_path, server, protocol, path):
    docs = {f"d{i}": f"text {i} with \"quotes\" and \\ and \n" for i in range(25)}
    make_store(tmp_path / "kb", docs)
    report = push(tmp_path / "kb", server + path, protocol=protocol, batch_bytes=300)
    assert report.graphs == 26 and report.skipped == 0  # 25 documents and the shared default graph
    count = remote(server, "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")
    assert count == ["26"]
    texts = remote(server, f"SELECT ?t WHERE {{ GRAPH <{document_graph('d3').value}> {{ ?s {TEXT} ?t }} }}")
    assert texts == [docs["d3"]]

    again = push(tmp_path / "kb", server + path, protocol=protocol)
    assert (again.graphs, again.skipped, again.requests) == (0, 26, 0)

    # A changed document (a new build) is sent again and replaces the server's copy.
    with GraphStore(tmp_path / "kb") as store:
        graph = document_graph("d3")
        store.write([("d3", "new", f'<https://w3id.org/graphbuild/id/statement/d3> {TEXT} "changed" {graph} .\n'
                      .encode())])
    third = push(tmp_path / "kb", server + path, protocol=protocol)
    assert third.graphs == 1 and third.skipped == 25
    assert remote(server, f"SELECT ?t WHERE {{ GRAPH <{graph.value}> {{ ?s {TEXT} ?t }} }}") == ["changed"]


def test_server_contents_equal_the_store(tmp_path, server):
    quads = make_store(tmp_path / "kb", {"a": "one", "b": "two"})
    push(tmp_path / "kb", server + "/store")
    dump = urllib.request.urlopen(urllib.request.Request(server + "/store", headers={"Accept": "application/n-quads"}),
                                  timeout=10).read()
    meta = "https://w3id.org/graphbuild/store/meta"
    assert set(ox.parse(dump, format=ox.RdfFormat.N_QUADS)) == {
        q for q in quads if not (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == meta)}


def test_an_unreachable_server_is_one_error_and_nothing_is_recorded(tmp_path):
    make_store(tmp_path / "kb", {"a": "one"})
    with pytest.raises(PushError, match="cannot reach") as err:
        push(tmp_path / "kb", f"http://127.0.0.1:{free_port()}/store", timeout=2)
    assert "resume" in str(err.value)
    assert not any(p.name.startswith("push-") and p.stat().st_size for p in (tmp_path / "kb").iterdir())


def test_a_graph_file_is_pushed_in_slices(tmp_path, server):
    path = tmp_path / "g.ttl"
    path.write_text("".join(f'<https://example.org/s{i}> <https://example.org/p> "v{i}" .\n' for i in range(200)),
                    encoding="utf-8")
    report = push(path, server + "/store", batch_bytes=1500)
    assert report.requests > 1 and report.triples == 200
    assert remote(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == ["200"]
