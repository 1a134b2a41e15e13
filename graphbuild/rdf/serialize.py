"""Statements and documents as RDF, and fast, atomic writing of graphs.

Layout (every node has an IRI, no blank nodes, so graphs from separate runs merge)::

    gbs:<id>  a gb:Statement ; dcterms:identifier "<id>" ;
        gb:subject <actor> ; gb:object <actor> ; gb:relationText "told" ; gb:relationLemma "tell" ;
        gb:argument gbs:<id>-argument-0 ; gb:location <actor> ;
        gb:negated false ; gb:modality "asserted" ; gb:confidence 0.8e0 ; gb:date "2025-07-03"^^xsd:date ;
        gb:attributedTo <actor> ; gb:attributionText "Kremlin" ;
        gb:eventType cameo:041 ; gb:ploverType plover:consult ; gb:quadClass 1 ; gb:goldstein 1.0e0 ;
        gb:subjectMention gbs:<id>-subject ; gb:objectMention gbs:<id>-object ;
        gb:relationMention gbs:<id>-relation ; gb:attributionMention gbs:<id>-attribution ;
        gb:evidence <gbdoc:<doc id>#char=0,26> ; prov:wasDerivedFrom gbdoc:<doc id> .
    <gbdoc:<doc id>#char=0,26> a gb:Evidence ; oa:start 0 ; oa:end 26 ; gb:sentence "..." ; gb:sentenceIndex 0 .
    gbs:<id>-subject gb:actor <actor> ; gb:mentionText "Putin" ; oa:start 0 ; oa:end 5 .
    gbs:<id>-argument-0 gb:role "in" ; gb:actor <actor> ; gb:mentionText "Geneva" ;
        oa:start 40 ; oa:end 46 .
    gba:Q7747 a gb:Person ; rdfs:label "Vladimir Putin" ; gb:country "RUS" ; owl:sameAs wd:Q7747 .
    gba:Q7747 gbr:tell gba:Q22686 .        # the direct edge, for ``?s ?p ?o``

The evidence is the sentence, one node for all the statements read from it, named after
its span as RFC 5147 fragments do. A mention's role is the property that links it (an
argument's preposition is its ``gb:role``), and the class of a mention or argument node
follows from that property's range, so neither is written out: a statement is about 34
triples instead of 43, and a store pays per triple.

The direct edge never says more than the text: a negated or denied statement gets
``gbr:not_<lemma>``, a possible/expected/intended/conditional/question one
``gbr:<modality>_<lemma>``, a passive without agent (its subject undergoes the act)
``gbr:passive_<lemma>``, inside either prefix. :func:`to_rdf` puts each document's triples in a named
graph whose name is the document IRI (``gbdoc:<id>``); the dataset's default graph is their union.
"""

from __future__ import annotations

import datetime as _dt
import functools
import hashlib
import os
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import SimpleNamespace

from rdflib import RDF, RDFS, XSD, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, SKOS

from ..extract.model import ACTOR_TYPES, Actor, Statement
from .vocab import CAMEO, GB, GBR, ID, OA, PLOVER, PREFIXES, WD

__all__ = [
    "FORMATS",
    "actor_iri",
    "canonical_actors",
    "document_iri",
    "document_ntriples",
    "document_triples",
    "edge_predicate",
    "evidence_iri",
    "mint_iri",
    "nt_string",
    "statement_iri",
    "statement_triples",
    "statements_ntriples",
    "to_rdf",
    "unique_statements",
    "write_graph",
    "write_statements",
]

SCHEMA_URL = URIRef("https://schema.org/url")

#: Namespaces that :func:`mint_iri` mints into, by kind.
_KINDS = {
    "actor": PREFIXES["gba"],
    "doc": PREFIXES["gbdoc"],
    "statement": PREFIXES["gbs"],
    "relation": PREFIXES["gbr"],
    "cameo": PREFIXES["cameo"],
    "plover": PREFIXES["plover"],
}
#: Characters a key may keep in its IRI: they need no escaping in Turtle prefixed names,
#: so every RDF reader (rdflib's included) reads back what pyoxigraph writes.
_PLAIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_:")
_QID = re.compile(r"Q[1-9][0-9]*")
#: Modalities whose direct edge keeps the bare lemma (the text states it, perhaps via a source).
_FACTUAL = ("asserted", "reported")
#: Argument roles (prepositions, closed class) that place a statement when their actor is a place.
_LOCATIVE_ROLES = ("in", "at", "near", "inside", "location", "place")
_PLACE_TYPES = ("Location", "Country")


def _ucschar(cp: int) -> bool:
    """Whether code point ``cp`` may appear unescaped in an IRI (RFC 3987 ``ucschar``)."""
    if cp < 0x10000:
        return 0xA0 <= cp <= 0xD7FF or 0xF900 <= cp <= 0xFDCF or 0xFDF0 <= cp <= 0xFFEF
    return (cp & 0xFFFF) <= 0xFFFD and cp <= 0xEFFFD and not 0xE0000 <= cp < 0xE1000


@functools.lru_cache(maxsize=1 << 16)
def _escape(key: str) -> str:
    """A path segment for ``key``: stable, valid in IRIs, and plain in Turtle.

    Keys made of ASCII letters, digits, ``-``, ``_``, ``:`` and the non-ASCII letters,
    digits and marks IRIs allow (RFC 3987 ``ucschar``, after NFC normalisation, so both
    Unicode spellings of "Erdoğan" agree) are kept as they are, unless they hold ``--``.
    Any other key becomes a lower-case ASCII slug, ``--`` and 16 hex digits of its
    BLAKE2b hash: no ``%``, ``.`` or ``~`` is ever needed, because pyoxigraph writes those
    with backslash escapes in prefixed names that rdflib 7's Turtle parser rejects.
    Distinct keys get distinct segments (up to a 64-bit hash collision).
    """
    key = unicodedata.normalize("NFC", key)
    if "--" not in key and all(
        ch in _PLAIN or (ch > "\x7f" and _ucschar(ord(ch)) and unicodedata.category(ch)[0] in "LNM") for ch in key
    ):
        return key
    folded = unicodedata.normalize("NFKD", key).encode("ascii", "ignore").decode("ascii").lower()
    slug = "-".join("".join(ch if ch.isalnum() else " " for ch in folded).split())[:64]
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
    return f"{slug}--{digest}" if slug else f"--{digest}"


def mint_iri(kind: str, key: str) -> URIRef:
    """The IRI for ``key`` (any string, however hostile) in the namespace of ``kind``.

    This is the one function that turns untrusted text into IRIs.

    Parameters
    ----------
    kind : str
        ``"actor"``, ``"doc"``, ``"statement"`` (under ``gbid:``), ``"relation"`` (``gbr:``),
        ``"cameo"`` or ``"plover"``.
    key : str
        Any non-empty string; the same key always gives the same IRI, different keys
        different IRIs.

    Raises
    ------
    ValueError
        On an unknown kind or an empty key.

    Examples
    --------
    >>> mint_iri("actor", "Q159")
    rdflib.term.URIRef('https://w3id.org/graphbuild/id/actor/Q159')
    >>> str(mint_iri("doc", 'news/a "b".txt'))
    'https://w3id.org/graphbuild/id/doc/news-a-b-txt--710b78d7f96902f5'
    """
    try:
        base = _KINDS[kind]
    except KeyError:
        raise ValueError(f"unknown IRI kind {kind!r}; expected one of {sorted(_KINDS)}") from None
    if not key:
        raise ValueError(f"cannot mint a {kind} IRI from an empty key")
    return URIRef(base + _escape(key))


def actor_iri(actor: Actor) -> URIRef:
    """One IRI per actor across documents: ``gbid:actor/<QID>`` or the minted key."""
    return mint_iri("actor", actor.key())


def document_iri(doc_id: str) -> URIRef:
    """The document's IRI, also the name of its graph in TriG/N-Quads output."""
    return mint_iri("doc", doc_id)


def statement_iri(statement: Statement) -> URIRef:
    return mint_iri("statement", statement.id)


def edge_predicate(statement: Statement) -> URIRef:
    """``gbr:<lemma>`` for the direct edge, prefixed when the text does not assert it.

    >>> from graphbuild.extract.model import Relation
    >>> s = Statement("d", "X did not meet Y.", (0, 17), Actor("X", "X"), Relation("meet", "meet"),
    ...               Actor("Y", "Y"), negated=True)
    >>> edge_predicate(s).rsplit("/", 1)[1]
    'not_meet'
    """
    lemma = statement.relation.lemma.strip() or statement.relation.text.strip() or "related"
    slug = "_".join(lemma.casefold().split())
    if statement.agentless:
        slug = "passive_" + slug  # no agent: the subject is what the act was done to
    if statement.negated or statement.modality == "denied":
        slug = "not_" + slug
    elif statement.modality not in _FACTUAL:
        slug = f"{statement.modality}_{slug}"
    return mint_iri("relation", slug)


#: Terms used by the row builders, looked up once (namespace attribute access is slow).
_V = SimpleNamespace(
    dcterms_identifier=DCTERMS.identifier,
    dcterms_issued=DCTERMS.issued,
    dcterms_publisher=DCTERMS.publisher,
    dcterms_title=DCTERMS.title,
    gb_Document=GB.Document,
    gb_Evidence=GB.Evidence,
    gb_Other=GB.Other,
    gb_Statement=GB.Statement,
    gb_actor=GB.actor,
    gb_argument=GB.argument,
    gb_attributedTo=GB.attributedTo,
    gb_attributionText=GB.attributionText,
    gb_confidence=GB.confidence,
    gb_country=GB.country,
    gb_date=GB.date,
    gb_eventType=GB.eventType,
    gb_evidence=GB.evidence,
    gb_goldstein=GB.goldstein,
    gb_location=GB.location,
    gb_attributionMention=GB.attributionMention,
    gb_objectMention=GB.objectMention,
    gb_relationMention=GB.relationMention,
    gb_subjectMention=GB.subjectMention,
    gb_mentionText=GB.mentionText,
    gb_modality=GB.modality,
    gb_negated=GB.negated,
    gb_agentless=GB.agentless,
    gb_object=GB.object,
    gb_officeLabel=GB.officeLabel,
    gb_ploverType=GB.ploverType,
    gb_quadClass=GB.quadClass,
    gb_relationLemma=GB.relationLemma,
    gb_relationText=GB.relationText,
    gb_resolved=GB.resolved,
    gb_role=GB.role,
    gb_sector=GB.sector,
    gb_sentence=GB.sentence,
    gb_sentenceIndex=GB.sentenceIndex,
    gb_subject=GB.subject,
    oa_end=OA.end,
    oa_start=OA.start,
    owl_ObjectProperty=OWL.ObjectProperty,
    owl_sameAs=OWL.sameAs,
    prov_wasDerivedFrom=PROV.wasDerivedFrom,
    rdf_type=RDF.type,
    rdfs_label=RDFS.label,
    skos_Concept=SKOS.Concept,
    skos_notation=SKOS.notation,
    skos_prefLabel=SKOS.prefLabel,
    xsd_anyURI=XSD.anyURI,
    xsd_boolean=XSD.boolean,
    xsd_date=XSD.date,
    xsd_double=XSD.double,
    xsd_gYear=XSD.gYear,
    xsd_gYearMonth=XSD.gYearMonth,
    xsd_integer=XSD.integer,
)
_ACTOR_CLASSES = {name: GB[name] for name in ACTOR_TYPES}


class _RdflibTerms:
    """Makes rdflib terms; :class:`_OxTerms` makes pyoxigraph ones from the same calls."""

    @staticmethod
    def iri(value: str) -> URIRef:
        return value if type(value) is URIRef else URIRef(value)

    @staticmethod
    def lit(value, datatype: str | None = None, lang: str | None = None) -> Literal:
        return Literal(value, datatype=datatype, lang=lang)


class _OxTerms:
    """pyoxigraph terms with rdflib's lexical forms (so both writers give the same triples)."""

    def __init__(self):
        import pyoxigraph as ox

        self.ox = ox
        self.iris: dict[str, object] = {}
        self.boolean = self.iri(_V.xsd_boolean)
        self.integer = self.iri(_V.xsd_integer)
        self.double = self.iri(_V.xsd_double)

    def iri(self, value: str):
        node = self.iris.get(value)
        if node is None:
            node = self.iris[value] = self.ox.NamedNode(value)
        return node

    def lit(self, value, datatype: str | None = None, lang: str | None = None):
        ox = self.ox
        if lang:
            return ox.Literal(value, language=lang)
        if isinstance(value, bool):
            return ox.Literal("true" if value else "false", datatype=self.boolean)
        if isinstance(value, int):
            return ox.Literal(str(value), datatype=self.integer)
        if isinstance(value, float):
            return ox.Literal(str(Literal(value)), datatype=self.double)
        if datatype:
            return ox.Literal(value, datatype=self.iri(datatype))
        return ox.Literal(value)


class _NTriplesTerms:
    """Terms as N-Triples text, with rdflib's lexical forms: the fast path of the pipeline,
    which writes lines, not graphs (about 4x faster than making rdflib terms)."""

    def __init__(self):
        self.iris: dict[str, str] = {}
        self.doubles: dict[float, str] = {}
        self.true = f'"true"^^<{XSD.boolean}>'
        self.false = f'"false"^^<{XSD.boolean}>'

    def iri(self, value: str) -> str:
        node = self.iris.get(value)
        if node is None:
            if len(self.iris) > 100_000:  # bounded: actors and predicates repeat, statement IRIs don't
                self.iris.clear()
            node = self.iris[value] = f"<{value}>"
        return node

    def lit(self, value, datatype: str | None = None, lang: str | None = None) -> str:
        kind = type(value)
        if kind is bool:
            return self.true if value else self.false
        if kind is int:
            return f'"{value}"^^<{XSD.integer}>'
        if kind is float:
            text = self.doubles.get(value)
            if text is None:
                text = self.doubles[value] = f'"{Literal(value)}"^^<{XSD.double}>'
            return text
        if isinstance(value, str):
            text = nt_string(value)
            if lang:
                return f"{text}@{lang}"
            return f"{text}^^<{datatype}>" if datatype and datatype != XSD.string else text
        raise TypeError(f"no N-Triples form for {value!r}")


def nt_string(value: str) -> str:
    """``value`` as a quoted N-Triples string (the escapes the grammar requires)."""
    if '"' in value or "\\" in value or "\n" in value or "\r" in value:
        value = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return '"' + value + '"'


_RDFLIB = _RdflibTerms()
_NTRIPLES = _NTriplesTerms()


def _date_literal(T, value: str):
    """A typed literal for an ISO date, year-month or year; other text stays a string."""
    try:
        return T.lit(_dt.date.fromisoformat(value).isoformat(), datatype=_V.xsd_date)
    except ValueError:
        pass
    if re.fullmatch(r"[0-9]{4}-(0[1-9]|1[0-2])", value):
        return T.lit(value, datatype=_V.xsd_gYearMonth)
    if re.fullmatch(r"[0-9]{4}", value):
        return T.lit(value, datatype=_V.xsd_gYear)
    return T.lit(value)


def _actor_rows(T, node, actor: Actor) -> Iterator[tuple]:
    yield node, T.iri(_V.rdf_type), T.iri(_ACTOR_CLASSES.get(actor.type, _V.gb_Other))
    yield node, T.iri(_V.rdfs_label), T.lit(actor.label)
    if actor.country:
        yield node, T.iri(_V.gb_country), T.lit(actor.country)
    if actor.id and _QID.fullmatch(actor.id):
        yield node, T.iri(_V.owl_sameAs), T.iri(WD[actor.id])


def _offset_rows(T, node, start: int | None, end: int | None) -> Iterator[tuple]:
    if start is not None:
        yield node, T.iri(_V.oa_start), T.lit(int(start))
    if end is not None:
        yield node, T.iri(_V.oa_end), T.lit(int(end))


def _mention_rows(T, s, link, node, actor: Actor, canon: dict | None, *, role: str | None = None):
    """A participant's mention node (text, offsets, sector/office) and, unless ``canon`` is
    None (the caller describes the document's actors once), its actor node. ``role``: an
    argument's (a preposition or role name; the other roles are the linking property)."""
    target = actor_iri(actor)
    yield s, link, node
    if role is not None:
        yield node, T.iri(_V.gb_role), T.lit(role)
    yield node, T.iri(_V.gb_actor), T.iri(target)
    yield node, T.iri(_V.gb_mentionText), T.lit(actor.text)
    yield from _offset_rows(T, node, actor.start, actor.end)
    if actor.sector:
        yield node, T.iri(_V.gb_sector), T.lit(actor.sector)
    if actor.office:
        yield node, T.iri(_V.gb_officeLabel), T.lit(actor.office)
    if not actor.resolved:
        yield node, T.iri(_V.gb_resolved), T.lit(False)
    if canon is not None:
        yield from _actor_rows(T, T.iri(target), canon.get(target, actor))


def evidence_iri(statement: Statement) -> URIRef:
    """The statement's sentence: ``gbdoc:<id>#char=<start>,<end>`` (an RFC 5147 fragment),
    one node for every statement read from that sentence."""
    start, end = statement.span
    return URIRef(f"{document_iri(statement.doc)}#char={int(start)},{int(end)}")


def _statement_rows(T, statement: Statement, canon: dict | None) -> Iterator[tuple]:
    iri, lit = T.iri, T.lit
    base = str(statement_iri(statement))
    s = iri(base)
    doc = iri(document_iri(statement.doc))
    yield s, iri(_V.rdf_type), iri(_V.gb_Statement)
    yield s, iri(_V.dcterms_identifier), lit(statement.id)
    yield s, iri(_V.prov_wasDerivedFrom), doc
    if canon is not None:
        yield doc, iri(_V.rdf_type), iri(_V.gb_Document)
        yield doc, iri(_V.dcterms_identifier), lit(statement.doc)

    evidence = iri(evidence_iri(statement))
    yield s, iri(_V.gb_evidence), evidence
    yield evidence, iri(_V.rdf_type), iri(_V.gb_Evidence)
    yield from _offset_rows(T, evidence, *statement.span)
    yield evidence, iri(_V.gb_sentence), lit(statement.sentence)
    yield evidence, iri(_V.gb_sentenceIndex), lit(int(statement.sentence_index))

    subject = iri(actor_iri(statement.subject))
    yield s, iri(_V.gb_subject), subject
    yield from _mention_rows(T, s, iri(_V.gb_subjectMention), iri(base + "-subject"), statement.subject, canon)

    rel = statement.relation
    yield s, iri(_V.gb_relationText), lit(rel.text)
    yield s, iri(_V.gb_relationLemma), lit(rel.lemma)
    node = iri(base + "-relation")
    yield s, iri(_V.gb_relationMention), node
    yield node, iri(_V.gb_mentionText), lit(rel.text)
    yield from _offset_rows(T, node, rel.start, rel.end)

    if statement.object is not None:
        obj = iri(actor_iri(statement.object))
        yield s, iri(_V.gb_object), obj
        yield from _mention_rows(T, s, iri(_V.gb_objectMention), iri(base + "-object"), statement.object, canon)
        predicate = edge_predicate(statement)
        yield subject, iri(predicate), obj
        yield iri(predicate), iri(_V.rdf_type), iri(_V.owl_ObjectProperty)
        yield iri(predicate), iri(_V.rdfs_label), lit(predicate[len(GBR) :].replace("_", " "))

    for i, argument in enumerate(statement.arguments):
        yield from _mention_rows(
            T, s, iri(_V.gb_argument), iri(f"{base}-argument-{i}"), argument.actor, canon, role=argument.role
        )
        if argument.role in _LOCATIVE_ROLES and argument.actor.type in _PLACE_TYPES:
            yield s, iri(_V.gb_location), iri(actor_iri(argument.actor))

    yield s, iri(_V.gb_negated), lit(bool(statement.negated))
    if statement.agentless:
        yield s, iri(_V.gb_agentless), lit(True)  # written only when true: a store pays per triple
    yield s, iri(_V.gb_modality), lit(statement.modality)
    yield s, iri(_V.gb_confidence), lit(round(float(statement.confidence), 4))
    if statement.date:
        yield s, iri(_V.gb_date), _date_literal(T, statement.date)

    attribution = statement.attribution
    if attribution is not None:
        yield s, iri(_V.gb_attributionText), lit(attribution.text)
        if attribution.actor is not None:
            yield s, iri(_V.gb_attributedTo), iri(actor_iri(attribution.actor))
            yield from _mention_rows(T, s, iri(_V.gb_attributionMention), iri(base + "-attribution"),
                                     attribution.actor, canon)

    event = statement.event
    if event is not None:
        concept = iri(mint_iri("cameo", event.cameo))
        yield s, iri(_V.gb_eventType), concept
        yield s, iri(_V.gb_quadClass), lit(int(event.quad_class))
        yield s, iri(_V.gb_goldstein), lit(float(event.goldstein))
        yield concept, iri(_V.rdf_type), iri(_V.skos_Concept)
        yield concept, iri(_V.skos_notation), lit(event.cameo)
        yield concept, iri(_V.skos_prefLabel), lit(event.label, lang="en")
        if event.plover:
            yield s, iri(_V.gb_ploverType), iri(mint_iri("plover", event.plover.casefold()))


def statement_triples(statement: Statement, *, actors: dict[URIRef, Actor] | None = None) -> Iterator[tuple]:
    """The triples of one statement: its node, evidence, mentions, actors and direct edge.

    Parameters
    ----------
    statement : Statement
        Any statement of the contract.
    actors : dict, optional
        Canonical actor per actor IRI (label, type, country), so that an actor met in
        many statements gets one label and one class; by default each mention's own.

    Yields
    ------
    tuple
        ``(subject, predicate, object)`` rdflib terms.
    """
    return _statement_rows(_RDFLIB, statement, actors or {})


def statements_ntriples(statements: Iterable[Statement], actors: dict[URIRef, Actor]) -> Iterator[tuple]:
    """:func:`statement_triples` of one document's statements as N-Triples term strings
    (``'<iri>'``, ``'"text"'``), for writers that emit lines: the same triples without making
    rdflib terms, each of ``actors`` (from :func:`canonical_actors`) described once rather
    than at every mention."""
    for statement in statements:
        yield from _statement_rows(_NTRIPLES, statement, None)
    for iri, actor in actors.items():
        yield from _actor_rows(_NTRIPLES, _NTRIPLES.iri(iri), actor)


def _document_rows(T, document) -> Iterator[tuple]:
    d = T.iri(document_iri(document.id))
    yield d, T.iri(_V.rdf_type), T.iri(_V.gb_Document)
    yield d, T.iri(_V.dcterms_identifier), T.lit(document.id)
    if document.title:
        yield d, T.iri(_V.dcterms_title), T.lit(document.title)
    if document.published:
        yield d, T.iri(_V.dcterms_issued), _date_literal(T, document.published)
    if document.url:
        yield d, T.iri(SCHEMA_URL), T.lit(document.url, datatype=_V.xsd_anyURI)
    if document.source:
        yield d, T.iri(_V.dcterms_publisher), T.lit(document.source)


def document_triples(document) -> Iterator[tuple]:
    """The triples describing a :class:`~graphbuild.ingest.Document` (not its text)."""
    return _document_rows(_RDFLIB, document)


def document_ntriples(document) -> Iterator[tuple]:
    """:func:`document_triples` as N-Triples term strings."""
    return _document_rows(_NTRIPLES, document)


def unique_statements(statements: Iterable[Statement]) -> list[Statement]:
    """The first statement of each id: a repeat (same spans, say with another confidence)
    would give its node two values of single-valued properties."""
    first: dict[str, Statement] = {}
    for st in statements:
        first.setdefault(st.id, st)
    return list(first.values())


def canonical_actors(statements: list[Statement]) -> dict[URIRef, Actor]:
    """Per actor IRI the most frequent label, the most frequent specific type and country."""
    seen: dict[URIRef, list[Actor]] = defaultdict(list)
    for st in statements:
        mentions = [st.subject, st.object, *(a.actor for a in st.arguments)]
        if st.attribution is not None:
            mentions.append(st.attribution.actor)
        for actor in mentions:
            if actor is not None:
                seen[actor_iri(actor)].append(actor)
    canon: dict[URIRef, Actor] = {}
    for iri, group in seen.items():
        first = group[0]
        if len(group) == 1:
            canon[iri] = first
            continue
        label = Counter(a.label for a in group).most_common(1)[0][0]
        types = Counter(a.type for a in group if a.type != "Other")
        countries = Counter(a.country for a in group if a.country)
        canon[iri] = Actor(
            text=first.text,
            label=label,
            id=first.id,
            type=types.most_common(1)[0][0] if types else first.type,
            country=countries.most_common(1)[0][0] if countries else None,
        )
    return canon


def new_dataset() -> Dataset:
    """An empty dataset whose default graph is the union of its named graphs, prefixes bound."""
    ds = Dataset(default_union=True)
    for prefix, namespace in PREFIXES.items():
        ds.bind(prefix, namespace, override=True, replace=True)
    return ds


def to_rdf(statements: Iterable[Statement], documents: Iterable = ()) -> Dataset:
    """All statements and documents as one dataset, one named graph per document.

    Parameters
    ----------
    statements : iterable of Statement
    documents : iterable of Document, optional
        Adds title, date, URL and source to the document nodes.

    Returns
    -------
    rdflib.Dataset
        Named graph ``gbid:doc/<id>`` per document; querying the dataset (triples,
        SPARQL) sees their union. Of statements with the same id, the first is kept.

    Examples
    --------
    >>> from graphbuild.extract.model import Relation
    >>> st = Statement("d1", "Russia paused talks.", (0, 20), Actor("Russia", "Russia", "Q159", "Country"),
    ...                Relation("paused", "pause", 7, 13), Actor("talks", "talks", start=14, end=19))
    >>> ds = to_rdf([st])
    >>> (mint_iri("actor", "Q159"), GBR.pause, mint_iri("actor", "name:talks")) in ds
    True
    """
    statements = unique_statements(statements)
    ds = new_dataset()
    canon = canonical_actors(statements)
    graphs: dict[str, Graph] = {}

    def graph_for(doc_id: str) -> Graph:
        if doc_id not in graphs:
            graphs[doc_id] = ds.graph(document_iri(doc_id))
        return graphs[doc_id]

    for document in documents:
        g = graph_for(document.id)
        ds.addN((s, p, o, g) for s, p, o in document_triples(document))
    for st in statements:
        g = graph_for(st.doc)
        ds.addN((s, p, o, g) for s, p, o in statement_triples(st, actors=canon))
    return ds


# --- writing ---------------------------------------------------------------------------------

#: Output formats: name -> (pyoxigraph format name, holds named graphs, file extension).
FORMATS = {
    "turtle": ("TURTLE", False, ".ttl"),
    "nt": ("N_TRIPLES", False, ".nt"),
    "nq": ("N_QUADS", True, ".nq"),
    "trig": ("TRIG", True, ".trig"),
    "json-ld": ("JSON_LD", True, ".jsonld"),
}
_ALIASES = {
    "ttl": "turtle",
    "ntriples": "nt",
    "n-triples": "nt",
    "nquads": "nq",
    "n-quads": "nq",
    "jsonld": "json-ld",
    "json": "json-ld",
}


def format_name(format: str | None, path: str | os.PathLike | None = None) -> str:
    """The canonical format name from a name or alias, else from the file extension."""
    if format:
        name = _ALIASES.get(format.casefold(), format.casefold())
        if name not in FORMATS:
            raise ValueError(f"unknown RDF format {format!r}; expected one of {sorted(FORMATS)}")
        return name
    suffix = Path(path or "").suffix.casefold()
    for name, (_, _, ext) in FORMATS.items():
        if suffix == ext:
            return name
    name = _ALIASES.get(suffix.lstrip("."))
    if name is None:
        raise ValueError(f"cannot tell the RDF format of {str(path)!r}; pass format=")
    return name


class _Converter:
    """rdflib terms to pyoxigraph terms, with IRIs cached (they repeat a lot)."""

    def __init__(self):
        import pyoxigraph as ox

        self.ox = ox
        self.iris: dict[str, object] = {}
        self.bnodes: dict[str, object] = {}
        self.datatypes: dict[str, object] = {}

    def __call__(self, term):
        ox = self.ox
        if isinstance(term, URIRef):
            node = self.iris.get(term)
            if node is None:
                node = self.iris[term] = ox.NamedNode(term)
            return node
        if isinstance(term, Literal):
            if term.language:
                return ox.Literal(str(term), language=term.language)
            if term.datatype is None:
                return ox.Literal(str(term))
            dt = self.datatypes.get(term.datatype)
            if dt is None:
                dt = self.datatypes[term.datatype] = ox.NamedNode(term.datatype)
            return ox.Literal(str(term), datatype=dt)
        if isinstance(term, BNode):
            node = self.bnodes.get(term)
            if node is None:
                node = self.bnodes[term] = ox.BlankNode(str(term))
            return node
        raise TypeError(f"cannot write RDF term {term!r}")


_RDFLIB_NAMES = {"nt": "nt", "nq": "nquads"}


def _sort_key(row: tuple) -> tuple:
    # Graph, then subject, with rdf:type first: the serializer groups consecutive subjects.
    s, p, _, g = row
    return (g or "", str(s), p != RDF.type, str(p))


def _quads(graph: Graph, with_graphs: bool) -> list[tuple]:
    """``(s, p, o, g)`` rows of ``graph``; ``g`` is None for the default graph."""
    if not with_graphs:
        return [(s, p, o, None) for s, p, o in dict.fromkeys(graph.triples((None, None, None)))]
    if isinstance(graph, Dataset):
        default = graph.default_graph.identifier
        rows = []
        for s, p, o, g in graph.quads((None, None, None, None)):
            name = g.identifier if isinstance(g, Graph) else g
            rows.append((s, p, o, None if name is None or name == default else name))
        return rows
    name = graph.identifier
    if not isinstance(name, URIRef) or str(name).startswith("urn:x-rdflib:"):
        name = None
    return [(s, p, o, name) for s, p, o in graph.triples((None, None, None))]


def write_graph(
    graph: Graph,
    path: str | os.PathLike,
    format: str | None = None,
    *,
    prefixes: dict[str, str] | None = None,
) -> Path:
    """Write ``graph`` (a Graph or Dataset) to ``path`` atomically, with pyoxigraph's serializers.

    The file appears complete or not at all (temporary file in the same folder, then
    ``os.replace``). pyoxigraph writes far faster than rdflib (figures in the README,
    "Ontology and RDF"); rows are sorted so Turtle and TriG group each subject's triples.

    Parameters
    ----------
    graph : rdflib.Graph or rdflib.Dataset
        A dataset written as Turtle or N-Triples gives the union of its graphs; a
        plain graph written as TriG, N-Quads or JSON-LD goes to the default graph.
    path : str or PathLike
    format : str, optional
        ``turtle``, ``nt``, ``nq``, ``trig`` or ``json-ld`` (aliases ``ttl``, ``jsonld``,
        ...); by default guessed from the file extension.
    prefixes : dict, optional
        Prefixes for Turtle/TriG/JSON-LD; default :data:`~graphbuild.rdf.vocab.PREFIXES`.

    Returns
    -------
    pathlib.Path
        The written file.
    """
    import pyoxigraph as ox

    name = format_name(format, path)
    ox_name, with_graphs, _ = FORMATS[name]
    if (name == "nq") == isinstance(graph, Dataset) and name in ("nt", "nq"):
        # Line formats: rdflib writes them faster than we convert its terms for pyoxigraph
        # (a dataset's union as N-Triples, or a plain graph as N-Quads, go below).
        _atomic_write(Path(path), lambda handle: graph.serialize(handle, format=_RDFLIB_NAMES[name]))
        return Path(path)
    rows = _quads(graph, with_graphs)
    if name in ("turtle", "trig", "json-ld"):
        rows.sort(key=_sort_key)
    conv = _Converter()
    if with_graphs:
        default = ox.DefaultGraph()
        items = [
            ox.Quad(conv(s), conv(p), conv(o), default if g is None else conv(g)) for s, p, o, g in rows
        ]
    else:
        items = [ox.Triple(conv(s), conv(p), conv(o)) for s, p, o, _ in rows]
    _atomic_write(
        Path(path),
        lambda handle: ox.serialize(
            items,
            handle,
            getattr(ox.RdfFormat, ox_name),
            prefixes=dict(prefixes or PREFIXES),
        ),
    )
    return Path(path)


def _atomic_write(out: Path, write) -> None:
    """Call ``write(binary_handle)`` on a temporary file beside ``out``, then rename it."""
    tmp = out.with_name(f".{out.name}.{os.getpid()}.{os.urandom(4).hex()}.tmp")
    try:
        with open(tmp, "xb") as handle:
            write(handle)
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_statements(
    statements: Iterable[Statement],
    path: str | os.PathLike,
    format: str | None = None,
    *,
    documents: Iterable = (),
    prefixes: dict[str, str] | None = None,
) -> Path:
    """Write statements straight to a file: the triples of ``to_rdf``, without an rdflib graph.

    The fast path for builds: terms are made as pyoxigraph terms and serialized by
    pyoxigraph, skipping rdflib's store (see the README for figures). Triples are
    grouped by subject (and by document graph for TriG/N-Quads/JSON-LD), in the order
    the statements come; the write is atomic, as in :func:`write_graph`.

    Parameters
    ----------
    statements : iterable of Statement
    path : str or PathLike
    format : str, optional
        As for :func:`write_graph`; by default guessed from the file extension.
    documents : iterable of Document, optional
    prefixes : dict, optional
        Default :data:`~graphbuild.rdf.vocab.PREFIXES`.

    Returns
    -------
    pathlib.Path
    """
    import pyoxigraph as ox

    name = format_name(format, path)
    ox_name, with_graphs, _ = FORMATS[name]
    statements = unique_statements(statements)
    canon = canonical_actors(statements)
    T = _OxTerms()
    default = ox.DefaultGraph()
    # (graph, subject) -> {(predicate, object): None}: groups subjects, drops repeats.
    groups: dict[tuple, dict] = defaultdict(dict)

    def add(rows, graph) -> None:
        for s, p, o in rows:
            groups[graph, s][p, o] = None

    for document in documents:
        add(_document_rows(T, document), T.iri(document_iri(document.id)) if with_graphs else default)
    for st in statements:
        add(_statement_rows(T, st, canon), T.iri(document_iri(st.doc)) if with_graphs else default)
    if not with_graphs:  # one graph: merge the subject groups of all documents
        merged: dict = defaultdict(dict)
        for (_, s), rows in groups.items():
            merged[default, s].update(rows)
        groups = merged

    def items():
        for (g, s), rows in groups.items():
            # The row builders yield each node's rdf:type first, so the order is already right.
            if with_graphs:
                yield from (ox.Quad(s, p, o, g) for p, o in rows)
            else:
                yield from (ox.Triple(s, p, o) for p, o in rows)

    _atomic_write(
        Path(path),
        lambda handle: ox.serialize(
            items(), handle, getattr(ox.RdfFormat, ox_name), prefixes=dict(prefixes or PREFIXES)
        ),
    )
    return Path(path)
