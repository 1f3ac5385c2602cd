"""What the whole-store exports (STIX, GeoJSON, GraphML, GEXF) read: entities, claims, events and
their source documents, optionally limited to one group and what touches it.

`--group NAME` keeps the entities any of whose names is NAME, the claims with one of them as
subject or object, the events they perpetrated, every entity those claims and events name
(places included), and the documents behind them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from dossier.store import Store

Row = dict[str, Any]

# uuid5 namespace of dossier's exported ids: the same entity key always gives the same id.
NAMESPACE = uuid.UUID("6f1d1c0e-4a7b-5d2e-9c3f-0d05513e0001")


def scope_exporter(fmt: str) -> Callable[[ScopeRenderer], ScopeRenderer]:
    """Register `render(scope, out)` as the whole-store exporter of format `fmt`."""

    def register(render: ScopeRenderer) -> ScopeRenderer:
        SCOPE_EXPORTERS[fmt] = render
        return render

    return register


def stable_uuid(*parts: object) -> str:
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(str(p) for p in parts)))


ScopeRenderer = Callable[["Scope", TextIO], None]
SCOPE_EXPORTERS: dict[str, ScopeRenderer] = {}


class UnknownGroup(ValueError):
    """No entity has the name given to --group."""


@dataclass
class Scope:
    entities: dict[str, Row] = field(default_factory=dict)  # "e12" -> entity row
    claims: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)
    documents: dict[str, Row] = field(default_factory=dict)  # doc id -> {id, url, title, publisher, published}
    focus: list[str] = field(default_factory=list)  # entity ids of the --group, if any
    places_by_key: dict[str, str] = field(default_factory=dict)  # place key -> entity id

    def place_id(self, place: Row | None) -> str | None:
        """The entity id of an event's place dict, when that place is a stored entity."""
        return self.places_by_key.get(place_key(place)) if place else None


def place_key(place: Row) -> str:
    """The store's key of a place entity, from an event's place dict (see model.Place.key)."""
    return f"place:{place.get('iso') or place.get('country') or ''}:{(place.get('name') or '').casefold()}"


def load(store: Store, group: str | None = None) -> Scope:
    """Everything in `store`, or only `group` (any of its names) and what touches it."""
    entities = {e["id"]: e for e in store.iter_entities()}
    places_by_key = {e["key"]: e["id"] for e in entities.values() if e.get("type") == "place"}
    claims = list(store.iter_claims())
    if group is None:
        events = list(store.iter_events())
        scope = Scope(entities, claims, events, places_by_key=places_by_key)
    else:
        focus = find_group(entities.values(), group)
        wanted = set(focus)
        claims = [c for c in claims if c["subject_id"] in wanted or c.get("object_id") in wanted]
        events = [ev for ev in store.iter_events()
                  if any(p.get("id") in wanted for p in ev.get("perpetrators") or [])]
        keep = set(wanted)
        for c in claims:
            keep.update(x for x in (c["subject_id"], c.get("object_id")) if x)
        for ev in events:
            keep.update(p["id"] for p in ev.get("perpetrators") or [] if p.get("id"))
            pid = places_by_key.get(place_key(ev["place"])) if ev.get("place") else None
            if pid:
                keep.add(pid)
        scope = Scope({eid: e for eid, e in entities.items() if eid in keep}, claims, events, focus=focus,
                      places_by_key={k: v for k, v in places_by_key.items() if v in keep})
    scope.documents = documents(store, {c["doc_id"] for c in scope.claims}
                                 | {d for ev in scope.events for d in ev.get("doc_ids") or []})
    return scope


def find_group(entities: Iterable[Row], group: str) -> list[str]:
    """Ids of the entities any of whose names is `group`; UnknownGroup if none."""
    from dossier.store import normalize_alias

    norm = normalize_alias(group)
    found = [e["id"] for e in entities
             if any(normalize_alias(name) == norm for name in [e["name"], *(e.get("aliases") or [])])]
    if not found:
        raise UnknownGroup(f"no entity named {group!r} — check the name with `dossier export entities`")
    return found


def documents(store: Store, ids: set[str]) -> dict[str, Row]:
    """Where each document came from (no text), through the store's read session."""
    if not ids:
        return {}
    from sqlalchemy import select

    from dossier.store.schema import DocumentRow

    cols = (DocumentRow.id, DocumentRow.url, DocumentRow.title, DocumentRow.publisher, DocumentRow.published)
    out: dict[str, Row] = {}
    wanted = sorted(ids)
    with store.session() as session:
        for start in range(0, len(wanted), 500):
            stmt = select(*cols).where(DocumentRow.id.in_(wanted[start:start + 500]))
            for doc_id, url, title, publisher, published in session.execute(stmt):
                out[doc_id] = {"id": doc_id, "url": url, "title": title, "publisher": publisher,
                               "published": published.isoformat() if isinstance(published, dt.date) else None}
    return out
