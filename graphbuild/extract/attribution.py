"""Reported speech: who said a clause, and whether they denied it.

A clause is attributed to the subject of the nearest reporting verb whose
``ccomp`` (or quoted ``parataxis``) contains it — "X said (that) Y did Z",
"Y did Z, X told reporters" — or to the object of "according to".
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from .clauses import find_subject, misattached_content
from .cues import CueTable
from .spans import phrase

__all__ = ["Source", "source_of"]

_REPORTED_DEPS = frozenset({"ccomp", "parataxis"})


@dataclass(frozen=True)
class Source:
    """The source of a clause: the span naming it, and whether it denies the clause."""

    span: Span
    denied: bool
    reporting_verb: Token | None


def _according_to(verb: Token, cues: CueTable) -> Span | None:
    for child in verb.children:
        if child.dep_ == "prep" and (
            cues.has(child.lower_, "attribution") or cues.has(cues.lemma(child), "attribution")
        ):
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return phrase(grand)
                if grand.dep_ == "prep":
                    for obj in grand.children:
                        if obj.dep_ == "pobj":
                            return phrase(obj)
    return None


def source_of(head: Token, cues: CueTable) -> Source | None:
    """The nearest source of the clause headed by ``head``, or None when it is the text's own."""
    node = head
    for _ in range(12):
        parent = node.head
        if misattached_content(node, cues):
            parent = parent.head.head  # "told Trump in a call [that ...]": the reporting verb
            subject, _, _ = find_subject(parent, cues)
            if subject is not None:
                return Source(phrase(subject), cues.has(cues.lemma(parent), "denial"), parent)
        if parent.i != node.i and node.dep_ in _REPORTED_DEPS and cues.has(cues.lemma(parent), "reporting"):
            subject, _, _ = find_subject(parent, cues)
            if subject is not None:
                return Source(phrase(subject), cues.has(cues.lemma(parent), "denial"), parent)
        according = _according_to(node, cues)
        if according is not None:
            return Source(according, False, None)
        if parent.i == node.i:
            return None
        node = parent
    return None
