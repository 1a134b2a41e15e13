"""End-to-end throughput against raw spaCy parsing, in the same run.

For each process count: ``build`` into a fresh store, the same build again over the
now complete store, then raw ``nlp.pipe`` (same model, same processes, same batch
size, graphbuild's sentence rule only) over the corpus's texts; each phase's figures
are printed as soon as it ends. Both phases are timed from the start of their work,
loading included (raw: the spaCy model; build: model, gazetteer and lexicon too). Every phase runs
in its own child process so its peak memory is its own. Afterwards the named
queries are timed on the last store.

First, a ``stages`` phase runs each stage over the same first ``--stage-docs`` documents
one after the other in one process and reports its CPU seconds: spaCy's own components
(what the raw phase runs), graphbuild's actor ruler and statement component, RDF encoding
and the store writes. Those shares are noise-free where whole-run times are not, and they
bound the ratio: with one parser process the parser's core carries parse, ruler and
statements (encoding and writes run on the other core), so build ÷ raw can be at most
parse ÷ (parse + ruler + statements); when every core parses, all stages share the cores,
and the bound is parse ÷ (all stages).

Run by hand (not a test; the machine should be otherwise idle)::

    python -m graphbuild.bench.throughput                      # the Reuters-21578 corpus, 1 and 2 processes
    python -m graphbuild.bench.throughput --limit 2000 --processes 2
    python -m graphbuild.bench.throughput --files --processes 1  # into files, not a store

The corpus defaults to ``../shared/corpora/reuters21578/reuters21578.jsonl.gz``
beside the repository.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "reuters21578" / "reuters21578.jsonl.gz"


def _documents(corpus: str, limit: int | None):
    from graphbuild.ingest import iter_documents

    documents = iter_documents([corpus], skip_bad=True)
    return itertools.islice(documents, limit) if limit else documents


def _quiet() -> None:
    import logging

    logging.getLogger("graphbuild").setLevel(logging.ERROR)


def _thread_cpu() -> dict[int, tuple[str, float]]:
    """CPU seconds and name of each of this process's threads (Linux; elsewhere none)."""
    threads = {}
    try:
        tids = os.listdir("/proc/self/task")
    except OSError:
        return threads
    tick = os.sysconf("SC_CLK_TCK")
    for tid in tids:
        try:
            stat = Path(f"/proc/self/task/{tid}/stat").read_text()
        except OSError:  # ended meanwhile
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        threads[int(tid)] = (name, (int(fields[11]) + int(fields[12])) / tick)
    return threads


class _TreeMemory:
    """Samples the resident memory and CPU time of this process and of all its descendants
    (workers, the forkserver's children) twice a second; keeps the memory peaks and each
    process's last CPU reading, so a phase can say how its CPU time splits between this
    process (all its threads) and the others. This process's own CPU is split by thread too:
    its main thread, RocksDB's background threads (the store's compactions) and the rest (the
    store writer, pyoxigraph's loader threads); a thread's last half second can be missed."""

    def __init__(self):
        import threading

        import psutil

        self.me = psutil.Process()
        self.peak_self = self.peak_tree = 0
        self.child_cpu: dict[int, float] = {}
        self.threads: dict[int, tuple[str, float]] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        import psutil

        while not self.stop.wait(0.5):
            self.threads.update(_thread_cpu())
            own = self.me.memory_info().rss
            tree = own
            for child in self.me.children(recursive=True):
                try:
                    tree += child.memory_info().rss
                    times = child.cpu_times()
                    self.child_cpu[child.pid] = times.user + times.system
                except psutil.Error:
                    continue
            self.peak_self = max(self.peak_self, own)
            self.peak_tree = max(self.peak_tree, tree)

    def result(self) -> dict[str, float]:
        self.stop.set()
        self.thread.join()
        self.threads.update(_thread_cpu())
        usage = resource.getrusage(resource.RUSAGE_SELF)
        own = max(self.peak_self, usage.ru_maxrss * 1024)
        total = usage.ru_utime + usage.ru_stime
        main = self.threads.get(os.getpid(), ("", 0.0))[1]
        rocksdb = sum(cpu for name, cpu in self.threads.values() if name.startswith("rocksdb"))
        return {"peak_rss_mib": round(own / (1 << 20), 1),
                "peak_rss_all_processes_mib": round(max(self.peak_tree, own) / (1 << 20), 1),
                # CPU of other processes is read while they run: up to half a second of each is missed.
                "cpu_s_this_process": round(total, 1),
                "cpu_s_this_process_by_thread": {"main": round(main, 1), "rocksdb": round(rocksdb, 1),
                                                 "other": round(max(total - main - rocksdb, 0.0), 1)},
                "cpu_s_other_processes": round(sum(self.child_cpu.values()), 1)}


def phase_raw(args) -> dict:
    from graphbuild.nlp import load_pipeline

    memory = _TreeMemory()
    started = time.perf_counter()  # loading included, as build's time includes its own
    nlp = load_pipeline(args.model, statements=False)
    documents = sentences = 0
    texts = (d.text for d in _documents(args.corpus, args.limit))
    for doc in nlp.pipe(texts, n_process=args.processes, batch_size=args.batch_size):
        documents += 1
        sentences += sum(1 for _ in doc.sents)
    seconds = time.perf_counter() - started
    return {"documents": documents, "sentences": sentences, "seconds": seconds, **memory.result()}


def phase_stages(args) -> dict:
    """CPU seconds of each stage over the same documents, stage after stage (see the module doc)."""
    from graphbuild.nlp import load_pipeline
    from graphbuild.pipeline import _docs_for, _document_hash, _per_document, _signature, _StoreSink, encode_batch
    from graphbuild.rdf.store import GraphStore

    nlp = load_pipeline(args.model)
    documents = list(_documents(args.corpus, args.stage_docs))
    docs = list(_docs_for(nlp, documents))
    seconds: dict[str, float] = {}
    for name, component in nlp.pipeline:
        started = time.process_time()
        texts = [doc for doc, _ in docs]
        if hasattr(component, "pipe"):
            parsed = list(component.pipe(texts, batch_size=args.batch_size))
        else:
            parsed = [component(doc) for doc in texts]
        docs = [(doc, context) for doc, (_, context) in zip(parsed, docs)]
        stage = {"graphbuild_actor_ruler": "actor_ruler", "graphbuild_statements": "statements"}.get(name, "parse")
        seconds[stage] = seconds.get(stage, 0.0) + time.process_time() - started
    triples = list(_per_document(docs))
    started = time.process_time()
    results = encode_batch(triples, quads=True)
    seconds["encode"] = time.process_time() - started
    signature = _signature(args.model)
    with tempfile.TemporaryDirectory(prefix="graphbuild-stages-") as folder:
        started = time.process_time()  # counts the store's own threads too
        sink = _StoreSink(GraphStore(Path(folder) / "store"))
        try:
            for document, result in zip((t[0] for t in triples), results):
                sink.add(result, _document_hash(document, signature))
            sink.finish()
        finally:
            sink.close()
            sink.store.close()
        seconds["store"] = time.process_time() - started
    parse = seconds["parse"]
    parser_core = parse + seconds.get("actor_ruler", 0.0) + seconds["statements"]
    return {
        "documents": len(triples),
        "statements": sum(r.statements for r in results),
        "cpu_seconds": {k: round(v, 3) for k, v in seconds.items()},
        "share_of_parse": {k: round(v / parse, 3) for k, v in seconds.items() if k != "parse"},
        "bound_one_process": round(parse / parser_core, 3),
        "bound_all_cores_parsing": round(parse / sum(seconds.values()), 3),
    }


def phase_build(args) -> dict:
    from graphbuild.pipeline import build

    memory = _TreeMemory()
    started = time.perf_counter()
    target = {"out_dir": args.store, "html": False} if args.files else {"store": args.store}
    report = build(_documents_path(args), skip_bad=True, processes=args.processes, batch_size=args.batch_size,
                   model=args.model, **target)
    seconds = time.perf_counter() - started
    return {**report.to_dict(), "seconds": seconds, **memory.result()}


def _documents_path(args) -> list[str]:
    """The corpus, cut to ``--limit`` documents in a temporary JSONL file when asked."""
    if not args.limit:
        return [args.corpus]
    path = Path(args.store).with_suffix(".input.jsonl")
    if not path.exists():
        with open(path, "w", encoding="utf-8") as handle:
            for d in _documents(args.corpus, args.limit):
                handle.write(json.dumps({"id": d.id, "text": d.text, "title": d.title, "published": d.published,
                                         "source": d.source}, ensure_ascii=False) + "\n")
    return [str(path)]


def _child(phase: str, args, **extra) -> dict:
    command = [sys.executable, "-m", "graphbuild.bench.throughput", "--phase", phase, "--corpus", args.corpus,
               "--batch-size", str(args.batch_size), "--processes", str(extra.get("processes", 1)),
               "--stage-docs", str(args.stage_docs)]
    for name in ("limit", "model", "store"):
        value = extra.get(name, getattr(args, name, None))
        if value:
            command += [f"--{name}", str(value)]
    if args.files:
        command.append("--files")
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"phase {phase} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _time_queries(store_path: Path) -> dict[str, object]:
    from graphbuild.errors import GraphbuildError
    from graphbuild.query import named_queries, run_named
    from graphbuild.rdf.store import open_store

    store = open_store(store_path)
    timings: dict[str, object] = {}
    for name, query in named_queries().items():
        params = {p.name: "Iran" for p in query.params if getattr(p, "default", None) is None}
        started = time.perf_counter()
        try:
            result = run_named(store, name, params)
            rows = sum(1 for _ in result)
            timings[name] = {"seconds": round(time.perf_counter() - started, 3), "rows": rows}
        except GraphbuildError as err:
            timings[name] = {"error": str(err)}
    return timings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    parser.add_argument("--limit", type=int, default=None, help="First N documents only.")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--model", default=None)
    parser.add_argument("--work", default=None, help="Folder for the stores (default: a temporary one, removed).")
    parser.add_argument("--json", default=None, help="Also write the results here.")
    parser.add_argument("--stage-docs", type=int, default=300,
                        help="Documents for the per-stage CPU breakdown (0: skip it).")
    parser.add_argument("--no-queries", action="store_true", help="Do not time the named queries.")
    parser.add_argument("--files", action="store_true",
                        help="Build into files (statements.jsonl, graph.ttl; no graph.html) instead of a store: "
                             "no re-run, no queries.")
    parser.add_argument("--phase", choices=["raw", "build", "stages"], help=argparse.SUPPRESS)
    parser.add_argument("--store", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.phase:
        _quiet()
        args.processes = args.processes[0]
        result = {"raw": phase_raw, "build": phase_build, "stages": phase_stages}[args.phase](args)
        print(json.dumps(result))
        return 0
    if not Path(args.corpus).exists():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    work = Path(args.work or tempfile.mkdtemp(prefix="graphbuild-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    results: dict[str, object] = {"corpus": args.corpus, "limit": args.limit, "batch_size": args.batch_size,
                                  "cpus": os.cpu_count(), "runs": {}}
    try:
        if args.stage_docs:
            stages = _child("stages", args)
            results["stages"] = stages
            print(f"stages (CPU seconds, {stages['documents']} documents, one after the other): "
                  f"{json.dumps(stages['cpu_seconds'])}; share of parse {json.dumps(stages['share_of_parse'])}; "
                  f"build/raw at most {stages['bound_one_process']} with one process, "
                  f"{stages['bound_all_cores_parsing']} with every core parsing", flush=True)
        for processes in args.processes:
            store = work / f"store-{processes}"
            shutil.rmtree(store, ignore_errors=True)
            first = _child("build", args, processes=processes, store=store)
            print(f"processes={processes} build: {json.dumps(first)}", flush=True)
            # Files are written anew by every build: a re-run only says something of a store.
            again = None if args.files else _child("build", args, processes=processes, store=store)
            if again:
                print(f"processes={processes} re-run: {json.dumps(again)}", flush=True)
            raw = _child("raw", args, processes=processes)
            print(f"processes={processes} raw: {json.dumps(raw)}", flush=True)
            run = {
                "raw": raw,
                "build": first,
                "rebuild": again,
                "raw_docs_per_s": raw["documents"] / raw["seconds"],
                "build_docs_per_s": first["documents"] / first["seconds"],
                "build_statements_per_s": first["statements"] / first["seconds"],
                "ratio_build_to_raw": (first["documents"] / first["seconds"]) / (raw["documents"] / raw["seconds"]),
                "rebuild_fraction": again["seconds"] / first["seconds"] if again else None,
                "store_mib": round(_du(store) / (1 << 20), 1),
            }
            rerun = (f"re-run {again['seconds']:.1f} s = {run['rebuild_fraction']:.1%} of the first, parsed "
                     f"{again['documents']}, skipped {again['skipped']}" if again else "files: no re-run")
            results["runs"][str(processes)] = run
            print(f"processes={processes}: raw {run['raw_docs_per_s']:.1f} docs/s; build {run['build_docs_per_s']:.1f} "
                  f"docs/s, {run['build_statements_per_s']:.1f} statements/s (ratio {run['ratio_build_to_raw']:.2f}); "
                  f"{rerun}; peak RSS build {first['peak_rss_mib']} MiB "
                  f"(all processes {first['peak_rss_all_processes_mib']} MiB), raw {raw['peak_rss_mib']} MiB "
                  f"(all {raw['peak_rss_all_processes_mib']} MiB); "
                  f"{'files' if args.files else 'store'} {run['store_mib']} MiB; CPU s build {first['cpu_s_this_process']} here "
                  f"({json.dumps(first['cpu_s_this_process_by_thread'])}) + "
                  f"{first['cpu_s_other_processes']} in workers, raw {raw['cpu_s_this_process']} + "
                  f"{raw['cpu_s_other_processes']}", flush=True)
        if not args.no_queries and not args.files:
            results["queries"] = _time_queries(work / f"store-{args.processes[-1]}")
            for name, timing in results["queries"].items():
                print(f"  query {name}: {timing}", flush=True)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
