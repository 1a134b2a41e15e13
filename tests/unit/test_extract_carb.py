"""How the CaRB benchmark writes statements as tuples (graphbuild/bench/carb.py)."""

from __future__ import annotations

from graphbuild.bench.carb import carb_tuple
from graphbuild.extract import extract_statements


def _statements(nlp, text):
    doc = nlp(text)
    doc._.doc_id = "carb"
    return list(extract_statements(doc))


def test_passive_with_agent_written_in_surface_voice(parser_nlp):
    (statement,) = [s for s in _statements(parser_nlp, "Sanctions were imposed on Iran by the European Union.")
                    if s.relation.lemma == "impose"]
    assert carb_tuple(statement) == ["were imposed by", "Sanctions", "the European Union", "on Iran"]


def test_arguments_keep_their_preposition_as_written(parser_nlp):
    (statement,) = [s for s in _statements(parser_nlp, "In 2019, Germany sent tanks to Poland.")
                    if s.relation.lemma == "send"]
    assert carb_tuple(statement) == ["sent", "Germany", "tanks", "In 2019", "to Poland"]


def test_reported_clause_is_the_second_argument(parser_nlp):
    (statement,) = [s for s in _statements(parser_nlp, "Officials said that the convoy was hit.")
                    if s.relation.lemma == "say"]
    assert carb_tuple(statement) == ["said that", "Officials", "the convoy was hit"]
