"""Event-typing benchmark: graphbuild's statements against three public event-coding gold sets.

Run by hand (not a test)::

    python -m graphbuild.bench.events            # all three sets, full pipeline
    python -m graphbuild.bench.events --limit 50 --json out.json

Everything is scored from the contract's statements, as produced by the full pipeline
(``load_pipeline()`` → ``doc._.statements``: extract → resolve → classify). The gold files
are read at run time from ``../shared/benchmarks`` beside the repository (or ``--shared``).

Matching rules
--------------
(a) PETRARCH 2 GSR validation (``petrarch/petr2_gsr_validation.jsonl``, 78 sentences, 80 gold
    events ``{source, target, code}`` in CAMEO actor codes):

    * an actor code matches an actor when its first three letters equal the actor's
      ``country`` or ``sector`` (``RUSGOV`` ~ Russia, ``IGOUNO`` ~ sector IGO); ``---`` matches
      any actor or none;
    * a statement's dyads are subject × targets, where the targets are the object, the actor
      arguments (not reported clauses) and, for a reciprocal statement (other statements on
      the same relation with other subjects, "X and Y agreed"), those co-subjects; an
      agentless passive ("the ambassador was expelled") has one dyad, no source × its subject;
    * a second reading (``gsr_phrase_actors``) also lets an actor match through a gazetteer
      actor named inside its phrase ("evidence against Russia", "a court in Guyana"), which is
      how PETRARCH codes noun phrases; the contract's own ``country`` is the first reading;
    * a statement whose relation is "with" someone ("held talks with", "clashed with") is
      symmetric, as CAMEO codes meetings both ways: its dyads count in both directions;
    * **dyad recall**: gold events with some statement dyad matching source and target;
      **event recall**: gold events with a *typed* statement whose dyad matches and whose
      CAMEO root (first two digits) equals the gold code's root; **code recall**: the same
      with the full gold code. Typed statements on the ``no_events`` records are reported, and
      how many of them count as having happened (:func:`graphbuild.events.happened`).
(b) PLOVER gold records (``plover_gsr/plover_gsr.jsonl``, 322 CAMEO-manual sentences, one event
    each, PLOVER 0.8 type in ``event_plover_v08``): the predicted type of a sentence is the
    PLOVER type of the statement with a PLOVER type (CAMEO 01 and 02 have none) whose relation
    lies closest to the gold event words
    (the ``EVT`` spans of ``markup``; ties: the earlier statement); **accuracy** = sentences
    whose predicted type equals the gold type (a sentence with no typed statement counts as
    wrong). **any-match** = gold type among all the sentence's predicted types.
(c) ConfliBERT CAMEO test split (``conflibert_cameo/conflibert_cameo.jsonl``, ``split == "test"``,
    451 sentences): **role recall** = gold source (target) spans that overlap, by at least one
    word, the subject (object or an actor argument) of a typed statement, an agentless passive's
    subject being a target; reciprocal spans count for either role. **Quad accuracy**: the
    sentence's class is that of its first typed statement whose subject overlaps a gold source
    span, agentless passives aside (else its first typed statement; in both, a
    specific event before a bare CAMEO 01 statement such as "said"), mapped to the
    set's 5-way Phoenix classes with the ``quad_class_phoenix`` column of
    ``cameo_reference/cameo_codes.csv`` (0: roots 01-02, 1: 03-05, 2: 06-08, 3: 09-13 and 16,
    4: 14, 15, 17-20); no typed statement counts as wrong.

GSR and PLOVER are also reported on two halves (even and odd record positions): the even
half was the one looked at during development, the odd half is held out.
"""

from __future__ import annotations

import argparse
import csv
import json
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..events import happened
from ..extract.model import Actor, Statement

__all__ = ["run", "score_conflibert", "score_gsr", "score_plover"]

DEFAULT_SHARED = Path(__file__).resolve().parents[2].parent / "shared"


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _statements(nlp, texts: list[str], batch_size: int = 32) -> list[list[Statement]]:
    return [list(doc._.statements or ()) for doc in nlp.pipe(texts, batch_size=batch_size)]


def _statements_and_names(nlp, texts: list[str]) -> tuple[list[list[Statement]], list[list[tuple[int, int, str]]]]:
    """Statements, plus per text the ``(start, end, code)`` of every gazetteer actor the parse
    names (its entities looked up in the actor gazetteer; code = country or sector)."""
    from ..resolve import Gazetteer

    gazetteer = Gazetteer.from_ontology()
    statements, names = [], []
    for doc in nlp.pipe(texts, batch_size=32):
        statements.append(list(doc._.statements or ()))
        found = []
        for ent in doc.ents:
            for entry_id, _kind, _form in gazetteer.lookup(ent.text)[:1]:
                entry = gazetteer.entries.get(entry_id)
                for code in (entry.country, entry.sector) if entry else ():
                    if code:
                        found.append((ent.start_char, ent.end_char, code))
        names.append(found)
    return statements, names


# -- (a) GSR -------------------------------------------------------------------------------------
def _code_matches(code: str, actor: Actor | None, names: list[tuple[int, int, str]] | None = None) -> bool:
    """Whether a CAMEO actor code matches an actor; with ``names``, also a gazetteer actor
    named inside the actor's phrase ("evidence against Russia" ~ RUS), as PETRARCH codes
    noun phrases."""
    if code in ("", "---") or code.startswith("---"):
        return True
    if actor is None:
        return False
    prefix = code[:3]
    if prefix in (actor.country, actor.sector):
        return True
    if names and actor.start is not None and actor.end is not None:
        return any(actor.start <= a and b <= actor.end and c == prefix for a, b, c in names)
    return False


def _targets(statement: Statement, statements: list[Statement]) -> list[Actor | None]:
    targets: list[Actor | None] = []
    if statement.object is not None:
        targets.append(statement.object)
    targets.extend(a.actor for a in statement.arguments if a.role != "content")
    if statement.relation.start is not None:
        targets.extend(s.subject for s in statements
                       if s.relation.start == statement.relation.start and s.subject.key() != statement.subject.key())
    return targets or [None]


def _comitative(statement: Statement) -> bool:
    """A relation "with" someone ("held talks with", "clashed with") is symmetric."""
    return "with" in statement.relation.lemma.split() or any(a.role == "with" for a in statement.arguments)


def _dyad_match(gold: dict[str, str], statement: Statement, statements: list[Statement],
                names: list[tuple[int, int, str]] | None = None) -> bool:
    if statement.agentless:  # the text names no doer: only an unknown gold source can match
        return _code_matches(gold["source"], None, names) and _code_matches(gold["target"], statement.subject, names)
    targets = _targets(statement, statements)
    if _code_matches(gold["source"], statement.subject, names) and any(
        _code_matches(gold["target"], t, names) for t in targets
    ):
        return True
    return _comitative(statement) and _code_matches(gold["target"], statement.subject, names) and any(
        _code_matches(gold["source"], t, names) for t in targets if t is not None
    )


def score_gsr(records: list[dict[str, Any]], predicted: list[list[Statement]],
              names: list[list[tuple[int, int, str]]] | None = None) -> dict[str, Any]:
    """Dyad, event (dyad + root) and code recall on GSR records; see the module docstring.

    With ``names`` (per record, from :func:`_statements_and_names`), actors also match through
    the gazetteer actors named inside their phrase.
    """
    gold_total = dyad = event = code = 0
    false_on_empty = happened_on_empty = 0
    for i, (record, statements) in enumerate(zip(records, predicted)):
        named = names[i] if names else None
        typed = [s for s in statements if s.event is not None]
        if record.get("no_events"):
            false_on_empty += len(typed)
            happened_on_empty += sum(happened(s) for s in typed)
            continue
        for gold in record["expected_events"]:
            gold_total += 1
            dyads = [s for s in statements if _dyad_match(gold, s, statements, named)]
            dyad += bool(dyads)
            typed_dyads = [s for s in dyads if s.event is not None]
            event += any(s.event.cameo[:2] == gold["code"][:2] for s in typed_dyads)
            code += any(s.event.cameo == gold["code"] for s in typed_dyads)
    return {
        "records": len(records),
        "gold_events": gold_total,
        "dyad_recall": _ratio(dyad, gold_total),
        "event_recall": _ratio(event, gold_total),
        "code_recall": _ratio(code, gold_total),
        "typed_statements_on_no_event_records": false_on_empty,
        "of_which_happened": happened_on_empty,
    }


# -- (b) PLOVER ----------------------------------------------------------------------------------
def _markup_spans(text: str, markup: str | None, tag: str) -> list[tuple[int, int]]:
    """Character spans in ``text`` of the ``(TAG: words)`` annotations of ``markup``."""
    if not markup:
        return []
    spans = []
    cursor = 0
    opener = f"({tag}: "
    i = markup.find(opener)
    while i != -1:
        j = markup.find(")", i)
        words = markup[i + len(opener): j]
        start = text.find(words, cursor)
        if start != -1:
            spans.append((start, start + len(words)))
            cursor = start + len(words)
        i = markup.find(opener, j)
    return spans


def _distance(span: tuple[int, int], statement: Statement) -> int:
    start = statement.relation.start if statement.relation.start is not None else statement.span[0]
    end = statement.relation.end if statement.relation.end is not None else start
    if end < span[0]:
        return span[0] - end
    if start > span[1]:
        return start - span[1]
    return 0


def score_plover(records: list[dict[str, Any]], predicted: list[list[Statement]]) -> dict[str, Any]:
    """PLOVER type accuracy (anchored on the gold event words) and any-match rate."""
    correct = any_match = covered = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for record, statements in zip(records, predicted):
        gold = record["event_plover_v08"]
        typed = [s for s in statements if s.event is not None and s.event.plover]
        covered += bool(typed)
        any_match += any(s.event.plover == gold for s in typed)
        guess = None
        if typed:
            anchors = _markup_spans(record["text"], record.get("markup"), "EVT")
            if anchors:
                typed.sort(key=lambda s: min(_distance(a, s) for a in anchors))
            guess = typed[0].event.plover
        correct += guess == gold
        if guess != gold:
            confusion[(gold, guess or "-")] += 1
    return {
        "records": len(records),
        "accuracy": _ratio(correct, len(records)),
        "any_match": _ratio(any_match, len(records)),
        "coverage": _ratio(covered, len(records)),
        "top_confusions": [f"{g}->{p}: {n}" for (g, p), n in confusion.most_common(8)],
    }


# -- (c) ConfliBERT ------------------------------------------------------------------------------
def _word_spans(text: str, start: int, end: int) -> set[int]:
    """Start offsets of the white-space separated words of ``text[start:end]``."""
    out, i = set(), start
    for word in text[start:end].split():
        i = text.find(word, i)
        out.add(i)
        i += len(word)
    return out


def _overlaps(text: str, gold: dict[str, Any], actor: Actor | None) -> bool:
    """Whether an actor mention shares a word with a gold span (each record is its own document)."""
    if actor is None or actor.start is None or actor.end is None:
        return False
    return bool(_word_spans(text, gold["start"], gold["end"]) & _word_spans(text, actor.start, actor.end))


def _main_event(text: str, spans: list[dict[str, Any]], typed: list[Statement]) -> Statement | None:
    """The sentence's event: a typed statement whose subject overlaps a gold source span,
    preferring a specific event over a bare statement (CAMEO 01: "said"), else any typed one."""
    sources = [g for g in spans if g["role"] in ("source", "reciprocal")]
    anchored = [s for s in typed if not s.agentless and any(_overlaps(text, g, s.subject) for g in sources)]
    for group in (anchored, typed):
        specific = [s for s in group if not s.event.cameo.startswith("01")]
        if specific or group:
            return (specific or group)[0]
    return None


def _phoenix_quads(shared: Path) -> dict[str, int]:
    with (shared / "benchmarks" / "cameo_reference" / "cameo_codes.csv").open(encoding="utf-8") as fh:
        return {row["code"]: int(row["quad_class_phoenix"]) for row in csv.DictReader(fh)}


def score_conflibert(records: list[dict[str, Any]], predicted: list[list[Statement]],
                     phoenix: dict[str, int]) -> dict[str, Any]:
    """Source/target role recall and 5-way quad-class accuracy; see the module docstring."""
    found = Counter()
    total = Counter()
    quad_correct = quad_total = 0
    for record, statements in zip(records, predicted):
        text = record["text"]
        typed = [s for s in statements if s.event is not None]
        spans = record.get("spans") or []
        for gold in spans:
            hit_source = any(_overlaps(text, gold, s.subject) for s in typed if not s.agentless)
            hit_target = any(_overlaps(text, gold, t) for s in typed
                             for t in [s.subject if s.agentless else s.object,
                                       *(a.actor for a in s.arguments if a.role != "content")])
            hit = {"source": hit_source, "target": hit_target}.get(gold["role"], hit_source or hit_target)
            total[gold["role"]] += 1
            found[gold["role"]] += hit
        if record.get("quad_class") is None:
            continue
        quad_total += 1
        chosen = _main_event(text, spans, typed)
        if chosen is not None:
            quad_correct += phoenix.get(chosen.event.cameo[:2]) == record["quad_class"]
    both = found["source"] + found["target"]
    return {
        "records": len(records),
        "source_recall": _ratio(found["source"], total["source"]),
        "target_recall": _ratio(found["target"], total["target"]),
        "reciprocal_recall": _ratio(found["reciprocal"], total["reciprocal"]),
        "role_recall": _ratio(both, total["source"] + total["target"]),
        "quad_accuracy": _ratio(quad_correct, quad_total),
    }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0


def _halves(items: list) -> tuple[list, list]:
    return items[0::2], items[1::2]


def run(shared: Path = DEFAULT_SHARED, *, limit: int | None = None, model: str | None = None,
        sets: Iterable[str] = ("gsr", "plover", "conflibert")) -> dict[str, Any]:
    """Run the pipeline over the gold sets and score them; returns a dict of figures."""
    from ..nlp import load_pipeline

    bench = shared / "benchmarks"
    nlp = load_pipeline(model)
    out: dict[str, Any] = {"model": nlp.meta.get("name", ""), "pipeline": nlp.pipe_names}
    sets = set(sets)
    if "gsr" in sets:
        records = _read_jsonl(bench / "petrarch" / "petr2_gsr_validation.jsonl")[:limit]
        started = time.perf_counter()
        predicted, names = _statements_and_names(nlp, [r["text"] for r in records])
        out["gsr"] = score_gsr(records, predicted)
        out["gsr"]["seconds"] = round(time.perf_counter() - started, 1)
        phrase = score_gsr(records, predicted, names)
        out["gsr_phrase_actors"] = {k: phrase[k] for k in ("dyad_recall", "event_recall", "code_recall")}
        for name, half in zip(("dev_half", "held_out_half"), _halves(list(zip(records, predicted, names)))):
            recs, preds, nms = zip(*half)
            out["gsr"][name] = score_gsr(recs, preds)["event_recall"]
            out["gsr"][f"{name}_dyad"] = score_gsr(recs, preds)["dyad_recall"]
            out["gsr_phrase_actors"][name] = score_gsr(recs, preds, nms)["event_recall"]
    if "plover" in sets:
        records = _read_jsonl(bench / "plover_gsr" / "plover_gsr.jsonl")[:limit]
        predicted = _statements(nlp, [r["text"] for r in records])
        out["plover"] = score_plover(records, predicted)
        dev, held = _halves(list(zip(records, predicted)))
        out["plover"]["dev_half"] = score_plover(*zip(*dev))["accuracy"] if dev else None
        out["plover"]["held_out_half"] = score_plover(*zip(*held))["accuracy"] if held else None
    if "conflibert" in sets:
        records = [r for r in _read_jsonl(bench / "conflibert_cameo" / "conflibert_cameo.jsonl")
                   if r["split"] == "test"][:limit]
        predicted = _statements(nlp, [r["text"] for r in records])
        out["conflibert_test"] = score_conflibert(records, predicted, _phoenix_quads(shared))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m graphbuild.bench.events", description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder")
    parser.add_argument("--limit", type=int, default=None, help="first N records of each set")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: graphbuild's choice)")
    parser.add_argument("--sets", default="gsr,plover,conflibert", help="comma-separated subset")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = parser.parse_args(argv)
    if not (args.shared / "benchmarks").is_dir():
        parser.exit(2, f"no benchmarks under {args.shared}\n")
    figures = run(args.shared, limit=args.limit, model=args.model, sets=args.sets.split(","))
    text = json.dumps(figures, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
