"""The small facade notebooks use: one object to build or load, query, analyse, show and save a graph.

It composes the stage functions and adds nothing of its own; nothing runs at
import. ``rdf_graph()`` is the escape hatch to the rdflib dataset underneath.

>>> from graphbuild.extract.model import Actor, Relation, Statement
>>> st = Statement("d1", "Turkey met Russia.", (0, 18), Actor("Turkey", "Turkey", "Q43", "Country"),
...                Relation("met", "meet", 7, 10), Actor("Russia", "Russia", "Q159", "Country"))
>>> kg = KnowledgeGraph.from_statements([st])
>>> kg
<KnowledgeGraph 'graphbuild': 1 statements, 2 nodes>
>>> kg.query("SELECT ?l WHERE { ?a a gb:Country ; rdfs:label ?l } ORDER BY ?l").records()
[{'l': 'Russia'}, {'l': 'Turkey'}]
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import networkx as nx
import rdflib

from .extract.model import Statement
from .ingest import Document
from .query import QueryResult, named_queries, run, run_named

__all__ = ["KnowledgeGraph"]


class KnowledgeGraph:
    """A graphbuild graph: the RDF dataset, and the statements when built here.

    Parameters
    ----------
    graph : rdflib.Graph or rdflib.Dataset
        The RDF, as written by :func:`graphbuild.rdf.serialize.to_rdf`.
    statements : iterable of Statement, optional
        The statements the graph was made from, when known.
    documents : iterable of Document, optional
        Their documents (metadata; dates events the text does not date).
    name : str
        Shown in the viewer's title and in ``repr``.
    """

    def __init__(self, graph: rdflib.Graph, *, statements: Iterable[Statement] = (),
                 documents: Iterable[Document] = (), name: str = "graphbuild"):
        self._graph = graph
        self.statements: tuple[Statement, ...] = tuple(statements)
        self.documents: tuple[Document, ...] = tuple(documents)
        self.name = name
        self._store = None
        self._nx: nx.MultiDiGraph | None = None

    # ------------------------------------------------------------------ making one

    @classmethod
    def build(
        cls,
        inputs: str | os.PathLike | Iterable[str | os.PathLike] = (),
        *,
        text: str | None = None,
        doc_id: str = "text",
        published: str | None = None,
        model: str | None = None,
        skip_bad: bool = False,
        name: str = "graphbuild",
    ) -> KnowledgeGraph:
        """Run the pipeline over files and/or a text, in memory.

        Parameters
        ----------
        inputs : path or paths
            Anything ``graphbuild build`` reads (``.txt .md .html .jsonl .jsonl.gz``, folders).
        text : str, optional
            A text to add as one more document, with id ``doc_id``.
        published : str, optional
            ISO date for documents that carry none.
        model : str, optional
            spaCy pipeline; default as for ``graphbuild build``.
        skip_bad : bool
            Skip unreadable documents (e.g. corpus lines without text) with a warning.
        """
        from .errors import InputError
        from .ingest import iter_documents
        from .nlp import load_pipeline
        from .pipeline import process
        from .rdf.serialize import to_rdf

        paths = [inputs] if isinstance(inputs, (str, os.PathLike)) else list(inputs)
        documents: list[Document] = list(
            iter_documents([str(p) for p in paths], published=published, skip_bad=skip_bad)
        )
        if text is not None:
            documents.append(Document(doc_id, text, published=published))
        if not documents:
            raise InputError("nothing to build from: give inputs or text=")
        statements: list[Statement] = []
        kept: list[Document] = []
        for parsed in process(documents, load_pipeline(model)):
            statements.extend(parsed.statements)
            kept.append(parsed.document)
        return cls(to_rdf(statements, kept), statements=statements, documents=kept, name=name)

    @classmethod
    def example(cls, *, published: str | None = None) -> KnowledgeGraph:
        """The graph of the example article bundled with graphbuild."""
        from .resources import example_path

        return cls.build(Path(str(example_path())), published=published, name="graphbuild example")

    @classmethod
    def from_statements(cls, statements: Iterable[Statement], documents: Iterable[Document] = (), *,
                        name: str = "graphbuild") -> KnowledgeGraph:
        """A graph of statements already extracted (e.g. read from ``statements.jsonl``)."""
        from .rdf.serialize import to_rdf

        statements, documents = list(statements), list(documents)
        return cls(to_rdf(statements, documents), statements=statements, documents=documents, name=name)

    @classmethod
    def load(cls, path: str | os.PathLike | Iterable[str | os.PathLike], *, name: str | None = None) -> KnowledgeGraph:
        """Read graph files (``graph.ttl`` from ``graphbuild build``, TriG, N-Quads ...).

        Oxigraph parses (fast, with line and column in errors); the rdflib dataset is
        filled from it through N-Quads.
        """
        from .query import _store_to_rdflib, load_source

        paths = [path] if isinstance(path, (str, os.PathLike)) else list(path)
        store = load_source([str(p) for p in paths])
        kg = cls(_store_to_rdflib(store), name=name or Path(paths[0]).stem)
        kg._store = store
        return kg

    # ------------------------------------------------------------------ using one

    def rdf_graph(self) -> rdflib.Graph:
        """The rdflib dataset underneath (the escape hatch; do not mutate while querying)."""
        return self._graph

    def to_networkx(self) -> nx.MultiDiGraph:
        """The actor graph, see :func:`graphbuild.graph.to_networkx` (cached)."""
        from .graph import to_networkx

        if self._nx is None:
            if self.statements:
                self._nx = to_networkx(self.statements, documents=self.documents)
            else:
                self._nx = to_networkx(self._graph)
        return self._nx

    def _oxigraph(self):
        from .query import load_source

        if self._store is None:
            self._store = load_source(self._graph, engine="oxigraph")
        return self._store

    def query(self, sparql: str, *, bindings: Mapping[str, Any] | None = None) -> QueryResult:
        """Answer a SPARQL query; values in ``bindings`` are bound, not spliced. See :func:`graphbuild.query.run`."""
        return run(self._oxigraph(), sparql, bindings=bindings)

    def named(self, name: str, **params: Any) -> QueryResult:
        """Run a named query (:meth:`queries` lists them) with its parameters as keywords."""
        return run_named(self._oxigraph(), name, params)

    @staticmethod
    def queries() -> dict[str, str]:
        """The named queries and their one-line summaries."""
        return {name: q.summary for name, q in named_queries().items()}

    def stats(self, *, top: int = 10, seed: int | None = 0, things: bool = False) -> dict[str, Any]:
        """Centrality leaders, communities, dyads and sources: :func:`graphbuild.graph.summary`."""
        from .graph import summary

        return summary(self.to_networkx(), top=top, seed=seed, things=things)

    def show(self, *, max_nodes: int | None = None, height: int = 600):
        """The interactive viewer, inline in Jupyter (an ``IPython.display.HTML`` iframe)."""
        import html
        import tempfile

        from IPython.display import HTML

        from .view import render_html

        with tempfile.TemporaryDirectory() as folder:
            page = render_html(self.to_networkx(), Path(folder) / "graph.html", max_nodes=max_nodes, title=self.name)
            source = page.read_text(encoding="utf-8")
        return HTML(
            f'<div><iframe srcdoc="{html.escape(source, quote=True)}" style="width:100%;height:{int(height)}px;'
            f'border:1px solid #ddd" title="{html.escape(self.name)}"></iframe></div>'
        )

    def save(self, path: str | os.PathLike, format: str | None = None) -> Path:
        """Write the graph (format from the extension: ``.ttl .trig .nt .nq .jsonld``), atomically."""
        from .rdf.serialize import write_graph

        return write_graph(self._graph, path, format=format)

    def __len__(self) -> int:
        """Number of triples."""
        return len(self._graph)

    def __repr__(self) -> str:
        G = self.to_networkx()
        n_statements = G.number_of_edges() + sum(len(s or ()) for _, s in G.nodes(data="statements"))
        return f"<KnowledgeGraph {self.name!r}: {n_statements} statements, {G.number_of_nodes()} nodes>"
