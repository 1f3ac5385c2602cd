"""PostgreSQL for tests: the server named by DOSSIER_TEST_PG, one fresh database per test.

Outside CI a missing variable or an unreachable server skips the test with a message saying so;
under CI (CI set) it fails instead, so the PostgreSQL tests can never silently not run there.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

ENV = "DOSSIER_TEST_PG"


def unavailable(reason: str) -> None:
    """Skip outside CI, fail under CI."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set, so this is a failure, not a skip)", pytrace=False)
    pytest.skip(f"{reason}; set {ENV}=postgresql+psycopg://user:password@host:port/db to run it")


def server_url() -> str:
    """The test server's URL, checked reachable; skips or fails (see module doc) when it is not."""
    url = os.environ.get(ENV)
    if not url:
        unavailable(f"no PostgreSQL test server: {ENV} is not set")
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as error:  # noqa: BLE001 - any failure to connect means "no server"
        unavailable(f"PostgreSQL test server {make_url(url).render_as_string()} unreachable: "
                    f"{type(error).__name__}: {str(error).splitlines()[0]}")
    finally:
        engine.dispose()
    return url


@contextmanager
def fresh_database(url: str | None = None) -> Iterator[str]:
    """A new, empty database on the test server (dropped afterwards); yields its URL."""
    base = make_url(url or server_url())
    name = f"dossier_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
