"""Parallel ingest: parse and extract on N local processes or a Dask cluster, resolve and write in the client.

Workers run the one analysis code path (`dossier.pipeline.analyse_linked`) on batches of documents,
linking against the alias index as the client knew it when it sent the batch (the store's index at
the start of the run, plus what the run has written since). The client takes the results in input
order and, like a one-process run, keeps a running alias index that learns from each document written.
A worker's result is kept only when every entity its linker made would link to the same key under the
running index; otherwise (a name introduced by a document still in flight) the client analyses that
document again itself. So the knowledge base is the same as a one-process run's, whichever worker saw
a name first.

Batches are bounded by a document count and by characters of text (memory on the workers); at most
two batches per worker are in flight, and each batch is written in one transaction (`Store.write_many`).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import threading
from collections import ChainMap, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from dossier.ingest import Fetcher, ReadError
from dossier.model import Document, EntityRef, Extraction
from dossier.pipeline import (
    BATCH_SIZE,
    IngestReport,
    _remember_aliases,
    analyse,
    analyse_linked,
    read_new_documents,
    write_batch,
)
from dossier.resolve.linking import indexed_key
from dossier.store import Store

BATCH_DOCS = 64  # documents per task
BATCH_CHARS = 1_000_000  # ... or fewer, when their text passes this (spaCy holds each batch's Docs in memory)
IN_FLIGHT_PER_WORKER = 2
REBASE_AFTER = 20_000  # aliases learnt in a run before a Dask cluster gets a fresh snapshot of the index

Analysed = tuple[Extraction, list[EntityRef]]

# ---------------------------------------------------------------- the worker side

_NLP: Any = None
_INDEX: dict[str, str] = {}
_LOCK = threading.Lock()  # one batch at a time per process: a spaCy pipeline is not shared across threads


def _pipeline():
    """The spaCy pipeline, loaded once per process."""
    global _NLP
    if _NLP is None:
        from dossier.nlp.pipeline import load_pipeline

        _NLP = load_pipeline()
    return _NLP


def _set_index(index: dict[str, str]) -> None:
    """Process-pool initializer: the alias index snapshot every task of this run links against."""
    global _INDEX
    _INDEX = index


def analyse_batch(documents: list[Document], alias_index: dict[str, str] | None = None,
                  added: dict[str, str] | None = None) -> list[Analysed]:
    """Parse, extract and link (within each document) a batch; runs on a worker process.

    `alias_index` is the run's snapshot (None: the one this process was started with), `added` what the
    client has learnt since from the documents it wrote."""
    base = _INDEX if alias_index is None else alias_index
    index = ChainMap(added, base) if added else base
    with _LOCK:
        nlp = _pipeline()
        pairs = ((d.text, d) for d in documents)
        return [analyse_linked(doc, document, index)
                for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE)]


# ---------------------------------------------------------------- the client side

def linked_key(ref: EntityRef, index: dict[str, str]) -> str:
    """The key `DocumentLinker` gives a name outside the gazetteers under `index`."""
    return indexed_key(ref.name, ref.type, ref.aliases, index)


def still_valid(linked: list[EntityRef], index: dict[str, str]) -> bool:
    """True when linking against `index` would give every reference the key the worker gave it."""
    for ref in linked:
        if ref.type == "place" or not ref.key.startswith("new:"):
            continue  # gazetteer entities, described groups and places never consult the alias index
        if linked_key(ref, index) != ref.key:
            return False
    return True


def batches(docs: Iterable[Document], max_docs: int = BATCH_DOCS, max_chars: int = BATCH_CHARS
            ) -> Iterator[list[Document]]:
    """Consecutive batches of at most `max_docs` documents and (unless one document is larger) `max_chars`."""
    batch: list[Document] = []
    chars = 0
    for doc in docs:
        if batch and (len(batch) >= max_docs or chars + len(doc.text) > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(doc)
        chars += len(doc.text)
    if batch:
        yield batch


class LocalPool:
    """`submit(batch, added) -> future` on `workers` fresh local processes (spawned: no fork of a threaded
    parent); each process gets the index snapshot once, at start."""

    def __init__(self, workers: int, index: dict[str, str]) -> None:
        context = multiprocessing.get_context("spawn")
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_set_index,
                                        initargs=(dict(index),))
        self.slots = workers

    def submit(self, batch: list[Document], added: dict[str, str]) -> Any:
        return self.pool.submit(analyse_batch, batch, None, added)

    def rebase(self, index: dict[str, str]) -> bool:
        return False  # started processes keep their snapshot; `added` carries the rest

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class DaskCluster:
    """`submit(batch, added) -> future` on the Dask cluster whose scheduler is at `address`."""

    def __init__(self, address: str, index: dict[str, str]) -> None:
        from distributed import Client

        self.client = Client(address)
        workers = self.client.scheduler_info()["workers"].values()
        self.slots = max(1, sum(w.get("nthreads", 1) for w in workers))
        self.rebase(index)

    def submit(self, batch: list[Document], added: dict[str, str]) -> Any:
        return self.client.submit(analyse_batch, batch, self.index, added, pure=False)

    def rebase(self, index: dict[str, str]) -> bool:
        # sent once to each worker, not with every task (in a list: a dict would be scattered item by item)
        [self.index] = self.client.scatter([dict(index)], broadcast=True)
        return True

    def close(self) -> None:
        self.client.close()


class _Writer:
    """Takes analysed batches in input order, resolves them against the running alias index, writes them."""

    def __init__(self, store: Store, report: IngestReport, on_document: Callable[[Document], None]) -> None:
        self.store, self.report, self.on_document = store, report, on_document
        self.index = store.alias_index()
        self.added: dict[str, str] = {}  # entries learnt in this run since the workers' snapshot

    def _final(self, extraction: Extraction, linked: list[EntityRef]) -> Extraction:
        if still_valid(linked, self.index):
            return extraction
        self.report.reanalysed += 1  # a name a document still in flight introduced: link as one process
        document = extraction.document
        return analyse(_pipeline()(document.text), document, self.index)

    def write(self, analysed: list[Analysed]) -> None:
        extractions = []
        for extraction, linked in analysed:
            final = self._final(extraction, linked)
            self.added.update(_remember_aliases(final, self.index))
            extractions.append(final)
        write_batch(self.store, extractions, self.report, self.on_document)


def ingest_parallel(paths: Iterable[Path | str], store: Store, workers: int = 2, scheduler: str | None = None,
                    published: dt.date | None = None, publisher: str | None = None,
                    on_error: Callable[[ReadError], None] = lambda e: None,
                    on_document: Callable[[Document], None] = lambda d: None,
                    fetcher: Fetcher | None = None, max_docs: int = BATCH_DOCS,
                    max_chars: int = BATCH_CHARS) -> IngestReport:
    """`dossier.pipeline.ingest` with parsing and extraction on `workers` local processes, or on the Dask
    cluster at `scheduler` ("tcp://host:port"); writes happen here, in input order."""
    report = IngestReport()
    writer = _Writer(store, report, on_document)
    docs = read_new_documents(paths, store, report, published, publisher, on_error, fetcher)
    executor = DaskCluster(scheduler, writer.index) if scheduler else LocalPool(workers, writer.index)
    try:
        pending: deque = deque()
        for batch in batches(docs, max_docs, max_chars):
            # each batch links against everything written so far: fewer documents to analyse again here
            if len(writer.added) > REBASE_AFTER and executor.rebase(writer.index):
                writer.added = {}
            pending.append(executor.submit(batch, dict(writer.added)))
            while len(pending) >= executor.slots * IN_FLIGHT_PER_WORKER:
                writer.write(pending.popleft().result())
        while pending:
            writer.write(pending.popleft().result())
    finally:
        executor.close()
    return report
