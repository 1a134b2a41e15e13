"""``graphbuild build``: the main job."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer

from ._util import app, example_input, setup_logging


def _progress_wanted(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty() and not os.environ.get("CI")


@app.command("build")
def build_cli(
    inputs: list[Path] = typer.Argument(None, help="Files (.txt .md .html .jsonl .jsonl.gz), folders, or - for stdin."),
    out: Optional[Path] = typer.Option(None, "-o", "--out", help="Output folder for graph.ttl, statements.jsonl, graph.html."),
    store: Optional[Path] = typer.Option(None, "--store", help="Store folder to build into (pyoxigraph; incremental)."),
    lines: list[Path] = typer.Option([], "--lines", help="A file whose every line is a document (id line-N)."),
    example: bool = typer.Option(False, "--example", help="Add the bundled example article to the inputs."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="spaCy pipeline to use (any installed one)."),
    date: Optional[str] = typer.Option(None, "--date", help="Published date (YYYY-MM-DD) for documents with none."),
    processes: int = typer.Option(1, "--processes", "-j", min=1, help="Parser processes (Dask: local workers)."),
    dask: Optional[str] = typer.Option(None, "--dask", help="Parse on a Dask cluster: scheduler address, or 'local'."),
    force: bool = typer.Option(False, "--force", help="Re-extract documents the store already holds unchanged."),
    wait: Optional[float] = typer.Option(None, "--wait", min=0, help="Seconds to wait for another build's store lock (default: no limit)."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Documents per spaCy batch."),
    max_nodes: Optional[int] = typer.Option(None, "--max-nodes", min=1, help="Keep the N most important actors in graph.html."),
    skip_bad: bool = typer.Option(False, "--skip-bad", help="Warn and carry on past unreadable documents."),
    no_html: bool = typer.Option(False, "--no-html", help="Do not write graph.html."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Say more."),
) -> None:
    """Build the graph: statements.jsonl, graph.ttl and graph.html in OUT, or into a store.

    Examples:

      graphbuild build --example -o out

      graphbuild build article.txt -o out

      graphbuild build corpus.jsonl.gz news/ -o out --processes 2

      graphbuild build --lines sentences.txt -o out --date 2025-07-03

      graphbuild build corpus.jsonl.gz --store kb --processes 2   (run again: only new or changed documents)

      graphbuild build corpus.jsonl.gz --store kb --dask tcp://scheduler:8786
    """
    from ..errors import InputError
    from ..pipeline import build, count_documents

    setup_logging(verbose, quiet)
    inputs = [*(inputs or ()), *([example_input()] if example else [])]
    if not inputs and not lines:
        raise InputError("give at least one input (a file, folder, - for stdin, or --lines FILE)")
    if out is None and store is None:
        raise InputError("give an output folder (-o OUT) or a store (--store DIR)")
    progress = _Progress(count_documents(inputs, lines=lines)) if _progress_wanted(quiet) else None
    try:
        report = build(
            [str(p) for p in inputs or ()],
            out_dir=out,
            store=store,
            dask=dask,
            force=force,
            wait=wait,
            model=model,
            lines=lines,
            published=date,
            skip_bad=skip_bad,
            processes=processes,
            batch_size=batch_size,
            max_nodes=max_nodes,
            html=not no_html,
            on_progress=progress.update if progress else None,
        )
    finally:
        if progress:
            progress.stop()
    if not quiet:
        typer.echo(
            f"{report.documents} documents, {report.sentences} sentences, {report.statements} statements, "
            f"{report.actors} actors in {report.seconds:.1f} s ({report.model})"
            + (f"; {report.skipped} unchanged documents skipped" if report.skipped else "")
        )
        for kind, path in report.outputs.items():
            typer.echo(f"  {kind:<10} {path}")


class _Progress:
    """A rich progress bar on a terminal: documents, statements, docs/s, ETA when the total is known."""

    def __init__(self, total: int | None) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        columns = [SpinnerColumn(), TextColumn("{task.completed} documents, {task.fields[statements]} statements"),
                   TextColumn("{task.fields[rate]}"), TimeElapsedColumn()]
        if total:
            columns[1:1] = [BarColumn()]
            columns.append(TimeRemainingColumn())
        self.progress = Progress(*columns, console=Console(stderr=True), transient=True)
        self.task = self.progress.add_task("build", total=total, statements=0, rate="")
        self.progress.start()

    def update(self, report) -> None:
        done = report.documents + report.skipped
        task = self.progress.tasks[0]
        rate = f"{task.speed:.1f} docs/s" if task.speed else ""
        self.progress.update(self.task, completed=done, statements=report.statements, rate=rate)

    def stop(self) -> None:
        self.progress.stop()
