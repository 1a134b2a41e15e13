"""SHACL validation of graphs and data files against ``ontologies/shapes.ttl`` (pyshacl).

pyshacl's own report is a graph; :func:`validate` turns it into a list of
:class:`Violation` (focus node, path, message, value) with IRIs shortened by the
graphbuild prefixes, so that a failure reads like ``gbs:1a2b gb:modality: Value
"maybe" not in list [...]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import RDF, Dataset, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import SH

from .vocab import PREFIXES

__all__ = ["ValidationReport", "Violation", "shorten", "validate"]


def shorten(term) -> str:
    """``gb:subject`` for a term in a graphbuild prefix, else its N-Triples form.

    >>> shorten(URIRef("https://w3id.org/graphbuild/ontology#subject"))
    'gb:subject'
    >>> shorten(Literal("maybe"))
    '"maybe"'
    """
    if isinstance(term, URIRef):
        text = str(term)
        best = max((ns for ns in PREFIXES.values() if text.startswith(ns)), key=len, default=None)
        if best is not None:
            prefix = next(p for p, ns in PREFIXES.items() if ns == best)
            return f"{prefix}:{text[len(best):]}"
    if isinstance(term, (URIRef, Literal)):
        return term.n3()
    return f"[{term}]" if term is not None else ""


@dataclass(frozen=True, slots=True)
class Violation:
    """One SHACL result: what (focus node and path) broke which rule (message), with which value."""

    focus: str
    path: str | None
    message: str
    severity: str = "Violation"
    value: str | None = None
    shape: str | None = None

    def __str__(self) -> str:
        where = f"{self.focus} {self.path}" if self.path else self.focus
        value = f" (value {self.value})" if self.value and self.value not in self.message else ""
        level = "" if self.severity == "Violation" else f"[{self.severity}] "
        return f"{level}{where}: {self.message}{value}"


@dataclass(frozen=True, slots=True)
class ValidationReport:
    """Whether a graph conforms, and its violations sorted by focus node and path."""

    conforms: bool
    violations: tuple[Violation, ...] = ()
    triples: int = 0
    text: str = field(default="", repr=False)

    def __bool__(self) -> bool:
        return self.conforms

    def __str__(self) -> str:
        if self.conforms:
            return f"conforms ({self.triples} triples)"
        lines = [f"{len(self.violations)} SHACL violation(s) in {self.triples} triples:"]
        lines += [f"  {v}" for v in self.violations]
        return "\n".join(lines)


def _path(results: Graph, node) -> str | None:
    """A SHACL property path as text: ``gb:x``, ``a|b`` (alternatives), ``a/b``, ``^a``."""
    if node is None:
        return None
    if isinstance(node, URIRef):
        return shorten(node)
    alternatives = results.value(node, SH.alternativePath)
    if alternatives is not None:
        return "|".join(_path(results, n) or "?" for n in Collection(results, alternatives))
    inverse = results.value(node, SH.inversePath)
    if inverse is not None:
        return "^" + (_path(results, inverse) or "?")
    if results.value(node, RDF.first) is not None:
        return "/".join(_path(results, n) or "?" for n in Collection(results, node))
    return shorten(node)


def _shapes_graph() -> Graph:
    from ..resources import ontology_graph

    return ontology_graph("shapes.ttl")


def _as_graph(graph: Graph) -> Graph:
    """A single graph for pyshacl: a dataset's union (pyshacl would check each graph alone)."""
    if isinstance(graph, Dataset):
        union = Graph()
        union.addN((s, p, o, union) for s, p, o in graph.triples((None, None, None)))
        return union
    return graph


def validate(graph: Graph, *, shapes: Graph | None = None) -> ValidationReport:
    """Check ``graph`` against graphbuild's SHACL shapes.

    Parameters
    ----------
    graph : rdflib.Graph or rdflib.Dataset
        A graph graphbuild wrote (e.g. from :func:`graphbuild.rdf.read.load_graph`),
        or a data file such as ``actors.ttl``. A dataset is checked as the union of
        its graphs.
    shapes : rdflib.Graph, optional
        Shapes to use instead of the packaged ``shapes.ttl``.

    Returns
    -------
    ValidationReport
        ``conforms`` and readable :class:`Violation` s.

    Examples
    --------
    >>> from graphbuild.rdf.serialize import to_rdf
    >>> from graphbuild.extract.model import Actor, Relation, Statement
    >>> st = Statement("d1", "Russia paused talks.", (0, 20), Actor("Russia", "Russia", "Q159", "Country"),
    ...                Relation("paused", "pause", 7, 13), Actor("talks", "talks", start=14, end=19))
    >>> validate(to_rdf([st])).conforms
    True
    """
    import pyshacl

    data = _as_graph(graph)
    conforms, results, text = pyshacl.validate(
        data,
        shacl_graph=shapes if shapes is not None else _shapes_graph(),
        inference="none",
        allow_infos=True,
        allow_warnings=True,
        inplace=True,
    )
    violations = []
    for result in results.subjects(SH.resultSeverity, None):
        messages = sorted(str(m) for m in results.objects(result, SH.resultMessage))
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        severity = results.value(result, SH.resultSeverity)
        violations.append(
            Violation(
                focus=shorten(results.value(result, SH.focusNode)),
                path=_path(results, path),
                message="; ".join(messages) or "violates a shape",
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
                value=shorten(value) if value is not None else None,
                shape=shorten(results.value(result, SH.sourceShape)),
            )
        )
    violations.sort(key=lambda v: (v.focus, v.path or "", v.message))
    return ValidationReport(bool(conforms), tuple(violations), len(data), text)
