"""The embedded triple store: a pyoxigraph (RocksDB) store on disk, one named graph per document.

A store is a pyoxigraph (RocksDB) folder, so every Oxigraph tool opens it as it is
(``oxigraph serve --location DIR``, ``pyoxigraph.Store.read_only(DIR)``,
``graphbuild query DIR``). graphbuild adds two files RocksDB leaves alone:
``DIR/graphbuild.lock``, held while a build writes so that two builds into one store
take turns, and ``DIR/push-*.jsonl``, what :mod:`graphbuild.push` has sent where.

Each document's triples live in the named graph ``gbdoc:<id>`` (its document IRI):
its statements, evidence, mentions, the document node and the direct actor→actor edges
it asserts, so a changed document is replaced by dropping and reloading its graph
alone. Actor nodes are shared: their descriptions (label, type, country, Wikidata
link), the relation predicates and event types live once in the default graph. The
graph :data:`META_GRAPH` records a content hash per document: a build skips documents
whose hash is unchanged, which makes re-running a build over the same corpus nearly free.

Querying: ``store.query(q, use_default_graph_as_union=True)`` sees everything, each
actor description once; a direct edge appears once per document that asserts it (use
``DISTINCT`` to merge them). Shared descriptions only grow: a changed document that
drops an actor leaves that actor's label behind (rebuild the store to prune).

Crash safety rests on one ordering: a document's hash record is written only after its
triples, and removed before its triples are touched. A build killed at any point leaves
every recorded document complete; the next build clears and redoes the others.

Readers (``graphbuild query --store``, ``view --store``) use :func:`open_store`::

    >>> import tempfile
    >>> folder = tempfile.mkdtemp()
    >>> with GraphStore(folder) as store:
    ...     store.write([("d1", "h1", b'<https://example.org/a> <https://example.org/p> "x" <https://w3id.org/graphbuild/id/doc/d1> .\\n')])
    >>> union = open_store(folder, read_only=True)
    >>> [str(t.object) for t in union_triples(union)]
    ['"x"']
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO

import pyoxigraph as ox

from ..errors import GraphbuildError
from .vocab import BASE, PREFIXES

__all__ = [
    "CONTENT_HASH",
    "EXPORT_FORMATS",
    "META_GRAPH",
    "GraphStore",
    "StoreError",
    "StoreLockedError",
    "content_hash",
    "document_graph",
    "export",
    "is_store",
    "open_store",
    "union_triples",
]

log = logging.getLogger(__name__)

#: Named graph holding one content-hash record per document (bookkeeping, not exported).
META_GRAPH = ox.NamedNode(BASE + "store/meta")
#: ``<document IRI> CONTENT_HASH "<hex>"`` in :data:`META_GRAPH`.
CONTENT_HASH = ox.NamedNode(BASE + "store/contentHash")
LOCK_FILE = "graphbuild.lock"
#: Nice value (0 normal, 19 lowest) for RocksDB's background threads in a process that
#: writes a store. RocksDB merges every bulk load into what the store holds; at normal
#: priority its two compaction threads take turns with the parser and the statement
#: component on the same cores. At 19 they run in what those leave, the parser keeps its
#: core, and merges that wait are made several loads at a time, which costs less. While
#: every core parses, merges wait until the parse ends or the next build that writes the
#: store (6,000 stories, two processes: 75 SST files at the end instead of 55). README, Scale.
COMPACTION_NICENESS = 19
#: ``export`` formats: name -> (pyoxigraph format, holds named graphs).
EXPORT_FORMATS = {
    "ttl": (ox.RdfFormat.TURTLE, False),
    "nt": (ox.RdfFormat.N_TRIPLES, False),
    "nq": (ox.RdfFormat.N_QUADS, True),
    "trig": (ox.RdfFormat.TRIG, True),
}
#: IRI prefixes of nodes that belong to one document (statements, evidence, mentions, the
#: document node): their triples never repeat across documents, so exporting the union
#: only needs to deduplicate the rest (actors, relation predicates, event concepts).
_DOCUMENT_LOCAL = (BASE + "id/statement/", BASE + "id/doc/")


class StoreError(GraphbuildError):
    """A store folder that cannot be opened or written."""

    exit_code = 4


class StoreLockedError(StoreError):
    """Another build holds the store's lock."""


def is_store(path: str | os.PathLike) -> bool:
    """Whether ``path`` is a pyoxigraph store folder (RocksDB keeps a ``CURRENT`` file there)."""
    return (Path(path) / "CURRENT").is_file()


def document_graph(doc_id: str) -> ox.NamedNode:
    """The named graph of document ``doc_id``: its document IRI (``gbdoc:<id>``)."""
    from .serialize import document_iri

    return ox.NamedNode(str(document_iri(doc_id)))


def content_hash(*parts: str | None) -> str:
    """A short stable hash of ``parts`` (document fields plus the pipeline's signature).

    >>> content_hash("d1", "Text.", None) == content_hash("d1", "Text.", None) != content_hash("d1", "Text!", None)
    True
    """
    digest = hashlib.blake2b(digest_size=16)
    for part in parts:
        digest.update(b"\x00" if part is None else part.encode("utf-8", "surrogatepass") + b"\x1f")
    return digest.hexdigest()


def open_store(path: str | os.PathLike, *, read_only: bool = True) -> ox.Store:
    """Open the pyoxigraph store of store folder ``path``.

    ``read_only=True`` (the default, for ``query``/``view``/``export``) works while a
    build writes; it sees the store as it was when opened. Query the union of all
    documents with ``GRAPH ?g { ... }`` or ``store.query(q, use_default_graph_as_union=True)``.

    Raises
    ------
    StoreError
        ``path`` holds no graphbuild store, or the store is locked by a writer.
    """
    location = Path(path)
    if not is_store(location):
        raise StoreError("no graphbuild store here", where=str(path),
                         hint="create one with: graphbuild build INPUTS --store DIR")
    try:
        return ox.Store.read_only(str(location)) if read_only else ox.Store(str(location))
    except (OSError, RuntimeError) as err:  # RuntimeError: a store still being created
        raise _store_error(err, path) from err


def _lower_background_priority(niceness: int) -> int:
    """Give RocksDB's background threads in this process (``rocksdb:low``, ``rocksdb:high``)
    the nice value ``niceness``; returns how many threads were changed.

    Linux only (elsewhere, or without ``/proc``, nothing changes): nice values are per
    thread there, and raising one needs no privilege. RocksDB starts these threads once per
    process, when the first store opens.
    """
    changed = 0
    try:
        threads = os.listdir("/proc/self/task")
    except OSError:
        return 0
    for tid in threads:
        try:
            with open(f"/proc/self/task/{tid}/comm", encoding="utf-8") as comm:
                if not comm.read().startswith("rocksdb:"):
                    continue
            if os.getpriority(os.PRIO_PROCESS, int(tid)) < niceness:
                os.setpriority(os.PRIO_PROCESS, int(tid), niceness)
                changed += 1
        except OSError:  # the thread ended, or lowering is refused: leave it be
            continue
    return changed


def _store_error(err: Exception, path: str | os.PathLike) -> StoreError:
    text = str(err).splitlines()[0] if str(err) else type(err).__name__
    if "lock" in text.casefold():
        return StoreLockedError("store is open for writing in another process", where=str(path),
                                hint="wait for the other build to finish")
    return StoreError(f"cannot open store: {text}", where=str(path))


class _Lock:
    """An exclusive advisory lock on ``DIR/graphbuild.lock`` that names its holder."""

    def __init__(self, folder: Path, wait: float | None):
        self.path = folder / LOCK_FILE
        self.wait = wait
        self.handle: IO[str] | None = None

    def acquire(self) -> None:
        try:
            import fcntl
        except ImportError:  # Windows: RocksDB's own lock still refuses a second writer
            return
        handle = open(self.path, "a+", encoding="utf-8")
        deadline = None if self.wait is None else time.monotonic() + self.wait
        told = False
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                holder = self._holder()
                if deadline is not None and time.monotonic() >= deadline:
                    handle.close()
                    raise StoreLockedError(f"another build ({holder}) is writing this store",
                                           where=str(self.path.parent),
                                           hint="wait for it to finish, or pass --wait SECONDS") from None
                if not told:
                    log.warning("%s: another build (%s) is writing this store; waiting for it",
                                self.path.parent, holder)
                    told = True
                time.sleep(0.2)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}\n")
        handle.flush()
        self.handle = handle

    def _holder(self) -> str:
        try:
            return self.path.read_text(encoding="utf-8").strip() or "unknown process"
        except OSError:
            return "unknown process"

    def release(self) -> None:
        if self.handle is not None:
            import fcntl

            fcntl.flock(self.handle.fileno(), fcntl.LOCK_UN)
            self.handle.close()
            self.handle = None


class GraphStore:
    """A store folder opened for writing by one build at a time.

    Parameters
    ----------
    path : path
        The store folder; created if missing.
    wait : float, optional
        Seconds to wait for another build's lock (None: as long as it takes, with a
        warning; 0: fail at once with :class:`StoreLockedError`).

    Notes
    -----
    :meth:`write` picks the loader: ``bulk_load`` (fast, not transactional) while the
    store was empty when opened, ``load`` (one transaction per call, hash records
    included) once it held data. Both keep the record-after-data order, so either is
    safe against ``kill -9``.
    """

    def __init__(self, path: str | os.PathLike, *, wait: float | None = None):
        self.path = Path(path)
        if self.path.exists() and not self.path.is_dir():
            raise StoreError("store path exists and is not a folder", where=str(self.path))
        if self.path.is_dir() and not is_store(self.path) and any(p.name != LOCK_FILE for p in self.path.iterdir()):
            raise StoreError("folder is not empty and holds no graphbuild store", where=str(self.path),
                             hint="give a new or empty folder, or an existing store")
        self.path.mkdir(parents=True, exist_ok=True)
        self._lock = _Lock(self.path, wait)
        self._lock.acquire()
        try:
            self.store = ox.Store(str(self.path))
        except OSError as err:
            self._lock.release()
            raise _store_error(err, self.path) from err
        self.fresh = next(iter(self.store.quads_for_pattern(None, None, None, None)), None) is None
        if lowered := _lower_background_priority(COMPACTION_NICENESS):
            log.debug("RocksDB: %d background threads at nice %d", lowered, COMPACTION_NICENESS)

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Flush to disk and release the lock (again: nothing)."""
        if not hasattr(self, "store"):
            return
        try:
            self.store.flush()
        finally:
            del self.store
            self._lock.release()

    def recorded_hash(self, doc_id: str) -> str | None:
        """The content hash recorded for ``doc_id``, or None when it is not (completely) stored."""
        for quad in self.store.quads_for_pattern(document_graph(doc_id), CONTENT_HASH, None, META_GRAPH):
            return quad.object.value
        return None

    def write(self, documents: Iterable[tuple[str, str, bytes]]) -> None:
        """Store a batch of documents: ``(doc_id, content_hash, n_quads)``.

        ``n_quads`` holds the document's triples as N-Quads in its own graph
        (:func:`document_graph`), plus any lines for the shared default graph. A
        document stored before is replaced: its record goes first, then its graph, then
        the new triples and, last, the new record.
        """
        batch = list(documents)
        if not batch:
            return
        records = [ox.Quad(document_graph(doc_id), CONTENT_HASH, ox.Literal(digest), META_GRAPH)
                   for doc_id, digest, _ in batch]
        data = b"".join(quads for _, _, quads in batch)
        if self.fresh:
            # Nothing to replace: the fast loader, then the records in one transaction.
            self._load(self.store.bulk_load, data)
            self.store.extend(records)
            return
        for record in records:
            for quad in list(self.store.quads_for_pattern(record.subject, CONTENT_HASH, None, META_GRAPH)):
                self.store.remove(quad)
            self.store.clear_graph(record.subject)
        # Triples and records in one transaction.
        self._load(self.store.load, data + ox.serialize(records, format=ox.RdfFormat.N_QUADS))

    def _load(self, loader, data: bytes) -> None:
        try:
            loader(data, format=ox.RdfFormat.N_QUADS)
        except SyntaxError as err:
            raise StoreError(f"invalid N-Quads for the store: {str(err).splitlines()[0]}", where=str(self.path)) from err
        except OSError as err:
            raise StoreError(f"cannot write to the store: {err}", where=str(self.path)) from err

    def optimize(self) -> None:
        """Compact the store (smaller and faster to query after a big build)."""
        self.store.optimize()

    def actors(self) -> int:
        """How many actor nodes the store describes (all documents, not only this run's)."""
        query = ("SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a ?type "
                 f"FILTER(STRSTARTS(STR(?a), \"{BASE}id/actor/\")) }}")
        return int(next(iter(self.store.query(query)))["n"].value)

    def documents(self) -> int:
        """How many documents are recorded as completely stored."""
        return sum(1 for _ in self.store.quads_for_pattern(None, CONTENT_HASH, None, META_GRAPH))


def data_graphs(store: ox.Store) -> Iterator[ox.NamedNode]:
    """The store's document graphs (every named graph but :data:`META_GRAPH`), sorted."""
    return iter(sorted((g for g in store.named_graphs() if g != META_GRAPH), key=lambda g: g.value))


def union_triples(store: ox.Store) -> Iterator[ox.Triple]:
    """Every triple of the store once (shared descriptions, then each document graph), streamed.

    Triples about document-local nodes (statements, evidence, mentions, the document)
    cannot repeat across graphs; the direct edges that can are deduplicated with a set
    that grows with the number of distinct edges, not with the text.
    """
    yield from (q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    seen: set[ox.Triple] = set()
    for graph in data_graphs(store):
        for quad in store.quads_for_pattern(None, None, None, graph):
            subject = quad.subject
            if isinstance(subject, ox.NamedNode) and subject.value.startswith(_DOCUMENT_LOCAL):
                yield quad.triple
                continue
            triple = quad.triple
            if triple not in seen:
                seen.add(triple)
                yield triple


def _data_quads(store: ox.Store) -> Iterator[ox.Quad]:
    yield from store.quads_for_pattern(None, None, None, ox.DefaultGraph())
    for graph in data_graphs(store):
        yield from store.quads_for_pattern(None, None, None, graph)


def export(store: ox.Store, output: IO[bytes] | str | os.PathLike, format: str = "ttl") -> None:
    """Stream the store's documents to ``output`` in ``format`` (see :data:`EXPORT_FORMATS`).

    ``nq``/``trig`` keep the shared default graph and one named graph per document;
    ``ttl``/``nt`` write the union.
    The bookkeeping graph :data:`META_GRAPH` is left out.
    """
    try:
        rdf_format, named = EXPORT_FORMATS[format]
    except KeyError:
        raise StoreError(f"unknown export format {format!r}", hint="use one of " + ", ".join(EXPORT_FORMATS)) from None
    items = _data_quads(store) if named else union_triples(store)
    prefixes = PREFIXES if rdf_format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG) else None
    ox.serialize(items, output, rdf_format, prefixes=prefixes)
