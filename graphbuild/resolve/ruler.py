"""The actor ruler: gazetteer names as entities, set before the statistical NER.

Runs before ``ner`` so that the recogniser keeps our spans and only fills the
gaps around them: "Kyiv" is a place acting as Ukraine, never a PERSON; "Patriot"
is a weapon system, never a PERSON. Each entity carries the gazetteer id in
``Span.kb_id_`` so the resolver needs no second lookup.
"""

from __future__ import annotations

import functools

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .gazetteer import Gazetteer

__all__ = ["ENT_LABELS", "ActorRuler", "make_actor_ruler"]

#: spaCy entity label per gazetteer class (demonyms are NORP whatever their class).
ENT_LABELS = {
    "Country": "GPE",
    "Person": "PERSON",
    "Organization": "ORG",
    "Group": "ORG",
    "Location": "LOC",
    "Other": "PRODUCT",
}


def make_actor_ruler(nlp: Language, name: str, gazetteer: Gazetteer | None = None) -> ActorRuler:
    """The ``graphbuild_actor_ruler`` factory: an :class:`ActorRuler` on the packaged gazetteer."""
    return ActorRuler(nlp, name, gazetteer or Gazetteer.from_ontology())


class ActorRuler:
    """Marks gazetteer names, aliases, demonyms and metonyms as entities.

    Matching is on lower-cased tokens (``PhraseMatcher(attr="LOWER")``), then
    checked against the case written in the gazetteer: an acronym must match
    exactly ("WHO", not "who"), a capitalised name must not be lower-case in
    the text ("Male", not "male"). Longest match wins; gazetteer spans replace
    overlapping entities already on the ``Doc``.
    """

    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer):
        self.name = name
        self.gazetteer = gazetteer
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._forms: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        tokenizer = nlp.tokenizer
        items = [
            (key, eid, kind, _strip_the(form))
            for key, cands in gazetteer.names.items()
            for eid, kind, form in cands
            if kind != "office"
        ]
        docs = list(tokenizer.pipe(form for _, _, _, form in items))
        patterns: dict[str, dict[str, Doc]] = {}
        for (key, eid, kind, form), pattern in zip(items, docs):
            words = tuple(t.text for t in pattern)
            self._forms.setdefault(key, []).append((words, eid, kind))
            patterns.setdefault(key, {}).setdefault(pattern.text.lower(), pattern)
        for key, docs_by_text in patterns.items():
            self.matcher.add(key, list(docs_by_text.values()))

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            found = self._accept(doc[start:end], doc.vocab.strings[match_id])
            if found:
                eid, kind = found
                entry = self.gazetteer.entries[eid]
                if entry.type == "Person" and end - start == 1 and _looks_like_word(doc, start):
                    continue
                label = "NORP" if kind == "demonym" else ENT_LABELS[entry.type]
                spans.append(Span(doc, start, end, label=label, kb_id=eid))
        if not spans:
            return doc
        ours = filter_spans(spans)
        taken = {i for span in ours for i in range(span.start, span.end)}
        kept = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
        doc.set_ents(sorted(ours + kept, key=lambda s: s.start), default="unmodified")
        return doc

    def _accept(self, span: Span, key: str) -> tuple[str, str] | None:
        """The first ``(entry id, kind)`` whose written form the span's case agrees with."""
        texts = [t.text for t in span]
        for words, eid, kind in self._forms.get(key, ()):
            if len(words) == len(texts) and all(_case_agrees(w, t) for w, t in zip(words, texts)):
                return eid, kind
        return None


def _looks_like_word(doc: Doc, i: int) -> bool:
    """A one-word surname that is also a function word ("May") used as one: "in May", "May 5"."""
    token = doc[i]
    if not token.is_stop:
        return False
    before = doc[i - 1] if i > 0 else None
    after = doc[i + 1] if i + 1 < len(doc) else None
    return (before is not None and before.tag_ == "IN") or (after is not None and after.like_num)


def _strip_the(form: str) -> str:
    return form[4:] if form[:4].lower() == "the " else form


@functools.lru_cache(maxsize=65536)
def _case_agrees(written: str, seen: str) -> bool:
    letters = [c for c in written if c.isalpha()]
    if not letters or all(c.islower() for c in letters):
        return True
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return seen == written
    return not seen.islower()
