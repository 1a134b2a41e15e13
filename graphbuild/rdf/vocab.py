"""The graphbuild vocabulary as rdflib namespaces.

``GB`` mirrors the terms defined in ``ontologies/graphbuild.ttl``; a test checks
that the two agree, and ``_fail = True`` makes a misspelt term an error rather
than a new IRI.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = ["BASE", "CAMEO", "GB", "GBR", "ID", "NIF", "OA", "PLOVER", "PREFIXES", "WD"]

BASE = "https://w3id.org/graphbuild/"


class GB(DefinedNamespace):
    """Classes and properties of the graphbuild ontology."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    # Actor classes (the contract's actor types)
    Actor: URIRef
    Person: URIRef
    Country: URIRef
    Organization: URIRef
    Location: URIRef
    Group: URIRef
    Other: URIRef
    # Statements and their evidence
    Statement: URIRef
    Argument: URIRef
    Document: URIRef
    Evidence: URIRef
    Mention: URIRef
    # Statement properties
    subject: URIRef
    object: URIRef
    relationText: URIRef
    relationLemma: URIRef
    argument: URIRef
    role: URIRef
    actor: URIRef
    negated: URIRef
    agentless: URIRef
    modality: URIRef
    attributedTo: URIRef
    attributionText: URIRef
    date: URIRef
    confidence: URIRef
    eventType: URIRef
    quadClass: URIRef
    goldstein: URIRef
    ploverType: URIRef
    evidence: URIRef
    sentence: URIRef
    sentenceIndex: URIRef
    mentionText: URIRef
    mention: URIRef
    subjectMention: URIRef
    objectMention: URIRef
    relationMention: URIRef
    attributionMention: URIRef
    location: URIRef
    officeLabel: URIRef
    resolved: URIRef
    # Actor properties
    country: URIRef
    sector: URIRef
    office: URIRef
    # Gazetteer (ontologies/actors.ttl, people.ttl)
    Office: URIRef
    Title: URIRef
    demonym: URIRef
    metonym: URIRef
    iso3: URIRef
    holds: URIRef
    validFrom: URIRef
    validTo: URIRef
    gender: URIRef
    title: URIRef
    leaderRole: URIRef
    SectorTerm: URIRef
    AnaphoricNoun: URIRef
    refersTo: URIRef
    # Extraction cue words (ontologies/extraction.ttl)
    Cue: URIRef
    lemma: URIRef
    form: URIRef
    cueKind: URIRef
    dayOffset: URIRef
    periodOffset: URIRef


#: Direct subject→object edges, named after the relation lemma (``gbr:pause``).
GBR = Namespace(BASE + "relation/")
#: Instance data: ``ID["actor/Q7747"]``, ``ID["statement/<hash>"]``, ``ID["doc/<id>"]``.
ID = Namespace(BASE + "id/")
CAMEO = Namespace(BASE + "cameo/")
PLOVER = Namespace(BASE + "plover/")
WD = Namespace("http://www.wikidata.org/entity/")
OA = Namespace("http://www.w3.org/ns/oa#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

#: Prefixes bound in every graph graphbuild writes and every query it runs.
PREFIXES = {
    "gb": str(GB._NS),
    "gbr": str(GBR),
    "gbid": str(ID),
    "gba": str(ID) + "actor/",
    "gbs": str(ID) + "statement/",
    "gbdoc": str(ID) + "doc/",
    "cameo": str(CAMEO),
    "plover": str(PLOVER),
    "wd": str(WD),
    "oa": str(OA),
    "nif": str(NIF),
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
