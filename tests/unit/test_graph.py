"""The actor graph and its analyses, on hand-built statements (no spaCy model needed).

``sample_statements()`` is also the fixture of ``test_query.py``: a small news day
with cooperation, conflict, a denial, a hypothetical, attributions and an
object-less statement, over two documents and three dates.
"""

from __future__ import annotations

import networkx as nx
import pytest

from graphbuild.extract.model import Actor, Argument, Attribution, Event, Relation, Statement
from graphbuild.graph import (
    actor_centrality,
    actor_graph,
    communities,
    dyad_timeline,
    dyads,
    summary,
    to_networkx,
    top_sources,
)
from graphbuild.rdf.serialize import actor_iri, to_rdf

TURKEY = Actor("Turkey", "Turkey", "Q43", "Country", "TUR")
RUSSIA = Actor("Russia", "Russia", "Q159", "Country", "RUS")
UKRAINE = Actor("Ukraine", "Ukraine", "Q212", "Country", "UKR")
USA = Actor("the United States", "United States", "Q30", "Country", "USA")
HUNGARY = Actor("Hungary", "Hungary", "Q28", "Country", "HUN")
EU = Actor("the EU", "European Union", "Q458", "Organization")
ERDOGAN = Actor("Erdogan", "Recep Tayyip Erdoğan", "Q39723", "Person", "TUR")
PUTIN = Actor("Putin", "Vladimir Putin", "Q7747", "Person", "RUS")
KREMLIN = Actor("The Kremlin", "Kremlin", "Q4364", "Organization", "RUS")
TALKS = Actor("talks", "talks")
ODESA = Actor("Odesa", "Odesa", "Q1874", "Location", "UKR")

CONSULT = Event("040", "Consult (general)", 1, 1.0, "consult")
INTEND_MEET = Event("036", "Express intent to meet or negotiate", 1, 4.0, "agree")
PRAISE = Event("051", "Praise or endorse", 1, 3.4, "support")
MILITARY_AID = Event("072", "Provide military aid", 2, 8.3, "aid")
DEMAND = Event("100", "Demand (general)", 3, -5.0, "request")
ACCUSE = Event("112", "Accuse", 3, -2.0, "accuse")
THREATEN = Event("130", "Threaten", 3, -4.4, "threaten")
FIGHT = Event("190", "Use conventional military force", 4, -10.0, "assault")


def _at(actor: Actor, start: int) -> Actor:
    return actor.__class__(actor.text, actor.label, actor.id, actor.type, actor.country, start, start + len(actor.text))


def _st(doc, offset, sentence, subject, verb, lemma, obj=None, **kw) -> Statement:
    """A statement whose mentions sit where they are written in ``sentence``."""
    s_at = sentence.index(subject.text)
    v_at = sentence.index(verb)
    o = _at(obj, offset + sentence.index(obj.text)) if obj is not None else None
    return Statement(
        doc=doc,
        sentence=sentence,
        span=(offset, offset + len(sentence)),
        subject=_at(subject, offset + s_at),
        relation=Relation(verb, lemma, offset + v_at, offset + v_at + len(verb)),
        object=o,
        confidence=kw.pop("confidence", 0.8),
        **kw,
    )


def sample_statements() -> list[Statement]:
    d1, d2 = "day1", "day2"
    return [
        _st(d1, 0, "Turkey met Russia in Ankara.", TURKEY, "met", "meet", RUSSIA,
            event=CONSULT, date="2025-07-07"),
        _st(d1, 29, "Erdogan spoke with Putin on Monday, the Turkish presidency said.", ERDOGAN, "spoke", "speak",
            arguments=(Argument("on", Actor("Monday", "Monday")), Argument("with", _at(PUTIN, 29 + 19))),
            attribution=Attribution("the Turkish presidency"), event=CONSULT, date="2025-07-07"),
        _st(d1, 94, "Turkey offered to host talks.", TURKEY, "offered", "offer", TALKS,
            modality="intended", event=INTEND_MEET, date="2025-07-07"),
        _st(d1, 124, "Russia struck Ukraine overnight, Ukrainian officials said.", RUSSIA, "struck", "strike", UKRAINE,
            attribution=Attribution("Ukrainian officials"), event=FIGHT, date="2025-07-07"),
        _st(d1, 183, "The Kremlin said Russia did not strike Odesa.", RUSSIA, "strike", "strike", ODESA,
            negated=True, modality="denied", attribution=Attribution("The Kremlin", _at(KREMLIN, 183)),
            event=FIGHT, date="2025-07-07"),
        _st(d1, 229, "The Kremlin said Russia accused Ukraine of staging the damage.", RUSSIA, "accused", "accuse",
            UKRAINE, attribution=Attribution("The Kremlin", _at(KREMLIN, 229)), event=ACCUSE, date="2025-07-07"),
        _st(d2, 0, "Ukraine urged the EU to impose sanctions.", UKRAINE, "urged", "urge", EU,
            event=DEMAND, date="2025-07-08"),
        _st(d2, 42, "Hungary threatened the EU, two diplomats said.", HUNGARY, "threatened", "threaten", EU,
            attribution=Attribution("two diplomats"), event=THREATEN, date="2025-07-08"),
        _st(d2, 89, "Hungary could threaten Ukraine.", HUNGARY, "threaten", "threaten", UKRAINE,
            modality="possible", event=THREATEN, date="2025-07-08"),
        _st(d2, 121, "the United States sent aid to Ukraine.", USA, "sent", "send", UKRAINE,
            event=MILITARY_AID, date="2025-08-01"),
        _st(d2, 160, "Ukraine thanked the United States.", UKRAINE, "thanked", "thank", USA,
            event=PRAISE, date="2025-08-02"),
        _st(d2, 195, "Russia slept.", RUSSIA, "slept", "sleep", date="2025-08-02"),
    ]


def key(actor: Actor) -> str:
    return str(actor_iri(actor))


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    return to_networkx(sample_statements())


def test_nodes_and_edges_follow_the_contract(G):
    assert G.number_of_nodes() == 10  # 9 actors with edges + the object "talks"; Monday is a time, not a node
    ru = G.nodes[key(RUSSIA)]
    assert {k: ru[k] for k in ("label", "type", "country", "wikidata", "iri")} == {
        "label": "Russia", "type": "Country", "country": "RUS", "wikidata": "Q159", "iri": key(RUSSIA),
    }
    assert G.nodes[key(TALKS)]["wikidata"] is None
    st = sample_statements()[3]
    data = G.edges[key(RUSSIA), key(UKRAINE), st.id]
    assert data == {
        "relation": "struck", "lemma": "strike", "sentence": st.sentence, "doc": "day1", "date": "2025-07-07",
        "published": None,
        "modality": "asserted", "negated": False, "agentless": False, "attribution": "Ukrainian officials",
        "cameo": "190",
        "event_label": "Use conventional military force", "quad_class": 4, "goldstein": -10.0,
        "plover": "assault", "confidence": 0.8, "start": 124, "end": 124 + len(st.sentence), "role": None,
        "attributed_to": None, "attributed_label": None,
    }


def test_document_dates_stand_in_for_missing_event_dates():
    from graphbuild.ingest import Document

    st = sample_statements()[3].replace(date=None)
    doc = Document("day1", "", published="2025-07-06")
    for G in (to_networkx([st], documents=[doc]), to_networkx(to_rdf([st], [doc]))):
        (data,) = [d for _, _, d in G.edges(data=True)]
        assert (data["date"], data["published"]) == (None, "2025-07-06")
        assert dyads(G)[0]["first"] == "2025-07-06"
        assert [r["date"] for r in dyad_timeline(G, key(RUSSIA), key(UKRAINE))] == ["2025-07-06"]


def test_objectless_statement_goes_to_its_actor_argument_or_the_subject_node(G):
    speak = sample_statements()[1]
    data = G.edges[key(ERDOGAN), key(PUTIN), speak.id]
    assert (data["role"], data["lemma"]) == ("with", "speak")
    listed = G.nodes[key(RUSSIA)]["statements"]
    assert [(s["id"], s["lemma"]) for s in listed] == [(sample_statements()[-1].id, "sleep")]
    assert G.nodes[key(TURKEY)]["statements"] == []


def test_rdf_store_and_statements_give_the_same_graph():
    from graphbuild.query import load_source

    statements = sample_statements()
    A = to_networkx(statements)
    for B in (to_networkx(to_rdf(statements)), to_networkx(load_source(to_rdf(statements), engine="oxigraph"))):
        assert dict(A.nodes(data=True)) == dict(B.nodes(data=True))
        assert sorted(A.edges(keys=True, data=True), key=str) == sorted(B.edges(keys=True, data=True), key=str)


def test_actor_graph_counts_parallel_statements(G):
    D = actor_graph(G)
    assert D[key(RUSSIA)][key(UKRAINE)]["count"] == 2
    assert D[key(RUSSIA)][key(UKRAINE)]["distance"] == 0.5
    assert not D.has_edge(key(UKRAINE), key(RUSSIA))


def test_centrality_ranks_the_hub_first(G):
    c = actor_centrality(G)
    assert max(c["degree"], key=c["degree"].get) == key(UKRAINE)
    assert c["degree"][key(UKRAINE)] == 6  # 2 from Russia, urge, could threaten, aid, thank
    assert max(c["betweenness"], key=c["betweenness"].get) == key(UKRAINE)
    assert sum(c["pagerank"].values()) == pytest.approx(1.0)
    unweighted = actor_centrality(G, weight=None)
    assert unweighted["degree"][key(UKRAINE)] == 5
    with pytest.raises(ValueError):
        actor_centrality(G, weight="goldstein")


def test_communities_are_deterministic_and_cover_every_actor(G):
    groups = communities(G, seed=0)
    assert groups == communities(G, seed=0)
    assert set().union(*groups) == set(G)
    assert sum(len(g) for g in groups) == G.number_of_nodes()
    together = next(g for g in groups if key(ERDOGAN) in g)
    assert key(PUTIN) in together


def test_dyads_count_quad_classes_and_skip_denials_and_hypotheticals(G):
    rows = {(r["source_label"], r["target_label"]): r for r in dyads(G)}
    ru_ua = rows[("Russia", "Ukraine")]
    assert (ru_ua["statements"], ru_ua["events"]) == (2, 2)
    assert (ru_ua["material_conflict"], ru_ua["verbal_conflict"], ru_ua["goldstein"]) == (1, 1, -12.0)
    denied = rows[("Russia", "Odesa")]
    assert (denied["statements"], denied["events"], denied["goldstein"], denied["first"]) == (1, 0, 0.0, None)
    possible = rows[("Hungary", "Ukraine")]
    assert possible["events"] == 0
    pooled = {(r["source_label"], r["target_label"]): r for r in dyads(G, directed=False)}
    us_ua = next(r for pair, r in pooled.items() if set(pair) == {"United States", "Ukraine"})
    assert (us_ua["events"], us_ua["material_cooperation"], us_ua["verbal_cooperation"]) == (2, 1, 1)
    assert us_ua["goldstein"] == pytest.approx(11.7)
    assert (us_ua["first"], us_ua["last"]) == ("2025-08-01", "2025-08-02")


def test_dyad_timeline_groups_by_period(G):
    days = dyad_timeline(G, key(USA), key(UKRAINE))
    assert [(r["date"], r["goldstein"]) for r in days] == [("2025-08-01", 8.3), ("2025-08-02", 3.4)]
    assert dyad_timeline(G, key(USA), key(UKRAINE), directed=True)[0]["material_cooperation"] == 1
    assert len(dyad_timeline(G, key(USA), key(UKRAINE), directed=True)) == 1
    months = dyad_timeline(G, key(USA), key(UKRAINE), period="month")
    assert [(r["date"], r["events"]) for r in months] == [("2025-08", 2)]
    with pytest.raises(ValueError):
        dyad_timeline(G, key(USA), key(UKRAINE), period="week")


def test_top_sources_prefers_resolved_actors(G):
    assert top_sources(G) == [
        {"source": key(KREMLIN), "label": "Kremlin", "statements": 2},
        {"source": None, "label": "the Turkish presidency", "statements": 1},
        {"source": None, "label": "two diplomats", "statements": 1},
        {"source": None, "label": "Ukrainian officials", "statements": 1},
    ]
    assert len(top_sources(G, 2)) == 2


def test_summary_is_json_ready_and_splits_cooperation_from_conflict(G):
    import json

    s = summary(G, top=3)
    assert json.loads(json.dumps(s)) == s
    assert (s["actors"], s["statements"], s["events"]) == (9, 12, 8)  # "talks" is a thing, not an actor
    assert summary(G, things=True)["actors"] == 10
    assert s["centrality"]["degree"][0] == {"actor": key(UKRAINE), "label": "Ukraine", "value": 6.0}
    assert [d["goldstein"] for d in s["cooperation"]] == sorted((d["goldstein"] for d in s["cooperation"]), reverse=True)
    assert s["conflict"][0]["goldstein"] == -12.0
    assert all(d["goldstein"] > 0 for d in s["cooperation"]) and all(d["goldstein"] < 0 for d in s["conflict"])
    assert all(len(c) > 1 for c in s["communities"])


def test_empty_graph_gives_empty_answers():
    E = to_networkx([])
    assert actor_centrality(E) == {"degree": {}, "betweenness": {}, "pagerank": {}}
    assert communities(E) == [] and dyads(E) == [] and top_sources(E) == []
    assert summary(E)["actors"] == 0


def test_plots_draw_lines_and_bars(G):
    from graphbuild.graph import plot_centrality, plot_dyad_timeline

    fig = plot_dyad_timeline(G, [(key(USA), key(UKRAINE)), (key(RUSSIA), key(UKRAINE))])
    ax = fig.axes[0]
    assert [line.get_label() for line in ax.get_lines() if not line.get_label().startswith("_")] == [
        "United States – Ukraine", "Russia – Ukraine",
    ]
    bars = plot_centrality(G, measure="degree", top=3).axes[0].patches
    assert sorted(b.get_width() for b in bars) == [2, 4, 6]


EXPEL = Event("174", "Expel or deport individuals", 4, -5.0, "coerce")
AMBASSADOR = Actor("The ambassador", "ambassador", "name-ambassador", "Person")


def expelled_ambassador() -> Statement:
    """"The ambassador was expelled from Ukraine": an agentless passive, typed as an expulsion
    that the ambassador underwent; nobody named did it, so Ukraine is no party to the event."""
    return _st("day3", 0, "The ambassador was expelled from Ukraine.", AMBASSADOR, "was expelled from", "expel from",
               UKRAINE, event=EXPEL, date="2025-07-09", extra={"voice": "passive"})


def test_an_agentless_passive_is_an_edge_but_no_event_of_its_dyad():
    from graphbuild.query import load_source

    statements = [expelled_ambassador(), sample_statements()[3]]  # and "Russia struck Ukraine"
    assert statements[0].agentless and not statements[1].agentless
    dataset = to_rdf(statements)
    for G in (to_networkx(statements), to_networkx(dataset), to_networkx(load_source(dataset, engine="oxigraph"))):
        edge = G.edges[key(AMBASSADOR), key(UKRAINE), statements[0].id]
        assert (edge["agentless"], edge["cameo"], edge["quad_class"]) == (True, "174", 4)
        rows = {(r["source_label"], r["target_label"]): r for r in dyads(G)}
        assert (rows[("ambassador", "Ukraine")]["statements"], rows[("ambassador", "Ukraine")]["events"]) == (1, 0)
        assert rows[("Russia", "Ukraine")]["events"] == 1
        assert dyad_timeline(G, key(AMBASSADOR), key(UKRAINE)) == []
