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
from .writer import DuplicateDocumentError, WriteResult, write_extraction

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

    def write(self, extraction: Extraction) -> WriteResult:
        """Store one document and all that was read from it in a single transaction.

        Raises DuplicateDocumentError if the document is already stored. A transaction that loses a
        race with another writer (a deadlock on PostgreSQL) is retried from scratch.
        """
        doc = extraction.document
        for attempt in range(WRITE_ATTEMPTS):
            if self.has_document(doc):
                raise DuplicateDocumentError(f"document {doc.id!r} is already stored")
            try:
                with Session(self.engine.execution_options(**IMMEDIATE)) as session, session.begin():
                    return write_extraction(session, extraction)
            except IntegrityError as error:
                if self.has_document(doc):  # another writer stored it in the meantime
                    raise DuplicateDocumentError(f"document {doc.id!r} is already stored") from error
                if attempt + 1 == WRITE_ATTEMPTS:
                    raise
            except DBAPIError as error:
                if not _retryable(error) or attempt + 1 == WRITE_ATTEMPTS:
                    raise
        raise AssertionError("unreachable")

    def write_many(self, extractions: list[Extraction]) -> list[WriteResult | None]:
        """Store several documents in one transaction (bulk), in order; None for a document already stored.

        Each document is still all-or-nothing (a savepoint each). If the batch as a whole fails, for
        instance on a race with another writer, it is written again one document at a time.
        """
        try:
            with Session(self.engine.execution_options(**IMMEDIATE)) as session, session.begin():
                results: list[WriteResult | None] = []
                for extraction in extractions:
                    try:
                        with session.begin_nested():
                            results.append(write_extraction(session, extraction))
                    except DuplicateDocumentError:
                        results.append(None)
                return results
        except DBAPIError:
            pass
        results = []
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
