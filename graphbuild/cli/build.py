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
    out: Path = typer.Option(..., "-o", "--out", help="Output folder for graph.ttl, statements.jsonl, graph.html."),
    lines: list[Path] = typer.Option([], "--lines", help="A file whose every line is a document (id line-N)."),
    example: bool = typer.Option(False, "--example", help="Add the bundled example article to the inputs."),
    model: Optional[str] = typer.Option(None, "--model", "-m", help="spaCy pipeline to use (any installed one)."),
    date: Optional[str] = typer.Option(None, "--date", help="Published date (YYYY-MM-DD) for documents with none."),
    processes: int = typer.Option(1, "--processes", "-j", min=1, help="Parser processes."),
    batch_size: int = typer.Option(64, "--batch-size", min=1, help="Documents per spaCy batch."),
    max_nodes: Optional[int] = typer.Option(None, "--max-nodes", min=1, help="Keep the N most important actors in graph.html."),
    skip_bad: bool = typer.Option(False, "--skip-bad", help="Warn and carry on past unreadable documents."),
    no_html: bool = typer.Option(False, "--no-html", help="Do not write graph.html."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Say more."),
) -> None:
    """Build the graph: statements.jsonl, graph.ttl and graph.html in OUT.

    Examples:

      graphbuild build --example -o out

      graphbuild build article.txt -o out

      graphbuild build corpus.jsonl.gz news/ -o out --processes 2

      graphbuild build --lines sentences.txt -o out --date 2025-07-03
    """
    from ..errors import InputError
    from ..pipeline import build

    setup_logging(verbose, quiet)
    inputs = [*(inputs or ()), *([example_input()] if example else [])]
    if not inputs and not lines:
        raise InputError("give at least one input (a file, folder, - for stdin, or --lines FILE)")
    progress = _Progress() if _progress_wanted(quiet) else None
    try:
        report = build(
            [str(p) for p in inputs or ()],
            out_dir=out,
            model=model,
            lines=lines,
            published=date,
            skip_bad=skip_bad,
            processes=processes,
            batch_size=batch_size,
            max_nodes=max_nodes,
            html=not no_html,
            on_document=progress.advance if progress else None,
        )
    finally:
        if progress:
            progress.stop()
    if not quiet:
        typer.echo(
            f"{report.documents} documents, {report.sentences} sentences, {report.statements} statements, "
            f"{report.actors} actors in {report.seconds:.1f} s ({report.model})"
        )
        for kind, path in report.outputs.items():
            typer.echo(f"  {kind:<10} {path}")


class _Progress:
    """A rich progress line on a terminal: documents, statements, docs/s."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.statements = 0
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.completed} documents, {task.fields[statements]} statements"),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.task = self.progress.add_task("build", total=None, statements=0, rate="")
        self.progress.start()

    def advance(self, parsed) -> None:
        self.statements += len(parsed.statements)
        task = self.progress.tasks[0]
        rate = f"{task.speed:.1f} docs/s" if task.speed else ""
        self.progress.update(self.task, advance=1, statements=self.statements, rate=rate)

    def stop(self) -> None:
        self.progress.stop()
