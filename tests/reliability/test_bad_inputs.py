"""Bad input through the command line: one clear line, a non-zero exit, no traceback, nothing lost."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graphbuild.ingest import Document
from graphbuild.pipeline import CHUNK_CHARS, process


def run_cli(*args: str, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    exe = shutil.which("graphbuild")
    command = [exe] if exe else [sys.executable, "-m", "graphbuild"]
    return subprocess.run([*command, *args], cwd=cwd, capture_output=True, text=True, timeout=600, input=stdin)


def assert_one_line_error(result: subprocess.CompletedProcess, *needles: str) -> None:
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.strip().splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


def test_document_longer_than_a_chunk_is_split_not_refused(nlp):
    sentence = "Russia struck the port of Odesa on Monday. "
    text = sentence * (CHUNK_CHARS // len(sentence) + 200)
    assert len(text) > CHUNK_CHARS
    [parsed] = list(process([Document("long", text)], nlp))
    strikes = [s for s in parsed.statements if s.relation.lemma == "strike"]
    assert len(strikes) >= CHUNK_CHARS // len(sentence)  # statements come from every chunk
    assert max(s.span[1] for s in strikes) > CHUNK_CHARS
    for statement in parsed.statements:
        assert text[statement.span[0]:statement.span[1]] == statement.sentence


def test_a_single_gigantic_line_without_spaces_is_cut_and_survives(nlp):
    text = "x" * (CHUNK_CHARS * 2 + 17)
    [parsed] = list(process([Document("blob", text)], nlp))
    assert parsed.statements == []


MALFORMED_TURTLE = "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e \"unterminated .\n"


@pytest.mark.parametrize("command", [("query", "SELECT * WHERE { ?s ?p ?o }"), ("view", "-o", "v.html"),
                                     ("validate",), ("stats",)])
def test_malformed_turtle_names_file_line_and_column(tmp_path, command):
    (tmp_path / "bad.ttl").write_text(MALFORMED_TURTLE, encoding="utf-8")
    name, *rest = command
    result = run_cli(name, "bad.ttl", *rest, cwd=tmp_path)
    assert_one_line_error(result, "bad.ttl", ":3")


@pytest.fixture(scope="module")
def small_graph(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("graph")
    (folder / "s.txt").write_text("Russia struck Odesa on Monday.\nChina urged restraint.\n", encoding="utf-8")
    result = run_cli("build", "s.txt", "-o", "out", "--no-html", cwd=folder)
    assert result.returncode == 0, result.stderr
    return folder / "out" / "graph.ttl"


def test_malformed_sparql_gives_line_and_column(small_graph):
    result = run_cli("query", str(small_graph), "SELECT ?s WHERE {\n  ?s ?p \n}", cwd=small_graph.parent)
    assert_one_line_error(result, "query:3:")


def test_unknown_named_query_and_missing_parameter(small_graph):
    assert_one_line_error(run_cli("query", str(small_graph), "--name", "no-such-query", cwd=small_graph.parent),
                          "no-such-query")
    listed = run_cli("query", "--list", cwd=small_graph.parent)
    assert listed.returncode == 0, listed.stderr
    needs_actor, name = [], None
    for line in listed.stdout.splitlines():
        if line and not line[0].isspace():
            name = line.split()[0]
        elif "--param actor=" in line and "(required)" in line:
            needs_actor.append(name)
    assert needs_actor, listed.stdout
    result = run_cli("query", str(small_graph), "--name", needs_actor[0], cwd=small_graph.parent)
    assert_one_line_error(result, "actor")


def test_malformed_jsonl_with_skip_bad_carries_on(tmp_path):
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"id": "a", "text": "Russia struck Odesa."}) + "\n{oops\n"
        + json.dumps({"id": "b", "text": "China urged restraint."}) + "\n", encoding="utf-8")
    result = run_cli("build", "c.jsonl", "-o", "out", "--skip-bad", "--no-html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "c.jsonl:2" in result.stderr
    docs = {json.loads(line)["doc"] for line in (tmp_path / "out" / "statements.jsonl").read_text().splitlines()}
    assert docs == {"a", "b"}


def test_only_non_english_input_is_an_error_not_an_empty_graph(tmp_path):
    (tmp_path / "fr.txt").write_text(
        "La Russie et la Chine ont signé lundi un accord commercial à Pékin, selon l'agence officielle.",
        encoding="utf-8")
    result = run_cli("build", "fr.txt", "-o", "out", cwd=tmp_path)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "English" in result.stderr and not (tmp_path / "out").exists()


def test_failed_rebuild_keeps_previous_outputs(tmp_path):
    (tmp_path / "good.txt").write_text("Russia struck Odesa on Monday.\n", encoding="utf-8")
    assert run_cli("build", "good.txt", "-o", "out", cwd=tmp_path).returncode == 0
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01binary")
    assert run_cli("build", "bad.txt", "-o", "out", cwd=tmp_path).returncode != 0
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()} == before
