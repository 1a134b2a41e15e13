"""``graphbuild query`` end to end on a graph file written from the hand-built sample."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

from graphbuild.cli._util import main
from graphbuild.rdf.serialize import to_rdf, write_graph

sys.path.insert(0, str(Path(__file__).parent))
from test_graph import sample_statements


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory) -> Path:
    return write_graph(to_rdf(sample_statements()), tmp_path_factory.mktemp("cli") / "graph.ttl")


def cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_names_and_parameters(capsys):
    code, out, _ = cli(capsys, "query", "--list")
    assert code == 0
    assert "events-between\n" in out and "--param a=... (required)" in out
    assert '--param modality=... (default "denied")' in out


def test_named_query_with_params_as_csv(capsys, graph_file):
    code, out, _ = cli(capsys, "query", graph_file, "--name", "events-between", "-p", "a=Russia", "-p", "b=wd:Q212",
                       "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["subject"], r["relation"], r["object"]) for r in rows] == [
        ("Russia", "struck", "Ukraine"), ("Russia", "accused", "Ukraine"),
    ]


def test_inline_sparql_as_table_and_json(capsys, graph_file):
    sparql = "SELECT ?l WHERE { ?a a gb:Person ; rdfs:label ?l } ORDER BY ?l"
    code, out, _ = cli(capsys, "query", graph_file, sparql)
    assert code == 0 and out.splitlines()[-1] == "(2 rows)" and "Vladimir Putin" in out
    code, out, _ = cli(capsys, "query", graph_file, sparql, "--format", "json", "--engine", "rdflib")
    values = [b["l"]["value"] for b in json.loads(out)["results"]["bindings"]]
    assert values == ["Recep Tayyip Erdoğan", "Vladimir Putin"]


def test_query_file_and_turtle_output(capsys, graph_file, tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text("CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a gb:Person ; rdfs:label ?l }")
    code, out, _ = cli(capsys, "query", graph_file, "--file", rq, "--format", "ttl")
    assert code == 0 and "gba:Q7747" in out and '"Vladimir Putin"' in out


@pytest.mark.parametrize(
    "args, message",
    [
        (["SELECT ?x WHERE {\n ?x ?y }"], "query:2:"),
        (["--name", "actor-timeline"], "needs --param actor=VALUE"),
        (["--name", "nope"], "no named query 'nope'"),
        (["--name", "actors", "-p", "country"], "is not NAME=VALUE"),
        (["SELECT * {}", "--format", "ttl"], "Turtle output needs a CONSTRUCT"),
    ],
)
def test_errors_are_one_line_with_exit_code(capsys, graph_file, args, message):
    code, out, err = cli(capsys, "query", graph_file, *args)
    assert code != 0 and out == ""
    assert message in err and err.count("\n") == 1


def test_missing_graph_and_missing_query(capsys, tmp_path):
    code, _, err = cli(capsys, "query", tmp_path / "none.ttl", "ASK {}")
    assert code == 2 and "no such file" in err
    code, _, err = cli(capsys, "query")
    assert code != 0 and "give a query" in err
