"""Actor resolution against our own gold set (``tests/gold/actors.jsonl``).

Each record is a short text with the mentions a statement would carry; the test
builds those statements by hand (offsets from the text), runs :func:`resolve`
and scores id + type + country per mention. Floors are set a little under the
measured figures so regressions fail.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from graphbuild.extract.model import Actor, Relation, Statement
from graphbuild.resolve import Gazetteer, resolve

GOLD = Path(__file__).resolve().parents[1] / "gold" / "actors.jsonl"
PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.93


def _records() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def _offsets(text: str, mention: str, occurrence: int) -> tuple[int, int]:
    """Offsets of the ``occurrence``-th whole-word occurrence of ``mention`` (test fixture text)."""
    found = list(re.finditer(rf"(?<!\w){re.escape(mention)}(?!\w)", text))
    return found[occurrence].start(), found[occurrence].end()


def _resolved(nlp, record: dict) -> list[Actor]:
    doc = nlp(record["text"])
    doc._.published = record["published"]
    doc._.doc_id = record["id"]
    statements = []
    for mention in record["mentions"]:
        start, end = _offsets(record["text"], mention["text"], mention["occurrence"])
        actor = Actor(text=mention["text"], label=mention["text"], start=start, end=end)
        statements.append(Statement(doc=record["id"], sentence=record["text"], span=(0, len(record["text"])),
                                    subject=actor, relation=Relation("x", "x")))
    return [s.subject for s in resolve(statements, doc, Gazetteer.from_ontology())]


@pytest.fixture(scope="module")
def scored(nlp):
    rows = []
    for record in _records():
        for gold, got in zip(record["mentions"], _resolved(nlp, record)):
            rows.append((record["id"], gold, got))
    return rows


def test_gold_set_is_large_enough():
    records = _records()
    assert len(records) >= 40
    assert sum(len(r["mentions"]) for r in records) >= 80


def test_precision_and_recall_floors(scored):
    def correct(gold, got):
        return (got.id, got.type, got.country) == (gold["id"], gold["type"], gold["country"])

    predicted = [(g, a) for _, g, a in scored if a.id is not None]
    expected = [(g, a) for _, g, a in scored if g["id"] is not None]
    precision = sum(correct(g, a) for g, a in predicted) / len(predicted)
    recall = sum(correct(g, a) for g, a in expected) / len(expected)
    misses = [f"{rid}: {g['text']!r} -> {a.id}/{a.type}/{a.country}" for rid, g, a in scored if not correct(g, a)]
    assert precision >= PRECISION_FLOOR, misses
    assert recall >= RECALL_FLOOR, misses


def test_types_are_never_wrong_for_gazetteer_actors(scored):
    gazetteer = Gazetteer.from_ontology()
    for _, gold, got in scored:
        entry = gazetteer.entries.get(got.id or "")
        if entry is not None:
            assert got.type == entry.type, (gold["text"], got)


def test_unresolvable_pronouns_are_marked_not_guessed(scored):
    for _, gold, got in scored:
        if gold["id"] is None and gold["text"].lower() in ("he", "they"):
            assert (got.resolved, got.id, got.type, got.text) == (False, None, "Other", gold["text"])
