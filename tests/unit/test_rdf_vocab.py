"""The ontology and the Python vocabulary agree, and every term is documented."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, Literal

from graphbuild.rdf.vocab import GB, PREFIXES

ONTOLOGIES = Path(__file__).resolve().parents[2] / "ontologies"
NS = str(GB._NS)


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGIES / "graphbuild.ttl")


def _declared(graph: rdflib.Graph) -> set[str]:
    return {str(s)[len(NS):] for s in graph.subjects(RDF.type, None) if str(s).startswith(NS)}


def test_gb_namespace_equals_ontology_terms(ontology):
    assert set(GB.__annotations__) == _declared(ontology)


def test_misspelt_term_is_an_error():
    with pytest.raises(AttributeError):
        GB.subjekt  # noqa: B018


@pytest.mark.parametrize("path", sorted(ONTOLOGIES.glob("*.ttl")), ids=lambda p: p.name)
def test_every_gb_term_used_in_shipped_files_is_declared(path, ontology):
    declared = _declared(ontology)
    graph = rdflib.Graph().parse(path)
    used = {
        str(term)[len(NS):]
        for triple in graph
        for term in triple
        if isinstance(term, rdflib.URIRef) and str(term).startswith(NS)
    }
    # Instances minted in the gb: namespace by data files (gb:sector-MIL, gb:title-president)
    # are not vocabulary: only terms used as predicates or classes must be declared.
    predicates_and_classes = {str(p)[len(NS):] for p in graph.predicates() if str(p).startswith(NS)} | {
        str(o)[len(NS):] for o in graph.objects(None, RDF.type) if str(o).startswith(NS)
    }
    assert predicates_and_classes <= declared, sorted(predicates_and_classes - declared)
    assert used  # the file does use the gb: vocabulary (else it needs no such test)


def test_every_term_has_label_and_comment(ontology):
    for name in _declared(ontology):
        term = GB[name]
        labels = list(ontology.objects(term, RDFS.label))
        comments = list(ontology.objects(term, RDFS.comment))
        assert labels and comments, name
        assert all(isinstance(c, Literal) and len(str(c)) > 20 for c in comments), name


def test_classes_and_properties_are_typed(ontology):
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}
    for name in _declared(ontology):
        assert kinds & set(ontology.objects(GB[name], RDF.type)), name
        assert name[0].isupper() == (OWL.Class in set(ontology.objects(GB[name], RDF.type))), name


def test_standard_vocabularies_are_reused(ontology):
    prov, oa = rdflib.Namespace(PREFIXES["prov"]), rdflib.Namespace(PREFIXES["oa"])
    assert (GB.Statement, RDFS.subClassOf, prov.Entity) in ontology
    assert (GB.Evidence, RDFS.subClassOf, oa.TextPositionSelector) in ontology
    assert (GB.attributedTo, RDFS.subPropertyOf, prov.wasAttributedTo) in ontology
    for cls in ("Person", "Country", "Organization", "Location", "Group", "Other"):
        assert (GB[cls], RDFS.subClassOf, GB.Actor) in ontology
