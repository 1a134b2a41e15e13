"""Negation and modality of a predicate, read from its auxiliaries, chain verbs and clause links.

Values are those of :data:`graphbuild.extract.model.MODALITIES`; the README says
when each applies. Precedence, strongest first: conditional, question,
possible/expected/intended (the first cue in the text), reported (a hedge
adverb), denied (set by attribution on an otherwise asserted clause), asserted.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .cues import CueTable

__all__ = ["is_negated", "modality_of"]

_MODAL_KINDS = ("possible", "expected", "intended")
_CONDITION_DEPS = frozenset({"advcl"})


def is_negated(chain: list[Token], cues: CueTable) -> bool:
    """A ``neg`` dependent on any chain verb, or a negating verb before the content verb ("refused to")."""
    for verb in chain:
        if any(c.dep_ == "neg" for c in verb.children):
            return True
    return any(cues.has(cues.lemma(v), "negating") for v in chain[:-1])


def _modal_cue(chain: list[Token], cues: CueTable) -> str | None:
    candidates: list[Token] = []
    for verb in chain:
        candidates.extend(c for c in verb.children if c.dep_ in ("aux", "auxpass"))
    candidates.extend(chain[:-1])
    for token in sorted(candidates, key=lambda t: t.i):
        kind = cues.kind_of(cues.lemma(token), _MODAL_KINDS) or cues.kind_of(token.lower_, _MODAL_KINDS)
        if kind:
            return kind
    return None


def _conditional(head: Token, cues: CueTable) -> bool:
    """Whether the clause, or a clause it depends on, is introduced by a conditional subordinator."""
    node = head
    for _ in range(8):
        if (node.dep_ in _CONDITION_DEPS or node.i == head.i) and any(
            c.dep_ == "mark" and cues.has(c.lower_, "conditional") for c in node.children
        ):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def _is_question(head: Token, sent: Span) -> bool:
    last = sent[-1]
    while last.is_space and last.i > sent.start:
        last = last.nbor(-1)
    if last.text != "?":
        return False
    node = head
    while node.dep_ == "conj":
        node = node.head
    return node.dep_ == "ROOT"


def modality_of(chain: list[Token], sent: Span, cues: CueTable) -> str:
    """The modality of the predicate ``chain`` (denial is applied by attribution)."""
    head = chain[0]
    if _conditional(head, cues):
        return "conditional"
    if _is_question(head, sent):
        return "question"
    cue = _modal_cue(chain, cues)
    if cue is None and head.dep_ == "conj":
        own_aux = any(c.dep_ in ("aux", "auxpass") for c in head.children)
        cue = None if own_aux else _modal_cue([head.head], cues)
    if cue:
        return cue
    for verb in chain:
        if any(c.dep_ == "advmod" and cues.has(c.lower_, "hedge") for c in verb.children):
            return "reported"
    return "asserted"
