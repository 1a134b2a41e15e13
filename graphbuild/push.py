"""Loading a graph into a SPARQL 1.1 server: Oxigraph, Fuseki, Virtuoso, QLever, GraphDB...

Two standard protocols, no vendor code:

- ``gsp`` — the SPARQL 1.1 Graph Store HTTP Protocol: ``PUT``/``POST``
  ``ENDPOINT?graph=<document IRI>`` with an N-Triples body. ``ENDPOINT`` is the
  server's graph store URL (Oxigraph ``/store``, Fuseki ``/DATASET/data``,
  Virtuoso ``/sparql-graph-crud``).
- ``update`` — SPARQL 1.1 Update: ``DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }``
  POSTed to the update URL (Oxigraph ``/update``, Fuseki ``/DATASET/update``,
  Virtuoso ``/sparql``); several documents per request.

From a store each document graph is sent whole (it replaces the server's copy), in
batches of about ``batch_bytes``; the shared actor descriptions of the store's
default graph are added to the server's default graph. A state file records what the server has acknowledged
(graph and content hash), so an interrupted push resumes where it stopped and a later
push sends only documents added or changed since. Data are always N-Triples written by
pyoxigraph, so document text never reaches a request unescaped.
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .errors import GraphbuildError

__all__ = ["PROTOCOLS", "PushError", "PushReport", "push"]

log = logging.getLogger(__name__)

PROTOCOLS = ("gsp", "update")
#: Content types of the two protocols' request bodies.
_NTRIPLES = "application/n-triples"
_SPARQL_UPDATE = "application/sparql-update"
_RETRIES = 3


class PushError(GraphbuildError):
    """The server refused a request or could not be reached."""

    exit_code = 5


@dataclass
class PushReport:
    """What :func:`push` sent."""

    graphs: int = 0
    skipped: int = 0
    triples: int = 0
    requests: int = 0
    seconds: float = 0.0
    state: str = ""
    errors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"graphs": self.graphs, "skipped": self.skipped, "triples": self.triples,
                "requests": self.requests, "seconds": round(self.seconds, 3), "state": self.state}


@dataclass
class _Unit:
    """One graph to send: its name (None: the default graph), a version key, its triples."""

    name: ox.NamedNode | None
    key: str
    version: str
    triples: list[ox.Triple]


def _store_units(path: Path) -> Iterator[_Unit]:
    from .rdf.store import CONTENT_HASH, META_GRAPH, data_graphs, open_store

    store = open_store(path, read_only=True)
    shared = [q.triple for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph())]
    if shared:
        # Actor descriptions shared by all documents: added (never replaced), versioned by content.
        version = hashlib.blake2b(_ntriples(shared), digest_size=12).hexdigest()
        yield _Unit(None, "default", version, shared)
    for graph in data_graphs(store):
        record = next(iter(store.quads_for_pattern(graph, CONTENT_HASH, None, META_GRAPH)), None)
        version = record.object.value if record is not None else ""
        yield _Unit(graph, graph.value, version, [q.triple for q in store.quads_for_pattern(None, None, None, graph)])


def _file_units(path: Path, batch_triples: int) -> Iterator[_Unit]:
    """A graph file in slices: consecutive triples of one graph, at most ``batch_triples`` each."""
    digest = hashlib.blake2b(digest_size=12)
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    version = digest.hexdigest()
    try:
        quads = ox.parse(path=str(path))
    except ValueError as err:
        raise PushError(f"unknown RDF format: {err}", where=str(path), hint="use .ttl .nt .nq or .trig") from err
    name: ox.NamedNode | None = None
    triples: list[ox.Triple] = []
    index = 0
    try:
        for quad in quads:
            graph = None if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name
            if triples and (graph != name or len(triples) >= batch_triples):
                yield _Unit(name, f"{path.name}#{index}", version, triples)
                index, triples = index + 1, []
            name = graph
            triples.append(quad.triple)
    except SyntaxError as err:
        raise PushError(f"does not parse: {str(err).splitlines()[0]}", where=str(path)) from err
    if triples:
        yield _Unit(name, f"{path.name}#{index}", version, triples)


class _State:
    """Append-only JSON lines of acknowledged units: ``{"key": ..., "version": ...}``."""

    def __init__(self, path: Path):
        self.path = path
        self.done: dict[str, str] = {}
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    record = json.loads(line)
                    self.done[record["key"]] = record["version"]
                except (ValueError, KeyError, TypeError):
                    continue  # a line cut short by a crash
        self.handle = None

    def sent(self, unit: _Unit) -> bool:
        return self.done.get(unit.key) == unit.version

    def record(self, units: list[_Unit]) -> None:
        if self.handle is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.handle = open(self.path, "a", encoding="utf-8")
        for unit in units:
            self.handle.write(json.dumps({"key": unit.key, "version": unit.version}) + "\n")
            self.done[unit.key] = unit.version
        self.handle.flush()
        os.fsync(self.handle.fileno())

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()


class _Client:
    def __init__(self, endpoint: str, headers: dict[str, str], timeout: float):
        parsed = urllib.parse.urlsplit(endpoint)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise PushError(f"endpoint {endpoint!r} is not an http(s) URL")
        self.headers = dict(headers)
        if parsed.username is not None:
            credentials = f"{urllib.parse.unquote(parsed.username)}:{urllib.parse.unquote(parsed.password or '')}"
            self.headers.setdefault("Authorization", "Basic " + base64.b64encode(credentials.encode()).decode())
            parsed = parsed._replace(netloc=parsed.hostname + (f":{parsed.port}" if parsed.port else ""))
        self.endpoint = urllib.parse.urlunsplit(parsed)
        self.timeout = timeout
        self.requests = 0

    def send(self, method: str, url: str, body: bytes, content_type: str) -> None:
        headers = {**self.headers, "Content-Type": content_type}
        for attempt in range(1, _RETRIES + 1):
            request = urllib.request.Request(url, data=body, method=method, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    response.read()
                self.requests += 1
                return
            except urllib.error.HTTPError as err:
                detail = err.read(300).decode("utf-8", "replace").strip().splitlines()
                message = f"{method} {url} → HTTP {err.code} {err.reason}" + (f": {detail[0]}" if detail else "")
                if err.code < 500 or attempt == _RETRIES:
                    raise PushError(message, hint="run the same push again to resume") from err
            except (urllib.error.URLError, OSError) as err:
                reason = getattr(err, "reason", err)
                if attempt == _RETRIES:
                    raise PushError(f"cannot reach {self.endpoint}: {reason}",
                                    hint="run the same push again to resume") from err
            log.warning("request to %s failed (attempt %d of %d); retrying", self.endpoint, attempt, _RETRIES)
            time.sleep(0.5 * 2**attempt)


def _ntriples(triples: list[ox.Triple]) -> bytes:
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)


def push(
    source: str | os.PathLike,
    endpoint: str,
    *,
    protocol: str = "gsp",
    batch_bytes: int = 4 << 20,
    state: str | os.PathLike | None = None,
    headers: dict[str, str] | None = None,
    timeout: float = 120.0,
    restart: bool = False,
) -> PushReport:
    """Send a store (one graph per document) or a graph file to a SPARQL 1.1 server.

    Parameters
    ----------
    source : path
        A store folder (``graphbuild build --store``) or an RDF file (.ttl .nt .nq .trig).
    endpoint : str
        The Graph Store Protocol URL (``protocol="gsp"``) or the SPARQL Update URL
        (``protocol="update"``). ``user:password@`` in the URL becomes Basic auth.
    batch_bytes : int
        About this much N-Triples per request (a bigger graph goes in several).
    state : path, optional
        The resume file; default ``push-<hash of endpoint>.jsonl`` in the store folder, or
        beside the file.
    headers : dict, optional
        Extra HTTP headers (e.g. ``Authorization``).
    restart : bool
        Forget the resume file and send everything.

    Returns
    -------
    PushReport

    Raises
    ------
    PushError
        The server refused a request or could not be reached (after retries); what
        was acknowledged so far is recorded, so running again resumes.
    """
    if protocol not in PROTOCOLS:
        raise PushError(f"unknown protocol {protocol!r}", hint="use gsp or update")
    started = time.perf_counter()
    path = Path(source)
    from .rdf.store import is_store as _is_store

    is_store = _is_store(path)
    if not is_store and not path.is_file():
        raise PushError("no graphbuild store or RDF file here", where=str(path))
    client = _Client(endpoint, headers or {}, timeout)
    tag = hashlib.blake2b(f"{client.endpoint}|{protocol}".encode(), digest_size=6).hexdigest()
    state_path = Path(state) if state else (path / f"push-{tag}.jsonl" if is_store
                                            else path.with_name(f".{path.name}.push-{tag}.jsonl"))
    if restart and state_path.exists():
        state_path.unlink()
    ledger = _State(state_path)
    report = PushReport(state=str(state_path))
    # ~150 bytes per N-Triples line: slice files so one slice is about one request.
    units = _store_units(path) if is_store else _file_units(path, max(1, batch_bytes // 150))
    batch: list[_Unit] = []
    size = 0
    try:
        for unit in units:
            if ledger.sent(unit):
                report.skipped += 1
                continue
            data = _ntriples(unit.triples)
            report.triples += len(unit.triples)
            if protocol == "gsp":
                _send_gsp(client, unit, data, batch_bytes, replace=is_store and unit.name is not None)
                ledger.record([unit])
                report.graphs += 1
                continue
            batch.append((unit, data))
            size += len(data)
            if size >= batch_bytes:
                _send_update(client, batch, replace=is_store)
                ledger.record([u for u, _ in batch])
                report.graphs += len(batch)
                batch, size = [], 0
        if batch:
            _send_update(client, batch, replace=is_store)
            ledger.record([u for u, _ in batch])
            report.graphs += len(batch)
    finally:
        ledger.close()
        report.requests = client.requests
        report.seconds = time.perf_counter() - started
    return report


def _graph_url(client: _Client, name: ox.NamedNode | None) -> str:
    query = "default" if name is None else urllib.parse.urlencode({"graph": name.value})
    separator = "&" if "?" in client.endpoint else "?"
    return f"{client.endpoint}{separator}{query}"


def _send_gsp(client: _Client, unit: _Unit, data: bytes, batch_bytes: int, *, replace: bool) -> None:
    """One graph or file slice: a store's graph replaces the server's (``PUT``, then
    ``POST`` for further slices of a big one); file slices are added (``POST``)."""
    url = _graph_url(client, unit.name)
    if len(data) <= batch_bytes:
        client.send("PUT" if replace else "POST", url, data, _NTRIPLES)
        return
    lines = data.splitlines(keepends=True)
    start, method = 0, "PUT" if replace else "POST"
    while start < len(lines):
        chunk, size = [], 0
        while start < len(lines) and (not chunk or size + len(lines[start]) <= batch_bytes):
            chunk.append(lines[start])
            size += len(lines[start])
            start += 1
        client.send(method, url, b"".join(chunk), _NTRIPLES)
        method = "POST"


def _send_update(client: _Client, batch: list[tuple[_Unit, bytes]], *, replace: bool) -> None:
    """Several graphs in one SPARQL Update request; a store's graphs replace the server's."""
    parts: list[bytes] = []
    for unit, data in batch:
        if unit.name is None:
            parts.append(b"INSERT DATA {\n" + data + b"}")
            continue
        name = str(unit.name).encode()
        if replace:
            parts.append(b"DROP SILENT GRAPH " + name)
        parts.append(b"INSERT DATA { GRAPH " + name + b" {\n" + data + b"} }")
    client.send("POST", client.endpoint, b" ;\n".join(parts), _SPARQL_UPDATE)
