"""``graphbuild stats`` and the KnowledgeGraph facade, on the hand-built sample."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import rdflib

from graphbuild.cli._util import main
from graphbuild.kg import KnowledgeGraph
from graphbuild.rdf.serialize import to_rdf, write_graph

sys.path.insert(0, str(Path(__file__).parent))
from test_graph import sample_statements


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    return write_graph(to_rdf(sample_statements()), tmp_path_factory.mktemp("stats") / "graph.ttl")


def test_stats_json(capsys, graph_file):
    assert main(["stats", str(graph_file), "--json", "--top", "3"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert (stats["actors"], stats["statements"], stats["events"]) == (9, 12, 8)
    assert stats["centrality"]["pagerank"][0]["label"] == "Ukraine"
    assert stats["conflict"][0]["goldstein"] == -12.0
    assert stats["sources"][0] == {"source": "https://w3id.org/graphbuild/id/actor/Q4364", "label": "Kremlin",
                                   "statements": 2}


def test_stats_text_and_plots(capsys, graph_file, tmp_path):
    assert main(["stats", str(graph_file), "--plot", str(tmp_path / "charts")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("9 actors, 12 statements, 8 factual events")
    assert "Russia – Ukraine" in out and "most-cited sources" in out
    for name in ("centrality.png", "dyad_timeline.png"):
        png = tmp_path / "charts" / name
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert f"wrote {png}" in out


def test_stats_on_a_missing_file_is_a_one_line_error(capsys, tmp_path):
    assert main(["stats", str(tmp_path / "none.ttl")]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_facade_round_trip(tmp_path):
    kg = KnowledgeGraph.from_statements(sample_statements(), name="sample")
    assert repr(kg) == "<KnowledgeGraph 'sample': 12 statements, 10 nodes>"
    assert kg.stats(top=1)["conflict"][0]["goldstein"] == -12.0
    rows = kg.named("actor-timeline", actor="Hungary").records()
    assert [r["relation"] for r in rows] == ["threaten", "threatened"]  # same day: by document, then sentence
    assert kg.query("ASK { ?a rdfs:label ?n }", bindings={"n": "Kremlin"})
    saved = kg.save(tmp_path / "sample.trig")
    again = KnowledgeGraph.load(saved)
    assert len(again) == len(kg)
    A, B = kg.to_networkx(), again.to_networkx()
    assert dict(A.nodes(data=True)) == dict(B.nodes(data=True))
    assert "events-between" in KnowledgeGraph.queries()


def test_show_embeds_the_viewer_in_an_iframe():
    pytest.importorskip("IPython")
    kg = KnowledgeGraph.from_statements(sample_statements())
    html = kg.show(height=300).data
    assert html.startswith("<div><iframe srcdoc=") and "height:300px" in html
    assert "Ukraine" in html


def test_build_needs_something():
    from graphbuild.errors import InputError

    with pytest.raises(InputError, match="nothing to build from"):
        KnowledgeGraph.build()


def test_saved_names_with_dots_and_spaces_load_back_in_both_readers(tmp_path):
    from graphbuild.extract.model import Actor, Relation, Statement

    st = Statement("d", "Ryan Milk sold shares to the Larsen Co.", (0, 39), Actor("Ryan Milk", "Ryan Milk"),
                   Relation("sold", "sell", 10, 14), Actor("the Larsen Co.", "larsen co."))
    path = KnowledgeGraph.from_statements([st]).save(tmp_path / "g.ttl")
    assert len(rdflib.Graph().parse(path, format="turtle")) > 0  # no escapes rdflib 7 rejects
    kg = KnowledgeGraph.load(path)
    assert {d["label"] for _, d in kg.to_networkx().nodes(data=True)} == {"Ryan Milk", "larsen co."}
