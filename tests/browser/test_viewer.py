"""The viewer in a real headless Chromium: offline load, counts, clicks, filters, search, XSS."""

from __future__ import annotations

import json
import time

import networkx as nx
import pytest

from graphbuild.view import render_html

from .graphs import seed_like_graph

pytestmark = pytest.mark.browser

A = "https://graphbuild.org/actor/"


def relation_groups(G: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
    """What the page must draw as edges: one per subject, object and relation lemma."""
    return {(u, v, d.get("lemma") or d.get("relation") or "?") for u, v, d in G.edges(data=True)}


def node_index(page, key: str) -> int:
    return page.evaluate(f"window.graphbuild.data.nodes.findIndex(n => n.key === {json.dumps(key)})")


def node_point(page, index: int) -> tuple[float, float]:
    return tuple(
        page.evaluate(
            "(() => { const net = window.graphbuild.network;"
            f" const d = net.canvasToDOM(net.getPosition({index}));"
            " const r = document.getElementById('graph').getBoundingClientRect();"
            " return [r.left + d.x, r.top + d.y]; })()"
        )
    )


def click_selector(page, selector: str) -> None:
    x, y = page.evaluate(
        f"(() => {{ const r = document.querySelector({json.dumps(selector)}).getBoundingClientRect();"
        " return [r.left + r.width / 2, r.top + r.height / 2]; })()"
    )
    page.click(x, y)


def panel_text(page) -> str:
    return page.evaluate("document.getElementById('panel').textContent")


def drawn(page) -> dict[str, int]:
    return page.evaluate("window.graphbuild.drawn()")


def assert_clean(page) -> None:
    """No console errors or exceptions, no dialog, and no request but the page itself."""
    assert page.errors == []
    assert page.dialogs == []
    assert [u for u in page.requests if u != page.page_url and not u.startswith("data:")] == []


def assert_fitted(page) -> None:
    """Every drawn node lies inside the canvas and the drawing fills a good part of it."""
    width, height, xs, ys = page.evaluate(
        "(() => { const net = window.graphbuild.network, g = document.getElementById('graph');"
        " const at = Object.values(net.getPositions()).map(p => net.canvasToDOM(p));"
        " return [g.clientWidth, g.clientHeight, at.map(p => p.x), at.map(p => p.y)]; })()"
    )
    assert 0 <= min(xs) and max(xs) <= width and 0 <= min(ys) and max(ys) <= height
    assert max(xs) - min(xs) > 0.5 * width or max(ys) - min(ys) > 0.5 * height


@pytest.fixture
def seed_page(tmp_path, open_page):
    G = seed_like_graph()
    return G, open_page(render_html(G, tmp_path / "graph.html", title="Seed article"))


def test_page_loads_offline_and_draws_every_node_and_relation(seed_page, artifacts):
    G, page = seed_page
    assert drawn(page) == {"nodes": G.number_of_nodes(), "edges": len(relation_groups(G))}
    assert page.evaluate("document.getElementById('summary').textContent").startswith("14 of 14 nodes")
    assert_fitted(page)
    page.screenshot(artifacts / "viewer-sample-graph.png")
    assert_clean(page)


def test_clicking_a_node_shows_its_statements(seed_page, artifacts):
    G, page = seed_page
    x, y = node_point(page, node_index(page, A + "putin"))
    page.click(x, y)
    page.wait_for("!!document.querySelector('#panel h3')", timeout=5)
    text = panel_text(page)
    assert page.evaluate("document.querySelector('#panel h3').textContent") == "Vladimir Putin"
    for key in ("Person", "RUS", "Q7747"):
        assert key in text
    for u, v, d in G.edges(data=True):
        assert (d["sentence"] in text) == (A + "putin" in (u, v))
    assert (
        page.evaluate("document.querySelector('#panel a[href]').href")
        == "https://www.wikidata.org/wiki/Q7747"
    )
    page.screenshot(artifacts / "viewer-sample-node-panel.png")
    assert_clean(page)


def test_clicking_an_edge_lists_each_supporting_sentence(seed_page):
    _, page = seed_page
    ushakov, reuters = (
        node_point(page, node_index(page, A + "ushakov")),
        node_point(page, node_index(page, A + "reuters")),
    )
    page.click((ushakov[0] + reuters[0]) / 2, (ushakov[1] + reuters[1]) / 2)
    page.wait_for("!!document.querySelector('#panel h3')", timeout=5)
    assert page.evaluate("document.querySelector('#panel h3').textContent") == "Yuri Ushakov → tell → Reuters"
    text = panel_text(page)
    assert "Kremlin aide Yuri Ushakov told reporters." in text
    assert "000_e87cb3e1957412b4" in text and "2025-07-03" in text
    assert "Trump" not in text
    assert_clean(page)


def test_edge_panel_shows_document_date_and_attribution_of_each_statement(seed_page):
    _, page = seed_page
    edge = page.evaluate("window.graphbuild.data.edges.findIndex(e => e.lemma === 'attack')")
    page.evaluate(f"window.graphbuild.showEdge({edge})")
    text = panel_text(page)
    for sentence, doc in (
        ("Russia launched a massive drone attack on Ukraine overnight.", "000_e87cb3e1957412b4"),
        ("Russian forces attacked Kyiv again on Friday.", "wire_0002"),
    ):
        assert sentence in text and doc in text
    assert "Statements2" in text.replace(" ", "")
    putin = node_index(page, A + "putin")
    tell = page.evaluate(
        f"window.graphbuild.data.edges.findIndex(e => e.lemma === 'tell' && e.from === {putin})"
    )
    page.evaluate(f"window.graphbuild.showEdge({tell})")
    assert "according to a Kremlin aide" in panel_text(page)


def test_event_class_filter_hides_the_conflict_relations(seed_page):
    G, page = seed_page
    material_conflict = {(u, v, d["lemma"]) for u, v, d in G.edges(data=True) if d["quad_class"] == 4}
    before = drawn(page)["edges"]
    click_selector(page, '[data-quad="4"]')
    assert drawn(page)["edges"] == before - len(material_conflict)
    click_selector(page, '[data-quad="4"]')
    assert drawn(page)["edges"] == before
    assert_clean(page)


def test_modality_negation_and_date_filters(seed_page):
    G, page = seed_page
    groups = relation_groups(G)

    def expected(keep) -> int:
        return len({(u, v, d["lemma"]) for u, v, d in G.edges(data=True) if keep(d)})

    click_selector(page, '[data-modality="asserted"]')
    assert drawn(page)["edges"] == expected(lambda d: d["modality"] != "asserted")
    click_selector(page, '[data-modality="asserted"]')
    click_selector(page, "#filter-negated")
    assert drawn(page)["edges"] == expected(lambda d: not d["negated"])
    click_selector(page, "#filter-negated")
    page.evaluate(
        "(() => { const i = document.getElementById('date-from'); i.value = '2025-07-04';"
        " i.dispatchEvent(new Event('change')); })()"
    )
    assert drawn(page)["edges"] == expected(lambda d: d["date"] >= "2025-07-04")
    click_selector(page, "#reset")
    assert drawn(page)["edges"] == len(groups)
    assert_clean(page)


def test_hide_non_actors(seed_page):
    G, page = seed_page
    click_selector(page, "#hide-nonactors")
    others = [n for n, d in G.nodes(data=True) if d["type"] == "Other"]
    assert drawn(page)["nodes"] == G.number_of_nodes() - len(others)
    assert drawn(page)["edges"] == len(
        {(u, v, d["lemma"]) for u, v, d in G.edges(data=True) if v not in others}
    )


def test_search_finds_and_opens_an_actor(seed_page):
    _, page = seed_page
    click_selector(page, "#search")
    page.type_text("zelen")
    assert page.evaluate("document.querySelectorAll('#search-results li').length") == 1
    page.press("Enter")
    assert page.evaluate("document.querySelector('#panel h3').textContent") == "Volodymyr Zelenskyy"
    assert page.evaluate("window.graphbuild.network.getSelectedNodes()") == [
        node_index(page, A + "zelenskyy")
    ]
    assert_clean(page)


def test_max_nodes_keeps_the_hubs_and_says_so(tmp_path, open_page):
    G = seed_like_graph()
    page = open_page(render_html(G, tmp_path / "graph.html", max_nodes=5))
    assert drawn(page)["nodes"] == 5
    note = page.evaluate("document.getElementById('truncated')")
    text = page.evaluate("document.getElementById('truncated').textContent")
    assert note is not None and "Showing the 5 most important of 14 nodes" in text
    labels = page.evaluate("window.graphbuild.data.nodes.map(n => n.label)")
    assert "Ukraine" in labels and "weapons deliveries" not in labels
    assert_clean(page)


PAYLOADS = (
    '<script>window.__pwned = "script"</script>',
    "<img src=x onerror=\"window.__pwned = 'img'\">",
    '</script><script>window.__pwned = "breakout"</script>',
    "\"'><svg onload=\"window.__pwned = 'svg'\">",
    "\u2028\u2029<!-- {{APP_JS}} --> & &amp;",
)


def xss_graph() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for i, payload in enumerate(PAYLOADS):
        G.add_node(
            f"n{i}",
            label=payload,
            type="Person",
            country=payload,
            wikidata="javascript:window.__pwned=1",
            iri=payload,
            statements=[
                {
                    "relation": payload,
                    "sentence": payload,
                    "doc": payload,
                    "modality": payload,
                    "attribution": payload,
                }
            ],
        )
    for i, payload in enumerate(PAYLOADS):
        G.add_edge(
            f"n{i}",
            f"n{(i + 1) % len(PAYLOADS)}",
            key=f"s{i}",
            relation=payload,
            lemma=payload,
            sentence=f"He said {payload} today.",
            doc="javascript:window.__pwned='doc'",
            date=payload,
            modality="asserted",
            negated=False,
            attribution=payload,
            cameo=payload,
            event_label=payload,
            quad_class=1,
            goldstein=1.0,
            plover=payload,
            confidence=0.5,
            start=0,
            end=1,
        )
    return G


def test_untrusted_strings_run_no_code_and_show_as_text(tmp_path, open_page):
    G = xss_graph()
    page = open_page(render_html(G, tmp_path / "graph.html", title=PAYLOADS[2]))
    assert drawn(page) == {"nodes": len(PAYLOADS), "edges": len(PAYLOADS)}
    assert page.evaluate("document.title") == PAYLOADS[2]
    for i in range(len(PAYLOADS)):
        node = node_index(page, f"n{i}")
        page.evaluate(f"window.graphbuild.showNode({node})")
        text = panel_text(page)
        assert PAYLOADS[i] in text and f"He said {PAYLOADS[i]} today." in text
        assert page.evaluate("document.querySelectorAll('#panel img, #panel svg, #panel script').length") == 0
        hrefs = page.evaluate("[...document.querySelectorAll('#panel a')].map(a => a.getAttribute('href'))")
        assert set(hrefs) == {"#"}
        page.evaluate(
            f"window.graphbuild.showEdge(window.graphbuild.data.edges.findIndex(e => e.from === {node}))"
        )
        assert f"He said {PAYLOADS[i]} today." in panel_text(page)
    click_selector(page, "#search")
    page.type_text("<img")
    assert page.evaluate("document.querySelector('#search-results li').textContent").startswith(PAYLOADS[1])
    page.press("Enter")
    time.sleep(0.3)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.evaluate("document.querySelectorAll('script').length") == 3
    assert_clean(page)


def test_hedged_only_relations_are_dashed_and_faded(seed_page):
    G, page = seed_page
    looks = page.evaluate(
        "window.graphbuild.data.edges.map(e => { const it = window.graphbuild.edges.get(e.id);"
        " const n = window.graphbuild.data.nodes; return [n[e.from].key, n[e.to].key, e.lemma, !!it.dashes,"
        " it.color.opacity]; })"
    )
    hedged: dict[tuple[str, str, str], bool] = {}
    for u, v, d in G.edges(data=True):
        alone = d["negated"] or d.get("agentless") or d["modality"] not in ("asserted", "reported")
        hedged[(u, v, d["lemma"])] = hedged.get((u, v, d["lemma"]), True) and alone
    assert sum(hedged.values()) == 5
    for u, v, lemma, dashed, opacity in looks:
        assert dashed == hedged[(u, v, lemma)] == (opacity < 0.5), lemma


def test_an_agentless_passive_alone_is_drawn_hedged(tmp_path, open_page):
    """"The envoy was expelled from Ukraine" names no expeller: not a conflict between envoy and Ukraine."""
    from .graphs import _actor, _say

    G = nx.MultiDiGraph()
    for key, label in (("envoy", "envoy"), ("ua", "Ukraine"), ("ru", "Russia")):
        _actor(G, key, label, "Country")
    _say(G, "envoy", "ua", "s1", "expel from", "The envoy was expelled from Ukraine.", quad=4, cameo="174",
         relation="was expelled from")
    G.edges["envoy", "ua", "s1"]["agentless"] = True
    _say(G, "ru", "ua", "s2", "strike", "Russia struck Ukraine.", quad=4, cameo="190", relation="struck")
    page = open_page(render_html(G, tmp_path / "graph.html"))
    looks = dict(page.evaluate(
        "window.graphbuild.data.edges.map(e => [e.lemma, !!window.graphbuild.edges.get(e.id).dashes])"))
    assert looks == {"expel from": True, "strike": False}


def test_seed_article_graph_from_the_pipeline(shared, tmp_path, open_page, artifacts):
    from graphbuild.pipeline import build

    build([shared / "seed" / "000_e87cb3e1957412b4.txt"], out_dir=tmp_path)
    from graphbuild.graph import to_networkx
    from graphbuild.rdf.read import load_graph

    G = to_networkx(load_graph(tmp_path / "graph.ttl"))
    page = open_page(tmp_path / "graph.html")
    assert drawn(page) == {"nodes": G.number_of_nodes(), "edges": len(relation_groups(G))}
    assert_fitted(page)
    page.screenshot(artifacts / "viewer-seed-article.png")
    assert_clean(page)


def test_an_empty_graph_opens_and_says_so(tmp_path, open_page):
    page = open_page(render_html(nx.MultiDiGraph(), tmp_path / "graph.html"))
    assert drawn(page) == {"nodes": 0, "edges": 0}
    assert "This graph is empty" in page.evaluate("document.getElementById('graph').textContent")
    assert_clean(page)


@pytest.mark.slow
def test_a_large_graph_starts_with_actors_that_have_relations(tmp_path, open_page):
    from graphbuild.bench.view import synthetic_graph

    G = synthetic_graph(900)
    assert G.number_of_nodes() > 2500
    page = open_page(render_html(G, tmp_path / "graph.html"))
    actors = {n for n, d in G.nodes(data=True) if d["type"] != "Other"}
    linked = {(u, v, d["lemma"]) for u, v, d in G.edges(data=True) if u in actors and v in actors}
    shown = {n for u, v, _ in linked for n in (u, v)}
    assert drawn(page) == {"nodes": len(shown), "edges": len(linked)}
    assert page.evaluate("document.getElementById('notice').hidden") is False
    click_selector(page, "#hide-nonactors")
    assert drawn(page)["nodes"] == G.number_of_nodes()
    assert drawn(page)["edges"] == len(relation_groups(G))
    assert_clean(page)
