"""Loading RDF files by extension, with file:line:col on malformed input."""

from __future__ import annotations

import pytest
from rdflib import RDF, Literal

from graphbuild.errors import InputError, RDFSyntaxError
from graphbuild.extract.model import Actor, Relation, Statement
from graphbuild.rdf.read import load_graph
from graphbuild.rdf.serialize import FORMATS, document_iri, to_rdf, write_graph
from graphbuild.rdf.vocab import GB

ST = Statement("d1", "Russia paused talks.", (0, 20), Actor("Russia", "Russia", "Q159", "Country", "RUS", 0, 6),
               Relation("paused", "pause", 7, 13), Actor("talks", "talks", start=14, end=19))


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_load_every_written_format(tmp_path, fmt):
    ds = to_rdf([ST, ST.replace(doc="d2")])
    path = write_graph(ds, tmp_path / f"g{FORMATS[fmt][2]}")
    back = load_graph(path)
    assert set(back.triples((None, None, None))) == set(ds.triples((None, None, None)))
    assert len(set(back.subjects(RDF.type, GB.Statement))) == 2  # the id includes the document
    if FORMATS[fmt][1]:
        assert {g.identifier for g in back.graphs() if len(g)} == {document_iri("d1"), document_iri("d2")}
    assert str(dict(back.namespaces())["gb"]) == str(GB._NS)


def test_load_several_files_merges_them(tmp_path):
    a = write_graph(to_rdf([ST]), tmp_path / "a.ttl")
    b = write_graph(to_rdf([ST.replace(sentence="Russia paused talks again.", span=(0, 26), doc="d9")]),
                    tmp_path / "b.nt")
    back = load_graph([a, b])
    assert {o for o in back.objects(None, GB.sentence)} == {
        Literal("Russia paused talks."), Literal("Russia paused talks again.")}


@pytest.mark.parametrize(
    ("name", "content", "where", "reason"),
    [
        ("bad.ttl", '@prefix ex: <http://e/> .\nex:a ex:b "x" .\nex:a ex:c <bad iri> .\n', ":3:", "IRI"),
        ("bad.nt", '<http://e/a> <http://e/b> "unterminated .\n', ":1:", "end of file"),
        ("bad.trig", "<http://e/g> {\n  <http://e/a> <http://e/b> <http://e/c> \n", ":3:", ""),
        ("bad.nq", "<http://e/a> <http://e/b> <http://e/c> <http://e/g> <x> .\n", ":1:", ""),
    ],
)
def test_syntax_errors_say_file_line_column(tmp_path, name, content, where, reason):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RDFSyntaxError) as info:
        load_graph(path)
    message = str(info.value)
    assert message.startswith(f"{path}{where}")
    line, col = message[len(str(path)) + 1:].split(":")[:2]
    assert line.isdigit() and col.isdigit()
    assert reason in message
    assert "\n" not in message


def test_unknown_extension_and_missing_file(tmp_path):
    with pytest.raises(InputError, match="unknown RDF file extension '.txt'"):
        load_graph(tmp_path / "graph.txt")
    with pytest.raises(InputError, match="no such RDF file"):
        load_graph(tmp_path / "missing.ttl")
