"""The actor graph as networkx, and the analyses people ask of it.

:func:`to_networkx` turns statements (or the RDF graphbuild writes) into a
``MultiDiGraph``: one node per actor (key = actor IRI), one edge per statement
(key = statement id). The analyses are plain functions in networkx style —
``f(G, ...) -> dict | list``, no hidden state, randomness through ``seed``:
:func:`actor_centrality`, :func:`communities`, :func:`dyads`,
:func:`dyad_timeline`, :func:`top_sources`, and :func:`summary` which gathers
them for ``graphbuild stats``.

Dyad counts follow CAMEO's quad classes (1 verbal cooperation, 2 material
cooperation, 3 verbal conflict, 4 material conflict) and sum Goldstein scores
(-10 conflict .. +10 cooperation). Only events the text reports as having
happened count there: negated, denied, hypothetical and asked statements are
edges of the graph but not events of a dyad, and neither is an agentless passive
("the ambassador was expelled from Sudan": nobody named expelled anyone, so the
ambassador → Sudan edge is no expulsion between them).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

import networkx as nx
import rdflib
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from .extract.model import ACTOR_TYPES, Actor, Statement
from .ingest import Document
from .rdf.vocab import CAMEO, GB, OA, PLOVER, WD

__all__ = [
    "FACTUAL_MODALITIES",
    "QUAD_CLASSES",
    "actor_centrality",
    "actor_graph",
    "communities",
    "dyad_timeline",
    "dyads",
    "plot_centrality",
    "plot_dyad_timeline",
    "summary",
    "to_networkx",
    "top_sources",
]

#: CAMEO quad classes by number, as dyad count keys.
QUAD_CLASSES = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}
#: Modalities (of the contract's closed set) under which a statement reports an event that happened.
FACTUAL_MODALITIES = ("asserted", "reported")
#: Actor types that can be the target of an object-less statement's argument (places and times cannot).
_TARGET_TYPES = ("Person", "Country", "Organization", "Group")
_EDGE_ATTRS = (
    "relation", "lemma", "sentence", "doc", "date", "modality", "negated", "agentless", "attribution",
    "cameo", "event_label", "quad_class", "goldstein", "plover", "confidence", "start", "end",
)


# --------------------------------------------------------------------------- building


def to_networkx(
    source: rdflib.Graph | Iterable[Statement], *, documents: Iterable[Document] = ()
) -> nx.MultiDiGraph:
    """The actor graph: actors as nodes, statements as edges.

    Parameters
    ----------
    source : rdflib.Graph, rdflib.Dataset, pyoxigraph.Store or iterable of Statement
        What :func:`graphbuild.rdf.serialize.to_rdf` wrote (TriG named graphs are
        read as one union), or the statements themselves. A store (e.g. from
        :func:`graphbuild.query.load_source`) is read with two SPARQL queries,
        much faster than rdflib on large graphs.
    documents : iterable of Document, optional
        With statements: gives each edge its document's ``published`` date
        (RDF carries it already).

    Returns
    -------
    networkx.MultiDiGraph
        Node key = actor IRI; node attributes ``label``, ``type``, ``country``,
        ``wikidata`` (QID or None), ``iri`` and ``statements``. Edge key =
        statement id; edge attributes ``relation``, ``lemma``, ``sentence``,
        ``doc``, ``date``, ``modality``, ``negated``, ``agentless``, ``attribution``, ``cameo``,
        ``event_label``, ``quad_class``, ``goldstein``, ``plover``,
        ``confidence``, ``start``/``end`` (the sentence's offsets in the
        document), plus ``published`` (the document's date: the event date when
        the text gives none), ``role`` (the argument's role when the target is an
        argument, else None), ``attributed_to`` and ``attributed_label`` (the
        resolved source's IRI and label, or None).

    Notes
    -----
    A statement without an object becomes an edge to its first actor argument
    (a person, country, organization or group); otherwise it is listed, as a
    dict of the same attributes plus ``id``, in the subject's ``statements``.

    Examples
    --------
    >>> from graphbuild.extract.model import Actor, Relation, Statement
    >>> s = Statement(doc="d1", sentence="Turkey met Russia.", span=(0, 18),
    ...               subject=Actor("Turkey", "Turkey", id="Q43", type="Country", start=0, end=6),
    ...               relation=Relation("met", "meet", 7, 10),
    ...               object=Actor("Russia", "Russia", id="Q159", type="Country", start=11, end=17))
    >>> G = to_networkx([s])
    >>> [G.nodes[n]["label"] for n in G], G.nodes[next(iter(G))]["wikidata"]
    (['Turkey', 'Russia'], 'Q43')
    >>> [(d["lemma"], d["sentence"]) for _, _, d in G.edges(data=True)]
    [('meet', 'Turkey met Russia.')]
    """
    if isinstance(source, rdflib.Graph):
        return _from_rdf(source)
    if type(source).__module__ == "pyoxigraph":
        return _from_store(source)
    return _from_statements(source, {d.id: d.published for d in documents})


def _attach(G: nx.MultiDiGraph, sid: str, subject: str, target: str | None, attrs: dict[str, Any]) -> None:
    if target is None:
        G.nodes[subject]["statements"].append({"id": sid, **attrs})
    else:
        G.add_edge(subject, target, key=sid, **attrs)


def _from_statements(statements: Iterable[Statement], published: dict[str, str | None]) -> nx.MultiDiGraph:
    # The same canonical label/type/country per actor as the RDF, so both sources give one graph.
    from .rdf.serialize import canonical_actors, actor_iri

    statements = list(statements)
    canon = canonical_actors(statements)
    G = nx.MultiDiGraph()

    def canonical(actor: Actor) -> tuple[str, Actor]:
        iri = actor_iri(actor)
        return str(iri), canon.get(iri, actor)

    def node(actor: Actor) -> str:
        key, actor = canonical(actor)
        if key not in G:
            G.add_node(
                key,
                label=actor.label,
                type=actor.type if actor.type in ACTOR_TYPES else "Other",
                country=actor.country,
                wikidata=_qid(actor.id),
                iri=key,
                statements=[],
            )
        return key

    for st in statements:
        subject = node(st.subject)
        target, role = None, None
        if st.object is not None:
            target = node(st.object)
        else:
            arg = next((a for a in st.arguments if canonical(a.actor)[1].type in _TARGET_TYPES), None)
            if arg is not None:
                target, role = node(arg.actor), arg.role
        event = st.event
        attribution = st.attribution
        attrs = {
            "relation": st.relation.text,
            "lemma": st.relation.lemma,
            "sentence": st.sentence,
            "doc": st.doc,
            "date": st.date,
            "published": published.get(st.doc),
            "modality": st.modality,
            "negated": st.negated,
            "agentless": st.agentless,
            "attribution": attribution.text if attribution else None,
            "cameo": event.cameo if event else None,
            "event_label": event.label if event else None,
            "quad_class": event.quad_class if event else None,
            "goldstein": event.goldstein if event else None,
            "plover": event.plover.casefold() if event and event.plover else None,
            "confidence": round(float(st.confidence), 4),
            "start": st.span[0],
            "end": st.span[1],
            "role": role,
            "attributed_to": None,
            "attributed_label": None,
        }
        if attribution and attribution.actor:
            source_key, source = canonical(attribution.actor)
            attrs["attributed_to"], attrs["attributed_label"] = source_key, source.label
        _attach(G, st.id, subject, target, attrs)
    return G


def _qid(value: str | None) -> str | None:
    """A Wikidata QID (``Q159``) from an actor id or a Wikidata IRI; None for anything else."""
    if not value:
        return None
    tail = value.rsplit("/", 1)[-1]
    return tail if tail[:1] == "Q" and tail[1:].isdigit() else None


def _local(iri: rdflib.term.Node | None, namespace: str) -> str | None:
    if iri is None:
        return None
    text = str(iri)
    return text.removeprefix(namespace)


def _value(term: rdflib.term.Node | None) -> Any:
    """A literal's Python value, except dates, which stay ISO strings as in the contract."""
    if term is None:
        return None
    if isinstance(term, rdflib.Literal) and term.datatype not in _DATE_TYPES:
        return term.toPython()
    return str(term)


_DATE_TYPES = (XSD.date, XSD.gYearMonth, XSD.gYear, XSD.dateTime)
_ACTOR_CLASSES = {GB[t]: t for t in ("Person", "Country", "Organization", "Location", "Group", "Other")}
_TARGET_CLASSES = {GB[t] for t in _TARGET_TYPES}


def _argument_index(node: rdflib.term.Node) -> int:
    """``gbs:<id>-argument-3`` → 3: arguments keep the statement's order."""
    tail = str(node).rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def _from_rdf(graph: rdflib.Graph) -> nx.MultiDiGraph:
    """Read statements back from the layout of :mod:`graphbuild.rdf.serialize`."""
    g = graph
    if isinstance(g, rdflib.ConjunctiveGraph) and not g.default_union:
        g = rdflib.Dataset(store=g.store, default_union=True)
    G = nx.MultiDiGraph()

    def one(s, p):
        return next(g.objects(s, p), None)

    def node(iri: rdflib.term.Node) -> str:
        key = str(iri)
        if key not in G:
            types = [_ACTOR_CLASSES[t] for t in g.objects(iri, RDF.type) if t in _ACTOR_CLASSES]
            same = [_qid(str(o)) for o in g.objects(iri, OWL.sameAs) if str(o).startswith(str(WD))]
            G.add_node(
                key,
                label=_value(one(iri, RDFS.label) or one(iri, SKOS.prefLabel)) or key.rsplit("/", 1)[-1],
                type=types[0] if types else "Other",
                country=_value(one(iri, GB.country)),
                wikidata=same[0] if same else None,
                iri=key,
                statements=[],
            )
        return key

    docs: dict[rdflib.term.Node, tuple[str, str | None]] = {}

    def document(iri: rdflib.term.Node | None) -> tuple[str | None, str | None]:
        """(id, published date) of a document node."""
        if iri is None:
            return None, None
        if iri not in docs:
            ident = _value(one(iri, DCTERMS.identifier)) or str(iri).rsplit("/", 1)[-1]
            docs[iri] = (ident, _value(one(iri, DCTERMS.issued)))
        return docs[iri]

    for st in sorted(set(g.subjects(RDF.type, GB.Statement)), key=str):
        subject_iri = one(st, GB.subject)
        if subject_iri is None:
            continue
        subject = node(subject_iri)
        target, role = None, None
        obj = one(st, GB.object)
        if obj is not None:
            target = node(obj)
        else:
            for arg in sorted(g.objects(st, GB.argument), key=_argument_index):
                actor = one(arg, GB.actor)
                if actor is not None and _TARGET_CLASSES & set(g.objects(actor, RDF.type)):
                    target, role = node(actor), _value(one(arg, GB.role))
                    break
        event = one(st, GB.eventType)
        evidence = one(st, GB.evidence)
        attributed = one(st, GB.attributedTo)
        doc, published = document(one(st, PROV.wasDerivedFrom))
        attrs = {
            "relation": _value(one(st, GB.relationText)),
            "lemma": _value(one(st, GB.relationLemma)),
            "sentence": _value(one(evidence, GB.sentence)) if evidence is not None else None,
            "doc": doc,
            "date": _value(one(st, GB.date)),
            "published": published,
            "modality": _value(one(st, GB.modality)) or "asserted",
            "negated": bool(_value(one(st, GB.negated))),
            "agentless": bool(_value(one(st, GB.agentless))),
            "attribution": _value(one(st, GB.attributionText)),
            "cameo": _value(one(event, SKOS.notation)) or _local(event, str(CAMEO)) if event else None,
            "event_label": _value(one(event, SKOS.prefLabel)) if event is not None else None,
            "quad_class": _value(one(st, GB.quadClass)),
            "goldstein": _value(one(st, GB.goldstein)),
            "plover": _local(one(st, GB.ploverType), str(PLOVER)),
            "confidence": _value(one(st, GB.confidence)),
            "start": _value(one(evidence, OA.start)) if evidence is not None else None,
            "end": _value(one(evidence, OA.end)) if evidence is not None else None,
            "role": role,
            "attributed_to": None if attributed is None else str(attributed),
            "attributed_label": None if attributed is None else _value(one(attributed, RDFS.label)),
        }
        sid = _value(one(st, DCTERMS.identifier)) or str(st).rsplit("/", 1)[-1]
        _attach(G, sid, subject, target, attrs)
    return G


_STORE_ACTORS = """
SELECT ?actor ?class ?label ?prefLabel ?country ?same WHERE {
  ?actor a ?class .
  FILTER(?class IN (gb:Person, gb:Country, gb:Organization, gb:Location, gb:Group, gb:Other))
  OPTIONAL { ?actor rdfs:label ?label }
  OPTIONAL { ?actor skos:prefLabel ?prefLabel }
  OPTIONAL { ?actor gb:country ?country }
  OPTIONAL { ?actor owl:sameAs ?same . FILTER(STRSTARTS(STR(?same), STR(wd:))) }
}"""
_STORE_STATEMENTS = """
SELECT ?st ?id ?subject ?object ?relation ?lemma ?sentence ?start ?end ?doc ?docId ?published ?date
       ?modality ?negated ?agentless ?attribution ?attributed ?type ?code ?eventLabel ?quad ?goldstein ?plover ?confidence
WHERE {
  ?st a gb:Statement ; gb:subject ?subject .
  OPTIONAL { ?st dcterms:identifier ?id }
  OPTIONAL { ?st gb:object ?object }
  OPTIONAL { ?st gb:relationText ?relation }
  OPTIONAL { ?st gb:relationLemma ?lemma }
  OPTIONAL { ?st gb:evidence ?ev . OPTIONAL { ?ev gb:sentence ?sentence } OPTIONAL { ?ev oa:start ?start }
             OPTIONAL { ?ev oa:end ?end } }
  OPTIONAL { ?st prov:wasDerivedFrom ?doc . OPTIONAL { ?doc dcterms:identifier ?docId }
             OPTIONAL { ?doc dcterms:issued ?published } }
  OPTIONAL { ?st gb:date ?date }
  OPTIONAL { ?st gb:modality ?modality }
  OPTIONAL { ?st gb:negated ?negated }
  OPTIONAL { ?st gb:agentless ?agentless }
  OPTIONAL { ?st gb:attributionText ?attribution }
  OPTIONAL { ?st gb:attributedTo ?attributed }
  OPTIONAL { ?st gb:eventType ?type . OPTIONAL { ?type skos:notation ?code } OPTIONAL { ?type skos:prefLabel ?eventLabel } }
  OPTIONAL { ?st gb:quadClass ?quad }
  OPTIONAL { ?st gb:goldstein ?goldstein }
  OPTIONAL { ?st gb:ploverType ?plover }
  OPTIONAL { ?st gb:confidence ?confidence }
}"""
_STORE_ARGUMENTS = """
SELECT ?st ?arg ?actor ?role WHERE {
  ?st gb:argument ?arg . ?arg gb:actor ?actor .
  OPTIONAL { ?arg gb:role ?role }
  FILTER NOT EXISTS { ?st gb:object ?any }
}"""


def _from_store(store) -> nx.MultiDiGraph:
    """Read statements back from an Oxigraph store: the layout of :func:`_from_rdf`, by SPARQL."""
    from .query import run

    def rows(sparql: str):
        result = run(store, sparql)
        for row in result.rows:
            yield dict(zip(result.variables, row))

    actors: dict[str, dict[str, Any]] = {}
    for r in rows(_STORE_ACTORS):
        key = str(r["actor"])
        info = actors.setdefault(key, {"label": None, "type": None, "country": None, "wikidata": None})
        info["type"] = info["type"] or _ACTOR_CLASSES[r["class"]]
        info["label"] = info["label"] or _value(r["label"] or r["prefLabel"])
        info["country"] = info["country"] or _value(r["country"])
        info["wikidata"] = info["wikidata"] or _qid(_value(r["same"]))
    target_types = set(_TARGET_TYPES)
    arguments: dict[str, tuple[int, str, str | None]] = {}
    for r in rows(_STORE_ARGUMENTS):
        actor = str(r["actor"])
        if actors.get(actor, {}).get("type") not in target_types:
            continue
        index = _argument_index(r["arg"])
        st = str(r["st"])
        if st not in arguments or index < arguments[st][0]:
            arguments[st] = (index, actor, _value(r["role"]))

    G = nx.MultiDiGraph()

    def node(key: str) -> str:
        if key not in G:
            info = actors.get(key, {})
            G.add_node(key, label=info.get("label") or key.rsplit("/", 1)[-1], type=info.get("type") or "Other",
                       country=info.get("country"), wikidata=info.get("wikidata"), iri=key, statements=[])
        return key

    seen: set[str] = set()
    records = sorted(rows(_STORE_STATEMENTS), key=lambda r: str(r["st"]))
    for r in records:
        st = str(r["st"])
        if st in seen:  # a statement repeated across named graphs of a store
            continue
        seen.add(st)
        subject = node(str(r["subject"]))
        target, role = None, None
        if r["object"] is not None:
            target = node(str(r["object"]))
        elif st in arguments:
            _, actor, role = arguments[st]
            target = node(actor)
        attributed = None if r["attributed"] is None else str(r["attributed"])
        attrs = {
            "relation": _value(r["relation"]),
            "lemma": _value(r["lemma"]),
            "sentence": _value(r["sentence"]),
            "doc": _value(r["docId"]) or (None if r["doc"] is None else str(r["doc"]).rsplit("/", 1)[-1]),
            "date": _value(r["date"]),
            "published": _value(r["published"]),
            "modality": _value(r["modality"]) or "asserted",
            "negated": bool(_value(r["negated"])),
            "agentless": bool(_value(r["agentless"])),
            "attribution": _value(r["attribution"]),
            "cameo": _value(r["code"]) or _local(r["type"], str(CAMEO)),
            "event_label": _value(r["eventLabel"]),
            "quad_class": _value(r["quad"]),
            "goldstein": _value(r["goldstein"]),
            "plover": _local(r["plover"], str(PLOVER)),
            "confidence": _value(r["confidence"]),
            "start": _value(r["start"]),
            "end": _value(r["end"]),
            "role": role,
            "attributed_to": attributed,
            "attributed_label": actors.get(attributed, {}).get("label") if attributed else None,
        }
        _attach(G, _value(r["id"]) or st.rsplit("/", 1)[-1], subject, target, attrs)
    return G


# --------------------------------------------------------------------------- analyses


def actor_graph(G: nx.MultiDiGraph, *, directed: bool = True) -> nx.DiGraph | nx.Graph:
    """One edge per actor pair: ``count`` statements, ``distance`` = 1 / count.

    Self-loops (an actor acting on itself) are left out.

    >>> M = nx.MultiDiGraph([("a", "b"), ("a", "b"), ("b", "a"), ("a", "a")])
    >>> sorted(actor_graph(M).edges(data="count"))
    [('a', 'b', 2), ('b', 'a', 1)]
    >>> sorted(actor_graph(M, directed=False).edges(data="count"))
    [('a', 'b', 3)]
    """
    out: nx.DiGraph | nx.Graph = nx.DiGraph() if directed else nx.Graph()
    out.add_nodes_from(G.nodes(data=True))
    for u, v in G.edges():
        if u == v:
            continue
        if out.has_edge(u, v):
            out[u][v]["count"] += 1
        else:
            out.add_edge(u, v, count=1)
    for _, _, data in out.edges(data=True):
        data["distance"] = 1.0 / data["count"]
    return out


def actor_centrality(G: nx.MultiDiGraph, *, weight: str | None = "count") -> dict[str, dict[str, float]]:
    """Degree, betweenness and PageRank of every actor.

    Parameters
    ----------
    G : networkx.MultiDiGraph
        From :func:`to_networkx`.
    weight : {"count", None}
        ``"count"``: parallel statements strengthen a tie (degree counts
        statements, betweenness walks 1/count distances, PageRank follows
        counts); ``None``: each related pair counts once.

    Returns
    -------
    dict
        ``{"degree": {node: value}, "betweenness": {...}, "pagerank": {...}}``;
        betweenness is normalised to [0, 1], PageRank sums to 1.

    See Also
    --------
    actor_graph : the collapsed graph the measures run on.

    Examples
    --------
    >>> M = nx.MultiDiGraph([("a", "b"), ("a", "b"), ("b", "c")])
    >>> c = actor_centrality(M)
    >>> c["degree"]
    {'a': 2, 'b': 3, 'c': 1}
    >>> max(c["betweenness"], key=c["betweenness"].get)
    'b'
    >>> round(sum(c["pagerank"].values()), 6)
    1.0
    """
    if weight not in ("count", None):
        raise ValueError(f"weight must be 'count' or None, not {weight!r}")
    D = actor_graph(G)
    if D.number_of_nodes() == 0:
        return {"degree": {}, "betweenness": {}, "pagerank": {}}
    return {
        "degree": dict(D.degree(weight=weight)),
        "betweenness": nx.betweenness_centrality(D, weight="distance" if weight else None),
        "pagerank": nx.pagerank(D, weight=weight),
    }


def communities(G: nx.MultiDiGraph, *, seed: int | None = 0) -> list[set[str]]:
    """Groups of actors that talk to each other more than to the rest (Louvain).

    Runs on the undirected actor graph weighted by statement counts; actors
    with no statement partner form singleton groups.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    seed : int or None
        Louvain visits nodes in random order; a fixed seed gives the same groups every run.

    Returns
    -------
    list of set
        Largest first (ties by smallest member).

    Examples
    --------
    >>> M = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y"), ("y", "z"), ("z", "x"), ("a", "x")])
    >>> [sorted(c) for c in communities(M)]
    [['a', 'b', 'c'], ['x', 'y', 'z']]
    """
    U = actor_graph(G, directed=False)
    found = nx.community.louvain_communities(U, weight="count", seed=seed)
    return sorted((set(c) for c in found), key=lambda c: (-len(c), min(c)))


def _event_date(data: dict[str, Any]) -> str | None:
    """The date the text gives, else the document's: event data dates events by their story."""
    return data.get("date") or data.get("published")


def _dyad_event(data: dict[str, Any]) -> bool:
    """Whether a typed edge is an event between its two actors: the text reports it as having
    happened and names its subject as the doer (an agentless passive's subject underwent it)."""
    return (not data.get("negated") and data.get("modality", "asserted") in FACTUAL_MODALITIES
            and not data.get("agentless"))


def dyads(G: nx.MultiDiGraph, *, directed: bool = True) -> list[dict[str, Any]]:
    """Who does what to whom: per actor pair, statements, quad-class counts and Goldstein balance.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    directed : bool
        ``True``: source → target pairs; ``False``: both directions pooled
        (``source`` is then the smaller node key).

    Returns
    -------
    list of dict
        Keys ``source``, ``target``, ``source_label``, ``target_label``,
        ``statements`` (all edges), ``events`` (factual typed events),
        ``verbal_cooperation``, ``material_cooperation``, ``verbal_conflict``,
        ``material_conflict``, ``goldstein`` (sum over events), ``first`` and
        ``last`` (event dates: the text's, else the document's). Most statements first.

    Notes
    -----
    Negated statements and modalities outside :data:`FACTUAL_MODALITIES`
    ("Moscow denied that its missiles hit...", "could impose sanctions")
    count as statements but not as events.

    Examples
    --------
    >>> M = nx.MultiDiGraph()
    >>> _ = M.add_edge("us", "ua", quad_class=2, goldstein=7.4, modality="asserted", date="2025-03-01")
    >>> _ = M.add_edge("us", "ua", quad_class=4, goldstein=-9.5, modality="denied", date="2025-03-02")
    >>> d = dyads(M)[0]
    >>> d["statements"], d["events"], d["material_cooperation"], d["material_conflict"], d["goldstein"]
    (2, 1, 1, 0, 7.4)
    """
    pairs: dict[tuple[str, str], dict[str, Any]] = {}
    for u, v, data in G.edges(data=True):
        if u == v:
            continue
        key = (u, v) if directed or u <= v else (v, u)
        row = pairs.get(key)
        if row is None:
            row = pairs[key] = {
                "source": key[0],
                "target": key[1],
                "source_label": G.nodes[key[0]].get("label", key[0]),
                "target_label": G.nodes[key[1]].get("label", key[1]),
                "statements": 0,
                "events": 0,
                **{name: 0 for name in QUAD_CLASSES.values()},
                "goldstein": 0.0,
                "first": None,
                "last": None,
            }
        row["statements"] += 1
        quad = data.get("quad_class")
        if quad in QUAD_CLASSES and _dyad_event(data):
            row["events"] += 1
            row[QUAD_CLASSES[quad]] += 1
            row["goldstein"] = round(row["goldstein"] + float(data.get("goldstein") or 0.0), 6)
            date = _event_date(data)
            if date:
                row["first"] = min(row["first"] or date, date)
                row["last"] = max(row["last"] or date, date)
    return sorted(pairs.values(), key=lambda r: (-r["statements"], -r["events"], r["source"], r["target"]))


def dyad_timeline(
    G: nx.MultiDiGraph, source: str, target: str, *, directed: bool = False, period: str = "day"
) -> list[dict[str, Any]]:
    """Events between two actors over time: per date, counts by quad class and Goldstein sum.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    source, target : str
        Node keys (actor IRIs).
    directed : bool
        ``False`` (default) pools both directions.
    period : {"day", "month", "year"}
        Dates are grouped by their first 10, 7 or 4 characters (ISO dates).

    Returns
    -------
    list of dict
        ``{"date", "events", <quad class names>, "goldstein"}`` in date order;
        an event is dated by the text, else by its document; undated ones are left out.

    Examples
    --------
    >>> M = nx.MultiDiGraph()
    >>> _ = M.add_edge("a", "b", quad_class=3, goldstein=-2.0, modality="asserted", date="2025-01-05")
    >>> _ = M.add_edge("b", "a", quad_class=3, goldstein=-4.0, modality="asserted", date="2025-01-20")
    >>> [(r["date"], r["goldstein"]) for r in dyad_timeline(M, "a", "b", period="month")]
    [('2025-01', -6.0)]
    """
    size = {"day": 10, "month": 7, "year": 4}.get(period)
    if size is None:
        raise ValueError(f"period must be day, month or year, not {period!r}")
    edges = list(G.get_edge_data(source, target, default={}).values())
    if not directed and source != target:
        edges += list(G.get_edge_data(target, source, default={}).values())
    rows: dict[str, dict[str, Any]] = {}
    for data in edges:
        quad, date = data.get("quad_class"), _event_date(data)
        if quad not in QUAD_CLASSES or not date or not _dyad_event(data):
            continue
        row = rows.setdefault(
            date[:size], {"date": date[:size], "events": 0, **{n: 0 for n in QUAD_CLASSES.values()}, "goldstein": 0.0}
        )
        row["events"] += 1
        row[QUAD_CLASSES[quad]] += 1
        row["goldstein"] = round(row["goldstein"] + float(data.get("goldstein") or 0.0), 6)
    return [rows[d] for d in sorted(rows)]


def top_sources(G: nx.MultiDiGraph, n: int | None = 10) -> list[dict[str, Any]]:
    """The most-cited sources: who the statements are attributed to.

    A source is the resolved attribution actor when there is one, else the
    attribution text as written ("two diplomats"). Statements listed on nodes
    (no object) count too.

    Returns
    -------
    list of dict
        ``{"source", "label", "statements"}``, most cited first; ``source`` is
        an actor IRI or None for unresolved attributions.

    Examples
    --------
    >>> M = nx.MultiDiGraph()
    >>> kremlin = {"attribution": "the Kremlin", "attributed_to": "kr", "attributed_label": "Kremlin"}
    >>> M.add_node("kr", statements=[kremlin])
    >>> _ = M.add_edge("ru", "ua", **kremlin)
    >>> _ = M.add_edge("ru", "ua", attribution="two diplomats", attributed_to=None)
    >>> [(s["label"], s["statements"]) for s in top_sources(M)]
    [('Kremlin', 2), ('two diplomats', 1)]
    """
    counts: Counter[tuple[str | None, str]] = Counter()

    def record(data: dict[str, Any]) -> None:
        text, actor = data.get("attribution"), data.get("attributed_to")
        if actor:
            counts[(actor, data.get("attributed_label") or text or actor)] += 1
        elif text:
            counts[(None, text)] += 1

    for _, _, data in G.edges(data=True):
        record(data)
    for _, listed in G.nodes(data="statements"):
        for data in listed or ():
            record(data)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0][1].casefold()))
    return [{"source": src, "label": label, "statements": c} for (src, label), c in ranked[:n]]


def summary(G: nx.MultiDiGraph, *, top: int = 10, seed: int | None = 0, things: bool = False) -> dict[str, Any]:
    """Everything ``graphbuild stats`` reports, JSON-ready.

    Parameters
    ----------
    G : networkx.MultiDiGraph
    top : int
        Leaders, dyads and sources to keep.
    seed : int or None
        For :func:`communities`.
    things : bool
        Keep nodes of type ``Other`` (objects such as "sanctions" or "a barrier")
        in the analyses; by default only actors count.

    Returns
    -------
    dict
        ``actors``, ``statements`` and ``events`` counts; ``centrality`` (for each
        measure the ``top`` leaders as ``{"actor", "label", "value"}``);
        ``communities`` (member labels, largest first, singletons left out);
        ``cooperation`` and ``conflict`` (the ``top`` dyads by highest and lowest
        Goldstein sum, pooled directions); ``sources`` (over all statements).

    Examples
    --------
    >>> M = nx.MultiDiGraph()
    >>> M.add_nodes_from([("a", {"label": "A", "type": "Country"}), ("b", {"label": "B", "type": "Person"}),
    ...                   ("x", {"label": "sanctions", "type": "Other"})])
    >>> _ = M.add_edge("a", "b", quad_class=1, goldstein=3.0, modality="asserted")
    >>> _ = M.add_edge("a", "x", quad_class=4, goldstein=-8.0, modality="asserted")
    >>> s = summary(M)
    >>> s["actors"], s["statements"], s["events"], s["cooperation"][0]["goldstein"], s["conflict"]
    (2, 2, 1, 3.0, [])
    """
    H = G if things else G.subgraph(n for n, kind in G.nodes(data="type") if kind != "Other")
    label = {n: d.get("label", n) for n, d in H.nodes(data=True)}
    leaders = {
        measure: [
            {"actor": n, "label": label[n], "value": round(float(v), 6)}
            for n, v in sorted(scores.items(), key=lambda kv: (-kv[1], label[kv[0]]))[:top]
        ]
        for measure, scores in actor_centrality(H).items()
    }
    pooled = dyads(H, directed=False)
    with_events = [d for d in pooled if d["events"]]
    listed = sum(len(d or ()) for _, d in G.nodes(data="statements"))
    return {
        "actors": H.number_of_nodes(),
        "statements": G.number_of_edges() + listed,
        "events": sum(d["events"] for d in pooled),
        "centrality": leaders,
        "communities": [sorted(label[n] for n in c) for c in communities(H, seed=seed) if len(c) > 1],
        "cooperation": sorted((d for d in with_events if d["goldstein"] > 0),
                              key=lambda d: (-d["goldstein"], -d["events"]))[:top],
        "conflict": sorted((d for d in with_events if d["goldstein"] < 0),
                           key=lambda d: (d["goldstein"], -d["events"]))[:top],
        "sources": top_sources(G, top),
    }


# --------------------------------------------------------------------------- plots


def plot_dyad_timeline(G: nx.MultiDiGraph, pairs: Iterable[tuple[str, str]], *, period: str = "day", ax=None):
    """Goldstein balance over time for actor pairs (both directions pooled), one line each.

    Returns the matplotlib ``Figure``; nothing is shown or written.
    """
    from datetime import date as _date_cls

    import matplotlib.dates as mdates

    fig, ax = _axes(ax, (8, 4))
    for source, target in pairs:
        rows = dyad_timeline(G, source, target, period=period)
        if not rows:
            continue
        xs = [_date_cls.fromisoformat(_pad(r["date"])) for r in rows]
        name = f'{G.nodes[source].get("label", source)} – {G.nodes[target].get("label", target)}'
        ax.plot(xs, [r["goldstein"] for r in rows], marker="o", label=name)
    ax.axhline(0, color="grey", linewidth=0.8)
    ax.set_ylabel("Goldstein sum (cooperation > 0 > conflict)")
    ax.set_title("Dyad timeline")
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    if ax.get_legend_handles_labels()[0]:
        ax.legend(fontsize="small")
    return fig


def plot_centrality(G: nx.MultiDiGraph, *, measure: str = "pagerank", top: int = 15, ax=None):
    """A horizontal bar chart of the ``top`` actors by ``measure``; returns the ``Figure``."""
    scores = actor_centrality(G)[measure]
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])[:top][::-1]
    fig, ax = _axes(ax, (6, max(2.0, 0.35 * len(ranked) + 1)))
    ax.barh([G.nodes[n].get("label", n) for n, _ in ranked], [v for _, v in ranked])
    ax.set_xlabel(measure)
    ax.set_title(f"Actors by {measure}")
    return fig


def _axes(ax, size: tuple[float, float]):
    if ax is not None:
        return ax.figure, ax
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, layout="constrained")
    return fig, fig.add_subplot()


def _pad(date: str) -> str:
    """``2025-03`` → ``2025-03-01`` so partial dates can be plotted."""
    return date + "-01-01"[len(date) - 4:] if len(date) < 10 else date[:10]
