"""Parsing on a Dask cluster: ``graphbuild build --dask tcp://scheduler:8786`` or ``--dask local``.

Partitions of documents (``batch_size`` each) go to Dask workers as tasks of
:func:`graphbuild.pipeline.parse_batch`. A worker loads the spaCy pipeline once (it is
cached per worker process) and returns each partition as an N-Quads shard plus its
JSON Lines; the client writes the shards into the store (or the output files) in
input order, exactly as a single-process run does, so both give the same graph.
At most two partitions per worker are in flight, so the client's memory stays flat.

Workers need graphbuild and the spaCy model installed, like the client. For a
``LocalCluster``, ``processes`` is the number of single-threaded worker processes.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator

from .errors import GraphbuildError

__all__ = ["DaskExecutor", "connect"]

log = logging.getLogger(__name__)


def connect(scheduler: str, *, processes: int = 1):
    """A ``distributed.Client`` for ``scheduler`` (an address, or ``"local"`` for a new
    ``LocalCluster`` of ``processes`` single-threaded worker processes)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise GraphbuildError("Dask is not installed", hint="pip install 'graphbuild[distributed]'") from err
    if scheduler == "local":
        cluster = LocalCluster(n_workers=max(1, processes), threads_per_worker=1, processes=True,
                               dashboard_address=None, host="127.0.0.1")
        return Client(cluster)
    try:
        return Client(scheduler, timeout="30s")
    except (OSError, TimeoutError) as err:
        raise GraphbuildError(f"cannot reach the Dask scheduler at {scheduler}: {err}",
                              hint="check the address, or use --dask local") from err


class DaskExecutor:
    """Runs ``task`` (one partition → its results) on Dask workers, results in input order.

    The cluster is reached on the first partition, so a re-run with nothing to parse
    never starts one.
    """

    def __init__(self, task: Callable, scheduler: str, *, processes: int = 1, model: str | None = None):
        self.task = task
        self.scheduler = scheduler
        self.processes = processes
        self.model = model
        self.client = None
        self.window = 2

    def _start(self):
        from .pipeline import _warm

        self.client = connect(self.scheduler, processes=self.processes)
        workers = len(self.client.scheduler_info().get("workers", {})) or 1
        self.window = 2 * workers
        # Load the model on every worker up front, once.
        self.client.run(_warm, self.model)
        log.info("Dask: %d workers at %s", workers, self.client.scheduler.address)
        return self.client

    def map(self, batches: Iterable[list]) -> Iterator[list]:
        pending: deque = deque()
        for batch in batches:
            client = self.client or self._start()
            pending.append(client.submit(self.task, batch, pure=False))
            if len(pending) >= self.window:
                yield _result(pending.popleft())
        while pending:
            yield _result(pending.popleft())

    def close(self) -> None:
        if self.client is None:
            return
        cluster = self.client.cluster if self.scheduler == "local" else None
        self.client.close()
        if cluster is not None:
            cluster.close()
        self.client = None


def _result(future):
    try:
        return future.result()
    finally:
        future.release()
