"""Full-text search of documents and claims: PostgreSQL text search (GIN) or SQLite FTS5.

PostgreSQL: GIN indexes over `to_tsvector('english', ...)` expressions; the indexes follow every
write by themselves. Where the pg_trgm extension is available, trigram indexes also serve the
substring searches (`ILIKE '%...%'`) of event questions over evidence and titles.
SQLite: external-content FTS5 tables kept in step by triggers, filled from the rows already stored.
`dossier.store.search` queries both with the same expressions.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Kept in step with dossier.store.search (PostgreSQL uses an index only when the expression is the same).
PG_DOCUMENT_VECTOR = "to_tsvector('english', coalesce(title, '') || ' ' || text)"
PG_CLAIM_VECTOR = "to_tsvector('english', evidence)"
SQLITE_TOKENIZE = "porter unicode61 remove_diacritics 2"

_SQLITE_FTS = {  # FTS table -> (content table, its rowid column, indexed columns)
    "fts_documents": ("documents", "rowid", ("title", "text")),
    "fts_claims": ("claims", "id", ("evidence",)),
}


def _sqlite_upgrade() -> None:
    for fts, (table, rowid, columns) in _SQLITE_FTS.items():
        cols = ", ".join(columns)
        new = ", ".join(f"new.{c}" for c in columns)
        old = ", ".join(f"old.{c}" for c in columns)
        op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({cols}, content='{table}', content_rowid='{rowid}', "
                   f"tokenize='{SQLITE_TOKENIZE}')")
        op.execute(f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
                   f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.{rowid}, {new}); END")
        op.execute(f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
                   f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.{rowid}, {old}); END")
        op.execute(f"CREATE TRIGGER {fts}_au AFTER UPDATE ON {table} BEGIN "
                   f"INSERT INTO {fts}({fts}, rowid, {cols}) VALUES ('delete', old.{rowid}, {old}); "
                   f"INSERT INTO {fts}(rowid, {cols}) VALUES (new.{rowid}, {new}); END")
        op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


_TRIGRAM_INDEXES = {"ix_event_sources_evidence_trgm": ("event_sources", "evidence"),
                    "ix_documents_title_trgm": ("documents", "title")}


def _trigrams_available() -> bool:
    """pg_trgm installed, or installable by this role (a trusted extension since PostgreSQL 13)."""
    bind = op.get_bind()
    if not bind.scalar(sa.text("SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm'")):
        return False
    try:
        with bind.begin_nested():  # a refusal must not abort the migration's transaction
            bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError:
        return False
    return True


def _postgresql_upgrade() -> None:
    op.execute(f"CREATE INDEX ix_documents_fts ON documents USING gin ({PG_DOCUMENT_VECTOR})")
    op.execute(f"CREATE INDEX ix_claims_fts ON claims USING gin ({PG_CLAIM_VECTOR})")
    if _trigrams_available():
        for name, (table, column) in _TRIGRAM_INDEXES.items():
            op.execute(f"CREATE INDEX {name} ON {table} USING gin ({column} gin_trgm_ops)")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _sqlite_upgrade()
    elif dialect == "postgresql":
        _postgresql_upgrade()
    else:
        raise NotImplementedError(f"full-text search needs SQLite or PostgreSQL, not {dialect}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for fts in _SQLITE_FTS:
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {fts}")
    else:
        for name in ("ix_claims_fts", "ix_documents_fts", *_TRIGRAM_INDEXES):
            op.execute(f"DROP INDEX IF EXISTS {name}")
