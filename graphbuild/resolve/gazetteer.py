"""The actor gazetteer: ``ontologies/actors.ttl`` + ``ontologies/people.ttl`` as lookup tables.

Everything the resolver knows about the world is read here from Turtle (see the
actors section of README.md for the schema); Python only holds the grammar of
the lookup. The loaded object is immutable: resolving one document never changes
how another resolves.
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from dataclasses import dataclass, field

from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, SKOS

from ..errors import GraphbuildError
from ..extract.model import ACTOR_TYPES

__all__ = ["Entry", "Gazetteer", "Holding", "Office", "normalise", "slug", "variant_key"]

log = logging.getLogger(__name__)

GB = Namespace("https://w3id.org/graphbuild/ontology#")
WD = "http://www.wikidata.org/entity/"

#: Name kinds, in the order they win when one surface form names several entries: a
#: one-word alias of a person ("Montenegro", "Muscat", "Türk") yields to a state's name,
#: metonym or demonym.
KINDS = ("name", "metonym", "office", "demonym", "surname")

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2010": "-", "\u2011": "-", "\u2013": "-"})
_NON_WORD = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=1 << 16)
def normalise(text: str) -> str:
    """Casefolded, accent-free, single-spaced text without a leading "the" (lookup key).

    >>> normalise("  The Élysée  Palace")
    'elysee palace'
    """
    text = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = " ".join(text.split())
    return text.removeprefix("the ")


def slug(text: str) -> str:
    """ASCII lower-case words joined by ``-``: the id form of unknown actors.

    >>> slug("Yuri  Ushakov's aide")
    'yuri-ushakov-s-aide'
    """
    return _NON_WORD.sub("-", normalise(text)).strip("-")


def variant_key(text: str) -> str:
    """A spelling-insensitive key for transliterated names (Zelensky, Zelenskyy, Zelenskiy).

    >>> variant_key("Zelenskyy") == variant_key("Zelenskiy") == variant_key("Zelensky")
    True
    """
    key = slug(text).replace("y", "i").replace("-", " ")
    return re.sub(r"(.)\1+", r"\1", key)


@dataclass(frozen=True, slots=True)
class Holding:
    """One term in an office: ``valid_to`` None means still in office."""

    office: str
    valid_from: str | None
    valid_to: str | None

    def covers(self, date: str | None) -> bool:
        """True when ``date`` (ISO) falls in the term; an unknown date means "now"."""
        if date is None:
            return self.valid_to is None
        return (self.valid_from is None or self.valid_from <= date) and (self.valid_to is None or date < self.valid_to)


@dataclass(frozen=True, slots=True)
class Office:
    id: str
    label: str
    roles: frozenset[str]
    country: str | None


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer actor (country, person, organisation, group, place, thing)."""

    id: str
    type: str
    label: str
    country: str | None = None
    sector: str | None = None
    gender: str | None = None
    qid: str | None = None
    leader_role: str = "head-of-state"
    holds: tuple[Holding, ...] = ()


@dataclass(slots=True)
class Gazetteer:
    """Lookup tables built from the actor and people ontologies.

    Use :meth:`from_ontology` (cached) in the pipeline and :meth:`from_graph` in tests.
    """

    entries: dict[str, Entry]
    #: normalised surface form → ((entry id, kind, surface form as written), ...)
    names: dict[str, tuple[tuple[str, str, str], ...]]
    offices: dict[str, Office]
    #: normalised title → roles ("President" → {"head-of-state"})
    titles: dict[str, frozenset[str]]
    #: normalised head noun → sector code ("" for agentive nouns without a sector)
    sector_terms: dict[str, str]
    #: normalised noun → actor type it refers back to ("country" → "Country")
    anaphors: dict[str, str]
    #: ISO3 → country entry id
    iso3: dict[str, str]
    #: variant key of a person's name or surname → entry ids
    person_variants: dict[str, frozenset[str]]
    #: office id → ids of the people who held it
    holders: dict[str, tuple[str, ...]]
    #: sector code → (actor class a phrase of that sector is, the sector's label): ("Country",
    #: "government") — "Iraqi officials" act as the state; ("Organization", "judiciary") — "a
    #: court in Guyana" is a court of Guyana
    sector_types: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: sector-term forms that name actors (their term has ``gb:refersTo``), not acts or weapons
    sector_agents: frozenset[str] = frozenset()

    # ------------------------------------------------------------------ loading
    @classmethod
    def from_ontology(cls) -> Gazetteer:
        """The gazetteer of the packaged ``actors.ttl`` and ``people.ttl`` (cached)."""
        return _packaged()

    @classmethod
    def from_graph(cls, graph: Graph) -> Gazetteer:
        """Build the tables from an rdflib graph following the gazetteer schema."""
        offices: dict[str, Office] = {}
        office_nodes = {}
        for node in graph.subjects(RDF.type, GB.Office):
            oid = _local(node)
            office_nodes[oid] = node
            country = graph.value(node, GB.country)
            offices[oid] = Office(
                id=oid,
                label=_pref(graph, node) or oid,
                roles=frozenset(str(r) for r in graph.objects(node, GB.role)),
                country=str(country) if country else None,
            )
        entries: dict[str, Entry] = {}
        names: dict[str, list[tuple[str, str, str]]] = {}
        iso3: dict[str, str] = {}
        person_variants: dict[str, set[str]] = {}

        def add(form: str, eid: str, kind: str) -> None:
            key = normalise(form)
            if key:
                bucket = names.setdefault(key, [])
                if (eid, kind, form) not in bucket:
                    bucket.append((eid, kind, form))

        for cls_name in ACTOR_TYPES:
            for node in graph.subjects(RDF.type, GB[cls_name]):
                eid = _local(node)  # "Q159" for gba:Q159, else the slug
                label = _pref(graph, node)
                if label is None:
                    raise GraphbuildError(f"actor {node} has no skos:prefLabel", where="gazetteer")
                code = graph.value(node, GB.iso3) if cls_name == "Country" else graph.value(node, GB.country)
                holds = []
                for h in graph.objects(node, GB.holds):
                    office = graph.value(h, GB.office)
                    start, end = graph.value(h, GB.validFrom), graph.value(h, GB.validTo)
                    holds.append(Holding(_local(office), str(start) if start else None, str(end) if end else None))
                holds.sort(key=lambda h: h.valid_from or "", reverse=True)
                same = graph.value(node, OWL.sameAs)
                entry = Entry(
                    id=eid,
                    type=cls_name,
                    label=label,
                    country=str(code) if code else None,
                    sector=_str(graph.value(node, GB.sector)),
                    gender=_str(graph.value(node, GB.gender)),
                    qid=str(same)[len(WD):] if same is not None and str(same).startswith(WD) else None,
                    leader_role=_str(graph.value(node, GB.leaderRole)) or "head-of-state",
                    holds=tuple(holds),
                )
                entries[eid] = entry
                if cls_name == "Country" and code:
                    iso3[str(code)] = eid
                forms = [label, *(str(a) for a in graph.objects(node, SKOS.altLabel))]
                for form in forms:
                    one_word = cls_name == "Person" and len(form.split()) == 1 and form != label
                    add(form, eid, "surname" if one_word else "name")
                for form in graph.objects(node, GB.demonym):
                    add(str(form), eid, "demonym")
                for form in graph.objects(node, GB.metonym):
                    add(str(form), eid, "metonym")
                if cls_name == "Person":
                    for form in forms:
                        for key in {variant_key(form), variant_key(form.split()[-1])}:
                            person_variants.setdefault(key, set()).add(eid)
        for oid, office in offices.items():
            node = office_nodes[oid]
            for form in [office.label, *(str(a) for a in graph.objects(node, SKOS.altLabel))]:
                add(form, "office:" + oid, "office")
        titles: dict[str, set[str]] = {}
        for node in graph.subjects(RDF.type, GB.Title):
            roles = {str(r) for r in graph.objects(node, GB.role)}
            for form in _labels(graph, node):
                titles.setdefault(normalise(form), set()).update(roles)
        for node in office_nodes.values():
            for form in graph.objects(node, GB.title):
                titles.setdefault(normalise(str(form)), set())
        sector_terms: dict[str, str] = {}
        sector_types: dict[str, tuple[str, str]] = {}
        sector_agents: set[str] = set()
        for node in graph.subjects(RDF.type, GB.SectorTerm):
            code = _str(graph.value(node, GB.sector)) or ""
            for form in _labels(graph, node):
                sector_terms[normalise(form)] = code
            kind = graph.value(node, GB.refersTo)
            if code and kind is not None:
                sector_types[code] = (_local(kind), _pref(graph, node) or code)
                sector_agents.update(normalise(form) for form in _labels(graph, node))
        anaphors: dict[str, str] = {}
        for node in graph.subjects(RDF.type, GB.AnaphoricNoun):
            target = _local(graph.value(node, GB.refersTo))
            for form in _labels(graph, node):
                anaphors[normalise(form)] = target
        gaz = cls(
            entries=entries,
            names={k: tuple(sorted(v, key=lambda t: KINDS.index(t[1]))) for k, v in names.items()},
            offices=offices,
            titles={k: frozenset(v) for k, v in titles.items()},
            sector_terms=sector_terms,
            anaphors=anaphors,
            iso3=iso3,
            person_variants={k: frozenset(v) for k, v in person_variants.items()},
            holders=_holder_index(entries),
            sector_types=sector_types,
            sector_agents=frozenset(sector_agents),
        )
        log.info("gazetteer: %d actors, %d offices, %d surface forms", len(entries), len(offices), len(names))
        return gaz

    # ------------------------------------------------------------------ lookups
    def lookup(self, text: str) -> tuple[tuple[str, str, str], ...]:
        """``(entry id, kind, form)`` candidates for a surface form, best first."""
        return self.names.get(normalise(text), ())

    def country_entry(self, iso3: str | None) -> Entry | None:
        return self.entries.get(self.iso3.get(iso3 or "", ""))

    def office_roles(self, office_id: str) -> frozenset[str]:
        office = self.offices.get(office_id)
        return office.roles if office else frozenset()

    def holding(self, entry: Entry, date: str | None, roles: frozenset[str] | None = None) -> Holding | None:
        """The office ``entry`` held at ``date``, restricted to ``roles`` when given."""
        for holding in entry.holds:
            if holding.covers(date) and (roles is None or roles & self.office_roles(holding.office)):
                return holding
        return None

    def holder(self, office_id: str, date: str | None) -> Entry | None:
        """Who held ``office_id`` at ``date``; None when nobody or several people did (aides)."""
        found = {
            eid for eid in self.holders.get(office_id, ())
            for holding in self.entries[eid].holds
            if holding.office == office_id and holding.covers(date)
        }
        return self.entries[found.pop()] if len(found) == 1 else None

    def offices_for(self, roles: frozenset[str], country: str | None) -> list[Office]:
        """Offices of ``country`` with one of ``roles``."""
        return [o for o in self.offices.values() if o.country == country and o.roles & roles]


@functools.cache
def _packaged() -> Gazetteer:
    from ..resources import compiled

    return compiled(_GAZETTEER_FILES, _compile_packaged)


_GAZETTEER_FILES = ("actors.ttl", "people.ttl")


def _compile_packaged() -> Gazetteer:
    from ..resources import ontology_file

    graph = Graph()
    for name in _GAZETTEER_FILES:
        try:
            path = ontology_file(name)
        except FileNotFoundError:
            log.warning("gazetteer: %s is not packaged; resolving without it", name)
            continue
        graph.parse(data=path.read_text(encoding="utf-8"), format="turtle")
    return Gazetteer.from_graph(graph)


def _holder_index(entries: dict[str, Entry]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for entry in entries.values():
        for holding in entry.holds:
            if entry.id not in index.setdefault(holding.office, []):
                index[holding.office].append(entry.id)
    return {k: tuple(v) for k, v in index.items()}


def _local(node) -> str:
    text = str(node)
    for sep in ("#", "/"):
        if sep in text:
            text = text.rsplit(sep, 1)[1]
    return text


def _pref(graph: Graph, node) -> str | None:
    label = graph.value(node, SKOS.prefLabel)
    return str(label) if label is not None else None


def _labels(graph: Graph, node) -> list[str]:
    return [str(x) for p in (SKOS.prefLabel, SKOS.altLabel) for x in graph.objects(node, p)]


def _str(value) -> str | None:
    return str(value) if isinstance(value, (Literal, URIRef)) else None
