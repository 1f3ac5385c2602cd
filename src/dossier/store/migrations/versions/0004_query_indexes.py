"""Indexes for the question answerer and profiles at 100,000 documents and more.

- Composite indexes on claims (entity, predicate, id, other entity, modality) and event_perpetrators (entity,
  event). The single-column ones they replace (their prefixes) made every look-up by entity read each
  matching row, evidence and JSON included, just to test its predicate or modality or find its event: a
  group reported by 100,000 documents has tens of thousands of claims, so `ask` and `profile` spent
  100-300 ms in such reads. Now those filters, and the whole of the connection search and of the event
  counts, are answered from the index.
- SQLite: trigram FTS5 tables over event evidence and document titles, kept in step by triggers, so the
  substring searches of event questions ("Westgate" in any evidence or title) use an index instead of
  reading every row. PostgreSQL has had trigram indexes for the same since 0002 (when pg_trgm is there).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# name -> (table, columns). The id after the predicate keeps one entity's claims of one predicate in id order,
# so "the most recent N" is read off the index without a sort (and SQLite prefers it to ix_claims_predicate).
NEW = {
    "ix_claims_subject_predicate": ("claims", ["subject_id", "predicate", "id", "object_id", "modality"]),
    "ix_claims_object_predicate": ("claims", ["object_id", "predicate", "id", "subject_id", "modality"]),
    "ix_event_perpetrators_entity_event": ("event_perpetrators", ["entity_id", "event_id"]),
}
REPLACED = {  # name -> (table, column)
    "ix_claims_subject_id": ("claims", "subject_id"),
    "ix_claims_object_id": ("claims", "object_id"),
    "ix_event_perpetrators_entity_id": ("event_perpetrators", "entity_id"),
}
# SQLite: trigram FTS table -> (content table, its rowid column, indexed column); kept in step with
# dossier.store.search
SQLITE_TRIGRAMS = {
    "fts_event_evidence": ("event_sources", "id", "evidence"),
    "fts_titles": ("documents", "rowid", "title"),
}


def _sqlite_trigrams() -> None:
    for fts, (table, rowid, col) in SQLITE_TRIGRAMS.items():
        op.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({col}, content='{table}', content_rowid='{rowid}', "
                   f"tokenize='trigram')")
        op.execute(f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN "
                   f"INSERT INTO {fts}(rowid, {col}) VALUES (new.{rowid}, new.{col}); END")
        op.execute(f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN "
                   f"INSERT INTO {fts}({fts}, rowid, {col}) VALUES ('delete', old.{rowid}, old.{col}); END")
        op.execute(f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {col} ON {table} BEGIN "
                   f"INSERT INTO {fts}({fts}, rowid, {col}) VALUES ('delete', old.{rowid}, old.{col}); "
                   f"INSERT INTO {fts}(rowid, {col}) VALUES (new.{rowid}, new.{col}); END")
        op.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")


def upgrade() -> None:
    for name, (table, columns) in NEW.items():
        op.create_index(name, table, columns)
    for name, (table, _) in REPLACED.items():
        op.drop_index(name, table_name=table)
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        version = tuple(int(x) for x in bind.exec_driver_sql("SELECT sqlite_version()").scalar().split("."))
        if version >= (3, 34):  # the trigram tokenizer; without it the searches read every row, as before
            _sqlite_trigrams()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for fts in SQLITE_TRIGRAMS:
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            op.execute(f"DROP TABLE IF EXISTS {fts}")
    for name, (table, column) in REPLACED.items():
        op.create_index(name, table, [column])
    for name, (table, _) in NEW.items():
        op.drop_index(name, table_name=table)
