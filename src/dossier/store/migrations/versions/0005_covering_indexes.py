"""PostgreSQL: covering indexes for profiles (claims by entity and predicate; events by date).

`build_profile` reads the 2,500 most recent claims of each section (who they are about, what they state, in
which report) and groups them. With only the keys of 0004 in the index, PostgreSQL fetched each of those
claim rows from the table: about half of a profile's time at 100,000 documents. With the attribution, the
document and the literal object as INCLUDE columns, the read is an index-only scan (once VACUUM, or
autovacuum, has marked the table's pages all-visible). Same key columns as 0004, so every other look-up
plans as before.

The date index of events carries the event id (INCLUDE), so the newest events of a group are found by
walking it backwards without reading the events themselves (an index-only scan), probing the perpetrator
index for each.

SQLite is left alone: its indexes have no INCLUDE columns, and a literal object as a key column would make
the index as wide as the table; the profile reads SQLite the way it did (see `dossier.query.profile`).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# name -> key columns (as in 0004); both get INCLUDE
INDEXES = {
    "ix_claims_subject_predicate": ["subject_id", "predicate", "id", "object_id", "modality"],
    "ix_claims_object_predicate": ["object_id", "predicate", "id", "subject_id", "modality"],
}
INCLUDE = ["attributed_to", "doc_id", "object_literal"]


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, columns in INDEXES.items():
        op.drop_index(name, table_name="claims")
        op.create_index(name, "claims", columns, postgresql_include=INCLUDE)
    op.drop_index("ix_events_date", table_name="events")
    op.create_index("ix_events_date", "events", ["date"], postgresql_include=["id"])


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name, columns in INDEXES.items():
        op.drop_index(name, table_name="claims")
        op.create_index(name, "claims", columns)
    op.drop_index("ix_events_date", table_name="events")
    op.create_index("ix_events_date", "events", ["date"])
