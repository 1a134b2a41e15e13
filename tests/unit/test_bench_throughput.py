"""The throughput benchmark's per-stage CPU breakdown (graphbuild/bench/throughput.py)."""

from __future__ import annotations

import argparse
import json

import pytest

from graphbuild.bench.throughput import phase_stages
from graphbuild.pipeline import build

TEXTS = [
    "Russia and China signed a trade deal on Monday.",
    "France condemned the attack on the embassy in Kyiv. The United States imposed new sanctions on Iran.",
    "Germany said it would send more troops to Lithuania.",
]


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{i}", "text": t}) + "\n" for i, t in enumerate(TEXTS)),
                    encoding="utf-8")
    return path


def test_stages_run_every_stage_on_the_documents_a_build_reads(tmp_path, corpus):
    args = argparse.Namespace(corpus=str(corpus), stage_docs=2, model=None, batch_size=64)
    stages = phase_stages(args)
    first_two = tmp_path / "first-two.jsonl"
    first_two.write_text("".join(corpus.read_text(encoding="utf-8").splitlines(keepends=True)[:2]), encoding="utf-8")
    report = build([first_two], store=tmp_path / "kb")
    assert stages["documents"] == report.documents == 2
    assert stages["statements"] == report.statements > 0
    assert set(stages["cpu_seconds"]) == {"parse", "actor_ruler", "statements", "encode", "store"}
    assert stages["cpu_seconds"]["parse"] > 0 and stages["cpu_seconds"]["statements"] > 0
    assert 0 < stages["bound_all_cores_parsing"] < stages["bound_one_process"] < 1


def test_this_process_cpu_is_split_between_main_thread_and_others():
    # A fresh process: this one's threads (RocksDB's pool, from earlier tests) would count too.
    import subprocess
    import sys

    script = """
import json, threading, time
from graphbuild.bench.throughput import _TreeMemory

def spin(seconds):
    end = time.thread_time() + seconds
    while time.thread_time() < end:
        pass

memory = _TreeMemory()
side = threading.Thread(target=spin, args=(1.0,))
side.start()
spin(1.0)
side.join()  # ended before the result: its CPU still counts, as "other"
print(json.dumps(memory.result()["cpu_s_this_process_by_thread"]))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    split = json.loads(done.stdout.strip().splitlines()[-1])
    assert split["main"] >= 1.0
    assert 1.0 <= split["other"] < 1.5
    assert split["rocksdb"] == 0


def test_build_phase_writes_files_when_asked(tmp_path, corpus):
    from graphbuild.bench.throughput import phase_build

    args = argparse.Namespace(corpus=str(corpus), limit=None, store=str(tmp_path / "out"), files=True,
                              processes=1, batch_size=64, model=None)
    result = phase_build(args)
    assert result["documents"] == 3 and result["statements"] > 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["graph.ttl", "statements.jsonl"]
    assert not (tmp_path / "out" / "graph.html").exists()
