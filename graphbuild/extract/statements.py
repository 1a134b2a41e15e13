"""From clause frames to contract statements: one per subject × object of a frame.

Passives with a ``by`` agent are turned active for the graph ("Sanctions were
imposed on Iran by the EU" → EU imposed sanctions, argument on Iran); the frame's
surface voice stays in ``Statement.extra["voice"]``.

A reported clause also gives a statement from the reporter to the clause's actor
("The US said Iraq attacked Kuwait" → The US -say attack-> Iraq, voice ``report``):
event coders read a reported hostile act as an accusation (CAMEO 112) of its actor,
and the event stage types it only when the lexicon's accusation frame maps the act.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from ..nlp import sentence_span
from .attribution import Source, source_of
from .clauses import CLAUSE_CUT, PLACE_ENTS, Frame, clause_frames, is_particle
from .cues import CueTable, cue_table
from .dates import statement_date
from .modality import is_negated, modality_of
from .model import Argument, Attribution, Relation, Statement
from .nominal import event_nouns, nominal_pairs
from .spans import make_actor, phrase, span_head, span_text

__all__ = ["extract_statements"]


def _relation(tokens: list[Token], chain: list[Token], cues: CueTable, offset: int) -> Relation:
    """Surface text as written; lemma without auxiliaries, negation and modal chain verbs.

    A negating chain verb stays in the lemma ("refused to deploy" → ``refuse to deploy``):
    the edge label must not read as the act that was refused; ``negated`` is set as well.
    """
    text = span_text(tokens)
    keep: list[str] = []
    content_from = 0
    for k, verb in enumerate(chain[:-1]):
        lemma = cues.lemma(verb)
        cue = cues.kind_of(lemma, ("possible", "expected", "intended"))
        if cue or verb.pos_ in ("AUX", "ADJ") or lemma == "be":
            content_from = k + 1  # modal, copula or adjective before the content verb
    chain_ids = {t.i for t in chain[content_from:]}
    for tok in tokens:
        if tok.i in chain_ids:
            keep.append(cues.lemma(tok))
        elif is_particle(tok) or tok.dep_ in ("prep", "agent") or (tok.pos_ == "ADP" and tok.dep_ != "aux") \
                or (tok.dep_ == "mark" and tok.lower_ == "for"):  # "called for Iran to": a for-infinitive
            keep.append(tok.lower_)
        elif tok.dep_ == "dobj":
            keep.append(tok.lower_)  # a light verb's object noun ("hold talks with")
        elif (tok.dep_ == "aux" and tok.tag_ == "TO" and tok.head.i in chain_ids
              and tok.head.i != chain[content_from].i):
            keep.append("to")
    start = min(t.idx for t in tokens) + offset
    end = max(t.idx + len(t) for t in tokens) + offset
    return Relation(text=text, lemma=" ".join(keep) or chain[-1].lemma_.lower(), start=start, end=end)


#: Confidence model: a base score and additive penalties, fitted by least squares
#: to CaRB precision on the dev split (python -m graphbuild.bench.carb --split dev).
_BASE_CONFIDENCE = 0.81
_CLAUSE_PENALTY = {"ccomp": 0.12, "relcl": 0.09, "conj": 0.06}
_SUBORDINATE_PENALTY = 0.17
_SUBJECT_PENALTY = {"relative": 0.11, "control": 0.05}
#: A reporter's statement about the actor of the reported clause is a reading, not a tuple as written.
_REPORT_CONFIDENCE = 0.3
_NOMINAL_CONFIDENCE = {"apposition": 0.65, "title": 0.7, "located": 0.55, "event": 0.5}


def _confidence(frame: Frame, subject: Span, obj: Span | None, source: Source | None, modality: str) -> float:
    """A score in [0, 1]: own-subject main clauses with an object score high; bare
    predicates, embedded or inherited clauses, pronouns and very long tuples lower."""
    score = _BASE_CONFIDENCE
    dep = frame.head.dep_
    if dep in _CLAUSE_PENALTY:
        score -= _CLAUSE_PENALTY[dep]
    elif dep not in ("ROOT",):
        score -= _SUBORDINATE_PENALTY
    score -= _SUBJECT_PENALTY.get(frame.subject_source, 0.0)
    if obj is None and not frame.arguments and not frame.agents:
        score -= 0.56
    elif obj is None:
        score += 0.09
    if span_head(subject).pos_ == "PRON":
        score -= 0.05
    if source is not None:
        score -= 0.11
    if modality == "conditional":
        score -= 0.17
    if any(role == "content" for role, _ in frame.arguments):
        score -= 0.06
    words = len(subject) + (len(obj) if obj is not None else 0)
    words += sum(len(span) + 1 for _, span in frame.arguments)
    if words >= 20:
        score -= 0.16
    return round(min(0.95, max(0.05, score)), 4)


def _mutual(frame: Frame, cues: CueTable) -> bool:
    """Whether coordinated subjects act on each other: a symmetric verb ("meet", "talk")
    with no object of its own."""
    return (len(frame.subjects) > 1 and not frame.objects and not frame.passive
            and frame.subject_source == "own" and cues.has(cues.lemma(frame.chain[-1]), "symmetric"))


def _statement(info: dict, **fields) -> Statement:
    """A statement of the sentence that ``info`` describes (document, text, span, index)."""
    return Statement(doc=info["doc"], sentence=info["text"], span=info["span"], sentence_index=info["index"],
                     **fields)


def _frame_statements(frame: Frame, sent: Span, info: dict, cues: CueTable) -> Iterator[Statement]:
    doc = sent.doc
    offset = doc._.char_offset
    relation = _relation(frame.relation, frame.chain, cues, offset)
    negated = is_negated(frame.chain, cues)
    modality = modality_of(frame.chain, sent, cues)
    source = source_of(frame.head, cues)
    attribution = None
    if source is not None:
        attribution = Attribution(source.span.text, make_actor(source.span))
        if source.denied and modality == "asserted":
            modality = "denied"
    date = statement_date(frame.chain, doc._.published, modality == "expected", cues, info["times"])
    arguments = tuple(Argument(role, make_actor(span)) for role, span in frame.arguments)
    # Coordinated objects of the first split argument give one statement each.
    variants = [arguments]
    if frame.splits:
        index = min(frame.splits)
        role = frame.arguments[index][0]
        variants = [
            arguments[:index] + (Argument(role, make_actor(part)),) + arguments[index + 1:]
            for part in frame.splits[index]
        ]
    objects: list[Span | None] = list(frame.objects) or [None]
    if frame.passive and frame.agents:
        # Active for the graph: agent → subject, surface subject → object.
        pairs = [(agent, subj) for agent in frame.agents for subj in frame.subjects]
        voice = "passive-agent"
        extra_arguments = tuple(Argument("complement", make_actor(o)) for o in frame.objects)
    elif _mutual(frame, cues):
        # "Obama and Putin will meet": each coordinated subject met the others.
        subjects = frame.subjects
        pairs = [(a, b) for k, a in enumerate(subjects) for b in subjects[k + 1:]]
        if any(span.root.ent_type_ in PLACE_ENTS for role, span in frame.arguments if role != "time"):
            # "... will meet in Zurich": the last subject is never a pair's subject, yet it
            # too met there; its own statement carries the place, with no invented partner.
            pairs.append((subjects[-1], None))
        voice = "active"
        extra_arguments = ()
    else:
        pairs = [(subj, obj) for subj in frame.subjects for obj in objects]
        voice = "passive" if frame.passive else "active"
        extra_arguments = tuple(Argument("by", make_actor(a)) for a in frame.agents)
    for subject, obj in pairs:
        if obj is not None and (subject.start < obj.end and obj.start < subject.end):
            continue
        confidence = _confidence(frame, subject, obj, source, modality)
        for variant in variants:
            yield _statement(
                info,
                subject=make_actor(subject),
                relation=relation,
                object=make_actor(obj) if obj is not None else None,
                arguments=variant + extra_arguments,
                negated=negated,
                modality=modality,
                attribution=attribution,
                date=date,
                confidence=confidence,
                extra={"voice": voice, "subject_from": frame.subject_source, "clause": frame.head.dep_},
            )


#: Relations that a noun phrase implies without writing them (no offsets, so no tense).
_NOMINAL_RELATIONS = {
    "apposition": Relation(text="be", lemma="be"),
    "title": Relation(text="be", lemma="be"),
    "located": Relation(text="be in", lemma="be in"),
}


def _nominal_statements(sent: Span, info: dict) -> Iterator[Statement]:
    for mention, description, kind in nominal_pairs(sent):
        yield _statement(
            info,
            subject=make_actor(mention),
            relation=_NOMINAL_RELATIONS[kind],
            object=make_actor(description),
            confidence=_NOMINAL_CONFIDENCE[kind],
            extra={"voice": kind},
        )


def _event_noun_statements(sent: Span, info: dict, cues: CueTable) -> Iterator[Statement]:
    """"Russia's attack on Ukraine": Russia -attack on-> Ukraine, the noun and preposition written."""
    offset = sent.doc._.char_offset
    for actor, tokens, other in event_nouns(sent):
        noun, prep = tokens
        relation = Relation(text=span_text(tokens), lemma=f"{cues.lemma(noun)} {prep.lower_}",
                            start=noun.idx + offset, end=prep.idx + len(prep) + offset)
        yield _statement(
            info,
            subject=make_actor(actor),
            relation=relation,
            object=make_actor(other),
            confidence=_NOMINAL_CONFIDENCE["event"],
            extra={"voice": "event-noun"},
        )


def _reported_frames(frame: Frame, frames: list[Frame], cues: CueTable) -> list[Frame]:
    """The frames of clauses that the reporting verb of ``frame`` reports ("said [Iraq attacked]",
    "alleged that X ... and that [Y contributed]"), each with a subject of its own; none for a
    denial ("denied that its forces shelled")."""
    verb = frame.chain[-1]
    lemma = cues.lemma(verb)
    if not cues.has(lemma, "reporting") or cues.has(lemma, "denial") or frame.passive:
        return []
    out = []
    for inner in frames:
        node = inner.head
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        acts = inner.chain[-1].pos_ == "VERB" and inner.chain[-1].lemma_ != "be"  # not a copula
        if node.dep_ == "ccomp" and node.head.i == verb.i and inner.subject_source == "own" and acts:
            out.append(inner)
    return out


def _report_statements(frame: Frame, inner: Frame, sent: Span, info: dict, cues: CueTable) -> Iterator[Statement]:
    """Reporter → actor of the reported clause; never for a negated report or clause (a denial
    accuses nobody), nor for a passive clause without agent (its subject suffered the act)."""
    if is_negated(frame.chain, cues) or is_negated(inner.chain, cues) or source_of(frame.head, cues) is not None:
        return
    accused = inner.agents if inner.passive else inner.subjects
    if not accused:
        return
    offset = sent.doc._.char_offset
    said = _relation(frame.relation, frame.chain, cues, offset)
    act = _relation(inner.relation, inner.chain, cues, offset)
    # Written as in the text; the lemma reads reporter first ("attacked ..., the US said": say attack).
    relation = Relation(text=span_text({*frame.relation, *inner.relation}), lemma=f"{said.lemma} {act.lemma}",
                        start=min(said.start, act.start), end=max(said.end, act.end))
    modality = modality_of(frame.chain, sent, cues)
    date = statement_date(frame.chain, sent.doc._.published, modality == "expected", cues, info["times"])
    # The clause stays the content: its words ("fired [missiles]") type the act, its actors are no targets.
    clause = phrase(inner.head, CLAUSE_CUT)
    if clause[0].dep_ == "mark" and clause[0].head.i == inner.head.i and len(clause) > 1:
        clause = clause[1:]  # "said [that] ...": the complementizer is no part of the content
    content = (Argument("content", make_actor(clause)),)
    for subject in frame.subjects:
        for actor in accused:
            if subject.start < actor.end and actor.start < subject.end:
                continue
            yield _statement(
                info,
                subject=make_actor(subject),
                relation=relation,
                object=make_actor(actor),
                arguments=content,
                modality=modality,
                date=date,
                confidence=_REPORT_CONFIDENCE,
                extra={"voice": "report", "subject_from": frame.subject_source, "clause": frame.head.dep_},
            )


def extract_statements(doc: Doc) -> Iterator[Statement]:
    """Statements of every sentence of ``doc``, in text order.

    Parameters
    ----------
    doc : spacy.tokens.Doc
        A parsed document; ``doc._.doc_id``, ``doc._.published`` and
        ``doc._.char_offset`` give its id, date and place in the document text.

    Yields
    ------
    Statement
        Raw statements: actors as written (typed from NER), relation, arguments,
        negation, modality, attribution, date and confidence set.
    """
    cues = cue_table()
    times = [ent for ent in doc.ents if ent.label_ in ("DATE", "TIME")]
    doc_text = doc.text
    for index, sent in enumerate(doc.sents):
        start, end, text = sentence_span(sent, doc_text)
        if not text:
            continue
        info = {"doc": doc._.doc_id, "text": text, "span": (start, end), "index": index,
                "times": [ent for ent in times if sent.start <= ent.start < sent.end]}
        frames = clause_frames(sent, cues)
        for frame in frames:
            yield from _frame_statements(frame, sent, info, cues)
        # Readings after the statements as written, so these come first where both qualify.
        for frame in frames:
            for inner in _reported_frames(frame, frames, cues):
                yield from _report_statements(frame, inner, sent, info, cues)
        yield from _nominal_statements(sent, info)
        yield from _event_noun_statements(sent, info, cues)
