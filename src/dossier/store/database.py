"""`Store`: the one handle the rest of dossier uses to reach the database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, or_, select
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from dossier.model import Document, Extraction

from . import reader, search
from .engine import IMMEDIATE, make_engine, upgrade
from .schema import DocumentRow
from .writer import DuplicateDocumentError, WriteResult, write_batch

WRITE_ATTEMPTS = 5
# SQLSTATEs PostgreSQL gives a transaction that lost a race and may simply be run again
_RETRYABLE = {"40001", "40P01"}  # serialization_failure, deadlock_detected


def _retryable(error: DBAPIError) -> bool:
    return getattr(error.orig, "sqlstate", None) in _RETRYABLE


class Store:
    """A knowledge-base database; opening it brings its schema up to date."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine: Engine = make_engine(url)
        try:
            upgrade(self.engine)
        except Exception:
            self.engine.dispose()
            raise

    @classmethod
    def from_path(cls, path: str | Path) -> Store:
        """Open (creating if needed) the SQLite database at `path`."""
        path = Path(path).expanduser().resolve()
        path.parent.mkdir(parents=True, exist_ok=True)
        return cls(f"sqlite:///{path}")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session for queries the helpers below do not cover."""
        with Session(self.engine) as session:
            yield session

    def has_document(self, doc: Document) -> bool:
        """True when a document with the same id or the same text is already stored."""
        stmt = select(DocumentRow.id).where(
            or_(DocumentRow.id == doc.id, DocumentRow.content_hash == doc.content_hash)
        ).limit(1)
        with Session(self.engine) as session:
            return session.scalar(stmt) is not None

    def stored_documents(self, docs: list[Document]) -> set[str]:
        """The ids and content hashes among `docs`' that are already stored (one query per 500 documents)."""
        found: set[str] = set()
        with self.engine.connect() as conn:
            for lo in range(0, len(docs), 500):
                chunk = docs[lo:lo + 500]
                ids, hashes = [d.id for d in chunk], [d.content_hash for d in chunk]
                for doc_id, content_hash in conn.execute(select(DocumentRow.id, DocumentRow.content_hash).where(
                        or_(DocumentRow.id.in_(ids), DocumentRow.content_hash.in_(hashes)))):
                    found.update((doc_id, content_hash))
        return found

    def _transaction(self, extractions: list[Extraction]) -> list[WriteResult | None]:
        with Session(self.engine.execution_options(**IMMEDIATE)) as session, session.begin():
            return write_batch(session, extractions)

    def write(self, extraction: Extraction) -> WriteResult:
        """Store one document and all that was read from it in a single transaction.

        Raises DuplicateDocumentError if the document is already stored. A transaction that loses a
        race with another writer (a deadlock on PostgreSQL) is retried from scratch.
        """
        for attempt in range(WRITE_ATTEMPTS):
            try:
                [result] = self._transaction([extraction])
            except IntegrityError:
                if attempt + 1 == WRITE_ATTEMPTS:
                    raise
                continue  # lost a race on a key: the next attempt sees the winner's rows
            except DBAPIError as error:
                if not _retryable(error) or attempt + 1 == WRITE_ATTEMPTS:
                    raise
                continue
            if result is None:
                raise DuplicateDocumentError(f"document {extraction.document.id!r} is already stored")
            return result
        raise AssertionError("unreachable")

    def write_many(self, extractions: list[Extraction]) -> list[WriteResult | None]:
        """Store several documents in one transaction, with bulk statements, in order; None for a document
        already stored. The batch is all-or-nothing: a crash leaves no document of it half-written.

        If the batch fails on the database's side, for instance on a race with another writer, it is
        written again one document at a time (each retried as `write` does).
        """
        if not extractions:
            return []
        try:
            return self._transaction(extractions)
        except DBAPIError:
            pass  # written again below, one document (and one retrying transaction) at a time
        results: list[WriteResult | None] = []
        for extraction in extractions:
            try:
                results.append(self.write(extraction))
            except DuplicateDocumentError:
                results.append(None)
        return results

    def search(self, query: str, kind: str = "documents", limit: int = 10) -> list[dict[str, Any]]:
        """Full-text search of documents or claims (PostgreSQL text search, SQLite FTS5), best first."""
        return search.search(self.engine, query, kind=kind, limit=limit)

    def alias_index(self) -> dict[str, str]:
        return reader.alias_index(self.engine)

    def iter_entities(self) -> Iterator[dict[str, Any]]:
        return reader.iter_entities(self.engine)

    def iter_claims(self) -> Iterator[dict[str, Any]]:
        return reader.iter_claims(self.engine)

    def iter_events(self, group: str | None = None, country: str | None = None, since: str | None = None,
                    until: str | None = None) -> Iterator[dict[str, Any]]:
        return reader.iter_events(self.engine, group=group, country=country, since=since, until=until)

    def counts(self) -> dict[str, int]:
        return reader.counts(self.engine)
