"""End to end: the README's main job on the bundled example and the seed article."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import rdflib

from graphbuild.extract.model import ACTOR_TYPES, MODALITIES
from graphbuild.pipeline import build
from graphbuild.resources import example_path

CONTRACT_KEYS = {"doc", "sentence", "span", "subject", "relation", "object", "arguments", "negated",
                 "modality", "attribution", "date", "event", "confidence"}
ACTOR_KEYS = {"text", "label", "id", "type", "country"}


def check_actor(actor: dict, *, role: bool = False) -> None:
    assert ACTOR_KEYS <= actor.keys()
    assert isinstance(actor["text"], str) and actor["text"]
    assert isinstance(actor["label"], str) and actor["label"]
    assert actor["type"] in ACTOR_TYPES
    assert actor["country"] is None or (len(actor["country"]) == 3 and actor["country"].isupper())
    if role:
        assert isinstance(actor["role"], str) and actor["role"]


def check_contract(record: dict, texts: dict[str, str]) -> None:
    assert CONTRACT_KEYS <= record.keys()
    start, end = record["span"]
    assert texts[record["doc"]][start:end] == record["sentence"]
    check_actor(record["subject"])
    assert start <= record["subject"]["start"] < record["subject"]["end"] <= end
    if record["object"] is not None:
        check_actor(record["object"])
    for argument in record["arguments"]:
        check_actor(argument, role=True)
    assert set(record["relation"]) >= {"text", "lemma"} and record["relation"]["text"] and record["relation"]["lemma"]
    assert isinstance(record["negated"], bool)
    assert record["modality"] in MODALITIES
    assert record["attribution"] is None or isinstance(record["attribution"]["text"], str)
    assert record["date"] is None or len(record["date"]) == 10
    if record["event"] is not None:
        assert {"cameo", "label", "quad_class", "goldstein", "plover"} <= record["event"].keys()
        assert record["event"]["quad_class"] in (1, 2, 3, 4)
    assert 0.0 <= record["confidence"] <= 1.0


@pytest.fixture(scope="module")
def example_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("example")
    report = build([str(example_path())], out_dir=out, published="2025-07-07")
    return out, report


def test_build_writes_the_three_outputs_and_reports_counts(example_build):
    out, report = example_build
    assert {p.name for p in out.iterdir()} == {"graph.ttl", "statements.jsonl", "graph.html"}
    assert report.documents == 1 and report.sentences == 15
    records = [json.loads(line) for line in (out / "statements.jsonl").read_text(encoding="utf-8").splitlines()]
    assert report.statements == len(records) >= 15
    assert report.actors >= 10


def test_statements_meet_the_contract(example_build):
    out, _ = example_build
    text = Path(str(example_path())).read_text(encoding="utf-8")
    for line in (out / "statements.jsonl").read_text(encoding="utf-8").splitlines():
        check_contract(json.loads(line), {"example": text})


def test_turtle_parses_back_and_holds_every_statement(example_build):
    out, report = example_build
    graph = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    from graphbuild.rdf.vocab import GB

    assert len(set(graph.subjects(rdflib.RDF.type, GB.Statement))) == report.statements


def test_written_graph_conforms_to_the_shapes(example_build):
    from graphbuild.rdf.read import load_graph
    from graphbuild.rdf.validate import validate

    report = validate(load_graph(example_build[0] / "graph.ttl"))
    assert report.conforms, report


def test_html_is_self_contained(example_build):
    out, _ = example_build
    html = (out / "graph.html").read_text(encoding="utf-8")
    assert "<script src=" not in html and "<link " not in html.lower()
    assert "vis-network" in html or "vis.Network" in html


def test_example_main_statements(example_build):
    out, _ = example_build
    found = {(r["subject"]["label"], r["relation"]["lemma"], (r["object"] or {}).get("label"))
             for r in map(json.loads, (out / "statements.jsonl").read_text(encoding="utf-8").splitlines())}
    assert any(s.startswith("Recep Tayyip Erdo") and rel == "call" and o == "Volodymyr Zelenskyy"
               for s, rel, o in found), found
    assert any(s == "Hungary" and "threaten" in rel for s, rel, _ in found), found


SEED = Path(__file__).resolve().parents[3] / "shared" / "seed" / "000_e87cb3e1957412b4.txt"


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed is not present")
def test_seed_article_main_statements(tmp_path):
    report = build([str(SEED)], out_dir=tmp_path)
    records = [json.loads(line) for line in (tmp_path / "statements.jsonl").read_text(encoding="utf-8").splitlines()]
    text = SEED.read_text(encoding="utf-8")
    for record in records:
        check_contract(record, {SEED.stem: text})
    triples = {(r["subject"]["label"], r["relation"]["lemma"], (r["object"] or {}).get("label")) for r in records}
    assert ("Vladimir Putin", "tell", "Donald Trump") in triples, triples
    assert any(s == "United States" and rel.startswith("pause") for s, rel, _ in triples), triples
    rdflib.Graph().parse(tmp_path / "graph.ttl", format="turtle")
    assert report.documents == 1


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    exe = shutil.which("graphbuild")
    command = [exe] if exe else [sys.executable, "-m", "graphbuild"]
    return subprocess.run([*command, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_readme_main_command_from_an_empty_folder(tmp_path):
    """The installed tool, run away from the source tree, finds its packaged data."""
    result = run_cli("build", "--example", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "documents" in result.stdout and (tmp_path / "out" / "graph.ttl").exists()


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"\x00\x01\x02\x03binary", "binary"),
        ("bad.jsonl", b'{"id": "a", "text": "Fine."}\n{broken\n', "bad.jsonl:2"),
        ("missing.jsonl", b'{"id": "a"}\n', "missing or empty 'text'"),
    ],
)
def test_bad_input_is_one_line_no_traceback_no_outputs(tmp_path, name, content, message):
    (tmp_path / name).write_bytes(content)
    result = run_cli("build", name, "-o", "out", cwd=tmp_path)
    assert result.returncode != 0
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not (tmp_path / "out").exists()


def test_missing_path_is_one_line(tmp_path):
    result = run_cli("build", "nope.txt", "-o", "out", cwd=tmp_path)
    assert result.returncode == 2 and "nope.txt: no such file" in result.stderr
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()


def test_extract_formats(tmp_path):
    (tmp_path / "s.txt").write_text("Russia struck Odesa on Monday.\nChina urged restraint.\n", encoding="utf-8")
    jsonl = run_cli("extract", "--lines", "s.txt", cwd=tmp_path)
    assert jsonl.returncode == 0, jsonl.stderr
    records = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert {r["doc"] for r in records} == {"line-1", "line-2"}
    tsv = run_cli("extract", "--lines", "s.txt", "--format", "tsv", cwd=tmp_path)
    rows = tsv.stdout.splitlines()
    assert rows[0].startswith("doc\tsentence_index\tsubject") and len(rows) == len(records) + 1
    ttl = run_cli("extract", "--lines", "s.txt", "--format", "ttl", cwd=tmp_path)
    assert ttl.returncode == 0, ttl.stderr
    assert len(rdflib.Graph().parse(data=ttl.stdout, format="turtle")) > 10
