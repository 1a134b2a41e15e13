"""The CAMEO/PLOVER scheme (ontologies/cameo.ttl) and the lexicon file (ontologies/lexicon.ttl)."""

from __future__ import annotations

import csv

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from graphbuild.errors import GraphbuildError
from graphbuild.events import Lexicon
from graphbuild.rdf.vocab import CAMEO, GB, PLOVER
from graphbuild.resources import ontology_graph

LEX = Namespace("https://w3id.org/graphbuild/lexicon#")
SCHEME = CAMEO["scheme"]

#: The 3-digit codes news uses (issue 5): each must be reachable from the lexicon.
NEWS_CODES = [
    "010", "011", "012", "013", "014", "015", "016", "017", "018", "019",
    "020", "021", "022", "023", "024", "025", "026", "027", "028",
    "030", "031", "032", "033", "034", "035", "036", "037", "038", "039",
    "040", "041", "042", "043", "044", "045", "046",
    "050", "051", "052", "053", "054", "055", "056", "057",
    "060", "061", "062", "063", "064",
    "070", "071", "072", "073", "074", "075",
    "080", "081", "082", "083", "084", "085", "086", "087",
    "090", "091", "092", "093", "094",
    "100", "101", "102", "103", "104", "105", "106", "107", "108",
    "110", "111", "112", "113", "114", "115", "116",
    "120", "121", "122", "123", "124", "125", "126", "127", "128", "129",
    "130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
    "141", "142", "143", "144", "145",
    "150", "151", "152", "153", "154",
    "160", "161", "162", "163", "164", "165", "166",
    "170", "171", "172", "173", "174", "175",
    "180", "181", "182", "183", "184", "185", "186",
    "190", "191", "192", "193", "194", "195", "196",
    "201", "202", "203", "204",
]


@pytest.fixture(scope="module")
def scheme() -> Graph:
    return ontology_graph("cameo.ttl")


@pytest.fixture(scope="module")
def reference(shared) -> list[dict[str, str]]:
    path = shared / "benchmarks" / "cameo_reference" / "cameo_codes.csv"
    if not path.is_file():
        pytest.skip("CAMEO reference table not present")
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _codes(scheme: Graph) -> dict[str, URIRef]:
    return {str(scheme.value(c, SKOS.notation)): c for c in scheme.subjects(SKOS.inScheme, SCHEME)}


def test_every_reference_code_is_in_the_scheme_with_its_facts(scheme, reference):
    codes = _codes(scheme)
    assert set(codes) == {row["code"] for row in reference}
    for row in reference:
        concept = codes[row["code"]]
        assert concept == CAMEO[row["code"]], "the IRI is vocab.CAMEO + code"
        assert scheme.value(concept, GB.quadClass).toPython() == int(row["quad_class"])
        assert float(scheme.value(concept, GB.goldstein)) == pytest.approx(float(row["goldstein"]))
        assert str(scheme.value(concept, SKOS.prefLabel)) == row["name"]


def test_hierarchy_runs_root_to_three_to_four_digits(scheme):
    codes = _codes(scheme)
    assert len(codes) == 313
    roots = set(scheme.objects(SCHEME, SKOS.hasTopConcept))
    assert {str(scheme.value(r, SKOS.notation)) for r in roots} == {f"{i:02d}" for i in range(1, 21)}
    for code, concept in codes.items():
        parent = scheme.value(concept, SKOS.broader)
        if len(code) == 2:
            assert parent is None
        else:
            assert parent == CAMEO[code[: 2 if len(code) == 3 else 3]]


def test_plover_types_and_mapping(scheme, reference):
    types = {str(scheme.value(t, SKOS.notation)): t for t in scheme.subjects(SKOS.inScheme, PLOVER["scheme"])}
    assert len(types) == 16
    assert all(t == PLOVER[name.lower()] for name, t in types.items())
    lexicon = Lexicon.from_ontology()
    for row in reference:
        expected = row["plover_event"]
        if expected and not expected.startswith("("):
            assert lexicon.event(row["code"]).plover == expected, row["code"]
    assert lexicon.event("010").plover is None  # CAMEO 01 and 02 were dropped in PLOVER
    assert lexicon.event("04").plover == "CONSULT"


def test_lexicon_reaches_every_news_code():
    """Every 3-digit code news uses is the code of an entry or a frame rule."""
    graph = ontology_graph("lexicon.ttl")
    reachable = {str(c).rsplit("/", 1)[-1] for c in graph.objects(None, LEX.code)}
    three_digit = {c[:3] for c in reachable if len(c) >= 3}
    assert [c for c in NEWS_CODES if c not in three_digit] == []


def test_every_entry_is_documented_and_loads():
    lexicon = Lexicon.from_ontology()
    assert len(lexicon.entries) > 700
    graph = ontology_graph("lexicon.ttl")
    for term in (LEX.Entry, LEX.verb, LEX.noun, LEX.particle, LEX.cue, LEX.cueClass, LEX.code, LEX.light,
                 LEX.frame, LEX.negation, LEX.FrameRule, LEX.inner, LEX.modality, LEX.nounRole):
        assert graph.value(term, URIRef("http://www.w3.org/2000/01/rdf-schema#comment")) is not None, term


def _tiny(*entry_triples) -> Graph:
    graph = Graph()
    graph += ontology_graph("cameo.ttl")
    entry = URIRef("urn:test:entry")
    graph.add((entry, RDF.type, LEX.Entry))
    for p, o in entry_triples:
        graph.add((entry, p, o))
    return graph


def test_from_graph_reads_a_hand_built_entry():
    lexicon = Lexicon.from_graph(_tiny((LEX.verb, Literal("parley")), (LEX.code, CAMEO["046"])))
    (entry,) = lexicon.entries
    assert entry.lemma == ("parley",) and entry.code == "046"


@pytest.mark.parametrize(
    "triples, message",
    [
        ([(LEX.verb, Literal("parley"))], "no lex:code"),
        ([(LEX.verb, Literal("parley")), (LEX.code, CAMEO["999"])], "unknown CAMEO code"),
        ([(LEX.code, CAMEO["046"])], "exactly one of lex:verb and lex:noun"),
        ([(LEX.verb, Literal("parley")), (LEX.code, CAMEO["046"]), (LEX.cueClass, LEX.nothing)], "cue class"),
    ],
)
def test_from_graph_rejects_broken_entries(triples, message):
    with pytest.raises(GraphbuildError, match=message):
        Lexicon.from_graph(_tiny(*triples))
