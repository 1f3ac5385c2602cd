"""Export the store's entities, claims and events in the formats of the registry.

Add a format by decorating `render(rows, out)` with `@exporter(kind, fmt)` in a module
imported below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from . import csv_table, jsonl  # noqa: F401  (register their exporters)
from .registry import EXPORTERS, KINDS, exporter, formats

if TYPE_CHECKING:
    from dossier.store import Store


def export(store: Store, kind: str, fmt: str, out: TextIO) -> None:
    """Write every `kind` row of `store` to `out` as `fmt`."""
    render = EXPORTERS.get((kind, fmt))
    if render is None:
        raise ValueError(f"no exporter for {kind!r} as {fmt!r}; available: {sorted(EXPORTERS)}")
    rows = {"entities": store.iter_entities, "claims": store.iter_claims, "events": store.iter_events}[kind]()
    render(rows, out)


__all__ = ["EXPORTERS", "KINDS", "export", "exporter", "formats"]
