"""Integrity checks for ``ontologies/people.ttl`` (titles, offices, office holders).

The gazetteer is hand-edited Turtle, so these tests catch what a hand edit breaks:
a missing label or date, a made-up country code, two people answering to the same
name, a merged duplicate block, or two holders of one office at the same time.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import date
from pathlib import Path

import pytest
import rdflib
from rdflib import RDF, RDFS, SKOS, Literal, Namespace, URIRef

from graphbuild.resources import ontology_file

GB = Namespace("https://w3id.org/graphbuild/ontology#")
GBO = Namespace("https://w3id.org/graphbuild/id/office/")
GBA = Namespace("https://w3id.org/graphbuild/id/actor/")
OWL_SAME_AS = URIRef("http://www.w3.org/2002/07/owl#sameAs")
WD = "http://www.wikidata.org/entity/"
ISO_JSON = Path("/usr/share/iso-codes/json/iso_3166-1.json")

ROLES = {"head-of-state", "head-of-government", "foreign-minister", "defence-minister", "other"}
GENDERS = {"male", "female"}

# Countries the brief requires full cover for: G20, NATO, EU and the states most in the news.
G20 = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN MEX RUS SAU ZAF KOR TUR GBR USA".split()
NATO = (
    "ALB BEL BGR CAN HRV CZE DNK EST FIN FRA DEU GRC HUN ISL ITA LVA LTU LUX MNE NLD MKD NOR POL "
    "PRT ROU SVK SVN ESP SWE TUR GBR USA"
).split()
EU = (
    "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU "
    "SVK SVN ESP SWE"
).split()
IN_THE_NEWS = (
    "UKR RUS ISR IRN PSE SYR TUR CHN TWN PRK KOR IND PAK VEN SAU QAT EGY LBN IRQ AFG BLR HUN"
).split()
REQUIRED = sorted(set(G20 + NATO + EU + IN_THE_NEWS))
# Iceland has no armed forces and so no defence minister; Palestine has none either.
NO_DEFENCE_MINISTER = {"ISL", "PSE"}
INTERNATIONAL_OFFICES = [
    "un-secretary-general",
    "nato-secretary-general",
    "european-commission-president",
    "european-council-president",
    "eu-high-representative",
]


@pytest.fixture(scope="module")
def text() -> str:
    return ontology_file("people.ttl").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def graph(text: str) -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(data=text, format="turtle")
    return g


@pytest.fixture(scope="module")
def iso3() -> set[str]:
    if not ISO_JSON.is_file():
        pytest.skip(f"{ISO_JSON} (Debian iso-codes) is not installed")
    return {c["alpha_3"] for c in json.loads(ISO_JSON.read_text(encoding="utf-8"))["3166-1"]}


def _people(graph):
    return sorted(set(graph.subjects(RDF.type, GB.Person)))


def _offices(graph):
    return sorted(set(graph.subjects(RDF.type, GB.Office)))


def _terms(graph):
    """(person, office, valid_from, valid_to | None) for every gb:holds node."""
    for person in _people(graph):
        for node in graph.objects(person, GB.holds):
            valid_to = graph.value(node, GB.validTo)
            yield (
                person,
                graph.value(node, GB.office),
                graph.value(node, GB.validFrom),
                valid_to,
            )


@pytest.fixture(scope="module")
def terms(graph) -> list[tuple]:
    return list(_terms(graph))


def _holder(graph, terms, office: URIRef, day: date) -> set[str]:
    """Preferred labels of who held ``office`` on ``day`` (terms are half-open)."""
    return {
        str(graph.value(person, SKOS.prefLabel))
        for person, held, start, end in terms
        if held == office and start.toPython() <= day and (end is None or day < end.toPython())
    }


def test_file_is_big_enough_to_be_the_gazetteer(graph):
    assert len(_people(graph)) >= 300
    assert len(_offices(graph)) >= 250
    assert len(set(graph.subjects(RDF.type, GB.Title))) >= 40


def test_no_block_is_written_twice(text):
    subjects = re.findall(r"^(gb[ao]?:\S+) a gb:", text, flags=re.MULTILINE)
    duplicates = sorted({s for s in subjects if subjects.count(s) > 1})
    assert duplicates == []


def test_every_person_is_complete(graph):
    problems = []
    for person in _people(graph):
        labels = list(graph.objects(person, SKOS.prefLabel))
        if len(labels) != 1 or labels[0].language != "en":
            problems.append((person, "prefLabel", labels))
        genders = {str(g) for g in graph.objects(person, GB.gender)}
        if len(genders) != 1 or not genders <= GENDERS:
            problems.append((person, "gender", genders))
        countries = [str(c) for c in graph.objects(person, GB.country)]
        if len(countries) != 1 or not re.fullmatch(r"[A-Z]{3}", countries[0]):
            problems.append((person, "country", countries))
        if graph.value(person, GB.holds) is None and graph.value(person, RDFS.comment) is None:
            problems.append((person, "neither gb:holds nor rdfs:comment", None))
    assert problems == []


def test_person_iri_matches_its_wikidata_link(graph):
    problems = []
    for person in _people(graph):
        local = str(person)[len(str(GBA)) :]
        same = [str(o) for o in graph.objects(person, OWL_SAME_AS)]
        if re.fullmatch(r"Q\d+", local):
            if same != [WD + local]:
                problems.append((local, same))
        elif same or not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", local):
            problems.append((local, same))
    assert problems == []


def test_every_term_has_an_office_and_dates_in_order(graph, terms):
    offices = set(_offices(graph))
    problems = []
    for person, office, start, end in terms:
        if office not in offices:
            problems.append((person, office, "unknown office"))
        if not isinstance(start, Literal) or start.datatype != rdflib.XSD.date:
            problems.append((person, office, "validFrom", start))
            continue
        if end is not None and (end.datatype != rdflib.XSD.date or end.toPython() < start.toPython()):
            problems.append((person, office, "validTo", end))
    assert problems == []


def test_one_holder_per_office_at_a_time(graph, terms):
    """Only the four key roles are single-seat; envoys, aides and the like are many-seat posts."""
    single_seat = {
        office for office in _offices(graph) if {str(r) for r in graph.objects(office, GB.role)} - {"other"}
    }
    by_office = defaultdict(list)
    for person, office, start, end in terms:
        if office not in single_seat:
            continue
        by_office[office].append((start.toPython(), end.toPython() if end else date.max, person))
    overlaps = []
    for office, terms in by_office.items():
        terms.sort()
        for (s1, e1, p1), (s2, _e2, p2) in zip(terms, terms[1:]):
            if s2 < e1:
                overlaps.append((str(office), str(p1), str(p2), s2.isoformat()))
    assert overlaps == []


def test_every_country_code_is_iso_3166_alpha3(graph, iso3):
    used = {str(c) for c in graph.objects(None, GB.country)}
    assert sorted(used - iso3) == []


def test_offices_and_titles_are_complete(graph):
    problems = []
    for office in _offices(graph):
        roles = {str(r) for r in graph.objects(office, GB.role)}
        if not roles or not roles <= ROLES:
            problems.append((office, "role", roles))
        if graph.value(office, SKOS.prefLabel) is None or graph.value(office, GB.title) is None:
            problems.append((office, "prefLabel/title"))
        if len(list(graph.objects(office, GB.country))) > 1:
            problems.append((office, "several countries"))
    for title in graph.subjects(RDF.type, GB.Title):
        if graph.value(title, SKOS.prefLabel) is None or str(graph.value(title, GB.role)) not in ROLES:
            problems.append((title, "title"))
    assert problems == []


def test_no_two_people_of_a_country_share_a_name(graph):
    owners = defaultdict(set)
    for person in _people(graph):
        country = str(graph.value(person, GB.country))
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for label in graph.objects(person, prop):
                owners[(country, str(label).casefold())].add(str(person))
    clashes = {key: sorted(people) for key, people in owners.items() if len(people) > 1}
    assert clashes == {}


def test_no_title_word_is_a_persons_name(graph):
    titles = {
        str(label).casefold()
        for title in graph.subjects(RDF.type, GB.Title)
        for prop in (SKOS.prefLabel, SKOS.altLabel)
        for label in graph.objects(title, prop)
    }
    names = {
        str(label).casefold()
        for person in _people(graph)
        for prop in (SKOS.prefLabel, SKOS.altLabel)
        for label in graph.objects(person, prop)
    }
    assert sorted(titles & names) == []


def test_every_office_title_is_a_known_title(graph):
    """Title words are looked up in gb:Title; an office title missing there is never stripped from a name."""
    known = {
        str(label).casefold()
        for title in graph.subjects(RDF.type, GB.Title)
        for prop in (SKOS.prefLabel, SKOS.altLabel)
        for label in graph.objects(title, prop)
    }
    unknown = sorted(
        {
            str(t)
            for office in _offices(graph)
            for t in graph.objects(office, GB.title)
            if str(t).casefold() not in known
        }
    )
    assert unknown == []


@pytest.mark.parametrize("country", REQUIRED)
def test_required_country_has_the_four_offices(graph, country):
    roles = {
        str(role)
        for office in _offices(graph)
        if str(graph.value(office, GB.country)) == country
        for role in graph.objects(office, GB.role)
    }
    expected = {"head-of-state", "head-of-government", "foreign-minister", "defence-minister"}
    if country in NO_DEFENCE_MINISTER:
        expected.discard("defence-minister")
    assert expected <= roles


@pytest.mark.parametrize("country", REQUIRED)
def test_required_country_has_a_head_of_state_on_record(graph, terms, country):
    office = GBO[f"head-of-state-{country}"]
    assert (office, RDF.type, GB.Office) in graph
    # Two probe dates, because some seats were vacant on one of them (Lebanon 2022-2025).
    holders = _holder(graph, terms, office, date(2024, 6, 1)) | _holder(
        graph, terms, office, date(2025, 6, 1)
    )
    assert holders, f"nobody holds {office} on 2024-06-01 or 2025-06-01"


@pytest.mark.parametrize("office", INTERNATIONAL_OFFICES)
def test_international_office_has_a_current_holder(graph, terms, office):
    assert _holder(graph, terms, GBO[office], date(2025, 6, 1))


@pytest.mark.parametrize(
    ("office", "day", "holder"),
    [
        ("head-of-state-USA", date(2019, 6, 1), "Donald Trump"),
        ("head-of-state-USA", date(2021, 1, 20), "Joe Biden"),
        ("head-of-state-USA", date(2025, 1, 19), "Joe Biden"),
        ("head-of-state-USA", date(2025, 3, 1), "Donald Trump"),
        ("head-of-government-GBR", date(2022, 10, 1), "Liz Truss"),
        ("head-of-government-GBR", date(2024, 8, 1), "Keir Starmer"),
        ("head-of-government-DEU", date(2023, 1, 1), "Olaf Scholz"),
        ("head-of-government-DEU", date(2025, 6, 1), "Friedrich Merz"),
        ("head-of-government-ISR", date(2022, 1, 1), "Naftali Bennett"),
        ("head-of-government-ISR", date(2024, 1, 1), "Benjamin Netanyahu"),
        ("head-of-state-SYR", date(2024, 1, 1), "Bashar al-Assad"),
        ("head-of-state-SYR", date(2025, 3, 1), "Ahmed al-Sharaa"),
        ("defence-minister-RUS", date(2023, 1, 1), "Sergei Shoigu"),
        ("defence-minister-RUS", date(2024, 6, 1), "Andrei Belousov"),
        ("foreign-minister-USA", date(2023, 1, 1), "Antony Blinken"),
        ("head-of-state-UKR", date(2025, 8, 15), "Volodymyr Zelenskyy"),
        ("nato-secretary-general", date(2024, 12, 1), "Mark Rutte"),
        ("head-of-state-IRN", date(2025, 6, 1), "Ali Khamenei"),
        ("head-of-state-IRN", date(2026, 6, 1), "Mojtaba Khamenei"),
        ("head-of-state-VEN", date(2026, 2, 1), "Delcy Rodríguez"),
    ],
)
def test_office_resolves_by_date(graph, terms, office, day, holder):
    assert _holder(graph, terms, GBO[office], day) == {holder}
