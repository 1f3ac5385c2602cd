"""The path of the data: read -> parse -> extract -> link -> store, one transaction per batch of documents.

`ingest(..., workers=N)` or `ingest(..., scheduler="tcp://host:port")` runs parsing and extraction on N
local processes or a Dask cluster (see `dossier.parallel`); the result is the same as one process's.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dossier.extract import extract_claims
from dossier.extract.event_claims import event_claims
from dossier.extract.events import extract_events
from dossier.ingest import Fetcher, ReadError, read_paths
from dossier.model import Document, EntityRef, Extraction, Mention
from dossier.nlp.pipeline import load_pipeline
from dossier.resolve.claims import link_claims
from dossier.resolve.events import link_events
from dossier.resolve.linking import DocumentLinker
from dossier.store import Store

BATCH_SIZE = 32
WRITE_BATCH = 32  # documents per write transaction (bulk statements; a crash loses at most these)


@dataclass
class IngestReport:
    documents: int = 0
    claims: int = 0
    events: int = 0
    new_entities: int = 0
    skipped: int = 0
    errors: list[ReadError] = field(default_factory=list)
    reanalysed: int = 0  # parallel runs: documents the client analysed again (see dossier.parallel)

    def summary(self) -> str:
        return (f"{self.documents} documents, {self.claims} claims, {self.events} events, "
                f"{self.new_entities} new entities, {self.skipped} skipped, {len(self.errors)} errors")


class RecordingLinker(DocumentLinker):
    """A DocumentLinker that remembers every entity it linked, so a parallel run can check afterwards
    whether a newer alias index would have linked any of them differently."""

    def __init__(self, doc, alias_index: dict[str, str]) -> None:
        super().__init__(doc, alias_index)
        self.linked: dict[int, EntityRef] = {}

    def ref(self, tok) -> EntityRef | None:
        ref = super().ref(tok)
        if ref is not None:
            self.linked[tok.i] = ref
        return ref


def analyse(doc, document: Document, alias_index: dict[str, str]) -> Extraction:
    """Extract and link everything in one parsed document."""
    return analyse_linked(doc, document, alias_index)[0]


def analyse_linked(doc, document: Document, alias_index: dict[str, str]) -> tuple[Extraction, list[EntityRef]]:
    """`analyse`, plus every entity reference the linker made on the way (used or not)."""
    doc.user_data["published"] = document.published
    linker = RecordingLinker(doc, alias_index)
    raw_events = extract_events(doc)
    claims = link_claims(extract_claims(doc) + list(event_claims(raw_events)), linker, document.id)
    events = link_events(raw_events, linker, document.id)
    mentions = []
    for ent in doc.ents:
        tok = doc[ent.start]  # one token per entity after the pipeline's last merge
        ref = linker.ref(tok)
        if ref is not None:
            mentions.append(Mention(entity=ref, start=tok.idx, end=tok.idx + len(tok.text), text=tok.text))
    return Extraction(document=document, mentions=mentions, claims=claims, events=events), list(linker.linked.values())


def _new_documents(items: Iterable[Document | ReadError], store: Store, report: IngestReport,
                   on_error: Callable[[ReadError], None], lookahead: int = 64) -> Iterator[Document]:
    """The documents among `items` neither stored nor seen before; the store is asked once per
    `lookahead` items, not once per document."""
    seen_ids: set[str] = set()
    seen_hashes: set[str] = set()
    chunk: list[Document | ReadError] = []
    for item in itertools.chain(items, [None]):
        if item is not None:
            chunk.append(item)
            if len(chunk) < lookahead:
                continue
        stored = store.stored_documents([d for d in chunk if isinstance(d, Document)])
        for doc in chunk:
            if isinstance(doc, ReadError):
                report.errors.append(doc)
                on_error(doc)
                continue
            h = doc.content_hash
            if doc.id in seen_ids or h in seen_hashes or doc.id in stored or h in stored:
                report.skipped += 1
                continue
            seen_ids.add(doc.id)
            seen_hashes.add(h)
            yield doc
        chunk = []


def ingest(paths: Iterable[Path | str], store: Store, published: dt.date | None = None,
           publisher: str | None = None, on_error: Callable[[ReadError], None] = lambda e: None,
           on_document: Callable[[Document], None] = lambda d: None,
           fetcher: Fetcher | None = None, workers: int = 1, scheduler: str | None = None) -> IngestReport:
    """Read, analyse and store every new document under `paths` (files, folders, page or feed URLs);
    bad input is reported, not fatal. Feed items already stored are not fetched again.

    With `workers` > 1 or a Dask `scheduler` address, parsing and extraction run in parallel; the
    knowledge base written is the same as with one process."""
    if workers > 1 or scheduler:
        from dossier.parallel import ingest_parallel

        return ingest_parallel(paths, store, workers=workers, scheduler=scheduler, published=published,
                               publisher=publisher, on_error=on_error, on_document=on_document, fetcher=fetcher)
    report = IngestReport()
    nlp = load_pipeline()
    alias_index = store.alias_index()
    docs = read_new_documents(paths, store, report, published, publisher, on_error, fetcher)
    pairs = ((d.text, d) for d in docs)
    pending: list[Extraction] = []
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=BATCH_SIZE):
        extraction = analyse(doc, document, alias_index)
        _remember_aliases(extraction, alias_index)  # stored or not (another process's), its names are known
        pending.append(extraction)
        if len(pending) >= WRITE_BATCH:
            write_batch(store, pending, report, on_document)
            pending = []
    write_batch(store, pending, report, on_document)
    return report


def write_batch(store: Store, extractions: list[Extraction], report: IngestReport,
                on_document: Callable[[Document], None]) -> None:
    """Store analysed documents in one transaction (`Store.write_many`) and count them into `report`;
    a document another process stored meanwhile is skipped."""
    for extraction, result in zip(extractions, store.write_many(extractions), strict=True):
        if result is None:
            report.skipped += 1
            continue
        report.documents += 1
        report.claims += result.claims
        report.events += result.events
        report.new_entities += result.new_entities
        on_document(extraction.document)


def read_new_documents(paths: Iterable[Path | str], store: Store, report: IngestReport,
                       published: dt.date | None, publisher: str | None, on_error: Callable[[ReadError], None],
                       fetcher: Fetcher | None) -> Iterator[Document]:
    """The documents under `paths` not yet stored (nor repeated), in input order; errors go to `report`."""
    items = read_paths(paths, published=published, publisher=publisher, fetcher=fetcher,
                       known=lambda doc_id: store.has_document(Document(id=doc_id, text="\0")))
    return _new_documents(items, store, report, on_error)


def _remember_aliases(extraction: Extraction, index: dict[str, str]) -> dict[str, str]:
    """Later documents in the same run resolve names against what this one introduced; returns what it added."""
    from dossier.names import norm

    added: dict[str, str] = {}
    refs = [m.entity for m in extraction.mentions]
    for ref in refs:
        for alias in ref.aliases or (ref.name,):
            key = norm(alias)
            if key not in index:
                index[key] = added[key] = ref.key
    return added
