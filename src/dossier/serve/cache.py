"""A small cache of query results that empties itself when the knowledge base changes.

The store only grows by whole documents (one transaction each), so the number of stored documents
is a cheap version stamp. It is read at most every `check_every` seconds, so a document ingested by
another process shows up within that delay; an ingest through this server clears the cache at once.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from sqlalchemy import func, select

from dossier.store import Store
from dossier.store.schema import DocumentRow


class VersionedCache:
    """LRU of computed values, keyed by the caller, dropped whenever the store's version changes."""

    def __init__(self, store: Store, max_entries: int = 1024, check_every: float = 1.0) -> None:
        self.store = store
        self.max_entries = max_entries
        self.check_every = check_every
        self._lock = threading.Lock()
        self._values: OrderedDict[Hashable, Any] = OrderedDict()
        self._version: int | None = None
        self._checked = 0.0

    def _current_version(self) -> int:
        with self.store.session() as session:
            return int(session.scalar(select(func.count()).select_from(DocumentRow)) or 0)

    def _refresh(self) -> None:
        now = time.monotonic()
        if now - self._checked < self.check_every and self._version is not None:
            return
        version = self._current_version()
        with self._lock:
            self._checked = now
            if version != self._version:
                self._version = version
                self._values.clear()

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
            self._version = None

    def lookup(self, key: Hashable) -> Any | None:
        """The cached value for `key`, or None."""
        self._refresh()
        with self._lock:
            value = self._values.get(key)
            if value is not None:
                self._values.move_to_end(key)
            return value

    def put(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._values[key] = value
            while len(self._values) > self.max_entries:
                self._values.popitem(last=False)

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """The cached value for `key`, computing (outside the lock) and keeping it when missing."""
        self._refresh()
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = compute()
        self.put(key, value)
        return value
