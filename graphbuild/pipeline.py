"""Orchestration only: documents → spaCy → statements → outputs, streamed.

Documents go in batches to a parser: this process (a single batch), a pool of
worker processes (``processes=N``) or a Dask cluster (:mod:`graphbuild.distributed`).
Each parser runs the whole spaCy pipeline, statements included, and hands back plain
data per document — JSON Lines text and N-Triples/N-Quads bytes — so nothing has to
carry Python objects across processes and the parent only writes. One exception: a
build with one process and more than one batch parses in one worker process and
leaves the statements to this process (:class:`ParsedBatch`), so that parsing has a
core to itself. Results come back in input order with a bounded number of batches in
flight, so memory does not grow with the corpus.

Outputs: ``build(out_dir=...)`` writes ``statements.jsonl``, ``graph.ttl`` and
``graph.html`` (each under a temporary name, renamed when complete);
``build(store=...)`` writes into an embedded pyoxigraph store, one named graph per
document, skipping documents it already holds (:mod:`graphbuild.rdf.store`).
"""

from __future__ import annotations

import functools
import json
import logging
import os
import shutil
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GraphbuildError, InputError
from .extract.model import Statement
from .ingest import Document, iter_documents

__all__ = [
    "CHUNK_CHARS",
    "BuildReport",
    "ParsedBatch",
    "ParsedDocument",
    "build",
    "count_documents",
    "extract_batch",
    "parse_batch",
    "process",
    "split_text",
]

log = logging.getLogger(__name__)

#: Documents longer than this are parsed in chunks cut at paragraph or sentence ends,
#: far below spaCy's ``max_length`` so memory stays bounded.
CHUNK_CHARS = 100_000
#: Tokens spaCy parses in one minibatch (beyond a first, longer document): a worker's peak
#: memory follows it (64 Reuters stories, about 12,000 tokens: 480 MiB; 16 stories, about
#: 3,000: 290 MiB) while parsing speed hardly changes above about 3,000.
PIPE_TOKENS = 4_000
#: The most N-Quads bytes gathered for one write. A new store is filled by bulk loads, and each
#: load is a set of files RocksDB merges into everything it holds (the keys are hashes, so every
#: load overlaps the whole store): the fewer the loads, the less merging. Whole Reuters corpus,
#: one process: 834 s with a load per batch (about 8 MiB); 631-778 s in three runs with loads of
#: up to 32 MiB; 64 MiB saved 3 % more but raised the parent's peak memory from 629 to 876 MiB,
#: pyoxigraph's loader growing with its load (README, Scale).
STORE_FLUSH_BYTES = 32 << 20
#: A new store's loads grow with it, to 1/STORE_GROWTH of what it already holds (until
#: STORE_FLUSH_BYTES): a small build is in the store batch by batch, a big one in big loads.
STORE_GROWTH = 4
#: Writes that may wait for the store's writer thread (each at most STORE_FLUSH_BYTES of
#: N-Quads) before the build waits for them.
STORE_QUEUE = 2
#: Shared lines (actor descriptions) remembered as written; beyond this the memory starts
#: afresh, so it stays flat on any corpus (a line written twice is harmless: RDF is a set).
SEEN_LIMIT = 50_000
#: Batches a worker process parses before it is replaced by a fresh one: spaCy's string
#: store only grows, so this keeps workers' memory flat on long runs (a reload takes seconds).
WORKER_BATCHES = 150


@dataclass(frozen=True, slots=True)
class ParsedDocument:
    """A document with what the pipeline found in it."""

    document: Document
    statements: list[Statement]
    sentences: int


@dataclass
class BuildReport:
    """What :func:`build` did: counts, time and where the outputs are.

    ``documents`` counts documents parsed in this run, ``skipped`` those a store
    already held unchanged.
    """

    documents: int = 0
    sentences: int = 0
    statements: int = 0
    actors: int = 0
    skipped: int = 0
    seconds: float = 0.0
    model: str = ""
    outputs: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "documents": self.documents,
            "skipped": self.skipped,
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


# --- the parser side: runs in this process, a worker process or a Dask worker ------------------


@dataclass(frozen=True, slots=True)
class DocResult:
    """One parsed document as plain data (what a parser sends back).

    ``rdf`` holds the triples about the document's own nodes (statements, evidence,
    mentions, the document), one N-Triples line each — or, for a store, N-Quads lines
    in the document's graph, the direct actor→actor edges included. ``shared`` holds
    N-Triples lines that describe nodes all documents share (actor labels and types,
    relation predicates, event types; for files, the direct edges too): outputs write
    each of them once.
    """

    doc_id: str
    sentences: int
    statements: int
    jsonl: str
    rdf: bytes
    shared: tuple[str, ...]
    actors: frozenset[str]
    parsed: tuple[Statement, ...] | None = None


def _encode(document: Document, statements: list[Statement], sentences: int, *, quads: bool,
            keep: bool) -> DocResult:
    """Turn one document's statements into JSON Lines text and N-Triples/N-Quads bytes."""
    from .rdf.serialize import canonical_actors, document_iri, document_ntriples, statements_ntriples
    from .rdf.vocab import GBR, ID

    local_prefixes = (f"<{ID}statement/", f"<{ID}doc/")
    edges = f"<{GBR}"
    canon = canonical_actors(statements)
    local: set[str] = set()
    shared: set[str] = set()
    actors = {str(iri) for iri in canon}
    triples = list(statements_ntriples(statements, canon))
    triples.extend(document_ntriples(document))
    tail = f" <{document_iri(document.id)}> .\n" if quads else " .\n"
    for s, p, o in triples:
        line = f"{s} {p} {o}"
        if s.startswith(local_prefixes) or (quads and p.startswith(edges)):
            local.add(line + tail)
        else:
            shared.add(line + " .\n")
    # N-Quads go to a store only, which keeps no JSON Lines.
    jsonl = "" if quads else "".join(json.dumps(st.to_dict(), ensure_ascii=False) + "\n" for st in statements)
    return DocResult(
        doc_id=document.id,
        sentences=sentences,
        statements=len(statements),
        jsonl=jsonl,
        rdf="".join(sorted(local)).encode("utf-8", "replace"),
        shared=tuple(sorted(shared)),
        actors=frozenset(actors),
        parsed=tuple(statements) if keep else None,
    )


def _docs_for(nlp, documents: Iterable[Document]):
    """spaCy ``Doc``s (tokenised only) with their document and chunk position as context."""
    for document in documents:
        chunks = split_text(document.text)
        for index, (offset, text) in enumerate(chunks):
            doc = nlp.make_doc(text)
            doc._.doc_id = document.id
            doc._.published = document.published
            doc._.char_offset = offset
            yield doc, (document, index, len(chunks))


def _minibatches(docs: Iterable[tuple], batch_size: int) -> Iterator[list[tuple]]:
    """``(doc, context)`` pairs in groups of at most ``batch_size`` docs and, past the first
    doc, :data:`PIPE_TOKENS` tokens: the parser's working memory follows the text of a
    group, so a batch of long stories does not cost more than one of short ones."""
    group: list[tuple] = []
    tokens = 0
    for item in docs:
        size = len(item[0])
        if group and (len(group) >= batch_size or tokens + size > PIPE_TOKENS):
            yield group
            group, tokens = [], 0
        group.append(item)
        tokens += size
    if group:
        yield group


def _analyse(nlp, documents: list[Document], batch_size: int, disable: tuple[str, ...] = ()) -> Iterator[tuple]:
    """Parsed ``(doc, context)`` pairs, one per chunk (see :func:`_docs_for`)."""
    return (item for group in _minibatches(_docs_for(nlp, documents), batch_size)
            for item in nlp.pipe(group, as_tuples=True, batch_size=len(group), disable=disable))


def _parse(nlp, documents: list[Document], batch_size: int) -> Iterator[tuple[Document, list[Statement], int]]:
    return _per_document(_analyse(nlp, documents, batch_size))


def _per_document(parsed: Iterable[tuple]) -> Iterator[tuple[Document, list[Statement], int]]:
    """Parsed ``(doc, context)`` pairs from :func:`_docs_for`, in order, joined back into
    ``(document, statements, sentences)``: a split document's chunks add up."""
    statements: list[Statement] = []
    sentences = 0
    for doc, (document, index, count) in parsed:
        statements.extend(doc._.statements or ())
        sentences += sum(1 for _ in doc.sents)
        if index == count - 1:
            yield document, statements, sentences
            statements, sentences = [], 0


@dataclass(frozen=True, slots=True)
class ParsedBatch:
    """A batch parsed up to, not through, the statement component: spaCy's analyses as
    ``DocBin`` bytes with each chunk's ``(document, index, count)``. Writing and reading
    them costs about 2% of the parse, less than pickling the statements would, so a
    parser process can leave the statements to :func:`extract_batch` on another core."""

    contexts: tuple[tuple[Document, int, int], ...]
    docbin: bytes


def parse_batch(documents: list[Document], *, model: str | None = None, quads: bool = False,
                keep: bool = False, batch_size: int = 64, skip_bad: bool = False,
                encode: bool = True, extract: bool = True) -> list[DocResult] | ParsedBatch:
    """Parse and extract a batch of documents into :class:`DocResult` s (in order).

    The unit of work of every parser (this process, worker processes, Dask workers);
    the spaCy pipeline is loaded once per process and cached.

    Parameters
    ----------
    quads : bool
        RDF as N-Quads in each document's named graph (for a store) rather than N-Triples.
    keep : bool
        Also return the :class:`Statement` objects (for :func:`process`).
    skip_bad : bool
        A document on which the pipeline fails is logged and left out instead of failing the batch.
    encode : bool
        False: return ``(document, statements, sentences)`` tuples for :func:`encode_batch`.
    extract : bool
        False: stop before the statement component and return a :class:`ParsedBatch`
        for :func:`extract_batch`.
    """
    from .nlp import STATEMENTS, load_pipeline

    nlp = load_pipeline(model)
    if extract:
        run = functools.partial(_parse, nlp, batch_size=batch_size)
    else:
        run = functools.partial(_analyse, nlp, batch_size=batch_size, disable=(STATEMENTS,))
    try:
        parsed = list(run(documents))
    except (GraphbuildError, KeyboardInterrupt):
        raise
    except Exception:  # any failure of third-party pipeline code: find the document, report or skip it
        parsed = []
        for document in documents:
            try:
                parsed.extend(run([document]))
            except Exception as err:  # reported with the document, or skipped with --skip-bad
                _failed(document, err, skip_bad)
    if not extract:
        from spacy.tokens import DocBin

        analyses = DocBin(store_user_data=True, docs=(doc for doc, _ in parsed))
        results = ParsedBatch(tuple(context for _, context in parsed), analyses.to_bytes())
    else:
        results = encode_batch(parsed, quads=quads, keep=keep) if encode else parsed
    release_memory()
    return results


def extract_batch(batch: ParsedBatch, *, model: str | None = None, quads: bool = False, keep: bool = False,
                  skip_bad: bool = False) -> list[DocResult]:
    """The rest of :func:`parse_batch` for a :class:`ParsedBatch`: statements, then encoding.

    Runs the statement component of the same pipeline in this process. Its strings live in
    a spaCy memory zone that ends with the batch, so this process's memory stays flat.
    """
    from spacy.tokens import DocBin

    from .nlp import STATEMENTS, load_pipeline

    nlp = load_pipeline(model)
    component = nlp.get_pipe(STATEMENTS)
    failed: set[str] = set()
    with nlp.memory_zone():
        items = list(zip(DocBin().from_bytes(batch.docbin).get_docs(nlp.vocab), batch.contexts))
        for doc, (document, _, _) in items:
            if document.id in failed:
                continue
            try:
                component(doc)
            except Exception as err:  # reported with the document, or skipped with --skip-bad
                _failed(document, err, skip_bad)
                failed.add(document.id)
        parsed = list(_per_document(item for item in items if item[1][0].id not in failed))
    return encode_batch(parsed, quads=quads, keep=keep)


def _failed(document: Document, err: Exception, skip_bad: bool) -> None:
    message = f"the pipeline failed on this document: {type(err).__name__}: {err}"
    if not skip_bad:
        raise GraphbuildError(message, where=document.path or document.id,
                              hint="use --skip-bad to carry on past it") from err
    log.warning("skipped %s: %s", document.path or document.id, message)


@functools.cache
def _malloc_trim():
    import ctypes

    try:
        return ctypes.CDLL("libc.so.6").malloc_trim  # glibc only
    except (OSError, AttributeError):
        return None


def release_memory() -> None:
    """Give freed heap memory back to the operating system. glibc keeps what a batch freed,
    so a long run would sit at its highest batch's footprint; Dask trims its workers alike."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def encode_batch(parsed: list[tuple[Document, list[Statement], int]], *, quads: bool = False,
                 keep: bool = False) -> list[DocResult]:
    """:class:`DocResult` s of parsed documents (see :func:`parse_batch`)."""
    return [_encode(document, statements, sentences, quads=quads, keep=keep)
            for document, statements, sentences in parsed]


def _warm(model: str | None, parent: int | None = None) -> None:
    """Worker initialiser: end with the build process ``parent``; load the pipeline once,
    before the first batch arrives."""
    from .nlp import load_pipeline

    if parent is not None:
        _exit_with(parent)
    load_pipeline(model)


def _alive(pid: int) -> bool:
    """Whether process ``pid`` exists (one of another user's counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    return True


def _exit_with(pid: int) -> None:
    """End this process when process ``pid`` ends.

    A pool worker holds both ends of its task queue and the forkserver's liveness pipe, so
    a build killed with ``kill -9`` or by the out-of-memory killer would otherwise leave its
    workers, and their forkserver, waiting for work forever, each holding a loaded model.
    """
    import threading

    def watch() -> None:
        try:
            handle = os.pidfd_open(pid)  # Linux: readable once the process has ended
        except ProcessLookupError:
            os._exit(1)
        except (AttributeError, OSError):  # no pidfd here: look once a second
            handle = None
        if handle is not None:
            import select

            select.select([handle], [], [])
        else:
            while _alive(pid):
                time.sleep(1)
        os._exit(1)

    threading.Thread(target=watch, name="graphbuild-parent-watch", daemon=True).start()


class _Serial:
    """Parse in this process; encode each batch in a thread while the next one is parsed
    (spaCy's matrix and parser code runs without the GIL, so the two overlap)."""

    def __init__(self, options: dict):
        self.parse = functools.partial(parse_batch, encode=False, **options)
        self.encode = functools.partial(encode_batch, quads=options["quads"], keep=options["keep"])

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[DocResult]]:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(1, thread_name_prefix="graphbuild-encode") as encoder:
            pending = None
            for batch in batches:
                parsed = self.parse(batch)
                if pending is not None:
                    yield pending.result()
                pending = encoder.submit(self.encode, parsed)
            if pending is not None:
                yield pending.result()

    def close(self) -> None:
        pass


class _Pool:
    """Parse in ``processes`` worker processes; results in input order, at most
    two batches per worker in flight (bounded memory, workers never idle)."""

    def __init__(self, task: Callable[[list[Document]], list[DocResult]], processes: int, model: str | None,
                 *, warm_here: bool = False):
        self.task = task
        self.processes = processes
        self.model = model
        #: Also load the pipeline in this process once the first batch is on its way
        #: (for :func:`extract_batch`), while the workers load theirs.
        self.warm_here = warm_here
        self.executor = None

    def _start(self):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        # forkserver: workers start from a clean process, not a fork of one holding a
        # RocksDB store and its threads. Started on the first batch, so a re-run that
        # has nothing to parse loads no model at all.
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["graphbuild.pipeline", "spacy"])
        self.executor = ProcessPoolExecutor(self.processes, mp_context=context, initializer=_warm,
                                            initargs=(self.model, os.getpid()), max_tasks_per_child=WORKER_BATCHES)
        return self.executor

    def map(self, batches: Iterable[list[Document]]) -> Iterator[list[DocResult]]:
        pending: deque = deque()
        for batch in batches:
            executor = self.executor or self._start()
            pending.append(executor.submit(self.task, batch))
            if self.warm_here:
                _warm(self.model)
                self.warm_here = False
            if len(pending) >= 2 * self.processes:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None


def _executor(options: dict, *, processes: int, dask: str | None, apart: bool = False):
    """Where batches are parsed; ``options`` are :func:`parse_batch`'s keyword arguments.

    ``apart``: with one process, parse in a worker process anyway and return
    :class:`ParsedBatch` es for the caller's :func:`extract_batch`. The parser then spends
    its core on spaCy alone, while this process extracts, encodes and writes on another
    core, neither waiting for the other's hold on the GIL.
    """
    task = functools.partial(parse_batch, **options)
    if dask:
        from .distributed import DaskExecutor

        return DaskExecutor(task, dask, processes=processes, model=options["model"])
    if processes > 1:
        return _Pool(task, processes, options["model"])
    if apart:
        return _Pool(functools.partial(task, extract=False), 1, options["model"], warm_here=True)
    return _Serial(options)


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def process(
    documents: Iterable[Document],
    nlp=None,
    *,
    processes: int = 1,
    batch_size: int = 64,
    model: str | None = None,
    dask: str | None = None,
) -> Iterator[ParsedDocument]:
    """Parse and extract each document, in order, streaming.

    Parameters
    ----------
    documents : iterable of Document
    nlp : Language, optional
        From :func:`graphbuild.nlp.load_pipeline`; used as is in this process. Worker
        processes load ``model`` (default: this pipeline's package) themselves.
    processes : int
        Parser processes.
    batch_size : int
        Documents per batch.
    dask : str, optional
        A Dask scheduler address, or ``"local"`` (see :mod:`graphbuild.distributed`).
    """
    if nlp is not None and processes <= 1 and not dask:
        for batch in _batches(documents, batch_size):
            for document, statements, sentences in _parse(nlp, batch, batch_size):
                yield ParsedDocument(document, statements, sentences)
        return
    if nlp is not None and model is None:
        model = _package_of(nlp)
    options = {"model": model, "quads": False, "keep": True, "batch_size": batch_size, "skip_bad": False}
    executor = _executor(options, processes=processes, dask=dask)
    try:
        pending: deque[Document] = deque()

        def remember(stream: Iterable[Document]) -> Iterator[Document]:
            for document in stream:
                pending.append(document)
                yield document

        for results in executor.map(_batches(remember(documents), batch_size)):
            for result in results:
                while pending and pending[0].id != result.doc_id:
                    pending.popleft()  # a document the parser skipped (skip_bad)
                yield ParsedDocument(pending.popleft(), list(result.parsed or ()), result.sentences)
    finally:
        executor.close()


def _package_of(nlp) -> str | None:
    meta = nlp.meta
    return f"{meta['lang']}_{meta['name']}" if meta.get("lang") and meta.get("name") else None


def count_documents(inputs: Iterable[str | Path], *, lines: Iterable[str | Path] = ()) -> int | None:
    """A quick estimate of how many documents ``inputs`` hold (for a progress bar's ETA):
    lines of corpora and line files, supported files in folders; None for standard input."""
    import gzip

    from .ingest import SUPPORTED_SUFFIXES

    def count_lines(path: Path) -> int:
        opener = gzip.open if path.name.lower().endswith(".gz") else open
        with opener(path, "rb") as handle:
            return sum(1 for line in handle if line.strip())

    total = 0
    try:
        for item in inputs:
            path = Path(item)
            if str(item) == "-":
                return None
            if path.is_dir():
                total += sum(1 for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(SUPPORTED_SUFFIXES)
                             and not p.name.lower().endswith((".jsonl", ".jsonl.gz", ".ndjson")))
                total += sum(count_lines(p) for p in path.rglob("*")
                             if p.is_file() and p.name.lower().endswith((".jsonl", ".jsonl.gz", ".ndjson")))
            elif path.name.lower().endswith((".jsonl", ".jsonl.gz", ".ndjson")):
                total += count_lines(path)
            else:
                total += 1
        total += sum(count_lines(Path(p)) for p in lines)
    except (OSError, EOFError):
        return None
    return total


# --- the writing side: this process only ------------------------------------------------------


def _signature(model: str | None) -> str:
    """What a stored document's hash also depends on: pipeline package and version, graphbuild version."""
    from importlib.metadata import PackageNotFoundError, version

    from . import __version__
    from .nlp import choose_model

    name = choose_model(model)
    try:
        model_version = version(name)
    except PackageNotFoundError:
        model_version = ""
    return f"{name}=={model_version};graphbuild=={__version__}"


def _document_hash(document: Document, signature: str) -> str:
    from .rdf.store import content_hash

    return content_hash(document.id, document.text, document.title, document.published, document.url,
                        document.source, signature)


class _FileSink:
    """``statements.jsonl`` and ``graph.ttl`` in ``out``: written under temporary names,
    RDF spooled as N-Triples, turned into Turtle at the end, everything renamed last."""

    def __init__(self, out: Path):
        self.out = out
        _remove_stale_work(out)
        self.work = Path(tempfile.mkdtemp(prefix=f".graphbuild-{os.getpid()}-", dir=out))
        self.jsonl = open(self.work / "statements.jsonl", "w", encoding="utf-8", errors="backslashreplace")
        self.spool = open(self.work / "graph.nt", "wb")
        self.seen: set[str] = set()

    def add(self, result: DocResult) -> None:
        self.jsonl.write(result.jsonl)
        self.spool.write(result.rdf)
        fresh = [line for line in result.shared if line not in self.seen]
        if fresh:
            if len(self.seen) > SEEN_LIMIT:
                self.seen.clear()
            self.seen.update(fresh)
            self.spool.write("".join(fresh).encode("utf-8", "replace"))

    def finish(self) -> dict[str, Path]:
        import pyoxigraph as ox

        from .rdf.vocab import PREFIXES

        self.jsonl.close()
        self.spool.close()
        turtle = self.work / "graph.ttl"
        with open(turtle, "wb") as handle:
            ox.serialize(ox.parse(path=str(self.work / "graph.nt"), format=ox.RdfFormat.N_TRIPLES), handle,
                         ox.RdfFormat.TURTLE, prefixes=PREFIXES)
        outputs = {"graph": self.out / "graph.ttl", "statements": self.out / "statements.jsonl"}
        os.replace(turtle, outputs["graph"])
        os.replace(self.work / "statements.jsonl", outputs["statements"])
        return outputs

    def close(self) -> None:
        self.jsonl.close()
        self.spool.close()
        shutil.rmtree(self.work, ignore_errors=True)


def _remove_stale_work(out: Path) -> None:
    """Remove the temporary folders of builds that were killed (their process is gone)."""
    for work in out.glob(".graphbuild-*-*"):
        try:
            pid = int(work.name.split("-")[1])
        except ValueError:
            continue
        if not _alive(pid):
            shutil.rmtree(work, ignore_errors=True)


class _StoreSink:
    """Documents into a :class:`~graphbuild.rdf.store.GraphStore`, written by a background
    thread (pyoxigraph releases the GIL) while parsing goes on.

    A store that held data is written one transaction per batch; a new one in bulk loads
    that grow with it (see :data:`STORE_GROWTH`). Up to :data:`STORE_QUEUE` writes wait
    their turn, so the loop that feeds the parsers does not stop for each write; writes run
    one at a time, in order.
    """

    def __init__(self, store):
        from concurrent.futures import ThreadPoolExecutor

        self.store = store
        self.batch: list[tuple[str, str, bytes]] = []
        self.size = 0
        self.written = 0
        self.writer = ThreadPoolExecutor(1, thread_name_prefix="graphbuild-store")
        self.pending: deque = deque()
        #: Shared lines already written (the store keeps one copy anyway; this saves the work).
        self.seen: set[str] = set()

    def add(self, result: DocResult, digest: str) -> None:
        fresh = [line for line in result.shared if line not in self.seen]
        if len(self.seen) > SEEN_LIMIT:
            self.seen.clear()
        self.seen.update(fresh)
        data = result.rdf + "".join(fresh).encode("utf-8", "replace")
        self.batch.append((result.doc_id, digest, data))
        self.size += len(data)
        if self.size >= STORE_FLUSH_BYTES:
            self.flush(force=True)

    def flush(self, force: bool = False) -> None:
        """Queue the gathered documents for writing when they are enough for one write (any
        amount with ``force``); wait only while the queue is full."""
        enough = 0 if not self.store.fresh else min(STORE_FLUSH_BYTES, self.written // STORE_GROWTH)
        if self.batch and (force or self.size >= enough):
            self.pending.append(self.writer.submit(self.store.write, self.batch))
            self.written += self.size
            self.batch, self.size = [], 0
        while len(self.pending) > STORE_QUEUE:
            self._done()

    def _done(self) -> None:
        self.pending.popleft().result()  # errors surface here
        release_memory()

    def finish(self) -> None:
        self.flush(force=True)
        while self.pending:
            self._done()

    def close(self) -> None:
        self.writer.shutdown(wait=True)


def build(
    inputs: Iterable[str | Path],
    *,
    out_dir: str | Path | None = None,
    model: str | None = None,
    lines: Iterable[str | Path] = (),
    published: str | None = None,
    skip_bad: bool = False,
    processes: int = 1,
    batch_size: int = 64,
    max_nodes: int | None = None,
    html: bool = True,
    on_document: Callable[[ParsedDocument], None] | None = None,
    store: str | Path | None = None,
    dask: str | None = None,
    force: bool = False,
    wait: float | None = None,
    on_progress: Callable[[BuildReport], None] | None = None,
) -> BuildReport:
    """The main job: parse and extract ``inputs`` into files (``out_dir``), a store, or both.

    ``out_dir`` receives ``statements.jsonl``, ``graph.ttl`` and ``graph.html``, each
    written under a temporary name and renamed when complete, so an interrupted build
    leaves earlier outputs intact. ``store`` is a store folder
    (:mod:`graphbuild.rdf.store`): one named graph per document, documents already
    stored unchanged are skipped, changed ones replaced.

    Parameters
    ----------
    inputs : paths
        See :func:`graphbuild.ingest.iter_documents`.
    out_dir : path, optional
        Created if missing. With ``store`` too, the files hold this run's documents only.
    model : str, optional
        Any installed spaCy pipeline; default chosen by :func:`graphbuild.nlp.choose_model`.
    processes : int
        Parser processes (or Dask workers of a local cluster).
    batch_size : int
        Documents per batch sent to a parser.
    max_nodes : int, optional
        Keep the most important actors in ``graph.html``.
    on_document : callable, optional
        Called with each :class:`ParsedDocument` (statements included; costs a copy).
    store : path, optional
        Store folder to build into.
    dask : str, optional
        Dask scheduler address, or ``"local"``: see :mod:`graphbuild.distributed`.
    force : bool
        Re-extract documents a store already holds unchanged.
    wait : float, optional
        Seconds to wait for another build's lock on ``store`` (default: as long as it takes).
    on_progress : callable, optional
        Called with the running :class:`BuildReport` after each document.

    Returns
    -------
    BuildReport
    """
    started = time.perf_counter()
    if out_dir is None and store is None:
        raise GraphbuildError("nothing to write", hint="give an output folder (-o) or a store (--store)")
    out = Path(out_dir) if out_dir is not None else None
    if out is not None and out.exists() and not out.is_dir():
        raise GraphbuildError("output path exists and is not a folder", where=str(out))
    documents = iter_documents(inputs, lines=lines, published=published, skip_bad=skip_bad)
    # Read the first document before anything is created: bad input leaves no outputs behind.
    first = next(documents, None)
    if first is None:
        raise InputError("no documents to build from")
    from .nlp import choose_model

    report = BuildReport(model=choose_model(model))
    signature = _signature(model)
    keep = on_document is not None
    # With files too, the files' N-Triples are re-encoded for the store (_as_quads).
    options = {"model": model, "quads": store is not None and out is None, "keep": keep, "batch_size": batch_size,
                   "skip_bad": skip_bad}
    actors: set[str] = set()
    files = stored = None
    executor = None
    created = out is not None and not out.exists()
    try:
        if store is not None:
            from .rdf.store import GraphStore

            stored = _StoreSink(GraphStore(store, wait=wait))
            if stored.store.fresh:
                log.info("%s: new store; bulk loading", store)
        if out is not None:
            out.mkdir(parents=True, exist_ok=True)
            files = _FileSink(out)
        pending: deque[tuple[Document, str]] = deque()

        def todo(stream: Iterable[Document]) -> Iterator[Document]:
            for document in stream:
                digest = _document_hash(document, signature)
                if stored is not None and not force and stored.store.recorded_hash(document.id) == digest:
                    report.skipped += 1
                    if on_progress:
                        on_progress(report)
                    continue
                pending.append((document, digest))
                yield document

        batches = _batches(todo(_chain(first, documents)), batch_size)
        opening = next(batches, [])
        # One process and more than one batch: parse apart (see _executor). A single batch is
        # parsed here; a worker would cost more to start than it saves.
        apart = processes <= 1 and not dask and len(opening) == batch_size
        executor = _executor(options, processes=processes, dask=dask, apart=apart)
        for results in executor.map(_chain(opening, batches) if opening else batches):
            if apart:
                results = extract_batch(results, model=model, quads=options["quads"], keep=keep,
                                        skip_bad=skip_bad)
            for result in results:
                while pending and pending[0][0].id != result.doc_id:
                    pending.popleft()  # skipped by the parser (skip_bad)
                document, digest = pending.popleft()
                report.documents += 1
                report.sentences += result.sentences
                report.statements += result.statements
                if files is not None:
                    actors.update(result.actors)  # a store counts its actors itself, at the end
                if files is not None:
                    files.add(result)
                if stored is not None:
                    stored.add(_as_quads(result, document) if out is not None else result, digest)
                if on_document is not None:
                    on_document(ParsedDocument(document, list(result.parsed or ()), result.sentences))
                if on_progress:
                    on_progress(report)
            if stored is not None:
                stored.flush()  # a transaction per batch, or a bulk load when enough has gathered
        executor.close()
        executor = None
        report.actors = len(actors)
        if stored is not None:
            stored.finish()
            if files is None:
                report.actors = stored.store.actors()
            report.outputs["store"] = str(store)
        if files is not None:
            written = files.finish()
            report.outputs.update({kind: str(path) for kind, path in written.items()})
            if html:
                from .graph import to_networkx
                from .view import render_html

                graph = to_networkx(_read_statements(written["statements"]))
                report.outputs["html"] = str(render_html(graph, out / "graph.html", max_nodes=max_nodes))
    except BaseException:
        if files is not None:
            files.close()
        if created and out.is_dir() and not any(out.iterdir()):
            out.rmdir()  # a failed build into a new folder leaves nothing behind
        raise
    finally:
        if executor is not None:
            executor.close()
        if files is not None:
            files.close()
        if stored is not None:
            stored.close()
            stored.store.close()
    if report.documents == 0 and report.skipped == 0:
        raise InputError("no document could be read", hint="see the warnings above")
    report.seconds = time.perf_counter() - started
    return report


def _as_quads(result: DocResult, document: Document) -> DocResult:
    """A files-mode result (N-Triples) for a store: own lines and direct edges as N-Quads
    in the document's graph, the other shared lines as they are."""
    from .rdf.serialize import document_iri
    from .rdf.vocab import GBR

    tail = f" <{document_iri(document.id)}> .\n".encode()
    edge = f"<{GBR}"
    lines = result.rdf.splitlines()
    shared = []
    for line in result.shared:
        if line.split(" ", 2)[1].startswith(edge):  # shared lines have IRI subjects: no spaces before
            lines.append(line.encode("utf-8", "replace").rstrip(b"\n"))
        else:
            shared.append(line)
    data = b"".join(line[:-2] + tail for line in lines if line)
    return DocResult(result.doc_id, result.sentences, result.statements, "", data, tuple(shared), result.actors)


def _read_statements(path: Path) -> Iterator[Statement]:
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            yield Statement.from_dict(json.loads(line))


def _chain(first: Document, rest: Iterator[Document]) -> Iterator[Document]:
    yield first
    yield from rest
