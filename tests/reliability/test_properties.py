"""Property-based tests over arbitrary Unicode documents (hypothesis).

Whatever the text, extraction never raises, every statement's sentence is the
exact document slice its span names, every mention lies inside its sentence,
and the RDF written for it parses back isomorphic.
"""

from __future__ import annotations

import rdflib
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from graphbuild.ingest import Document
from graphbuild.pipeline import process

#: News-like words mixed with arbitrary Unicode, so the parser meets both real clauses and junk.
WORDS = st.sampled_from([
    "Russia", "Ukraine", "the", "Kremlin", "said", "Putin", "told", "Trump", "he", "will", "not", "attack",
    "sanctions", "on", "Monday", "and", "China", "urged", "restraint", ".", ",", "\n", "\"", "'", "(", ")",
    "<script>alert(1)</script>", "\u202e", "\u200f", "\\", "\x0b", "—", "Zelenskyy", "was", "hit", "by",
])
TEXTS = st.one_of(
    st.text(min_size=1, max_size=300),
    st.lists(st.one_of(WORDS, st.text(min_size=1, max_size=8)), min_size=1, max_size=60).map(" ".join),
)


def check_document(nlp, text: str) -> None:
    document = Document(id="doc <\"x\">\n", text=text, published="2025-07-03")
    [parsed] = list(process([document], nlp))
    for statement in parsed.statements:
        start, end = statement.span
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == statement.sentence
        mentions = [statement.subject, *( [statement.object] if statement.object else []),
                    *(a.actor for a in statement.arguments)]
        for actor in mentions:
            if actor.start is not None:
                assert start <= actor.start <= actor.end <= end
                assert text[actor.start:actor.end] == actor.text
        assert 0.0 <= statement.confidence <= 1.0
    check_rdf_round_trip(parsed)


def check_rdf_round_trip(parsed) -> None:
    from graphbuild.rdf.serialize import to_rdf

    dataset = to_rdf(parsed.statements, [parsed.document])
    for fmt in ("trig", "nquads"):
        again = rdflib.Dataset()
        again.parse(data=dataset.serialize(format=fmt), format=fmt)
        names = {g.identifier for g in dataset.graphs() if len(g)}
        assert names == {g.identifier for g in again.graphs() if len(g)}
        for name in names:
            assert isomorphic(dataset.graph(name), again.graph(name)), (fmt, name)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=TEXTS)
@example(text=" B Zelenskyy")  # a title whose left edge was the leading whitespace, outside the sentence
def test_extraction_never_raises_and_keeps_offsets(nlp, text):
    if not text.strip():
        return
    check_document(nlp, text)
