"""Rule-based coreference: pronouns and definite descriptions to earlier mentions.

A pronoun takes the closest compatible mention — same type family, number and
gender — searching its own sentence first (subjects before other mentions, then
the most recent), then up to :data:`WINDOW` sentences back. Pronoun features come
from spaCy's morphology (``Gender``, ``Number``, ``Person``), not word lists. When
nothing compatible is in reach the pronoun stays unresolved: no wild guesses.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..extract.model import Actor

__all__ = ["WINDOW", "Mention", "antecedent", "clausemate_subjects", "is_pleonastic", "latest_of_type",
           "mention_is_referent", "pronoun_kind"]

#: How many sentences back a pronoun may look for its antecedent.
WINDOW = 3

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_MODIFIER_DEPS = frozenset({"amod", "compound"})
_CLAUSAL_DEPS = frozenset({"ccomp", "xcomp", "csubj"})
_COMPLEMENT_CLAUSE_DEPS = _CLAUSAL_DEPS | {"acl", "advcl", "relcl"}
_SINGULAR_TYPES = frozenset({"Country", "Organization", "Group"})
_PLURAL_TYPES = frozenset({"Group", "Organization"})
#: "it" may also be a thing or a place named as the subject of the sentence before.
_THING_TYPES = frozenset({"Other", "Location"})


@dataclass(frozen=True, slots=True)
class Mention:
    """A resolved actor mention that later pronouns and descriptions may point back to."""

    token: int  # index of the mention's head token in the Doc
    sent: int  # index of its sentence
    subject: bool
    plural: bool
    gender: str | None
    actor: Actor


def pronoun_kind(token: Token) -> tuple[str, str | None, bool] | None:
    """``(person, gender, plural)`` of a personal pronoun, None for other tokens.

    Gender is "male", "female", "neuter" or None (unmarked: they, we).
    """
    morph = token.morph
    if token.pos_ != "PRON" or "Prs" not in morph.get("PronType"):
        return None
    person = (morph.get("Person") or ["3"])[0]
    gender = {"Masc": "male", "Fem": "female", "Neut": "neuter"}.get((morph.get("Gender") or [""])[0])
    plural = "Plur" in morph.get("Number")
    return person, gender, plural


def is_pleonastic(token: Token) -> bool:
    """Expletive "it": "it is unclear whether ...", "it was reported that ..."."""
    if token.dep_ == "expl":
        return True
    if "Neut" not in token.morph.get("Gender") or token.dep_ not in _SUBJECT_DEPS:
        return False
    head = token.head
    if head.lemma_ != "be" and head.tag_ != "VBN" and not any(c.dep_ == "prt" for c in head.children):
        return False
    if any(child.dep_ in _CLAUSAL_DEPS and child.i > token.i for child in head.children):
        return True
    # "it is important to ...", "it is time for others to ...": the clause hangs off the complement
    complements = [c for c in head.children if c.dep_ in ("acomp", "attr")]
    return any(child.dep_ in _COMPLEMENT_CLAUSE_DEPS for word in complements for child in word.children)


def clausemate_subjects(token: Token) -> frozenset[int]:
    """Subject tokens a non-reflexive object pronoun cannot refer to: the subject of its own
    clause ("the king invited him": him is not the king), through infinitive chains ("wants
    to meet him") and coordinated verbs sharing a subject ("met Erdogan and thanked him")."""
    if token.dep_ in ("dobj", "dative"):
        verb = token.head
    elif token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ in ("VERB", "AUX"):
        verb = token.head.head
    else:
        return frozenset()
    while True:
        subjects = [c.i for c in verb.children if c.dep_ in _SUBJECT_DEPS]
        if subjects or verb.dep_ not in ("xcomp", "conj"):
            return frozenset(subjects)
        verb = verb.head


def antecedent(token: Token, sent_index: int, gender: str | None, plural: bool,
               mentions: list[Mention], exclude: str | None = None, after: int = 0) -> Mention | None:
    """The best earlier mention for a third-person pronoun, or None.

    Never the ``exclude`` id (the speaker of a quote the pronoun is in) and never a
    mention before token ``after`` (the quote's start). "it" only takes subjects:
    states and organisations named in passing ("approval by UNESCO") are rarely
    what a later "it" means, and a wrong link is worse than none. Things and places
    ("the training centre ... it was targeted") are only taken from the sentence
    itself or the one before.
    """
    best: tuple[tuple, Mention] | None = None
    clausemates = clausemate_subjects(token)
    for mention in mentions:
        if mention.token >= token.i:
            break
        if mention.token in clausemates:
            continue
        distance = sent_index - mention.sent
        if mention.token < after or distance > WINDOW or not _compatible(mention, gender, plural):
            continue
        if exclude is not None and mention.actor.id == exclude:
            continue
        if gender == "neuter" and not mention.subject:
            continue
        if mention.actor.type in _THING_TYPES and distance > 1:
            continue
        # a subject one sentence back ties with a non-subject of the same sentence; the subject wins
        rank = (distance + (0 if mention.subject else 1), 0 if mention.subject else 1, -mention.token)
        if best is None or rank < best[0]:
            best = (rank, mention)
    return best[1] if best else None


def latest_of_type(token: Token, sent_index: int, type_: str, mentions: list[Mention]) -> Mention | None:
    """The most recent mention of ``type_`` before ``token`` (for "the country", "the alliance")."""
    found = None
    for mention in mentions:
        if mention.token >= token.i:
            break
        if mention.actor.type == type_ and sent_index - mention.sent <= WINDOW + 1:
            found = mention
    return found


def mention_is_referent(token: Token) -> bool:
    """Modifiers ("Russian" in "Russian airstrikes") are not referents for pronouns."""
    return token.dep_ not in _MODIFIER_DEPS


def _compatible(mention: Mention, gender: str | None, plural: bool) -> bool:
    actor = mention.actor
    if gender in ("male", "female"):
        return actor.type == "Person" and not mention.plural and mention.gender in (None, gender)
    if gender == "neuter":
        return actor.type in _SINGULAR_TYPES | _THING_TYPES and not mention.plural
    if plural:
        return mention.plural or actor.type in _PLURAL_TYPES
    return False
