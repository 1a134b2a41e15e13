"""The statement contract round-trips through JSON and keeps its keys."""

from __future__ import annotations

import json

from graphbuild.extract.model import Actor, Argument, Attribution, Event, Relation, Statement

CONTRACT_KEYS = {"doc", "sentence", "span", "subject", "relation", "object", "arguments", "negated",
                 "modality", "attribution", "date", "event", "confidence"}
ACTOR_KEYS = {"text", "label", "id", "type", "country"}


def sample() -> Statement:
    putin = Actor("Putin", "Vladimir Putin", "Q7747", "Person", "RUS", 0, 5)
    trump = Actor("Trump", "Donald Trump", "Q22686", "Person", "USA", 12, 17)
    return Statement(
        doc="d1", sentence="Putin told Trump by phone.", span=(0, 26), subject=putin,
        relation=Relation("told", "tell", 6, 10), object=trump,
        arguments=(Argument("by", Actor("phone", "phone", start=21, end=26)),),
        attribution=Attribution("Kremlin", Actor("Kremlin", "Russia", "Q159", "Country", "RUS")),
        event=Event("041", "Discuss by telephone", 1, 1.0, "consult"), confidence=0.8, date="2025-07-03",
    )


def test_contract_keys_and_round_trip():
    statement = sample()
    data = json.loads(json.dumps(statement.to_dict()))
    assert CONTRACT_KEYS <= data.keys()
    assert ACTOR_KEYS <= data["subject"].keys() and ACTOR_KEYS | {"role"} <= data["arguments"][0].keys()
    assert data["relation"]["text"] == "told" and data["relation"]["lemma"] == "tell"
    assert Statement.from_dict(data) == statement
    assert Statement.from_dict(data).id == statement.id


def test_id_is_stable_and_distinguishes_statements():
    a = sample()
    assert a.id == sample().id
    assert a.replace(object=Actor("Xi", "Xi Jinping", start=12, end=14)).id != a.id


def test_split_coordinated_arguments_get_distinct_ids():
    base = sample()
    iran = base.replace(arguments=(Argument("on", Actor("Iran", "Iran", "Q794", "Country", "IRN", 30, 34)),))
    russia = base.replace(arguments=(Argument("on", Actor("Russia", "Russia", "Q159", "Country", "RUS", 39, 45)),))
    assert iran.id != russia.id
