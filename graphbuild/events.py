"""Event typing: each statement gets the most specific CAMEO code its text supports.

The "type" stage of the pipeline (named so that nothing shadows ``type``). All domain
knowledge is data: the CAMEO/PLOVER scheme in ``ontologies/cameo.ttl`` and the verb and
noun lexicon in ``ontologies/lexicon.ttl`` (format documented at the top of that file and
in the README, "Event typing"). This module only knows how to match them:

1. the words of ``relation.lemma`` are looked up (verbs, nouns of nominal events,
   multi-word lemmas), with the entry's particle checked against the following relation
   words or the argument roles, its cues against the object and argument text, its subject
   cues against the subject's text ("protesters torched" is a riot, 145), and its actor-type
   constraints against the subject and object;
2. a *frame* verb (threaten, urge, demand, agree, refuse ...) maps the event it governs
   (a later verb of an xcomp chain, or an event noun in its object) through the frame's
   rules: "threaten to impose sanctions" is 1312, not 163;
3. a *light* verb takes its code from the event noun of its object ("hold talks" is 040);
4. negation: entries marked ``lex:refuse`` read as a refusal when negated ("will not back
   down" is 124); every other negated statement keeps its code and stays flagged by
   ``Statement.negated``;
5. last, a marker verb in the relation text applies its frame ("attempted to assassinate" is
   185, an attempt is coded as the act); otherwise a modality with a frame: ``intended`` turns cooperation into an expressed intent
   ("hopes to meet" is 036) and harm into a threat ("wants to attack" is 1384); so does
   ``expected`` when the statement is attributed to its own subject ("Russia said it will
   boycott the talks" is a threat, 133). Other expected acts ("are expected to discuss")
   keep their own code, flagged by their modality.

Whether a typed event counts as having happened is :func:`happened`.

Examples
--------
>>> from graphbuild.extract.model import Actor, Relation, Statement
>>> lexicon = Lexicon.from_ontology()
>>> s = Statement("d", "Ukraine called in the US envoy.", (0, 31), Actor("Ukraine", "Ukraine", type="Country"),
...               Relation("called in", "call in"), Actor("the US envoy", "US envoy", type="Person"))
>>> classify(s, lexicon).cameo
'040'
"""

from __future__ import annotations

import functools
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, replace

from .errors import GraphbuildError
from .extract.model import Event, Statement

__all__ = ["HAPPENED_MODALITIES", "Entry", "Lexicon", "classify", "happened"]

#: Modalities under which a non-negated statement counts as an event that happened.
HAPPENED_MODALITIES = frozenset({"asserted", "reported"})
#: Modalities under which even a refusal was not actually made.
_UNREAL_MODALITIES = frozenset({"possible", "conditional", "question", "denied"})

_LEX = "https://w3id.org/graphbuild/lexicon#"
_GB = "https://w3id.org/graphbuild/ontology#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_PLOVER = "https://w3id.org/graphbuild/plover/"
_REFUSAL = "refusal"
#: Argument roles of the contract that hold a whole clause (reported speech), not a participant.
_OPAQUE_ROLES = frozenset({"content"})
#: Argument role of an object-control complement ("urged Iran [to release the crew]").
_COMPLEMENT = "complement"
#: Words before an infinitive's verb in a complement ("[to not] attack"): closed class.
_INFINITIVE_MARKERS = frozenset({"to", "not", "n't", "never"})
#: Adverbial particles (closed class): after a verb they belong to it ("head back", "step down"),
#: so they never start a match of their own ("back" = support).
_PARTICLES = frozenset({"about", "along", "around", "aside", "away", "back", "down", "forward", "in", "off",
                        "on", "out", "over", "through", "up"})
#: Actor types that can be a party to an event (not a thing, place or unknown mention).
_PARTY_TYPES = frozenset({"Person", "Country", "Organization", "Group"})
_STRIP = string.punctuation + "“”‘’«»—–"


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon entry (a ``lex:Entry`` of ``ontologies/lexicon.ttl``)."""

    lemma: tuple[str, ...]
    noun: bool = False
    particle: str | None = None
    cues: frozenset[tuple[str, ...]] = frozenset()
    object_type: str | None = None
    subject_type: str | None = None
    code: str | None = None
    light: bool = False
    frame: str | None = None
    refuse_when_negated: bool = False
    #: For a light verb: the argument roles its event noun may come from ("in" a phone call).
    noun_roles: frozenset[str] = frozenset()
    #: Words one of which the subject's text must hold ("protesters torched": a riot, not 1712).
    subject_cues: frozenset[tuple[str, ...]] = frozenset()
    #: The particle's phrase is the verb's only complement: "returned to Kyiv" is a visit,
    #: "returned the hostages to Kyiv" (a direct object, "to" an argument) is not.
    intransitive: bool = False
    #: A frame over a reported clause ("said [Iraq] attacked"): matches only when event words
    #: follow it in the relation, never composes with nouns of its object or arguments, and
    #: with no rule for the clause's event gives no code at all.
    clausal: bool = False
    #: Object control ("wants Putin to attack"): matches only when the lemma ends the relation
    #: and the statement has a complement clause, whose act is the one the frame governs.
    controlled: bool = False

    @property
    def constraints(self) -> int:
        """How many conditions the entry sets: more conditions met = more specific."""
        return sum((self.particle is not None, bool(self.cues), self.object_type is not None,
                    self.subject_type is not None, bool(self.subject_cues)))


@dataclass(frozen=True, slots=True)
class _Concept:
    label: str
    quad_class: int
    goldstein: float
    plover: str | None


@dataclass(frozen=True, slots=True)
class _Match:
    position: int
    entry: Entry
    consumed: int  # relation word index after the lemma and a particle found in the relation
    cue_length: int  # words in the longest cue that matched ("war crime" beats "crime")
    particle_rank: int  # 2: particle in the relation, 1: role of the first argument, 0: later

    def key(self) -> tuple[int, int, int, int, bool]:
        # After the head verb, a word that is both noun and verb is the light verb's noun
        # ("launch an assault" = attack, 190, not "assault" = beat, 182).
        return (self.entry.constraints, self.cue_length, self.particle_rank, len(self.entry.code or ""),
                self.entry.noun == (self.position > 0))


@functools.lru_cache(maxsize=65536)
def _stems(word: str) -> tuple[str, ...]:
    """The word and its possible singulars: lexicon cues and lemmas are singular.

    A tuple, the word first: entries are tried in this order and the first of equally good
    matches wins, so a set (iterated in an order that changes with Python's string hashing)
    made the event code of the same sentence change from one process to another.
    """
    forms = [word]
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 2:
        forms.append(word[:-1])
    return tuple(dict.fromkeys(forms))


@functools.lru_cache(maxsize=4096)
def _stem_set(words: tuple[str, ...]) -> frozenset[str]:
    """Every form of every word, for a quick test before matching a phrase."""
    return frozenset().union(*map(_stems, words)) if words else frozenset()


def _words(text: str | None) -> tuple[str, ...]:
    """Lower-cased words of a contract string (relation lemma, actor text), punctuation trimmed."""
    if not text:
        return ()
    out = []
    for raw in text.replace("_", " ").split():
        word = raw.casefold().strip(_STRIP)
        for suffix in ("'s", "’s"):
            word = word.removesuffix(suffix)
        if word:
            out.append(word)
    return tuple(out)


def _contains(words: tuple[str, ...], phrase: tuple[str, ...], start: int = 0) -> int | None:
    """Index after the first occurrence of ``phrase`` in ``words[start:]`` (plurals match), else None."""
    n = len(phrase)
    for i in range(start, len(words) - n + 1):
        if all(phrase[k] in _stems(words[i + k]) for k in range(n)):
            return i + n
    return None


@dataclass(frozen=True, slots=True)
class _Evidence:
    """The parts of a statement that typing looks at, as word tuples."""

    relation: tuple[str, ...]
    subject: tuple[str, ...]  # the subject's text and label
    object: tuple[str, ...]
    arguments: tuple[tuple[str, ...], ...]
    roles: tuple[str, ...]  # one per argument, in order
    subject_type: str | None
    object_type: str | None
    argument_types: frozenset[str]
    #: Subject and object are one party (same actor, or both of one country).
    one_side: bool = False
    #: Words of the reported clauses, read only for the event a clausal frame governs.
    content: tuple[tuple[str, ...], ...] = ()
    #: The relation as written: it keeps the modifiers its lemma drops ("launched a [mediation] effort").
    written: tuple[str, ...] = ()

    @classmethod
    def of(cls, statement: Statement) -> _Evidence:
        obj = statement.object
        # A reported clause is a statement of its own: its words say nothing about this one.
        arguments = [a for a in statement.arguments if a.role not in _OPAQUE_ROLES]
        return cls(
            relation=_words(statement.relation.lemma) or _words(statement.relation.text),
            subject=_words(statement.subject.text) + _words(statement.subject.label),
            object=_words(obj.text) if obj else (),
            arguments=tuple(_words(a.actor.text) for a in arguments),
            roles=tuple(a.role.casefold() for a in arguments),
            subject_type=statement.subject.type,
            object_type=obj.type if obj else None,
            argument_types=frozenset(a.actor.type for a in arguments),
            one_side=obj is not None and (obj.key() == statement.subject.key() or (
                obj.country is not None and obj.country == statement.subject.country)),
            content=tuple(_words(a.actor.text) for a in statement.arguments if a.role in _OPAQUE_ROLES),
            written=_words(statement.relation.text),
        )

    def with_content(self) -> _Evidence:
        """This evidence with the reported clauses' words as arguments (for a clausal frame)."""
        return replace(self, arguments=self.arguments + self.content,
                       roles=self.roles + tuple("content" for _ in self.content))

    def cue_texts(self, after: int | None = None, *, roles: frozenset[str] | None = None
                  ) -> Iterator[tuple[str, ...]]:
        """Word sequences where cues and event nouns are looked for.

        ``after``: also the relation words from that index; ``roles``: only the arguments
        with these roles (and neither object nor relation).
        """
        if roles is not None:
            yield from (words for words, role in zip(self.arguments, self.roles) if role in roles)
            return
        if after is not None:
            yield self.relation[after:]
        yield self.object
        yield from self.arguments


class Lexicon:
    """The event lexicon and the CAMEO/PLOVER scheme, loaded from ``ontologies/``.

    Build it with :meth:`from_ontology` (cached); it is immutable and safe to share.
    """

    def __init__(self, entries: Iterable[Entry], concepts: dict[str, _Concept],
                 frame_rules: dict[str, list[tuple[str, str]]], modality_frames: dict[str, list[str]],
                 announced_frames: dict[str, list[str]] | None = None,
                 markers: dict[str, str] | None = None, reported_markers: dict[str, str] | None = None,
                 transparent: frozenset[str] = frozenset()):
        self.entries = tuple(entries)
        self.concepts = concepts
        #: frame name -> [(inner code prefix, code)], longest prefix first.
        self.frame_rules = {f: sorted(rules, key=lambda r: (-len(r[0]), r)) for f, rules in frame_rules.items()}
        #: modality -> frames it applies by itself ("intended" -> intent)
        self.modality_frames = modality_frames
        #: modality -> frames it applies when the subject announces its own act ("expected")
        self.announced_frames = announced_frames or {}
        #: verb written in the relation text -> frame it applies instead of the modality's
        #: ("attempted to assassinate" is the attempt, 185, not an intent to kill)
        self.markers = markers or {}
        #: word written in a reporting statement's relation -> frame it applies instead of the
        #: reporting verb's ("said Iran must disarm" is a demand of Iran, not an accusation)
        self.reported_markers = reported_markers or {}
        #: frames that keep the governed act's code ("approved the extradition" = 063)
        self.transparent = transparent
        self._by_word: dict[str, list[Entry]] = {}
        self._nouns: dict[str, list[Entry]] = {}
        self._verb_lemmas = frozenset(e.lemma for e in self.entries if not e.noun)
        for entry in self.entries:
            self._by_word.setdefault(entry.lemma[0], []).append(entry)
            if entry.noun:
                self._nouns.setdefault(entry.lemma[0], []).append(entry)

    def __repr__(self) -> str:
        return f"Lexicon({len(self.entries)} entries, {len(self.concepts)} codes)"

    @classmethod
    def from_ontology(cls) -> Lexicon:
        """The lexicon of ``ontologies/lexicon.ttl`` over ``ontologies/cameo.ttl`` (cached)."""
        return _packaged()

    @classmethod
    def from_graph(cls, graph) -> Lexicon:
        """A lexicon from an rdflib graph holding a CAMEO scheme and lexicon entries.

        Raises
        ------
        GraphbuildError
            For an entry without lemma or code, an unknown code or cue class, or an
            incomplete frame rule (the message names the entry).
        """
        return _from_graph(graph)

    # -- scheme -------------------------------------------------------------------------------
    def event(self, code: str) -> Event:
        """The contract's :class:`Event` for a CAMEO code."""
        concept = self.concepts[code]
        return Event(code, concept.label, concept.quad_class, concept.goldstein, concept.plover)

    def apply_frame(self, frame: str, code: str) -> str | None:
        """The code a frame makes of an inner event code, or None if the frame has no rule for it."""
        if frame in self.transparent:
            return code
        for inner, outer in self.frame_rules.get(frame, ()):
            if code.startswith(inner):
                return outer
        return None

    def marker_frame(self, statement: Statement) -> str | None:
        """The frame a marker verb of the relation text applies ("tried to storm"), if any."""
        for word in _words(statement.relation.text):
            if word in self.markers:
                return self.markers[word]
        return None

    def _general(self, frame: str) -> str | None:
        """The general code of the root a frame's rules produce (demand: 100), if one."""
        roots = {code[:2] for code in self.frame_codes(frame)}
        code = f"{roots.pop()}0" if len(roots) == 1 else None
        return code if code in self.concepts else None

    def frame_codes(self, frame: str) -> frozenset[str]:
        """The codes a frame's rules produce (not the frame verbs' own, general codes)."""
        return frozenset(outer for _inner, outer in self.frame_rules.get(frame, ()))

    # -- matching -----------------------------------------------------------------------------
    def _fits(self, entry: Entry, ev: _Evidence, end: int | None) -> tuple[int, int, int] | None:
        """``(consumed, cue length, particle rank)`` if the entry's conditions hold, else None.

        ``end`` is the relation word index after the lemma when the lemma was found in the
        relation (None for a noun found in object or argument text); ``consumed`` moves past
        a particle found right after it, so "step back" does not also match "back".
        """
        consumed = end or 0
        particle_rank = 0
        if entry.clausal and (end is None or end >= len(ev.relation)):
            return None
        if entry.controlled and (end is None or end < len(ev.relation) or _COMPLEMENT not in ev.roles):
            return None
        if entry.particle is not None:
            following = ev.relation[end: end + 2] if end is not None else ()
            if entry.particle in following:
                consumed = end + following.index(entry.particle) + 1
                particle_rank = 2
            elif entry.particle in ev.roles and (end is None or end >= len(ev.relation)):
                # Arguments hang on the last verb of a chain: "agree to provide X with Y"
                # does not make "agree with".
                if entry.intransitive and ev.object:
                    return None
                particle_rank = 1 if ev.roles[0] == entry.particle else 0
            else:
                return None
        cue_length = 0
        if entry.cues:
            texts = list(ev.cue_texts(end))
            found = [len(cue) for t in texts for cue in entry.cues
                     if cue[0] in _stem_set(t) and (len(cue) == 1 or _contains(t, cue) is not None)]
            if not found:
                return None
            cue_length = max(found)
        if entry.object_type is not None and ev.object_type != entry.object_type and not (
            ev.object_type is None and entry.object_type in ev.argument_types
        ):
            return None
        if entry.subject_type is not None and ev.subject_type != entry.subject_type:
            return None
        if entry.subject_cues and not any(
            cue[0] in _stem_set(ev.subject) and _contains(ev.subject, cue) is not None for cue in entry.subject_cues
        ):
            return None
        return consumed, cue_length, particle_rank

    def _relation_matches(self, ev: _Evidence, start: int) -> list[_Match]:
        matches = []
        # A multi-word lemma may run on into the object: "take" + "part" = take part.
        words = ev.relation + ev.object
        for i in range(start, len(ev.relation)):
            if i > 0 and ev.relation[i] in _PARTICLES:
                continue
            for stem in _stems(ev.relation[i]):
                for entry in self._by_word.get(stem, ()):
                    # The head word of a clause is a verb: a noun entry only stands there when
                    # no verb entry shares its lemma ("visit"), not for "call" or "attack".
                    if entry.noun and i == start and entry.lemma in self._verb_lemmas:
                        continue
                    end = _contains(words[: i + len(entry.lemma)], entry.lemma, i)
                    fit = self._fits(entry, ev, end) if end is not None else None
                    if fit is not None:
                        matches.append(_Match(i, entry, *fit))
        return matches

    def _best_noun(self, ev: _Evidence, after: int | None, *, roles: frozenset[str] | None = None) -> Entry | None:
        """The event noun of the object/arguments (and relation words after ``after``).

        The first word sequence with an event noun wins (relation, then object, then arguments);
        in it, the earliest noun (the head of "the release of prisoners over the attack"),
        and at one position the most specific entry.
        """
        for words in ev.cue_texts(after, roles=roles):
            best = self._first_noun(ev, words)
            if best is not None:
                return best
        return None

    def _first_noun(self, ev: _Evidence, words: tuple[str, ...]) -> Entry | None:
        best: Entry | None = None
        best_key: tuple[int, ...] | None = None
        for i, word in enumerate(words):
            for stem in _stems(word):
                for entry in self._nouns.get(stem, ()):
                    if entry.code is None or _contains(words[: i + len(entry.lemma)], entry.lemma, i) is None:
                        continue
                    fit = self._fits(entry, ev, None)
                    if fit is None:
                        continue
                    # earliest first; a longer noun ("air strike") beats its head ("strike")
                    key = (-i, entry.constraints + len(entry.lemma) - 1, fit[1], len(entry.code))
                    if best_key is None or key > best_key:
                        best, best_key = entry, key
        return best

    def _analyse_complement(self, ev: _Evidence) -> tuple[str, Entry, bool] | None:
        """The act of a frame verb's object-control complement ("urged Iran [to release the
        crew]"), read as a relation of its own: the words of the frame's object are not its."""
        for words, role in zip(ev.arguments, ev.roles):
            if role == _COMPLEMENT:
                # "to lift sanctions": the infinitive (after its marker, with its particles) is the
                # relation and the rest its object, so cue words are found where a verb's are.
                verb = next((k for k, w in enumerate(words) if w not in _INFINITIVE_MARKERS), len(words))
                end = verb + 1
                while end < len(words) and words[end] in _PARTICLES:
                    end += 1
                inner = replace(ev, relation=words[:end], object=words[end:], object_type=None, arguments=(),
                                roles=(), argument_types=frozenset(), content=())
                return self._analyse(inner, 0)
        return None

    def analyse(self, statement: Statement) -> tuple[str, Entry, bool] | None:
        """``(code, deciding entry, framed)`` for a statement, before negation and modality.

        ``framed`` says a frame verb already turned the inner event into its code.
        """
        return self._analyse(_Evidence.of(statement), 0)

    def _analyse(self, ev: _Evidence, start: int) -> tuple[str, Entry, bool] | None:
        by_position: dict[int, list[_Match]] = {}
        for match in self._relation_matches(ev, start):
            by_position.setdefault(match.position, []).append(match)
        chosen: tuple[str, Entry, bool] | None = None
        skip_to = start
        for position in sorted(by_position):
            if position < skip_to:
                continue
            matches = by_position[position]
            best = max(matches, key=_Match.key)
            skip_to = best.consumed
            frames = [m for m in matches if m.entry.frame]
            if frames:
                # A frame verb governs the rest of the relation; a more specific entry of the
                # same verb ("threaten" + sanctions) wins over composing.
                frame = max(frames, key=_Match.key)
                if best.entry.frame is None and best.key() > frame.key() and not frame.entry.clausal:
                    return best.entry.code, best.entry, True
                inner = self._analyse(ev.with_content() if frame.entry.clausal else ev, frame.consumed)
                if inner is None and not frame.entry.clausal and frame.consumed >= len(ev.relation):
                    inner = self._analyse_complement(ev)
                if inner is None and not frame.entry.clausal:
                    noun = self._best_noun(ev, frame.consumed)
                    inner = (noun.code, noun, False) if noun else None
                if frame.entry.clausal:
                    # An accusation (or demand) needs a party other than the reporter's own side.
                    actor = ev.object_type in _PARTY_TYPES and not ev.one_side
                    obliged = next((self.reported_markers[w] for w in ev.written if w in self.reported_markers), None)
                    if obliged is not None:
                        outer = (self.apply_frame(obliged, inner[0]) if inner else None) or self._general(obliged)
                        return (outer, inner[1] if inner else frame.entry, True) if outer and actor else None
                    outer = self.apply_frame(frame.entry.frame, inner[0]) if inner else None
                    return (outer, inner[1], True) if outer and actor else None
                if inner is not None:
                    outer = self.apply_frame(frame.entry.frame, inner[0])
                    if outer:
                        return outer, inner[1], True
                # The governed event did not happen ("urged X to attack"): the frame's own code.
                return (frame.entry.code, frame.entry, True) if frame.entry.code else chosen
            entry = best.entry
            if entry.light:
                noun = self._best_noun(ev, best.consumed, roles=entry.noun_roles or None)
                if noun is None and entry.noun_roles == frozenset():
                    # the event noun may be a modifier of the light verb's own noun, which the
                    # lemma drops: "launched a mediation effort" (045), "legal action" (115)
                    noun = self._first_noun(ev, ev.written)
                if noun is not None:
                    chosen = (noun.code, noun, False)
                    continue
            if entry.code:
                chosen = (entry.code, entry, False)
        return chosen


def classify(statement: Statement, lexicon: Lexicon) -> Event | None:
    """The CAMEO event (with PLOVER type) of a statement, or None when the lexicon has no match.

    Parameters
    ----------
    statement : Statement
        A resolved statement; ``relation.lemma``, object and argument text, actor types,
        ``negated`` and ``modality`` are used.
    lexicon : Lexicon
        From :meth:`Lexicon.from_ontology`.

    Returns
    -------
    Event or None
        Negated, denied and hypothetical statements are typed too; they stay flagged by the
        statement's ``negated``/``modality``, and :func:`happened` tells whether they count.
    """
    result = lexicon.analyse(statement)
    if result is None:
        return None
    code, entry, framed = result
    if statement.negated and not framed and entry.refuse_when_negated:
        code = lexicon.apply_frame(_REFUSAL, code) or code
        framed = True
    marked = lexicon.marker_frame(statement)
    if not framed and marked is not None:
        code = lexicon.apply_frame(marked, code) or code
    elif not framed:
        frames = list(lexicon.modality_frames.get(statement.modality, ()))
        if _self_announced(statement):
            frames += lexicon.announced_frames.get(statement.modality, ())
        for frame in frames:
            code = lexicon.apply_frame(frame, code) or code
    return lexicon.event(code)


def _self_announced(statement: Statement) -> bool:
    """Whether a statement is attributed to its own subject ("Russia said it will boycott")."""
    speaker = statement.attribution.actor if statement.attribution else None
    if speaker is None:
        return False
    subject = statement.subject
    return speaker.key() == subject.key() or (
        speaker.country is not None and speaker.country == subject.country and subject.type == "Country"
    )


def happened(statement: Statement, lexicon: Lexicon | None = None) -> bool:
    """Whether a typed statement counts as an event that happened.

    A statement counts when it is asserted or reported and not negated. A negated statement
    typed with a refusal code (a code the lexicon's refusal frame produces: "will not back
    down" is 124, "did not respond to a request for comment" 011) counts too, since the
    refusal itself was made, unless it is only possible, conditional, asked or denied. (So the
    rare "did not reject the talks", 125 and negated, is misread as a refusal.)

    >>> from graphbuild.extract.model import Actor, Event, Relation, Statement
    >>> s = Statement("d", "X did not meet Y.", (0, 17), Actor("X", "X"), Relation("did not meet", "meet"),
    ...               Actor("Y", "Y"), negated=True, event=Event("040", "Consult", 1, 1.0, "CONSULT"))
    >>> happened(s)
    False
    """
    if statement.event is None:
        return False
    if statement.negated:
        refusals = (lexicon or Lexicon.from_ontology()).frame_codes(_REFUSAL)
        return statement.event.cameo in refusals and statement.modality not in _UNREAL_MODALITIES
    return statement.modality in HAPPENED_MODALITIES


# -- loading ------------------------------------------------------------------------------------
def _local(iri) -> str:
    text = str(iri)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _true(literal) -> bool:
    return literal is not None and literal.toPython() is True


@functools.cache
def _packaged() -> Lexicon:
    from .resources import compiled

    return compiled(("cameo.ttl", "lexicon.ttl"), _compile_packaged)


def _compile_packaged() -> Lexicon:
    from .resources import ontology_graph

    return _from_graph(ontology_graph("cameo.ttl", "lexicon.ttl"))


def _entry_order(entry: Entry) -> tuple:
    """A total order of entries (every field, sets sorted): Turtle gives them in no fixed order."""
    return tuple(sorted(value) if isinstance(value, frozenset) else ("" if value is None else value)
                 for value in (getattr(entry, f.name) for f in fields(entry)))


def _from_graph(graph) -> Lexicon:
    from rdflib import RDF, Namespace, URIRef

    lex, skos, gb = Namespace(_LEX).term, Namespace(_SKOS).term, Namespace(_GB).term

    concepts: dict[str, _Concept] = {}
    broader: dict[str, str] = {}
    plover: dict[str, str] = {}
    for concept in graph.subjects(skos("inScheme"), URIRef("https://w3id.org/graphbuild/cameo/scheme")):
        code = str(graph.value(concept, skos("notation")))
        parent = graph.value(concept, skos("broader"))
        if parent is not None:
            broader[code] = _local(parent)
        for prop in (skos("closeMatch"), skos("broadMatch"), skos("exactMatch")):
            target = graph.value(concept, prop)
            if target is not None and str(target).startswith(_PLOVER):
                plover[code] = str(graph.value(target, skos("notation")))
        quad, goldstein = graph.value(concept, gb("quadClass")), graph.value(concept, gb("goldstein"))
        if quad is None or goldstein is None:
            raise GraphbuildError(f"CAMEO code {code} lacks a quad class or Goldstein score", where="cameo.ttl")
        concepts[code] = _Concept(str(graph.value(concept, skos("prefLabel"))), int(quad), float(goldstein), None)

    def plover_of(code: str | None) -> str | None:
        while code is not None:
            if code in plover:
                return plover[code]
            code = broader.get(code)
        return None

    concepts = {c: _Concept(v.label, v.quad_class, v.goldstein, plover_of(c)) for c, v in concepts.items()}

    def code_of(node, where: str) -> str | None:
        target = graph.value(node, lex("code"))
        if target is None:
            return None
        code = _local(target)
        if code not in concepts:
            raise GraphbuildError(f"{where} names unknown CAMEO code {code!r}", where="lexicon.ttl")
        return code

    cue_classes = {node: [_words(str(w)) for w in graph.objects(node, lex("word"))]
                   for node in graph.subjects(RDF.type, lex("CueClass"))}
    entries = []
    for node in graph.subjects(RDF.type, lex("Entry")):
        verb, noun = graph.value(node, lex("verb")), graph.value(node, lex("noun"))
        if (verb is None) == (noun is None):
            raise GraphbuildError("an entry needs exactly one of lex:verb and lex:noun", where="lexicon.ttl")
        name = f"entry {str(verb or noun)!r}"
        cues = {_words(str(c)) for c in graph.objects(node, lex("cue"))}
        for cls in graph.objects(node, lex("cueClass")):
            if cls not in cue_classes:
                raise GraphbuildError(f"{name} uses undefined cue class {_local(cls)}", where="lexicon.ttl")
            cues.update(cue_classes[cls])
        subject_cues = {_words(str(c)) for c in graph.objects(node, lex("subjectCue"))}
        for cls in graph.objects(node, lex("subjectCueClass")):
            if cls not in cue_classes:
                raise GraphbuildError(f"{name} uses undefined cue class {_local(cls)}", where="lexicon.ttl")
            subject_cues.update(cue_classes[cls])
        particle = graph.value(node, lex("particle"))
        light = graph.value(node, lex("light"))
        frame = graph.value(node, lex("frame"))
        object_type = graph.value(node, lex("objectType"))
        subject_type = graph.value(node, lex("subjectType"))
        entry = Entry(
            lemma=_words(str(verb or noun)),
            noun=noun is not None,
            particle=str(particle).casefold() if particle is not None else None,
            cues=frozenset(c for c in cues if c),
            object_type=_local(object_type) if object_type is not None else None,
            subject_type=_local(subject_type) if subject_type is not None else None,
            code=code_of(node, name),
            light=_true(light),
            frame=_local(frame) if frame is not None else None,
            refuse_when_negated=graph.value(node, lex("negation")) == lex("refuse"),
            noun_roles=frozenset(str(r).casefold() for r in graph.objects(node, lex("nounRole"))),
            subject_cues=frozenset(c for c in subject_cues if c),
            intransitive=_true(graph.value(node, lex("intransitive"))),
            clausal=_true(graph.value(node, lex("clausal"))),
            controlled=_true(graph.value(node, lex("controlled"))),
        )
        if entry.code is None and not entry.light and not entry.clausal:
            raise GraphbuildError(f"{name} has no lex:code", where="lexicon.ttl")
        entries.append(entry)

    frame_rules: dict[str, list[tuple[str, str]]] = {}
    for rule in graph.subjects(RDF.type, lex("FrameRule")):
        inner = _local(graph.value(rule, lex("inner")))
        outer = code_of(rule, f"frame rule for {inner}")
        if inner not in concepts or outer is None:
            raise GraphbuildError(f"frame rule for {inner!r} is incomplete", where="lexicon.ttl")
        frame_rules.setdefault(_local(graph.value(rule, lex("frame"))), []).append((inner, outer))
    modality_frames: dict[str, list[str]] = {}
    for frame, modality in sorted(graph.subject_objects(lex("modality"))):
        modality_frames.setdefault(str(modality), []).append(_local(frame))
    announced_frames: dict[str, list[str]] = {}
    for frame, modality in sorted(graph.subject_objects(lex("announcedModality"))):
        announced_frames.setdefault(str(modality), []).append(_local(frame))
    markers = {str(word).casefold(): _local(frame) for frame, word in graph.subject_objects(lex("marker"))}
    reported = {str(word).casefold(): _local(frame) for frame, word in graph.subject_objects(lex("reportedMarker"))}
    # Sorted so that ties between equally specific entries resolve the same way every run.
    entries.sort(key=_entry_order)
    transparent = frozenset(_local(f) for f in graph.subjects(lex("transparent"), None) if _true(graph.value(f, lex("transparent"))))
    return Lexicon(entries, concepts, frame_rules, modality_frames, announced_frames, markers, reported, transparent)
