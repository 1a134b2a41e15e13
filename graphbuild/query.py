"""SPARQL over graphbuild graphs: Turtle/TriG files, rdflib graphs or an Oxigraph store.

:func:`run` answers SELECT, ASK, CONSTRUCT and DESCRIBE queries with a
:class:`QueryResult` that formats itself as an aligned table, CSV, SPARQL
results JSON or Turtle. Values are bound, never spliced into the query text:
Oxigraph's ``substitutions`` or rdflib's ``initBindings``. Named queries ship
as ``graphbuild/queries/*.rq``; their header comment documents the parameters.

Two engines answer the same queries: Oxigraph (``pyoxigraph``, the default for
files and stores, several times faster, see ``python -m graphbuild.bench.sparql``)
and rdflib (the default for an rdflib graph already in memory).

>>> import rdflib
>>> g = rdflib.Graph().parse(data='''
...     @prefix gb: <https://w3id.org/graphbuild/ontology#> .
...     <urn:x:ru> a gb:Country ; <http://www.w3.org/2000/01/rdf-schema#label> "Russia" .
... ''', format="turtle")
>>> print(run(g, "SELECT ?a ?name WHERE { ?a a gb:Country ; rdfs:label ?name }").format("table"))
a           name
----------  ------
<urn:x:ru>  Russia
(1 row)
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import rdflib
from rdflib.namespace import XSD
from rdflib.term import BNode, Literal, Node, URIRef, Variable

from .errors import GraphbuildError, InputError, QueryError, RDFSyntaxError
from .rdf.vocab import PREFIXES

__all__ = [
    "ENGINES",
    "FORMATS",
    "NamedQuery",
    "Param",
    "QueryResult",
    "load_source",
    "named_queries",
    "run",
    "run_named",
    "to_term",
]

log = logging.getLogger(__name__)

#: Query engines, fastest first (see ``graphbuild.bench.sparql``).
ENGINES = ("oxigraph", "rdflib")
#: Output formats of :meth:`QueryResult.format`.
FORMATS = ("table", "csv", "json", "ttl")

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
#: File suffixes read as RDF, with their Oxigraph and rdflib format names.
_RDF_SUFFIXES = {
    ".ttl": ("TURTLE", "turtle"),
    ".trig": ("TRIG", "trig"),
    ".nt": ("N_TRIPLES", "nt"),
    ".nq": ("N_QUADS", "nquads"),
    ".rdf": ("RDF_XML", "xml"),
    ".owl": ("RDF_XML", "xml"),
}


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class QueryResult:
    """The answer to one query, independent of the engine that computed it.

    ``kind`` is ``"select"`` (``variables`` and ``rows``), ``"ask"``
    (``boolean``) or ``"graph"`` for CONSTRUCT and DESCRIBE (``triples``).
    Terms are rdflib terms; an unbound cell is ``None``.
    """

    kind: str
    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[tuple[Node, Node, Node], ...] = ()

    def __len__(self) -> int:
        return len(self.triples) if self.kind == "graph" else len(self.rows)

    def __iter__(self) -> Iterator[tuple]:
        return iter(self.triples if self.kind == "graph" else self.rows)

    def __bool__(self) -> bool:
        return bool(self.boolean) if self.kind == "ask" else len(self) > 0

    def records(self) -> list[dict[str, Any]]:
        """SELECT rows as dicts of Python values (``Literal.toPython()``, IRIs as strings).

        >>> QueryResult("select", ("n",), ((Literal(3),),)).records()
        [{'n': 3}]
        """
        if self.kind != "select":
            raise QueryError(f"records() needs a SELECT result, not {self.kind.upper()}")
        return [{v: _python(t) for v, t in zip(self.variables, row)} for row in self.rows]

    def graph(self) -> rdflib.Graph:
        """CONSTRUCT/DESCRIBE triples as an rdflib graph with graphbuild's prefixes bound."""
        if self.kind != "graph":
            raise QueryError(f"graph() needs a CONSTRUCT or DESCRIBE result, not {self.kind.upper()}")
        out = rdflib.Graph(bind_namespaces="none")
        for prefix, iri in PREFIXES.items():
            out.bind(prefix, iri)
        for triple in self.triples:
            out.add(triple)
        return out

    def without(self, names: Iterable[str]) -> QueryResult:
        """The same result without the columns ``names`` (e.g. bound parameters)."""
        drop = set(names)
        if self.kind != "select" or not drop & set(self.variables):
            return self
        keep = [i for i, v in enumerate(self.variables) if v not in drop]
        return QueryResult(
            "select",
            tuple(self.variables[i] for i in keep),
            tuple(tuple(row[i] for i in keep) for row in self.rows),
        )

    def format(self, fmt: str = "table", *, max_width: int | None = 60) -> str:
        """The result as text: ``table`` (aligned, for people), ``csv``, ``json``
        (SPARQL 1.1 results JSON; JSON-LD for graphs) or ``ttl`` (graphs only).

        ``max_width`` shortens long table cells (``None``: never).
        """
        if fmt == "table":
            return _table(self, max_width)
        if fmt == "csv":
            return _csv(self)
        if fmt == "json":
            return _json(self)
        if fmt == "ttl":
            if self.kind != "graph":
                raise QueryError(
                    f"Turtle output needs a CONSTRUCT or DESCRIBE query, not {self.kind.upper()}",
                    hint="use --format table, csv or json",
                )
            return self.graph().serialize(format="turtle")
        raise QueryError(f"unknown output format {fmt!r}", hint=f"choose one of {', '.join(FORMATS)}")

    def _repr_html_(self) -> str:
        """Jupyter shows SELECT results as an HTML table."""
        import html

        if self.kind == "ask":
            return f"<p><b>{str(self.boolean).lower()}</b></p>"
        head = ("subject", "predicate", "object") if self.kind == "graph" else self.variables
        cells = "".join(f"<th>{html.escape(h)}</th>" for h in head)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(_short(t))}</td>" for t in row) + "</tr>" for row in self
        )
        return f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table><p>{_count(self)}</p>"


def _python(term: Node | None) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        return term.toPython()
    return str(term)


_FLOATS = {XSD.double, XSD.float, XSD.decimal}
_NAMESPACES = sorted(((iri, prefix) for prefix, iri in PREFIXES.items()), key=lambda p: -len(p[0]))


def _short(term: Node | None) -> str:
    """A compact display form: prefixed IRIs, literal values, ``_:`` blank nodes."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        if term.datatype in _FLOATS:
            return f"{term.toPython():.6g}"
        return str(term)
    if isinstance(term, BNode):
        return f"_:{term}"
    text = str(term)
    for iri, prefix in _NAMESPACES:
        if text.startswith(iri) and len(text) > len(iri):
            return f"{prefix}:{text[len(iri):]}"
    return f"<{text}>"


def _count(result: QueryResult) -> str:
    n = len(result)
    noun = "triple" if result.kind == "graph" else "row"
    return f"({n} {noun}{'' if n == 1 else 's'})"


def _table(result: QueryResult, max_width: int | None) -> str:
    if result.kind == "ask":
        return str(result.boolean).lower()
    head = ("subject", "predicate", "object") if result.kind == "graph" else result.variables

    def cell(term: Node | None) -> str:
        text = " ".join(_short(term).split())
        return text if max_width is None or len(text) <= max_width else text[: max_width - 1] + "…"

    body = [[cell(t) for t in row] for row in result]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(head)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(head, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in body]
    lines.append(_count(result))
    return "\n".join(lines)


def _csv(result: QueryResult) -> str:
    """SPARQL 1.1 CSV results: plain values, CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out)
    if result.kind == "ask":
        writer.writerow(["boolean"])
        writer.writerow([str(result.boolean).lower()])
        return out.getvalue()
    writer.writerow(("subject", "predicate", "object") if result.kind == "graph" else result.variables)
    for row in result:
        writer.writerow(["" if t is None else f"_:{t}" if isinstance(t, BNode) else str(t) for t in row])
    return out.getvalue()


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None:
        out["datatype"] = str(term.datatype)
    return out


def _json(result: QueryResult) -> str:
    """SPARQL 1.1 results JSON for SELECT/ASK; JSON-LD for graphs."""
    if result.kind == "graph":
        return result.graph().serialize(format="json-ld", context=dict(PREFIXES), indent=2)
    if result.kind == "ask":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)}, indent=2)
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows
    ]
    return json.dumps(
        {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}},
        indent=2,
        ensure_ascii=False,
    )


# --------------------------------------------------------------------------- sources


def load_source(source: Any, *, engine: str | None = None):
    """Open ``source`` for querying: a ``pyoxigraph.Store`` or an rdflib graph.

    Parameters
    ----------
    source : path, list of paths, rdflib.Graph or pyoxigraph.Store
        A directory is opened as an Oxigraph store (read-only); files
        (``.ttl .trig .nt .nq .rdf``) are loaded into memory.
    engine : {"oxigraph", "rdflib"}, optional
        Default: rdflib for an rdflib graph, Oxigraph for everything else.

    Raises
    ------
    InputError
        A missing file or a folder that is not an Oxigraph store.
    RDFSyntaxError
        A file that does not parse (with line and column).
    """
    import pyoxigraph as ox

    if engine not in (None, *ENGINES):
        raise QueryError(f"unknown engine {engine!r}", hint=f"choose one of {', '.join(ENGINES)}")
    if isinstance(source, ox.Store):
        return source if engine != "rdflib" else _store_to_rdflib(source)
    if isinstance(source, rdflib.Graph):
        return source if engine != "oxigraph" else _rdflib_to_store(source)
    paths = [Path(source)] if isinstance(source, (str, Path)) else [Path(p) for p in source]
    if not paths:
        raise InputError("no graph to query")
    for path in paths:
        if not path.exists():
            raise InputError("no such file or folder", where=str(path))
    if len(paths) == 1 and paths[0].is_dir():
        store = _open_store(paths[0])
        return store if engine != "rdflib" else _store_to_rdflib(store)
    if engine == "rdflib":
        dataset = rdflib.Dataset(default_union=True)
        for path in paths:
            _parse_rdflib(dataset, path)
        return dataset
    store = ox.Store()
    for path in paths:
        _bulk_load(store, path)
    return store


def _rdf_format(path: Path) -> tuple[str, str]:
    try:
        return _RDF_SUFFIXES[path.suffix.lower()]
    except KeyError:
        raise InputError(
            f"not an RDF file (suffix {path.suffix or 'missing'})",
            where=str(path),
            hint=f"use one of {' '.join(_RDF_SUFFIXES)} or an Oxigraph store folder",
        ) from None


def _open_store(path: Path):
    import pyoxigraph as ox

    try:
        return ox.Store.read_only(str(path))
    except OSError as err:
        raise InputError("not an Oxigraph store folder", where=str(path),
                         hint="pass a .ttl/.trig file or a folder written by oxigraph") from err


def _bulk_load(store, path: Path) -> None:
    """Load a file into the store's default graph.

    Named graphs (TriG, N-Quads) are merged: Oxigraph's union default graph keeps
    one copy of a triple per graph, so shared actor triples would repeat in answers.
    """
    import pyoxigraph as ox

    oxi_format, _ = _rdf_format(path)
    fmt = getattr(ox.RdfFormat, oxi_format)
    try:
        if fmt.supports_datasets:
            default = ox.DefaultGraph()
            store.bulk_extend(
                ox.Quad(q.subject, q.predicate, q.object, default) for q in ox.parse(path=str(path), format=fmt)
            )
        else:
            store.bulk_load(path=str(path), format=fmt)
    except SyntaxError as err:
        line, col = (err.lineno, err.offset) if err.lineno else (None, None)
        where = f"{path}:{line}:{col}" if line else str(path)
        raise RDFSyntaxError(str(err.msg).split("\n")[0], where=where) from err


def _parse_rdflib(dataset: rdflib.Dataset, path: Path) -> None:
    _, rdflib_format = _rdf_format(path)
    try:
        dataset.parse(str(path), format=rdflib_format)
    except SyntaxError as err:  # rdflib's Turtle parser raises BadSyntax, a SyntaxError
        line = getattr(err, "lines", None)
        where = f"{path}:{line + 1}" if isinstance(line, int) else str(path)
        raise RDFSyntaxError(str(getattr(err, "message", err)).split("\n")[0], where=where) from err


def _rdflib_to_store(graph: rdflib.Graph):
    """Copy an rdflib graph (a dataset as the union of its graphs) into an in-memory Oxigraph store."""
    import pyoxigraph as ox

    if isinstance(graph, rdflib.ConjunctiveGraph) and not graph.default_union:
        graph = rdflib.Dataset(store=graph.store, default_union=True)
    store = ox.Store()
    store.bulk_load(input=graph.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


def _store_to_rdflib(store) -> rdflib.Dataset:
    import pyoxigraph as ox

    data = io.BytesIO()
    store.dump(data, format=ox.RdfFormat.N_QUADS)
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(data=data.getvalue().decode("utf-8"), format="nquads")
    return dataset


# --------------------------------------------------------------------------- terms


def to_term(value: Any) -> Node:
    """A parameter value as an RDF term.

    rdflib terms pass through; ``"<iri>"`` and ``"prefix:local"`` with a
    graphbuild prefix (``"wd:Q159"``) become IRIs; other strings, numbers and
    booleans become literals.

    >>> to_term("wd:Q159")
    rdflib.term.URIRef('http://www.wikidata.org/entity/Q159')
    >>> to_term("<https://example.org/x>")
    rdflib.term.URIRef('https://example.org/x')
    >>> to_term("Russia")
    rdflib.term.Literal('Russia')
    """
    if isinstance(value, Node):
        return value
    if isinstance(value, str):
        if value.startswith("<") and value.endswith(">") and len(value) > 2:
            return URIRef(value[1:-1])
        prefix, sep, local = value.partition(":")
        if sep and prefix in PREFIXES and " " not in local:
            return URIRef(PREFIXES[prefix] + local)
    return Literal(value)


def _to_oxigraph(term: Node):
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is not None:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def _from_oxigraph(term) -> Node | None:
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype in (_XSD_STRING, _RDF_LANGSTRING):
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    return Literal(str(term))  # RDF-star triple terms: shown, not decomposed


# --------------------------------------------------------------------------- running


def run(
    source: Any,
    sparql: str,
    *,
    bindings: Mapping[str, Any] | None = None,
    engine: str | None = None,
    origin: str = "query",
) -> QueryResult:
    """Answer one SPARQL 1.1 query over ``source``.

    Parameters
    ----------
    source : path, list of paths, rdflib.Graph or pyoxigraph.Store
        See :func:`load_source`. TriG named graphs are queried as one union.
    sparql : str
        The query. graphbuild's prefixes (``gb:``, ``gbr:``, ``wd:``, ``rdfs:`` ...)
        are predeclared.
    bindings : mapping, optional
        Variable name → value, bound by the engine (see :func:`to_term`). With
        Oxigraph a bound variable must be projected by a SELECT; other queries
        with bindings are answered by rdflib.
    engine : {"oxigraph", "rdflib"}, optional
        Default: see :func:`load_source`.
    origin : str
        Where the query came from (a file name), for error messages.

    Returns
    -------
    QueryResult

    Raises
    ------
    QueryError
        Malformed SPARQL, with line and column.

    Examples
    --------
    >>> import rdflib
    >>> g = rdflib.Graph().parse(data='<urn:a> <urn:p> "x" .', format="nt")
    >>> bool(run(g, "ASK { ?s ?p ?o }"))
    True
    >>> run(g, "SELECT ?s ?o WHERE { ?s ?p ?o }", bindings={"o": "y"}, engine="oxigraph").rows
    ()
    >>> run(g, "SELECT ?s WHERE { ?s ?p }")
    Traceback (most recent call last):
    ...
    graphbuild.errors.QueryError: query:1:19: malformed SPARQL: Expected SelectQuery (near "?s ?p }")
    """
    graph = load_source(source, engine=engine)
    terms = {str(k).lstrip("?$"): to_term(v) for k, v in (bindings or {}).items()}
    if isinstance(graph, rdflib.Graph):
        return _run_rdflib(graph, sparql, terms, origin)
    return _run_oxigraph(graph, sparql, terms, origin)


def _run_oxigraph(store, sparql: str, terms: dict[str, Node], origin: str) -> QueryResult:
    import pyoxigraph as ox

    substitutions = {ox.Variable(k): _to_oxigraph(v) for k, v in terms.items()}
    try:
        answer = store.query(
            sparql,
            prefixes=PREFIXES,
            use_default_graph_as_union=True,
            substitutions=substitutions or None,
        )
    except SyntaxError as err:
        raise _syntax_error(sparql, str(err), origin) from err
    except RuntimeError as err:
        if substitutions and "projection" in str(err):
            # Oxigraph substitutes only projected SELECT variables; rdflib binds anywhere.
            log.info("%s: binding %s with rdflib (not projected by a SELECT)", origin, ", ".join(terms))
            return _run_rdflib(_store_to_rdflib(store), sparql, terms, origin)
        raise QueryError(str(err).split("\n")[0], where=origin) from err
    except OSError as err:
        raise QueryError(f"query failed: {err}", where=origin) from err
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        names = tuple(v.value for v in answer.variables)
        rows = tuple(tuple(_from_oxigraph(s[i]) for i in range(len(names))) for s in answer)
        return QueryResult("select", names, rows)
    triples = tuple(
        (_from_oxigraph(t.subject), _from_oxigraph(t.predicate), _from_oxigraph(t.object)) for t in answer
    )
    return QueryResult("graph", triples=triples)


def _run_rdflib(graph: rdflib.Graph, sparql: str, terms: dict[str, Node], origin: str) -> QueryResult:
    from pyparsing import ParseException

    if isinstance(graph, rdflib.ConjunctiveGraph) and not graph.default_union:
        graph = rdflib.Dataset(store=graph.store, default_union=True)
    try:
        answer = graph.query(
            sparql, initNs=PREFIXES, initBindings={Variable(k): v for k, v in terms.items()}
        )
    except ParseException as err:
        raise QueryError(
            f"malformed SPARQL: {err.msg}{_near(sparql, err.lineno, err.col)}",
            where=f"{origin}:{err.lineno}:{err.col}",
        ) from err
    except GraphbuildError:
        raise
    except Exception as err:  # rdflib raises bare Exception for unknown prefixes
        if type(err) is not Exception:
            raise
        raise QueryError(f"malformed SPARQL: {err}", where=origin) from err
    if answer.type == "ASK":
        return QueryResult("ask", boolean=bool(answer.askAnswer))
    if answer.type == "SELECT":
        names = tuple(str(v) for v in answer.vars)
        rows = tuple(tuple(row[i] for i in range(len(names))) for row in answer)
        return QueryResult("select", names, rows)
    return QueryResult("graph", triples=tuple(answer))


_POSITION = re.compile(r"error at (\d+):(\d+): (.*)", re.DOTALL)


def _syntax_error(sparql: str, message: str, origin: str) -> QueryError:
    """Oxigraph's "error at L:C: expected one of A, B, ..." as a one-line QueryError."""
    found = _POSITION.match(message)
    if not found:
        return QueryError(f"malformed SPARQL: {message.splitlines()[0]}", where=origin)
    line, col, detail = int(found[1]), int(found[2]), " ".join(found[3].split())
    if "Prefix not found" in detail:
        detail = "undeclared prefix"
    elif len(detail) > 80:
        detail = detail[:77].rsplit(",", 1)[0] + ", ..."
    return QueryError(f"malformed SPARQL: {detail}{_near(sparql, line, col)}", where=f"{origin}:{line}:{col}")


def _near(sparql: str, line: int, col: int) -> str:
    lines = sparql.splitlines()
    if not 1 <= line <= len(lines):
        return ""
    snippet = lines[line - 1][max(col - 1, 0):].strip()[:30]
    return f' (near "{snippet}")' if snippet else " (at the end of the line)"


# --------------------------------------------------------------------------- named queries


@dataclass(frozen=True)
class Param:
    """A parameter of a named query: ``# param NAME[ = DEFAULT]: description``."""

    name: str
    description: str
    default: str | None = None


@dataclass(frozen=True)
class NamedQuery:
    """A query shipped in ``graphbuild/queries/NAME.rq``.

    The header comment gives a one-line ``summary`` (first line), free text,
    and one ``# param NAME[ = DEFAULT]: description`` line per parameter.
    """

    name: str
    summary: str
    text: str
    params: tuple[Param, ...] = field(default=())

    @classmethod
    def parse(cls, name: str, text: str) -> NamedQuery:
        """Read the header comment of a ``.rq`` file.

        >>> q = NamedQuery.parse("t", "# Things.\\n# param kind = Country: a type\\nSELECT ?kind {}")
        >>> q.summary, q.params
        ('Things.', (Param(name='kind', description='a type', default='Country'),))
        """
        summary, params = "", []
        for raw in text.splitlines():
            line = raw.strip()
            if not line.startswith("#"):
                if line:
                    break
                continue
            body = line.lstrip("#").strip()
            if body.startswith("param "):
                head, _, description = body[len("param "):].partition(":")
                pname, eq, default = head.partition("=")
                params.append(Param(pname.strip(), description.strip(), default.strip() if eq else None))
            elif body and not summary:
                summary = body
        return cls(name, summary, text, tuple(params))

    def bindings(self, values: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Checked parameter values, defaults filled in.

        Raises
        ------
        QueryError
            An unknown parameter or a missing required one.
        """
        values = dict(values or {})
        known = {p.name for p in self.params}
        unknown = sorted(set(values) - known)
        if unknown:
            raise QueryError(
                f"query {self.name!r} has no parameter {', '.join(unknown)}",
                hint=f"parameters: {', '.join(sorted(known)) or 'none'}",
            )
        out = {}
        for p in self.params:
            if p.name in values:
                out[p.name] = values[p.name]
            elif p.default is not None:
                out[p.name] = p.default
            else:
                raise QueryError(
                    f"query {self.name!r} needs --param {p.name}=VALUE", hint=p.description or None
                )
        return out


def named_queries() -> dict[str, NamedQuery]:
    """The named queries shipped with graphbuild, by name (sorted)."""
    from .resources import query_files

    files = query_files()
    return {name: NamedQuery.parse(name, files[name].read_text(encoding="utf-8")) for name in sorted(files)}


def run_named(
    source: Any, name: str, params: Mapping[str, Any] | None = None, *, engine: str | None = None
) -> QueryResult:
    """Run the named query ``name`` with ``params`` bound; parameter columns are dropped.

    Raises
    ------
    QueryError
        Unknown query name, unknown or missing parameter.
    """
    queries = named_queries()
    if name not in queries:
        raise QueryError(f"no named query {name!r}", hint="graphbuild query --list shows them")
    query = queries[name]
    values = query.bindings(params)
    result = run(source, query.text, bindings=values, engine=engine, origin=f"{name}.rq")
    return result.without(values)
