"""The only module that reads the packaged data: ontologies and named queries.

``ontologies/`` sits at the top of the repository and ships inside the wheel as
``graphbuild.ontologies``; files are read lazily and cached, never at import.
"""

from __future__ import annotations

import functools
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

__all__ = ["ontology_file", "ontology_graph", "example_path", "query_files", "viewer_asset"]


@functools.cache
def _ontologies() -> Traversable:
    try:
        return resources.files("graphbuild.ontologies")
    except ModuleNotFoundError:
        # Running from a source checkout that is not installed: the top-level folder.
        return Path(__file__).resolve().parent.parent / "ontologies"


def ontology_file(name: str) -> Traversable:
    """The packaged ontology file ``name`` (e.g. ``"actors.ttl"``)."""
    path = _ontologies() / name
    if not path.is_file():
        raise FileNotFoundError(f"graphbuild ships no ontology file {name!r}")
    return path


@functools.cache
def ontology_graph(*names: str):
    """The named ontology files parsed into one ``rdflib.Graph`` (cached; do not mutate)."""
    import rdflib

    graph = rdflib.Graph()
    for name in names:
        graph.parse(data=ontology_file(name).read_text(encoding="utf-8"), format="turtle")
    return graph


def example_path() -> Traversable:
    """The bundled example article, written for the project."""
    return resources.files("graphbuild.data") / "example.txt"


@functools.cache
def viewer_asset(name: str) -> str:
    """Text of a viewer asset in ``graphbuild/viewer/`` (template, script, style), cached."""
    return (resources.files("graphbuild.viewer") / name).read_text(encoding="utf-8")


def query_files() -> dict[str, Traversable]:
    """Named SPARQL queries shipped in ``graphbuild/queries/*.rq``, by name."""
    folder = resources.files("graphbuild.queries")
    return {p.name[:-3]: p for p in folder.iterdir() if p.name.endswith(".rq")}
