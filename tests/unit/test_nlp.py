"""The spaCy stage: model choice, sentence rules, chunking."""

from __future__ import annotations

import pytest

from graphbuild.errors import ModelError
from graphbuild.nlp import FALLBACK_MODEL, choose_model, load_pipeline, sentence_span
from graphbuild.pipeline import split_text


def test_choose_model_prefers_an_explicit_name():
    assert choose_model("my_model") == "my_model"


def test_choose_model_falls_back_to_the_repackaged_small_model(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: real(name, *a) if name == FALLBACK_MODEL else None)
    assert choose_model() == FALLBACK_MODEL
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None)
    with pytest.raises(ModelError, match="no spaCy English pipeline"):
        choose_model()


def test_unknown_model_is_a_clear_error():
    with pytest.raises(ModelError, match="cannot load spaCy pipeline 'no_such_model_xyz'"):
        load_pipeline("no_such_model_xyz")


def test_line_breaks_end_sentences(parser_nlp):
    doc = parser_nlp("Putin tells Trump he will not back down\nRussian President Vladimir Putin told Trump of it.")
    assert [s.text.strip() for s in doc.sents] == [
        "Putin tells Trump he will not back down",
        "Russian President Vladimir Putin told Trump of it.",
    ]


def test_sentence_span_is_in_document_coordinates(parser_nlp):
    text = "  Headline here\nThe EU met Iran.  "
    doc = parser_nlp.make_doc(text[5:])
    doc._.char_offset = 5
    doc = parser_nlp(doc)
    for sent in doc.sents:
        start, end, sentence = sentence_span(sent)
        assert text[start:end] == sentence and sentence == sentence.strip()


def test_split_text_keeps_offsets_and_bounds():
    text = ("Paragraph one is here. " * 30 + "\n\n") * 10
    pieces = split_text(text, limit=500)
    assert all(len(chunk) <= 500 for _, chunk in pieces)
    assert "".join(chunk for _, chunk in pieces) == text
    assert all(text[offset:offset + len(chunk)] == chunk for offset, chunk in pieces)


def test_a_report_reading_stays_only_when_it_accuses(nlp):
    """"X said Y did Z" reads as X → Y only where the act makes it an accusation (CAMEO 112);
    "the Kremlin said Putin told Trump ..." is no edge from Russia to Putin."""
    def reports(text):
        return [(s.subject.label, s.object.label, s.event and s.event.cameo)
                for s in nlp(text)._.statements if s.extra.get("voice") == "report"]

    assert reports("Putin told Trump that Moscow would not accept the plan, the Kremlin said.") == []
    assert reports("The United States said Iraq attacked Kuwait.") == [("United States", "Iraq", "112")]
