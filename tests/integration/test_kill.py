"""Fault injection: ``kill -9`` in the middle of a build, run it again, compare with a clean build."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from graphbuild.errors import GraphbuildError
from graphbuild.pipeline import build
from graphbuild.rdf.store import CONTENT_HASH, META_GRAPH, open_store

pytestmark = pytest.mark.slow

ACTORS = ["Russia", "China", "France", "Germany", "Iran", "Turkey", "Japan", "India", "Brazil", "Egypt"]
VERBS = ["signed a trade deal with", "condemned", "met", "criticised", "praised", "accused", "warned"]


def write_corpus(path, count: int) -> None:
    """``count`` short documents of our own making, each a little different."""
    with open(path, "w", encoding="utf-8") as handle:
        for i in range(count):
            a, b = ACTORS[i % len(ACTORS)], ACTORS[(i * 3 + 1) % len(ACTORS)]
            text = f"{a} {VERBS[i % len(VERBS)]} {b} on Monday. Talks number {i} ended in Geneva."
            handle.write(json.dumps({"id": f"doc-{i}", "text": text, "date": "2025-07-03"}) + "\n")


def recorded(path) -> int:
    try:
        return sum(1 for _ in open_store(path).quads_for_pattern(None, CONTENT_HASH, None, META_GRAPH))
    except (GraphbuildError, OSError):
        return 0  # not created yet, or caught between two files: look again


def kill_partway(command: list[str], ready, timeout: float = 240) -> bool:
    """Run ``command``; ``kill -9`` it once ``ready()`` holds. True if it was killed."""
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    try:
        while process.poll() is None and time.monotonic() < deadline:
            if ready():
                os.kill(process.pid, signal.SIGKILL)
                process.wait()
                return True
            time.sleep(0.05)
        return False
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.parametrize("incremental", [False, True], ids=["new-store", "existing-store"])
def test_killed_store_build_rerun_equals_a_clean_build(tmp_path, incremental):
    corpus = tmp_path / "news.jsonl"
    write_corpus(corpus, 300)
    clean = build([corpus], store=tmp_path / "clean", batch_size=16)
    assert clean.documents == 300
    kb = tmp_path / "kb"
    if incremental:  # the store holds data already: transactional writes replace graphs
        seed = tmp_path / "seed.jsonl"
        write_corpus(seed, 20)
        build([seed], store=kb)
    command = [sys.executable, "-m", "graphbuild", "build", str(corpus), "--store", str(kb), "--batch-size", "16", "-q"]
    start = recorded(kb)
    assert kill_partway(command, lambda: recorded(kb) >= start + 48), "the build ended before it could be killed"
    assert recorded(kb) < 300 + (20 if incremental else 0) - 10  # really partway
    again = build([corpus], store=kb, batch_size=16)
    assert again.documents < 300 and again.skipped > 0
    # (the seed's documents are the corpus's first 20: same ids, same text, same graph)
    assert set(open_store(kb)) == set(open_store(tmp_path / "clean"))


def test_killed_files_build_leaves_earlier_outputs_intact(tmp_path):
    small, big = tmp_path / "small.jsonl", tmp_path / "big.jsonl"
    write_corpus(small, 5)
    write_corpus(big, 300)
    out = tmp_path / "out"
    build([small], out_dir=out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}
    command = [sys.executable, "-m", "graphbuild", "build", str(big), "-o", str(out), "--batch-size", "16", "-q"]

    def spooling() -> bool:
        return any(p.stat().st_size > 20_000 for p in out.glob(".graphbuild-*/statements.jsonl"))

    assert kill_partway(command, spooling)
    assert {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")} == before
    build([small], out_dir=out, html=False)
    assert not list(out.glob(".graphbuild-*")), "the killed build's temporary folder is cleaned up"



@pytest.mark.parametrize("processes", [1, 2])
def test_worker_processes_end_with_a_killed_build(tmp_path, processes):
    psutil = pytest.importorskip("psutil")
    corpus = tmp_path / "news.jsonl"
    write_corpus(corpus, 300)
    kb = tmp_path / "kb"
    # One process and more than one batch parses in a worker process too.
    command = [sys.executable, "-m", "graphbuild", "build", str(corpus), "--store", str(kb), "--batch-size", "16",
               "--processes", str(processes), "-q"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        while process.poll() is None and recorded(kb) < 16 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert process.poll() is None, "the build ended before it could be killed"
        family = psutil.Process(process.pid).children(recursive=True)  # forkserver, workers, resource tracker
        # Workers are the forkserver's children.
        workers = [p for p in family if p.ppid() != process.pid]
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert len(workers) == processes
    _, alive = psutil.wait_procs(family, timeout=30)
    assert not alive, f"{len(alive)} of the build's {len(family)} processes still run after it was killed"
