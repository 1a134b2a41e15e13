"""How the event benchmark reads dyads (graphbuild/bench/events.py)."""

from __future__ import annotations

from graphbuild.bench.events import _dyad_match
from graphbuild.extract.model import Actor, Relation, Statement

ENVOY = Actor("The Russian envoy", "Russian envoy", None, "Person", "RUS", 0, 17)
UKRAINE = Actor("Ukraine", "Ukraine", "Q212", "Country", "UKR", 36, 43)


def _expelled(voice: str) -> Statement:
    return Statement(doc="d", sentence="The Russian envoy was expelled from Ukraine.", span=(0, 44), subject=ENVOY,
                     relation=Relation("was expelled from", "expel from", 18, 35), object=UKRAINE,
                     extra={"voice": voice})


def test_an_agentless_passive_has_an_unknown_source_and_its_subject_as_target():
    passive = _expelled("passive")
    assert _dyad_match({"source": "---", "target": "RUS"}, passive, [passive])
    assert not _dyad_match({"source": "RUS", "target": "UKR"}, passive, [passive])
    assert not _dyad_match({"source": "UKR", "target": "RUS"}, passive, [passive])  # the text names no expeller
    active = _expelled("active")  # read as written, the subject would be the source
    assert _dyad_match({"source": "RUS", "target": "UKR"}, active, [active])
