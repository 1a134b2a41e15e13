"""Dates of statements: absolute and relative time expressions resolved against publication.

"on Thursday" is the latest Thursday on or before the publication date (the
next one for a statement about the future), "yesterday" is the day before,
"last week" the Monday that starts the previous week, "30 November 2012"
itself. A statement gets a date only when the text fixes one.
"""

from __future__ import annotations

import calendar
import datetime as dt

from collections.abc import Iterable

from spacy.tokens import Span, Token

from .cues import CueTable

__all__ = ["resolve_date", "statement_date"]

_WEEKDAYS = {name.lower(): k for k, name in enumerate(calendar.day_name)}
_MONTHS = {name.lower(): k for k, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): k for k, name in enumerate(calendar.month_abbr) if name})


def _published(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None


def _period_start(day: dt.date, unit: str, offset: int) -> dt.date | None:
    if unit in ("week", "weekend"):
        monday = day - dt.timedelta(days=day.weekday()) + dt.timedelta(weeks=offset)
        return monday + dt.timedelta(days=5) if unit == "weekend" else monday
    if unit == "month":
        month = day.month - 1 + offset
        return dt.date(day.year + month // 12, month % 12 + 1, 1)
    if unit == "year":
        return dt.date(day.year + offset, 1, 1)
    return None


def resolve_date(tokens: list[Token], published: str | None, future: bool, cues: CueTable) -> str | None:
    """The ISO day fixed by a time expression (its tokens), or None.

    Parameters
    ----------
    tokens : list of Token
        The words of one time expression ("last", "Thursday").
    published : str or None
        The document's ISO publication date; relative expressions need it.
    future : bool
        Whether the statement is about the future: a bare weekday then means the next one.
    cues : CueTable
        Relative-day and period words come from the extraction ontology.
    """
    base = _published(published)
    words = [t.lower_ for t in tokens]
    day = month = year = None
    for tok, word in zip(tokens, words):
        if word in _MONTHS:
            month = _MONTHS[word]
        elif tok.like_num and word.isdigit():
            value = int(word)
            if len(word) == 4 and 1000 <= value <= 2999:
                year = value
            elif 1 <= value <= 31:
                day = value
        elif len(word) > 2 and word[:-2].isdigit() and word[-2:] in ("st", "nd", "rd", "th"):
            day = int(word[:-2])
    if month and day:
        year = year or (base.year if base else None)
        if year is None:
            return None
        try:
            return dt.date(year, month, day).isoformat()
        except ValueError:
            return None
    if base is None:
        return None
    for tok, word in zip(tokens, words):
        if word in cues.day_offsets:
            return (base + dt.timedelta(days=cues.day_offsets[word])).isoformat()
        if word in _WEEKDAYS:
            delta = (base.weekday() - _WEEKDAYS[word]) % 7
            if future:
                ahead = (_WEEKDAYS[word] - base.weekday()) % 7
                return (base + dt.timedelta(days=ahead)).isoformat()
            return (base - dt.timedelta(days=delta)).isoformat()
    for k, (tok, word) in enumerate(zip(tokens, words)):
        if cues.has(word, "ago") and k >= 2 and words[k - 2].isdigit():
            count = int(words[k - 2])
            unit = tokens[k - 1].lemma_.lower()
            if unit == "day":
                return (base - dt.timedelta(days=count)).isoformat()
            if unit == "week":
                return (base - dt.timedelta(weeks=count)).isoformat()
        if word in cues.period_offsets and k + 1 < len(tokens):
            unit = tokens[k + 1].lemma_.lower()
            if cues.has(unit, "period"):
                start = _period_start(base, unit, cues.period_offsets[word])
                if start is not None:
                    return start.isoformat()
    return None


def statement_date(chain: list[Token], published: str | None, future: bool, cues: CueTable,
                   times: Iterable[Span]) -> str | None:
    """The date of the clause whose predicate is ``chain``: the first time expression attached to it.

    ``times``: the sentence's DATE and TIME entities, gathered once per sentence by the caller
    (``Span.ents`` rebuilds every entity of the document on each call).
    """
    doc = chain[0].doc
    chain_ids = {t.i for t in chain}
    for ent in times:
        node = ent.root
        while node.head.i != node.i and node.i not in chain_ids and node.pos_ not in ("VERB", "AUX"):
            node = node.head
        if node.i not in chain_ids:
            continue
        found = resolve_date(list(doc[ent.start:ent.end]), published, future, cues)
        if found:
            return found
    return None
