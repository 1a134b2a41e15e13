"""Phrase expansion and actor mentions: from a head token to a contiguous span.

A phrase is its head's subtree, cut where a dependent starts something that
is not part of the mention (a relative clause, an apposition, a coordinated
conjunct that becomes its own statement). Cuts keep the span contiguous.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .model import Actor

__all__ = [
    "NOUN_CUT_DEPS",
    "conjuncts",
    "make_actor",
    "phrase",
    "span_head",
    "span_text",
    "split_entity_conjuncts",
    "split_modifier_conjuncts",
]

#: Dependents that end a noun phrase: they become statements of their own.
NOUN_CUT_DEPS = frozenset({"relcl", "appos", "conj", "cc", "parataxis", "advcl", "punct", "preconj", "acl"})

#: spaCy NER labels -> actor types of the contract (COMMON.md).
_ENT_TYPES = {
    "PERSON": "Person",
    "GPE": "Country",
    "NORP": "Group",
    "ORG": "Organization",
    "LOC": "Location",
    "FAC": "Location",
}
_LEADING_DROP_DEPS = frozenset({"det", "predet"})
#: Modifiers of a noun that can name whose it is ("Indian troops", "US officials").
_OWNER_MODIFIER_DEPS = frozenset({"amod", "nmod", "compound"})
#: NER labels of a modifier naming a state or people (closed class of the model's scheme).
_OWNER_ENT_TYPES = frozenset({"NORP", "GPE"})
_EDGE_PUNCT_POS = frozenset({"PUNCT", "SPACE"})
#: Marks that open a mention and stay at its start (quotes, currency).
_OPENING_MARKS = frozenset({'"', "'", "`", "``", "$", "“", "‘"})


def phrase(head: Token, cut: frozenset[str] = NOUN_CUT_DEPS, keep_conj: bool = False) -> Span:
    """The contiguous span headed by ``head``, stopping at dependents in ``cut``.

    Children are taken outwards from the head on each side; the first cut child
    on a side ends that side, so the result never has holes. A conjunct inside
    the same named entity ("Midland and Scottish Railway") is never cut.
    """
    doc = head.doc
    start, end = head.i, head.i + 1
    in_entity = head.ent_iob_ != "O" and head.ent_type_
    for child in reversed(list(head.lefts)):
        if child.dep_ in cut and not _inside_entity(child, head, in_entity, keep_conj):
            if child.dep_ == "punct" and child.i == start - 1:
                continue
            break
        start = min(start, child.left_edge.i)
    for child in head.rights:
        if child.dep_ in cut and not _inside_entity(child, head, in_entity, keep_conj):
            # Inner punctuation (a hyphen, a closing quote) belongs to the phrase
            # when more of the phrase follows it.
            if child.dep_ == "punct" and any(c.i > child.i and c.dep_ not in cut for c in head.rights):
                continue
            break
        end = max(end, child.right_edge.i + 1)
    # Never cut through a named entity ("on December 31 , 1963").
    last = doc[end - 1]
    if last.ent_iob_ != "O":
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
    if "relcl" in cut:
        # A relative clause deeper in the phrase ends it too ("the idea of X, which became Y").
        for tok in doc[head.i + 1:end]:
            if tok.dep_ == "relcl" and tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].is_punct:
                end = tok.left_edge.i - 1
                break
    while end - 1 > start and (doc[end - 1].pos_ in _EDGE_PUNCT_POS or doc[end - 1].dep_ == "cc"):
        end -= 1
    while start < end - 1 and doc[start].pos_ in _EDGE_PUNCT_POS and doc[start].text not in _OPENING_MARKS:
        start += 1
    return doc[start:end]


def _inside_entity(child: Token, head: Token, entity: str | bool, keep_conj: bool) -> bool:
    if child.dep_ not in ("conj", "cc"):
        return False
    if keep_conj:
        return True
    return bool(entity) and child.ent_type_ == head.ent_type_ and child.ent_iob_ == "I" and (
        _entity_start(child) == _entity_start(head))


def _entity_start(token: Token) -> int:
    """Index of the first token of the entity ``token`` is in ("Francois Hollande": Francois)."""
    doc, i = token.doc, token.i
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    return i


def split_entity_conjuncts(token: Token, cut: frozenset[str]) -> list[Span] | None:
    """The coordinated names of a phrase whose conjunction the parser hung inside the first
    name ("[Barack] Obama and Vladimir Putin" with "Barack" as its head): the first name's
    entity, then each conjunct's phrase; None when ``token`` has no such conjunction."""
    if token.ent_iob_ == "O" or token.conjuncts:
        return None
    doc = token.doc
    start = end = _entity_start(token)
    while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
        end += 1
    for inner in doc[start:end + 1]:
        conj = [c for c in inner.children if c.dep_ == "conj" and c.i > end]
        if inner.i != token.i and conj:
            return [doc[start:end + 1], *(phrase(c, cut) for part in conj for c in conjuncts(part))]
    return None


def split_modifier_conjuncts(span: Span) -> list[Span]:
    """The members of a compound actor whose coordinated owners share one head ("Indian and
    Pakistani troops" → "Indian", "Pakistani troops"), as CAMEO codes a compound actor: one
    actor per member. The first member ends at its owner, so the mentions do not overlap. Only
    modifiers the NER tags as states or peoples split ("economic and military aid" stays one);
    any other span is returned as it is."""
    head = span_head(span)
    for mod in head.lefts:
        if mod.dep_ not in _OWNER_MODIFIER_DEPS or mod.ent_type_ not in _OWNER_ENT_TYPES:
            continue
        later = [c for c in mod.conjuncts if c.i > mod.i and c.ent_type_ in _OWNER_ENT_TYPES and c.i < head.i]
        if later and span.start <= mod.i:
            return [span.doc[mod.left_edge.i:mod.i + 1], *(span.doc[c.i:span.end] for c in later)]
    return [span]


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the heads coordinated with it, in text order (split coordination)."""
    out = [token]
    for conj in token.conjuncts:
        # one name ("Midland and Scottish Railway"), not two ("Angela Merkel and Francois Hollande")
        same_entity = (token.ent_iob_ != "O" and conj.ent_iob_ == "I" and conj.ent_type_ == token.ent_type_
                       and _entity_start(conj) == _entity_start(token))
        if conj.i > token.i and not same_entity:
            out.append(conj)
    return sorted(out, key=lambda t: t.i)


def span_text(tokens) -> str:
    """Tokens (any order) joined as written, single spaces between gaps."""
    ordered = sorted(tokens, key=lambda t: t.i)
    parts: list[str] = []
    for k, tok in enumerate(ordered):
        parts.append(tok.text)
        if k + 1 < len(ordered):
            nxt = ordered[k + 1]
            parts.append(tok.whitespace_ if nxt.i == tok.i + 1 else " ")
    return "".join(parts).strip()


def span_head(span: Span) -> Token:
    """The syntactic head of ``span``: its first token attached outside it.

    Cheaper than ``Span.root``, which walks every token up to the sentence root.
    """
    for token in span:
        head = token.head.i
        if head == token.i or not span.start <= head < span.end:
            return token
    return span[0]


def actor_type(span: Span, root: Token | None = None) -> str:
    """The contract's rough actor type from spaCy's NER on the span's head."""
    root = root if root is not None else span_head(span)
    label = root.ent_type_
    if not label:
        for tok in span:
            if tok.ent_type_ in _ENT_TYPES:
                label = tok.ent_type_
                break
    return _ENT_TYPES.get(label, "Other")


#: The Doc last seen by :func:`make_actor` and its ``char_offset``: spaCy's ``Doc._`` builds an
#: accessor object on every access, and make_actor runs for every mention of every statement.
_last_offset: tuple[object, int] = (None, 0)


def make_actor(span: Span) -> Actor:
    """An Actor for ``span``: text as written, label without a leading determiner, document offsets."""
    global _last_offset
    doc = span.doc
    last, offset = _last_offset
    if last is not doc:
        offset = doc._.char_offset
        _last_offset = (doc, offset)
    root = span_head(span)
    text = span.text
    label_start = span.start
    while label_start < span.end - 1 and doc[label_start].dep_ in _LEADING_DROP_DEPS:
        label_start += 1
    label = text if label_start == span.start else doc[label_start:span.end].text
    return Actor(
        text=text,
        label=label,
        type=actor_type(span, root),
        start=span.start_char + offset,
        end=span.end_char + offset,
        resolved=root.pos_ != "PRON",
    )
