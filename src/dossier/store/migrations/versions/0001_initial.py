"""Initial schema: documents, entities and aliases, mentions, claims, events with sources and perpetrators.

Revision ID: 0001
Revises:
Create Date: 2026-01-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _id() -> sa.Column:
    return sa.Column("id", sa.Integer(), autoincrement=True, nullable=False)


def _fk(table: str, column: str, target: str, ondelete: str | None = None) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def _span() -> list[sa.Column]:
    return [
        sa.Column("sentence", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
    ]


def _figures() -> list[sa.Column]:
    return [sa.Column(name, sa.Integer(), nullable=True)
            for name in ("killed_low", "killed_high", "injured_low", "injured_high")]


def _indexes(table: str, *columns: str) -> None:
    for column in columns:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(length=255), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("publisher", sa.String(length=255), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("source", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_documents_content_hash")),
    )
    op.create_table(
        "entities",
        _id(),
        sa.Column("key", sa.String(length=512), nullable=False),
        sa.Column("name", sa.String(length=512), nullable=False),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("country", sa.String(length=8), nullable=True),
        sa.Column("wikidata", sa.String(length=32), nullable=True),
        sa.Column("iso", sa.String(length=16), nullable=True),
        sa.Column("lat", sa.Float(), nullable=True),
        sa.Column("lon", sa.Float(), nullable=True),
        sa.Column("admin1", sa.String(length=255), nullable=True),
        sa.Column("precision", sa.String(length=16), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entities")),
        sa.UniqueConstraint("key", name=op.f("uq_entities_key")),
    )
    _indexes("entities", "type")
    op.create_table(
        "aliases",
        _id(),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.String(length=512), nullable=False),
        sa.Column("norm", sa.String(length=512), nullable=False),
        _fk("aliases", "entity_id", "entities", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_aliases")),
        sa.UniqueConstraint("entity_id", "norm", name=op.f("uq_aliases_entity_id_norm")),
    )
    _indexes("aliases", "norm")
    op.create_table(
        "mentions",
        _id(),
        sa.Column("doc_id", sa.String(length=255), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        _fk("mentions", "doc_id", "documents", "CASCADE"),
        _fk("mentions", "entity_id", "entities", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentions")),
    )
    _indexes("mentions", "doc_id", "entity_id")
    op.create_table(
        "claims",
        _id(),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("predicate", sa.String(length=32), nullable=False),
        sa.Column("object_id", sa.Integer(), nullable=True),
        sa.Column("object_literal", sa.JSON(), nullable=True),
        sa.Column("qualifiers", sa.JSON(), nullable=False),
        sa.Column("modality", sa.String(length=16), nullable=False),
        sa.Column("attributed_to", sa.Text(), nullable=True),
        sa.Column("doc_id", sa.String(length=255), nullable=False),
        *_span(),
        sa.Column("extractor", sa.String(length=64), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        _fk("claims", "doc_id", "documents", "CASCADE"),
        _fk("claims", "object_id", "entities"),
        _fk("claims", "subject_id", "entities"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_claims")),
    )
    _indexes("claims", "doc_id", "object_id", "predicate", "subject_id")
    op.create_table(
        "events",
        _id(),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.Column("sub_type", sa.String(length=64), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("date_precision", sa.String(length=8), nullable=True),
        sa.Column("place_entity_id", sa.Integer(), nullable=True),
        *_figures(),
        sa.Column("targets", sa.JSON(), nullable=False),
        _fk("events", "place_entity_id", "entities"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    _indexes("events", "date", "place_entity_id", "type")
    op.create_table(
        "event_sources",
        _id(),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("doc_id", sa.String(length=255), nullable=False),
        *_span(),
        *_figures(),
        _fk("event_sources", "doc_id", "documents", "CASCADE"),
        _fk("event_sources", "event_id", "events", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_sources")),
        sa.UniqueConstraint(
            "event_id", "doc_id", "start", "end", name=op.f("uq_event_sources_event_id_doc_id_start_end")
        ),
    )
    _indexes("event_sources", "doc_id", "event_id")
    op.create_table(
        "event_perpetrators",
        _id(),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("attribution", sa.String(length=16), nullable=False),
        sa.Column("doc_id", sa.String(length=255), nullable=True),
        _fk("event_perpetrators", "doc_id", "documents", "CASCADE"),
        _fk("event_perpetrators", "entity_id", "entities"),
        _fk("event_perpetrators", "event_id", "events", "CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_perpetrators")),
        sa.UniqueConstraint(
            "event_id", "entity_id", "attribution", "doc_id",
            name=op.f("uq_event_perpetrators_event_id_entity_id_attribution_doc_id"),
        ),
    )
    _indexes("event_perpetrators", "doc_id", "entity_id", "event_id")


def downgrade() -> None:
    for table in ("event_perpetrators", "event_sources", "events", "claims", "mentions", "aliases", "entities",
                  "documents"):
        op.drop_table(table)  # drops the table's indexes with it
