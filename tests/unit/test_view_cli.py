"""``graphbuild view``: RDF files in, one offline page out; bad input is a one-line error."""

from __future__ import annotations

import json
import re

from graphbuild.cli import main
from graphbuild.extract.model import Actor, Event, Relation, Statement
from graphbuild.rdf.serialize import to_rdf, write_graph


def statement(doc: str, sentence: str, subject: Actor, lemma: str, obj: Actor, quad: int) -> Statement:
    return Statement(
        doc=doc,
        sentence=sentence,
        span=(0, len(sentence)),
        subject=subject,
        relation=Relation(lemma, lemma),
        object=obj,
        date="2025-07-03",
        event=Event("190" if quad == 4 else "040", "event", quad, -10.0 if quad == 4 else 1.0),
    )


def turtle(tmp_path, name: str, statements: list[Statement]):
    path = tmp_path / name
    write_graph(to_rdf(statements), path, format="turtle")
    return path


def page_data(path) -> dict:
    text = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'id="graph-data">(.*?)</script>', text, re.DOTALL).group(1))


RU = Actor("Russia", "Russia", id="Q159", type="Country", country="RUS")
UA = Actor("Ukraine", "Ukraine", id="Q212", type="Country", country="UKR")
TR = Actor("Turkey", "Turkey", id="Q43", type="Country", country="TUR")


def test_view_merges_graph_files_into_one_page(tmp_path, capsys):
    one = turtle(tmp_path, "one.ttl", [statement("d1", "Russia attacked Ukraine.", RU, "attack", UA, 4)])
    two = turtle(
        tmp_path,
        "two.ttl",
        [
            statement("d2", "Turkey met Russia.", TR, "meet", RU, 1),
            statement("d2", "Russia attacked Ukraine again.", RU, "attack", UA, 4),
        ],
    )
    out = tmp_path / "g.html"
    assert main(["view", str(one), str(two), "-o", str(out), "--title", "Week 27"]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    data = page_data(out)
    assert sorted(n["label"] for n in data["nodes"]) == ["Russia", "Turkey", "Ukraine"]
    attack = next(e for e in data["edges"] if e["lemma"] == "attack")
    assert len(attack["st"]) == 2 and attack["q"] == 4
    assert data["title"] == "Week 27" and data["meta"]["max_nodes"] is None


def test_view_max_nodes(tmp_path):
    path = turtle(
        tmp_path,
        "g.ttl",
        [
            statement("d1", "Russia attacked Ukraine.", RU, "attack", UA, 4),
            statement("d1", "Turkey met Russia.", TR, "meet", RU, 1),
        ],
    )
    out = tmp_path / "g.html"
    assert main(["view", str(path), "-o", str(out), "--max-nodes", "1"]) == 0
    data = page_data(out)
    assert [n["label"] for n in data["nodes"]] == ["Russia"] and data["meta"]["nodes_total"] == 3


def test_view_reports_bad_turtle_in_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.ttl"
    bad.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b .\n", encoding="utf-8")
    code = main(["view", str(bad), "-o", str(tmp_path / "g.html")])
    err = capsys.readouterr().err.strip()
    assert code != 0 and len(err.splitlines()) == 1 and "bad.ttl" in err
    assert not (tmp_path / "g.html").exists()


def test_view_store_equals_view_of_the_same_build(tmp_path):
    from graphbuild.pipeline import build

    text = tmp_path / "news.txt"
    text.write_text("Russia struck Odesa on Monday.\nTurkey urged Russia to halt the strikes.\n", encoding="utf-8")
    build([str(text)], out_dir=tmp_path / "out", html=False)
    build([str(text)], store=tmp_path / "kb")
    from_file, from_store = tmp_path / "file.html", tmp_path / "store.html"
    assert main(["view", str(tmp_path / "out" / "graph.ttl"), "-o", str(from_file)]) == 0
    assert main(["view", "--store", str(tmp_path / "kb"), "-o", str(from_store)]) == 0
    by_file, by_store = page_data(from_file), page_data(from_store)
    assert sorted(n["label"] for n in by_store["nodes"]) == sorted(n["label"] for n in by_file["nodes"])
    assert sorted(e["lemma"] for e in by_store["edges"]) == sorted(e["lemma"] for e in by_file["edges"])
    assert {"Russia", "Turkey"} <= {n["label"] for n in by_store["nodes"]}


def test_view_needs_graphs_or_a_store(tmp_path, capsys):
    assert main(["view", "-o", str(tmp_path / "g.html")]) != 0
    assert "--store" in capsys.readouterr().err
