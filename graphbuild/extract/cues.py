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
        """The lower-case lemma of ``token``, corrected by the ontology's ``gb:form`` list
        and, for verbs, by English spelling (:func:`verb_lemma`)."""
        form = self.forms.get(token.lower_)
        if form:
            return form
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX"):
            return verb_lemma(token.lower_, lemma)
        return lemma

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


_VOWELS = frozenset("aeiou")
#: Stem endings that take "-es" in the third person ("pass-es", "go-es"): closed-class spelling.
_ES_ENDINGS = ("s", "x", "z", "ch", "sh", "o")


def _short_closed_syllable(stem: str) -> bool:
    """A one-syllable stem ending consonant-vowel-consonant ("hop", "stag"), which doubles its
    last consonant before "-ing"/"-ed" ("hopping"); w, x and y never double."""
    if len(stem) < 3 or stem[-1] in _VOWELS or stem[-1] in "wxy":
        return False
    if stem[-2] not in _VOWELS or stem[-3] in _VOWELS:
        return False
    groups = sum(1 for k, ch in enumerate(stem) if ch in _VOWELS and (k == 0 or stem[k - 1] not in _VOWELS))
    return groups == 1


def verb_lemma(form: str, lemma: str) -> str:
    """``lemma`` of the verb ``form``, with the rule lemmatizer's spelling slips undone.

    spaCy's rules may strip "-es" or "-ing" from a verb whose base ends in "e" when the
    shorter stem is a word too ("hopes" → "hop", "staging" → "stag"); English spelling
    decides: "hop" would make "hops"/"hopping", so the base is "hope".

    >>> verb_lemma("hopes", "hop"), verb_lemma("staging", "stag"), verb_lemma("visiting", "visit")
    ('hope', 'stage', 'visit')
    """
    if form == lemma + "es" and not lemma.endswith(_ES_ENDINGS):
        return lemma + "e"
    if form in (lemma + "ing", lemma + "ed") and _short_closed_syllable(lemma):
        return lemma + "e"
    return lemma


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
