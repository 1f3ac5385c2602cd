"""Storage: a SQLAlchemy database (SQLite by default) whose schema Alembic keeps current.

`Store(url)` opens and migrates; `write(extraction)` stores one document atomically;
the `iter_*` helpers read rows in the export contract's shape.
"""

from .database import Store
from .normalize import normalize_alias
from .writer import DuplicateDocumentError, WriteResult

__all__ = ["DuplicateDocumentError", "Store", "WriteResult", "normalize_alias"]
