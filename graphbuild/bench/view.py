"""Time-to-interactive of the viewer on a graph the size of 1,000 news stories.

Run by hand: ``python -m graphbuild.bench.view [--stories 1000] [--max-nodes N]``.
It builds a synthetic graph with the attributes of ``graphbuild.graph.to_networkx``
(15 statements per story among 3 new actors and the regulars, popularity following a power law
as in news), writes the page, opens it in headless Chromium and reports how long
the page takes until the graph is drawn and answers clicks, and how long a filter
change takes.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

import networkx as nx

from ..extract.model import MODALITIES
from ..view import render_html
from .chromium import Chromium

__all__ = ["measure", "synthetic_graph"]

_TYPES = ("Country", "Person", "Organization", "Group", "Location", "Other")
_TYPE_WEIGHTS = (0.15, 0.35, 0.25, 0.08, 0.05, 0.12)
_SYLLABLES = ("ka", "ro", "mi", "ta", "len", "vor", "sa", "du", "pe", "lin", "gor", "an", "is", "tu", "bel")


def _name(rng: random.Random) -> str:
    return " ".join(
        "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).title()
        for _ in range(rng.randint(1, 2))
    )


def synthetic_graph(
    stories: int = 1000, *, actors_per_story: int = 3, statements_per_story: int = 15, seed: int = 0
) -> nx.MultiDiGraph:
    """A random graph shaped like ``to_networkx`` output for ``stories`` news stories.

    Actor popularity follows a power law (a few actors appear everywhere), relation
    lemmas come from a small vocabulary, and most statements are asserted.
    """
    rng = random.Random(seed)
    G = nx.MultiDiGraph()
    n_actors = stories * actors_per_story
    countries = [f"C{i:02d}" for i in range(40)]
    for i in range(n_actors):
        kind = rng.choices(_TYPES, _TYPE_WEIGHTS)[0]
        G.add_node(
            f"https://graphbuild.org/actor/a{i}",
            label=_name(rng),
            type=kind,
            country=rng.choice(countries) if kind != "Other" and rng.random() < 0.8 else None,
            wikidata=f"Q{rng.randint(1, 10**7)}" if kind != "Other" and rng.random() < 0.6 else None,
            iri=f"https://graphbuild.org/actor/a{i}",
        )
    nodes = list(G)
    weights = [1.0 / (rank + 1) ** 0.9 for rank in range(n_actors)]
    lemmas = [f"verb{i}" for i in range(60)]
    modalities = list(MODALITIES)
    modality_weights = [0.7, 0.1, 0.06, 0.06, 0.03, 0.02, 0.02, 0.01][: len(modalities)]
    for story in range(stories):
        # The story's own new actors, and regulars drawn by popularity.
        cast = nodes[story * actors_per_story : (story + 1) * actors_per_story] + rng.choices(
            nodes, weights, k=3
        )
        date = f"2025-{1 + story % 12:02d}-{1 + story % 28:02d}"
        for j in range(statements_per_story):
            u, v = rng.sample(cast, 2)
            lemma = rng.choice(lemmas)
            quad = rng.choice((1, 1, 2, 3, 4, None))
            G.add_edge(
                u,
                v,
                key=f"s{story}-{j}",
                relation=lemma,
                lemma=lemma,
                sentence=" ".join(_name(rng) for _ in range(12)) + ".",
                doc=f"story-{story:04d}",
                date=date,
                modality=rng.choices(modalities, modality_weights)[0],
                negated=rng.random() < 0.05,
                attribution=_name(rng) if rng.random() < 0.3 else None,
                cameo="010" if quad else None,
                event_label="Make statement" if quad else None,
                quad_class=quad,
                goldstein=0.0,
                plover=None,
                confidence=0.7,
                start=0,
                end=100,
            )
    # to_networkx only makes nodes for actors of some statement: no isolates.
    G.remove_nodes_from([n for n in list(G) if G.degree(n) == 0])
    return G


def measure(
    G: nx.MultiDiGraph,
    *,
    max_nodes: int | None = None,
    folder: Path | None = None,
    screenshot: Path | None = None,
) -> dict[str, float]:
    """Write ``G``'s page and time it in headless Chromium (milliseconds, sizes in bytes)."""
    folder = folder or Path(tempfile.mkdtemp(prefix="graphbuild-bench-"))
    started = time.perf_counter()
    page = render_html(G, folder / "graph.html", max_nodes=max_nodes)
    render_ms = 1000 * (time.perf_counter() - started)
    with Chromium() as browser:
        browser.open(page.resolve().as_uri())
        browser.wait_for("window.graphbuild && window.graphbuild.ready", timeout=120)
        ready_ms = browser.evaluate("window.graphbuild.readyMs")
        script_start_ms = browser.evaluate("window.graphbuild.startMs")
        drawn = browser.evaluate("window.graphbuild.drawn()")
        filter_ms = browser.evaluate(
            "(() => { const box = document.querySelector('[data-quad=\"1\"]'); const t = performance.now();"
            " box.click(); const d = performance.now() - t; box.click(); return d; })()"
        )
        panel_ms = browser.evaluate(
            "(() => { const t = performance.now(); window.graphbuild.showNode(0); return performance.now() - t; })()"
        )
        errors = list(browser.errors)
        if screenshot:
            browser.screenshot(screenshot)
    return {
        "nodes": G.number_of_nodes(),
        "statements": G.number_of_edges(),
        "drawn_nodes": drawn["nodes"],
        "drawn_edges": drawn["edges"],
        "page_bytes": page.stat().st_size,
        "render_ms": round(render_ms),
        "script_start_ms": script_start_ms,
        "ready_ms": ready_ms,
        "filter_ms": round(filter_ms),
        "node_panel_ms": round(panel_ms),
        "console_errors": len(errors),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument(
        "--statements",
        type=Path,
        default=None,
        help="Use the graph of a real statements.jsonl (from graphbuild build) instead of a synthetic one.",
    )
    parser.add_argument("--max-nodes", type=int, default=None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--screenshot", type=Path, default=None, help="Save a PNG of the page after the last run."
    )
    args = parser.parse_args()
    if args.statements:
        from ..extract.model import Statement
        from ..graph import to_networkx

        with open(args.statements, encoding="utf-8") as lines:
            G = to_networkx(Statement.from_dict(json.loads(line)) for line in lines if line.strip())
    else:
        G = synthetic_graph(args.stories)
    for run in range(args.runs):
        last = run == args.runs - 1
        result = measure(G, max_nodes=args.max_nodes, screenshot=args.screenshot if last else None)
        print(f"run {run + 1}: " + ", ".join(f"{k}={v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
