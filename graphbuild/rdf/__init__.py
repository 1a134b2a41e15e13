"""Statements as standards-grade RDF: write, read and validate graphs.

>>> from graphbuild.extract.model import Actor, Relation, Statement
>>> from graphbuild.rdf import to_rdf, validate
>>> st = Statement("d1", "Russia paused talks.", (0, 20), Actor("Russia", "Russia", "Q159", "Country"),
...                Relation("paused", "pause", 7, 13), Actor("talks", "talks", start=14, end=19))
>>> ds = to_rdf([st])
>>> [str(p).rsplit("/", 1)[1] for p in ds.predicates(mint_iri("actor", "Q159"), None) if "relation/" in p]
['pause']
>>> validate(ds).conforms
True

The layout is described in :mod:`graphbuild.rdf.serialize`, the vocabulary in
``ontologies/graphbuild.ttl`` (mirrored by :mod:`graphbuild.rdf.vocab`), the shapes in
``ontologies/shapes.ttl``.
"""

from .read import load_graph
from .serialize import mint_iri, to_rdf, write_graph, write_statements
from .validate import ValidationReport, validate

__all__ = ["ValidationReport", "load_graph", "mint_iri", "to_rdf", "validate", "write_graph", "write_statements"]
