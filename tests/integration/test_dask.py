"""Parsing on a Dask LocalCluster gives the same graph as one process."""

from __future__ import annotations

import pytest

from graphbuild.pipeline import build
from graphbuild.rdf.store import open_store

pytest.importorskip("distributed")
pytestmark = pytest.mark.slow

LINES = [
    "Russia and China signed a trade deal on Monday.",
    "France condemned the attack on the embassy in Kyiv.",
    "The United States imposed new sanctions on Iran.",
    "Germany said it would send more troops to Lithuania.",
    "Turkey did not meet Greece in Ankara.",
    "Japan urged North Korea to stop missile tests.",
    "Egypt may host talks between Israel and Hamas next week.",
]


def test_dask_local_cluster_build_equals_the_single_process_build(tmp_path):
    corpus = tmp_path / "news.txt"
    corpus.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    single = build([], lines=[corpus], store=tmp_path / "one", out_dir=tmp_path / "one-files", html=False)
    dask = build([], lines=[corpus], store=tmp_path / "dask", out_dir=tmp_path / "dask-files", html=False,
                 dask="local", processes=2, batch_size=2)
    assert (dask.documents, dask.statements, dask.actors) == (single.documents, single.statements, single.actors)
    # No blank nodes anywhere, so isomorphic means equal.
    assert set(open_store(tmp_path / "dask")) == set(open_store(tmp_path / "one"))
    for name in ("graph.ttl", "statements.jsonl"):
        assert (tmp_path / "dask-files" / name).read_bytes() == (tmp_path / "one-files" / name).read_bytes()
