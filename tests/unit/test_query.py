"""SPARQL: engines agree, parameters are bound not spliced, errors point at line and column."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date
from pathlib import Path

import pytest
import rdflib

from graphbuild.errors import InputError, QueryError, RDFSyntaxError
from graphbuild.query import (
    ENGINES,
    NamedQuery,
    QueryResult,
    load_source,
    named_queries,
    run,
    run_named,
    to_term,
)
from graphbuild.rdf.serialize import to_rdf, write_graph

sys.path.insert(0, str(Path(__file__).parent))
from test_graph import expelled_ambassador, sample_statements

#: Parameters for every named query that needs some.
PARAMS = {
    "events-between": {"a": "Russia", "b": "wd:Q212"},
    "actor-timeline": {"actor": "ukraine"},
    "actor-partners": {"actor": "Ukraine"},
    "document": {"doc": "day1"},
}


@pytest.fixture(scope="module")
def dataset() -> rdflib.Dataset:
    return to_rdf(sample_statements())


@pytest.fixture(scope="module")
def files(tmp_path_factory, dataset) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("graphs")
    return {fmt: write_graph(dataset, folder / f"graph.{fmt}", format=fmt) for fmt in ("ttl", "trig")}


@pytest.fixture(scope="module")
def store(dataset):
    return load_source(dataset, engine="oxigraph")


def test_every_shipped_query_documents_itself_and_parses():
    queries = named_queries()
    assert {"events-between", "actor-timeline", "top-cooperation", "top-conflict", "who-said", "by-modality",
            "hypothetical", "actors"} <= set(queries)
    for query in queries.values():
        assert query.summary, query.name
        assert all(p.description for p in query.params), query.name


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_engines_agree_on_every_named_query(name, dataset, store):
    params = PARAMS.get(name, {})
    oxi, lib = run_named(store, name, params), run_named(dataset, name, params)
    assert oxi.kind == lib.kind
    assert len(oxi) > 0, f"{name} found nothing in the sample"
    if oxi.kind == "graph":
        assert set(oxi.triples) == set(lib.triples)
    else:
        assert oxi.variables == lib.variables
        assert sorted(map(repr, oxi.records())) == sorted(map(repr, lib.records()))


def test_events_between_covers_both_directions_with_evidence(store):
    rows = run_named(store, "events-between", {"a": "United States", "b": "<https://w3id.org/graphbuild/id/actor/Q212>"})
    assert [(r["subject"], r["relation"], r["object"], r["date"]) for r in rows.records()] == [
        ("United States", "sent", "Ukraine", date(2025, 8, 1)),  # records() gives Python values
        ("Ukraine", "thanked", "United States", date(2025, 8, 2)),
    ]
    assert rows.records()[0]["sentence"] == "the United States sent aid to Ukraine."
    assert "a" not in rows.variables and "b" not in rows.variables  # bound parameters are not columns


def test_top_dyads_count_only_factual_events(store):
    conflict = run_named(store, "top-conflict").records()
    assert (conflict[0]["actor1"], conflict[0]["actor2"], conflict[0]["events"]) == ("Russia", "Ukraine", 2)
    assert conflict[0]["goldstein"] == pytest.approx(-12.0)  # the denied strike on Odesa does not count
    assert ("Hungary", "Ukraine") not in {(r["actor1"], r["actor2"]) for r in conflict}  # only "could"
    coop = run_named(store, "top-cooperation").records()
    assert coop[0]["goldstein"] == pytest.approx(11.7)
    assert (coop[0]["materialCoop"], coop[0]["verbalCoop"]) == (1, 1)


@pytest.mark.parametrize("engine", ENGINES)
def test_an_agentless_passive_undergoes_and_counts_in_no_dyad(engine):
    source = load_source(to_rdf([expelled_ambassador(), sample_statements()[3]]), engine=engine)
    assert [(r["actor1"], r["actor2"]) for r in run_named(source, "top-conflict").records()] == [("Russia", "Ukraine")]
    (row,) = run_named(source, "actor-timeline", {"actor": "ambassador"}).records()
    assert (row["role"], row["other"], row["event"]) == ("undergoes", "Ukraine", "Expel or deport individuals")
    partners = {r["label"]: r for r in run_named(source, "actor-partners", {"actor": "Ukraine"}).records()}
    assert (partners["ambassador"]["statements"], partners["ambassador"]["events"]) == (1, 0)
    assert partners["Russia"]["events"] == 1


def test_modality_and_attribution_queries(store):
    denied = run_named(store, "by-modality").records()
    assert [(r["subject"], r["relation"], r["object"]) for r in denied] == [("Russia", "strike", "Odesa")]
    hypo = {r["modality"] for r in run_named(store, "hypothetical").records()}
    assert hypo == {"intended", "possible"}
    said = run_named(store, "who-said", {"source": "wd:Q4364", "about": "odesa"}).records()
    assert [(r["said"], r["negated"]) for r in said] == [("Kremlin", True)]
    assert len(run_named(store, "who-said")) == 5


def test_actors_by_type_and_country(store):
    russians = {r["label"] for r in run_named(store, "actors", {"country": "rus"}).records()}
    assert russians == {"Russia", "Vladimir Putin", "Kremlin"}
    people = {r["label"] for r in run_named(store, "actors", {"type": "Person"}).records()}
    assert people == {"Vladimir Putin", "Recep Tayyip Erdoğan"}
    assert people == {r["label"] for r in run_named(store, "actors", {"type": "gb:Person"}).records()}


def test_parameters_are_bound_not_spliced(store, dataset):
    hostile = 'Russia") } SELECT * WHERE { ?s ?p ?o } #'
    for source in (store, dataset):
        assert len(run_named(source, "actor-timeline", {"actor": hostile})) == 0


def test_named_query_parameter_errors(store):
    with pytest.raises(QueryError, match="needs --param actor=VALUE"):
        run_named(store, "actor-timeline")
    with pytest.raises(QueryError, match="has no parameter colour"):
        run_named(store, "actor-timeline", {"actor": "Russia", "colour": "red"})
    with pytest.raises(QueryError, match="no named query"):
        run_named(store, "no-such-query")


def test_header_parsing():
    q = NamedQuery.parse("x", "# Summary line.\n#\n# More text.\n# param a: first\n# param b = 2: second\nSELECT ?a ?b {}\n# param c: not header")
    assert q.summary == "Summary line."
    assert [(p.name, p.default) for p in q.params] == [("a", None), ("b", "2")]
    assert q.bindings({"a": "1"}) == {"a": "1", "b": "2"}


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(
    "sparql, where",
    [
        ("SELECT ?s WHERE { ?s ?p }", "query:1:"),
        ("SELECT ?s\nWHERE {\n  ?s ?p ?o .\n  FILTER(?o > ) }", "query:4:"),
    ],
)
def test_malformed_sparql_names_line_and_column(sparql, where, engine, dataset):
    with pytest.raises(QueryError) as err:
        run(dataset, sparql, engine=engine)
    assert str(err.value).startswith(where)
    assert "malformed SPARQL" in str(err.value)
    assert "\n" not in str(err.value)


def test_undeclared_prefix_is_a_query_error(dataset):
    for engine in ENGINES:
        with pytest.raises(QueryError, match="prefix"):
            run(dataset, "SELECT * WHERE { ?s nope:p ?o }", engine=engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_query_forms_over_files(files, engine):
    for path in files.values():
        assert bool(run(path, "ASK { ?s a gb:Statement }", engine=engine))
        count = run(path, "SELECT (COUNT(*) AS ?n) WHERE { ?s a gb:Statement }", engine=engine).records()
        assert count == [{"n": 12}]
        described = run(path, "DESCRIBE wd:Q159", engine=engine)
        assert described.kind == "graph"
        built = run(path, "CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a gb:Country ; rdfs:label ?l }", engine=engine)
        assert len(built) == 5  # Turkey, Russia, Ukraine, the US, Hungary


def test_bindings_on_ask_fall_back_to_rdflib(files):
    assert bool(run(files["ttl"], "ASK { ?a rdfs:label ?name }", bindings={"name": "Russia"}))
    assert not bool(run(files["ttl"], "ASK { ?a rdfs:label ?name }", bindings={"name": "Atlantis"}))


def test_output_formats(store):
    result = run(store, "SELECT ?label ?code WHERE { ?a a gb:Country ; rdfs:label ?label ; gb:country ?code } ORDER BY ?label")
    table = result.format("table").splitlines()
    assert table[0].split() == ["label", "code"] and table[-1] == "(5 rows)"
    assert table[2].split() == ["Hungary", "HUN"]
    rows = list(csv.reader(io.StringIO(result.format("csv"))))
    assert rows[0] == ["label", "code"] and rows[1] == ["Hungary", "HUN"] and len(rows) == 6
    doc = json.loads(result.format("json"))
    assert doc["head"]["vars"] == ["label", "code"]
    assert doc["results"]["bindings"][0]["label"] == {"type": "literal", "value": "Hungary"}
    with pytest.raises(QueryError, match="Turtle output needs a CONSTRUCT"):
        result.format("ttl")
    graph = run(store, "CONSTRUCT { ?a rdfs:label ?l } WHERE { ?a a gb:Country ; rdfs:label ?l }")
    parsed = rdflib.Graph().parse(data=graph.format("ttl"), format="turtle")
    assert len(parsed) == 5
    assert len(rdflib.Graph().parse(data=graph.format("json"), format="json-ld")) == 5
    ask = run(store, "ASK { ?s ?p ?o }")
    assert (ask.format("table"), json.loads(ask.format("json"))["boolean"]) == ("true", True)


def test_table_cells_are_shortened_and_prefixed(store):
    table = run(store, "SELECT ?a ?s WHERE { ?a a gb:Country . ?e gb:sentence ?s } LIMIT 1").format(max_width=10)
    cells = table.splitlines()[2].split()
    assert cells[0].startswith("gba:Q") and len(cells[1]) <= 10 and cells[-1].endswith("…")


def test_records_convert_values():
    result = QueryResult("select", ("n", "d"), ((rdflib.Literal(2), None),))
    assert result.records() == [{"n": 2, "d": None}]
    with pytest.raises(QueryError):
        QueryResult("ask", boolean=True).records()


def test_to_term_forms():
    assert to_term("gbr:meet") == rdflib.URIRef("https://w3id.org/graphbuild/relation/meet")
    assert to_term("unknownprefix:x") == rdflib.Literal("unknownprefix:x")
    assert to_term(3) == rdflib.Literal(3)


def test_bad_sources(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        run(tmp_path / "missing.ttl", "ASK {}")
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(InputError, match="not an RDF file"):
        run(tmp_path / "notes.txt", "ASK {}")
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix ex: <http://ex/> .\nex:a ex:p "unterminated .\n')
    with pytest.raises(RDFSyntaxError) as err:
        run(bad, "ASK {}")
    assert str(err.value).startswith(f"{bad}:2:")
    empty = tmp_path / "folder"
    empty.mkdir()
    with pytest.raises(InputError, match="not an Oxigraph store"):
        run(empty, "ASK {}")


def test_store_folder(tmp_path, files):
    import pyoxigraph as ox

    folder = tmp_path / "store"
    writable = ox.Store(str(folder))
    writable.bulk_load(path=str(files["trig"]), format=ox.RdfFormat.TRIG)
    writable.flush()
    del writable
    result = run_named(folder, "top-conflict")
    assert result.records()[0]["goldstein"] == pytest.approx(-12.0)  # named graphs do not double-count
