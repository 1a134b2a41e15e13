"""SHACL: every graph graphbuild writes conforms; broken graphs and data files are caught readably."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef

from graphbuild.extract.model import (
    ACTOR_TYPES,
    MODALITIES,
    Actor,
    Argument,
    Attribution,
    Event,
    Relation,
    Statement,
)
from graphbuild.ingest import Document
from graphbuild.rdf.read import load_graph
from graphbuild.rdf.serialize import statement_iri, to_rdf, write_graph
from graphbuild.rdf.validate import validate
from graphbuild.rdf.vocab import CAMEO, GB

ONTOLOGIES = Path(__file__).resolve().parents[2] / "ontologies"
TEXT = "Putin told Trump in Geneva by phone, the Kremlin said."
PUTIN = Actor("Putin", "Vladimir Putin", "Q7747", "Person", "RUS", 0, 5)


def told(**changes) -> Statement:
    return Statement(
        doc="d1", sentence=TEXT, span=(0, len(TEXT)), subject=PUTIN,
        relation=Relation("told", "tell", 6, 10), object=Actor("Trump", "Donald Trump", "Q22686", "Person", "USA", 11, 16),
        arguments=(Argument("in", Actor("Geneva", "Geneva", "Q71", "Location", "CHE", 20, 26)),),
        attribution=Attribution("the Kremlin", Actor("the Kremlin", "Russia", "Q159", "Country", "RUS", 37, 48)),
        event=Event("041", "Discuss by telephone", 1, 1.0, "consult"), confidence=0.8, date="2025-07-03",
    ).replace(**changes)


def test_written_graph_conforms_in_every_format(tmp_path):
    statements = [told(), told(doc="d2", negated=True, modality="denied"), told(object=None, event=None, date="2025")]
    ds = to_rdf(statements, [Document("d1", TEXT, title="T", published="2025-07-03", url="https://x.org/1")])
    report = validate(ds)
    assert report.conforms, str(report)
    assert report.triples == len(set(ds.triples((None, None, None))))
    for name in ("g.ttl", "g.trig", "g.nq", "g.jsonld"):
        assert validate(load_graph(write_graph(ds, tmp_path / name))).conforms, name


actors = st.builds(
    Actor,
    text=st.text(min_size=1, max_size=12),
    label=st.text(min_size=1, max_size=12),
    id=st.one_of(st.none(), st.from_regex(r"Q[1-9][0-9]{0,5}", fullmatch=True)),
    type=st.sampled_from(ACTOR_TYPES),
    country=st.one_of(st.none(), st.sampled_from(["RUS", "USA", "UKR"])),
    start=st.just(0),
    end=st.just(3),
    sector=st.one_of(st.none(), st.just("MIL")),
    resolved=st.booleans(),
)
statements = st.builds(
    Statement,
    doc=st.sampled_from(["d1", "d 2", "d/3"]),
    sentence=st.just("Twenty chars of text"),  # document text[0:20]
    span=st.just((0, 20)),
    subject=actors,
    relation=st.builds(Relation, text=st.text(min_size=1, max_size=8), lemma=st.text(min_size=1, max_size=8),
                       start=st.just(4), end=st.just(8)),
    object=st.one_of(st.none(), actors),
    arguments=st.lists(st.builds(Argument, role=st.sampled_from(["in", "to", "with"]), actor=actors),
                       max_size=2).map(tuple),
    negated=st.booleans(),
    modality=st.sampled_from(MODALITIES),
    attribution=st.one_of(st.none(), st.builds(Attribution, text=st.text(min_size=1, max_size=8),
                                               actor=st.one_of(st.none(), actors))),
    date=st.one_of(st.none(), st.sampled_from(["2025-07-03", "2025-07", "2025"])),
    event=st.one_of(st.none(), st.just(Event("1622", "Halt military assistance", 4, -5.6, "REDUCE"))),
    confidence=st.floats(0, 1),
    sentence_index=st.just(0),
)


@settings(max_examples=15, deadline=None)
@given(st.lists(statements, min_size=1, max_size=4))
def test_any_statements_give_a_conforming_graph(batch):
    report = validate(to_rdf(batch))
    assert report.conforms, str(report)


def test_broken_graph_gives_readable_violations():
    ds = to_rdf([told()])
    g = rdflib.Graph()
    for triple in ds.triples((None, None, None)):
        g.add(triple)
    s = statement_iri(told())
    g.set((s, GB.modality, Literal("maybe")))
    g.set((s, GB.eventType, URIRef(str(CAMEO) + "x1")))
    g.remove((s, GB.evidence, None))
    g.add((s, GB.subject, URIRef("https://example.org/untyped")))
    report = validate(g)
    assert not report.conforms
    found = {(v.focus, v.path) for v in report.violations}
    short = f"gbs:{told().id}"
    assert {(short, "gb:modality"), (short, "gb:eventType"), (short, "gb:evidence"), (short, "gb:subject")} <= found
    text = str(report)
    assert "gb:modality: modality is one of asserted" in text and '"maybe"' in text
    assert "exactly one subject" in text


def test_agentless_is_written_only_for_agentless_passives_and_only_as_true():
    passive = told(extra={"voice": "passive"})
    ds = to_rdf([passive, told(extra={"voice": "active"}, span=(200, 260))])
    flagged = {s for s, _, _ in ds.triples((None, GB.agentless, None))}
    assert flagged == {statement_iri(passive)}
    assert validate(ds).conforms
    g = rdflib.Graph()
    for triple in ds.triples((None, None, None)):
        g.add(triple)
    g.set((statement_iri(passive), GB.agentless, Literal(False)))
    report = validate(g)
    assert (f"gbs:{passive.id}", "gb:agentless") in {(v.focus, v.path) for v in report.violations}
    assert "agentless is written only as true" in str(report)


def test_mentions_and_arguments_are_checked_without_a_class():
    """Mention and argument nodes carry no rdf:type: the shapes find them by the linking property."""
    g = rdflib.Graph()
    for triple in to_rdf([told()]).triples((None, None, None)):
        g.add(triple)
    s = statement_iri(told())
    subject = g.value(s, GB.subjectMention)
    argument = sorted(g.objects(s, GB.argument))[0]
    g.remove((subject, GB.actor, None))
    g.remove((argument, GB.role, None))
    g.add((g.value(s, GB.relationMention), GB.mentionText, Literal("a second text")))
    found = {(v.focus, v.path) for v in validate(g).violations}
    short = f"gbs:{told().id}"
    assert {(f"{short}-subject", "gb:actor"), (f"{short}-argument-0", "gb:role"),
            (f"{short}-relation", "gb:mentionText")} <= found


def test_missing_direct_edge_is_a_violation():
    ds = to_rdf([told()])
    g = rdflib.Graph()
    for s, p, o in ds.triples((None, None, None)):
        if not str(p).startswith("https://w3id.org/graphbuild/relation/"):
            g.add((s, p, o))
    messages = [v.message for v in validate(g).violations]
    assert messages == ["the direct edge gbr:<lemma> between subject and object is missing"]


@pytest.mark.parametrize("name", ["graphbuild.ttl", "actors.ttl", "people.ttl", "cameo.ttl", "extraction.ttl"])
def test_shipped_data_files_conform(name):
    report = validate(load_graph(ONTOLOGIES / name))
    assert report.conforms, str(report)


def test_gazetteer_shapes_catch_bad_entries():
    bad = rdflib.Graph().parse(data="""
        @prefix gb: <https://w3id.org/graphbuild/ontology#> .
        @prefix gba: <https://w3id.org/graphbuild/id/actor/> .
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
        gba:Q1 a gb:Country ; gb:iso3 "Russia" ; owl:sameAs <https://example.org/Q1> .
        gba:Q2 a gb:Person ; skos:prefLabel "X"@en ; gb:gender "m" ;
            gb:holds [ gb:office gba:nowhere ; gb:validFrom "2020-01-02"^^xsd:date ; gb:validTo "2019-01-01"^^xsd:date ] .
    """, format="turtle")
    paths = {(v.focus, v.path) for v in validate(bad).violations}
    assert {("gba:Q1", "rdfs:label|skos:prefLabel"), ("gba:Q1", "gb:iso3"), ("gba:Q1", "owl:sameAs"), ("gba:Q2", "gb:gender"),
            ("gba:Q2", "gb:holds")} <= paths


def test_cameo_scheme_checked_in_one_query():
    scheme = load_graph(ONTOLOGIES / "cameo.ttl")
    scheme.remove((CAMEO["0231"], GB.goldstein, None))
    scheme.set((CAMEO["0232"], rdflib.namespace.SKOS.broader, CAMEO["03"]))
    bad = {v.value for v in validate(scheme).violations}
    assert bad == {"cameo:0231", "cameo:0232"}


def test_validate_cli(tmp_path, capsys):
    from graphbuild.cli._util import main

    good = write_graph(to_rdf([told()]), tmp_path / "good.ttl")
    ds = to_rdf([told()])
    g = rdflib.Graph()
    for s, p, o in ds.triples((None, None, None)):
        g.add((s, p, o))
    g.set((statement_iri(told()), GB.modality, Literal("maybe")))
    bad = write_graph(g, tmp_path / "bad.ttl")
    assert main(["validate", str(good)]) == 0
    assert "conforms" in capsys.readouterr().out
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "1 SHACL violation(s)" in out and "gb:modality" in out
    assert main(["validate", str(bad), "--json"]) == 1
    assert '"conforms": false' in capsys.readouterr().out
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    assert main(["validate", str(broken)]) == 2
    assert capsys.readouterr().err.startswith(f"graphbuild: error: {broken}:1:")


@pytest.mark.slow
def test_graph_of_the_bundled_example_conforms(tmp_path):
    """The real pipeline's statements on the bundled article: both writers give a conforming graph."""
    from graphbuild.pipeline import parse_batch
    from graphbuild.rdf.serialize import write_statements
    from graphbuild.resources import example_path

    document = Document("example", example_path().read_text(encoding="utf-8"))
    statements = [st for result in parse_batch([document], keep=True) for st in result.parsed]
    assert len(statements) >= 10
    report = validate(to_rdf(statements, [document]))
    assert report.conforms, str(report)
    path = write_statements(statements, tmp_path / "example.trig", documents=[document])
    assert validate(load_graph(path)).conforms
    text = document.text
    for statement in statements:  # the evidence offsets point at the sentence in the document
        assert text[statement.span[0]:statement.span[1]] == statement.sentence


@pytest.mark.slow
def test_graph_of_real_news_sentences_conforms(shared):
    """The PLOVER example sentences (../shared, read at run time) through the real pipeline."""
    import json

    from graphbuild.pipeline import parse_batch

    path = shared / "benchmarks" / "plover_gsr" / "plover_gsr.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is not present")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    documents = [Document(str(row["id"]), row["text"]) for row in rows if row.get("text")]
    statements = [st for result in parse_batch(documents, keep=True, skip_bad=True) for st in result.parsed]
    assert len(statements) >= len(documents) // 2
    report = validate(to_rdf(statements, documents))
    assert report.conforms, str(report)
