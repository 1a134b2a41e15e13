"""Clauses: predicates of every voice and shape, with their subjects, objects and arguments.

One :class:`Frame` per predicate (a verb, a copula, or an ``xcomp`` chain such as
"hopes to speak with"). Subjects missing from a clause are inherited along the
parse: a conjoined verb shares its head's subject, a relative clause's subject
is the noun it modifies, a participle's is the noun or clause it hangs on.
Coordinated subjects and objects are split later, one statement each.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from .cues import CueTable
from .spans import NOUN_CUT_DEPS, conjuncts, phrase, split_entity_conjuncts, split_modifier_conjuncts

__all__ = ["Frame", "clause_frames"]

SUBJ_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
PASSIVE_SUBJ_DEPS = frozenset({"nsubjpass", "csubjpass"})
AUX_DEPS = frozenset({"aux", "auxpass", "neg"})
PREDICATIVE_DEPS = ("dobj", "attr", "oprd", "acomp")
VERB_POS = frozenset({"VERB", "AUX"})
#: Dependencies under which a verb is not a predicate of its own.
NON_CLAUSE_DEPS = frozenset({"aux", "auxpass", "amod", "compound", "nmod", "nn", "poss", "det", "case"})
TIME_DEPS = frozenset({"npadvmod", "tmod"})
TIME_ENTS = frozenset({"DATE", "TIME"})
#: Places stay arguments ("arrested in Tbilisi"), never the object of the relation.
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
#: ... except after a preposition of direction ("travel to Moscow"), a closed class.
DIRECTIONAL = frozenset({"to", "into", "toward", "towards", "from", "onto"})
#: Prepositions whose object is a partner or target, never a location ("talks with Iran",
#: "fought against Russia"): a state after them is an actor (closed class).
PARTNER_PREPS = frozenset({"with", "against", "for", "about", "of"})
#: Prepositions of time (closed class): their objects are times, never the relation's object.
TEMPORAL_PREPS = frozenset({"during", "since", "until", "till", "before", "after", "throughout"})
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
RELATIVE_CLAUSE_DEPS = frozenset({"relcl", "acl"})
CLAUSE_CUT = frozenset({"punct"})
#: Objects keep their participles ("an armada preparing to invade"), cut only at clauses and conjuncts.
OBJECT_CUT_DEPS = NOUN_CUT_DEPS - {"acl"}
#: Entity labels of participants: a prepositional object with one of these is an actor.
ACTOR_ENTS = frozenset({"PERSON", "GPE", "ORG", "NORP"})
#: Nominal dependents under which the parser leaves an addressee ("tells Trump he ...").
ADDRESSEE_DEPS = frozenset({"dative", "xcomp", "oprd", "npadvmod"})
NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON"})
#: Closed class of particles that spaCy sometimes tags as adverbs ("shot down", "backed out").
PARTICLE_WORDS = frozenset({"down", "up", "out", "off", "back", "away", "over", "in", "on"})


def is_particle(token: Token) -> bool:
    """A verb particle: ``prt``, or a particle word parsed as an adverb right after its verb."""
    if token.dep_ == "prt":
        return True
    return token.dep_ == "advmod" and token.lower_ in PARTICLE_WORDS and token.i == token.head.i + 1


@dataclass
class Frame:
    """A predicate with its participants, as token spans of one sentence."""

    chain: list[Token]
    relation: list[Token]
    subjects: list[Span]
    objects: list[Span]
    arguments: list[tuple[str, Span]] = field(default_factory=list)
    #: Coordinated objects of an argument ("on Iran and Russia"), by argument index.
    splits: dict[int, list[Span]] = field(default_factory=dict)
    passive: bool = False
    agents: list[Span] = field(default_factory=list)
    #: How the subject was found: "own", "shared" (coordination), "relative", "control",
    #: "split" (taken off the governor's object, see :func:`merged_subject`).
    subject_source: str = "own"

    @property
    def head(self) -> Token:
        """The chain's first verb, where subject, auxiliaries and clause links attach."""
        return self.chain[0]


def is_predicate(token: Token) -> bool:
    """Whether ``token`` heads a clause of its own."""
    if token.pos_ not in VERB_POS or token.dep_ in NON_CLAUSE_DEPS:
        return False
    if token.pos_ == "AUX":
        # A copula heads its clause only when it is the clause root or has a subject.
        return token.dep_ in ("ROOT", "conj", "ccomp", "advcl", "relcl") or any(
            c.dep_ in SUBJ_DEPS for c in token.children
        )
    return True


def prepositional_controller(verb: Token, cues: CueTable) -> Token | None:
    """The prepositional object that controls ``verb``'s infinitive complement ("called [on
    Iran] to release": Iran releases), or None.

    Which verb and preposition pass control to the object is data (cue kind
    ``prepositionalControl``, keyed "call on"): "agreed with Iran to hold talks" keeps its
    subject as the infinitive's. The phrase must come before the infinitive.
    """
    infinitive = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in VERB_POS), None)
    if infinitive is None:
        return None
    for child in verb.children:
        if child.dep_ == "prep" and verb.i < child.i < infinitive.i \
                and cues.has(f"{cues.lemma(verb)} {child.lower_}", "prepositionalControl"):
            return _pobj(child)
    return None


def _xcomp_next(token: Token, cues: CueTable) -> list[Token]:
    """The tokens an ``xcomp`` chain continues with after ``token`` ("ready to talk": [ready, talk])."""
    if any(c.dep_ in ("dobj", "dative") for c in token.children) or prepositional_controller(token, cues):
        return []  # object control: "urged Iran to return", "called on Iran to return": two statements
    for child in token.children:
        own_subject = any(c.dep_ in SUBJ_DEPS for c in child.children)
        if child.dep_ == "xcomp" and child.pos_ in VERB_POS and not own_subject:
            return [child]
    if token.lemma_ == "be" or token.pos_ == "AUX":
        for child in token.children:
            if child.dep_ in ("acomp", "attr") and child.pos_ == "ADJ":
                for grand in child.children:
                    if grand.dep_ == "xcomp" and grand.pos_ in VERB_POS:
                        return [child, grand]
    return []


def predicate_chain(verb: Token, cues: CueTable) -> list[Token]:
    """``verb`` followed by the ``xcomp`` verbs that complete it ("expected to discuss")."""
    chain = [verb]
    while True:
        nxt = _xcomp_next(chain[-1], cues)
        if not nxt:
            return chain
        chain.extend(nxt)


def dependents(verb: Token) -> list[Token]:
    """The verb's children, plus those hanging on its particle ("recalled back [to duty]")."""
    out = list(verb.children)
    for child in verb.children:
        if is_particle(child):
            out.extend(child.children)
    return sorted(out, key=lambda t: t.i)


def shared_auxiliaries(verb: Token) -> list[Token]:
    """Auxiliaries a coordinated verb shares with the verb it is conjoined to
    ("were mobilized and recalled": "were recalled"); negation is not shared, and
    a conjoined clause with its own subject shares nothing."""
    if verb.dep_ != "conj" or any(c.dep_ in ("aux", "auxpass") or c.dep_ in SUBJ_DEPS for c in verb.children):
        return []
    head = verb.head
    if head.pos_ not in VERB_POS:
        return []
    return [c for c in head.children if c.dep_ in ("aux", "auxpass") and c.i < head.i]


def relation_tokens(chain: list[Token]) -> list[Token]:
    """Auxiliaries, negation, infinitive markers, verbs and particles of the chain, in text order."""
    out: list[Token] = []
    for verb in chain:
        out.append(verb)
        for child in verb.children:
            bare_adverb = (child.dep_ == "advmod" and child.pos_ == "ADV" and child.tag_ != "WRB"
                           and child.n_lefts + child.n_rights == 0 and abs(child.i - verb.i) <= 2)
            if child.dep_ in AUX_DEPS or is_particle(child) or bare_adverb:
                out.append(child)
    return sorted(set(out), key=lambda t: t.i)


def _relative_antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun stands for ("missiles [that] Ukraine relies on")."""
    if token.tag_ not in RELATIVE_TAGS and token.lower_ != "that":
        return None
    node = token
    while node.head.i != node.i:
        if node.dep_ == "relcl":
            return node.head
        if node.dep_ in ("ccomp", "advcl", "ROOT"):
            return None
        node = node.head
    return None


def merged_subject(noun: Token) -> Token | None:
    """The first token of ``noun``'s phrase when the parser merged an object and the subject
    of the next clause into one noun phrase ("told [Reuters] [Trump] may speak"), else None.

    The sign: an object whose head starts an entity of its own, after a compound from
    another entity, directly followed by a clause complement of the same verb that has no
    subject. The object is then the compound part; ``noun`` is the clause's subject.
    """
    if noun.dep_ != "dobj" or noun.ent_iob_ != "B":
        return None
    first = noun.left_edge
    if first.i == noun.i or noun.doc[noun.i - 1].ent_iob_ == "O" or noun.doc[noun.i - 1].dep_ != "compound":
        return None
    if any(c.dep_ == "prep" or c.dep_ in NOUN_CUT_DEPS for c in noun.rights):
        return None
    for clause in noun.head.children:
        if clause.dep_ == "ccomp" and clause.left_edge.i == noun.i + 1 and clause.pos_ in VERB_POS \
                and not any(c.dep_ in SUBJ_DEPS for c in clause.children):
            return first
    return None


def merged_addressee(subject: Token, cues: CueTable) -> Span | None:
    """The addressee the parser merged into the subject of a communication verb's clause
    ("assured [Erdogan] [Russia] would keep ..."), or None.

    The mirror of :func:`merged_subject`: the clause subject starts an entity of its own after
    a compound from another entity, its phrase starts right after a communication verb
    (cue kind ``addressee``) that has no object.
    """
    if subject.dep_ != "nsubj" or subject.ent_iob_ != "B" or subject.head.dep_ != "ccomp":
        return None
    governor = subject.head.head
    first = subject.left_edge
    before = subject.doc[subject.i - 1]
    if first.i == subject.i or before.dep_ != "compound" or before.ent_iob_ == "O" or first.i <= governor.i:
        return None
    if not cues.has(cues.lemma(governor), "addressee"):
        return None
    if any(c.dep_ in ("dobj", *ADDRESSEE_DEPS) and c.pos_ in NOMINAL_POS for c in governor.children):
        return None
    if any(not is_particle(t) for t in subject.doc[governor.i + 1:first.i]):
        return None
    return subject.doc[first.i:subject.i]


def controlled_clause(verb: Token) -> tuple[Token, Token, Token | None] | None:
    """(subject, infinitive marker, "for" of a for-infinitive or None) of an infinitival clause
    the parser hung on ``verb`` as a clause with a subject of its own, when that subject is
    really ``verb``'s object ("wants [Putin] to attack": object control, as "urged Putin to
    attack" is parsed), else None.

    The sign: a ``ccomp`` right after the verb whose subject is a noun phrase that opens it,
    followed by the clause's ``to`` marker.
    """
    for clause in verb.children:
        if clause.dep_ not in ("ccomp", "advcl") or clause.i < verb.i or clause.pos_ not in VERB_POS:
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.pos_ in NOMINAL_POS), None)
        marker = next((c for c in clause.children if c.dep_ == "aux" and c.tag_ == "TO"), None)
        if subject is None or marker is None or not subject.i < marker.i < clause.i:
            continue
        if marker.i != subject.right_edge.i + 1:
            continue
        if clause.dep_ == "ccomp" and clause.left_edge.i == subject.left_edge.i:
            return subject, marker, None
        mark = for_complementizer(clause, subject) if clause.dep_ == "advcl" else None
        if mark is not None:
            return subject, marker, mark
    return None


def for_complementizer(clause: Token, subject: Token) -> Token | None:
    """The "for" opening a for-infinitive ("called [for] Iran to release"), whose noun phrase is
    always the infinitive's subject: the parser hangs such a clause on the verb as an adverbial."""
    mark = next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "for"), None)
    if mark is not None and mark.i == clause.left_edge.i and subject.left_edge.i == mark.i + 1:
        return mark
    return None


def _clause_subject(verb: Token) -> Token | None:
    """The subject of a subjectless complement clause that the parser merged into its
    governor's object (see :func:`merged_subject`)."""
    if verb.dep_ != "ccomp":
        return None
    for child in verb.head.children:
        if child.dep_ == "dobj" and child.i == verb.left_edge.i - 1 and merged_subject(child) is not None:
            return child
    return None


def find_subject(verb: Token, cues: CueTable, depth: int = 0) -> tuple[Token | None, bool, str]:
    """(subject head, passive subject?, how found) for the clause headed by ``verb``."""
    for child in verb.children:
        if child.dep_ in SUBJ_DEPS:
            if child.dep_ == "expl":
                continue
            antecedent = _relative_antecedent(child)
            if antecedent is not None:
                return antecedent, child.dep_ in PASSIVE_SUBJ_DEPS, "relative"
            return child, child.dep_ in PASSIVE_SUBJ_DEPS, "own"
    if any(c.dep_ == "expl" for c in verb.children):
        # "There were protests in Tbilisi": the attribute is what the clause is about.
        for child in verb.children:
            if child.dep_ == "attr":
                return child, False, "own"
    if depth > 6:
        return None, False, "none"
    merged = _clause_subject(verb)
    if merged is not None:
        return merged, False, "split"
    head, dep = verb.head, verb.dep_
    if dep == "conj":
        subject, passive, _ = find_subject(head, cues, depth + 1)
        return subject, passive, "shared"
    if dep == "xcomp":
        for child in head.children:
            if child.dep_ in ("dobj", "dative"):
                return child, False, "control"
        controller = prepositional_controller(head, cues)
        if controller is not None:
            return controller, False, "control"
        subject, _, _ = find_subject(head, cues, depth + 1)
        return subject, False, "control"
    if dep in RELATIVE_CLAUSE_DEPS and head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        return head, verb.tag_ == "VBN", "relative"
    if dep == "advcl" and (verb.tag_ in ("VBG", "VBN") or any(c.tag_ == "TO" for c in verb.children)):
        subject, _, _ = find_subject(head, cues, depth + 1)
        return subject, verb.tag_ == "VBN", "control"
    if dep == "pcomp" and head.head.i != head.i:
        # "accused Russia of violating": the object controls; "after meeting Putin": the subject.
        governor = head.head
        for child in governor.children:
            if child.dep_ == "dobj" and governor.pos_ in VERB_POS and child.i < head.i:
                return child, False, "control"
        subject, _, _ = find_subject(governor, cues, depth + 1)
        return subject, False, "control"
    return None, False, "none"


def _pobj(prep: Token) -> Token | None:
    for child in prep.children:
        if child.dep_ == "pobj":
            return child
    return None


def _prep_tokens(prep: Token) -> list[Token]:
    """A preposition with its fixed parts ("because of", "out of")."""
    out = [prep]
    for child in prep.children:
        if child.dep_ == "prep" and _pobj(child) is not None and child.i == prep.i + 1:
            out.append(child)
    return out


def _phrase_object(prep: Token) -> Token | None:
    """The object of a (possibly two-word) preposition."""
    obj = _pobj(prep)
    if obj is not None:
        return obj
    for child in prep.children:
        if child.dep_ == "prep" and child.i == prep.i + 1:
            return _pobj(child)
    return None


def _is_time(token: Token, cues: CueTable) -> bool:
    return token.ent_type_ in TIME_ENTS or cues.has(cues.lemma(token), "period") or cues.has(
        token.lower_, "relativeDay"
    )


def is_actor(token: Token) -> bool:
    """A participant by NER or the actor ruler: a person, state, organisation or group."""
    return token.ent_type_ in ACTOR_ENTS or bool(token.ent_kb_id_)


def _actor_before_time(obj: Token, cues: CueTable) -> Token | None:
    """The actor a time noun swallowed as a compound ("with [Trump] tomorrow"), or None."""
    if not _is_time(obj, cues):
        return None
    for child in obj.lefts:
        if child.dep_ == "compound" and is_actor(child) and not _is_time(child, cues):
            return child
    return None


def _split_time(obj: Token, cues: CueTable) -> tuple[Span, Span | None]:
    """The phrase of a prepositional object, and the time phrase split off it, if any.

    "with Trump tomorrow or in the coming days": *Trump* is the object, *tomorrow* a time.
    """
    actor = _actor_before_time(obj, cues)
    if actor is None:
        return phrase(obj, NOUN_CUT_DEPS - {"conj", "cc", "acl"}, keep_conj=True), None
    doc = obj.doc
    return doc[actor.left_edge.i:actor.i + 1], doc[actor.i + 1:obj.i + 1]


def _arguments_of(verb: Token, used: set[int], cues: CueTable, splits: dict[int, list[Span]],
                  offset: int = 0) -> list[tuple[str, Span]]:
    """Prepositional phrases and time adverbials attached to ``verb`` (not yet used).

    Coordinated prepositional objects are recorded in ``splits`` under their
    argument's index (counted from ``offset``).
    """
    out: list[tuple[str, Span]] = []
    local: dict[int, list[Span]] = {}
    for child in dependents(verb):
        if child.i in used:
            continue
        if child.dep_ == "prep":
            if cues.has(cues.lemma(child), "attribution") or cues.has(child.lower_, "attribution"):
                continue
            obj = _phrase_object(child)
            if obj is not None:
                role = " ".join(t.lower_ for t in _prep_tokens(child))
                span, time = _split_time(obj, cues)
                out.append((role, span))
                if time is not None:
                    out.append(("time", time))
                elif len(conjuncts(obj)) > 1:
                    local[len(out) - 1] = [phrase(c) for c in conjuncts(obj)]
            else:
                pcomp = [c for c in child.children if c.dep_ == "pcomp"]
                if pcomp:
                    out.append((child.lower_, phrase(pcomp[0], CLAUSE_CUT)))
        elif (child.dep_ in TIME_DEPS and _is_time(child, cues)) or (
            child.dep_ == "advmod" and any(t.ent_type_ in TIME_ENTS for t in child.subtree)
        ):
            out.append(("time", phrase(child, CLAUSE_CUT)))
        elif child.dep_ == "advmod" and any(c.dep_ == "prep" for c in child.children):
            out.append(("adverbial", phrase(child, CLAUSE_CUT)))  # "northeast of Tarboro"
        elif child.dep_ == "dative":
            obj = _pobj(child) if child.pos_ == "ADP" else child
            if obj is not None:
                role = child.lower_ if child.pos_ == "ADP" else "recipient"
                out.append((role, phrase(obj)))
    splits.update({offset + k: v for k, v in local.items()})
    return out


def misattached_content(verb: Token, cues: CueTable) -> bool:
    """Whether a relative clause is the content of a reporting verb that the parser hung on
    the noun of the verb's prepositional phrase ("told Trump in a call [that Moscow would
    not back down]"): a complementizer, and the noun inside a phrase of a reporting verb."""
    if verb.dep_ != "relcl" or not any(c.dep_ == "mark" for c in verb.children):
        return False
    noun = verb.head
    prep = noun.head
    return noun.dep_ == "pobj" and prep.dep_ == "prep" and cues.has(cues.lemma(prep.head), "reporting")


def _relative_object(verb: Token, clause: Token) -> tuple[Token | None, Token | None]:
    """(relative pronoun, antecedent) when the pronoun is the object or prepositional
    object of ``verb``, a verb of the relative clause headed by ``clause``."""
    if clause.dep_ != "relcl":
        return None, None
    antecedent = clause.head
    for child in verb.children:
        if child.dep_ == "dobj" and (child.tag_ in RELATIVE_TAGS or child.lower_ == "that"):
            return child, antecedent
        if child.dep_ == "prep":
            obj = _pobj(child)
            if obj is not None and (obj.tag_ in RELATIVE_TAGS or obj.lower_ == "that"):
                return obj, antecedent
    return None, None


def _predicate_noun_link(noun: Token, light: bool) -> tuple[Token, Token] | None:
    """(preposition, its object) when a light verb's object noun ends in one prepositional phrase."""
    if not light or noun.dep_ != "dobj" or noun.pos_ not in ("NOUN",):
        return None
    rights = list(noun.rights)
    if len(rights) != 1 or rights[0].dep_ != "prep":
        return None
    obj = _pobj(rights[0])
    if obj is None:
        return None
    return rights[0], obj


def build_frame(verb: Token, cues: CueTable) -> Frame | None:
    """The frame of the predicate headed by ``verb`` (None when it has no subject)."""
    chain = predicate_chain(verb, cues)
    last = chain[-1]
    subject, passive_subject, source = find_subject(verb, cues)
    if subject is None:
        return None
    passive = any(c.dep_ == "auxpass" for c in last.children) or (len(chain) == 1 and passive_subject)
    if len(chain) == 1 and source == "relative" and verb.dep_ == "acl" and verb.tag_ == "VBN":
        passive = True
    relation = relation_tokens(chain) + shared_auxiliaries(verb)
    used: set[int] = {t.i for t in relation} | {subject.i}
    objects: list[Span] = []
    arguments: list[tuple[str, Span]] = []
    agents: list[Span] = []

    rel_pronoun, antecedent = None, None
    for chain_verb in chain:
        rel_pronoun, antecedent = _relative_object(chain_verb, chain[0])
        if rel_pronoun is not None:
            break
    if rel_pronoun is not None and rel_pronoun.dep_ == "pobj":
        prep = rel_pronoun.head
        relation = sorted([*relation, *_prep_tokens(prep)], key=lambda t: t.i)
        used.add(prep.i)
        objects = [phrase(antecedent)]
    elif rel_pronoun is not None:
        used.add(rel_pronoun.i)
        objects = [phrase(antecedent)]
    elif last.dep_ == "relcl" and source == "own" and len(chain) == 1 and not any(
        c.dep_ in ("dobj", "attr", "acomp", "ccomp", "xcomp") for c in last.children
    ) and not misattached_content(last, cues):
        # A relative clause without a pronoun: "a post he held" -> he held a post;
        # "the city he lives in" -> he lives in the city.
        stranded = [
            c for c in last.children if c.dep_ == "prep" and c.i > last.i and _phrase_object(c) is None
        ]
        if stranded:
            relation = sorted([*relation, stranded[0]], key=lambda t: t.i)
            used.add(stranded[0].i)
        objects = [phrase(last.head)]

    for dep in PREDICATIVE_DEPS:
        if objects:
            break
        for child in last.children:
            if child.dep_ == dep and child.i not in used:
                if child.i in {t.i for t in chain}:
                    continue
                light = cues.has(cues.lemma(last), "light") and len(conjuncts(child)) == 1
                linked = _predicate_noun_link(child, light)
                if linked is not None:
                    # "held talks with Iran": the object noun and its preposition join the relation.
                    prep, obj = linked
                    noun_words = child.doc[child.left_edge.i:prep.i + 1]
                    relation = sorted([*relation, *noun_words], key=lambda t: t.i)
                    used.update({child.i, prep.i})
                    objects = [phrase(c, OBJECT_CUT_DEPS) for c in conjuncts(obj)]
                    break
                first = merged_subject(child)
                if first is not None:
                    objects = [child.doc[first.i:child.i]]  # "told Reuters | Trump may speak"
                else:
                    objects = [phrase(c, OBJECT_CUT_DEPS) for c in conjuncts(child)]
                used.update(c.i for c in conjuncts(child))
                break

    for child in last.children:
        if child.dep_ == "agent":
            obj = _pobj(child)
            used.add(child.i)
            if obj is not None:
                agents = [phrase(c) for c in conjuncts(obj)]

    merged_clause: dict[int, int] = {}  # clause head -> where its content starts
    if not objects and not passive and cues.has(cues.lemma(last), "addressee"):
        # "Putin tells Trump he will not back down": the addressee the parser left as a
        # complement or dative is the object of a communication verb.
        for child in last.children:
            if child.dep_ in ADDRESSEE_DEPS and child.pos_ in NOMINAL_POS and child.i > last.i \
                    and child.i not in used and not _is_time(child, cues):
                objects = [phrase(c, OBJECT_CUT_DEPS) for c in conjuncts(child)]
                used.update(c.i for c in conjuncts(child))
                break
            if child.dep_ == "ccomp":
                subject_of = next((c for c in child.children if c.dep_ == "nsubj"), None)
                addressee = merged_addressee(subject_of, cues) if subject_of is not None else None
                if addressee is not None:
                    objects = [addressee]
                    merged_clause[child.i] = subject_of.i
                    break

    controlled = controlled_clause(last) if not objects and not passive else None
    if controlled is not None:
        # "wants Putin to attack": Putin is the object, "to attack" the complement.
        controlled_subject, _marker, mark = controlled
        objects = [phrase(c, OBJECT_CUT_DEPS) for c in conjuncts(controlled_subject)]
        if mark is not None:
            # "called for Iran to release": "for" joins the relation, as "on" does in "called on"
            relation = sorted([*relation, mark], key=lambda t: t.i)
            used.add(mark.i)

    controller = prepositional_controller(last, cues) if not objects and not passive else None
    if controller is not None:
        # "called on Iran to release": Iran is the object, a participant even when a place name.
        relation = sorted([*relation, *_prep_tokens(controller.head)], key=lambda t: t.i)
        used.add(controller.head.i)
        objects = [phrase(c, OBJECT_CUT_DEPS) for c in conjuncts(controller)]

    times: list[Span] = []
    if not objects and not (passive and agents):
        candidates: list[tuple[Token, Token, Token | None]] = []
        for child in dependents(last):
            if child.dep_ != "prep" or child.i < last.i or child.i in used:
                continue
            if cues.has(cues.lemma(child), "attribution") or cues.has(child.lower_, "attribution"):
                continue
            obj = _phrase_object(child)
            if obj is None or child.lower_ in TEMPORAL_PREPS:
                continue
            actor = _actor_before_time(obj, cues)
            if actor is None and _is_time(obj, cues):
                continue
            if obj.ent_type_ in PLACE_ENTS and child.lower_ not in DIRECTIONAL and not (
                obj.ent_type_ == "GPE" and child.lower_ in PARTNER_PREPS
            ):
                continue
            candidates.append((child, obj, actor))
        # The first prepositional phrase that names a participant links the object ("spoke by
        # phone with Putin" → speak with Putin); without one, the first phrase does.
        chosen = next((c for c in candidates if c[2] is not None or is_actor(c[1])), None)
        reported = any(c.dep_ == "ccomp" for c in last.children) and cues.has(cues.lemma(last), "reporting")
        if not reported:
            chosen = chosen or (candidates[0] if candidates else None)
        if chosen is not None:
            prep, obj, actor = chosen
            relation = sorted([*relation, *_prep_tokens(prep)], key=lambda t: t.i)
            used.add(prep.i)
            if actor is not None:
                span, time = _split_time(obj, cues)
                objects = [span]
                times.append(time)
            else:
                objects = [phrase(c, OBJECT_CUT_DEPS) for c in conjuncts(obj)]

    splits: dict[int, list[Span]] = {}
    arguments.extend(("time", time) for time in times)
    for chain_verb in chain:
        arguments.extend(_arguments_of(chain_verb, used, cues, splits, len(arguments)))
    for child in last.children:
        reporting = cues.has(cues.lemma(last), "reporting")
        if controlled is not None and child.i == controlled[0].head.i:
            arguments.append(("complement", child.doc[controlled[1].i:phrase(child, CLAUSE_CUT).end]))
        elif child.dep_ == "ccomp" and child.i not in used and (child.i > last.i or reporting):
            clause = phrase(child, CLAUSE_CUT)
            if child.i in merged_clause:
                clause = child.doc[merged_clause[child.i]:clause.end]
            mark = clause[0]
            if mark.dep_ == "mark" and mark.head.i == child.i and len(clause) > 1 and not objects:
                # "said that X": the complementizer links the clause, as a preposition links an object.
                relation = sorted([*relation, mark], key=lambda t: t.i)
                clause = clause[1:]
            arguments.append(("content", clause))
        elif child.dep_ == "xcomp" and child not in chain and child.i not in used:
            arguments.append(("complement", phrase(child, CLAUSE_CUT)))
        elif child.dep_ == "prep" and (obj := _pobj(child)) is not None:
            arguments.extend(("content", phrase(c, CLAUSE_CUT)) for c in obj.children
                             if misattached_content(c, cues))

    subject_cut = OBJECT_CUT_DEPS if source == "own" else NOUN_CUT_DEPS
    if subject.pos_ == "VERB":
        subjects = [phrase(subject, CLAUSE_CUT)]  # a clausal subject
    elif source == "split":
        subjects = [subject.doc[subject.i:subject.i + 1]]
    elif merged_addressee(subject, cues) is not None:
        subjects = [subject.doc[subject.i:phrase(subject, subject_cut).end]]
    else:
        subjects = split_entity_conjuncts(subject, subject_cut) or [
            part for s in conjuncts(subject) for part in split_modifier_conjuncts(phrase(s, subject_cut))]
    return Frame(
        chain=chain,
        relation=relation,
        subjects=subjects,
        objects=objects,
        arguments=arguments,
        splits=splits,
        passive=passive,
        agents=agents,
        subject_source=source,
    )


def clause_frames(sent: Span, cues: CueTable) -> list[Frame]:
    """Every predicate frame of ``sent``, in text order."""
    merged: set[int] = set()
    frames: list[Frame] = []
    for token in sent:
        if token.i in merged or not is_predicate(token):
            continue
        frame = build_frame(token, cues)
        chain = frame.chain if frame else predicate_chain(token, cues)
        merged.update(t.i for t in chain[1:])
        if frame is not None:
            frames.append(frame)
    return frames
