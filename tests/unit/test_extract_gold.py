"""Precision and recall of the extractor on our own gold set (tests/gold/statements.jsonl).

The gold set holds geopolitical news sentences written for graphbuild, each with
the statements a correct extractor yields: (subject, relation lemma, object,
negated, modality, attribution). Floors sit just below today's figures, so a
regression fails.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graphbuild.extract import extract_statements

GOLD = Path(__file__).resolve().parents[1] / "gold" / "statements.jsonl"

#: Floors: just below what the extractor achieves (see the README, extraction section).
FLOORS = {"triple_precision": 0.95, "triple_recall": 0.94, "full_precision": 0.95, "full_recall": 0.94}


def _norm(text: str | None) -> str:
    return " ".join((text or "").casefold().split())


def _same_mention(expected: str | None, actor) -> bool:
    if expected is None or actor is None:
        return expected is None and actor is None
    want = _norm(expected)
    return want in (_norm(actor.label), _norm(actor.text)) or _norm(actor.label).startswith(want + " ")


def _triple(expected: dict, statement) -> bool:
    return (
        _same_mention(expected["subject"], statement.subject)
        and expected["lemma"] == statement.relation.lemma
        and _same_mention(expected["object"], statement.object)
    )


def _full(expected: dict, statement) -> bool:
    attribution = statement.attribution
    return (
        _triple(expected, statement)
        and expected["negated"] == statement.negated
        and expected["modality"] == statement.modality
        and (
            (expected["attribution"] is None and attribution is None)
            or (attribution is not None and _same_mention(expected["attribution"], attribution.actor))
        )
    )


def score(nlp, rows: list[dict]) -> dict[str, float]:
    """Precision and recall of triples and of full statements, one-to-one per sentence."""
    counts = {"predicted": 0, "expected": 0, "triple": 0, "full": 0}
    for n, row in enumerate(rows, start=1):
        doc = nlp(row["text"])
        doc._.doc_id = f"gold-{n}"
        doc._.published = row.get("published")
        predicted = list(extract_statements(doc))
        counts["predicted"] += len(predicted)
        counts["expected"] += len(row["statements"])
        for kind, test in (("triple", _triple), ("full", _full)):
            free = list(predicted)
            for expected in row["statements"]:
                hit = next((p for p in free if test(expected, p)), None)
                if hit is not None:
                    free.remove(hit)
                    counts[kind] += 1
    return {
        "triple_precision": counts["triple"] / counts["predicted"],
        "triple_recall": counts["triple"] / counts["expected"],
        "full_precision": counts["full"] / counts["predicted"],
        "full_recall": counts["full"] / counts["expected"],
    }


@pytest.fixture(scope="module")
def gold_rows() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_gold_set_is_large_enough(gold_rows):
    assert len(gold_rows) >= 60
    assert all(row["statements"] for row in gold_rows)


def test_gold_precision_recall_floors(parser_nlp, gold_rows):
    figures = score(parser_nlp, gold_rows)
    for name, floor in FLOORS.items():
        assert figures[name] >= floor, f"{name} {figures[name]:.3f} fell below {floor}"
