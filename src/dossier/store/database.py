"""`Store`: the one handle the rest of dossier uses to reach the database."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from dossier.model import Document, Extraction

from . import reader
from .engine import IMMEDIATE, make_engine, upgrade
from .schema import DocumentRow
from .writer import DuplicateDocumentError, WriteResult, write_extraction

WRITE_ATTEMPTS = 3


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

        Raises DuplicateDocumentError if the document is already stored. A unique-key race
        with another writer (possible on PostgreSQL) is retried from scratch.
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
        raise AssertionError("unreachable")

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
