"""Export the store's entities, claims and events in the formats of the registry.

Add a format by decorating `render(rows, out)` with `@exporter(kind, fmt)` in a module
imported below.

Formats that need the whole knowledge base (STIX 2.1, GeoJSON, GraphML, GEXF) register
`render(scope, out)` with `@scope_exporter(fmt)` (see `scope.py`) and run through
`export_scope(store, fmt, out, group=None)`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from . import acled, csv_table, geojson, graph, jsonl, stix  # noqa: F401  (register their exporters)
from .registry import EXPORTERS, KINDS, exporter, formats
from .scope import SCOPE_EXPORTERS, UnknownGroup, scope_exporter

if TYPE_CHECKING:
    from dossier.store import Store


def export(store: Store, kind: str, fmt: str, out: TextIO, group: str | None = None) -> None:
    """Write every `kind` row of `store` to `out` as `fmt`; with `group`, only that group's events."""
    render = EXPORTERS.get((kind, fmt))
    if render is None:
        raise ValueError(f"no exporter for {kind!r} as {fmt!r}; available: {sorted(EXPORTERS)}")
    if group is not None:
        if kind != "events":
            raise ValueError("group applies to events only")
        from .scope import find_group

        find_group(store.iter_entities(), group)  # UnknownGroup when no entity has that name
        rows = store.iter_events(group=group)
    else:
        rows = {"entities": store.iter_entities, "claims": store.iter_claims, "events": store.iter_events}[kind]()
    if getattr(render, "wants_documents", False):  # e.g. ACLED's `source` column: the publishers
        from .scope import documents

        rows = list(rows)
        docs = documents(store, {d for row in rows for d in row.get("doc_ids") or [row.get("doc_id")] if d})
        render(rows, out, documents=docs)
        return
    render(rows, out)


def export_scope(store: Store, fmt: str, out: TextIO, group: str | None = None) -> None:
    """Write the knowledge base (or `group` and what touches it) to `out` as `fmt` (stix, geojson, graphml, gexf)."""
    from .scope import load

    render = SCOPE_EXPORTERS.get(fmt)
    if render is None:
        raise ValueError(f"no exporter for {fmt!r}; available: {sorted(SCOPE_EXPORTERS)}")
    render(load(store, group), out)


__all__ = ["EXPORTERS", "KINDS", "SCOPE_EXPORTERS", "UnknownGroup", "export", "export_scope", "exporter", "formats",
           "scope_exporter"]
