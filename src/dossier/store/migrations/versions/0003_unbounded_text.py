"""Names, keys, aliases and document ids become unbounded text.

They were VARCHAR(255) or VARCHAR(512): PostgreSQL enforces such a limit and SQLite does not, so a
600-character group name stored fine on SQLite and failed on PostgreSQL. On PostgreSQL the columns
become TEXT (VARCHAR to TEXT is binary-compatible: no table rewrite, indexes kept). On SQLite, which
never enforces a length, nothing changes: rewriting the tables would only drop the FTS5 triggers.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# table -> {column: its former length}
COLUMNS: dict[str, dict[str, int]] = {
    "documents": {"id": 255, "publisher": 255},
    "entities": {"key": 512, "name": 512, "admin1": 255},
    "aliases": {"alias": 512, "norm": 512},
    "mentions": {"doc_id": 255},
    "claims": {"doc_id": 255},
    "event_sources": {"doc_id": 255},
    "event_perpetrators": {"doc_id": 255},
}


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite: the declared length was never enforced
    for table, columns in COLUMNS.items():
        for column, length in columns.items():
            op.alter_column(table, column, type_=sa.Text(), existing_type=sa.String(length))


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table, columns in COLUMNS.items():
        for column, length in columns.items():  # fails if a longer value was stored since
            op.alter_column(table, column, type_=sa.String(length), existing_type=sa.Text())
