"""``graphbuild stats``: who is central, who groups together, who cooperates or clashes, who is cited."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ._util import app


@app.command("stats")
def stats_cli(
    graphs: list[Path] = typer.Argument(..., help="Graph files written by graphbuild build (.ttl .trig .nt .nq)."),
    top: int = typer.Option(10, "--top", "-n", min=1, help="Leaders, dyads and sources to show."),
    seed: int = typer.Option(0, "--seed", help="Seed of the Louvain community search."),
    as_json: bool = typer.Option(False, "--json", help="Print the statistics as JSON."),
    plot: Path | None = typer.Option(None, "--plot", help="Also write PNG charts to this folder."),
    things: bool = typer.Option(False, "--things", help="Count objects (type Other: 'sanctions', 'a barrier') as actors too."),
) -> None:
    """Centrality leaders, communities, dyads (quad-class counts, Goldstein balance) and sources.

    Examples:

      graphbuild stats out/graph.ttl

      graphbuild stats out/graph.ttl --json > stats.json

      graphbuild stats out/graph.ttl --plot charts/
    """
    from ..graph import summary, to_networkx
    from ..query import load_source

    G = to_networkx(load_source([str(p) for p in graphs]))  # Oxigraph: parses and reads far faster than rdflib
    stats = summary(G, top=top, seed=seed, things=things)
    if plot is not None:
        H = G if things else G.subgraph(n for n, kind in G.nodes(data="type") if kind != "Other")
        stats["plots"] = [str(p) for p in write_plots(H, stats, plot)]
    if as_json:
        typer.echo(json.dumps(stats, indent=2, ensure_ascii=False))
    else:
        typer.echo(format_stats(stats))


def write_plots(G, stats: dict, folder: Path) -> list[Path]:
    """PNG charts: PageRank leaders and the timeline of the most active dyads."""
    from ..graph import dyads, plot_centrality, plot_dyad_timeline

    folder.mkdir(parents=True, exist_ok=True)
    written = []
    if G.number_of_nodes():
        path = folder / "centrality.png"
        plot_centrality(G, top=len(stats["centrality"]["pagerank"])).savefig(path, dpi=120)
        written.append(path)
    dated = [d for d in dyads(G, directed=False) if d["first"]][:5]
    if dated:
        path = folder / "dyad_timeline.png"
        plot_dyad_timeline(G, [(d["source"], d["target"]) for d in dated]).savefig(path, dpi=120)
        written.append(path)
    return written


def format_stats(stats: dict) -> str:
    """The statistics as plain-text tables."""
    out = [f"{stats['actors']} actors, {stats['statements']} statements, {stats['events']} factual events"]
    for measure, leaders in stats["centrality"].items():
        out.append(f"\n{measure} leaders")
        out += [f"  {row['value']:>10.4g}  {row['label']}" for row in leaders]
    out.append("\ncommunities (Louvain)")
    out += [f"  {i}. {', '.join(members)}" for i, members in enumerate(stats["communities"], 1)] or ["  none"]
    for title, key in (("cooperation", "cooperation"), ("conflict", "conflict")):
        out.append(f"\ntop {title} dyads   events  vc  mc  vx  mx  goldstein")
        for d in stats[key]:
            pair = f"{d['source_label']} – {d['target_label']}"
            counts = "  ".join(f"{d[k]:>2}" for k in ("verbal_cooperation", "material_cooperation",
                                                         "verbal_conflict", "material_conflict"))
            out.append(f"  {pair[:40]:<40} {d['events']:>4}  {counts}  {d['goldstein']:>8.1f}")
        if not stats[key]:
            out.append("  none")
    out.append("\nmost-cited sources")
    out += [f"  {s['statements']:>5}  {s['label']}" for s in stats["sources"]] or ["  none"]
    for path in stats.get("plots", ()):
        out.append(f"\nwrote {path}")
    return "\n".join(out)
