"""Hand-built graphs with the attributes of ``graphbuild.graph.to_networkx``."""

from __future__ import annotations

import networkx as nx

SEED_DOC = "000_e87cb3e1957412b4"


def _actor(G, key, label, kind, country=None, wikidata=None, **extra):
    G.add_node(key, label=label, type=kind, country=country, wikidata=wikidata, iri=key, **extra)


def _say(
    G,
    u,
    v,
    sid,
    lemma,
    sentence,
    *,
    quad=None,
    event=None,
    cameo=None,
    modality="asserted",
    negated=False,
    attribution=None,
    doc=SEED_DOC,
    date="2025-07-03",
    relation=None,
):
    G.add_edge(
        u,
        v,
        key=sid,
        relation=relation or lemma,
        lemma=lemma,
        sentence=sentence,
        doc=doc,
        date=date,
        modality=modality,
        negated=negated,
        attribution=attribution,
        cameo=cameo,
        event_label=event,
        quad_class=quad,
        goldstein=None,
        plover=None,
        confidence=0.8,
        start=0,
        end=len(sentence),
    )


def seed_like_graph() -> nx.MultiDiGraph:
    """A graph shaped like the seed article's (Putin–Trump call), written for the tests."""
    G = nx.MultiDiGraph()
    A = "https://graphbuild.org/actor/"
    _actor(G, A + "putin", "Vladimir Putin", "Person", "RUS", "Q7747")
    _actor(G, A + "trump", "Donald Trump", "Person", "USA", "Q22686")
    _actor(G, A + "zelenskyy", "Volodymyr Zelenskyy", "Person", "UKR", "Q3874799")
    _actor(G, A + "russia", "Russia", "Country", "RUS", "Q159")
    _actor(G, A + "ukraine", "Ukraine", "Country", "UKR", "Q212")
    _actor(G, A + "usa", "United States", "Country", "USA", "Q30")
    _actor(G, A + "iran", "Iran", "Country", "IRN", "Q794")
    _actor(G, A + "kremlin", "Kremlin", "Organization", "RUS", "Q43287")
    _actor(G, A + "ushakov", "Yuri Ushakov", "Person", "RUS", "Q2356522")
    _actor(G, A + "reuters", "Reuters", "Organization", None, "Q130879")
    _actor(G, A + "ft", "Financial Times", "Organization", "GBR", "Q183469")
    _actor(G, A + "whitehouse", "White House", "Organization", "USA", "Q35525")
    _actor(G, "name:the war", "the war", "Other", resolved=False)
    _actor(G, "name:weapons deliveries", "weapons deliveries", "Other")
    t = "Russian President Vladimir Putin told US President Donald Trump in a phone call on Thursday that Moscow will not step back from its goals in Ukraine."
    _say(
        G,
        A + "putin",
        A + "trump",
        "s1",
        "tell",
        t,
        quad=1,
        event="Make statement",
        cameo="010",
        attribution="a Kremlin aide",
    )
    _say(
        G,
        A + "putin",
        A + "trump",
        "s2",
        "call",
        "Putin and Trump spoke in a phone call on Thursday.",
        quad=1,
        event="Consult",
        cameo="040",
    )
    _say(
        G,
        A + "trump",
        A + "zelenskyy",
        "s3",
        "speak with",
        "Trump may speak with Ukrainian President Volodymyr Zelenskyy on Friday.",
        quad=1,
        event="Consult",
        cameo="040",
        modality="possible",
        attribution="a Ukrainian source",
        date="2025-07-04",
    )
    _say(
        G,
        A + "russia",
        A + "ukraine",
        "s4",
        "back down from",
        "Russia will not back down from its goals, Putin said.",
        quad=3,
        event="Refuse to yield",
        cameo="125",
        negated=True,
        attribution="Vladimir Putin",
    )
    _say(
        G,
        A + "russia",
        A + "ukraine",
        "s5",
        "attack",
        "Russia launched a massive drone attack on Ukraine overnight.",
        quad=4,
        event="Use conventional military force",
        cameo="190",
        date="2025-07-04",
    )
    _say(
        G,
        A + "russia",
        A + "ukraine",
        "s6",
        "attack",
        "Russian forces attacked Kyiv again on Friday.",
        quad=4,
        event="Use conventional military force",
        cameo="190",
        date="2025-07-04",
        doc="wire_0002",
    )
    _say(
        G,
        A + "usa",
        A + "ukraine",
        "s7",
        "halt",
        "The US halted some key weapons deliveries to Kyiv.",
        quad=2,
        event="Reduce or stop military assistance",
        cameo="1632",
        date="2025-07-02",
    )
    _say(
        G,
        A + "zelenskyy",
        A + "usa",
        "s8",
        "raise",
        "Zelenskyy is expected to raise potential future arms sales.",
        quad=1,
        event="Appeal for military aid",
        cameo="0232",
        modality="expected",
        attribution="the Financial Times",
    )
    _say(
        G,
        A + "ushakov",
        A + "reuters",
        "s9",
        "tell",
        "Kremlin aide Yuri Ushakov told reporters.",
        quad=1,
        event="Make statement",
        cameo="010",
    )
    _say(
        G,
        A + "putin",
        A + "iran",
        "s10",
        "stress",
        "Putin stressed that the Iran conflicts should be solved diplomatically.",
        quad=1,
        event="Make statement",
        cameo="010",
        attribution="Yuri Ushakov",
    )
    _say(
        G,
        A + "trump",
        "name:the war",
        "s11",
        "raise",
        "Trump raised the issue of bringing about a swift end to the war.",
        attribution="Yuri Ushakov",
    )
    _say(
        G,
        A + "whitehouse",
        A + "reuters",
        "s12",
        "respond to",
        "The White House did not respond to a Reuters request for comment.",
        negated=True,
        quad=1,
        event="Make statement",
        cameo="010",
    )
    _say(
        G,
        A + "ft",
        A + "usa",
        "s13",
        "report",
        "The Financial Times earlier reported on Thursday.",
        quad=1,
        event="Make statement",
        cameo="010",
    )
    _say(
        G,
        A + "usa",
        "name:weapons deliveries",
        "s14",
        "halt",
        "The abrupt halt in some key US weapons deliveries to Kyiv.",
        quad=None,
    )
    _say(
        G,
        A + "kremlin",
        A + "ukraine",
        "s15",
        "negotiate",
        "Russia was ready to keep negotiating.",
        quad=1,
        event="Express intent to cooperate",
        cameo="030",
        modality="intended",
        attribution="Vladimir Putin",
    )
    G.nodes[A + "russia"]["statements"] = [
        {
            "relation": "remain focused",
            "lemma": "remain",
            "sentence": "Moscow remained focused on removing the root causes of the conflict.",
            "doc": SEED_DOC,
            "date": "2025-07-03",
            "modality": "asserted",
            "negated": False,
            "attribution": "Vladimir Putin",
            "cameo": None,
            "event_label": None,
            "quad_class": None,
            "goldstein": None,
            "plover": None,
            "confidence": 0.6,
        }
    ]
    return G
