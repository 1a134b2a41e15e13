"""The viewer page without a browser: payload, aggregation, --max-nodes, escaping, offline-ness."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import networkx as nx
import pytest

from graphbuild.view import graph_payload, render_html

ROOT = Path(__file__).resolve().parents[2]


def star(leaves: int = 6) -> nx.MultiDiGraph:
    """A hub with leaves, one pair joined twice by the same relation and once by another."""
    G = nx.MultiDiGraph()
    G.add_node(
        "hub", label="Hub", type="Country", country="HUB", wikidata="http://www.wikidata.org/entity/Q159"
    )
    for i in range(leaves):
        G.add_node(f"leaf{i}", label=f"Leaf {i}", type="Person" if i else "Other")
        G.add_edge(
            "hub",
            f"leaf{i}",
            key=f"s{i}",
            lemma="meet",
            sentence=f"Hub met leaf {i}.",
            doc="d1",
            date=f"2025-01-0{1 + i % 9}",
            modality="asserted",
            negated=False,
            quad_class=1,
        )
    G.add_edge(
        "hub",
        "leaf1",
        key="again",
        lemma="meet",
        sentence="Hub met leaf 1 again.",
        doc="d2",
        modality="possible",
        quad_class=4,
    )
    G.add_edge(
        "hub",
        "leaf1",
        key="hit",
        lemma="attack",
        sentence="Hub attacked leaf 1.",
        doc="d2",
        modality="asserted",
        negated=True,
        quad_class=4,
    )
    G.add_edge("leaf2", "leaf3", key="talk", lemma="talk", sentence="Leaf 2 talked to leaf 3.", doc="d3")
    return G


def test_edges_are_aggregated_per_pair_and_lemma():
    p = graph_payload(star())
    label = {n["id"]: n["label"] for n in p["nodes"]}
    edges = {(label[e["from"]], label[e["to"]], e["lemma"]): e for e in p["edges"]}
    assert len(edges) == 6 + 1 + 1
    meet = edges[("Hub", "Leaf 1", "meet")]
    assert [p["statements"][i]["s"] for i in meet["st"]] == ["Hub met leaf 1.", "Hub met leaf 1 again."]
    assert meet["q"] == 4  # tie between classes 1 and 4 goes to the graver one
    assert (
        edges[("Hub", "Leaf 1", "attack")]["pair"] == 2 and edges[("Leaf 2", "Leaf 3", "talk")]["q"] is None
    )
    assert p["meta"]["statements_shown"] == p["meta"]["statements_total"] == 9


def test_nodes_carry_type_country_wikidata_and_actor_flag():
    nodes = {n["label"]: n for n in graph_payload(star())["nodes"]}
    assert nodes["Hub"]["wikidata"] == "Q159" and nodes["Hub"]["country"] == "HUB"
    assert nodes["Hub"]["score"] == 1.0 and 0 < nodes["Leaf 4"]["score"] < 1
    assert nodes["Leaf 0"]["actor"] is False and nodes["Leaf 1"]["actor"] is True


@pytest.mark.parametrize(
    "value", ["javascript:alert(1)", "Q0", "q159", "Q159 ", 159, "https://example.org/x?Q1"]
)
def test_anything_but_a_qid_is_not_a_wikidata_id(value):
    G = nx.MultiDiGraph()
    G.add_node("a", label="A", wikidata=value)
    assert graph_payload(G)["nodes"][0]["wikidata"] is None


def test_max_nodes_keeps_the_most_important_and_counts_what_is_left_out():
    p = graph_payload(star(), max_nodes=3)
    assert [n["label"] for n in p["nodes"]][:2] == ["Hub", "Leaf 1"]
    assert len(p["nodes"]) == 3
    meta = p["meta"]
    assert (meta["nodes_total"], meta["nodes_shown"], meta["max_nodes"]) == (7, 3, 3)
    assert meta["edges_total"] == 8 and meta["edges_shown"] == 3
    with pytest.raises(ValueError):
        graph_payload(star(), max_nodes=0)


def test_statements_without_object_stay_on_their_node():
    G = star()
    G.nodes["hub"]["statements"] = [
        {"lemma": "warn", "sentence": "Hub warned.", "doc": "d9", "modality": "asserted"}
    ]
    p = graph_payload(G)
    hub = next(n for n in p["nodes"] if n["label"] == "Hub")
    assert [p["statements"][i]["s"] for i in hub["own"]] == ["Hub warned."]


def test_agentless_passives_are_flagged_for_the_page():
    G = nx.MultiDiGraph()
    G.add_edge("envoy", "ua", key="s1", relation="was expelled from", sentence="The envoy was expelled from Ukraine.",
               doc="d1", modality="asserted", quad_class=4, agentless=True)
    G.add_edge("ru", "ua", key="s2", relation="struck", sentence="Russia struck Ukraine.", doc="d1",
               modality="asserted", quad_class=4, agentless=False)
    flags = {st["r"]: bool(st["w"]) for st in graph_payload(G)["statements"]}
    assert flags == {"was expelled from": True, "struck": False}


def test_empty_graph_renders(tmp_path):
    page = render_html(nx.MultiDiGraph(), tmp_path / "empty.html").read_text(encoding="utf-8")
    data = json.loads(
        re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.DOTALL).group(1)
    )
    assert data["nodes"] == [] and data["edges"] == []


HOSTILE = "</script><script>alert(1)</script><!-- <img src=x onerror=alert(2)> & \u2028\u2029 {{APP_JS}}"


def hostile_page(tmp_path) -> str:
    G = nx.MultiDiGraph()
    G.add_node("a", label=HOSTILE, type="Person")
    G.add_node("b", label="B", type="Country")
    G.add_edge("a", "b", key="s", lemma=HOSTILE, sentence=HOSTILE, doc=HOSTILE, attribution=HOSTILE)
    return render_html(G, tmp_path / "g.html", title=HOSTILE).read_text(encoding="utf-8")


def test_document_text_cannot_leave_the_json_island(tmp_path):
    page = hostile_page(tmp_path)
    island = re.search(
        r'<script type="application/json" id="graph-data">(.*?)</script>', page, re.DOTALL
    ).group(1)
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in island
    data = json.loads(island)
    assert data["nodes"][0]["label"] == HOSTILE or data["nodes"][1]["label"] == HOSTILE
    assert data["statements"][0]["s"] == HOSTILE and data["title"] == HOSTILE
    vis = (ROOT / "graphbuild" / "viewer" / "vis-network.min.js").read_text(encoding="utf-8")
    assert page.count("<script") == 3 + vis.count("<script") and page.count("</script>") == 3
    assert "<title>&lt;/script&gt;&lt;script&gt;alert(1)" in page


def test_page_is_self_contained_and_its_csp_allows_only_its_own_scripts(tmp_path):
    page = hostile_page(tmp_path)
    assert not re.search(r"<(?:link|iframe|img|object|embed)\b", page)
    assert not re.search(r"<script[^>]+src=", page)
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", page) and "bootstrap" not in page.lower()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "connect-src" not in csp
    scripts = re.findall(r"<script>(.*?)</script>", page, re.DOTALL)
    assert len(scripts) == 2
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert re.search(r"script-src 'sha256-[^']+' 'sha256-[^']+';", csp)
    style = re.search(r"<style>(.*?)</style>", page, re.DOTALL).group(1)
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode()
    assert f"style-src 'sha256-{digest}';" in csp and "unsafe-inline" not in csp


def test_vis_network_keeps_its_licence_header():
    head = (ROOT / "graphbuild" / "viewer" / "vis-network.min.js").read_text(encoding="utf-8")[:1000]
    assert "@license" in head and "Apache 2.0" in head and "MIT License" in head and "@version 9.1.2" in head


def test_write_is_atomic_and_returns_the_path(tmp_path):
    out = render_html(star(), tmp_path / "sub" / "g.html")
    assert out == tmp_path / "sub" / "g.html" and out.is_file()
    assert [p.name for p in out.parent.iterdir()] == ["g.html"]


def test_the_page_is_readable_by_others(tmp_path):
    assert render_html(star(), tmp_path / "g.html").stat().st_mode & 0o044 == 0o044
