"""Statements as RDF: IRIs, layout, direct edges, named graphs, round trips, hostile text."""

from __future__ import annotations

import os

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import RDF, RDFS, XSD, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, OWL, PROV

from graphbuild.extract.model import Actor, Argument, Attribution, Event, Relation, Statement
from graphbuild.ingest import Document
from graphbuild.rdf.serialize import (
    FORMATS,
    actor_iri,
    document_iri,
    document_triples,
    edge_predicate,
    mint_iri,
    statement_iri,
    statement_triples,
    to_rdf,
    write_graph,
    write_statements,
)
from graphbuild.rdf.vocab import CAMEO, GB, GBR, ID, OA, PLOVER, WD

PUTIN = Actor("Putin", "Vladimir Putin", "Q7747", "Person", "RUS", 0, 5)
TRUMP = Actor("Trump", "Donald Trump", "Q22686", "Person", "USA", 11, 16)
KREMLIN = Actor("the Kremlin", "Russia", "Q159", "Country", "RUS", 40, 51)
TEXT = "Putin told Trump in Geneva by phone, the Kremlin said."


def told(**changes) -> Statement:
    base = Statement(
        doc="d1", sentence=TEXT, span=(0, len(TEXT)), subject=PUTIN,
        relation=Relation("told", "tell", 6, 10), object=TRUMP,
        arguments=(
            Argument("in", Actor("Geneva", "Geneva", "Q71", "Location", "CHE", 20, 26)),
            Argument("by", Actor("phone", "phone", start=30, end=35)),
        ),
        attribution=Attribution("the Kremlin", KREMLIN),
        event=Event("041", "Discuss by telephone", 1, 1.0, "CONSULT"),
        confidence=0.8, date="2025-07-03", sentence_index=2,
    )
    return base.replace(**changes)


def triples_of(graph) -> set:
    return set(graph.triples((None, None, None)))


def parse_back(path, fmt: str) -> rdflib.Dataset:
    """What rdflib reads from a written file (all graphs visible as the default)."""
    return rdflib.Dataset(default_union=True).parse(path, format={"nt": "nt", "nq": "nquads"}.get(fmt, fmt))


def as_graph(triples) -> rdflib.Graph:
    graph = rdflib.Graph()
    for triple in triples:
        graph.add(triple)
    return graph


# --- IRIs ------------------------------------------------------------------------------------


def test_mint_iri_keeps_slugs_and_qids_readable():
    assert mint_iri("actor", "Q159") == URIRef(str(ID) + "actor/Q159")
    assert mint_iri("actor", "hamas-military-wing") == URIRef(str(ID) + "actor/hamas-military-wing")
    assert mint_iri("actor", "Erdoğan").endswith("/Erdoğan")
    assert mint_iri("relation", "call_for") == GBR.call_for
    assert mint_iri("cameo", "0231") == CAMEO["0231"]
    assert mint_iri("plover", "consult") == PLOVER.consult


HOSTILE_KEYS = ['a b/"c"<script>\\%\n\u200f', "..", ".", "Larsen & Co.", "name:larsen co.", "x~y", "100%",
                "a--b", "\\.", "a\U000e0100", "-", "line-1"]


def test_mint_iri_turns_hostile_keys_into_plain_distinct_segments():
    segments = [str(mint_iri("doc", key)).rsplit("/", 1)[1] for key in HOSTILE_KEYS]
    assert len(set(segments)) == len(HOSTILE_KEYS)
    for segment in segments:
        assert not set(segment) & set("%.~/\\<>\"{}|^` \n"), segment
    assert segments[-1] == "line-1" and segments[2].startswith("--")
    assert mint_iri("actor", "Larsen & Co.").endswith("/larsen-co--" + segments[3].rsplit("--", 1)[1])


def test_turtle_written_by_pyoxigraph_parses_back_with_rdflib(tmp_path):
    import rdflib

    graph = rdflib.Graph()
    for key in HOSTILE_KEYS:
        graph.add((mint_iri("actor", key), GBR.meet, mint_iri("doc", key)))
    path = write_graph(graph, tmp_path / "g.ttl", format="turtle")
    again = rdflib.Graph().parse(path, format="turtle")
    assert set(again) == set(graph)


def test_mint_iri_escapes_marks_that_iris_forbid():
    assert "%" not in mint_iri("actor", "a\U000e0100")  # variation selector: Mn, not ucschar
    assert mint_iri("actor", "\u05d0").endswith("/\u05d0")  # Hebrew letter: allowed


def test_mint_iri_normalises_unicode_and_rejects_nonsense():
    assert mint_iri("actor", "Erdo\u011fan") == mint_iri("actor", "Erdog\u0306an")
    with pytest.raises(ValueError, match="empty"):
        mint_iri("actor", "")
    with pytest.raises(ValueError, match="unknown IRI kind"):
        mint_iri("person", "x")


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1, max_size=40), st.text(min_size=1, max_size=40))
def test_mint_iri_is_valid_stable_and_injective(a, b):
    iri = mint_iri("actor", a)
    ox.NamedNode(str(iri))  # pyoxigraph validates IRIs strictly (RFC 3987)
    assert iri == mint_iri("actor", a)
    import unicodedata

    if unicodedata.normalize("NFC", a) != unicodedata.normalize("NFC", b):
        assert iri != mint_iri("actor", b)


def test_actor_iri_uses_qid_else_key():
    assert actor_iri(PUTIN) == URIRef(str(ID) + "actor/Q7747")
    assert actor_iri(Actor("the Taliban", "Taliban")) == mint_iri("actor", "name:taliban")
    assert actor_iri(Actor("X", "Some Body", id="some-body")) == mint_iri("actor", "some-body")


# --- layout ----------------------------------------------------------------------------------


def test_statement_node_carries_everything_of_the_contract():
    statement = told()
    g = rdflib.Graph()
    for t in statement_triples(statement):
        g.add(t)
    s = statement_iri(statement)
    one = lambda p: g.value(s, p)
    assert (s, RDF.type, GB.Statement) in g
    assert one(DCTERMS.identifier) == Literal(statement.id)
    assert one(GB.subject) == actor_iri(PUTIN) and one(GB.object) == actor_iri(TRUMP)
    assert (one(GB.relationText), one(GB.relationLemma)) == (Literal("told"), Literal("tell"))
    assert one(GB.negated) == Literal(False) and one(GB.modality) == Literal("asserted")
    assert one(GB.confidence) == Literal(0.8) and one(GB.date) == Literal("2025-07-03", datatype=XSD.date)
    assert one(GB.attributedTo) == actor_iri(KREMLIN) and one(GB.attributionText) == Literal("the Kremlin")
    assert one(GB.eventType) == CAMEO["041"] and one(GB.ploverType) == PLOVER.consult
    assert (one(GB.quadClass), one(GB.goldstein)) == (Literal(1), Literal(1.0))
    assert one(GB.location) == actor_iri(told().arguments[0].actor)
    assert one(PROV.wasDerivedFrom) == document_iri("d1")
    evidence = one(GB.evidence)
    assert (g.value(evidence, OA.start), g.value(evidence, OA.end)) == (Literal(0), Literal(len(TEXT)))
    assert g.value(evidence, GB.sentence) == Literal(TEXT) and g.value(evidence, GB.sentenceIndex) == Literal(2)
    args = sorted(g.objects(s, GB.argument))
    assert [str(a).rsplit("-", 1)[1] for a in args] == ["0", "1"]
    assert [g.value(a, GB.role) for a in args] == [Literal("in"), Literal("by")]
    assert g.value(args[1], OA.start) == Literal(30) and g.value(args[1], GB.mentionText) == Literal("phone")
    mentions = {role: one(GB[f"{role}Mention"]) for role in ("subject", "object", "relation", "attribution")}
    assert g.value(mentions["relation"], OA.start) == Literal(6)
    assert g.value(mentions["attribution"], GB.mentionText) == Literal("the Kremlin")
    assert g.value(mentions["subject"], GB.actor) == actor_iri(PUTIN)
    assert g.value(mentions["object"], GB.mentionText) == Literal("Trump")
    # The role is the linking property; no role literals or mention classes are written out.
    assert not [m for m in mentions.values() if (m, GB.role, None) in g or (m, RDF.type, None) in g]
    assert (actor_iri(PUTIN), OWL.sameAs, WD.Q7747) in g
    assert (actor_iri(PUTIN), GB.country, Literal("RUS")) in g
    assert (actor_iri(PUTIN), RDF.type, GB.Person) in g
    assert (CAMEO["041"], rdflib.namespace.SKOS.prefLabel, Literal("Discuss by telephone", lang="en")) in g


def test_statements_of_one_sentence_share_its_evidence():
    """One evidence node per sentence, named after its span in the document (RFC 5147)."""
    said = told(subject=KREMLIN, relation=Relation("said", "say", 49, 53), object=None, arguments=(),
                attribution=None, event=None)
    g = to_rdf([told(), said])
    [evidence] = set(g.objects(None, GB.evidence))
    assert str(evidence) == f"{document_iri('d1')}#char=0,{len(TEXT)}"
    assert len(set(g.subjects(GB.evidence, evidence))) == 2
    assert len(list(g.triples((None, GB.sentence, None)))) == 1


def test_direct_edge_makes_first_query_work():
    ds = to_rdf([told()])
    rows = list(ds.query("SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER STRSTARTS(STR(?p), STR(gbr:)) }"))
    assert [(r.s, r.p, r.o) for r in rows] == [(actor_iri(PUTIN), GBR.tell, actor_iri(TRUMP))]
    assert (GBR.tell, RDFS.label, Literal("tell")) in ds


@pytest.mark.parametrize(
    ("changes", "edge"),
    [
        ({}, "tell"),
        ({"modality": "reported"}, "tell"),
        ({"negated": True}, "not_tell"),
        ({"modality": "denied"}, "not_tell"),
        ({"modality": "expected"}, "expected_tell"),
        ({"modality": "possible"}, "possible_tell"),
        ({"relation": Relation("called for", "call for", 6, 16)}, "call_for"),
        # "Trump was told ...": an agentless passive's subject did not do the telling
        ({"extra": {"voice": "passive"}}, "passive_tell"),
        ({"extra": {"voice": "passive"}, "negated": True}, "not_passive_tell"),
        ({"extra": {"voice": "passive-agent"}}, "tell"),
    ],
)
def test_edge_never_says_more_than_the_text(changes, edge):
    assert edge_predicate(told(**changes)) == GBR[edge]


def test_no_object_no_direct_edge_and_no_optional_triples():
    bare = Statement("d2", "Russia withdrew.", (0, 16), Actor("Russia", "Russia", "Q159", "Country"),
                     Relation("withdrew", "withdraw", 7, 15))
    g = rdflib.Graph()
    for t in statement_triples(bare):
        g.add(t)
    assert not [p for p in g.predicates() if str(p).startswith(str(GBR))]
    s = statement_iri(bare)
    for p in (GB.object, GB.eventType, GB.attributedTo, GB.date, GB.argument, GB.location):
        assert g.value(s, p) is None, p


@pytest.mark.parametrize(
    ("value", "datatype"),
    [("2025-07-03", XSD.date), ("2025-07", XSD.gYearMonth), ("2025", XSD.gYear), ("early 2025", None)],
)
def test_dates_are_typed_when_iso(value, datatype):
    ds = to_rdf([told(date=value)])
    assert ds.value(statement_iri(told(date=value)), GB.date) == Literal(value, datatype=datatype)


def test_documents_one_named_graph_each_and_union_default():
    docs = [Document("d1", TEXT, title="T", published="2025-07-03", url="https://x.org/a?b=1&c", source="Reuters"),
            Document("d2", "Other.")]
    other = told(doc="d2")
    ds = to_rdf([told(), other], docs)
    names = {g.identifier for g in ds.graphs() if len(g)}
    assert names == {document_iri("d1"), document_iri("d2")}
    d1 = ds.graph(document_iri("d1"))
    assert (document_iri("d1"), DCTERMS.title, Literal("T")) in d1
    assert (document_iri("d1"), URIRef("https://schema.org/url"), Literal("https://x.org/a?b=1&c", datatype=XSD.anyURI)) in d1
    assert (statement_iri(other), RDF.type, GB.Statement) not in d1
    # one actor node across documents, visible in the union
    assert len(set(ds.subjects(OWL.sameAs, WD.Q7747))) == 1
    assert set(document_triples(docs[1])) == {
        (document_iri("d2"), RDF.type, GB.Document), (document_iri("d2"), DCTERMS.identifier, Literal("d2"))}


def test_repeated_statement_kept_once():
    ds = to_rdf([told(), told(confidence=0.3), told(doc="d2")])
    assert len(set(ds.subjects(RDF.type, GB.Statement))) == 2
    assert ds.value(statement_iri(told()), GB.confidence) == Literal(0.8)


def test_actor_gets_one_label_and_class_across_statements():
    a = told(subject=Actor("Georgia", "Georgia", None, "Location", None, 0, 7))
    b = told(subject=Actor("Georgia", "Georgia", None, "Country", "GEO", 0, 7), doc="d2")
    c = told(subject=Actor("georgia", "georgia", None, "Country", "GEO", 0, 7), doc="d3")
    ds = to_rdf([a, b, c])
    node = actor_iri(a.subject)
    assert set(ds.objects(node, RDF.type)) == {GB.Country}
    assert set(ds.objects(node, RDFS.label)) == {Literal("Georgia")}


# --- writing and round trips -------------------------------------------------------------------


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("writer", ["write_graph", "write_statements"])
def test_round_trip_every_format(tmp_path, fmt, writer):
    statements = [told(), told(doc="d2", negated=True), told(doc="d2", object=None, event=None)]
    ds = to_rdf(statements)
    path = tmp_path / f"g{FORMATS[fmt][2]}"
    if writer == "write_graph":
        write_graph(ds, path)
    else:
        write_statements(statements, path)
    back = parse_back(path, fmt)
    assert isomorphic(as_graph(triples_of(back)), as_graph(triples_of(ds)))
    if FORMATS[fmt][1]:  # quad formats keep the per-document graphs
        assert {g.identifier for g in back.graphs() if len(g)} == {document_iri("d1"), document_iri("d2")}
        d2 = document_iri("d2")
        assert triples_of(back.graph(d2)) == triples_of(ds.graph(d2))


def test_turtle_is_pretty(tmp_path):
    path = write_graph(to_rdf([told()]), tmp_path / "g.ttl")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("@prefix ") and "@prefix gb: <https://w3id.org/graphbuild/ontology#> ." in text
    assert "gba:Q7747 a gb:Person ;" in text  # grouped by subject, rdf:type first, prefixed names
    assert "gba:Q7747 gbr:tell gba:Q22686" not in text  # the edge sits in Putin's group
    assert "\tgbr:tell gba:Q22686" in text


def test_write_is_atomic(tmp_path, monkeypatch):
    path = tmp_path / "g.ttl"
    path.write_text("old", encoding="utf-8")

    def boom(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(ox, "serialize", boom)
    with pytest.raises(OSError, match="disk full"):
        write_graph(to_rdf([told()]), path)
    assert path.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["g.ttl"]  # no temporary file left behind


def test_format_from_extension_and_unknown_format(tmp_path):
    path = write_graph(to_rdf([told()]), tmp_path / "g.nq")
    assert path.read_text(encoding="utf-8").rstrip().endswith(f"<{document_iri('d1')}> .")
    with pytest.raises(ValueError, match="cannot tell the RDF format"):
        write_graph(to_rdf([told()]), tmp_path / "g.txt")
    with pytest.raises(ValueError, match="unknown RDF format"):
        write_graph(to_rdf([told()]), tmp_path / "g.ttl", "yaml")


HOSTILE = [
    'He said "no"',
    "line\nbreak\r\n",
    "back\\slash \\u0041 \\n",
    "ctrl\x00\x01\x07\x1b\x7f",
    "\u202eRTL override\u200f mark \u2028 sep",
    "<script>alert('x')</script>",
    "  spaces  ",
    "ünïcödé 中文 العربية 𝄞 😀",
    "@prefix x: <y> . }{ ;,",
    '"""triple""" quotes',
]


@pytest.mark.parametrize("text", HOSTILE)
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_hostile_strings_round_trip(tmp_path, text, fmt):
    actor = Actor(text, text, None, "Group", None, 0, 3)
    statement = told(doc=text, sentence=text, subject=actor, relation=Relation(text, text, 0, 1),
                     attribution=Attribution(text, actor))
    document = Document(text, text, title=text, url=text, source=text)
    ds = to_rdf([statement], [document])
    for writer in (write_graph, write_statements):
        path = tmp_path / f"{writer.__name__}{FORMATS[fmt][2]}"
        writer(ds, path) if writer is write_graph else writer([statement], path, documents=[document])
        back = parse_back(path, fmt)
        assert triples_of(back) == triples_of(ds), writer.__name__
        assert (actor_iri(actor), RDFS.label, Literal(text)) in back
        assert {str(o) for o in back.objects(None, GB.sentence)} == {text}


@pytest.mark.parametrize("fmt", ["nt", "nq", "turtle"])
def test_hostile_strings_round_trip_from_a_plain_graph(tmp_path, fmt):
    """A plain rdflib Graph goes through rdflib's line serializers for N-Triples/N-Quads."""
    from graphbuild.rdf.read import load_graph

    graph = as_graph(triples_of(to_rdf([told(sentence=text, doc=text) for text in HOSTILE])))
    path = write_graph(graph, tmp_path / f"g{FORMATS[fmt][2]}")
    assert triples_of(load_graph(path)) == triples_of(graph)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30))
def test_any_text_round_trips_through_turtle_and_nquads(tmp_path, text):
    actor = Actor(text, text, None, "Other", None, 0, 1)
    statement = told(doc=text, sentence=text, object=actor, relation=Relation("r", text or "r", 0, 1))
    ds = to_rdf([statement])
    for name in ("g.ttl", "g.nq"):
        path = write_statements([statement], tmp_path / name)
        back = parse_back(path, "turtle" if name.endswith("ttl") else "nq")
        assert triples_of(back) == triples_of(ds)
