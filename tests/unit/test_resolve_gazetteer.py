"""The gazetteer files conform to the actor schema, and the loader reads it right.

Schema: /work/brief/ACTOR_SCHEMA.md, summarised in the README's actors section.
Checked on the packaged ``actors.ttl`` + ``people.ttl`` and on a small fixture
graph of our own (office holders by date, independent of the shipped people data).
"""

from __future__ import annotations

import re

import pytest
from rdflib import RDF, Graph, Literal, Namespace
from rdflib.namespace import OWL, SKOS, XSD

from graphbuild.resolve import Gazetteer
from graphbuild.resolve.gazetteer import normalise, variant_key
from graphbuild.resources import ontology_file

GB = Namespace("https://w3id.org/graphbuild/ontology#")
GBA = "https://w3id.org/graphbuild/id/actor/"
GBO = "https://w3id.org/graphbuild/id/office/"
WD = "http://www.wikidata.org/entity/"
ACTOR_CLASSES = {GB.Country, GB.Person, GB.Organization, GB.Group, GB.Location, GB.Other}
OTHER_CLASSES = {GB.Office, GB.Title, GB.SectorTerm, GB.AnaphoricNoun}
ROLES = {"head-of-state", "head-of-government", "foreign-minister", "defence-minister", "other"}
SECTOR = re.compile(r"^[A-Z]{3}$")
QID = re.compile(r"^Q[1-9][0-9]*$")
#: UN members and observers the issue names explicitly, plus a spread of others.
MUST_HAVE = {"RUS", "UKR", "USA", "ISR", "IRN", "PSE", "SYR", "TUR", "CHN", "TWN", "PRK", "KOR", "IND", "PAK",
             "VEN", "GBR", "FRA", "DEU", "TUV", "NRU", "SMR", "VAT", "SSD", "CIV", "COD", "COG", "XKX", "HKG"}


@pytest.fixture(scope="module")
def graphs() -> dict[str, Graph]:
    out = {}
    for name in ("actors.ttl", "people.ttl"):
        try:
            text = ontology_file(name).read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
        out[name] = Graph().parse(data=text, format="turtle")
    return out


@pytest.fixture(scope="module")
def merged(graphs) -> Graph:
    graph = Graph()
    for g in graphs.values():
        graph += g
    return graph


def _actors(graph: Graph):
    for cls in ACTOR_CLASSES:
        for node in graph.subjects(RDF.type, cls):
            yield node, cls


def test_every_typed_node_has_a_known_class(merged):
    for node, cls in merged.subject_objects(RDF.type):
        assert cls in ACTOR_CLASSES | OTHER_CLASSES, (node, cls)
    for node in set(merged.subjects()):
        if str(node).startswith((GBA, GBO)):
            assert (node, RDF.type, None) in merged, f"{node} has no class"


def test_every_actor_has_exactly_one_english_preflabel_and_one_class(merged):
    for node, _ in _actors(merged):
        labels = list(merged.objects(node, SKOS.prefLabel))
        assert len(labels) == 1 and isinstance(labels[0], Literal) and labels[0].language == "en", node
        classes = set(merged.objects(node, RDF.type)) & ACTOR_CLASSES
        assert len(classes) == 1, (node, classes)


def test_iris_follow_qid_or_slug_and_agree_with_same_as(merged):
    for node, _ in _actors(merged):
        local = str(node)[len(GBA):]
        assert str(node).startswith(GBA), node
        same = [str(o) for o in merged.objects(node, OWL.sameAs)]
        if QID.match(local):
            assert same == [WD + local], node
        else:
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", local), node
            assert all(QID.match(s[len(WD):]) for s in same), node


def test_countries_have_unique_iso3_and_cover_the_un(graphs):
    actors = graphs["actors.ttl"]
    codes = [str(merged_code) for c in actors.subjects(RDF.type, GB.Country)
             for merged_code in actors.objects(c, GB.iso3)]
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    assert len(codes) == len(set(codes)) == len(list(actors.subjects(RDF.type, GB.Country)))
    assert len(codes) >= 193 + 6
    assert MUST_HAVE <= set(codes)


def test_every_country_reference_is_an_iso3_of_actors_ttl(graphs, merged):
    codes = {str(c) for c in graphs["actors.ttl"].objects(None, GB.iso3)}
    for node, value in merged.subject_objects(GB.country):
        assert str(value) in codes, (node, value)


def test_sectors_genders_roles_and_dates(merged):
    for node, value in merged.subject_objects(GB.sector):
        assert SECTOR.match(str(value)), (node, value)
    for node, value in merged.subject_objects(GB.gender):
        assert str(value) in ("male", "female"), (node, value)
    for node, value in merged.subject_objects(GB.role):
        allowed = ROLES | ({"leader"} if (node, RDF.type, GB.Title) in merged else set())
        assert str(value) in allowed, (node, value)
    for holding in merged.objects(None, GB.holds):
        office = merged.value(holding, GB.office)
        assert (office, RDF.type, GB.Office) in merged, office
        start, end = merged.value(holding, GB.validFrom), merged.value(holding, GB.validTo)
        for value in (start, end):
            assert value is None or value.datatype == XSD.date, (holding, value)
        if start is not None and end is not None:
            assert start.toPython() <= end.toPython(), (office, start, end)


def test_country_names_are_unambiguous(graphs):
    """No surface form names two different states (demonyms and metonyms included)."""
    actors = graphs["actors.ttl"]
    seen: dict[str, object] = {}
    for country in actors.subjects(RDF.type, GB.Country):
        for prop in (SKOS.prefLabel, SKOS.altLabel, GB.demonym, GB.metonym):
            for form in actors.objects(country, prop):
                key = normalise(str(form))
                assert seen.setdefault(key, country) == country, (form, country, seen[key])


def test_packaged_gazetteer_loads_both_files():
    gaz = Gazetteer.from_ontology()
    assert gaz.lookup("Kremlin")[0][:2] == ("Q159", "metonym")
    assert gaz.lookup("Russians")[0][:2] == ("Q159", "demonym")
    assert gaz.entries["Q7747"].label == "Vladimir Putin"
    assert gaz.entries["Q7747"].type == "Person"
    assert gaz.titles[normalise("President")] >= {"head-of-state"}
    assert gaz.sector_terms["airstrikes"] == "MIL"
    assert gaz.anaphors["country"] == "Country"


FIXTURE = """
@prefix gb:   <https://w3id.org/graphbuild/ontology#> .
@prefix gba:  <https://w3id.org/graphbuild/id/actor/> .
@prefix gbo:  <https://w3id.org/graphbuild/id/office/> .
@prefix wd:   <http://www.wikidata.org/entity/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
gba:Q1 a gb:Country ; skos:prefLabel "Freedonia"@en ; gb:demonym "Freedonian"@en, "Freedonians"@en ;
    gb:metonym "Fredville"@en ; gb:iso3 "FRD" ; owl:sameAs wd:Q1 .
gbo:head-of-state-FRD a gb:Office ; skos:prefLabel "President of Freedonia"@en ;
    gb:title "President"@en ; gb:role "head-of-state" ; gb:country "FRD" .
gb:title-president a gb:Title ; skos:prefLabel "President"@en ; gb:role "head-of-state" .
gba:rufus-firefly a gb:Person ; skos:prefLabel "Rufus T. Firefly"@en ; skos:altLabel "Firefly"@en ;
    gb:gender "male" ; gb:country "FRD" ;
    gb:holds [ gb:office gbo:head-of-state-FRD ; gb:validFrom "1933-01-01"^^xsd:date ; gb:validTo "1940-01-01"^^xsd:date ] .
gba:gloria-teasdale a gb:Person ; skos:prefLabel "Gloria Teasdale"@en ; skos:altLabel "Teasdale"@en ;
    gb:gender "female" ; gb:country "FRD" ;
    gb:holds [ gb:office gbo:head-of-state-FRD ; gb:validFrom "1940-01-01"^^xsd:date ] .
"""


@pytest.fixture(scope="module")
def fixture_gazetteer() -> Gazetteer:
    return Gazetteer.from_graph(Graph().parse(data=FIXTURE, format="turtle"))


@pytest.mark.parametrize(("date", "expected"), [
    ("1935-06-01", "rufus-firefly"),
    ("1939-12-31", "rufus-firefly"),
    ("1940-01-01", "gloria-teasdale"),
    ("2020-01-01", "gloria-teasdale"),
    (None, "gloria-teasdale"),
    ("1920-01-01", None),
])
def test_office_holder_by_date(fixture_gazetteer, date, expected):
    holder = fixture_gazetteer.holder("head-of-state-FRD", date)
    assert (holder.id if holder else None) == expected


def test_fixture_lookups(fixture_gazetteer):
    gaz = fixture_gazetteer
    assert [c[:2] for c in gaz.lookup("the Freedonians")] == [("Q1", "demonym")]
    assert gaz.lookup("FREDVILLE")[0][:2] == ("Q1", "metonym")
    assert gaz.lookup("president of freedonia")[0][:2] == ("office:head-of-state-FRD", "office")
    assert gaz.person_variants[variant_key("Fireflly")] == {"rufus-firefly"}
    assert gaz.entries["rufus-firefly"].gender == "male"
    assert gaz.country_entry("FRD").label == "Freedonia"


def test_actor_without_preflabel_is_an_error():
    from graphbuild.errors import GraphbuildError

    bad = "@prefix gb: <https://w3id.org/graphbuild/ontology#> . <https://w3id.org/graphbuild/id/actor/x> a gb:Person ."
    with pytest.raises(GraphbuildError, match="prefLabel"):
        Gazetteer.from_graph(Graph().parse(data=bad, format="turtle"))
