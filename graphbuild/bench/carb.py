"""CaRB benchmark of the statement extractor (run by hand, never as a timed test).

    python -m graphbuild.bench.carb --split dev|test [--out PRED.tsv] [--n-process 2] [--rounds 3]

Reads ``../shared/benchmarks/carb/{split}.txt`` (one sentence a line, parsed as
one document each, as ``graphbuild extract --lines`` does), writes CaRB's tabbed
format and scores it with ``../shared/tools/carb_score.py`` (CaRB(s,m) and
``--single-match`` CaRB(s,s)). Also reports end-to-end sentences per second and
the raw parse throughput on the same sentences, in the same run (best of
interleaved rounds: the machine may be shared, so compare the ratio), and the
extractor's own throughput over the parsed documents.

Tuples come from the statement contract: relation.text, subject.text,
object.text, then each argument's text, prefixed by its preposition when its
role is one. A passive with a ``by`` agent is written in its surface voice
(patient first, "by" agent after), as CaRB's annotators wrote passives.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

from ..extract import extract_statements
from ..extract.model import Statement
from ..ingest import Document
from ..nlp import load_pipeline
from ..pipeline import process

REPO = Path(__file__).resolve().parents[2]
CARB = REPO.parent / "shared" / "benchmarks" / "carb"
SCORER = REPO.parent / "shared" / "tools" / "carb_score.py"

#: Argument roles that are not prepositions, so they are written without a marker.
_BARE_ROLES = frozenset({"time", "place", "recipient", "content", "complement", "adverbial"})


def argument_text(statement: Statement, role: str, actor) -> str:
    """An argument as CaRB writes it: with its preposition, cased as in the sentence."""
    if role in _BARE_ROLES:
        return actor.text
    if actor.start is not None:
        end = actor.start - statement.span[0]
        written = statement.sentence[max(0, end - len(role) - 1):end].strip()
        if written.lower() == role:
            role = written
    return f"{role} {actor.text}"


def carb_tuple(statement: Statement) -> list[str]:
    """(relation, arg1, arg2, ...) of one statement in CaRB's layout."""
    args = [argument_text(statement, a.role, a.actor) for a in statement.arguments]
    if statement.extra.get("voice") == "passive-agent" and statement.object is not None:
        by = [a for a in args if a.startswith("by ") and a[3:] == statement.subject.text]
        rest = [a for a in args if a not in by]
        return [f"{statement.relation.text} by", statement.object.text, statement.subject.text, *rest]
    head = [statement.subject.text]
    if statement.object is not None:
        head.append(statement.object.text)
    return [statement.relation.text, *head, *args]


def _scorer():
    spec = importlib.util.spec_from_file_location("carb_score", SCORER)
    module = importlib.util.module_from_spec(spec)
    sys.modules["carb_score"] = module
    spec.loader.exec_module(module)
    return module


def run(split: str, out: Path | None = None, *, batch_size: int = 256, n_process: int = 1,
        rounds: int = 3, full: bool = False) -> dict:
    """Extract, write and score one CaRB split; returns figures as a dict.

    Both timings parse with the same ``batch_size`` and ``n_process``; extraction
    runs in the main process as the documents arrive. With ``full`` the end-to-end
    run uses the whole pipeline (extract, resolve, type: ``Doc._.statements``), as
    ``graphbuild extract --lines`` does.
    """
    lines = [line.rstrip("\n") for line in (CARB / f"{split}.txt").open(encoding="utf-8")]
    nlp = load_pipeline(statements=False)
    list(nlp.pipe(lines[:32]))  # warm up
    nlp_run = load_pipeline() if full else nlp
    list(nlp_run.pipe(lines[:32]))

    # The machine is shared: interleave the two timings and keep the best of three rounds.
    parse_seconds = total_seconds = float("inf")
    for _ in range(rounds):
        docs = []
        t0 = time.perf_counter()
        for n, doc in enumerate(nlp.pipe(lines, batch_size=batch_size, n_process=n_process), start=1):
            doc._.doc_id = f"line-{n}"
            docs.append(doc)
        parse_seconds = min(parse_seconds, time.perf_counter() - t0)

        rows: list[str] = []

        def add(n: int, statements) -> None:
            for statement in statements:
                fields = [lines[n - 1], f"{statement.confidence:.4f}", *carb_tuple(statement)]
                rows.append("\t".join(f.replace("\t", " ") for f in fields))

        t0 = time.perf_counter()
        if full:
            # As `graphbuild extract --lines` runs: the pipeline's own (multi-process) path.
            documents = [Document(f"line-{n}", line) for n, line in enumerate(lines, start=1)]
            for parsed in process(documents, nlp_run, processes=n_process, batch_size=batch_size):
                add(int(parsed.document.id.removeprefix("line-")), parsed.statements)
        else:
            for n, doc in enumerate(nlp.pipe(lines, batch_size=batch_size, n_process=n_process), start=1):
                doc._.doc_id = f"line-{n}"
                add(n, extract_statements(doc))
        total_seconds = min(total_seconds, time.perf_counter() - t0)
    t0 = time.perf_counter()
    for doc in docs:
        for _ in extract_statements(doc):
            pass
    extract_seconds = time.perf_counter() - t0

    out = out or Path(f"/tmp/graphbuild-carb-{split}.tsv")
    out.write_text("\n".join(rows) + "\n", encoding="utf-8")
    scorer = _scorer()
    gold = scorer.read_gold(str(CARB / "gold" / f"{split}.tsv"))
    pred, _ = scorer.read_predictions(str(out))
    multi = scorer.score(gold, pred, single_match=False)
    single = scorer.score(gold, pred, single_match=True)
    return {
        "split": split,
        "sentences": len(lines),
        "tuples": len(rows),
        "carb_f1": multi.f1,
        "carb_p": multi.precision,
        "carb_r": multi.recall,
        "carb_auc": multi.auc,
        "single_f1": single.f1,
        "single_p": single.precision,
        "single_r": single.recall,
        "sentences_per_second": len(lines) / total_seconds,
        "parse_sentences_per_second": len(lines) / parse_seconds,
        "extract_sentences_per_second": len(lines) / extract_seconds,
        "predictions": str(out),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=("dev", "test"), default="dev")
    ap.add_argument("--out", type=Path, help="where to write the tabbed predictions")
    ap.add_argument("--n-process", type=int, default=1, help="parser processes (spaCy nlp.pipe n_process)")
    ap.add_argument("--rounds", type=int, default=3, help="timing rounds; the best of each is kept")
    ap.add_argument("--full", action="store_true",
                    help="end to end through the whole pipeline (resolve and event typing too)")
    a = ap.parse_args(argv)
    if not (CARB / f"{a.split}.txt").is_file():
        print(f"CaRB data not found under {CARB}", file=sys.stderr)
        return 1
    r = run(a.split, a.out, n_process=a.n_process, rounds=a.rounds, full=a.full)
    print(f"CaRB {r['split']}: {r['sentences']} sentences, {r['tuples']} tuples -> {r['predictions']}")
    print(f"  CaRB(s,m)  F1 {r['carb_f1']:.3f}  (P {r['carb_p']:.3f}, R {r['carb_r']:.3f}, "
          f"AUC {r['carb_auc']:.3f})")
    print(f"  CaRB(s,s)  F1 {r['single_f1']:.3f}  (P {r['single_p']:.3f}, R {r['single_r']:.3f})")
    ratio = r["sentences_per_second"] / r["parse_sentences_per_second"]
    where = " (full pipeline)" if a.full else ""
    print(f"  speed: {r['sentences_per_second']:.0f} sentences/s end to end{where}, "
          f"{r['parse_sentences_per_second']:.0f} sentences/s parse only (ratio {ratio:.2f}, "
          f"n_process={a.n_process}); extraction alone {r['extract_sentences_per_second']:.0f} sentences/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
