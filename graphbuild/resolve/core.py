"""Resolution of statement actors to canonical, typed, linked identities.

Every actor is read from the parse of its span: the head token decides what the
mention is (a gazetteer name, an unknown name, a title, a sector noun, an
anaphoric noun, a pronoun); modifiers give country and office. Results are
cached per span, so one document costs one pass over its mentions.
"""

from __future__ import annotations

import hashlib

from spacy.tokens import Doc, Span, Token

from ..extract.model import Actor, Argument, Attribution, Statement, replace
from . import coref
from .gazetteer import Entry, Gazetteer, normalise, slug, variant_key

__all__ = ["resolve", "unknown_id"]

#: spaCy entity label → contract type for names the gazetteer does not know.
#: (Every state is in the gazetteer, so an unknown GPE is a city or region.)
_NER_TYPES = {"PERSON": "Person", "ORG": "Organization", "NORP": "Group", "GPE": "Location",
              "LOC": "Location", "FAC": "Location"}
#: Argument roles (prepositions, closed class) that say where something happens.
_PLACE_ROLES = frozenset({"in", "at", "near", "inside", "outside", "around"})
#: Entity labels that name times and amounts, never actors.
_NON_ACTOR_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
_NOMINAL_POS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
_MODIFIER_DEPS = frozenset({"amod", "compound", "poss", "nmod", "npadvmod", "nummod"})
_RELATIVE_TAGS = frozenset({"WDT", "WP"})
_LEADING_SKIP = frozenset({"det", "punct", "predet", "cc", "prep"})
#: Prepositions that attach a place or owner to a noun ("a court in Guyana", "the mayor of
#: Nablus", "dissidents from Egypt"); closed class. Targets ("evidence against Russia") are not owners.
_ATTACH_PREPS = frozenset({"in", "of", "from"})
#: ... and those that attach a thing to the state it concerns ("evidence against Russia").
_THING_PREPS = _ATTACH_PREPS | {"against", "to", "with", "on", "for", "toward", "towards", "over"}
#: How many ``of``/``in`` phrases deep an owner is looked for ("the mayor of the city of Nablus").
_MAX_ATTACH_DEPTH = 2
#: Entity labels of quantities that head partitives ("hundreds of UN troops").
_QUANTITY_LABELS = frozenset({"CARDINAL", "QUANTITY"})
_MAX_SLUG = 60
#: name parts after a surname, never the surname itself ("Nicholas Gallo III" → Gallo); compared
#: as written, not by variant key, which would make "Yi" (→ "i") one of them
_GENERATIONAL_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v"})
#: Longest title in words ("First Deputy Prime Minister"); bounds the title search.
_MAX_TITLE_WORDS = 5


def unknown_id(label: str) -> str:
    """The stable id of an actor the gazetteer does not know: ``name-<slug>``.

    Long labels keep their first words and a short hash so ids stay readable.

    >>> unknown_id("Kremlin aide Yuri Ushakov")
    'name-kremlin-aide-yuri-ushakov'
    """
    text = slug(label) or "unnamed"
    if len(text) > _MAX_SLUG:
        digest = hashlib.blake2b(text.encode(), digest_size=4).hexdigest()
        text = text[:_MAX_SLUG - 9].rstrip("-") + "-" + digest
    return "name-" + text


def resolve(statements: list[Statement], doc: Doc, gazetteer: Gazetteer) -> list[Statement]:
    """Fill label, id, type, country (and sector, office) of every actor of ``statements``.

    Parameters
    ----------
    statements : list of Statement
        Raw statements of ``doc`` (from :func:`graphbuild.extract.extract_statements`).
    doc : spacy.tokens.Doc
        The parsed document (or chunk) the statements come from; entities set by
        the actor ruler carry gazetteer ids.
    gazetteer : Gazetteer
        From :meth:`Gazetteer.from_ontology`.

    Returns
    -------
    list of Statement
        The same statements, in order, with resolved actors. Pronouns that cannot
        be resolved keep their text with ``resolved=False``, type "Other", id None.
    """
    resolver = _DocResolver(doc, gazetteer)
    for statement in statements:
        if statement.extra.get("voice") == "apposition" and statement.object is not None:
            resolver.alias(statement.object, statement.subject)
    # Names and descriptions first, so pronouns can point back to any of them.
    for statement in statements:
        for actor in _actors(statement):
            resolver.add_statement_mention(actor)
    resolver.collect_speakers(statements)
    return _without_self_loops([resolver.statement(s) for s in statements])


def _without_self_loops(statements: list[Statement]) -> list[Statement]:
    """Drop "Vladimir Putin is Vladimir Putin": a copula whose two sides are one actor (or a title
    statement that names only the person's own state) says nothing as an edge; the office it
    names goes to that actor's other mentions in the sentence."""
    kept, offices = [], {}
    for statement in statements:
        subject, obj = statement.subject, statement.object
        if obj is not None and statement.relation.lemma == "be" and not statement.negated and subject.id and (
                subject.key() == obj.key()
                # a title statement naming only the person's state ("President of Ukraine Zelenskyy")
                or statement.extra.get("voice") == "title" and obj.type == "Country" and obj.country == subject.country):
            office = obj.office or subject.office
            if office:
                offices.setdefault((statement.span, subject.key()), office)
            continue
        kept.append(statement)
    if not offices:
        return kept

    def with_office(actor: Actor | None, span: tuple[int, int]) -> Actor | None:
        if actor is None or actor.office or not actor.id:
            return actor
        office = offices.get((span, actor.key()))
        return replace(actor, office=office) if office else actor

    return [s.replace(subject=with_office(s.subject, s.span), object=with_office(s.object, s.span),
                      arguments=tuple(Argument(a.role, with_office(a.actor, s.span)) for a in s.arguments))
            for s in kept]


def _actors(statement: Statement):
    yield statement.subject
    if statement.object is not None:
        yield statement.object
    for argument in statement.arguments:
        yield argument.actor
    if statement.attribution is not None and statement.attribution.actor is not None:
        yield statement.attribution.actor


class _DocResolver:
    """Per-document state: entity resolutions, mentions for coreference, name memory."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer):
        self.doc = doc
        self.gaz = gazetteer
        self.offset = doc._.char_offset
        published = doc._.published
        self.date = str(published)[:10] if published else None
        self.sent_of: dict[int, int] = {}
        self.sents = list(doc.sents)
        self.text = doc.text
        self.attributed: Actor | None = None
        #: reported-content spans (document offsets) and who reports them
        self.quotes: list[tuple[int, int, Actor]] = []
        #: sentence index → the speaker a statement of that sentence is attributed to
        self.sentence_speakers: dict[int, Actor] = {}
        #: description → named actor, by span and by normalised label (appositions)
        self.aliases: dict[tuple[int, int] | str, Actor] = {}
        self.apposition = False
        for k, sent in enumerate(self.sents):
            for i in range(sent.start, sent.end):
                self.sent_of[i] = k
        #: ``doc.ents`` once: spaCy rebuilds the tuple (and a Span per entity) on every access.
        self.ents: tuple[Span, ...] = doc.ents
        self.ent_of: dict[int, Span] = {i: ent for ent in self.ents for i in range(ent.start, ent.end)}
        #: variant key of a person's full name or surname → the actor it named first in this document
        self.people: dict[str, Actor] = {}
        self.cache: dict[tuple[int, int], Actor | None] = {}
        self.spans: dict[tuple[int, int], Span | None] = {}
        self.mentions: list[coref.Mention] = []
        self._ent_actors: dict[int, Actor | None] = {}
        for ent in self.ents:
            actor = self._entity(ent)
            if actor is not None and coref.mention_is_referent(ent.root):
                self._add_mention(ent.root, actor, ent.root.dep_ in ("nsubj", "nsubjpass"))

    # ------------------------------------------------------------ statements
    def alias(self, description: Actor, name: Actor) -> None:
        """"Dunn's mother, Charlotte Charles": elsewhere the description is the named actor."""
        span, named = self._span(description), self._span(name)
        if span is None or named is None:
            return
        found, target = self._resolve_span(span, description), self._resolve_span(named, name)
        if found is not None and target is not None and target.id and (
                found.id is None or found.id.startswith("name-")) and target.type in ("Person", "Organization", "Group"):
            self.aliases[(span.start, span.end)] = target
            self.aliases[normalise(found.label)] = target

    def statement(self, statement: Statement) -> Statement:
        self.apposition = statement.extra.get("voice") == "apposition"
        attribution = statement.attribution
        self.attributed = None
        if attribution is not None and attribution.actor is not None:
            attribution = Attribution(attribution.text, self.actor(attribution.actor))
            if attribution.actor.resolved and attribution.actor.id:
                self.attributed = attribution.actor
        subject = self.actor(statement.subject)
        obj = self.actor(statement.object) if statement.object is not None else None
        if obj is not None and statement.relation.lemma == "be" and subject.type == "Person":
            obj = self._title_of(statement.object, subject) or obj
        elif obj is not None and statement.extra.get("voice") == "located":
            obj = self._place(Argument("in", statement.object))  # "police in Kabul": Kabul is the place
        arguments = tuple(Argument(a.role, self._place(a) if a.role in _PLACE_ROLES else self.actor(a.actor))
                          for a in statement.arguments)
        self.attributed = None
        return statement.replace(subject=subject, object=obj, arguments=arguments, attribution=attribution)

    def _title_of(self, actor: Actor, person: Actor) -> Actor | None:
        """"Putin is Russian President", "Zelenskyy, President of Ukraine": a title phrase said of
        a person is that person, with the office the title names (of the person's offices, if known;
        else the title as written)."""
        span = self._span(actor)
        if span is None:
            return None
        first = _first_content(span)
        words = list(span[first - span.start:]) if first < span.end else []
        if not words or not (normalise(span.root.text) in self.gaz.titles or self._title_at_end(words)):
            return None
        roles, country = self._title(words)
        if roles is None:
            return None
        wanted = roles - {"other"}
        office = None
        entry = self.gaz.entries.get(person.id or "")
        if entry is not None and wanted:
            # the person's own office of that kind and state (the one held at the date first);
            # a role mismatch ("Iranian President" is head of government) still names the state's office
            held = [self.gaz.offices[h.office] for h in sorted(entry.holds, key=lambda h: not h.covers(self.date))]
            held = [o for o in held if country in (None, o.country)]
            office = next((o.label for o in held if wanted & o.roles), None) or (
                held[0].label if country is not None and held else None)
        elif entry is None and wanted:
            offices = self.gaz.offices_for(wanted, country or person.country)
            office = offices[0].label if len(offices) == 1 else None
        # no gazetteer office: the title as written ("AU trade and industry commissioner") is the office
        return replace(person, text=actor.text, start=actor.start, end=actor.end, office=office or _label(words))

    def _place(self, argument: Argument) -> Actor:
        """"talks in Moscow": a capital named as where something happens is a place, not the state."""
        actor = self.actor(argument.actor)
        if actor.type != "Country" or actor.sector:
            return actor
        name = _label_text(argument.actor.text)
        if any(kind == "metonym" for _, kind, _ in self.gaz.lookup(name)):
            return replace(actor, label=name, id=unknown_id(name), type="Location")
        return actor

    def collect_speakers(self, statements: list[Statement]) -> None:
        """Who speaks where: reported content spans and attributed sentences, for "I" and "we"."""
        for statement in statements:
            if statement.attribution is not None and statement.attribution.actor is not None:
                speaker = self.actor(statement.attribution.actor)
                span = self._span(statement.subject)
                if speaker.resolved and speaker.id and span is not None:
                    self.sentence_speakers.setdefault(self.sent_of[span.root.i], speaker)
            for argument in statement.arguments:
                actor = argument.actor
                if argument.role == "content" and actor.start is not None and actor.end is not None:
                    span = self._span(statement.subject)
                    if span is None or span.root.dep_ not in ("nsubj", "nsubjpass"):
                        continue  # "there were many times that ...": no speaker
                    subject = self.actor(statement.subject)
                    if subject.resolved and subject.id:
                        self.quotes.append((actor.start, actor.end, subject))

    def _speaker(self, token: Token) -> Actor | None:
        """The speaker of the quote or reported clause that contains ``token``."""
        at = token.idx + self.offset
        inner = [(end - start, speaker) for start, end, speaker in self.quotes if start <= at < end]
        if inner:
            return min(inner, key=lambda t: t[0])[1]
        sent = self.sent_of[token.i]
        for distance in range(coref.WINDOW):
            for k in (sent - distance, sent + distance):
                if k in self.sentence_speakers and self._same_paragraph(sent, k):
                    return self.sentence_speakers[k]
        return None

    def _same_paragraph(self, a: int, b: int) -> bool:
        sents = self.sents
        lo, hi = min(a, b), max(a, b)
        return "\n" not in self.text[sents[lo].end_char:sents[hi].start_char] if lo != hi else True

    def add_statement_mention(self, actor: Actor) -> None:
        """Record a named or described actor of a statement as a possible antecedent."""
        span = self._span(actor)
        if span is None or span.root.pos_ == "PRON":
            return
        resolved = self._resolve_span(span, actor)
        if resolved is not None and resolved.resolved and resolved.id:
            self._add_mention(span.root, resolved, span.root.dep_ in ("nsubj", "nsubjpass"))

    def actor(self, actor: Actor) -> Actor:
        span = self._span(actor)
        if span is None:
            return self._by_text(actor)
        found = self._resolve_span(span, actor)
        if found is None:
            return replace(actor, id=None, type="Other", country=None, sector=None, office=None)
        return replace(found, text=actor.text, start=actor.start, end=actor.end)

    # ------------------------------------------------------------ spans
    def _span(self, actor: Actor) -> Span | None:
        if actor.start is None or actor.end is None:
            return None
        key = (actor.start, actor.end)
        if key not in self.spans:  # an actor is looked up several times per statement
            span = self.doc.char_span(actor.start - self.offset, actor.end - self.offset, alignment_mode="expand")
            self.spans[key] = span if span is not None and len(span) else None
        return self.spans[key]

    def _ents_in(self, span: Span) -> list[Span]:
        return [ent for ent in self.ents if span.start <= ent.start and ent.end <= span.end]

    def _by_text(self, actor: Actor) -> Actor:
        """Offsets missing: look the label up as a whole name."""
        for eid, kind, _ in self.gaz.lookup(actor.label or actor.text):
            if kind != "office":
                return self._from_entry(actor, self.gaz.entries[eid])
        return replace(actor, id=unknown_id(actor.label or actor.text))

    def _resolve_span(self, span: Span, actor: Actor) -> Actor | None:
        key = (span.start, span.end)
        if key in self.aliases and not self.apposition:
            return self.aliases[key]
        speaker_dependent = span.root.pos_ == "PRON"
        if key in self.cache and not speaker_dependent:
            return self.cache[key]
        found = self._read(span, actor)
        if (found is not None and not self.apposition and found.type == "Other" and found.id
                and normalise(found.label) in self.aliases):
            found = self.aliases[normalise(found.label)]
        if not speaker_dependent:
            self.cache[key] = found
        return found

    def _read(self, span: Span, actor: Actor) -> Actor | None:
        head = span.root
        named = self.ent_of.get(head.i)
        if head.pos_ not in _NOMINAL_POS and not (
                named is not None and named.kb_id_ and (named.start, named.end) == (span.start, span.end)):
            return None  # a clause or a predicate, not an actor (a known name is one, however tagged)
        first = _first_content(span)
        words = list(span[first - span.start:]) if first < span.end else []
        label = _label(words) or actor.label
        base = Actor(text=actor.text, label=label, start=actor.start, end=actor.end, type=actor.type)
        if head.pos_ == "PRON":
            return self._pronoun(head, base)
        ent = self.ent_of.get(head.i)
        partitive = self._partitive(head, span)
        if partitive is not None:
            found = self._read(partitive, actor)
            return replace(found, text=actor.text, start=actor.start, end=actor.end) if found is not None else None
        if ent is not None and ent.label_ in _NON_ACTOR_LABELS:
            # "Syrian President Bashar Assad Tuesday": a parse that made the date the head
            named = [e for e in self._ents_in(span) if e.end == ent.start and (e.kb_id_ or e.label_ in _NER_TYPES)]
            if not named:
                return None
            ent = named[0]
        if ent is not None and (ent.kb_id_ or ent.label_ in _NER_TYPES):
            found = self._entity(ent)
            if found is not None:
                return self._with_title(self._with_state(found, ent), span, ent)
        if normalise(head.text) in self.gaz.titles:
            # "President of Ukraine Volodymyr Zelenskyy": the title heads the phrase, the name follows
            for ent in self._ents_in(span):
                if ent.label_ == "PERSON" and ent.start > head.i:
                    found = self._entity(ent)
                    if found is not None:
                        return self._with_title(found, span, ent)
        office = self._office_phrase(words)
        if office is None and words and head.i < words[-1].i and self._of_country(head):
            office = self._office_phrase([t for t in words if t.i <= head.i])  # "the foreign minister of Iran"
        if office is not None:
            return replace(office, text=actor.text)
        return self._common_noun(head, base)

    # ------------------------------------------------------------ entities
    def _entity(self, ent: Span) -> Actor | None:
        if ent.start in self._ent_actors:
            return self._ent_actors[ent.start]
        found = self._read_entity(ent)
        self._ent_actors[ent.start] = found
        return found

    def _read_entity(self, ent: Span) -> Actor | None:
        base = Actor(text=ent.text, label=_label(list(ent)), start=ent.start_char + self.offset,
                     end=ent.end_char + self.offset)
        entry = self.gaz.entries.get(ent.kb_id_) if ent.kb_id_ else None
        if entry is not None:
            return self._from_entry(base, entry)
        kind = _NER_TYPES.get(ent.label_)
        if kind is None:
            return None
        if kind == "Person":
            return self._person_name(ent, base)
        if kind in ("Organization", "Group"):
            sector = self._sector_phrase(ent.root, base)
            if sector is not None:
                return sector
        country = self._modifier_country(ent.root)
        return replace(base, id=unknown_id(base.label), type=kind, country=country)

    def _from_entry(self, base: Actor, entry: Entry) -> Actor:
        return replace(base, label=entry.label, id=entry.id, type=entry.type,
                       country=entry.country, sector=entry.sector)

    def _person_name(self, ent: Span, base: Actor) -> Actor:
        """An unknown PERSON: spelling variants, surname-only, then a stable new id.

        Names are remembered within the document only, so an actor's id never depends on which
        documents the same process saw before (one, two or a Dask cluster of processes agree)."""
        tokens = [t for t in ent if not t.is_punct and t.tag_ != "POS"]
        full_key = variant_key(base.label)
        named = [t for t in tokens if t.text.casefold().rstrip(".") not in _GENERATIONAL_SUFFIXES] or tokens
        surname_key = variant_key(named[-1].text) if named else full_key
        entries = self.gaz.person_variants.get(full_key, frozenset())
        if len(entries) == 1:
            entry = self.gaz.entries[next(iter(entries))]
            return self._remember(surname_key, self._from_entry(base, entry))
        known = self.people.get(full_key) or (self.people.get(surname_key) if len(named) == 1 else None)
        if known is not None:
            return replace(known, text=base.text, start=base.start, end=base.end)
        new = replace(base, id=unknown_id(base.label), type="Person", country=self._modifier_country(ent.root))
        self.people.setdefault(full_key, new)
        return self._remember(surname_key, new)

    def _remember(self, surname_key: str, actor: Actor) -> Actor:
        self.people.setdefault(surname_key, actor)
        return actor

    def _with_title(self, found: Actor, span: Span, ent: Span) -> Actor:
        """Strip and keep a title before a person's name ("US President Donald Trump")."""
        if found.type != "Person":
            return found
        first = _first_content(span)
        before = list(self.doc[first:ent.start]) if first < ent.start else []
        roles, country = self._title(before)
        if roles is None:
            return found
        entry = self.gaz.entries.get(found.id or "")
        office = None
        if entry is not None:
            wanted = roles if roles - {"other"} else None
            holding = self.gaz.holding(entry, self.date, wanted) or self.gaz.holding(entry, self.date)
            office = self.gaz.offices[holding.office].label if holding else None
        elif roles - {"other"}:
            offices = self.gaz.offices_for(roles, country)
            office = offices[0].label if offices else None
        return replace(found, office=office, country=found.country or country)

    def _title(self, tokens: list[Token]) -> tuple[frozenset[str] | None, str | None]:
        """Roles of the title among ``tokens`` (longest title wins) and the country they name."""
        roles = None
        country = None
        covered = 0  # words inside a title already found ("minister" of "foreign minister")
        words = [t.text for t in tokens]
        for i in range(len(words)):
            for j in range(min(len(words), i + _MAX_TITLE_WORDS), max(i, covered), -1):
                found = self.gaz.titles.get(normalise(" ".join(words[i:j])))
                if found is not None:
                    roles = found if roles is None else roles | found
                    covered = j
                    break
        for token in tokens:
            entry = self._token_entry(token)
            if entry is not None:
                country = entry.country
        if roles is not None and "leader" in roles and country:
            leader = self.gaz.country_entry(country)
            roles = frozenset({leader.leader_role}) if leader else roles
        return roles, country

    # ------------------------------------------------------------ descriptions
    def _office_phrase(self, words: list[Token]) -> Actor | None:
        """"the US president", "Russia's foreign minister", "the Ukrainian leader" → holder at the date."""
        if not words:
            return None
        head = words[-1]
        if head.tag_ in ("NNS", "NNPS") or len(words) > _MAX_TITLE_WORDS + 2:
            return None
        for eid, kind, _ in self.gaz.lookup(" ".join(t.text for t in words)):
            if kind == "office":
                return self._holder([eid[len("office:"):]], words)
        roles, country = self._title(words)
        if roles is None or not roles - {"other"} or not self._title_at_end(words):
            return None
        if country is None:
            country = self._of_country(head)
        if country is None:
            found = self._recent_holder(head, roles)
            if found is not None:
                return found
            country = self._recent_country(head)
        if country is None:
            return None
        offices = self.gaz.offices_for(roles, country)
        return self._holder([o.id for o in offices], words) if offices else None

    def _title_at_end(self, words: list[Token]) -> bool:
        return normalise(words[-1].text) in self.gaz.titles or any(
            normalise(" ".join(t.text for t in words[i:])) in self.gaz.titles for i in range(len(words)))

    def _holder(self, office_ids: list[str], words: list[Token]) -> Actor | None:
        for oid in office_ids:
            entry = self.gaz.holder(oid, self.date)
            if entry is not None:
                text = " ".join(t.text for t in words)
                actor = Actor(text=text, label=entry.label, id=entry.id, type="Person", country=entry.country,
                              office=self.gaz.offices[oid].label)
                return actor
        return None

    def _recent_holder(self, head: Token, roles: frozenset[str]) -> Actor | None:
        """"the president" with no country: the latest person mentioned who holds such an office."""
        sent = self.sent_of[head.i]
        for mention in reversed(self.mentions):
            if mention.token >= head.i or sent - mention.sent > coref.WINDOW + 1:
                continue
            entry = self.gaz.entries.get(mention.actor.id or "")
            if entry is not None and entry.type == "Person":
                holding = self.gaz.holding(entry, self.date, roles)
                if holding is not None:
                    return replace(mention.actor, office=self.gaz.offices[holding.office].label)
        return None

    def _recent_country(self, head: Token) -> str | None:
        """"Downing Street said the prime minister ...": the state named just before, if any."""
        sent = self.sent_of[head.i]
        for mention in reversed(self.mentions):
            if mention.token < head.i and sent - mention.sent <= 1 and mention.actor.type == "Country":
                return mention.actor.country
        return None

    def _of_country(self, head: Token) -> str | None:
        """"the president of Russia": the country in an ``of`` phrase."""
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    entry = self._token_entry(pobj)
                    if entry is not None and entry.type == "Country":
                        return entry.country
        return None

    def _common_noun(self, head: Token, base: Actor) -> Actor:
        sector = self._sector_phrase(head, base)
        if sector is not None:
            return sector
        anaphor = self._anaphor(head, base)
        if anaphor is not None:
            return anaphor
        # A thing has the country of the state it belongs to, is in, or is aimed at ("Ukraine's
        # ability", "a summit in Switzerland", "evidence against Russia"), as event coders read it.
        owner = self._modifier_actor(head, base.start) or self._attached_actor(head, preps=_THING_PREPS)
        # ... or, for a body of no one state, that body's sector ("an agreement with the EU": IGO)
        sector = owner.sector if owner is not None and owner.country is None else None
        return replace(base, id=unknown_id(base.label), type="Other", country=owner.country if owner else None,
                       sector=sector)

    def _partitive(self, head: Token, span: Span) -> Span | None:
        """"Hundreds of UN troops", "two of the soldiers": a quantity's ``of`` phrase is the actor."""
        ent = self.ent_of.get(head.i)
        if head.pos_ != "NUM" and (ent is None or ent.label_ not in _QUANTITY_LABELS):
            return None
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and span.start <= pobj.left_edge.i and pobj.right_edge.i < span.end:
                        return self.doc[pobj.left_edge.i:pobj.right_edge.i + 1]
        return None

    def _sector_phrase(self, head: Token, base: Actor) -> Actor | None:
        """"Russian airstrikes" → Russia/MIL, "Moscow's envoy" → Russia/GOV, "a Ukrainian source" → Ukraine;
        "a court in Guyana" → the generic actor GUYJUD (an organisation of Guyana, sector JUD)."""
        term = self._sector_term(head)
        if term is None:
            return None
        form, code = term
        owner = self._modifier_actor(head, base.start)
        if owner is None and form in self.gaz.sector_agents:
            # who acts can be named by a phrase ("police in Kabul"); for acts and weapons such a
            # phrase names a place or target ("an attack in Saudi Arabia"), so only modifiers count
            owner = self._attached_actor(head)
            if owner is None and code:
                # "Police arrested ...": of no known state, still that sector (CAMEO "COP"), a generic
                # body or group, never a state
                kind = self.gaz.sector_types.get(code, ("Organization", code))[0]
                return replace(base, id=unknown_id(base.label), type="Organization" if kind == "Country" else kind,
                               country=None, sector=code, office=None)
        if owner is None:
            return None
        kind, term = self.gaz.sector_types.get(code, ("Country", code))
        if owner.type in ("Country", "Location") and owner.country:
            if kind != "Country":
                return self._generic(base, owner.country, code, kind, term)
            if owner.type == "Location":
                owner = self._as_state(owner)
        # a sector names a part of a state; an organisation's staff are the organisation, with its own
        # sector ("NATO officials" → NATO, IGO)
        sector = code or owner.sector if owner.type == "Country" else owner.sector or code
        return replace(owner, text=base.text, label=owner.label, start=base.start, end=base.end,
                       sector=sector, office=None)

    def _generic(self, base: Actor, iso3: str, code: str, kind: str, term: str) -> Actor:
        """A part of a country that is not the state acting: id like a CAMEO agent code ("GUYJUD")."""
        country = self.gaz.country_entry(iso3)
        label = f"{country.label if country else iso3} {term}"
        return replace(base, label=label, id=iso3 + code, type=kind, country=iso3, sector=code, office=None)

    def _attached_actor(self, head: Token, depth: int = 0, preps: frozenset[str] = _ATTACH_PREPS) -> Actor | None:
        """The gazetteer actor of an ``in``/``of``/``from`` phrase of ``head`` ("police in Kabul",
        "the mayor of the West Bank city of Nablus"), looked for through nested phrases."""
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                entry = self._token_entry(pobj)
                if entry is not None and entry.type != "Other":
                    found = self._from_entry(Actor(text="", label=""), entry)
                    if entry.type == "Person":
                        return self._as_state(found)
                    return self._with_state(found, self.ent_of[pobj.i])
                owner = self._modifier_actor(pobj)
                if owner is None and depth < _MAX_ATTACH_DEPTH:
                    owner = self._attached_actor(pobj, depth + 1, preps)
                if owner is not None:
                    return owner
        return None

    def _sector_term(self, head: Token) -> tuple[str, str] | None:
        """``(form, sector code)`` of the sector term heading the phrase ("border police", "police")."""
        compounds = [c for c in head.lefts if c.dep_ == "compound" and c.i == head.i - 1]
        # the compound as written and with the head's lemma ("opposition leaders" ~ "opposition leader")
        forms = [normalise(f"{compounds[0].text} {w}") for w in (head.text, head.lemma_)] if compounds else []
        for form in [*forms, normalise(head.text), normalise(head.lemma_)]:
            code = self.gaz.sector_terms.get(form)
            if code is not None:
                return form, code
        return None

    def _anaphor(self, head: Token, base: Actor) -> Actor | None:
        """"the country" → latest country; "his country" → the country of what "his" refers to."""
        target = self.gaz.anaphors.get(normalise(head.lemma_))
        if target is None:
            return None
        owner = self._modifier_actor(head)
        if owner is not None:
            if target == "Country" and owner.type != "Country":
                country = self.gaz.country_entry(owner.country)
                return self._from_entry(base, country) if country else None
            return replace(owner, text=base.text, start=base.start, end=base.end)
        if not any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in head.children):
            return None
        if any(c.dep_ in _MODIFIER_DEPS for c in head.children):
            return None
        mention = coref.latest_of_type(head, self.sent_of[head.i], target, self.mentions)
        if mention is None:
            return replace(base, id=None, type="Other", resolved=False)
        return replace(mention.actor, text=base.text, start=base.start, end=base.end)

    # ------------------------------------------------------------ modifiers
    def _modifier_actor(self, head: Token, start: int | None = None) -> Actor | None:
        """The gazetteer actor (or resolved pronoun) among the head's modifiers, the nearest first:
        "his US counterpart" is American, whoever "his" is. With ``start`` (the mention's document
        offset), only modifiers inside the mention count, a coordinated one standing for its
        conjunction: the mention "Pakistani troops" of "Indian and Pakistani troops" is Pakistani."""
        for child in reversed(list(head.lefts)):
            if child.dep_ not in _MODIFIER_DEPS:
                continue
            if start is not None and child.idx + self.offset < start:
                child = next((c for c in child.conjuncts if c.idx + self.offset >= start and c.i < head.i), child)
            if child.dep_ == "poss" and child.pos_ == "NOUN":
                owner = self._anaphor(child, Actor(text=child.text, label=child.text))
                if owner is not None and owner.resolved and owner.id:
                    return self._as_state(owner)
            for token in [child, *(c for c in child.subtree if c.dep_ == "compound")]:
                kind = coref.pronoun_kind(token)
                if kind is not None:
                    actor = self._pronoun(token, Actor(text=token.text, label=token.text))
                    if actor.resolved and actor.id:
                        return self._as_state(actor)
                    continue
                entry = self._token_entry(token)
                if entry is not None and entry.type != "Other":
                    if entry.type == "Person":
                        country = self.gaz.country_entry(entry.country)
                        if country is not None:
                            return self._from_entry(Actor(text="", label=""), country)
                        continue
                    return self._from_entry(Actor(text="", label=""), entry)
        return None

    def _with_state(self, actor: Actor, ent: Span) -> Actor:
        """"Egypt's Muslim Brotherhood": an organisation without a country of its own takes the
        state that modifies its name."""
        if actor.country is not None or actor.type not in ("Organization", "Group"):
            return actor
        for child in ent.root.children:
            if child.dep_ in _MODIFIER_DEPS and not ent.start <= child.i < ent.end:
                entry = self._token_entry(child)
                if entry is not None and entry.type == "Country":
                    return replace(actor, country=entry.country)
        return actor

    def _as_state(self, actor: Actor) -> Actor:
        if actor.type in ("Person", "Location") and actor.country:
            country = self.gaz.country_entry(actor.country)
            if country is not None:
                return self._from_entry(Actor(text="", label=""), country)
        return actor

    def _modifier_country(self, head: Token) -> str | None:
        owner = self._modifier_actor(head)
        return owner.country if owner is not None else None

    def _token_entry(self, token: Token) -> Entry | None:
        ent = self.ent_of.get(token.i)
        if ent is not None and ent.kb_id_:
            return self.gaz.entries.get(ent.kb_id_)
        return None

    # ------------------------------------------------------------ pronouns
    def _pronoun(self, token: Token, base: Actor) -> Actor | None:
        if token.tag_ in _RELATIVE_TAGS:
            return self._relative(token, base)
        kind = coref.pronoun_kind(token)
        if kind is None:
            return replace(base, id=None, type="Other")
        person, gender, plural = kind
        unresolved = replace(base, id=None, type="Other", country=None, resolved=False)
        quote_start = self._quote_start(token)
        speaker = self.attributed
        if speaker is None and quote_start is not None:
            speaker = self._quoted_speaker(token, quote_start)
        if speaker is None:
            speaker = self._speaker(token)
        at = token.idx + self.offset
        if speaker is not None and speaker.start is not None and speaker.start <= at < (speaker.end or at):
            speaker = None  # the pronoun is itself the speaker of its sentence
        if person == "1" and speaker is not None:
            return replace(self._as_state(speaker) if plural else speaker, text=base.text,
                           start=base.start, end=base.end)
        if person != "3":
            return unresolved
        if coref.is_pleonastic(token):
            return replace(base, id=None, type="Other", country=None)  # nothing to refer to
        # Inside a direct quote, "he"/"she" is somebody other than the one quoted, and
        # "it" refers to something the quote itself names.
        exclude = speaker.id if speaker is not None and quote_start is not None else None
        after = quote_start if quote_start is not None and gender == "neuter" else 0
        mention = coref.antecedent(token, self.sent_of[token.i], gender, plural, self.mentions, exclude, after)
        if mention is None:
            return unresolved
        found = replace(mention.actor, text=base.text, start=base.start, end=base.end, office=None)
        if quote_start is None:  # a chain through quoted speech would leak the quote's referents out
            self._add_mention(token, replace(found, start=mention.actor.start, end=mention.actor.end),
                              token.dep_ in ("nsubj", "nsubjpass"), like=mention)
        return found

    def _quoted_speaker(self, token: Token, quote_start: int) -> Actor | None:
        """'Bolton wrote: "I offered ..."', '"We stand ready," tweeted Johnson': the person who is a
        subject, outside the quote, of the sentence where the quote opens."""
        opening = self.sent_of[quote_start]
        end = self._quote_end(token)
        best = None
        for mention in self.mentions:
            if mention.sent != opening or quote_start <= mention.token < end:
                continue
            if mention.subject and mention.actor.type == "Person" and mention.actor.id:
                distance = abs(mention.token - quote_start)
                if best is None or distance < best[0]:
                    best = (distance, mention.actor)
        return best[1] if best is not None else None

    def _quote_end(self, token: Token) -> int:
        """Index just after the closing quotation mark following ``token`` (end of paragraph if none)."""
        text = self.text
        stop = text.find("\n", token.idx)
        stop = len(text) if stop < 0 else stop
        close = [i for i in (text.find('"', token.idx, stop), text.find("\u201d", token.idx, stop)) if i >= 0]
        at = min(close) if close else stop
        span = self.doc.char_span(token.idx, at, alignment_mode="expand")
        return span.end if span is not None else len(self.doc)

    def _quote_start(self, token: Token) -> int | None:
        """Index of the first token of the direct quote ``token`` is in (None outside quotes)."""
        text = self.text
        start = text.rfind("\n", 0, token.idx) + 1
        before = text[start:token.idx]
        opened = None
        if before.count('"') % 2 == 1:
            opened = start + before.rfind('"')
        elif before.count("\u201c") > before.count("\u201d"):
            opened = start + before.rfind("\u201c")
        if opened is None:
            return None
        span = self.doc.char_span(opened, token.idx, alignment_mode="expand")
        return span.start if span is not None else token.i

    def _relative(self, token: Token, base: Actor) -> Actor | None:
        """"missiles that Ukraine relies on": a relative pronoun is its noun."""
        clause = token.head
        while clause.dep_ != "relcl" and clause.head is not clause and clause.i != clause.head.i:
            if clause.dep_ not in ("conj", "xcomp", "ccomp"):
                break
            clause = clause.head
        if clause.dep_ != "relcl":
            return replace(base, id=None, type="Other")
        noun = clause.head
        ent = self.ent_of.get(noun.i)
        if ent is not None:
            found = self._entity(ent)
            if found is not None:
                return replace(found, text=base.text, start=base.start, end=base.end)
        span = self.doc[noun.left_edge.i:noun.i + 1]
        return self._common_noun(noun, replace(base, label=_label(list(span))))

    def _add_mention(self, head: Token, actor: Actor, subject: bool, like: coref.Mention | None = None) -> None:
        """Record a mention for later pronouns (``like``: the antecedent a pronoun continues)."""
        entry = self.gaz.entries.get(actor.id or "")
        mention = coref.Mention(
            token=head.i,
            sent=self.sent_of[head.i],
            subject=subject,
            # "the Syrian Democratic Forces ... it": a named body is singular whatever its name's form
            plural=like.plural if like else head.tag_ in ("NNS", "NNPS") and not (
                entry is not None and entry.type in ("Organization", "Group")),
            gender=like.gender if like else entry.gender if entry is not None else None,
            actor=actor,
        )
        position = len(self.mentions)
        while position and self.mentions[position - 1].token > head.i:
            position -= 1
        if position and self.mentions[position - 1].token == head.i:
            return
        self.mentions.insert(position, mention)


def _label_text(text: str) -> str:
    """Surface text without a leading "the" (gazetteer forms are written without it)."""
    stripped = text.strip()
    return stripped[4:] if stripped[:4].lower() == "the " else stripped


def _first_content(span: Span) -> int:
    """Index of the first token after leading determiners and punctuation."""
    for token in span:
        if token.dep_ not in _LEADING_SKIP and not token.is_punct and not token.is_space:
            return token.i
    return span.end


def _label(tokens: list[Token]) -> str:
    """Normalised text: no leading determiner, no trailing possessive or punctuation."""
    while tokens and (tokens[0].dep_ in ("det", "predet") or tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct or tokens[-1].is_space):
        tokens = tokens[:-1]
    return "".join(t.text_with_ws for t in tokens).strip()
