"""Engines that behave the same on SQLite and PostgreSQL, and schema upgrades on open."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, String, Text, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

MIGRATIONS = Path(__file__).parent / "migrations"

# Execution option read by the SQLite BEGIN hook: writers take the write lock up front so two
# ingesting processes queue on busy_timeout instead of failing on a read-to-write lock upgrade.
IMMEDIATE = {"sqlite_begin": "IMMEDIATE"}
# pg_advisory_xact_lock key taken while migrating, so processes opening a new database at once take turns
MIGRATION_LOCK = 0x646F73736D6967


def make_engine(url: str) -> Engine:
    """Create an engine; on SQLite, turn on WAL, foreign keys and real transactions."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        # Bulk INSERTs without RETURNING (mentions, claims, event sources, perpetrators) stay psycopg executemany,
        # which pipelines the rows of a prepared INSERT. SQLAlchemy's multi-row VALUES instead
        # (`dialect.use_insertmanyvalues_wo_returning`) took less server CPU (7 s instead of 7-10 s for 3,000
        # documents) but twice the client's (18-20 s instead of 9-11 s) to render each 1,000-row statement and
        # its parameters, and no less time: the client is what bounds the rate.
        return create_engine(url, pool_pre_ping=True)
    memory = parsed.database in (None, "", ":memory:")
    kwargs: dict = {"connect_args": {"timeout": 30}}
    if memory:  # one shared connection, or every checkout would see a new empty database
        kwargs = {"connect_args": {"check_same_thread": False}, "poolclass": StaticPool}
    engine = create_engine(url, **kwargs)
    _sqlite_hooks(engine)
    return engine


def _sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:
        # The sqlite3 module's legacy mode neither BEGINs before SELECT or DDL, so reads are
        # not repeatable and migrations not atomic; emit BEGIN ourselves instead (see
        # SQLAlchemy's "Enabling Non-Legacy SQLite Transactional Modes").
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")  # safe against process crashes in WAL mode
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


def compare_type(context, inspected_column, metadata_column, inspected_type, metadata_type) -> bool | None:
    """Alembic `compare_type` hook: on SQLite a VARCHAR(n) column matches a `Text` model (SQLite never
    enforces the length, so migration 0003 leaves those columns alone there); else Alembic's own rule."""
    if context.dialect.name == "sqlite" and isinstance(metadata_type, Text) and isinstance(inspected_type, String):
        return False
    return None


def alembic_config(url: str) -> Config:
    """An alembic.ini-free configuration pointing at the migrations shipped in the package."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` in one transaction (idempotent)."""
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.execution_options(**IMMEDIATE).begin() as connection:
        if connection.dialect.name == "postgresql":  # SQLite's BEGIN IMMEDIATE already serialises this
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, revision)
