"""Orchestration only: documents → spaCy → statements → outputs.

Every stage lives in its own module; this one streams documents through them.
Parsing runs in ``nlp.pipe`` (batched, optionally in several processes); the
statement component runs in this process on each parsed ``Doc`` because
statements are Python objects that spaCy's inter-process transport does not carry.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from .errors import GraphbuildError, InputError
from .extract.model import Statement
from .ingest import Document, iter_documents

__all__ = ["BuildReport", "ParsedDocument", "build", "process", "split_text", "CHUNK_CHARS"]

log = logging.getLogger(__name__)

#: Documents longer than this are parsed in chunks cut at paragraph or sentence ends,
#: far below spaCy's ``max_length`` so memory stays bounded.
CHUNK_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """A document with what the pipeline found in it."""

    document: Document
    statements: list[Statement]
    sentences: int


@dataclass
class BuildReport:
    """What :func:`build` did: counts, time and where the outputs are."""

    documents: int = 0
    sentences: int = 0
    statements: int = 0
    actors: int = 0
    seconds: float = 0.0
    model: str = ""
    outputs: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "sentences": self.sentences,
            "statements": self.statements,
            "actors": self.actors,
            "seconds": round(self.seconds, 3),
            "model": self.model,
            "outputs": dict(self.outputs),
        }


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """Cut ``text`` into ``(offset, chunk)`` pieces of at most ``limit`` characters,
    preferring paragraph, then line, then sentence ends, then spaces.

    >>> split_text("One. Two. Three.", limit=10)
    [(0, 'One. Two. '), (10, 'Three.')]
    """
    if len(text) <= limit:
        return [(0, text)]
    pieces, start = [], 0
    while start < len(text):
        end = min(start + limit, len(text))
        if end < len(text):
            window = text[start:end]
            for sep in ("\n\n", "\n", ". ", " "):
                cut = window.rfind(sep)
                if cut > limit // 4:
                    end = start + cut + len(sep)
                    break
        pieces.append((start, text[start:end]))
        start = end
    return pieces


def _docs_for(nlp: Language, documents: Iterable[Document]) -> Iterator[tuple[Doc, tuple[Document, int, int]]]:
    """spaCy ``Doc``s (tokenised only) with their document and chunk position as context."""
    for document in documents:
        chunks = split_text(document.text)
        for index, (offset, text) in enumerate(chunks):
            doc = nlp.make_doc(text)
            doc._.doc_id = document.id
            doc._.published = document.published
            doc._.char_offset = offset
            yield doc, (document, index, len(chunks))


def process(
    documents: Iterable[Document],
    nlp: Language,
    *,
    processes: int = 1,
    batch_size: int = 64,
) -> Iterator[ParsedDocument]:
    """Parse and extract each document, in order, streaming.

    Parameters
    ----------
    documents : iterable of Document
    nlp : Language
        From :func:`graphbuild.nlp.load_pipeline`.
    processes : int
        Parser processes (``nlp.pipe(n_process=...)``).
    batch_size : int
        Documents per ``nlp.pipe`` batch.
    """
    statements_pipe = nlp.get_pipe("graphbuild_statements") if nlp.has_pipe("graphbuild_statements") else None
    disable = ["graphbuild_statements"] if statements_pipe else []
    pending: list[Statement] = []
    sentences = 0
    parsed = nlp.pipe(
        _docs_for(nlp, documents),
        as_tuples=True,
        batch_size=batch_size,
        n_process=max(1, processes),
        disable=disable,
    )
    for doc, (document, index, count) in parsed:
        if statements_pipe is not None:
            doc._.published = document.published
            doc._.doc_id = document.id
            doc = statements_pipe(doc)
            pending.extend(doc._.statements or ())
        sentences += sum(1 for _ in doc.sents)
        if index == count - 1:
            yield ParsedDocument(document, pending, sentences)
            pending, sentences = [], 0


def build(
    inputs: Iterable[str | Path],
    *,
    out_dir: str | Path,
    model: str | None = None,
    lines: Iterable[str | Path] = (),
    published: str | None = None,
    skip_bad: bool = False,
    processes: int = 1,
    batch_size: int = 64,
    max_nodes: int | None = None,
    html: bool = True,
    on_document: Callable[[ParsedDocument], None] | None = None,
) -> BuildReport:
    """The main job: write ``graph.ttl``, ``statements.jsonl`` and ``graph.html`` to ``out_dir``.

    Outputs are written under temporary names and renamed at the end, so an
    interrupted build leaves earlier outputs intact.

    Parameters
    ----------
    inputs : paths
        See :func:`graphbuild.ingest.iter_documents`.
    out_dir : path
        Created if missing.
    model : str, optional
        Any installed spaCy pipeline; default chosen by :func:`graphbuild.nlp.choose_model`.
    on_document : callable, optional
        Called with each :class:`ParsedDocument` (progress display).

    Returns
    -------
    BuildReport
    """
    from .graph import to_networkx
    from .nlp import load_pipeline
    from .rdf.serialize import to_rdf, write_graph

    started = time.perf_counter()
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise GraphbuildError("output path exists and is not a folder", where=str(out))
    documents = iter_documents(inputs, lines=lines, published=published, skip_bad=skip_bad)
    # Read the first document before anything is created: bad input leaves no outputs behind.
    first = next(documents, None)
    if first is None:
        raise InputError("no documents to build from")
    nlp = load_pipeline(model)
    out.mkdir(parents=True, exist_ok=True)
    report = BuildReport(model=f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')}-{nlp.meta.get('version', '')}")
    kept_documents: list[Document] = []
    all_statements: list[Statement] = []
    jsonl_path = out / "statements.jsonl"
    tmp_jsonl = _tmp(jsonl_path)
    try:
        with open(tmp_jsonl, "w", encoding="utf-8") as sink:
            for parsed in process(_chain(first, documents), nlp, processes=processes, batch_size=batch_size):
                report.documents += 1
                report.sentences += parsed.sentences
                report.statements += len(parsed.statements)
                for statement in parsed.statements:
                    sink.write(_json_line(statement))
                kept_documents.append(_without_text(parsed.document))
                all_statements.extend(parsed.statements)
                if on_document:
                    on_document(parsed)
        graph = to_rdf(all_statements, kept_documents)
        write_graph(graph, out / "graph.ttl", format="turtle")
        os.replace(tmp_jsonl, jsonl_path)
    finally:
        if tmp_jsonl.exists():
            tmp_jsonl.unlink()
    nx_graph = to_networkx(all_statements)
    report.actors = nx_graph.number_of_nodes()
    report.outputs = {"graph": str(out / "graph.ttl"), "statements": str(jsonl_path)}
    if html:
        from .view import render_html

        report.outputs["html"] = str(render_html(nx_graph, out / "graph.html", max_nodes=max_nodes))
    report.seconds = time.perf_counter() - started
    return report


def _chain(first: Document, rest: Iterator[Document]) -> Iterator[Document]:
    yield first
    yield from rest


def _without_text(document: Document) -> Document:
    """Keep document metadata for the graph without holding every text in memory."""
    return Document(document.id, "", document.title, document.published, document.url, document.source,
                    document.path)


def _json_line(statement: Statement) -> str:
    import json

    return json.dumps(statement.to_dict(), ensure_ascii=False) + "\n"


def _tmp(path: Path) -> Path:
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")
