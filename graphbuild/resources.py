"""The only module that reads the packaged data: ontologies and named queries.

``ontologies/`` sits at the top of the repository and ships inside the wheel as
``graphbuild.ontologies``; files are read lazily and cached, never at import.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
import tempfile
from collections.abc import Callable
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import TypeVar

__all__ = ["cache_dir", "compiled", "ontology_file", "ontology_graph", "example_path", "query_files",
           "viewer_asset"]

log = logging.getLogger(__name__)
T = TypeVar("T")


@functools.cache
def _ontologies() -> Traversable:
    # Running from a source checkout: its own top-level folder, also when an editable
    # install of another checkout maps ``graphbuild.ontologies`` elsewhere.
    checkout = Path(__file__).resolve().parent.parent / "ontologies"
    if (checkout / "graphbuild.ttl").is_file():
        return checkout
    return resources.files("graphbuild.ontologies")


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


def cache_dir() -> Path | None:
    """Where compiled ontology tables are kept: ``$GRAPHBUILD_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/graphbuild`` or ``~/.cache/graphbuild``; None when
    ``GRAPHBUILD_CACHE_DIR`` is set empty (no disk cache)."""
    chosen = os.environ.get("GRAPHBUILD_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "graphbuild"


@functools.cache
def _code_digest() -> bytes:
    """A hash of graphbuild's own source: compiled tables are stale when the code changes."""
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.digest()


def compiled(names: tuple[str, ...], build: Callable[[], T]) -> T:
    """``build()``, memoised on disk: tables compiled from the ontology files ``names``
    (the gazetteer, the lexicon) load in milliseconds instead of a second of Turtle parsing.

    The cache key hashes the files' bytes and graphbuild's source, so editing an ontology
    file (or the code) recompiles and replaces the table compiled before; a missing,
    unreadable or unwritable cache only costs the time of ``build()``.
    """
    folder = cache_dir()
    if folder is None:
        return build()
    digest = hashlib.sha256(pickle.format_version.encode())
    digest.update(_code_digest())
    what = f"{build.__module__}.{getattr(build, '__qualname__', type(build).__qualname__)}"
    digest.update(what.encode())
    for name in names:
        try:
            digest.update(name.encode() + b"\0" + ontology_file(name).read_bytes())
        except FileNotFoundError:
            digest.update(name.encode() + b"\0missing")
    path = folder / f"{what}.{digest.hexdigest()[:24]}.pickle"
    try:
        with open(path, "rb") as handle:
            return pickle.load(handle)
    except FileNotFoundError:
        pass
    except Exception as err:  # a damaged or foreign cache file: rebuild it
        log.debug("ignoring cache file %s: %s", path, err)
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, suffix=".tmp", delete=False) as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)  # atomic: parallel workers never read half a file
        for stale in folder.glob(f"{what}.*.pickle"):  # earlier versions' tables: never read again
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError as err:
        log.debug("cannot cache %s: %s", path, err)
    return value


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
