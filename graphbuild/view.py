"""The offline HTML viewer: one self-contained page an analyst opens from disk.

The page inlines vis-network (taken from pyvis's bundled copy, licence header
kept), our own template, CSS and script, and the graph as JSON. Nothing is
fetched: a Content-Security-Policy with ``default-src 'none'`` and script
hashes makes that a guarantee, not a habit.

pyvis is not used to build the page: its ``add_node``/``add_edge`` scan Python
lists (``from_nx`` is quadratic) and every template of pyvis 0.3.2 loads
Bootstrap from a CDN. Node and edge JSON is built here in one pass instead.

Every string that comes from a document (labels, sentences, document ids,
attributions) is untrusted. It reaches the page only as JSON inside
``<script type="application/json">`` with ``<``, ``>``, ``&``, U+2028 and
U+2029 escaped, and the page script builds the DOM with ``textContent``.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import os
import random
import re
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from .extract.model import ACTOR_TYPES, MODALITIES
from .resources import viewer_asset

__all__ = ["graph_payload", "render_html", "view"]

#: Modalities the page draws solid: the text (or its source) states the event happened.
FACTUAL_MODALITIES = ("asserted", "reported")

#: The page lets physics settle graphs up to this size; bigger ones keep the precomputed layout.
_PHYSICS_LIMIT = (400, 1500)
#: Above this many nodes the page starts with non-actors hidden: drawing ten thousand
#: "Other" nodes makes every frame slow, and actors are what an analyst looks for.
_NONACTOR_HIDE_LIMIT = 2500
#: Pixels per layout unit (about the distance between linked nodes).
_UNIT_PX = 70.0
#: Nodes laid out by a full spring layout (the rest are placed beside their neighbours).
_CORE_NODES = 300

_QID = re.compile(r"(?:^|/)(Q[1-9][0-9]*)$")
_PLACEHOLDER = re.compile(r"\{\{([A-Z_]+)\}\}")
#: Characters JSON may carry raw that must not reach an HTML script element as such.
_JSON_ESCAPES = (
    ("<", "\\u003c"),
    (">", "\\u003e"),
    ("&", "\\u0026"),
    ("\u2028", "\\u2028"),
    ("\u2029", "\\u2029"),
)


def _text(value: Any) -> str | None:
    """A JSON-safe string for any attribute value (dates, rdflib literals, numbers)."""
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    text = str(value)
    return text or None


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _quad(value: Any) -> int | None:
    number = _number(value)
    return int(number) if number is not None and int(number) in (1, 2, 3, 4) else None


def _flag(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    return bool(value)


def _wikidata(value: Any) -> str | None:
    """``Q7747`` from a QID or a Wikidata entity IRI; anything else is dropped."""
    match = _QID.search(_text(value) or "")
    return match.group(1) if match else None


def _is_actor(attrs: dict[str, Any]) -> bool:
    """A resolved node of an actor type (not ``Other``: things, unresolved mentions)."""
    kind = attrs.get("type")
    return kind in ACTOR_TYPES and kind != "Other" and attrs.get("resolved", True) is not False


def _importance(G: nx.MultiDiGraph) -> dict[Any, float]:
    """PageRank on the undirected graph weighted by the number of statements per pair.

    Undirected, because in news both who acts and who is acted on matter.
    """
    pairs = Counter(frozenset((u, v)) for u, v in G.edges() if u != v)
    simple = nx.Graph()
    simple.add_nodes_from(G)
    simple.add_weighted_edges_from((*pair, count) for pair, count in pairs.items())
    if simple.number_of_edges() == 0:
        return {n: 1.0 / max(len(G), 1) for n in G}
    try:
        return nx.pagerank(simple, weight="weight")
    except nx.PowerIterationFailedConvergence:
        degree = dict(simple.degree(weight="weight"))
        total = sum(degree.values()) or 1
        return {n: d / total for n, d in degree.items()}


def _layout(G: nx.Graph, keep: list[Any], first: set[Any] | None = None) -> dict[Any, tuple[float, float]]:
    """Initial positions in vis pixels; ``keep`` is ordered by importance.

    The linked part of ``first`` (default: all of ``keep``) is what the page shows at
    start. Each of its connected components gets its own spring layout and the
    components are packed in rows, biggest first, so small ones do not ring the big
    one. In a component of more than ``_CORE_NODES`` nodes only the most important
    get the spring layout and the rest are placed beside the nodes they are linked to
    (a full spring layout of 3,000 nodes takes tens of seconds; this about one).
    Everything else is then placed beside its neighbours, and what has none in a
    block below.
    """
    kept = set(keep)
    sub = nx.Graph()
    sub.add_nodes_from(keep)
    sub.add_edges_from((u, v) for u, v in G.edges() if u != v and u in kept and v in kept)
    if len(sub) == 0:
        return {}
    rank = {n: i for i, n in enumerate(keep)}
    start = sub if first is None else sub.subgraph(n for n in keep if n in first)
    # A self-loop is a relation too: its node shows at start, as a component of one.
    looped = {u for u, v in G.edges() if u == v and u in start}
    linked = start.subgraph(n for n in start if start.degree(n) or n in looped)
    components = sorted(nx.connected_components(linked), key=lambda c: (-len(c), min(rank[n] for n in c)))
    pos: dict[Any, tuple[float, float]] = {}
    rng = random.Random(0)
    x = y = row_height = 0.0
    row_width = max(
        2.0 * math.sqrt(len(components[0])) + 2.0 if components else 0.0,
        1.3 * math.sqrt(sum(4 * len(c) + 4 for c in components)),
    )
    for component in components:
        local = _component_layout(linked.subgraph(component), sorted(component, key=rank.__getitem__), rng)
        size = 2.0 * math.sqrt(len(component)) + 1.5
        if x + size > row_width and x > 0:
            x, y, row_height = 0.0, y + row_height, 0.0
        for n, (lx, ly) in local.items():
            pos[n] = (x + size / 2 + lx, y + size / 2 + ly)
        x += size
        row_height = max(row_height, size)
    _place_beside_neighbours(sub, [n for n in keep if n not in pos], pos, rng)
    waiting = [n for n in keep if n not in pos]
    if waiting:
        bottom = max((py for _, py in pos.values()), default=0.0) + 3.0
        left = min((px for px, _ in pos.values()), default=0.0)
        columns = math.ceil(math.sqrt(len(waiting) * 3))
        for i, n in enumerate(waiting):
            row, col = divmod(i, columns)
            pos[n] = (left + col * 1.2, bottom + row * 1.2)
    return {n: (round(px * _UNIT_PX, 1), round(py * _UNIT_PX, 1)) for n, (px, py) in pos.items()}


def _component_layout(G: nx.Graph, ranked: list[Any], rng: random.Random) -> dict[Any, tuple[float, float]]:
    """Positions of one connected component around (0, 0), about one unit between neighbours."""
    if len(G) == 1:
        return {ranked[0]: (0.0, 0.0)}
    core = ranked[:_CORE_NODES]
    radius = 0.9 * math.sqrt(len(core))
    layout = nx.spring_layout(G.subgraph(core), seed=0, iterations=60 if len(core) < _CORE_NODES else 50)
    pos = {n: (float(px) * radius, float(py) * radius) for n, (px, py) in layout.items()}
    _place_beside_neighbours(G, ranked[len(core) :], pos, rng)
    return pos


def _place_beside_neighbours(
    G: nx.Graph, ranked: list[Any], pos: dict[Any, tuple[float, float]], rng: random.Random
) -> None:
    """Put each node near the mean of its placed neighbours, in waves, until no more can be placed."""
    waiting = ranked
    while waiting:
        still = []
        for n in waiting:
            placed = [pos[m] for m in G[n] if m in pos]
            if not placed:
                still.append(n)
                continue
            angle, radius = rng.uniform(0, 2 * math.pi), rng.uniform(0.6, 1.5)
            pos[n] = (
                sum(px for px, _ in placed) / len(placed) + radius * math.cos(angle),
                sum(py for _, py in placed) / len(placed) + radius * math.sin(angle),
            )
        if len(still) == len(waiting):
            return
        waiting = still


def _statement(data: dict[str, Any], doc_index: dict[str, int], docs: list[str]) -> dict[str, Any]:
    """One statement in the page's compact form (short keys keep big graphs small)."""
    doc = _text(data.get("doc")) or ""
    if doc not in doc_index:
        doc_index[doc] = len(docs)
        docs.append(doc)
    modality = _text(data.get("modality")) or "asserted"
    return {
        "r": _text(data.get("relation")) or _text(data.get("lemma")) or "",
        "s": _text(data.get("sentence")) or "",
        "d": doc_index[doc],
        "t": (_text(data.get("date")) or "")[:10] or None,
        "m": modality,
        "n": _flag(data.get("negated")),
        "w": _flag(data.get("agentless")),  # without agent
        "a": _text(data.get("attribution")),
        "c": _text(data.get("cameo")),
        "e": _text(data.get("event_label")),
        "q": _quad(data.get("quad_class")),
        "g": _number(data.get("goldstein")),
        "p": _text(data.get("plover")),
        "f": _number(data.get("confidence")),
    }


def graph_payload(G: nx.MultiDiGraph, *, max_nodes: int | None = None) -> dict[str, Any]:
    """The JSON the page draws: nodes, aggregated edges and their statements.

    Parameters
    ----------
    G : nx.MultiDiGraph
        Graph from :func:`graphbuild.graph.to_networkx` (node attrs ``label``, ``type``,
        ``country``, ``wikidata``, ``iri``, ``statements``; one edge per statement).
    max_nodes : int, optional
        Keep only the this many most important nodes (PageRank), and their edges.

    Returns
    -------
    dict
        ``meta`` (counts before and after ``max_nodes``), ``docs``, ``nodes``, ``edges``
        (one per subject, object and relation lemma, listing statement indices) and
        ``statements``.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("a", label="Russia", type="Country")
    >>> G.add_node("b", label="Ukraine", type="Country")
    >>> G.add_edge("a", "b", key="s1", lemma="attack", sentence="Russia attacked Ukraine.", quad_class=4)
    's1'
    >>> G.add_edge("a", "b", key="s2", lemma="attack", sentence="Russia attacked again.", quad_class=4)
    's2'
    >>> p = graph_payload(G)
    >>> [(e["lemma"], len(e["st"]), e["q"]) for e in p["edges"]]
    [('attack', 2, 4)]
    """
    if max_nodes is not None and max_nodes < 1:
        raise ValueError("max_nodes must be at least 1")
    score = _importance(G)
    ranked = sorted(G, key=lambda n: (-score[n], str(G.nodes[n].get("label") or n)))
    keep = ranked[:max_nodes] if max_nodes is not None else ranked
    index = {n: i for i, n in enumerate(keep)}
    hide_nonactors = len(keep) > _NONACTOR_HIDE_LIMIT
    positions = _layout(G, keep, {n for n in keep if _is_actor(G.nodes[n])} if hide_nonactors else None)
    top = max(score.values(), default=1.0) or 1.0

    docs: list[str] = []
    doc_index: dict[str, int] = {}
    statements: list[dict[str, Any]] = []
    nodes: list[dict[str, Any]] = []
    for n in keep:
        attrs = G.nodes[n]
        label = _text(attrs.get("label")) or str(n)
        kind = _text(attrs.get("type")) or "Other"
        x, y = positions.get(n, (0.0, 0.0))
        own = []
        for data in attrs.get("statements") or ():
            own.append(len(statements))
            statements.append({**_statement(data, doc_index, docs), "u": index[n], "v": -1, "x": -1})
        nodes.append(
            {
                "id": index[n],
                "key": str(n),
                "iri": _text(attrs.get("iri")) or str(n),
                "label": label,
                "type": kind if kind in ACTOR_TYPES else "Other",
                "country": _text(attrs.get("country")),
                "wikidata": _wikidata(attrs.get("wikidata")),
                "actor": _is_actor(attrs),
                "score": round(score[n] / top, 5),
                "x": x,
                "y": y,
                "own": own,
            }
        )

    groups: dict[tuple[int, int, str], list[dict[str, Any]]] = {}
    total_groups: set[tuple[Any, Any, str]] = set()
    for u, v, data in G.edges(data=True):
        lemma = _text(data.get("lemma")) or _text(data.get("relation")) or "?"
        total_groups.add((u, v, lemma))
        if u in index and v in index:
            groups.setdefault((index[u], index[v], lemma), []).append(data)
    edges: list[dict[str, Any]] = []
    pair_rank: Counter[tuple[int, int]] = Counter()
    for (u, v, lemma), items in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2])):
        pair = (min(u, v), max(u, v))
        st = []
        for data in sorted(
            items,
            key=lambda d: (d.get("date") is None, _text(d.get("date")) or "", _text(d.get("doc")) or ""),
        ):
            st.append(len(statements))
            statements.append({**_statement(data, doc_index, docs), "u": u, "v": v, "x": len(edges)})
        quads = Counter(statements[i]["q"] for i in st if statements[i]["q"])
        edges.append(
            {
                "id": len(edges),
                "from": u,
                "to": v,
                "lemma": lemma,
                "st": st,
                "q": max(quads, key=lambda q: (quads[q], q)) if quads else None,
                "k": pair_rank[pair],
            }
        )
        pair_rank[pair] += 1
    for edge in edges:
        edge["pair"] = pair_rank[(min(edge["from"], edge["to"]), max(edge["from"], edge["to"]))]

    dates = sorted(s["t"] for s in statements if s["t"])
    meta = {
        "nodes_total": G.number_of_nodes(),
        "nodes_shown": len(nodes),
        "edges_total": len(total_groups),
        "edges_shown": len(edges),
        "statements_total": G.number_of_edges() + sum(len(G.nodes[n].get("statements") or ()) for n in G),
        "statements_shown": len(statements),
        "documents": len({d for d in docs if d}),
        "max_nodes": max_nodes,
        "date_min": dates[0] if dates else None,
        "date_max": dates[-1] if dates else None,
        "layout_fixed": len(nodes) > _PHYSICS_LIMIT[0] or len(edges) > _PHYSICS_LIMIT[1],
        "nonactors": sum(not n["actor"] for n in nodes),
        "hide_nonactors": hide_nonactors,
    }
    used = Counter(s["m"] for s in statements)
    modalities = [m for m in MODALITIES if m in used] + sorted(m for m in used if m not in MODALITIES)
    return {
        "meta": meta,
        "modalities": modalities,
        "factual": list(FACTUAL_MODALITIES),
        "docs": docs,
        "nodes": nodes,
        "edges": edges,
        "statements": statements,
    }


def _script_json(data: Any) -> str:
    """JSON that cannot end its ``<script>`` element or be read as HTML."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in _JSON_ESCAPES:  # str.replace is C-fast; str.translate with a dict is not
        text = text.replace(raw, escaped)
    return text


def _csp_hash(script: str) -> str:
    return (
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"
    )


def _escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def render_html(
    G: nx.MultiDiGraph,
    path: str | os.PathLike[str],
    *,
    max_nodes: int | None = None,
    title: str = "graphbuild",
) -> Path:
    """Write the interactive viewer of ``G`` to ``path`` as one offline HTML file.

    Parameters
    ----------
    G : nx.MultiDiGraph
        Graph from :func:`graphbuild.graph.to_networkx`.
    path : str or PathLike
        The HTML file to write (atomically: temp file, then rename).
    max_nodes : int, optional
        Keep only the ``max_nodes`` most important actors; the page says how many were left out.
    title : str
        Page title (untrusted text is fine: it is escaped).

    Returns
    -------
    Path
        ``path``.
    """
    vis_js = viewer_asset("vis-network.min.js")
    app_js = viewer_asset("viewer.js")
    css = viewer_asset("viewer.css")
    for name, script in (("vis-network.min.js", vis_js), ("viewer.js", app_js)):
        if "</script" in script.lower():
            raise ValueError(f"viewer asset {name} contains '</script' and cannot be inlined")
    csp = (
        "default-src 'none'; "
        f"script-src {_csp_hash(vis_js)} {_csp_hash(app_js)}; "
        f"style-src {_csp_hash(css)}; img-src data:; base-uri 'none'; form-action 'none'"
    )
    values = {
        "CSP": _escape_html(csp),
        "TITLE": _escape_html(title),
        "CSS": css,
        "DATA": _script_json({**graph_payload(G, max_nodes=max_nodes), "title": title}),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
    }
    # One pass: text substituted in is never scanned for further placeholders.
    page = _PLACEHOLDER.sub(lambda m: values[m.group(1)], viewer_asset("template.html"))
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(page)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; the page is meant to be shared
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return out


def view(
    graphs: Iterable[str | os.PathLike[str]],
    path: str | os.PathLike[str],
    *,
    store: str | os.PathLike[str] | None = None,
    max_nodes: int | None = None,
    title: str = "graphbuild",
) -> Path:
    """Read RDF graph files or a store and write their viewer page (what ``graphbuild view`` does).

    Parameters
    ----------
    graphs : iterable of paths
        Turtle (or other RDF) files written by ``graphbuild build``.
    path : str or PathLike
        The HTML file to write.
    store : str or PathLike, optional
        A store folder written by ``graphbuild build --store`` (read-only; a running
        build may go on writing it), instead of or besides ``graphs``.
    max_nodes : int, optional
        See :func:`render_html`.
    title : str
        Page title.

    Returns
    -------
    Path
        ``path``.

    Raises
    ------
    RDFSyntaxError
        When a graph file does not parse.
    GraphbuildError
        When neither graphs nor a store are given, or the store cannot be opened.
    """
    from .errors import GraphbuildError
    from .graph import to_networkx

    files = [Path(p) for p in graphs]
    if store is not None and files:
        raise GraphbuildError("give graph files or --store, not both")
    if store is not None:
        from .rdf.store import open_store

        return render_html(to_networkx(open_store(store)), path, max_nodes=max_nodes, title=title)
    if not files:
        raise GraphbuildError("give at least one graph file, or --store DIR")
    from .rdf.read import load_graph

    return render_html(to_networkx(load_graph(files)), path, max_nodes=max_nodes, title=title)
