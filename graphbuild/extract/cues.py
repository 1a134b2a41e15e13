"""The extractor's cue words, read from ``ontologies/extraction.ttl`` at first use.

Reporting verbs, modals, hedges, light verbs and relative-date words are data;
this module turns the Turtle file into a small lookup table, once per process.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from rdflib import Namespace
from rdflib.namespace import RDF

from ..resources import ontology_graph

__all__ = ["CueTable", "cue_table"]

_GB = Namespace("https://w3id.org/graphbuild/ontology#")


@dataclass(frozen=True)
class CueTable:
    """Cue kinds by lemma, plus the numeric offsets of relative-date cues."""

    kinds: dict[str, frozenset[str]]
    day_offsets: dict[str, int]
    period_offsets: dict[str, int]
    #: Inflected forms whose spaCy lemma is wrong, mapped to the right lemma.
    forms: dict[str, str]

    def lemma(self, token) -> str:
        """The lower-case lemma of ``token``, corrected by the ontology's ``gb:form`` list."""
        return self.forms.get(token.lower_) or token.lemma_.lower()

    def has(self, lemma: str, kind: str) -> bool:
        """Whether ``lemma`` (lower case) is a cue of ``kind``."""
        return kind in self.kinds.get(lemma, ())

    def kind_of(self, lemma: str, kinds: tuple[str, ...]) -> str | None:
        """The first of ``kinds`` that ``lemma`` is a cue of, or None."""
        own = self.kinds.get(lemma)
        if not own:
            return None
        for kind in kinds:
            if kind in own:
                return kind
        return None


@functools.cache
def cue_table() -> CueTable:
    """The cue table (cached; built on first call, never at import)."""
    graph = ontology_graph("extraction.ttl")
    kinds: dict[str, set[str]] = {}
    days: dict[str, int] = {}
    periods: dict[str, int] = {}
    forms: dict[str, str] = {}
    for cue in graph.subjects(RDF.type, _GB.Cue):
        lemmas = [str(x) for x in graph.objects(cue, _GB.lemma)]
        cue_kinds = {str(x) for x in graph.objects(cue, _GB.cueKind)}
        day = graph.value(cue, _GB.dayOffset)
        period = graph.value(cue, _GB.periodOffset)
        for form in graph.objects(cue, _GB.form):
            forms[str(form)] = lemmas[0]
        for lemma in lemmas:
            kinds.setdefault(lemma, set()).update(cue_kinds)
            if day is not None:
                days[lemma] = int(day)
            if period is not None:
                periods[lemma] = int(period)
    return CueTable({k: frozenset(v) for k, v in kinds.items()}, days, periods, forms)
