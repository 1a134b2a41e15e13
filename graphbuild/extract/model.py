"""The statement contract: frozen dataclasses that every stage exchanges.

Stages meet only through these types. ``Statement.to_dict()`` is the JSON Lines
contract documented in the README; ``Statement.from_dict()`` reads it back.
Character offsets are always relative to the document text, so provenance
survives every stage.
"""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field, fields
from typing import Any

__all__ = [
    "ACTOR_TYPES",
    "MODALITIES",
    "Actor",
    "Argument",
    "Attribution",
    "Event",
    "Relation",
    "Statement",
    "replace",
]

#: Actor types of the contract (``Other`` covers things and unresolved mentions).
ACTOR_TYPES = ("Person", "Country", "Organization", "Location", "Group", "Other")

#: Modalities of the contract; see the README for when each applies.
MODALITIES = (
    "asserted",  # stated as fact by the text (or its attributed source)
    "reported",  # only reported by a source, with hedging ("reportedly", "sources said")
    "possible",  # may / might / could
    "expected",  # will / expected to / set to / plans to
    "intended",  # hopes / wants / seeks / ready to
    "conditional",  # inside an "if" clause
    "denied",  # a source denies it happened
    "question",  # asked, not stated
)


@functools.cache
def _init_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls) if f.init)


def replace(obj, /, **changes: Any):
    """``dataclasses.replace`` for the contract's classes, without its per-call
    introspection (the resolver replaces actors tens of times per sentence)."""
    for name in _init_names(type(obj)):
        if name not in changes:
            changes[name] = getattr(obj, name)
    return type(obj)(**changes)


@dataclass(frozen=True, slots=True)
class Actor:
    """A participant as written in the text, plus its canonical identity.

    ``text`` is the surface form; ``label``, ``id``, ``type`` and ``country`` are
    filled by the resolve stage (before it, ``label`` is the normalised text).
    ``start``/``end`` are the mention's character offsets in the document.
    """

    text: str
    label: str
    id: str | None = None
    type: str = "Other"
    country: str | None = None
    start: int | None = None
    end: int | None = None
    #: Sector code when the mention names a part of a state ("GOV", "MIL", ...).
    sector: str | None = None
    #: Office held, when a title was stripped ("President of the United States").
    office: str | None = None
    #: False for a pronoun or description that could not be resolved.
    resolved: bool = True

    def key(self) -> str:
        """The node key: one per actor across documents."""
        return self.id or f"name:{self.label.casefold()}"

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "label": self.label,
            "id": self.id,
            "type": self.type,
            "country": self.country,
            "start": self.start,
            "end": self.end,
        }
        if self.sector:
            out["sector"] = self.sector
        if self.office:
            out["office"] = self.office
        if not self.resolved:
            out["resolved"] = False
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(
            text=data["text"],
            label=data.get("label") or data["text"],
            id=data.get("id"),
            type=data.get("type") or "Other",
            country=data.get("country"),
            start=data.get("start"),
            end=data.get("end"),
            sector=data.get("sector"),
            office=data.get("office"),
            resolved=data.get("resolved", True),
        )


@dataclass(frozen=True, slots=True)
class Argument:
    """A further argument of a statement: a prepositional object, time or place."""

    role: str
    actor: Actor

    def to_dict(self) -> dict[str, Any]:
        return {**self.actor.to_dict(), "role": self.role}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Argument:
        return cls(role=data["role"], actor=Actor.from_dict(data))


@dataclass(frozen=True, slots=True)
class Relation:
    """The relation as written (``text``) and normalised for edge labels (``lemma``)."""

    text: str
    lemma: str
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "lemma": self.lemma, "start": self.start, "end": self.end}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Relation:
        return cls(data["text"], data["lemma"], data.get("start"), data.get("end"))


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who said or reported a statement."""

    text: str
    actor: Actor | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "actor": self.actor.to_dict() if self.actor else None}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Attribution:
        actor = data.get("actor")
        return cls(data["text"], Actor.from_dict(actor) if actor else None)


@dataclass(frozen=True, slots=True)
class Event:
    """A CAMEO event type (with its PLOVER counterpart) assigned to a statement."""

    cameo: str
    label: str
    quad_class: int
    goldstein: float
    plover: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "cameo": self.cameo,
            "label": self.label,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        return cls(
            data["cameo"], data["label"], int(data["quad_class"]), float(data["goldstein"]), data.get("plover")
        )


@dataclass(frozen=True, slots=True)
class Statement:
    """One subject–relation–object statement with its evidence.

    ``span`` is the sentence's ``(start, end)`` in the document text, so
    ``document.text[span[0]:span[1]] == sentence``.
    """

    doc: str
    sentence: str
    span: tuple[int, int]
    subject: Actor
    relation: Relation
    object: Actor | None = None
    arguments: tuple[Argument, ...] = ()
    negated: bool = False
    modality: str = "asserted"
    attribution: Attribution | None = None
    date: str | None = None
    event: Event | None = None
    confidence: float = 0.5
    #: Index of the sentence in the document (0-based).
    sentence_index: int = 0
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def id(self) -> str:
        """A stable identifier: the same statement from the same text gets the same id."""
        parts = [
            self.doc,
            str(self.span[0]),
            str(self.subject.start),
            str(self.subject.end),
            self.relation.text,
            str(self.relation.start),
            str(self.object.start) if self.object else "",
            str(self.object.end) if self.object else "",
            self.object.text if self.object else "",
            # Split coordinated arguments ("sanctions on Iran and Russia") are distinct statements.
            *(f"{a.role}@{a.actor.start}:{a.actor.end}" for a in self.arguments),
        ]
        return hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=10).hexdigest()

    @property
    def agentless(self) -> bool:
        """A passive clause that names no agent ("the ambassador was expelled"): the subject
        underwent the act, and the text does not say who did it. Its event, if typed, has the
        subject as its target and no source, so it is no event of the subject's dyads."""
        return self.extra.get("voice") == "passive"

    def replace(self, **changes: Any) -> Statement:
        """A copy with ``changes`` applied (statements are immutable)."""
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        """The JSON Lines contract (see README, "The statement contract")."""
        out: dict[str, Any] = {
            "id": self.id,
            "doc": self.doc,
            "sentence": self.sentence,
            "span": [self.span[0], self.span[1]],
            "sentence_index": self.sentence_index,
            "subject": self.subject.to_dict(),
            "relation": self.relation.to_dict(),
            "object": self.object.to_dict() if self.object else None,
            "arguments": [a.to_dict() for a in self.arguments],
            "negated": self.negated,
            "modality": self.modality,
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "date": self.date,
            "event": self.event.to_dict() if self.event else None,
            "confidence": round(float(self.confidence), 4),
        }
        if self.extra:
            out["extra"] = dict(self.extra)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Statement:
        obj = data.get("object")
        attribution = data.get("attribution")
        event = data.get("event")
        return cls(
            doc=data["doc"],
            sentence=data["sentence"],
            span=(int(data["span"][0]), int(data["span"][1])),
            subject=Actor.from_dict(data["subject"]),
            relation=Relation.from_dict(data["relation"]),
            object=Actor.from_dict(obj) if obj else None,
            arguments=tuple(Argument.from_dict(a) for a in data.get("arguments") or ()),
            negated=bool(data.get("negated", False)),
            modality=data.get("modality") or "asserted",
            attribution=Attribution.from_dict(attribution) if attribution else None,
            date=data.get("date"),
            event=Event.from_dict(event) if event else None,
            confidence=float(data.get("confidence", 0.5)),
            sentence_index=int(data.get("sentence_index", 0)),
            extra=dict(data.get("extra") or {}),
        )
