"""Tables of the knowledge base, as typed SQLAlchemy 2 declarative models.

Row classes are suffixed `Row` so they never clash with the dataclasses of `dossier.model`.
Types are portable (SQLite and PostgreSQL); constraint names come from a naming convention so later
migrations can drop or alter them on every backend. Names, keys, aliases and document ids are unbounded
`Text` (migration 0003): a length limit PostgreSQL enforces and SQLite does not would make a long name
fail on one database only.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("content_hash"),)

    id: Mapped[str] = mapped_column(Text, primary_key=True)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    publisher: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    content_hash: Mapped[str] = mapped_column(String(64))
    source: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))


class EntityRow(Base):
    __tablename__ = "entities"
    __table_args__ = (UniqueConstraint("key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(32), index=True)
    country: Mapped[str | None] = mapped_column(String(8))
    wikidata: Mapped[str | None] = mapped_column(String(32))
    iso: Mapped[str | None] = mapped_column(String(16))
    lat: Mapped[float | None] = mapped_column(Float)
    lon: Mapped[float | None] = mapped_column(Float)
    admin1: Mapped[str | None] = mapped_column(Text)
    precision: Mapped[str | None] = mapped_column(String(16))

    aliases: Mapped[list[AliasRow]] = relationship(
        back_populates="entity", cascade="all, delete-orphan", order_by="AliasRow.id"
    )


class AliasRow(Base):
    __tablename__ = "aliases"
    __table_args__ = (UniqueConstraint("entity_id", "norm"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(Text)
    norm: Mapped[str] = mapped_column(Text, index=True)

    entity: Mapped[EntityRow] = relationship(back_populates="aliases")


class MentionRow(Base):
    __tablename__ = "mentions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    doc_id: Mapped[str] = mapped_column(Text, ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class ClaimRow(Base):
    __tablename__ = "claims"
    # look-ups by entity test the predicate (and modality, and the other side) in the index, not the wide row,
    # and read one predicate's claims in id order (migration 0004); on PostgreSQL the indexes also carry what a
    # profile groups claims by, so it reads them without the table (0005)
    __table_args__ = (
        Index("ix_claims_subject_predicate", "subject_id", "predicate", "id", "object_id", "modality",
              postgresql_include=["attributed_to", "doc_id", "object_literal"]),
        Index("ix_claims_object_predicate", "object_id", "predicate", "id", "subject_id", "modality",
              postgresql_include=["attributed_to", "doc_id", "object_literal"]),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    subject_id: Mapped[int] = mapped_column(ForeignKey("entities.id"))
    predicate: Mapped[str] = mapped_column(String(32), index=True)
    object_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"))
    object_literal: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    qualifiers: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    modality: Mapped[str] = mapped_column(String(16))
    attributed_to: Mapped[str | None] = mapped_column(Text)
    doc_id: Mapped[str] = mapped_column(Text, ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    sentence: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    evidence: Mapped[str] = mapped_column(Text)
    extractor: Mapped[str] = mapped_column(String(64))
    confidence: Mapped[float] = mapped_column(Float)

    subject: Mapped[EntityRow] = relationship(foreign_keys=[subject_id])
    object: Mapped[EntityRow | None] = relationship(foreign_keys=[object_id])


class EventRow(Base):
    """One happening; its figures summarise `sources`, which keep each report's own."""

    __tablename__ = "events"
    # on PostgreSQL with the id, so a walk from the newest date reads the index alone (migration 0005)
    __table_args__ = (Index("ix_events_date", "date", postgresql_include=["id"]),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    type: Mapped[str] = mapped_column(String(64), index=True)
    sub_type: Mapped[str] = mapped_column(String(64))
    date: Mapped[str | None] = mapped_column(String(10))  # ISO, possibly partial
    date_precision: Mapped[str | None] = mapped_column(String(8))
    place_entity_id: Mapped[int | None] = mapped_column(ForeignKey("entities.id"), index=True)
    killed_low: Mapped[int | None] = mapped_column(Integer)
    killed_high: Mapped[int | None] = mapped_column(Integer)
    injured_low: Mapped[int | None] = mapped_column(Integer)
    injured_high: Mapped[int | None] = mapped_column(Integer)
    targets: Mapped[list[str]] = mapped_column(JSON, default=list)

    place: Mapped[EntityRow | None] = relationship()
    sources: Mapped[list[EventSourceRow]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventSourceRow.id"
    )
    perpetrators: Mapped[list[EventPerpetratorRow]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventPerpetratorRow.id"
    )


class EventSourceRow(Base):
    """One document's report of an event, with the figures that document gives."""

    __tablename__ = "event_sources"
    __table_args__ = (UniqueConstraint("event_id", "doc_id", "start", "end"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    doc_id: Mapped[str] = mapped_column(Text, ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    sentence: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    evidence: Mapped[str] = mapped_column(Text)
    killed_low: Mapped[int | None] = mapped_column(Integer)
    killed_high: Mapped[int | None] = mapped_column(Integer)
    injured_low: Mapped[int | None] = mapped_column(Integer)
    injured_high: Mapped[int | None] = mapped_column(Integer)

    event: Mapped[EventRow] = relationship(back_populates="sources")


class EventPerpetratorRow(Base):
    __tablename__ = "event_perpetrators"
    __table_args__ = (UniqueConstraint("event_id", "entity_id", "attribution", "doc_id"),
                      Index("ix_event_perpetrators_entity_event", "entity_id", "event_id"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    entity_id: Mapped[int] = mapped_column(ForeignKey("entities.id"))
    attribution: Mapped[str] = mapped_column(String(16))
    doc_id: Mapped[str | None] = mapped_column(Text, ForeignKey("documents.id", ondelete="CASCADE"), index=True)

    event: Mapped[EventRow] = relationship(back_populates="perpetrators")
    entity: Mapped[EntityRow] = relationship()


TABLES = (
    DocumentRow, EntityRow, AliasRow, MentionRow, ClaimRow, EventRow, EventSourceRow, EventPerpetratorRow,
)
