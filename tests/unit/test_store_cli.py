"""The store from the command line: build --store, export, push, and the lock's message."""

from __future__ import annotations

import subprocess
import sys

import pyoxigraph as ox
import pytest

from graphbuild.rdf.store import GraphStore, open_store, union_triples


def cli(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "graphbuild", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, check=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("cli")
    (folder / "news.txt").write_text("Russia and China signed a trade deal on Monday.\n"
                                     "France condemned the attack in Kyiv.\n", encoding="utf-8")
    first = cli("build", "--lines", "news.txt", "--store", "kb", cwd=folder)
    again = cli("build", "--lines", "news.txt", "--store", "kb", cwd=folder)
    return folder, first, again


def test_build_into_a_store_then_again_skips_everything(built):
    _, first, again = built
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("2 documents") and "store" in first.stdout
    assert again.returncode == 0 and again.stdout.startswith("0 documents") and "2 unchanged documents skipped" in again.stdout


@pytest.mark.parametrize("fmt, rdf_format", [("ttl", ox.RdfFormat.TURTLE), ("nq", ox.RdfFormat.N_QUADS)])
def test_export_streams_to_stdout_and_to_a_file(built, fmt, rdf_format):
    folder, _, _ = built
    to_stdout = subprocess.run([sys.executable, "-m", "graphbuild", "export", "--store", "kb", "--format", fmt],
                               cwd=folder, capture_output=True, timeout=120, check=False)
    assert to_stdout.returncode == 0, to_stdout.stderr
    to_file = cli("export", "--store", "kb", "--format", fmt, "-o", f"kb.{fmt}", cwd=folder)
    assert to_file.returncode == 0 and (folder / f"kb.{fmt}").read_bytes() == to_stdout.stdout
    parsed = list(ox.parse(to_stdout.stdout, format=rdf_format))
    if fmt == "ttl":
        assert {q.triple for q in parsed} == set(union_triples(open_store(folder / "kb")))
    else:
        assert len(parsed) == len(set(parsed)) > 0


def test_a_locked_store_is_a_one_line_error(built):
    folder, _, _ = built
    with GraphStore(folder / "kb"):
        result = cli("build", "--lines", "news.txt", "--store", "kb", "--wait", "0", "--force", cwd=folder)
    assert result.returncode == 4
    assert result.stderr.count("\n") == 1 and "another build (pid" in result.stderr and "Traceback" not in result.stderr


def test_errors_are_one_line(built, tmp_path):
    folder, _, _ = built
    for args, message in [(("export", "--store", str(tmp_path)), "no graphbuild store here"),
                          (("export", "--store", "kb", "--format", "xml"), "unknown export format"),
                          (("push", "--store", "kb", "--endpoint", "ftp://x"), "is not an http(s) URL"),
                          (("build", "--lines", "news.txt"), "give an output folder (-o OUT) or a store")]:
        result = cli(*args, cwd=folder)
        assert result.returncode != 0 and message in result.stderr, (args, result.stderr)
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
