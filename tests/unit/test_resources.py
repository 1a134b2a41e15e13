"""Compiled ontology tables are cached on disk, keyed by the files' content."""

import pickle

import pytest

from graphbuild import resources
from graphbuild.events import Lexicon
from graphbuild.resolve import Gazetteer


@pytest.fixture
def ontology(tmp_path, monkeypatch):
    """A fake ontology file and a cache folder of the test's own."""
    folder = tmp_path / "ontologies"
    folder.mkdir()
    (folder / "toy.ttl").write_text("first version", encoding="utf-8")
    monkeypatch.setattr(resources, "_ontologies", lambda: folder)
    monkeypatch.setenv("GRAPHBUILD_CACHE_DIR", str(tmp_path / "cache"))
    return folder / "toy.ttl"


class Counter:
    """A build function that says how often it ran and what it read."""

    def __init__(self, source):
        self.source = source
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return {"text": self.source.read_text(encoding="utf-8"), "calls": self.calls}


def test_the_second_load_comes_from_the_cache(ontology):
    build = Counter(ontology)
    assert resources.compiled(("toy.ttl",), build) == {"text": "first version", "calls": 1}
    assert resources.compiled(("toy.ttl",), build) == {"text": "first version", "calls": 1}
    assert build.calls == 1


def test_editing_the_ontology_recompiles(ontology):
    build = Counter(ontology)
    resources.compiled(("toy.ttl",), build)
    ontology.write_text("second version", encoding="utf-8")
    assert resources.compiled(("toy.ttl",), build)["text"] == "second version"
    assert build.calls == 2
    # The first version's table is gone: the cache folder does not grow with every edit.
    [cached] = (ontology.parent.parent / "cache").iterdir()
    assert pickle.loads(cached.read_bytes())["text"] == "second version"


def test_a_damaged_cache_file_is_rebuilt(ontology, tmp_path):
    build = Counter(ontology)
    resources.compiled(("toy.ttl",), build)
    [cached] = (tmp_path / "cache").iterdir()
    cached.write_bytes(b"not a pickle")
    assert resources.compiled(("toy.ttl",), build)["calls"] == 2
    assert pickle.loads(cached.read_bytes())["calls"] == 2


def test_no_cache_when_disabled_or_unwritable(ontology, tmp_path, monkeypatch):
    build = Counter(ontology)
    monkeypatch.setenv("GRAPHBUILD_CACHE_DIR", "")
    resources.compiled(("toy.ttl",), build)
    resources.compiled(("toy.ttl",), build)
    assert build.calls == 2 and not (tmp_path / "cache").exists()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("GRAPHBUILD_CACHE_DIR", str(blocker / "cache"))  # cannot be created
    assert resources.compiled(("toy.ttl",), build)["text"] == "first version"


def test_cached_tables_equal_freshly_compiled_ones(tmp_path, monkeypatch):
    from graphbuild.events import _compile_packaged as compile_lexicon
    from graphbuild.resolve.gazetteer import _compile_packaged as compile_gazetteer

    monkeypatch.setenv("GRAPHBUILD_CACHE_DIR", str(tmp_path))
    for build, kind in ((compile_gazetteer, Gazetteer), (compile_lexicon, Lexicon)):
        names = ("actors.ttl", "people.ttl") if kind is Gazetteer else ("cameo.ttl", "lexicon.ttl")
        fresh = resources.compiled(names, build)
        cached = resources.compiled(names, build)
        assert isinstance(cached, kind) and cached is not fresh
        assert _fields(cached) == _fields(fresh)


def _fields(table) -> dict:
    if hasattr(table, "__dict__"):
        return vars(table)
    return {name: getattr(table, name) for name in table.__slots__}
