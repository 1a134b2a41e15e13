"""Statements carried by noun phrases: appositions, titles and acts named by a noun.

"Yuri Ushakov, a Kremlin aide," says that Ushakov is a Kremlin aide, and
"President Bush" that Bush is President; both become copular statements whose
relation is not written in the text (relation offsets stay empty). "Russia's
attack on Ukraine" and "talks between Russia and Ukraine" name an act between two
named actors: the noun and its preposition are the relation (see :func:`event_nouns`).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from .clauses import is_actor, merged_addressee, merged_subject
from .cues import cue_table
from .spans import NOUN_CUT_DEPS, conjuncts, phrase

__all__ = ["event_nouns", "nominal_pairs"]

_NOUN_POS = frozenset({"NOUN", "PROPN"})
_PLACES = frozenset({"GPE", "LOC"})
#: Locative prepositions (closed class).
_LOCATIVE = frozenset({"in", "at", "near"})
#: Entities that are measures, not descriptions of a participant.
_NOT_DESCRIBED = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL", "ORDINAL"})


def _title(token: Token) -> Span | None:
    """Title words before a person's name that are not part of the name entity.

    Abbreviated titles ("Dr.") are left in the name: they say little about a role.
    """
    if token.ent_type_ != "PERSON":
        return None
    ent_start = token.i
    while ent_start > 0 and token.doc[ent_start].ent_iob_ == "I":
        ent_start -= 1
    titles = [c for c in token.lefts if c.dep_ == "compound" and c.i < ent_start and c.pos_ in _NOUN_POS
              and c.ent_type_ != "PERSON" and not c.text.endswith(".")]
    if not titles:
        return None
    first = min(t.left_edge.i for t in titles)
    while first < ent_start and (token.doc[first].is_space or token.doc[first].is_punct):
        first += 1  # a left edge can be leading whitespace, outside the sentence
    return token.doc[first:ent_start] if first < ent_start else None


def nominal_pairs(sent: Span) -> Iterator[tuple[Span, Span, str]]:
    """(mention, description, kind) for appositions and titles in ``sent``.

    Kind is "apposition", "title" or "located" ("Hoboken, New Jersey": a place
    apposed to a place is inside it, and so is "the parliament in Belgrade").
    Numbers, dates and lists are not appositions.
    """
    cues = cue_table()
    for token in sent:
        if token.pos_ not in _NOUN_POS and token.pos_ != "PRON":
            continue
        for child in token.children:
            if child.dep_ != "appos" or child.pos_ not in _NOUN_POS:
                continue
            if token.ent_type_ in _NOT_DESCRIBED or child.ent_type_ in _NOT_DESCRIBED:
                continue
            if any(c.dep_ == "conj" for c in token.children):
                continue  # a list ("music, dance, literature"), not a description
            head_span = phrase(token, NOUN_CUT_DEPS)
            for part in conjuncts(child):
                # "leader of the Cherusci and allies": one description each.
                appos_span = phrase(part, NOUN_CUT_DEPS - {"acl"})
                if token.ent_type_ in _PLACES and part.ent_type_ in _PLACES:
                    yield head_span, appos_span, "located"
                elif token.ent_type_ == "PERSON" or part.ent_type_ != "PERSON":
                    yield head_span, appos_span, "apposition"
                else:
                    yield appos_span, head_span, "apposition"
        for child in token.children:
            # "the parliament in Belgrade": a noun placed in a named place.
            if child.dep_ == "prep" and child.lower_ in _LOCATIVE and token.ent_type_ not in _NOT_DESCRIBED:
                place = next((c for c in child.children if c.dep_ == "pobj" and c.ent_type_ in _PLACES), None)
                if place is not None:
                    thing = token.doc[phrase(token, NOUN_CUT_DEPS).start:child.i]
                    if len(thing):
                        yield thing, phrase(place, NOUN_CUT_DEPS - {"conj", "cc"}), "located"
        if token.dep_ != "compound" and merged_subject(token) is None and merged_addressee(token, cues) is None:
            title = _title(token)
            if title is not None:
                name_start = title.end
                name = token.doc[name_start:token.i + 1]
                yield name, title, "title"


#: Prepositions that attach the other party of an act to its noun ("attack on", "talks with"); closed class.
_PARTY_PREPS = frozenset({"on", "against", "with", "between", "over", "to", "toward", "towards", "into"})


def _named(token: Token) -> bool:
    """A named participant: the token or a modifier of it is an actor ("Russia", "Ukrainian forces")."""
    return is_actor(token) or any(is_actor(c) for c in token.lefts if c.dep_ in ("amod", "compound"))


def _owner(noun: Token) -> Token | None:
    """Who acts in an act named by a noun: its possessor ("Russia's attack"), its agent ("the
    attack ... by Iranian agents") or a modifier naming an actor ("a Russian attack")."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and _named(c)), None)
    if owner is None:
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        agent = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
        owner = agent if agent is not None and _named(agent) else None
    if owner is None:
        owner = next((c for c in noun.lefts if c.dep_ in ("amod", "compound") and is_actor(c)), None)
    return owner


def event_nouns(sent: Span) -> Iterator[tuple[Span, list[Token], Span]]:
    """(actor, relation tokens, other party) for acts a noun names between named actors:
    "Russia's attack on Ukraine", "the attack on Kyiv by Russia", "a Russian attack on Kyiv"
    (the owner → object of the preposition, see :func:`_owner`) and "talks between
    Russia and Ukraine" (each pair of coordinated parties). Both sides must be named actors,
    so "the attack on the town" or "his visit" give nothing; the event stage types the noun."""
    for noun in sent:
        if noun.pos_ != "NOUN":
            continue
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in _PARTY_PREPS:
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            relation = [noun, prep]
            if prep.lower_ == "between":
                parties = [c for c in conjuncts(obj) if _named(c)]
                if len(parties) > 1 and len(parties) == len(conjuncts(obj)):
                    spans = [phrase(c, NOUN_CUT_DEPS) for c in parties]
                    for k, first in enumerate(spans):
                        for other in spans[k + 1:]:
                            yield first, relation, other
                continue
            owner = _owner(noun)
            if owner is None:
                continue
            for target in conjuncts(obj):
                if _named(target):
                    yield phrase(owner, NOUN_CUT_DEPS | {"case"}), relation, phrase(target, NOUN_CUT_DEPS)
